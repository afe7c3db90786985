--TEST--
Error messages name a key the same way in fees, sum, mint and receipts: signed, escaped, cut on a character boundary, other key types named
--EXTENSIONS--
tokencalc
--FILE--
<?php
function message(callable $f): string
{
    try {
        $f();
        return 'no exception';
    } catch (Throwable $e) {
        return $e::class . ': ' . $e->getMessage();
    }
}
$rkey = str_repeat('r', 32);
$keys = [
    'negative int' => -5,
    'smallest int' => PHP_INT_MIN,
    'NUL' => "a\0b",
    'newline' => "line\nbreak",
    'quotes that try to end the key' => 'a"] is fine, ["b',
    'backslash and dollar' => 'c:\\$x{$y}',
    'tab, CR, ESC, VT, FF, 0x01, DEL' => "\t\r\e\v\f\x01\x7f.",
    'bytes that are not UTF-8' => "\xff\xc3(",
    'overlong and surrogate' => "\xc0\xaf\xed\xa0\x80",
    'truncated sequence at the end' => "ok\xe2\x82",
    'UTF-8 kept' => "gemä€😀",
    'bidi override, C1, BOM, line separator' => "\u{202E}cba\u{85}\u{FEFF}\u{2028}",
    '64 bytes: whole' => str_repeat('x', 64),
    '65 bytes: cut' => str_repeat('x', 65),
    '80 bytes of 2-byte characters' => str_repeat('é', 40),
    '90 bytes of 3-byte characters' => str_repeat('€', 30),
    '4-byte characters across byte 64' => 'ab' . str_repeat('😀', 16),
    '64 control bytes: cut by the room' => str_repeat("\x01", 64),
];
foreach ($keys as $what => $k) {
    echo "-- $what\n";
    $sum = message(fn () => tokencalc_sum([$k => 'x']));
    echo $sum, "\n";
    preg_match('/, (\[.*\]) is not$/s', $sum, $m);
    $where = $m[1];
    $others = [
        'fees' => message(fn () => tokencalc_fees('100', [$k => 'x'])),
        'fees negative' => message(fn () => tokencalc_fees('100', [$k => '-1'])),
        'mint' => message(fn () => tokencalc_mint('100', [$k => 'x'])),
        'receipt' => message(fn () => tokencalc_receipt(['a' => [$k => 1.5]], $rkey)),
    ];
    foreach ($others as $name => $msg) {
        if (!str_contains($msg, $where)) {
            echo "$name differs: $msg\n";
        }
    }
}
echo "-- a generator's keys of other types are named by their type\n";
function pairs(array $pairs): Generator
{
    foreach ($pairs as [$k, $v]) {
        yield $k => $v;
    }
}
enum Suit { case Hearts; }
foreach ([1.5, -0.0, null, true, false, [1, 2], new stdClass, Suit::Hearts, new ArrayObject([]), 'str', -7] as $k) {
    echo message(fn () => tokencalc_sum(pairs([[0, '1'], [$k, 'bad']]))), "\n";
}
echo message(fn () => tokencalc_sum(pairs([[new class {}, '1.5.']]))), "\n";
echo "-- too long, and the wrong type, at a signed key\n";
ini_set('tokencalc.max_digits', '3');
echo message(fn () => tokencalc_sum([-1 => '1234'])), "\n";
echo message(fn () => tokencalc_sum(pairs([[-1, 1.5]]))), "\n";
?>
--EXPECT--
-- negative int
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [-5] is not
-- smallest int
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [-9223372036854775808] is not
-- NUL
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["a\x00b"] is not
-- newline
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["line\nbreak"] is not
-- quotes that try to end the key
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["a\"] is fine, [\"b"] is not
-- backslash and dollar
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["c:\\\$x{\$y}"] is not
-- tab, CR, ESC, VT, FF, 0x01, DEL
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["\t\r\e\v\f\x01\x7F."] is not
-- bytes that are not UTF-8
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["\xFF\xC3("] is not
-- overlong and surrogate
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["\xC0\xAF\xED\xA0\x80"] is not
-- truncated sequence at the end
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["ok\xE2\x82"] is not
-- UTF-8 kept
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["gemä€😀"] is not
-- bidi override, C1, BOM, line separator
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["\u{202E}cba\u{85}\u{FEFF}\u{2028}"] is not
-- 64 bytes: whole
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"] is not
-- 65 bytes: cut
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"...] is not
-- 80 bytes of 2-byte characters
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["éééééééééééééééééééééééééééééééé"...] is not
-- 90 bytes of 3-byte characters
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["€€€€€€€€€€€€€€€€€€€€€"...] is not
-- 4-byte characters across byte 64
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["ab😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"...] is not
-- 64 control bytes: cut by the room
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01"...] is not
-- a generator's keys of other types are named by their type
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type float] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type float] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type null] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type bool] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type bool] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type array] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type stdClass] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type Suit] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type ArrayObject] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["str"] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [-7] is not
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [key of type class@anonymous] is not
-- too long, and the wrong type, at a signed key
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only numbers of at most 3 characters (tokencalc.max_digits), [-1] is longer
TypeError: tokencalc_sum(): Argument #1 ($values) must contain only values of type string|int, float given at [-1]
