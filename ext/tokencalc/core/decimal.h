/*
 * tokencalc core: exact decimal numbers and their arithmetic.
 *
 * A tc_dec is sign * magnitude / 10^scale, held in one of two forms:
 *   - small: the magnitude (coefficient) in a uint64_t, while it has at most 19 digits or
 *     otherwise fits; token amounts live here and never leave machine integers;
 *   - wide: base-10^8 digits ("limbs", least significant first) aligned on the decimal point, so
 *     that add, sub, compare, truncate, parse and print work on the digits directly, with no radix
 *     conversion, in time linear in the length. Limbs live in caller stack storage (tc_dec_stack)
 *     or in memory from tc_mem_alloc() (tc_mem.h), never in libgmp's allocator; GMP's mpn layer
 *     multiplies and divides very long operands, on buffers the core owns.
 * Every operation is exact and then truncated toward zero to its result scale (docs/arithmetic.md).
 *
 * Life cycle: tc_dec_init() (or tc_dec_init_stack()) before first use, tc_dec_clear() after last
 * use. Every function that writes a tc_dec replaces its old value; results may alias operands.
 * Outside the core, the fields are private: use the functions below.
 */
#ifndef TC_DECIMAL_H
#define TC_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <gmp.h>
#if defined(__SSE2__) && defined(__GNUC__)
# include <emmintrin.h>
#endif

#include "tc_status.h"

/* Pass as the scale of add/sub/mul/truncate for an exact, untruncated result. */
#define TC_SCALE_EXACT UINT32_MAX
/* Largest scale a caller may ask for (INI tokencalc.scale and every $scale argument). */
#define TC_SCALE_MAX 10000u

typedef struct tc_dec {
	uint64_t small;   /* the coefficient, when !is_big */
	uint32_t *limb;   /* when is_big: limb[0..len), base 10^8, least significant first */
	uint32_t len;     /* limbs in use (limb[len - 1] != 0; 0 means zero) */
	uint32_t frac;    /* limbs after the point: always ceil(scale / 8) for a wide value */
	uint32_t cap;     /* limbs the storage at limb holds (kept across values) */
	uint32_t scale;   /* digits after the decimal point */
	bool neg;         /* never true for zero */
	bool is_big;      /* wide form */
	bool own;         /* limb came from tc_mem_alloc() (freed by tc_dec_clear) */
} tc_dec;

/*
 * Stack storage for one value: enough for any operand of up to 150 digits and for the
 * product of two 78-digit values, so that everyday calls allocate nothing but their result.
 */
#define TC_DEC_STACK_LIMBS 24
typedef struct tc_dec_stack {
	uint32_t limb[TC_DEC_STACK_LIMBS];
} tc_dec_stack;

/* Sets d to 0 (scale 0) with no storage. Cheap: no allocation. */
static inline void tc_dec_init(tc_dec *d)
{
	d->small = 0;
	d->limb = NULL;
	d->len = 0;
	d->frac = 0;
	d->cap = 0;
	d->scale = 0;
	d->neg = false;
	d->is_big = false;
	d->own = false;
}

/* Sets d to 0 with st (which must outlive d) as its first storage. */
static inline void tc_dec_init_stack(tc_dec *d, tc_dec_stack *st)
{
	tc_dec_init(d);
	d->limb = st->limb;
	d->cap = TC_DEC_STACK_LIMBS;
}

/* Releases the storage of d (use tc_dec_clear). */
void tc_dec_clear_big(tc_dec *d);

/* Releases what d holds and sets it to 0; d may be used again afterwards. */
static inline void tc_dec_clear(tc_dec *d)
{
	if (d->own) {
		tc_dec_clear_big(d);
	}
	tc_dec_init(d);
}
/* d = s, exactly (copies the scale too). TC_OK or TC_ERR_NOMEM. */
tc_status tc_dec_copy(tc_dec *d, const tc_dec *s);

