<?php
// Issue 13, "Time": the worst case of one call of every public function, at the default settings
// (tokencalc.max_digits=4096, tokencalc.scale=10) and at the largest allowed ones (1000000 and 10000,
// and $scale = 10000 where a function takes one). For each function a few candidate worst inputs are
// timed (best of --runs calls: wall time by hrtime, and CPU time by getrusage, which the machine's
// load moves less) and the worst by CPU time is reported, with two memory figures of that one
// call: the engine's peak (memory_reset_peak_usage() before, memory_get_peak_usage() after, minus the
// usage before: what memory_limit counts, the result included, the input not) and the growth of the
// process's resident high-water mark (VmHWM after − VmRSS before, the peak reset through
// /proc/self/clear_refs), which also sees memory GMP allocates for itself with malloc.
// Each setting runs in a PHP process of its own (memory_limit 2G); a call that throws is "refused", a
// process that dies in a call has that call reported as a crash (or a fatal error) and the next
// process goes on from the following case.
//   php benchmarks/limits.php [--ext=PATH] [--settings=default,max] [--only=add,div,...] [--runs=3]
//       [--alloc=both|zend|malloc] [--scaling] [--json=FILE]
//   php benchmarks/limits.php --render=FILE    (the table again from a --json file)
// --scaling: times the long-input functions at n, 2n and 4n characters (scale n/100, so the scale
// grows with the input), mul and div also at 1000..4000 (schoolbook) and the iterables at c, 2c, 4c
// elements; the ratio of each step is printed (2 = linear, 4 = quadratic).
// --alloc: each call is timed under the engine's allocator (what memory_limit counts; the memory
// figures come from this pass) and under glibc's (USE_ZEND_ALLOC=0, time only): the engine maps and
// unmaps every block over 2 MB per call, and on a VM where first touching a page is slow (here:
// str_repeat() of 2.1 MB takes 41 ms, of 2.0 MB 18 µs) that, not the arithmetic, is the time.
// --ext=PATH loads the module with -n (no php.ini); without it the children inherit php.ini.
declare(strict_types=1);

const LIMITS_SETTINGS = [
    'default' => ['max_digits' => 4096, 'scale' => 10, 'arg' => null],
    'max' => ['max_digits' => 1000000, 'scale' => 10000, 'arg' => 10000],
];
/* Element counts of the iterables: sum's values, fees' rates, mint's users (long gem values). */
const LIMITS_COUNTS = [
    'default' => ['sum' => 100000, 'fees' => 1000, 'mint' => 10000, 'mint_short' => 1000000, 'receipt' => 1000000],
    'max' => ['sum' => 1000, 'fees' => 10, 'mint' => 10, 'mint_short' => 10000, 'receipt' => 1000000],
];
const LIMITS_KEY = 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'; // 32 bytes
const LIMITS_MEMORY = '2G';

function nines(int $n): string
{
    return str_repeat('9', $n);
}

/** "0." then n-2 nines: a fraction of n characters, every digit significant. */
function frac9(int $n): string
{
    return '0.' . str_repeat('9', $n - 2);
}

/** n characters, half of the digits before the point and half after, all nines. */
function half9(int $n): string
{
    $i = intdiv($n, 2);
    return str_repeat('9', $i) . '.' . str_repeat('9', $n - $i - 1);
}

/** $count distinct values of n characters, all nines but a counter in the last 8 digits. */
function distinct9(int $n, int $count): array
{
    $head = str_repeat('9', $n - 8);
    $out = [];
    for ($i = 0; $i < $count; $i++) {
        $out[] = $head . sprintf('%08d', 99999999 - $i);
    }
    return $out;
}

/** A list nested $depth levels deep: [0 => [0 => ... ['x']]], built without recursion. */
function deep(int $depth): array
{
    $a = ['x'];
    for ($i = 0; $i < $depth; $i++) {
        $a = [$a];
    }
    return $a;
}

/** $count string keys in a seeded random order (the encoding sorts them), each value "1". */
function shuffled_keys(int $count, int $len = 12, string $prefix = ''): array
{
    $rng = new \Random\Randomizer(new \Random\Engine\Mt19937(13));
    $keys = [];
    for ($i = 0; $i < $count; $i++) {
        $keys[] = $prefix . str_pad((string) $i, $len, 'k', STR_PAD_LEFT);
    }
    return array_fill_keys($rng->shuffleArray($keys), '1');
}

