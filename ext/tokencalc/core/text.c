/*
 * tokencalc core: add, subtract, compare and truncate on decimal strings (see text.h).
 *
 * Addition and subtraction work eight digit columns at a time (SWAR): each column of the second
 * operand is biased by 246 (0xF6), so that a column reaching 10 overflows its byte and the
 * machine's own binary carry moves it to the next column (likewise for borrows), and one mask takes
 * the bias back out of the columns that did not overflow. No digit is ever converted to a number.
 * Values of up to 128 columns are read as words straight from the strings, counted from the point
 * (one unaligned load and a byte swap per word; only the last word of the integer digits and of the
 * fraction is shifted into place), and the result's words are written straight into the caller's
 * buffer. Longer values are first laid out in two zero-padded rows, and the result copied out of
 * the first: their layout and copy are memcpy()s, which pay past that length. Rows of up to
 * TC_TEXT_STACK bytes live on the stack, longer ones come from tc_mem_alloc(). Without 64-bit SWAR
 * (a big-endian machine, or -DTC_NO_SWAR), every value takes the rows, a digit at a time.
 */
#include <string.h>

#include "decimal.h"
#include "text.h"
#include "tc_mem.h"
#include "tc_private.h"

#if defined(TC_SWAR_DIGITS) && defined(__GNUC__)
# define TC_TEXT_SWAR 1
#endif

tc_status tc_text_parse_runs(tc_text *t, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool neg = false;

	if (p < end && (*p == '+' || *p == '-')) {
		neg = *p == '-';
		p++;
	}
	const char *ip = p;
	p = tc_skip_digits(p, end);
	size_t il = (size_t) (p - ip);
	const char *fp = p;
	size_t fl = 0;
	if (p < end && *p == '.') {
		fp = ++p;
		p = tc_skip_digits(p, end);
		fl = (size_t) (p - fp);
	}
	if (p != end || il + fl == 0 || fl > UINT32_MAX) {
		return TC_ERR_SYNTAX;
	}
	tc_text_set(t, ip, il, fp, fl, neg);
	return TC_OK;
}

void tc_text_from_i64(tc_text *t, int64_t v, char *buf)
{
	uint64_t mag = v < 0 ? (uint64_t) (-(v + 1)) + 1 : (uint64_t) v;
	char *end = buf + 20, *p = end;
	do {
		*--p = (char) ('0' + mag % 10);
		mag /= 10;
	} while (mag != 0);
	if (*p == '0') {
		p++;   /* zero: no integer digit, as the parser leaves it */
	}
	t->ip = p;
	t->il = (size_t) (end - p);
	t->fp = end;
	t->fl = 0;
	t->neg = v < 0;
}

/* Whether the n digits at p are all '0'. */
static bool all_zeros(const char *p, size_t n)
{
	size_t i = 0;
#ifdef TC_SWAR_DIGITS
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, sizeof x);
		if (x != 0x3030303030303030ULL) {
			return false;
		}
	}
#endif
	for (; i < n; i++) {
		if (p[i] != '0') {
			return false;
		}
	}
	return true;
}

static bool text_is_zero(const tc_text *t)
{
	return t->il == 0 && all_zeros(t->fp, t->fl);
}

/* Compares |a| and |b|: integer lengths, then the digits, the shorter fraction padded with zeros. */
static int cmp_mag(const tc_text *a, const tc_text *b)
{
	if (a->il != b->il) {
		return a->il < b->il ? -1 : 1;
	}
	int c = memcmp(a->ip, b->ip, a->il);
	if (c != 0) {
		return c < 0 ? -1 : 1;
	}
	size_t m = a->fl < b->fl ? a->fl : b->fl;
	c = memcmp(a->fp, b->fp, m);
	if (c != 0) {
		return c < 0 ? -1 : 1;
	}
	if (a->fl > m) {
		return all_zeros(a->fp + m, a->fl - m) ? 0 : 1;
	}
	if (b->fl > m) {
		return all_zeros(b->fp + m, b->fl - m) ? 0 : -1;
	}
	return 0;
}

