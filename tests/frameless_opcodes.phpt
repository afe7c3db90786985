--TEST--
tokencalc_add/sub/mul/div/truncate/cmp: on PHP 8.4+ a call resolved at compile time is compiled to FRAMELESS_ICALL_n and runs through those handlers, before 8.4 to an ordinary internal call; named arguments always take the framed call (opcache's dump of the unoptimised opcodes)
--EXTENSIONS--
tokencalc
--SKIPIF--
<?php
// opcache is a shared extension up to 8.4 and built in from 8.5 on
if (!extension_loaded('Zend OPcache') && !is_file(PHP_EXTENSION_DIR . '/opcache.so')) die("skip opcache is not installed");
?>
--FILE--
<?php
$script = tempnam(sys_get_temp_dir(), 'tcfl');
file_put_contents($script, <<<'PHP'
<?php
echo tokencalc_add('1.5', '2'), ' ', tokencalc_add('1.25', '2', 1), ' ', tokencalc_sub('1', '0.5'), ' ',
    tokencalc_sub('1', '0.25', 1), ' ', tokencalc_mul('1.5', '3'), ' ', tokencalc_mul('1.25', '3', 1), ' ',
    tokencalc_div('1', '8'), ' ', tokencalc_div('1', '8', 2), ' ', tokencalc_truncate('2.99'), ' ',
    tokencalc_truncate('2.99', 1), ' ', tokencalc_cmp('1', '2'), ' ', tokencalc_add(a: '1', b: '2'), "\n";
PHP);
// The child runs with -n, so whatever ini loaded opcache here does not load it there: a shared
// opcache.so is named explicitly (up to 8.4); from 8.5 on it is built in and there is no file.
$opcache = is_file(PHP_EXTENSION_DIR . '/opcache.so') ? ['-d', 'zend_extension=' . PHP_EXTENSION_DIR . '/opcache.so'] : [];
$cmd = [PHP_BINARY, '-n', '-d', 'extension_dir=' . ini_get('extension_dir'), '-d', 'extension=tokencalc',
    ...$opcache, '-d', 'opcache.enable_cli=1',
    '-d', 'opcache.file_update_protection=0', '-d', 'opcache.opt_debug_level=0x10000', $script];
$p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$dump = stream_get_contents($pipes[2]);
proc_close($p);
unlink($script);
echo $out;
preg_match_all('/(FRAMELESS_ICALL_\d|DO_ICALL|DO_FCALL\w*)(?:\((\w+)\))?/', $dump, $m, PREG_SET_ORDER);
$got = array_map(fn($op) => str_starts_with($op[1], 'FRAMELESS') ? "$op[1] $op[2]" : 'framed', $m);
// the twelve calls in order: eleven resolvable ones, then one with named arguments
$frameless = ['FRAMELESS_ICALL_2 tokencalc_add', 'FRAMELESS_ICALL_3 tokencalc_add', 'FRAMELESS_ICALL_2 tokencalc_sub',
    'FRAMELESS_ICALL_3 tokencalc_sub', 'FRAMELESS_ICALL_2 tokencalc_mul', 'FRAMELESS_ICALL_3 tokencalc_mul',
    'FRAMELESS_ICALL_2 tokencalc_div', 'FRAMELESS_ICALL_3 tokencalc_div', 'FRAMELESS_ICALL_1 tokencalc_truncate',
    'FRAMELESS_ICALL_2 tokencalc_truncate', 'FRAMELESS_ICALL_2 tokencalc_cmp'];
$want = PHP_VERSION_ID >= 80400 ? [...$frameless, 'framed'] : array_fill(0, 12, 'framed');
echo $got === $want ? "calls compiled as expected for this PHP (frameless from 8.4 on)\n"
    : "unexpected opcodes:\n" . implode("\n", $got) . "\n";
?>
--EXPECT--
3.5 3.2 0.5 0.7 4.5 3.7 0.125 0.12 2.99 2.9 -1 3
calls compiled as expected for this PHP (frameless from 8.4 on)
