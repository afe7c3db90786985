/*
 * C tests of the core's wide tier and its boundaries: the fuzz target fuzz/fuzz_arith.c (every
 * operation against an exact GMP-rational reference that shares no code with decimal.c) driven
 * by a deterministic generator, plus the allocation contract: no heap allocation for operands of
 * up to 78 digits held in tc_dec_stack storage (counted by tests/core/tc_mem_counting.c).
 *
 * The generator aims at the edges of each form: 10^19, 2^64, 10^38, 2^128, 10^77, 2^256 and
 * their neighbours, every width from 1 to 90 digits, every scale from 0 to 40, limb boundaries
 * (8 digits) on both sides of the point, zeros, signs, and the result aliasing an operand.
 * Build (scripts/test.sh does): cc -DTC_DEBUG -Iext/tokencalc/core -Itests/core
 *     (every core .c file) tests/core/tc_mem_counting.c tests/core/test_wide.c -lgmp -lsodium
 */
#include "../../fuzz/fuzz_arith.c"
#include "tc_mem_counting.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	/* xorshift64*: deterministic, so a failure reproduces */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* Decimal strings of the boundary integers, computed with GMP (not with tokencalc). */
static char *boundaries[64];
static int nboundaries;

static void add_boundary(const mpz_t z)
{
	boundaries[nboundaries++] = mpz_get_str(NULL, 10, z);
}

static void make_boundaries(void)
{
	mpz_t z, t;
	mpz_inits(z, t, NULL);
	static const unsigned tens[] = { 8, 16, 19, 20, 38, 39, 77, 78 };
	static const unsigned twos[] = { 64, 128, 256 };
	for (size_t i = 0; i < sizeof tens / sizeof *tens; i++) {
		mpz_ui_pow_ui(z, 10, tens[i]);
		mpz_sub_ui(t, z, 1);
		add_boundary(t);
		add_boundary(z);
		mpz_add_ui(t, z, 1);
		add_boundary(t);
	}
	for (size_t i = 0; i < sizeof twos / sizeof *twos; i++) {
		mpz_ui_pow_ui(z, 2, twos[i]);
		mpz_sub_ui(t, z, 1);
		add_boundary(t);
		add_boundary(z);
		mpz_add_ui(t, z, 1);
		add_boundary(t);
	}
	mpz_clears(z, t, NULL);
}

/* Writes a random operand into out: a boundary integer with a point put somewhere, or random digits. */
static int long_operands;

static size_t gen_operand(char *out)
{
	char *p = out;
	uint64_t kind = rnd() % 10;
	if (rnd() % 3 == 0) {
		*p++ = '-';
	}
	if (kind < 3) {
		const char *b = boundaries[rnd() % (uint64_t) nboundaries];
		size_t n = strlen(b), point = (size_t) (rnd() % (n + 2));
		for (size_t i = 0; i < n; i++) {
			if (i == point && point > 0) {
				*p++ = '.';
			}
			*p++ = b[i];
		}
		return (size_t) (p - out);
	}
	if (kind == 3) {
		/* zero in many spellings */
		size_t zi = 1 + rnd() % 25, zf = rnd() % 45;
		memset(p, '0', zi);
		p += zi;
		if (zf) {
			*p++ = '.';
			memset(p, '0', zf);
			p += zf;
		}
		return (size_t) (p - out);
	}
	/* w digits, up to 40 of them decimals; runs of 9s and 0s to provoke carries and borrows */
	size_t w = 1 + rnd() % 90, f = rnd() % 41;
	if (long_operands == 1 && rnd() % 4 == 0) {
		/* the base-10^16 schoolbook (mul) and Knuth's division on long limbs, and div's mpn path */
		w = 300 + rnd() % 900;
	} else if (long_operands == 2) {
		/* past 700 limbs on both sides: the mpn path of mul */
		w = 5700 + rnd() % 1200;
	} else if (long_operands == 3) {
		/* past 2048 limbs: GMP's own radix conversions */
		w = 16500 + rnd() % 3000;
	}
	if (f > w) {
		f = w;
	}
	int style = (int) (rnd() % 4);
	for (size_t i = 0; i < w; i++) {
		if (i == w - f && f > 0) {
			if (i == 0) {
				*p++ = '0';
			}
			*p++ = '.';
		}
		char c = (char) ('0' + rnd() % 10);
		if (style == 1) {
			c = rnd() % 8 ? '9' : c;
		} else if (style == 2) {
			c = rnd() % 8 ? '0' : c;
		}
		*p++ = c;
	}
	return (size_t) (p - out);
}

