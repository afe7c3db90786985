/*
 * tokencalc core: exact decimal arithmetic (see decimal.h).
 *
 * Two forms, one set of answers. Small values (a uint64_t coefficient) take the machine-integer
 * paths; everything else is a "view": base-10^8 limbs aligned on the decimal point, which a small
 * value turns into on the stack when it meets a wide one. Aligned limbs make add, sub, compare,
 * truncate, parse and print linear in the length and free of radix conversion. Multiplication and
 * division are schoolbook on limbs (all products fit a uint64_t, so no __int128 is needed), and go
 * to GMP's mpn layer, on buffers the core owns, once the operands are long enough for GMP's
 * subquadratic algorithms to pay. With 128-bit integers, a product or quotient of up to 38 digits
 * is worked out in them, a quotient from operands of up to 154 digits through 64-bit words. The
 * fuzz harness in fuzz/ checks every path against a GMP rational reference.
 */
#include <limits.h>
#include <string.h>

#include "decimal.h"
#include "text.h"
#include "tc_mem.h"
#include "tc_private.h"

const uint64_t tc_pow10_u64[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
	100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
	10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL
};

/*
 * Above these limb counts, multiplication and division go through GMP (two radix conversions
 * and an mpn call); below, schoolbook on limbs wins. Measured with benchmarks/widths.php.
 */
#ifndef TC_MUL_GMP_LIMBS
# define TC_MUL_GMP_LIMBS 700
#endif
/* From here (shorter side, in limbs) up to TC_MUL_GMP_LIMBS, schoolbook in base 10^16. */
#ifndef TC_MUL16_LIMBS
# define TC_MUL16_LIMBS 12
#endif
/*
 * Division goes to GMP's mpn_tdiv_qr (radix conversions included) when both the divisor and the
 * quotient pass TC_DIV_GMP_LIMBS limbs, or when the divisor has TC_DIV_GMP_MIN_DIVISOR limbs, the
 * quotient TC_DIV_GMP_MIN_QUOTIENT, and their product (Knuth's inner steps) TC_DIV_GMP_WORK. A short
 * divisor stays with Knuth's algorithm: linear in the numerator, where the conversions are not.
 * Measured (callgrind, PHP 8.2, benchmarks/widths.php's operands): Knuth wins to 150 digits, GMP
 * takes 7% off at 200 and 21% at 300.
 */
#ifndef TC_DIV_GMP_LIMBS
# define TC_DIV_GMP_LIMBS 48
#endif
#define TC_DIV_GMP_MIN_DIVISOR 16
#define TC_DIV_GMP_MIN_QUOTIENT 8
#define TC_DIV_GMP_WORK 160
/* Scratch limbs on the stack before tc_mem_alloc() is asked. */
#define TC_SCRATCH_LIMBS 64

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

/* Limbs that hold `scale` fractional digits. */
static inline uint32_t frac_limbs(uint32_t scale)
{
	return (uint32_t) (((uint64_t) scale + TC_BASE_DIGITS - 1) / TC_BASE_DIGITS);
}

static uint32_t u64_digits(uint64_t v)
{
#if defined(__GNUC__)
	/* log10 from the bit length (1233/4096 ~ log10(2)), then one comparison to correct it. */
	uint32_t t = ((uint32_t) (64 - __builtin_clzll(v | 1)) * 1233) >> 12;
	return t + (v >= tc_pow10_u64[t]);
#else
	uint32_t n = 1;
	while (n < 20 && v >= tc_pow10_u64[n]) {
		n++;
	}
	return n;
#endif
}

/* ---- storage ---- */

/* Room for n limbs at d->limb (the old limbs are not kept). d unchanged on failure. */
static tc_status ensure(tc_dec *d, uint32_t n)
{
	if (n <= d->cap) {
		return TC_OK;
	}
	uint32_t cap = n < 2 * d->cap ? 2 * d->cap : n;
	uint32_t *l = tc_mem_alloc((size_t) cap * sizeof *l);
	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	if (d->own) {
		tc_mem_free(d->limb);
	}
	d->limb = l;
	d->cap = cap;
	d->own = true;
	return TC_OK;
}

void tc_dec_clear_big(tc_dec *d)
{
	if (d->own) {
		tc_mem_free(d->limb);
	}
	d->limb = NULL;
	d->cap = 0;
	d->own = false;
}

static void set_small(tc_dec *d, uint64_t mag, bool neg, uint32_t scale)
{
	d->is_big = false;
	d->small = mag;
	d->neg = neg && mag != 0;
	d->scale = scale;
}

/* Scratch limbs: on the stack when few, else from tc_mem_alloc(). */
typedef struct scratch {
	uint32_t *p;
	bool heap;
	uint32_t stack[TC_SCRATCH_LIMBS];
} scratch;

static uint32_t *scratch_get(scratch *s, size_t n)
{
	if (n <= TC_SCRATCH_LIMBS) {
		s->p = s->stack;
		s->heap = false;
	} else {
		s->p = tc_mem_alloc(n * sizeof *s->p);
		s->heap = true;
	}
	return s->p;
}

static void scratch_put(scratch *s)
{
	if (s->heap && s->p != NULL) {
		tc_mem_free(s->p);
	}
	s->p = NULL;
}

/* ---- views: any value as point-aligned limbs ---- */

typedef struct view {
	const uint32_t *l;   /* l[0..len), top limb non-zero */
	uint32_t len;
	uint32_t frac;       /* ceil(scale / 8) */
	uint32_t scale;
	bool neg;
} view;

/*
 * The limbs of a small coefficient v at `scale` (v * 10^pad, pad = 8 * frac - scale, so the point
 * falls between limbs): at most 4 of them. Returns how many (0 for zero).
 */
static uint32_t small_limbs(uint64_t v, uint32_t scale, uint32_t out[4])
{
	uint32_t pad = frac_limbs(scale) * TC_BASE_DIGITS - scale;
	uint64_t m = tc_pow10_u64[pad], carry = 0;
	uint32_t d[3] = { (uint32_t) (v % TC_BASE), (uint32_t) (v / TC_BASE % TC_BASE), (uint32_t) (v / TC_BASE / TC_BASE) };
	uint32_t n = 0;

	for (int i = 0; i < 3; i++) {
		uint64_t t = d[i] * m + carry;   /* < 10^8 * 10^7 + 10^8 */
		out[i] = (uint32_t) (t % TC_BASE);
		carry = t / TC_BASE;
	}
	out[3] = (uint32_t) carry;
	for (n = 4; n > 0 && out[n - 1] == 0; n--) {
	}
	return n;
}

static inline view view_of(const tc_dec *d, uint32_t tmp[4])
{
	view v;
	if (d->is_big) {
		v.l = d->limb;
		v.len = d->len;
		v.frac = d->frac;
	} else {
		v.len = small_limbs(d->small, d->scale, tmp);
		v.l = tmp;
		v.frac = frac_limbs(d->scale);
	}
	v.scale = d->scale;
	v.neg = d->neg;
	TC_ASSERT(v.len == 0 || v.l[v.len - 1] != 0);
	TC_ASSERT(v.frac == frac_limbs(v.scale));
	return v;
}

/*
 * Truncates the limbs l[0..*n) holding `frac` fractional limbs to `scale` digits (scale <= 8 * frac):
 * returns where the kept limbs start (ceil(scale / 8) of them fractional), the lowest one's
 * digits past `scale` cleared; *n is updated.
 */
static uint32_t *trunc_limbs(uint32_t *l, uint32_t *n, uint32_t frac, uint32_t scale)
{
	uint32_t keep = frac_limbs(scale);
	uint32_t drop = frac - keep;

	TC_ASSERT(keep <= frac);
	if (drop >= *n) {
		*n = 0;
		return l;
	}
	l += drop;
	*n -= drop;
	if (scale % TC_BASE_DIGITS != 0) {
		uint32_t cut = (uint32_t) tc_pow10_u64[TC_BASE_DIGITS - scale % TC_BASE_DIGITS];
		l[0] -= l[0] % cut;
	}
	return l;
}

/* Digits of the coefficient held in the limbs l[0..n) (n > 0, top limb non-zero), pad zero digits below it. */
static inline uint64_t limbs_digits(const uint32_t *l, uint32_t n, uint32_t pad)
{
	return (uint64_t) (n - 1) * TC_BASE_DIGITS + u64_digits(l[n - 1]) - pad;
}

/*
 * r = the value of src[0..n) (frac limbs after the point, scale digits, digits past them zero),
 * negated when neg: small when its coefficient has at most 19 digits, else wide. src may lie in r's
 * own storage. r unchanged on failure.
 */
static tc_status store(tc_dec *r, const uint32_t *src, uint32_t n, uint32_t frac, uint32_t scale, bool neg)
{
	TC_ASSERT(frac == frac_limbs(scale));
	while (n > 0 && src[n - 1] == 0) {
		n--;
	}
	if (n == 0) {
		set_small(r, 0, false, scale);
		return TC_OK;
	}
	uint32_t pad = frac * TC_BASE_DIGITS - scale;
	uint64_t digits = limbs_digits(src, n, pad);
	if (digits <= TC_U64_DIGITS) {
		/* The coefficient is the limbs' value / 10^pad; each term is below 10^19. */
		uint64_t c = src[0] / tc_pow10_u64[pad];
		for (uint32_t i = 1; i < n; i++) {
			c += src[i] * tc_pow10_u64[i * TC_BASE_DIGITS - pad];
		}
		set_small(r, c, neg, scale);
		return TC_OK;
	}
	if (r->limb == NULL || !(src >= r->limb && src < r->limb + r->cap)) {
		tc_status st = ensure(r, n);
		if (st != TC_OK) {
			return st;
		}
	}
	memmove(r->limb, src, (size_t) n * sizeof *src);
	r->is_big = true;
	r->len = n;
	r->frac = frac;
	r->scale = scale;
	r->neg = neg;
	return TC_OK;
}

/* ---- parsing ---- */

/* The value of the k <= 8 ASCII digits at s. */
static inline uint32_t chunk_value(const char *s, size_t k)
{
#ifdef TC_SWAR_DIGITS
	if (k == 8) {
		uint64_t x;
		memcpy(&x, s, sizeof x);
		return (uint32_t) tc_eight_digits_value(x);
	}
#endif
	uint32_t v = 0;
	for (size_t i = 0; i < k; i++) {
		v = v * 10 + (uint32_t) (s[i] - '0');
	}
	return v;
}

/* d = the digits int_d[0..il) "." frac_d[0..fl) (already validated), wide or small as it fits. */
static tc_status build(tc_dec *d, bool neg, const char *int_d, size_t il, const char *frac_d, size_t fl)
{
	while (il > 0 && *int_d == '0') {
		int_d++;
		il--;
	}
	uint32_t fn = frac_limbs((uint32_t) fl), in = (uint32_t) ((il + TC_BASE_DIGITS - 1) / TC_BASE_DIGITS);
	uint32_t n = fn + in;
	/* A non-zero integer part and 20 or more digits in all: a wide value, straight into d. */
	bool direct = il > 0 && il + fl > TC_U64_DIGITS && n <= d->cap;
	scratch s;
	uint32_t *l = direct ? d->limb : scratch_get(&s, n);
	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	/* The fraction from the point rightward; its last chunk padded with zeros. */
	for (uint32_t k = 0; k < fn; k++) {
		size_t at = (size_t) k * TC_BASE_DIGITS, c = fl - at < TC_BASE_DIGITS ? fl - at : TC_BASE_DIGITS;
		l[fn - 1 - k] = chunk_value(frac_d + at, c) * (uint32_t) tc_pow10_u64[TC_BASE_DIGITS - c];
	}
	/* The integer part from the point leftward. */
	for (uint32_t k = 0; k < in; k++) {
		size_t end = il - (size_t) k * TC_BASE_DIGITS, c = end < TC_BASE_DIGITS ? end : TC_BASE_DIGITS;
		l[fn + k] = chunk_value(int_d + end - c, c);
	}
	if (direct) {
		TC_ASSERT(l[n - 1] != 0);
		d->is_big = true;
		d->len = n;
		d->frac = fn;
		d->scale = (uint32_t) fl;
		d->neg = neg;
		return TC_OK;
	}
	tc_status st = store(d, l, n, fn, (uint32_t) fl, neg);
	scratch_put(&s);
	return st;
}

/* More than 19 characters: the grammar's parser (text.c) finds the digit runs, build() reads them. */
static TC_NOINLINE tc_status parse_long(tc_dec *d, const char *s, size_t len)
{
	tc_text t;
	tc_status st = tc_text_parse(&t, s, len, SIZE_MAX);
	if (st != TC_OK) {
		return st;
	}
	return build(d, t.neg, t.ip, t.il, t.fp, t.fl);
}

