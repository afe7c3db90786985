/*
 * libFuzzer target: the daily mint (core/mint.c) against an exact GMP-rational reference.
 *
 * Input: byte 0 picks the mode (bit 0: EXACT) and whether the users' totals go in as int64
 * totals where they fit (bit 1, the binding's row path) or all as tc_decs; byte 1 picks the scale
 * S (0..40, 10 often); the rest is "SUPPLY|G1|G2|...", the supply and up to 64 users' totals in the
 * decimal grammar (user k's id is "u" followed by k's decimal digits, so that "u10" < "u2").
 *
 * The reference reads every number as an mpq from its string and checks, from
 * ../shared/spec/domain.md and sharing no code with the core:
 *   both:   total = sum of the positive totals; dust = supply - minted; minted = sum of the tokens;
 *   COMPAT: rate = trunc(supply / total) to S places; tokens = trunc(gems * rate) to
 *           min(S, places of gems + places of rate); percentage = trunc(trunc(gems / total) * 100);
 *   EXACT:  tokens in units of 10^-S are floor(q) or floor(q) + 1 for q = supply * gems / total * 10^S,
 *           they add up to floor(supply * 10^S), and whoever got the extra unit has a larger
 *           remainder than whoever did not, or an equal one and a smaller id;
 *           percentage = trunc(100 * gems / total).
 * The day is also run through tc_mint_run() (tc_dec totals): every printed result must be the same.
 * Built twice: with and without unsigned __int128.
 */
#include "check.h"
#include "mint.h"
#include "../tests/core/tc_mem_counting.h"   /* tc_mem_live: the counting allocator the link line brings */

#define MAX_USERS 64
#define MAX_DIGITS 200

typedef struct fuzz_day {
	tc_dec supply;
	size_t n;
	tc_mint_user u[MAX_USERS];
	char id[MAX_USERS][12];
	mpq_t g[MAX_USERS];      /* the totals, exactly */
	uint32_t places[MAX_USERS];
} fuzz_day;

/* d as an exact rational (q initialised). */
static void dec_to_mpq(mpq_t q, const tc_dec *d)
{
	char *s = print_dec(d);
	ref_num r;
	if (!ref_split(s, strlen(s), &r)) {
		REF_FAIL("the core printed [%s], outside the grammar", s);
	}
	ref_to_mpq(q, &r);
	free(s);
}

/* The print of d must be want's value truncated to exactly `places` places. */
static void expect(const tc_dec *d, const mpq_t want, uint32_t places, const char *what, size_t user)
{
	check_invariants(d, what);
	char *got = print_dec(d);
	char *ref = ref_print_trunc(want, places);
	if (strcmp(got, ref) != 0) {
		REF_FAIL("%s (user %zu): expected [%s], got [%s]", what, user, ref, got);
	}
	free(got);
	free(ref);
}

/* The number of digits after the point in the core's print of d (its scale). */
static uint32_t places_of(const tc_dec *d)
{
	char *s = print_dec(d);
	const char *dot = strchr(s, '.');
	uint32_t p = dot ? (uint32_t) strlen(dot + 1) : 0;
	free(s);
	return p;
}

static void same_print(const tc_dec *a, const tc_dec *b, const char *what, size_t user)
{
	char *x = print_dec(a), *y = print_dec(b);
	if (strcmp(x, y) != 0) {
		REF_FAIL("%s (user %zu): int64 totals gave [%s], tc_dec totals [%s]", what, user, x, y);
	}
	free(x);
	free(y);
}