static void run_differential(long rounds, int *passed)
{
	static unsigned char in[40200];
	for (long i = 0; i < rounds; i++) {
		int op = (int) (rnd() % 8);
		in[0] = (unsigned char) (op | (rnd() % 3 == 0 ? 0x10 : rnd() % 3 == 0 ? 0x20 : 0));
		in[1] = (unsigned char) (rnd() % 4 == 0 ? 10 : rnd() % 64);
		size_t n = 2;
		n += gen_operand((char *) in + n);
		in[n++] = '|';
		n += gen_operand((char *) in + n);
		LLVMFuzzerTestOneInput(in, n);   /* aborts with a message on any mismatch */
	}
	printf("ok: %ld generated operations agree with the rational reference\n", rounds);
	(*passed)++;
}

static long gmp_allocations;
static void *count_alloc(size_t n);
static void *count_realloc(void *p, size_t old, size_t n);
static void count_free(void *p, size_t n);

/* Operands of up to 78 digits in stack storage: no call may ask tc_mem, or GMP, for memory. */
static void run_no_heap(long rounds, int *passed, int *failed)
{
	void *(*oa)(size_t), *(*orl)(void *, size_t, size_t);
	void (*of)(void *, size_t);
	mp_get_memory_functions(&oa, &orl, &of);
	mp_set_memory_functions(count_alloc, count_realloc, count_free);
	char a_s[128], b_s[128];
	long bad = 0;
	for (long i = 0; i < rounds; i++) {
		size_t al, bl;
		do {
			al = gen_operand(a_s);
		} while (al > 79);
		do {
			bl = gen_operand(b_s);
		} while (bl > 79);
		tc_dec_stack sa, sb, sr;
		tc_dec a, b, r;
		tc_dec_init_stack(&a, &sa);
		tc_dec_init_stack(&b, &sb);
		tc_dec_init_stack(&r, &sr);
		long before = tc_mem_allocations + gmp_allocations;
		/* 78 digits plus sign and point */
		if (tc_dec_parse(&a, a_s, al, 80) != TC_OK || tc_dec_parse(&b, b_s, bl, 80) != TC_OK) {
			continue;
		}
		uint32_t scale = (uint32_t) (rnd() % 41);
		tc_dec_add(&r, &a, &b, scale);
		tc_dec_sub(&r, &a, &b, scale);
		tc_dec_mul(&r, &a, &b, scale);
		(void) tc_dec_div(&r, &a, &b, scale);
		tc_dec_truncate(&r, &a, scale);
		(void) tc_dec_cmp(&a, &b);
		tc_dec_normalize(&a);
		char out[256];
		tc_dec_print_exact(&r, out, tc_dec_print_len(&r));
		/* the string routes of mul and div, the binding's call past a machine word */
		tc_text ta, tb;
		if (tc_text_parse(&ta, a_s, al, 80) == TC_OK && tc_text_parse(&tb, b_s, bl, 80) == TC_OK) {
			tc_dec_parts parts;
			bool split;
			tc_text_mul_either(&r, &parts, &split, &ta, &tb, scale);
			(void) tc_text_div_either(&r, &parts, &split, &ta, &tb, scale);
			/* and of add and sub, the binding's call for most strings of 8 characters or more */
			char sum[256];
			if (tc_text_addsub_size(&ta, &tb, scale) > sizeof sum) {
				printf("FAIL tc_text_addsub_size(%zu, %zu digits) past %zu\n", al, bl, sizeof sum);
				abort();
			}
			(void) tc_text_addsub(sum, &ta, &tb, false, scale);
			(void) tc_text_addsub(sum, &ta, &tb, true, scale);
		}
		if (tc_mem_allocations + gmp_allocations != before) {
			if (bad++ < 5) {
				printf("FAIL heap allocation for [%.*s] and [%.*s], scale %u\n", (int) al, a_s, (int) bl, b_s, scale);
			}
		}
		tc_dec_clear(&a);
		tc_dec_clear(&b);
		tc_dec_clear(&r);
	}
	mp_set_memory_functions(oa, orl, of);
	if (bad == 0) {
		printf("ok: %ld rounds of add/sub/mul/div/truncate/cmp/normalize and the string routes of add/sub/mul/div on <= 78 digits, no heap allocation (tc_mem or GMP)\n", rounds);
		(*passed)++;
	} else {
		(*failed)++;
	}
}

