/*
 * tokencalc core: Q64.96 fixed point, the format of Uniswap v3 style sqrtPriceX96 values:
 * an integer q standing for q / 2^96 (see ../shared/spec/domain.md, "Q64.96").
 */
#ifndef TC_Q96_H
#define TC_Q96_H

#include "decimal.h"

/* r = a * 2^96 truncated toward zero to an integer (scale 0), exact. r may alias a. TC_OK or TC_ERR_NOMEM. */
tc_status tc_q96_encode(tc_dec *r, const tc_dec *a);

/*
 * r = q / 2^96 rounded to the nearest multiple of 10^-scale, ties away from zero, without
 * trailing fractional zeros. For every a with at most scale <= 28 places,
 * decode(encode(a)) == normalize(a). q must be an integer value ("12", "12.000");
 * TC_ERR_SYNTAX (r unchanged) when it has a non-zero fractional part; TC_ERR_NOMEM. r may alias q.
 */
tc_status tc_q96_decode(tc_dec *r, const tc_dec *q, uint32_t scale);

#endif
