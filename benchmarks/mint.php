<?php
// Issue 3: one day's mint, 1,000,000 gem rows over 100,000 users (deterministic), tokencalc_mint()
// against the backend's COMPAT algorithm written in PHP (domain.md): a bcadd per row into per-user
// totals, the total, rate = bcdiv(supply, total, 10), tokens = bcmul(total_u, rate, 10),
// percentage = bcmul(bcdiv(total_u, total, 10), '100', 10), plus minted and dust. The same
// composition also runs on brick/math, float, the legacy FFI library and substr (the floor).
//   php benchmarks/mint.php [--quick] [--json] [--ext=PATH] [--rows=N --users=N]
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';

const MINT_SUPPLY = '5000';
const MINT_GEMS = ['0.25', '1', '2', '5', '-3'];

const MINT_TEMPLATE = <<<'PHP'
    $tot = [];
    foreach ($users as $i => $u) { $tot[$u] = ADD($tot[$u] ?? '0', $gems[$i]); }
    $total = '0';
    $skipped = [];
    foreach ($tot as $u => $t) {
        if (POS($t)) { $total = ADD($total, $t); } else { $skipped[$u] = $t; }
    }
    $rate = DIV($supply, $total);
    $out = [];
    $minted = '0';
    foreach ($tot as $u => $t) {
        if (isset($skipped[$u])) { continue; }
        $tokens = MUL($t, $rate);
        $share = DIV($t, $total);
        $out[$u] = ['gems' => $t, 'tokens' => $tokens, 'percentage' => MUL($share, '100')];
        $minted = ADD($minted, $tokens);
    }
    $__r = ['supply' => $supply, 'total' => $total, 'rate' => $rate, 'minted' => $minted,
        'dust' => SUB($supply, $minted), 'users' => $out, 'skipped' => $skipped];
    PHP;

/** The rows as tokencalc_mint takes them: a generator may repeat a user id. */
function mint_rows(array $users, array $gems): Generator
{
    foreach ($users as $i => $u) {
        yield $u => $gems[$i];
    }
}

/** A deterministic day: [user id per row, gems per row] with UUID-like ids. */
function mint_day(int $rows, int $nusers, int $seed = 20240601): array
{
    mt_srand($seed);
    $ids = [];
    for ($k = 0; $k < $nusers; $k++) {
        $ids[] = sprintf('%08x-%04x-4%03x-8%03x-%012x', mt_rand(0, 0x7fffffff), mt_rand(0, 0xffff),
            mt_rand(0, 0xfff), mt_rand(0, 0xfff), $k);
    }
    $users = $gems = [];
    for ($i = 0; $i < $rows; $i++) {
        $users[] = $ids[mt_rand(0, $nusers - 1)];
        $gems[] = MINT_GEMS[mt_rand(0, count(MINT_GEMS) - 1)];
    }
    return [$users, $gems];
}

function mint_same(array $got, array $want, bool $inexact): bool
{
    foreach (['total', 'rate', 'minted', 'dust'] as $k) {
        if (!bench_same((string) $got[$k], (string) $want[$k], $inexact)) {
            return false;
        }
    }
    if (count($got['users']) !== count($want['users'])) {
        return false;
    }
    foreach ($want['users'] as $u => $w) {
        foreach (['gems', 'tokens', 'percentage'] as $k) {
            if (!isset($got['users'][$u][$k]) || !bench_same((string) $got['users'][$u][$k], (string) $w[$k], $inexact)) {
                return false;
            }
        }
    }
    return true;
}

/** The composed bcmath COMPAT over the first $max vectors of mint.jsonl: [checked, agreeing]. */
function mint_check_vectors(int $max): array
{
    $file = bench_root() . '/../../shared/vectors/mint.jsonl';
    if (!is_file($file) || !extension_loaded('bcmath')) {
        return [0, 0];
    }
    $n = $ok = 0;
    foreach (new SplFileObject($file) as $line) {
        if ($n >= $max || trim((string) $line) === '') {
            break;
        }
        $v = json_decode($line, true);
        $f = bench_loop(bench_expand(MINT_TEMPLATE, 'bcmath'), ['supply' => $v['supply'],
            'users' => array_map('strval', array_column($v['rows'], 0)), 'gems' => array_column($v['rows'], 1)]);
        if (!array_filter($v['expect']['users'] ?? [])) {
            continue; // nobody positive: the template divides by the total, so leave those out
        }
        [, $got] = $f(1);
        $n++;
        $ok += (int) mint_same($got, $v['expect'], false);
    }
    return [$n, $ok];
}

