<?php
// Issue 4: tokencalc_receipt() over a mint record of 10,000 users against the same canonical
// encoding v1 (domain.md "Receipts") written in PHP and hashed with sodium_crypto_generichash.
//   php benchmarks/receipt.php [--quick] [--json] [--ext=PATH] [--users=N]
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';

/** E(value) of the canonical encoding v1. */
function receipt_encode(array|string|int $v): string
{
    if (!is_array($v)) {
        $v = (string) $v;
        return 's' . pack('P', strlen($v)) . $v;
    }
    ksort($v, SORT_STRING); // byte-wise on the keys' string forms, a shorter prefix first
    $out = 'a' . pack('P', count($v));
    foreach ($v as $k => $x) {
        $k = (string) $k;
        $out .= 's' . pack('P', strlen($k)) . $k . receipt_encode($x);
    }
    return $out;
}

function receipt_php(array $record, string $key): string
{
    return bin2hex(sodium_crypto_generichash("tokencalc-receipt-v1\0" . receipt_encode($record), $key, 32));
}

/** A mint record shaped like tokencalc_mint()'s result, with deterministic values. */
function receipt_record(int $users): array
{
    mt_srand(7);
    $u = [];
    for ($i = 0; $i < $users; $i++) {
        $id = sprintf('%08x-%04x-4%03x-8%03x-%012x', mt_rand(0, 0x7fffffff), mt_rand(0, 0xffff), mt_rand(0, 0xfff),
            mt_rand(0, 0xfff), $i);
        $u[$id] = ['gems' => (string) mt_rand(1, 400) . '.25', 'tokens' => sprintf('%d.%010d', mt_rand(0, 9), mt_rand(0, 999999999)),
            'percentage' => sprintf('0.%010d', mt_rand(0, 999999999))];
    }
    return ['kind' => 'mint', 'day' => '2026-11-23', 'supply' => '5000', 'total' => '123456.75',
        'rate' => '0.0405001519', 'minted' => '4999.9999998801', 'dust' => '0.0000001199', 'users' => $u,
        'skipped' => ['00000000-0000-4000-8000-000000000000' => '-3'], 'seq' => 42];
}

/** The PHP encoding against the shared vectors: [checked, agreeing]. */
function receipt_check_vectors(): array
{
    $file = bench_root() . '/../../shared/vectors/receipts.jsonl';
    $n = $ok = 0;
    foreach (is_file($file) ? file($file, FILE_IGNORE_NEW_LINES) : [] as $line) {
        $v = json_decode($line, true);
        $record = unserialize(base64_decode($v['record_php']), ['allowed_classes' => false]);
        try {
            $got = receipt_php($record, hex2bin($v['key']));
        } catch (TypeError) {
            continue; // records with floats/bools are there to test rejection
        }
        $n++;
        $ok += (int) hash_equals($v['receipt'], $got);
    }
    return [$n, $ok];
}

function receipt_run(bool $quick, int $users): array
{
    $why = bench_available(['tokencalc_receipt']);
    $vars = ['record' => receipt_record($users), 'key' => str_repeat("\x42", 32)];
    $loops = ['php_sodium' => bench_loop('$__r = receipt_php($record, $key);', $vars)];
    $rows = [];
    $notes = [];
    if ($why['tokencalc'] === null) {
        $f = bench_loop('$__r = tokencalc_receipt($record, $key);', $vars);
        $rows['tokencalc'] = [];
        $got = bench_first($f, $rows['tokencalc']);
        if ($got !== null) {
            unset($rows['tokencalc']);
            $loops = ['tokencalc' => $f] + $loops;
            if ($got !== $loops['php_sodium'](1)[1]) {
                $notes[] = 'tokencalc_receipt and the PHP encoding give different receipts for this record';
            }
        }
    } else {
        $rows['tokencalc'] = ['skipped' => $why['tokencalc']];
    }
    $rows += bench_compare($loops, $quick ? 5 : 9, $quick ? 20 : 100);
    [$n, $ok] = receipt_check_vectors();
    if ($n > 0) {
        $notes[] = "the PHP encoding reproduces $ok of $n receipts of vectors/receipts.jsonl";
    }
    $r = bench_ratio($rows, 'php_sodium');
    return ['workload' => 'receipt', 'title' => sprintf('receipt of a mint record of %s users', number_format($users)),
        'unit' => 'receipt', 'rows' => $rows, 'notes' => $notes,
        'checks' => [bench_gate($rows, 'php_sodium', 'receipt'),
            bench_check('issue 4: tokencalc_receipt at least 5x faster than PHP + sodium', $r === null ? null : $r >= 5,
                $r === null ? 'not measured' : sprintf('%.1fx faster', $r))]];
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $opt = bench_options();
    bench_bootstrap($opt);
    bench_emit(receipt_run(isset($opt['quick']), (int) ($opt['users'] ?? 10_000)), $opt);
}
