/*
 * tokencalc core: Q64.96 conversions (see q96.h). Both go through GMP: the values are up to
 * 160 bits wide by construction and the conversions are not on a hot path.
 */
#include "q96.h"

#define TC_Q96_BITS 96

/* p = 10^k */
static void pow10_mpz(mpz_t p, uint32_t k)
{
	mpz_ui_pow_ui(p, 10, k);
}

void tc_q96_encode(tc_dec *r, const tc_dec *a)
{
	mpz_t c, p;
	uint32_t scale = a->scale;

	mpz_inits(c, p, NULL);
	tc_dec_get_mpz(c, a);
	mpz_mul_2exp(c, c, TC_Q96_BITS);
	pow10_mpz(p, scale);
	mpz_tdiv_q(c, c, p);   /* toward zero, for negative values too */
	tc_dec_from_mpz(r, c, 0);
	mpz_clears(c, p, NULL);
}

tc_status tc_q96_decode(tc_dec *r, const tc_dec *q, uint32_t scale)
{
	mpz_t c, p, rem;
	tc_status status = TC_OK;

	mpz_inits(c, p, rem, NULL);
	tc_dec_get_mpz(c, q);
	/* An integer value may still be written with fractional zeros: drop them. */
	pow10_mpz(p, q->scale);
	mpz_tdiv_qr(c, rem, c, p);
	if (mpz_sgn(rem) != 0) {
		status = TC_ERR_SYNTAX;
		goto done;
	}

	/* |c| * 10^scale / 2^96, rounded half away from zero: add half a unit, then truncate. */
	int sign = mpz_sgn(c);
	mpz_abs(c, c);
	pow10_mpz(p, scale);
	mpz_mul(c, c, p);
	mpz_setbit(rem, TC_Q96_BITS - 1);   /* rem is 0 here: rem = 2^95 */
	mpz_add(c, c, rem);
	mpz_tdiv_q_2exp(c, c, TC_Q96_BITS);
	if (sign < 0) {
		mpz_neg(c, c);
	}
	tc_dec_from_mpz(r, c, scale);
	tc_dec_normalize(r);

done:
	mpz_clears(c, p, rem, NULL);
	return status;
}
