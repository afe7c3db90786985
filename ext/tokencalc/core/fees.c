/*
 * tokencalc core: a transfer's fees (see fees.h). Each step truncates exactly where the
 * backend's bcmath code did, so the results equal today's; only the dust is new.
 */
#include <string.h>

#include "fees.h"

tc_status tc_fees_mode_parse(const char *s, size_t len, tc_fees_mode *mode)
{
	static const struct { const char *name; size_t len; tc_fees_mode mode; } modes[] = {
		{ "ADDED", 5, TC_FEES_ADDED },
		{ "INCLUDED", 8, TC_FEES_INCLUDED },
		{ "NO_FEES", 7, TC_FEES_NO_FEES },
	};

	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		if (len == modes[i].len && memcmp(s, modes[i].name, len) == 0) {
			*mode = modes[i].mode;
			return TC_OK;
		}
	}
	return TC_ERR_MODE;
}

tc_status tc_fees_split(const tc_dec *amount, const tc_dec *rates, size_t n, tc_fees_mode mode,
		uint32_t scale, tc_dec *required, tc_dec *net, tc_dec *fees, tc_dec *dust)
{
	tc_dec factor;   /* 1 + R */

	if (mode != TC_FEES_ADDED && mode != TC_FEES_INCLUDED && mode != TC_FEES_NO_FEES) {
		return TC_ERR_MODE;
	}
	if (tc_dec_sign(amount) < 0) {
		return TC_ERR_NEGATIVE;
	}
	for (size_t i = 0; i < n; i++) {
		if (tc_dec_sign(&rates[i]) < 0) {
			return TC_ERR_NEGATIVE;
		}
	}

	if (mode == TC_FEES_NO_FEES) {
		tc_dec_copy(required, amount);
		tc_dec_copy(net, amount);
		for (size_t i = 0; i < n; i++) {
			tc_dec_clear(&fees[i]);
		}
		tc_dec_clear(dust);
		return TC_OK;
	}

	tc_dec_init(&factor);
	tc_dec_from_i64(&factor, 1);
	for (size_t i = 0; i < n; i++) {
		tc_dec_add(&factor, &factor, &rates[i], TC_SCALE_EXACT);
	}
	if (mode == TC_FEES_ADDED) {
		tc_dec_copy(net, amount);
		tc_dec_mul(required, net, &factor, scale);
	} else {
		tc_dec_copy(required, amount);
		/* factor >= 1, so the division cannot fail. */
		tc_dec_div(net, required, &factor, scale);
	}
	tc_dec_clear(&factor);

	/* dust = required - net - sum(fee), all exact. */
	tc_dec_sub(dust, required, net, TC_SCALE_EXACT);
	for (size_t i = 0; i < n; i++) {
		tc_dec_mul(&fees[i], net, &rates[i], scale);
		tc_dec_sub(dust, dust, &fees[i], TC_SCALE_EXACT);
	}
	return TC_OK;
}