int tc_text_cmp(const tc_text *a, const tc_text *b)
{
	int sa = text_is_zero(a) ? 0 : (a->neg ? -1 : 1);
	int sb = text_is_zero(b) ? 0 : (b->neg ? -1 : 1);

	if (sa != sb) {
		return sa < sb ? -1 : 1;
	}
	if (sa == 0) {
		return 0;
	}
	int c = cmp_mag(a, b);
	return sa < 0 ? -c : c;
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

#ifdef TC_TEXT_SWAR
# define TC_ASCII_ZEROS 0x3030303030303030ULL
# define TC_BIAS 0xF6F6F6F6F6F6F6F6ULL
# define TC_HIGH_BITS 0x8080808080808080ULL
/*
 * Values of up to this many words (128 columns: 8 digits each) take addsub_words(); longer ones
 * the rows, whose layout and copy out are memcpy()s. Measured (PHP 8.4, benchmarks/widths.php): the
 * words are faster to 78 digits (11 words), the rows at 300 and 4000 digits (CHANGELOG).
 */
# define TC_TEXT_WORDS 16

/* The 8 bytes at p as a word whose top byte is p[0]. */
static inline uint64_t load_be(const char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return __builtin_bswap64(x);
}

/*
 * An operand as words of digit values (0 to 9 in each byte, the most significant column in the top
 * byte), eight columns each, counted from the point: the fraction's words k = 0, 1, ... to the
 * right of it, the integer's to the left. All but the last word of each run are one load from the
 * string; the last ones (fewer digits, zeros in their other columns) are made once, here.
 */
typedef struct {
	const char *fp, *ie;       /* the fraction's first digit; the end of the integer digits */
	size_t nf, ni;             /* words with digits in each run */
	uint64_t flast, ilast;     /* the last word of each run (0 when the run is empty) */
} text_words;

/*
 * The n < 8 digits at p as the top (frac) or bottom (!frac) columns of a word, one byte at a time:
 * for an operand whose digits and point span fewer than 8 bytes.
 */
static uint64_t short_word(const char *p, size_t n, bool frac)
{
	uint64_t x = 0;
	for (size_t i = 0; i < n; i++) {
		x = x << 8 | (uint64_t) (p[i] - '0');
	}
	return frac ? x << 8 * (8 - n) : x;
}

static inline void text_words_of(text_words *w, const tc_text *t)
{
	/* the bytes from ip to fp + fl are the caller's (text.h): a load anywhere in them is safe */
	bool wide = (size_t) (t->fp + t->fl - t->ip) >= 8;
	w->fp = t->fp;
	w->ie = t->ip + t->il;
	w->nf = (t->fl + 7) / 8;
	w->ni = (t->il + 7) / 8;
	w->flast = w->ilast = 0;
	if (w->nf > 0) {
		/* the last 8 bytes, its digits moved to the top; the bytes shifted out go before '0' is taken */
		unsigned drop = 8 * (unsigned) (8 * w->nf - t->fl);
		w->flast = wide ? (load_be(t->fp + t->fl - 8) << drop) - (TC_ASCII_ZEROS << drop)
			: short_word(t->fp + 8 * (w->nf - 1), t->fl - 8 * (w->nf - 1), true);
	}
	if (w->ni > 0) {
		unsigned drop = 8 * (unsigned) (8 * w->ni - t->il);
		w->ilast = wide ? (load_be(t->ip) >> drop) - (TC_ASCII_ZEROS >> drop)
			: short_word(t->ip, t->il - 8 * (w->ni - 1), false);
	}
}

static inline uint64_t frac_word(const text_words *w, size_t k)
{
	if (k + 1 < w->nf) {
		return load_be(w->fp + 8 * k) - TC_ASCII_ZEROS;
	}
	return k + 1 == w->nf ? w->flast : 0;
}

static inline uint64_t int_word(const text_words *w, size_t k)
{
	if (k + 1 < w->ni) {
		return load_be(w->ie - 8 * (k + 1)) - TC_ASCII_ZEROS;
	}
	return k + 1 == w->ni ? w->ilast : 0;
}

/*
 * x + y + *carry on words of digit values. The second word's columns are biased by 246 (0xF6), so
 * that a column reaching 10 overflows its byte and the machine's binary carry moves it to the next
 * column; one mask takes the bias back out of the columns that did not overflow (their high bit is
 * still set). The top column carried out of the word exactly when its high bit is clear.
 */
static inline uint64_t add_word(uint64_t x, uint64_t y, uint64_t *carry)
{
	uint64_t s = x + y + TC_BIAS + *carry;
	*carry = ~s >> 63;
	return s - ((s & TC_HIGH_BITS) >> 7) * 0xF6;
}

/*
 * x - y - *borrow: a column that borrowed holds its digit + 246 (high bit set), less 246. The top
 * column borrowed from past the word exactly when its high bit is set.
 */
static inline uint64_t sub_word(uint64_t x, uint64_t y, uint64_t *borrow)
{
	uint64_t d = x - y - *borrow;
	*borrow = d >> 63;
	return d - ((d & TC_HIGH_BITS) >> 7) * 0xF6;
}

/*
 * |x| + |y| or |x| - |y| into fr[0..ns) (the fraction's first ns words) and ir[0..ni) (the integer
 * words, the lowest first), eight columns a step from the last fraction column up; nf fraction
 * words in all. Returns the carry (add) or the borrow (sub: then |x| < |y|).
 */
static TC_ALWAYS_INLINE uint64_t add_columns(uint64_t *fr, uint64_t *ir, const text_words *x, const text_words *y,
		bool sub, size_t nf, size_t ns, size_t ni)
{
	uint64_t c = 0;
	size_t k = nf;
	if (!sub || x->nf >= y->nf) {
		/*
		 * Past the shorter fraction's words only one operand has digits: adding, or subtracting
		 * from the longer, no carry or borrow comes out of them, so those past the printed words
		 * are not needed.
		 */
		size_t m = x->nf < y->nf ? x->nf : y->nf;
		k = m > ns ? m : ns;
	}
	while (k-- > 0) {
		uint64_t u = frac_word(x, k), v = frac_word(y, k);
		uint64_t r = sub ? sub_word(u, v, &c) : add_word(u, v, &c);
		if (k < ns) {
			fr[k] = r;
		}
	}
	for (size_t k = 0; k < ni; k++) {
		uint64_t u = int_word(x, k), v = int_word(y, k);
		ir[k] = sub ? sub_word(u, v, &c) : add_word(u, v, &c);
	}
	return c;
}

/* Stores the word of digit values r as 8 ASCII digits at p. */
static inline void put_word(char *p, uint64_t r)
{
	r = __builtin_bswap64(r + TC_ASCII_ZEROS);
	memcpy(p, &r, 8);
}

/* tc_text_addsub() of values of nf + ni <= TC_TEXT_WORDS words, s places (ns words). */
static size_t addsub_words(char *out, const tc_text *a, const tc_text *b, bool bneg, size_t s, size_t nf, size_t ni)
{
	size_t ns = (s + 7) / 8;
	uint64_t fr[TC_TEXT_WORDS], *ir = fr + ns;
	text_words wa, wb;
	text_words_of(&wa, a);
	text_words_of(&wb, b);
	bool neg = a->neg;
	uint64_t carry = 0;
	if (a->neg == bneg) {
		carry = add_columns(fr, ir, &wa, &wb, false, nf, ns, ni);
	} else if (b->il > a->il || add_columns(fr, ir, &wa, &wb, true, nf, ns, ni) != 0) {
		/* signs differ: the smaller magnitude from the larger, which gives the sign */
		add_columns(fr, ir, &wb, &wa, true, nf, ns, ni);
		neg = bneg;
	}
	/* the integer part: the carry, or the words from the first that is not zero */
	size_t top = ni;
	while (top > 0 && ir[top - 1] == 0 && carry == 0) {
		top--;
	}
	bool zero = top == 0 && carry == 0;
	for (size_t k = 0; zero && k < ns; k++) {
		/* the last word's columns past s are not printed */
		zero = (fr[k] >> (k + 1 < ns ? 0 : 8 * (8 * ns - s))) == 0;
	}
	char *p = out;
	if (neg && !zero) {
		*p++ = '-';
	}
	if (carry) {
		*p++ = '1';
	}
	if (top == 0) {
		if (!carry) {
			*p++ = '0';
		}
	} else {
		/* the top word without its leading zeros (its low bytes are written over next) */
		size_t z = carry ? 0 : (size_t) __builtin_clzll(ir[top - 1]) / 8;
		uint64_t t = __builtin_bswap64(ir[top - 1] + TC_ASCII_ZEROS) >> (8 * z);
		memcpy(p, &t, 8);
		p += 8 - z;
		for (size_t k = top - 1; k-- > 0;) {
			put_word(p, ir[k]);
			p += 8;
		}
	}
	if (s > 0) {
		*p++ = '.';
		for (size_t k = 0; k < ns; k++) {
			put_word(p + 8 * k, fr[k]);
		}
		p += s;
	}
	return (size_t) (p - out);
}
#endif

/* Bytes of the two rows kept on the stack (values of up to about 250 digits). */
#define TC_TEXT_STACK 512

/* dst[0..n) = '0' (short runs as copy_run). */
static inline void zero_run(char *dst, size_t n)
{
	static const char zeros[] = "00000000000000000000000000000000";   /* 32 and a NUL */
	if (n > 32) {
		memset(dst, '0', n);
		return;
	}
	tc_copy_run(dst, zeros, n);
}

/* Lays out the digits of t in row[0..w), point at w - f: zeros around them. */
static void lay_out(char *row, size_t w, size_t f, const tc_text *t)
{
	size_t top = w - f - t->il;
	zero_run(row, top);
	tc_copy_run(row + top, t->ip, t->il);
	tc_copy_run(row + w - f, t->fp, t->fl);
	zero_run(row + w - f + t->fl, f - t->fl);
}

/* x[0..w) = x + y, or x - y with x >= y (digits, w a multiple of 8; the top column is a zero pad). */
static TC_ALWAYS_INLINE void addsub_rows(char *x, const char *y, size_t w, bool sub)
{
#ifdef TC_TEXT_SWAR
	uint64_t c = 0;
	for (size_t off = w; off > 0;) {
		off -= 8;
		uint64_t u = load_be(x + off) - TC_ASCII_ZEROS, v = load_be(y + off) - TC_ASCII_ZEROS;
		put_word(x + off, sub ? sub_word(u, v, &c) : add_word(u, v, &c));
	}
	TC_ASSERT(c == 0);
#else
	int c = 0;
	for (size_t i = w; i-- > 0;) {
		int d = sub ? (x[i] - '0') - (y[i] - '0') - c : (x[i] - '0') + (y[i] - '0') + c;
		c = sub ? d < 0 : d >= 10;
		x[i] = (char) ('0' + (!c ? d : sub ? d + 10 : d - 10));
	}
#endif
}

/* Writes [-]INT[.FRAC] from int digits ip[0..il) (leading zeros allowed) and s fraction digits. */
static size_t emit(char *out, bool neg, const char *ip, size_t il, const char *fp, size_t s)
{
	char *p = out;
#ifdef TC_SWAR_DIGITS
	for (;;) {   /* leading zeros eight at a time: a row has up to eight of them on top */
		uint64_t x;
		if (il < 8) {
			break;
		}
		memcpy(&x, ip, 8);
		x ^= 0x3030303030303030ULL;
		if (x != 0) {
			size_t z = (size_t) __builtin_ctzll(x) >> 3;
			ip += z;
			il -= z;
			break;
		}
		ip += 8;
		il -= 8;
	}
#endif
	while (il > 0 && *ip == '0') {
		ip++;
		il--;
	}
	if (neg && !(il == 0 && all_zeros(fp, s))) {
		*p++ = '-';
	}
	if (il == 0) {
		*p++ = '0';
	} else {
		tc_copy_run(p, ip, il);
		p += il;
	}
	if (s > 0) {
		*p++ = '.';
		tc_copy_run(p, fp, s);
		p += s;
	}
	return (size_t) (p - out);
}

size_t tc_text_addsub(char *out, const tc_text *a, const tc_text *b, bool sub, uint32_t scale)
{
	bool bneg = b->neg != sub;
	size_t f = max_size(a->fl, b->fl), s = f < scale ? f : scale;
#ifdef TC_TEXT_SWAR
	size_t nf = (f + 7) / 8, ni = (max_size(a->il, b->il) + 7) / 8;
	if (nf + ni <= TC_TEXT_WORDS) {
		return addsub_words(out, a, b, bneg, s, nf, ni);
	}
#endif
	/* One zero column on top for the carry, then up to a multiple of 8. */
	size_t w = (max_size(a->il, b->il) + f + 1 + 7) / 8 * 8;
	char stack[2 * TC_TEXT_STACK], *rows = stack;

	if (w > TC_TEXT_STACK) {
		rows = tc_mem_alloc(2 * w);
		if (rows == NULL) {
			return 0;
		}
	}
	char *x = rows, *y = rows + w;
	bool neg;
	if (a->neg == bneg) {
		lay_out(x, w, f, a);
		lay_out(y, w, f, b);
		addsub_rows(x, y, w, false);
		neg = a->neg;
	} else {
		/* Signs differ: the smaller magnitude from the larger, which gives the sign. */
		bool a_larger = cmp_mag(a, b) >= 0;
		lay_out(x, w, f, a_larger ? a : b);
		lay_out(y, w, f, a_larger ? b : a);
		addsub_rows(x, y, w, true);
		neg = a_larger ? a->neg : bneg;
	}
	size_t n = emit(out, neg, x, w - f, x + w - f, s);
	if (rows != stack) {
		tc_mem_free(rows);
	}
	return n;
}

size_t tc_text_truncate_len(const tc_text *a, uint32_t scale)
{
	size_t s = a->fl < scale ? a->fl : scale;
	bool zero = a->il == 0 && all_zeros(a->fp, s);
	return (a->neg && !zero ? 1 : 0) + (a->il ? a->il : 1) + (s > 0 ? 1 + s : 0);
}

void tc_text_truncate(char *out, const tc_text *a, uint32_t scale, size_t len)
{
	size_t s = a->fl < scale ? a->fl : scale;
	size_t n = emit(out, a->neg, a->ip, a->il, a->fp, s);
	TC_ASSERT(n == len);
	(void) n;
	(void) len;
}
