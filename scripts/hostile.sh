#!/usr/bin/env bash
# Hostile-load checks (issue 13): inputs made to hit a worst case, each timed against an ordinary
# twin of the same size in the same process, rounds interleaved. Each check asserts a RATIO
# (hostile / twin, best round of each) within a small bound, never an absolute time, so a slow or
# busy machine does not fail it while a quadratic path does. Ends with "N passed, N failed".
#   TOKENCALC_SO   the module to load (default: $BUILD_DIR/obj/modules/tokencalc.so, built when missing)
#   BUILD_DIR      build folder for scripts/build.sh (default /tmp/tokencalc-test, as scripts/test.sh)
#   PHP            the PHP binary (default: php on PATH)
#   HOSTILE_ONLY   run only the checks whose name contains this text
#   HOSTILE_GUARD  seconds after which one check is stopped and counted failed (default 120): only a
#                  guard against a hang, the verdict is the ratio
set -uo pipefail
TC_NAME=hostile
. "$(dirname "$0")/lib.sh"
root=$tc_root
PHP=${PHP:-php}
BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
so=${TOKENCALC_SO:-$BUILD_DIR/obj/modules/tokencalc.so}
guard=${HOSTILE_GUARD:-120}

if [ -z "${TOKENCALC_SO:-}" ] && [ ! -f "$so" ]; then
	BUILD_DIR=$BUILD_DIR "$root/scripts/build.sh" >&2 || die "the build failed"
fi

# The harness, shared by every check: hostile_ratio() times two closures and prints one verdict line.
harness=$(mktemp --suffix=.php)
trap 'rm -f "$harness"' EXIT
cat >"$harness" <<'PHP'
<?php
declare(strict_types=1);

/** Seconds one call of $f takes, as the best of $rounds rounds of $reps calls. */
function hostile_best(callable $f, int $reps, array &$best, string $which): void
{
    $t = hrtime(true);
    for ($i = 0; $i < $reps; $i++) {
        $f();
    }
    $best[$which] = min($best[$which] ?? INF, (hrtime(true) - $t) / 1e9 / $reps);
}

/**
 * Times $hostile against $twin (interleaved, best of $rounds), prints "[ ok ]" or "[FAIL]" with the
 * ratio, and exits 0 or 1. Calls of the twin are repeated until a round lasts >= 20 ms, so that
 * timer resolution does not decide; the hostile input gets the same number of calls.
 */
function hostile_ratio(string $name, callable $hostile, callable $twin, float $bound, int $rounds = 5): never
{
    $hostile(); // each once untimed: caches, the allocator's free lists
    $twin();
    for ($reps = 1; $reps < 1 << 16; $reps *= 2) {
        $t = hrtime(true);
        for ($i = 0; $i < $reps; $i++) {
            $twin();
        }
        if (hrtime(true) - $t >= 20e6) {
            break;
        }
    }
    $best = [];
    for ($r = 0; $r < $rounds; $r++) {
        hostile_best($twin, $reps, $best, 'twin');
        hostile_best($hostile, $reps, $best, 'hostile');
    }
    $ratio = $best['hostile'] / $best['twin'];
    $ok = $ratio <= $bound;
    printf("[%s] %s: hostile/twin %.2f (bound %.1f; %.3f ms vs %.3f ms a call, best of %d rounds of %d, PHP %s)\n",
        $ok ? ' ok ' : 'FAIL', $name, $ratio, $bound, $best['hostile'] * 1e3, $best['twin'] * 1e3, $rounds, $reps,
        PHP_VERSION);
    exit($ok ? 0 : 1);
}

/** [ranks of McIlroy's adversary for n keys, usort's comparisons on it, usort's comparisons on a random order]. */
function hostile_adversary(int $n): array
{
    require_once getenv("HOSTILE_ROOT") . "/tests/sort_adversary.inc";
    $ranks = zend_sort_adversary($n, $adversarial);
    $random = 0;
    $shuffled = $ranks;
    shuffle($shuffled);
    usort($shuffled, function (int $a, int $b) use (&$random): int {
        $random++;
        return $a <=> $b;
    });
    return [$ranks, $adversarial, $random];
}
PHP

# check NAME BODY [INI...]: runs BODY (PHP code after the harness) with the module; counts its verdict.
check() {
	local name=$1 body=$2 out status
	shift 2
	[[ $name == *"${HOSTILE_ONLY:-}"* ]] || return 0
	out=$(HOSTILE_ROOT=$root timeout "$guard" "$PHP" -n -d extension="$so" -d memory_limit=2G "$@" \
		-r "require '$harness'; $body" 2>&1)
	status=$?
	if [ "$status" -eq 124 ]; then
		out="[FAIL] $name: stopped after ${guard}s (HOSTILE_GUARD) before the ratio could be taken"
	elif [ "$status" -ne 0 ] && ! grep -q '^\[FAIL\]' <<<"$out"; then
		out="[FAIL] $name: exited with $status: $out"
	fi
	echo "$out"
	if [ "$status" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
}

# 1. Receipt key sort (issue 13 finding 2): keys sharing their first 8 bytes, in the order McIlroy's
#    adversary makes against zend_sort, against the same keys shuffled. The adversary is first
#    shown to be one (usort's comparisons on it at least 5x those on a random order).
check "receipt: keys in zend_sort's adversarial order vs random order" '
    [$ranks, $adv, $rnd] = hostile_adversary((int) (getenv("HOSTILE_SORT_N") ?: 8000));
    if ($adv < 5 * $rnd) {
        printf("[FAIL] the adversary made %d comparisons against %d for a random order: not adversarial\n", $adv, $rnd);
        exit(1);
    }
    $record = fn (array $r) => array_combine(array_map(fn (int $k) => sprintf("prefix8-%08d", $k), $r), $r);
    $hostile = $record($ranks);
    shuffle($ranks);
    $twin = $record($ranks);
    $key = str_repeat("k", 32);
    hostile_ratio(sprintf("receipt of %d keys in zend_sort adversarial order (%dx the comparisons of a random order)",
        count($ranks), intdiv($adv, $rnd)), fn () => tokencalc_receipt($hostile, $key), fn () => tokencalc_receipt($twin, $key), 3.0);
'

# 2. Zero stripping in normalize (finding 1): a million-character number whose fraction is all
#    zeros, against one of the same length that ends in a 1.
check "normalize: 999,998 trailing zeros vs none" '
    $n = 999998;
    $hostile = "1." . str_repeat("0", $n);
    $twin = "1." . str_repeat("0", $n - 1) . "1";
    hostile_ratio("tokencalc_normalize of 1,000,000 characters: trailing zeros vs a final 1",
        fn () => tokencalc_normalize($hostile), fn () => tokencalc_normalize($twin), 3.0, 3);
' -d tokencalc.max_digits=1000000

# 3. Zero stripping in an exact quotient (finding 1): 1/2 at the largest scale has a quotient whose
#    digits are all zeros but one; 1/3 has none.
check "div: 1/2 vs 1/3 at the largest scale" '
    $scale = 10000;
    hostile_ratio("tokencalc_div(1, 2, $scale) vs tokencalc_div(1, 3, $scale)",
        fn () => tokencalc_div("1", "2", $scale), fn () => tokencalc_div("1", "3", $scale), 3.0);
'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
