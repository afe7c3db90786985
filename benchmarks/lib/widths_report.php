<?php
// The width sweep's results: runs (one per PHP version and JIT mode, possibly measured on different
// roots) merged into one JSON file, rendered as Markdown (ratio tables with issue 12's targets, every
// figure in ns) and an SVG chart of the ratios, drawn here without any external tool.
declare(strict_types=1);

const WIDTHS_OP_COLORS = ['add' => '#1b7f3b', 'sub' => '#7fb800', 'mul' => '#2f5fb3', 'div' => '#8a4fbf',
    'truncate' => '#e67e22', 'cmp' => '#c0392b'];

/** The key a run replaces an earlier run by: PHP major.minor and the engine mode. */
function widths_run_key(array $run): string
{
    $e = $run['engine'];
    return implode('.', array_slice(explode('.', $e['php']), 0, 2)) . '/'
        . ($e['opcache'] ? 'jit-' . $e['jit'] : 'no-opcache');
}

/**
 * Runs in reading order: PHP 8.4 (the backend's runtime) first, then the newest PHP first; the tracing
 * JIT before JIT off before no opcache.
 */
function widths_sort_runs(array $runs): array
{
    $rank = function (array $r): array {
        [$major, $minor] = array_map('intval', explode('.', $r['engine']['php']));
        return [$major * 100 + $minor === 804 ? 0 : 1, -($major * 100 + $minor),
            $r['engine']['opcache'] ? ($r['engine']['jit'] === 'off' ? 1 : 0) : 2];
    };
    usort($runs, fn($x, $y) => $rank($x) <=> $rank($y));
    return $runs;
}

/** Merges $new runs into the document at $file (same key: replaced) and returns the document. */
function widths_merge(string $file, array $new, array $meta): array
{
    $doc = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
    $runs = [];
    foreach (is_array($doc) ? $doc['runs'] ?? [] : [] as $r) {
        $runs[widths_run_key($r)] = $r;
    }
    foreach ($new as $r) {
        $runs[widths_run_key($r)] = $r + $meta;
    }
    return ['about' => 'issue 12 width sweep: benchmarks/widths.php through benchmarks/run.php',
        'runs' => widths_sort_runs(array_values($runs))];
}

function widths_write(array $doc, string $dir, string $base): void
{
    if (!is_dir($dir) && !mkdir($dir, 0777, true)) {
        throw new RuntimeException("cannot create $dir");
    }
    // One line per cell: pretty-printed, the rounds of four runs would take 2.7 MB (mostly indentation).
    $flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;
    $cells = [];
    $out = $doc;
    foreach ($doc['runs'] as $i => $run) {
        foreach ($run['cells'] as $j => $cell) {
            $out['runs'][$i]['cells'][$j] = "\0cell" . count($cells);
            $cells[] = json_encode($cell, $flags);
        }
    }
    $json = preg_replace_callback('/"\\\\u0000cell(\d+)"/', fn($m) => $cells[(int) $m[1]],
        json_encode($out, $flags | JSON_PRETTY_PRINT));
    file_put_contents("$dir/$base.json", $json . "\n");
    // Beside a baseline (widths-baseline.json in the same folder), the report shows the change from it.
    $before = $base !== 'widths-baseline' && is_file("$dir/widths-baseline.json")
        ? json_decode((string) file_get_contents("$dir/widths-baseline.json"), true) : null;
    file_put_contents("$dir/$base.md", widths_report_markdown($doc, $base, $before));
    file_put_contents("$dir/$base.svg", widths_report_svg($doc['runs']));
}

/** A ratio as the tables print it: two decimals, three significant digits above 10. */
function widths_fmt_ratio(?float $r): string
{
    return $r === null ? '—' : ($r >= 10 ? sprintf('%.1f', $r) : sprintf('%.2f', $r));
}

