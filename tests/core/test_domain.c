/*
 * C tests of core/fees.c, core/mint.c and core/q96.c, without PHP:
 *   cc -std=c11 -Wall -Wextra -DTC_DEBUG -I ext/tokencalc/core ext/tokencalc/core/{decimal,fees,mint,q96,text}.c \
 *      tests/core/tc_mem_counting.c tests/core/test_domain.c -lgmp -lsodium   (scripts/test-core.sh)
 * Expectations are worked out by hand from ../shared/spec/domain.md, or computed here with GMP
 * rationals (mpq_t) straight from the spec's formulas, independently of the core's integer tricks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees.h"
#include "mint.h"
#include "q96.h"
#include "tc_mem_counting.h"   /* the allocator scripts/test-core.sh links: tc_mem_live */
/* the fuzzers' exact reference (ref_print_trunc), shared */
#include "../../fuzz/ref.h"

static int passed, failed;

#define CHECK(cond, what) do { \
		if (cond) { passed++; } \
		else { failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what); } \
	} while (0)

static void set(tc_dec *d, const char *s)
{
	if (tc_dec_parse(d, s, strlen(s), 100000) != TC_OK) {
		fprintf(stderr, "bad literal %s\n", s);
		exit(2);
	}
}

/* Whether d prints exactly as want; reports the difference. */
static bool prints(const tc_dec *d, const char *want, const char *what)
{
	char *buf = malloc(tc_dec_print_size(d));
	tc_dec_print(d, buf);
	bool ok = strcmp(buf, want) == 0;
	CHECK(ok, what);
	if (!ok) {
		fprintf(stderr, "  got  %s\n  want %s\n", buf, want);
	}
	free(buf);
	return ok;
}

/* d as an exact rational. */
static void to_mpq(mpq_t q, const tc_dec *d)
{
	mpz_t c;
	mpz_init(c);
	tc_dec_get_mpz(c, d);
	mpq_set_z(q, c);
	mpz_ui_pow_ui(c, 10, d->scale);
	mpq_set_den(q, c);
	mpq_canonicalize(q);
	mpz_clear(c);
}

/* Deterministic pseudo-random numbers (xorshift), so that runs are repeatable. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* ---- fees ---- */

static void fees_case(const char *amount, const char *const *rates, size_t n, tc_fees_mode mode,
		const char *required, const char *net, const char *const *fees, const char *dust)
{
	tc_dec a, r[8], f[8], req, nt, du;
	tc_dec_init(&a);
	tc_dec_init(&req);
	tc_dec_init(&nt);
	tc_dec_init(&du);
	set(&a, amount);
	for (size_t i = 0; i < n; i++) {
		tc_dec_init(&r[i]);
		tc_dec_init(&f[i]);
		set(&r[i], rates[i]);
	}
	CHECK(tc_fees_split(&a, r, n, mode, 10, &req, &nt, f, &du) == TC_OK, "fees: split");
	prints(&req, required, "fees: required");
	prints(&nt, net, "fees: net");
	for (size_t i = 0; i < n; i++) {
		prints(&f[i], fees[i], "fees: fee");
		tc_dec_clear(&r[i]);
		tc_dec_clear(&f[i]);
	}
	prints(&du, dust, "fees: dust");
	tc_dec_clear(&a);
	tc_dec_clear(&req);
	tc_dec_clear(&nt);
	tc_dec_clear(&du);
}

