<?php
// Shared harness for the benchmarks: which implementations are available, how each one spells an
// arithmetic step, timing (hrtime, rounds interleaved, median), memory probes and result output.
// Every workload script includes this file; run.php uses it to start one process per workload.
declare(strict_types=1);

const BENCH_SCALE = 10;
const BENCH_IMPLS = ['tokencalc', 'bcmath', 'brick', 'float', 'floor', 'ffi_cdef', 'ffi_cached'];
const BENCH_LABELS = [
    'tokencalc' => 'tokencalc',
    'bcmath' => 'bcmath (scale 10)',
    'brick' => 'brick/math',
    'float' => 'float (inexact)',
    'floor' => 'floor (substr)',
    'ffi_cdef' => 'FFI, cdef per call',
    'ffi_cached' => 'FFI, cached',
    'php_sodium' => 'PHP + ext/sodium',
];
// The legacy library's functions, as the backend declares them.
const LEGACY_DECL = <<<'C'
    char *add_decimal(const char *a, const char *b);
    char *subtract_decimal(const char *a, const char *b);
    char *multiply_decimal(const char *a, const char *b);
    char *divide_decimal(const char *a, const char *b);
    char *truncate_decimal(const char *a);
    void free_c_string(char *s);
    C;

/** Command-line options of the form --name or --name=value. */
function bench_options(): array
{
    $o = [];
    foreach (array_slice($_SERVER['argv'] ?? [], 1) as $arg) {
        if (preg_match('/^--([a-z-]+)(?:=(.*))?$/s', $arg, $m)) {
            $o[$m[1]] = $m[2] ?? true;
        }
    }
    return $o;
}

function bench_root(): string
{
    return dirname(__DIR__);
}

function bench_legacy_lib(): string
{
    return getenv('LEGACY_FFI_LIB') ?: bench_root() . '/legacy-ffi/target/release/liblegacy_decimal_ffi.so';
}

/** Where the tokencalc module is: --ext, $TOKENCALC_SO, or the file this process already mapped. */
function bench_tokencalc_so(array $opt): ?string
{
    $p = $opt['ext'] ?? getenv('TOKENCALC_SO');
    if (is_string($p) && $p !== '') {
        return $p;
    }
    if (extension_loaded('tokencalc') && is_readable('/proc/self/maps')) {
        foreach (file('/proc/self/maps', FILE_IGNORE_NEW_LINES) as $line) {
            if (preg_match('~\s(/\S*tokencalc\.so)$~', $line, $m)) {
                return $m[1];
            }
        }
    }
    return null;
}

/**
 * The PHP command that runs a workload: no php.ini (nothing else loaded, no opcache), and exactly
 * the modules the benchmarks use, each only where it is a shared module of this PHP.
 */
function bench_php_command(array $opt, array $extra = []): array
{
    $cmd = array_merge([PHP_BINARY, '-n', '-d', 'memory_limit=-1', '-d', 'ffi.enable=1', '-d', 'display_errors=stderr'],
        $extra);
    $dir = ini_get('extension_dir') ?: '';
    foreach (['bcmath', 'gmp', 'ffi', 'sodium'] as $m) {
        if (is_file("$dir/$m.so")) {
            array_push($cmd, '-d', "extension=$m");
        }
    }
    $so = bench_tokencalc_so($opt);
    if ($so !== null) {
        array_push($cmd, '-d', "extension=$so");
    }
    return $cmd;
}

/**
 * The flags that turn opcache on for the CLI as production has it, with the JIT off ('off') or in
 * opcache.jit mode $jit ('tracing'), or null when this PHP has no opcache (the module is looked for
 * in extension_dir, or at $TOKENCALC_OPCACHE_SO; PHP 8.5+ has it built in).
 */
function bench_opcache_flags(string $jit): ?array
{
    $flags = ['-d', 'opcache.enable=1', '-d', 'opcache.enable_cli=1', '-d', 'opcache.jit_buffer_size=64M',
        '-d', 'opcache.jit=' . ($jit === 'off' ? 'disable' : $jit)];
    // The children run with -n: a shared opcache must be named even when this process has it loaded.
    $so = getenv('TOKENCALC_OPCACHE_SO') ?: (ini_get('extension_dir') ?: '') . '/opcache.so';
    if (is_file($so)) {
        return array_merge(['-d', "zend_extension=$so"], $flags);
    }
    return extension_loaded('Zend OPcache') ? $flags : null;
}

/**
 * Run directly (not by run.php), a workload script starts itself again under bench_php_command()
 * when a module it could use is missing here, so `php benchmarks/mint.php` works as is.
 */