/** The engine part of a row label: "8.4.27 tracing JIT". */
function widths_engine_short(array $e): string
{
    return $e['php'] . ($e['opcache'] ? ($e['jit'] === 'off' ? ' JIT off' : " {$e['jit']} JIT") : ' no opcache');
}

/** The sweep's widths and operations as measured in a run, in order. */
function widths_axes(array $run): array
{
    $ws = $ops = [];
    foreach ($run['cells'] as $c) {
        if ($c['w'] !== null) {
            $ws[$c['w']] = true;
            $ops[$c['op']] = true;
        }
    }
    $w = array_keys($ws);
    sort($w);
    return [$w, array_keys($ops)];
}

/** The ratio tables of runs (bcmath / tokencalc per cell, each marked against its target). */
function widths_report_tables(array $runs): string
{
    $md = '';
    foreach ($runs as $run) {
        [$ws, $ops] = widths_axes($run);
        $grid = [];
        foreach ($run['cells'] as $c) {
            if ($c['w'] !== null) {
                $grid[$c['op']][$c['w']] = $c;
            }
        }
        $md .= "\n### {$run['engine']['label']}\n\n";
        $md .= 'bcmath time / tokencalc time (above 1: tokencalc is faster). ✓ meets issue 12\'s target for the cell, '
            . "✗ misses it (the target follows the mark); **bold**: tokencalc is slower than bcmath, which the gate fails.\n\n";
        $md .= '| PHP | op \\ w | ' . implode(' | ', $ws) . " |\n|---|---|" . str_repeat('---:|', count($ws)) . "\n";
        foreach ($ops as $op) {
            $cells = [];
            foreach ($ws as $w) {
                $c = $grid[$op][$w] ?? null;
                $r = $c['ratio'] ?? null;
                if ($c === null || $r === null) {
                    $cells[] = $c === null ? '' : '—';
                    continue;
                }
                $txt = widths_fmt_ratio($r);
                $cells[] = ($r < 1 ? "**$txt**" : $txt) . ($r >= $c['target'] ? ' ✓' : ' ✗' . $c['target']);
            }
            $label = $op === 'truncate' ? 'truncate (vs `bcadd($a,\'0\',10)`)' : ($op === 'cmp' ? 'cmp (vs `bccomp`)' : $op);
            $md .= '| ' . widths_engine_short($run['engine']) . " | $label | " . implode(' | ', $cells) . " |\n";
        }
        $met = $all = $slower = 0;
        foreach ($run['cells'] as $c) {
            if ($c['w'] !== null && $c['ratio'] !== null) {
                $all++;
                $met += $c['ratio'] >= $c['target'] ? 1 : 0;
                $slower += $c['ratio'] < 1 ? 1 : 0;
            }
        }
        $md .= "\nTargets met in $met of $all cells; tokencalc slower than bcmath (median) in $slower.\n";
        $f = $run['floor'] ?? null;
        if ($f !== null && $f['multiple'] !== null) {
            $md .= sprintf("\nFloor: `tokencalc_add(\"%s\", \"%s\")` takes %s, `substr()` on the same string %s, both net of "
                . "the loop: **%.2fx the floor**%s.\n", $f['a'], $f['b'], bench_format_ns($f['tokencalc_ns']),
                bench_format_ns($f['floor_ns']), $f['multiple'], $f['target'] === null ? ' (no target on this version)'
                : ($f['multiple'] <= $f['target'] ? " (target ≤ {$f['target']}x: met)" : " (target ≤ {$f['target']}x: missed)"));
        }
        $special = array_filter($run['cells'], fn($c) => $c['w'] === null);
        if ($special) {
            $md .= "\n| PHP | case | a | b | tokencalc | bcmath | BcMath\\Number | brick/math | bcmath / tokencalc |\n"
                . "|---|---|---|---|---:|---:|---:|---:|---:|\n";
            foreach ($special as $c) {
                $md .= '| ' . widths_engine_short($run['engine']) . " | {$c['name']} | `{$c['a']}` | `{$c['b']}` | "
                    . widths_ns_cells($c) . ' | ' . widths_fmt_ratio($c['ratio']) . " |\n";
            }
        }
    }
    return $md;
}

