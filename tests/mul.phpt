--TEST--
tokencalc_mul(): exact products truncated to min(scale, sum of input scales)
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(tokencalc_mul('1.5', '1.5'));
var_dump(tokencalc_mul('-2', '0.5'));
var_dump(tokencalc_mul('0.00', '5.1'));
var_dump(tokencalc_mul('0.12345', '0.12345'));
var_dump(tokencalc_mul('0.123456', '0.123456'));
var_dump(tokencalc_mul('-0.123456', '0.123456'));
var_dump(tokencalc_mul('-0.000001', '0.000001'));
var_dump(tokencalc_mul(3, '0.3333333333'));
var_dump(tokencalc_mul('2', '3', 5));
var_dump(tokencalc_mul('1.25', '1.25', 3));
var_dump(tokencalc_mul('79228162514264337593543950335', '79228162514264337593543950335'));
var_dump(tokencalc_mul('79228162514264337593543950335', '2'));
var_dump(tokencalc_mul(PHP_INT_MIN, -1));
var_dump(tokencalc_mul('4294967296', '4294967296'));
?>
--EXPECT--
string(4) "2.25"
string(4) "-1.0"
string(5) "0.000"
string(12) "0.0152399025"
string(12) "0.0152413839"
string(13) "-0.0152413839"
string(12) "0.0000000000"
string(12) "0.9999999999"
string(1) "6"
string(5) "1.562"
string(58) "6277101735386680763835789423049210091073826769276946612225"
string(30) "158456325028528675187087900670"
string(19) "9223372036854775808"
string(20) "18446744073709551616"
