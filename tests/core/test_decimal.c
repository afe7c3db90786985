/*
 * C tests of the decimal core, without PHP. Built twice by scripts/test.sh: once as is and once
 * with -DTC_NO_INT128, so the machine-integer paths and the portable GMP-only paths answer the
 * same table. Expected values are worked out by hand from ../shared/spec/arithmetic.md.
 * Prints one line "N passed, N failed" and exits non-zero on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

static int passed, failed;

static void check_str(const char *what, const char *got, const char *want)
{
	if (strcmp(got, want) == 0) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s: got \"%s\", want \"%s\"\n", what, got, want);
	}
}

static void check_int(const char *what, long got, long want)
{
	if (got == want) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
	}
}

static char *print(const tc_dec *d)
{
	char *buf = malloc(tc_dec_print_size(d));
	size_t n = tc_dec_print(d, buf);
	if (n + 1 > tc_dec_print_size(d)) {
		failed++;
		printf("FAIL print_size underestimates: %zu > %zu\n", n + 1, tc_dec_print_size(d));
	}
	if (!d->is_big && d->scale <= TC_PRINT_SMALL_MAX_SCALE && tc_dec_print_small_len(d) != n) {
		failed++;
		printf("FAIL print_small_len: %zu for \"%s\" (%zu characters)\n", tc_dec_print_small_len(d), buf, n);
	}
	return buf;
}

static void parse_ok(tc_dec *d, const char *s)
{
	if (tc_dec_parse(d, s, strlen(s), 100000) != TC_OK) {
		printf("FAIL parse \"%s\"\n", s);
		failed++;
		exit(1);
	}
}

typedef struct {
	char op;          /* + - * / t (truncate) n (normalize) */
	const char *a, *b;
	unsigned scale;
	const char *want; /* "DIV0" for division by zero */
} op_case;

static const op_case cases[] = {
	/* add / sub: scale min(S, max(sa, sb)) */
	{'+', "1.5", "2.25", 10, "3.75"},
	{'+', "0.1", "0.2", 10, "0.3"},
	{'+', "-0", "0.00", 10, "0.00"},
	{'+', "-0.00000000001", "0", 10, "0.0000000000"},
	{'+', "18446744073709551615", "1", 10, "18446744073709551616"},
	{'+', "18446744073709551615", "18446744073709551615", 10, "36893488147419103230"},
	{'+', "9999999999999999999", "0.0000000000000000001", 30, "9999999999999999999.0000000000000000001"},
	/* scale difference of 19 (fast) and 20 (GMP) */
	{'+', "18446744073709551615", "0.0000000000000000001", 19, "18446744073709551615.0000000000000000001"},
	{'+', "18446744073709551615", "0.00000000000000000001", 20, "18446744073709551615.00000000000000000001"},
	{'-', "0.00000000001", "0.00000000002", 10, "0.0000000000"},
	{'-', "1", "1.50", 10, "-0.50"},
	{'-', "-18446744073709551615", "18446744073709551615", 10, "-36893488147419103230"},
	{'-', "100000000000000000000000000000", "0.0000000001", 10, "99999999999999999999999999999.9999999999"},
	/* mul: scale min(S, sa + sb) */
	{'*', "1.5", "1.5", 10, "2.25"},
	{'*', "0.123456", "0.123456", 10, "0.0152413839"},
	{'*', "-0.123456", "0.123456", 10, "-0.0152413839"},
	{'*', "0.00", "5.1", 10, "0.000"},
	{'*', "18446744073709551615", "18446744073709551615", 10, "340282366920938463426481119284349108225"},
	{'*', "79228162514264337593543950335", "2", 10, "158456325028528675187087900670"},
	{'*', "1.8446744073709551615", "1.8446744073709551615", 10, "3.4028236692"},
	{'*', "-0.000001", "0.000001", 10, "0.0000000000"},
	/* div */
	{'/', "1", "3", 10, "0.3333333333"},
	{'/', "-2", "3", 10, "-0.6666666666"},
	{'/', "1", "4", 10, "0.25"},
	{'/', "1.000", "4", 10, "0.250"},
	{'/', "6.00", "0.2", 10, "30.0"},
	{'/', "0.000", "5", 10, "0.000"},
	{'/', "1", "8", 2, "0.12"},
	{'/', "1", "8", 3, "0.125"},
	{'/', "1", "7", 30, "0.142857142857142857142857142857"},
	{'/', "2", "0.0000000000000000000000000003", 10, "6666666666666666666666666666.6666666666"},
	{'/', "1234.5678901234", "0.02", 10, "61728.39450617"},
	{'/', "18446744073709551615", "0.5", 10, "36893488147419103230"},
	{'/', "1", "0", 10, "DIV0"},
	{'/', "1", "-0.000", 10, "DIV0"},
	/* truncate */
	{'t', "1.23456789012345", "", 10, "1.2345678901"},
	{'t', "-0.99", "", 0, "0"},
	{'t', "-1.99", "", 0, "-1"},
	{'t', "1.5", "", 3, "1.5"},
	{'t', "123456789012345678901234567890.123456789012345", "", 5, "123456789012345678901234567890.12345"},
	/* normalize */
	{'n', "00012.3400", "", 0, "12.34"},
	{'n', "-0.0", "", 0, "0"},
	{'n', "5.", "", 0, "5"},
	{'n', "100000000000000000000000000000.000", "", 0, "100000000000000000000000000000"},
	{'n', "0.000000000000000000000000000001000", "", 0, "0.000000000000000000000000000001"},
};

