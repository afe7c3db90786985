/*
 * tokencalc core: the daily mint (see mint.h).
 *
 * EXACT mode works on integers. With every positive total written as Gu / 10^G (G the largest
 * scale among them), Tot = sum(Gu) and the supply as Sp / 10^P:
 *   supply * gems / total * 10^S = Sp * 10^S * Gu / (10^P * Tot) = N_u / D
 * so a user's truncated share (in units of 10^-S) is N_u / D and its remainder N_u mod D; all
 * remainders share the denominator D and compare as integers. The common case (token amounts,
 * S <= 19) fits unsigned __int128; anything larger takes the same steps on GMP.
 */
#include <stdlib.h>
#include <string.h>

#include "mint.h"

#if defined(__SIZEOF_INT128__) && !defined(TC_NO_INT128)
# define TC_HAVE_U128 1
typedef unsigned __int128 tc_u128;
#endif

void tc_mint_user_init(tc_mint_user *u)
{
	tc_dec_init(&u->gems);
	tc_dec_init(&u->tokens);
	u->id = NULL;
	u->id_len = 0;
}

void tc_mint_user_clear(tc_mint_user *u)
{
	tc_dec_clear(&u->gems);
	tc_dec_clear(&u->tokens);
}

void tc_mint_summary_init(tc_mint_summary *s)
{
	tc_dec_init(&s->total);
	tc_dec_init(&s->rate);
	tc_dec_init(&s->minted);
	tc_dec_init(&s->dust);
	s->paid = 0;
}

void tc_mint_summary_clear(tc_mint_summary *s)
{
	tc_dec_clear(&s->total);
	tc_dec_clear(&s->rate);
	tc_dec_clear(&s->minted);
	tc_dec_clear(&s->dust);
	s->paid = 0;
}

static bool takes_part(const tc_mint_user *u)
{
	return tc_dec_sign(&u->gems) > 0;
}

/* Byte-wise order of two ids, a prefix before any longer id. */
static int cmp_ids(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0) {
		return c;
	}
	return (alen > blen) - (alen < blen);
}

/* ---- fixed-point running totals ---- */

const int64_t tc_mint_pow10_i64[TC_MINT_FIXED_MAX_SCALE + 1] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
	1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

/* INT64_MAX / 10^k */
const int64_t tc_mint_pow10_limit[TC_MINT_FIXED_MAX_SCALE + 1] = {
	INT64_MAX, INT64_MAX / 10LL, INT64_MAX / 100LL, INT64_MAX / 1000LL, INT64_MAX / 10000LL,
	INT64_MAX / 100000LL, INT64_MAX / 1000000LL, INT64_MAX / 10000000LL, INT64_MAX / 100000000LL,
	INT64_MAX / 1000000000LL, INT64_MAX / 10000000000LL, INT64_MAX / 100000000000LL,
	INT64_MAX / 1000000000000LL, INT64_MAX / 10000000000000LL, INT64_MAX / 100000000000000LL,
	INT64_MAX / 1000000000000000LL, INT64_MAX / 10000000000000000LL,
	INT64_MAX / 100000000000000000LL, INT64_MAX / 1000000000000000000LL
};

bool tc_mint_fixed_rescale(int64_t *c, uint32_t k)
{
	if (k > TC_MINT_FIXED_MAX_SCALE) {
		return *c == 0;
	}
	int64_t lim = tc_mint_pow10_limit[k];
	if (*c > lim || *c < -lim) {
		return false;
	}
	*c *= tc_mint_pow10_i64[k];
	return true;
}

bool tc_mint_fixed_add(int64_t *acc, int64_t v)
{
	if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v)) {
		return false;
	}
	*acc += v;
	return true;
}

void tc_mint_fixed_to_dec(tc_dec *d, int64_t c, uint32_t scale)
{
	tc_dec_from_i64(d, c);
	d->scale = scale;   /* same coefficient, its scale */
}

/* ---- per-user steps on machine integers ---- */

#ifdef TC_HAVE_U128
static const uint64_t pow10_u64[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
	100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
	10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL
};

