<?php
/*
 * A small JSON API over tokencalc, as a backend would put it behind nginx + PHP-FPM; scripts/soak.sh
 * drives it. Every answer is JSON; the request's `id` parameter, when given, is echoed back so that a
 * load generator can match answers to requests.
 *
 *   GET /add?a=…&b=…[&scale=…]       {"result": a + b}
 *   GET /div?a=…&b=…[&scale=…]       {"result": a / b}
 *   GET /fees?amount=…[&mode=ADDED]  fee split over peer 2 %, burn 1 %, inviter 1 %
 *   GET /mint?supply=…&seed=…        a day's mint over 10,000 users whose gems derive from seed
 *   GET /receipt?user=…&amount=…&seq=…  the receipt of a transfer record (its 2 % fee included)
 *
 * Bad input is the client's fault and gets a 4xx, never a 500: ValueError and DivisionByZeroError
 * (malformed or too long numbers, division by zero) answer 422, TypeError and missing parameters 400.
 */

declare(strict_types=1);

/* The receipt key would come from a secret store; a fixed one keeps the example reproducible. */
const RECEIPT_KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const FEE_RATES = ['peer' => '0.02', 'burn' => '0.01', 'inviter' => '0.01'];
const MINT_USERS = 10000;

final class BadRequest extends Exception {}

/** A query parameter as the client sent it (string or array); missing is the client's error. */
function param(string $name): string|array
{
	if (!isset($_GET[$name])) {
		throw new BadRequest("missing parameter '$name'");
	}
	return $_GET[$name];
}

function scale_param(): ?int
{
	if (!isset($_GET['scale'])) {
		return null;
	}
	$s = $_GET['scale'];
	if (!is_string($s) || !preg_match('/^[0-9]{1,5}$/D', $s)) {
		throw new BadRequest('scale must be a small non-negative integer');
	}
	return (int) $s;
}

/** userId => gems for MINT_USERS users, some of them negative (dislikes), from a seed. */
function mint_gems(int $seed): Generator
{
	for ($u = 0; $u < MINT_USERS; $u++) {
		yield "u$u" => (($u * 7919 + $seed * 104729) % 1000) - 100;
	}
}

/** What each route answers: a string the client can compare, built from the function's result. */
function route(string $path): string
{
	switch ($path) {
		case '/add':
			return tokencalc_add(param('a'), param('b'), scale_param());
		case '/div':
			return tokencalc_div(param('a'), param('b'), scale_param());
		case '/fees':
			$f = tokencalc_fees(param('amount'), FEE_RATES, $_GET['mode'] ?? TOKENCALC_FEES_ADDED);
			return implode('|', [$f['required'], $f['net'], ...array_values($f['fees']), $f['dust']]);
		case '/mint':
			$seed = param('seed');
			if (!is_string($seed) || !preg_match('/^[0-9]{1,9}$/D', $seed)) {
				throw new BadRequest('seed must be a non-negative integer');
			}
			$m = tokencalc_mint(param('supply'), mint_gems((int) $seed));
			$users = $m['users'];
			return implode('|', [$m['total'], $m['rate'], $m['minted'], $m['dust'], count($users),
				count($m['skipped']), $users['u1']['tokens'] ?? '-', $users['u4999']['tokens'] ?? '-',
				$users['u9999']['tokens'] ?? '-']);
		case '/receipt':
			$amount = param('amount');
			$seq = param('seq');
			if (!is_string($seq) || !preg_match('/^[0-9]{1,9}$/D', $seq)) {
				throw new BadRequest('seq must be a non-negative integer');
			}
			$record = ['user' => param('user'), 'amount' => $amount, 'fee' => tokencalc_mul($amount, '0.02'),
				'seq' => (int) $seq, 'tags' => ['soak', 'v1']];
			return tokencalc_receipt($record, hex2bin(RECEIPT_KEY_HEX));
	}
	throw new BadRequest('no such endpoint', 404);
}

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH) ?: '/';
$id = $_GET['id'] ?? null;
$out = is_string($id) && preg_match('/^[0-9]{1,9}$/D', $id) ? ['id' => (int) $id] : [];
try {
	$out['result'] = route($path);
	$status = 200;
} catch (BadRequest $e) {
	$status = $e->getCode() ?: 400;
	$out['error'] = 'BadRequest';
	$out['message'] = $e->getMessage();
} catch (ValueError | DivisionByZeroError $e) {
	$status = 422;
	$out['error'] = $e::class;
	$out['message'] = $e->getMessage();
} catch (TypeError $e) {
	$status = 400;
	$out['error'] = $e::class;
	$out['message'] = $e->getMessage();
}
http_response_code($status);
header('Content-Type: application/json');
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