/* Long values do allocate, and give it all back; an allocator that fails gives TC_ERR_NOMEM, never a wrong value. */
static void run_memory(int *passed, int *failed)
{
	char big[3000];
	memset(big, '7', sizeof big);
	big[1000] = '.';
	tc_dec a, b, r;
	tc_dec_init(&a);
	tc_dec_init(&b);
	tc_dec_init(&r);
	long live = tc_mem_live;
	int ok = tc_dec_parse(&a, big, sizeof big, SIZE_MAX) == TC_OK && tc_dec_parse(&b, big, 1500, SIZE_MAX) == TC_OK
		&& tc_dec_mul(&r, &a, &b, 10) == TC_OK && tc_dec_div(&r, &a, &b, 500) == TC_OK;
	tc_dec_clear(&a);
	tc_dec_clear(&b);
	tc_dec_clear(&r);
	if (ok && tc_mem_live == live) {
		printf("ok: long operands' memory all returned\n");
		(*passed)++;
	} else {
		printf("FAIL long operands: ok %d, live blocks %ld -> %ld\n", ok, live, tc_mem_live);
		(*failed)++;
	}
	/* Fail the k-th allocation for every k: each call reports TC_ERR_NOMEM or succeeds, nothing leaks. */
	int nomem = 0, wrong = 0;
	for (long k = 0; k < 12; k++) {
		tc_dec_init(&a);
		tc_dec_init(&r);
		tc_mem_fail_after = k;
		tc_status st = tc_dec_parse(&a, big, sizeof big, SIZE_MAX);
		if (st == TC_OK) {
			st = tc_dec_mul(&r, &a, &a, 10);
		}
		tc_mem_fail_after = -1;
		nomem += st == TC_ERR_NOMEM;
		wrong += st != TC_OK && st != TC_ERR_NOMEM;
		tc_dec_clear(&a);
		tc_dec_clear(&r);
	}
	if (nomem > 0 && wrong == 0 && tc_mem_live == live) {
		printf("ok: a failing allocator gives TC_ERR_NOMEM (%d times), nothing leaks\n", nomem);
		(*passed)++;
	} else {
		printf("FAIL failing allocator: nomem %d, other statuses %d, live %ld -> %ld\n", nomem, wrong, live, tc_mem_live);
		(*failed)++;
	}
}

/* tc_skip_digits (SSE2, SWAR or bytes) against a byte loop: every byte value at every position. */
static void run_skip_digits(int *passed, int *failed)
{
	char buf[80];
	long bad = 0;
	for (int len = 0; len < 70; len++) {
		for (int pos = 0; pos <= len; pos++) {
			for (int c = 0; c < 256; c++) {
				memset(buf, '5', sizeof buf);
				if (pos < len) {
					buf[pos] = (char) c;
				}
				const char *e = buf + len, *q = buf;
				while (q < e && (unsigned) (unsigned char) *q - '0' < 10) {
					q++;
				}
#ifdef TC_SWAR_DIGITS
				bad += tc_skip_digits(buf, e) != q;
#else
				(void) q;
#endif
			}
		}
	}
	if (bad == 0) {
		printf("ok: tc_skip_digits stops at the first non-digit, every byte at every position\n");
		(*passed)++;
	} else {
		printf("FAIL tc_skip_digits: %ld mismatches\n", bad);
		(*failed)++;
	}
}

/* fuzz/ref.h's byte-by-byte reader, leading integer zeros skipped as tc_text_parse() does. */
static bool ref_text_parse(const char *s, size_t len, tc_text *t)
{
	ref_num r;
	if (!ref_split(s, len, &r)) {
		return false;
	}
	while (r.il > 0 && *r.ip == '0') {
		r.ip++;
		r.il--;
	}
	t->ip = r.ip;
	t->il = r.il;
	t->fp = r.fp;
	t->fl = r.fl;
	t->neg = r.neg;
	return true;
}

/*
 * tc_text_parse() classifies strings of 16 to 64 bytes in blocks: every byte value at every
 * position of strings of 0 to 70 bytes, with and without a sign and a point, against the byte
 * reader (the string sits in a heap block of exactly its length, so a read past it shows under
 * ASan and valgrind).
 */
