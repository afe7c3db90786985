--TEST--
tokencalc arithmetic: the same answers and errors under strict_types
--EXTENSIONS--
tokencalc
--FILE--
<?php
declare(strict_types=1);
var_dump(tokencalc_add('0.1', 2));
try { tokencalc_mul(0.5, '2'); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_div('1', '3', 2.0); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
?>
--EXPECT--
string(3) "2.1"
TypeError: tokencalc_mul(): Argument #1 ($a) must be of type string|int, float given
TypeError: tokencalc_div(): Argument #3 ($scale) must be of type ?int, float given