function bench_bootstrap(array $opt): void
{
    ini_set('memory_limit', '-1');
    if (getenv('TOKENCALC_BENCH_CHILD') === '1') {
        return;
    }
    $missing = !extension_loaded('bcmath') || !extension_loaded('ffi')
        || (!extension_loaded('tokencalc') && bench_tokencalc_so($opt) !== null);
    if (!$missing) {
        return;
    }
    $cmd = array_merge(bench_php_command($opt), $_SERVER['argv']);
    putenv('TOKENCALC_BENCH_CHILD=1');
    $p = proc_open($cmd, [STDIN, STDOUT, STDERR], $pipes);
    exit($p === false ? 2 : proc_close($p));
}

/**
 * Which implementations can run here: [impl => null when available, or the reason it is not].
 * $functions lists the tokencalc functions the workload needs.
 */
function bench_available(array $functions): array
{
    $why = array_fill_keys(BENCH_IMPLS, null);
    if (!extension_loaded('tokencalc')) {
        $why['tokencalc'] = 'not available: the tokencalc extension is not loaded (--ext=PATH or TOKENCALC_SO)';
    } else {
        foreach ($functions as $f) {
            if (!function_exists($f)) {
                $why['tokencalc'] = "not available: $f() does not exist in this build";
                break;
            }
        }
    }
    if (!extension_loaded('bcmath')) {
        $why['bcmath'] = 'not available: bcmath is not loaded';
    }
    if (!class_exists(\Brick\Math\BigDecimal::class)) {
        foreach (['/usr/share/php/Brick/Math/autoload.php', bench_root() . '/../vendor/autoload.php'] as $a) {
            if (is_file($a)) {
                require_once $a;
                break;
            }
        }
        if (!class_exists(\Brick\Math\BigDecimal::class)) {
            $why['brick'] = 'not available: brick/math not found (apt-get install php-brick-math)';
        }
    }
    $ffi = null;
    if (!extension_loaded('ffi')) {
        $ffi = 'not available: the FFI extension is not loaded';
    } elseif (!in_array(strtolower((string) ini_get('ffi.enable')), ['1', 'on', 'true', 'yes', 'preload'], true)) {
        $ffi = 'not available: ffi.enable is off';
    } elseif (!is_file(bench_legacy_lib())) {
        $ffi = 'not available: legacy FFI library not built (benchmarks/legacy-ffi/build.sh needs cargo)';
    }
    $why['ffi_cdef'] = $why['ffi_cached'] = $ffi;
    // run.php --impls=tokencalc,bcmath: the others are left out (a before/after comparison in minutes).
    $only = getenv('TOKENCALC_BENCH_IMPLS');
    foreach ($only ? array_diff(array_keys($why), explode(',', $only)) : [] as $impl) {
        $why[$impl] ??= 'not selected (--impls)';
    }
    return $why;
}

/**
 * How each implementation spells one step of decimal arithmetic on strings, at scale 10.
 * %1$s and %2$s are the operands (plain variables or literals).
 */
