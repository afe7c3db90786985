/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 733b096f0362aa2bac6596fc23597b2cb585eb8a */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_add, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, a, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_TYPE_MASK(0, b, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, scale, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_tokencalc_sub arginfo_tokencalc_add

#define arginfo_tokencalc_mul arginfo_tokencalc_add

#define arginfo_tokencalc_div arginfo_tokencalc_add

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_truncate, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, a, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, scale, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_cmp, 0, 2, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, a, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_TYPE_MASK(0, b, MAY_BE_STRING|MAY_BE_LONG, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_sum, 0, 1, IS_STRING, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, values, Traversable, MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, scale, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_normalize, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, a, MAY_BE_STRING|MAY_BE_LONG, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_fees, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_MASK(0, amount, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_TYPE_INFO(0, rates, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_STRING, 0, "TOKENCALC_FEES_ADDED")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_mint, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_MASK(0, supply, MAY_BE_STRING|MAY_BE_LONG, NULL)
	ZEND_ARG_OBJ_TYPE_MASK(0, gems, Traversable, MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "TOKENCALC_MINT_COMPAT")
ZEND_END_ARG_INFO()

#define arginfo_tokencalc_to_q96 arginfo_tokencalc_normalize

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_from_q96, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, q, MAY_BE_STRING|MAY_BE_LONG, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_receipt, 0, 2, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, record, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tokencalc_receipt_verify, 0, 3, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, record, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, receipt, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(tokencalc_add);
ZEND_FUNCTION(tokencalc_sub);
ZEND_FUNCTION(tokencalc_mul);
ZEND_FUNCTION(tokencalc_div);
ZEND_FUNCTION(tokencalc_truncate);
ZEND_FUNCTION(tokencalc_cmp);
ZEND_FUNCTION(tokencalc_sum);
ZEND_FUNCTION(tokencalc_normalize);
ZEND_FUNCTION(tokencalc_fees);
ZEND_FUNCTION(tokencalc_mint);
ZEND_FUNCTION(tokencalc_to_q96);
ZEND_FUNCTION(tokencalc_from_q96);
ZEND_FUNCTION(tokencalc_receipt);
ZEND_FUNCTION(tokencalc_receipt_verify);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(tokencalc_add, arginfo_tokencalc_add)
	ZEND_FE(tokencalc_sub, arginfo_tokencalc_sub)
	ZEND_FE(tokencalc_mul, arginfo_tokencalc_mul)
	ZEND_FE(tokencalc_div, arginfo_tokencalc_div)
	ZEND_FE(tokencalc_truncate, arginfo_tokencalc_truncate)
	ZEND_FE(tokencalc_cmp, arginfo_tokencalc_cmp)
	ZEND_FE(tokencalc_sum, arginfo_tokencalc_sum)
	ZEND_FE(tokencalc_normalize, arginfo_tokencalc_normalize)
	ZEND_FE(tokencalc_fees, arginfo_tokencalc_fees)
	ZEND_FE(tokencalc_mint, arginfo_tokencalc_mint)
	ZEND_FE(tokencalc_to_q96, arginfo_tokencalc_to_q96)
	ZEND_FE(tokencalc_from_q96, arginfo_tokencalc_from_q96)
	ZEND_FE(tokencalc_receipt, arginfo_tokencalc_receipt)
	ZEND_FE(tokencalc_receipt_verify, arginfo_tokencalc_receipt_verify)
	ZEND_FE_END
};

static void register_tokencalc_symbols(int module_number)
{
	REGISTER_STRING_CONSTANT("TOKENCALC_VERSION", PHP_TOKENCALC_VERSION, CONST_PERSISTENT);
	REGISTER_STRING_CONSTANT("TOKENCALC_FEES_ADDED", "ADDED", CONST_PERSISTENT);
	REGISTER_STRING_CONSTANT("TOKENCALC_FEES_INCLUDED", "INCLUDED", CONST_PERSISTENT);
	REGISTER_STRING_CONSTANT("TOKENCALC_FEES_NO_FEES", "NO_FEES", CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("TOKENCALC_MINT_COMPAT", TC_MINT_COMPAT, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("TOKENCALC_MINT_EXACT", TC_MINT_EXACT, CONST_PERSISTENT);
	REGISTER_LONG_CONSTANT("TOKENCALC_MINT_ROWS", TC_MINT_ROWS, CONST_PERSISTENT);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "tokencalc_receipt", sizeof("tokencalc_receipt") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "tokencalc_receipt_verify", sizeof("tokencalc_receipt_verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);
}