/*
 * Parses s[0..len) in the grammar [+-]?(DIGITS("."DIGITS?)?|"."DIGITS), ASCII only.
 * TC_ERR_TOO_LONG when len > max_digits (checked first, before any work);
 * TC_ERR_SYNTAX for anything else that is not in the grammar; TC_ERR_NOMEM when storage for a
 * long value cannot be had. d is unchanged on error.
 */
tc_status tc_dec_parse(tc_dec *d, const char *s, size_t len, size_t max_digits);
/*
 * Longest input tc_dec_parse_short() takes: 19 digits, which always fit a uint64_t, with a sign and
 * a point. Past 19 digits it answers TC_ERR_TOO_LONG: the caller takes the long parser.
 * tc_dec_parse_short_as(..., false) takes at most TC_DEC_SHORT_LEN_19 characters, so at most 19
 * digits, and skips the two digit-count tests (a per-row loop's few instructions).
 */
#define TC_DEC_SHORT_LEN 21
#define TC_DEC_SHORT_LEN_19 19

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(TC_NO_SWAR)
# define TC_SWAR_DIGITS 1
/* Whether the 8 bytes of x (read little-endian) are all ASCII digits. */
static inline bool tc_eight_digits(uint64_t x)
{
	return ((x & 0xF0F0F0F0F0F0F0F0ULL) | (((x + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4))
		== 0x3333333333333333ULL;
}

/*
 * Bytes of x (read little-endian) that are not ASCII digits: a non-zero byte for each, so the first
 * one is at byte __builtin_ctzll(mask) / 8. No carry crosses a byte.
 */
static inline uint64_t tc_nondigit_mask(uint64_t x)
{
	return ((x & 0xF0F0F0F0F0F0F0F0ULL) ^ 0x3030303030303030ULL)
		| (((x & 0x0F0F0F0F0F0F0F0FULL) + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL);
}

/* The value of 8 digit values 0..9 in bytes (first digit in the lowest byte), by pairing them up in three multiplies. */
static inline uint64_t tc_eight_raw_value(uint64_t x)
{
	x = x * 10 + (x >> 8);                                   /* pairs of digits in every other byte */
	return (((x & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32)))
		+ (((x >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >> 32;
}

/* The value of 8 ASCII digits (first digit in the lowest byte). */
static inline uint64_t tc_eight_digits_value(uint64_t x)
{
	return tc_eight_raw_value(x - 0x3030303030303030ULL);
}
#endif

/* Where the run of ASCII digits at p (before end) stops: 16 or 8 bytes per step where it can, then one. */
static inline const char *tc_skip_digits(const char *p, const char *end)
{
#if defined(__SSE2__) && defined(__GNUC__) && !defined(TC_NO_SWAR)
	/* Long runs: 16 bytes per step (SSE2, in every x86-64): a byte is a digit iff byte - '0' <= 9. */
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	while (end - p >= 16) {
		__m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *) (const void *) p), zero);
		unsigned bad = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(d, nine), nine)) ^ 0xFFFFu;
		if (bad != 0) {
			return p + __builtin_ctz(bad);
		}
		p += 16;
	}
#elif defined(TC_SWAR_DIGITS)
	/* Long runs: 32 bytes per step, one test for all four words. */
	while (end - p >= 32) {
		uint64_t x[4];
		memcpy(x, p, sizeof x);
		if ((tc_nondigit_mask(x[0]) | tc_nondigit_mask(x[1]) | tc_nondigit_mask(x[2])
				| tc_nondigit_mask(x[3])) != 0) {
			break;
		}
		p += 32;
	}
#endif
#ifdef TC_SWAR_DIGITS
	while (end - p >= 8) {
		uint64_t x, m;
		memcpy(&x, p, sizeof x);
		m = tc_nondigit_mask(x);
		if (m != 0) {
# if defined(__GNUC__)
			return p + (__builtin_ctzll(m) >> 3);
# else
			break;
# endif
		}
		p += 8;
	}
#endif
	while (p < end && (unsigned) (unsigned char) *p - '0' < 10) {
		p++;
	}
	return p;
}

/*
 * The token-sized fast path of tc_dec_parse(), inline for per-row loops: len <= TC_DEC_SHORT_LEN
 * is the caller's to check (len <= TC_DEC_SHORT_LEN_19 when past_19 is false). The integer digits
 * one by one, then the fraction, eight digits at once where there are eight (little-endian
 * machines). TC_OK, TC_ERR_SYNTAX, or TC_ERR_TOO_LONG past 19 digits (the caller then takes
 * tc_dec_parse()'s long parser); d unchanged on failure. nul: s[len] is a NUL (only with past_19
 * false: tc_dec_parse_short_nul() below).
 */
TC_INLINE tc_status tc_dec_parse_short_in(tc_dec *d, const char *s, size_t len, bool past_19, bool nul)
{
	const char *p = s, *end = s + len, *int_start;
	uint64_t v = 0;
	uint32_t scale = 0;
	bool neg = false;

	if (p < end && (*p == '+' || *p == '-')) {
		neg = *p == '-';
		p++;
	}
	if (past_19 && end - p > 20) {
		/* past 19 digits (20 with a point): the long parser reads it, and finds any bad byte */
		return TC_ERR_TOO_LONG;
	}
	int_start = p;
	for (; nul || p < end; p++) {   /* with nul, the NUL at end stops it */
		unsigned c = (unsigned) (unsigned char) *p - '0';
		if (c >= 10) {
			break;
		}
		v = v * 10 + c;
	}
	size_t int_len = (size_t) (p - int_start);
	if (p < end) {
		if (*p != '.') {
			return TC_ERR_SYNTAX;
		}
		p++;
		scale = (uint32_t) (end - p);
#ifdef TC_SWAR_DIGITS
		if (end - p >= 8) {   /* a token's fraction: its first eight digits at once */
			uint64_t x;
			memcpy(&x, p, sizeof x);
			if (!tc_eight_digits(x)) {
				return TC_ERR_SYNTAX;
			}
			v = v * 100000000ULL + tc_eight_digits_value(x);
			p += 8;
		}
#endif
		for (; nul || p < end; p++) {
			unsigned c = (unsigned) (unsigned char) *p - '0';
			if (c >= 10) {
				break;
			}
			v = v * 10 + c;
		}
		if (p != end) {
			return TC_ERR_SYNTAX;
		}
	}
	if (int_len + scale == 0) {
		return TC_ERR_SYNTAX;   /* no digit at all: "", "+", ".", "-." */
	}
	if (past_19 && int_len > 19) {
		return TC_ERR_TOO_LONG;   /* 20 digits, no point: v has wrapped; the long parser reads them */
	}
	/* The storage stays with d (freed by tc_dec_clear), only the form changes. */
	d->is_big = false;
	d->small = v;
	d->neg = neg && v != 0;
	d->scale = scale;
	return TC_OK;
}

TC_INLINE tc_status tc_dec_parse_short_as(tc_dec *d, const char *s, size_t len, bool past_19)
{
	return tc_dec_parse_short_in(d, s, len, past_19, false);
}

/*
 * tc_dec_parse_short_as(d, s, len, false) for a string with a NUL at s[len], as every PHP string
 * has: the digit loops stop at the first byte that is not a digit, the NUL at the latest, without
 * testing for the end at every digit.
 */
TC_INLINE tc_status tc_dec_parse_short_nul(tc_dec *d, const char *s, size_t len)
{
	return tc_dec_parse_short_in(d, s, len, false, true);
}

TC_INLINE tc_status tc_dec_parse_short(tc_dec *d, const char *s, size_t len)
{
	return tc_dec_parse_short_as(d, s, len, true);
}

/* d = v, scale 0. */
void tc_dec_from_i64(tc_dec *d, int64_t v);
/* d = coeff / 10^scale (coeff signed, any size). TC_OK or TC_ERR_NOMEM. */
tc_status tc_dec_from_mpz(tc_dec *d, const mpz_t coeff, uint32_t scale);
/* coeff = the signed integer coefficient of d (d == coeff / 10^d->scale). coeff initialised. */
void tc_dec_get_mpz(mpz_t coeff, const tc_dec *d);

/* The scale of d: digits after the point. */
static inline uint32_t tc_dec_scale(const tc_dec *d)
{
	return d->scale;
}

/*
 * A result of at most 19 places whose integer part has at most 57 digits, split at its point and
 * kept so until it is printed: its length is known before a byte is written, so it is written
 * once, straight into the caller's string. The fields are private: use the functions below.
 */
typedef struct tc_dec_parts {
	uint64_t w[3];     /* the integer part, w[2] * 10^38 + w[1] * 10^19 + w[0], each below 10^19 */
	uint64_t frac;     /* the fraction, frac / 10^scale */
	uint32_t scale;
	bool neg;          /* never true for zero */
} tc_dec_parts;

/*
 * r = a * b as tc_dec_mul() does, except that a product past 64 bits of at most 38 digits, with at
 * most 19 places in the result, goes to *parts instead (then *split is true and r is unchanged;
 * never where the compiler has no 128-bit integers): the binding's one call for both.
 */
tc_status tc_dec_mul_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b,
		uint32_t scale);
