--TEST--
tokencalc_add(): exact sums truncated to min(scale, max(input scales))
--EXTENSIONS--
tokencalc
--FILE--
<?php
$cases = [
    ['1.5', '2.25'],
    ['0.1', '0.2'],
    ['5.', '.5'],
    ['-0', '0.00'],
    ['+1', '-1.000'],
    [1, 2],
    ['007', '0.0'],
    ['0.00000000001', '0'],
    ['-0.00000000001', '0'],
    ['-1.5', '0.25'],
    [PHP_INT_MAX, 1],
    [PHP_INT_MIN, -1],
    ['79228162514264337593543950335', '1'],
    ['18446744073709551615', '1'],
    ['0.99999999999999999999', '0.00000000000000000001'],
];
foreach ($cases as [$a, $b]) {
    var_dump(tokencalc_add($a, $b));
}
echo "-- explicit scale --\n";
var_dump(tokencalc_add('1.123456789012', '1', 12));
var_dump(tokencalc_add('1.99', '0', 1));
var_dump(tokencalc_add('-1.99', '0', 1));
var_dump(tokencalc_add('1.9', '1.9', 0));
var_dump(tokencalc_add('99999999999999999999.99999999999999999999', '0.00000000000000000001', 20));
var_dump(tokencalc_add('1.5', '2.25', null));
?>
--EXPECT--
string(4) "3.75"
string(3) "0.3"
string(3) "5.5"
string(4) "0.00"
string(5) "0.000"
string(1) "3"
string(3) "7.0"
string(12) "0.0000000000"
string(12) "0.0000000000"
string(5) "-1.25"
string(19) "9223372036854775808"
string(20) "-9223372036854775809"
string(29) "79228162514264337593543950336"
string(20) "18446744073709551616"
string(12) "1.0000000000"
-- explicit scale --
string(14) "2.123456789012"
string(3) "1.9"
string(4) "-1.9"
string(1) "3"
string(42) "100000000000000000000.00000000000000000000"
string(4) "3.75"