/** tokencalc, bcmath, Number and brick ns of a cell as table cells. */
function widths_ns_cells(array $c): string
{
    $out = [];
    foreach (['tokencalc', 'bcmath', 'number', 'brick'] as $i) {
        $out[] = isset($c['rows'][$i]['ns']) ? bench_format_ns($c['rows'][$i]['ns']) : '—';
    }
    return implode(' | ', $out);
}

function widths_report_markdown(array $doc, string $base, ?array $before = null): string
{
    $runs = $doc['runs'];
    $md = "# tokencalc width sweep (issue 12)\n\n";
    $md .= "Written by `benchmarks/run.sh --only=widths` (`benchmarks/widths.php`; in a Debian root made by "
        . "`scripts/test-root.sh`: `benchmarks/run-in-root.sh --only=widths [--php=8.5]`, which merges its runs into the "
        . "same files; the gate: `benchmarks/run.sh --quick --only=widths --ext=PATH`). One PHP process per PHP version and "
        . "engine mode; inside it, for each cell, tokencalc, the bcmath functions at scale 10, `BcMath\\Number` (PHP 8.4+, "
        . "made from the string on each call and cast back, `->round(10, RoundingMode::TowardsZero)` for truncate) and "
        . "brick/math (up to 78 digits) ran side by side in interleaved rounds, called directly; each figure is the "
        . "median, net of the empty loop. The loops are required from a file, so opcache caches them and the tracing "
        . "JIT compiles them as it would production code; the engine mode on each row was read back from "
        . "`opcache_get_status()`, not assumed from the flags.\n\n";
    $md .= "Operand `a` has `w` digits, min(18, w/2) of them decimals; `b` has round(2w/3) digits, min(18, half) of "
        . "them decimals; digits from a seeded Mt19937, so every machine measures the same operands (`widths.json` holds "
        . "their ends). cmp is `bccomp(\$a, \$b, 10)`; truncate is `bcadd(\$a, '0', 10)`.\n\n";
    $md .= "Issue 12's targets (bcmath time / tokencalc time), PHP 8.4: w ≤ 19: ≥ 2x; 20–38: ≥ 2x (add, sub, truncate, "
        . "cmp), ≥ 1.5x (mul, div); 39–78: ≥ 1.5x, ≥ 1.2x; above: ≥ 1x. PHP 8.2: ≥ 2.5x at w ≤ 19, ≥ 2x up to 78, ≥ 1x "
        . "above. The targets are reported here; `benchmarks/run.sh --quick` gates only ≥ 1x (never slower).\n\n";
    $md .= "## Runs\n\n| PHP | engine | machine | load at start | rounds | when | command |\n|---|---|---|---|---|---|---|\n";
    foreach ($runs as $r) {
        $m = $r['machine'] ?? [];
        $md .= sprintf("| %s | %s | %s | %s | %d × %.0f ms | %s | `%s` |\n", $r['engine']['php'],
            ($r['engine']['opcache'] ? ($r['engine']['jit'] === 'off' ? 'opcache on, JIT off' : "opcache on, {$r['engine']['jit']} JIT")
                : 'no opcache') . (($r['engine']['nice'] ?? 0) ? ", nice {$r['engine']['nice']}" : ''),
            ($m['cpu'] ?? '?') . (isset($m['cpus']) ? " ({$m['cpus']} CPUs)" : '') . (isset($r['tokencalc_commit'])
                ? ", tokencalc {$r['tokencalc_commit']}" : ''),
            $r['machine_load'] ?? '?', $r['rounds'], $r['round_ms'], $m['date'] ?? '?', $r['command'] ?? '?');
    }
    $md .= "\n## Ratios\n" . widths_report_tables($runs);
    if ($before !== null) {
        $md .= widths_report_change($runs, $before['runs'] ?? []);
    }
    $md .= "\n## Every figure (ns per call, net of the empty loop)\n\n"
        . "| PHP | op | w | a digits | b digits | tokencalc | bcmath | BcMath\\Number | brick/math | bcmath / tokencalc | target |\n"
        . "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    foreach ($runs as $r) {
        foreach ($r['cells'] as $c) {
            if ($c['w'] === null) {
                continue;
            }
            $md .= sprintf("| %s | %s | %d | %d | %d | %s | %s | %s |\n", widths_engine_short($r['engine']), $c['op'], $c['w'],
                $c['a_digits'], $c['b_digits'], widths_ns_cells($c), widths_fmt_ratio($c['ratio']), $c['target'] . 'x');
        }
    }
    $notes = [];
    foreach ($runs as $r) {
        foreach ($r['notes'] ?? [] as $n) {
            $notes[] = widths_engine_short($r['engine']) . ": $n";
        }
        foreach ($r['cells'] as $c) {
            foreach ($c['notes'] as $n) {
                $notes[] = widths_engine_short($r['engine']) . ", {$c['name']}: $n";
            }
        }
    }
    if ($notes) {
        $md .= "\n## Notes\n\n- " . implode("\n- ", array_unique($notes)) . "\n";
    }
    $md .= "\nThe chart: `$base.svg` (ratios, log scale). The raw figures, with every round: `$base.json`.\n";
    return $md;
}

