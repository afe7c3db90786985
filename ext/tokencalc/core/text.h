/*
 * tokencalc core: add, subtract, compare and truncate decimal strings as they are.
 *
 * For these four operations a value needs no conversion at all: the digits are aligned on the
 * point and worked on eight at a time (SWAR), and the result is written straight into the
 * caller's buffer. Time and memory are linear in the length, so long values cost what copying
 * them costs. The binding sends add and sub of two strings of up to 13 characters, one of them
 * shorter than TC_TEXT_CLASSIFIED_LEN, to the machine-integer path of decimal.h instead
 * (tc_dec_addsub_short()), which is faster there; results are the same (fuzz/fuzz_arith.c checks
 * both against an exact rational reference).
 */
#ifndef TC_TEXT_H
#define TC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__) && !defined(TC_NO_SWAR)
# include <emmintrin.h>
/* Strings of 8 to 64 bytes are classified 16 bytes at a time (SSE2, in every x86-64). */
# define TC_TEXT_MASK 1
/* The shortest string tc_text_parse() classifies at once; shorter ones are scanned a byte at a time. */
# define TC_TEXT_CLASSIFIED_LEN 8
#else
# define TC_TEXT_CLASSIFIED_LEN SIZE_MAX
#endif

#include "tc_status.h"

/*
 * A validated decimal string: its sign and digit runs, pointing into the caller's string. The bytes
 * from ip to fp + fl are the caller's (the digits, and the point between them when there is one;
 * without a fraction, fp is the end of the integer digits or just past a trailing point).
 */
typedef struct tc_text {
	const char *ip;   /* integer digits, leading zeros skipped (il may be 0) */
	const char *fp;   /* fractional digits as written */
	size_t il;
	size_t fl;
	bool neg;         /* a '-' was written (the value may still be zero) */
} tc_text;

/* Fills t with runs found in a string, the integer digits' leading zeros skipped. */
TC_INLINE void tc_text_set(tc_text *t, const char *ip, size_t il, const char *fp, size_t fl, bool neg)
{
	while (il > 0 && *ip == '0') {
		ip++;
		il--;
	}
	t->ip = ip;
	t->il = il;
	t->fp = fp;
	t->fl = fl;
	t->neg = neg;
}

/* tc_text_parse() of any string, one byte at a time: for the strings it does not classify at once. */
tc_status tc_text_parse_runs(tc_text *t, const char *s, size_t len);

#ifdef TC_TEXT_MASK
/*
 * Bit i set for each byte i of x that is not an ASCII digit. Moved by 0x50, the digits '0' to '9'
 * become 0x80 to 0x89, the ten smallest signed bytes, so one signed compare finds every other byte.
 * Against subtracting '0' and comparing the maximum with 9 (two more operations and a flip), two
 * parses and tc_text_addsub() at 20 / 38 digits took 22.5 / 25.7 ns instead of 23.1 / 26.3 (C loop,
 * gcc 14, min of 4 runs of 31 rounds).
 */
TC_INLINE uint32_t tc_text_nondigit_mask(__m128i x)
{
	__m128i moved = _mm_add_epi8(x, _mm_set1_epi8(0x50));
	return (uint32_t) _mm_movemask_epi8(_mm_cmpgt_epi8(moved, _mm_set1_epi8((char) 0x89)));
}

/* Bit i set for each byte s[i] of the 16 at s that is not an ASCII digit. */
TC_INLINE uint32_t tc_text_nondigit_bits16(const char *s)
{
	return tc_text_nondigit_mask(_mm_loadu_si128((const __m128i *) (const void *) s));
}

/*
 * Bit i set for each s[i], i < len, that is not an ASCII digit; 8 <= len <= 64. Four loads at
 * most, the last one ending at s + len, so no byte is read twice one at a time and none outside
 * the string.
 */
TC_INLINE uint64_t tc_text_nondigit_bits(const char *s, size_t len)
{
	if (len < 16) {
		/* the first 8 bytes and the last 8, overlapping, as one block */
		uint64_t x0, x1;
		memcpy(&x0, s, 8);
		memcpy(&x1, s + len - 8, 8);
		uint32_t b = tc_text_nondigit_mask(_mm_set_epi64x((long long) x1, (long long) x0));
		return (uint64_t) (b & 0xFFu) | (uint64_t) (b >> 8) << (len - 8);
	}
	uint64_t last = (uint64_t) tc_text_nondigit_bits16(s + len - 16) << (len - 16);
	if (len <= 32) {
		return (len > 16 ? tc_text_nondigit_bits16(s) : 0) | last;
	}
	uint64_t bits = tc_text_nondigit_bits16(s) | (uint64_t) tc_text_nondigit_bits16(s + 16) << 16;
	if (len > 48) {
		bits |= (uint64_t) tc_text_nondigit_bits16(s + 32) << 32;
	}
	return bits | last;
}
#endif

