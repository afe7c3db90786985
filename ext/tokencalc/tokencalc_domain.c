/* Placeholder: replaced by the fees / mint / Q64.96 binding. */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif
#include "php.h"
#include "zend_exceptions.h"
#include "php_tokencalc.h"

PHP_FUNCTION(tokencalc_fees) { zend_throw_error(NULL, "not implemented yet"); }
PHP_FUNCTION(tokencalc_mint) { zend_throw_error(NULL, "not implemented yet"); }
PHP_FUNCTION(tokencalc_to_q96) { zend_throw_error(NULL, "not implemented yet"); }
PHP_FUNCTION(tokencalc_from_q96) { zend_throw_error(NULL, "not implemented yet"); }
