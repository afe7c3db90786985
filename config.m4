dnl config.m4 for extension tokencalc (sources live in ext/tokencalc/)

PHP_ARG_ENABLE([tokencalc],
  [whether to enable tokencalc support],
  [AS_HELP_STRING([--enable-tokencalc], [Enable tokencalc (exact decimal token arithmetic)])],
  [no])

dnl Only for GMP installed outside the compiler's default paths; the fifth argument keeps phpize
dnl from switching it on by itself.
PHP_ARG_WITH([tokencalc-gmp-dir],
  [for the GMP install prefix],
  [AS_HELP_STRING([--with-tokencalc-gmp-dir[=DIR]], [tokencalc: GMP install prefix, when not in a default path])],
  [no],
  [no])

if test "$PHP_TOKENCALC" != "no"; then
  dnl GMP: a header and a library, optionally under a prefix.
  if test "$PHP_TOKENCALC_GMP_DIR" != "no" && test "$PHP_TOKENCALC_GMP_DIR" != "yes"; then
    PHP_ADD_INCLUDE([$PHP_TOKENCALC_GMP_DIR/include])
    PHP_ADD_LIBRARY_WITH_PATH([gmp], [$PHP_TOKENCALC_GMP_DIR/$PHP_LIBDIR], [TOKENCALC_SHARED_LIBADD])
    CPPFLAGS="$CPPFLAGS -I$PHP_TOKENCALC_GMP_DIR/include"
    LDFLAGS="$LDFLAGS -L$PHP_TOKENCALC_GMP_DIR/$PHP_LIBDIR"
  fi
  AC_CHECK_HEADER([gmp.h], [], [AC_MSG_ERROR([gmp.h not found: install libgmp-dev (or pass --with-tokencalc-gmp-dir=DIR)])])
  PHP_CHECK_LIBRARY([gmp], [__gmpz_init],
    [PHP_ADD_LIBRARY([gmp], [1], [TOKENCALC_SHARED_LIBADD])],
    [AC_MSG_ERROR([libgmp not found: install libgmp-dev (or pass --with-tokencalc-gmp-dir=DIR)])])

  dnl libsodium through pkg-config, as php-src's ext/sodium finds it.
  PKG_CHECK_MODULES([LIBSODIUM], [libsodium >= 1.0.8], [],
    [AC_MSG_ERROR([libsodium >= 1.0.8 not found: install libsodium-dev])])
  PHP_EVAL_INCLINE([$LIBSODIUM_CFLAGS])
  PHP_EVAL_LIBLINE([$LIBSODIUM_LIBS], [TOKENCALC_SHARED_LIBADD])

  TOKENCALC_SOURCES="ext/tokencalc/tokencalc.c \
    ext/tokencalc/tokencalc_fees.c \
    ext/tokencalc/tokencalc_mint.c \
    ext/tokencalc/tokencalc_mint_rows.c \
    ext/tokencalc/tokencalc_q96.c \
    ext/tokencalc/tokencalc_mem.c \
    ext/tokencalc/tokencalc_receipt.c \
    ext/tokencalc/core/decimal.c \
    ext/tokencalc/core/fees.c \
    ext/tokencalc/core/mint.c \
    ext/tokencalc/core/q96.c \
    ext/tokencalc/core/receipt.c \
    ext/tokencalc/core/text.c"

  dnl Only get_module is exported (ZEND_DLEXPORT); hidden symbols make calls into the core direct
  dnl instead of going through the PLT on every operation.
  TOKENCALC_CFLAGS="-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  AX_CHECK_COMPILE_FLAG([-fvisibility=hidden], [TOKENCALC_CFLAGS="$TOKENCALC_CFLAGS -fvisibility=hidden"])
  dnl Every function on a cache line of its own: without it, code added in one file moved the hot
  dnl paths of the others and the fee split measured 8% slower after a change to the receipts alone
  dnl (PHP 8.4, benchmarks/results/workloads-before-after.md).
  AX_CHECK_COMPILE_FLAG([-falign-functions=64], [TOKENCALC_CFLAGS="$TOKENCALC_CFLAGS -falign-functions=64"])

  PHP_NEW_EXTENSION([tokencalc], [$TOKENCALC_SOURCES], [$ext_shared], [], [$TOKENCALC_CFLAGS])
  PHP_ADD_INCLUDE([$ext_srcdir/ext/tokencalc])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/tokencalc])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/tokencalc/core])
  PHP_SUBST([TOKENCALC_SHARED_LIBADD])
  dnl The development targets (make tc-help) beside make test; absent from the PECL tarball, and then skipped.
  PHP_ADD_MAKEFILE_FRAGMENT
fi
