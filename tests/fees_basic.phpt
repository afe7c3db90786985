--TEST--
tokencalc_fees(): the three modes, key order and kinds, dust
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
$rates = ['peer' => '0.02', 'burn' => '0.01', 'inviter' => '0'];

// ADDED: net = 100, required = trunc(100 * 1.03), fee = trunc(100 * rate); scales per arithmetic.md (mul).
echo json_encode(tokencalc_fees('100', $rates)), "\n";
echo json_encode(tokencalc_fees(100, $rates, TOKENCALC_FEES_ADDED)), "\n";
// INCLUDED: net = trunc(100 / 1.03) = 97.0873786407, fees truncated, the 10^-10 left over is the dust.
echo json_encode(tokencalc_fees('100', $rates, 'INCLUDED')), "\n";
// NO_FEES: required = net = amount, every fee 0.
echo json_encode(tokencalc_fees('12.50', $rates, 'NO_FEES')), "\n";
// No rates at all; zero amount.
echo json_encode(tokencalc_fees('7', [], 'INCLUDED')), "\n";
echo json_encode(tokencalc_fees('0', ['x' => '0.5'], 'ADDED')), "\n";
// Int keys and int rates keep their keys and order: net = trunc(10 / 1.35).
var_dump(tokencalc_fees('10', [3 => '0.1', 'a' => 0, 1 => '0.25'], 'INCLUDED'));
?>
--EXPECT--
{"required":"103.00","net":"100","fees":{"peer":"2.00","burn":"1.00","inviter":"0"},"dust":"0.00"}
{"required":"103.00","net":"100","fees":{"peer":"2.00","burn":"1.00","inviter":"0"},"dust":"0.00"}
{"required":"100","net":"97.0873786407","fees":{"peer":"1.9417475728","burn":"0.9708737864","inviter":"0.0000000000"},"dust":"0.0000000001"}
{"required":"12.50","net":"12.50","fees":{"peer":"0","burn":"0","inviter":"0"},"dust":"0"}
{"required":"7","net":"7","fees":[],"dust":"0"}
{"required":"0.0","net":"0","fees":{"x":"0.0"},"dust":"0.0"}
array(4) {
  ["required"]=>
  string(2) "10"
  ["net"]=>
  string(12) "7.4074074074"
  ["fees"]=>
  array(3) {
    [3]=>
    string(12) "0.7407407407"
    ["a"]=>
    string(12) "0.0000000000"
    [1]=>
    string(12) "1.8518518518"
  }
  ["dust"]=>
  string(12) "0.0000000001"
}
