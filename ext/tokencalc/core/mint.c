/*
 * tokencalc core: the daily mint (see mint.h).
 *
 * COMPAT is one multiplication per participant by the day's rate; a total and a rate that fit
 * machine words take the same steps on unsigned __int128 (tc_dec_mul's result, exactly), and the
 * tokens of those users are summed on 128 bits.
 *
 * EXACT works on integers. With every positive total written as Gu / 10^G (G the largest scale
 * among them), Tot = sum(Gu) and the supply as Sp / 10^P:
 *   supply * gems / total * 10^S = Sp * 10^S * Gu / (10^P * Tot) = N_u / D
 * so a user's truncated share (in units of 10^-S) is N_u / D and its remainder N_u mod D; all
 * remainders share the denominator D and compare as integers. The common case (token amounts,
 * S <= 19) fits unsigned __int128; anything larger takes the same steps with GMP, one user at a
 * time, keeping only the remainders (in tc_mem_alloc()ed limbs) between users.
 */
#include <string.h>

#include "mint.h"
#include "tc_mem.h"
#include "tc_private.h"

/* Largest scale of the percentages on machine integers (10^(S + 2) * 2^64 within 128 bits). */
#define MINT_FIXED_PCT_MAX_SCALE 16

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

/* d = mag / 10^scale, negative when neg and mag != 0: a coefficient in one machine word. */
static void dec_set_u64(tc_dec *d, uint64_t mag, bool neg, uint32_t scale)
{
	/* as tc_dec_parse_short(): any storage stays with d (tc_dec_clear frees it), only the form changes */
	d->is_big = false;
	d->small = mag;
	d->neg = neg && mag != 0;
	d->scale = scale;
}

/* d = (hi * 2^64 + lo) / 10^scale. */
static void dec_set_u128(tc_dec *d, uint64_t lo, uint64_t hi, uint32_t scale)
{
	if (hi == 0) {
		dec_set_u64(d, lo, false, scale);
		return;
	}
	uint64_t limbs[2] = { lo, hi };
	mpz_t z;
	mpz_init(z);   /* a temporary of this call */
	mpz_import(z, 2, -1, sizeof limbs[0], 0, 0, limbs);
	tc_dec_from_mpz(d, z, scale);
	mpz_clear(z);
}

/* ---- running totals on int64 ---- */

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

uint32_t tc_mint_fixed_miss(const tc_dec *v, tc_mint_scales *sc)
{
	if (v->scale > sc->max) {
		sc->max = v->scale;
	}
	return v->scale > sc->fixed && v->scale <= TC_MINT_FIXED_MAX_SCALE ? v->scale : 0;
}

void tc_mint_fixed_to_dec(tc_dec *d, int64_t c, uint32_t scale)
{
	dec_set_u64(d, c < 0 ? (uint64_t) 0 - (uint64_t) c : (uint64_t) c, c < 0, scale);
}

/* ---- per-user steps on machine integers ---- */

/*
 * tokens = trunc(gems * rate) as tc_dec_mul() gives it, on machine integers: the exact product
 * has gems->scale + rate->scale places, truncated to min(S, that). False when a value or the
 * result does not fit (always without __int128).
 */
static bool fixed_tokens(const tc_dec *gems, const tc_dec *rate, uint32_t scale, tc_dec *tokens)
{
#ifdef TC_HAVE_U128
	uint64_t m = (uint64_t) gems->scale + rate->scale;
	if (gems->is_big || gems->neg || rate->is_big || rate->neg || m > 38) {
		return false;
	}
	uint32_t s = scale < m ? scale : (uint32_t) m;
	tc_u128 mag = (tc_u128) gems->small * rate->small;
	if (m > s) {
		uint32_t k = (uint32_t) m - s;
		/* a 64-bit division when the product allows it: the common case, and far cheaper */
		mag = (mag >> 64) == 0 && k <= 19 ? (uint64_t) mag / tc_pow10_u64[k] : mag / pow10_u128(k);
	}
	if ((mag >> 64) != 0) {
		return false;
	}
	dec_set_u64(tokens, (uint64_t) mag, false, s);
	return true;
#else
	(void) gems; (void) rate; (void) scale; (void) tokens;
	return false;
#endif
}