/* r = a / b as tc_dec_div() does, except that a quotient past 64 bits of at most 38 digits and 19
 * places goes to *parts instead (*split true, r unchanged). */
tc_status tc_dec_div_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b,
		uint32_t scale);

/*
 * The same two for operands that are decimal strings taken apart (text.h), the binding's route
 * for values past a machine word: the digits go to binary straight from the string, with no
 * base-10^8 limbs in between. Coefficients of at most 38 digits are read as groups of 19 digits and
 * multiplied in 128 bits or, past that, in base 10^19; a result of at most 19 places with an
 * integer part of at most 57 digits is split into *parts;
 * quotients come from 64-bit words (div_bin's route). What these do not take, they build into
 * tc_decs and hand to tc_dec_mul_either() / tc_dec_div_either(): same results, same statuses
 * (TC_ERR_DIV0 when b is zero; TC_ERR_NOMEM from the allocator).
 */
struct tc_text;
tc_status tc_text_mul_either(tc_dec *r, tc_dec_parts *parts, bool *split, const struct tc_text *a,
		const struct tc_text *b, uint32_t scale);
tc_status tc_text_div_either(tc_dec *r, tc_dec_parts *parts, bool *split, const struct tc_text *a,
		const struct tc_text *b, uint32_t scale);
/* The exact length tc_dec_parts_print() writes (no NUL). */
size_t tc_dec_parts_len(const tc_dec_parts *r);
/* Writes r as [-]INT[.FRAC] in exactly len = tc_dec_parts_len(r) bytes at out (no NUL). */
void tc_dec_parts_print(const tc_dec_parts *r, char *out, size_t len);