static void test_fees(void)
{
	const char *rates[] = { "0.02", "0.01", "0" };
	tc_fees_mode m;

	/* ADDED: required = trunc(100 * 1.03), fee = trunc(100 * rate), printed at the mul scale. */
	fees_case("100", rates, 3, TC_FEES_ADDED, "103.00", "100",
		(const char *[]) { "2.00", "1.00", "0" }, "0.00");
	/* INCLUDED: net = trunc(100 / 1.03); the 10^-10 truncation leaves is the dust. */
	fees_case("100", rates, 3, TC_FEES_INCLUDED, "100", "97.0873786407",
		(const char *[]) { "1.9417475728", "0.9708737864", "0.0000000000" }, "0.0000000001");
	fees_case("12.5", rates, 3, TC_FEES_NO_FEES, "12.5", "12.5", (const char *[]) { "0", "0", "0" }, "0");
	fees_case("7", NULL, 0, TC_FEES_INCLUDED, "7", "7", NULL, "0");
	/* fees.jsonl line 1 */
	fees_case("5000.3710", (const char *[]) { "0.02", "0.01", "0.01" }, 3, TC_FEES_INCLUDED,
		"5000.3710", "4808.0490384615",
		(const char *[]) { "96.1609807692", "48.0804903846", "48.0804903846" }, "0.0000000001");

	CHECK(tc_fees_mode_parse("ADDED", 5, &m) == TC_OK && m == TC_FEES_ADDED, "fees: ADDED");
	CHECK(tc_fees_mode_parse("INCLUDED", 8, &m) == TC_OK && m == TC_FEES_INCLUDED, "fees: INCLUDED");
	CHECK(tc_fees_mode_parse("NO_FEES", 7, &m) == TC_OK && m == TC_FEES_NO_FEES, "fees: NO_FEES");
	CHECK(tc_fees_mode_parse("added", 5, &m) == TC_ERR_MODE, "fees: lower case");
	CHECK(tc_fees_mode_parse("ADDED\0", 6, &m) == TC_ERR_MODE, "fees: trailing NUL");

	tc_dec a, r, f, req, nt, du;
	tc_dec_init(&a); tc_dec_init(&r); tc_dec_init(&f); tc_dec_init(&req); tc_dec_init(&nt); tc_dec_init(&du);
	set(&a, "-1");
	set(&r, "0.1");
	CHECK(tc_fees_split(&a, &r, 1, TC_FEES_ADDED, 10, &req, &nt, &f, &du) == TC_ERR_NEGATIVE, "fees: negative amount");
	set(&a, "1");
	set(&r, "-0.1");
	CHECK(tc_fees_split(&a, &r, 1, TC_FEES_ADDED, 10, &req, &nt, &f, &du) == TC_ERR_NEGATIVE, "fees: negative rate");
	CHECK(tc_fees_split(&a, &r, 0, (tc_fees_mode) 7, 10, &req, &nt, &f, &du) == TC_ERR_MODE, "fees: bad mode");
	tc_dec_clear(&a); tc_dec_clear(&r); tc_dec_clear(&f); tc_dec_clear(&req); tc_dec_clear(&nt); tc_dec_clear(&du);
}

/* ---- mint ---- */

typedef struct {
	tc_mint_user *u;
	size_t n;
	char (*ids)[24];
} day;

static void day_init(day *d, size_t n)
{
	d->u = calloc(n ? n : 1, sizeof *d->u);
	d->ids = calloc(n ? n : 1, sizeof *d->ids);
	d->n = n;
	for (size_t i = 0; i < n; i++) {
		tc_mint_user_init(&d->u[i]);
	}
}

static void day_user(day *d, size_t i, const char *id, const char *gems)
{
	snprintf(d->ids[i], sizeof d->ids[i], "%s", id);
	d->u[i].id = d->ids[i];
	d->u[i].id_len = strlen(d->ids[i]);
	set(&d->u[i].gems, gems);
}

static void day_free(day *d)
{
	for (size_t i = 0; i < d->n; i++) {
		tc_mint_user_clear(&d->u[i]);
	}
	free(d->u);
	free(d->ids);
}

