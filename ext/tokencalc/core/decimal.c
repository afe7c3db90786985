/*
 * tokencalc core: exact decimal arithmetic (see decimal.h).
 *
 * Every operation has two paths that must agree: a fast one on machine integers, taken when
 * both magnitudes fit a uint64_t and the aligned intermediate fits an unsigned __int128, and a
 * general one on GMP that handles everything. The fuzz harness in fuzz/ checks them against
 * a GMP rational reference.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

#if defined(__GNUC__)
# define TC_NOINLINE __attribute__((noinline))
#else
# define TC_NOINLINE
#endif

#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
# define TC_HAVE_U128 1
typedef unsigned __int128 tc_u128;
#endif

static const uint64_t pow10_u64[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
	100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
	10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL
};

/* Largest number of decimal digits that always fits a uint64_t. */
#define TC_U64_DIGITS 19

/*
 * v / 10^k for k <= 19. A divisor known at compile time becomes a multiplication, where a divisor
 * read from a table is a hardware division (tens of cycles): on the hot paths, that matters.
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

/* ---- conversions between the two representations ---- */

static void mpz_set_u64(mpz_t z, uint64_t v)
{
#if ULONG_MAX >= UINT64_MAX
	mpz_set_ui(z, (unsigned long) v);
#else
	mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
#endif
}

/* Whether z (>= 0) fits a uint64_t; if so *out is its value. */
static bool mpz_get_u64(const mpz_t z, uint64_t *out)
{
	if (mpz_sizeinbase(z, 2) > 64) {
		return false;
	}
#if ULONG_MAX >= UINT64_MAX
	*out = (uint64_t) mpz_get_ui(z);
#else
	*out = 0;
	mpz_export(out, NULL, -1, sizeof *out, 0, 0, z);
#endif
	return true;
}

static void drop_big(tc_dec *d)
{
	if (d->is_big) {
		mpz_clear(d->big);
		d->is_big = false;
	}
}

static void set_small(tc_dec *d, uint64_t mag, bool neg, uint32_t scale)
{
	drop_big(d);
	d->small = mag;
	d->neg = neg && mag != 0;
	d->scale = scale;
}

/* d = (neg ? -mag : mag) / 10^scale; mag is consumed (left with an unspecified value). */
static void set_mag_mpz(tc_dec *d, mpz_t mag, bool neg, uint32_t scale)
{
	uint64_t v;

	if (mpz_get_u64(mag, &v)) {
		set_small(d, v, neg, scale);
		return;
	}
	if (!d->is_big) {
		mpz_init(d->big);
		d->is_big = true;
	}
	mpz_swap(d->big, mag);
	d->neg = neg;
	d->scale = scale;
}

#ifdef TC_HAVE_U128
static void set_mag_u128(tc_dec *d, tc_u128 mag, bool neg, uint32_t scale)
{
	if ((mag >> 64) == 0) {
		set_small(d, (uint64_t) mag, neg, scale);
		return;
	}
	uint64_t limbs[2] = { (uint64_t) mag, (uint64_t) (mag >> 64) };
	mpz_t z;
	mpz_init(z);
	mpz_import(z, 2, -1, sizeof limbs[0], 0, 0, limbs);
	set_mag_mpz(d, z, neg, scale);
	mpz_clear(z);
}

/* 10^k for k <= 38 as a 128-bit value. */
static tc_u128 pow10_u128(uint32_t k)
{
	if (k <= TC_U64_DIGITS) {
		return pow10_u64[k];
	}
	return (tc_u128) pow10_u64[19] * pow10_u64[k - 19];
}

/* v / 10^k, truncated. */
static tc_u128 div_pow10_u128(tc_u128 v, uint32_t k)
{
	if (k == 0) {
		return v;
	}
	if (k > 38) {
		return 0;
	}
	if ((v >> 64) == 0 && k <= TC_U64_DIGITS) {
		return div_pow10_u64((uint64_t) v, k);
	}
	return v / pow10_u128(k);
}
#endif

/* z = |d| as an integer coefficient (z initialised). */
static void mag_to_mpz(mpz_t z, const tc_dec *d)
{
	if (d->is_big) {
		mpz_set(z, d->big);
	} else {
		mpz_set_u64(z, d->small);
	}
}

