--TEST--
tokencalc_mint() with TOKENCALC_MINT_ROWS: every day of tests/vectors/mint.jsonl.gz in both modes, and the same arrays as the default form
--EXTENSIONS--
tokencalc
zlib
--INI--
tokencalc.scale=10
--FILE--
<?php
/* The same rows as the default form takes them: userId => gems, repeated keys allowed. */
function pairs(array $rows): Generator {
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
    foreach (['users', 'skipped'] as $part) {
        if (!isset($expect[$part])) {
            continue;
        }
        if (array_map('strval', array_keys($got[$part])) !== array_map('strval', array_keys($expect[$part]))) {
            return $out . "$part differ (ids or order)";
        }
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

// 1. Every day of mint.jsonl: its rows are [userId, gems] lists, fed as they are.
$days = $bad = $differ = 0;
foreach (file('compress.zlib://' . __DIR__ . '/vectors/mint.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $n => $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    foreach ([[TOKENCALC_MINT_COMPAT, 'expect'], [TOKENCALC_MINT_EXACT, 'expect_exact']] as [$mode, $which]) {
        $got = tokencalc_mint($v['supply'], $v['rows'], $mode | TOKENCALC_MINT_ROWS);
        $d = diff($got, $v[$which]);
        if (tokencalc_cmp($got['supply'], $v['supply']) !== 0) {
            $d .= "supply: $got[supply]";
        }
        if ($d !== '' && ++$bad <= 5) {
            echo "line ", $n + 1, " $which: ", substr($d, 0, 300), "\n";
        }
        // the same day in the default form gives the very same array
        $differ += (int) ($got !== tokencalc_mint($v['supply'], pairs($v['rows']), $mode));
    }
    $days++;
}
echo "vectors: $days days, $bad wrong, $differ differ from the default form\n";
?>
--EXPECT--
vectors: 200 days, 0 wrong, 0 differ from the default form