static void test_mint_small(void)
{
	day d;
	tc_mint_day s;
	tc_dec supply;

	tc_dec_init(&supply);
	set(&supply, "10");
	day_init(&d, 4);
	day_user(&d, 0, "a", "1");
	day_user(&d, 1, "b", "2");
	day_user(&d, 2, "c", "-4");
	day_user(&d, 3, "d", "0");

	CHECK(tc_mint_run(&supply, d.u, d.n, TC_MINT_COMPAT, 10, &s) == TC_OK, "mint: compat");
	prints(&s.total, "3", "compat total");
	prints(&s.rate, "3.3333333333", "compat rate");
	prints(&d.u[0].tokens, "3.3333333333", "compat tokens a");
	prints(&d.u[1].tokens, "6.6666666666", "compat tokens b");
	tc_dec pct;
	tc_dec_init(&pct);
	tc_mint_user_percentage(&s, &d.u[1].gems, &pct);
	prints(&pct, "66.6666666600", "compat percentage b");
	prints(&d.u[2].tokens, "0", "compat: skipped user gets nothing");
	prints(&s.minted, "9.9999999999", "compat minted");
	prints(&s.dust, "0.0000000001", "compat dust");
	CHECK(s.paid == 2, "compat: two users take part");

	tc_mint_day_clear(&s);

	/* b's remainder (2/3) beats a's (1/3): the one unit left over goes to b. */
	CHECK(tc_mint_run(&supply, d.u, d.n, TC_MINT_EXACT, 10, &s) == TC_OK, "mint: exact");
	prints(&d.u[0].tokens, "3.3333333333", "exact tokens a");
	prints(&d.u[1].tokens, "6.6666666667", "exact tokens b");
	tc_mint_user_percentage(&s, &d.u[0].gems, &pct);
	prints(&pct, "33.3333333333", "exact percentage a");
	tc_dec_clear(&pct);
	prints(&s.minted, "10.0000000000", "exact minted");
	prints(&s.dust, "0.0000000000", "exact dust");
	tc_mint_day_clear(&s);

	set(&supply, "-1");
	CHECK(tc_mint_run(&supply, d.u, d.n, TC_MINT_EXACT, 10, &s) == TC_ERR_NEGATIVE, "mint: negative supply");
	CHECK(tc_mint_run(&supply, d.u, d.n, (tc_mint_mode) 2, 10, &s) == TC_ERR_MODE, "mint: bad mode");
	day_free(&d);

	/* Nobody takes part. */
	set(&supply, "5000.5");
	day_init(&d, 1);
	day_user(&d, 0, "x", "-1");
	CHECK(tc_mint_run(&supply, d.u, d.n, TC_MINT_EXACT, 10, &s) == TC_OK, "mint: nobody");
	prints(&s.rate, "0", "nobody: rate");
	prints(&s.minted, "0", "nobody: minted");
	prints(&s.dust, "5000.5", "nobody: dust");
	tc_mint_day_clear(&s);
	day_free(&d);

	/* Ties at scale 0: 2 units over three equal users go to the smallest ids, a prefix first. */
	set(&supply, "2");
	day_init(&d, 3);
	day_user(&d, 0, "b", "1");
	day_user(&d, 1, "ab", "1");
	day_user(&d, 2, "a", "1");
	CHECK(tc_mint_run(&supply, d.u, d.n, TC_MINT_EXACT, 0, &s) == TC_OK, "mint: ties");
	prints(&d.u[0].tokens, "0", "tie b");
	prints(&d.u[1].tokens, "1", "tie ab");
	prints(&d.u[2].tokens, "1", "tie a");
	day_free(&d);

	tc_mint_day_clear(&s);
	tc_dec_clear(&supply);
}