/*
 * Validates s[0..len) against the decimal grammar and takes it apart (nothing is copied: s must
 * outlive t). TC_ERR_TOO_LONG when len > max_digits (checked first), TC_ERR_SYNTAX otherwise.
 * Inline, so that the binding's add and sub of two strings, which parse both on every call, keep
 * the runs in registers: tokencalc_add at 15 / 20 / 38 digits took 580 / 663 / 715 instructions a
 * call instead of 607 / 690 / 742 with it in text.c (PHP 8.4.27, tracing JIT, callgrind).
 */
TC_INLINE tc_status tc_text_parse(tc_text *t, const char *s, size_t len, size_t max_digits)
{
	if (len > max_digits) {
		return TC_ERR_TOO_LONG;
	}
#ifdef TC_TEXT_MASK
	if (len >= TC_TEXT_CLASSIFIED_LEN && len <= 64) {
		/*
		 * Every byte classified at once: besides a sign in front, one non-digit at most, the point.
		 * Against scanning the two runs (whose tails went byte by byte), on the 28-digit operands of
		 * benchmarks/widths.php: 86 instructions a parse instead of 115 (callgrind), two parses in
		 * 6.2 ns instead of 9.8 (C loop, best of 41 rounds); at 14 and 16 characters (the 20-digit
		 * cell's second operand, the 15-digit cell's first), 5.6 ns instead of 8.3.
		 */
		uint64_t bad = tc_text_nondigit_bits(s, len);
		bool neg = false;
		size_t lead = 0;
		if (*s == '+' || *s == '-') {
			neg = *s == '-';
			lead = 1;
			bad &= ~(uint64_t) 1;
		}
		size_t dot = len;
		if (bad != 0) {
			dot = (size_t) __builtin_ctzll(bad);
			if ((bad & (bad - 1)) != 0 || s[dot] != '.') {
				return TC_ERR_SYNTAX;
			}
		}
		/* a sign and a point at most besides at least 8 bytes: 6 digits at least, none to check for */
		size_t il = dot - lead, fl = dot < len ? len - dot - 1 : 0;
		tc_text_set(t, s + lead, il, s + dot + (dot < len), fl, neg);
		return TC_OK;
	}
#endif
	return tc_text_parse_runs(t, s, len);
}
/* Writes the int64 v as a decimal string into buf (at least 21 bytes) and takes it apart into t. */
void tc_text_from_i64(tc_text *t, int64_t v, char *buf);

/* -1, 0 or 1 as a < b, a == b, a > b, on the exact values. */
int tc_text_cmp(const tc_text *a, const tc_text *b);

/*
 * The room tc_text_addsub() needs: the result's length at most (sign, integer digits and a carry or
 * one "0", point, min(scale, max(a->fl, b->fl)) places), and 8 bytes more that it may write past the
 * result (it writes whole words). Inline: it is called on every add and sub of long strings.
 */
static inline size_t tc_text_addsub_size(const tc_text *a, const tc_text *b, uint32_t scale)
{
	size_t s = a->fl > b->fl ? a->fl : b->fl, il = a->il > b->il ? a->il : b->il;
	if (s > scale) {
		s = scale;
	}
	return 1 + il + 1 + (s > 0 ? 1 + s : 0) + 8;
}
/*
 * Writes a + b (or a - b) truncated toward zero to min(scale, max(a->fl, b->fl)) places into out
 * (room for tc_text_addsub_size() bytes: the bytes past the result are left undefined, and no NUL);
 * returns the length. TC_ERR_NOMEM from the scratch allocation (values past about 500 digits only)
 * makes it return 0.
 */
size_t tc_text_addsub(char *out, const tc_text *a, const tc_text *b, bool sub, uint32_t scale);

/* The exact length tc_text_truncate() writes. */
size_t tc_text_truncate_len(const tc_text *a, uint32_t scale);
/* Writes a truncated toward zero to min(scale, a->fl) places into out (no NUL). */
void tc_text_truncate(char *out, const tc_text *a, uint32_t scale, size_t len);

#endif
