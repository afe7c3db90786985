<?php
// What the drop-in TokenHelper (compat/) costs per call, side by side with bare tokencalc, with the
// backend's FFI TokenHelper (FFI::cdef on every call, as its initRc() does) and with shadow mode on.
//   php -d extension=tokencalc.so -d extension=ffi -d ffi.enable=1 benchmarks/legacy-ffi/tokenhelper-bench.php [--n=N] [--rounds=R]
// Needs the library (benchmarks/legacy-ffi/build.sh). Prints ns per addRc-like call (median of the
// rounds, run interleaved) and each one's ratio to bare tokencalc_add.
declare(strict_types=1);
require __DIR__ . '/../../compat/TokenHelper.php';
require __DIR__ . '/../../compat/TokenHelperShadow.php';

use Fawaz\Utils\TokenCalculations\TokenHelper;

$opt = getopt('', ['n:', 'rounds:']);
$n = (int) ($opt['n'] ?? 100000);
$rounds = (int) ($opt['rounds'] ?? 7);
$lib = __DIR__ . '/target/release/liblegacy_decimal_ffi.so';
is_file($lib) or exit("no $lib: run benchmarks/legacy-ffi/build.sh\n");
[$a, $b] = ['1234.5678901234', '0.0000000001'];   // a wallet balance and a small credit

$cases = [
    'tokencalc_add' => function (int $n) use ($a, $b) {
        for ($i = 0; $i < $n; $i++) {
            tokencalc_add($a, $b);
        }
    },
    'drop-in addRc, shadow off' => function (int $n) use ($a, $b) {
        for ($i = 0; $i < $n; $i++) {
            TokenHelper::addRc($a, $b);
        }
    },
    'backend addRc (FFI::cdef per call)' => function (int $n) use ($a, $b, $lib) {
        for ($i = 0; $i < $n; $i++) {
            $ffi = FFI::cdef('const char* add_decimal(const char* a, const char* b);', $lib);
            $ffi->add_decimal($a, $b);
        }
    },
    'drop-in addRc, shadow on' => function (int $n) use ($a, $b, $lib) {
        TokenHelper::enableShadow($lib, fn () => null);
        for ($i = 0; $i < $n; $i++) {
            TokenHelper::addRc($a, $b);
        }
        TokenHelper::disableShadow();
    },
];

$times = [];
for ($r = 0; $r < $rounds; $r++) {
    foreach ($cases as $name => $f) {
        $t = hrtime(true);
        $f($n);
        $times[$name][] = (hrtime(true) - $t) / $n;
    }
}
printf("PHP %s, %d calls x %d rounds, median ns per call\n", PHP_VERSION, $n, $rounds);
$base = null;
foreach ($times as $name => $t) {
    sort($t);
    $median = $t[intdiv(count($t), 2)];
    $base ??= $median;
    printf("  %-38s %9.1f ns  %6.2fx\n", $name, $median, $median / $base);
}