function bench_patterns(string $impl): array
{
    $bd = '\Brick\Math\BigDecimal';
    $down = '\Brick\Math\RoundingMode::DOWN';
    $s = BENCH_SCALE;
    return match ($impl) {
        'tokencalc' => [
            'ADD' => 'tokencalc_add(%1$s, %2$s)', 'SUB' => 'tokencalc_sub(%1$s, %2$s)',
            'MUL' => 'tokencalc_mul(%1$s, %2$s)', 'DIV' => 'tokencalc_div(%1$s, %2$s)',
            'TRUNC' => 'tokencalc_truncate(%1$s)', 'POS' => 'tokencalc_cmp(%1$s, 0) > 0',
        ],
        'bcmath' => [
            'ADD' => "bcadd(%1\$s, %2\$s, $s)", 'SUB' => "bcsub(%1\$s, %2\$s, $s)",
            'MUL' => "bcmul(%1\$s, %2\$s, $s)", 'DIV' => "bcdiv(%1\$s, %2\$s, $s)",
            'TRUNC' => "bcadd(%1\$s, '0', $s)", 'POS' => "bccomp(%1\$s, '0', $s) > 0",
        ],
        'brick' => [
            'ADD' => "(string) $bd::of(%1\$s)->plus(%2\$s)", 'SUB' => "(string) $bd::of(%1\$s)->minus(%2\$s)",
            'MUL' => "(string) $bd::of(%1\$s)->multipliedBy(%2\$s)->toScale($s, $down)",
            'DIV' => "(string) $bd::of(%1\$s)->dividedBy(%2\$s, $s, $down)",
            'TRUNC' => "(string) $bd::of(%1\$s)->toScale($s, $down)", 'POS' => "$bd::of(%1\$s)->isPositive()",
        ],
        'float' => [
            'ADD' => '(string) ((float) %1$s + (float) %2$s)', 'SUB' => '(string) ((float) %1$s - (float) %2$s)',
            'MUL' => '(string) ((float) %1$s * (float) %2$s)', 'DIV' => '(string) ((float) %1$s / (float) %2$s)',
            'TRUNC' => '(string) (float) %1$s', 'POS' => '(float) %1$s > 0',
        ],
        // One trivial internal call that allocates a short string: the least any call can cost.
        'floor' => [
            'ADD' => 'substr(%1$s, 1)', 'SUB' => 'substr(%1$s, 1)', 'MUL' => 'substr(%1$s, 1)',
            'DIV' => 'substr(%1$s, 1)', 'TRUNC' => 'substr(%1$s, 1)', 'POS' => "substr(%1\$s, 0, 1) !== '-'",
        ],
        // As the backend does today: a wrapper that runs FFI::cdef() on every call and never frees.
        'ffi_cdef' => [
            'ADD' => '__legacy_cdef_add(%1$s, %2$s)', 'SUB' => '__legacy_cdef_sub(%1$s, %2$s)',
            'MUL' => '__legacy_cdef_mul(%1$s, %2$s)', 'DIV' => '__legacy_cdef_div(%1$s, %2$s)',
            'TRUNC' => '__legacy_cdef_trunc(%1$s)', 'POS' => '(float) %1$s > 0',
        ],
        // The same library through one FFI object made once per round (still never freeing).
        'ffi_cached' => [
            'ADD' => 'FFI::string($__ffi->add_decimal(%1$s, %2$s))',
            'SUB' => 'FFI::string($__ffi->subtract_decimal(%1$s, %2$s))',
            'MUL' => 'FFI::string($__ffi->multiply_decimal(%1$s, %2$s))',
            'DIV' => 'FFI::string($__ffi->divide_decimal(%1$s, %2$s))',
            'TRUNC' => 'FFI::string($__ffi->truncate_decimal(%1$s))', 'POS' => '(float) %1$s > 0',
        ],
    };
}

/** Defines the backend-style wrappers the ffi_cdef patterns call (once per process). */
function bench_define_legacy_wrappers(): void
{
    if (function_exists('__legacy_cdef_add')) {
        return;
    }
    $lib = var_export(bench_legacy_lib(), true);
    $code = '';
    $ops = ['add' => 'add_decimal', 'sub' => 'subtract_decimal', 'mul' => 'multiply_decimal',
        'div' => 'divide_decimal'];
    foreach ($ops as $op => $c) {
        // The FFI object must outlive the call: FFI::cdef(...)->f() on a temporary crashes PHP 8.2.
        $code .= "function __legacy_cdef_$op(string \$a, string \$b): string {
            \$ffi = FFI::cdef(LEGACY_DECL, $lib);
            return FFI::string(\$ffi->$c(\$a, \$b));
        }\n";
    }
    $code .= "function __legacy_cdef_trunc(string \$a): string {
        \$ffi = FFI::cdef(LEGACY_DECL, $lib);
        return FFI::string(\$ffi->truncate_decimal(\$a));
    }\n";
    eval($code);
}

/** Rewrites ADD(x, y), SUB, MUL, DIV, TRUNC(x), POS(x) in $template into $impl's spelling. */
function bench_expand(string $template, string $impl): string
{
    $p = bench_patterns($impl);
    $arg = "(\\$[\\w\\[\\]\\$]+(?:\\s*\\?\\?\\s*'[^']*')?|'[^']*'|\\d+)";
    $out = preg_replace_callback("/\\b(ADD|SUB|MUL|DIV)\\(\\s*$arg\\s*,\\s*$arg\\s*\\)/",
        fn($m) => '(' . sprintf($p[$m[1]], bench_arg($m[2]), bench_arg($m[3])) . ')', $template);
    return preg_replace_callback("/\\b(TRUNC|POS)\\(\\s*$arg\\s*\\)/",
        fn($m) => '(' . sprintf($p[$m[1]], bench_arg($m[2])) . ')', $out);
}

/** An operand as it goes into a pattern: parenthesised unless it is a plain variable or literal. */
function bench_arg(string $a): string
{
    return preg_match('/^(\$\w+|\'[^\']*\'|\d+)$/', $a) ? $a : "($a)";
}

/**
 * Compiles a timed loop: function (int $n): array{0: int ns, 1: mixed last result}.
 * $setup runs before the clock starts, $body once per iteration; $vars are bound by value.
 */