/* -1, 0 or 1 by sign. */
int tc_dec_sign(const tc_dec *d);
/* -1, 0 or 1 as a < b, a == b, a > b, on the exact values. */
int tc_dec_cmp(const tc_dec *a, const tc_dec *b);
/*
 * A decimal string (text.h) against d without reading the string's digits: when t's integer part
 * is longer than d's, |t| > |d| and t's sign decides; then *res = -1 or 1 (as t < d or t > d) and
 * true. Else false: compare them otherwise.
 */
bool tc_dec_cmp_text_quick(const struct tc_text *t, const tc_dec *d, int *res);

/*
 * The arithmetic. Each returns TC_OK, or TC_ERR_NOMEM when storage cannot be had (r unchanged;
 * only with an allocator that returns NULL).
 * r = a + b (resp. a - b) truncated toward zero to min(scale, max(a->scale, b->scale)).
 */
tc_status tc_dec_add(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale);
tc_status tc_dec_sub(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale);
/*
 * The binding's one call for add and sub of two strings of at most TC_DEC_SHORT_LEN_19 characters
 * each: r = a + b (a - b when sub), as tc_dec_parse() and tc_dec_add() or tc_dec_sub() would give,
 * when both are valid and the sum stays in a machine word (a[alen] and b[blen] must be NULs, as in
 * every PHP string: tc_dec_parse_short_nul()): then TC_OK, and r (initialised by the
 * caller) needs no storage. Otherwise r is unchanged and the status is not TC_OK (TC_ERR_SYNTAX for
 * any input the short parser does not take, TC_ERR_TOO_LONG for a sum past a word): the caller
 * then takes the general path, which reads the operands again and says what is wrong.
 */