/* EXACT against the spec computed with rationals; then a shuffled copy must give the same. */
static void exact_check(const char *supply_s, day *d, uint32_t scale, const char *what)
{
	tc_dec supply;
	tc_mint_day s;
	mpq_t total, sup, quota, t;
	mpz_t units, floor_, left;
	size_t n = d->n, bad = 0;

	tc_dec_init(&supply);
	set(&supply, supply_s);
	mpq_inits(total, sup, quota, t, NULL);
	mpz_inits(units, floor_, left, NULL);

	CHECK(tc_mint_run(&supply, d->u, n, TC_MINT_EXACT, scale, &s) == TC_OK, what);

	/* Oracle: each token count is trunc(quota) or trunc(quota) + 10^-scale, they add up to
	 * trunc(supply), and whoever got the extra unit has a remainder at least as large as
	 * whoever did not (ties broken by id). */
	to_mpq(sup, &supply);
	for (size_t i = 0; i < n; i++) {
		if (tc_dec_sign(&d->u[i].gems) > 0) {
			to_mpq(t, &d->u[i].gems);
			mpq_add(total, total, t);
		}
	}
	mpz_t p10;
	mpz_init(p10);
	mpz_ui_pow_ui(p10, 10, scale);
	mpq_t *rem = calloc(n ? n : 1, sizeof *rem);
	int *extra = calloc(n ? n : 1, sizeof *extra);
	for (size_t i = 0; i < n; i++) {
		mpq_init(rem[i]);
		if (tc_dec_sign(&d->u[i].gems) <= 0) {
			bad += tc_dec_sign(&d->u[i].tokens) != 0;
			continue;
		}
		to_mpq(t, &d->u[i].gems);
		mpq_mul(quota, sup, t);
		mpq_div(quota, quota, total);
		mpz_mul(mpq_numref(quota), mpq_numref(quota), p10);
		mpq_canonicalize(quota);                 /* quota in units of 10^-scale */
		mpz_fdiv_q(floor_, mpq_numref(quota), mpq_denref(quota));
		mpq_set_z(t, floor_);
		mpq_sub(rem[i], quota, t);
		to_mpq(t, &d->u[i].tokens);
		mpz_mul(mpq_numref(t), mpq_numref(t), p10);
		mpq_canonicalize(t);                     /* tokens in units */
		if (mpz_cmp_ui(mpq_denref(t), 1) != 0) {
			bad++;
			continue;
		}
		mpz_sub(left, mpq_numref(t), floor_);
		extra[i] = (int) mpz_get_si(left);
		bad += extra[i] != 0 && extra[i] != 1;
		mpz_add(units, units, mpq_numref(t));
	}
	mpq_set(t, sup);
	mpz_mul(mpq_numref(t), mpq_numref(t), p10);
	mpq_canonicalize(t);
	mpz_fdiv_q(floor_, mpq_numref(t), mpq_denref(t));
	CHECK(mpz_cmp(units, floor_) == 0, "exact: tokens add up to trunc(supply)");
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			if (extra[i] == 1 && extra[j] == 0 && tc_dec_sign(&d->u[j].gems) > 0) {
				int c = mpq_cmp(rem[i], rem[j]);
				bad += c < 0 || (c == 0 && strcmp(d->u[i].id, d->u[j].id) > 0);
			}
		}
	}
	CHECK(bad == 0, what);
	if (bad) {
		fprintf(stderr, "  %zu wrong\n", bad);
	}

	/* Reversed order: the same tokens for the same ids. */
	day r;
	day_init(&r, n);
	for (size_t i = 0; i < n; i++) {
		char *g = malloc(tc_dec_print_size(&d->u[i].gems));
		tc_dec_print(&d->u[i].gems, g);
		day_user(&r, n - 1 - i, d->ids[i], g);
		free(g);
	}
	tc_mint_day s2;
	tc_mint_run(&supply, r.u, n, TC_MINT_EXACT, scale, &s2);
	size_t differ = 0;
	for (size_t i = 0; i < n; i++) {
		differ += tc_dec_cmp(&r.u[n - 1 - i].tokens, &d->u[i].tokens) != 0;
	}
	CHECK(differ == 0, "exact: reversed input gives the same tokens");
	tc_mint_day_clear(&s2);
	day_free(&r);

	for (size_t i = 0; i < n; i++) {
		mpq_clear(rem[i]);
	}
	free(rem);
	free(extra);
	mpz_clear(p10);
	mpq_clears(total, sup, quota, t, NULL);
	mpz_clears(units, floor_, left, NULL);
	tc_mint_day_clear(&s);
	tc_dec_clear(&supply);
}

static void test_mint_random(void)
{
	/* scale 10: the machine-integer path; scale 25 and huge gems: the GMP path. */
	static const struct { const char *supply; uint32_t scale; int huge; } runs[] = {
		{ "5000", 10, 0 }, { "97085.123", 10, 0 }, { "5000", 25, 0 }, { "5000", 10, 1 },
		{ "123456789012345678901234567890.5", 10, 0 }, { "3", 0, 0 }, { "1", 4, 0 },
	};
	for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
		for (int rep = 0; rep < 5; rep++) {
			size_t n = 1 + rnd() % 300;
			day d;
			day_init(&d, n);
			for (size_t i = 0; i < n; i++) {
				char id[24], g[64];
				snprintf(id, sizeof id, "u%u-%u", (unsigned) (rnd() % 100000), (unsigned) i);   /* unique */
				int sign = rnd() % 6 == 0 ? -1 : 1;
				if (runs[k].huge && rnd() % 3 == 0) {
					snprintf(g, sizeof g, "%s%llu%llu.%02u", sign < 0 ? "-" : "",
						(unsigned long long) (rnd() % 1000000000ULL + 1), (unsigned long long) rnd(),
						(unsigned) (rnd() % 100));
				} else {
					/* few distinct values: many equal remainders, so ties are exercised */
					snprintf(g, sizeof g, "%s%u.%02u", sign < 0 ? "-" : "", (unsigned) (rnd() % 20),
						(unsigned) (rnd() % 4) * 25);
				}
				day_user(&d, i, id, g);
			}
			exact_check(runs[k].supply, &d, runs[k].scale, "exact: random day");
			day_free(&d);
		}
	}
}