static void run_text_parse(int *passed, int *failed)
{
	long bad = 0, checked = 0;
	for (size_t len = 0; len <= 70; len++) {
		for (int shape = 0; shape < 6; shape++) {
			char *buf = malloc(len + 1);   /* a NUL after the bytes, as in a PHP string, for the nul form */
			for (size_t i = 0; i < len; i++) {
				buf[i] = (char) ('0' + rnd() % 10);
			}
			if (len > 0 && shape % 2 == 1) {
				buf[0] = shape == 1 ? '-' : '+';
			}
			if (len > 1 && shape >= 2) {
				buf[rnd() % len] = '.';
			}
			if (len > 2 && shape == 5) {
				buf[1] = '0';
				buf[2] = '0';
			}
			for (size_t pos = 0; pos <= len; pos++) {
				for (int c = 0; c < 256; c += (pos == len ? 256 : 1)) {
					char keep = pos < len ? buf[pos] : 0;
					if (pos < len) {
						buf[pos] = (char) c;
					}
					tc_text got, want;
					bool ok = tc_text_parse(&got, buf, len, SIZE_MAX) == TC_OK;
					bool want_ok = ref_text_parse(buf, len, &want);
					checked++;
					if (ok != want_ok || (ok && (got.ip != want.ip || got.il != want.il || got.fp != want.fp
							|| got.fl != want.fl || got.neg != want.neg))) {
						if (bad++ < 5) {
							printf("tc_text_parse(\"%.*s\"): %d, expected %d\n", (int) len, buf, ok, want_ok);
						}
					}
					if (pos < len) {
						buf[pos] = keep;
					}
				}
			}
			free(buf);
		}
	}
	if (bad == 0) {
		printf("ok: tc_text_parse agrees with the byte reader, %ld strings of 0 to 70 bytes\n", checked);
		(*passed)++;
	} else {
		printf("FAIL tc_text_parse: %ld of %ld strings\n", bad, checked);
		(*failed)++;
	}
}

/*
 * The string routes, tc_text_mul_either() and tc_text_div_either(), against tc_dec_mul() and
 * tc_dec_div() (checked against the rational reference by run_differential): operands of 1 to 38
 * digits (the 256-bit product and the 128-bit quotient), then 39 to 80 (the 64-bit words and the
 * fallback to limbs), every pair of point positions, every result scale from 0 to 40, signs and
 * leading zeros of a fraction mixed in.
 */
static int text_muldiv_one(const char *a_s, const char *b_s, uint32_t scale, bool div, long *split_count)
{
	tc_dec_stack s1, s2, s3;
	tc_dec a, b, r, w;
	tc_text ta, tb;
	tc_dec_init_stack(&a, &s1);
	tc_dec_init_stack(&b, &s2);
	tc_dec_init_stack(&r, &s3);
	tc_dec_init(&w);
	int bad = 0;
	if (tc_dec_parse(&a, a_s, strlen(a_s), 4096) != TC_OK || tc_dec_parse(&b, b_s, strlen(b_s), 4096) != TC_OK
			|| tc_text_parse(&ta, a_s, strlen(a_s), 4096) != TC_OK || tc_text_parse(&tb, b_s, strlen(b_s), 4096) != TC_OK) {
		return 1;
	}
	tc_dec_parts parts;
	bool split;
	tc_status st = div ? tc_text_div_either(&r, &parts, &split, &ta, &tb, scale)
		: tc_text_mul_either(&r, &parts, &split, &ta, &tb, scale);
	tc_status wst = div ? tc_dec_div(&w, &a, &b, scale) : tc_dec_mul(&w, &a, &b, scale);
	char want[256] = "", got[256] = "";
	if (wst == TC_OK) {
		tc_dec_print(&w, want);
	}
	if (st == TC_OK && split) {
		size_t gl = tc_dec_parts_len(&parts);
		tc_dec_parts_print(&parts, got, gl);
		got[gl] = '\0';
		(*split_count)++;
	} else if (st == TC_OK) {
		tc_dec_print(&r, got);
	}
	if (st != wst || strcmp(want, got) != 0) {
		printf("text %s(%s, %s, %u) = %s (status %d), expected %s (status %d)\n", div ? "div" : "mul",
			a_s, b_s, scale, got, (int) st, want, (int) wst);
		bad = 1;
	}
	tc_dec_clear(&a);
	tc_dec_clear(&b);
	tc_dec_clear(&r);
	tc_dec_clear(&w);
	return bad;
}