tc_status tc_dec_parse(tc_dec *d, const char *s, size_t len, size_t max_digits)
{
	if (len > max_digits) {
		return TC_ERR_TOO_LONG;
	}
	if (len <= TC_DEC_SHORT_LEN_19) {
		/* no digit-count tests (measured: 45 instructions more per fee split with them) */
		return tc_dec_parse_short_as(d, s, len, false);
	}
	if (len <= TC_DEC_SHORT_LEN) {
		tc_status st = tc_dec_parse_short(d, s, len);
		if (st != TC_ERR_TOO_LONG) {
			return st;
		}
	}
	return parse_long(d, s, len);
}

void tc_dec_from_i64(tc_dec *d, int64_t v)
{
	uint64_t mag = v < 0 ? (uint64_t) (-(v + 1)) + 1 : (uint64_t) v;
	set_small(d, mag, v < 0, 0);
}

tc_status tc_dec_copy(tc_dec *d, const tc_dec *s)
{
	if (d == s) {
		return TC_OK;
	}
	if (!s->is_big) {
		set_small(d, s->small, s->neg, s->scale);
		return TC_OK;
	}
	return store(d, s->limb, s->len, s->frac, s->scale, s->neg);
}

/* ---- comparison ---- */

int tc_dec_sign(const tc_dec *d)
{
	if (d->is_big) {
		return d->neg ? -1 : 1;   /* a wide value is never zero */
	}
	return d->small == 0 ? 0 : (d->neg ? -1 : 1);
}

/* Limb i of v with its point moved up by `off` limbs (zero outside it). */
static inline uint32_t at(const view *v, uint32_t off, uint32_t i)
{
	return i >= off && i - off < v->len ? v->l[i - off] : 0;
}

/* Compares |a| and |b|, both aligned to f = max(a->frac, b->frac) fractional limbs. */
static int cmp_views(const view *a, const view *b)
{
	uint32_t f = max_u32(a->frac, b->frac), oa = f - a->frac, ob = f - b->frac;
	uint32_t ea = a->len ? a->len + oa : 0, eb = b->len ? b->len + ob : 0;

	if (ea != eb) {
		return ea < eb ? -1 : 1;
	}
	for (uint32_t i = ea; i-- > 0;) {
		uint32_t x = at(a, oa, i), y = at(b, ob, i);
		if (x != y) {
			return x < y ? -1 : 1;
		}
	}
	return 0;
}

