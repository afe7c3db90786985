--TEST--
tokencalc_add() and tokencalc_sub() on two strings of up to 19 characters (one core call that reads both and adds in a machine word) agree with bcmath, exact strings, and decline to the general path with its errors
--EXTENSIONS--
tokencalc
bcmath
--FILE--
<?php
// Operands of 0 to 20 characters: signs, leading zeros, "5.", ".5", 19 digits, 20 characters (the
// general path's), sums past 2^64 (declined: the wide path answers), bad
// bytes and NULs inside (declined: the general path throws). Both the frameless call (a name
// resolved at compile time) and the framed one (a call by variable), with the default scale and
// with an explicit one. The reference is bcmath at the result's scale, min(scale, places written).
mt_srand(2024);
function gen(): string
{
    $len = mt_rand(0, 20);
    $s = mt_rand(0, 3) === 0 ? (mt_rand(0, 1) ? '-' : '+') : '';
    while (strlen($s) < $len) {
        $s .= mt_rand(0, 4) === 0 ? '0' : (string) mt_rand(0, 9);
    }
    if (strlen($s) > 1 && mt_rand(0, 4) !== 0) {
        $s[mt_rand(1, strlen($s) - 1)] = '.';
    }
    return $s;
}
function places(string $s): int
{
    $p = strpos($s, '.');
    return $p === false ? 0 : strlen($s) - $p - 1;
}
function valid(string $s): bool
{
    return preg_match('/^[+-]?(\d+(\.\d*)?|\.\d+)$/D', $s) === 1;
}
$edges = ['0', '-0', '+0', '0.', '.0', '-.0', '5.', '.5', '-.5', '9999999999999999999', '-9999999999999999999',
    '18446744073709551615', '1844674407370955161.5', '999999999.9999999999', '-99999999.99999999999',
    '12345678901234567890', '0.0000000000000000001', '+000000000000000001.', "1\x002", '1_000', '1e5', ' 1',
    '1 ', '--1', '1.2.3', '', '+', '.', '-.', "12\x00"];
$values = $edges;
for ($i = 0; $i < 1500; $i++) {
    $values[] = gen();
}
$add = 'tokencalc_add';
$sub = 'tokencalc_sub';
$checked = 0;
$bad = 0;
$errors = 0;
$n = count($values);
for ($i = 0; $i < $n; $i++) {
    $a = $values[$i];
    foreach ([$values[($i * 7 + 3) % $n], $values[($i + 1) % $n], $a] as $b) {
        $ok = valid($a) && valid($b);
        foreach ([null, 0, 3, 10, 19] as $scale) {
            $s = min($scale ?? 10, max(places($a), places($b)));
            $want = $ok ? [bcadd($a, $b, $s), bcsub($a, $b, $s)] : null;
            $got = [];
            foreach ([
                fn () => $scale === null ? [tokencalc_add($a, $b), tokencalc_sub($a, $b)]
                    : [tokencalc_add($a, $b, $scale), tokencalc_sub($a, $b, $scale)],
                fn () => $scale === null ? [$add($a, $b), $sub($a, $b)] : [$add($a, $b, $scale), $sub($a, $b, $scale)],
            ] as $call) {
                try {
                    $got = $call();
                } catch (ValueError $e) {
                    $got = $e->getMessage();
                }
                $checked++;
                if ($want === null) {
                    $errors++;
                    $which = valid($a) ? 2 : 1;
                    $msg = "tokencalc_add(): Argument #$which (\$" . ($which === 1 ? 'a' : 'b') . ') is not a valid decimal number';
                    if ($got !== $msg) {
                        $bad++;
                        echo 'error (', bin2hex($a), ', ', bin2hex($b), "): ", var_export($got, true), "\n";
                    }
                } elseif ($got !== $want) {
                    $bad++;
                    echo "($a, $b, ", var_export($scale, true), '): got ', var_export($got, true), ', want ',
                        var_export($want, true), "\n";
                }
            }
        }
    }
}
echo $checked > 40000 ? "checked enough\n" : "checked only $checked\n";
echo $errors > 1000 ? "errors enough\n" : "errors only $errors\n";
echo "mismatches: $bad\n";
?>
--EXPECT--
checked enough
errors enough
mismatches: 0
