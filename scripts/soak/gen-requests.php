<?php
/*
 * Writes the soak's request mix, each request with the answer it must get, as a Lua table for
 * drive.lua. The answers come from bcmath and ext/sodium following ../shared/spec, never from
 * tokencalc (this script runs without it).
 *   php -n -d extension=bcmath -d extension=sodium gen-requests.php OUT.lua
 */
declare(strict_types=1);

const S = 10;   // tokencalc.scale in the soak's FPM pool
const RATES = ['peer' => '0.02', 'burn' => '0.01', 'inviter' => '0.01'];
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const MAX_DIGITS = 4096;

mt_srand(20261123);

function scale_of(string $x): int
{
	$p = strpos($x, '.');
	return $p === false ? 0 : strlen($x) - $p - 1;
}

/** bcmath may print a negative zero; the spec never does. */
function no_neg_zero(string $x): string
{
	return preg_match('/^-0(\.0*)?$/D', $x) ? substr($x, 1) : $x;
}

/** The value without trailing fractional zeros: how fee and mint answers are compared. */
function by_value(string $x): string
{
	if (str_contains($x, '.')) {
		$x = rtrim(rtrim($x, '0'), '.');
	}
	return $x === '-0' ? '0' : $x;
}

function rand_digits(int $n): string
{
	$s = (string) mt_rand(1, 9);
	for ($i = 1; $i < $n; $i++) {
		$s .= mt_rand(0, 9);
	}
	return $s;
}

/** A number in the grammar: up to $int integer digits, up to $frac fractional ones, maybe negative. */
function rand_num(int $int, int $frac, bool $signed = true): string
{
	$s = rand_digits(mt_rand(1, $int));
	if (mt_rand(0, 9) === 0) {
		$s = '0';
	}
	$f = mt_rand(0, $frac);
	if ($f > 0) {
		$s .= '.';
		for ($i = 0; $i < $f; $i++) {
			$s .= mt_rand(0, 9);
		}
	}
	return ($signed && mt_rand(0, 2) === 0 ? '-' : '') . $s;
}

function expect_add(string $a, string $b, int $scale): string
{
	return no_neg_zero(bcadd($a, $b, min($scale, max(scale_of($a), scale_of($b)))));
}

/** Truncated quotient; its scale per arithmetic.md (exact quotients print with the fewest places). */
function expect_div(string $a, string $b, int $scale): string
{
	$q = bcdiv($a, $b, $scale);
	$exact = bccomp(bcmul($q, $b, $scale + scale_of($b)), $a, max(scale_of($a), $scale + scale_of($b))) === 0;
	if ($exact) {
		$places = str_contains($q, '.') ? strlen(rtrim(substr($q, strpos($q, '.') + 1), '0')) : 0;
		$s = min($scale, max(max(scale_of($a) - scale_of($b), 0), $places));
		$q = bcadd($q, '0', $s);
	}
	return no_neg_zero($q);
}

function expect_fees(string $amount, string $mode): string
{
	$r = '0';
	foreach (RATES as $rate) {
		$r = bcadd($r, $rate, 2);
	}
	if ($mode === 'NO_FEES') {
		$parts = [$amount, $amount, '0', '0', '0', '0'];
	} else {
		$net = $mode === 'ADDED' ? $amount : bcdiv($amount, bcadd('1', $r, 2), S);
		$required = $mode === 'ADDED' ? bcmul($amount, bcadd('1', $r, 2), S) : $amount;
		$fees = [];
		$dust = bcsub($required, $net, 2 * S);
		foreach (RATES as $rate) {
			$fees[] = $f = bcmul($net, $rate, S);
			$dust = bcsub($dust, $f, 2 * S);
		}
		$parts = [$required, $net, ...$fees, $dust];
	}
	return implode('|', array_map('by_value', $parts));
}