/* z *= 10^k */
static void mpz_mul_pow10(mpz_t z, uint32_t k)
{
	if (k == 0 || mpz_sgn(z) == 0) {
		return;
	}
	mpz_t p;
	mpz_init(p);
	mpz_ui_pow_ui(p, 10, k);
	mpz_mul(z, z, p);
	mpz_clear(p);
}

/* z = trunc(z / 10^k), z >= 0 */
static void mpz_div_pow10(mpz_t z, uint32_t k)
{
	if (k == 0 || mpz_sgn(z) == 0) {
		return;
	}
	if ((size_t) k > mpz_sizeinbase(z, 10)) {
		mpz_set_ui(z, 0);
		return;
	}
	mpz_t p;
	mpz_init(p);
	mpz_ui_pow_ui(p, 10, k);
	mpz_tdiv_q(z, z, p);
	mpz_clear(p);
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

static bool is_zero(const tc_dec *d)
{
	return !d->is_big && d->small == 0;
}

/* ---- life cycle ---- */

void tc_dec_clear_big(tc_dec *d)
{
	drop_big(d);
}

void tc_dec_copy(tc_dec *d, const tc_dec *s)
{
	if (d == s) {
		return;
	}
	if (s->is_big) {
		if (!d->is_big) {
			mpz_init(d->big);
			d->is_big = true;
		}
		mpz_set(d->big, s->big);
		d->neg = s->neg;
		d->scale = s->scale;
		return;
	}
	set_small(d, s->small, s->neg, s->scale);
}

/* ---- parsing and conversion ---- */

/* Builds d from more significant digits than a uint64_t holds: the digit string goes to GMP. */
static TC_NOINLINE tc_status parse_big(tc_dec *d, bool neg, const char *int_start, size_t int_len,
		const char *frac_start, size_t frac_len)
{
	/* Skip leading zeros of the integer part, and of the fraction when the integer part is zero. */
	while (int_len > 0 && *int_start == '0') {
		int_start++;
		int_len--;
	}
	const char *frac_sig = frac_start;
	size_t frac_sig_len = frac_len;
	if (int_len == 0) {
		while (frac_sig_len > 0 && *frac_sig == '0') {
			frac_sig++;
			frac_sig_len--;
		}
	}

	char stack_buf[128];
	size_t n = int_len + frac_sig_len;
	char *buf = n < sizeof stack_buf ? stack_buf : malloc(n + 1);
	if (buf == NULL) {
		return TC_ERR_RANGE;
	}
	memcpy(buf, int_start, int_len);
	if (frac_sig_len > 0) {
		memcpy(buf + int_len, frac_sig, frac_sig_len);
	}
	buf[n] = '\0';
	mpz_t z;
	mpz_init(z);
	mpz_set_str(z, buf, 10);
	if (buf != stack_buf) {
		free(buf);
	}
	set_mag_mpz(d, z, neg, (uint32_t) frac_len);
	mpz_clear(z);
	return TC_OK;
}


/* Reads the run of ASCII digits at *pp into *v (wrapping past 19 digits); returns its length. */
static inline size_t scan_digits(const char **pp, const char *end, uint64_t *v)
{
	const char *p = *pp;
	uint64_t acc = *v;

#ifdef TC_SWAR_DIGITS
	while (end - p >= 8) {
		uint64_t x;
		memcpy(&x, p, sizeof x);
		if (!tc_eight_digits(x)) {
			break;
		}
		acc = acc * 100000000ULL + tc_eight_digits_value(x);
		p += 8;
	}
#endif
	while (p < end) {
		unsigned c = (unsigned) (unsigned char) *p - '0';
		if (c > 9) {
			break;
		}
		acc = acc * 10 + c;
		p++;
	}
	size_t n = (size_t) (p - *pp);
	*pp = p;
	*v = acc;
	return n;
}

static TC_NOINLINE tc_status parse_long(tc_dec *d, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	const char *int_start, *frac_start;
	size_t int_len, frac_len = 0;
	uint64_t v = 0;     /* the digits' value, exact while there are at most TC_U64_DIGITS of them */
	bool neg = false;

	if (p < end && (*p == '+' || *p == '-')) {
		neg = *p == '-';
		p++;
	}
	/* One pass validates and accumulates; only long inputs take a second look (parse_big). */
	int_start = p;
	int_len = scan_digits(&p, end, &v);
	frac_start = p;
	if (p < end && *p == '.') {
		frac_start = ++p;
		frac_len = scan_digits(&p, end, &v);
	}
	if (p != end || (int_len == 0 && frac_len == 0) || frac_len > UINT32_MAX) {
		return TC_ERR_SYNTAX;
	}
	if (int_len + frac_len <= TC_U64_DIGITS) {
		set_small(d, v, neg, (uint32_t) frac_len);
		return TC_OK;
	}
	/* Many digits (perhaps only leading zeros): GMP reads them, and small values come back small. */
	return parse_big(d, neg, int_start, int_len, frac_start, frac_len);
}

tc_status tc_dec_parse(tc_dec *d, const char *s, size_t len, size_t max_digits)
{
	if (len > max_digits) {
		return TC_ERR_TOO_LONG;
	}
	if (len <= TC_DEC_SHORT_LEN && !d->is_big) {
		return tc_dec_parse_short(d, s, len);
	}
	return parse_long(d, s, len);
}

void tc_dec_from_i64(tc_dec *d, int64_t v)
{
	uint64_t mag = v < 0 ? (uint64_t) (-(v + 1)) + 1 : (uint64_t) v;
	set_small(d, mag, v < 0, 0);
}

void tc_dec_from_mpz(tc_dec *d, const mpz_t coeff, uint32_t scale)
{
	mpz_t mag;
	mpz_init(mag);
	mpz_abs(mag, coeff);
	set_mag_mpz(d, mag, mpz_sgn(coeff) < 0, scale);
	mpz_clear(mag);
}

void tc_dec_get_mpz(mpz_t coeff, const tc_dec *d)
{
	mag_to_mpz(coeff, d);
	if (d->neg) {
		mpz_neg(coeff, coeff);
	}
}

/* ---- comparison ---- */

int tc_dec_sign(const tc_dec *d)
{
	return is_zero(d) ? 0 : (d->neg ? -1 : 1);
}

/* Compares |a| and |b|. */
static int cmp_mag(const tc_dec *a, const tc_dec *b)
{
	uint32_t m = max_u32(a->scale, b->scale);
#ifdef TC_HAVE_U128
	if (!a->is_big && !b->is_big && m - min_u32(a->scale, b->scale) <= TC_U64_DIGITS) {
		tc_u128 x = (tc_u128) a->small * pow10_u64[m - a->scale];
		tc_u128 y = (tc_u128) b->small * pow10_u64[m - b->scale];
		return (x > y) - (x < y);
	}
#endif
	mpz_t x, y;
	mpz_inits(x, y, NULL);
	mag_to_mpz(x, a);
	mag_to_mpz(y, b);
	mpz_mul_pow10(x, m - a->scale);
	mpz_mul_pow10(y, m - b->scale);
	int c = mpz_cmp(x, y);
	mpz_clears(x, y, NULL);
	return (c > 0) - (c < 0);
}

int tc_dec_cmp(const tc_dec *a, const tc_dec *b)
{
	int sa = tc_dec_sign(a), sb = tc_dec_sign(b);

	if (sa != sb) {
		return sa < sb ? -1 : 1;
	}
	if (sa == 0) {
		return 0;
	}
	int c = cmp_mag(a, b);
	return sa < 0 ? -c : c;
}

/* ---- arithmetic ---- */

/* r = a + (negate_b ? -b : b), truncated to min(scale, max(a->scale, b->scale)). */
static void add_signed(tc_dec *r, const tc_dec *a, const tc_dec *b, bool negate_b, uint32_t scale)
{
	uint32_t m = max_u32(a->scale, b->scale);
	uint32_t s = min_u32(scale, m);

#if defined(__GNUC__)
	if (!a->is_big && !b->is_big && m - min_u32(a->scale, b->scale) <= TC_U64_DIGITS) {
		/* Both aligned operands and their sum in a uint64_t: the usual case for token amounts. */
		bool bneg = negate_b ? !b->neg && b->small != 0 : b->neg;
		uint64_t x, y, mag;
		if (!__builtin_mul_overflow(a->small, pow10_u64[m - a->scale], &x)
				&& !__builtin_mul_overflow(b->small, pow10_u64[m - b->scale], &y)) {
			bool neg = a->neg;
			if (a->neg == bneg) {
				if (!__builtin_add_overflow(x, y, &mag)) {
					set_small(r, div_pow10_u64(mag, m - s), neg, s);
					return;
				}
			} else {
				if (x >= y) {
					mag = x - y;
				} else {
					mag = y - x;
					neg = bneg;
				}
				set_small(r, div_pow10_u64(mag, m - s), neg, s);
				return;
			}
		}
	}
#endif
#ifdef TC_HAVE_U128
	if (!a->is_big && !b->is_big && m - min_u32(a->scale, b->scale) <= TC_U64_DIGITS) {
		bool bneg = negate_b ? !b->neg && !is_zero(b) : b->neg;
		/* One side is scaled by at most 10^19: the sum stays below 2^64 * (10^19 + 1) < 2^128. */
		tc_u128 x = (tc_u128) a->small * pow10_u64[m - a->scale];
		tc_u128 y = (tc_u128) b->small * pow10_u64[m - b->scale];
		tc_u128 mag;
		bool neg;
		if (a->neg == bneg) {
			mag = x + y;
			neg = a->neg;
		} else if (x >= y) {
			mag = x - y;
			neg = a->neg;
		} else {
			mag = y - x;
			neg = bneg;
		}
		set_mag_u128(r, div_pow10_u128(mag, m - s), neg, s);
		return;
	}
#endif
	mpz_t x, y;
	mpz_inits(x, y, NULL);
	tc_dec_get_mpz(x, a);
	tc_dec_get_mpz(y, b);
	if (negate_b) {
		mpz_neg(y, y);
	}
	mpz_mul_pow10(x, m - a->scale);
	mpz_mul_pow10(y, m - b->scale);
	mpz_add(x, x, y);
	bool neg = mpz_sgn(x) < 0;
	mpz_abs(x, x);
	mpz_div_pow10(x, m - s);
	set_mag_mpz(r, x, neg, s);
	mpz_clears(x, y, NULL);
}

void tc_dec_add(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	add_signed(r, a, b, false, scale);
}

void tc_dec_sub(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	add_signed(r, a, b, true, scale);
}

void tc_dec_mul(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	uint64_t m64 = (uint64_t) a->scale + b->scale;
	uint32_t m = m64 > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t) m64;
	uint32_t s = min_u32(scale, m);
	bool neg = a->neg != b->neg;

#ifdef TC_HAVE_U128
	if (!a->is_big && !b->is_big) {
		tc_u128 mag = (tc_u128) a->small * b->small;
		set_mag_u128(r, div_pow10_u128(mag, m - s), neg, s);
		return;
	}
#endif
	mpz_t x, y;
	mpz_inits(x, y, NULL);
	mag_to_mpz(x, a);
	mag_to_mpz(y, b);
	mpz_mul(x, x, y);
	mpz_div_pow10(x, m - s);
	set_mag_mpz(r, x, neg, s);
	mpz_clears(x, y, NULL);
}