/**
 * The candidates: function => [label => fn(int n, ?int scale argument, array counts): argument list].
 * n is tokencalc.max_digits; every string argument is at most n characters.
 */
function limits_cases(): array
{
    $key = LIMITS_KEY;
    $receipts = [
        'list of {receipt} ints (sorted by their string form)' => fn($n, $s, $c) => [range(0, $c['receipt'] - 1), $key],
        '{receipt} string keys in random order' => fn($n, $s, $c) => [shuffled_keys($c['receipt']), $key],
        '100,000 levels deep' => fn() => [deep(100000), $key],
        '10,000 keys of 1,000 bytes, 990 shared' => fn() => [shuffled_keys(10000, 10, str_repeat('p', 990)), $key],
        '100 values of 1 MB' => fn() => [array_fill(0, 100, str_repeat('v', 1 << 20)), $key],
    ];
    $verify = [];
    foreach ($receipts as $label => $make) {
        $verify[$label] = function (...$in) use ($make) {
            $args = $make(...$in);
            $args[] = tokencalc_receipt(...$args);
            return $args;
        };
    }
    return [
        'add' => [
            'carry: 9…9 + 1' => fn($n, $s) => [nines($n), '1', $s],
            'long integer + long fraction: 9…9 + 0.9…9' => fn($n, $s) => [nines($n), frac9($n), $s],
            'cancellation: 10…0 + -9…9' => fn($n, $s) => ['1' . str_repeat('0', $n - 1), '-' . nines($n - 2), $s],
        ],
        'sub' => [
            'borrow: 10…0 − 0.0…01' => fn($n, $s) => ['1' . str_repeat('0', $n - 1), '0.' . str_repeat('0', $n - 3) . '1', $s],
            'long integer − long fraction: 9…9 − 0.9…9' => fn($n, $s) => [nines($n), frac9($n), $s],
            'cancellation: 9…9 − 9…98' => fn($n, $s) => [nines($n), nines($n - 1) . '8', $s],
        ],
        'mul' => [
            '9…9 × 9…9' => fn($n, $s) => [nines($n), nines($n), $s],
            '9…9.9…9 × 9…9.9…9' => fn($n, $s) => [half9($n), half9($n), $s],
            '0.9…9 × 0.9…9' => fn($n, $s) => [frac9($n), frac9($n), $s],
        ],
        'div' => [
            '9…9 ÷ 0.9…9 (quotient n + scale digits, divisor n)' => fn($n, $s) => [nines($n), frac9($n), $s],
            '9…9 ÷ 9…9 of n/2' => fn($n, $s) => [nines($n), nines(intdiv($n, 2)), $s],
            '1 ÷ 0.0…03 (quotient n + scale digits, divisor 1 digit)' => fn($n, $s) => ['1', '0.' . str_repeat('0', $n - 3) . '3', $s],
            '1 ÷ 9…9 (quotient scale digits, divisor n)' => fn($n, $s) => ['1', nines($n), $s],
            '9…9 ÷ 7' => fn($n, $s) => [nines($n), '7', $s],
        ],
        'truncate' => [
            '9…9.9…9 to the scale' => fn($n, $s) => [half9($n), $s],
            '-0.0…01 (to -0, printed 0)' => fn($n, $s) => ['-0.' . str_repeat('0', $n - 4) . '1', $s],
            '0.9…9' => fn($n, $s) => [frac9($n), $s],
        ],
        'cmp' => [
            '9…98 vs 9…99 (differ in the last digit)' => fn($n) => [nines($n - 1) . '8', nines($n)],
            '0…01 vs 1.0…0 (equal, spelled apart)' => fn($n) => [str_repeat('0', $n - 1) . '1', '1.' . str_repeat('0', $n - 2)],
            '0.9…98 vs 0.9…99' => fn($n) => ['0.' . nines($n - 3) . '8', frac9($n)],
            '-9…9 vs -9…98' => fn($n) => ['-' . nines($n - 1), '-' . nines($n - 2) . '8'],
        ],
        'normalize' => [
            '1.0…0 (trailing zeros)' => fn($n) => ['1.' . str_repeat('0', $n - 2)],
            '0…01 (leading zeros)' => fn($n) => [str_repeat('0', $n - 1) . '1'],
            '-0…0.0…0 (all zeros)' => fn($n) => ['-' . str_repeat('0', intdiv($n, 2)) . '.' . str_repeat('0', $n - intdiv($n, 2) - 2)],
            '9…9.9…9 (nothing to strip)' => fn($n) => [half9($n)],
        ],
        'sum' => [
            '{sum} values alternating 9…9 and 0.9…9' => fn($n, $s, $c) => [array_merge(...array_fill(0, intdiv($c['sum'], 2), [nines($n), frac9($n)])), $s],
            '{sum} values 9…9 (carry each time)' => fn($n, $s, $c) => [array_fill(0, $c['sum'], nines($n)), $s],
            '{sum} values alternating 9…9.9…9 and its negative' => fn($n, $s, $c) => [array_merge(...array_fill(0, intdiv($c['sum'], 2), [half9($n), '-' . half9($n - 1)])), $s],
        ],
        'fees' => [
            'ADDED: 9…9.9…9 and {fees} rates 0.9…9' => fn($n, $s, $c) => [half9($n), array_fill_keys(array_map(fn($i) => "r$i", range(1, $c['fees'])), frac9($n)), TOKENCALC_FEES_ADDED],
            'INCLUDED: 9…9.9…9 and {fees} rates 0.9…9' => fn($n, $s, $c) => [half9($n), array_fill_keys(array_map(fn($i) => "r$i", range(1, $c['fees'])), frac9($n)), TOKENCALC_FEES_INCLUDED],
        ],
        'mint' => [
            'COMPAT: supply 9…9, {mint} users with distinct gems of n digits' => fn($n, $s, $c) => [nines($n), distinct9($n, $c['mint']), TOKENCALC_MINT_COMPAT],
            'EXACT: supply 9…9, {mint} users with distinct gems of n digits' => fn($n, $s, $c) => [nines($n), distinct9($n, $c['mint']), TOKENCALC_MINT_EXACT],
            // the result holds every user's tokens and percentage to S places, and a supply of n digits
            // gives each user tokens of n digits: users × (n + S) bytes, so at scale 10000 (or with a
            // long supply) a million users are past 2G; hence mint_short's count per setting
            'EXACT: supply 1, {mint_short} users with gems 1..{mint_short}' => fn($n, $s, $c) => ['1', range(1, $c['mint_short']), TOKENCALC_MINT_EXACT],
        ],
        'to_q96' => [
            '9…9.9…9' => fn($n) => [half9($n)],
            '9…9' => fn($n) => [nines($n)],
            '-0.9…9' => fn($n) => ['-' . frac9($n - 1)],
        ],
        'from_q96' => [
            '9…9' => fn($n) => [nines($n)],
            '-9…9' => fn($n) => ['-' . nines($n - 1)],
        ],
        'receipt' => $receipts,
        'receipt_verify' => $verify,
    ];
}

