--TEST--
memory_limit stops a call that allocates per element with PHP's own "Allowed memory size" fatal error, never a killed process: mint (COMPAT, EXACT, rows, generator), a fee split of 20,000 long rates and a receipt of 400,000 entries under a 40 MB limit; an engine that delays that error (Debian's builds) sees it raised inside the call (issue 13)
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') die("skip memory_limit needs the engine's allocator (USE_ZEND_ALLOC=0)");
?>
--FILE--
<?php
// Each case runs in a child PHP with the same module: the fatal error ends the child, and its exit
// status tells a fatal error (255) from a process killed at the engine's hard limit (137).
$cases = [
    'mint COMPAT, 1,000,000 users' => '$r = tokencalc_mint("1", range(1, 1000000));',
    'mint EXACT, 1,000,000 users' => '$r = tokencalc_mint("1", range(1, 1000000), TOKENCALC_MINT_EXACT);',
    'mint rows, 600,000 rows' => '$rows = []; for ($i = 0; $i < 600000; $i++) { $rows[] = [$i, 1]; }'
        . ' $r = tokencalc_mint("1", $rows, TOKENCALC_MINT_ROWS);',
    'mint from a generator, 1,000,000 users' => '$g = (function () { for ($i = 0; $i < 1000000; $i++) { yield "u$i" => $i + 1; } })();'
        . ' $r = tokencalc_mint("1", $g);',
    'fees, 20,000 rates of 900 digits' => '$r = tokencalc_fees("1" . str_repeat("1", 900), array_fill(0, 20000, "0." . str_repeat("7", 900)));',
    'receipt, 400,000 entries' => '$r = tokencalc_receipt(["v" => array_map(fn($i) => "x$i", range(1, 400000))], str_repeat("k", 32));',
];
foreach ($cases as $name => $code) {
    $cmd = [PHP_BINARY, '-n', '-d', 'extension_dir=' . ini_get('extension_dir'), '-d', 'extension=tokencalc',
        '-d', 'memory_limit=40M', '-d', 'display_errors=stderr', '-r', $code . ' echo "finished\n";'];
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($p);
    $fatal = preg_match('/^PHP Fatal error:  Allowed memory size of 41943040 bytes exhausted|^Fatal error: Allowed memory size of 41943040 bytes exhausted/m', $err);
    echo $name, ': exit ', $status, $fatal ? ', Allowed memory size exhausted' : ", other output:\n" . $out . $err, "\n";
}
?>
--EXPECT--
mint COMPAT, 1,000,000 users: exit 255, Allowed memory size exhausted
mint EXACT, 1,000,000 users: exit 255, Allowed memory size exhausted
mint rows, 600,000 rows: exit 255, Allowed memory size exhausted
mint from a generator, 1,000,000 users: exit 255, Allowed memory size exhausted
fees, 20,000 rates of 900 digits: exit 255, Allowed memory size exhausted
receipt, 400,000 entries: exit 255, Allowed memory size exhausted
