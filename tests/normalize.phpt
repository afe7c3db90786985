--TEST--
tokencalc_normalize(): the exact value without leading zeros, trailing fractional zeros or a bare point
--EXTENSIONS--
tokencalc
--FILE--
<?php
foreach (['00012.3400', '-0.0', '5.', '.50', '+0100', '-007.000', '0.000000000000000000000000000001000',
          '100000000000000000000000000000.000', 123, PHP_INT_MIN, '0'] as $v) {
    var_dump(tokencalc_normalize($v));
}
?>
--EXPECT--
string(5) "12.34"
string(1) "0"
string(1) "5"
string(3) "0.5"
string(3) "100"
string(2) "-7"
string(32) "0.000000000000000000000000000001"
string(30) "100000000000000000000000000000"
string(3) "123"
string(20) "-9223372036854775808"
string(1) "0"
