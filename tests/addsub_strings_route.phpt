--TEST--
tokencalc_add() and tokencalc_sub() on two strings (a machine word when both have up to 13 characters and one fewer than 8, words of eight digits otherwise) agree with bcmath, exact strings, and decline to the general path with its errors
--EXTENSIONS--
tokencalc
bcmath
--FILE--
<?php
// Operands of 0 to 20 characters, and of up to 90: signs, leading zeros, "5.", ".5", 7 and 8, 13 and
// 14 characters (where the two routes meet), 19 digits, sums past 2^64 (the word route declines them),
// carries across the point and through whole words of nines, bad bytes and NULs inside (declined: the
// general path throws), operands past tokencalc.max_digits. Both the frameless call (a name
// resolved at compile time) and the framed one (a call by variable), with the default scale and
// with an explicit one. The reference is bcmath at the result's scale, min(scale, places written).
mt_srand(2024);
function gen(int $max): string
{
    $len = mt_rand(0, $max);
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
    '1 ', '--1', '1.2.3', '', '+', '.', '-.', "12\x00", '1234567.89012', '-1234567.890123', '9999999999999',
    '99999999999999', '0.00000000001', '-0.000000000001', str_repeat('9', 38) . '.' . str_repeat('9', 18),
    '1' . str_repeat('0', 38), '-0.' . str_repeat('0', 39) . '1', '99999999.99999999', '-00000000000000000000.5',
    '.' . str_repeat('9', 40), str_repeat('1', 78), '-' . str_repeat('9', 70) . '.', "123456789012345\x006",
    '12345678901234567890_1', '1' . str_repeat('0', 30) . 'e5'];
$values = $edges;
for ($i = 0; $i < 1500; $i++) {
    $values[] = gen(20);
}
for ($i = 0; $i < 600; $i++) {
    $values[] = gen(90);
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
// Past tokencalc.max_digits: the general path's error, on either side.
ini_set('tokencalc.max_digits', '30');
foreach ([[str_repeat('7', 31), '1.5', 1], ['1.5', '-' . str_repeat('7', 30), 2], [str_repeat('7', 30), '2', 0]] as [$a, $b, $which]) {
    foreach ([fn () => tokencalc_add($a, $b), fn () => $add($a, $b)] as $call) {
        try {
            $got = $call();
        } catch (ValueError $e) {
            $got = $e->getMessage();
        }
        $want = $which === 0 ? bcadd($a, $b, 0)
            : "tokencalc_add(): Argument #$which (\$" . ($which === 1 ? 'a' : 'b') . ') must not be longer than 30 characters (tokencalc.max_digits)';
        if ($got !== $want) {
            $bad++;
            echo "max_digits ($a, $b): ", var_export($got, true), "\n";
        }
    }
}
echo $checked > 60000 ? "checked enough\n" : "checked only $checked\n";
echo $errors > 1000 ? "errors enough\n" : "errors only $errors\n";
echo "mismatches: $bad\n";
?>
--EXPECT--
checked enough
errors enough
mismatches: 0