/*
 * The percentage of c in total (same scale, 0 < c <= total) as tc_mint_user_percentage() gives it,
 * on machine integers: tc_dec_div of two values at the same scale is q = trunc(n * 10^S / total)
 * at S places when it does not terminate there, else q with its trailing zeros dropped. COMPAT
 * divides c and multiplies q by 100 (same places); EXACT divides 100 * c. False when it does not fit.
 */
static bool fixed_percentage(uint64_t c, uint64_t total, tc_mint_mode mode, uint32_t scale, tc_dec *pct)
{
#ifdef TC_HAVE_U128
	if (scale > MINT_FIXED_PCT_MAX_SCALE || total == 0 || c == 0 || c > total) {
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
		while (s > 0 && q % 10 == 0) {   /* at most S steps, S <= 16 */
			q /= 10;
			s--;
		}
	}
	dec_set_u64(pct, mode == TC_MINT_COMPAT ? q * 100 : q, false, s);   /* q <= 10^16: no overflow */
	return true;
#else
	(void) c; (void) total; (void) mode; (void) scale; (void) pct;
	return false;
#endif
}

/* ---- the day: plan ---- */

void tc_mint_begin(tc_mint_day *d, const tc_dec *supply, tc_mint_mode mode, uint32_t scale, uint32_t gscale)
{
	d->supply = supply;
	d->mode = mode;
	d->scale = scale;
	d->gscale = gscale;
	tc_dec_init(&d->total);
	tc_dec_init(&d->rate);
	tc_dec_init(&d->minted);
	tc_dec_init(&d->dust);
	d->paid = 0;
	d->tot_lo = d->tot_hi = 0;
	d->mint_lo = d->mint_hi = 0;
	d->mint_scale = 0;
	d->mint_any = false;
}

bool tc_mint_count(tc_mint_day *d, const tc_dec *gems)
{
	TC_ASSERT(gems->scale <= d->gscale);
	if (tc_dec_sign(gems) <= 0) {
		return false;
	}
	tc_dec_add(&d->total, &d->total, gems, TC_SCALE_EXACT);
	d->paid++;
	return true;
}

void tc_mint_plan(tc_mint_day *d)
{
	TC_ASSERT(tc_dec_sign(d->supply) >= 0 && (d->mode == TC_MINT_COMPAT || d->mode == TC_MINT_EXACT));
	if (d->paid == 0) {
		return;   /* total and rate stay 0 */
	}
	if (d->tot_lo != 0 || d->tot_hi != 0) {
		tc_dec t;
		tc_dec_init(&t);
		dec_set_u128(&t, d->tot_lo, d->tot_hi, d->gscale);
		tc_dec_add(&d->total, &d->total, &t, TC_SCALE_EXACT);
		tc_dec_clear(&t);
	}
	tc_dec_rescale(&d->total, d->gscale);
	tc_dec_div(&d->rate, d->supply, &d->total, d->scale);   /* total > 0 */
	/* every participant's tokens have this scale (tc_dec_mul's rule) */
	uint64_t m = (uint64_t) d->gscale + d->rate.scale;
	d->mint_scale = d->scale < m ? d->scale : (uint32_t) m;
}

/* ---- the day: per user ---- */

void tc_mint_compat_tokens(tc_mint_day *d, const tc_dec *gems, tc_dec *tokens)
{
	if (!fixed_tokens(gems, &d->rate, d->scale, tokens)) {
		tc_dec_mul(tokens, gems, &d->rate, d->scale);
	}
	tc_mint_add_minted(d, tokens);
}

void tc_mint_compat_user_fixed(tc_mint_day *d, int64_t c, tc_dec *gems, tc_dec *tokens, tc_dec *pct)
{
	TC_ASSERT(c > 0 && d->mode == TC_MINT_COMPAT);
	dec_set_u64(gems, (uint64_t) c, false, d->gscale);
	tc_mint_compat_tokens(d, gems, tokens);
	tc_mint_user_percentage(d, gems, pct);
}

