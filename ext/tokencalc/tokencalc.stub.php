<?php

/**
 * @generate-class-entries
 * @generate-legacy-arginfo 80200
 */

/**
 * @var string
 * @cvalue PHP_TOKENCALC_VERSION
 */
const TOKENCALC_VERSION = UNKNOWN;

/** @var string */
const TOKENCALC_FEES_ADDED = "ADDED";
/** @var string */
const TOKENCALC_FEES_INCLUDED = "INCLUDED";
/** @var string */
const TOKENCALC_FEES_NO_FEES = "NO_FEES";

/**
 * @var int
 * @cvalue TC_MINT_COMPAT
 */
const TOKENCALC_MINT_COMPAT = UNKNOWN;
/**
 * @var int
 * @cvalue TC_MINT_EXACT
 */
const TOKENCALC_MINT_EXACT = UNKNOWN;
/**
 * A flag to combine with a mint mode: each value of $gems is a row [userId, gems] (a list of two,
 * as PDO::FETCH_NUM gives), and the keys are ignored.
 * @var int
 * @cvalue PHP_TOKENCALC_MINT_ROWS
 */
const TOKENCALC_MINT_ROWS = UNKNOWN;

/**
 * Exact $a + $b, truncated toward zero to min(scale, max(scale of $a, scale of $b)) places.
 * @frameless-function {"arity": 2}
 * @frameless-function {"arity": 3}
 */
function tokencalc_add(string|int $a, string|int $b, ?int $scale = null): string {}

/**
 * Exact $a - $b, truncated toward zero to min(scale, max(scale of $a, scale of $b)) places.
 * @frameless-function {"arity": 2}
 * @frameless-function {"arity": 3}
 */
function tokencalc_sub(string|int $a, string|int $b, ?int $scale = null): string {}

/**
 * Exact $a * $b, truncated toward zero to min(scale, scale of $a + scale of $b) places.
 * @frameless-function {"arity": 2}
 * @frameless-function {"arity": 3}
 */
function tokencalc_mul(string|int $a, string|int $b, ?int $scale = null): string {}

/**
 * $a / $b truncated toward zero; throws DivisionByZeroError when $b is zero.
 * @frameless-function {"arity": 2}
 * @frameless-function {"arity": 3}
 */
function tokencalc_div(string|int $a, string|int $b, ?int $scale = null): string {}

/**
 * $a truncated toward zero to min(scale, scale of $a) places.
 * @frameless-function {"arity": 1}
 * @frameless-function {"arity": 2}
 */
function tokencalc_truncate(string|int $a, ?int $scale = null): string {}

/**
 * -1, 0 or 1 as $a is less than, equal to or greater than $b (exact).
 * @frameless-function {"arity": 2}
 */
function tokencalc_cmp(string|int $a, string|int $b): int {}

/** The exact sum of $values, truncated once to min(scale, largest input scale) places. */
function tokencalc_sum(iterable $values, ?int $scale = null): string {}

/** The exact value of $a without leading zeros, trailing fractional zeros or a bare ".". */
function tokencalc_normalize(string|int $a): string {}

/**
 * Splits a transfer into required, net, named fees and the exact dust truncation leaves.
 */
function tokencalc_fees(string|int $amount, array $rates, string $mode = TOKENCALC_FEES_ADDED): array {}

/**
 * Shares a fixed supply among users in proportion to their gems.
 */
function tokencalc_mint(string|int $supply, iterable $gems, int $mode = TOKENCALC_MINT_COMPAT): array {}

/** $a * 2^96 truncated toward zero to an integer. */
function tokencalc_to_q96(string|int $a): string {}

/** $q / 2^96 rounded half away from zero to the scale in force, without trailing zeros. */
function tokencalc_from_q96(string|int $q): string {}

/** Keyed BLAKE2b-256 over the canonical encoding v1 of $record, as 64 lowercase hex characters. */
function tokencalc_receipt(array $record, #[\SensitiveParameter] string $key): string {}

/** Whether $receipt is the receipt of $record under $key (constant-time comparison). */
function tokencalc_receipt_verify(array $record, #[\SensitiveParameter] string $key, string $receipt): bool {}
