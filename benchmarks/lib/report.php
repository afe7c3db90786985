<?php
// Writes a full run's results: Markdown (with the machine), JSON, and an SVG chart of ns per
// operation on a log scale, drawn here without any external tool.
declare(strict_types=1);

const REPORT_COLORS = [
    'tokencalc' => '#1b7f3b', 'bcmath' => '#2f5fb3', 'brick' => '#8a4fbf', 'float' => '#b0b0b0',
    'floor' => '#444444', 'ffi_cdef' => '#c0392b', 'ffi_cached' => '#e67e22', 'php_sodium' => '#2f5fb3',
];

/** CPU model, core count, kernel, PHP and library versions of this machine. */
function report_machine(): array
{
    $cpu = 'unknown';
    $info = @file_get_contents('/proc/cpuinfo');
    if ($info !== false && preg_match('/^model name\s*:\s*(.+)$/m', $info, $m)) {
        $cpu = trim($m[1]);
    }
    $brick = trim((string) @shell_exec("dpkg-query -W -f='\${Version}' php-brick-math 2>/dev/null"));
    return [
        'cpu' => $cpu,
        'cpus' => (int) trim((string) @shell_exec('nproc 2>/dev/null')) ?: null,
        'kernel' => php_uname('r'),
        'php' => PHP_VERSION . (PHP_ZTS ? ' ZTS' : ' NTS'),
        'brick_math' => $brick ?: null,
        'rust_decimal' => basename((string) (glob('/usr/share/cargo/registry/rust_decimal-*')[0] ?? '')) ?: null,
        'date' => gmdate('Y-m-d H:i') . ' UTC',
        'loadavg' => implode(' ', array_slice(explode(' ', (string) @file_get_contents('/proc/loadavg')), 0, 3)),
    ];
}

function report_markdown(array $run, string $base = 'results'): string
{
    $m = $run['machine'];
    $md = "# tokencalc benchmarks\n\n";
    $md .= "Written by `php benchmarks/run.php` ({$run['mode']} run, {$m['date']}). Every workload ran in its own PHP "
        . "process (`php -n`, no opcache, only bcmath, gmp, ffi, sodium and tokencalc loaded); inside it the "
        . "implementations ran in interleaved rounds and each figure is the median. The ratio is how many times "
        . "longer than tokencalc an implementation takes. Single operations are net of the empty loop.\n\n";
    $md .= "**Machine:** {$m['cpu']}" . ($m['cpus'] ? " ({$m['cpus']} CPUs)" : '') . ", Linux {$m['kernel']}, "
        . "PHP {$m['php']}" . ($run['tokencalc_version'] ? ", tokencalc {$run['tokencalc_version']}" : '')
        . ($m['brick_math'] ? ", brick/math {$m['brick_math']}" : '')
        . ($m['rust_decimal'] ? ", legacy FFI library built on {$m['rust_decimal']}" : '') . ".\n"
        . "Load average when the run started: {$m['loadavg']}; at its end: {$run['loadavg_end']}. Where these "
        . "exceed the CPU count, other work shared the machine: absolute times are inflated, and the ratios, "
        . "measured side by side in one process, are the figures to read.\n\n";
    $impls = report_impls($run);
    $md .= '| workload | ' . implode(' | ', array_map(fn($i) => BENCH_LABELS[$i] ?? $i, $impls)) . " |\n";
    $md .= '|---|' . str_repeat('---:|', count($impls)) . "\n";
    foreach ($run['workloads'] as $w) {
        if (empty($w['rows'])) {
            continue;
        }
        $cells = [];
        foreach ($impls as $i) {
            $row = $w['rows'][$i] ?? null;
            if ($row === null || !isset($row['ns'])) {
                $cells[] = $row === null ? '' : 'n/a';
                continue;
            }
            $r = bench_ratio($w['rows'], $i);
            $cells[] = ($row['approx'] ?? false ? '~' : '') . bench_format_ns($row['ns'])
                . ($r !== null && $i !== 'tokencalc' ? sprintf(' (%sx)', $r >= 10 ? round($r) : round($r, 2)) : '');
        }
        $md .= "| {$w['title']} (per {$w['unit']}) | " . implode(' | ', $cells) . " |\n";
    }
    $md .= "\n`float` is there for scale only: it is inexact. `floor` replaces every step by one `substr()` call, the "
        . "least any internal call costs. `FFI, cdef per call` is how the backend calls the legacy library today "
        . "(a wrapper that runs `FFI::cdef()` for every operation, so the library is loaded and unloaded each time); "
        . "`FFI, cached` keeps one FFI object. Neither frees the returned C strings, as the backend never does. "
        . "`~` marks a figure scaled up from a smaller input (see the notes).\n";
    $md .= "\n## Memory\n\n";
    foreach ($run['workloads'] as $w) {
        foreach ($w['memory'] ?? [] as $x) {
            $md .= "- {$x['text']}\n";
        }
    }
    $md .= "\n## Targets\n\n";
    foreach ($run['workloads'] as $w) {
        foreach ($w['checks'] ?? [] as $c) {
            $md .= sprintf("- %s %s: %s\n", $c['ok'] === null ? '(not measured)' : ($c['ok'] ? '**met**' : '**missed**'),
                $c['name'], $c['detail']);
        }
    }
    $md .= "\n## Notes and skipped rows\n\n";
    foreach ($run['workloads'] as $w) {
        foreach ($w['notes'] ?? [] as $n) {
            $md .= "- {$w['workload']}: $n\n";
        }
        foreach ($w['rows'] as $i => $row) {
            if (isset($row['skipped'])) {
                $md .= "- {$w['workload']}, " . (BENCH_LABELS[$i] ?? $i) . ": {$row['skipped']}\n";
            }
        }
    }
    $md .= "\nThe chart: `$base.svg` (log scale). The raw figures, with every round: `$base.json`.\n";
    return $md;
}