/* Compares |a| and |b|. */
static int cmp_mag(const tc_dec *a, const tc_dec *b)
{
	if (!a->is_big && !b->is_big) {
		uint32_t m = max_u32(a->scale, b->scale), lo = min_u32(a->scale, b->scale);
		if (m - lo <= TC_U64_DIGITS) {
#ifdef TC_HAVE_U128
			tc_u128 x = (tc_u128) a->small * tc_pow10_u64[m - a->scale];
			tc_u128 y = (tc_u128) b->small * tc_pow10_u64[m - b->scale];
			return (x > y) - (x < y);
#else
			uint64_t x, y;
			if (!__builtin_mul_overflow(a->small, tc_pow10_u64[m - a->scale], &x)
					&& !__builtin_mul_overflow(b->small, tc_pow10_u64[m - b->scale], &y)) {
				return (x > y) - (x < y);
			}
#endif
		}
	}
	uint32_t ta[4], tb[4];
	view va = view_of(a, ta), vb = view_of(b, tb);
	return cmp_views(&va, &vb);
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

bool tc_dec_cmp_text_quick(const tc_text *t, const tc_dec *d, int *res)
{
	/* il > 0: t's integer part starts with a non-zero digit (leading zeros are skipped), so t != 0 */
	if (t->il == 0) {
		return false;
	}
	uint64_t int_digits;
	if (!d->is_big) {
		uint32_t n = d->small == 0 ? 0 : u64_digits(d->small);
		int_digits = n > d->scale ? n - d->scale : 0;
	} else {
		int_digits = d->len > d->frac ? limbs_digits(d->limb, d->len, 0) - (uint64_t) d->frac * TC_BASE_DIGITS : 0;
	}
	if (t->il <= int_digits) {
		return false;
	}
	*res = t->neg ? -1 : 1;
	return true;
}

/* ---- addition and subtraction ---- */

/* r = a + b (bneg the sign b takes), on views, truncated to s places. */
static TC_NOINLINE tc_status add_views(tc_dec *r, const view *a, const view *b, bool bneg, uint32_t s)
{
	uint32_t f = max_u32(a->frac, b->frac), oa = f - a->frac, ob = f - b->frac;
	uint32_t ea = a->len ? a->len + oa : 0, eb = b->len ? b->len + ob : 0;
	uint32_t n = max_u32(ea, eb) + 1;
	bool neg;
	scratch sc;
	uint32_t *l = scratch_get(&sc, n);

	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	if (a->len == 0 || b->len == 0 || a->neg == bneg) {
		uint32_t carry = 0;
		for (uint32_t i = 0; i < n; i++) {
			uint32_t t = at(a, oa, i) + at(b, ob, i) + carry;
			carry = t >= TC_BASE;
			l[i] = carry ? t - TC_BASE : t;
		}
		neg = a->len ? a->neg : bneg;
	} else {
		int c = cmp_views(a, b);
		const view *x = c >= 0 ? a : b, *y = c >= 0 ? b : a;
		uint32_t ox = c >= 0 ? oa : ob, oy = c >= 0 ? ob : oa;
		uint32_t borrow = 0;
		for (uint32_t i = 0; i < n; i++) {
			uint32_t sub = at(y, oy, i) + borrow, t = at(x, ox, i);
			borrow = t < sub;
			l[i] = borrow ? t + TC_BASE - sub : t - sub;
		}
		neg = c >= 0 ? a->neg : bneg;
	}
	uint32_t *k = trunc_limbs(l, &n, f, s);
	tc_status st = store(r, k, n, frac_limbs(s), s, neg);
	scratch_put(&sc);
	return st;
}

/*
 * add_signed()'s machine-word case: both operands words whose aligned values and their sum or
 * difference fit a uint64_t, the usual case for token amounts. Sets r and returns true; false
 * (r untouched) when the views must do it.
 */
static TC_ALWAYS_INLINE bool add_words(tc_dec *r, const tc_dec *a, const tc_dec *b, bool bneg, uint32_t m,
		uint32_t s)
{
	uint64_t x, y, mag;
	if (a->is_big || b->is_big || m - min_u32(a->scale, b->scale) > TC_U64_DIGITS
			|| __builtin_mul_overflow(a->small, tc_pow10_u64[m - a->scale], &x)
			|| __builtin_mul_overflow(b->small, tc_pow10_u64[m - b->scale], &y)) {
		return false;
	}
	bool neg = a->neg;
	if (a->neg == bneg) {
		if (tc_add_overflow_u64(x, y, &mag)) {
			return false;
		}
	} else if (x >= y) {
		mag = x - y;
	} else {
		mag = y - x;
		neg = bneg;
	}
	set_small(r, div_pow10_u64(mag, m - s), neg, s);
	return true;
}

/* r = a + (negate_b ? -b : b), truncated to min(scale, max(a->scale, b->scale)). */
static tc_status add_signed(tc_dec *r, const tc_dec *a, const tc_dec *b, bool negate_b, uint32_t scale)
{
	uint32_t m = max_u32(a->scale, b->scale);
	uint32_t s = min_u32(scale, m);
	bool bneg = negate_b ? !b->neg && tc_dec_sign(b) != 0 : b->neg;

	if (add_words(r, a, b, bneg, m, s)) {
		return TC_OK;
	}
	uint32_t ta[4], tb[4];
	view va = view_of(a, ta), vb = view_of(b, tb);
	return add_views(r, &va, &vb, bneg, s);
}

tc_status tc_dec_addsub_short(tc_dec *r, const char *a, size_t alen, const char *b, size_t blen, bool sub,
		uint32_t scale)
{
	tc_dec x, y;

	TC_ASSERT(alen <= TC_DEC_SHORT_LEN_19 && blen <= TC_DEC_SHORT_LEN_19 && a[alen] == '\0' && b[blen] == '\0');
	if (tc_dec_parse_short_nul(&x, a, alen) != TC_OK || tc_dec_parse_short_nul(&y, b, blen) != TC_OK) {
		return TC_ERR_SYNTAX;
	}
	uint32_t m = max_u32(x.scale, y.scale);
	bool bneg = sub ? !y.neg && y.small != 0 : y.neg;
	return add_words(r, &x, &y, bneg, m, min_u32(scale, m)) ? TC_OK : TC_ERR_TOO_LONG;
}

tc_status tc_dec_add(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	return add_signed(r, a, b, false, scale);
}

tc_status tc_dec_sub(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	return add_signed(r, a, b, true, scale);
}

/* ---- GMP for long operands: limbs <-> mpn through raw digit strings, on buffers we own ---- */

static inline void put8(char *dst, uint32_t x);

/* Writes the integer l[0..n) (top limb non-zero) as raw digit values 0..9; returns how many. */
static size_t limbs_to_raw(const uint32_t *l, uint32_t n, unsigned char *out)
{
	unsigned char *p = out;
	uint32_t top = l[n - 1], k = u64_digits(top);
	for (uint32_t i = k; i-- > 0;) {
		p[i] = (unsigned char) (top % 10);
		top /= 10;
	}
	p += k;
	for (uint32_t j = n - 1; j-- > 0;) {
		/* eight ASCII digits, then '0' taken off all eight at once */
		uint64_t x;
		put8((char *) p, l[j]);
		memcpy(&x, p, sizeof x);
		x -= 0x3030303030303030ULL;
		memcpy(p, &x, sizeof x);
		p += TC_BASE_DIGITS;
	}
	return (size_t) (p - out);
}

/* Reads raw digit values d[0..k) as limbs into out; returns the limb count (trimmed). */
static uint32_t raw_to_limbs(const unsigned char *d, size_t k, uint32_t *out)
{
	uint32_t n = 0;
	while (k > 0) {
		size_t c = k < TC_BASE_DIGITS ? k : TC_BASE_DIGITS;
		uint32_t v = 0;
#ifdef TC_SWAR_DIGITS
		if (c == TC_BASE_DIGITS) {
			uint64_t x;
			memcpy(&x, d + k - c, sizeof x);
			v = (uint32_t) tc_eight_digits_value(x + 0x3030303030303030ULL);
		} else
#endif
		{
			for (size_t i = k - c; i < k; i++) {
				v = v * 10 + d[i];
			}
		}
		out[n++] = v;
		k -= c;
	}
	while (n > 0 && out[n - 1] == 0) {
		n--;
	}
	return n;
}

/* mpn limbs enough for k decimal digits. */
static size_t mpn_room(size_t k)
{
	return k * 3322 / 1000 / GMP_NUMB_BITS + 2;
}

/*
 * Up to this many limbs (16,384 digits: every value at the default tokencalc.max_digits) the radix
 * conversions below are schoolbook on mpn_mul_1/mpn_divrem_1, which allocate nothing, so libgmp
 * never allocates memory of its own (tests/core/test_wide.c counts). Longer values use GMP's
 * subquadratic mpn_set_str/mpn_get_str, whose scratch libgmp takes from its allocator for the
 * duration of the call.
 */
#define TC_CONV_SCHOOL_LIMBS 2048
#if GMP_NUMB_BITS >= 64
/* A conversion step: two limbs, 10^16. */
# define TC_CONV_STEP 2
# define TC_CONV_BASE 10000000000000000ULL
#else
# define TC_CONV_STEP 1
# define TC_CONV_BASE 100000000ULL
#endif

/* The integer l[0..n) (n > 0, top non-zero) as mpn limbs at *out (tc_mem memory); returns their count. */
static size_t limbs_to_mpn(const uint32_t *l, uint32_t n, mp_limb_t **out)
{
	size_t k = (size_t) n * TC_BASE_DIGITS;
	mp_limb_t *p = tc_mem_alloc(mpn_room(k) * sizeof *p);
	size_t pn = 0;
	*out = p;
	if (p == NULL) {
		return 0;
	}
	if (n <= TC_CONV_SCHOOL_LIMBS) {
		/* Horner from the top, TC_CONV_STEP limbs per step. */
		uint32_t i = n;
		while (i > 0) {
			uint32_t take = i % TC_CONV_STEP ? i % TC_CONV_STEP : TC_CONV_STEP;
			uint64_t c = 0, mul = 1;
			for (uint32_t t = 0; t < take; t++) {
				c = c * TC_BASE + l[i - 1 - t];
				mul *= TC_BASE;
			}
			i -= take;
			if (pn > 0) {
				mp_limb_t carry = mpn_mul_1(p, p, (mp_size_t) pn, (mp_limb_t) mul);
				if (carry) {
					p[pn++] = carry;
				}
				carry = mpn_add_1(p, p, (mp_size_t) pn, (mp_limb_t) c);
				if (carry) {
					p[pn++] = carry;
				}
			} else if (c != 0) {
				p[pn++] = (mp_limb_t) c;
			}
		}
		return pn;
	}
	unsigned char *raw = tc_mem_alloc(k);
	if (raw == NULL) {
		tc_mem_free(p);
		*out = NULL;
		return 0;
	}
	pn = mpn_set_str(p, raw, limbs_to_raw(l, n, raw), 10);
	tc_mem_free(raw);
	return pn;
}

/* out = the mpn integer p[0..pn) (destroyed) as limbs; returns the limb count, or UINT32_MAX on failure. */
static uint32_t mpn_to_limbs(mp_limb_t *p, size_t pn, uint32_t *out)
{
	while (pn > 0 && p[pn - 1] == 0) {
		pn--;
	}
	if (pn == 0) {
		return 0;
	}
	if (pn * GMP_NUMB_BITS <= (size_t) TC_CONV_SCHOOL_LIMBS * 27) {
		/* Repeated division by 10^16 (or 10^8), lowest limbs first. */
		uint32_t n = 0;
		while (pn > 0) {
			uint64_t r = mpn_divrem_1(p, 0, p, (mp_size_t) pn, (mp_limb_t) TC_CONV_BASE);
			for (int t = 0; t < TC_CONV_STEP; t++) {
				out[n++] = (uint32_t) (r % TC_BASE);
				r /= TC_BASE;
			}
			while (pn > 0 && p[pn - 1] == 0) {
				pn--;
			}
		}
		while (n > 0 && out[n - 1] == 0) {
			n--;
		}
		return n;
	}
	size_t room = pn * GMP_NUMB_BITS * 302 / 1000 + 2;
	unsigned char *raw = tc_mem_alloc(room);
	if (raw == NULL) {
		return UINT32_MAX;
	}
	uint32_t n = raw_to_limbs(raw, mpn_get_str(raw, 10, p, (mp_size_t) pn), out);
	tc_mem_free(raw);
	return n;
}

#ifdef TC_HAVE_U128
/*
 * floor(u / d) with u / d < 2^64 (the top word of u below d), d's top bit set, v its inverse
 * floor((2^128 - 1) / d) - 2^64, the remainder in *rem: two multiplications instead of a 128-bit
 * division (Moller and Granlund, "Improved division by invariant integers", 2011, algorithm 4).
 */
static inline uint64_t div_preinv(tc_u128 u, uint64_t d, uint64_t v, uint64_t *rem)
{
	uint64_t u1 = (uint64_t) (u >> 64), u0 = (uint64_t) u;
	TC_ASSERT(u1 < d && (d >> 63) == 1);
	tc_u128 qq = (tc_u128) v * u1 + ((((tc_u128) (u1 + 1)) << 64) | u0);
	uint64_t q1 = (uint64_t) (qq >> 64), q0 = (uint64_t) qq;
	uint64_t r = u0 - q1 * d;
	if (r > q0) {
		q1--;
		r += d;
	}
	if (r >= d) {
		q1++;
		r -= d;
	}
	TC_ASSERT((tc_u128) q1 * d + r == u);
	*rem = r;
	return q1;
}

/* 10^19 has its top bit set: div_preinv() takes it as it is. */
#define TC_E19_INV 0xd83c94fb6d2ac34aULL   /* floor((2^128 - 1) / 10^19) - 2^64 */

/*
 * 10^k for k <= 19 shifted left until its top bit is set, its div_preinv() inverse and the shift,
 * so that a 128-bit integer is divided by any of them with four multiplications. The C tests
 * check every entry against a division.
 */
static const struct {
	uint64_t d, inv;
	unsigned shift;
} pow10_norm[20] = {
	{ 0x8000000000000000ULL, 0xffffffffffffffffULL, 63 },
	{ 0xa000000000000000ULL, 0x9999999999999999ULL, 60 },
	{ 0xc800000000000000ULL, 0x47ae147ae147ae14ULL, 57 },
	{ 0xfa00000000000000ULL, 0x0624dd2f1a9fbe76ULL, 54 },
	{ 0x9c40000000000000ULL, 0xa36e2eb1c432ca57ULL, 50 },
	{ 0xc350000000000000ULL, 0x4f8b588e368f0846ULL, 47 },
	{ 0xf424000000000000ULL, 0x0c6f7a0b5ed8d36bULL, 44 },
	{ 0x9896800000000000ULL, 0xad7f29abcaf48578ULL, 40 },
	{ 0xbebc200000000000ULL, 0x5798ee2308c39df9ULL, 37 },
	{ 0xee6b280000000000ULL, 0x12e0be826d694b2eULL, 34 },
	{ 0x9502f90000000000ULL, 0xb7cdfd9d7bdbab7dULL, 30 },
	{ 0xba43b74000000000ULL, 0x5fd7fe17964955fdULL, 27 },
	{ 0xe8d4a51000000000ULL, 0x19799812dea11197ULL, 24 },
	{ 0x9184e72a00000000ULL, 0xc25c268497681c26ULL, 20 },
	{ 0xb5e620f480000000ULL, 0x6849b86a12b9b01eULL, 17 },
	{ 0xe35fa931a0000000ULL, 0x203af9ee756159b2ULL, 14 },
	{ 0x8e1bc9bf04000000ULL, 0xcd2b297d889bc2b6ULL, 10 },
	{ 0xb1a2bc2ec5000000ULL, 0x70ef54646d496892ULL, 7 },
	{ 0xde0b6b3a76400000ULL, 0x2725dd1d243aba0eULL, 4 },
	{ 0x8ac7230489e80000ULL, 0xd83c94fb6d2ac34aULL, 0 },
};

/* u / 10^k and the remainder, for k <= 19 and any u. */
static inline tc_u128 divrem_pow10_u128(tc_u128 u, uint32_t k, uint64_t *rem)
{
	TC_ASSERT(k <= TC_U64_DIGITS);
	uint64_t d = pow10_norm[k].d, v = pow10_norm[k].inv;
	unsigned sh = pow10_norm[k].shift;
	/* u << sh in three words n2:n1:n0, n2 < 2^sh <= d */
	uint64_t n0 = (uint64_t) u << sh;
	tc_u128 top = sh == 0 ? u >> 64 : u >> (64 - sh);
	uint64_t r1, r0;
	uint64_t q1 = div_preinv(top, d, v, &r1);
	uint64_t q0 = div_preinv((tc_u128) r1 << 64 | n0, d, v, &r0);
	*rem = r0 >> sh;
	return (tc_u128) q1 << 64 | q0;
}

static void parts_set(tc_dec_parts *r, tc_u128 whole, uint64_t frac, uint32_t s, bool neg)
{
	TC_ASSERT(whole < pow10_u128(2 * TC_U64_DIGITS) && s <= TC_U64_DIGITS && frac < tc_pow10_u64[s]);
	TC_ASSERT(!neg || whole != 0 || frac != 0);
	if ((whole >> 64) == 0) {
		r->w[1] = (uint64_t) whole / 10000000000000000000ULL;
		r->w[0] = (uint64_t) whole % 10000000000000000000ULL;
	} else {
		r->w[1] = div_preinv(whole, tc_pow10_u64[TC_U64_DIGITS], TC_E19_INV, &r->w[0]);
	}
	r->w[2] = 0;
	r->frac = frac;
	r->scale = s;
	r->neg = neg;
}

/* How many digits d's coefficient has (0 for zero). */
static inline uint64_t coef_digits(const tc_dec *d)
{
	if (!d->is_big) {
		return d->small == 0 ? 0 : u64_digits(d->small);
	}
	if (d->len == 0) {
		return 0;
	}
	return limbs_digits(d->limb, d->len, d->frac * TC_BASE_DIGITS - d->scale);
}

/*
 * d's coefficient as a 128-bit integer; it has at most 38 digits (coef_digits()). Reads a wide
 * value's limbs top down: no division but one by a power of ten known at compile time.
 */
static inline tc_u128 coef_u128(const tc_dec *d)
{
	TC_ASSERT(coef_digits(d) <= 2 * TC_U64_DIGITS);
	if (!d->is_big) {
		return d->small;
	}
	if (d->len == 0) {
		return 0;
	}
	uint32_t pad = d->frac * TC_BASE_DIGITS - d->scale;
	tc_u128 v = 0;
	for (uint32_t i = d->len; i-- > 1;) {
		v = v * TC_BASE + d->limb[i];
	}
	return v * tc_pow10_u64[TC_BASE_DIGITS - pad] + div_pow10_u64(d->limb[0], pad);
}

/*
 * r = c at `scale`, negated when neg, for c < 10^38: small when it fits 64 bits, else its limbs
 * (at most 5, from one division by 10^19 through its inverse). The zero digits that align the point
 * on a limb boundary (pad, at most 7) go in by one multiplication when c * 10^pad < 10^38 (a
 * product's coefficient always is), else limb by limb (one limb more).
 */
static tc_status store_u128(tc_dec *r, tc_u128 c, bool neg, uint32_t scale)
{
	if ((c >> 64) == 0) {
		set_small(r, (uint64_t) c, neg, scale);
		return TC_OK;
	}
	TC_ASSERT(c < pow10_u128(2 * TC_U64_DIGITS));
	uint32_t frac = frac_limbs(scale), pad = frac * TC_BASE_DIGITS - scale;
	bool aligned = c < pow10_u128(2 * TC_U64_DIGITS - pad);
	if (aligned) {
		c *= tc_pow10_u64[pad];
	}
	uint64_t lo, hi = div_preinv(c, tc_pow10_u64[TC_U64_DIGITS], TC_E19_INV, &lo);
	TC_ASSERT(hi < tc_pow10_u64[TC_U64_DIGITS]);
	/* lo: digits 0 to 18, hi: digits 19 to 37 */
	uint32_t l[6] = {
		(uint32_t) (lo % TC_BASE),
		(uint32_t) (lo / TC_BASE % TC_BASE),
		(uint32_t) (lo / 10000000000000000ULL + hi % 100000 * 1000),
		(uint32_t) (hi / 100000 % TC_BASE),
		(uint32_t) (hi / 10000000000000ULL),
		0,
	};
	if (!aligned) {
		uint64_t m = tc_pow10_u64[pad], carry = 0;
		for (int i = 0; i < 6; i++) {
			uint64_t t = l[i] * m + carry;   /* < 10^8 * 10^7 + 10^8 */
			l[i] = (uint32_t) (t % TC_BASE);
			carry = t / TC_BASE;
		}
		TC_ASSERT(carry == 0);
	}
	return store(r, l, aligned ? 5 : 6, frac, scale, neg);
}

/*
 * r = the product p (below 10^38) with its last cut digits cut and split at s <= 19 places,
 * negated when neg and not zero: divisions through inverted powers of ten. Inlined into both of
 * its callers: left to the compiler (out of line since its 64-bit case was added), the string
 * route's multiplication at 20 and 28 digits measured 1.58-1.76x / 1.73-1.85x bcmul before and
 * 1.45-1.60x / 1.46-1.67x after (PHP 8.4, benchmarks/run-in-root.sh --quick --only=widths), with
 * the same instructions a call; inlined, 1.77-1.82x / 1.72x.
 */
static TC_ALWAYS_INLINE void product_parts(tc_dec_parts *r, tc_u128 p, uint32_t cut, uint32_t s, bool neg)
{
	TC_ASSERT(s <= TC_U64_DIGITS && cut <= 2 * TC_U64_DIGITS);
	uint64_t rem, frac;
	uint32_t k = cut + s;
	if (k <= TC_U64_DIGITS && (uint64_t) (p >> 64) < tc_pow10_u64[k]) {
		/*
		 * The usual product of two token amounts: its whole part fits 64 bits. One division by
		 * 10^(cut + s) gives the whole part, and its remainder the fraction, instead of two
		 * 128-bit divisions in a row (by 10^cut, then by 10^s: four dependent steps).
		 */
		unsigned sh = pow10_norm[k].shift;
		uint64_t whole = div_preinv(p << sh, pow10_norm[k].d, pow10_norm[k].inv, &rem);
		frac = div_pow10_u64(rem >> sh, cut);
		parts_set(r, whole, frac, s, neg && (whole | frac) != 0);
		return;
	}
	if (cut > TC_U64_DIGITS) {
		p = divrem_pow10_u128(p, TC_U64_DIGITS, &rem);
		cut -= TC_U64_DIGITS;
	}
	p = divrem_pow10_u128(p, cut, &rem);
	tc_u128 whole = divrem_pow10_u128(p, s, &frac);
	parts_set(r, whole, frac, s, neg && p != 0);
}

/* product_parts() of a * b, for coefficients of at most 38 digits together. */
static void mul_parts_of(tc_dec_parts *r, const tc_dec *a, const tc_dec *b, uint32_t cut, uint32_t s, bool neg)
{
	TC_ASSERT(coef_digits(a) + coef_digits(b) <= 2 * TC_U64_DIGITS);
	product_parts(r, coef_u128(a) * coef_u128(b), cut, s, neg);
}

/* Whether mul_parts_of() takes a product of dab digits, cut digits cut and s places. */
static inline bool mul_parts_fit(uint64_t dab, uint64_t cut, uint32_t s)
{
	return dab <= 2 * TC_U64_DIGITS && s <= TC_U64_DIGITS && cut <= 2 * TC_U64_DIGITS;
}

/*
 * store_u128(), or with parts, a c past 64 bits at up to 19 places split at its point there
 * instead (*split set): the quotient of div_bin() is printed once, not laid out in limbs first.
 */
static tc_status store_or_split(tc_dec *r, tc_dec_parts *parts, bool *split, tc_u128 c, bool neg, uint32_t scale)
{
	if (parts != NULL && (c >> 64) != 0 && scale <= TC_U64_DIGITS) {
		uint64_t frac;
		tc_u128 whole = divrem_pow10_u128(c, scale, &frac);
		parts_set(parts, whole, frac, scale, neg);
		*split = true;
		return TC_OK;
	}
	return store_u128(r, c, neg, scale);
}
#endif

size_t tc_dec_parts_len(const tc_dec_parts *r)
{
	/* u64_digits(0) is 0, and a zero integer part prints as "0" */
	size_t int_len = r->w[2] != 0 ? 2 * TC_U64_DIGITS + u64_digits(r->w[2])
		: r->w[1] != 0 ? TC_U64_DIGITS + u64_digits(r->w[1]) : u64_digits(r->w[0] | (r->w[0] == 0));
	return (r->neg ? 1 : 0) + int_len + (r->scale > 0 ? 1 + r->scale : 0);
}

/* ---- multiplication ---- */

#ifdef TC_HAVE_U128
/* w[0..ceil(n / 2)) = the limbs l[0..n) two by two: base-10^16 words, the lower limb first. */
static void pair_limbs(uint64_t *w, const uint32_t *l, uint32_t n)
{
	for (uint32_t i = 0; 2 * i < n; i++) {
		w[i] = l[2 * i] + (2 * i + 1 < n ? (uint64_t) l[2 * i + 1] * TC_BASE : 0);
	}
}

/*
 * out[0..na + nb + 2) = a * b by schoolbook in base 10^16: limbs paired into uint64_t digits, the
 * products summed in 128-bit columns (room for millions of them), one carry pass. A quarter of
 * the multiplications of base 10^8, and no radix conversion.
 */
static tc_status mul_limbs_16(uint32_t *out, const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	const uint64_t base16 = (uint64_t) TC_BASE * TC_BASE;
	uint32_t ma = (na + 1) / 2, mb = (nb + 1) / 2, n = ma + mb;
	size_t bytes = ((size_t) ma + mb) * sizeof(uint64_t) + (size_t) n * sizeof(tc_u128);
	tc_u128 *cols = tc_mem_alloc(bytes);
	if (cols == NULL) {
		return TC_ERR_NOMEM;
	}
	uint64_t *x = (uint64_t *) (cols + n), *y = x + ma;
	pair_limbs(x, a, na);
	pair_limbs(y, b, nb);
	memset(cols, 0, (size_t) n * sizeof *cols);
	for (uint32_t i = 0; i < ma; i++) {
		tc_u128 xi = x[i], *c = cols + i;
		for (uint32_t j = 0; j < mb; j++) {
			c[j] += xi * y[j];
		}
	}
	tc_u128 carry = 0;
	for (uint32_t k = 0; k < n; k++) {
		tc_u128 t = cols[k] + carry;
		carry = t / base16;
		uint64_t lo = (uint64_t) (t - carry * base16);
		out[2 * k] = (uint32_t) (lo % TC_BASE);
		out[2 * k + 1] = (uint32_t) (lo / TC_BASE);
	}
	TC_ASSERT(carry == 0);
	tc_mem_free(cols);
	return TC_OK;
}
#endif

/* out[0..na + nb + 2) = a * b, integers of limbs (na, nb > 0); schoolbook, or GMP for long operands. */
static tc_status mul_limbs(uint32_t *out, const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
	uint32_t n = na + nb;
#ifdef TC_HAVE_U128
	if (min_u32(na, nb) > TC_MUL16_LIMBS && min_u32(na, nb) <= TC_MUL_GMP_LIMBS) {
		return mul_limbs_16(out, a, na, b, nb);
	}
#endif
	if (min_u32(na, nb) > TC_MUL_GMP_LIMBS) {
		mp_limb_t *x = NULL, *y = NULL, *z = NULL;
		size_t xn = limbs_to_mpn(a, na, &x), yn = limbs_to_mpn(b, nb, &y);
		tc_status st = TC_ERR_NOMEM;
		if (x != NULL && y != NULL && xn > 0 && yn > 0 && (z = tc_mem_alloc((xn + yn) * sizeof *z)) != NULL) {
			if (xn >= yn) {
				mpn_mul(z, x, (mp_size_t) xn, y, (mp_size_t) yn);
			} else {
				mpn_mul(z, y, (mp_size_t) yn, x, (mp_size_t) xn);
			}
			memset(out, 0, (size_t) n * sizeof *out);
			if (mpn_to_limbs(z, xn + yn, out) != UINT32_MAX) {
				st = TC_OK;
			}
		}
		tc_mem_free(x);
		tc_mem_free(y);
		tc_mem_free(z);
		return st;
	}
	/* Columns of products (each < 10^16; at most TC_MUL_GMP_LIMBS of them per column here), one carry pass. */
	uint64_t stack_cols[2 * TC_DEC_STACK_LIMBS], *cols = stack_cols;
	if (n > 2 * TC_DEC_STACK_LIMBS) {
		cols = tc_mem_alloc((size_t) n * sizeof *cols);
		if (cols == NULL) {
			return TC_ERR_NOMEM;
		}
	}
	memset(cols, 0, (size_t) n * sizeof *cols);
	for (uint32_t i = 0; i < na; i++) {
		uint64_t ai = a[i];
		for (uint32_t j = 0; j < nb; j++) {
			cols[i + j] += ai * b[j];
		}
	}
	uint64_t carry = 0;
	for (uint32_t k = 0; k < n; k++) {
		uint64_t t = cols[k] + carry;
		out[k] = (uint32_t) (t % TC_BASE);
		carry = t / TC_BASE;
	}
	TC_ASSERT(carry == 0);
	if (cols != stack_cols) {
		tc_mem_free(cols);
	}
	return TC_OK;
}

static TC_NOINLINE tc_status mul_wide(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a,
		const tc_dec *b, uint32_t s, bool neg);

/* The usual case of tc_dec_mul(): both coefficients and their product in 64 bits. m: a's scale plus b's, s: the result's. */
static inline bool mul_small(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t m, uint32_t s)
{
	uint64_t mag;
	if (a->is_big || b->is_big || __builtin_mul_overflow(a->small, b->small, &mag)) {
		return false;
	}
	set_small(r, div_pow10_u64(mag, m - s), a->neg != b->neg, s);
	return true;
}

static inline uint32_t mul_scale(const tc_dec *a, const tc_dec *b)
{
	uint64_t m64 = (uint64_t) a->scale + b->scale;
	return m64 > TC_SCALE_EXACT - 1 ? TC_SCALE_EXACT - 1 : (uint32_t) m64;
}

tc_status tc_dec_mul(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	uint32_t m = mul_scale(a, b), s = min_u32(scale, m);
	if (mul_small(r, a, b, m, s)) {
		return TC_OK;
	}
	return mul_wide(r, NULL, NULL, a, b, s, a->neg != b->neg);
}

tc_status tc_dec_mul_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b,
		uint32_t scale)
{
	uint32_t m = mul_scale(a, b), s = min_u32(scale, m);
	*split = false;
	if (mul_small(r, a, b, m, s)) {
		return TC_OK;
	}
	return mul_wide(r, parts, split, a, b, s, a->neg != b->neg);
}

