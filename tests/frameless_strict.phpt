--TEST--
tokencalc_add/sub/mul/div/truncate/cmp under strict_types: $scale takes only int|null on every path (direct, named, unpacked), decimals stay string|int
--EXTENSIONS--
tokencalc
--FILE--
<?php
declare(strict_types=1);

function outcome(callable $f): string
{
    try {
        return var_export($f(), true);
    } catch (Throwable $e) {
        return $e::class . ": " . $e->getMessage();
    }
}

$rows = [
    [fn() => tokencalc_add('1', '2', '3'), fn() => tokencalc_add(a: '1', b: '2', scale: '3'), fn() => tokencalc_add(...['1', '2', '3'])],
    [fn() => tokencalc_sub('1.25', 1, 1), fn() => tokencalc_sub(b: 1, a: '1.25', scale: 1), fn() => tokencalc_sub(...['1.25', 1, 1])],
    [fn() => tokencalc_mul('1.5', '1.5', 1.0), fn() => tokencalc_mul(a: '1.5', b: '1.5', scale: 1.0), fn() => tokencalc_mul(...['1.5', '1.5', 1.0])],
    [fn() => tokencalc_div(1, 8), fn() => tokencalc_div(b: 8, a: 1), fn() => tokencalc_div(...[1, 8])],
    [fn() => tokencalc_truncate('2.999', []), fn() => tokencalc_truncate(a: '2.999', scale: []), fn() => tokencalc_truncate(...['2.999', []])],
    [fn() => tokencalc_cmp(1, '1.0'), fn() => tokencalc_cmp(b: '1.0', a: 1), fn() => tokencalc_cmp(...[1, '1.0'])],
    [fn() => tokencalc_cmp(1.0, '1'), fn() => tokencalc_cmp(a: 1.0, b: '1'), fn() => tokencalc_cmp(...[1.0, '1'])],
];
foreach ($rows as $ways) {
    $seen = array_unique(array_map('outcome', $ways));
    echo count($seen) === 1 ? reset($seen) : "DIFFERENT: " . implode(' | ', $seen), "\n";
}
?>
--EXPECT--
TypeError: tokencalc_add(): Argument #3 ($scale) must be of type ?int, string given
'0.2'
TypeError: tokencalc_mul(): Argument #3 ($scale) must be of type ?int, float given
'0.125'
TypeError: tokencalc_truncate(): Argument #2 ($scale) must be of type ?int, array given
0
TypeError: tokencalc_cmp(): Argument #1 ($a) must be of type string|int, float given
