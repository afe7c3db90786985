--TEST--
tokencalc_div(): every form of zero is a DivisionByZeroError
--EXTENSIONS--
tokencalc
--FILE--
<?php
foreach (['0', '0.000', '-0', '+0.', '.0', '00000', 0, '0.' . str_repeat('0', 100)] as $z) {
    try {
        tokencalc_div('1', $z);
        echo "no error\n";
    } catch (DivisionByZeroError $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}
try { tokencalc_div('0', '0'); } catch (DivisionByZeroError $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
// A malformed dividend is reported before the zero divisor.
try { tokencalc_div('x', '0'); } catch (Throwable $e) { echo $e::class, ": ", $e->getMessage(), "\n"; }
?>
--EXPECT--
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
DivisionByZeroError: Division by zero
ValueError: tokencalc_div(): Argument #1 ($a) is not a valid decimal number
