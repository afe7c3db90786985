/*
 * tokencalc core: the daily mint (see ../shared/spec/domain.md, "Daily mint").
 *
 * A fixed supply is shared among users in proportion to their gems. A caller that reads rows
 * sums each user's rows first (tc_mint_fixed_value() and friends keep those sums on int64
 * where they fit); then one day goes through three steps, each mode's arithmetic existing
 * only here:
 *   plan:     tc_mint_begin(), tc_mint_count() for every user's total, tc_mint_plan();
 *   per user: COMPAT tc_mint_compat_tokens() one user at a time, EXACT tc_mint_exact_tokens()
 *             over all of them (largest remainders need the whole day), and
 *             tc_mint_user_percentage() for each participant;
 *   finish:   tc_mint_finish() (minted and dust), tc_mint_day_clear().
 * tc_mint_run() does all of it over an array of users.
 *
 * Memory: everything the day keeps is in tc_decs or in tc_mem_alloc()ed arrays; GMP's own
 * allocator is used only for temporaries inside one call.
 */
#ifndef TC_MINT_H
#define TC_MINT_H

#include "decimal.h"

/* The per-row steps below are inlined into the caller's row loop, where a day spends its time. */
#if defined(__GNUC__) || defined(__clang__)
# define TC_MINT_INLINE static inline __attribute__((always_inline))
#else
# define TC_MINT_INLINE static inline
#endif

/* Modes of a mint (the values of TOKENCALC_MINT_COMPAT / TOKENCALC_MINT_EXACT). */
typedef enum tc_mint_mode {
	TC_MINT_COMPAT = 0,  /* today's backend: rate = trunc(supply / total), tokens = trunc(gems * rate) */
	TC_MINT_EXACT = 1    /* largest remainder: the tokens add up to the supply exactly */
} tc_mint_mode;

/* One user of a mint, for tc_mint_exact_tokens() and tc_mint_run(). */
typedef struct tc_mint_user {
	tc_dec gems;          /* in: the user's total; <= 0 means the user takes no part */
	tc_dec tokens;        /* out: the user's tokens (0 for a user who takes no part) */
	const char *id;       /* in, EXACT only: the id's string form; equal remainders go to the */
	size_t id_len;        /*   byte-wise smaller id (a prefix first) */
} tc_mint_user;

/* tc_dec_init() on every tc_dec of u (id left NULL). */
void tc_mint_user_init(tc_mint_user *u);
/* tc_dec_clear() on every tc_dec of u. */
void tc_mint_user_clear(tc_mint_user *u);

/* ---- running totals on int64 ---- */

/*
 * A user's rows summed as an int64 coefficient c at a scale shared by the whole day, so that a
 * day of rows is summed with one machine addition per row; a total that does not fit becomes a
 * tc_dec for good. Scales up to TC_MINT_FIXED_MAX_SCALE.
 */
#define TC_MINT_FIXED_MAX_SCALE 18
/* 10^k, and the largest int64 magnitude that 10^k may multiply, for k <= TC_MINT_FIXED_MAX_SCALE. */
extern const int64_t tc_mint_pow10_i64[TC_MINT_FIXED_MAX_SCALE + 1];
extern const int64_t tc_mint_pow10_limit[TC_MINT_FIXED_MAX_SCALE + 1];

/* The day's scales while rows are read. */
typedef struct tc_mint_scales {
	uint32_t fixed;   /* scale of every int64 total (<= TC_MINT_FIXED_MAX_SCALE) */
	uint32_t max;     /* the largest scale of any value: every total is printed at it */
} tc_mint_scales;

/*
 * Reads one gems string into v: the inline token-sized path for len <= short_max, else
 * tc_dec_parse(). short_max = min(max_digits, TC_DEC_SHORT_LEN_19), worked out once per call.
 */
TC_MINT_INLINE tc_status tc_mint_parse(tc_dec *v, const char *s, size_t len, size_t short_max, size_t max_digits)
{
	if (len <= short_max && tc_dec_parse_short_as(v, s, len, false) == TC_OK) {
		return TC_OK;
	}
	return tc_dec_parse(v, s, len, max_digits);
}

/*
 * *c = v at scale `fixed` (<= TC_MINT_FIXED_MAX_SCALE, the caller's to keep) when it fits an int64
 * there (true); else false: see tc_mint_fixed_miss().
 */
TC_MINT_INLINE bool tc_mint_fixed_value(const tc_dec *v, uint32_t fixed, int64_t *c)
{
	if (v->is_big || v->scale > fixed) {
		return false;
	}
	uint32_t k = fixed - v->scale;
	/* both computed, no branch: *c is the caller's only when it fits */
	uint64_t m = v->small * (uint64_t) tc_mint_pow10_i64[k];   /* unsigned: wraps, never undefined */
	*c = (int64_t) (v->neg ? (uint64_t) 0 - m : m);
	return v->small <= (uint64_t) tc_mint_pow10_limit[k];
}

/*
 * For a value tc_mint_fixed_value() did not take: raises sc->max to its scale, and returns the
 * scale the int64 totals should move to before it is tried again (the caller rescales every
 * total with tc_mint_fixed_rescale() and sets sc->fixed), or 0: then it is added as a tc_dec.
 */
uint32_t tc_mint_fixed_miss(const tc_dec *v, tc_mint_scales *sc);