/*
 * The rest of tc_dec_mul(), out of line (its scratch frame stays off the machine-word path above);
 * s is the result's scale. With parts, a result mul_parts_of() takes goes there (*split set).
 */
static TC_NOINLINE tc_status mul_wide(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a,
		const tc_dec *b, uint32_t s, bool neg)
{
#ifdef TC_HAVE_U128
	{
		uint64_t dab = coef_digits(a) + coef_digits(b), cut = (uint64_t) a->scale + b->scale - s;
		if (parts != NULL && mul_parts_fit(dab, cut, s)) {
			mul_parts_of(parts, a, b, (uint32_t) cut, s, neg);
			*split = true;
			return TC_OK;
		}
		/* The product in 128 bits when it has at most 38 digits, and the result aligned on its limbs too. */
		if (dab <= 2 * TC_U64_DIGITS
				&& dab - (cut < dab ? cut : dab) + (frac_limbs(s) * TC_BASE_DIGITS - s) <= 2 * TC_U64_DIGITS) {
			tc_u128 p = coef_u128(a) * coef_u128(b);
			if (cut > 0) {
				p = cut > 2 * TC_U64_DIGITS ? 0 : p / pow10_u128((uint32_t) cut);
			}
			return store_u128(r, p, neg, s);
		}
	}
#else
	(void) parts;
	(void) split;
#endif
	uint32_t ta[4], tb[4];
	view va = view_of(a, ta), vb = view_of(b, tb);
	if (va.len == 0 || vb.len == 0) {
		set_small(r, 0, false, s);
		return TC_OK;
	}
	uint32_t n = va.len + vb.len;
	scratch sc;
	uint32_t *l = scratch_get(&sc, (size_t) n + 2);
	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	tc_status st = mul_limbs(l, va.l, va.len, vb.l, vb.len);
	if (st == TC_OK) {
		/* The product has va.frac + vb.frac fractional limbs, of which m digits count. */
		uint32_t f = va.frac + vb.frac, *k = trunc_limbs(l, &n, f, min_u32(s, f * TC_BASE_DIGITS));
		uint32_t kf = frac_limbs(s);
		st = store(r, k, n, kf, s, neg);
	}
	scratch_put(&sc);
	return st;
}

/* ---- division ---- */

#ifdef TC_HAVE_U128
/*
 * Division by a divisor d >= 2 fixed for many steps, of dividends below 2^54 (two limbs): by
 * multiplying with m = floor(2^64 / d) and one correction, instead of a hardware division each step
 * (tens of cycles of latency). The estimate floor(t * m / 2^64) is q or q - 1: t * (2^64 / d - m)
 * / 2^64 < t / 2^64 < 2^-10.
 */
typedef struct recip {
	uint64_t d, m;
} recip;

static inline recip recip_of(uint64_t d)
{
	TC_ASSERT(d >= 2);
	recip r = { d, (uint64_t) (((tc_u128) 1 << 64) / d) };
	return r;
}

static inline uint64_t recip_divmod(const recip *r, uint64_t t, uint64_t *rem)
{
	TC_ASSERT(t < ((uint64_t) 1 << 54));
	uint64_t q = (uint64_t) (((tc_u128) t * r->m) >> 64), x = t - q * r->d;
	if (x >= r->d) {
		q++;
		x -= r->d;
	}
	TC_ASSERT(x < r->d);
	*rem = x;
	return q;
}
#endif

#ifdef TC_HAVE_U128
/*
 * Base 10^16 for Knuth's algorithm: two limbs per word, a quarter of the multiply-subtract steps.
 * Splitting a 128-bit step value p < 2^107 at 10^16 costs two multiplications: division of a
 * two-word number by a one-word constant with a precomputed inverse (Moller and Granlund,
 * "Improved division by invariant integers", 2011), the divisor 10^16 shifted left by 10 so that
 * its top bit is set.
 */
#define TC_DIV16_MIN_DIVISOR 5   /* limbs; below, base 10^8 measured as fast or faster */
#define TC_B16 10000000000000000ULL
#define TC_B16_NORM (TC_B16 << 10)
#define TC_B16_INV 0xcd2b297d889bc2b6ULL   /* floor((2^128 - 1) / TC_B16_NORM) - 2^64 */

static inline uint64_t split16(tc_u128 p, uint64_t *lo)
{
	TC_ASSERT((p >> 107) == 0);
	uint64_t q = div_preinv(p << 10, TC_B16_NORM, TC_B16_INV, lo);
	*lo >>= 10;
	TC_ASSERT(*lo < TC_B16 && (tc_u128) q * TC_B16 + *lo == p);
	return q;
}

