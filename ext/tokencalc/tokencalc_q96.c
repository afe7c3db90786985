/*
 * tokencalc: the PHP binding of the Q64.96 conversions (core/q96.c). The core's memory is emalloc's
 * (tokencalc_mem.c), which never returns NULL: TC_ERR_NOMEM cannot reach here.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "php_tokencalc.h"
#include "core/q96.h"

/* {{{ tokencalc_to_q96(string|int $a): string */
PHP_FUNCTION(tokencalc_to_q96)
{
	tc_dec a;

	tc_dec_init(&a);
	ZEND_PARSE_PARAMETERS_START(1, 1)
		TC_Z_PARAM_DEC(&a)
	ZEND_PARSE_PARAMETERS_END_EX(goto cleanup);

	tc_status status = tc_q96_encode(&a, &a);
	ZEND_ASSERT(status == TC_OK);
	(void) status;
	RETVAL_NEW_STR(php_tokencalc_dec_to_str(&a));

cleanup:
	tc_dec_clear(&a);
}
/* }}} */

/* {{{ tokencalc_from_q96(string|int $q): string */
PHP_FUNCTION(tokencalc_from_q96)
{
	tc_dec q;
	uint32_t scale = (uint32_t) TOKENCALC_G(scale);

	tc_dec_init(&q);
	ZEND_PARSE_PARAMETERS_START(1, 1)
		TC_Z_PARAM_DEC(&q)
	ZEND_PARSE_PARAMETERS_END_EX(goto cleanup);

	tc_status status = tc_q96_decode(&q, &q, scale);
	if (status != TC_OK) {
		ZEND_ASSERT(status == TC_ERR_SYNTAX);
		zend_argument_value_error(1, "must be an integer");
		goto cleanup;
	}
	RETVAL_NEW_STR(php_tokencalc_dec_to_str(&q));

cleanup:
	tc_dec_clear(&q);
}
/* }}} */
