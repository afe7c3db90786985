/* Checks both fuzz targets make on every tc_dec the core hands back. */
#ifndef TC_FUZZ_CHECK_H
#define TC_FUZZ_CHECK_H

#include "ref.h"
#include "decimal.h"

/* Representation invariants decimal.h promises: a big magnitude never fits a word, zero has no sign. */
static inline void check_invariants(const tc_dec *d, const char *what)
{
	if (d->is_big && (mpz_sgn(d->big) <= 0 || mpz_sizeinbase(d->big, 2) <= 64)) {
		REF_FAIL("%s: big magnitude that is <= 0 or fits 64 bits", what);
	}
	if (d->neg && !d->is_big && d->small == 0) {
		REF_FAIL("%s: negative zero", what);
	}
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