/** The implementations that appear in any workload, in the order of BENCH_IMPLS. */
function report_impls(array $run): array
{
    $seen = [];
    foreach ($run['workloads'] as $w) {
        foreach ($w['rows'] as $i => $row) {
            $seen[$i] = true;
        }
    }
    return array_values(array_filter(array_merge(BENCH_IMPLS, ['php_sodium']), fn($i) => isset($seen[$i])));
}

function report_svg(array $run): string
{
    $impls = report_impls($run);
    $groups = [];
    $lo = INF;
    $hi = 0;
    foreach ($run['workloads'] as $w) {
        $bars = [];
        foreach ($impls as $i) {
            $ns = $w['rows'][$i]['ns'] ?? null;
            if ($ns !== null && $ns > 0) {
                $bars[$i] = $ns;
                $lo = min($lo, $ns);
                $hi = max($hi, $ns);
            }
        }
        if ($bars) {
            $groups[] = [$w['workload'] . ' (per ' . $w['unit'] . ')', $bars];
        }
    }
    if (!$groups) {
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no data</text></svg>';
    }
    $d0 = (int) floor(log10($lo));
    $d1 = (int) ceil(log10($hi));
    $d1 = max($d1, $d0 + 1);
    [$left, $width, $bar, $gap, $top] = [170, 640, 10, 14, 40];
    $x = fn(float $ns) => $left + $width * (log10($ns) - $d0) / ($d1 - $d0);
    $h = $top;
    foreach ($groups as [, $bars]) {
        $h += count($bars) * $bar + $gap;
    }
    $legend_w = 170;
    $W = $left + $width + $legend_w + 20;
    $H = max($h + 30, $top + 20 * count($impls) + 20);
    $e = fn(string $s) => htmlspecialchars($s, ENT_XML1 | ENT_QUOTES);
    $svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$W\" height=\"$H\" font-family=\"sans-serif\" font-size=\"11\">\n";
    $svg .= "<rect width=\"$W\" height=\"$H\" fill=\"white\"/>\n";
    $svg .= "<text x=\"$left\" y=\"16\" font-size=\"13\" font-weight=\"bold\">time per operation, log scale (shorter is faster)</text>\n";
    for ($d = $d0; $d <= $d1; $d++) {
        $tx = round($x(10 ** $d), 1);
        $svg .= "<line x1=\"$tx\" y1=\"" . ($top - 8) . "\" x2=\"$tx\" y2=\"$h\" stroke=\"#ddd\"/>";
        $svg .= "<text x=\"$tx\" y=\"" . ($top - 12) . "\" text-anchor=\"middle\" fill=\"#555\">" . $e(bench_format_ns(10 ** $d)) . "</text>\n";
    }
    $y = $top;
    foreach ($groups as [$name, $bars]) {
        $gy = $y + count($bars) * $bar / 2 + 4;
        $svg .= "<text x=\"" . ($left - 8) . "\" y=\"$gy\" text-anchor=\"end\">" . $e($name) . "</text>\n";
        foreach ($bars as $i => $ns) {
            $w = max(1.0, round($x($ns) - $left, 1));
            $svg .= "<rect x=\"$left\" y=\"$y\" width=\"$w\" height=\"" . ($bar - 1) . "\" fill=\"" . (REPORT_COLORS[$i] ?? '#999')
                . "\"><title>" . $e((BENCH_LABELS[$i] ?? $i) . ': ' . bench_format_ns($ns)) . "</title></rect>";
            $svg .= "<text x=\"" . ($left + $w + 3) . "\" y=\"" . ($y + $bar - 2) . "\" font-size=\"8\" fill=\"#333\">"
                . $e(bench_format_ns($ns)) . "</text>\n";
            $y += $bar;
        }
        $y += $gap;
    }
    $lx = $left + $width + 40;
    foreach ($impls as $k => $i) {
        $ly = $top + 20 * $k;
        $svg .= "<rect x=\"$lx\" y=\"$ly\" width=\"12\" height=\"12\" fill=\"" . (REPORT_COLORS[$i] ?? '#999') . "\"/>";
        $svg .= "<text x=\"" . ($lx + 18) . "\" y=\"" . ($ly + 10) . "\">" . $e(BENCH_LABELS[$i] ?? $i) . "</text>\n";
    }
    return $svg . "</svg>\n";
}

function report_write(array $run, string $dir, string $base = 'results'): void
{
    if (!is_dir($dir) && !mkdir($dir, 0777, true)) {
        throw new RuntimeException("cannot create $dir");
    }
    file_put_contents("$dir/$base.md", report_markdown($run, $base));
    file_put_contents("$dir/$base.json", json_encode($run, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");
    file_put_contents("$dir/$base.svg", report_svg($run));
}