/** User + system CPU time of this process, in ns (µs resolution). */
function cpu_ns(): int
{
    $u = getrusage();
    return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1000000000 + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) * 1000;
}

/** VmRSS or VmHWM of this process in bytes (null where /proc is missing). */
function proc_kb(string $field): ?int
{
    $status = @file_get_contents('/proc/self/status');
    return $status !== false && preg_match("/^$field:\\s+(\\d+) kB/m", $status, $m) ? (int) $m[1] * 1024 : null;
}

/** One call's best time over $runs (more, up to 200, while they add up to under 0.2 s), engine peak and resident high-water growth; or the exception. */
function measure(string $fn, array $args, int $runs): array
{
    $f = 'tokencalc_' . $fn;
    $best = $best_cpu = PHP_INT_MAX;
    $peak = $hwm = $spent = 0;
    for ($i = 0; $i < $runs || ($spent < 2e8 && $i < 200); $i++) {
        gc_collect_cycles();
        $rss = proc_kb('VmRSS');
        @file_put_contents('/proc/self/clear_refs', '5'); // resets VmHWM to VmRSS
        $base = memory_get_usage();
        memory_reset_peak_usage();
        $c0 = cpu_ns();
        $t0 = hrtime(true);
        try {
            $r = $f(...$args);
        } catch (\Throwable $e) {
            return ['outcome' => 'refused: ' . $e::class . ': ' . $e->getMessage()];
        }
        $t = hrtime(true) - $t0;
        $best_cpu = min($best_cpu, cpu_ns() - $c0);
        $peak = max($peak, memory_get_peak_usage() - $base);
        $after = proc_kb('VmHWM');
        if ($rss !== null && $after !== null) {
            $hwm = max($hwm, $after - $rss);
        }
        unset($r);
        $best = min($best, $t);
        $spent += $t;
        if ($t > 5e9) {
            break; // one run of a call this slow is enough
        }
    }
    return ['outcome' => 'ok', 'ns' => $best, 'cpu' => $best_cpu, 'peak' => $peak, 'hwm' => $hwm, 'runs' => $t > 5e9 ? $i + 1 : $i];
}

