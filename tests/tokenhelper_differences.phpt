--TEST--
compat TokenHelper: the five string differences between tokencalc and the FFI library, and what the drop-in returns for each
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../compat/TokenHelper.php';

use Fawaz\Utils\TokenCalculations\TokenHelper;

// [method, a, b, what the FFI library (rust_decimal 1.37.2) returns]
$cases = [
    '1. a quotient that ends early (the one difference kept)' => [
        ['divRc', '5000', '16', '312.50'],
        ['divRc', '5.2', '1.04', '5.0'],
    ],
    '2. a zero factor' => [
        ['mulRc', '0', '5.1', '0'],
        ['mulRc', '0.0000000000', '1.03', '0'],
        ['mulRc', '12.5', '0.00', '0'],
    ],
    '3. a zero operand in add or sub' => [
        ['addRc', '0.0000000000', '5', '5'],
        ['addRc', '0.0', '007', '7'],
        ['subRc', '2.50', '0.000', '2.50'],
        ['subRc', '0.00', '1.5', '-1.5'],
        ['addRc', '0', '0.000000000001', '0.0000000000'],
    ],
    '4. a zero dividend' => [
        ['divRc', '0.0000000000', '1.04', '0'],
        ['divRc', '0.000', '3', '0'],
    ],
    'no zero operand: a zero result keeps its scale in both' => [
        ['subRc', '5.00', '5.00', '0.00'],
    ],
];
$raw = ['addRc' => 'tokencalc_add', 'subRc' => 'tokencalc_sub', 'mulRc' => 'tokencalc_mul', 'divRc' => 'tokencalc_div'];
foreach ($cases as $class => $list) {
    echo $class, "\n";
    foreach ($list as [$m, $a, $b, $ffi]) {
        $got = TokenHelper::$m($a, $b);
        printf(
            "  %s(%s, %s): drop-in %s, tokencalc %s, library %s; %s\n",
            $m, $a, $b, $got, $raw[$m]($a, $b), $ffi,
            match (true) {
                $got === $ffi => 'same string',
                tokencalc_cmp($got, $ffi) === 0 && (bool) $got === (bool) $ffi => 'same value and truthiness',
                default => 'DIFFERENT',
            }
        );
    }
}

// 5. Truthiness: the backend's transferToken() debits only if ($requiredAmount) and credits only
// if ($netRecipientAmount); calculateAmountsForMode() computes them as below.
echo "5. truthiness in the transfer\n";
[$peer, $burn, $inviter] = ['0.02', '0.01', '0.01'];
$required = TokenHelper::calculateTokenRequiredAmount('0', $peer, $burn, $inviter);
printf("  ADDED, amount \"0\": required %s, debit %s (bare tokencalc: %s)\n",
    var_export($required, true), $required ? 'runs' : 'skipped', var_export(tokencalc_mul('0', '1.04'), true));
$net = TokenHelper::divRc('0.000', TokenHelper::addRc('1', TokenHelper::addRc(TokenHelper::addRc($peer, $burn), $inviter)));
printf("  INCLUDED, amount \"0.000\": net %s, credit row %s (bare tokencalc: %s)\n",
    var_export($net, true), $net ? 'written' : 'skipped', var_export(tokencalc_div('0.000', '1.04'), true));
?>
--EXPECT--
1. a quotient that ends early (the one difference kept)
  divRc(5000, 16): drop-in 312.5, tokencalc 312.5, library 312.50; same value and truthiness
  divRc(5.2, 1.04): drop-in 5, tokencalc 5, library 5.0; same value and truthiness
2. a zero factor
  mulRc(0, 5.1): drop-in 0, tokencalc 0.0, library 0; same string
  mulRc(0.0000000000, 1.03): drop-in 0, tokencalc 0.0000000000, library 0; same string
  mulRc(12.5, 0.00): drop-in 0, tokencalc 0.000, library 0; same string
3. a zero operand in add or sub
  addRc(0.0000000000, 5): drop-in 5, tokencalc 5.0000000000, library 5; same string
  addRc(0.0, 007): drop-in 7, tokencalc 7.0, library 7; same string
  subRc(2.50, 0.000): drop-in 2.50, tokencalc 2.500, library 2.50; same string
  subRc(0.00, 1.5): drop-in -1.5, tokencalc -1.50, library -1.5; same string
  addRc(0, 0.000000000001): drop-in 0.0000000000, tokencalc 0.0000000000, library 0.0000000000; same string
4. a zero dividend
  divRc(0.0000000000, 1.04): drop-in 0, tokencalc 0.00000000, library 0; same string
  divRc(0.000, 3): drop-in 0, tokencalc 0.000, library 0; same string
no zero operand: a zero result keeps its scale in both
  subRc(5.00, 5.00): drop-in 0.00, tokencalc 0.00, library 0.00; same string
5. truthiness in the transfer
  ADDED, amount "0": required '0', debit skipped (bare tokencalc: '0.00')
  INCLUDED, amount "0.000": net '0', credit row skipped (bare tokencalc: '0.0')