void tc_mint_user_percentage(const tc_mint_day *d, const tc_dec *gems, tc_dec *pct)
{
	const tc_dec *total = &d->total;
	tc_dec hundred, t;

	if (!total->is_big && !gems->is_big && gems->scale == total->scale
			&& fixed_percentage(gems->small, total->small, d->mode, d->scale, pct)) {
		return;
	}
	tc_dec_init(&hundred);
	tc_dec_init(&t);
	tc_dec_from_i64(&hundred, 100);
	if (d->mode == TC_MINT_COMPAT) {
		tc_dec_div(&t, gems, total, d->scale);   /* total > 0 */
		tc_dec_mul(pct, &t, &hundred, d->scale);
	} else {
		tc_dec_mul(&t, gems, &hundred, TC_SCALE_EXACT);
		tc_dec_div(pct, &t, total, d->scale);
	}
	tc_dec_clear(&hundred);
	tc_dec_clear(&t);
}

/* ---- EXACT: largest remainder ---- */

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

/* One participant in the ranking of remainders. */
typedef struct rank_entry {
	uint64_t rem_lo, rem_hi;   /* machine-integer path (two words: emalloc aligns to 8 bytes only) */
	const mp_limb_t *big_rem;  /* GMP path: rem_limbs limbs, least significant first */
	size_t rem_limbs;
	const char *id;
	size_t id_len;
	size_t part;               /* index among the participants */
	size_t user;               /* index in users[] */
} rank_entry;

/* rank[j] for participant j, users[i]. */
static void rank_set(rank_entry *r, const tc_mint_user *users, size_t i, size_t j)
{
	r->id = users[i].id;
	r->id_len = users[i].id_len;
	r->part = j;
	r->user = i;
}

/* Larger remainder first, then smaller id. */
#ifdef TC_HAVE_U128
static int cmp_rank_u128(const void *pa, const void *pb)
{
	const rank_entry *a = pa, *b = pb;
	if (a->rem_hi != b->rem_hi || a->rem_lo != b->rem_lo) {
		return a->rem_hi > b->rem_hi || (a->rem_hi == b->rem_hi && a->rem_lo > b->rem_lo) ? -1 : 1;
	}
	return cmp_ids(a->id, a->id_len, b->id, b->id_len);
}
#endif

static int cmp_rank_limbs(const void *pa, const void *pb)
{
	const rank_entry *a = pa, *b = pb;
	int c = mpn_cmp(a->big_rem, b->big_rem, (mp_size_t) a->rem_limbs);
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

/* Sorts a[lo..hi) by cmp; heapsort, so n log n whatever the order. */
static void sift_down(rank_entry *a, size_t root, size_t n, rank_cmp cmp)
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && cmp(&a[child], &a[child + 1]) < 0) {
			child++;
		}
		if (cmp(&a[root], &a[child]) >= 0) {
			return;
		}
		swap_rank(&a[root], &a[child]);
	}
}

static void heap_sort(rank_entry *a, size_t n, rank_cmp cmp)
{
	for (size_t i = n / 2; i-- > 0;) {
		sift_down(a, i, n, cmp);
	}
	for (size_t i = n; i-- > 1;) {
		swap_rank(&a[0], &a[i]);
		sift_down(a, 0, i, cmp);
	}
}

/*
 * Rearranges a[0..n) so that a[0..k) are the k first entries in cmp's order (in no particular
 * order among themselves): only those get an extra unit, so a full sort is wasted work.
 * Quickselect with a median-of-three pivot; past a depth budget, heapsort.
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
			heap_sort(a + lo, hi - lo, cmp);
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

/* n items of size bytes from tc_mem_alloc(), or NULL (also when n * size overflows). */
static void *alloc_array(size_t n, size_t size)
{
	if (n > SIZE_MAX / size) {
		return NULL;
	}
	return tc_mem_alloc(n * size);
}

#ifdef TC_HAVE_U128
/*
 * EXACT on machine integers: shares straight into the users' tokens, remainders into rank[0..m).
 * False (no user touched) when a value does not fit; then the GMP path runs instead.
 */
