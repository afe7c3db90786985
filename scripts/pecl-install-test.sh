#!/usr/bin/env bash
# Installs tokencalc the way users do and tests the installed module:
#   1. builds the PECL tarball (scripts/package.sh, which first runs scripts/check-package.sh);
#   2. `pecl uninstall tokencalc` if an earlier run (or anyone) installed it, so the script can run again;
#   3. `pecl install ./tokencalc-X.Y.Z.tgz` with standard input closed: PECL answers the configure
#      prompt with its default and builds out of tree in its own temp folder, as on a user's machine;
#   4. loads the installed module (`-d extension=tokencalc`, no ini file is written), checks
#      `php -m`, phpversion('tokencalc') and one sum;
#   5. runs the phpt suite that the tarball shipped (PECL puts it in `pecl config-get test_dir`, and
#      the README and examples it reads in doc_dir) with run-tests.php against the installed module,
#      with TOKENCALC_SHARED set for the vectors.
# Installs the Debian packages it needs when they are missing (needs root then; TOKENCALC_SKIP_APT=1:
# never, fail instead). PECL's state is machine-wide: do not run two of these at once.
#   TOKENCALC_SHARED   the shared folder with vectors/ (default: ../shared beside the repository)
#   PECL_TEST_LOG      log of apt, pecl and run-tests (default /tmp/tokencalc-pecl-install.log)
#   TEST_PHP_ARGS      extra run-tests.php arguments (e.g. -m for valgrind)
# The last line printed is the totals of the phpt run: `N passed, N failed[, N skipped]`; the exit
# status is non-zero when a step or a test failed, or when no test ran.
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C DEBIAN_FRONTEND=noninteractive NO_INTERACTION=1
. "$(dirname "$0")/lib.sh"
root=$tc_root
LOG=${PECL_TEST_LOG:-/tmp/tokencalc-pecl-install.log}
if [ -z "${TOKENCALC_SHARED:-}" ] && [ -d "$root/../shared" ]; then
	TOKENCALC_SHARED=$(cd "$root/../shared" && pwd)
fi
export TOKENCALC_SHARED=${TOKENCALC_SHARED:-}
: >"$LOG"

logged() { # runs a command with its output in the log; on failure shows the log's tail
	echo "+ $*" >>"$LOG"
	if ! "$@" >>"$LOG" 2>&1 </dev/null; then
		tail -n 40 "$LOG" >&2
		return 1
	fi
}

# --- 0. what the build and the suite need -------------------------------------------------------
apt_ensure_php || die "installing the dependencies failed"
php_ver=$(tc_php_version)
ext_dir=$(php-config --extension-dir)
php_bin=$(command -v php)
say "PHP $php_ver ($php_bin), extension dir $ext_dir"

