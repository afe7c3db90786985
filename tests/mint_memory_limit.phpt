--TEST--
tokencalc_mint(): big per-user totals are the engine's memory: memory_limit stops a mint of 20,000 users of 4,000-digit totals while it reads them (issue 13, finding 3)
--EXTENSIONS--
tokencalc
--SKIPIF--
<?php
// Under valgrind run-tests sets USE_ZEND_ALLOC=0: the system allocator, which memory_limit does not govern.
if (getenv('USE_ZEND_ALLOC') === '0') die("skip memory_limit needs the engine's allocator (USE_ZEND_ALLOC=0)");
?>
--INI--
memory_limit=24M
--FILE--
<?php
// 20,000 users whose totals have 4,000 digits each (one shared input string): about 34 MB of totals
// under a 24 MB memory_limit. The totals are the engine's memory, so the limit stops the reading.
$big = str_repeat('7', 4000);
$yielded = 0;
$done = false;
register_shutdown_function(function () use (&$yielded, &$done) {
    echo "\nstopped while reading the users: ", $done ? 'no' : 'yes', "\n";
    echo "users read before: ", $yielded > 1000 && $yielded < 20000 ? 'some' : $yielded, "\n";
});
function users(string $big, int &$yielded, bool &$done): Generator {
    for ($i = 0; $i < 20000; $i++) {
        $yielded++;
        yield "user$i" => $big;
    }
    $done = true;
}
$r = tokencalc_mint('1000', users($big, $yielded, $done));
echo "finished: ", count($r['users']), " users\n";
?>
--EXPECTF--
Fatal error: Allowed memory size of 25165824 bytes exhausted (tried to allocate %d bytes) in %s on line %d

stopped while reading the users: yes
users read before: some
