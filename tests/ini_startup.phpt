--TEST--
tokencalc.scale set in php.ini applies to every call without $scale
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=3
tokencalc.max_digits=8
--FILE--
<?php
var_dump(tokencalc_div('2', '3'), tokencalc_mul('1.23456', '1'), tokencalc_sum(['0.0001', '0.0009']));
try { tokencalc_add('123456789', '1'); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
?>
--EXPECT--
string(5) "0.666"
string(5) "1.234"
string(5) "0.001"
ValueError: tokencalc_add(): Argument #1 ($a) must not be longer than 8 characters (tokencalc.max_digits)