/* Sets r from an exact-or-not quotient q = trunc(|a/b| * 10^scale); see tc_dec_div(). */
static uint32_t div_result_scale(uint32_t sa, uint32_t sb, uint32_t scale, uint32_t trailing_zeros)
{
	uint32_t places = scale - trailing_zeros;   /* fewest places that print the quotient */
	uint32_t natural = sa > sb ? sa - sb : 0;
	return min_u32(scale, max_u32(natural, places));
}

tc_status tc_dec_div(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	bool neg = a->neg != b->neg;

	if (is_zero(b)) {
		return TC_ERR_DIV0;
	}
	if (is_zero(a)) {
		set_small(r, 0, false, min_u32(scale, a->scale > b->scale ? a->scale - b->scale : 0));
		return TC_OK;
	}

	/* |a/b| * 10^scale = (A * 10^(sb + scale)) / (B * 10^sa), A and B the coefficients. */
#ifdef TC_HAVE_U128
	if (!a->is_big && !b->is_big && (uint64_t) b->scale + scale <= TC_U64_DIGITS
			&& a->scale <= TC_U64_DIGITS) {
		tc_u128 n = (tc_u128) a->small * pow10_u64[b->scale + scale];
		tc_u128 dv = (tc_u128) b->small * pow10_u64[a->scale];
		tc_u128 q = n / dv;
		if (n - q * dv != 0) {
			set_mag_u128(r, q, neg, scale);
			return TC_OK;
		}
		uint32_t tz = 0;
		if (q == 0) {
			tz = scale;
		} else {
			while (tz < scale && q % 10 == 0) {
				q /= 10;
				tz++;
			}
		}
		uint32_t s = div_result_scale(a->scale, b->scale, scale, tz);
		/* q now has scale - tz places; bring it to s >= scale - tz places. */
		q *= pow10_u128(s - (scale - tz));
		set_mag_u128(r, q, neg, s);
		return TC_OK;
	}
#endif
	mpz_t n, dv, rem;
	mpz_inits(n, dv, rem, NULL);
	mag_to_mpz(n, a);
	mag_to_mpz(dv, b);
	mpz_mul_pow10(n, b->scale + scale);
	mpz_mul_pow10(dv, a->scale);
	mpz_tdiv_qr(n, rem, n, dv);
	if (mpz_sgn(rem) != 0) {
		set_mag_mpz(r, n, neg, scale);
	} else {
		uint32_t tz = 0;
		if (mpz_sgn(n) == 0) {
			tz = scale;
		} else {
			while (tz < scale && mpz_divisible_ui_p(n, 10)) {
				mpz_divexact_ui(n, n, 10);
				tz++;
			}
		}
		uint32_t s = div_result_scale(a->scale, b->scale, scale, tz);
		mpz_mul_pow10(n, s - (scale - tz));
		set_mag_mpz(r, n, neg, s);
	}
	mpz_clears(n, dv, rem, NULL);
	return TC_OK;
}