function bench_loop(string $body, array $vars, string $setup = ''): Closure
{
    $use = $vars ? 'use ($' . implode(', $', array_keys($vars)) . ')' : '';
    $code = "return function (int \$__n) $use {
        \$__r = null;
        $setup
        \$__t = hrtime(true);
        for (\$__i = 0; \$__i < \$__n; ++\$__i) { $body }
        \$__t = hrtime(true) - \$__t;
        return [\$__t, \$__r];
    };";
    extract($vars);
    return eval($code);
}

/**
 * Runs a compiled loop once and returns its result, or null after recording in $row why the
 * implementation cannot run (a function that exists but throws, e.g. not implemented yet).
 */
function bench_first(Closure $loop, array &$row): mixed
{
    try {
        return $loop(1)[1];
    } catch (Throwable $e) {
        $row = ['skipped' => 'not available: ' . $e::class . ': ' . $e->getMessage()];
        return null;
    }
}

/** Setup code an implementation needs before its loop starts. */
function bench_setup(string $impl): string
{
    if ($impl === 'ffi_cached') {
        return '$__ffi = FFI::cdef(LEGACY_DECL, ' . var_export(bench_legacy_lib(), true) . ');';
    }
    if ($impl === 'ffi_cdef') {
        bench_define_legacy_wrappers();
    }
    return '';
}

function bench_median(array $v): float
{
    sort($v);
    $n = count($v);
    return $n % 2 ? (float) $v[intdiv($n, 2)] : ($v[$n / 2 - 1] + $v[$n / 2]) / 2;
}

/**
 * Times loops against each other in one process. $loops: [name => Closure from bench_loop()].
 * Each loop's iteration count is calibrated so that one round lasts about $round_ms; the rounds
 * are interleaved (every loop once per round) so that drift hits all of them alike. Returns
 * [name => ['ns' => median ns per iteration, 'n' => iterations per round, 'rounds' => [...]]].
 */
function bench_compare(array $loops, int $rounds, float $round_ms): array
{
    $n = [];
    foreach ($loops as $name => $f) {
        $k = 1;
        do {
            [$t] = $f($k);
            $k *= 4;
        } while ($t < 5e6 && $k < 1 << 26);
        $k = intdiv($k, 4);
        $n[$name] = max(1, (int) ($k * $round_ms * 1e6 / max($t, 1)));
    }
    $per = array_fill_keys(array_keys($loops), []);
    for ($r = 0; $r < $rounds; $r++) {
        foreach ($loops as $name => $f) {
            [$t] = $f($n[$name]);
            $per[$name][] = $t / $n[$name];
        }
    }
    $out = [];
    foreach ($per as $name => $v) {
        $out[$name] = ['ns' => bench_median($v), 'n' => $n[$name], 'rounds' => array_map(fn($x) => round($x, 2), $v)];
    }
    return $out;
}

/** Resident memory of this process in bytes (VmRSS), or null off Linux. */
function bench_rss(): ?int
{
    $s = @file_get_contents('/proc/self/status');
    return $s !== false && preg_match('/^VmRSS:\s+(\d+) kB/m', $s, $m) ? (int) $m[1] * 1024 : null;
}

/** Compares two decimal strings by value (trailing zeros do not matter); floats only roughly. */
function bench_same(string $a, string $b, bool $inexact = false): bool
{
    if ($inexact) {
        return abs((float) $a - (float) $b) <= 1e-6 * max(1.0, abs((float) $b));
    }
    $norm = function (string $s): string {
        $s = ltrim($s, '+');
        $neg = $s !== '' && $s[0] === '-';
        $s = ltrim($neg ? substr($s, 1) : $s, '0');
        if (str_contains($s, '.')) {
            $s = rtrim(rtrim($s, '0'), '.');
        }
        $s = $s === '' || $s[0] === '.' ? '0' . $s : $s;
        return $neg && $s !== '0' ? "-$s" : $s;
    };
    return $norm($a) === $norm($b);
}

function bench_format_ns(?float $ns): string
{
    if ($ns === null) {
        return '—';
    }
    return match (true) {
        $ns >= 1e9 => sprintf('%.2f s', $ns / 1e9),
        $ns >= 1e6 => sprintf('%.1f ms', $ns / 1e6),
        $ns >= 1e4 => sprintf('%.1f µs', $ns / 1e3),
        $ns >= 1e3 => sprintf('%.2f µs', $ns / 1e3),
        default => sprintf('%.1f ns', $ns),
    };
}

