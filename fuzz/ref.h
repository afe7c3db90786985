/*
 * The fuzz harnesses' independent reference: a grammar check and a GMP-rational reading of a
 * decimal string, written from ../shared/spec/arithmetic.md without looking at decimal.c, so
 * that the core is checked against something that shares none of its code.
 */
#ifndef TC_FUZZ_REF_H
#define TC_FUZZ_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>

/* A decimal string taken apart: sign, integer digits, fractional digits (pointers into the input). */
typedef struct ref_num {
	bool neg;
	const char *ip; size_t il;   /* integer digits as written (leading zeros included) */
	const char *fp; size_t fl;   /* fractional digits as written */
} ref_num;

/* [+-]? ( DIGITS ( "." DIGITS? )? | "." DIGITS ), nothing else. */
static inline bool ref_split(const char *s, size_t n, ref_num *out)
{
	size_t i = 0;
	memset(out, 0, sizeof *out);
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		out->neg = s[i] == '-';
		i++;
	}
	out->ip = s + i;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
	}
	out->il = (size_t) (s + i - out->ip);
	out->fp = s + i;
	if (i < n && s[i] == '.') {
		i++;
		out->fp = s + i;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		out->fl = (size_t) (s + i - out->fp);
	}
	return i == n && (out->il > 0 || out->fl > 0);
}

/* q = the exact value of r (q initialised). */
static inline void ref_to_mpq(mpq_t q, const ref_num *r)
{
	size_t n = r->il + r->fl;
	char *buf = malloc(n + 2);
	memcpy(buf, r->ip, r->il);
	memcpy(buf + r->il, r->fp, r->fl);
	buf[n] = '\0';
	mpz_t num, den;
	mpz_inits(num, den, NULL);
	if (n > 0) {
		mpz_set_str(num, buf, 10);
	}
	if (r->neg) {
		mpz_neg(num, num);
	}
	mpz_ui_pow_ui(den, 10, (unsigned long) r->fl);
	mpq_set_num(q, num);
	mpq_set_den(q, den);
	mpq_canonicalize(q);
	mpz_clears(num, den, NULL);
	free(buf);
}

/* The canonical print of r: sign unless zero, integer digits without leading zeros, all fractional digits. */
static inline char *ref_canonical(const ref_num *r)
{
	const char *ip = r->ip;
	size_t il = r->il;
	bool zero = true;
	while (il > 0 && *ip == '0') {
		ip++;
		il--;
	}
	for (size_t i = 0; i < il && zero; i++) zero = false;
	for (size_t i = 0; i < r->fl && zero; i++) zero = r->fp[i] == '0';
	char *out = malloc(il + r->fl + 4), *p = out;
	if (r->neg && !zero) *p++ = '-';
	if (il == 0) {
		*p++ = '0';
	} else {
		memcpy(p, ip, il);
		p += il;
	}
	if (r->fl > 0) {
		*p++ = '.';
		memcpy(p, r->fp, r->fl);
		p += r->fl;
	}
	*p = '\0';
	return out;
}

/* q truncated toward zero to s places, printed with exactly s places (malloc'd). */
static inline char *ref_print_trunc(const mpq_t q, unsigned long s)
{
	mpz_t c, p;
	mpz_inits(c, p, NULL);
	mpz_ui_pow_ui(p, 10, s);
	mpz_mul(c, mpq_numref(q), p);
	mpz_tdiv_q(c, c, mpq_denref(q));
	bool neg = mpz_sgn(c) < 0;
	mpz_abs(c, c);
	char *digits = mpz_get_str(NULL, 10, c);
	size_t nd = strlen(digits);
	char *out = malloc(nd + s + 4), *o = out;
	if (neg) *o++ = '-';
	if (nd > s) {
		memcpy(o, digits, nd - s);
		o += nd - s;
	} else {
		*o++ = '0';
	}
	if (s > 0) {
		*o++ = '.';
		if (nd < s) {
			memset(o, '0', s - nd);
			o += s - nd;
			memcpy(o, digits, nd);
			o += nd;
		} else {
			memcpy(o, digits + nd - s, s);
			o += s;
		}
	}
	*o = '\0';
	void (*gmp_free)(void *, size_t);
	mp_get_memory_functions(NULL, NULL, &gmp_free);
	gmp_free(digits, nd + 1);
	mpz_clears(c, p, NULL);
	return out;
}

/* Fewest decimal places that write q exactly, or -1 when that is more than limit. */
static inline long ref_places(const mpq_t q, unsigned long limit)
{
	mpz_t d;
	mpz_init_set(d, mpq_denref(q));
	/* A reduced fraction terminates iff its denominator is 2^x 5^y; it then needs max(x, y) places. */
	unsigned long x = mpz_scan1(d, 0);
	mpz_tdiv_q_2exp(d, d, x);
	unsigned long y = 0;
	while (mpz_divisible_ui_p(d, 5)) {
		mpz_divexact_ui(d, d, 5);
		y++;
	}
	long res = mpz_cmp_ui(d, 1) == 0 ? (long) (x > y ? x : y) : -1;
	mpz_clear(d);
	if (res > (long) limit) res = -1;
	return res;
}

/* Stops the run with a readable message; libFuzzer then saves the input. */
#define REF_FAIL(...) do { \
	fprintf(stderr, "\n*** tokencalc fuzz mismatch: "); \
	fprintf(stderr, __VA_ARGS__); \
	fprintf(stderr, "\n"); \
	abort(); \
} while (0)

#endif
