#!/usr/bin/env bash
# Builds the extension out of tree, the way PECL does: the sources are copied to $BUILD_DIR/src,
# phpize runs there, and configure + make run in $BUILD_DIR/obj. The repository stays clean.
#   BUILD_DIR   where to build (default: /tmp/tokencalc-build)
#   PHPIZE, PHP_CONFIG   which PHP to build for (default: the ones on PATH)
#   CFLAGS, LDFLAGS      passed to configure (sanitizers, coverage, ...)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-build}
PHPIZE=${PHPIZE:-phpize}
PHP_CONFIG=${PHP_CONFIG:-php-config}

src="$BUILD_DIR/src"
obj="$BUILD_DIR/obj"
mkdir -p "$src" "$obj"

# The files a build needs: what git tracks plus what is new and not ignored (outside a git checkout,
# say an unpacked release archive: everything but what .gitignore names).
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
		rsync -a --from0 --ignore-missing-args --files-from=- "$root/" "$src/"
else
	rsync -a --exclude=.git --filter=':- .gitignore' "$root/" "$src/"
fi

cd "$src"
if [ ! -f configure ] || [ config.m4 -nt configure ]; then
	"$PHPIZE" >/dev/null
fi
cd "$obj"
if [ ! -f Makefile ] || [ "$src/configure" -nt Makefile ]; then
	"$src/configure" --with-php-config="$(command -v "$PHP_CONFIG")" --enable-tokencalc >/dev/null
fi
make -j"$(nproc)" >/dev/null
echo "built $obj/modules/tokencalc.so"
