--TEST--
tokencalc_fees(): every case of tests/vectors/fees.jsonl.gz, compared by value
--EXTENSIONS--
tokencalc
zlib
--INI--
tokencalc.scale=10
--FILE--
<?php
$cases = $bad = 0;
foreach (file('compress.zlib://' . __DIR__ . '/vectors/fees.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $n => $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $got = tokencalc_fees($v['amount'], $v['rates'], $v['mode']);
    $e = $v['expect'];
    $ok = array_keys($got) === ['required', 'net', 'fees', 'dust']
        && array_keys($got['fees']) === array_keys($e['fees'])
        && tokencalc_cmp($got['required'], $e['required']) === 0
        && tokencalc_cmp($got['net'], $e['net']) === 0
        && tokencalc_cmp($got['dust'], $e['dust']) === 0;
    foreach ($e['fees'] as $name => $fee) {
        $ok = $ok && tokencalc_cmp($got['fees'][$name], $fee) === 0;
    }
    $cases++;
    if (!$ok) {
        if (++$bad <= 5) {
            echo "line ", $n + 1, ": ", json_encode($got), " != ", json_encode($e), "\n";
        }
    }
}
echo "$cases cases, $bad wrong\n";
?>
--EXPECT--
5000 cases, 0 wrong
