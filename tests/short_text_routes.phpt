--TEST--
tokencalc_cmp() and tokencalc_truncate() on short strings (read as text in place) agree with bcmath
--EXTENSIONS--
tokencalc
bcmath
--FILE--
<?php
// Strings of every shape up to 24 characters: signs, leading zeros, "5.", ".5", zeros in many
// spellings; ints beside them. The reference is bcmath (bccomp at scale 60, bcadd($a, '0', places)
// for truncation to min(scale, places written)), both through the frameless call (a name resolved
// at compile time) and the framed one (a call by variable).
mt_srand(1212);
function gen(): string
{
    $s = ['', '', '-', '+'][mt_rand(0, 3)];
    $il = mt_rand(0, 11);
    $int = '';
    for ($i = 0; $i < $il; $i++) {
        $int .= mt_rand(0, 4) === 0 ? '0' : (string) mt_rand(0, 9);
    }
    $fl = mt_rand(0, 10);
    $frac = '';
    for ($i = 0; $i < $fl; $i++) {
        $frac .= mt_rand(0, 3) === 0 ? '0' : (string) mt_rand(0, 9);
    }
    if ($int === '' && $frac === '') {
        $int = (string) mt_rand(0, 9);
    }
    return $s . $int . ($frac !== '' || mt_rand(0, 5) === 0 ? '.' . $frac : '');
}
$edges = ['0', '-0', '+0', '0.', '.0', '-.0', '00000000', '-0.000000000000000', '5.', '.5', '-.5',
    '12345678', '1234567.8', '-1234567.89012345', '9999999999999999999', '0.9999999999999999',
    '-9999999999.99999999', '+0000000000000000001', '1000000000000000000', '-00000000000.0000001'];
$values = $edges;
for ($i = 0; $i < 1500; $i++) {
    $values[] = gen();
}
$ints = [0, 1, -1, 12345678, -98765432101, PHP_INT_MAX, PHP_INT_MIN];
$cmp = 'tokencalc_cmp';
$trunc = 'tokencalc_truncate';
$bad = 0;
$checked = 0;
$n = count($values);
for ($i = 0; $i < $n; $i++) {
    $a = $values[$i];
    $b = $values[($i * 7 + 3) % $n];
    $others = [$b, $values[($i + 1) % $n], $a, $ints[$i % count($ints)]];
    foreach ($others as $o) {
        $want = bccomp($a, (string) $o, 60);
        foreach ([tokencalc_cmp($a, $o), $cmp($a, $o), -tokencalc_cmp($o, $a), -$cmp($o, $a)] as $got) {
            $checked++;
            if ($got !== $want) {
                $bad++;
                echo "cmp($a, $o): got $got, want $want\n";
            }
        }
    }
    $places = ($p = strpos($a, '.')) === false ? 0 : strlen($a) - $p - 1;
    foreach ([0, 1, 3, 10] as $scale) {
        $want = bcadd($a, '0', min($scale, $places));
        foreach ([tokencalc_truncate($a, $scale), $trunc($a, $scale)] as $got) {
            $checked++;
            if ($got !== $want) {
                $bad++;
                echo "truncate($a, $scale): got $got, want $want\n";
            }
        }
    }
}
echo $checked > 35000 ? "checked enough\n" : "checked only $checked\n";
echo "mismatches: $bad\n";
// the errors name the argument as before
foreach ([['1_000', '1'], ['1', '--1'], ['1.2.3', '0'], ['', '0']] as [$x, $y]) {
    try {
        tokencalc_cmp($x, $y);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    tokencalc_truncate('12 345');
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
checked enough
mismatches: 0
tokencalc_cmp(): Argument #1 ($a) is not a valid decimal number
tokencalc_cmp(): Argument #2 ($b) is not a valid decimal number
tokencalc_cmp(): Argument #1 ($a) is not a valid decimal number
tokencalc_cmp(): Argument #1 ($a) is not a valid decimal number
tokencalc_truncate(): Argument #1 ($a) is not a valid decimal number
