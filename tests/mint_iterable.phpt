--TEST--
tokencalc_mint(): generators and iterators, repeated users, keys of both kinds, exceptions midway
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
function rows(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

$rows = [['u1', '2.5'], [7, '1'], ['u1', '-0.5'], ['42', 3], [42, '0.25'], ['u2', '-1'], [7, '-1'], ['u1', '1']];
// The same day as an array, its totals summed by hand: u1 3, 7 0, 42 3.25, u2 -1.
$array = ['u1' => '3', 7 => '0', 42 => '3.25', 'u2' => '-1'];

foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    $g = tokencalc_mint('100', rows($rows), $mode);
    $a = tokencalc_mint('100', $array, $mode);
    echo json_encode($g), "\n";
    // Identical, strings included: totals are printed at the largest scale of any input value.
    var_dump($g === $a);
}

// Any Traversable.
echo json_encode(tokencalc_mint(10, new ArrayIterator(['a' => 1, 'b' => 1]), TOKENCALC_MINT_EXACT)['users']), "\n";
echo json_encode(tokencalc_mint(10, new ArrayObject(['a' => 3]))['users']), "\n";

// A generator that throws midway: the exception comes through, nothing leaks.
function failing(): Generator {
    yield 'a' => '1';
    yield 'b' => '123456789012345678901234567890.5';   // a GMP-sized total
    throw new RuntimeException('database went away');
}
foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    try {
        tokencalc_mint('5000', failing(), $mode);
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
// An iterator whose rewind throws.
$it = new class implements IteratorAggregate {
    public function getIterator(): Iterator { throw new LogicException('no rows today'); }
};
try {
    tokencalc_mint('5000', $it);
} catch (Throwable $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
{"supply":"100","total":"6.25","rate":"16","minted":"100.00","dust":"0.00","users":{"u1":{"gems":"3.00","tokens":"48.00","percentage":"48.00"},"42":{"gems":"3.25","tokens":"52.00","percentage":"52.00"}},"skipped":{"7":"0.00","u2":"-1.00"}}
bool(true)
{"supply":"100","total":"6.25","rate":"16","minted":"100.0000000000","dust":"0.0000000000","users":{"u1":{"gems":"3.00","tokens":"48.0000000000","percentage":"48"},"42":{"gems":"3.25","tokens":"52.0000000000","percentage":"52"}},"skipped":{"7":"0.00","u2":"-1.00"}}
bool(true)
{"a":{"gems":"1","tokens":"5.0000000000","percentage":"50"},"b":{"gems":"1","tokens":"5.0000000000","percentage":"50"}}
{"a":{"gems":"3","tokens":"9.9999999999","percentage":"100"}}
RuntimeException: database went away
RuntimeException: database went away
LogicException: no rows today
