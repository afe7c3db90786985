--TEST--
tokencalc_*: an unqualified call from a namespace reaches the global function, a namespaced function of the same name shadows it
--EXTENSIONS--
tokencalc
--FILE--
<?php
namespace Caller {
    function run(): array
    {
        return [tokencalc_add('1.5', '1'), tokencalc_cmp('2', '10'), tokencalc_truncate('9.99', 1)];
    }
}

namespace Shadow {
    function tokencalc_add($a, $b, $scale = null)
    {
        return "shadow($a, $b)";
    }

    function run(): array
    {
        return [tokencalc_add('1.5', '1'), \tokencalc_add('1.5', '1'), tokencalc_sub('1.5', '1')];
    }
}

namespace {
    echo implode(' ', Caller\run()), "\n";
    echo implode(' ', Shadow\run()), "\n";

    // The same calls through a dynamic name (framed on every version).
    $f = 'tokencalc_add';
    echo $f('1.5', '1'), ' ', ('tokencalc_cmp')('2', '10'), "\n";
}
?>
--EXPECT--
2.5 -1 9.9
shadow(1.5, 1) 2.5 0.5
2.5 -1
