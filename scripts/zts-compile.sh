#!/usr/bin/env bash
# ZTS compile check. What it proves, and no more: every C file of the binding compiles
# (-fsyntax-only, -Wall -Werror) with ZTS defined against the installed engine's headers, and in
# tokencalc.c the module globals then go through the TSRM cache (_tsrm_ls_cache). Those headers are
# a non-ZTS PHP's (Debian ships no ZTS PHP, and php-src is not reachable here): nothing is linked,
# loaded or run in a ZTS PHP, so thread safety at run time is not tested.
# Ends with "N passed, N failed" (one per C file).
#   BUILD_DIR   a configured build from scripts/build.sh (built when missing); default /tmp/tokencalc-test
set -uo pipefail
. "$(dirname "$0")/lib.sh"
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
obj="$BUILD_DIR/obj"
src="$BUILD_DIR/src"
if [ ! -f "$obj/config.h" ]; then
	"$tc_root/scripts/build.sh" >/dev/null || die "the build failed"
fi

php_version=$(php-config --version)
say "compiling with ZTS defined against the headers of PHP $php_version ($(php -r 'echo PHP_ZTS ? "a ZTS build" : "a non-ZTS build";')); compile only, nothing is loaded"
cc=${CC:-cc}
flags=(-std=gnu11 -Wall -Werror -D_GNU_SOURCE -DHAVE_CONFIG_H -DZTS=1 -DCOMPILE_DL_TOKENCALC=1
	-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I"$obj" -I"$obj/include" -I"$obj/main" -I"$src" -I"$src/ext/tokencalc")
read -r -a includes <<<"$(php-config --includes)"
for f in "$src"/ext/tokencalc/*.c; do
	name=$(basename "$f")
	if ! out=$("$cc" "${flags[@]}" "${includes[@]}" -fsyntax-only "$f" 2>&1); then
		echo "FAIL $name (ZTS defined):"
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
	echo "ok   $name compiles with ZTS defined (PHP $php_version headers)"
	passed=$((passed + 1))
done
echo "zts-compile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