/** Peak memory of one tokencalc_mint call: Zend heap (memory_get_peak_usage) and VmHWM. */
function mint_memory(array $users, array $gems, int $input_bytes): array
{
    @file_put_contents('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
    $rss = bench_rss();
    gc_collect_cycles();
    memory_reset_peak_usage();
    $before = memory_get_usage();
    $r = tokencalc_mint(MINT_SUPPLY, mint_rows($users, $gems));
    $peak = memory_get_peak_usage() - $before;
    $result = memory_get_usage() - $before;
    $s = (string) @file_get_contents('/proc/self/status');
    $hwm = preg_match('/^VmHWM:\s+(\d+) kB/m', $s, $m) && $rss !== null ? (int) $m[1] * 1024 - $rss : null;
    unset($r);
    return ['input_bytes' => $input_bytes, 'heap_peak' => $peak, 'result_bytes' => $result, 'rss_peak' => $hwm,
        'text' => sprintf('tokencalc_mint peak: %s of Zend heap (of which the result array holds %s), peak RSS %s;'
            . ' the input arrays take %s', bench_format_bytes($peak), bench_format_bytes($result),
            $hwm === null ? 'n/a' : '+' . bench_format_bytes($hwm), bench_format_bytes($input_bytes))];
}

function mint_run(bool $quick, int $nrows, int $nusers): array
{
    $why = bench_available(['tokencalc_mint']);
    $base = memory_get_usage();
    [$users, $gems] = mint_day($nrows, $nusers);
    $input_bytes = memory_get_usage() - $base;
    // FFI::cdef() per call costs ~0.1 ms here: that column runs a 1/100 day and is scaled up.
    $small = mint_day(intdiv($nrows, 100), intdiv($nusers, 100));
    $budget_ns = ($quick ? 4 : 15) * 1e9;
    $rows = $results = [];
    foreach (BENCH_IMPLS as $impl) {
        if ($why[$impl] !== null) {
            $rows[$impl] = ['skipped' => $why[$impl]];
            continue;
        }
        $scale = $impl === 'ffi_cdef' ? 100 : 1;
        [$u, $g] = $scale === 1 ? [$users, $gems] : $small;
        $body = $impl === 'tokencalc' ? '$__r = tokencalc_mint($supply, mint_rows($users, $gems));'
            : bench_expand(MINT_TEMPLATE, $impl);
        $f = bench_loop($body, ['supply' => MINT_SUPPLY, 'users' => $u, 'gems' => $g], bench_setup($impl));
        $rows[$impl] = [];
        try {
            [$t, $res] = $f(1);
        } catch (Throwable $e) {
            $rows[$impl] = ['skipped' => 'not available: ' . $e::class . ': ' . $e->getMessage()];
            $why[$impl] = $rows[$impl]['skipped'];
            continue;
        }
        if ($scale === 1) {
            $results[$impl] = $res;
        }
        unset($res);
        $times = $t > 1e9 ? [$t] : [];
        $want = max(1, min($quick ? 3 : 5, (int) ($budget_ns / max($t, 1))));
        while (count($times) < $want) {
            [$t] = $f(1);
            $times[] = $t;
        }
        $rows[$impl] = ['ns' => bench_median($times) * $scale, 'n' => 1, 'rounds' => $times]
            + ($scale > 1 ? ['approx' => true, 'note' => "1/$scale day, x$scale"] : [])
            + ($impl === 'float' ? ['note' => 'inexact'] : []);
    }
    $notes = [];
    $ref = $results['bcmath'] ?? null;
    foreach ($results as $impl => $res) {
        if ($ref !== null && !in_array($impl, ['bcmath', 'floor'], true) && !mint_same($res, $ref, $impl === 'float')) {
            $notes[] = BENCH_LABELS[$impl] . ' mints differently from the bcmath COMPAT composition';
        }
    }
    unset($results, $ref);
    $memory = [];
    if ($why['tokencalc'] === null) {
        $f = bench_loop('foreach (mint_rows($users, $gems) as $__u => $__g) {}', ['users' => $users, 'gems' => $gems]);
        $gen = bench_median([$f(1)[0], $f(1)[0], $f(1)[0]]);
        $notes[] = 'tokencalc_mint reads the rows from a generator; iterating it alone takes ' . bench_format_ns($gen);
        $summed = [];
        foreach ($users as $i => $u) {
            $summed[$u] = bcadd($summed[$u] ?? '0', $gems[$i], BENCH_SCALE);
        }
        $f = bench_loop('$__r = tokencalc_mint($supply, $summed);', ['supply' => MINT_SUPPLY, 'summed' => $summed]);
        $notes[] = sprintf('tokencalc_mint over the %s per-user totals already summed, as an array: %s',
            number_format(count($summed)), bench_format_ns(bench_median([$f(1)[0], $f(1)[0], $f(1)[0]])));
        unset($summed, $f);
        $memory[] = ['impl' => 'tokencalc'] + mint_memory($users, $gems, $input_bytes);
    }
    [$n, $ok] = mint_check_vectors($quick ? 10 : 60);
    if ($n > 0) {
        $notes[] = "the composed bcmath COMPAT agrees with $ok of $n vectors of mint.jsonl";
    }
    $r = bench_ratio($rows, 'bcmath');
    $checks = [bench_gate($rows, 'bcmath', 'mint'),
        bench_check('issue 3: tokencalc_mint at least 20x faster than the bcmath COMPAT in PHP',
            $r === null ? null : $r >= 20, $r === null ? 'not measured' : sprintf('%.1fx faster', $r))];
    return ['workload' => 'mint', 'title' => sprintf('daily mint, COMPAT, %s rows over %s users',
        number_format($nrows), number_format($nusers)), 'unit' => 'day', 'rows' => $rows, 'notes' => $notes,
        'memory' => $memory, 'checks' => $checks];
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $opt = bench_options();
    bench_bootstrap($opt);
    $quick = isset($opt['quick']);
    bench_emit(mint_run($quick, (int) ($opt['rows'] ?? ($quick ? 100_000 : 1_000_000)),
        (int) ($opt['users'] ?? ($quick ? 10_000 : 100_000))), $opt);
}