/* The day the binding's way: int64 totals at the day's scale where they fit, tc_decs otherwise. */
static void run_by_steps(fuzz_day *f, tc_mint_mode mode, uint32_t S, uint32_t gscale, bool fixed,
		tc_mint_day *day, tc_dec *tokens, tc_dec *pct)
{
	int64_t c[MAX_USERS];
	bool fits[MAX_USERS];

	tc_mint_begin(day, &f->supply, mode, S, gscale);
	for (size_t i = 0; i < f->n; i++) {
		fits[i] = fixed && gscale <= TC_MINT_FIXED_MAX_SCALE && tc_mint_fixed_value(&f->u[i].gems, gscale, &c[i]);
		if (fits[i]) {
			tc_mint_count_fixed(day, c[i]);
		} else {
			tc_mint_count(day, &f->u[i].gems);
		}
	}
	tc_mint_plan(day);
	if (mode == TC_MINT_EXACT) {
		if (tc_mint_exact_tokens(day, f->u, f->n) != TC_OK) {
			REF_FAIL("tc_mint_exact_tokens ran out of memory");
		}
	}
	for (size_t i = 0; i < f->n; i++) {
		tc_dec g;
		tc_dec_init(&g);
		if (fits[i]) {
			tc_mint_fixed_to_dec(&g, c[i], gscale);
		} else {
			tc_dec_copy(&g, &f->u[i].gems);
			tc_dec_rescale(&g, gscale);   /* every total at the day's scale, as the binding prints them */
		}
		if (tc_dec_sign(&g) > 0) {
			if (mode == TC_MINT_COMPAT) {
				tc_mint_compat_tokens(day, &g, &tokens[i]);
			} else {
				tc_dec_copy(&tokens[i], &f->u[i].tokens);
			}
			tc_mint_user_percentage(day, &g, &pct[i]);
		}
		tc_dec_clear(&g);
	}
	tc_mint_finish(day);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3) {
		return 0;
	}
	tc_mint_mode mode = (data[0] & 1) ? TC_MINT_EXACT : TC_MINT_COMPAT;
	bool fixed = (data[0] & 2) != 0;
	uint32_t S = data[1] % 64 <= 40 ? data[1] % 64 : 10;
	const char *p = (const char *) data + 2, *end = (const char *) data + size;

	static fuzz_day f;   /* large: kept off the stack; reset below */
	f.n = 0;
	tc_dec_init(&f.supply);
	/* SUPPLY|G1|G2|... */
	for (size_t k = 0; p <= end && k <= MAX_USERS; k++) {
		const char *bar = memchr(p, '|', (size_t) (end - p));
		size_t len = (size_t) ((bar ? bar : end) - p);
		ref_num r;
		tc_dec *d = k == 0 ? &f.supply : &f.u[k - 1].gems;
		if (k > 0) {
			tc_mint_user_init(&f.u[k - 1]);
			f.n = k;
		}
		if (len > MAX_DIGITS || !ref_split(p, len, &r) || tc_dec_parse(d, p, len, MAX_DIGITS) != TC_OK) {
			goto done;   /* only numbers in the grammar: the parser has fuzz targets of its own */
		}
		if (k > 0) {
			mpq_init(f.g[k - 1]);
			ref_to_mpq(f.g[k - 1], &r);
			f.places[k - 1] = (uint32_t) r.fl;
			snprintf(f.id[k - 1], sizeof f.id[k - 1], "u%zu", k - 1);
			f.u[k - 1].id = f.id[k - 1];
			f.u[k - 1].id_len = strlen(f.id[k - 1]);
		}
		if (bar == NULL) {
			break;
		}
		p = bar + 1;
	}
	if (tc_dec_sign(&f.supply) < 0) {
		goto done;
	}
	size_t n = f.n;
	uint32_t gscale = 0;
	for (size_t i = 0; i < n; i++) {
		gscale = f.places[i] > gscale ? f.places[i] : gscale;
	}

	tc_mint_day day, run;
	tc_dec tokens[MAX_USERS], pct[MAX_USERS];
	for (size_t i = 0; i < n; i++) {
		tc_dec_init(&tokens[i]);
		tc_dec_init(&pct[i]);
	}
	run_by_steps(&f, mode, S, gscale, fixed, &day, tokens, pct);

	/* ---- the reference ---- */
	mpq_t sup, total, t, u, sum;
	mpz_t p10, units, fl;
	mpq_inits(sup, total, t, u, sum, NULL);
	mpz_inits(p10, units, fl, NULL);
	mpz_ui_pow_ui(p10, 10, S);
	dec_to_mpq(sup, &f.supply);
	size_t paid = 0;
	for (size_t i = 0; i < n; i++) {
		if (mpq_sgn(f.g[i]) > 0) {
			mpq_add(total, total, f.g[i]);
			paid++;
		}
	}
	if (day.paid != paid) {
		REF_FAIL("%zu participants, the reference counts %zu", day.paid, paid);
	}
	dec_to_mpq(t, &day.total);
	if (!mpq_equal(t, total) || (paid > 0 && places_of(&day.total) != gscale)) {
		REF_FAIL("total differs from the sum of the positive totals (or is not at their largest scale)");
	}
	if (paid == 0) {
		if (tc_dec_sign(&day.rate) != 0 || tc_dec_sign(&day.minted) != 0) {
			REF_FAIL("nobody takes part, yet rate or minted is not 0");
		}
	} else {
		mpq_div(t, sup, total);
		dec_to_mpq(u, &day.rate);
		mpq_t r;
		mpq_init(r);
		mpq_set(r, t);
		/* rate: trunc(supply / total) to S places, its value (tc_dec_div's places are decimal.c's to fuzz) */
		char *want = ref_print_trunc(r, S), *got = print_dec(&day.rate);
		ref_num wn;
		ref_split(want, strlen(want), &wn);
		ref_to_mpq(r, &wn);
		if (!mpq_equal(r, u)) {
			REF_FAIL("rate: expected %s, got %s", want, got);
		}
		free(want);
		free(got);
		mpq_clear(r);
	}
	uint32_t rate_places = places_of(&day.rate);

	int extra[MAX_USERS];
	mpq_t rem[MAX_USERS];
	for (size_t i = 0; i < n; i++) {
		mpq_init(rem[i]);
		extra[i] = 0;
		if (mpq_sgn(f.g[i]) <= 0) {
			continue;
		}
		if (mode == TC_MINT_COMPAT) {
			dec_to_mpq(u, &day.rate);
			mpq_mul(t, f.g[i], u);
			uint32_t pl = gscale + rate_places < S ? gscale + rate_places : S;
			expect(&tokens[i], t, pl, "COMPAT tokens", i);
			/* percentage: trunc(trunc(gems / total) * 100), exact after the inner truncation */
			mpq_div(t, f.g[i], total);
			char *share = ref_print_trunc(t, S);
			ref_num sn;
			ref_split(share, strlen(share), &sn);
			ref_to_mpq(t, &sn);
			free(share);
			mpq_set_ui(u, 100, 1);
			mpq_mul(t, t, u);
			dec_to_mpq(u, &pct[i]);
			if (!mpq_equal(t, u)) {
				REF_FAIL("COMPAT percentage of user %zu", i);
			}
		} else {
			/* q = supply * gems / total in units of 10^-S */
			mpq_mul(t, sup, f.g[i]);
			mpq_div(t, t, total);
			mpz_mul(mpq_numref(t), mpq_numref(t), p10);
			mpq_canonicalize(t);
			mpz_fdiv_q(fl, mpq_numref(t), mpq_denref(t));
			mpq_set_z(u, fl);
			mpq_sub(rem[i], t, u);
			dec_to_mpq(u, &tokens[i]);
			mpz_mul(mpq_numref(u), mpq_numref(u), p10);
			mpq_canonicalize(u);
			if (mpz_cmp_ui(mpq_denref(u), 1) != 0 || places_of(&tokens[i]) != S) {
				REF_FAIL("EXACT tokens of user %zu are not whole units at scale %u", i, S);
			}
			mpz_sub(fl, mpq_numref(u), fl);
			if (mpz_cmp_ui(fl, 0) < 0 || mpz_cmp_ui(fl, 1) > 0) {
				REF_FAIL("EXACT tokens of user %zu are not floor(q) or floor(q) + 1", i);
			}
			extra[i] = (int) mpz_get_si(fl);
			mpz_add(units, units, mpq_numref(u));
			/* percentage: trunc(100 * gems / total) */
			mpq_set_ui(u, 100, 1);
			mpq_mul(t, f.g[i], u);
			mpq_div(t, t, total);
			mpz_mul(mpq_numref(t), mpq_numref(t), p10);
			mpq_canonicalize(t);
			dec_to_mpq(u, &pct[i]);
			mpz_mul(mpq_numref(u), mpq_numref(u), p10);
			mpq_canonicalize(u);
			mpz_fdiv_q(fl, mpq_numref(t), mpq_denref(t));
			if (mpz_cmp_ui(mpq_denref(u), 1) != 0 || mpz_cmp(mpq_numref(u), fl) != 0) {
				REF_FAIL("EXACT percentage of user %zu is not trunc(100 * gems / total) at %u places", i, S);
			}
		}
		dec_to_mpq(u, &tokens[i]);
		mpq_add(sum, sum, u);
	}
	if (mode == TC_MINT_EXACT && paid > 0) {
		mpz_mul(fl, mpq_numref(sup), p10);
		mpz_fdiv_q(fl, fl, mpq_denref(sup));
		if (mpz_cmp(units, fl) != 0) {
			REF_FAIL("EXACT tokens do not add up to floor(supply * 10^S)");
		}
		for (size_t i = 0; i < n; i++) {
			for (size_t j = 0; j < n; j++) {
				if (extra[i] == 1 && extra[j] == 0 && mpq_sgn(f.g[j]) > 0) {
					int c = mpq_cmp(rem[i], rem[j]);
					if (c < 0 || (c == 0 && strcmp(f.id[i], f.id[j]) > 0)) {
						REF_FAIL("EXACT: user %zu got the extra unit before user %zu", i, j);
					}
				}
			}
		}
	}
	dec_to_mpq(t, &day.minted);
	if (!mpq_equal(t, sum)) {
		REF_FAIL("minted is not the sum of the tokens");
	}
	mpq_sub(t, sup, t);
	dec_to_mpq(u, &day.dust);
	if (!mpq_equal(t, u)) {
		REF_FAIL("dust is not supply - minted");
	}

	/* ---- the same day through tc_mint_run() (tc_dec totals): the same prints ---- */
	if (tc_mint_run(&f.supply, f.u, n, mode, S, &run) != TC_OK) {
		REF_FAIL("tc_mint_run refused the day");
	}
	same_print(&day.total, &run.total, "total", 0);
	same_print(&day.rate, &run.rate, "rate", 0);
	same_print(&day.minted, &run.minted, "minted", 0);
	same_print(&day.dust, &run.dust, "dust", 0);
	for (size_t i = 0; i < n; i++) {
		if (mpq_sgn(f.g[i]) > 0) {
			same_print(&tokens[i], &f.u[i].tokens, "tokens", i);
		}
	}
	tc_mint_day_clear(&run);

	for (size_t i = 0; i < n; i++) {
		mpq_clear(rem[i]);
		tc_dec_clear(&tokens[i]);
		tc_dec_clear(&pct[i]);
	}
	tc_mint_day_clear(&day);
	mpq_clears(sup, total, t, u, sum, NULL);
	mpz_clears(p10, units, fl, NULL);

done:
	for (size_t i = 0; i < f.n; i++) {
		tc_mint_user_clear(&f.u[i]);
		if (f.u[i].id != NULL) {   /* its mpq was set */
			mpq_clear(f.g[i]);
		}
	}
	tc_dec_clear(&f.supply);
	if (tc_mem_live != 0) {
		REF_FAIL("%ld tc_mem blocks left behind", tc_mem_live);
	}
	return 0;
}