void tc_dec_rescale(tc_dec *d, uint32_t scale)
{
	if (scale == d->scale) {
		return;
	}
	bool neg = d->neg;
#ifdef TC_HAVE_U128
	if (!d->is_big) {
		if (scale < d->scale) {
			set_small(d, (uint64_t) div_pow10_u128(d->small, d->scale - scale), neg, scale);
			return;
		}
		if (scale - d->scale <= TC_U64_DIGITS) {
			set_mag_u128(d, (tc_u128) d->small * pow10_u64[scale - d->scale], neg, scale);
			return;
		}
	}
#endif
	mpz_t z;
	mpz_init(z);
	mag_to_mpz(z, d);
	if (scale < d->scale) {
		mpz_div_pow10(z, d->scale - scale);
	} else {
		mpz_mul_pow10(z, scale - d->scale);
	}
	set_mag_mpz(d, z, neg, scale);
	mpz_clear(z);
}

void tc_dec_truncate(tc_dec *r, const tc_dec *a, uint32_t scale)
{
	tc_dec_copy(r, a);
	if (scale < r->scale) {
		tc_dec_rescale(r, scale);
	}
}

void tc_dec_normalize(tc_dec *d)
{
	if (!d->is_big) {
		uint64_t v = d->small;
		uint32_t s = d->scale;
		if (v == 0) {
			s = 0;
		}
		while (s > 0 && v % 10 == 0) {
			v /= 10;
			s--;
		}
		set_small(d, v, d->neg, s);
		return;
	}
	while (d->scale > 0 && mpz_divisible_ui_p(d->big, 10)) {
		mpz_divexact_ui(d->big, d->big, 10);
		d->scale--;
	}
	/* The magnitude may fit a machine word again. */
	mpz_t z;
	mpz_init(z);
	mpz_set(z, d->big);
	set_mag_mpz(d, z, d->neg, d->scale);
	mpz_clear(z);
}