/* 10^k for k <= 38. */
static tc_u128 pow10_u128(uint32_t k)
{
	return k <= 19 ? pow10_u64[k] : (tc_u128) pow10_u64[19] * pow10_u64[k - 19];
}
#endif

bool tc_mint_fixed_tokens(uint64_t c, uint32_t cscale, const tc_dec *rate, uint32_t scale,
		uint64_t *out, uint32_t *out_scale)
{
#ifdef TC_HAVE_U128
	/* tc_dec_mul: the exact product has cscale + rate->scale places; truncate to s of them. */
	uint64_t m = (uint64_t) cscale + rate->scale;
	if (rate->is_big || rate->neg || m > 38) {
		return false;
	}
	uint32_t s = scale < m ? scale : (uint32_t) m;
	tc_u128 mag = (tc_u128) c * rate->small;
	if (m > s) {
		uint32_t k = (uint32_t) m - s;
		/* a 64-bit division when the product allows it: the common case, and far cheaper */
		mag = (mag >> 64) == 0 && k <= 19 ? (uint64_t) mag / pow10_u64[k] : mag / pow10_u128(k);
	}
	if ((mag >> 64) != 0) {
		return false;
	}
	*out = (uint64_t) mag;
	*out_scale = s;
	return true;
#else
	(void) c; (void) cscale; (void) rate; (void) scale; (void) out; (void) out_scale;
	return false;
#endif
}

bool tc_mint_fixed_percentage(uint64_t c, uint64_t total, tc_mint_mode mode, uint32_t scale,
		uint64_t *out, uint32_t *out_scale)
{
#ifdef TC_HAVE_U128
	/*
	 * tc_dec_div of two values at the same scale: q = trunc(n * 10^scale / total) at `scale`
	 * places when it does not terminate there, else with its trailing zeros dropped. COMPAT
	 * divides c and multiplies q by 100 (same places); EXACT divides 100 * c.
	 */
	if (scale > TC_MINT_FIXED_PCT_MAX_SCALE || total == 0 || c == 0 || c > total) {
		return false;
	}
	uint32_t k = mode == TC_MINT_COMPAT ? scale : scale + 2;
	tc_u128 n = (tc_u128) c * pow10_u128(k);   /* < 2^64 * 10^18 */
	uint64_t q, r;
	uint32_t s = scale;
	if ((n >> 64) == 0) {   /* the common case: one 64-bit division */
		q = (uint64_t) n / total;
		r = (uint64_t) n - q * total;
	} else {
		q = (uint64_t) (n / total);   /* <= 10^(scale + 2) <= 10^18 */
		r = (uint64_t) (n - (tc_u128) q * total);
	}
	if (r == 0) {
		while (s > 0 && q % 10 == 0) {
			q /= 10;
			s--;
		}
	}
	*out = mode == TC_MINT_COMPAT ? q * 100 : q;   /* q <= 10^16: no overflow */
	*out_scale = s;
	return true;
#else
	(void) c; (void) total; (void) mode; (void) scale; (void) out; (void) out_scale;
	return false;
#endif
}

/* ---- COMPAT: today's backend, step by step ---- */

static void run_compat(tc_mint_user *users, size_t n, uint32_t scale, tc_mint_summary *out)
{
	for (size_t i = 0; i < n; i++) {
		tc_mint_user *u = &users[i];
		if (takes_part(u)) {
			tc_dec_mul(&u->tokens, &u->gems, &out->rate, scale);
			tc_dec_add(&out->minted, &out->minted, &u->tokens, TC_SCALE_EXACT);
		}
	}
}

void tc_mint_percentage(tc_dec *pct, const tc_dec *gems, const tc_dec *total, tc_mint_mode mode,
		uint32_t scale)
{
	tc_dec hundred, t;

	tc_dec_init(&hundred);
	tc_dec_init(&t);
	tc_dec_from_i64(&hundred, 100);
	if (mode == TC_MINT_COMPAT) {
		tc_dec_div(&t, gems, total, scale);   /* total > 0 */
		tc_dec_mul(pct, &t, &hundred, scale);
	} else {
		tc_dec_mul(&t, gems, &hundred, TC_SCALE_EXACT);
		tc_dec_div(pct, &t, total, scale);
	}
	tc_dec_clear(&hundred);
	tc_dec_clear(&t);
}

