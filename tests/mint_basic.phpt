--TEST--
tokencalc_mint(): COMPAT and EXACT on small days worked out by hand from the spec
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
// supply 10 over gems 1 and 2. COMPAT: rate = trunc(10/3), tokens = trunc(gems * rate),
// percentage = trunc(trunc(gems/3) * 100). EXACT: shares 3.33..3|33.. and 6.66..6|66..;
// one unit of 10^-10 is left over and goes to b, whose remainder (2/3) is the larger.
$day = ['a' => '1', 'b' => 2, 'c' => '-4', 'd' => '0'];
echo json_encode(tokencalc_mint('10', $day)), "\n";
echo json_encode(tokencalc_mint('10', $day, TOKENCALC_MINT_EXACT)), "\n";

// Nobody with a positive total: users empty, rate and minted 0, dust = supply.
echo json_encode(tokencalc_mint('5000.5', ['x' => '-1', 'y' => 0])), "\n";
echo json_encode(tokencalc_mint('5000.5', [], TOKENCALC_MINT_EXACT)), "\n";
// A zero supply.
echo json_encode(tokencalc_mint(0, ['x' => '3'], TOKENCALC_MINT_EXACT)), "\n";

// Ties go to the smaller id, byte-wise on the id's string form, a prefix first: at scale 0,
// 2 tokens over three equal users give one each to the two smallest ids, in any input order.
ini_set('tokencalc.scale', '0');
foreach ([['b' => 1, 'a' => 1, 'ab' => 1], ['ab' => 1, 'b' => 1, 'a' => 1]] as $day) {
    echo json_encode(array_map(fn($u) => $u['tokens'], tokencalc_mint(2, $day, TOKENCALC_MINT_EXACT)['users'])), "\n";
}
// Int ids compare by their string form: "10" < "9".
echo json_encode(array_map(fn($u) => $u['tokens'], tokencalc_mint(1, [9 => 1, 10 => 1], TOKENCALC_MINT_EXACT)['users'])), "\n";
// Supply with more places than the scale: EXACT mints trunc(supply) and the rest is dust.
echo json_encode(tokencalc_mint('7.9', ['u' => 3, 'v' => 1], TOKENCALC_MINT_EXACT)), "\n";
?>
--EXPECT--
{"supply":"10","total":"3","rate":"3.3333333333","minted":"9.9999999999","dust":"0.0000000001","users":{"a":{"gems":"1","tokens":"3.3333333333","percentage":"33.3333333300"},"b":{"gems":"2","tokens":"6.6666666666","percentage":"66.6666666600"}},"skipped":{"c":"-4","d":"0"}}
{"supply":"10","total":"3","rate":"3.3333333333","minted":"10.0000000000","dust":"0.0000000000","users":{"a":{"gems":"1","tokens":"3.3333333333","percentage":"33.3333333333"},"b":{"gems":"2","tokens":"6.6666666667","percentage":"66.6666666666"}},"skipped":{"c":"-4","d":"0"}}
{"supply":"5000.5","total":"0","rate":"0","minted":"0","dust":"5000.5","users":[],"skipped":{"x":"-1","y":"0"}}
{"supply":"5000.5","total":"0","rate":"0","minted":"0","dust":"5000.5","users":[],"skipped":[]}
{"supply":"0","total":"3","rate":"0","minted":"0.0000000000","dust":"0.0000000000","users":{"x":{"gems":"3","tokens":"0.0000000000","percentage":"100"}},"skipped":[]}
{"b":"0","a":"1","ab":"1"}
{"ab":"1","b":"0","a":"1"}
{"9":"0","10":"1"}
{"supply":"7.9","total":"4","rate":"1","minted":"7","dust":"0.9","users":{"u":{"gems":"3","tokens":"5","percentage":"75"},"v":{"gems":"1","tokens":"2","percentage":"25"}},"skipped":[]}
