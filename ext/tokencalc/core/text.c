/*
 * tokencalc core: add, subtract, compare and truncate on decimal strings (see text.h).
 *
 * Addition and subtraction copy both operands' digits, aligned on the point, into two
 * zero-padded rows, then add or subtract them eight ASCII digits per 64-bit word: each digit of
 * the second row is biased by 246 (0xF6), so that a column reaching 10 overflows its byte and the
 * machine's own binary carry moves it to the next column (likewise for borrows), and one mask
 * takes the bias back out of the columns that did not overflow. No digit is ever converted to a
 * number. Rows of up to TC_TEXT_STACK bytes live on the stack, longer ones come from tc_mem_alloc().
 */
#include <string.h>

#include "decimal.h"
#include "text.h"
#include "tc_mem.h"
#include "tc_private.h"

/* Bytes of the two rows kept on the stack (values of up to about 250 digits). */
#define TC_TEXT_STACK 512

#if defined(TC_SWAR_DIGITS) && defined(__GNUC__)
# define TC_TEXT_SWAR 1
#endif

#if defined(__SSE2__) && defined(__GNUC__) && !defined(TC_NO_SWAR)
# define TC_TEXT_MASK 1
/* Bit i set for each byte s[i] of the 16 at s that is not an ASCII digit. */
static inline uint32_t nondigit_bits16(const char *s)
{
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	__m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *) (const void *) s), zero);
	return (uint32_t) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(d, nine), nine)) ^ 0xFFFFu;
}

/*
 * Bit i set for each s[i], i < len, that is not an ASCII digit; 8 <= len <= 64. Four loads at
 * most, the last one ending at s + len, so no byte is read twice one at a time and none outside
 * the string.
 */
static inline uint64_t nondigit_bits(const char *s, size_t len)
{
	if (len < 16) {
		/* the first 8 bytes and the last 8, overlapping, as one block */
		uint64_t x0, x1;
		memcpy(&x0, s, 8);
		memcpy(&x1, s + len - 8, 8);
		const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
		__m128i d = _mm_sub_epi8(_mm_set_epi64x((long long) x1, (long long) x0), zero);
		uint32_t b = (uint32_t) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(d, nine), nine)) ^ 0xFFFFu;
		return (uint64_t) (b & 0xFFu) | (uint64_t) (b >> 8) << (len - 8);
	}
	uint64_t bits = 0;
	size_t i = 0;
	for (; i + 16 < len; i += 16) {
		bits |= (uint64_t) nondigit_bits16(s + i) << i;
	}
	return bits | (uint64_t) nondigit_bits16(s + len - 16) << (len - 16);
}
#endif