work=$(mktemp -d /tmp/tokencalc-pecl.XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- 1. the tarball -------------------------------------------------------------------------------
tgz=$(OUT_DIR=$work "$root/scripts/package.sh" 2>>"$LOG") || { tail -n 20 "$LOG" >&2; die "scripts/package.sh failed"; }
name=$(basename "$tgz" .tgz)
version=${name#tokencalc-}
say "built $name.tgz"

# --- 2. a clean slate ------------------------------------------------------------------------------
# (grep reads whole outputs kept in variables: `cmd | grep -q` fails under pipefail when grep stops early)
installed=$(pecl list -c pecl.php.net 2>/dev/null || true)
if grep -q '^tokencalc[[:space:]]' <<<"$installed"; then
	logged pecl uninstall tokencalc || die "pecl uninstall tokencalc failed"
	say "uninstalled the tokencalc an earlier run had installed"
fi
rm -f "$ext_dir/tokencalc.so" # a copy left by a failed or manual install would hide a broken one

# --- 3. pecl install, stdin closed ------------------------------------------------------------------
(cd "$work" && logged pecl install "./$name.tgz") || die "pecl install ./$name.tgz failed (log: $LOG)"
grep -q "^install ok: channel://pecl.php.net/$name\$" "$LOG" || die "pecl install did not say 'install ok' (log: $LOG)"
[ -f "$ext_dir/tokencalc.so" ] || die "pecl install left no $ext_dir/tokencalc.so"
say "pecl install ./$name.tgz: $(grep -m1 '^running: .*configure' "$LOG" | sed 's/^running: //; s|^[^ ]*/configure|configure|')"

# --- 4. load the installed module --------------------------------------------------------------------
load=(-d extension=tokencalc)
if grep -qx tokencalc <<<"$(php -m 2>/dev/null || true)"; then
	load=() # some ini file enables it already: loading twice only warns
fi
modules=$(php "${load[@]}" -m 2>>"$LOG") || die "php ${load[*]} -m failed"
grep -qx tokencalc <<<"$modules" || die "php ${load[*]} -m does not list tokencalc"
loaded=$(php "${load[@]}" -r 'echo phpversion("tokencalc"), " ", (new ReflectionExtension("tokencalc"))->getName();' 2>>"$LOG") ||
	die "cannot query the loaded module"
[ "${loaded%% *}" = "$version" ] || die "the loaded module says version '${loaded%% *}', the tarball is $version"
sum=$(php "${load[@]}" -r 'echo tokencalc_add("0.1", "0.2");' 2>>"$LOG") || die "tokencalc_add() failed in the installed module"
[ "$sum" = 0.3 ] || die "tokencalc_add('0.1', '0.2') gave '$sum' in the installed module"
say "php ${load[*]} -m lists tokencalc $version; tokencalc_add('0.1', '0.2') = $sum"

# --- 5. the shipped phpt suite against the installed module ------------------------------------------
test_dir=$(pecl config-get test_dir 2>/dev/null)/tokencalc/tests
doc_dir=$(pecl config-get doc_dir 2>/dev/null)/tokencalc
[ -d "$test_dir" ] || die "pecl installed no tests in $test_dir"
[ -f "$doc_dir/README.md" ] || die "pecl installed no $doc_dir/README.md"
# Run a copy laid out like the sources (tests/ beside README.md and examples/, which some tests
# read), made only of what PECL installed; run-tests also writes .out/.diff files beside the tests.
mkdir "$work/pkg"
cp -R "$doc_dir/." "$work/pkg/"
cp -R "$test_dir" "$work/pkg/tests"
export TOKENCALC_README=$work/pkg/README.md
run_tests=
for f in "$ext_dir/build/run-tests.php" "$(php-config --prefix)/lib/php/build/run-tests.php" /usr/lib/php/*/build/run-tests.php; do
	if [ -f "$f" ]; then run_tests=$f; break; fi
done
[ -n "$run_tests" ] || die "no run-tests.php found (it comes with php$php_ver-dev)"
[ -n "$TOKENCALC_SHARED" ] || say "TOKENCALC_SHARED unset and no ../shared: the vector tests will skip"
say "running $(find "$work/pkg/tests" -name '*.phpt' | wc -l) phpt files from $test_dir with $run_tests"

out=$work/run-tests.out
set +e
# shellcheck disable=SC2086 # TEST_PHP_ARGS is a list of words
TEST_PHP_EXECUTABLE=$php_bin REPORT_EXIT_STATUS=1 \
	php "$run_tests" -q -j2 --no-color --show-diff --set-timeout "$TC_TEST_TIMEOUT" "${load[@]}" ${TEST_PHP_ARGS:-} "$work/pkg/tests" </dev/null >"$out" 2>&1
rc=$?
set -e
cat "$out" >>"$LOG"
# One line per test that did not pass (with its reason), then run-tests' summary block.
grep -oE '(SKIP|FAIL|BORK|LEAK) .*\[[^]]*\.phpt\].*' "$out" | sed 's|\[[^]]*/pkg/tests/|[tests/|' >&2 || true
grep -E '^Tests [a-z]+ +:|^Expected fail|^Number of tests' "$out" >&2 || true

runtests_totals "$out" || true # no test run, or all skipped: both handled below
passed=$rt_passed failed=$rt_failed skipped=$rt_skipped
if grep -q '^No tests found' "$out" || [ $((passed + failed + skipped)) -eq 0 ]; then
	tail -n 20 "$out" >&2
	say "no test ran"
	echo "0 passed, 1 failed"
	exit 1
fi
if [ "$failed" -gt 0 ]; then
	sed -n '/^========DIFF========$/,/^========DONE========$/p' "$out" | head -n 80 >&2
	sed -n '/^FAILED TEST SUMMARY$/,/^=\{10,\}$/p' "$out" >&2
	say "FAILED (run-tests exit $rc; full output in $LOG)"
	rc=1
elif [ "$passed" -eq 0 ]; then
	say "every test skipped: nothing was tested"
	rc=1
elif [ "$rc" -ne 0 ]; then
	tail -n 20 "$out" >&2
	say "run-tests.php exited $rc"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
