--TEST--
tokencalc_to_q96() / tokencalc_from_q96(): against bcmath, and the round trip for a thousand values
--EXTENSIONS--
tokencalc
bcmath
--INI--
tokencalc.scale=10
--FILE--
<?php
mt_srand(96);
$two96 = bcpow('2', '96');

function rnd_value(): string {
    $int = match (mt_rand(0, 3)) {
        0 => '0',
        1 => (string) mt_rand(0, 999),
        2 => (string) mt_rand(0, PHP_INT_MAX),
        3 => mt_rand(1, 9) . str_pad((string) mt_rand(0, PHP_INT_MAX), 19, '0', STR_PAD_LEFT) . mt_rand(0, 99999),
    };
    $places = mt_rand(0, 10);
    $frac = $places ? '.' . substr(str_pad((string) mt_rand(0, PHP_INT_MAX), 19, '0', STR_PAD_LEFT), 0, $places) : '';
    return (mt_rand(0, 1) ? '-' : '') . $int . $frac;
}

/* q / 2^96 rounded half away from zero to $s places, with bcmath (bcdiv truncates toward zero). */
function oracle_from(string $q, int $s): string {
    global $two96;
    $neg = $q[0] === '-';
    $abs = ltrim($q, '-');
    $num = bcmul($abs, bcpow('10', (string) $s), 0);
    $int = bcdiv($num, $two96, 0);
    $rem = bcsub($num, bcmul($int, $two96, 0), 0);
    if (bccomp(bcmul($rem, '2', 0), $two96, 0) >= 0) {
        $int = bcadd($int, '1', 0);
    }
    $r = bcdiv($int, bcpow('10', (string) $s), $s);
    return tokencalc_normalize(($neg ? '-' : '') . $r);
}

$bad = 0;
for ($i = 0; $i < 1000; $i++) {
    $a = rnd_value();
    $q = tokencalc_to_q96($a);
    $want = bcmul($a, $two96, 0);   // truncates toward zero, like the spec
    if (tokencalc_cmp($q, $want) !== 0 || $q !== tokencalc_normalize($want)) {
        if (++$bad <= 5) echo "to_q96($a) = $q, bcmath $want\n";
    }
    $back = tokencalc_from_q96($q);
    if ($back !== tokencalc_normalize($a)) {
        if (++$bad <= 5) echo "from_q96(to_q96($a)) = $back\n";
    }
    // from_q96 on integers that are not exact encodings.
    $r = bcadd($q, (string) mt_rand(-10 ** 9, 10 ** 9), 0);
    if (tokencalc_from_q96($r) !== oracle_from($r, 10)) {
        if (++$bad <= 5) echo "from_q96($r) = ", tokencalc_from_q96($r), ", bcmath ", oracle_from($r, 10), "\n";
    }
}
echo "bad: $bad\n";

// Integers given as PHP ints, and well-known values.
var_dump(tokencalc_to_q96(1), tokencalc_to_q96(-1), tokencalc_to_q96('0.5'), tokencalc_to_q96('-0.0'));
var_dump(tokencalc_from_q96('79228162514264337593543950336'), tokencalc_from_q96(PHP_INT_MAX), tokencalc_from_q96(0));
// Smallest magnitudes truncate to zero, both signs.
var_dump(tokencalc_to_q96('0.00000000000000000000000000001'), tokencalc_to_q96('-0.00000000000000000000000000001'));

// Rounding: ties away from zero (scale 0 makes them easy to write).
ini_set('tokencalc.scale', '0');
$half = bcdiv($two96, '2', 0);
foreach ([$half, bcsub($half, '1'), bcmul($half, '3'), "-$half", '-' . bcsub($half, '1'), '-' . bcmul($half, '3')] as $q) {
    echo tokencalc_from_q96($q), " ";
}
echo "\n";

// At scale 28 the round trip still holds for values with 28 places.
ini_set('tokencalc.scale', '28');
foreach (['0.0000000000000000000000000001', '-12345.6789012345678901234567890123', '1.2345678901234567890123456789',
          '-99999999999999999999.9999999999999999999999999999'] as $a) {
    $a28 = tokencalc_truncate($a, 28);
    var_dump(tokencalc_from_q96(tokencalc_to_q96($a28)) === tokencalc_normalize($a28));
}
?>
--EXPECT--
bad: 0
string(29) "79228162514264337593543950336"
string(30) "-79228162514264337593543950336"
string(29) "39614081257132168796771975168"
string(1) "0"
string(1) "1"
string(12) "0.0000000001"
string(1) "0"
string(1) "0"
string(1) "0"
1 0 2 -1 0 -2 
bool(true)
bool(true)
bool(true)
bool(true)
