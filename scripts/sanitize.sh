#!/usr/bin/env bash
# Runs the whole phpt suite against the extension built with AddressSanitizer + UBSan, then under
# valgrind (run-tests.php -m), and ends with one line "N passed, N failed, N skipped" over both passes.
#   scripts/sanitize.sh                  both passes
#   scripts/sanitize.sh --asan-only      only the ASan/UBSan pass
#   scripts/sanitize.sh --valgrind-only  only the valgrind pass
#   SANITIZE_SKIP_VECTORS=1   the valgrind pass leaves out tests named *_vectors* (slow under valgrind)
#   SANITIZE_SLOW=1           also run the tests that skip themselves under SKIP_SLOW_TESTS (php-src's
#                             convention; receipt_limits.phpt takes over 10 minutes under ASan or valgrind)
#   SANITIZE_DIR              where the two builds go (default /tmp/tc-sanitize: asan/, valgrind/)
#   TOKENCALC_SHARED          the shared folder with the vectors (default: ../shared beside the repo)
# A pass fails on any failed test, any sanitizer report (also from a SKIPIF section), any leak.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
mode=${1:-all}
case $mode in all|--asan-only|--valgrind-only) ;; *) echo "usage: $0 [--asan-only|--valgrind-only]" >&2; exit 2;; esac
dir=${SANITIZE_DIR:-/tmp/tc-sanitize}
export TOKENCALC_SHARED=${TOKENCALC_SHARED:-$(cd "$tc_root/.." && pwd)/shared}
export TOKENCALC_README="$tc_root/README.md"

extra=()
[ "$mode" = --asan-only ] || extra+=(valgrind)
apt_ensure_php "" "${extra[@]}" || die "installing the dependencies failed"

# Builds into $1 with the given CFLAGS/LDFLAGS and links the oracle extensions the tests name in
# --EXTENSIONS-- into its modules/ (make test points extension_dir there, and run-tests loads them from it).
build() {
	local bdir=$1
	BUILD_DIR=$bdir CFLAGS="$2" LDFLAGS="$3" "$tc_root/scripts/build.sh" >/dev/null || return 1
	local extdir
	extdir=$(php-config --extension-dir)
	# Every shared extension of the system PHP, so that any --EXTENSIONS-- (bcmath, gmp, pdo_sqlite, …) loads.
	for so in "$extdir"/*.so; do
		[ "$(basename "$so")" = tokencalc.so ] || ln -sf "$so" "$bdir/obj/modules/$(basename "$so")"
	done
	return 0
}

# The tests to run: every .phpt in the build's copy of tests/ (so .out/.diff files stay out of the repo).
test_list() {
	local skip=$2
	find "$1/src/tests" -maxdepth 1 -name '*.phpt' | sort | while read -r t; do
		case $(basename "$t") in *_vectors*) [ "$skip" = 1 ] && continue;; esac
		echo "$t"
	done
}

# run_suite LABEL BUILD_DIR LOG TEST_PHP_ARGS SKIP_VECTORS -> adds to passed/failed
run_suite() {
	local label=$1 bdir=$2 log=$3 args=$4 skip=$5
	local tests
	tests=$(test_list "$bdir" "$skip" | tr '\n' ' ')
	[ -n "$tests" ] || { echo "$label: no tests found"; failed=$((failed + 1)); return; }
	local t0=$SECONDS
	timeout --kill-after=30 "${SANITIZE_TIMEOUT:-3000}" make -C "$bdir/obj" test NO_INTERACTION=1 REPORT_EXIT_STATUS=1 \
		TESTS="$tests" TEST_PHP_ARGS="$args" >"$log" 2>&1
	local status=$?
	runtests_judge "$log" "$status"
	grep -E '^(FAIL|LEAK|BORK)' "$log" | sed "s/^/$label: /"
	echo "$label: $rt_passed passed, $rt_failed failed (leaks and borked tests count as failed), $rt_skipped skipped ($((SECONDS - t0)) s; log $log)"
	passed=$((passed + rt_passed)) failed=$((failed + rt_failed)) skipped=$((skipped + rt_skipped))
}

mkdir -p "$dir"
if [ "${SANITIZE_SLOW:-0}" != 1 ]; then
	export SKIP_SLOW_TESTS=1
	echo "SKIP_SLOW_TESTS=1: slow tests skip themselves (SANITIZE_SLOW=1 runs them)"
fi

if [ "$mode" != --valgrind-only ]; then
	san="-fsanitize=address,undefined -fno-omit-frame-pointer"
	build "$dir/asan" "$san -g -O1" "-fsanitize=address,undefined" || die "the ASan build failed"
	# Debian's php dlopen()s extensions with RTLD_DEEPBIND, which the ASan runtime refuses (it would
	# miss interceptions): a small preloaded shim drops that flag before ASan's dlopen sees the call.
	cat >"$dir/nodeepbind.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
C
	gcc -shared -fPIC -O2 -o "$dir/nodeepbind.so" "$dir/nodeepbind.c" -ldl || die "building the dlopen shim failed"
	reports="$dir/asan-reports"
	rm -rf "$reports" && mkdir -p "$reports"
	# php itself is not instrumented: the ASan runtime must be loaded first, into every process make
	# starts. Leak checking is valgrind's job (php frees little at exit by design); the runtimes write
	# their reports to files so that no report goes unseen, even from a SKIPIF section.
	(
		export LD_PRELOAD
		LD_PRELOAD="$dir/nodeepbind.so:$(gcc -print-file-name=libasan.so)"
		export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
		export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=0:halt_on_error=1:abort_on_error=0:detect_odr_violation=0:log_path=$reports/asan"
		export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
		run_suite asan "$dir/asan" "$dir/asan.log" "-j$(nproc) --no-color --show-diff --set-timeout ${SANITIZE_TEST_TIMEOUT:-600}" 0
		echo "$passed $failed $skipped" >"$dir/asan.counts"
	)
	read -r passed failed skipped <"$dir/asan.counts"
	if compgen -G "$reports/*" >/dev/null; then
		echo "asan: sanitizer reports:"
		for r in "$reports"/*; do sed 's/^/  /' "$r" | head -40; done
		failed=$((failed + $(ls "$reports" | wc -l)))
	fi
fi

if [ "$mode" != --asan-only ]; then
	command -v valgrind >/dev/null || die "valgrind is not installed"
	build "$dir/valgrind" "-g -O2" "" || die "the build for valgrind failed"
	# PCRE's JIT writes code valgrind cannot follow, which it reports as uninitialised values in
	# unnamed frames (run-tests turns on --smc-check=all only for tests named *pcre*): JIT off.
	run_suite valgrind "$dir/valgrind" "$dir/valgrind.log" "-j$(nproc) -m -d pcre.jit=0 --no-color --show-diff --set-timeout ${SANITIZE_TEST_TIMEOUT:-600}" "${SANITIZE_SKIP_VECTORS:-0}"
	[ "${SANITIZE_SKIP_VECTORS:-0}" = 1 ] && echo "valgrind: *_vectors* tests left out (SANITIZE_SKIP_VECTORS=1)"
fi

totals_line
[ "$failed" -eq 0 ]