/*
 * As divmod_small() for nb >= 3 (used from TC_DIV16_MIN_DIVISOR), in base 10^16: the limbs paired into words (n's and b's), the
 * quotient's words split back into limbs. q receives nn - nb + 1 limbs (and may be written up to
 * two limbs past them, within the caller's room of qn + 2); n is destroyed.
 */
static void divmod16(uint32_t *q, uint32_t *n, uint32_t nn, const uint32_t *b, uint32_t nb, bool *rem_zero)
{
	uint32_t wn = (nn + 1) / 2, wb = (nb + 1) / 2;
	uint64_t x[TC_DIV_GMP_LIMBS + 2], y[TC_DIV_GMP_LIMBS + 2];
	TC_ASSERT(nb >= 3 && wn + 1 <= sizeof x / sizeof x[0] && wb <= sizeof y / sizeof y[0]);
	pair_limbs(x, n, nn);
	pair_limbs(y, b, nb);
	/* Normalise: the divisor's top word at least 10^16 / 2. */
	uint64_t f = TC_B16 / (y[wb - 1] + 1), carry = 0, lo;
	if (f > 1) {
		for (uint32_t i = 0; i < wb; i++) {
			carry = split16((tc_u128) y[i] * f + carry, &lo);
			y[i] = lo;
		}
		TC_ASSERT(carry == 0);
		carry = 0;
		for (uint32_t i = 0; i < wn; i++) {
			carry = split16((tc_u128) x[i] * f + carry, &lo);
			x[i] = lo;
		}
	}
	x[wn] = carry;
	uint64_t top = y[wb - 1], next = y[wb - 2];
	uint32_t wq = wn - wb + 1;
	for (uint32_t j = wq; j-- > 0;) {
		tc_u128 num = (tc_u128) x[j + wb] * TC_B16 + x[j + wb - 1];
		uint64_t qh = (uint64_t) (num / top);
		tc_u128 rh = num - (tc_u128) qh * top;
		while (qh >= TC_B16 || (tc_u128) qh * next > rh * TC_B16 + x[j + wb - 2]) {
			qh--;
			rh += top;
			if (rh >= TC_B16) {
				break;
			}
		}
#ifdef TC_FORCE_ADD_BACK
		/* tests only: an estimate one too large, which the add-back below must put right */
		qh += qh + 1 < TC_B16;
#endif
		/* x[j..j+wb] -= qh * y */
		uint64_t mc = 0, borrow = 0;
		for (uint32_t i = 0; i < wb; i++) {
			mc = split16((tc_u128) qh * y[i] + mc, &lo);
			uint64_t t = x[i + j] - lo - borrow;   /* wraps below zero */
			borrow = x[i + j] < lo + borrow;
			x[i + j] = borrow ? t + TC_B16 : t;
		}
		int64_t t = (int64_t) x[j + wb] - (int64_t) mc - (int64_t) borrow;
		while (t < 0) {
			/* Estimate too large (rare, and by one at most but in the tests): add the divisor back. */
			qh--;
			uint64_t c = 0;
			for (uint32_t i = 0; i < wb; i++) {
				uint64_t u = x[i + j] + y[i] + c;
				c = u >= TC_B16;
				x[i + j] = c ? u - TC_B16 : u;
			}
			t += (int64_t) c;
		}
		TC_ASSERT(t == 0);   /* the remainder is below the divisor: nothing left above it */
		x[j + wb] = (uint64_t) t;
		q[2 * j] = (uint32_t) (qh % TC_BASE);
		q[2 * j + 1] = (uint32_t) (qh / TC_BASE);
	}
	bool z = true;
	for (uint32_t i = 0; i < wb && z; i++) {
		z = x[i] == 0;
	}
	*rem_zero = z;
}
#endif

/*
 * q = n / b and whether the remainder is zero, for integers of limbs with nn >= nb >= 1, b's top
 * limb non-zero. q has nn - nb + 1 limbs. Knuth's algorithm D in base 10^8: every intermediate
 * fits a uint64_t. n[0..nn] (one limb more) is working space and is destroyed.
 */
static void divmod_small(uint32_t *q, uint32_t *n, uint32_t nn, const uint32_t *b, uint32_t nb,
		uint32_t *bn, bool *rem_zero)
{
	if (nb == 1) {
		uint64_t rem = 0, d = b[0];
#ifdef TC_HAVE_U128
		if (d > 1) {
			recip r = recip_of(d);
			for (uint32_t i = nn; i-- > 0;) {
				uint64_t t = rem * TC_BASE + n[i];
				q[i] = (uint32_t) recip_divmod(&r, t, &rem);
			}
			*rem_zero = rem == 0;
			return;
		}
#endif
		for (uint32_t i = nn; i-- > 0;) {
			uint64_t t = rem * TC_BASE + n[i];
			q[i] = (uint32_t) (t / d);
			rem = t % d;
		}
		*rem_zero = rem == 0;
		return;
	}
	/* Normalise: the divisor's top limb at least BASE / 2, so each estimate is off by at most 2. */
	uint64_t f = TC_BASE / ((uint64_t) b[nb - 1] + 1), carry = 0;
	for (uint32_t i = 0; i < nb; i++) {
		uint64_t t = b[i] * f + carry;
		bn[i] = (uint32_t) (t % TC_BASE);
		carry = t / TC_BASE;
	}
	carry = 0;
	for (uint32_t i = 0; i < nn; i++) {
		uint64_t t = n[i] * f + carry;
		n[i] = (uint32_t) (t % TC_BASE);
		carry = t / TC_BASE;
	}
	n[nn] = (uint32_t) carry;
	uint64_t top = bn[nb - 1], next = bn[nb - 2];
#ifdef TC_HAVE_U128
	recip rtop = recip_of(top);   /* top >= BASE / 2 after normalising */
#endif
	for (uint32_t j = nn - nb + 1; j-- > 0;) {
		uint64_t num = (uint64_t) n[j + nb] * TC_BASE + n[j + nb - 1];
#ifdef TC_HAVE_U128
		uint64_t rh, qh = recip_divmod(&rtop, num, &rh);
#else
		uint64_t qh = num / top, rh = num % top;
#endif
		while (qh >= TC_BASE || qh * next > rh * TC_BASE + n[j + nb - 2]) {
			qh--;
			rh += top;
			if (rh >= TC_BASE) {
				break;
			}
		}
#ifdef TC_FORCE_ADD_BACK
		/* tests only: an estimate one too large, which the add-back below must put right */
		qh += qh + 1 < TC_BASE;
#endif
		/* n[j..j+nb] -= qh * bn */
		int64_t borrow = 0;
		uint64_t mc = 0;
		for (uint32_t i = 0; i < nb; i++) {
			uint64_t p = qh * bn[i] + mc;
			mc = p / TC_BASE;
			int64_t t = (int64_t) n[i + j] - (int64_t) (p % TC_BASE) - borrow;
			borrow = t < 0;
			n[i + j] = (uint32_t) (t + (borrow ? TC_BASE : 0));
		}
		int64_t t = (int64_t) n[j + nb] - (int64_t) mc - borrow;
		while (t < 0) {
			/* Estimate too large (rare, and by one at most but in the tests): add the divisor back. */
			qh--;
			uint32_t c = 0;
			for (uint32_t i = 0; i < nb; i++) {
				uint32_t u = n[i + j] + bn[i] + c;
				c = u >= TC_BASE;
				n[i + j] = c ? u - TC_BASE : u;
			}
			t += c;   /* the carry out cancels the borrow */
		}
		TC_ASSERT(t == 0);   /* the remainder is below the divisor: nothing left above it */
		n[j + nb] = (uint32_t) t;
		q[j] = (uint32_t) qh;
	}
	bool z = true;
	for (uint32_t i = 0; i < nb && z; i++) {
		z = n[i] == 0;
	}
	*rem_zero = z;
}

/* As divmod_small() through GMP, for long divisors. n is not modified. */
static tc_status divmod_gmp(uint32_t *q, const uint32_t *n, uint32_t nn, const uint32_t *b, uint32_t nb,
		bool *rem_zero)
{
	mp_limb_t *x = NULL, *y = NULL, *qq = NULL, *rr = NULL;
	size_t xn = limbs_to_mpn(n, nn, &x), yn = limbs_to_mpn(b, nb, &y);
	tc_status st = TC_ERR_NOMEM;

	if (x != NULL && y != NULL && xn > 0 && yn > 0) {
		memset(q, 0, (size_t) (nn - nb + 1) * sizeof *q);
		if (xn < yn) {
			*rem_zero = false;   /* n < b, n > 0 */
			st = TC_OK;
		} else if ((qq = tc_mem_alloc((xn - yn + 1) * sizeof *qq)) != NULL
				&& (rr = tc_mem_alloc(yn * sizeof *rr)) != NULL) {
			mpn_tdiv_qr(qq, rr, 0, x, (mp_size_t) xn, y, (mp_size_t) yn);
			*rem_zero = mpn_zero_p(rr, (mp_size_t) yn);
			if (mpn_to_limbs(qq, xn - yn + 1, q) != UINT32_MAX) {
				st = TC_OK;
			}
		}
	}
	tc_mem_free(x);
	tc_mem_free(y);
	tc_mem_free(qq);
	tc_mem_free(rr);
	return st;
}

/* Scale of an exact quotient: min(scale, max(sa - sb, places it needs)). */
static uint32_t div_result_scale(uint32_t sa, uint32_t sb, uint32_t scale, uint32_t places)
{
	uint32_t natural = sa > sb ? sa - sb : 0;
	return min_u32(scale, max_u32(natural, places));
}

#ifdef TC_HAVE_U128
/*
 * r = n / dv at `scale` places (n / dv is |a / b| * 10^scale, sa and sb the operands' scales), when
 * the quotient fits 64 bits; else false and r untouched.
 */
static TC_ALWAYS_INLINE bool div_u128_q(tc_dec *r, tc_u128 n, tc_u128 dv, uint32_t sa, uint32_t sb,
		uint32_t scale, bool neg)
{
	tc_u128 q = n / dv;
	if ((q >> 64) != 0) {
		return false;
	}
	uint64_t q64 = (uint64_t) q;
	if (n - q * dv != 0) {
		set_small(r, q64, neg, scale);
		return true;
	}
	uint32_t tz = 0;
	if (q64 == 0) {
		tz = scale;
	} else {
		while (tz < scale && q64 % 10 == 0) {
			q64 /= 10;
			tz++;
		}
	}
	uint32_t s = div_result_scale(sa, sb, scale, scale - tz);
	/* q now has scale - tz places; bring it to s >= scale - tz places (it was that long before). */
	set_small(r, q64 * tc_pow10_u64[s - (scale - tz)], neg, s);
	return true;
}

/*
 * The token-sized division: both coefficients, the one scaled by the places the quotient needs,
 * in 128 bits, and the quotient in 64. False when any of them does not fit.
 */
static bool div_u128(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale, bool neg)
{
	tc_u128 n, dv;
	if (!a->is_big && !b->is_big && (uint64_t) b->scale + scale <= TC_U64_DIGITS && a->scale <= TC_U64_DIGITS) {
		/* machine words: |a / b| * 10^scale = a * 10^(sb + scale) / (b * 10^sa), no digit counted */
		n = (tc_u128) a->small * tc_pow10_u64[b->scale + scale];
		dv = (tc_u128) b->small * tc_pow10_u64[a->scale];
	} else {
		/* |a / b| * 10^scale = n * 10^e / dv, e = sb + scale - sa: the power goes up on one side */
		int64_t e = (int64_t) b->scale + scale - a->scale;
		uint64_t na = coef_digits(a), nb = coef_digits(b);
		if (na + (uint64_t) (e > 0 ? e : 0) > 2 * TC_U64_DIGITS || nb + (uint64_t) (e < 0 ? -e : 0) > 2 * TC_U64_DIGITS) {
			return false;
		}
		n = coef_u128(a);
		dv = coef_u128(b);
		if (e >= 0) {
			n *= pow10_u128((uint32_t) e);
		} else {
			dv *= pow10_u128((uint32_t) -e);
		}
	}
	return div_u128_q(r, n, dv, a->scale, b->scale, scale, neg);
}
#endif

#if defined(TC_HAVE_U128) && GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
# define TC_HAVE_DIV_BIN 1
/*
 * The division of token amounts past 38 digits whose quotient still fits 128 bits (an 18-decimal
 * amount of up to 78 digits by one two thirds as long, say): in binary. The limbs go to 64-bit
 * words (Horner in base 10^16: multiplications only), div_words() divides (GMP's mpn_tdiv_qr for a
 * divisor of one or two words, its scratch on the stack), and the quotient comes back as limbs
 * through one division by 10^19 (store_u128). Decimal Knuth on the same operands spends most of
 * its time splitting 128-bit products at 10^8 or 10^16; binary words need no splitting.
 */
