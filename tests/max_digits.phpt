--TEST--
tokencalc.max_digits: an input longer than the limit is a ValueError before any work; at the limit it is exact
--EXTENSIONS--
tokencalc
--FILE--
<?php
$at = str_repeat('9', 4096);
var_dump(tokencalc_add($at, '1') === '1' . str_repeat('0', 4096));
foreach ([str_repeat('9', 4097), '-' . str_repeat('1', 4096), str_repeat(' ', 5000), str_repeat('1', 1 << 20)] as $v) {
    try { tokencalc_add('1', $v); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
}
try { tokencalc_sum(['ok' => '1', 'long' => str_repeat('1', 4097)]); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
ini_set('tokencalc.max_digits', '20');
var_dump(tokencalc_add('12345678901234567890', '1'));
try { tokencalc_add('123456789012345678901', '1'); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
// ints are never too long
var_dump(tokencalc_add(PHP_INT_MAX, PHP_INT_MAX));
?>
--EXPECT--
bool(true)
ValueError: tokencalc_add(): Argument #2 ($b) must not be longer than 4096 characters (tokencalc.max_digits)
ValueError: tokencalc_add(): Argument #2 ($b) must not be longer than 4096 characters (tokencalc.max_digits)
ValueError: tokencalc_add(): Argument #2 ($b) must not be longer than 4096 characters (tokencalc.max_digits)
ValueError: tokencalc_add(): Argument #2 ($b) must not be longer than 4096 characters (tokencalc.max_digits)
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only numbers of at most 4096 characters (tokencalc.max_digits), ["long"] is longer
string(20) "12345678901234567891"
ValueError: tokencalc_add(): Argument #1 ($a) must not be longer than 20 characters (tokencalc.max_digits)
string(20) "18446744073709551614"
