--TEST--
Operands at the short parser's edges (19 digits in 19 to 21 characters with a sign and a point, 20 digits, leading zeros, ints, long values), every pair, direct and dynamic calls, against bcmath
--EXTENSIONS--
tokencalc
bcmath
--FILE--
<?php
// The machine-word form takes 19 digits in up to 21 characters; 20 digits, or 20 characters after
// the sign without a point, go to the long parser; add, sub and cmp take the 21-character form only
// when the other operand is no longer; cmp may decide a long value against a word by the lengths of
// their integer parts. Whatever form each operand takes, the answers must be bcmath's.
$values = [
    '1234567890123456789', '-1234567890123456789', '123456789.0123456789', '-123456789.0123456789',
    '+987654321.9876543210', '-0.123456789012345678', '0.1234567890123456789', '12345678901234567890',
    '1234567890123456789.0', '9999999999999999999', '-9999999999999999999', '99999999999999999999',
    '18446744073709551615', '1844674407370955161.6', '0000000000000000001.5', '-000000000000000000.7',
    '7', '-3', '0.0000000000000000000', '123456789012345678901234567890.123456789', 42, -9223372036854775807,
    '-12345678901234567890', '-0000000000000000000012.5',
];
function places(string $s): int
{
    $p = strpos($s, '.');
    return $p === false ? 0 : strlen($s) - $p - 1;
}
function sc(string|int $v): int
{
    return places((string) $v);
}
$checks = 0;
$bad = 0;
function check(string $what, string|int $got, string|int $want, ?int $want_places = null): void
{
    global $checks, $bad;
    $checks++;
    $ok = is_int($want) ? $got === $want : bccomp((string) $got, $want, 60) === 0;
    if ($ok && $want_places !== null) {
        $ok = places((string) $got) === $want_places;
    }
    if (!$ok && $bad++ < 10) {
        echo "MISMATCH $what: got ", var_export($got, true), ", bcmath ", var_export($want, true), "\n";
    }
}
$dyn = fn (string $f, ...$args) => $f(...$args);   // framed calls (a function name known only at run time)
foreach ($values as $a) {
    foreach ($values as $b) {
        $sa = (string) $a;
        $sb = (string) $b;
        $s = min(10, max(sc($a), sc($b)));
        $add = bcadd($sa, $sb, $s);
        $sub = bcsub($sa, $sb, $s);
        $mul = bcmul($sa, $sb, min(10, sc($a) + sc($b)));
        $cmp = bccomp($sa, $sb, 60);
        foreach (['direct' => false, 'dynamic' => true] as $how => $d) {
            $w = "$how ($sa, $sb)";
            check("add $w", $d ? $dyn('tokencalc_add', $a, $b, 10) : tokencalc_add($a, $b, 10), $add, $s);
            check("sub $w", $d ? $dyn('tokencalc_sub', $a, $b, 10) : tokencalc_sub($a, $b, 10), $sub, $s);
            check("mul $w", $d ? $dyn('tokencalc_mul', $a, $b, 10) : tokencalc_mul($a, $b, 10), $mul, places($mul));
            check("cmp $w", $d ? $dyn('tokencalc_cmp', $a, $b) : tokencalc_cmp($a, $b), $cmp);
            if (bccomp($sb, '0', 60) !== 0) {
                check("div $w", $d ? $dyn('tokencalc_div', $a, $b, 10) : tokencalc_div($a, $b, 10), bcdiv($sa, $sb, 10));
            }
        }
    }
    check("truncate $sa", tokencalc_truncate($a, 3), bcadd((string) $a, '0', min(3, sc($a))), min(3, sc($a)));
}
echo "$checks checks, $bad mismatches\n";
?>
--EXPECT--
5736 checks, 0 mismatches
