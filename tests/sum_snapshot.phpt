--TEST--
tokencalc_sum(): tokencalc.max_digits and tokencalc.scale are read once, when the call starts; a generator that changes them mid-call does not change that call
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=2
tokencalc.max_digits=8
--FILE--
<?php
function attempt(callable $f): void
{
    try {
        var_dump($f());
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
/** Yields $before, sets the settings, then yields $after. */
function changing(array $before, array $settings, array $after): Generator
{
    yield from $before;
    foreach ($settings as $name => $value) {
        ini_set($name, $value);
    }
    yield from $after;
}
function reset_settings(): void
{
    ini_set('tokencalc.scale', '2');
    ini_set('tokencalc.max_digits', '8');
}

echo "-- max_digits raised mid-call: a longer number is still too long for this call\n";
attempt(fn () => tokencalc_sum(changing(['a' => '1'], ['tokencalc.max_digits' => '4096'], ['b' => '1234567890'])));
var_dump(ini_get('tokencalc.max_digits'));
attempt(fn () => tokencalc_sum(['b' => '1234567890'])); // the next call sees the new setting
reset_settings();

echo "-- max_digits lowered mid-call: numbers within the limit at the start still count\n";
attempt(fn () => tokencalc_sum(changing(['a' => '1.5'], ['tokencalc.max_digits' => '1'], ['b' => '12345678'])));
attempt(fn () => tokencalc_sum(['b' => '12']));
reset_settings();

echo "-- scale raised mid-call: the result has the scale of the start\n";
attempt(fn () => tokencalc_sum(changing(['a' => '1.23456'], ['tokencalc.scale' => '6'], ['b' => '0.000001'])));
attempt(fn () => tokencalc_sum(['a' => '1.23456', 'b' => '0.000001']));
reset_settings();

echo "-- an explicit scale is not touched either way\n";
attempt(fn () => tokencalc_sum(changing(['a' => '1.23456'], ['tokencalc.scale' => '0', 'tokencalc.max_digits' => '3'], ['b' => '1']), 4));
?>
--EXPECT--
-- max_digits raised mid-call: a longer number is still too long for this call
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only numbers of at most 8 characters (tokencalc.max_digits), ["b"] is longer
string(4) "4096"
string(10) "1234567890"
-- max_digits lowered mid-call: numbers within the limit at the start still count
string(10) "12345679.5"
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only numbers of at most 1 characters (tokencalc.max_digits), ["b"] is longer
-- scale raised mid-call: the result has the scale of the start
string(4) "1.23"
string(8) "1.234561"
-- an explicit scale is not touched either way
string(6) "2.2345"
