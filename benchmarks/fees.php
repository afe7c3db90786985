<?php
// The fee split workload: tokencalc_fees($amount, $rates, 'INCLUDED') next to the same split composed
// step by step (as the backend does today) with bcmath at scale 10, brick/math, float, the legacy FFI
// library both ways, and substr in place of every step as the floor.
//   php benchmarks/fees.php [--quick] [--json] [--ext=PATH]
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';

const FEES_RATES = ['peer' => '0.02', 'burn' => '0.01', 'inviter' => '0.01'];
const FEES_AMOUNT = '5000.3710';

// INCLUDED per domain.md: net = trunc(required / (1 + R)), fee = trunc(net × rate), dust = the rest.
const FEES_TEMPLATE = <<<'PHP'
    $R = '0';
    foreach ($rates as $rate) { $R = ADD($R, $rate); }
    $one = ADD('1', $R);
    $net = DIV($amount, $one);
    $fees = [];
    $sum = '0';
    foreach ($rates as $name => $rate) { $f = MUL($net, $rate); $fees[$name] = $f; $sum = ADD($sum, $f); }
    $left = SUB($amount, $net);
    $__r = ['required' => $amount, 'net' => $net, 'fees' => $fees, 'dust' => SUB($left, $sum)];
    PHP;

/** Runs the composed bcmath split over the INCLUDED rows of the shared vectors: [checked, agreeing]. */
function fees_check_vectors(int $max): array
{
    $file = bench_root() . '/../../shared/vectors/fees.jsonl';
    if (!is_file($file) || !extension_loaded('bcmath')) {
        return [0, 0];
    }
    $n = $ok = 0;
    foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
        $v = json_decode($line, true);
        if ($v['mode'] !== 'INCLUDED' || $n >= $max) {
            continue;
        }
        $f = bench_loop(bench_expand(FEES_TEMPLATE, 'bcmath'), ['amount' => $v['amount'], 'rates' => $v['rates']]);
        [, $got] = $f(1);
        $n++;
        $ok += (int) fees_same($got, $v['expect'], false);
    }
    return [$n, $ok];
}

function fees_same(array $got, array $want, bool $inexact): bool
{
    foreach (['required', 'net', 'dust'] as $k) {
        if (!bench_same((string) $got[$k], (string) $want[$k], $inexact)) {
            return false;
        }
    }
    foreach ($want['fees'] as $name => $v) {
        if (!isset($got['fees'][$name]) || !bench_same((string) $got['fees'][$name], (string) $v, $inexact)) {
            return false;
        }
    }
    return true;
}

function fees_run(bool $quick): array
{
    $why = bench_available(['tokencalc_fees']);
    $vars = ['amount' => FEES_AMOUNT, 'rates' => FEES_RATES];
    $loops = $rows = [];
    foreach (BENCH_IMPLS as $impl) {
        if ($why[$impl] !== null) {
            $rows[$impl] = ['skipped' => $why[$impl]];
            continue;
        }
        $body = $impl === 'tokencalc' ? "\$__r = tokencalc_fees(\$amount, \$rates, 'INCLUDED');"
            : bench_expand(FEES_TEMPLATE, $impl);
        $loops[$impl] = bench_loop($body, $vars, bench_setup($impl));
        $rows[$impl] = [];
        $got = bench_first($loops[$impl], $rows[$impl]);
        if ($got === null) {
            unset($loops[$impl]);
            continue;
        }
        $rows[$impl]['result'] = $got;
    }
    $notes = [];
    $ref = $rows['bcmath']['result'] ?? null;
    foreach ($rows as $impl => $row) {
        if ($ref !== null && isset($row['result']) && $impl !== 'floor' && $impl !== 'bcmath'
            && !fees_same($row['result'], $ref, $impl === 'float')) {
            $notes[] = BENCH_LABELS[$impl] . ' splits differently: ' . json_encode($row['result']);
        }
        unset($rows[$impl]['result']);
    }
    foreach (bench_compare($loops, $quick ? 5 : 9, $quick ? 15 : 60) as $impl => $m) {
        $rows[$impl] += $m + ($impl === 'float' ? ['note' => 'inexact'] : []);
    }
    [$n, $ok] = fees_check_vectors($quick ? 50 : 500);
    if ($n > 0) {
        $notes[] = "the composed bcmath split agrees with $ok of $n INCLUDED rows of vectors/fees.jsonl";
    }
    $notes[] = 'one split = 4 additions of rates, 1 division, 3 multiplications, 5 additions/subtractions';
    return ['workload' => 'fees', 'title' => 'fee split, INCLUDED, ' . FEES_AMOUNT . ' with peer/burn/inviter',
        'unit' => 'split', 'rows' => $rows, 'notes' => $notes,
        'checks' => [bench_gate($rows, 'bcmath', 'fees')]];
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $opt = bench_options();
    bench_bootstrap($opt);
    bench_emit(fees_run(isset($opt['quick'])), $opt);
}