static void test_mint_fixed(void)
{
	tc_dec v;
	int64_t c = 0;
	tc_mint_scales sc = { 3, 3 };

	tc_dec_init(&v);
	set(&v, "-2.5");
	CHECK(tc_mint_fixed_value(&v, 3, &c) && c == -2500, "fixed: -2.5 at 3 places");
	sc.fixed = sc.max = 0;
	CHECK(!tc_mint_fixed_value(&v, 0, &c) && tc_mint_fixed_miss(&v, &sc) == 1 && sc.max == 1,
		"fixed: more places than the totals: raise them");
	set(&v, "9223372036854775807");
	CHECK(tc_mint_fixed_value(&v, 0, &c) && c == INT64_MAX, "fixed: INT64_MAX");
	sc.fixed = sc.max = 1;
	CHECK(!tc_mint_fixed_value(&v, 1, &c) && tc_mint_fixed_miss(&v, &sc) == 0 && sc.max == 1,
		"fixed: INT64_MAX * 10 is a tc_dec");
	sc.fixed = sc.max = 0;
	set(&v, "9223372036854775808");
	CHECK(!tc_mint_fixed_value(&v, 0, &c) && tc_mint_fixed_miss(&v, &sc) == 0, "fixed: 2^63");
	set(&v, "1.0000000000000000005");
	CHECK(!tc_mint_fixed_value(&v, 0, &c) && tc_mint_fixed_miss(&v, &sc) == 0 && sc.max == 19 && sc.fixed == 0,
		"fixed: more places than int64 totals keep");
	c = INT64_MAX;
	CHECK(!tc_mint_fixed_add(&c, 1) && c == INT64_MAX, "fixed: add overflow");
	c = INT64_MIN + 1;
	CHECK(tc_mint_fixed_add(&c, -1) && c == INT64_MIN, "fixed: add down to INT64_MIN");
	CHECK(!tc_mint_fixed_add(&c, -1) && c == INT64_MIN, "fixed: add underflow");
	c = 922337203685477580LL;
	CHECK(tc_mint_fixed_rescale(&c, 1) && c == 9223372036854775800LL, "fixed: rescale fits");
	CHECK(!tc_mint_fixed_rescale(&c, 1), "fixed: rescale overflows");
	tc_mint_fixed_to_dec(&v, -12345, 3);
	prints(&v, "-12.345", "fixed: to_dec");
	tc_mint_fixed_to_dec(&v, INT64_MIN, 0);
	prints(&v, "-9223372036854775808", "fixed: to_dec INT64_MIN");
	tc_dec_clear(&v);
}

/*
 * COMPAT through the day's API against the spec computed with rationals: rate = trunc(supply /
 * total) to S places, tokens = trunc(gems * rate) (the product's places, at most S), minted their
 * sum, dust = supply - minted; the int64 totals (tc_mint_count_fixed) and tc_dec totals agree.
 */
