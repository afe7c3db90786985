--TEST--
tokencalc_fees(): random splits against bcmath as an independent oracle, at several scales
--EXTENSIONS--
tokencalc
bcmath
--FILE--
<?php
mt_srand(20261123);

function rnd_dec(int $int_digits, int $frac_digits): string {
    $s = (string) mt_rand(0, 10 ** $int_digits - 1);
    if ($frac_digits > 0) {
        $s .= '.' . str_pad((string) mt_rand(0, 10 ** $frac_digits - 1), $frac_digits, '0', STR_PAD_LEFT);
    }
    return $s;
}

/* The spec written out with bcmath: bc* truncate toward zero to their scale, as the spec does. */
function oracle(string $amount, array $rates, string $mode, int $s): array {
    $r = '0';
    foreach ($rates as $rate) {
        $r = bcadd($r, $rate, 40);
    }
    $factor = bcadd('1', $r, 40);
    switch ($mode) {
        case 'ADDED':
            $net = $amount;
            $required = bcmul($net, $factor, $s);
            break;
        case 'INCLUDED':
            $required = $amount;
            $net = bcdiv($required, $factor, $s);
            break;
        default:
            $required = $net = $amount;
    }
    $fees = [];
    $dust = bcsub($required, $net, 60);
    foreach ($rates as $name => $rate) {
        $fees[$name] = $mode === 'NO_FEES' ? '0' : bcmul($net, $rate, $s);
        $dust = bcsub($dust, $fees[$name], 60);
    }
    return ['required' => $required, 'net' => $net, 'fees' => $fees, 'dust' => $dust];
}

function same(array $got, array $want): bool {
    if (array_keys($got) !== array_keys($want) || array_keys($got['fees']) !== array_keys($want['fees'])) {
        return false;
    }
    foreach (['required', 'net', 'dust'] as $k) {
        if (bccomp($got[$k], $want[$k], 60) !== 0) return false;
    }
    foreach ($want['fees'] as $k => $v) {
        if (bccomp($got['fees'][$k], $v, 60) !== 0) return false;
    }
    return true;
}

$modes = ['ADDED', 'INCLUDED', 'NO_FEES'];
$bad = 0;
foreach ([10, 0, 4, 18] as $s) {
    ini_set('tokencalc.scale', (string) $s);
    for ($i = 0; $i < 500; $i++) {
        $amount = rnd_dec(mt_rand(0, 12), mt_rand(0, 12));
        if ($i % 50 === 0) {
            $amount = rnd_dec(9, 0) . rnd_dec(9, 0) . rnd_dec(9, 6);   // beyond 64 bits
        }
        $rates = [];
        for ($k = 0, $n = mt_rand(0, 5); $k < $n; $k++) {
            $rates[mt_rand(0, 1) ? "fee$k" : $k * 7] = rnd_dec(mt_rand(0, 1), mt_rand(0, 6));
        }
        $mode = $modes[$i % 3];
        $got = tokencalc_fees($amount, $rates, $mode);
        $want = oracle($amount, $rates, $mode, $s);
        if (!same($got, $want) && ++$bad <= 5) {
            echo "scale $s: $amount ", json_encode($rates), " $mode: ", json_encode($got), " != ", json_encode($want), "\n";
        }
        // With an amount of at most s places the dust is what truncation leaves: never negative.
        // (An amount with more places than s can make ADDED's truncated required smaller than net.)
        $places = strlen(strrchr($amount, '.') ?: '.') - 1;
        if ($places <= $s && bccomp($got['dust'], '0', 60) < 0) {
            echo "negative dust: $amount ", json_encode($rates), " $mode at scale $s\n";
        }
    }
}
echo "bad: $bad\n";
?>
--EXPECT--
bad: 0
