--TEST--
tokencalc beside ext/gmp: gmp work interleaved with a mint of big totals (inside its generator) and with Q64.96, each checked by the other (issue 13: GMP's allocator is process-wide)
--EXTENSIONS--
tokencalc
gmp
--INI--
tokencalc.scale=0
--FILE--
<?php
// ext/gmp and tokencalc in one process, their GMP work interleaved: each checks the other.
mt_srand(7);
$ok = 0; $bad = 0;
$users = [];
$big = [];
for ($i = 0; $i < 40; $i++) {
    // totals of 30 to 300 digits: tokencalc's big-number paths; ext/gmp keeps its own numbers alive meanwhile
    $digits = '';
    for ($k = 0, $n = mt_rand(30, 300); $k < $n; $k++) { $digits .= mt_rand($k === 0 ? 1 : 0, 9); }
    $users["u$i"] = $digits;
    $big[] = gmp_init($digits);
}
$supply = '1' . str_repeat('0', 120) . '.5';
$gen = (function () use ($users, &$big) {
    foreach ($users as $u => $g) {
        $big[] = gmp_mul(end($big), 3);   // ext/gmp allocates between two rows tokencalc reads
        yield $u => $g;
    }
})();
$r = tokencalc_mint($supply, $gen, TOKENCALC_MINT_EXACT);
// EXACT at scale 0: every user gets floor(supply * g / total) or one more, and they add up to floor(supply)
$total = gmp_init(0);
foreach ($users as $g) { $total = gmp_add($total, $g); }
$floor_supply = gmp_init('1' . str_repeat('0', 120));
$sum = gmp_init(0);
foreach ($users as $u => $g) {
    // floor((2S + 1) * g / (2 * total)): the exact share of supply S + 0.5
    $exact = gmp_div_q(gmp_add(gmp_mul(gmp_mul($floor_supply, 2), $g), $g), gmp_mul($total, 2));
    $t = gmp_init($r['users'][$u]['tokens']);
    $d = gmp_sub($t, $exact);
    (gmp_cmp($d, 0) >= 0 && gmp_cmp($d, 1) <= 0) ? $ok++ : $bad++;
    $sum = gmp_add($sum, $t);
}
echo "tokens within one unit of floor(supply * gems / total): $ok of ", count($users), ", $bad not\n";
echo "they add up to floor(supply): ", gmp_cmp($sum, $floor_supply) === 0 ? 'yes' : 'no', "\n";
echo "total: ", $r['total'] === gmp_strval($total) ? 'same as ext/gmp' : 'differs', "\n";
// ext/gmp's own numbers came through untouched
$check = gmp_init($users['u39']);
for ($i = 0; $i < 40; $i++) { $check = gmp_mul($check, 3); }
echo "ext/gmp's values after the mint: ", gmp_cmp(end($big), $check) === 0 ? 'intact' : 'changed', "\n";
// Q64.96 against ext/gmp: a * 2^96 truncated, and back
foreach (['1.5', '-0.000000000000000000000000001', '123456789012345678901234567890.123456789'] as $a) {
    [$i, $f] = explode('.', ltrim($a, '-')) + [1 => ''];
    $num = gmp_mul(gmp_init($i . $f), gmp_pow(2, 96));
    $q = gmp_div_q($num, gmp_pow(10, strlen($f)));   // toward zero
    $want = ($a[0] === '-' && gmp_cmp($q, 0) !== 0 ? '-' : '') . gmp_strval($q);
    $got = tokencalc_to_q96($a);
    echo "to_q96($a): ", $got === $want ? 'same as ext/gmp' : "differs ($got vs $want)", "\n";
}
echo gmp_strval(gmp_fact(30)), "\n";
?>
--EXPECT--
tokens within one unit of floor(supply * gems / total): 40 of 40, 0 not
they add up to floor(supply): yes
total: same as ext/gmp
ext/gmp's values after the mint: intact
to_q96(1.5): same as ext/gmp
to_q96(-0.000000000000000000000000001): same as ext/gmp
to_q96(123456789012345678901234567890.123456789): same as ext/gmp
265252859812191058636308480000000