/** One panel per run: bcmath/tokencalc against the width (log scale), a line per operation. */
function widths_report_svg(array $runs): string
{
    [$pw, $ph, $left, $top, $gap] = [620, 220, 60, 46, 50];
    // 0.01x to 100x: what lies beyond (bcmath's quadratic division at 4000 digits) sits on the edge, labelled.
    [$lo, $hi] = [0.01, 100.0];
    $W = $left + $pw + 130;
    $H = $top + count($runs) * ($ph + $gap) + 10;
    $e = fn(string $s) => htmlspecialchars($s, ENT_XML1 | ENT_QUOTES);
    $svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$W\" height=\"$H\" font-family=\"sans-serif\" font-size=\"11\">\n"
        . "<rect width=\"$W\" height=\"$H\" fill=\"white\"/>\n"
        . "<text x=\"$left\" y=\"18\" font-size=\"13\" font-weight=\"bold\">bcmath time / tokencalc time by operand width "
        . "(log scale; above the red line tokencalc is faster)</text>\n";
    foreach (array_values($runs) as $k => $run) {
        [$ws, $ops] = widths_axes($run);
        if (!$ws) {
            continue;
        }
        $y0 = $top + $k * ($ph + $gap);
        $x = fn(int $i) => $left + ($pw * ($i + 0.5)) / count($ws);
        $y = fn(float $r) => round($y0 + $ph - $ph * (log10(min(max($r, $lo), $hi)) - log10($lo)) / (log10($hi) - log10($lo)), 1);
        $svg .= "<text x=\"$left\" y=\"" . ($y0 - 8) . "\" font-weight=\"bold\">" . $e($run['engine']['label']) . "</text>\n";
        $svg .= "<rect x=\"$left\" y=\"$y0\" width=\"$pw\" height=\"$ph\" fill=\"none\" stroke=\"#999\"/>\n";
        for ($d = (int) log10($lo); $d <= (int) log10($hi); $d++) {
            $ty = $y(10 ** $d);
            $svg .= "<line x1=\"$left\" y1=\"$ty\" x2=\"" . ($left + $pw) . "\" y2=\"$ty\" stroke=\"" . ($d === 0 ? '#c00' : '#ddd')
                . '"' . ($d === 0 ? ' stroke-width="1.5"' : '') . "/><text x=\"" . ($left - 6) . "\" y=\"" . ($ty + 4)
                . "\" text-anchor=\"end\" fill=\"#555\">" . $e((string) (10 ** $d)) . "x</text>\n";
        }
        foreach ($ws as $i => $w) {
            $svg .= "<text x=\"" . round($x($i), 1) . "\" y=\"" . ($y0 + $ph + 14) . "\" text-anchor=\"middle\" fill=\"#555\">$w</text>";
        }
        $svg .= "<text x=\"" . ($left + $pw / 2) . "\" y=\"" . ($y0 + $ph + 28) . "\" text-anchor=\"middle\" fill=\"#555\">digits (w)</text>\n";
        foreach ($ops as $op) {
            $pts = [];
            foreach ($run['cells'] as $c) {
                if ($c['op'] === $op && $c['w'] !== null && ($c['ratio'] ?? 0) > 0) {
                    $pts[] = round($x(array_search($c['w'], $ws, true)), 1) . ',' . $y($c['ratio']);
                    if ($c['ratio'] > $hi || $c['ratio'] < $lo) {
                        $svg .= '<text x="' . round($x(array_search($c['w'], $ws, true)) + 4, 1) . '" y="'
                            . ($c['ratio'] > $hi ? $y0 + 10 + 9 * array_search($op, $ops, true) : $y($c['ratio']) - 4)
                            . '" font-size="9" fill="'
                            . (WIDTHS_OP_COLORS[$op] ?? '#999') . "\">$op " . widths_fmt_ratio($c['ratio']) . "x</text>\n";
                    }
                }
            }
            $col = WIDTHS_OP_COLORS[$op] ?? '#999';
            $svg .= "<polyline fill=\"none\" stroke=\"$col\" stroke-width=\"1.6\" points=\"" . implode(' ', $pts) . "\"/>";
            foreach ($pts as $p) {
                [$px, $py] = explode(',', $p);
                $svg .= "<circle cx=\"$px\" cy=\"$py\" r=\"2.2\" fill=\"$col\"/>";
            }
            $svg .= "\n";
        }
        foreach ($ops as $j => $op) {
            $ly = $y0 + 10 + 16 * $j;
            $lx = $left + $pw + 14;
            $svg .= "<rect x=\"$lx\" y=\"$ly\" width=\"12\" height=\"3\" fill=\"" . (WIDTHS_OP_COLORS[$op] ?? '#999')
                . "\"/><text x=\"" . ($lx + 18) . "\" y=\"" . ($ly + 5) . "\">$op</text>\n";
        }
    }
    return $svg . "</svg>\n";
}