/* ---- printing ---- */

static uint32_t u64_digits(uint64_t v)
{
#if defined(__GNUC__)
	/* log10 from the bit length (1233/4096 ~ log10(2)), then one comparison to correct it. */
	uint32_t t = ((uint32_t) (64 - __builtin_clzll(v | 1)) * 1233) >> 12;
	return t + (v >= pow10_u64[t]);
#else
	uint32_t n = 1;
	while (n < 20 && v >= pow10_u64[n]) {
		n++;
	}
	return n;
#endif
}

size_t tc_dec_print_small_len(const tc_dec *d)
{
	uint32_t ndig = u64_digits(d->small);
	uint32_t body = ndig > d->scale ? ndig : d->scale + 1;
	return (d->neg ? 1 : 0) + body + (d->scale > 0 ? 1 : 0);
}

size_t tc_dec_print_size(const tc_dec *d)
{
	size_t ndig = d->is_big ? mpz_sizeinbase(d->big, 10) : u64_digits(d->small);
	size_t body = ndig > (size_t) d->scale ? ndig : (size_t) d->scale + 1;
	return (d->neg ? 1 : 0) + body + (d->scale > 0 ? 1 : 0) + 1;
}

/* Writes the digit string digits[0..ndig) (no leading zeros, "0" for zero) as a decimal of d's scale. */
static size_t place_digits(const tc_dec *d, const char *digits, size_t ndig, char *buf)
{
	char *p = buf;
	size_t scale = d->scale;

	if (d->neg) {
		*p++ = '-';
	}
	if (ndig > scale) {
		memcpy(p, digits, ndig - scale);
		p += ndig - scale;
		if (scale > 0) {
			*p++ = '.';
			memcpy(p, digits + ndig - scale, scale);
			p += scale;
		}
	} else {
		*p++ = '0';
		if (scale > 0) {
			*p++ = '.';
			memset(p, '0', scale - ndig);
			p += scale - ndig;
			memcpy(p, digits, ndig);
			p += ndig;
		}
	}
	*p = '\0';
	return (size_t) (p - buf);
}