/** The work list of a setting: [[fn, label, n, scale arg, counts, size note], ...]. */
function work_list(string $setting, array $only, bool $scaling): array
{
    $cases = limits_cases();
    $cfg = LIMITS_SETTINGS[$setting];
    $list = [];
    $pick = fn($fn) => !$only || in_array($fn, $only, true);
    if (!$scaling) {
        foreach ($cases as $fn => $cands) {
            if ($only && !in_array($fn, $only, true)) {
                continue;
            }
            foreach ($cands as $label => $make) {
                $list[] = [$fn, $label, $cfg['max_digits'], $cfg['arg'], LIMITS_COUNTS[$setting], ''];
            }
        }
        return $list;
    }
    if ($setting === 'default') {
        // the iterables at the default settings: c, 2c, 4c elements of 4096 characters
        $iter = ['sum' => ['{sum} values alternating 9…9 and 0.9…9', 25000], 'fees' => ['INCLUDED: 9…9.9…9 and {fees} rates 0.9…9', 250],
            'mint' => ['EXACT: supply 9…9, {mint} users with distinct gems of n digits', 2500],
            'receipt' => ['{receipt} string keys in random order', 250000]];
        foreach ($iter as $fn => [$label, $c0]) {
            foreach ($pick($fn) ? [$c0, 2 * $c0, 4 * $c0] : [] as $c) {
                $list[] = [$fn, $label, 4096, null, [$fn => $c] + LIMITS_COUNTS['default'], "c=$c"];
            }
        }
        return $list;
    }
    // the sweep at the largest settings: the worst shape of each long-input function at n, 2n, 4n (scale n/100)
    $long = ['add' => 'long integer + long fraction: 9…9 + 0.9…9', 'sub' => 'long integer − long fraction: 9…9 − 0.9…9',
        'truncate' => '9…9.9…9 to the scale', 'cmp' => '0.9…98 vs 0.9…99', 'normalize' => '1.0…0 (trailing zeros)',
        'to_q96' => '9…9.9…9', 'from_q96' => '9…9', 'mul' => '9…9 × 9…9',
        'div' => '9…9 ÷ 0.9…9 (quotient n + scale digits, divisor n)'];
    foreach ($long as $fn => $label) {
        if (!$pick($fn)) {
            continue;
        }
        $starts = in_array($fn, ['mul', 'div'], true) ? [1000, 250000] : [250000];
        foreach ($starts as $n0) {
            foreach ([$n0, 2 * $n0, 4 * $n0] as $n) {
                $list[] = [$fn, $label, $n, intdiv($n, 100), LIMITS_COUNTS['default'], "n=$n scale=" . intdiv($n, 100)];
            }
        }
    }
    return $list;
}

/** The child: runs the work list from index $from, one JSON line per case ("begin" before each call). */
function child(string $setting, array $only, bool $scaling, int $from, int $runs): void
{
    $list = work_list($setting, $only, $scaling);
    $cases = limits_cases();
    for ($i = $from; $i < count($list); $i++) {
        [$fn, $label, $n, $arg, $counts, $note] = $list[$i];
        $make = $cases[$fn][$label];
        $args = $make($n, $arg, $counts);
        echo json_encode(['begin' => $i]), "\n";
        flush();
        $res = measure($fn, $args, $runs);
        unset($args);
        echo json_encode(['i' => $i, 'fn' => $fn, 'label' => $label, 'note' => $note] + $res), "\n";
        flush();
    }
}

