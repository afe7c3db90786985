/*
 * tokencalc: the PHP binding of tokencalc_mint(). Arguments and settings here; the rows are read
 * and the result is built by tokencalc_mint_rows.c; every formula is in core/mint.c.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "tokencalc_mint.h"

static void mint_add_dec(zval *arr, const char *key, const tc_dec *d)
{
	add_assoc_str(arr, key, php_tokencalc_dec_to_str(d));
}

/* {{{ tokencalc_mint(string|int $supply, iterable $gems, int $mode = TOKENCALC_MINT_COMPAT): array */
PHP_FUNCTION(tokencalc_mint)
{
	tc_dec supply;
	zval *gems, users, skipped;
	zend_long mode = TC_MINT_COMPAT;
	php_tokencalc_mint_ids t;
	tc_mint_day day;
	bool rows;
	/*
	 * The settings, once per call: a generator that changes them while it is read changes
	 * nothing of this call.
	 */
	uint32_t scale = (uint32_t) TOKENCALC_G(scale);
	zend_long max_digits = TOKENCALC_G(max_digits);

	tc_dec_init(&supply);
	ZEND_PARSE_PARAMETERS_START(2, 3)
		TC_Z_PARAM_DEC(&supply)
		Z_PARAM_ITERABLE(gems)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(mode)
	ZEND_PARSE_PARAMETERS_END_EX(tc_dec_clear(&supply); RETURN_THROWS());

	if (tc_dec_sign(&supply) < 0) {
		zend_argument_value_error(1, "must not be negative");
		tc_dec_clear(&supply);
		RETURN_THROWS();
	}
	rows = (mode & PHP_TOKENCALC_MINT_ROWS) != 0;
	mode &= ~(zend_long) PHP_TOKENCALC_MINT_ROWS;
	if (mode != TC_MINT_COMPAT && mode != TC_MINT_EXACT) {
		zend_argument_value_error(3, "must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT,"
			" optionally with TOKENCALC_MINT_ROWS");
		tc_dec_clear(&supply);
		RETURN_THROWS();
	}

	php_tokencalc_mint_ids_init(&t, gems, rows, max_digits);
	if (php_tokencalc_mint_read(&t, gems, rows) == FAILURE) {
		goto cleanup;
	}
	tc_mint_begin(&day, &supply, (tc_mint_mode) mode, scale, php_tokencalc_mint_scale(&t));
	if (php_tokencalc_mint_result(&t, &day, &users, &skipped) == SUCCESS) {
		array_init_size(return_value, 8);
		mint_add_dec(return_value, "supply", &supply);
		mint_add_dec(return_value, "total", &day.total);
		mint_add_dec(return_value, "rate", &day.rate);
		mint_add_dec(return_value, "minted", &day.minted);
		mint_add_dec(return_value, "dust", &day.dust);
		add_assoc_zval(return_value, "users", &users);
		add_assoc_zval(return_value, "skipped", &skipped);
	}
	tc_mint_day_clear(&day);

cleanup:
	php_tokencalc_mint_ids_free(&t);
	tc_dec_clear(&supply);
}
/* }}} */
