--TEST--
tokencalc_mint(): every day of tests/vectors/mint.jsonl.gz in both modes, from rows and as an array of totals, compared by value
--EXTENSIONS--
tokencalc
bcmath
zlib
--INI--
tokencalc.scale=10
--FILE--
<?php
function rows(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

/* The differences between $got and $expect (compared by value), as text; '' when equal. */
function diff(array $got, array $expect): string {
    $out = '';
    foreach (['total', 'rate', 'minted', 'dust'] as $k) {
        if (isset($expect[$k]) && tokencalc_cmp($got[$k], $expect[$k]) !== 0) {
            $out .= "$k: $got[$k] != $expect[$k]; ";
        }
    }
    if (array_map('strval', array_keys($got['users'])) !== array_map('strval', array_keys($expect['users']))) {
        return $out . "users differ (ids or order)";
    }
    foreach ($expect['users'] as $id => $u) {
        foreach (['gems', 'tokens', 'percentage'] as $k) {
            if (tokencalc_cmp($got['users'][$id][$k], $u[$k]) !== 0) {
                $out .= "$id.$k: {$got['users'][$id][$k]} != $u[$k]; ";
            }
        }
    }
    return $out;
}

$days = $bad = 0;
foreach (file('compress.zlib://' . __DIR__ . '/vectors/mint.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $n => $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    // The default form as a backend's GROUP BY hands it over: one total per user, summed by bcmath.
    $totals = [];
    foreach ($v['rows'] as [$user, $gems]) {
        $totals[$user] = bcadd($totals[$user] ?? '0', (string) $gems, 20);
    }
    foreach ([[TOKENCALC_MINT_COMPAT, 'expect'], [TOKENCALC_MINT_EXACT, 'expect_exact']] as [$mode, $which]) {
        foreach (['rows' => rows($v['rows']), 'totals' => $totals] as $form => $input) {
            $got = tokencalc_mint($v['supply'], $input, $mode);
            $d = diff($got, $v[$which]);
            if (tokencalc_cmp($got['supply'], $v['supply']) !== 0) {
                $d .= "supply: $got[supply]";
            }
            if ($d !== '' && ++$bad <= 5) {
                echo "line ", $n + 1, " $which ($form): ", substr($d, 0, 300), "\n";
            }
        }
    }
    $days++;
}
echo "$days days, $bad wrong\n";
?>
--EXPECT--
200 days, 0 wrong
