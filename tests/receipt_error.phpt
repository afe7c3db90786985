--TEST--
tokencalc_receipt(), tokencalc_receipt_verify(): keys of the wrong length, values that have no encoding
--EXTENSIONS--
tokencalc
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

$key = str_repeat('k', 32);
$receipt = tokencalc_receipt(['a' => '1'], $key);

echo "-- keys: exactly 32 bytes, and nothing of them in the message\n";
foreach (['', str_repeat('S', 31), str_repeat('S', 33), bin2hex($key)] as $bad) {
    attempt(fn () => tokencalc_receipt(['a' => '1'], $bad));
    attempt(fn () => tokencalc_receipt_verify(['a' => '1'], $bad, $receipt));
}
// the key is checked before the record
attempt(fn () => tokencalc_receipt(['a' => 1.5], 'short'));

echo "-- values: only strings, ints and arrays, wherever they are\n";
$fp = fopen('php://memory', 'r');
enum Suit { case Hearts; }
$records = [
    ['users' => ['u1' => ['tokens' => 1.5]]],
    ['amount' => 100.0],
    ['flags' => [3 => true]],
    ['flags' => [-7 => false]],
    [0 => [1 => [2 => null]]],
    ['when' => new DateTimeImmutable('2026-01-01')],
    ['o' => new stdClass],
    ['suit' => Suit::Hearts],
    ['f' => fn () => 1],
    ['handle' => $fp],
    ['fine' => '1', 'also fine' => [1, 2, 3], 'last' => ['x' => NAN]],
    ["it's" => ['back\\slash' => ["nul\0byte" => ["new\nline" => 0.1]]]],
    ['' => ['é' => 1e100]],
];
foreach ($records as $r) {
    attempt(fn () => tokencalc_receipt($r, $key));
}
// verify throws the same: a record it cannot encode is a programming error, not a mismatch
attempt(fn () => tokencalc_receipt_verify(['a' => ['b' => null]], $key, $receipt));

echo "-- a deep path shows its first and last 16 levels\n";
$deep = 0.5;
for ($i = 39; $i >= 0; $i--) {
    $deep = ["k$i" => $deep];
}
attempt(fn () => tokencalc_receipt($deep, $key));
$deep = false;
for ($i = 0; $i < 10000; $i++) {
    $deep = [$deep];
}
attempt(fn () => tokencalc_receipt($deep, $key));

echo "-- an error leaves no mark on the arrays it walked\n";
$inner = ['x' => '1', 'bad' => null];
$outer = ['inner' => $inner, 'again' => &$inner];
attempt(fn () => tokencalc_receipt($outer, $key));
echo str_contains(print_r($outer, true), 'RECURSION') ? "marked\n" : "clean\n";
$inner['bad'] = 'fixed';
$outer['inner'] = $inner;
echo strlen(tokencalc_receipt($outer, $key)), "\n";
?>
--EXPECT--
-- keys: exactly 32 bytes, and nothing of them in the message
ValueError: tokencalc_receipt(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt_verify(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt_verify(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt_verify(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt_verify(): Argument #2 ($key) must be exactly 32 bytes long
ValueError: tokencalc_receipt(): Argument #2 ($key) must be exactly 32 bytes long
-- values: only strings, ints and arrays, wherever they are
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["users"]["u1"]["tokens"] is float
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["amount"] is float
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["flags"][3] is bool
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["flags"][-7] is bool
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record[0][1][2] is null
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["when"] is DateTimeImmutable
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["o"] is stdClass
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["suit"] is Suit
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["f"] is Closure
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["handle"] is resource
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["last"]["x"] is float
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["it's"]["back\\slash"]["nul\x00byte"]["new\nline"] is float
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record[""]["é"] is float
TypeError: tokencalc_receipt_verify(): Argument #1 ($record) must contain only strings, ints and arrays, $record["a"]["b"] is null
-- a deep path shows its first and last 16 levels
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["k0"]["k1"]["k2"]["k3"]["k4"]["k5"]["k6"]["k7"]["k8"]["k9"]["k10"]["k11"]["k12"]["k13"]["k14"]["k15"]...(8 levels)...["k24"]["k25"]["k26"]["k27"]["k28"]["k29"]["k30"]["k31"]["k32"]["k33"]["k34"]["k35"]["k36"]["k37"]["k38"]["k39"] is float
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]...(9968 levels)...[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] is bool
-- an error leaves no mark on the arrays it walked
TypeError: tokencalc_receipt(): Argument #1 ($record) must contain only strings, ints and arrays, $record["again"]["bad"] is null
clean
64
