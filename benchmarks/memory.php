<?php
// Resident-memory growth (VmRSS) over a fixed number of calls after warm-up: tokencalc_add against
// the legacy FFI library called the backend's way (FFI::cdef() per call, the returned C string is
// never freed) and through a cached FFI object (still never freed).
//   php benchmarks/memory.php [--quick] [--json] [--ext=PATH]
declare(strict_types=1);
require_once __DIR__ . '/arith.php';

function memory_run(bool $quick): array
{
    $res = arith_memory($quick);
    $res['workload'] = 'memory';
    $res['title'] = 'resident memory growth (VmRSS) after warm-up';
    $why = bench_available([]);
    $vars = ['a' => '1234.5678901234', 'b' => '0.02'];
    foreach (['ffi_cached' => $quick ? 200_000 : 1_000_000, 'ffi_cdef' => $quick ? 2_000 : 10_000] as $impl => $calls) {
        if ($why[$impl] !== null) {
            $res['memory'][] = ['impl' => $impl, 'text' => BENCH_LABELS[$impl] . ": {$why[$impl]}"];
            continue;
        }
        $f = bench_loop('$__r = ' . bench_expand('ADD($a, $b)', $impl) . ';', $vars, bench_setup($impl));
        $m = bench_rss_growth($f, intdiv($calls, 10), $calls);
        $res['memory'][] = ['impl' => $impl] + $m + ['text' => sprintf('%s add_decimal: VmRSS %s over %s calls (%.1f B/call)',
            BENCH_LABELS[$impl], bench_format_bytes($m['growth']), number_format($calls), $m['per_call'])];
    }
    return $res;
}

if (realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
    $opt = bench_options();
    bench_bootstrap($opt);
    bench_emit(memory_run(isset($opt['quick'])), $opt);
}