static void run_text_muldiv(int *passed, int *failed)
{
	long bad = 0, done = 0, split_count = 0;
	for (int round = 0; round < 24; round++) {
		char as[96], bs[96];
		int wide = round >= 16;
		int da = wide ? 39 + (int) (rnd() % 42) : 1 + (int) (rnd() % 38);
		int db = wide ? 1 + (int) (rnd() % 80) : 1 + (int) (rnd() % 38);
		int style = round % 4;
		for (int i = 0; i < da; i++) {
			as[i] = (char) ('0' + (i == 0 ? 1 + rnd() % 9 : style == 1 ? 9 : rnd() % 10));
		}
		for (int i = 0; i < db; i++) {
			bs[i] = (char) ('0' + (i == 0 ? 1 + rnd() % 9 : style == 1 ? 9 : style == 2 && i > 1 ? 0 : rnd() % 10));
		}
		int step_a = wide ? 7 : 1, step_b = wide ? 5 : 1;
		for (int sa = 0; sa <= da + 2; sa += step_a) {
			for (int sb = 0; sb <= db + 2; sb += step_b) {
				char a_s[128], b_s[128];
				/* the point sa (sb) digits from the end; past the digits, zeros after "0." */
				int n = sprintf(a_s, "%s", rnd() % 2 ? "-" : "");
				if (sa < da) {
					n += sprintf(a_s + n, "%.*s%s%.*s", da - sa, as, sa ? "." : "", sa, as + da - sa);
				} else {
					n += sprintf(a_s + n, "0.%.*s%.*s", sa - da, "00", da, as);
				}
				n = sprintf(b_s, "%s", rnd() % 2 ? "-" : "");
				if (sb < db) {
					n += sprintf(b_s + n, "%.*s%s%.*s", db - sb, bs, sb ? "." : "", sb, bs + db - sb);
				} else {
					n += sprintf(b_s + n, "0.%.*s%.*s", sb - db, "00", db, bs);
				}
				(void) n;
				for (uint32_t scale = 0; scale <= 40; scale += wide ? 3 : 1) {
					bad += text_muldiv_one(a_s, b_s, scale, false, &split_count);
					bad += text_muldiv_one(a_s, b_s, scale, true, &split_count);
					done += 2;
					if (bad > 5) {
						goto out;
					}
				}
			}
		}
	}
out:
#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
	bool enough = split_count > 10000;
#else
	bool enough = split_count == 0;   /* never split without 128-bit integers */
#endif
	if (bad == 0 && enough) {
		printf("ok: tc_text_mul_either/tc_text_div_either agree with tc_dec_mul/tc_dec_div in %ld calls (%ld split)\n",
			done, split_count);
		(*passed)++;
	} else {
		printf("FAIL text mul/div: %ld mismatches in %ld calls (%ld split)\n", bad, done, split_count);
		(*failed)++;
	}
}

/*
 * tc_dec_mul_either()'s split results against tc_dec_mul() (checked against the rational reference by
 * run_differential): products past 64 bits, every pair of scales up to 38 digits in all and every
 * result scale, so every cut of 0 to 38 digits and every split of 0 to 19 places is taken (each
 * entry of decimal.c's table of inverted powers of ten).
 */
static void run_mul_parts(int *passed, int *failed)
{
	long bad = 0, taken = 0;
	for (int round = 0; round < 40; round++) {
		char as[48], bs[48];
		/* 20 to 38 digits in all, each operand a machine word (up to 19) */
		int da = 1 + (int) (rnd() % 19), lo = 20 - da, db = lo + (int) (rnd() % (uint64_t) (20 - lo));
		for (int i = 0; i < da; i++) {
			as[i] = (char) ('0' + (i == 0 ? 1 + rnd() % 9 : rnd() % 10));
		}
		for (int i = 0; i < db; i++) {
			bs[i] = (char) ('0' + (i == 0 ? 1 + rnd() % 9 : rnd() % 10));
		}
		for (int sa = 0; sa <= da; sa++) {
			for (int sb = 0; sb <= db; sb++) {
				char a_s[56], b_s[56];
				/* digits with the point sa (sb) from the end, "0." in front when all are decimals */
				int n = sprintf(a_s, "%s%.*s", rnd() % 2 ? "-" : "", da - sa, as);
				n += sprintf(a_s + n, "%s%.*s", sa ? "." : "", sa, as + da - sa);
				n = sprintf(b_s, "%s%.*s", rnd() % 2 ? "-" : "", db - sb, bs);
				n += sprintf(b_s + n, "%s%.*s", sb ? "." : "", sb, bs + db - sb);
				(void) n;
				tc_dec_stack s1, s2, s3;
				tc_dec a, b, r;
				tc_dec_init_stack(&a, &s1);
				tc_dec_init_stack(&b, &s2);
				tc_dec_init_stack(&r, &s3);
				if (tc_dec_parse(&a, a_s, strlen(a_s), 4096) != TC_OK
						|| tc_dec_parse(&b, b_s, strlen(b_s), 4096) != TC_OK) {
					bad++;
					continue;
				}
				for (uint32_t scale = 0; scale <= 40; scale++) {
					tc_dec_parts parts;
					bool split;
					tc_dec_mul_either(&r, &parts, &split, &a, &b, scale);
					if (!split) {
						continue;
					}
					taken++;
					tc_dec_mul(&r, &a, &b, scale);
					char want[128], got[128];
					size_t wl = tc_dec_print(&r, want), gl = tc_dec_parts_len(&parts);
					tc_dec_parts_print(&parts, got, gl);
					got[gl] = '\0';
					if (wl != gl || strcmp(want, got) != 0) {
						if (bad++ < 5) {
							printf("mul parts(%s, %s, %u) = %s, expected %s\n", a_s, b_s, scale, got, want);
						}
					}
				}
				tc_dec_clear(&a);
				tc_dec_clear(&b);
				tc_dec_clear(&r);
			}
		}
	}
#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
	bool enough = taken > 10000;
#else
	bool enough = taken == 0;   /* never taken without 128-bit integers */
#endif
	if (bad == 0 && enough) {
		printf("ok: tc_dec_mul_either's split results agree with tc_dec_mul in %ld products\n", taken);
		(*passed)++;
	} else {
		printf("FAIL tc_dec_mul_either split: %ld mismatches in %ld products\n", bad, taken);
		(*failed)++;
	}
}

