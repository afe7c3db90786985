--TEST--
tokencalc_receipt_verify(): any single change to the record, another key or a malformed receipt is false
--EXTENSIONS--
tokencalc
--FILE--
<?php
$key = str_repeat("\x42", 32);
$record = [
    'kind' => 'mint',
    'day' => '2026-11-28',
    'supply' => '5000',
    'users' => [
        'u1' => ['gems' => '195', 'tokens' => '2500.0000000000'],
        'u2' => ['gems' => 195, 'tokens' => '2500.0000000000'],
    ],
    'list' => ['first', 'second'],
];
$receipt = tokencalc_receipt($record, $key);
var_dump(strlen($receipt), preg_match('/^[0-9a-f]{64}$/', $receipt));
var_dump(tokencalc_receipt_verify($record, $key, $receipt));

echo "-- the order of keys does not matter (they are sorted); an int equals its decimal string\n";
$same = [
    'users' => [
        'u2' => ['tokens' => '2500.0000000000', 'gems' => '195'],
        'u1' => ['tokens' => '2500.0000000000', 'gems' => 195],
    ],
    'list' => [1 => 'second', 0 => 'first'],
    'supply' => 5000,
    'day' => '2026-11-28',
    'kind' => 'mint',
];
var_dump(tokencalc_receipt($same, $key) === $receipt, tokencalc_receipt_verify($same, $key, $receipt));

echo "-- single changes\n";
$changes = [
    'a digit of an amount' => fn ($r) => array_replace_recursive($r, ['users' => ['u1' => ['tokens' => '2500.0000000001']]]),
    'a digit of an int' => fn ($r) => array_replace_recursive($r, ['users' => ['u2' => ['gems' => 196]]]),
    'a key renamed' => function ($r) { $r['users']['u3'] = $r['users']['u2']; unset($r['users']['u2']); return $r; },
    'a key in another case' => function ($r) { $r['Kind'] = $r['kind']; unset($r['kind']); return $r; },
    'values swapped between keys' => function ($r) { [$r['day'], $r['kind']] = [$r['kind'], $r['day']]; return $r; },
    'a value moved to another key' => function ($r) { $r['users']['u1']['gems'] .= '5'; $r['users']['u2']['gems'] = '19'; return $r; },
    'the order of a list' => function ($r) { $r['list'] = array_reverse($r['list']); return $r; },
    'an entry added' => function ($r) { $r['memo'] = ''; return $r; },
    'an entry removed' => function ($r) { unset($r['list'][1]); return $r; },
    'an empty string to an empty array' => function ($r) { $r['list'][1] = []; $r['list'][2] = ''; return $r; },
    'a string split in two' => function ($r) { $r['list'] = ['firs', 'tsecond']; return $r; },
    'a trailing zero' => fn ($r) => array_replace_recursive($r, ['supply' => '5000.0']),
    'a leading space' => fn ($r) => array_replace_recursive($r, ['supply' => ' 5000']),
    'one level of nesting' => function ($r) { $r['list'] = [['first', 'second']]; return $r; },
];
foreach ($changes as $what => $change) {
    $changed = $change($record);
    printf("%-34s %s %s\n", $what,
        var_export(tokencalc_receipt_verify($changed, $key, $receipt), true),
        var_export(tokencalc_receipt($changed, $key) === $receipt, true));
}

echo "-- another key\n";
$other = $key;
$other[31] = "\x43";
var_dump(tokencalc_receipt_verify($record, $other, $receipt), tokencalc_receipt($record, $other) === $receipt);

echo "-- malformed receipts\n";
$flip = $receipt;
$flip[63] = $flip[63] === '0' ? '1' : '0';
$bad = [
    'uppercase' => strtoupper($receipt),
    'one digit changed' => $flip,
    'too short' => substr($receipt, 0, 63),
    'too long' => $receipt . '0',
    'a trailing newline' => $receipt . "\n",
    'the raw 32 bytes' => hex2bin($receipt),
    'not hex' => str_repeat('zz', 32),
    'empty' => '',
    'a NUL inside' => substr($receipt, 0, 10) . "\0" . substr($receipt, 11),
];
foreach ($bad as $what => $r) {
    printf("%-34s %s\n", $what, var_export(tokencalc_receipt_verify($record, $key, $r), true));
}
?>
--EXPECT--
int(64)
int(1)
bool(true)
-- the order of keys does not matter (they are sorted); an int equals its decimal string
bool(true)
bool(true)
-- single changes
a digit of an amount               false false
a digit of an int                  false false
a key renamed                      false false
a key in another case              false false
values swapped between keys        false false
a value moved to another key       false false
the order of a list                false false
an entry added                     false false
an entry removed                   false false
an empty string to an empty array  false false
a string split in two              false false
a trailing zero                    false false
a leading space                    false false
one level of nesting               false false
-- another key
bool(false)
bool(false)
-- malformed receipts
uppercase                          false
one digit changed                  false
too short                          false
too long                           false
a trailing newline                 false
the raw 32 bytes                   false
not hex                            false
empty                              false
a NUL inside                       false
