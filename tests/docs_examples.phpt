--TEST--
docs/: every example line (`call; // → result`) in the reference pages returns or throws what the page says
--EXTENSIONS--
tokencalc
sodium
--FILE--
<?php
/*
 * In each ```php block of docs/*.md, a line "EXPR; // → EXPECTED" is an example: EXPECTED is either
 * "Class: message" (the exception EXPR must throw) or a PHP literal its result must be identical to.
 * Other lines of the block run as they are, in order (setting variables or INI values the examples
 * use); each block starts from the default INI values. TOKENCALC_DOCS: read another docs folder.
 */
$dir = getenv('TOKENCALC_DOCS') ?: __DIR__ . '/../docs';
$pages = glob("$dir/*.md") or die("no docs in $dir\n");

function run_block(string $code, string $page, int $line): array
{
    $n = $wrong = 0;
    $scope = [];
    foreach (explode("\n", $code) as $i => $src) {
        $where = "$page:" . ($line + $i);
        if (!preg_match('~^(.*?);\s*// → (.*)$~u', $src, $m)) {
            if (trim($src) !== '' && !str_starts_with(ltrim($src), '//')) {
                $scope = (static function (array $__vars, string $__src): array {
                    extract($__vars);
                    eval($__src);
                    return get_defined_vars();
                })($scope, $src);
                unset($scope['__vars'], $scope['__src']);
            }
            continue;
        }
        [, $expr, $want] = $m;
        $n++;
        try {
            $got = (static function (array $__vars, string $__expr) {
                extract($__vars);
                return eval("return $__expr;");
            })($scope, $expr);
            $got = var_export($got, true);
        } catch (Throwable $e) {
            $got = $e::class . ': ' . $e->getMessage();
        }
        if (preg_match('~^[A-Za-z]*Error: ~', $want)) {
            $ok = $got === $want;
        } else {
            $ok = $got === var_export(eval("return $want;"), true);
        }
        if (!$ok) {
            $wrong++;
            echo "$where: $expr gave $got, the page says $want\n";
        }
    }
    return [$n, $wrong];
}

$total = $bad = 0;
foreach ($pages as $path) {
    $text = file_get_contents($path);
    preg_match_all('~^```php\n(.*?)^```$~ms', $text, $blocks, PREG_OFFSET_CAPTURE);
    foreach ($blocks[1] as [$code, $offset]) {
        ini_restore('tokencalc.scale');
        ini_restore('tokencalc.max_digits');
        [$n, $wrong] = run_block($code, basename($path), substr_count($text, "\n", 0, $offset) + 1);
        $total += $n;
        $bad += $wrong;
    }
}
// not the exact number, which grows with the pages: enough to show the examples were found
echo $total > 80 ? "more than 80 examples" : "only $total examples", ", $bad wrong\n";
?>
--EXPECT--
more than 80 examples, 0 wrong