/*
 * GMP's own allocator (the C tests may hook it: they are one process of their own; the extension
 * never does): for operands up to the default tokencalc.max_digits (4096 characters), no GMP call
 * the core makes allocates anything (its scratch stays on the stack), so nothing escapes
 * memory_limit and nothing can make libgmp abort.
 */
static void *count_alloc(size_t n)
{
	gmp_allocations++;
	return malloc(n);
}

static void *count_realloc(void *p, size_t old, size_t n)
{
	(void) old;
	gmp_allocations++;
	return realloc(p, n);
}

static void count_free(void *p, size_t n)
{
	(void) n;
	free(p);
}

static void run_gmp_silent(int *passed, int *failed)
{
	void *(*oa)(size_t), *(*orl)(void *, size_t, size_t);
	void (*of)(void *, size_t);
	mp_get_memory_functions(&oa, &orl, &of);
	mp_set_memory_functions(count_alloc, count_realloc, count_free);
	static char a[4096], b[4096];
	long ops = 0;
	for (int round = 0; round < 40; round++) {
		size_t al = 3000 + rnd() % 1096, bl = 400 + rnd() % 3696;
		for (size_t i = 0; i < al; i++) {
			a[i] = (char) ('0' + rnd() % 10);
		}
		for (size_t i = 0; i < bl; i++) {
			b[i] = (char) ('0' + rnd() % 10);
		}
		a[0] = '7';
		b[0] = '3';
		a[al / 2] = '.';
		b[bl / 3] = '.';
		tc_dec x, y, r;
		tc_dec_init(&x);
		tc_dec_init(&y);
		tc_dec_init(&r);
		tc_dec_parse(&x, a, al, 4096);
		tc_dec_parse(&y, b, bl, 4096);
		tc_dec_mul(&r, &x, &y, 10);
		tc_dec_div(&r, &x, &y, 10);
		tc_dec_div(&r, &x, &y, 4096);
		tc_dec_div(&r, &y, &x, 10000);
		ops += 4;
		char *out = malloc(tc_dec_print_size(&r));
		tc_dec_print(&r, out);
		free(out);
		tc_dec_clear(&x);
		tc_dec_clear(&y);
		tc_dec_clear(&r);
	}
	mp_set_memory_functions(oa, orl, of);
	if (gmp_allocations == 0) {
		printf("ok: %ld mul/div on operands of up to 4096 characters: libgmp allocated nothing\n", ops);
		(*passed)++;
	} else {
		printf("FAIL libgmp allocated %ld times for operands of up to 4096 characters\n", gmp_allocations);
		(*failed)++;
	}
}

/*
 * The short parser (tc_dec_parse_short: a word of digits at once, with masks, where it can load
 * eight bytes) against a reference that reads one character at a time, on strings of 0 to 21
 * characters (past 19 digits: TC_ERR_TOO_LONG) drawn from digits and the characters next to them (the sign, the point, '/' and ':'
 * around '0'..'9', a NUL, a space): every length, every position of the point, every kind of bad
 * byte at every place, inside one buffer so that a word read past the string would be caught by
 * ASan in the fuzz build.
 */
