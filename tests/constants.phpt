--TEST--
tokencalc constants: the version agrees with the module's, the mode constants have their documented values
--EXTENSIONS--
tokencalc
--FILE--
<?php
var_dump(TOKENCALC_VERSION === phpversion('tokencalc'));
var_dump((bool) preg_match('/^\d+\.\d+\.\d+$/', TOKENCALC_VERSION));
var_dump(TOKENCALC_FEES_ADDED, TOKENCALC_FEES_INCLUDED, TOKENCALC_FEES_NO_FEES);
var_dump(TOKENCALC_MINT_COMPAT !== TOKENCALC_MINT_EXACT, is_int(TOKENCALC_MINT_COMPAT), is_int(TOKENCALC_MINT_EXACT));
?>
--EXPECT--
bool(true)
bool(true)
string(5) "ADDED"
string(8) "INCLUDED"
string(7) "NO_FEES"
bool(true)
bool(true)
bool(true)
