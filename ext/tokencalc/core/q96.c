/*
 * tokencalc core: Q64.96 conversions (see q96.h), on tc_dec alone: every number they keep is in
 * stack storage or tc_mem memory, none in GMP's allocator. q / 2^96 always terminates within 96
 * places, so decoding divides exactly and then rounds.
 */
#include <string.h>

#include "q96.h"

#define Q96_BITS 96
/* 2^96 */
static const char q96_one[] = "79228162514264337593543950336";

/* *p = 2^96 (in st's storage). */
static void q96_unit(tc_dec *p, tc_dec_stack *st)
{
	tc_dec_init_stack(p, st);
	/* 29 digits fit the stack storage: cannot fail */
	tc_dec_parse(p, q96_one, sizeof q96_one - 1, sizeof q96_one - 1);
}

tc_status tc_q96_encode(tc_dec *r, const tc_dec *a)
{
	tc_dec_stack st;
	tc_dec p;

	q96_unit(&p, &st);
	/* a * 2^96, truncated toward zero to an integer, for negative values too */
	tc_status s = tc_dec_mul(r, a, &p, 0);
	tc_dec_clear(&p);
	return s;
}

tc_status tc_q96_decode(tc_dec *r, const tc_dec *q, uint32_t scale)
{
	tc_dec_stack st[3];
	tc_dec p, c, x;
	tc_status s;

	q96_unit(&p, &st[0]);
	tc_dec_init_stack(&c, &st[1]);
	tc_dec_init_stack(&x, &st[2]);
	/* An integer value may still be written with fractional zeros ("12.000"); nothing else. */
	if ((s = tc_dec_truncate(&c, q, 0)) != TC_OK) {
		goto done;
	}
	if (tc_dec_cmp(&c, q) != 0) {
		s = TC_ERR_SYNTAX;
		goto done;
	}
	/* x = c / 2^96, exactly */
	if ((s = tc_dec_div(&x, &c, &p, Q96_BITS)) != TC_OK) {
		goto done;
	}
	if (scale < Q96_BITS) {
		/* to `scale` places, ties away from zero: half a unit (5 at place scale + 1) more in magnitude, then truncated */
		char half[Q96_BITS + 3] = "0.";
		memset(half + 2, '0', scale);
		half[2 + scale] = '5';
		tc_dec_parse(&p, half, scale + 3, sizeof half);   /* at most 98 digits: p's stack storage holds them */
		s = tc_dec_sign(&x) < 0 ? tc_dec_sub(&x, &x, &p, TC_SCALE_EXACT) : tc_dec_add(&x, &x, &p, TC_SCALE_EXACT);
		if (s != TC_OK || (s = tc_dec_truncate(&x, &x, scale)) != TC_OK) {
			goto done;
		}
	}
	if ((s = tc_dec_normalize(&x)) == TC_OK) {
		s = tc_dec_copy(r, &x);
	}
done:
	tc_dec_clear(&p);
	tc_dec_clear(&c);
	tc_dec_clear(&x);
	return s;
}
