--TEST--
tokencalc arithmetic: a $scale outside 0..10000 is a ValueError naming it
--EXTENSIONS--
tokencalc
--FILE--
<?php
foreach ([-1, 10001, PHP_INT_MAX, PHP_INT_MIN] as $s) {
    try { tokencalc_div('1', '3', $s); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
}
try { tokencalc_truncate('1', -5); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_sum([], -5); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
var_dump(strlen(tokencalc_div('1', '3', 10000)));
var_dump(tokencalc_add('1.5', '1', 0));
?>
--EXPECT--
ValueError: tokencalc_div(): Argument #3 ($scale) must be between 0 and 10000
ValueError: tokencalc_div(): Argument #3 ($scale) must be between 0 and 10000
ValueError: tokencalc_div(): Argument #3 ($scale) must be between 0 and 10000
ValueError: tokencalc_div(): Argument #3 ($scale) must be between 0 and 10000
ValueError: tokencalc_truncate(): Argument #2 ($scale) must be between 0 and 10000
ValueError: tokencalc_sum(): Argument #2 ($scale) must be between 0 and 10000
int(10002)
string(1) "2"
