--TEST--
tokencalc arithmetic: malformed and hostile input is a ValueError naming the argument
--EXTENSIONS--
tokencalc
--FILE--
<?php
$bad = ['', ' ', ' 1', '1 ', "1\n", '1e5', '1E5', '1_000', '1,5', '1 000', 'NaN', 'INF', '-INF', '.', '-', '+',
        '-.', '--1', '+-1', '1.2.3', '0x1A', '0b1', "1\0", "\0" . '1', "\u{0663}", "1\u{0663}", "\u{FF11}",
        '１', 'abc', '1.5.', '..5', '1-', '١٢'];
$n = 0;
foreach ($bad as $v) {
    foreach ([0, 1] as $pos) {
        try {
            $pos === 0 ? tokencalc_add($v, '1') : tokencalc_sub('1', $v);
            echo "accepted: ", bin2hex($v), "\n";
        } catch (ValueError $e) {
            $want = $pos === 0 ? 'tokencalc_add(): Argument #1 ($a) is not a valid decimal number'
                               : 'tokencalc_sub(): Argument #2 ($b) is not a valid decimal number';
            if ($e->getMessage() !== $want) {
                echo "wrong message for ", bin2hex($v), ": ", $e->getMessage(), "\n";
            }
            $n++;
        }
    }
}
echo "$n rejected\n";
foreach (['tokencalc_mul', 'tokencalc_div'] as $f) {
    try { $f('1', '1e3'); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
}
foreach (['tokencalc_truncate', 'tokencalc_normalize'] as $f) {
    try { $f('1,0'); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
}
try { tokencalc_cmp('1', ' 2'); } catch (ValueError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
?>
--EXPECT--
66 rejected
ValueError: tokencalc_mul(): Argument #2 ($b) is not a valid decimal number
ValueError: tokencalc_div(): Argument #2 ($b) is not a valid decimal number
ValueError: tokencalc_truncate(): Argument #1 ($a) is not a valid decimal number
ValueError: tokencalc_normalize(): Argument #1 ($a) is not a valid decimal number
ValueError: tokencalc_cmp(): Argument #2 ($b) is not a valid decimal number
