--TEST--
tokencalc_cmp(): -1, 0 or 1 on the exact values
--EXTENSIONS--
tokencalc
--FILE--
<?php
$pairs = [
    ['1.0', '1'], ['-0', '0.000'], ['0.1', '0.10000000000000000000001'], ['-5', '-6'],
    [PHP_INT_MAX, '9223372036854775808'], ['9223372036854775808', PHP_INT_MAX],
    ['-79228162514264337593543950336', '-79228162514264337593543950335'],
    ['100000000000000000000000000000', '99999999999999999999999999999.9999999999'],
    ['0.00000000000000000000000000001', '0'], ['-0.00000000000000000000000000001', '0'],
    [3, '3.000000000000000000000000000000'], ['1e3', '1'],
];
foreach ($pairs as [$a, $b]) {
    try {
        var_dump(tokencalc_cmp($a, $b));
    } catch (ValueError $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
int(0)
int(0)
int(-1)
int(1)
int(-1)
int(1)
int(-1)
int(1)
int(1)
int(-1)
int(0)
ValueError: tokencalc_cmp(): Argument #1 ($a) is not a valid decimal number
