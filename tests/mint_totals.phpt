--TEST--
tokencalc_mint(): repeated users' totals are exact at any size and scale (bcmath oracle)
--EXTENSIONS--
tokencalc
bcmath
--INI--
tokencalc.scale=10
--FILE--
<?php
mt_srand(7);
function rows(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

// Rows that leave the int64 fast path: sums past 2^63, a scale rising after large totals,
// more than 18 places, numbers of any size, and signs that cancel.
$edge = [
    ['a', '9223372036854775807'], ['a', '9223372036854775807'], ['a', '-1'],
    ['c', '92233720368547758'], ['x', '0.25'], ['c', '1'],
    ['b', '0.1234567890123456789012'], ['b', '1'],
    ['d', '-5'], ['d', '123456789012345678901234567890'], ['d', '-123456789012345678901234567890'],
    ['e', '-9223372036854775807'], ['e', '-9223372036854775807'], ['e', '18446744073709551615'],
];
$cases = [$edge];
for ($k = 0; $k < 30; $k++) {
    $rows = [];
    for ($i = 0; $i < 400; $i++) {
        $g = (string) mt_rand(0, 100000);
        if (mt_rand(0, 3) === 0) $g .= '.' . mt_rand(0, 99);
        if (mt_rand(0, 50) === 0) $g = mt_rand(1, 9) . str_repeat((string) mt_rand(0, 9), mt_rand(15, 25));
        if (mt_rand(0, 80) === 0) $g = '0.' . str_repeat('3', mt_rand(10, 25));
        $rows[] = [mt_rand(0, 1) ? 'u' . mt_rand(0, 40) : mt_rand(0, 40), (mt_rand(0, 4) ? '' : '-') . $g];
    }
    $cases[] = $rows;
}

$bad = 0;
foreach ($cases as $n => $rows) {
    $totals = [];
    $scale = 0;
    foreach ($rows as [$u, $g]) {
        $totals[$u] = bcadd($totals[$u] ?? '0', $g, 40);
        $scale = max($scale, strlen(strrchr($g, '.') ?: '.') - 1);
    }
    foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
        $r = tokencalc_mint('1000000', rows($rows), $mode);
        $seen = 0;
        foreach ($totals as $u => $t) {
            $got = bccomp($t, '0', 40) > 0 ? ($r['users'][$u]['gems'] ?? null) : ($r['skipped'][$u] ?? null);
            $seen++;
            if ($got === null || bccomp($got, $t, 40) !== 0 || strlen(strrchr($got, '.') ?: '.') - 1 !== $scale) {
                if (++$bad <= 5) echo "case $n mode $mode user $u: ", var_export($got, true), " != $t (scale $scale)\n";
            }
        }
        // The same totals as an array, summed by bcmath at the same scale: the very same result.
        $array = array_map(fn($t) => bcadd($t, '0', $scale), $totals);
        if (tokencalc_mint('1000000', $array, $mode) !== $r) {
            if (++$bad <= 5) echo "case $n mode $mode: array and generator differ\n";
        }
        if ($mode === TOKENCALC_MINT_EXACT && $r['minted'] !== '1000000.0000000000') {
            echo "case $n: minted $r[minted]\n";
        }
    }
}
echo count($cases), " cases, bad: $bad\n";
?>
--EXPECT--
31 cases, bad: 0
