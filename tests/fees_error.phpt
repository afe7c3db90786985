--TEST--
tokencalc_fees(): errors name the argument and the rate
--EXTENSIONS--
tokencalc
--FILE--
<?php
$rates = ['peer' => '0.02', 'burn' => '0.01'];
$calls = [
    fn() => tokencalc_fees('abc', $rates),
    fn() => tokencalc_fees('1e5', $rates),
    fn() => tokencalc_fees('-1', $rates),
    fn() => tokencalc_fees(-5, $rates, 'NO_FEES'),
    fn() => tokencalc_fees(1.5, $rates),
    fn() => tokencalc_fees('1', 'peer'),
    fn() => tokencalc_fees('1', ['peer' => '0.02', 'burn' => '-0.01']),
    fn() => tokencalc_fees('1', [0 => '-1']),
    fn() => tokencalc_fees('1', ['peer' => '2%']),
    fn() => tokencalc_fees('1', [7 => '']),
    fn() => tokencalc_fees('1', ['peer' => null]),
    fn() => tokencalc_fees('1', ['peer' => 0.02]),
    fn() => tokencalc_fees('1', ['peer' => ['0.02']]),
    fn() => tokencalc_fees('1', $rates, 'added'),
    fn() => tokencalc_fees('1', $rates, ''),
    fn() => tokencalc_fees('1', $rates, "ADDED\0"),
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
ValueError: tokencalc_fees(): Argument #1 ($amount) is not a valid decimal number
ValueError: tokencalc_fees(): Argument #1 ($amount) is not a valid decimal number
ValueError: tokencalc_fees(): Argument #1 ($amount) must not be negative
ValueError: tokencalc_fees(): Argument #1 ($amount) must not be negative
TypeError: tokencalc_fees(): Argument #1 ($amount) must be of type string|int, float given
TypeError: tokencalc_fees(): Argument #2 ($rates) must be of type array, string given
ValueError: tokencalc_fees(): Argument #2 ($rates) must contain only non-negative rates, ["burn"] is negative
ValueError: tokencalc_fees(): Argument #2 ($rates) must contain only non-negative rates, [0] is negative
ValueError: tokencalc_fees(): Argument #2 ($rates) must contain only valid decimal numbers, ["peer"] is not
ValueError: tokencalc_fees(): Argument #2 ($rates) must contain only valid decimal numbers, [7] is not
TypeError: tokencalc_fees(): Argument #2 ($rates) must contain only values of type string|int, null given at ["peer"]
TypeError: tokencalc_fees(): Argument #2 ($rates) must contain only values of type string|int, float given at ["peer"]
TypeError: tokencalc_fees(): Argument #2 ($rates) must contain only values of type string|int, array given at ["peer"]
ValueError: tokencalc_fees(): Argument #3 ($mode) must be "ADDED", "INCLUDED" or "NO_FEES"
ValueError: tokencalc_fees(): Argument #3 ($mode) must be "ADDED", "INCLUDED" or "NO_FEES"
ValueError: tokencalc_fees(): Argument #3 ($mode) must be "ADDED", "INCLUDED" or "NO_FEES"
