--TEST--
tokencalc.scale and tokencalc.max_digits: defaults, validation when set, effect
--EXTENSIONS--
tokencalc
--FILE--
<?php
set_error_handler(function ($no, $msg) { echo "warning: $msg\n"; return true; });
var_dump(ini_get('tokencalc.scale'), ini_get('tokencalc.max_digits'));
foreach (['-1', '10001', 'abc', '', '1.5', ' 2', '2 '] as $v) {
    var_dump(ini_set('tokencalc.scale', $v));
}
var_dump(ini_get('tokencalc.scale'));
foreach (['0', '-5', '1000001', 'x'] as $v) {
    var_dump(ini_set('tokencalc.max_digits', $v));
}
var_dump(ini_get('tokencalc.max_digits'));
var_dump(ini_set('tokencalc.scale', '2'));
var_dump(tokencalc_div('1', '3'), tokencalc_add('1.555', '1'), tokencalc_div('1', '3', 4));
ini_set('tokencalc.scale', '0');
var_dump(tokencalc_div('7', '2'));
?>
--EXPECT--
string(2) "10"
string(4) "4096"
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
warning: ini_set(): Invalid "tokencalc.scale" setting: it must be an integer between 0 and 10000
bool(false)
string(2) "10"
warning: ini_set(): Invalid "tokencalc.max_digits" setting: it must be an integer between 1 and 1000000
bool(false)
warning: ini_set(): Invalid "tokencalc.max_digits" setting: it must be an integer between 1 and 1000000
bool(false)
warning: ini_set(): Invalid "tokencalc.max_digits" setting: it must be an integer between 1 and 1000000
bool(false)
warning: ini_set(): Invalid "tokencalc.max_digits" setting: it must be an integer between 1 and 1000000
bool(false)
string(4) "4096"
string(2) "10"
string(4) "0.33"
string(4) "2.55"
string(6) "0.3333"
string(1) "3"
