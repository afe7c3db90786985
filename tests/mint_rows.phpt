--TEST--
tokencalc_mint() with TOKENCALC_MINT_ROWS: rows [userId, gems] from a list, a generator, an ArrayIterator; errors
--EXTENSIONS--
tokencalc
--INI--
tokencalc.scale=10
--FILE--
<?php
/* The same rows as the default form takes them: userId => gems, repeated keys allowed. */
function pairs(array $rows): Generator {
    foreach ($rows as [$user, $gems]) {
        yield $user => $gems;
    }
}

/* Rows under keys that must not matter (every row under the same key). */
function rows_gen(array $rows): Generator {
    foreach ($rows as $row) {
        yield 'k' => $row;
    }
}

/* The differences between $got and $expect (compared by value), as text; '' when equal. */
function diff(array $got, array $expect): string {
    $out = '';
    foreach (['total', 'rate', 'minted', 'dust'] as $k) {
        if (isset($expect[$k]) && tokencalc_cmp($got[$k], $expect[$k]) !== 0) {
            $out .= "$k: $got[$k] != $expect[$k]; ";
        }
    }
    foreach (['users', 'skipped'] as $part) {
        if (!isset($expect[$part])) {
            continue;
        }
        if (array_map('strval', array_keys($got[$part])) !== array_map('strval', array_keys($expect[$part]))) {
            return $out . "$part differ (ids or order)";
        }
    }
    foreach ($expect['users'] as $id => $u) {
        foreach (['gems', 'tokens', 'percentage'] as $k) {
            if (tokencalc_cmp($got['users'][$id][$k], $u[$k]) !== 0) {
                $out .= "$id.$k: {$got['users'][$id][$k]} != $u[$k]; ";
            }
        }
    }
    return $out;
}

// 2. A small day by hand: a = 1 + 1 = 2, b = 3, c = -1 (skipped); total 5, rate 10 / 5 = 2.
$rows = [['a', '1'], ['b', 3], ['c', '-1'], ['a', '1.0']];
$r = tokencalc_mint('10', $rows, TOKENCALC_MINT_ROWS);
echo "by hand: ", diff($r, ['total' => '5', 'rate' => '2', 'minted' => '10', 'dust' => '0',
    'users' => ['a' => ['gems' => '2', 'tokens' => '4', 'percentage' => '40'],
                'b' => ['gems' => '3', 'tokens' => '6', 'percentage' => '60']],
    'skipped' => ['c' => '-1']]) ?: 'ok', "\n";
var_dump(tokencalc_cmp($r['skipped']['c'], '-1'));

// 3. Other shapes of the same rows give the same result as the default form.
$rows = [[7, '2.5'], ['7', '1'], ['-3', '4'], [-3, '0.25'], ['u', '-2'], ['007', '1'], ['u', '5'], [7, '-0.5']];
$want = tokencalc_mint('100', pairs($rows));
$shapes = [
    'list' => $rows,
    'keys ignored' => array_combine(['x', 'y', 10, 'z', 3, 'w', 'v', 99], $rows),
    'generator' => rows_gen($rows),
    'ArrayIterator' => new ArrayIterator($rows),
    'rows as [1 => gems, 0 => id]' => array_map(fn($r) => [1 => $r[1], 0 => $r[0]], $rows),
    'rows with string keys "0", "1"' => array_map(fn($r) => ['0' => $r[0], '1' => $r[1]], $rows),
    'rows holding references' => array_map(function ($r) { $id = $r[0]; $g = $r[1]; return [&$id, &$g]; }, $rows),
];
foreach ($shapes as $name => $input) {
    foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
        $got = tokencalc_mint('100', $input instanceof Generator ? rows_gen($rows) : $input, $mode | TOKENCALC_MINT_ROWS);
        $ref = $mode === TOKENCALC_MINT_COMPAT ? $want : tokencalc_mint('100', pairs($rows), $mode);
        echo $name, $mode === TOKENCALC_MINT_EXACT ? ' (exact)' : '', ': ', $got === $ref ? 'same' : 'DIFFERENT', "\n";
    }
}
// ids: 7 and "7" are one user, "-3" and -3 too, "007" is a string of its own
echo implode(',', array_keys($want['users'])), ' | ', implode(',', array_keys($want['skipped'])), "\n";
var_dump(array_map(fn($u) => $u['gems'], $want['users']));

