--TEST--
tokencalc_receipt(): the auditor's code in README.md recomputes the receipt vectors with ext/sodium alone
--EXTENSIONS--
tokencalc
sodium
--INI--
pcre.jit=0
--FILE--
<?php
$readme = file_get_contents(getenv('TOKENCALC_README') ?: __DIR__ . '/../README.md');

// the ```php block of the receipts section that defines the auditor's function
preg_match('/<!-- receipts:start -->(.*)<!-- receipts:end -->/s', $readme, $section) or die("no receipts section\n");
preg_match_all('/^```php\n(.*?)^```$/ms', $section[1], $blocks);
$code = null;
foreach ($blocks[1] as $block) {
    if (str_contains($block, 'function tokencalc_audit_receipt(')) {
        $code = $block;
    }
}
$code !== null or die("no tokencalc_audit_receipt() in the receipts section\n");
eval($code);

// the example runs the same function: it must hold the README's block to the letter
$example = file_get_contents(__DIR__ . '/../examples/audit_receipt.php');
var_dump(str_contains($example, $code));

$n = $wrong = 0;
foreach (file(__DIR__ . '/vectors/receipts.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $i => $line) {
    $case = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $record = unserialize(base64_decode($case['record_php']));
    $key = hex2bin($case['key']);
    $n++;
    $audit = tokencalc_audit_receipt($record, $key);
    if ($audit !== $case['receipt'] || $audit !== tokencalc_receipt($record, $key)) {
        $wrong++;
        echo "line ", $i + 1, ": README gives $audit\n";
    }
}
echo "$n receipts, $wrong wrong\n";

// where the extension refuses a value, so does the auditor's code
try {
    tokencalc_audit_receipt(['a' => 1.5], str_repeat("\1", 32));
} catch (TypeError $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(true)
300 receipts, 0 wrong
TypeError: a record holds only strings, ints and arrays, not float
