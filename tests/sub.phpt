--TEST--
tokencalc_sub(): exact differences truncated toward zero
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(tokencalc_sub('0.3', '0.1'));
var_dump(tokencalc_sub('1', '1.50'));
var_dump(tokencalc_sub('0.00000000001', '0.00000000002'));
var_dump(tokencalc_sub('0.00000000003', '0.00000000001'));
var_dump(tokencalc_sub(PHP_INT_MIN, 1));
var_dump(tokencalc_sub(5, '5.00'));
var_dump(tokencalc_sub('-2.5', '-2.5'));
var_dump(tokencalc_sub('100000000000000000000', '0.0000000001'));
var_dump(tokencalc_sub('-0.19', '0.01', 1));
var_dump(tokencalc_sub('10', '0.000000000009'));
?>
--EXPECT--
string(3) "0.2"
string(5) "-0.50"
string(12) "0.0000000000"
string(12) "0.0000000000"
string(20) "-9223372036854775809"
string(4) "0.00"
string(3) "0.0"
string(31) "99999999999999999999.9999999999"
string(4) "-0.2"
string(12) "9.9999999999"
