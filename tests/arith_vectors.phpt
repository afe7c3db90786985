--TEST--
tokencalc arithmetic: every case of ../shared/vectors/arith.tsv (exact string or exact exception class)
--EXTENSIONS--
tokencalc
--SKIPIF--
<?php
$dir = getenv('TOKENCALC_SHARED') ?: __DIR__ . '/../../shared';
if (!is_file("$dir/vectors/arith.tsv")) die("skip ../shared/vectors is absent (set TOKENCALC_SHARED to the shared folder)");
?>
--FILE--
<?php
$dir = getenv('TOKENCALC_SHARED') ?: __DIR__ . '/../../shared';
$fn = ['add' => 'tokencalc_add', 'sub' => 'tokencalc_sub', 'mul' => 'tokencalc_mul', 'div' => 'tokencalc_div'];
$cases = $differences = 0;
$count = [];
foreach (file("$dir/vectors/arith.tsv", FILE_IGNORE_NEW_LINES) as $line) {
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
--EXPECTF--
40000 cases (add %d, div %d, mul %d, sub %d, trunc %d), 0 differences