// 3b. A long list (rows read with prefetching): ints, numeric strings and strings as ids, some
// users skipped, some values malformed only at the very end.
mt_srand(7);
$long = [];
for ($i = 0; $i < 20000; $i++) {
    $u = mt_rand(0, 2999);
    $id = match ($u % 3) { 0 => $u, 1 => (string) $u, default => "user-$u" };
    $long[] = [$id, ['0.25', '1', '2', '5', '-3', '-7.5'][mt_rand(0, 5)]];
}
foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    $got = tokencalc_mint('1234.5', $long, $mode | TOKENCALC_MINT_ROWS);
    echo 'long list', $mode === TOKENCALC_MINT_EXACT ? ' (exact)' : '', ': ',
        $got === tokencalc_mint('1234.5', pairs($long), $mode) ? 'same' : 'DIFFERENT',
        ', ', count($got['users']) + count($got['skipped']), " users\n";
}
try {
    tokencalc_mint('1', array_merge($long, [['x', '1..0']]), TOKENCALC_MINT_ROWS);
} catch (ValueError $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}

// 3c. Ids fresh from a query (an equal string per row, not the same one), then shared strings, with
// holes in the list: the prefetching follows the kind of rows it reads and changes no result.
$shared = [];
for ($u = 0; $u < 3000; $u++) {
    $shared[] = "user-$u";
}
$mixed = [];
for ($i = 0; $i < 30000; $i++) {
    $u = mt_rand(0, 2999);
    $mixed[] = [$i < 15000 ? "user-$u" : $shared[$u], ['0.25', '1', '2', '5', '-3'][mt_rand(0, 4)]];
}
for ($i = 100; $i < 30000; $i += 997) {
    unset($mixed[$i]);
}
foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    $got = tokencalc_mint('1234.5', $mixed, $mode | TOKENCALC_MINT_ROWS);
    echo 'fresh then shared ids', $mode === TOKENCALC_MINT_EXACT ? ' (exact)' : '', ': ',
        $got === tokencalc_mint('1234.5', pairs($mixed), $mode) ? 'same' : 'DIFFERENT', ', ',
        count($got['users']) + count($got['skipped']) === count(array_unique(array_column($mixed, 0)))
            ? 'every user' : 'USERS MISSING', "\n";
}