tc_status tc_dec_addsub_short(tc_dec *r, const char *a, size_t alen, const char *b, size_t blen, bool sub,
		uint32_t scale);
/* r = a * b truncated toward zero to min(scale, a->scale + b->scale). */
tc_status tc_dec_mul(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale);
/*
 * r = a / b truncated toward zero: to `scale` places when the quotient does not terminate
 * within them, else to min(scale, max(a->scale - b->scale, fewest places that print it exactly)).
 * TC_ERR_DIV0 when b is zero (r unchanged). scale must be <= TC_SCALE_MAX.
 */
tc_status tc_dec_div(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale);
/* r = a truncated toward zero to min(scale, a->scale) places. */
tc_status tc_dec_truncate(tc_dec *r, const tc_dec *a, uint32_t scale);
/* d without trailing fractional zeros (scale lowered as far as the value allows). */
tc_status tc_dec_normalize(tc_dec *d);
/* d rescaled to exactly `scale` places: appends zeros, or truncates toward zero. */
tc_status tc_dec_rescale(tc_dec *d, uint32_t scale);

/* An upper bound of the bytes tc_dec_print() writes, its terminating NUL included. */
size_t tc_dec_print_size(const tc_dec *d);
/*
 * Writes d as [-]INT[.FRAC] with exactly d->scale fractional digits and a NUL; returns the
 * length without the NUL. buf must hold tc_dec_print_size(d) bytes.
 */
size_t tc_dec_print(const tc_dec *d, char *buf);

/* Largest scale tc_dec_print_small() takes, and the room it needs (sign, 20 digits, point, zeros). */
#define TC_PRINT_SMALL_MAX_SCALE 40u
#define TC_PRINT_SMALL_SIZE 64
/*
 * Fast printing of a small value (!d->is_big, d->scale <= TC_PRINT_SMALL_MAX_SCALE): writes it
 * right to left so that it ends just before `end`, and returns where it starts (no NUL).
 */
char *tc_dec_print_small(const tc_dec *d, char *end);
/* The exact length tc_dec_print_small() writes for d (same conditions). */
size_t tc_dec_print_small_len(const tc_dec *d);

/* tc_dec_print_len() and tc_dec_print_exact() for values the small printer does not take. */
size_t tc_dec_print_len_wide(const tc_dec *d);
void tc_dec_print_exact_wide(const tc_dec *d, char *buf, size_t len);

/* The exact length tc_dec_print_exact() writes (no NUL). */
static inline size_t tc_dec_print_len(const tc_dec *d)
{
	if (!d->is_big && d->scale <= TC_PRINT_SMALL_MAX_SCALE) {
		return tc_dec_print_small_len(d);
	}
	return tc_dec_print_len_wide(d);
}

/* Writes d in exactly len = tc_dec_print_len(d) bytes at buf (no NUL): the binding's result path. */
static inline void tc_dec_print_exact(const tc_dec *d, char *buf, size_t len)
{
	if (!d->is_big && d->scale <= TC_PRINT_SMALL_MAX_SCALE) {
		tc_dec_print_small(d, buf + len);
		return;
	}
	tc_dec_print_exact_wide(d, buf, len);
}

#endif
