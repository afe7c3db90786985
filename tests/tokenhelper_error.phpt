--TEST--
compat TokenHelper: the backend's error contract, a RuntimeException (an \Exception) with its message and the tokencalc error as previous
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../compat/TokenHelper.php';

use Fawaz\Utils\TokenCalculations\TokenHelper;

$calls = [
    // What a client can send as an amount and the FFI library rejected too.
    ['addRc', '1e3', '1'],
    ['addRc', '1', ' 5'],
    ['subRc', '', '1'],
    ['subRc', '1', '5 '],
    ['mulRc', 'abc', '2'],
    ['mulRc', '0', 'abc'],          // a zero factor does not hide a bad one
    ['divRc', '1', '0'],
    ['divRc', '0', '0.000'],
    ['divRc', '--1', '2'],
    ['truncateToTenDecimalPlaces', '1,5'],
    // Accepted by the FFI library (rust_decimal skips underscores), rejected here: docs/migration.md.
    ['addRc', '1_000', '1'],
    // The composed methods fail in the step that reads the bad argument.
    ['calculateTokenRequiredAmount', 'abc', '0.02', '0.01'],
    ['calculateTokenRequiredAmount', '100', '0.02', 'x'],
    ['calculateSwapTokenSenderRequiredAmountIncludingFees', '1', '2', '3', '4.'],
    ['calculateSwapTokenSenderRequiredAmountIncludingFees', '1', '2', '3', '.'],
];
foreach ($calls as $args) {
    $name = array_shift($args);
    echo $name, '(', implode(', ', array_map('json_encode', $args)), ")\n";
    try {
        $r = TokenHelper::$name(...$args);
        echo "  = $r\n";
    } catch (\Exception $e) {
        // The backend's catch (\Exception) blocks still see it.
        $p = $e->getPrevious();
        echo '  ', $e::class, ': ', $e->getMessage(), "\n";
        echo '  previous ', $p === null ? 'none' : $p::class . ': ' . $p->getMessage(), "\n";
    }
}
?>
--EXPECT--
addRc("1e3", "1")
  RuntimeException: Error in addition operation, result is not numeric.
  previous ValueError: tokencalc_add(): Argument #1 ($a) is not a valid decimal number
addRc("1", " 5")
  RuntimeException: Error in addition operation, result is not numeric.
  previous ValueError: tokencalc_add(): Argument #2 ($b) is not a valid decimal number
subRc("", "1")
  RuntimeException: Error in subtract   operation, result is not numeric.
  previous ValueError: tokencalc_sub(): Argument #1 ($a) is not a valid decimal number
subRc("1", "5 ")
  RuntimeException: Error in subtract   operation, result is not numeric.
  previous ValueError: tokencalc_sub(): Argument #2 ($b) is not a valid decimal number
mulRc("abc", "2")
  RuntimeException: Error in multiply operation, result is not numeric.
  previous ValueError: tokencalc_mul(): Argument #1 ($a) is not a valid decimal number
mulRc("0", "abc")
  RuntimeException: Error in multiply operation, result is not numeric.
  previous ValueError: tokencalc_mul(): Argument #2 ($b) is not a valid decimal number
divRc("1", "0")
  RuntimeException: Error in divide operation, result is not numeric.
  previous DivisionByZeroError: Division by zero
divRc("0", "0.000")
  RuntimeException: Error in divide operation, result is not numeric.
  previous DivisionByZeroError: Division by zero
divRc("--1", "2")
  RuntimeException: Error in divide operation, result is not numeric.
  previous ValueError: tokencalc_div(): Argument #1 ($a) is not a valid decimal number
truncateToTenDecimalPlaces("1,5")
  RuntimeException: Error in truncation operation, result is not numeric.
  previous ValueError: tokencalc_truncate(): Argument #1 ($a) is not a valid decimal number
addRc("1_000", "1")
  RuntimeException: Error in addition operation, result is not numeric.
  previous ValueError: tokencalc_add(): Argument #1 ($a) is not a valid decimal number
calculateTokenRequiredAmount("abc", "0.02", "0.01")
  RuntimeException: Error in multiply operation, result is not numeric.
  previous ValueError: tokencalc_mul(): Argument #1 ($a) is not a valid decimal number
calculateTokenRequiredAmount("100", "0.02", "x")
  RuntimeException: Error in addition operation, result is not numeric.
  previous ValueError: tokencalc_add(): Argument #2 ($b) is not a valid decimal number
calculateSwapTokenSenderRequiredAmountIncludingFees("1", "2", "3", "4.")
  = 10
calculateSwapTokenSenderRequiredAmountIncludingFees("1", "2", "3", ".")
  RuntimeException: Error in addition operation, result is not numeric.
  previous ValueError: tokencalc_add(): Argument #2 ($b) is not a valid decimal number