/** Per run that the baseline has too (same PHP minor and engine mode): its ratio then and now, per cell. */
function widths_report_change(array $runs, array $before_runs): string
{
    $then = [];
    foreach ($before_runs as $r) {
        $then[widths_run_key($r)] = $r;
    }
    $md = '';
    foreach ($runs as $run) {
        $old = $then[widths_run_key($run)] ?? null;
        if ($old === null) {
            continue;
        }
        $prev = [];
        foreach ($old['cells'] as $c) {
            $prev[$c['name']] = $c['ratio'];
        }
        [$ws, $ops] = widths_axes($run);
        $md .= "\n| PHP | op \\ w | " . implode(' | ', $ws) . " |\n|---|---|" . str_repeat('---:|', count($ws)) . "\n";
        foreach ($ops as $op) {
            $cells = [];
            foreach ($ws as $w) {
                $now = null;
                foreach ($run['cells'] as $c) {
                    if ($c['name'] === "$op w=$w") {
                        $now = $c['ratio'];
                    }
                }
                $cells[] = widths_fmt_ratio($prev["$op w=$w"] ?? null) . ' → ' . widths_fmt_ratio($now);
            }
            $md .= '| ' . widths_engine_short($run['engine']) . " | $op | " . implode(' | ', $cells) . " |\n";
        }
    }
    return $md === '' ? '' : "\n## Against the baseline (`widths-baseline.md`)\n\nbcmath time / tokencalc time in the "
        . "baseline → now, each measured side by side in its own run; the baseline's commit is in its Runs table.\n$md";
}