static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Writes x < 10^8 as exactly 8 digits at dst, two at a time. */
static inline void put8(char *dst, uint32_t x)
{
	uint32_t hi = x / 10000, lo = x % 10000;
	memcpy(dst, digit_pairs + 2 * (hi / 100), 2);
	memcpy(dst + 2, digit_pairs + 2 * (hi % 100), 2);
	memcpy(dst + 4, digit_pairs + 2 * (lo / 100), 2);
	memcpy(dst + 6, digit_pairs + 2 * (lo % 100), 2);
}

/* Writes the k lowest decimal digits of v, zeros in front where v has fewer, so that they end just before p. */
static inline char *put_digits_padded(char *p, uint64_t v, uint32_t k)
{
	for (; k >= 8; k -= 8) {
		p -= 8;
		put8(p, (uint32_t) (v % 100000000));
		v /= 100000000;
	}
	for (; k >= 2; k -= 2) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (k > 0) {
		*--p = (char) ('0' + v % 10);
	}
	return p;
}

char *tc_dec_print_small(const tc_dec *d, char *end)
{
	char *p = end;
	uint64_t v = d->small;
	uint32_t s = d->scale;

	/*
	 * The fraction first, exactly s digits, then the point: the integer part and the fraction are
	 * split by a division by a constant, so no digit is ever moved (a loop that moves them becomes
	 * a call to memmove).
	 */
	if (s > 0) {
		uint64_t whole = s <= 19 ? div_pow10_u64(v, s) : 0;
		p = put_digits_padded(p, s <= 19 ? v - whole * pow10_u64[s] : v, s);
		*--p = '.';
		v = whole;
	}
	/* The integer digits, at least one: eight at a time, then the rest in pairs. */
	while (v >= 100000000) {
		p -= 8;
		put8(p, (uint32_t) (v % 100000000));
		v /= 100000000;
	}
	uint32_t w = (uint32_t) v;
	while (w >= 100) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (w % 100), 2);
		w /= 100;
	}
	if (w >= 10) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * w, 2);
	} else {
		*--p = (char) ('0' + w);
	}
	if (d->neg) {
		*--p = '-';
	}
	return p;
}

size_t tc_dec_print(const tc_dec *d, char *buf)
{
	if (!d->is_big && d->scale <= TC_PRINT_SMALL_MAX_SCALE) {
		char tmp[TC_PRINT_SMALL_SIZE];
		char *start = tc_dec_print_small(d, tmp + sizeof tmp);
		size_t n = (size_t) (tmp + sizeof tmp - start);
		memcpy(buf, start, n);
		buf[n] = '\0';
		return n;
	}
	if (!d->is_big) {
		char tmp[24];
		tc_dec whole = *d;
		whole.scale = 0;
		whole.neg = false;
		char *start = tc_dec_print_small(&whole, tmp + sizeof tmp);
		return place_digits(d, start, (size_t) (tmp + sizeof tmp - start), buf);
	}
	size_t cap = mpz_sizeinbase(d->big, 10) + 2;
	char *digits = malloc(cap);
	if (digits == NULL) {
		buf[0] = '\0';
		return 0;
	}
	mpz_get_str(digits, 10, d->big);
	size_t n = place_digits(d, digits, strlen(digits), buf);
	free(digits);
	return n;
}