# define TC_DIV_BIN_WORDS 8   /* words (GMP's limbs, 64 bits here) either side may take: up to 154 digits */

/* w[0..*wn) *= m (m < 2^64), the carry appended; room for one more word is the caller's. */
static inline void bin_mul_add(mp_limb_t *w, uint32_t *wn, uint64_t m, uint64_t add)
{
	uint64_t carry = add;
	for (uint32_t i = 0; i < *wn; i++) {
		tc_u128 p = (tc_u128) w[i] * m + carry;
		w[i] = (uint64_t) p;
		carry = (uint64_t) (p >> 64);
	}
	if (carry != 0) {
		w[(*wn)++] = carry;
	}
}

/* w[0..*wn) *= 10^e, by 10^19 at a time. */
static inline void bin_mul_pow10(mp_limb_t *w, uint32_t *wn, uint32_t e)
{
	for (; e >= TC_U64_DIGITS; e -= TC_U64_DIGITS) {
		bin_mul_add(w, wn, tc_pow10_u64[TC_U64_DIGITS], 0);
	}
	if (e > 0) {
		bin_mul_add(w, wn, tc_pow10_u64[e], 0);
	}
}

/* w = the integer of the limbs l[0..n) times 10^e, in 64-bit words; returns how many. */
static uint32_t limbs_to_bin(mp_limb_t *w, const uint32_t *l, uint32_t n, uint32_t e)
{
	uint32_t wn = 0, i = n;
	if (i % 2 != 0) {
		i--;
		bin_mul_add(w, &wn, 1, l[i]);
	}
	while (i > 0) {
		i -= 2;
		bin_mul_add(w, &wn, TC_B16, (uint64_t) l[i + 1] * TC_BASE + l[i]);
	}
	bin_mul_pow10(w, &wn, e);
	return wn;
}

/*
 * q = n / d for 64-bit words, dw >= 3, nw >= dw, d's top word non-zero: Knuth's algorithm D in
 * base 2^64, each estimate from the divisor's top word by div_preinv() (one 128-bit division in
 * all, for the inverse). q receives nw - dw + 1 words; n[0..nw] (one word more) and d are working
 * space, destroyed. GMP's mpn_tdiv_qr on the same words was measured slower for a divisor of
 * three words or more (its general case for a quotient shorter than the divisor: 72.5 against
 * 63.2 ns a division at benchmarks/widths.php's 58 digits, best of 5, in a C loop).
 */
static void div_words(mp_limb_t *q, mp_limb_t *n, uint32_t nw, mp_limb_t *d, uint32_t dw, bool *rem_zero)
{
	TC_ASSERT(dw >= 3 && nw >= dw && d[dw - 1] != 0);
	/* Normalise: the divisor's top bit set, so each estimate is off by at most 2. */
	unsigned sh = (unsigned) __builtin_clzll(d[dw - 1]);
	n[nw] = 0;
	if (sh != 0) {
		for (uint32_t i = dw - 1; i > 0; i--) {
			d[i] = d[i] << sh | d[i - 1] >> (64 - sh);
		}
		d[0] <<= sh;
		n[nw] = n[nw - 1] >> (64 - sh);
		for (uint32_t i = nw - 1; i > 0; i--) {
			n[i] = n[i] << sh | n[i - 1] >> (64 - sh);
		}
		n[0] <<= sh;
	}
	uint64_t top = d[dw - 1], next = d[dw - 2];
	uint64_t v = (uint64_t) (~(tc_u128) 0 / top);   /* the quotient is in [2^64, 2^65): 2^64 dropped */
	for (uint32_t j = nw - dw + 1; j-- > 0;) {
		uint64_t n2 = n[j + dw], n1 = n[j + dw - 1], n0 = n[j + dw - 2], qh, rh;
		bool rh_big;   /* rh >= 2^64: the estimate passes the test below */
		if (n2 >= top) {
			TC_ASSERT(n2 == top);
			qh = UINT64_MAX;
			rh = n1 + top;   /* n2 * 2^64 + n1 - qh * top */
			rh_big = rh < top;
		} else {
			qh = div_preinv((tc_u128) n2 << 64 | n1, top, v, &rh);
			rh_big = false;
		}
		while (!rh_big && (tc_u128) qh * next > ((tc_u128) rh << 64 | n0)) {
			qh--;
			rh += top;
			rh_big = rh < top;
		}
#ifdef TC_FORCE_ADD_BACK
		/* tests only: an estimate one too large, which the add-back below must put right */
		qh += qh != UINT64_MAX;
#endif
		/* n[j..j+dw] -= qh * d */
		uint64_t mc = 0, borrow = 0;
		for (uint32_t i = 0; i < dw; i++) {
			tc_u128 p = (tc_u128) qh * d[i] + mc;
			uint64_t lo = (uint64_t) p, x = n[i + j];
			mc = (uint64_t) (p >> 64);
			n[i + j] = x - lo - borrow;
			borrow = (x < lo) | (x - lo < borrow);
		}
		n[j + dw] -= mc + borrow;   /* modulo 2^64: only whether it is zero matters below */
		/*
		 * The remainder is below the divisor: nothing is left above it. A non-zero top word means the
		 * estimate was too large (rare, and by one at most but in the tests): add the divisor back.
		 */
		while (n[j + dw] != 0) {
			qh--;
			uint64_t c = 0;
			for (uint32_t i = 0; i < dw; i++) {
				tc_u128 u = (tc_u128) n[i + j] + d[i] + c;
				n[i + j] = (uint64_t) u;
				c = (uint64_t) (u >> 64);
			}
			n[j + dw] += c;
		}
		q[j] = qh;
	}
	bool z = true;
	for (uint32_t i = 0; i < dw && z; i++) {
		z = n[i] == 0;
	}
	*rem_zero = z;
}

static tc_status div_bin_words(tc_dec *r, tc_dec_parts *parts, bool *split, mp_limb_t *n, uint32_t nw,
		mp_limb_t *d, uint32_t dw, uint32_t sa, uint32_t sb, uint32_t scale, bool neg);

/*
 * |a / b| truncated to `scale` places through binary words, when both sides fit TC_DIV_BIN_WORDS
 * words and the quotient fits 38 digits, its status in *st. False when it does not apply (r untouched).
 */
static bool div_bin(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b, uint32_t scale,
		bool neg, tc_status *st)
{
	/* |a / b| * 10^scale = LA * 10^e / LB for the limb integers, e = 8 fb + scale - 8 fa */
	uint32_t ta[4], tb[4];
	view va = view_of(a, ta), vb = view_of(b, tb);
	int64_t e = (int64_t) vb.frac * TC_BASE_DIGITS + scale - (int64_t) va.frac * TC_BASE_DIGITS;
	uint64_t ea = e > 0 ? (uint64_t) e : 0, eb = e < 0 ? (uint64_t) -e : 0;
	uint64_t dn = limbs_digits(va.l, va.len, 0) + ea, dd = limbs_digits(vb.l, vb.len, 0) + eb;
	/* quotient < 10^(dn - dd + 1); 154 digits fit 8 words (2^512 > 10^154) */
	if (dn > dd + 37 || dn > 154 || dd > 154) {
		return false;
	}
	mp_limb_t n[TC_DIV_BIN_WORDS + 1], d[TC_DIV_BIN_WORDS + 1];
	uint32_t nw = limbs_to_bin(n, va.l, va.len, (uint32_t) ea);
	uint32_t dw = limbs_to_bin(d, vb.l, vb.len, (uint32_t) eb);
	*st = div_bin_words(r, parts, split, n, nw, d, dw, a->scale, b->scale, scale, neg);
	return true;
}

/*
 * r = n / d at `scale` places for 64-bit words n[0..nw), d[0..dw) (n / d is |a / b| * 10^scale, sa
 * and sb the operands' scales, the quotient below 10^38), split into parts where it takes them.
 * n and d have room for one more word each and are destroyed.
 */
static tc_status div_bin_words(tc_dec *r, tc_dec_parts *parts, bool *split, mp_limb_t *n, uint32_t nw,
		mp_limb_t *d, uint32_t dw, uint32_t sa, uint32_t sb, uint32_t scale, bool neg)
{
	mp_limb_t q[TC_DIV_BIN_WORDS + 1];
	TC_ASSERT(nw <= TC_DIV_BIN_WORDS && dw <= TC_DIV_BIN_WORDS && dw > 0);
	tc_u128 quo = 0;
	bool rem_zero = false;
	if (nw >= dw) {
		uint32_t qw = nw - dw + 1;
		if (dw >= 3) {
			div_words(q, n, nw, d, dw, &rem_zero);
		} else {
			/* one or two words: GMP's divrem_1 and divrem_2, which beat div_words() there */
			mp_limb_t rr[2];
			mpn_tdiv_qr(q, rr, 0, n, (mp_size_t) nw, d, (mp_size_t) dw);
			rem_zero = mpn_zero_p(rr, (mp_size_t) dw);
		}
		TC_ASSERT(qw <= 2 || q[2] == 0);
		quo = q[0] | (qw > 1 ? (tc_u128) q[1] << 64 : 0);
	}
	if (!rem_zero) {
		return store_or_split(r, parts, split, quo, neg, scale);
	}
	/* Exact (quo > 0: a is not zero): the fewest places, down to the natural scale. */
	uint32_t tz = 0;
	while (tz < scale && (quo >> 64) != 0 && quo % 10 == 0) {
		quo /= 10;
		tz++;
	}
	uint64_t q64 = (uint64_t) quo;
	while (tz < scale && (quo >> 64) == 0 && q64 % 10 == 0) {
		q64 /= 10;
		tz++;
	}
	if ((quo >> 64) == 0) {
		quo = q64;
	}
	uint32_t s = div_result_scale(sa, sb, scale, scale - tz);
	return store_or_split(r, parts, split, quo * pow10_u128(s - (scale - tz)), neg, s);
}
#endif

static TC_NOINLINE tc_status div_wide(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale, bool neg);

/* tc_dec_div(), and with parts tc_dec_div_either(). */
static inline tc_status div_impl(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b,
		uint32_t scale)
{
	bool neg = a->neg != b->neg;

	TC_ASSERT(scale <= TC_SCALE_MAX);
	if (tc_dec_sign(b) == 0) {
		return TC_ERR_DIV0;
	}
	if (tc_dec_sign(a) == 0) {
		set_small(r, 0, false, min_u32(scale, a->scale > b->scale ? a->scale - b->scale : 0));
		return TC_OK;
	}
#ifdef TC_HAVE_U128
	if (div_u128(r, a, b, scale, neg)) {
		return TC_OK;
	}
#endif
#ifdef TC_HAVE_DIV_BIN
	tc_status st;
	if (div_bin(r, parts, split, a, b, scale, neg, &st)) {
		return st;
	}
#else
	(void) parts;
	(void) split;
#endif
	return div_wide(r, a, b, scale, neg);
}

tc_status tc_dec_div(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale)
{
	return div_impl(r, NULL, NULL, a, b, scale);
}

tc_status tc_dec_div_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_dec *a, const tc_dec *b,
		uint32_t scale)
{
	*split = false;
	return div_impl(r, parts, split, a, b, scale);
}

/* ---- multiplication and division of decimal strings ---- */

/* What the string routes do not take: a and b built into tc_decs (stack storage first), then the tc_dec route. */
static TC_NOINLINE tc_status text_by_decs(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_text *a,
		const tc_text *b, uint32_t scale, bool div)
{
	tc_dec_stack sa, sb;
	tc_dec x, y;
	tc_dec_init_stack(&x, &sa);
	tc_dec_init_stack(&y, &sb);
	tc_status st = build(&x, a->neg, a->ip, a->il, a->fp, a->fl);
	if (st == TC_OK) {
		st = build(&y, b->neg, b->ip, b->il, b->fp, b->fl);
	}
	if (st == TC_OK) {
		st = div ? tc_dec_div_either(r, parts, split, &x, &y, scale) : tc_dec_mul_either(r, parts, split, &x, &y, scale);
	}
	tc_dec_clear(&x);
	tc_dec_clear(&y);
	return st;
}

#ifdef TC_HAVE_U128
/* The k <= 19 digits at p as an integer: the odd ones first, then eight at a time. */
static inline uint64_t digits_u64(const char *p, size_t k)
{
	uint64_t v = 0;
	const char *end = p + k;
	for (const char *q = p + k % TC_BASE_DIGITS; p < q; p++) {
		v = v * 10 + (uint64_t) (*p - '0');
	}
	for (; p < end; p += TC_BASE_DIGITS) {
		v = v * TC_BASE + chunk_value(p, TC_BASE_DIGITS);
	}
	return v;
}

