/*
 * tokencalc core: what the core's own files share, defined once. Private: not installed, never
 * included by the binding (which sees only the public headers).
 */
#ifndef TC_PRIVATE_H
#define TC_PRIVATE_H

#include <stdint.h>

#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
# define TC_HAVE_U128 1
typedef unsigned __int128 tc_u128;
#endif

#if defined(__GNUC__)
# define TC_NOINLINE __attribute__((noinline))
# define TC_LIKELY(x) __builtin_expect(!!(x), 1)
# define TC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
# define TC_NOINLINE
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
