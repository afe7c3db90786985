--TEST--
tokencalc_mint() with TOKENCALC_MINT_ROWS straight from a PDOStatement (in-memory SQLite, PDO::FETCH_NUM)
--EXTENSIONS--
tokencalc
pdo
pdo_sqlite
--INI--
tokencalc.scale=10
--FILE--
<?php
$db = new PDO('sqlite::memory:');
$db->exec('CREATE TABLE gems (user_id TEXT, gems TEXT)');
$ins = $db->prepare('INSERT INTO gems VALUES (?, ?)');
$rows = [['a', '1'], ['b', '3'], ['c', '-1'], ['a', '1.5'], ['42', '0.25'], ['b', '2']];
foreach ($rows as $r) {
    $ins->execute($r);
}

function pairs(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    $st = $db->query('SELECT user_id, gems FROM gems ORDER BY rowid', PDO::FETCH_NUM);
    $got = tokencalc_mint('100', $st, $mode | TOKENCALC_MINT_ROWS);
    echo $got === tokencalc_mint('100', pairs($rows), $mode) ? "same\n" : "DIFFERENT\n";
}
// a = 2.5, b = 5, 42 = 0.25 (an int id, as a PHP array key would be), c = -1 skipped; total 7.75
$st = $db->query('SELECT user_id, gems FROM gems ORDER BY rowid', PDO::FETCH_NUM);
$r = tokencalc_mint('100', $st, TOKENCALC_MINT_ROWS);
var_dump(array_keys($r['users']), tokencalc_cmp($r['total'], '7.75'), $r['skipped']);

// FETCH_ASSOC rows are not [userId, gems] lists
$st = $db->query('SELECT user_id, gems FROM gems ORDER BY rowid', PDO::FETCH_ASSOC);
try {
    tokencalc_mint('100', $st, TOKENCALC_MINT_ROWS);
} catch (ValueError $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}
?>
--EXPECT--
same
same
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
  [2]=>
  int(42)
}
int(0)
array(1) {
  ["c"]=>
  string(5) "-1.00"
}
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [0] is not
