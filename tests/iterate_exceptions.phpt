--TEST--
tokencalc_sum() over iterators: an exception in get_iterator, rewind, valid, current, key or next stops the call and is rethrown as is; null values and data-less positions are named
--EXTENSIONS--
tokencalc
--FILE--
<?php
function attempt(callable $f): void
{
    try {
        var_dump($f());
    } catch (Throwable $e) {
        echo $e::class, ": ", $e->getMessage(), "\n";
    }
}

/** Yields 1, 2, 3 under the keys a, b, c; throws in $method on its $at-th call. */
class Faulty implements Iterator
{
    private int $i = 0;
    private array $calls = [];
    public function __construct(private string $method = '', private int $at = 1) {}
    private function step(string $m): void
    {
        $this->calls[$m] = ($this->calls[$m] ?? 0) + 1;
        echo "$m ";
        if ($m === $this->method && $this->calls[$m] === $this->at) {
            echo "\n";
            throw new RuntimeException("$m failed on call $this->at");
        }
    }
    public function rewind(): void { $this->step('rewind'); $this->i = 0; }
    public function valid(): bool { $this->step('valid'); return $this->i < 3; }
    public function current(): mixed { $this->step('current'); return (string) ($this->i + 1); }
    public function key(): mixed { $this->step('key'); return chr(97 + $this->i); }
    public function next(): void { $this->step('next'); $this->i++; }
}

echo "-- no fault: each step once per entry, in the engine's order\n";
attempt(fn () => tokencalc_sum(new Faulty()));
echo "-- a fault in each step, on its first and on a later call\n";
foreach (['rewind' => [1], 'valid' => [1, 3], 'current' => [1, 2], 'key' => [1, 3], 'next' => [1, 3]] as $m => $ats) {
    foreach ($ats as $at) {
        attempt(fn () => tokencalc_sum(new Faulty($m, $at)));
    }
}

echo "-- generators\n";
function gen(array $values, ?int $throwAt = null): Generator
{
    foreach ($values as $i => $v) {
        if ($i === $throwAt) {
            throw new LogicException("generator failed at $i");
        }
        yield "k$i" => $v;
    }
}
attempt(fn () => tokencalc_sum(gen(['1', '2.5'])));
attempt(fn () => tokencalc_sum(gen(['1', '2.5'], 0)));
attempt(fn () => tokencalc_sum(gen(['1', '2.5'], 1)));
attempt(fn () => tokencalc_sum(gen(['1', 'x', '3'])));
attempt(fn () => tokencalc_sum(gen(['1', null])));
$used = gen(['1', '2']);
$used->current();
$used->next();
attempt(fn () => tokencalc_sum($used));
$done = gen([]);
$done->current();
attempt(fn () => tokencalc_sum($done));

echo "-- iterators that cannot be made\n";
class Broken implements IteratorAggregate
{
    public function getIterator(): Iterator { throw new DomainException('no iterator today'); }
}
class NotReally implements IteratorAggregate
{
    #[ReturnTypeWillChange]
    public function getIterator() { return new ArrayObject(['1']) instanceof Traversable ? 42 : null; }
}
class Uninitialized extends RecursiveIteratorIterator
{
    public function __construct() {}
}
attempt(fn () => tokencalc_sum(new Broken()));
attempt(fn () => tokencalc_sum(new NotReally()));
attempt(fn () => tokencalc_sum(new Uninitialized()));

echo "-- null values, and a position whose entry its own valid() took away\n";
class NullCurrent extends ArrayIterator
{
    public function current(): mixed { return parent::key() === 'b' ? null : parent::current(); }
}
class Shrinking extends ArrayIterator
{
    public function valid(): bool
    {
        $ok = parent::valid();
        if ($ok && $this->key() === 'b') {
            $this->offsetUnset('b');
        }
        return $ok;
    }
}
attempt(fn () => tokencalc_sum(new NullCurrent(['a' => '1', 'b' => '2'])));
attempt(fn () => tokencalc_sum(new Shrinking(['a' => '1', 'b' => '2'])));

echo "-- list iterators: their int keys name the entry\n";
attempt(fn () => tokencalc_sum(new ArrayIterator(['1', '2', 'x'])));
attempt(fn () => tokencalc_sum(new IteratorIterator(new ArrayIterator([5 => '1', 9 => '2.25']))));
?>
--EXPECT--
-- no fault: each step once per entry, in the engine's order
rewind valid current key next valid current key next valid current key next valid string(1) "6"
-- a fault in each step, on its first and on a later call
rewind 
RuntimeException: rewind failed on call 1
rewind valid 
RuntimeException: valid failed on call 1
rewind valid current key next valid current key next valid 
RuntimeException: valid failed on call 3
rewind valid current 
RuntimeException: current failed on call 1
rewind valid current key next valid current 
RuntimeException: current failed on call 2
rewind valid current key 
RuntimeException: key failed on call 1
rewind valid current key next valid current key next valid current key 
RuntimeException: key failed on call 3
rewind valid current key next 
RuntimeException: next failed on call 1
rewind valid current key next valid current key next valid current key next 
RuntimeException: next failed on call 3
-- generators
string(3) "3.5"
LogicException: generator failed at 0
LogicException: generator failed at 1
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, ["k1"] is not
TypeError: tokencalc_sum(): Argument #1 ($values) must contain only values of type string|int, null given at ["k1"]
Exception: Cannot rewind a generator that was already run
Exception: Cannot traverse an already closed generator
-- iterators that cannot be made
DomainException: no iterator today
Exception: Objects returned by NotReally::getIterator() must be traversable or implement interface Iterator
Error: Object is not initialized
-- null values, and a position whose entry its own valid() took away
TypeError: tokencalc_sum(): Argument #1 ($values) must contain only values of type string|int, null given at ["b"]
TypeError: tokencalc_sum(): Argument #1 ($values) must contain only values of type string|int, null given at [key of type null]
-- list iterators: their int keys name the entry
ValueError: tokencalc_sum(): Argument #1 ($values) must contain only valid decimal numbers, [2] is not
string(4) "3.25"