/** TOKENCALC_MINT_COMPAT over the gems examples/http/index.php derives from $seed. */
function expect_mint(string $supply, int $seed): string
{
	$gems = [];
	for ($u = 0; $u < 10000; $u++) {
		$gems["u$u"] = (($u * 7919 + $seed * 104729) % 1000) - 100;
	}
	$total = '0';
	$users = 0;
	foreach ($gems as $g) {
		if ($g > 0) {
			$total = bcadd($total, (string) $g, 0);
			$users++;
		}
	}
	$rate = bcdiv($supply, $total, S);
	$minted = '0';
	$tokens = [];
	foreach ($gems as $u => $g) {
		if ($g > 0) {
			$tokens[$u] = bcmul((string) $g, $rate, S);
			$minted = bcadd($minted, $tokens[$u], S);
		}
	}
	$parts = [$total, $rate, $minted, bcsub($supply, $minted, S), (string) $users, (string) (10000 - $users),
		$tokens['u1'] ?? '-', $tokens['u4999'] ?? '-', $tokens['u9999'] ?? '-'];
	return implode('|', array_map(fn ($p) => $p === '-' ? $p : by_value($p), $parts));
}

/** Canonical encoding v1 of domain.md, written out here independently of the extension. */
function enc(mixed $v): string
{
	if (is_int($v)) {
		$v = (string) $v;
	}
	if (is_string($v)) {
		return 's' . pack('P', strlen($v)) . $v;
	}
	$keys = array_map('strval', array_keys($v));
	usort($keys, 'strcmp');
	$out = 'a' . pack('P', count($v));
	foreach ($keys as $k) {
		$out .= enc($k) . enc($v[$k]);
	}
	return $out;
}

function expect_receipt(string $user, string $amount, int $seq): string
{
	$fee = no_neg_zero(bcmul($amount, '0.02', min(S, scale_of($amount) + 2)));
	$record = ['user' => $user, 'amount' => $amount, 'fee' => $fee, 'seq' => $seq, 'tags' => ['soak', 'v1']];
	return bin2hex(sodium_crypto_generichash("tokencalc-receipt-v1\0" . enc($record), hex2bin(KEY_HEX), 32));
}

$q = fn (array $p) => http_build_query($p, '', '&', PHP_QUERY_RFC3986);
$reqs = [];   // [path, kind, status, result|null, by_value]
$add = function (string $path, string $kind, int $status, ?string $result = null, bool $byValue = false) use (&$reqs) {
	$reqs[] = [$path, $kind, $status, $result, $byValue];
};

// Everyday values: the machine-integer paths.
for ($i = 0; $i < 300; $i++) {
	$a = rand_num(12, 8);
	$b = rand_num(12, 8);
	$scale = mt_rand(0, 3) === 0 ? mt_rand(0, 12) : null;
	$add('/add?' . $q(['a' => $a, 'b' => $b] + ($scale === null ? [] : ['scale' => $scale])), 'add', 200,
		expect_add($a, $b, $scale ?? S));
}
for ($i = 0; $i < 200; $i++) {
	$a = rand_num(12, 8);
	do {
		$b = rand_num(6, 6);
	} while (bccomp($b, '0', 6) === 0);
	$scale = mt_rand(0, 3) === 0 ? mt_rand(0, 30) : null;
	$add('/div?' . $q(['a' => $a, 'b' => $b] + ($scale === null ? [] : ['scale' => $scale])), 'div', 200,
		expect_div($a, $b, $scale ?? S));
}
// Past 7.9e28, where the library this replaces aborted the process or rounded.
$bigs = [['79228162514264337593543950335', '1'], ['79228162514264337593543950335', '79228162514264337593543950335'],
	['-79228162514264337593543950335.5', '-0.5'], ['2', '0.0000000000000000000000000003']];
