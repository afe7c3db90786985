--TEST--
tokencalc arithmetic: every case of tests/vectors/arith.tsv.gz (exact string or exact exception class)
--EXTENSIONS--
tokencalc
zlib
--FILE--
<?php
$fn = ['add' => 'tokencalc_add', 'sub' => 'tokencalc_sub', 'mul' => 'tokencalc_mul', 'div' => 'tokencalc_div'];
$cases = $differences = 0;
$count = [];
foreach (file('compress.zlib://' . __DIR__ . '/vectors/arith.tsv.gz', FILE_IGNORE_NEW_LINES) as $line) {
    [$op, $a, $b, $expected] = explode("\t", $line);
    try {
        $got = $op === 'trunc' ? tokencalc_truncate($a) : $fn[$op]($a, $b);
    } catch (Throwable $e) {
        $got = '!' . $e::class;
    }
    $cases++;
    $count[$op] = ($count[$op] ?? 0) + 1;
    if ($got !== $expected) {
        if (++$differences <= 20) {
            echo "$op($a, $b): expected $expected, got $got\n";
        }
    }
}
ksort($count);
echo "$cases cases (", implode(', ', array_map(fn($k, $v) => "$k $v", array_keys($count), $count)), "), $differences differences\n";
?>
--EXPECT--
40000 cases (add 7971, div 7930, mul 7985, sub 8037, trunc 8077), 0 differences
