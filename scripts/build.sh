#!/usr/bin/env bash
# Builds the extension out of tree, the way PECL does: the sources are copied to $BUILD_DIR/src,
# phpize runs there, and configure + make run in $BUILD_DIR/obj. The repository stays clean.
#   BUILD_DIR   where to build (default: /tmp/tokencalc-build)
#   PHPIZE, PHP_CONFIG   which PHP to build for (default: the ones on PATH)
#   CFLAGS, LDFLAGS      passed to configure (sanitizers, coverage, ...)
# $BUILD_DIR/obj/Makefile then also has the development targets of Makefile.frag (make tc-help),
# which run the scripts of this repository (its path is kept in $BUILD_DIR/src/.tokencalc-origin).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-build}
PHPIZE=${PHPIZE:-phpize}
PHP_CONFIG=${PHP_CONFIG:-php-config}

src="$BUILD_DIR/src"
obj="$BUILD_DIR/obj"
mkdir -p "$src" "$obj"
tc_copy_sources "$tc_root" "$src"
echo "$tc_root" >"$src/.tokencalc-origin"

cd "$src"
if [ ! -f configure ] || [ config.m4 -nt configure ]; then
	"$PHPIZE" >/dev/null
fi
cd "$obj"
# configure also appends Makefile.frag to the Makefile.
if [ ! -f Makefile ] || [ "$src/configure" -nt Makefile ] || [ "$src/Makefile.frag" -nt Makefile ]; then
	"$src/configure" --with-php-config="$(command -v "$PHP_CONFIG")" --enable-tokencalc >/dev/null
fi
make -j"$(nproc)" >/dev/null
echo "built $obj/modules/tokencalc.so"
