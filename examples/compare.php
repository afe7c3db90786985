<?php
/*
 * What tokencalc returns next to a PHP float and bcmath (scale 10), on the cases that matter for
 * token money. Run it through scripts/demo.sh, or:
 *   php -d extension=/path/to/tokencalc.so -d extension=bcmath examples/compare.php
 */
declare(strict_types=1);

if (!extension_loaded('tokencalc')) {
    fwrite(STDERR, "tokencalc is not loaded: run scripts/demo.sh\n");
    exit(1);
}
$haveBc = extension_loaded('bcmath');

/** Runs $f and prints its result, or the exception it throws (as PHP would report it). */
function show(callable $f): string
{
    try {
        $r = $f();
        return is_float($r) ? var_export($r, true) : (string) $r;
    } catch (Throwable $e) {
        return $e::class . ': ' . $e->getMessage();
    }
}

function row(string $what, string $float, string $bc, string $tc): void
{
    printf("%-38s\n    float     %s\n    bcmath    %s\n    tokencalc %s\n\n", $what, $float, $bc, $tc);
}

echo "tokencalc ", TOKENCALC_VERSION, " on PHP ", PHP_VERSION, "\n\n";

row('0.1 + 0.2',
    show(fn() => 0.1 + 0.2),
    $haveBc ? show(fn() => bcadd('0.1', '0.2', 10)) : 'n/a',
    show(fn() => tokencalc_add('0.1', '0.2')));

row('2 / 3 (does not terminate)',
    show(fn() => 2 / 3),
    $haveBc ? show(fn() => bcdiv('2', '3', 10)) : 'n/a',
    show(fn() => tokencalc_div('2', '3')));

row('1 / 3 * 3',
    show(fn() => 1 / 3 * 3),
    $haveBc ? show(fn() => bcmul(bcdiv('1', '3', 10), '3', 10)) : 'n/a',
    show(fn() => tokencalc_mul(tokencalc_div('1', '3'), '3')));

$big = '79228162514264337593543950335';   // 2^96 - 1: the FFI library aborts the worker past it
row("$big + 1 (kills the FFI worker)",
    show(fn() => (float) $big + 1),
    $haveBc ? show(fn() => bcadd($big, '1', 10)) : 'n/a',
    show(fn() => tokencalc_add($big, '1')));

row("$big * 1000.5",
    show(fn() => (float) $big * 1000.5),
    $haveBc ? show(fn() => bcmul($big, '1000.5', 10)) : 'n/a',
    show(fn() => tokencalc_mul($big, '1000.5')));

row('"1_000" + 1 (the FFI library says 1001)',
    show(fn() => (float) '1_000' + 1),
    $haveBc ? show(fn() => bcadd('1_000', '1', 10)) : 'n/a',
    show(fn() => tokencalc_add('1_000', '1')));

// A transfer of 100 tokens where the sender pays everything: 2% peer, 1% burn, 1% inviter.
$rates = ['peer' => '0.02', 'burn' => '0.01', 'inviter' => '0.01'];
$amount = '100';
$fNet = 100 / 1.04;
$bNet = $haveBc ? bcdiv($amount, '1.04', 10) : 'n/a';
echo "Fee split: the sender pays $amount tokens, fees peer 2%, burn 1%, inviter 1% (INCLUDED)\n";
printf("    float     net %s, peer %s, burn %s, inviter %s\n", var_export($fNet, true),
    var_export($fNet * 0.02, true), var_export($fNet * 0.01, true), var_export($fNet * 0.01, true));
if ($haveBc) {
    $bFees = [bcmul($bNet, '0.02', 10), bcmul($bNet, '0.01', 10), bcmul($bNet, '0.01', 10)];
    $bSum = bcadd(bcadd(bcadd($bNet, $bFees[0], 10), $bFees[1], 10), $bFees[2], 10);
    printf("    bcmath    net %s, peer %s, burn %s, inviter %s (they add up to %s: the rest vanishes)\n",
        $bNet, ...[...$bFees, $bSum]);
}
try {
    $t = tokencalc_fees($amount, $rates, TOKENCALC_FEES_INCLUDED);
    printf("    tokencalc net %s, peer %s, burn %s, inviter %s, dust %s (accounted for, exactly)\n",
        $t['net'], $t['fees']['peer'], $t['fees']['burn'], $t['fees']['inviter'], $t['dust']);
} catch (Throwable $e) {
    echo "    tokencalc ", $e::class, ": ", $e->getMessage(), "\n";
}
echo "\nBad input is an exception naming the argument:\n";
foreach ([fn() => tokencalc_add('12.5', ' 3'), fn() => tokencalc_div('1', '0.000'), fn() => tokencalc_mul('2', 0.1)] as $f) {
    echo "    ", show($f), "\n";
}
