<?php
// Runs every benchmark, one PHP process per workload, and prints one table per workload.
//   php benchmarks/run.php [--quick] [--ext=PATH] [--out=DIR] [--tag=NAME] [--only=add,mint,widths,...]
//                          [--jit=off,tracing] [--impls=tokencalc,bcmath]
// The tokencalc module comes from --ext, $TOKENCALC_SO, or the one this PHP already loaded.
// A full run writes results.md, results.json and results.svg to benchmarks/results/ (or --out), and
// merges the width sweep into widths.{json,md,svg} there (a run replaces the earlier one of the same
// PHP minor version and engine mode); --tag=NAME names them results-NAME.* and widths-NAME.*.
// The width sweep runs once per --jit mode (default off,tracing), with opcache on as in production.
// --quick writes only with --out, ends with a `N passed, N failed[, N skipped]` line over the gates,
// and exits 1 on a gross regression: tokencalc slower than bcmath (or PHP + sodium for receipts) on
// any workload or at any width, or tokencalc_add growing VmRSS by 1 MB or more.
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';
require_once __DIR__ . '/lib/report.php';
require_once __DIR__ . '/lib/widths_report.php';

$opt = bench_options();
$quick = isset($opt['quick']);
$started = hrtime(true);
$machine = report_machine();

// The legacy FFI library: built (or found fresh) by its script where cargo exists, else skipped.
$lib = bench_legacy_lib();
if (getenv('LEGACY_FFI_LIB') === false) {
    if (trim((string) shell_exec('command -v cargo 2>/dev/null')) !== '') {
        $out = [];
        exec(escapeshellarg(__DIR__ . '/legacy-ffi/build.sh') . ' 2>&1', $out, $rc);
        if ($rc !== 0) {
            fwrite(STDERR, "legacy FFI library did not build, FFI rows skipped:\n  " . implode("\n  ", $out) . "\n");
        }
    } elseif (!is_file($lib)) {
        fwrite(STDERR, "cargo not found and the legacy FFI library is not built: FFI rows skipped\n");
    }
}

$so = bench_tokencalc_so($opt);
if ($so !== null && !is_file($so)) {
    fwrite(STDERR, "tokencalc module not found: $so\n");
    exit(2);
}
if ($so === null) {
    fwrite(STDERR, "tokencalc is not loaded (pass --ext=PATH, TOKENCALC_SO=PATH or -d extension=PATH): its rows are skipped\n");
    if ($quick) {
        fwrite(STDERR, "--quick needs the extension to check for regressions\n");
        exit(2);
    }
}

$workloads = [
    'add' => ['arith.php', '--op=add'], 'sub' => ['arith.php', '--op=sub'], 'mul' => ['arith.php', '--op=mul'],
    'div' => ['arith.php', '--op=div'], 'truncate' => ['arith.php', '--op=truncate'],
    'fees' => ['fees.php'], 'mint' => ['mint.php'], 'receipt' => ['receipt.php'], 'memory' => ['memory.php'],
    'widths' => ['widths.php'],
];
if (isset($opt['only'])) {
    $workloads = array_intersect_key($workloads, array_flip(explode(',', (string) $opt['only'])));
}

$php = bench_php_command($opt);
if (isset($opt['impls'])) {
    putenv('TOKENCALC_BENCH_IMPLS=' . $opt['impls']);
}
$results = [];
$failed = false;
/** Runs one workload in its own process and returns its decoded result (null on failure) and exit code. */
function run_workload(array $cmd): array
{
    $p = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null,
        ['TOKENCALC_BENCH_CHILD' => '1'] + getenv());
    // The child's stderr is passed on as it comes; its stdout is the JSON result.
    $json = '';
    $open = [1 => $pipes[1], 2 => $pipes[2]];
    while ($open) {
        $r = array_values($open);
        $w = $x = null;
        if (stream_select($r, $w, $x, null) === false) {
            break;
        }
        foreach ($r as $s) {
            $chunk = fread($s, 65536);
            $k = array_search($s, $open, true);
            if ($chunk === '' || $chunk === false) {
                fclose($s);
                unset($open[$k]);
            } elseif ($k === 1) {
                $json .= $chunk;
            } else {
                fwrite(STDERR, $chunk);
            }
        }
    }
    $rc = proc_close($p);
    $res = json_decode((string) $json, true);
    return [is_array($res) ? $res : null, $rc];
}

/** Whether a result fails a regression gate. */
function run_gate_failed(array $res): bool
{
    foreach ($res['checks'] ?? [] as $c) {
        if (($c['gate'] ?? false) && $c['ok'] === false) {
            return true;
        }
    }
    return false;
}