/* The digits ip[0..il) then fp[0..fl), at most 19 in all, as one integer. */
static inline uint64_t runs_u64(const char *ip, size_t il, const char *fp, size_t fl)
{
	TC_ASSERT(il + fl <= TC_U64_DIGITS);
	return il == 0 ? digits_u64(fp, fl) : digits_u64(ip, il) * tc_pow10_u64[fl] + digits_u64(fp, fl);
}

/*
 * t's coefficient, of at most 38 digits (leading zeros included), as hi * 10^19 + lo: its last 19
 * digits and the ones before them, each read as a machine word.
 */
static void text_groups(const tc_text *t, uint64_t *hi, uint64_t *lo)
{
	size_t n = t->il + t->fl;
	TC_ASSERT(n <= 2 * TC_U64_DIGITS);
	if (n <= TC_U64_DIGITS) {
		*hi = 0;
		*lo = runs_u64(t->ip, t->il, t->fp, t->fl);
	} else if (t->fl >= TC_U64_DIGITS) {
		size_t f = t->fl - TC_U64_DIGITS;
		*lo = digits_u64(t->fp + f, TC_U64_DIGITS);
		*hi = runs_u64(t->ip, t->il, t->fp, f);
	} else {
		size_t i = t->il - (TC_U64_DIGITS - t->fl);
		*lo = runs_u64(t->ip + i, t->il - i, t->fp, t->fl);
		*hi = digits_u64(t->ip, i);
	}
}

/* t's coefficient as a 128-bit integer, for at most 38 digits in t. */
static tc_u128 text_coef_u128(const tc_text *t)
{
	uint64_t hi, lo;
	text_groups(t, &hi, &lo);
	return hi == 0 ? lo : (tc_u128) hi * tc_pow10_u64[TC_U64_DIGITS] + lo;
}

/*
 * The 19 digits of a number at digit k and above, from its groups of 19 digits c[0..5] (c[5]
 * zero, k < 95): the upper part of one group and the lower part of the next.
 */
static inline uint64_t chunk_at(const uint64_t *c, uint64_t k)
{
	uint32_t q = (uint32_t) (k / TC_U64_DIGITS), r = (uint32_t) (k % TC_U64_DIGITS);
	TC_ASSERT(q < 5);
	if (r == 0) {
		return c[q];
	}
	uint64_t next = c[q + 1], next_low = next - div_pow10_u64(next, r) * tc_pow10_u64[r];
	return div_pow10_u64(c[q], r) + next_low * tc_pow10_u64[TC_U64_DIGITS - r];
}

/*
 * The product of a and b (at most 38 digits each), its last cut digits cut, split at s <= 19
 * places into r, whose integer part has at most 57 digits. Past 128 bits the product is formed in
 * base 10^19 (the operands' groups of 19 digits read from the strings, three columns, three
 * carries) and the result's groups are read across its groups (chunk_at()).
 */
static void mul_text_parts(tc_dec_parts *r, const tc_text *a, const tc_text *b, uint64_t cut, uint32_t s, bool neg)
{
	const uint64_t e19 = tc_pow10_u64[TC_U64_DIGITS];
	if (a->il + a->fl + b->il + b->fl <= 2 * TC_U64_DIGITS) {
		/* the product fits 128 bits */
		product_parts(r, text_coef_u128(a) * text_coef_u128(b), (uint32_t) cut, s, neg);
		return;
	}
	/*
	 * Past 128 bits: a = a1 * 10^19 + a0 and b alike, read so from the strings; the product's
	 * columns in base 10^19, c[0] the lowest, each carried with one div_preinv() (10^19 needs no
	 * normalising shift). The middle column, below 2 * 10^38 + 10^19, may pass 10^19 * 2^64 once.
	 */
	uint64_t a1, a0, b1, b0, c[6] = { 0, 0, 0, 0, 0, 0 };
	text_groups(a, &a1, &a0);
	text_groups(b, &b1, &b0);
	uint64_t carry = div_preinv((tc_u128) a0 * b0, e19, TC_E19_INV, &c[0]);
	tc_u128 t = (tc_u128) a0 * b1 + (tc_u128) a1 * b0 + carry;
	uint64_t th = (uint64_t) (t >> 64), over = th >= e19;
	uint64_t q = div_preinv((tc_u128) (th - (over ? e19 : 0)) << 64 | (uint64_t) t, e19, TC_E19_INV, &c[1]);
	t = (tc_u128) a1 * b1 + ((tc_u128) over << 64 | q);
	c[3] = div_preinv(t, e19, TC_E19_INV, &c[2]);
	TC_ASSERT(c[3] < e19);
	/* the fraction: the s digits above the cut; the integer part: the groups above cut + s */
	uint64_t low = chunk_at(c, cut);
	r->frac = low - div_pow10_u64(low, s) * tc_pow10_u64[s];
	uint64_t above = cut + s;
	for (uint32_t g = 0; g < 3; g++) {
		r->w[g] = above < 5 * TC_U64_DIGITS ? chunk_at(c, above) : 0;
		above += TC_U64_DIGITS;
	}
	TC_ASSERT(above >= 5 * TC_U64_DIGITS || chunk_at(c, above) == 0);
	r->scale = s;
	r->neg = neg && (r->w[0] | r->w[1] | r->w[2] | r->frac) != 0;
}
#endif

tc_status tc_text_mul_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_text *a, const tc_text *b,
		uint32_t scale)
{
	*split = false;
#ifdef TC_HAVE_U128
	uint64_t m = (uint64_t) a->fl + b->fl;
	uint32_t s = m < scale ? (uint32_t) m : scale;
	size_t da = a->il + a->fl, db = b->il + b->fl;
	if (da <= 2 * TC_U64_DIGITS && db <= 2 * TC_U64_DIGITS && s <= TC_U64_DIGITS) {
		uint64_t cut = m - s, dab = da + db;
		/* the result has at most dab - cut digits, its integer part at most dab - cut - s */
		if (dab < cut + s + 3 * TC_U64_DIGITS + 1) {
			mul_text_parts(parts, a, b, cut, s, a->neg != b->neg);
			*split = true;
			return TC_OK;
		}
	}
#endif
	return text_by_decs(r, parts, split, a, b, scale, false);
}

#ifdef TC_HAVE_DIV_BIN
/*
 * How many digits t's coefficient has, leading zeros not counted (0 for zero): the integer
 * digits have none (text.h), a fraction below 1 may.
 */
static size_t text_digits(const tc_text *t)
{
	if (t->il > 0) {
		return t->il + t->fl;
	}
	size_t z = 0;
	while (z < t->fl && t->fp[z] == '0') {
		z++;
	}
	return t->fl - z;
}

/* w = t's coefficient times 10^e in 64-bit words (at most TC_DIV_BIN_WORDS); returns how many. */
static uint32_t text_to_bin(mp_limb_t *w, const tc_text *t, uint32_t e)
{
	uint32_t wn = 0;
	const char *p = t->ip;
	size_t n = t->il;
	for (int run = 0; run < 2; run++) {
		while (n > 0) {
			size_t k = n < TC_U64_DIGITS ? n : TC_U64_DIGITS;
			bin_mul_add(w, &wn, tc_pow10_u64[k], digits_u64(p, k));
			p += k;
			n -= k;
		}
		p = t->fp;
		n = t->fl;
	}
	bin_mul_pow10(w, &wn, e);
	return wn;
}
#endif

tc_status tc_text_div_either(tc_dec *r, tc_dec_parts *parts, bool *split, const tc_text *a, const tc_text *b,
		uint32_t scale)
{
	*split = false;
	TC_ASSERT(scale <= TC_SCALE_MAX);
#ifdef TC_HAVE_DIV_BIN
	size_t da = text_digits(a), db = text_digits(b);
	/* |a / b| * 10^scale = A * 10^e / B for the coefficients, e = fb + scale - fa */
	int64_t e = (int64_t) b->fl + scale - (int64_t) a->fl;
	uint64_t ea = e > 0 ? (uint64_t) e : 0, eb = e < 0 ? (uint64_t) -e : 0;
	uint64_t dn = da + ea, dd = db + eb;
	/* both non-zero, and the quotient (below 10^(dn - dd + 1)) of at most 38 digits */
	if (da > 0 && db > 0 && dn <= dd + 37 && dn <= 154 && dd <= 154) {
		bool neg = a->neg != b->neg;
		mp_limb_t n[TC_DIV_BIN_WORDS + 1], d[TC_DIV_BIN_WORDS + 1];
		uint32_t nw, dw;
		if (dn <= 2 * TC_U64_DIGITS && dd <= 2 * TC_U64_DIGITS && a->il + a->fl <= 2 * TC_U64_DIGITS
				&& b->il + b->fl <= 2 * TC_U64_DIGITS) {
			tc_u128 x = text_coef_u128(a) * pow10_u128((uint32_t) ea);
			tc_u128 y = text_coef_u128(b) * pow10_u128((uint32_t) eb);
			if (div_u128_q(r, x, y, (uint32_t) a->fl, (uint32_t) b->fl, scale, neg)) {
				return TC_OK;
			}
			n[0] = (uint64_t) x;
			n[1] = (uint64_t) (x >> 64);
			d[0] = (uint64_t) y;
			d[1] = (uint64_t) (y >> 64);
			nw = n[1] != 0 ? 2 : 1;
			dw = d[1] != 0 ? 2 : 1;
		} else {
			nw = text_to_bin(n, a, (uint32_t) ea);
			dw = text_to_bin(d, b, (uint32_t) eb);
		}
		return div_bin_words(r, parts, split, n, nw, d, dw, (uint32_t) a->fl, (uint32_t) b->fl, scale, neg);
	}
#endif
	return text_by_decs(r, parts, split, a, b, scale, true);
}

/*
 * The rest of tc_dec_div(), out of line: its frame (scratch limbs, the base-10^16 words) stays off
 * the token-sized path above.
 */
static TC_NOINLINE tc_status div_wide(tc_dec *r, const tc_dec *a, const tc_dec *b, uint32_t scale, bool neg)
{
	/*
	 * |a / b| * 10^(8k), k = ceil(scale / 8), is A * 10^(8 * (fb + k - fa)) / B for the limb
	 * integers A, B: a shift by whole limbs, then integer division. Digits past `scale` are cut
	 * afterwards (floor of a floor is the floor).
	 */
	uint32_t ta[4], tb[4];
	view va = view_of(a, ta), vb = view_of(b, tb);
	uint32_t k = frac_limbs(scale);
	int64_t sh = (int64_t) vb.frac + k - va.frac;
	bool dropped = false;   /* non-zero limbs of A shifted out */
	uint32_t nn;
	scratch sn, sq, sb;
	uint32_t *n, *q, *bn;

	if (sh >= 0) {
		nn = va.len + (uint32_t) sh;
	} else {
		uint32_t drop = (uint32_t) -sh;
		for (uint32_t i = 0; i < drop && i < va.len; i++) {
			dropped |= va.l[i] != 0;
		}
		nn = drop >= va.len ? 0 : va.len - drop;
	}
	while (nn > 0 && (sh >= 0 ? at(&va, (uint32_t) sh, nn - 1) : va.l[nn - 1 + (uint32_t) -sh]) == 0) {
		nn--;
	}
	if (nn < vb.len) {
		/* The quotient is 0 at 8k places, and not exact (A > 0). */
		set_small(r, 0, false, scale);
		return TC_OK;
	}
	uint32_t qn = nn - vb.len + 1;
	n = scratch_get(&sn, (size_t) nn + 1);
	q = scratch_get(&sq, (size_t) qn + 2);   /* the conversions may write a limb past qn */
	bn = scratch_get(&sb, vb.len);
	tc_status st = TC_ERR_NOMEM;
	if (n != NULL && q != NULL && bn != NULL) {
		if (sh >= 0) {
			memset(n, 0, (size_t) sh * sizeof *n);
			memcpy(n + sh, va.l, (size_t) (nn - (uint32_t) sh) * sizeof *n);
		} else {
			memcpy(n, va.l + (uint32_t) -sh, (size_t) nn * sizeof *n);
		}
		bool rem_zero;
		st = TC_OK;
		if ((vb.len > TC_DIV_GMP_LIMBS && qn > TC_DIV_GMP_LIMBS) || (vb.len >= TC_DIV_GMP_MIN_DIVISOR
				&& qn >= TC_DIV_GMP_MIN_QUOTIENT && (uint64_t) vb.len * qn >= TC_DIV_GMP_WORK)) {
			st = divmod_gmp(q, n, nn, vb.l, vb.len, &rem_zero);
#ifdef TC_HAVE_U128
		} else if (vb.len >= TC_DIV16_MIN_DIVISOR && nn <= TC_DIV_GMP_LIMBS * 2) {
			divmod16(q, n, nn, vb.l, vb.len, &rem_zero);
#endif
		} else {
			divmod_small(q, n, nn, vb.l, vb.len, bn, &rem_zero);
		}
		if (st == TC_OK) {
			uint32_t cut = scale % TC_BASE_DIGITS ? (uint32_t) tc_pow10_u64[TC_BASE_DIGITS - scale % TC_BASE_DIGITS] : 1;
			bool exact = rem_zero && !dropped && q[0] % cut == 0;
			uint32_t s = scale;
			if (exact) {
				/* Fewest places: trailing zero digits of the 8k-digit fraction, in one pass. */
				uint32_t tz = 0, i = 0;
				while (i < k && i < qn && q[i] == 0) {
					tz += TC_BASE_DIGITS;
					i++;
				}
				if (i < k) {
					uint32_t v = i < qn ? q[i] : 0;
					while (v != 0 && v % 10 == 0) {
						v /= 10;
						tz++;
					}
					if (v == 0) {
						tz = k * TC_BASE_DIGITS;
					}
				}
				uint32_t places = k * TC_BASE_DIGITS - min_u32(tz, k * TC_BASE_DIGITS);
				s = div_result_scale(va.scale, vb.scale, scale, places);
			}
			uint32_t *kq = trunc_limbs(q, &qn, k, s);
			st = store(r, kq, qn, frac_limbs(s), s, neg);
		}
	}
	scratch_put(&sn);
	scratch_put(&sq);
	scratch_put(&sb);
	return st;
}

