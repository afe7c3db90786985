--TEST--
tokencalc_add/sub/mul/div/truncate/cmp: a call the compiler resolves (frameless on PHP 8.4+) and the framed paths (named arguments, unpacking, a dynamic name, call_user_func) give the same results and the same errors
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
tokencalc.max_digits=64
--FILE--
<?php
function outcome(callable $f): string
{
    try {
        return var_export($f(), true);
    } catch (Throwable $e) {
        return $e::class . ": " . $e->getMessage();
    }
}

// Each case is written out as a direct call (compiled to FRAMELESS_ICALL_n on 8.4+), then taken
// through named arguments, unpacking, a dynamic name and call_user_func (all framed).
$long = '123456789012345678901234567890.123456789012345678';
$cases = [
    ['tokencalc_add', ['1.5', '2.25'], fn() => tokencalc_add('1.5', '2.25')],
    ['tokencalc_add', [$long, '1', 3], fn() => tokencalc_add($long, '1', 3)],
    ['tokencalc_add', [7, '0.5', null], fn() => tokencalc_add(7, '0.5', null)],
    ['tokencalc_add', ['1_000', '1'], fn() => tokencalc_add('1_000', '1')],
    ['tokencalc_add', ['1', 1.5], fn() => tokencalc_add('1', 1.5)],
    ['tokencalc_add', ['1', '2', -1], fn() => tokencalc_add('1', '2', -1)],
    ['tokencalc_add', ['1', '2', '3'], fn() => tokencalc_add('1', '2', '3')],
    ['tokencalc_add', ['1', '2', 'x'], fn() => tokencalc_add('1', '2', 'x')],
    ['tokencalc_sub', ['0.1', $long], fn() => tokencalc_sub('0.1', $long)],
    ['tokencalc_sub', [str_repeat('9', 65), '1'], fn() => tokencalc_sub(str_repeat('9', 65), '1')],
    ['tokencalc_mul', ['98765432.1234567890', '12345.6789'], fn() => tokencalc_mul('98765432.1234567890', '12345.6789')],
    ['tokencalc_mul', [$long, $long, 0], fn() => tokencalc_mul($long, $long, 0)],
    ['tokencalc_mul', [null, '1'], fn() => tokencalc_mul(null, '1')],
    // past 21 characters: the string routes (a 256-bit product, a 128-bit quotient, an int as text)
    ['tokencalc_mul', ['12345678901234.12345678901234', '-1234567890.123456789'], fn() => tokencalc_mul('12345678901234.12345678901234', '-1234567890.123456789')],
    ['tokencalc_mul', ['12345678901234567890.123456789012345678', '1234567890123.123456789012'], fn() => tokencalc_mul('12345678901234567890.123456789012345678', '1234567890123.123456789012')],
    ['tokencalc_mul', [7, '0.0000000000000000000001', 25], fn() => tokencalc_mul(7, '0.0000000000000000000001', 25)],
    ['tokencalc_mul', ['1', '1234567890123456789012345x'], fn() => tokencalc_mul('1', '1234567890123456789012345x')],
    ['tokencalc_div', ['12345678901234567890.123456789012345678', '1234567890123.123456789012'], fn() => tokencalc_div('12345678901234567890.123456789012345678', '1234567890123.123456789012')],
    ['tokencalc_div', ['1', '-0.0000000000000000000000000'], fn() => tokencalc_div('1', '-0.0000000000000000000000000')],
    ['tokencalc_div', ['1', '3'], fn() => tokencalc_div('1', '3')],
    ['tokencalc_div', [$long, '-0.000'], fn() => tokencalc_div($long, '-0.000')],
    ['tokencalc_div', ['10', '4', 10001], fn() => tokencalc_div('10', '4', 10001)],
    ['tokencalc_truncate', ['-0.0000001', 3], fn() => tokencalc_truncate('-0.0000001', 3)],
    ['tokencalc_truncate', [$long], fn() => tokencalc_truncate($long)],
    ['tokencalc_truncate', [[]], fn() => tokencalc_truncate([])],
    ['tokencalc_cmp', [$long, '123456789012345678901234567890.1234567890123456780'], fn() => tokencalc_cmp($long, '123456789012345678901234567890.1234567890123456780')],
    ['tokencalc_cmp', ['-0', '0.000'], fn() => tokencalc_cmp('-0', '0.000')],
    ['tokencalc_cmp', ['1', ' 1'], fn() => tokencalc_cmp('1', ' 1')],
];
$names = [
    'tokencalc_add' => ['a', 'b', 'scale'], 'tokencalc_sub' => ['a', 'b', 'scale'],
    'tokencalc_mul' => ['a', 'b', 'scale'], 'tokencalc_div' => ['a', 'b', 'scale'],
    'tokencalc_truncate' => ['a', 'scale'], 'tokencalc_cmp' => ['a', 'b'],
];
foreach ($cases as [$fn, $args, $direct]) {
    $named = array_combine(array_slice($names[$fn], 0, count($args)), $args);
    $ways = [
        'direct' => outcome($direct),
        'named' => outcome(fn() => $fn(...$named)),
        'unpacked' => outcome(fn() => $fn(...$args)),
        'call_user_func' => outcome(fn() => call_user_func($fn, ...$args)),
    ];
    $distinct = array_unique($ways);
    echo count($distinct) === 1 ? reset($distinct) : "DIFFERENT: " . print_r($ways, true), "\n";
}
?>
--EXPECT--
'3.75'
'123456789012345678901234567891.123'
'7.5'
ValueError: tokencalc_add(): Argument #1 ($a) is not a valid decimal number
TypeError: tokencalc_add(): Argument #2 ($b) must be of type string|int, float given
ValueError: tokencalc_add(): Argument #3 ($scale) must be between 0 and 10000
'3'
TypeError: tokencalc_add(): Argument #3 ($scale) must be of type ?int, string given
'-123456789012345678901234567890.0234567890'
ValueError: tokencalc_sub(): Argument #1 ($a) must not be longer than 64 characters (tokencalc.max_digits)
'1219326311415.9426750190'
'15241578753238836750495351562566681945008382873153482703427'
TypeError: tokencalc_mul(): Argument #1 ($a) must be of type string|int, null given
'-15241578753238288067218.9301589825'
'15241578753234721537898639354036.6639342910'
'0.0000000000000000000007'
ValueError: tokencalc_mul(): Argument #2 ($b) is not a valid decimal number
'10000000.0000026999'
DivisionByZeroError: Division by zero
'0.3333333333'
DivisionByZeroError: Division by zero
ValueError: tokencalc_div(): Argument #3 ($scale) must be between 0 and 10000
'0.000'
'123456789012345678901234567890.1234567890'
TypeError: tokencalc_truncate(): Argument #1 ($a) must be of type string|int, array given
0
0
ValueError: tokencalc_cmp(): Argument #2 ($b) is not a valid decimal number
