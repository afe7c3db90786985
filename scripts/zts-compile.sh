#!/usr/bin/env bash
# Compiles the binding's C files as a thread-safe (ZTS) build would: ZTS defined, module globals and
# the TSRM cache through their ZTS macros, -Wall -Werror. Debian ships no ZTS PHP and its source
# packages are not reachable here, so this checks that the ZTS code paths compile against the installed
# engine headers; it cannot load or run the module in a ZTS PHP. Ends with "N passed, N failed".
#   BUILD_DIR   a configured build from scripts/build.sh (built when missing); default /tmp/tokencalc-test
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
obj="$BUILD_DIR/obj"
src="$BUILD_DIR/src"
if [ ! -f "$obj/config.h" ]; then
	"$root/scripts/build.sh" >/dev/null || { echo "zts-compile: the build failed"; echo "0 passed, 1 failed"; exit 1; }
fi

cc=${CC:-cc}
flags=(-std=gnu11 -Wall -Werror -D_GNU_SOURCE -DHAVE_CONFIG_H -DZTS=1 -DCOMPILE_DL_TOKENCALC=1
	-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I"$obj" -I"$obj/include" -I"$obj/main" -I"$src" -I"$src/ext/tokencalc")
read -r -a includes <<<"$(php-config --includes)"
passed=0 failed=0
for f in "$src"/ext/tokencalc/*.c; do
	name=$(basename "$f")
	if ! out=$("$cc" "${flags[@]}" "${includes[@]}" -fsyntax-only "$f" 2>&1); then
		echo "FAIL $name (ZTS):"
		echo "$out" | head -n 20
		failed=$((failed + 1))
		continue
	fi
	# The check is only worth something if ZTS really took effect: the module globals must go through
	# the TSRM cache in the preprocessed source.
	if [ "$name" = tokencalc.c ] && [ "$("$cc" "${flags[@]}" "${includes[@]}" -E "$f" 2>/dev/null | grep -c '_tsrm_ls_cache')" -eq 0 ]; then
		echo "FAIL $name: ZTS was defined but the module globals do not use the TSRM cache"
		failed=$((failed + 1))
		continue
	fi
	echo "ok   $name (ZTS)"
	passed=$((passed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
