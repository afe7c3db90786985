/*
 * tokencalc core: what the core's own files share, defined once. Private: not installed, never
 * included by the binding (which sees only the public headers).
 */
#ifndef TC_PRIVATE_H
#define TC_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
# define TC_NOINLINE __attribute__((noinline))
# define TC_ALWAYS_INLINE inline __attribute__((always_inline))
# define TC_LIKELY(x) __builtin_expect(!!(x), 1)
# define TC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
# define TC_NOINLINE
# define TC_ALWAYS_INLINE inline
# define TC_LIKELY(x) (x)
# define TC_UNLIKELY(x) (x)
#endif

/* Largest number of decimal digits that always fits a uint64_t. */
#define TC_U64_DIGITS 19
/* 10^k for k <= 19 (decimal.c). */
extern const uint64_t tc_pow10_u64[20];
/* The limb base of wide values, and its digits. */
#define TC_BASE 100000000u
#define TC_BASE_DIGITS 8

/*
 * Contracts. TC_ASSERT is checked in the C tests and the fuzzers (built with -DTC_DEBUG), so a
 * fuzzer sees a broken contract; it costs nothing in the extension.
 */
#ifdef TC_DEBUG
# include <stdio.h>
# include <stdlib.h>
# define TC_ASSERT(c) ((c) ? (void) 0 \
	: (fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #c), abort()))
#else
# define TC_ASSERT(c) ((void) 0)
#endif

#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
# define TC_HAVE_U128 1
typedef unsigned __int128 tc_u128;
#endif

#ifdef TC_HAVE_U128
/* 10^k for k <= 38, the most a 128-bit integer holds. */
static inline tc_u128 pow10_u128(uint32_t k)
{
	TC_ASSERT(k <= 2 * TC_U64_DIGITS);
	return k <= TC_U64_DIGITS ? tc_pow10_u64[k] : (tc_u128) tc_pow10_u64[TC_U64_DIGITS] * tc_pow10_u64[k - TC_U64_DIGITS];
}

#endif

/*
 * dst[0..n) = src[0..n) for the short runs of digits the core moves, without a library call: two
 * overlapping blocks cover any length from one block to two. On the 28-digit operands of
 * benchmarks/widths.php, two parses and tc_text_addsub took 28.3 ns instead of 32.1 with libc's
 * memcpy and memset (C loop, best of 41 rounds; 78 digits: 40.3 against 44.5).
 */
static inline void tc_copy_run(char *dst, const char *src, size_t n)
{
	if (n >= 16) {
		if (n > 32) {
			memcpy(dst, src, n);
			return;
		}
		char a[16], b[16];
		memcpy(a, src, 16);
		memcpy(b, src + n - 16, 16);
		memcpy(dst, a, 16);
		memcpy(dst + n - 16, b, 16);
	} else if (n >= 8) {
		uint64_t a, b;
		memcpy(&a, src, 8);
		memcpy(&b, src + n - 8, 8);
		memcpy(dst, &a, 8);
		memcpy(dst + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, src, 4);
		memcpy(&b, src + n - 4, 4);
		memcpy(dst, &a, 4);
		memcpy(dst + n - 4, &b, 4);
	} else if (n > 0) {
		char a = src[0], b = src[n / 2], c = src[n - 1];
		dst[0] = a;
		dst[n / 2] = b;
		dst[n - 1] = c;
	}
}

/*
 * v / 10^k for k <= 19 (0 for larger k). A divisor known at compile time becomes a
 * multiplication, where a divisor read from a table is a hardware division (tens of cycles).
 */
static inline uint64_t div_pow10_u64(uint64_t v, uint32_t k)
{
	switch (k) {
		case 0: return v;
		case 1: return v / 10ULL;
		case 2: return v / 100ULL;
		case 3: return v / 1000ULL;
		case 4: return v / 10000ULL;
		case 5: return v / 100000ULL;
		case 6: return v / 1000000ULL;
		case 7: return v / 10000000ULL;
		case 8: return v / 100000000ULL;
		case 9: return v / 1000000000ULL;
		case 10: return v / 10000000000ULL;
		case 11: return v / 100000000000ULL;
		case 12: return v / 1000000000000ULL;
		case 13: return v / 10000000000000ULL;
		case 14: return v / 100000000000000ULL;
		case 15: return v / 1000000000000000ULL;
		case 16: return v / 10000000000000000ULL;
		case 17: return v / 100000000000000000ULL;
		case 18: return v / 1000000000000000000ULL;
		case 19: return v / 10000000000000000000ULL;
		default: return 0;
	}
}

/* Whether a + b overflows a uint64_t (*sum is a + b, wrapped). */
static inline int tc_add_overflow_u64(uint64_t a, uint64_t b, uint64_t *sum)
{
#if defined(__GNUC__)
	return __builtin_add_overflow(a, b, sum);
#else
	*sum = a + b;
	return *sum < a;
#endif
}

#endif
