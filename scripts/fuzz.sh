#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (clang, ASan + UBSan) and runs each for a bounded time.
#   scripts/fuzz.sh [seconds per target, default 60]
#   FUZZ_OUT   build and work directory (default /tmp/tc-fuzz)
#   FUZZ_JOBS  unused by default; each target runs as one process
# The committed seed corpus (fuzz/corpus/<target>/) is copied into a work corpus, so runs never
# write into the repository, except a crash: its input goes to fuzz/crashes/ and its report to
# /tmp/fuzz-findings.txt. Exits non-zero when any target crashed or failed to run.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$tc_root
secs=${1:-60}
case $secs in ''|*[!0-9]*) echo "usage: $0 [seconds]" >&2; exit 2;; esac
out=${FUZZ_OUT:-/tmp/tc-fuzz}
findings=/tmp/fuzz-findings.txt

# A fresh machine (CI) may lack clang, its sanitizer and fuzzer runtime, or GMP's headers.
apt_ensure clang libgmp-dev || die "installing clang failed"
probe=$(mktemp -d)
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' >"$probe/p.c"
if ! clang -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>/dev/null; then
	apt_ensure "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev" || die "installing clang's runtime failed"
fi
rm -rf "$probe"

# The core's memory comes from the embedder (core/tc_mem.h): the fuzzers link the tests' counting
# allocator when it exists (given to fuzz.mk's link line, which ends with LIBS).
libs="-lgmp"
[ -f "$root/tests/core/tc_mem_counting.c" ] && libs="$root/tests/core/tc_mem_counting.c $libs"
make -s -C "$root/fuzz" -f fuzz.mk OUT="$out" FUZZ_CC=clang LIBS="$libs"
mkdir -p "$out/artifacts"

# target:corpus-dir:max_len
targets=(roundtrip:roundtrip:4200 arith:arith:600 arith_noint128:arith:600 mint:mint:600 mint_noint128:mint:600)
failed=0 passed=0
for spec in "${targets[@]}"; do
	IFS=: read -r t corpus maxlen <<<"$spec"
	work="$out/corpus-$t"
	mkdir -p "$work"
	cp -n "$root/fuzz/corpus/$corpus/"* "$work/" 2>/dev/null || true
	log="$out/$t.log"
	rm -f "$out/artifacts/$t-"*
	set +e
	# The outer timeout is a backstop should libFuzzer hang past its own limit.
	timeout --kill-after=10 $((secs + 120)) "$out/$t" -max_total_time="$secs" -max_len="$maxlen" \
		-timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$t-" "$work" >"$log" 2>&1
	rc=$?
	set -e
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		printf '%-16s ok     %10s runs  %8s exec/s  (%ss)\n' "$t" "${runs:-?}" "${eps:-?}" "$secs"
		continue
	fi
	failed=$((failed + 1))
	printf '%-16s FAILED (exit %s), log: %s\n' "$t" "$rc" "$log"
	mkdir -p "$root/fuzz/crashes"
	for a in "$out/artifacts/$t-"*; do
		[ -f "$a" ] || continue
		# Shrink the input for at most 60 s; keep the original when minimizing does not help.
		min="$a.min"
		timeout 90 "$out/$t" -minimize_crash=1 -max_total_time=60 -exact_artifact_path="$min" "$a" >/dev/null 2>&1 || true
		[ -s "$min" ] || cp "$a" "$min"
		dest="$root/fuzz/crashes/$t-$(sha1sum "$min" | cut -c1-12)"
		cp "$min" "$dest"
		{
			echo "== $t: $dest ($(date -u +%FT%TZ))"
			echo "input (C-escaped): $(od -An -c "$min" | tr -s ' ' | tr -d '\n' | cut -c1-600)"
			"$out/$t" "$min" 2>&1 | grep -A4 'tokencalc fuzz mismatch\|ERROR: \|runtime error' | head -12
			echo
		} | tee -a "$findings"
	done
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