// 3d. A long list whose bad row is an array emptied in place (its memory still there) or too short:
// the hints read ahead over it, and it is reported where it stands.
$rows = [];
for ($i = 0; $i < 10000; $i++) {
    $rows[] = [$shared[$i % 3000], '1'];
}
$emptied = ['u', '1'];
array_pop($emptied);
array_pop($emptied);
foreach ([$emptied, ['u'], [1 => 'u', 2 => '1']] as $bad) {
    $rows[9000] = $bad;
    try {
        tokencalc_mint('1', $rows, TOKENCALC_MINT_ROWS);
        echo "no error\n";
    } catch (ValueError $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}

// 4. Empty input, nobody positive.
$r = tokencalc_mint('5', [], TOKENCALC_MINT_ROWS);
echo json_encode($r), "\n";
$r = tokencalc_mint('5', new ArrayIterator([['a', '-1']]), TOKENCALC_MINT_EXACT | TOKENCALC_MINT_ROWS);
echo json_encode($r), "\n";

// 5. Errors: the row's position (0-based, keys ignored) names it.
$calls = [
    fn() => tokencalc_mint('10', [['a', '1'], 'a'], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', ['x' => ['a', '1'], 'y' => null], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', rows_gen([['a', '1'], 5]), TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', '1'], ['b', '1'], ['a', '1'], ['b', '1'], ['a', '1'], [5]], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', '1', '2']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [[]], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['id' => 'a', 'gems' => '1']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [[1 => 'a', 2 => '1']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', new ArrayIterator([['a', '1'], [0 => 'a']]), TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', '1'], [1.5, '1']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [[null, '1']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [[true, '1']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', rows_gen([['a', '1'], [new stdClass, '1']]), TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', '1'], ['b', 'x']], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', '1'], ['b', '1'], ['b', '1e3']], TOKENCALC_MINT_EXACT | TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', 1.5]], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', null]], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('10', [['a', ['1']]], TOKENCALC_MINT_ROWS),
    fn() => tokencalc_mint('-10', [['a', '1']], TOKENCALC_MINT_ROWS),
];
foreach ($calls as $call) {
    try {
        var_dump($call());
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
ini_set('tokencalc.max_digits', '5');
try {
    tokencalc_mint('10', [['a', '1'], ['b', '123456']], TOKENCALC_MINT_ROWS);
} catch (Throwable $e) {
    echo $e::class, ": ", $e->getMessage(), "\n";
}
ini_restore('tokencalc.max_digits');

// 6. Mode bits: COMPAT or EXACT, optionally | ROWS; anything else is refused before any row is read.
function noisy(): Generator { echo "generator started\n"; yield ['a', 1]; }
foreach ([TOKENCALC_MINT_ROWS | 2, TOKENCALC_MINT_ROWS << 1, TOKENCALC_MINT_ROWS | 0x200, -1, 1 | 0x1000, PHP_INT_MIN] as $mode) {
    try {
        tokencalc_mint('10', noisy(), $mode);
    } catch (ValueError $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
var_dump(TOKENCALC_MINT_ROWS, tokencalc_mint('10', noisy(), TOKENCALC_MINT_ROWS)['minted']);
?>
--EXPECT--
by hand: ok
int(0)
list: same
list (exact): same
keys ignored: same
keys ignored (exact): same
generator: same
generator (exact): same
ArrayIterator: same
ArrayIterator (exact): same
rows as [1 => gems, 0 => id]: same
rows as [1 => gems, 0 => id] (exact): same
rows with string keys "0", "1": same
rows with string keys "0", "1" (exact): same
rows holding references: same
rows holding references (exact): same
7,-3,u,007 | 
array(4) {
  [7]=>
  string(4) "3.00"
  [-3]=>
  string(4) "4.25"
  ["u"]=>
  string(4) "3.00"
  ["007"]=>
  string(4) "1.00"
}
long list: same, 2998 users
long list (exact): same, 2998 users
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only valid decimal numbers, [20000] is not
fresh then shared ids: same, every user
fresh then shared ids (exact): same, every user
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [9000] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [9000] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [9000] is not
{"supply":"5","total":"0","rate":"0","minted":"0","dust":"5","users":[],"skipped":[]}
{"supply":"5","total":"0","rate":"0","minted":"0","dust":"5","users":[],"skipped":{"a":"-1"}}
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows of type array, string given at [1]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows of type array, null given at [1]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows of type array, int given at [1]
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [5] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [0] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [0] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [0] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [0] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain rows of the form [userId, gems], [1] is not
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows whose userId is of type string|int, float given at [1]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows whose userId is of type string|int, null given at [0]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows whose userId is of type string|int, bool given at [0]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain rows whose userId is of type string|int, stdClass given at [1]
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only valid decimal numbers, [1] is not
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only valid decimal numbers, [2] is not
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, float given at [0]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, null given at [0]
TypeError: tokencalc_mint(): Argument #2 ($gems) must contain only values of type string|int, array given at [0]
ValueError: tokencalc_mint(): Argument #1 ($supply) must not be negative
ValueError: tokencalc_mint(): Argument #2 ($gems) must contain only numbers of at most 5 characters (tokencalc.max_digits), [1] is longer
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
ValueError: tokencalc_mint(): Argument #3 ($mode) must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT, optionally with TOKENCALC_MINT_ROWS
generator started
int(256)
string(2) "10"
