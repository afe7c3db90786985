/* Checks both fuzz targets make on every tc_dec the core hands back. */
#ifndef TC_FUZZ_CHECK_H
#define TC_FUZZ_CHECK_H

#include "ref.h"
#include "decimal.h"

/*
 * Representation invariants decimal.h promises: a wide value has 20 or more coefficient digits,
 * limbs below 10^8 with a non-zero top, ceil(scale / 8) fractional limbs and no digit past its
 * scale; zero has no sign.
 */
static inline void check_invariants(const tc_dec *d, const char *what)
{
	if (d->neg && !d->is_big && d->small == 0) {
		REF_FAIL("%s: negative zero", what);
	}
	if (!d->is_big) {
		return;
	}
	if (d->len == 0 || d->limb[d->len - 1] == 0 || d->frac != (d->scale + 7) / 8 || d->len > d->cap) {
		REF_FAIL("%s: wide value with len %u, frac %u, scale %u, cap %u", what, d->len, d->frac, d->scale, d->cap);
	}
	for (uint32_t i = 0; i < d->len; i++) {
		if (d->limb[i] >= 100000000u) {
			REF_FAIL("%s: limb %u is %u", what, i, d->limb[i]);
		}
	}
	if (d->scale % 8 != 0 && d->frac > 0) {
		uint32_t cut = 1;
		for (uint32_t k = d->scale % 8; k < 8; k++) {
			cut *= 10;
		}
		if (d->limb[0] % cut != 0 && d->len > 0) {
			REF_FAIL("%s: digits past the scale in limb 0 (%u)", what, d->limb[0]);
		}
	}
	char *buf = malloc(tc_dec_print_size(d));
	size_t n = tc_dec_print(d, buf), digits = 0;
	for (size_t i = 0; i < n; i++) {
		digits += buf[i] >= '0' && buf[i] <= '9';
	}
	/* Digits printed, leading zeros aside, are the coefficient's: 20 or more for a wide value. */
	const char *p = buf + (buf[0] == '-');
	while (*p == '0' || *p == '.') {
		digits -= *p == '0';
		p++;
	}
	if (digits < 20) {
		REF_FAIL("%s: wide value [%s] with only %zu coefficient digits", what, buf, digits);
	}
	free(buf);
}

/* Prints d into a buffer of exactly tc_dec_print_size() bytes, so ASan sees any overrun (malloc'd). */
static inline char *print_dec(const tc_dec *d)
{
	size_t cap = tc_dec_print_size(d);
	char *buf = malloc(cap);
	size_t n = tc_dec_print(d, buf);
	if (n + 1 > cap || strlen(buf) != n) {
		REF_FAIL("print wrote %zu bytes into %zu, strlen %zu", n, cap, strlen(buf));
	}
	return buf;
}

#endif