function options(): array
{
    $opt = ['settings' => 'default,max', 'only' => '', 'runs' => '3', 'alloc' => 'both'];
    foreach (array_slice($_SERVER['argv'], 1) as $a) {
        if (preg_match('/^--([a-z]+)(?:=(.*))?$/', $a, $m)) {
            $opt[$m[1]] = $m[2] ?? true;
        } else {
            fwrite(STDERR, "limits: unknown argument $a\n");
            exit(2);
        }
    }
    return $opt;
}

/** A candidate's label with its element counts filled in ("c" in a sweep). */
function label(string $label, ?array $counts = null): string
{
    return preg_replace_callback('/\{(\w+)\}/', fn($m) => $counts === null ? 'c' : number_format($counts[$m[1]]), $label);
}

function fmt_ns(int $ns): string
{
    return match (true) {
        $ns >= 1e9 => sprintf('%.2f s', $ns / 1e9),
        $ns >= 1e6 => sprintf('%.1f ms', $ns / 1e6),
        default => sprintf('%.1f µs', $ns / 1e3),
    };
}

function fmt_bytes(int $b): string
{
    return match (true) {
        $b >= 1 << 20 => sprintf('%.1f MB', $b / (1 << 20)),
        $b >= 1 << 10 => sprintf('%.1f kB', $b / (1 << 10)),
        default => "$b B",
    };
}

/** The parent: one child per setting (a new one after a death), then the tables. */
function parent(array $opt): int
{
    $only = $opt['only'] === '' ? [] : explode(',', $opt['only']);
    $scaling = isset($opt['scaling']);
    $settings = $scaling ? ['max', 'default'] : explode(',', $opt['settings']);
    $allocs = $opt['alloc'] === 'both' ? ['zend', 'malloc'] : [$opt['alloc']];
    $all = [];
    foreach ($settings as $setting) foreach ($allocs as $alloc) {
        $cfg = LIMITS_SETTINGS[$setting];
        $total = count(work_list($setting, $only, $scaling));
        $from = 0;
        // malloc: glibc's allocator (USE_ZEND_ALLOC=0) reuses freed memory where the engine's maps and
        // unmaps each block over 2 MB; on a VM where touching fresh pages is slow, that dominates
        $env = $alloc === 'malloc' ? ['USE_ZEND_ALLOC' => '0'] + getenv() : null;
        while ($from < $total) {
            $cmd = [PHP_BINARY];
            if (isset($opt['ext'])) {
                array_push($cmd, '-n', '-d', 'extension=' . $opt['ext']);
            }
            array_push($cmd, '-d', 'memory_limit=' . LIMITS_MEMORY, '-d', 'tokencalc.max_digits=' . $cfg['max_digits'],
                '-d', 'tokencalc.scale=' . $cfg['scale'], __FILE__, "--child=$setting", "--from=$from",
                '--runs=' . $opt['runs']);
            if ($only) {
                $cmd[] = '--only=' . implode(',', $only);
            }
            if ($scaling) {
                $cmd[] = '--scaling';
            }
            $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
            $current = null;
            $text = '';
            while (($line = fgets($pipes[1])) !== false) {
                $j = json_decode($line, true);
                if (!is_array($j)) {
                    $text .= $line; // PHP's own messages (a fatal error) go to stdout in the CLI
                    continue;
                }
                if (isset($j['begin'])) {
                    $current = $j['begin'];
                    continue;
                }
                $j['setting'] = $setting;
                $j['alloc'] = $alloc;
                $all[] = $j;
                fwrite(STDERR, sprintf("%-8s %-6s %-15s %-62s %s %s\n", $setting, $alloc, $j['fn'], $j['label'] . ($j['note'] ? " [{$j['note']}]" : ''),
                    $j['outcome'] === 'ok' ? fmt_ns($j['ns']) . ' cpu ' . fmt_ns($j['cpu']) . ' ' . fmt_bytes($j['peak']) . ' hwm ' . fmt_bytes($j['hwm']) : $j['outcome'], ''));
                $current = null;
            }
            $err = stream_get_contents($pipes[2]);
            $rc = proc_close($p);
            if ($current === null) {
                if ($rc !== 0) {
                    fwrite(STDERR, "limits: child exited $rc: $err$text\n");
                    return 1;
                }
                break;
            }
            [$fn, $label, , , , $note] = work_list($setting, $only, $scaling)[$current];
            $why = trim($text . $err);
            $all[] = ['setting' => $setting, 'alloc' => $alloc, 'fn' => $fn, 'label' => $label, 'note' => $note,
                'outcome' => ($why !== '' ? 'fatal: ' . preg_replace('/\s+/', ' ', $why) : "crash: exit $rc")];
            fwrite(STDERR, "limits: $setting $alloc $fn '$label' ended the process: " . end($all)['outcome'] . "\n");
            $from = $current + 1;
        }
    }
    if (isset($opt['json'])) {
        file_put_contents($opt['json'], json_encode($all, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE) . "\n");
    }
    echo $scaling ? scaling_table($all) : worst_table($all, $settings);
    return 0;
}

