--TEST--
compat TokenHelper shadow mode against the FFI library built from benchmarks/legacy-ffi: the library's results returned, every difference reported and counted
--EXTENSIONS--
tokencalc
ffi
zlib
--SKIPIF--
<?php
// Skips only where the library cannot be built: no cargo or no rust_decimal crate from Debian
// (apt-get install cargo librust-rust-decimal-dev), or no benchmarks/ beside the tests (the PECL
// tarball). Where both are present a failed build is not a skip: the test then fails.
// In a scripts/build.sh copy the library is built (once, then cached) in the repository it came from.
$origin = @file_get_contents(__DIR__ . '/../.tokencalc-origin');
$build = ($origin !== false ? rtrim($origin) : __DIR__ . '/..') . '/benchmarks/legacy-ffi/build.sh';
if (!is_file($build)) {
    die('skip benchmarks/legacy-ffi is not beside the tests');
}
if (shell_exec('command -v cargo') === null || glob('/usr/share/cargo/registry/rust_decimal-1.*') === []) {
    die('skip cargo or librust-rust-decimal-dev is not installed');
}
exec(escapeshellarg($build) . ' 2>&1', $out);
?>
--INI--
tokencalc.scale=10
ffi.enable=1
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../compat/TokenHelper.php';
require __DIR__ . '/../compat/TokenHelperShadow.php';

use Fawaz\Utils\TokenCalculations\TokenHelper as T;

/* A PSR-3-style logger: only warning() is needed. */
final class Log
{
    public array $lines = [];

    public function warning(string|\Stringable $message, array $context = []): void
    {
        $this->lines[] = [(string) $message, $context];
    }
}

function show(array $lines): void
{
    foreach ($lines as [$message, $c]) {
        echo "  $message", $c === ['library' => $c['library'] ?? null] ? '' : ': ' . json_encode(
            ['operands' => $c['operands'], 'ffi' => $c['ffi'], 'tokencalc' => $c['tokencalc'], 'count' => $c['count']],
            JSON_UNESCAPED_SLASHES
        ), "\n";
    }
}

function attempt(callable $f): string
{
    try {
        return var_export($f(), true);
    } catch (\RuntimeException $e) {
        return $e::class . ': ' . $e->getMessage();
    }
}

$origin = @file_get_contents(__DIR__ . '/../.tokencalc-origin');
$lib = ($origin !== false ? rtrim($origin) : __DIR__ . '/..') . '/benchmarks/legacy-ffi/target/release/liblegacy_decimal_ffi.so';
if (!is_file($lib)) {
    // A first build (about 40 s) may outlast the SKIPIF section's time limit: finish it here.
    exec(escapeshellarg(dirname($lib, 3) . '/build.sh') . ' 2>&1', $out, $status);
    if (!is_file($lib)) {
        echo "benchmarks/legacy-ffi/build.sh did not build the library ($status)\n", implode("\n", $out), "\n";
    }
}

echo "-- a missing library leaves shadow mode off\n";
$log = new Log();
var_dump(T::enableShadow('/nonexistent/libtokencalculation.so', $log));
echo '  ', $log->lines[0][0], "\n";
echo '  divRc(5000, 16) = ', T::divRc('5000', '16'), "\n";

echo "-- on, with a logger\n";
$log = new Log();
var_dump(T::enableShadow($lib, $log));
$results = [
    'divRc(5000, 16)' => attempt(fn () => T::divRc('5000', '16')),     // string only: not reported
    'mulRc(0, 5.1)' => attempt(fn () => T::mulRc('0', '5.1')),
    'addRc(0.0, 007)' => attempt(fn () => T::addRc('0.0', '007')),
    'divRc(2, 0.0000000000000000000000000003)' => attempt(fn () => T::divRc('2', '0.0000000000000000000000000003')),
    'addRc(1_000, 1)' => attempt(fn () => T::addRc('1_000', '1')),
    'addRc(1e3, 1)' => attempt(fn () => T::addRc('1e3', '1')),
    'divRc(1, 0)' => attempt(fn () => T::divRc('1', '0')),
    'truncateToTenDecimalPlaces(1.123456789012345)' => attempt(fn () => T::truncateToTenDecimalPlaces('1.123456789012345')),
];
foreach ($results as $call => $r) {
    echo "  $call = $r\n";
}
echo "reported:\n";
show($log->lines);
echo 'counts: ', json_encode(T::shadowCounts()), "\n";

echo "-- on, with a callable and string differences reported\n";
$lines = [];
var_dump(T::enableShadow($lib, function (string $message, array $context) use (&$lines) { $lines[] = [$message, $context]; }, true));
echo '  divRc(5.2, 1.04) = ', T::divRc('5.2', '1.04'), "\n";
show($lines);
echo 'counts: ', json_encode(T::shadowCounts()), "\n";

