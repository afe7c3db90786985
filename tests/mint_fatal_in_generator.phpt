--TEST--
tokencalc_mint(): a fatal error inside the generator it reads (E_USER_ERROR) ends the request cleanly, and tokencalc works in the shutdown that follows (issue 13, finding 4)
--EXTENSIONS--
tokencalc
--INI--
; PHP 8.4 deprecates E_USER_ERROR in trigger_error(); the fatal error itself is what is tested
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
// A fatal error inside the generator a mint or a sum is reading jumps past their C code; the
// request still shuts down cleanly, and tokencalc works afterwards (a shutdown function runs it).
// (That no memory stays behind across requests is scripts/leak-fatal.sh's to check, in a server.)
$big = str_repeat('9', 4000);
register_shutdown_function(function () {
    echo "\nafter the fatal error: ", json_encode(tokencalc_mint('10', ['a' => '1', 'b' => '3'])), "\n";
    echo tokencalc_sum(['1.5', '2.25']), "\n";
});
function users(string $big): Generator {
    for ($i = 0; $i < 1000; $i++) {
        yield "user$i" => $big . $i;
    }
    trigger_error('the database went away', E_USER_ERROR);
    yield 'never' => '1';
}
tokencalc_mint('1000', users($big));
echo "not reached\n";
?>
--EXPECTF--
Fatal error: the database went away in %s on line %d

after the fatal error: {"supply":"10","total":"4","rate":"2.5","minted":"10.0","dust":"0.0","users":{"a":{"gems":"1","tokens":"2.5","percentage":"25.00"},"b":{"gems":"3","tokens":"7.5","percentage":"75.00"}},"skipped":[]}
3.75