static void run_op_cases(void)
{
	char what[256];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const op_case *c = &cases[i];
		tc_dec a, b, r;
		tc_dec_init(&a);
		tc_dec_init(&b);
		tc_dec_init(&r);
		parse_ok(&a, c->a);
		if (c->b[0]) {
			parse_ok(&b, c->b);
		}
		snprintf(what, sizeof what, "%s %c %s (scale %u)", c->a, c->op, c->b, c->scale);
		tc_status st = TC_OK;
		switch (c->op) {
			case '+': tc_dec_add(&r, &a, &b, c->scale); break;
			case '-': tc_dec_sub(&r, &a, &b, c->scale); break;
			case '*': tc_dec_mul(&r, &a, &b, c->scale); break;
			case '/': st = tc_dec_div(&r, &a, &b, c->scale); break;
			case 't': tc_dec_truncate(&r, &a, c->scale); break;
			case 'n': tc_dec_copy(&r, &a); tc_dec_normalize(&r); break;
		}
		if (st == TC_ERR_DIV0) {
			check_str(what, "DIV0", c->want);
		} else {
			char *s = print(&r);
			check_str(what, s, c->want);
			free(s);
		}
		/* The result may alias an operand. */
		if (c->op == '+') {
			tc_dec_add(&a, &a, &b, c->scale);
			char *s = print(&a);
			check_str("aliased add", s, c->want);
			free(s);
		}
		tc_dec_clear(&a);
		tc_dec_clear(&b);
		tc_dec_clear(&r);
	}
}

static void run_parse_cases(void)
{
	static const char *bad[] = {
		"", " ", " 1", "1 ", "1e5", "1_000", "1,5", ".", "-", "+", "-.", "--1", "1.2.3", "0x1", "NaN", "1-",
	};
	static const char *good[][2] = {
		{".5", "0.5"}, {"5.", "5"}, {"+1", "1"}, {"-0", "0"}, {"007", "7"}, {"-0.00", "0.00"},
		{"-.5", "-0.5"}, {"0000000000000000000000000000000000001", "1"},
		{"12345678901234567890.5", "12345678901234567890.5"}, {"-9223372036854775808", "-9223372036854775808"},
	};
	tc_dec d;
	tc_dec_init(&d);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		check_int(bad[i], tc_dec_parse(&d, bad[i], strlen(bad[i]), 100), TC_ERR_SYNTAX);
	}
	check_int("embedded NUL", tc_dec_parse(&d, "1\0" "2", 3, 100), TC_ERR_SYNTAX);
	check_int("too long", tc_dec_parse(&d, "12345", 5, 4), TC_ERR_TOO_LONG);
	check_int("at the limit", tc_dec_parse(&d, "1234", 4, 4), TC_OK);
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		parse_ok(&d, good[i][0]);
		char *s = print(&d);
		check_str(good[i][0], s, good[i][1]);
		free(s);
	}
	tc_dec_from_i64(&d, INT64_MIN);
	char *s = print(&d);
	check_str("INT64_MIN", s, "-9223372036854775808");
	free(s);
	tc_dec_clear(&d);
}

static void run_cmp_cases(void)
{
	static const struct { const char *a, *b; int want; } c[] = {
		{"1.0", "1", 0}, {"-0", "0.000", 0}, {"0.1", "0.10000000000000000000001", -1}, {"-5", "-6", 1},
		{"18446744073709551615", "18446744073709551616", -1}, {"-18446744073709551617", "-18446744073709551616", -1},
		{"0.00000000000000000000000000001", "0", 1},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		tc_dec a, b;
		tc_dec_init(&a);
		tc_dec_init(&b);
		parse_ok(&a, c[i].a);
		parse_ok(&b, c[i].b);
		check_int(c[i].a, tc_dec_cmp(&a, &b), c[i].want);
		check_int(c[i].b, tc_dec_cmp(&b, &a), -c[i].want);
		tc_dec_clear(&a);
		tc_dec_clear(&b);
	}
}

static void run_mpz_round_trip(void)
{
	tc_dec d, e;
	mpz_t z;
	tc_dec_init(&d);
	tc_dec_init(&e);
	mpz_init(z);
	parse_ok(&d, "-123456789012345678901234567890.0123");
	tc_dec_get_mpz(z, &d);
	tc_dec_from_mpz(&e, z, d.scale);
	check_int("mpz round trip", tc_dec_cmp(&d, &e), 0);
	char *s = print(&e);
	check_str("mpz round trip print", s, "-123456789012345678901234567890.0123");
	free(s);
	tc_dec_rescale(&e, 2);
	s = print(&e);
	check_str("rescale down", s, "-123456789012345678901234567890.01");
	free(s);
	tc_dec_rescale(&e, 25);
	s = print(&e);
	check_str("rescale up", s, "-123456789012345678901234567890.0100000000000000000000000");
	free(s);
	mpz_clear(z);
	tc_dec_clear(&d);
	tc_dec_clear(&e);
}

/* The length of every power of ten, one less and one more, at a few scales, signs included. */
static void run_length_sweep(void)
{
	uint64_t p = 1;
	for (int k = 0; k < 20; k++, p *= 10) {
		uint64_t vals[3] = { p - 1, p, p + 1 };
		for (int i = 0; i < 3; i++) {
			for (uint32_t scale = 0; scale < 25; scale += 6) {
				tc_dec d;
				tc_dec_init(&d);
				d.small = vals[i];
				d.scale = scale;
				d.neg = (i == 1) && vals[i] != 0;
				free(print(&d));
				passed++;
			}
		}
	}
}

int main(void)
{
	run_length_sweep();
	run_parse_cases();
	run_op_cases();
	run_cmp_cases();
	run_mpz_round_trip();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
