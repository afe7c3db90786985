--TEST--
tokencalc_mint(): the users array, built in place from the totals' own table, is the array PHP would build by inserting the same entries (next int key from the participants' ids only; shared entries separate on write), in both modes, with int64 and wide totals
--EXTENSIONS--
tokencalc
--FILE--
<?php
// The users array is the totals' own table turned in place: it must behave as the array PHP
// would build by inserting the same entries (its next int key comes from the participants' ids
// only, shared entries separate on write), in both modes, with int64 and with wide totals.
$wide = '1' . str_repeat('0', 30);
$days = [
    'packed ids, the third skipped' => [0 => '1', 1 => '2', 2 => '-1', 3 => '1'],
    'the largest int id skipped' => [7 => '2', 3 => '2', 99 => '0', 'x' => '1'],
    'wide totals' => [10 => $wide, 11 => $wide, 12 => '-' . $wide, 'w' => '0.5'],
];
foreach ($days as $name => $gems) {
    foreach ([TOKENCALC_MINT_COMPAT => 'COMPAT', TOKENCALC_MINT_EXACT => 'EXACT'] as $mode => $m) {
        $r = tokencalc_mint('100', $gems, $mode);
        $users = $r['users'];
        $built = [];
        foreach ($users as $k => $v) {
            $built[$k] = $v;
        }
        $users[] = 'appended';
        $built[] = 'appended';
        $same = array_keys($users) === array_keys($built) && $users === $built;
        // entries of equal totals may be one shared array: writing to one leaves the others alone
        $ids = array_keys($r['users']);
        $copy = $r['users'];
        $copy[$ids[0]]['tokens'] = 'changed';
        $untouched = $r['users'][$ids[0]]['tokens'] !== 'changed';
        foreach (array_slice($ids, 1) as $id) {
            $untouched = $untouched && $copy[$id]['tokens'] !== 'changed';
        }
        printf("%-30s %-6s keys %s, then %s; as PHP builds it: %s; shared entries separate: %s; skipped %s\n",
            $name, $m, implode(',', $ids), array_key_last($users), $same ? 'yes' : 'NO', $untouched ? 'yes' : 'NO',
            implode(',', array_keys($r['skipped'])));
    }
}
?>
--EXPECT--
packed ids, the third skipped  COMPAT keys 0,1,3, then 4; as PHP builds it: yes; shared entries separate: yes; skipped 2
packed ids, the third skipped  EXACT  keys 0,1,3, then 4; as PHP builds it: yes; shared entries separate: yes; skipped 2
the largest int id skipped     COMPAT keys 7,3,x, then 8; as PHP builds it: yes; shared entries separate: yes; skipped 99
the largest int id skipped     EXACT  keys 7,3,x, then 8; as PHP builds it: yes; shared entries separate: yes; skipped 99
wide totals                    COMPAT keys 10,11,w, then 12; as PHP builds it: yes; shared entries separate: yes; skipped 12
wide totals                    EXACT  keys 10,11,w, then 12; as PHP builds it: yes; shared entries separate: yes; skipped 12
