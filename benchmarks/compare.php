<?php
// Compares two runs of benchmarks/run.php (their results*.json), workload by workload: tokencalc's
// time before and after, and its ratio to the reference measured beside it in the same process
// (bcmath, or PHP + sodium for receipts), which a change of machine load moves far less.
//   php benchmarks/compare.php BEFORE.json AFTER.json [--max-slowdown=PCT]
// Exits 1 when tokencalc got slower on a workload by more than PCT (default 10) percent in both
// its own time and its ratio to the reference; prints `N passed, N failed` last.
declare(strict_types=1);
require_once __DIR__ . '/lib/bench.php';

$opt = bench_options();
$files = array_values(array_filter(array_slice($argv, 1), fn($a) => !str_starts_with($a, '--')));
if (count($files) !== 2) {
    fwrite(STDERR, "usage: php benchmarks/compare.php BEFORE.json AFTER.json [--max-slowdown=PCT]\n");
    exit(2);
}
$runs = array_map(fn($f) => json_decode((string) file_get_contents($f), true), $files);
$max = (float) ($opt['max-slowdown'] ?? 10);

/** [workload => [tokencalc ns, reference impl, reference ns]] of a run. */
function compare_index(array $run): array
{
    $out = [];
    foreach ($run['workloads'] ?? [] as $w) {
        $tc = $w['rows']['tokencalc']['ns'] ?? null;
        if ($tc === null) {
            continue;
        }
        $ref = isset($w['rows']['bcmath']['ns']) ? 'bcmath' : (isset($w['rows']['php_sodium']['ns']) ? 'php_sodium' : null);
        $out[$w['workload']] = [$tc, $ref, $ref === null ? null : $w['rows'][$ref]['ns'], $w['title']];
    }
    return $out;
}

[$before, $after] = array_map('compare_index', $runs);
printf("before: %s, PHP %s, %s\nafter:  %s, PHP %s, %s\n\n", $files[0], $runs[0]['machine']['php'] ?? '?',
    $runs[0]['machine']['date'] ?? '?', $files[1], $runs[1]['machine']['php'] ?? '?', $runs[1]['machine']['date'] ?? '?');
printf("%-10s %12s %12s %8s %14s %14s %8s\n", 'workload', 'tokencalc', 'after', 'change', 'ref/tokencalc', 'after', 'change');
$passed = $failed = 0;
foreach ($before as $name => [$tc0, $ref, $ref0]) {
    if (!isset($after[$name])) {
        printf("%-10s not in the second run\n", $name);
        continue;
    }
    [$tc1, , $ref1] = $after[$name];
    $dt = ($tc1 / $tc0 - 1) * 100;
    $r0 = $ref0 === null ? null : $ref0 / $tc0;
    $r1 = $ref1 === null ? null : $ref1 / $tc1;
    $dr = $r0 === null || $r1 === null ? null : ($r1 / $r0 - 1) * 100;
    // Slower by both measures: a loaded machine inflates the times but leaves the ratio.
    $slower = $dt > $max && ($dr === null || $dr < -$max);
    $slower ? $failed++ : $passed++;
    printf("%-10s %12s %12s %+7.1f%% %14s %14s %8s %s\n", $name, bench_format_ns($tc0), bench_format_ns($tc1), $dt,
        $r0 === null ? '—' : sprintf('%.2fx', $r0), $r1 === null ? '—' : sprintf('%.2fx', $r1),
        $dr === null ? '' : sprintf('%+.1f%%', $dr), $slower ? "SLOWER by more than $max%" : '');
}
echo "\n(a ratio falling means tokencalc lost ground on the reference measured beside it)\n";
echo "$passed passed, $failed failed\n";
exit($failed ? 1 : 0);
