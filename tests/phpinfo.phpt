--TEST--
phpinfo(): the tokencalc section shows the version, GMP and libsodium versions, and the INI table
--EXTENSIONS--
tokencalc
gmp
sodium
--INI--
tokencalc.scale=12
--FILE--
<?php
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
$start = strpos($info, "\ntokencalc\n");
$section = substr($info, $start, strpos($info, "\n\n\n", $start + 12) ?: 2000);
$rows = [];
foreach (explode("\n", $section) as $line) {
    if (str_contains($line, ' => ')) {
        $parts = explode(' => ', $line);
        $rows[$parts[0]] = array_slice($parts, 1);
    }
}
var_dump($rows['tokencalc support'][0] === 'enabled');
var_dump($rows['tokencalc version'][0] === TOKENCALC_VERSION);
// The run-time versions are checked against the other extensions' own view of the same libraries.
var_dump($rows['GMP version (runtime)'][0] === GMP_VERSION);
var_dump($rows['libsodium version (runtime)'][0] === SODIUM_LIBRARY_VERSION);
var_dump((bool) preg_match('/^\d+\.\d+\.\d+$/', $rows['GMP version (compiled)'][0]));
var_dump((bool) preg_match('/^\d+\.\d+\.\d+$/', $rows['libsodium version (compiled)'][0]));
var_dump($rows['tokencalc.scale'], $rows['tokencalc.max_digits']);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(2) {
  [0]=>
  string(2) "12"
  [1]=>
  string(2) "12"
}
array(2) {
  [0]=>
  string(4) "4096"
  [1]=>
  string(4) "4096"
}
