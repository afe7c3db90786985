--TEST--
tokencalc_receipt(): keys that share their first 8 bytes, in an order made to defeat the engine's quicksort, in random orders and at every merge size, against ext/sodium over the encoding built by hand
--EXTENSIONS--
tokencalc
sodium
--FILE--
<?php
require __DIR__ . '/sort_adversary.inc';

$key = str_repeat("\x5a", 32);
function oracle(array $record, string $key): string
{
    $e = function ($v) use (&$e): string {
        if (!is_array($v)) {
            return 's' . pack('P', strlen((string) $v)) . $v;
        }
        ksort($v, SORT_STRING);
        $out = 'a' . pack('P', count($v));
        foreach ($v as $k => $x) {
            $out .= 's' . pack('P', strlen((string) $k)) . $k . $e($x);
        }
        return $out;
    };
    return sodium_bin2hex(sodium_crypto_generichash("tokencalc-receipt-v1\0" . $e($record), $key, 32));
}
function record(array $ranks, string $prefix): array
{
    $r = [];
    foreach ($ranks as $i => $rank) {
        $r[sprintf('%s%07d', $prefix, $rank)] = (string) $i;
    }
    return $r;
}
function check(string $what, array $record, string $key): void
{
    $got = tokencalc_receipt($record, $key);
    $want = oracle($record, $key);
    echo $what, ': ', $got === $want && tokencalc_receipt_verify($record, $key, $want) ? 'ok' : "MISMATCH $got $want", "\n";
}

echo "-- the adversary's order (checked to be one: usort's comparisons grow quadratically with it)\n";
$count = 0;
$counting = function (string $a, string $b) use (&$count): int {
    $count++;
    return strcmp($a, $b);
};
// The random orders are seeded and averaged over 8 shuffles: one shuffle's count varies enough
// that the ratio of two of them passed 2.6 about once in 170 runs.
mt_srand(7);
foreach ([400, 800] as $n) {
    $k = array_keys(record(zend_sort_adversary($n), 'shared8-'));
    $count = 0;
    usort($k, $counting);
    $adv[$n] = $count;
    $count = 0;
    for ($i = 0; $i < 8; $i++) {
        shuffle($k);
        usort($k, $counting);
    }
    $rnd[$n] = $count / 8;
}
// doubling n: about 4x the comparisons for the adversary, about 2x for a random order
var_dump($adv[800] / $adv[400] > 3.2, $rnd[800] / $rnd[400] < 2.6, $adv[800] > 5 * $rnd[800]);
check('adversary, 3000 keys', record(zend_sort_adversary(3000), 'shared8-'), $key);

echo "-- random, sorted and reversed orders around every run and merge size\n";
mt_srand(13);
foreach ([2, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 127, 128, 129, 1000, 4099] as $n) {
    $ranks = range(0, $n - 1);
    shuffle($ranks);
    $ok = oracle(record($ranks, 'shared8-'), $key) === tokencalc_receipt(record($ranks, 'shared8-'), $key);
    $ok = $ok && oracle(record(range(0, $n - 1), 'p'), $key) === tokencalc_receipt(record(range(0, $n - 1), 'p'), $key);
    $ok = $ok && oracle(record(range($n - 1, 0), 'shared8-'), $key) === tokencalc_receipt(record(range($n - 1, 0), 'shared8-'), $key);
    echo $n, ': ', $ok ? 'ok' : 'MISMATCH', "\n";
}

echo "-- ties on the first 8 bytes: prefixes, NUL bytes, high bytes, int keys beside strings\n";
$mixed = [];
foreach (['shared8-', "shared8-\0", "shared8-\0\0", 'shared8-a', "shared8-\xff", 'shared8', 'shared8-' . str_repeat('z', 300),
    'shared8-' . str_repeat('z', 299) . 'y', '12345678', '123456789', '1234567', '-1234567', '-12345678'] as $i => $k) {
    $mixed[$k] = "v$i";
}
foreach ([12345678, 123456789, 1234567, -1234567, -12345678, 123456780, 1234567890123] as $i) {
    $mixed[$i] = "int $i";
}
for ($i = 0; $i < 200; $i++) {
    $mixed['shared8-' . str_repeat('m', $i % 23) . chr(32 + $i % 90)] = "fill $i";
}
$keys = array_keys($mixed);
shuffle($keys);
$shuffled = [];
foreach ($keys as $k) {
    $shuffled[$k] = $mixed[$k];
}
check('mixed keys, shuffled', $shuffled, $key);
check('mixed keys, nested twice', ['a' => $shuffled, 'b' => ['c' => $shuffled]], $key);
?>
--EXPECT--
-- the adversary's order (checked to be one: usort's comparisons grow quadratically with it)
bool(true)
bool(true)
bool(true)
adversary, 3000 keys: ok
-- random, sorted and reversed orders around every run and merge size
2: ok
15: ok
16: ok
17: ok
31: ok
32: ok
33: ok
47: ok
63: ok
64: ok
65: ok
127: ok
128: ok
129: ok
1000: ok
4099: ok
-- ties on the first 8 bytes: prefixes, NUL bytes, high bytes, int keys beside strings
mixed keys, shuffled: ok
mixed keys, nested twice: ok