/* ---- EXACT: largest remainder ---- */

/* One participant in the ranking of remainders. */
typedef struct rank_entry {
#ifdef TC_HAVE_U128
	tc_u128 rem;           /* fast path */
#endif
	mpz_srcptr big_rem;    /* GMP path */
	const char *id;
	size_t id_len;
	size_t part;           /* index among the participants */
} rank_entry;

/* Larger remainder first, then smaller id. */
#ifdef TC_HAVE_U128
static int cmp_rank_u128(const void *pa, const void *pb)
{
	const rank_entry *a = pa, *b = pb;
	if (a->rem != b->rem) {
		return a->rem > b->rem ? -1 : 1;
	}
	return cmp_ids(a->id, a->id_len, b->id, b->id_len);
}
#endif

static int cmp_rank_mpz(const void *pa, const void *pb)
{
	const rank_entry *a = pa, *b = pb;
	int c = mpz_cmp(a->big_rem, b->big_rem);
	if (c != 0) {
		return c > 0 ? -1 : 1;
	}
	return cmp_ids(a->id, a->id_len, b->id, b->id_len);
}

typedef int (*rank_cmp)(const void *, const void *);

static void swap_rank(rank_entry *a, rank_entry *b)
{
	rank_entry t = *a;
	*a = *b;
	*b = t;
}

/*
 * Rearranges a[0..n) so that a[0..k) are the k first entries in cmp's order (in no particular
 * order among themselves): only those get an extra unit, so a full sort is wasted work.
 * Quickselect with a median-of-three pivot; past a depth budget it falls back to qsort.
 */
static void select_first(rank_entry *a, size_t n, size_t k, rank_cmp cmp)
{
	size_t lo = 0, hi = n;
	unsigned budget = 2;

	for (size_t m = n; m > 1; m >>= 1) {
		budget += 2;
	}
	while (hi - lo > 16) {
		if (budget-- == 0) {
			qsort(a + lo, hi - lo, sizeof *a, cmp);
			return;
		}
		size_t mid = lo + (hi - lo) / 2, last = hi - 1;
		/* median of a[lo], a[mid], a[last] into a[last] as the pivot */
		if (cmp(&a[mid], &a[lo]) < 0) swap_rank(&a[mid], &a[lo]);
		if (cmp(&a[last], &a[lo]) < 0) swap_rank(&a[last], &a[lo]);
		if (cmp(&a[mid], &a[last]) < 0) swap_rank(&a[mid], &a[last]);
		size_t p = lo;
		for (size_t j = lo; j < last; j++) {
			if (cmp(&a[j], &a[last]) < 0) {
				swap_rank(&a[p++], &a[j]);
			}
		}
		swap_rank(&a[p], &a[last]);
		/* a[lo..p) come before the pivot a[p], a(p..hi) after it */
		if (p == k || p + 1 == k) {
			return;
		}
		if (k < p) {
			hi = p;
		} else {
			lo = p + 1;
		}
	}
	/* insertion sort of what is left */
	for (size_t i = lo + 1; i < hi; i++) {
		for (size_t j = i; j > lo && cmp(&a[j], &a[j - 1]) < 0; j--) {
			swap_rank(&a[j], &a[j - 1]);
		}
	}
}

#ifdef TC_HAVE_U128
/* d = v / 10^scale, v >= 0. */
static void dec_set_u64(tc_dec *d, uint64_t v, uint32_t scale)
{
	if (v <= (uint64_t) INT64_MAX) {
		tc_dec_from_i64(d, (int64_t) v);
		d->scale = scale;   /* the coefficient is v: only its scale changes */
		return;
	}
	mpz_t z;
	mpz_init(z);
	mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
	tc_dec_from_mpz(d, z, scale);
	mpz_clear(z);
}

/*
 * The shares (units[0..m)) and remainders (rank[0..m)) on machine integers. Returns false when
 * a value does not fit; then the GMP path runs instead.
 */
