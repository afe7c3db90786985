--TEST--
tokencalc shares the process with ext/gmp and ext/bcmath (one libgmp allocator, never hooked)
--EXTENSIONS--
tokencalc
gmp
bcmath
--FILE--
<?php
mt_srand(42);
$ok = 0;
for ($i = 0; $i < 300; $i++) {
    $a = (string) mt_rand(1, 9) . str_repeat((string) mt_rand(0, 9), mt_rand(20, 200)) . (string) mt_rand(0, 9);
    $b = (string) mt_rand(1, 9) . str_repeat((string) mt_rand(0, 9), mt_rand(20, 200)) . (string) mt_rand(1, 9);
    $g = gmp_mul(gmp_init($a), gmp_init($b));          // GMP objects alive while tokencalc uses libgmp
    $t = tokencalc_mul($a, $b);
    $h = gmp_add($g, gmp_init($a));
    $q = tokencalc_div($a, $b, 30);
    $ok += (gmp_strval($g) === $t) + (bcmul($a, $b) === $t) + (gmp_strval($h) === tokencalc_add($t, $a))
         + (bcdiv($a, $b, 30) === $q);
    unset($g, $h);
}
var_dump($ok);
?>
--EXPECT--
int(1200)