// Classes 1-4 of docs/migration.md against the library itself: the drop-in returns the library's
// string for zero operands (no report), and only an early-ending quotient differs (a string report).
echo "-- the difference classes\n";
$lines = [];
T::enableShadow($lib, function (string $message, array $context) use (&$lines) { $lines[] = $context; }, true);
foreach ([['divRc', '5000', '16'], ['mulRc', '0', '5.1'], ['mulRc', '12.5', '0.00'], ['addRc', '0.0000000000', '5'],
    ['addRc', '0.0', '007'], ['subRc', '2.50', '0.000'], ['subRc', '0.00', '1.5'], ['addRc', '0', '0.000000000001'],
    ['divRc', '0.0000000000', '1.04'], ['divRc', '0.000', '3'], ['subRc', '5.00', '5.00']] as [$m, $a, $b]) {
    $before = count($lines);
    $r = T::$m($a, $b);
    echo "  $m($a, $b) = $r", count($lines) > $before ? ' (tokencalc: ' . $lines[$before]['tokencalc'] . ')' : '', "\n";
}

// The backend's fee split over the shipped vectors (PeerTokenMapper::calculateAmountsForMode):
// no value may differ and nothing may fail on one side only; the string differences may only be
// a quotient's trailing zeros (class 1 of docs/migration.md).
echo "-- the fee vectors in shadow mode\n";
$lines = [];
T::enableShadow($lib, function (string $message, array $context) use (&$lines) { $lines[] = $context; }, true);
foreach (file('compress.zlib://' . __DIR__ . '/vectors/fees.jsonl.gz', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
    $v = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    ['peer' => $peer, 'burn' => $burn, 'inviter' => $inviter] = $v['rates'];
    if ($v['mode'] === 'ADDED') {
        $net = $v['amount'];
        T::calculateTokenRequiredAmount($net, $peer, $burn, $inviter);
    } else {
        $net = T::divRc($v['amount'], T::addRc('1', T::addRc(T::addRc($peer, $burn), $inviter)));
    }
    foreach ([$peer, $burn, $inviter] as $rate) {
        T::mulRc($net, $rate);
    }
}
$c = T::shadowCounts();
// Class 1: the library's string is ours plus trailing zeros ("312.5" / "312.50", "5" / "5.0").
$class1 = array_filter($lines, fn (array $x) => $x['kind'] === 'string' && $x['operation'] === 'div'
    && str_starts_with($x['ffi'], $x['tokencalc'])
    && preg_match(str_contains($x['tokencalc'], '.') ? '/^0+$/' : '/^\.0+$/', substr($x['ffi'], strlen($x['tokencalc']))) === 1);
printf("calls over 1,000: %s, value differences: %d, one-sided errors: %d, string differences: some, all class 1: %s\n",
    var_export($c['calls'] > 1000, true), $c['value'], $c['error'], var_export($c['string'] > 0 && count($class1) === $c['string'], true));

echo "-- off again\n";
T::disableShadow();
echo '  divRc(5000, 16) = ', T::divRc('5000', '16'), "\n";
echo 'counts: ', json_encode(T::shadowCounts()), "\n";
?>
--EXPECT--
-- a missing library leaves shadow mode off
bool(false)
  tokencalc shadow mode is off: no library at /nonexistent/libtokencalculation.so
  divRc(5000, 16) = 312.5
-- on, with a logger
bool(true)
  divRc(5000, 16) = '312.50'
  mulRc(0, 5.1) = '0'
  addRc(0.0, 007) = '7'
  divRc(2, 0.0000000000000000000000000003) = '6666666666666666666666666666.7'
  addRc(1_000, 1) = '1001'
  addRc(1e3, 1) = RuntimeException: Error in addition operation, result is not numeric.
  divRc(1, 0) = RuntimeException: Error in divide operation, result is not numeric.
  truncateToTenDecimalPlaces(1.123456789012345) = '1.1234567890'
reported:
  tokencalc shadow: value difference in div: {"operands":["2","0.0000000000000000000000000003"],"ffi":"6666666666666666666666666666.7","tokencalc":"6666666666666666666666666666.6666666666","count":1}
  tokencalc shadow: error difference in add: {"operands":["1_000","1"],"ffi":"1001","tokencalc":"ValueError: tokencalc_add(): Argument #1 ($a) is not a valid decimal number","count":1}
counts: {"calls":8,"value":1,"string":1,"error":1}
-- on, with a callable and string differences reported
bool(true)
  divRc(5.2, 1.04) = 5.0
  tokencalc shadow: string difference in div: {"operands":["5.2","1.04"],"ffi":"5.0","tokencalc":"5","count":1}
counts: {"calls":1,"value":0,"string":1,"error":0}
-- the difference classes
  divRc(5000, 16) = 312.50 (tokencalc: 312.5)
  mulRc(0, 5.1) = 0
  mulRc(12.5, 0.00) = 0
  addRc(0.0000000000, 5) = 5
  addRc(0.0, 007) = 7
  subRc(2.50, 0.000) = 2.50
  subRc(0.00, 1.5) = -1.5
  addRc(0, 0.000000000001) = 0.0000000000
  divRc(0.0000000000, 1.04) = 0
  divRc(0.000, 3) = 0
  subRc(5.00, 5.00) = 0.00
-- the fee vectors in shadow mode
calls over 1,000: true, value differences: 0, one-sided errors: 0, string differences: some, all class 1: true
-- off again
  divRc(5000, 16) = 312.5
counts: {"calls":0,"value":0,"string":0,"error":0}
