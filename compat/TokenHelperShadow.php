<?php

declare(strict_types=1);

namespace Fawaz\Utils\TokenCalculations;

/**
 * Shadow mode of the drop-in TokenHelper (docs/migration.md, "Rollout"): each call is computed by
 * tokencalc and by the backend's Rust library through FFI; the library's result is returned, as
 * before the switch, and every difference is reported. Made only by TokenHelper::enableShadow().
 * Deleted from the backend together with the Rust library once the switch is done.
 */
final class TokenHelperShadow
{
    /** The library's exported function for each operation. */
    private const SYMBOLS = [
        'add' => 'add_decimal',
        'sub' => 'subtract_decimal',
        'mul' => 'multiply_decimal',
        'div' => 'divide_decimal',
        'truncate' => 'truncate_decimal',
    ];

    /** @var array{calls: int, value: int, string: int, error: int} */
    private array $counts = ['calls' => 0, 'value' => 0, 'string' => 0, 'error' => 0];

    /**
     * @param \Closure(string, array<string, mixed>): mixed $report
     * @param \Closure(string, string, string): string $compute the drop-in's own computation
     */
    private function __construct(
        private \FFI $ffi,
        private \Closure $report,
        private bool $reportStrings,
        private \Closure $compute,
    ) {
    }

    /** Loads the library; null (after telling the reporter why) when FFI or the library is missing. */
    public static function open(string $library, object|callable $reporter, bool $reportStrings, \Closure $compute): ?self
    {
        if (\is_callable($reporter)) {
            $report = \Closure::fromCallable($reporter);
        } elseif (\method_exists($reporter, 'warning')) {
            $report = \Closure::fromCallable([$reporter, 'warning']);
        } else {
            throw new \TypeError('TokenHelper::enableShadow(): Argument #2 ($reporter) must be callable or have a warning() method');
        }
        if (!\extension_loaded('ffi')) {
            $why = 'the FFI extension is not loaded';
        } elseif (!\is_file($library)) {
            $why = "no library at $library";
        } else {
            try {
                // char * (not const char *): the strings are read with FFI::string() and then
                // released by the library, instead of leaking one per call as the FFI version did.
                $ffi = \FFI::cdef('
                    char *add_decimal(const char *a, const char *b);
                    char *subtract_decimal(const char *a, const char *b);
                    char *multiply_decimal(const char *a, const char *b);
                    char *divide_decimal(const char *a, const char *b);
                    char *truncate_decimal(const char *a);
                    void free_c_string(char *p);', $library);
                return new self($ffi, $report, $reportStrings, $compute);
            } catch (\FFI\Exception $e) {
                $why = $e->getMessage();
            }
        }
        $report('tokencalc shadow mode is off: ' . $why, ['library' => $library]);
        return null;
    }

    /** @return array{calls: int, value: int, string: int, error: int} */
    public function counts(): array
    {
        return $this->counts;
    }

    /** Runs $op both ways, reports a difference, and returns what the library returned. */
    public function call(string $op, string $a, string $b = ''): string
    {
        $this->counts['calls']++;
        $ours = $ourError = null;
        try {
            $ours = ($this->compute)($op, $a, $b);
        } catch (\RuntimeException $e) {
            $ourError = $e->getPrevious() ?? $e;
        }

        $symbol = self::SYMBOLS[$op];
        $p = $op === 'truncate' ? $this->ffi->$symbol($a) : $this->ffi->$symbol($a, $b);
        $theirs = \FFI::string($p);
        $this->ffi->free_c_string($p);
        // The backend's own test of the library's answer (ERR_PARSE, ERR_DIV0, ...).
        $theirsOk = \is_numeric($theirs);

        $kind = null;
        if ($ourError !== null || !$theirsOk) {
            if ($ourError === null || $theirsOk) {
                $kind = 'error';
            }
        } elseif (\tokencalc_cmp($theirs, $ours) !== 0) {
            $kind = 'value';
        } elseif ($theirs !== $ours) {
            $kind = 'string';
        }
        if ($kind !== null) {
            $this->counts[$kind]++;
            if ($kind !== 'string' || $this->reportStrings) {
                ($this->report)("tokencalc shadow: $kind difference in $op", [
                    'operation' => $op,
                    'operands' => $op === 'truncate' ? [$a] : [$a, $b],
                    'ffi' => $theirs,
                    'tokencalc' => $ourError === null ? $ours : $ourError::class . ': ' . $ourError->getMessage(),
                    'kind' => $kind,
                    'count' => $this->counts[$kind],
                ]);
            }
        }

        if (!$theirsOk) {
            throw new \RuntimeException(TokenHelper::ERROR_MESSAGES[$op]);
        }
        return $theirs;
    }
}
