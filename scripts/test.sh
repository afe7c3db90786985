#!/usr/bin/env bash
# Installs what the tests need (Debian), builds the extension out of tree, runs the phpt suite
# (make test) and the C tests of the core (scripts/test-core.sh), and ends with one line
# "N passed, N failed, N skipped".
#   BUILD_DIR            build folder (default /tmp/tokencalc-test)
#   TOKENCALC_SKIP_APT=1 do not touch apt (everything is installed already)
#   TOKENCALC_SHARED     the shared folder with spec/ and vectors/ (default: ../shared beside the repo)
#   TEST_PHP_EXTRA_ARGS  more run-tests.php arguments
set -uo pipefail
. "$(dirname "$0")/lib.sh"
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
export TOKENCALC_SHARED=${TOKENCALC_SHARED:-$(cd "$tc_root/.." && pwd)/shared}
export TOKENCALC_README="$tc_root/README.md"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# --- dependencies (Debian's packages, for the PHP on PATH or, on a new machine, PHP 8.2) ---
apt_ensure_php || die "installing the dependencies failed"

# --- build ---
"$tc_root/scripts/build.sh" || die "the build failed"
obj="$BUILD_DIR/obj"
src="$BUILD_DIR/src"

# make test runs PHP with extension_dir = the build's modules/; tests that use bcmath, gmp, sodium or
# ffi as an oracle name them in --EXTENSIONS--, so link the system's shared builds of those in.
extdir=$(php-config --extension-dir)
for ext in bcmath gmp sodium ffi pdo pdo_sqlite sqlite3; do
	[ -f "$extdir/$ext.so" ] && ln -sf "$extdir/$ext.so" "$obj/modules/$ext.so"
done

# --- phpt suite ---
make -C "$obj" test NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TESTS="$src/tests" \
	TEST_PHP_ARGS="-j$(nproc) --show-diff --set-timeout $TC_TEST_TIMEOUT ${TEST_PHP_EXTRA_ARGS:-}" 2>&1 | tee "$log"
runtests_judge "$log" "${PIPESTATUS[0]}"
echo "phpt: $rt_passed passed, $rt_failed failed, $rt_skipped skipped"
passed=$((passed + rt_passed)) failed=$((failed + rt_failed)) skipped=$((skipped + rt_skipped))

# --- C tests of the core (no PHP) ---
"$tc_root/scripts/test-core.sh" >"$log" 2>&1
status=$?
sed -E 's/^([0-9]+ passed, [0-9]+ failed)/core: \1/' "$log"
totals_add_run "$log" "$status"

totals_line
[ "$failed" -eq 0 ]