for ($i = 0; $i < 100; $i++) {
	[$a, $b] = $bigs[$i % 4] ?? [];
	if ($i >= 4) {
		$a = rand_num(60, 30);
		$b = mt_rand(0, 1) ? rand_num(45, 20) : rand_num(3, 2);
		if (bccomp($b, '0', 30) === 0) {
			$b = '7';
		}
	}
	if ($i % 2 === 0) {
		$add('/add?' . $q(['a' => $a, 'b' => $b]), 'big', 200, expect_add($a, $b, S));
	} else {
		$scale = mt_rand(0, 40);
		$add('/div?' . $q(['a' => $a, 'b' => $b, 'scale' => $scale]), 'big', 200, expect_div($a, $b, $scale));
	}
}
$modes = ['ADDED', 'INCLUDED', 'NO_FEES'];
for ($i = 0; $i < 120; $i++) {
	$amount = mt_rand(0, 9) === 0 ? rand_num(40, 8, false) : rand_num(9, 8, false);
	$mode = $modes[$i % 3];
	$add('/fees?' . $q(['amount' => $amount, 'mode' => $mode]), 'fees', 200, expect_fees($amount, $mode), true);
}
$names = ['alice', 'bob', 'zoë', 'user 42', "o'brien", '名前'];
for ($i = 0; $i < 100; $i++) {
	$user = $names[$i % count($names)] . $i;
	$amount = rand_num(10, 8, false);
	$add('/receipt?' . $q(['user' => $user, 'amount' => $amount, 'seq' => $i]), 'receipt', 200,
		expect_receipt($user, $amount, $i));
}
foreach ([1, 2, 3, 5, 8] as $k => $seed) {
	$supply = ['1000000', '123456.789', '5000000000000000000000000000000', '1', '0.0000000001'][$k];
	for ($j = 0; $j < 2; $j++) {
		$add('/mint?' . $q(['supply' => $supply, 'seed' => $seed]), 'mint', 200, expect_mint($supply, $seed), true);
	}
}
// Hostile input: the client's fault, answered 4xx while the worker goes on serving.
$long = str_repeat('9', MAX_DIGITS + 1);
$hostile = [
	['/add?a=1e5&b=1', 422], ['/add?a=abc&b=1', 422], ['/add?a=%201&b=1', 422], ['/add?a=1_000&b=1', 422],
	['/add?a=NaN&b=1', 422], ['/add?a=INF&b=-1', 422], ['/add?a=1.2.3&b=1', 422], ['/add?a=--1&b=1', 422],
	['/add?a=' . $long . '&b=1', 422], ['/div?a=1&b=' . $long, 422], ['/div?a=1&b=0', 422],
	['/div?a=1&b=-0.000', 422], ['/div?a=' . str_repeat('7', 4000) . '&b=0.0', 422],
	['/add?a[]=1&b=1', 400], ['/add?a=1', 400], ['/div?a=1&b=3&scale=abc', 400], ['/div?a=1&b=3&scale=99999', 422],
	['/fees?amount=-5', 422], ['/fees?amount=10&mode=BOGUS', 422], ['/fees?amount=1%2C5', 422],
	['/mint?supply=abc&seed=1', 422], ['/mint?supply=10&seed=-1', 400], ['/nope', 404], ['/add?a=%00&b=1', 422],
];
for ($i = 0; $i < 150; $i++) {
	[$path, $status] = $hostile[$i % count($hostile)];
	$add($path, 'hostile', $status);
}

shuffle($reqs);
$lua = fn (?string $s) => $s === null ? 'nil' : '"' . addcslashes($s, "\0..\37\"\\\177..\377") . '"';
$out = "-- generated by gen-requests.php: {path, kind, status, answer, by_value}\nreturn {\n";
foreach ($reqs as [$path, $kind, $status, $result, $byValue]) {
	$out .= sprintf("{%s,%s,%d,%s,%s},\n", $lua($path), $lua($kind), $status, $lua($result), $byValue ? 'true' : 'false');
}
$out .= "}\n";
file_put_contents($argv[1], $out);
fprintf(STDERR, "%d requests written to %s\n", count($reqs), $argv[1]);
