--TEST--
tokencalc arithmetic: 10,000-digit numbers are exact
--EXTENSIONS--
tokencalc
--INI--
tokencalc.max_digits=20010
--FILE--
<?php
$n9 = str_repeat('9', 10000);                       // 10^10000 - 1
var_dump(tokencalc_add($n9, '1') === '1' . str_repeat('0', 10000));
var_dump(tokencalc_sub('-' . $n9, '1') === '-1' . str_repeat('0', 10000));
// (10^10000 - 1)^2 = 10^20000 - 2 * 10^10000 + 1
var_dump(tokencalc_mul($n9, $n9) === str_repeat('9', 9999) . '8' . str_repeat('0', 9999) . '1');
// (10^10000 - 1) / 9 = 111...1 (10,000 ones), exactly
var_dump(tokencalc_div($n9, '9') === str_repeat('1', 10000));
// 0.999...9 (10,000 nines) truncated to 10 places
var_dump(tokencalc_truncate('0.' . $n9));
var_dump(tokencalc_cmp($n9 . '.1', $n9 . '.09'));
var_dump(tokencalc_normalize('0.' . str_repeat('0', 9998) . '10') === '0.' . str_repeat('0', 9998) . '1');
// The long scale of an input is kept by add when asked for.
var_dump(strlen(tokencalc_add('0.' . str_repeat('1', 10000), '1', 10000)));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
string(12) "0.9999999999"
int(1)
bool(true)
int(10002)
