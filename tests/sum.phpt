--TEST--
tokencalc_sum(): the exact sum of arrays and Traversables, truncated once
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(tokencalc_sum(['0.1', '0.2', '0.3']));
var_dump(tokencalc_sum([]));
var_dump(tokencalc_sum([1, 2, '3.5']));
// Ten values each below the scale: truncating once keeps them, truncating each add would lose them.
var_dump(tokencalc_sum(array_fill(0, 10, '0.00000000001')));
var_dump(tokencalc_sum(['1.25', '1.25'], 1));
var_dump(tokencalc_sum(['-1.5', '1.5', '0.000']));
var_dump(tokencalc_sum(['79228162514264337593543950335', '79228162514264337593543950335', '-1']));
function gen() { yield 'a' => '1.1'; yield 'a' => '2.2'; yield 3 => 4; }
var_dump(tokencalc_sum(gen()));
var_dump(tokencalc_sum(new ArrayIterator(['x' => '0.5', 'y' => '0.25'])));
$ref = ['1', '2'];
$r = &$ref[0];
var_dump(tokencalc_sum($ref));
?>
--EXPECT--
string(3) "0.6"
string(1) "0"
string(3) "6.5"
string(12) "0.0000000001"
string(3) "2.5"
string(5) "0.000"
string(30) "158456325028528675187087900669"
string(3) "7.3"
string(4) "0.75"
string(1) "3"