function bench_format_bytes(int|float $b): string
{
    $a = abs($b);
    return match (true) {
        $a >= 1 << 20 => sprintf('%.1f MiB', $b / (1 << 20)),
        $a >= 1 << 10 => sprintf('%.1f KiB', $b / (1 << 10)),
        default => sprintf('%d B', $b),
    };
}

/**
 * Prints one workload result as text. A result is
 * ['workload', 'title', 'unit', 'rows' => [impl => ['ns'] | ['skipped' => why]], 'notes', 'checks', 'memory'].
 */
function bench_print(array $res): void
{
    echo "\n== {$res['title']} ==\n";
    $base = $res['rows']['tokencalc']['ns'] ?? null;
    foreach ($res['rows'] as $impl => $row) {
        $label = str_pad(BENCH_LABELS[$impl] ?? $impl, 22);
        if (isset($row['skipped'])) {
            echo "  $label {$row['skipped']}\n";
            continue;
        }
        $ratio = $base ? sprintf('%8.2fx', $row['ns'] / $base) : '';
        $mark = ($row['approx'] ?? false) ? ' ~' : '';
        printf("  %s %12s%s %s%s\n", $label, bench_format_ns($row['ns']), '/' . ($res['unit'] ?? 'op'), $ratio,
            $mark . (isset($row['note']) ? "  ({$row['note']})" : ''));
    }
    foreach ($res['memory'] ?? [] as $m) {
        printf("  memory: %s\n", $m['text']);
    }
    foreach ($res['notes'] ?? [] as $n) {
        echo "  note: $n\n";
    }
    foreach ($res['checks'] ?? [] as $c) {
        printf("  %s %s%s\n", $c['ok'] === null ? '[ -- ]' : ($c['ok'] ? '[ ok ]' : (($c['gate'] ?? false) ? '[FAIL]' : '[miss]')), $c['name'],
            isset($c['detail']) ? ": {$c['detail']}" : '');
    }
}

/** Ends a workload script: JSON for run.php, a table for a person. */
function bench_emit(array $res, array $opt): void
{
    if (isset($opt['json'])) {
        echo json_encode($res, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
    } else {
        bench_print($res);
    }
}

/** A target check: ok is null when it could not be measured. */
function bench_check(string $name, ?bool $ok, string $detail): array
{
    return ['name' => $name, 'ok' => $ok, 'detail' => $detail];
}

/** ns of $impl over ns of tokencalc in $rows, or null when either is missing. */
function bench_ratio(array $rows, string $impl, string $over = 'tokencalc'): ?float
{
    $a = $rows[$impl]['ns'] ?? null;
    $b = $rows[$over]['ns'] ?? null;
    return $a !== null && $b ? $a / $b : null;
}

/**
 * Resident-memory growth over $calls iterations of $loop after $warm iterations of warm-up:
 * ['calls', 'rss_before', 'rss_after', 'growth', 'per_call', 'heap_growth'] (bytes).
 */
function bench_rss_growth(Closure $loop, int $warm, int $calls): array
{
    $loop($warm);
    gc_collect_cycles();
    $rss = bench_rss();
    $heap = memory_get_usage();
    $loop($calls);
    gc_collect_cycles();
    $after = bench_rss();
    $growth = $rss === null ? null : $after - $rss;
    return ['calls' => $calls, 'rss_before' => $rss, 'rss_after' => $after, 'growth' => $growth,
        'per_call' => $growth === null ? null : $growth / $calls, 'heap_growth' => memory_get_usage() - $heap];
}

/** The regression gate of --quick: tokencalc must not be slower than bcmath (or PHP) on a workload. */
function bench_gate(array $rows, string $against, string $what): array
{
    $r = bench_ratio($rows, $against);
    // Under load a median can flip; fail only when the best rounds agree that tokencalc is slower.
    $best = isset($rows[$against]['rounds'], $rows['tokencalc']['rounds'])
        ? min($rows[$against]['rounds']) / max(1e-9, min($rows['tokencalc']['rounds'])) : $r;
    if ($r !== null && $r < 1.0 && $best >= 1.0) {
        return bench_check("$what: tokencalc not slower than " . (BENCH_LABELS[$against] ?? $against), true,
            sprintf('median %.2fx but best rounds %.2fx: noise', $r, $best)) + ['gate' => true];
    }
    if ($r === null) {
        return bench_check("$what: tokencalc not slower than " . (BENCH_LABELS[$against] ?? $against), null,
            'not measured') + ['gate' => true];
    }
    return bench_check("$what: tokencalc not slower than " . (BENCH_LABELS[$against] ?? $against), $r >= 1.0,
        sprintf('%s is %.2fx tokencalc', BENCH_LABELS[$against] ?? $against, $r)) + ['gate' => true];
}