/** The rows of one (setting, function, input), the engine allocator's pass and glibc's side by side. */
function pair_rows(array $all): array
{
    $rows = [];
    foreach ($all as $r) {
        $rows["{$r['setting']}|{$r['fn']}|{$r['label']}|{$r['note']}"][$r['alloc']] = $r;
    }
    return $rows;
}

/**
 * The time a row is ranked by: glibc's pass when it ran, else the engine's; CPU time (load moves wall
 * time more) from 1 ms of wall time up, wall time below (getrusage() counts in µs and costs a few).
 */
function rank_ns(array $pair): ?int
{
    foreach (['malloc', 'zend'] as $a) {
        if (isset($pair[$a]) && $pair[$a]['outcome'] !== 'ok') {
            return null; // a failure outranks any time
        }
    }
    $r = $pair['malloc'] ?? $pair['zend'];
    return $r['ns'] >= 1000000 ? $r['cpu'] : $r['ns'];
}

function cell(?array $r, string $what): string
{
    return match (true) {
        $r === null => '',
        $r['outcome'] !== 'ok' => $r['outcome'],
        $what === 'cpu' && $r['ns'] < 1000000 => '–',
        $what === 'ns', $what === 'cpu' => fmt_ns($r[$what]),
        default => fmt_bytes($r[$what]),
    };
}

/** Markdown: per function and setting, the candidate with the longest time (any failure first). */
function worst_table(array $all, array $settings): string
{
    $worst = [];
    foreach (pair_rows($all) as $k => $pair) {
        [$setting, $fn] = explode('|', $k);
        $cur = $worst["$fn|$setting"] ?? null;
        if ($cur === null || (rank_ns($cur) !== null && (rank_ns($pair) === null || rank_ns($pair) > rank_ns($cur)))) {
            $worst["$fn|$setting"] = $pair;
        }
    }
    $out = "| function | settings | worst input | CPU time | wall time | wall time, engine allocator | engine peak | RSS peak growth |\n"
        . "|---|---|---|---|---|---|---|---|\n";
    foreach (array_keys(limits_cases()) as $fn) {
        foreach ($settings as $s) {
            if (!isset($worst["$fn|$s"])) {
                continue;
            }
            $pair = $worst["$fn|$s"];
            $z = $pair['zend'] ?? null;
            $any = $z ?? $pair['malloc'];
            $label = label($any['label'], LIMITS_COUNTS[$s]);
            $m = $pair['malloc'] ?? null;
            $out .= sprintf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", $fn, $s, $label, cell($m ?? $z, 'cpu'), cell($m, 'ns'),
                cell($z, 'ns'), cell($z, 'peak'), cell($z, 'hwm'));
        }
    }
    // the memory: the candidate with the largest engine peak, where it is another than the slowest
    $mem = "\n| function | settings | input with the largest engine peak | engine peak | RSS peak growth |\n|---|---|---|---|---|\n";
    $any = false;
    foreach (array_keys(limits_cases()) as $fn) {
        foreach ($settings as $s) {
            $top = null;
            foreach ($all as $r) {
                if ($r['fn'] === $fn && $r['setting'] === $s && $r['alloc'] === 'zend' && $r['outcome'] === 'ok'
                        && ($top === null || $r['peak'] > $top['peak'])) {
                    $top = $r;
                }
            }
            if ($top !== null && isset($worst["$fn|$s"]['zend']) && $top['label'] !== $worst["$fn|$s"]['zend']['label']
                    && $top['peak'] > $worst["$fn|$s"]['zend']['peak']) {
                $any = true;
                $mem .= sprintf("| %s | %s | %s | %s | %s |\n", $fn, $s, label($top['label'], LIMITS_COUNTS[$s]),
                    fmt_bytes($top['peak']), fmt_bytes($top['hwm']));
            }
        }
    }
    $out .= $any ? $mem : '';
    $bad = array_filter($all, fn($r) => $r['outcome'] !== 'ok');
    $out .= "\n" . count($all) . ' calls measured, ' . count($bad) . " refused, crashed or fatal\n";
    foreach ($bad as $r) {
        $out .= "- {$r['setting']} ({$r['alloc']}) {$r['fn']} {$r['label']}: {$r['outcome']}\n";
    }
    return $out;
}

