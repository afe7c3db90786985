/*
 * tokencalc core: add, subtract, compare and truncate decimal strings as they are.
 *
 * For these four operations a value needs no conversion at all: the digits are aligned on the
 * point and worked on eight at a time (SWAR), and the result is written straight into the
 * caller's buffer. Time and memory are linear in the length, so long values cost what copying
 * them costs. The binding sends add and sub of strings of up to 13 characters to the
 * machine-integer path of decimal.h instead (tc_dec_addsub_short()), which is faster there;
 * results are the same (fuzz/fuzz_arith.c checks both against an exact rational reference).
 */
#ifndef TC_TEXT_H
#define TC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/*
 * Validates s[0..len) against the decimal grammar and takes it apart (nothing is copied: s must
 * outlive t). TC_ERR_TOO_LONG when len > max_digits (checked first), TC_ERR_SYNTAX otherwise.
 */
tc_status tc_text_parse(tc_text *t, const char *s, size_t len, size_t max_digits);
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
