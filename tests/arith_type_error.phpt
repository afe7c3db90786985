--TEST--
tokencalc arithmetic: only string and int are numbers (floats, bools, null, arrays, objects are TypeErrors)
--EXTENSIONS--
tokencalc
--FILE--
<?php
class Num { public function __toString(): string { return '1'; } }
foreach ([1.5, 2.0, true, null, [], new stdClass, new Num] as $v) {
    try {
        tokencalc_add('1', $v);
    } catch (TypeError $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
try { tokencalc_truncate(0.1); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_add('1', '2', 'x'); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_sum('1'); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_sum(['a' => '1', 'b' => 1.5]); } catch (TypeError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
try { tokencalc_sum([0 => '1', 7 => '1x']); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
?>
--EXPECT--
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, float given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, float given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, bool given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, null given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, array given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, stdClass given
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, Num given
TypeError: tokencalc_truncate(): Argument #1 ($a) must be of type string|int, float given
TypeError: tokencalc_add(): Argument #3 ($scale) must be of type ?int, string given
TypeError: tokencalc_sum(): Argument #1 ($values) must be of type Traversable|array, string given
TypeError: tokencalc_sum(): Argument #1 ($values) must contain only values of type string|int, float given at ["b"]
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [7] is not