static int ref_parse_short(const char *s, size_t len, uint64_t *v, uint32_t *scale, bool *neg)
{
	size_t i = 0, digits = 0;
	*v = 0;
	*scale = 0;
	*neg = false;
	if (i < len && (s[i] == '+' || s[i] == '-')) {
		*neg = s[i] == '-';
		i++;
	}
	if (len - i > 20) {
		return 2;   /* more than 20 characters after the sign: to the long parser, unread */
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		*v = *v * 10 + (uint64_t) (s[i] - '0');
	}
	if (i < len) {
		if (s[i] != '.') {
			return 0;
		}
		for (i++; i < len; i++, digits++) {
			if (s[i] < '0' || s[i] > '9') {
				return 0;
			}
			*v = *v * 10 + (uint64_t) (s[i] - '0');
			(*scale)++;
		}
	}
	return digits == 0 ? 0 : digits > 19 ? 2 : 1;   /* 2: valid, but longer than the short form takes */
}

static void run_parse_short(long n, int *passed, int *failed)
{
	static const char alphabet[] = "0123456789012345678901234567890123456789.+-/: \0";
	long bad = 0;
	for (long k = 0; k < n && bad < 5; k++) {
		size_t len = (size_t) (rnd() % (TC_DEC_SHORT_LEN + 1));
		char *buf = malloc(len + 1);   /* a NUL after the bytes, as in a PHP string, for the nul form */
		uint64_t r = rnd();
		int mostly = (int) (r % 4);   /* 0: any bytes; else digits with one '.' and maybe a sign and one bad byte */
		for (size_t i = 0; i < len; i++) {
			buf[i] = mostly ? (char) ('0' + rnd() % 10) : alphabet[rnd() % (sizeof alphabet - 1)];
		}
		if (mostly && len > 0) {
			if (rnd() % 4 != 0) {
				buf[rnd() % len] = '.';
			}
			if (rnd() % 4 == 0) {
				buf[0] = rnd() % 2 ? '-' : '+';
			}
			if (mostly == 3) {
				buf[rnd() % len] = alphabet[10 * 4 + rnd() % 7];
			}
		}
		buf[len] = '\0';
		tc_dec d;
		tc_dec_init(&d);
		uint64_t v;
		uint32_t scale;
		bool neg;
		int want = ref_parse_short(buf, len, &v, &scale, &neg);
		tc_status st = tc_dec_parse_short(&d, buf, len);
		if (len <= TC_DEC_SHORT_LEN_19) {
			/* the per-row form, without the digit-count tests, must answer the same */
			tc_dec d19;
			tc_dec_init(&d19);
			tc_status st19 = tc_dec_parse_short_as(&d19, buf, len, false);
			if (st19 != st || (st == TC_OK && (d19.small != d.small || d19.scale != d.scale || d19.neg != d.neg))) {
				printf("FAIL parse_short_as(false) \"%.*s\": status %d, tc_dec_parse_short %d\n", (int) len, buf,
					(int) st19, (int) st);
				bad++;
			}
			tc_dec_clear(&d19);
			/* and the form that stops at the NUL, on a string that has one after it */
			tc_dec_init(&d19);
			st19 = tc_dec_parse_short_nul(&d19, buf, len);
			if (st19 != st || (st == TC_OK && (d19.small != d.small || d19.scale != d.scale || d19.neg != d.neg))) {
				printf("FAIL parse_short_nul \"%.*s\": status %d, tc_dec_parse_short %d\n", (int) len, buf,
					(int) st19, (int) st);
				bad++;
			}
			tc_dec_clear(&d19);
		}
		tc_status want_st = want == 1 ? TC_OK : want == 2 ? TC_ERR_TOO_LONG : TC_ERR_SYNTAX;
		if (st != want_st || (want == 1 && (d.is_big || d.small != v || d.scale != scale || d.neg != (neg && v != 0)))) {
			printf("FAIL parse_short \"%.*s\": status %d, want %d\n", (int) len, buf, (int) st, (int) want_st);
			bad++;
		}
		tc_dec_clear(&d);
		free(buf);
	}
	if (bad == 0) {
		printf("ok: tc_dec_parse_short agrees with a character-by-character reader on %ld strings\n", n);
		(*passed)++;
	} else {
		(*failed)++;
	}
}

