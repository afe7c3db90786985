/*
 * tokencalc core: the daily mint (see ../shared/spec/domain.md, "Daily mint").
 *
 * A fixed supply is shared among users in proportion to their gems. The caller sums each user's
 * rows (exactly) first; tc_mint_run() then does all the per-user arithmetic on those totals.
 */
#ifndef TC_MINT_H
#define TC_MINT_H

#include "decimal.h"

/* Modes of tc_mint (the values of TOKENCALC_MINT_COMPAT / TOKENCALC_MINT_EXACT). */
typedef enum tc_mint_mode {
	TC_MINT_COMPAT = 0,  /* today's backend: rate = trunc(supply / total), tokens = trunc(gems * rate) */
	TC_MINT_EXACT = 1    /* largest remainder: the tokens add up to the supply exactly */
} tc_mint_mode;

/* A flag the binding combines with a mode (TOKENCALC_MINT_ROWS): the input is [userId, gems] rows. */
#define TC_MINT_ROWS 0x100

/* One user of a mint. */
typedef struct tc_mint_user {
	tc_dec gems;          /* in: the user's total; <= 0 means the user takes no part */
	tc_dec tokens;        /* out: the user's tokens (0 for a user who takes no part) */
	const char *id;       /* in, EXACT only: the id's string form; equal remainders go to the */
	size_t id_len;        /*   byte-wise smaller id (a prefix first) */
} tc_mint_user;

/* Everything of a mint that is not per user. */
typedef struct tc_mint_summary {
	tc_dec total;    /* sum of the positive totals */
	tc_dec rate;     /* trunc(supply / total) in both modes; 0 when total is 0 */
	tc_dec minted;   /* sum of the tokens */
	tc_dec dust;     /* supply - minted, exact */
	size_t paid;     /* how many users take part (total > 0) */
} tc_mint_summary;

/*
 * Fixed-point running totals: a user's rows summed as an int64 coefficient at a common scale,
 * so that a day of rows is summed without touching a tc_dec per row. Each returns false,
 * leaving its output alone, when the value does not fit; the caller then sums with tc_dec.
 */
#define TC_MINT_FIXED_MAX_SCALE 18
/* 10^k, and the largest int64 magnitude that 10^k may multiply, for k <= TC_MINT_FIXED_MAX_SCALE. */
extern const int64_t tc_mint_pow10_i64[TC_MINT_FIXED_MAX_SCALE + 1];
extern const int64_t tc_mint_pow10_limit[TC_MINT_FIXED_MAX_SCALE + 1];
/* *out = v / 10^scale rescaled to `scale` places (v->scale <= scale <= TC_MINT_FIXED_MAX_SCALE). */
static inline bool tc_mint_fixed_from_dec(const tc_dec *v, uint32_t scale, int64_t *out)
{
	/* inline: a day of rows calls it once per row */
	if (v->is_big || v->scale > scale || scale > TC_MINT_FIXED_MAX_SCALE
			|| v->small > (uint64_t) tc_mint_pow10_limit[scale - v->scale]) {
		return false;
	}
	int64_t c = (int64_t) v->small * tc_mint_pow10_i64[scale - v->scale];
	*out = v->neg ? -c : c;
	return true;
}
/* *c *= 10^k. */
bool tc_mint_fixed_rescale(int64_t *c, uint32_t k);
/* *acc += v. */
bool tc_mint_fixed_add(int64_t *acc, int64_t v);
/* d = c / 10^scale. */
void tc_mint_fixed_to_dec(tc_dec *d, int64_t c, uint32_t scale);

/*
 * The per-user steps of a mint on machine integers, for a total c / 10^cscale (c > 0) whose
 * printed form needs no tc_dec. Each gives exactly what the tc_dec steps of tc_mint_run() and
 * tc_mint_percentage() give, as *out / 10^*out_scale, or returns false (nothing written) when
 * the result or a step does not fit (always false without __int128): the caller then takes
 * the tc_dec steps.
 *   tokens:     COMPAT trunc(c / 10^cscale * rate) to min(scale, cscale + rate->scale) places.
 *   percentage: of c in total (both at the same scale, 0 < c <= total), as tc_mint_percentage();
 *               scale <= TC_MINT_FIXED_PCT_MAX_SCALE.
 */
#define TC_MINT_FIXED_PCT_MAX_SCALE 16
bool tc_mint_fixed_tokens(uint64_t c, uint32_t cscale, const tc_dec *rate, uint32_t scale,
		uint64_t *out, uint32_t *out_scale);
bool tc_mint_fixed_percentage(uint64_t c, uint64_t total, tc_mint_mode mode, uint32_t scale,
		uint64_t *out, uint32_t *out_scale);

/* tc_dec_init() on every tc_dec of u (id left NULL). */
void tc_mint_user_init(tc_mint_user *u);
/* tc_dec_clear() on every tc_dec of u. */
void tc_mint_user_clear(tc_mint_user *u);
void tc_mint_summary_init(tc_mint_summary *s);
void tc_mint_summary_clear(tc_mint_summary *s);

/*
 * Shares supply among users[0..n) at scale S (truncating toward zero to S places) and fills
 * every user's tokens and the summary (all initialised by the caller).
 *   COMPAT: rate = trunc(supply / total); tokens = trunc(gems * rate).
 *   EXACT:  tokens = trunc(supply * gems / total), plus one unit of 10^-S for each of the users
 *           with the largest remainders (ties: smaller id) until the tokens add up to supply
 *           truncated to S places; the result does not depend on the order of users.
 * TC_ERR_NEGATIVE when supply < 0, TC_ERR_RANGE for an unknown mode (nothing written);
 * TC_ERR_RANGE too when a working array cannot be allocated.
 */
tc_status tc_mint_run(const tc_dec *supply, tc_mint_user *users, size_t n, tc_mint_mode mode,
		uint32_t scale, tc_mint_summary *out);

/*
 * pct = a participant's share of total (> 0) in percent, at scale S:
 *   COMPAT: trunc(trunc(gems / total) * 100);  EXACT: trunc(100 * gems / total).
 * Computed on demand, while the caller writes its results, rather than stored per user.
 */
void tc_mint_percentage(tc_dec *pct, const tc_dec *gems, const tc_dec *total, tc_mint_mode mode,
		uint32_t scale);

#endif
