--TEST--
tokencalc_mint(): errors name the argument and the user
--EXTENSIONS--
tokencalc
--FILE--
<?php
function gen(array $pairs): Generator {
    foreach ($pairs as [$k, $v]) {
        yield $k => $v;
    }
}
$calls = [
    fn() => tokencalc_mint('abc', ['a' => 1]),
    fn() => tokencalc_mint('-1', ['a' => 1]),
    fn() => tokencalc_mint(1.5, ['a' => 1]),
    fn() => tokencalc_mint('10', 'a'),
    fn() => tokencalc_mint('10', ['a' => 1], 2),
    fn() => tokencalc_mint('10', ['a' => 1], -1),
    fn() => tokencalc_mint('10', ['a' => '1', 'b' => 'x']),
    fn() => tokencalc_mint('10', [5 => '1e3']),
    fn() => tokencalc_mint('10', ['a' => 1.5]),
    fn() => tokencalc_mint('10', ['a' => ['1']]),
    fn() => tokencalc_mint('10', ['a' => null]),
    fn() => tokencalc_mint('10', gen([['a', '1'], ['u-7', new stdClass]])),
    fn() => tokencalc_mint('10', gen([['a', '1'], [null, '1']])),
    fn() => tokencalc_mint('10', gen([[1.5, '1']])),
    fn() => tokencalc_mint('10', gen([[true, '1']])),
    fn() => tokencalc_mint('10', gen([[new stdClass, '1']])),
];
foreach ($calls as $call) {
    try {
        var_dump($call());
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
// A bad mode is refused before the generator is touched.
function noisy(): Generator { echo "generator started\n"; yield 'a' => 1; }
try {
    tokencalc_mint('10', noisy(), 5);
} catch (ValueError $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
ValueError: tokencalc_mint(): Argument #1 ($supply) is not a valid decimal number
ValueError: tokencalc_mint(): Argument #1 ($supply) must not be negative
TypeError: tokencalc_mint(): Argument #1 ($supply) must be of type string|int, float given
TypeError: tokencalc_mint(): Argument #2 ($gems) must be of type Traversable|array, string given
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only valid decimal numbers, ["b"] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only valid decimal numbers, [5] is not
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, float given at ["a"]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, array given at ["a"]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, null given at ["a"]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, stdClass given at ["u-7"]
TypeError: tokencalc_mint(): Argument #2 ($gems) must have keys of type string|int, null given
TypeError: tokencalc_mint(): Argument #2 ($gems) must have keys of type string|int, float given
TypeError: tokencalc_mint(): Argument #2 ($gems) must have keys of type string|int, bool given
TypeError: tokencalc_mint(): Argument #2 ($gems) must have keys of type string|int, stdClass given
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
