--TEST--
tokencalc_truncate(): truncation toward zero, never rounding, never padding
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(tokencalc_truncate('1.23456789012345'));
var_dump(tokencalc_truncate('1.99999999999'));
var_dump(tokencalc_truncate('-1.99999999999'));
var_dump(tokencalc_truncate('-1.99', 0));
var_dump(tokencalc_truncate('-0.99', 0));
var_dump(tokencalc_truncate('-0.00000000009'));
var_dump(tokencalc_truncate('5.'));
var_dump(tokencalc_truncate('1.5', 3));
var_dump(tokencalc_truncate(42));
var_dump(tokencalc_truncate('007.50'));
var_dump(tokencalc_truncate('-74892060374771928080528189745.00'));
var_dump(tokencalc_truncate('123456789012345678901234567890.123456789012345', 5));
?>
--EXPECT--
string(12) "1.2345678901"
string(12) "1.9999999999"
string(13) "-1.9999999999"
string(2) "-1"
string(1) "0"
string(12) "0.0000000000"
string(1) "5"
string(3) "1.5"
string(2) "42"
string(4) "7.50"
string(33) "-74892060374771928080528189745.00"
string(36) "123456789012345678901234567890.12345"
