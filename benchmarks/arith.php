<?php
// Issue 2: ns/op of tokencalc_add/sub/mul/div/truncate next to bcmath (scale 10), brick/math, plain
// float, the legacy FFI library (both ways) and substr as the floor, all in one process.
//   php benchmarks/arith.php [--op=add|sub|mul|div|truncate] [--quick] [--json] [--ext=PATH]
// Without --op it runs every operation and then the memory target (10 million tokencalc_add calls).
// The figures are net of the empty loop (`$r = $a;`), whose cost is reported alongside.
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';

const ARITH_OPS = [
    // op => [template, function, a, b]
    'add' => ['ADD($a, $b)', 'tokencalc_add', '1234.5678901234', '0.02'],
    'sub' => ['SUB($a, $b)', 'tokencalc_sub', '1234.5678901234', '0.02'],
    'mul' => ['MUL($a, $b)', 'tokencalc_mul', '1234.5678901234', '0.02'],
    'div' => ['DIV($a, $b)', 'tokencalc_div', '1234.5678901234', '0.03'],
    'truncate' => ['TRUNC($a)', 'tokencalc_truncate', '1234.567890123456789', ''],
];

function arith_run(string $op, bool $quick): array
{
    [$tpl, $fn, $a, $b] = ARITH_OPS[$op];
    $why = bench_available([$fn]);
    $vars = ['a' => $a, 'b' => $b];
    $loops = ['empty' => bench_loop('$__r = $a;', $vars)];
    $rows = [];
    $expect = null;
    foreach (BENCH_IMPLS as $impl) {
        if ($why[$impl] !== null) {
            $rows[$impl] = ['skipped' => $why[$impl]];
            continue;
        }
        $loops[$impl] = bench_loop('$__r = ' . bench_expand($tpl, $impl) . ';', $vars, bench_setup($impl));
        $rows[$impl] = [];
        $got = bench_first($loops[$impl], $rows[$impl]);
        if ($got === null) {
            unset($loops[$impl]);
            continue;
        }
        $rows[$impl] = ['result' => $got];
        $expect ??= in_array($impl, ['tokencalc', 'bcmath'], true) ? $got : null;
    }
    $notes = [];
    foreach ($rows as $impl => $row) {
        if (isset($row['result']) && $expect !== null && $impl !== 'floor'
            && !bench_same($row['result'], $expect, $impl === 'float')) {
            $notes[] = sprintf('%s gave %s where exact truncation gives %s', BENCH_LABELS[$impl], $row['result'], $expect);
        }
    }
    $t = bench_compare($loops, $quick ? 5 : 9, $quick ? 15 : 60);
    $empty = $t['empty']['ns'];
    unset($t['empty']);
    foreach ($t as $impl => $m) {
        $rows[$impl] += ['ns' => max(0.0, $m['ns'] - $empty), 'gross_ns' => $m['ns'], 'n' => $m['n'], 'rounds' => $m['rounds']];
        if ($impl === 'float') {
            $rows[$impl]['note'] = 'inexact';
        }
    }
    $title = $op === 'truncate' ? "truncate(\"$a\")" : "$op(\"$a\", \"$b\")";
    $notes[] = sprintf('net of the empty loop, %.1f ns/iteration', $empty);
    $checks = [bench_gate($rows, 'bcmath', $op)];
    if ($op === 'add') {
        $r = bench_ratio($rows, 'tokencalc', 'floor');
        $checks[] = bench_check('issue 2: tokencalc_add within 2.5x the floor (substr)', $r === null ? null : $r <= 2.5,
            $r === null ? 'not measured' : sprintf('%.2fx the floor', $r));
    }
    if (in_array($op, ['add', 'mul', 'div'], true)) {
        $r = bench_ratio($rows, 'bcmath');
        $checks[] = bench_check("issue 2: tokencalc_$op at least 3x faster than bc$op", $r === null ? null : $r >= 3,
            $r === null ? 'not measured' : sprintf('%.2fx faster', $r));
    }
    return ['workload' => $op, 'title' => $title, 'unit' => 'op', 'rows' => $rows, 'empty_loop_ns' => $empty,
        'notes' => $notes, 'checks' => $checks];
}

/** Issue 2's memory target: VmRSS growth over 10 million tokencalc_add calls after warm-up. */
function arith_memory(bool $quick): array
{
    $calls = $quick ? 1_000_000 : 10_000_000;
    if (!function_exists('tokencalc_add')) {
        return ['workload' => 'arith-memory', 'title' => 'tokencalc_add memory', 'rows' => [],
            'checks' => [bench_check("issue 2: $calls tokencalc_add calls grow VmRSS < 1 MB", null, 'tokencalc_add not available')]];
    }
    $m = bench_rss_growth(bench_loop('$__r = tokencalc_add($a, $b);', ['a' => '1234.5678901234', 'b' => '0.02']),
        100_000, $calls);
    return ['workload' => 'arith-memory', 'title' => 'tokencalc_add memory', 'rows' => [],
        'memory' => [['impl' => 'tokencalc'] + $m + ['text' => sprintf('tokencalc_add: VmRSS %s over %s calls',
            bench_format_bytes($m['growth'] ?? 0), number_format($calls))]],
        'checks' => [bench_check("issue 2: $calls tokencalc_add calls grow VmRSS < 1 MB after warm-up",
            $m['growth'] === null ? null : $m['growth'] < 1 << 20,
            $m['growth'] === null ? 'no /proc/self/status' : bench_format_bytes($m['growth'])) + ['gate' => true]]];
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $opt = bench_options();
    bench_bootstrap($opt);
    $quick = isset($opt['quick']);
    if (isset($opt['op'])) {
        if (!isset(ARITH_OPS[$opt['op']])) {
            fwrite(STDERR, "unknown --op={$opt['op']}\n");
            exit(2);
        }
        bench_emit(arith_run($opt['op'], $quick), $opt);
    } elseif (isset($opt['memory'])) {
        bench_emit(arith_memory($quick), $opt);
    } else {
        foreach (array_keys(ARITH_OPS) as $op) {
            bench_emit(arith_run($op, $quick), $opt);
        }
        bench_emit(arith_memory($quick), $opt);
    }
}
