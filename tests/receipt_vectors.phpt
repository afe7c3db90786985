--TEST--
tokencalc_receipt(): the 300 receipts of tests/vectors/receipts.jsonl, byte for byte
--EXTENSIONS--
tokencalc
--FILE--
<?php
$n = $wrong = 0;
foreach (file(__DIR__ . '/vectors/receipts.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $i => $line) {
    $case = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $record = unserialize(base64_decode($case['record_php']));
    $key = hex2bin($case['key']);
    $n++;
    $got = tokencalc_receipt($record, $key);
    if ($got !== $case['receipt']) {
        $wrong++;
        echo "line ", $i + 1, ": got $got, want {$case['receipt']}\n";
    }
    if (!tokencalc_receipt_verify($record, $key, $case['receipt'])) {
        $wrong++;
        echo "line ", $i + 1, ": verify is false\n";
    }
}
echo "$n receipts, $wrong wrong\n";
?>
--EXPECT--
300 receipts, 0 wrong
