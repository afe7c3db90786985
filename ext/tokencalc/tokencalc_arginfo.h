/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 17ec690c3ec6e53d36475c00022d73dcc5b11b5f */

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


#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_add, 2);
ZEND_FRAMELESS_FUNCTION(tokencalc_add, 3);
static const zend_frameless_function_info frameless_function_infos_tokencalc_add[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_add, 2), 2 },
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_add, 3), 3 },
	{ 0 },
};
#endif

#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_sub, 2);
ZEND_FRAMELESS_FUNCTION(tokencalc_sub, 3);
static const zend_frameless_function_info frameless_function_infos_tokencalc_sub[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_sub, 2), 2 },
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_sub, 3), 3 },
	{ 0 },
};
#endif

#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_mul, 2);
ZEND_FRAMELESS_FUNCTION(tokencalc_mul, 3);
static const zend_frameless_function_info frameless_function_infos_tokencalc_mul[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_mul, 2), 2 },
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_mul, 3), 3 },
	{ 0 },
};
#endif

#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_div, 2);
ZEND_FRAMELESS_FUNCTION(tokencalc_div, 3);
static const zend_frameless_function_info frameless_function_infos_tokencalc_div[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_div, 2), 2 },
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_div, 3), 3 },
	{ 0 },
};
#endif

#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_truncate, 1);
ZEND_FRAMELESS_FUNCTION(tokencalc_truncate, 2);
static const zend_frameless_function_info frameless_function_infos_tokencalc_truncate[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_truncate, 1), 1 },
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_truncate, 2), 2 },
	{ 0 },
};
#endif

#if (PHP_VERSION_ID >= 80400)
ZEND_FRAMELESS_FUNCTION(tokencalc_cmp, 2);
static const zend_frameless_function_info frameless_function_infos_tokencalc_cmp[] = {
	{ ZEND_FRAMELESS_FUNCTION_NAME(tokencalc_cmp, 2), 2 },
	{ 0 },
};
#endif

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
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_add", zif_tokencalc_add, arginfo_tokencalc_add, 0, frameless_function_infos_tokencalc_add, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_add", zif_tokencalc_add, arginfo_tokencalc_add, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_sub", zif_tokencalc_sub, arginfo_tokencalc_sub, 0, frameless_function_infos_tokencalc_sub, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_sub", zif_tokencalc_sub, arginfo_tokencalc_sub, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_mul", zif_tokencalc_mul, arginfo_tokencalc_mul, 0, frameless_function_infos_tokencalc_mul, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_mul", zif_tokencalc_mul, arginfo_tokencalc_mul, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_div", zif_tokencalc_div, arginfo_tokencalc_div, 0, frameless_function_infos_tokencalc_div, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_div", zif_tokencalc_div, arginfo_tokencalc_div, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_truncate", zif_tokencalc_truncate, arginfo_tokencalc_truncate, 0, frameless_function_infos_tokencalc_truncate, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_truncate", zif_tokencalc_truncate, arginfo_tokencalc_truncate, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY("tokencalc_cmp", zif_tokencalc_cmp, arginfo_tokencalc_cmp, 0, frameless_function_infos_tokencalc_cmp, NULL)
#else
	ZEND_RAW_FENTRY("tokencalc_cmp", zif_tokencalc_cmp, arginfo_tokencalc_cmp, 0)
#endif
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
	REGISTER_LONG_CONSTANT("TOKENCALC_MINT_ROWS", PHP_TOKENCALC_MINT_ROWS, CONST_PERSISTENT);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "tokencalc_receipt", sizeof("tokencalc_receipt") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(CG(function_table), "tokencalc_receipt_verify", sizeof("tokencalc_receipt_verify") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);
}
