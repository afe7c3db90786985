#!/usr/bin/env bash
# Runs the benchmarks: builds the legacy FFI library when cargo is there (cached), then run.php
# with bcmath/ffi/gmp loaded as shared modules and the tokencalc module from --ext=PATH,
# $TOKENCALC_SO, or $BUILD_DIR/obj/modules/tokencalc.so as scripts/build.sh leaves it.
#   benchmarks/run.sh [--quick] [--ext=PATH] [--out=DIR] [--tag=NAME] [--only=add,mint,widths,...]
#                     [--jit=off,tracing] [--impls=tokencalc,bcmath]
# --quick is the regression gate: its last line is `N passed, N failed[, N skipped]`, its exit status
# non-zero when tokencalc is slower than bcmath anywhere (every width of the sweep, both JIT modes).
# Inside a Debian root of scripts/test-root.sh: benchmarks/run-in-root.sh (builds the module there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PHP=${PHP:-php}

if command -v cargo >/dev/null; then
	"$here/legacy-ffi/build.sh" >/dev/null || echo "run.sh: legacy FFI library did not build; FFI rows will be skipped" >&2
fi

ext=${TOKENCALC_SO:-}
for a in "$@"; do
	case $a in --ext=*) ext=${a#--ext=} ;; esac
done
if [ -z "$ext" ] && [ -f "${BUILD_DIR:-/tmp/tokencalc-build}/obj/modules/tokencalc.so" ]; then
	ext="${BUILD_DIR:-/tmp/tokencalc-build}/obj/modules/tokencalc.so"
fi

flags=(-n -d memory_limit=-1 -d display_errors=stderr -d ffi.enable=1)
extdir=$("$PHP" -r 'echo ini_get("extension_dir");')
for m in bcmath gmp ffi sodium; do
	[ -f "$extdir/$m.so" ] && flags+=(-d "extension=$m")
done
[ -n "$ext" ] && flags+=(-d "extension=$ext")
exec "$PHP" "${flags[@]}" "$here/run.php" "$@"