static bool exact_u128(tc_mint_day *d, tc_mint_user *users, size_t n, uint32_t gscale, rank_entry *rank,
		uint64_t *units)
{
	const tc_dec *supply = d->supply;
	uint32_t scale = d->scale;
	tc_u128 k, tot = 0, den, p;
	size_t m = 0;

	if (supply->is_big || scale > 19 || gscale > 19 || supply->scale > 38) {
		return false;
	}
	k = (tc_u128) supply->small * tc_pow10_u64[scale];
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
		tc_u128 gu = (tc_u128) g->small * tc_pow10_u64[gscale - g->scale];
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
	den = p * tot;

	uint64_t supply_units = (uint64_t) (k / p), sum = 0;
	m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!takes_part(&users[i])) {
			continue;
		}
		tc_u128 nu = k * units[m];          /* both < 2^64 */
		units[m] = (uint64_t) (nu / den);   /* <= k / 10^P < 2^64 */
		tc_u128 rem = nu % den;
		rank[m].rem_lo = (uint64_t) rem;
		rank[m].rem_hi = (uint64_t) (rem >> 64);
		rank_set(&rank[m], users, i, m);
		sum += units[m++];                  /* sum <= supply_units */
	}
	TC_ASSERT(sum <= supply_units);
	uint64_t left = supply_units - sum;   /* < m */
	TC_ASSERT(left < m);
	if (left > 0) {
		select_first(rank, m, (size_t) left, cmp_rank_u128);
		for (uint64_t r = 0; r < left; r++) {
			units[rank[r].part]++;   /* a share is below supply_units: no overflow */
		}
	}
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (takes_part(&users[i])) {
			dec_set_u64(&users[i].tokens, units[j++], false, scale);
		}
	}
	dec_set_u64(&d->minted, supply_units, false, scale);
	return true;
}
#endif

/*
 * EXACT with GMP, for values of any size. GMP's memory holds one user's numbers at a time; the
 * remainders, which the ranking needs all at once, are copied into one tc_mem block.
 */
static tc_status exact_gmp(tc_mint_day *d, tc_mint_user *users, size_t n, uint32_t gscale, rank_entry *rank)
{
	size_t m = d->paid, j = 0;
	mpz_t k, den, p, nu, q, sum, units;
	mp_limb_t *rems = NULL;
	size_t dn;
	tc_status status = TC_OK;

	mpz_inits(k, den, p, nu, q, sum, units, NULL);
	tc_dec_get_mpz(k, d->supply);
	mpz_ui_pow_ui(p, 10, d->scale);
	mpz_mul(k, k, p);
	for (size_t i = 0; i < n; i++) {
		if (takes_part(&users[i])) {
			tc_dec_get_mpz(nu, &users[i].gems);
			mpz_ui_pow_ui(p, 10, gscale - users[i].gems.scale);
			mpz_addmul(den, nu, p);   /* Tot */
		}
	}
	mpz_ui_pow_ui(p, 10, d->supply->scale);
	mpz_mul(den, den, p);   /* D = 10^P * Tot */
	mpz_tdiv_q(units, k, p);   /* the supply in units of 10^-S, truncated */
	dn = mpz_size(den);
	if ((rems = alloc_array(m, dn * sizeof *rems)) == NULL) {
		status = TC_ERR_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		if (!takes_part(&users[i])) {
			continue;
		}
		tc_dec_get_mpz(nu, &users[i].gems);
		mpz_ui_pow_ui(p, 10, gscale - users[i].gems.scale);
		mpz_mul(nu, nu, p);
		mpz_mul(nu, nu, k);                      /* N_u */
		mpz_tdiv_qr(q, nu, nu, den);             /* share, remainder (< D: at most dn limbs) */
		TC_ASSERT(mpz_size(nu) <= dn);
		mpz_add(sum, sum, q);
		tc_dec_from_mpz(&users[i].tokens, q, d->scale);
		mp_limb_t *r = rems + j * dn;
		size_t rn = mpz_size(nu);
		for (size_t l = 0; l < dn; l++) {
			r[l] = l < rn ? mpz_getlimbn(nu, (mp_size_t) l) : 0;
		}
		rank[j].big_rem = r;
		rank[j].rem_limbs = dn;
		rank_set(&rank[j], users, i, j);
		j++;
	}
	tc_dec_from_mpz(&d->minted, units, d->scale);
	mpz_sub(q, units, sum);   /* units left over: < m */
	if (mpz_sgn(q) > 0) {
		TC_ASSERT(mpz_cmp_ui(q, m) < 0);
		size_t left = (size_t) mpz_get_ui(q);
		tc_dec unit;
		tc_dec_init(&unit);
		dec_set_u64(&unit, 1, false, d->scale);
		select_first(rank, m, left, cmp_rank_limbs);
		for (size_t r = 0; r < left; r++) {
			tc_dec *t = &users[rank[r].user].tokens;
			tc_dec_add(t, t, &unit, TC_SCALE_EXACT);
		}
		tc_dec_clear(&unit);
	}

done:
	tc_mem_free(rems);
	mpz_clears(k, den, p, nu, q, sum, units, NULL);
	return status;
}

