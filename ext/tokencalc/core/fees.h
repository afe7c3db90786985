/*
 * tokencalc core: a transfer's fees (see ../shared/spec/domain.md, "Fees").
 *
 * R is the exact sum of the rates, trunc(x) is x truncated toward zero to the scale S:
 *   ADDED     net = amount, required = trunc(net * (1 + R))
 *   INCLUDED  required = amount, net = trunc(required / (1 + R))
 *   NO_FEES   required = net = amount, every fee 0
 * and fee[i] = trunc(net * rate[i]); dust = required - net - sum(fee), exact.
 */
#ifndef TC_FEES_H
#define TC_FEES_H

#include "decimal.h"

typedef enum tc_fees_mode {
	TC_FEES_ADDED = 0,    /* the amount is what the recipient gets */
	TC_FEES_INCLUDED,     /* the amount is what the sender pays */
	TC_FEES_NO_FEES       /* no fee at all */
} tc_fees_mode;

/* Maps "ADDED", "INCLUDED", "NO_FEES" (exact bytes) to a mode; TC_ERR_MODE for anything else. */
tc_status tc_fees_mode_parse(const char *s, size_t len, tc_fees_mode *mode);

/*
 * Splits amount by the n rates rates[0..n) in the given mode at scale S. required, net, dust and
 * fees[0..n) must be initialised; they are overwritten. TC_ERR_NEGATIVE (nothing written) when
 * the amount or a rate is negative, TC_ERR_MODE for an unknown mode.
 */
tc_status tc_fees_split(const tc_dec *amount, const tc_dec *rates, size_t n, tc_fees_mode mode,
		uint32_t scale, tc_dec *required, tc_dec *net, tc_dec *fees, tc_dec *dust);

#endif