tc_status tc_text_parse(tc_text *t, const char *s, size_t len, size_t max_digits)
{
	const char *p = s, *end = s + len;
	bool neg = false;

	if (len > max_digits) {
		return TC_ERR_TOO_LONG;
	}
#ifdef TC_TEXT_MASK
	if (len >= 8 && len <= 64) {
		/*
		 * Every byte classified at once: besides a sign in front, one non-digit at most, the point.
		 * Against scanning the two runs (whose tails went byte by byte), on the 28-digit operands of
		 * benchmarks/widths.php: 86 instructions a parse instead of 115 (callgrind), two parses in
		 * 6.2 ns instead of 9.8 (C loop, best of 41 rounds); at 14 and 16 characters (the 20-digit
		 * cell's second operand, the 15-digit cell's first), 5.6 ns instead of 8.3.
		 */
		uint64_t bad = nondigit_bits(s, len);
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
		size_t il = dot - lead, fl = dot < len ? len - dot - 1 : 0;
		if (il + fl == 0) {
			return TC_ERR_SYNTAX;
		}
		const char *ip = s + lead;
		while (il > 0 && *ip == '0') {
			ip++;
			il--;
		}
		t->ip = ip;
		t->il = il;
		t->fp = s + dot + (dot < len);
		t->fl = fl;
		t->neg = neg;
		return TC_OK;
	}
#endif
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
	while (il > 0 && *ip == '0') {
		ip++;
		il--;
	}
	t->ip = ip;
	t->il = il;
	t->fp = fp;
	t->fl = fl;
	t->neg = neg;
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

size_t tc_text_addsub_size(const tc_text *a, const tc_text *b, uint32_t scale)
{
	size_t s = max_size(a->fl, b->fl);
	if (s > scale) {
		s = scale;
	}
	/* sign, integer digits and a carry (or one "0"), point, fraction */
	return 1 + max_size(a->il, b->il) + 1 + (s > 0 ? 1 + s : 0);
}

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

#ifdef TC_TEXT_SWAR
# define TC_ASCII_ZEROS 0x3030303030303030ULL
# define TC_BIAS 0xF6F6F6F6F6F6F6F6ULL
# define TC_HIGH_BITS 0x8080808080808080ULL
#endif

/* x[0..w) = x + y (digits, w a multiple of 8, no carry out: the top column is a zero pad). */
static void add_rows(char *x, const char *y, size_t w)
{
#ifdef TC_TEXT_SWAR
	unsigned carry = 0;
	for (size_t off = w; off > 0;) {
		off -= 8;
		uint64_t u, v, s;
		memcpy(&u, x + off, 8);
		memcpy(&v, y + off, 8);
		/* Least significant digit in the lowest byte, so the binary carry runs the right way. */
		u = __builtin_bswap64(u) - TC_ASCII_ZEROS;
		v = __builtin_bswap64(v) - TC_ASCII_ZEROS + TC_BIAS;
		unsigned c1 = __builtin_add_overflow(u, v, &s);
		unsigned c2 = __builtin_add_overflow(s, (uint64_t) carry, &s);
		carry = c1 | c2;
		/* Columns that did not overflow still hold their bias: their high bit is set. */
		s -= ((s & TC_HIGH_BITS) >> 7) * 0xF6;
		s = __builtin_bswap64(s + TC_ASCII_ZEROS);
		memcpy(x + off, &s, 8);
	}
	TC_ASSERT(carry == 0);
#else
	int carry = 0;
	for (size_t i = w; i-- > 0;) {
		int d = (x[i] - '0') + (y[i] - '0') + carry;
		carry = d >= 10;
		x[i] = (char) ('0' + (carry ? d - 10 : d));
	}
#endif
}

/* x[0..w) = x - y, x >= y. */
static void sub_rows(char *x, const char *y, size_t w)
{
#ifdef TC_TEXT_SWAR
	unsigned borrow = 0;
	for (size_t off = w; off > 0;) {
		off -= 8;
		uint64_t u, v, d;
		memcpy(&u, x + off, 8);
		memcpy(&v, y + off, 8);
		u = __builtin_bswap64(u) - TC_ASCII_ZEROS;
		v = __builtin_bswap64(v) - TC_ASCII_ZEROS;
		unsigned b1 = __builtin_sub_overflow(u, v, &d);
		unsigned b2 = __builtin_sub_overflow(d, (uint64_t) borrow, &d);
		borrow = b1 | b2;
		/* Columns that borrowed hold digit + 256 - 10... as digit + 246: their high bit is set. */
		d -= ((d & TC_HIGH_BITS) >> 7) * 0xF6;
		d = __builtin_bswap64(d + TC_ASCII_ZEROS);
		memcpy(x + off, &d, 8);
	}
	TC_ASSERT(borrow == 0);
#else
	int borrow = 0;
	for (size_t i = w; i-- > 0;) {
		int d = (x[i] - '0') - (y[i] - '0') - borrow;
		borrow = d < 0;
		x[i] = (char) ('0' + (borrow ? d + 10 : d));
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
		add_rows(x, y, w);
		neg = a->neg;
	} else {
		/* Signs differ: the smaller magnitude from the larger, which gives the sign. */
		bool a_larger = cmp_mag(a, b) >= 0;
		lay_out(x, w, f, a_larger ? a : b);
		lay_out(y, w, f, a_larger ? b : a);
		sub_rows(x, y, w);
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
