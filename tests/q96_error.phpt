--TEST--
tokencalc_to_q96() / tokencalc_from_q96(): input rules and errors
--EXTENSIONS--
tokencalc
--FILE--
<?php
// from_q96 takes an integer; fractional zeros are allowed, any other fraction is not.
var_dump(tokencalc_from_q96('79228162514264337593543950336.000'), tokencalc_from_q96('-79228162514264337593543950336.'));
$calls = [
    fn() => tokencalc_to_q96('abc'),
    fn() => tokencalc_to_q96('1e5'),
    fn() => tokencalc_to_q96(1.5),
    fn() => tokencalc_to_q96(null),
    fn() => tokencalc_from_q96('1.5'),
    fn() => tokencalc_from_q96('-0.0000001'),
    fn() => tokencalc_from_q96(' 1'),
    fn() => tokencalc_from_q96([]),
    fn() => tokencalc_from_q96(str_repeat('9', 5000)),
];
foreach ($calls as $call) {
    try {
        var_dump($call());
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
string(1) "1"
string(2) "-1"
ValueError: tokencalc_to_q96(): Argument #1 ($a) is not a valid decimal number
ValueError: tokencalc_to_q96(): Argument #1 ($a) is not a valid decimal number
TypeError: tokencalc_to_q96(): Argument #1 ($a) must be of type string|int, float given
TypeError: tokencalc_to_q96(): Argument #1 ($a) must be of type string|int, null given
ValueError: tokencalc_from_q96(): Argument #1 ($q) must be an integer
ValueError: tokencalc_from_q96(): Argument #1 ($q) must be an integer
ValueError: tokencalc_from_q96(): Argument #1 ($q) is not a valid decimal number
TypeError: tokencalc_from_q96(): Argument #1 ($q) must be of type string|int, array given
ValueError: tokencalc_from_q96(): Argument #1 ($q) must not be longer than 4096 characters (tokencalc.max_digits)