/* A random operand of up to 19 characters: mostly valid, sometimes with a bad byte, a sign, no digits. */
static size_t addsub_operand(char *buf)
{
	static const char odd[] = "+-. x\0";
	size_t len = (size_t) (rnd() % (TC_DEC_SHORT_LEN_19 + 1)), i = 0;
	if (len > 0 && rnd() % 3 == 0) {
		buf[i++] = rnd() % 2 ? '-' : '+';
	}
	for (; i < len; i++) {
		buf[i] = (char) ('0' + rnd() % 10);
	}
	if (len > 1 && rnd() % 5 != 0) {
		buf[1 + rnd() % (len - 1)] = '.';
	}
	if (len > 0 && rnd() % 16 == 0) {
		buf[rnd() % len] = odd[rnd() % (sizeof odd - 1)];
	}
	buf[len] = '\0';
	return len;
}

/*
 * tc_dec_addsub_short() against tc_dec_parse() and tc_dec_add()/tc_dec_sub(): the same result
 * whenever it answers TC_OK; it may decline only for an operand tc_dec_parse() refuses or a sum
 * that leaves a machine word, never for two valid operands of up to 9 digits each.
 */
static void run_addsub_short(long n, int *passed, int *failed)
{
	long bad = 0, answered = 0;
	for (long k = 0; k < n && bad < 5; k++) {
		char a[TC_DEC_SHORT_LEN_19 + 1], b[TC_DEC_SHORT_LEN_19 + 1];
		size_t la = addsub_operand(a), lb = addsub_operand(b);
		bool sub = rnd() % 2;
		uint32_t scale = (uint32_t) (rnd() % 24);
		tc_dec x, y, want, got;
		tc_dec_init(&x);
		tc_dec_init(&y);
		tc_dec_init(&want);
		tc_dec_init(&got);
		bool valid = tc_dec_parse(&x, a, la, 100) == TC_OK && tc_dec_parse(&y, b, lb, 100) == TC_OK;
		if (valid) {
			(sub ? tc_dec_sub : tc_dec_add)(&want, &x, &y, scale);
		}
		tc_status st = tc_dec_addsub_short(&got, a, la, b, lb, sub, scale);
		char ws[96], gs[96];
		if (st == TC_OK) {
			answered++;
			tc_dec_print(&got, gs);
			if (!valid) {
				printf("FAIL addsub_short(\"%s\", \"%s\"): %s, but an operand is not valid\n", a, b, gs);
				bad++;
			} else if (tc_dec_print(&want, ws), strcmp(ws, gs) != 0) {
				printf("FAIL addsub_short(\"%s\" %c \"%s\", %u): %s, want %s\n", a, sub ? '-' : '+', b, scale, gs, ws);
				bad++;
			}
		} else {
			size_t da = 0, db = 0;
			for (size_t i = 0; i < la; i++) {
				da += a[i] >= '0' && a[i] <= '9';
			}
			for (size_t i = 0; i < lb; i++) {
				db += b[i] >= '0' && b[i] <= '9';
			}
			if (valid && da <= 9 && db <= 9) {
				printf("FAIL addsub_short(\"%s\", \"%s\") declined (status %d)\n", a, b, (int) st);
				bad++;
			}
		}
		tc_dec_clear(&x);
		tc_dec_clear(&y);
		tc_dec_clear(&want);
		tc_dec_clear(&got);
	}
	if (bad == 0 && answered > n / 4) {
		printf("ok: tc_dec_addsub_short agrees with tc_dec_parse and tc_dec_add/sub on %ld pairs (%ld answered)\n",
			n, answered);
		(*passed)++;
	} else {
		printf("FAIL addsub_short: %ld bad, %ld of %ld answered\n", bad, answered, n);
		(*failed)++;
	}
}

int main(void)
{
	int passed = 0, failed = 0;
	make_boundaries();
	run_parse_short(2000000, &passed, &failed);
	run_addsub_short(1000000, &passed, &failed);
	run_skip_digits(&passed, &failed);
	run_text_parse(&passed, &failed);
	run_mul_parts(&passed, &failed);
	run_text_muldiv(&passed, &failed);
	run_gmp_silent(&passed, &failed);
	run_differential(300000, &passed);
	long_operands = 1;
	run_differential(20000, &passed);
	long_operands = 2;
	run_differential(300, &passed);
	long_operands = 3;
	run_differential(40, &passed);
	long_operands = 0;
	run_no_heap(50000, &passed, &failed);
	run_memory(&passed, &failed);
	for (int i = 0; i < nboundaries; i++) {
		free(boundaries[i]);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