static bool exact_units_u128(const tc_dec *supply, const tc_mint_user *users, size_t n,
		uint32_t scale, uint32_t gscale, rank_entry *rank, uint64_t *units, uint64_t *supply_units)
{
	tc_u128 k, tot = 0, d, p;
	size_t m = 0;

	if (supply->is_big || scale > 19 || gscale > 19 || supply->scale > 38) {
		return false;
	}
	k = (tc_u128) supply->small * pow10_u64[scale];
	if ((k >> 64) != 0) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const tc_dec *g = &users[i].gems;
		if (!takes_part(&users[i])) {
			continue;
		}
		if (g->is_big) {
			return false;
		}
		tc_u128 gu = (tc_u128) g->small * pow10_u64[gscale - g->scale];
		if ((gu >> 64) != 0) {
			return false;
		}
		units[m++] = (uint64_t) gu;   /* Gu for now; the share below */
		tot += gu;                    /* < n * 2^64: no overflow */
	}
	p = pow10_u128(supply->scale);
	if (tot > ~(tc_u128) 0 / p) {
		return false;
	}
	d = p * tot;

	m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!takes_part(&users[i])) {
			continue;
		}
		tc_u128 nu = k * units[m];          /* both < 2^64 */
		units[m] = (uint64_t) (nu / d);     /* <= k / 10^P < 2^64 */
		rank[m].rem = nu % d;
		rank[m].big_rem = NULL;
		rank[m].id = users[i].id;
		rank[m].id_len = users[i].id_len;
		rank[m].part = m;
		m++;
	}
	*supply_units = (uint64_t) (k / p);
	return true;
}
#endif

/* The same on GMP: shares[0..m) and rems[0..m) (initialised) receive the shares and remainders. */
static void exact_units_mpz(const tc_dec *supply, const tc_mint_user *users, size_t n,
		uint32_t scale, uint32_t gscale, rank_entry *rank, mpz_t *shares, mpz_t *rems,
		mpz_t supply_units)
{
	mpz_t k, d, p;
	size_t m = 0;

	mpz_inits(k, d, p, NULL);
	tc_dec_get_mpz(k, supply);
	mpz_ui_pow_ui(p, 10, scale);
	mpz_mul(k, k, p);
	for (size_t i = 0; i < n; i++) {
		if (!takes_part(&users[i])) {
			continue;
		}
		tc_dec_get_mpz(shares[m], &users[i].gems);
		mpz_ui_pow_ui(p, 10, gscale - users[i].gems.scale);
		mpz_mul(shares[m], shares[m], p);   /* Gu for now */
		mpz_add(d, d, shares[m]);
		m++;
	}
	mpz_ui_pow_ui(p, 10, supply->scale);
	mpz_mul(d, d, p);
	mpz_tdiv_q(supply_units, k, p);

	for (size_t j = 0; j < m; j++) {
		mpz_mul(shares[j], shares[j], k);
		mpz_tdiv_qr(shares[j], rems[j], shares[j], d);
	}
	m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!takes_part(&users[i])) {
			continue;
		}
		rank[m].big_rem = rems[m];
		rank[m].id = users[i].id;
		rank[m].id_len = users[i].id_len;
		rank[m].part = m;
		m++;
	}
	mpz_clears(k, d, p, NULL);
}

#ifdef TC_HAVE_U128
/* EXACT on machine integers; false (nothing written) when the values do not fit. */
static bool run_exact_u128(const tc_dec *supply, tc_mint_user *users, size_t n, uint32_t scale,
		uint32_t gscale, rank_entry *rank, uint64_t *units, tc_mint_summary *out)
{
	size_t m = out->paid;
	uint64_t supply_units, sum = 0, left;

	if (!exact_units_u128(supply, users, n, scale, gscale, rank, units, &supply_units)) {
		return false;
	}
	for (size_t j = 0; j < m; j++) {
		sum += units[j];   /* sum <= supply_units */
	}
	left = supply_units - sum;   /* < m */
	if (left > 0) {
		select_first(rank, m, (size_t) left, cmp_rank_u128);
		for (uint64_t r = 0; r < left; r++) {
			units[rank[r].part]++;   /* a share is below supply_units: no overflow */
		}
	}
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (takes_part(&users[i])) {
			dec_set_u64(&users[i].tokens, units[j++], scale);
		}
	}
	dec_set_u64(&out->minted, supply_units, scale);
	return true;
}
#endif