static void test_mint_compat_random(void)
{
	size_t bad = 0;
	for (int rep = 0; rep < 200; rep++) {
		uint32_t scale = (uint32_t) (rnd() % 30), gscale = (uint32_t) (rnd() % 19);
		size_t n = 1 + rnd() % 50;
		bool huge = rnd() % 4 == 0;
		tc_dec supply, g, tk, tk2, pct;
		tc_dec_init(&supply); tc_dec_init(&g); tc_dec_init(&tk); tc_dec_init(&tk2); tc_dec_init(&pct);
		char buf[128];
		snprintf(buf, sizeof buf, "%llu.%llu", (unsigned long long) (rnd() % 1000000000000ULL),
			(unsigned long long) (rnd() % 1000));
		set(&supply, buf);
		int64_t *c = calloc(n, sizeof *c);
		for (size_t i = 0; i < n; i++) {
			c[i] = (int64_t) (huge ? rnd() >> 2 : rnd() % 100000000ULL) - (rnd() % 5 == 0 ? (int64_t) (rnd() >> 3) : 0);
		}
		/* the same day twice: int64 totals (a), tc_dec totals (b) */
		tc_mint_day a, b;
		tc_mint_begin(&a, &supply, TC_MINT_COMPAT, scale, gscale);
		tc_mint_begin(&b, &supply, TC_MINT_COMPAT, scale, gscale);
		for (size_t i = 0; i < n; i++) {
			tc_mint_count_fixed(&a, c[i]);
			tc_mint_fixed_to_dec(&g, c[i], gscale);
			tc_mint_count(&b, &g);
		}
		tc_mint_plan(&a);
		tc_mint_plan(&b);
		bad += tc_dec_cmp(&a.total, &b.total) != 0 || tc_dec_cmp(&a.rate, &b.rate) != 0 || a.paid != b.paid;

		mpq_t sup, tot, rate, t, sum;
		mpq_inits(sup, tot, rate, t, sum, NULL);
		to_mpq(sup, &supply);
		to_mpq(tot, &a.total);
		to_mpq(rate, &a.rate);
		for (size_t i = 0; i < n; i++) {
			if (c[i] <= 0) {
				continue;
			}
			tc_mint_fixed_to_dec(&g, c[i], gscale);
			tc_mint_compat_tokens(&a, &g, &tk);
			tc_dec_mul(&tk2, &g, &b.rate, scale);
			tc_mint_add_minted(&b, &tk2);
			/* spec: trunc(gems * rate) at min(S, gscale + rate's places) */
			to_mpq(t, &g);
			mpq_mul(t, t, rate);
			uint32_t places = scale < gscale + a.rate.scale ? scale : gscale + a.rate.scale;
			char *want = ref_print_trunc(t, places);
			char *got = malloc(tc_dec_print_size(&tk));
			tc_dec_print(&tk, got);
			bad += strcmp(want, got) != 0 || tc_dec_cmp(&tk, &tk2) != 0;
			free(want);
			free(got);
			to_mpq(t, &tk);
			mpq_add(sum, sum, t);
			tc_mint_user_percentage(&a, &g, &pct);
			/* COMPAT: trunc(trunc(gems / total) * 100) */
			to_mpq(t, &g);
			mpq_div(t, t, tot);
			char *share = ref_print_trunc(t, scale);
			tc_dec sh;
			tc_dec_init(&sh);
			set(&sh, share);
			to_mpq(t, &sh);
			tc_dec_clear(&sh);
			free(share);
			mpq_set_ui(rate, 100, 1);
			mpq_mul(t, t, rate);
			to_mpq(rate, &a.rate);
			mpq_t p;
			mpq_init(p);
			to_mpq(p, &pct);
			bad += !mpq_equal(p, t);
			mpq_clear(p);
		}
		tc_mint_finish(&a);
		tc_mint_finish(&b);
		to_mpq(t, &a.minted);
		bad += !mpq_equal(t, sum) || tc_dec_cmp(&a.minted, &b.minted) != 0 || tc_dec_cmp(&a.dust, &b.dust) != 0;
		mpq_sub(t, sup, t);
		to_mpq(sum, &a.dust);
		bad += !mpq_equal(t, sum);
		mpq_clears(sup, tot, rate, t, sum, NULL);
		tc_mint_day_clear(&a);
		tc_mint_day_clear(&b);
		free(c);
		tc_dec_clear(&supply); tc_dec_clear(&g); tc_dec_clear(&tk); tc_dec_clear(&tk2); tc_dec_clear(&pct);
	}
	CHECK(bad == 0, "compat: random days against rationals, int64 and tc_dec totals alike");
	if (bad) {
		fprintf(stderr, "  %zu wrong\n", bad);
	}
}

/* ---- Q64.96 ---- */

