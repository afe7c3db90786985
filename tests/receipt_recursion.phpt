--TEST--
tokencalc_receipt(): references are followed, shared arrays are fine, an array that contains itself throws
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
$key = random_bytes(32);

echo "-- references are read through\n";
$amount = '12.5';
$fees = ['peer' => '0.25'];
$byRef = ['amount' => &$amount, 'fees' => &$fees, 'list' => [&$amount, &$amount]];
$byValue = ['amount' => '12.5', 'fees' => ['peer' => '0.25'], 'list' => ['12.5', '12.5']];
var_dump(tokencalc_receipt($byRef, $key) === tokencalc_receipt($byValue, $key));

echo "-- one array in several places is not a cycle\n";
const NESTED = ['a' => ['b' => '1']]; // immutable: never marked
$shared = ['c' => ['d' => '2']];
$x = [NESTED, NESTED, $shared, $shared, &$shared, [&$shared, [NESTED]]];
$copy = [
    ['a' => ['b' => '1']], ['a' => ['b' => '1']], ['c' => ['d' => '2']], ['c' => ['d' => '2']],
    ['c' => ['d' => '2']], [['c' => ['d' => '2']], [['a' => ['b' => '1']]]],
];
var_dump(tokencalc_receipt($x, $key) === tokencalc_receipt($copy, $key));
var_dump(tokencalc_receipt_verify($copy, $key, tokencalc_receipt($x, $key)));

echo "-- cycles\n";
$a = ['x' => '1'];
$a['self'] = &$a;
attempt(fn () => tokencalc_receipt($a, $key));
attempt(fn () => tokencalc_receipt($a, $key)); // the same again: nothing left marked
attempt(fn () => tokencalc_receipt_verify($a, $key, str_repeat('0', 64)));

$b = ['l1' => ['l2' => ['v' => '1']]];
$b['l1']['l2']['back'] = &$b;
attempt(fn () => tokencalc_receipt($b, $key));

$c = ['v' => '1'];
$c['me'] = &$c;
attempt(fn () => tokencalc_receipt(['wrap' => [7 => &$c]], $key));

$d = ['v' => '1'];
$d['up'] = ['deeper' => [&$d]];
attempt(fn () => tokencalc_receipt(['z' => 'before', 'd' => $d], $key));

echo "-- the arrays of a cycle are usable once it is cut\n";
unset($b['l1']['l2']['back']);
var_dump(strlen(tokencalc_receipt($b, $key)));
?>
--EXPECT--
-- references are read through
bool(true)
-- one array in several places is not a cycle
bool(true)
bool(true)
-- cycles
ValueError: tokencalc_receipt(): Argument #1 ($record) must not be recursive, $record["self"] refers back to an array that contains it
ValueError: tokencalc_receipt(): Argument #1 ($record) must not be recursive, $record["self"] refers back to an array that contains it
ValueError: tokencalc_receipt_verify(): Argument #1 ($record) must not be recursive, $record["self"] refers back to an array that contains it
ValueError: tokencalc_receipt(): Argument #1 ($record) must not be recursive, $record["l1"]["l2"]["back"] refers back to an array that contains it
ValueError: tokencalc_receipt(): Argument #1 ($record) must not be recursive, $record["wrap"][7]["me"] refers back to an array that contains it
ValueError: tokencalc_receipt(): Argument #1 ($record) must not be recursive, $record["d"]["up"]["deeper"][0] refers back to an array that contains it
-- the arrays of a cycle are usable once it is cut
int(64)
