--TEST--
tokencalc_mint(): max_execution_time running out inside the generator it reads ends the request cleanly, and tokencalc works in the shutdown that follows (issue 13, finding 4)
--EXTENSIONS--
tokencalc
--INI--
max_execution_time=1
--FILE--
<?php
// max_execution_time runs out while the mint reads a generator (a slow query, say).
register_shutdown_function(function () {
    echo "\nafter the timeout: ", json_encode(tokencalc_mint('9', ['a' => '1', 'b' => '2'])), "\n";
});
function users(): Generator {
    for ($i = 0; ; $i++) {
        yield "user$i" => str_repeat('8', 300) . $i;   // big totals, summed
        if ($i % 1000 === 999) {
            for ($t = microtime(true); microtime(true) - $t < 0.05;) {}   // a slow source
        }
    }
}
tokencalc_mint('1000', users());
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Maximum execution time of 1 second exceeded in %s on line %d

after the timeout: {"supply":"9","total":"3","rate":"3","minted":"9","dust":"0","users":{"a":{"gems":"1","tokens":"3","percentage":"33.3333333300"},"b":{"gems":"2","tokens":"6","percentage":"66.6666666600"}},"skipped":[]}