/* EXACT on GMP, for values of any size. */
static tc_status run_exact_mpz(const tc_dec *supply, tc_mint_user *users, size_t n, uint32_t scale,
		uint32_t gscale, rank_entry *rank, tc_mint_summary *out)
{
	size_t m = out->paid;
	mpz_t *shares = malloc(m * sizeof *shares), *rems = malloc(m * sizeof *rems);
	mpz_t supply_units, left;

	if (shares == NULL || rems == NULL) {
		free(shares);
		free(rems);
		return TC_ERR_RANGE;
	}
	for (size_t j = 0; j < m; j++) {
		mpz_init(shares[j]);
		mpz_init(rems[j]);
	}
	mpz_inits(supply_units, left, NULL);
	exact_units_mpz(supply, users, n, scale, gscale, rank, shares, rems, supply_units);
	mpz_set(left, supply_units);
	for (size_t j = 0; j < m; j++) {
		mpz_sub(left, left, shares[j]);
	}
	if (mpz_sgn(left) > 0) {
		size_t l = (size_t) mpz_get_ui(left);   /* < m */
		select_first(rank, m, l, cmp_rank_mpz);
		for (size_t r = 0; r < l; r++) {
			mpz_add_ui(shares[rank[r].part], shares[rank[r].part], 1);
		}
	}
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (takes_part(&users[i])) {
			tc_dec_from_mpz(&users[i].tokens, shares[j++], scale);
		}
	}
	tc_dec_from_mpz(&out->minted, supply_units, scale);
	for (size_t k = 0; k < m; k++) {
		mpz_clear(shares[k]);
		mpz_clear(rems[k]);
	}
	mpz_clears(supply_units, left, NULL);
	free(shares);
	free(rems);
	return TC_OK;
}

static tc_status run_exact(const tc_dec *supply, tc_mint_user *users, size_t n, uint32_t scale,
		tc_mint_summary *out)
{
	size_t m = out->paid;
	uint32_t gscale = 0;
	tc_status status = TC_OK;
	rank_entry *rank = malloc(m * sizeof *rank);

	if (rank == NULL) {
		return TC_ERR_RANGE;
	}
	for (size_t i = 0; i < n; i++) {
		if (takes_part(&users[i]) && users[i].gems.scale > gscale) {
			gscale = users[i].gems.scale;
		}
	}
#ifdef TC_HAVE_U128
	uint64_t *units = malloc(m * sizeof *units);
	bool done = units != NULL && run_exact_u128(supply, users, n, scale, gscale, rank, units, out);
	free(units);
	if (!done)
#endif
	{
		status = run_exact_mpz(supply, users, n, scale, gscale, rank, out);
	}
	free(rank);
	return status;
}

tc_status tc_mint_run(const tc_dec *supply, tc_mint_user *users, size_t n, tc_mint_mode mode,
		uint32_t scale, tc_mint_summary *out)
{
	tc_status status = TC_OK;

	if (mode != TC_MINT_COMPAT && mode != TC_MINT_EXACT) {
		return TC_ERR_RANGE;
	}
	if (tc_dec_sign(supply) < 0) {
		return TC_ERR_NEGATIVE;
	}

	tc_mint_summary_clear(out);
	for (size_t i = 0; i < n; i++) {
		tc_dec_clear(&users[i].tokens);
		if (takes_part(&users[i])) {
			tc_dec_add(&out->total, &out->total, &users[i].gems, TC_SCALE_EXACT);
			out->paid++;
		}
	}

	if (out->paid > 0) {
		tc_dec_div(&out->rate, supply, &out->total, scale);   /* total > 0 */
		status = mode == TC_MINT_COMPAT
			? (run_compat(users, n, scale, out), TC_OK)
			: run_exact(supply, users, n, scale, out);
	}
	tc_dec_sub(&out->dust, supply, &out->minted, TC_SCALE_EXACT);
	return status;
}