/** Markdown: each sweep's times and the ratio of each step, per allocator. */
function scaling_table(array $all): string
{
    $out = "| function | input | sizes | CPU time | ratios | wall time | ratios | wall time, engine allocator | ratios |\n"
        . "|---|---|---|---|---|---|---|---|---|\n";
    $sweeps = [];
    foreach (pair_rows($all) as $pair) {
        $any = $pair['zend'] ?? $pair['malloc'];
        // the sizes of one sweep differ in the number after n= / c=; mul and div have two sweeps
        $start = preg_match('/n=(\d+)/', $any['note'], $m) ? ((int) $m[1] < 10000 ? 'school' : 'long') : 'count';
        $sweeps["{$any['setting']}|{$any['fn']}|{$any['label']}|$start"][] = $pair;
    }
    foreach ($sweeps as $run) {
        $cols = [];
        foreach ([['malloc', 'cpu'], ['malloc', 'ns'], ['zend', 'ns']] as [$a, $what]) {
            // CPU time from the engine's pass when glibc's did not run (--alloc=zend)
            $rs = array_map(fn($p) => $p[$a] ?? ($what === 'cpu' ? $p['zend'] ?? null : null), $run);
            $ok = count(array_filter($rs, fn($r) => $r !== null && $r['outcome'] === 'ok')) === count($rs);
            // a sweep shows CPU time at every size, the small ones included, for its ratios
            $cols[] = implode(', ', array_map(fn($r) => $what === 'cpu' && $r !== null && $r['outcome'] === 'ok'
                ? fmt_ns($r['cpu']) : cell($r, $what), $rs));
            $ratios = [];
            for ($i = 1; $ok && $i < count($rs); $i++) {
                $ratios[] = sprintf('%.2f', $rs[$i][$what] / max(1, $rs[$i - 1][$what]));
            }
            $cols[] = implode(', ', $ratios);
        }
        $any = $run[0]['zend'] ?? $run[0]['malloc'];
        $out .= sprintf("| %s | %s | %s | %s |\n", $any['fn'], label($any['label']),
            implode('; ', array_map(fn($p) => ($p['zend'] ?? $p['malloc'])['note'], $run)), implode(' | ', $cols));
    }
    return $out;
}

$opt = options();
if (isset($opt['render'])) {
    $all = json_decode(file_get_contents($opt['render']), true);
    $settings = array_values(array_unique(array_column($all, 'setting')));
    echo str_contains(implode(' ', array_column($all, 'note')), '=') ? scaling_table($all) : worst_table($all, $settings);
    exit(0);
}
if (isset($opt['child'])) {
    child($opt['child'], $opt['only'] === '' ? [] : explode(',', $opt['only']), isset($opt['scaling']),
        (int) ($opt['from'] ?? 0), max(1, (int) $opt['runs']));
    exit(0);
}
exit(parent($opt));
