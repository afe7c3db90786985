--TEST--
tokencalc_mint(): the result behaves as a freshly built array (equal entries independent, keys and next key as inserted)
--EXTENSIONS--
tokencalc
--FILE--
<?php
// supply 10; totals a = 1, b = 1, 7 = -1 (skipped), 3 = 2; total 4, rate trunc(10 / 4) = 2.5
foreach ([TOKENCALC_MINT_COMPAT, TOKENCALC_MINT_EXACT] as $mode) {
    foreach (['rows' => [['a', '1'], ['b', '1'], [7, '-1'], [3, '2']],
              'pairs' => ['a' => '1', 'b' => '1', 7 => '-1', 3 => '2']] as $form => $in) {
        $r = $form === 'rows' ? tokencalc_mint('10', $in, $mode | TOKENCALC_MINT_ROWS) : tokencalc_mint('10', $in, $mode);
        echo $form, ": users ", json_encode(array_keys($r['users'])), ", skipped ", json_encode($r['skipped']), "\n";
        $users = $r['users'];
        // a and b have the same total: changing one entry must leave the other as it was
        $users['a']['tokens'] = 'changed';
        $ref = &$users['b'];
        $ref['gems'] = 'changed too';
        unset($ref);
        echo "  a: ", $users['a']['gems'], " ", $users['a']['tokens'], "; b: ", $users['b']['gems'], " ",
            tokencalc_cmp($users['b']['tokens'], '2.5') === 0 ? 'tokens 2.5' : 'tokens ' . $users['b']['tokens'], "\n";
        echo "  the original result: a tokens ", tokencalc_cmp($r['users']['a']['tokens'], '2.5') === 0 ? '2.5' : $r['users']['a']['tokens'],
            ", b gems ", $r['users']['b']['gems'], "\n";
        // the next integer key follows the largest one present (3), as in an array built from scratch
        $users[] = 'appended';
        echo "  appended under ", var_export(array_key_last($users), true), ", count ", count($users), "\n";
    }
}
?>
--EXPECT--
rows: users ["a","b",3], skipped {"7":"-1"}
  a: 1 changed; b: changed too tokens 2.5
  the original result: a tokens 2.5, b gems 1
  appended under 4, count 4
pairs: users ["a","b",3], skipped {"7":"-1"}
  a: 1 changed; b: changed too tokens 2.5
  the original result: a tokens 2.5, b gems 1
  appended under 4, count 4
rows: users ["a","b",3], skipped {"7":"-1"}
  a: 1 changed; b: changed too tokens 2.5
  the original result: a tokens 2.5, b gems 1
  appended under 4, count 4
pairs: users ["a","b",3], skipped {"7":"-1"}
  a: 1 changed; b: changed too tokens 2.5
  the original result: a tokens 2.5, b gems 1
  appended under 4, count 4
