<?php
// Compares the rebuilt legacy FFI library with column 5 ("ref": what the real library printed) of the
// shared arithmetic vectors, over rows where the real library did not abort (ref != CRASH).
//   php -d extension=ffi -d ffi.enable=1 benchmarks/legacy-ffi/check-vectors.php [--rows=N] [--lib=PATH] [--vectors=PATH]
// Default: every 50th non-CRASH row (about 800). --rows=0 checks them all.
// Exact string agreement is reported, plus agreement by value where only trailing zeros differ.
declare(strict_types=1);

$opt = getopt('', ['rows:', 'lib:', 'vectors:', 'verbose']);
$here = __DIR__;
$lib = $opt['lib'] ?? "$here/target/release/liblegacy_decimal_ffi.so";
$vectors = $opt['vectors'] ?? "$here/../../../shared/vectors/arith.tsv";
$want = isset($opt['rows']) ? (int) $opt['rows'] : 800;

if (!extension_loaded('ffi')) {
    fwrite(STDERR, "FFI extension not loaded (-d extension=ffi -d ffi.enable=1)\n");
    exit(2);
}
if (!is_file($lib) || !is_file($vectors)) {
    fwrite(STDERR, "missing " . (is_file($lib) ? $vectors : $lib) . "\n");
    exit(2);
}

$ffi = FFI::cdef(<<<'C'
    char *add_decimal(const char *, const char *);
    char *subtract_decimal(const char *, const char *);
    char *multiply_decimal(const char *, const char *);
    char *divide_decimal(const char *, const char *);
    char *truncate_decimal(const char *);
    void free_c_string(char *);
    C, $lib);

$fn = ['add' => 'add_decimal', 'sub' => 'subtract_decimal', 'mul' => 'multiply_decimal', 'div' => 'divide_decimal'];

/** Strips trailing fractional zeros so that "7.0" and "7" compare equal. */
function by_value(string $s): string
{
    if (str_contains($s, '.')) {
        $s = rtrim(rtrim($s, '0'), '.');
    }
    return $s === '-0' ? '0' : $s;
}

$rows = [];
foreach (file($vectors, FILE_IGNORE_NEW_LINES) as $line) {
    $f = explode("\t", $line);
    if (count($f) === 5 && $f[4] !== 'CRASH') {
        $rows[] = $f;
    }
}
$step = $want > 0 ? max(1, intdiv(count($rows), $want)) : 1;

$n = $exact = $value = 0;
$mismatch = [];
for ($i = 0; $i < count($rows) && ($want === 0 || $n < $want); $i += $step) {
    [$op, $a, $b, , $ref] = $rows[$i];
    // The C strings end at the first NUL, as they did when PHP passed them to the real library.
    $p = $op === 'trunc' ? $ffi->truncate_decimal($a) : $ffi->{$fn[$op]}($a, $b);
    $got = FFI::string($p);
    $ffi->free_c_string($p);
    $n++;
    if ($got === $ref) {
        $exact++;
        $value++;
    } elseif (by_value($got) === by_value($ref)) {
        $value++;
    } else {
        $mismatch[] = "$op\t$a\t$b\tref=$ref\tgot=$got";
    }
}

printf("rows checked: %d (of %d non-CRASH rows)\n", $n, count($rows));
printf("exact string agreement: %d (%.2f%%)\n", $exact, 100 * $exact / max(1, $n));
printf("agreement by value:     %d (%.2f%%)\n", $value, 100 * $value / max(1, $n));
foreach (array_slice($mismatch, 0, isset($opt['verbose']) ? PHP_INT_MAX : 10) as $m) {
    echo "  differs: $m\n";
}
exit($value === $n ? 0 : 1);
