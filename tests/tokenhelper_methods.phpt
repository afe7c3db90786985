--TEST--
compat TokenHelper: the backend's public static methods, with its signatures, each computing through tokencalc
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../compat/TokenHelper.php';

use Fawaz\Utils\TokenCalculations\TokenHelper;

// The signatures as the backend declares them (src/Utils/TokenCalculations/TokenHelper.php).
$backend = [
    'calculateTokenRequiredAmount' => '(string $numberOfTokens, string $peerFee, string $burnFee, string $inviterFee = \'0\'): string',
    'calculateSwapTokenSenderRequiredAmountIncludingFees' => '(string $feeAmount, string $peerAmount, string $burnAmount, string $inviterAmount = \'0\'): string',
    'addRc' => '(string $value1, string $value2): string',
    'truncateToTenDecimalPlaces' => '(string $number): string',
    'mulRc' => '(string $value1, string $value2): string',
    'divRc' => '(string $value1, string $value2): string',
    'subRc' => '(string $value1, string $value2): string',
    'initRc' => '()',
];
foreach ($backend as $name => $want) {
    $m = new ReflectionMethod(TokenHelper::class, $name);
    $params = array_map(
        fn (ReflectionParameter $p) => $p->getType() . ' $' . $p->getName()
            . ($p->isDefaultValueAvailable() ? ' = ' . var_export($p->getDefaultValue(), true) : ''),
        $m->getParameters()
    );
    $got = '(' . implode(', ', $params) . ')' . ($m->hasReturnType() ? ': ' . $m->getReturnType() : '');
    $ok = $m->isPublic() && $m->isStatic() && $got === $want;
    echo $name, ': ', $ok ? 'same' : "differs: $got", "\n";
}

$calls = [
    ['addRc', '1.5', '2.25'],
    ['addRc', '0.1', '0.2'],
    ['addRc', '-3', '1.0000000001'],
    ['subRc', '10', '0.0000000001'],
    ['subRc', '1.00', '3'],
    ['mulRc', '100', '0.02'],
    ['mulRc', '1.5', '2'],
    ['mulRc', '0.33333333333', '3'],
    ['divRc', '1', '3'],
    ['divRc', '-2', '3'],
    ['divRc', '10', '4'],
    ['truncateToTenDecimalPlaces', '1.123456789012345'],
    ['truncateToTenDecimalPlaces', '-2.99999999999'],
    ['truncateToTenDecimalPlaces', '007.50'],
    ['calculateTokenRequiredAmount', '100', '0.02', '0.01'],
    ['calculateTokenRequiredAmount', '100', '0.02', '0.01', '0.01'],
    ['calculateTokenRequiredAmount', '0.5', '0.02', '0.015', '0.01'],
    ['calculateSwapTokenSenderRequiredAmountIncludingFees', '1.5', '100', '0.5'],
    ['calculateSwapTokenSenderRequiredAmountIncludingFees', '1.5', '100', '0.5', '0.25'],
];
foreach ($calls as $args) {
    $name = array_shift($args);
    echo $name, '(', implode(', ', $args), ') = ', TokenHelper::$name(...$args), "\n";
}
var_dump(TokenHelper::initRc());
?>
--EXPECT--
calculateTokenRequiredAmount: same
calculateSwapTokenSenderRequiredAmountIncludingFees: same
addRc: same
truncateToTenDecimalPlaces: same
mulRc: same
divRc: same
subRc: same
initRc: same
addRc(1.5, 2.25) = 3.75
addRc(0.1, 0.2) = 0.3
addRc(-3, 1.0000000001) = -1.9999999999
subRc(10, 0.0000000001) = 9.9999999999
subRc(1.00, 3) = -2.00
mulRc(100, 0.02) = 2.00
mulRc(1.5, 2) = 3.0
mulRc(0.33333333333, 3) = 0.9999999999
divRc(1, 3) = 0.3333333333
divRc(-2, 3) = -0.6666666666
divRc(10, 4) = 2.5
truncateToTenDecimalPlaces(1.123456789012345) = 1.1234567890
truncateToTenDecimalPlaces(-2.99999999999) = -2.9999999999
truncateToTenDecimalPlaces(007.50) = 7.50
calculateTokenRequiredAmount(100, 0.02, 0.01) = 103.00
calculateTokenRequiredAmount(100, 0.02, 0.01, 0.01) = 104.00
calculateTokenRequiredAmount(0.5, 0.02, 0.015, 0.01) = 0.5225
calculateSwapTokenSenderRequiredAmountIncludingFees(1.5, 100, 0.5) = 102.0
calculateSwapTokenSenderRequiredAmountIncludingFees(1.5, 100, 0.5, 0.25) = 102.25
NULL
