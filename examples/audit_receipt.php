<?php
/*
 * An auditor re-checks tokencalc receipts with nothing but PHP's own ext/sodium.
 *
 *   php examples/audit_receipt.php [receipts.jsonl]
 *
 * Each line of the file is {"record_php": base64 of serialize($record), "key": hex, "receipt": hex}, the
 * format of ../shared/vectors/receipts.jsonl, which is read when no file is given. (A real auditor keeps
 * the key apart from the records; it sits in the file only to keep the example short.) Where the
 * tokencalc extension is loaded too, each receipt is also checked with tokencalc_receipt_verify().
 * The function below is the README's, to the letter (tests/receipt_readme.phpt holds them together).
 */

declare(strict_types=1);

/** Recomputes a tokencalc receipt (canonical encoding v1) with nothing but ext/sodium. */
function tokencalc_audit_receipt(array $record, string $key): string
{
    $encode = function (mixed $value) use (&$encode): string {
        if (is_int($value)) {
            $value = (string) $value;                 // an int is its decimal string
        }
        if (is_string($value)) {
            return 's' . pack('P', strlen($value)) . $value;
        }
        if (!is_array($value)) {
            throw new TypeError('a record holds only strings, ints and arrays, not ' . get_debug_type($value));
        }
        ksort($value, SORT_STRING);                   // keys in byte order of their string form
        $out = 'a' . pack('P', count($value));
        foreach ($value as $k => $v) {
            $out .= $encode((string) $k) . $encode($v);
        }
        return $out;
    };
    $message = "tokencalc-receipt-v1\0" . $encode($record);
    return sodium_bin2hex(sodium_crypto_generichash($message, $key, SODIUM_CRYPTO_GENERICHASH_BYTES));
}

$file = $argv[1] ?? (getenv('TOKENCALC_SHARED') ?: __DIR__ . '/../../shared') . '/vectors/receipts.jsonl';
$lines = @file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
if ($lines === false) {
    fwrite(STDERR, "cannot read $file\n");
    exit(2);
}
$withExtension = function_exists('tokencalc_receipt_verify');
$checked = $mismatches = 0;
foreach ($lines as $i => $line) {
    $case = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $record = unserialize(base64_decode($case['record_php']), ['allowed_classes' => false]);
    $key = sodium_hex2bin($case['key']);
    $matches = hash_equals($case['receipt'], tokencalc_audit_receipt($record, $key));
    if (!$matches || ($withExtension && !tokencalc_receipt_verify($record, $key, $case['receipt']))) {
        $mismatches++;
        echo 'line ', $i + 1, ": the receipt does not match the record\n";
    }
    $checked++;
}
printf("%d receipts checked%s, %d do not match\n", $checked,
    $withExtension ? ' (ext/sodium and tokencalc_receipt_verify())' : ' (ext/sodium)', $mismatches);

// What tampering looks like: one more cent of fee in the first record.
if ($checked > 0) {
    $case = json_decode($lines[0], true, 512, JSON_THROW_ON_ERROR);
    $record = unserialize(base64_decode($case['record_php']), ['allowed_classes' => false]);
    $record['dust'] = ($record['dust'] ?? '') . '1';
    $matches = hash_equals($case['receipt'], tokencalc_audit_receipt($record, sodium_hex2bin($case['key'])));
    echo 'line 1 with $record[\'dust\'] altered: ', $matches ? "matches (!)" : "does not match, as it should", "\n";
}
exit($mismatches === 0 ? 0 : 1);
