--TEST--
tokencalc_div(): quotients truncated toward zero, at the scale in force or fewer places when exact
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(tokencalc_div('1', '3'));
var_dump(tokencalc_div('2', '3'));
var_dump(tokencalc_div('-2', '3'));
var_dump(tokencalc_div('2', '-3'));
var_dump(tokencalc_div('1', '4'));
var_dump(tokencalc_div('1.00', '4'));
var_dump(tokencalc_div('1.000', '4'));
var_dump(tokencalc_div('10', '4'));
var_dump(tokencalc_div('6', '2'));
var_dump(tokencalc_div('6.0', '2'));
var_dump(tokencalc_div('6.00', '0.2'));
var_dump(tokencalc_div('0', '5'));
var_dump(tokencalc_div('0.000', '5'));
var_dump(tokencalc_div('-0.0000000001', '3'));
var_dump(tokencalc_div(PHP_INT_MAX, '0.5'));
var_dump(tokencalc_div('2', '0.0000000000000000000000000003'));
var_dump(tokencalc_div('1234.5678901234', '0.02'));
echo "-- explicit scale --\n";
var_dump(tokencalc_div('1', '3', 2));
var_dump(tokencalc_div('1', '8', 2));
var_dump(tokencalc_div('1', '8', 3));
var_dump(tokencalc_div('1', '7', 30));
var_dump(tokencalc_div('-7', '2', 0));
var_dump(tokencalc_div('1.23456', '1', 3));
?>
--EXPECT--
string(12) "0.3333333333"
string(12) "0.6666666666"
string(13) "-0.6666666666"
string(13) "-0.6666666666"
string(4) "0.25"
string(4) "0.25"
string(5) "0.250"
string(3) "2.5"
string(1) "3"
string(3) "3.0"
string(4) "30.0"
string(1) "0"
string(5) "0.000"
string(12) "0.0000000000"
string(20) "18446744073709551614"
string(39) "6666666666666666666666666666.6666666666"
string(14) "61728.39450617"
-- explicit scale --
string(4) "0.33"
string(4) "0.12"
string(5) "0.125"
string(32) "0.142857142857142857142857142857"
string(2) "-3"
string(5) "1.234"
