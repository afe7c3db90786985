--TEST--
tokencalc_receipt(): a 10,000-deep nesting and a 1,000,000-entry array, against ext/sodium over the encoding built by hand
--EXTENSIONS--
tokencalc
sodium
--SKIPIF--
<?php if (getenv('SKIP_SLOW_TESTS')) die('skip slow test (a million entries, and their oracle in PHP)'); ?>
--INI--
memory_limit=1G
--FILE--
<?php
$key = str_repeat("\x07", 32);
$prefix = "tokencalc-receipt-v1\0";
$s = fn (string $v): string => 's' . pack('P', strlen($v)) . $v;
$oracle = fn (string $message): string => sodium_bin2hex(sodium_crypto_generichash($message, $key, 32));

echo "-- 10,000 arrays deep\n";
$deep = 'leaf';
for ($i = 0; $i < 10000; $i++) {
    $deep = [$deep];
}
$want = $oracle($prefix . str_repeat('a' . pack('P', 1) . $s('0'), 10000) . $s('leaf'));
$got = tokencalc_receipt($deep, $key);
var_dump($got === $want, tokencalc_receipt_verify($deep, $key, $want));

echo "-- 1,000,000 int keys, whose string order is not their numeric order\n";
$wide = range(0, 999999);
$keys = array_map('strval', array_keys($wide));
sort($keys, SORT_STRING);
$message = $prefix . 'a' . pack('P', 1000000);
foreach ($keys as $k) {
    $message .= $s($k) . $s($k); // value = key here
}
$got = tokencalc_receipt($wide, $key);
var_dump($got === $oracle($message), tokencalc_receipt_verify($wide, $key, $got));
unset($wide, $keys, $message);

echo "-- 1,000,000 string keys in scrambled order\n";
$wide = [];
for ($i = 0; $i < 1000000; $i++) {
    $j = ($i * 7919) % 1000000;
    $wide["user-$j"] = "$i.5";
}
$sorted = $wide;
ksort($sorted, SORT_STRING);
$message = $prefix . 'a' . pack('P', 1000000);
foreach ($sorted as $k => $v) {
    $message .= $s($k) . $s($v);
}
var_dump(tokencalc_receipt($wide, $key) === $oracle($message));
?>
--EXPECT--
-- 10,000 arrays deep
bool(true)
bool(true)
-- 1,000,000 int keys, whose string order is not their numeric order
bool(true)
bool(true)
-- 1,000,000 string keys in scrambled order
bool(true)