/* ---- scale changes ---- */

tc_status tc_dec_rescale(tc_dec *d, uint32_t scale)
{
	if (scale == d->scale) {
		return TC_OK;
	}
	if (!d->is_big) {
		if (scale < d->scale) {
			set_small(d, div_pow10_u64(d->small, d->scale - scale), d->neg, scale);
			return TC_OK;
		}
		uint64_t v;
		if (scale - d->scale <= TC_U64_DIGITS && !__builtin_mul_overflow(d->small, tc_pow10_u64[scale - d->scale], &v)) {
			set_small(d, v, d->neg, scale);
			return TC_OK;
		}
	}
	uint32_t t[4];
	view v = view_of(d, t);
	uint32_t f = frac_limbs(scale);
	if (scale < d->scale) {
		/* Truncate in place (wide) : the kept limbs move down. */
		uint32_t n = v.len;
		uint32_t *l = d->limb;
		uint32_t *k = trunc_limbs(l, &n, v.frac, scale);
		return store(d, k, n, f, scale, v.neg);
	}
	/* More places: whole zero limbs below, the limbs themselves unchanged (the pad grows within). */
	uint32_t up = f - v.frac, n = v.len + up;
	scratch sc;
	uint32_t *l = scratch_get(&sc, n);
	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	memset(l, 0, (size_t) up * sizeof *l);
	memcpy(l + up, v.l, (size_t) v.len * sizeof *l);
	tc_status st = store(d, l, n, f, scale, v.neg);
	scratch_put(&sc);
	return st;
}

tc_status tc_dec_truncate(tc_dec *r, const tc_dec *a, uint32_t scale)
{
	if (scale >= a->scale) {
		return tc_dec_copy(r, a);
	}
	if (!a->is_big) {
		set_small(r, div_pow10_u64(a->small, a->scale - scale), a->neg, scale);
		return TC_OK;
	}
	if (r == a) {
		return tc_dec_rescale(r, scale);
	}
	uint32_t n = a->len, keep = frac_limbs(scale), drop = a->frac - keep;
	if (drop >= n) {
		set_small(r, 0, false, scale);
		return TC_OK;
	}
	/* Only the kept limbs are copied; the lowest one's extra digits are cut in the copy. */
	scratch sc;
	uint32_t *l = scratch_get(&sc, n - drop);
	if (l == NULL) {
		return TC_ERR_NOMEM;
	}
	memcpy(l, a->limb + drop, (size_t) (n - drop) * sizeof *l);
	n -= drop;
	uint32_t *k = trunc_limbs(l, &n, keep, scale);
	tc_status st = store(r, k, n, keep, scale, a->neg);
	scratch_put(&sc);
	return st;
}

tc_status tc_dec_normalize(tc_dec *d)
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
		return TC_OK;
	}
	/* Trailing zero digits of the fraction, whole limbs first: one pass, linear in the length. */
	uint32_t pad = d->frac * TC_BASE_DIGITS - d->scale, tz = 0, i = 0;
	while (i < d->frac && d->limb[i] == 0) {
		tz += TC_BASE_DIGITS;
		i++;
	}
	if (i < d->frac) {
		uint32_t v = d->limb[i];
		while (v % 10 == 0) {
			v /= 10;
			tz++;
		}
	}
	tz = tz > pad ? tz - pad : 0;
	return tc_dec_rescale(d, d->scale - min_u32(tz, d->scale));
}

/* ---- printing ---- */

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

/*
 * Writes the k decimal digits of v (v < 10^k, or k >= 20), zeros in front where v has fewer, so that
 * they end just before p. Past the groups of eight, fewer than eight digits are left, so the pairs
 * are cut in 32 bits.
 */
static inline char *put_digits_padded(char *p, uint64_t v, uint32_t k)
{
	TC_ASSERT(k >= 20 || v < tc_pow10_u64[k]);
	for (; k >= 8; k -= 8) {
		p -= 8;
		put8(p, (uint32_t) (v % 100000000));
		v /= 100000000;
	}
	TC_ASSERT(v < 100000000);
	uint32_t w = (uint32_t) v;
	for (; k >= 2; k -= 2) {
		p -= 2;
		memcpy(p, digit_pairs + 2 * (w % 100), 2);
		w /= 100;
	}
	if (k > 0) {
		*--p = (char) ('0' + w % 10);
	}
	return p;
}

/* Writes the digits of v, at least one, so that they end just before p: eight at a time, then in pairs. */
static inline char *put_digits(char *p, uint64_t v)
{
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
	return p;
}

size_t tc_dec_print_small_len(const tc_dec *d)
{
	uint32_t ndig = u64_digits(d->small);
	uint32_t body = ndig > d->scale ? ndig : d->scale + 1;
	return (d->neg ? 1 : 0) + body + (d->scale > 0 ? 1 : 0);
}

char *tc_dec_print_small(const tc_dec *d, char *end)
{
	char *p = end;
	uint64_t v = d->small;
	uint32_t s = d->scale;

	TC_ASSERT(!d->is_big && s <= TC_PRINT_SMALL_MAX_SCALE);
	/*
	 * The fraction first, exactly s digits, then the point: the integer part and the fraction are
	 * split by a division by a constant, so no digit is ever moved (a loop that moves them becomes
	 * a call to memmove).
	 */
	if (s > 0) {
		uint64_t whole = s <= 19 ? div_pow10_u64(v, s) : 0;
		p = put_digits_padded(p, s <= 19 ? v - whole * tc_pow10_u64[s] : v, s);
		*--p = '.';
		v = whole;
	}
	p = put_digits(p, v);
	if (d->neg) {
		*--p = '-';
	}
	return p;
}

/* Writes r, tc_dec_parts_len(r) = len bytes, at out (no NUL): right to left, each digit once. */
void tc_dec_parts_print(const tc_dec_parts *r, char *out, size_t len)
{
	char *p = out + len;
	if (r->scale > 0) {
		p = put_digits_padded(p, r->frac, r->scale);
		*--p = '.';
	}
	uint64_t v = r->w[0];
	if ((r->w[1] | r->w[2]) != 0) {
		p = put_digits_padded(p, v, TC_U64_DIGITS);
		v = r->w[1];
		if (r->w[2] != 0) {
			p = put_digits_padded(p, v, TC_U64_DIGITS);
			v = r->w[2];
		}
	}
	p = put_digits(p, v);
	if (r->neg) {
		*--p = '-';
	}
	TC_ASSERT(p == out);
	(void) p;
}

static size_t view_print_len(const view *v)
{
	size_t int_digits = v->len > v->frac
		? u64_digits(v->l[v->len - 1]) + (size_t) (v->len - 1 - v->frac) * TC_BASE_DIGITS : 1;
	return (v->neg ? 1 : 0) + int_digits + (v->scale > 0 ? 1 + (size_t) v->scale : 0);
}

static void view_print(const view *v, char *p)
{
	if (v->neg) {
		*p++ = '-';
	}
	if (v->len > v->frac) {
		uint32_t top = v->l[v->len - 1], k = u64_digits(top);
		p += k;
		put_digits_padded(p, top, k);
		for (uint32_t i = v->len - 1; i-- > v->frac;) {
			put8(p, v->l[i]);
			p += TC_BASE_DIGITS;
		}
	} else {
		*p++ = '0';
	}
	if (v->scale == 0) {
		return;
	}
	*p++ = '.';
	uint32_t left = v->scale;
	for (uint32_t i = v->frac; i-- > 0 && left > 0;) {
		uint32_t limb = i < v->len ? v->l[i] : 0;
		if (left >= TC_BASE_DIGITS) {
			put8(p, limb);
			p += TC_BASE_DIGITS;
			left -= TC_BASE_DIGITS;
		} else {
			char t[TC_BASE_DIGITS];
			put8(t, limb);
			memcpy(p, t, left);
			p += left;
			left = 0;
		}
	}
}

size_t tc_dec_print_len_wide(const tc_dec *d)
{
	uint32_t t[4];
	view v = view_of(d, t);
	return view_print_len(&v);
}

void tc_dec_print_exact_wide(const tc_dec *d, char *buf, size_t len)
{
	uint32_t t[4];
	view v = view_of(d, t);
	TC_ASSERT(view_print_len(&v) == len);
	(void) len;
	view_print(&v, buf);
}

size_t tc_dec_print_size(const tc_dec *d)
{
	return tc_dec_print_len(d) + 1;
}

size_t tc_dec_print(const tc_dec *d, char *buf)
{
	size_t n = tc_dec_print_len(d);
	tc_dec_print_exact(d, buf, n);
	buf[n] = '\0';
	return n;
}

/* ---- GMP integers, for the domain code ---- */

void tc_dec_get_mpz(mpz_t coeff, const tc_dec *d)
{
	if (!d->is_big) {
#if ULONG_MAX >= UINT64_MAX
		mpz_set_ui(coeff, (unsigned long) d->small);
#else
		mpz_import(coeff, 1, -1, sizeof d->small, 0, 0, &d->small);
#endif
	} else {
		/* The coefficient is the limbs' integer without its pad digits (zeros). */
		size_t k = (size_t) d->len * TC_BASE_DIGITS;
		unsigned char *raw = tc_mem_alloc(k);
		mp_limb_t *p = tc_mem_alloc(mpn_room(k) * sizeof *p);
		if (raw == NULL || p == NULL) {
			mpz_set_ui(coeff, 0);   /* only with an allocator that fails */
		} else {
			size_t nd = limbs_to_raw(d->limb, d->len, raw);
			size_t pad = (size_t) d->frac * TC_BASE_DIGITS - d->scale;
			TC_ASSERT(nd > pad);
			mp_size_t pn = (mp_size_t) mpn_set_str(p, raw, nd - pad, 10);
			mpz_import(coeff, (size_t) pn, -1, sizeof *p, 0, 0, p);
		}
		tc_mem_free(raw);
		tc_mem_free(p);
	}
	if (d->neg) {
		mpz_neg(coeff, coeff);
	}
}

tc_status tc_dec_from_mpz(tc_dec *d, const mpz_t coeff, uint32_t scale)
{
	bool neg = mpz_sgn(coeff) < 0;
	if (mpz_sizeinbase(coeff, 2) <= 64) {
		uint64_t v = 0;
		mpz_export(&v, NULL, -1, sizeof v, 0, 0, coeff);
		set_small(d, v, neg, scale);
		return TC_OK;
	}
	/* Digits of |coeff|, zeros in front so that there is at least one integer digit. */
	size_t nd = mpz_sizeinbase(coeff, 10) + 2, room = nd + scale + 1;
	char *buf = tc_mem_alloc(room);
	if (buf == NULL) {
		return TC_ERR_NOMEM;
	}
	memset(buf, '0', scale + 1);
	char *digits = buf + scale + 1;
	mpz_get_str(digits, 10, coeff);
	if (*digits == '-') {
		memmove(digits, digits + 1, strlen(digits));
	}
	/* buf = zeros, then the digits: its last `scale` characters are the fraction. */
	size_t il = strlen(digits) + 1;
	const char *start = buf;
	tc_status st = build(d, neg, start, il, start + il, scale);
	tc_mem_free(buf);
	return st;
}
