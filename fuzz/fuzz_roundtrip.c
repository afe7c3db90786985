/*
 * libFuzzer target: tc_dec_parse() and tc_dec_print().
 * Any input either is rejected exactly when it is outside the grammar (or longer than max_digits),
 * or parses to the value and scale it spells and prints back in its canonical form; printing and
 * parsing again is the identity.
 */
#include "check.h"

#define MAX_DIGITS 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	ref_num r;
	bool valid = ref_split(s, size, &r);
	tc_dec d;
	tc_dec_init(&d);

	tc_status st = tc_dec_parse(&d, s, size, MAX_DIGITS);
	tc_status want = size > MAX_DIGITS ? TC_ERR_TOO_LONG : (valid ? TC_OK : TC_ERR_SYNTAX);
	if (st != want) {
		REF_FAIL("parse of [%.*s] returned %d, expected %d", (int) (size > 200 ? 200 : size), s, st, want);
	}
	if (st != TC_OK) {
		/* d must be unchanged on error: still the initial zero. */
		if (d.is_big || d.small != 0 || d.scale != 0 || d.neg) {
			REF_FAIL("failed parse changed its output");
		}
		return 0;
	}
	check_invariants(&d, "parse");
	if (d.scale != r.fl) {
		REF_FAIL("parse of [%.*s]: scale %u, expected %zu", (int) size, s, d.scale, r.fl);
	}

	char *canon = ref_canonical(&r);
	char *printed = print_dec(&d);
	if (strcmp(canon, printed) != 0) {
		REF_FAIL("[%.*s] printed as [%s], expected [%s]", (int) size, s, printed, canon);
	}

	/* The value, through an independent rational reading. */
	mpq_t want_q, got_q;
	mpq_inits(want_q, got_q, NULL);
	ref_to_mpq(want_q, &r);
	mpz_t coeff;
	mpz_init(coeff);
	tc_dec_get_mpz(coeff, &d);
	mpq_set_num(got_q, coeff);
	mpz_ui_pow_ui(mpq_denref(got_q), 10, d.scale);
	mpq_canonicalize(got_q);
	if (!mpq_equal(want_q, got_q)) {
		REF_FAIL("[%.*s] parsed to a different value", (int) size, s);
	}

	/* Print, parse, print: the identity, on value, scale and text. */
	tc_dec e;
	tc_dec_init(&e);
	if (tc_dec_parse(&e, printed, strlen(printed), SIZE_MAX) != TC_OK) {
		REF_FAIL("own print [%s] does not parse", printed);
	}
	check_invariants(&e, "reparse");
	char *again = print_dec(&e);
	if (strcmp(again, printed) != 0 || e.scale != d.scale || tc_dec_cmp(&d, &e) != 0) {
		REF_FAIL("[%s] reparsed and printed as [%s]", printed, again);
	}

	/* from_mpz(get_mpz(d)) and copy are the identity too. */
	tc_dec f;
	tc_dec_init(&f);
	tc_dec_from_mpz(&f, coeff, d.scale);
	check_invariants(&f, "from_mpz");
	tc_dec_copy(&e, &f);
	char *third = print_dec(&e);
	if (strcmp(third, printed) != 0) {
		REF_FAIL("[%s] through get_mpz/from_mpz/copy printed as [%s]", printed, third);
	}

	free(canon);
	free(printed);
	free(again);
	free(third);
	mpz_clear(coeff);
	mpq_clears(want_q, got_q, NULL);
	tc_dec_clear(&d);
	tc_dec_clear(&e);
	tc_dec_clear(&f);
	return 0;
}
