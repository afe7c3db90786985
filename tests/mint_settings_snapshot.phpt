--TEST--
tokencalc_mint(): tokencalc.scale and tokencalc.max_digits are read once, at the call's start; a generator that changes them mid-call changes nothing of that call (issue 13, finding 7)
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=2
tokencalc.max_digits=4096
--FILE--
<?php
function users(): Generator {
    yield 'a' => '1';
    ini_set('tokencalc.scale', '6');
    ini_set('tokencalc.max_digits', '3');   // '2.000' has 5 characters: still read
    yield 'b' => '2.000';
}
// COMPAT at scale 2: rate trunc(10 / 3) = 3.33, percentages trunc(trunc(gems / 3) * 100) at 2 places
echo json_encode(tokencalc_mint('10', users())), "\n";
echo ini_get('tokencalc.scale'), ' ', ini_get('tokencalc.max_digits'), "\n";

ini_set('tokencalc.scale', '2');
ini_set('tokencalc.max_digits', '4096');
function rows(): Generator {
    yield ['a', '1'];
    ini_set('tokencalc.scale', '0');
    yield ['b', '2'];
}
// EXACT at scale 2: the unit left over goes to b (remainder 2/3 over 1/3); percentages trunc(100 * gems / 3)
echo json_encode(tokencalc_mint('10', rows(), TOKENCALC_MINT_EXACT | TOKENCALC_MINT_ROWS)), "\n";

// A limit raised mid-call does not let a longer value in.
function longer(): Generator {
    ini_set('tokencalc.max_digits', '100');
    yield 'a' => '12345678';
}
ini_set('tokencalc.max_digits', '5');
try {
    tokencalc_mint('10', longer());
} catch (ValueError $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
{"supply":"10","total":"3.000","rate":"3.33","minted":"9.99","dust":"0.01","users":{"a":{"gems":"1.000","tokens":"3.33","percentage":"33.00"},"b":{"gems":"2.000","tokens":"6.66","percentage":"66.00"}},"skipped":[]}
6 3
{"supply":"10","total":"3","rate":"3.33","minted":"10.00","dust":"0.00","users":{"a":{"gems":"1","tokens":"3.33","percentage":"33.33"},"b":{"gems":"2","tokens":"6.67","percentage":"66.66"}},"skipped":[]}
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only numbers of at most 5 characters (tokencalc.max_digits), ["a"] is longer
