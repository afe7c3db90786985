--TEST--
tokencalc_mint(): properties over vector days: EXACT adds up, input order does not matter, skipped users
--EXTENSIONS--
tokencalc
bcmath
zlib
--INI--
tokencalc.scale=10
--FILE--
<?php
mt_srand(3);

function rows(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

/* users and skipped keyed and sorted by id, every value normalised: what must not depend on order. */
function canon(array $r): array {
    array_walk_recursive($r, function (&$v) { $v = tokencalc_normalize($v); });
    ksort($r['users'], SORT_STRING);
    ksort($r['skipped'], SORT_STRING);
    return $r;
}

$problems = [];
$lines = file('compress.zlib://' . __DIR__ . '/vectors/mint.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
foreach ($lines as $n => $line) {
    if ($n % 8 !== 0) {
        continue;   // 25 days, to keep the test quick
    }
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    // Per-user totals with bcmath, the oracle for skipped.
    $totals = [];
    foreach ($v['rows'] as [$u, $g]) {
        $totals[$u] = bcadd($totals[$u] ?? '0', $g, 20);
    }
    foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
        $r = tokencalc_mint($v['supply'], rows($v['rows']), $mode);
        $tag = "line " . ($n + 1) . " mode $mode";

        foreach ($r['users'] as $u => $x) {
            foreach ($x as $k => $val) {
                if (tokencalc_cmp($val, 0) < 0) $problems[] = "$tag: $u.$k negative";
            }
        }
        foreach (['minted', 'dust', 'total', 'rate'] as $k) {
            if (tokencalc_cmp($r[$k], 0) < 0) $problems[] = "$tag: $k negative";
        }
        if (tokencalc_cmp(tokencalc_sum(array_column($r['users'], 'tokens')), $r['minted']) !== 0) {
            $problems[] = "$tag: minted is not the sum of the tokens";
        }
        if (tokencalc_cmp(tokencalc_add($r['minted'], $r['dust']), $v['supply']) !== 0) {
            $problems[] = "$tag: minted + dust != supply";
        }
        if ($mode === TOKENCALC_MINT_EXACT && tokencalc_cmp($r['minted'], tokencalc_truncate($v['supply'])) !== 0) {
            $problems[] = "$tag: EXACT minted $r[minted] != supply $v[supply]";
        }
        $want_skipped = array_filter($totals, fn($t) => bccomp($t, '0', 20) <= 0);
        if (array_keys($r['skipped']) != array_keys($want_skipped)) {
            $problems[] = "$tag: skipped ids differ";
        }
        foreach ($r['skipped'] as $u => $t) {
            if (bccomp($t, $want_skipped[$u] ?? '1', 20) !== 0) $problems[] = "$tag: skipped $u total $t";
        }
        if (count($r['users']) + count($r['skipped']) !== count($totals)) {
            $problems[] = "$tag: users lost";
        }

        // Shuffled rows give the same result (only the order of first appearance changes).
        $want = canon($r);
        for ($k = 0; $k < 3; $k++) {
            $shuffled = $v['rows'];
            shuffle($shuffled);
            if (canon(tokencalc_mint($v['supply'], rows($shuffled), $mode)) !== $want) {
                $problems[] = "$tag: shuffle $k changed the result";
            }
        }
    }
}
echo count($problems), " problems\n", implode("\n", array_slice($problems, 0, 10));
?>
--EXPECT--
0 problems
