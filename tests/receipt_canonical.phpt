--TEST--
tokencalc_receipt(): a string key that spells an int (only get_defined_vars(), array_replace() and the like make one) is refused, so no two different records share a receipt
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
/** An array whose keys are the given strings as string keys, even "1" (a symbol table keeps them so). */
function string_keyed(array $pairs): array
{
    foreach ($pairs as $k => $v) {
        ${(string) $k} = $v;
    }
    unset($pairs, $k, $v);
    return get_defined_vars();
}
$key = str_repeat('k', 32);

echo "-- how such arrays come about\n";
$s = string_keyed(['1' => 'A']);
var_dump(array_keys($s), isset($s[1]));
$both = $s;
$both[1] = 'B';
var_dump(count($both));
$replaced = array_replace($s, [1 => 'B']);
var_dump(count($replaced));
$reversed = [1 => 'A'];
$reversed += string_keyed(['1' => 'B']);
var_dump(count($reversed));

echo "-- refused wherever they are, the path naming the string key\n";
attempt(fn () => tokencalc_receipt($s, $key));
attempt(fn () => tokencalc_receipt($both, $key));
attempt(fn () => tokencalc_receipt($replaced, $key));
attempt(fn () => tokencalc_receipt($reversed, $key));
attempt(fn () => tokencalc_receipt_verify($both, $key, str_repeat('0', 64)));
attempt(fn () => tokencalc_receipt(['users' => ['u1' => ['gems' => '1'], 'u2' => $both]], $key));
attempt(fn () => tokencalc_receipt(['n' => string_keyed(['-5' => 'x', 'ok' => 'y'])], $key));
attempt(fn () => tokencalc_receipt(['n' => string_keyed(['9223372036854775807' => 'x'])], $key));
attempt(fn () => tokencalc_receipt(['n' => string_keyed(['-9223372036854775808' => 'x'])], $key));

// a big array (its small values are encoded ahead of the walk) holding one such small array
$big = [];
for ($i = 0; $i < 100; $i++) {
    $big["user$i"] = ['gems' => (string) $i];
}
$big['user50'] = string_keyed(['gems' => '50', '7' => 'x']);
attempt(fn () => tokencalc_receipt($big, $key));

echo "-- strings that PHP keeps as strings are canonical, and encode apart from every int\n";
$fine = string_keyed(['01' => 'a', '-0' => 'b', '1.0' => 'c', ' 1' => 'd', '1 ' => 'e', '+1' => 'f',
    '9223372036854775808' => 'g', '-9223372036854775809' => 'h', '0x1' => 'i', '' => 'j']);
$literal = ['01' => 'a', '-0' => 'b', '1.0' => 'c', ' 1' => 'd', '1 ' => 'e', '+1' => 'f',
    '9223372036854775808' => 'g', '-9223372036854775809' => 'h', '0x1' => 'i', '' => 'j'];
var_dump(tokencalc_receipt($fine, $key) === tokencalc_receipt($literal, $key));
var_dump(tokencalc_receipt(['01' => 'a'], $key) !== tokencalc_receipt([1 => 'a'], $key));

echo "-- an object cast to an array gets int keys for numeric names: canonical\n";
$o = new stdClass;
$o->{'1'} = 'A';
$o->{'x'} = 'B';
var_dump(tokencalc_receipt((array) $o, $key) === tokencalc_receipt([1 => 'A', 'x' => 'B'], $key));
var_dump(tokencalc_receipt(get_object_vars($o), $key) === tokencalc_receipt([1 => 'A', 'x' => 'B'], $key));

echo "-- the walk leaves nothing marked after refusing\n";
$outer = ['inner' => $both];
attempt(fn () => tokencalc_receipt($outer, $key));
echo str_contains(print_r($outer, true), 'RECURSION') ? "marked\n" : "clean\n";
?>
--EXPECT--
-- how such arrays come about
array(1) {
  [0]=>
  string(1) "1"
}
bool(false)
int(2)
int(2)
int(2)
-- refused wherever they are, the path naming the string key
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["1"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["1"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["1"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["1"] is a string key that spells an int
ValueError: tokencalc_receipt_verify(): Argument #1 ($record) must contain only canonical keys, $record["1"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["users"]["u2"]["1"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["n"]["-5"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["n"]["9223372036854775807"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["n"]["-9223372036854775808"] is a string key that spells an int
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["user50"]["7"] is a string key that spells an int
-- strings that PHP keeps as strings are canonical, and encode apart from every int
bool(true)
bool(true)
-- an object cast to an array gets int keys for numeric names: canonical
bool(true)
bool(true)
-- the walk leaves nothing marked after refusing
ValueError: tokencalc_receipt(): Argument #1 ($record) must contain only canonical keys, $record["inner"]["1"] is a string key that spells an int
clean