// The width sweep once per engine mode, each with opcache on as production has it.
$runs = [];
foreach ($workloads as $name => $spec) {
    if ($name !== 'widths') {
        $runs[] = [$name, $spec, $php, null];
        continue;
    }
    foreach (array_unique(explode(',', (string) ($opt['jit'] ?? 'off,tracing'))) as $jit) {
        $flags = bench_opcache_flags($jit);
        $runs[] = [$name, $spec, bench_php_command($opt, $flags ?? []),
            $flags === null ? 'opcache not found (set TOKENCALC_OPCACHE_SO): measured without it' : null];
        if ($flags === null) {
            fwrite(STDERR, "run.php: no opcache module for this PHP: the width sweep runs once, without opcache\n");
            break;
        }
    }
}

$widths = [];
foreach ($runs as [$name, $spec, $cmd_php, $why]) {
    [$script, $args] = [$spec[0], $spec[1] ?? null];
    $cmd = array_merge($cmd_php, [__DIR__ . "/$script", '--json'], $args === null ? [] : [$args], $quick ? ['--quick'] : []);
    [$res, $rc] = run_workload($cmd);
    if ($quick && $rc === 0 && $res !== null && !($res['no_retry'] ?? false) && run_gate_failed($res)) {
        // One more try before calling it a regression: a shared CI machine can stall a whole round.
        [$res, $rc] = run_workload($cmd);
        $res['notes'][] = 'measured a second time after a failed regression gate';
    }
    if ($rc !== 0 || $res === null) {
        $failed = true;
        $res = ['workload' => $name, 'title' => $name, 'unit' => 'op', 'rows' => [],
            'notes' => ["the workload process failed (exit $rc)"],
            'checks' => [bench_check("$name: workload ran", false, "exit $rc") + ['gate' => true]]];
    }
    bench_print($res);
    if ($name === 'widths' && isset($res['cells'])) {
        $res['command'] = implode(' ', array_map(fn($a) => preg_match('~^[\w./=:,+-]+$~', $a) ? $a : escapeshellarg($a),
            array_merge($cmd_php, ["benchmarks/$script"], $quick ? ['--quick'] : [])));
        if ($why !== null) {
            $res['notes'][] = $why;
        }
        echo widths_report_tables([$res]);
        $widths[] = $res;
    }
    $results[] = $res;
}

$version = null;
if ($so !== null) {
    $v = shell_exec(implode(' ', array_map('escapeshellarg', array_merge($php,
        ['-r', 'echo defined("TOKENCALC_VERSION") ? TOKENCALC_VERSION : "";']))));
    $version = $v === null || $v === '' ? null : trim($v);
}
$run = ['mode' => $quick ? 'quick' : 'full', 'machine' => $machine,
    'loadavg_end' => report_machine()['loadavg'], 'tokencalc_version' => $version,
    'tokencalc_so' => $so, 'seconds' => round((hrtime(true) - $started) / 1e9, 1), 'workloads' => $results];

$gates = [];
foreach ($results as $w) {
    foreach ($w['checks'] ?? [] as $c) {
        if (($c['gate'] ?? false) && $c['ok'] === false) {
            $gates[] = "{$c['name']} ({$c['detail']})";
        }
    }
}
printf("\n%s run took %.1f s\n", $run['mode'], $run['seconds']);

$out = $opt['out'] ?? ($quick ? null : __DIR__ . '/results');
$tag = isset($opt['tag']) ? '-' . preg_replace('/[^\w.-]/', '_', (string) $opt['tag']) : '';
if (is_string($out)) {
    $others = array_values(array_filter($results, fn($w) => $w['workload'] !== 'widths'));
    if ($others) {
        report_write(['workloads' => $others] + $run, $out, "results$tag");
        echo "results written to $out/results$tag.{md,json,svg}\n";
    }
    if ($widths) {
        $commit = getenv('TOKENCALC_BENCH_COMMIT') ?: trim((string) shell_exec('git -C ' . escapeshellarg(bench_root())
            . ' rev-parse --short HEAD 2>/dev/null'));
        widths_write(widths_merge("$out/widths$tag.json", $widths, ['machine' => $machine, 'tokencalc_version' => $version,
            'tokencalc_commit' => $commit ?: null, 'tokencalc_so' => $so]), $out, "widths$tag");
        echo "width sweep merged into $out/widths$tag.{md,json,svg}\n";
    }
}
if ($quick) {
    // The totals of every gate (a gate that could not measure, e.g. without bcmath, is skipped).
    $n = ['passed' => 0, 'failed' => 0, 'skipped' => 0];
    foreach ($results as $w) {
        foreach ($w['checks'] ?? [] as $c) {
            if ($c['gate'] ?? false) {
                $n[$c['ok'] === null ? 'skipped' : ($c['ok'] ? 'passed' : 'failed')]++;
            }
        }
    }
    if ($gates) {
        echo "REGRESSION:\n  " . implode("\n  ", $gates) . "\n";
    }
    echo "{$n['passed']} passed, {$n['failed']} failed" . ($n['skipped'] ? ", {$n['skipped']} skipped" : '') . "\n";
    exit($gates || $failed ? 1 : 0);
}
exit($failed ? 1 : 0);