static void test_q96(void)
{
	tc_dec a, q;
	tc_dec_init(&a);
	tc_dec_init(&q);

	set(&a, "1");
	tc_q96_encode(&q, &a);
	prints(&q, "79228162514264337593543950336", "q96: 1");
	set(&a, "-0.5");
	tc_q96_encode(&q, &a);
	prints(&q, "-39614081257132168796771975168", "q96: -0.5");
	set(&a, "0.00000000000000000000000000001");
	tc_q96_encode(&q, &a);
	prints(&q, "0", "q96: below 2^-96 truncates to 0");

	/* Ties away from zero, at scale 0: 2^95 / 2^96 = 0.5 -> 1; 2^95 - 1 -> 0. */
	set(&q, "39614081257132168796771975168");
	CHECK(tc_q96_decode(&a, &q, 0) == TC_OK, "q96: decode");
	prints(&a, "1", "q96: 0.5 rounds away from zero");
	set(&q, "-39614081257132168796771975168");
	tc_q96_decode(&a, &q, 0);
	prints(&a, "-1", "q96: -0.5 rounds away from zero");
	set(&q, "39614081257132168796771975167");
	tc_q96_decode(&a, &q, 0);
	prints(&a, "0", "q96: just below 0.5");
	set(&q, "79228162514264337593543950336.000");
	CHECK(tc_q96_decode(&a, &q, 10) == TC_OK, "q96: integer with fractional zeros");
	prints(&a, "1", "q96: 1.000 decodes");
	set(&q, "1.5");
	CHECK(tc_q96_decode(&a, &q, 10) == TC_ERR_SYNTAX, "q96: a fraction is refused");

	/* Round trip for random values with up to 28 places at scale 28, against normalize(). */
	size_t bad = 0;
	for (int i = 0; i < 2000; i++) {
		char s[96], *p = s;
		if (rnd() % 2) *p++ = '-';
		p += sprintf(p, "%llu", (unsigned long long) (rnd() >> (rnd() % 64)));
		unsigned places = (unsigned) (rnd() % 29);
		if (places) {
			*p++ = '.';
			for (unsigned k = 0; k < places; k++) *p++ = (char) ('0' + rnd() % 10);
		}
		*p = '\0';
		set(&a, s);
		tc_q96_encode(&q, &a);
		tc_dec back;
		tc_dec_init(&back);
		tc_q96_decode(&back, &q, 28);
		tc_dec_normalize(&a);
		bad += tc_dec_cmp(&back, &a) != 0 || back.scale != a.scale;
		tc_dec_clear(&back);
	}
	CHECK(bad == 0, "q96: round trip at scale 28");

	/* decode against its definition on integers: round(|c| * 10^s / 2^96) = floor((|c| * 10^s + 2^95) / 2^96) */
	static const uint32_t scales[] = { 0, 1, 5, 28, 95, 96, 97, 130 };
	bad = 0;
	for (int i = 0; i < 3000; i++) {
		char s[96], *p = s;
		bool neg = rnd() % 2;
		if (neg) *p++ = '-';
		p += sprintf(p, "%llu", (unsigned long long) (rnd() >> (rnd() % 64)));
		for (int k = (int) (rnd() % 3); k > 0; k--) p += sprintf(p, "%llu", (unsigned long long) rnd());
		*p = '\0';
		uint32_t sc = scales[rnd() % (sizeof scales / sizeof scales[0])];
		set(&q, s);
		if (tc_q96_decode(&a, &q, sc) != TC_OK) {
			bad++;
			continue;
		}
		mpz_t c, t;
		mpz_inits(c, t, NULL);
		mpz_set_str(c, neg ? s + 1 : s, 10);
		mpz_ui_pow_ui(t, 10, sc);
		mpz_mul(c, c, t);
		mpz_set_ui(t, 0);
		mpz_setbit(t, 95);
		mpz_add(c, c, t);
		mpz_tdiv_q_2exp(c, c, 96);   /* the rounded value in units of 10^-sc */
		if (neg) mpz_neg(c, c);
		mpq_t want, got;
		mpq_inits(want, got, NULL);
		mpq_set_z(want, c);
		mpz_ui_pow_ui(t, 10, sc);
		mpq_set_den(want, t);
		mpq_canonicalize(want);
		to_mpq(got, &a);
		tc_dec norm;
		tc_dec_init(&norm);
		tc_dec_copy(&norm, &a);
		tc_dec_normalize(&norm);
		bad += !mpq_equal(want, got) || tc_dec_scale(&norm) != tc_dec_scale(&a);   /* printed without trailing zeros */
		tc_dec_clear(&norm);
		mpq_clears(want, got, NULL);
		mpz_clears(c, t, NULL);
	}
	CHECK(bad == 0, "q96: decode = round(c * 10^s / 2^96), ties away from zero, scales 0 to 130");
	tc_dec_clear(&a);
	tc_dec_clear(&q);
}

int main(void)
{
	test_fees();
	test_mint_small();
	test_mint_random();
	test_mint_fixed();
	test_mint_compat_random();
	test_q96();
	CHECK(tc_mem_live == 0, "every tc_mem block freed");
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