tc_status tc_mint_exact_tokens(tc_mint_day *d, tc_mint_user *users, size_t n)
{
	size_t m = d->paid;
	uint32_t gscale = 0;
	tc_status status = TC_OK;
	rank_entry *rank;

	for (size_t i = 0; i < n; i++) {
		tc_dec_clear(&users[i].tokens);
		if (takes_part(&users[i]) && users[i].gems.scale > gscale) {
			gscale = users[i].gems.scale;
		}
	}
	if (m == 0) {
		return TC_OK;
	}
	if ((rank = alloc_array(m, sizeof *rank)) == NULL) {
		return TC_ERR_NOMEM;
	}
#ifdef TC_HAVE_U128
	uint64_t *units = alloc_array(m, sizeof *units);
	if (units == NULL) {
		tc_mem_free(rank);
		return TC_ERR_NOMEM;
	}
	bool done = exact_u128(d, users, n, gscale, rank, units);
	tc_mem_free(units);
	if (!done)
#endif
	{
		status = exact_gmp(d, users, n, gscale, rank);
	}
	tc_mem_free(rank);
	return status;
}

/* ---- the day: finish ---- */

void tc_mint_finish(tc_mint_day *d)
{
	if (d->mint_any) {
		tc_dec t;
		tc_dec_init(&t);
		dec_set_u128(&t, d->mint_lo, d->mint_hi, d->mint_scale);
		tc_dec_add(&d->minted, &d->minted, &t, TC_SCALE_EXACT);
		tc_dec_clear(&t);
		d->mint_any = false;
		d->mint_lo = d->mint_hi = 0;
	}
	tc_dec_sub(&d->dust, d->supply, &d->minted, TC_SCALE_EXACT);
}

void tc_mint_day_clear(tc_mint_day *d)
{
	tc_dec_clear(&d->total);
	tc_dec_clear(&d->rate);
	tc_dec_clear(&d->minted);
	tc_dec_clear(&d->dust);
	d->paid = 0;
}

tc_status tc_mint_run(const tc_dec *supply, tc_mint_user *users, size_t n, tc_mint_mode mode,
		uint32_t scale, tc_mint_day *d)
{
	uint32_t gscale = 0;
	tc_status status = TC_OK;

	if (mode != TC_MINT_COMPAT && mode != TC_MINT_EXACT) {
		return TC_ERR_MODE;
	}
	if (tc_dec_sign(supply) < 0) {
		return TC_ERR_NEGATIVE;
	}
	for (size_t i = 0; i < n; i++) {
		gscale = users[i].gems.scale > gscale ? users[i].gems.scale : gscale;
	}
	tc_mint_begin(d, supply, mode, scale, gscale);
	for (size_t i = 0; i < n; i++) {
		tc_dec_rescale(&users[i].gems, gscale);
		tc_mint_count(d, &users[i].gems);
	}
	tc_mint_plan(d);
	if (mode == TC_MINT_EXACT) {
		status = tc_mint_exact_tokens(d, users, n);
	} else {
		for (size_t i = 0; i < n; i++) {
			tc_dec_clear(&users[i].tokens);
			if (takes_part(&users[i])) {
				tc_mint_compat_tokens(d, &users[i].gems, &users[i].tokens);
			}
		}
	}
	tc_mint_finish(d);
	return status;
}
