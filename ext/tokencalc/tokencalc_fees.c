/*
 * tokencalc: the PHP binding of tokencalc_fees(). It only converts: zvals into tc_dec, core
 * statuses into engine exceptions, results into an array of strings; the split is core/fees.c.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "php_tokencalc.h"
#include "core/fees.h"

/* Rates of a fee split held on the stack; more than this go to the heap. */
#define FEES_STACK_RATES 8

/* Adds value to arr under key (a string) or h (an int key), as the rates array had it. */
static void fees_add_keyed(zval *arr, zend_string *key, zend_ulong h, zval *value)
{
	if (key != NULL) {
		zend_hash_add_new(Z_ARRVAL_P(arr), key, value);
	} else {
		zend_hash_index_add_new(Z_ARRVAL_P(arr), h, value);
	}
}

static void fees_add_dec(zval *arr, const char *key, const tc_dec *d)
{
	add_assoc_str(arr, key, php_tokencalc_dec_to_str(d));
}

/* {{{ tokencalc_fees(string|int $amount, array $rates, string $mode = TOKENCALC_FEES_ADDED): array */
PHP_FUNCTION(tokencalc_fees)
{
	tc_dec amount, required, net, dust;
	tc_dec stack_decs[2 * FEES_STACK_RATES];
	tc_dec *rates = stack_decs, *fees;
	HashTable *rates_ht;
	zend_string *mode_str = NULL, *key;
	tc_fees_mode mode = TC_FEES_ADDED;
	zend_ulong h;
	zval *value, fees_arr;
	size_t n, i = 0;
	/* the settings, once per call */
	uint32_t scale = (uint32_t) TOKENCALC_G(scale);
	zend_long max_digits = TOKENCALC_G(max_digits);

	tc_dec_init(&amount);
	tc_dec_init(&required);
	tc_dec_init(&net);
	tc_dec_init(&dust);

	ZEND_PARSE_PARAMETERS_START(2, 3)
		TC_Z_PARAM_DEC(&amount)
		Z_PARAM_ARRAY_HT(rates_ht)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(mode_str)
	ZEND_PARSE_PARAMETERS_END_EX(tc_dec_clear(&amount); RETURN_THROWS());

	if (tc_dec_sign(&amount) < 0) {
		zend_argument_value_error(1, "must not be negative");
		tc_dec_clear(&amount);
		RETURN_THROWS();
	}

	n = zend_hash_num_elements(rates_ht);
	if (n > FEES_STACK_RATES) {
		rates = php_tokencalc_mem_alloc_n(2 * n, sizeof *rates);
	}
	fees = rates + n;
	for (size_t j = 0; j < 2 * n; j++) {
		tc_dec_init(&rates[j]);
	}

	ZEND_HASH_FOREACH_KEY_VAL(rates_ht, h, key, value) {
		zval zkey;
		if (key != NULL) {
			ZVAL_STR(&zkey, key);
		} else {
			ZVAL_LONG(&zkey, (zend_long) h);
		}
		if (php_tokencalc_value_to_dec(&rates[i], value, 2, &zkey, max_digits) == FAILURE) {
			goto cleanup;
		}
		if (tc_dec_sign(&rates[i]) < 0) {
			char where[PHP_TOKENCALC_KEY_DESC_SIZE];
			php_tokencalc_describe_key(where, sizeof where, &zkey);
			zend_argument_value_error(2, "must contain only non-negative rates, %s is negative", where);
			goto cleanup;
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	if (mode_str != NULL && tc_fees_mode_parse(ZSTR_VAL(mode_str), ZSTR_LEN(mode_str), &mode) != TC_OK) {
		zend_argument_value_error(3, "must be \"ADDED\", \"INCLUDED\" or \"NO_FEES\"");
		goto cleanup;
	}

	/* Signs and mode were checked above, so the core cannot refuse. */
	tc_status status = tc_fees_split(&amount, rates, n, mode, scale, &required, &net, fees, &dust);
	ZEND_ASSERT(status == TC_OK);
	(void) status;

	array_init_size(return_value, 4);
	fees_add_dec(return_value, "required", &required);
	fees_add_dec(return_value, "net", &net);
	array_init_size(&fees_arr, (uint32_t) n);
	i = 0;
	ZEND_HASH_FOREACH_KEY(rates_ht, h, key) {
		zval zv;
		PHP_TOKENCALC_MEM_STEP();
		ZVAL_NEW_STR(&zv, php_tokencalc_dec_to_str(&fees[i++]));
		fees_add_keyed(&fees_arr, key, h, &zv);
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(return_value, "fees", &fees_arr);
	fees_add_dec(return_value, "dust", &dust);

cleanup:
	for (size_t j = 0; j < 2 * n; j++) {
		tc_dec_clear(&rates[j]);
	}
	if (rates != stack_decs) {
		efree(rates);
	}
	tc_dec_clear(&amount);
	tc_dec_clear(&required);
	tc_dec_clear(&net);
	tc_dec_clear(&dust);
}
/* }}} */
