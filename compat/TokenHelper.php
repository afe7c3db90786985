<?php

declare(strict_types=1);

namespace Fawaz\Utils\TokenCalculations;

/**
 * Drop-in replacement for the Peer backend's FFI-based TokenHelper, computed by the tokencalc
 * extension (docs/migration.md).
 *
 * - Same class name, public static methods and signatures; initRc() is kept and does nothing.
 * - Every operation truncates toward zero to 10 places (tokencalc.scale, default 10), as the
 *   Rust library did, so values are the library's.
 * - Strings follow the library (rust_decimal 1.37) where it treats zero specially: a product with
 *   a zero factor and a quotient of a zero dividend are "0", and adding or subtracting a zero
 *   operand returns the other operand. Only an exact quotient may print fewer trailing zeros
 *   ("312.5" where the library printed "312.50"): same value, same truthiness.
 * - Errors keep the backend's contract: a RuntimeException with its message, the tokencalc error
 *   (ValueError, DivisionByZeroError) as previous.
 * - Shadow mode (enableShadow()) computes every call both ways during a rollout and returns the
 *   library's result; off, each call costs one static property check.
 */
class TokenHelper
{
    /** The backend's messages, by operation (the subtraction's spacing is the backend's own). */
    public const ERROR_MESSAGES = [
        'add' => 'Error in addition operation, result is not numeric.',
        'sub' => 'Error in subtract   operation, result is not numeric.',
        'mul' => 'Error in multiply operation, result is not numeric.',
        'div' => 'Error in divide operation, result is not numeric.',
        'truncate' => 'Error in truncation operation, result is not numeric.',
    ];

    /** A decimal tokencalc has accepted is zero when it has none of these (tested with strpbrk). */
    private const NONZERO = '123456789';

    private static ?TokenHelperShadow $shadow = null;

    /** Amount × (1 + peer + burn + inviter), each step truncated as before. */
    public static function calculateTokenRequiredAmount(
        string $numberOfTokens,
        string $peerFee,
        string $burnFee,
        string $inviterFee = '0'
    ): string {
        $rate = self::addRc(self::addRc(self::addRc('1', $peerFee), $burnFee), $inviterFee);
        return self::mulRc($numberOfTokens, $rate);
    }

    /** (fee + peer) + (burn + inviter): what a swap takes from the sender. */
    public static function calculateSwapTokenSenderRequiredAmountIncludingFees(
        string $feeAmount,
        string $peerAmount,
        string $burnAmount,
        string $inviterAmount = '0'
    ): string {
        return self::addRc(self::addRc($feeAmount, $peerAmount), self::addRc($burnAmount, $inviterAmount));
    }

    public static function addRc(string $value1, string $value2): string
    {
        return self::$shadow === null ? self::compute('add', $value1, $value2) : self::$shadow->call('add', $value1, $value2);
    }

    public static function subRc(string $value1, string $value2): string
    {
        return self::$shadow === null ? self::compute('sub', $value1, $value2) : self::$shadow->call('sub', $value1, $value2);
    }

    public static function mulRc(string $value1, string $value2): string
    {
        return self::$shadow === null ? self::compute('mul', $value1, $value2) : self::$shadow->call('mul', $value1, $value2);
    }

    public static function divRc(string $value1, string $value2): string
    {
        return self::$shadow === null ? self::compute('div', $value1, $value2) : self::$shadow->call('div', $value1, $value2);
    }

    public static function truncateToTenDecimalPlaces(string $number): string
    {
        return self::$shadow === null ? self::compute('truncate', $number) : self::$shadow->call('truncate', $number);
    }

    /** Kept for callers of the FFI version; there is no library to load any more. */
    public static function initRc()
    {
        return null;
    }

    /**
     * Starts shadow mode: every call is computed by tokencalc and by the FFI library at $library,
     * the library's result is returned, and each difference is reported to $reporter, either an
     * object with a PSR-3 warning($message, $context) method or a callable($message, $context).
     * Differences only in the printed string (same value) are reported too when $reportStrings.
     * Returns false, reporting why, when FFI or the library is not available (shadow mode stays off).
     */
    public static function enableShadow(string $library, object|callable $reporter, bool $reportStrings = false): bool
    {
        self::$shadow = TokenHelperShadow::open($library, $reporter, $reportStrings, self::compute(...));
        return self::$shadow !== null;
    }

    public static function disableShadow(): void
    {
        self::$shadow = null;
    }

    /**
     * The shadow mode's counters since it was enabled: calls, value (different values), string
     * (same value, other string) and error (one side failed, the other did not).
     * @return array{calls: int, value: int, string: int, error: int}
     */
    public static function shadowCounts(): array
    {
        return self::$shadow?->counts() ?? ['calls' => 0, 'value' => 0, 'string' => 0, 'error' => 0];
    }

    /** One operation by tokencalc, with the library's zero rules and the backend's exceptions. */
    private static function compute(string $op, string $a, string $b = ''): string
    {
        try {
            switch ($op) {
                case 'add':
                case 'sub':
                    $r = $op === 'add' ? \tokencalc_add($a, $b) : \tokencalc_sub($a, $b);
                    // A zero operand leaves the other one as it was written (at most 10 places).
                    if (\strpbrk($a, self::NONZERO) === false) {
                        return $op === 'add' ? \tokencalc_add('0', $b) : \tokencalc_sub('0', $b);
                    }
                    return \strpbrk($b, self::NONZERO) === false ? \tokencalc_add($a, '0') : $r;
                case 'mul':
                    $r = \tokencalc_mul($a, $b);
                    return \strpbrk($a, self::NONZERO) === false || \strpbrk($b, self::NONZERO) === false ? '0' : $r;
                case 'div':
                    $r = \tokencalc_div($a, $b);
                    return \strpbrk($a, self::NONZERO) === false ? '0' : $r;
                default:
                    return \tokencalc_truncate($a);
            }
        } catch (\ValueError | \ArithmeticError $e) {
            throw new \RuntimeException(self::ERROR_MESSAGES[$op], 0, $e);
        }
    }
}