/* *acc += v, or false (*acc unchanged) when that overflows. */
TC_MINT_INLINE bool tc_mint_fixed_add(int64_t *acc, int64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
	int64_t r;
	if (__builtin_add_overflow(*acc, v, &r)) {
		return false;
	}
	*acc = r;
	return true;
#else
	if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v)) {
		return false;
	}
	*acc += v;
	return true;
#endif
}

/* *c *= 10^k, or false (*c unchanged) when that overflows. */
bool tc_mint_fixed_rescale(int64_t *c, uint32_t k);
/* d = c / 10^scale. */
void tc_mint_fixed_to_dec(tc_dec *d, int64_t c, uint32_t scale);

/* ---- one day: plan, per user, finish ---- */

/* A day of the mint: its settings, its summary and the machine-integer sums behind them. */
typedef struct tc_mint_day {
	const tc_dec *supply;   /* >= 0, outlives the day */
	tc_mint_mode mode;
	uint32_t scale;         /* S: every result is truncated to it (read once per call by the caller) */
	uint32_t gscale;        /* the scale every total is given at (the largest one of the day) */
	/* the summary: valid after tc_mint_plan() (total, rate, paid) and tc_mint_finish() (minted, dust) */
	tc_dec total;           /* sum of the positive totals, at gscale (0 when nobody takes part) */
	tc_dec rate;            /* trunc(supply / total) in both modes; 0 when total is 0 */
	tc_dec minted;          /* sum of the tokens */
	tc_dec dust;            /* supply - minted, exact */
	size_t paid;            /* how many users take part (total > 0) */
	/* private */
	uint64_t tot_lo, tot_hi;     /* tc_mint_count_fixed() totals, as 128 bits at gscale */
	uint64_t mint_lo, mint_hi;   /* tokens of the machine-integer path, as 128 bits at mint_scale */
	uint32_t mint_scale;
	bool mint_any;
} tc_mint_day;

/* Starts a day (supply >= 0, mode valid; the caller checks both). */
void tc_mint_begin(tc_mint_day *d, const tc_dec *supply, tc_mint_mode mode, uint32_t scale, uint32_t gscale);

/* Plan: counts one user's total (scale <= gscale); returns whether the user takes part (> 0). */
bool tc_mint_count(tc_mint_day *d, const tc_dec *gems);
/* The same for a total c / 10^gscale. */
TC_MINT_INLINE bool tc_mint_count_fixed(tc_mint_day *d, int64_t c)
{
	if (c <= 0) {
		return false;
	}
	d->tot_lo += (uint64_t) c;
	d->tot_hi += d->tot_lo < (uint64_t) c;
	d->paid++;
	return true;
}
/* Plan: total and rate, once every user is counted. */
void tc_mint_plan(tc_mint_day *d);

/*
 * COMPAT, per participant: tokens = trunc(gems * rate) to S places (gems at gscale), and adds them
 * to minted. tc_mint_add_minted() adds a participant whose tokens are known (an equal total).
 */
void tc_mint_compat_tokens(tc_mint_day *d, const tc_dec *gems, tc_dec *tokens);
TC_MINT_INLINE void tc_mint_add_minted(tc_mint_day *d, const tc_dec *tokens)
{
	if (!tokens->is_big && tokens->scale == d->mint_scale) {
		d->mint_lo += tokens->small;   /* tokens >= 0 */
		d->mint_hi += d->mint_lo < tokens->small;
		d->mint_any = true;
	} else {
		tc_dec_add(&d->minted, &d->minted, tokens, TC_SCALE_EXACT);
	}
}
/*
 * COMPAT, per participant whose total is the int64 c / 10^gscale (c > 0): gems = that total, and its
 * tokens (added to minted) and percentage, as the two functions around give them; one call.
 */
void tc_mint_compat_user_fixed(tc_mint_day *d, int64_t c, tc_dec *gems, tc_dec *tokens, tc_dec *pct);
/*
 * EXACT, all users at once: tokens = trunc(supply * gems / total) to S places, plus one unit of
 * 10^-S for each of the participants with the largest remainders (ties: smaller id) until the
 * tokens add up to supply truncated to S places; independent of the order of users. users[0..n)
 * are exactly the users counted; non-participants get 0. Sets minted. TC_ERR_NOMEM only with an
 * allocator that can fail.
 */
tc_status tc_mint_exact_tokens(tc_mint_day *d, tc_mint_user *users, size_t n);
/*
 * pct = a participant's share of total in percent, at S:
 *   COMPAT: trunc(trunc(gems / total) * 100);  EXACT: trunc(100 * gems / total).
 */
void tc_mint_user_percentage(const tc_mint_day *d, const tc_dec *gems, tc_dec *pct);

/* Finish: minted and dust = supply - minted. */
void tc_mint_finish(tc_mint_day *d);
/* Releases every tc_dec of the day. */
void tc_mint_day_clear(tc_mint_day *d);

/*
 * The whole day over users[0..n) (gems at any scales; tokens overwritten): rescales every total
 * to the largest scale among them, then plan, per user, finish into *d (cleared by the caller with
 * tc_mint_day_clear()). TC_ERR_NEGATIVE when supply < 0, TC_ERR_MODE for an unknown mode (d then
 * untouched, nothing to clear); TC_ERR_NOMEM as tc_mint_exact_tokens().
 */
tc_status tc_mint_run(const tc_dec *supply, tc_mint_user *users, size_t n, tc_mint_mode mode,
		uint32_t scale, tc_mint_day *d);

#endif
