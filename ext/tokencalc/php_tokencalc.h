/*
 * tokencalc: the PHP binding's shared declarations.
 * The binding turns zvals into core calls (core/) and core statuses into exceptions.
 */
#ifndef PHP_TOKENCALC_H
#define PHP_TOKENCALC_H

extern zend_module_entry tokencalc_module_entry;
#define phpext_tokencalc_ptr &tokencalc_module_entry

/* The oldest PHP tokencalc builds and is tested on (package.xml, composer.json); CI runs 8.2, 8.4, 8.5 and 8.6. */
#if PHP_VERSION_ID < 80200
# error "tokencalc needs PHP 8.2 or later"
#endif

#define PHP_TOKENCALC_VERSION "0.1.0"

#include "core/decimal.h"
#include "core/text.h"

ZEND_BEGIN_MODULE_GLOBALS(tokencalc)
	zend_long scale;       /* tokencalc.scale: default result scale */
	zend_long max_digits;  /* tokencalc.max_digits: longest accepted input, in characters */
ZEND_END_MODULE_GLOBALS(tokencalc)

ZEND_EXTERN_MODULE_GLOBALS(tokencalc)
#define TOKENCALC_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(tokencalc, v)

#if defined(ZTS) && defined(COMPILE_DL_TOKENCALC)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

/*
 * Reads a string|int zval into d (initialised by the caller). On failure throws the
 * exception that names argument arg_num (TypeError or ValueError) and returns FAILURE.
 */
zend_result php_tokencalc_arg_to_dec(tc_dec *d, zval *arg, uint32_t arg_num);

/*
 * Like php_tokencalc_arg_to_dec() for a value found inside an array argument: the message names
 * the argument and the entry, e.g. "tokencalc_fees(): Argument #2 ($rates) must contain only
 * valid decimal numbers, ["peer"] is not". key is the entry's key (NULL for an int key h).
 */
zend_result php_tokencalc_entry_to_dec(tc_dec *d, zval *value, uint32_t arg_num,
		zend_string *key, zend_ulong h);

/*
 * How error messages name a key, the same in every function (fees, sum, mint, receipt paths):
 *   [-5]                 an int key, signed;
 *   ["peer"]             a string key, written as in a PHP double-quoted string: \\ \" \$ \n \r \t \v \f \e
 *                        escaped, \xHH for other control bytes, DEL and bytes that are not UTF-8,
 *                        \u{...} for the code points that would hide, reorder or break the text
 *                        (C1 controls, bidi marks, U+2028/2029, BOM); other UTF-8 is kept. At most
 *                        PHP_TOKENCALC_KEY_DESC_BYTES bytes of the key are shown, cut before a whole
 *                        character or escape and marked ["abc"...];
 *   [key of type float]  any other key an iterator can yield (float, null, bool, array, or the class
 *                        of an object).
 * where receives a NUL-terminated description of at most size bytes (size >= PHP_TOKENCALC_KEY_DESC_MIN).
 */
#define PHP_TOKENCALC_KEY_DESC_BYTES 64
#define PHP_TOKENCALC_KEY_DESC_MIN 32
#define PHP_TOKENCALC_KEY_DESC_SIZE 96 /* a buffer big enough for any key's description */
void php_tokencalc_describe_key(char *where, size_t size, const zval *key);

/* php_tokencalc_describe_key() for an array entry's key (NULL for an int key h). */
void php_tokencalc_describe_entry(char *where, size_t size, const zend_string *key, zend_ulong h);

/*
 * php_tokencalc_entry_to_dec() for any key zval (an iterator's), with max_digits given: a caller
 * that took its settings once at the start of its call passes its snapshot.
 */
zend_result php_tokencalc_value_to_dec(tc_dec *d, zval *value, uint32_t arg_num, const zval *key,
		zend_long max_digits);

/*
 * Reads a string|int zval into d: a string of up to 19 characters inline (the hot path), anything
 * else through php_tokencalc_arg_to_dec() (whose tc_dec_parse() still reads 20 or 21 characters as a
 * machine word). Used through TC_Z_PARAM_DEC below, by the fee split, the mint, Q64.96 and
 * tokencalc_normalize(); the arithmetic functions read their operands with
 * php_tokencalc_operand_read().
 */
static zend_always_inline zend_result php_tokencalc_zval_to_dec(tc_dec *d, zval *arg, uint32_t arg_num)
{
	if (EXPECTED(Z_TYPE_P(arg) == IS_STRING) && EXPECTED(Z_STRLEN_P(arg) <= TC_DEC_SHORT_LEN_19)
			&& EXPECTED(Z_STRLEN_P(arg) <= (size_t) TOKENCALC_G(max_digits))
			&& EXPECTED(tc_dec_parse_short_nul(d, Z_STRVAL_P(arg), Z_STRLEN_P(arg)) == TC_OK)) {
		return SUCCESS;
	}
	return php_tokencalc_arg_to_dec(d, arg, arg_num);
}

/*
 * The longest string an operand reads as a machine word: TC_DEC_SHORT_LEN_19 characters, or
 * TC_DEC_SHORT_LEN's 21 (19 digits with a sign and a point) when the other operand is no longer
 * either (pair_short). A longer operand is worked on as text in place, and a word beside it is
 * turned back into text, so beside a long one a 20- or 21-character operand measured slower as a
 * word (PHP 8.4, benchmarks/widths.php, 28 digits: add 1.49x -> 1.31x bcmath). cmp and truncate
 * read every string as text (text_only): comparing digits in place and cutting text need neither
 * the value nor a printed result, and measured faster than the word at every width (PHP 8.4,
 * benchmarks/widths.php: CHANGELOG). Whether both operands of add, sub, mul or div may be words at
 * up to 21 characters (ints always are):
 */
static zend_always_inline bool php_tokencalc_pair_short(const zval *a, const zval *b)
{
	return (Z_TYPE_P(a) != IS_STRING || Z_STRLEN_P(a) <= TC_DEC_SHORT_LEN)
		&& (Z_TYPE_P(b) != IS_STRING || Z_STRLEN_P(b) <= TC_DEC_SHORT_LEN);
}

/*
 * An operand of add, sub, mul, div, cmp or truncate: a token-sized value as a small tc_dec (the
 * machine-word path), a longer string as a tc_text (digits worked on in place, text.h, or read
 * straight into binary by mul and div). src must outlive it. Its tc_dec is only ever a word: it
 * has no storage, and nothing needs clearing.
 */
typedef struct php_tokencalc_operand {
	tc_dec dec;
	tc_text text;
	zval *src;
	bool is_text;
	char ibuf[24];   /* an int's digits, when its text is needed */
} php_tokencalc_operand;

zend_result php_tokencalc_operand_read_slow(php_tokencalc_operand *op, zval *arg, uint32_t arg_num);
/* Gives op its text form (from its string, or its int written out), for mixing with a long one. */
void php_tokencalc_operand_to_text(php_tokencalc_operand *op);

/*
 * Reads a string|int operand, a word at up to 21 characters when pair_short, a string always as
 * text when text_only (cmp and truncate; add and sub beside an operand that is text already: a word
 * there would be turned back into text): throws the argument's TypeError/ValueError and returns
 * FAILURE.
 */
static zend_always_inline zend_result php_tokencalc_operand_read(php_tokencalc_operand *op, zval *arg,
		uint32_t arg_num, bool pair_short, bool text_only)
{
	op->src = arg;
	if (text_only) {
		if (EXPECTED(Z_TYPE_P(arg) == IS_STRING) && EXPECTED(tc_text_parse(&op->text, Z_STRVAL_P(arg),
				Z_STRLEN_P(arg), (size_t) TOKENCALC_G(max_digits)) == TC_OK)) {
			op->is_text = true;
			return SUCCESS;
		}
	} else if (EXPECTED(Z_TYPE_P(arg) == IS_STRING)
			&& EXPECTED(Z_STRLEN_P(arg) <= (size_t) TOKENCALC_G(max_digits))) {
		/* up to 19 characters, at most 19 digits: the parser without its digit-count tests, inline */
		if (EXPECTED(Z_STRLEN_P(arg) <= TC_DEC_SHORT_LEN_19)) {
			if (EXPECTED(tc_dec_parse_short_nul(&op->dec, Z_STRVAL_P(arg), Z_STRLEN_P(arg)) == TC_OK)) {
				op->is_text = false;
				return SUCCESS;
			}
		} else if (pair_short && Z_STRLEN_P(arg) <= TC_DEC_SHORT_LEN
				&& tc_dec_parse_short(&op->dec, Z_STRVAL_P(arg), Z_STRLEN_P(arg)) == TC_OK) {
			op->is_text = false;
			return SUCCESS;
		}
	}
	return php_tokencalc_operand_read_slow(op, arg, arg_num);
}

/* Reads an operand inside the fast ZPP block. */
#define TC_Z_PARAM_OPERAND(dest, pair_short, text_only) \
	Z_PARAM_PROLOGUE(0, 0); \
	if (UNEXPECTED(php_tokencalc_operand_read(dest, _arg, _i, pair_short, text_only) == FAILURE)) { \
		_error_code = ZPP_ERROR_FAILURE; \
		break; \
	}

/* Reads a string|int argument straight into a tc_dec inside the fast ZPP block. */
#define TC_Z_PARAM_DEC(dest) \
	Z_PARAM_PROLOGUE(0, 0); \
	if (UNEXPECTED(php_tokencalc_zval_to_dec(dest, _arg, _i) == FAILURE)) { \
		_error_code = ZPP_ERROR_FAILURE; \
		break; \
	}

/* Throws the ValueError for a `$scale` argument out of range. */
void php_tokencalc_scale_error(uint32_t arg_num);

/* Parses a `?int $scale` argument (is_null: it was null or omitted); throws and returns FAILURE when out of range. */
static zend_always_inline zend_result php_tokencalc_scale_arg(uint32_t *scale, zend_long value, bool is_null,
		uint32_t arg_num)
{
	if (EXPECTED(is_null)) {
		*scale = (uint32_t) TOKENCALC_G(scale);
		return SUCCESS;
	}
	if (UNEXPECTED(value < 0 || value > (zend_long) TC_SCALE_MAX)) {
		php_tokencalc_scale_error(arg_num);
		return FAILURE;
	}
	*scale = (uint32_t) value;
	return SUCCESS;
}

/* A new PHP string holding d printed (the core writes straight into it). */
zend_string *php_tokencalc_dec_to_str(const tc_dec *d);
/* A split result (tc_dec_mul_either, tc_dec_div_either) as a new string, written once. */
zend_string *php_tokencalc_parts_to_str(const tc_dec_parts *p);

/*
 * memory_limit on an engine that delays its error (ZEND_HAS_OOM(): the error of an allocation that
 * passed the limit stays pending until the function returns; see tokencalc_mem.c):
 *   php_tokencalc_mem_alloc_n(n, size), _realloc_n(): safe_emalloc()/safe_erealloc() for buffers
 *     that grow with the input, fallible there, raising the pending error instead of returning NULL;
 *   PHP_TOKENCALC_MEM_STEP(): once per element of a loop that allocates, raises a pending error.
 * Elsewhere they are the plain allocator and nothing.
 */
#ifdef ZEND_HAS_OOM
ZEND_COLD void php_tokencalc_mem_raise(void);
void *php_tokencalc_mem_alloc_n(size_t n, size_t size);
void *php_tokencalc_mem_realloc_n(void *ptr, size_t n, size_t size);
# define PHP_TOKENCALC_MEM_STEP() do { \
		if (ZEND_HAS_OOM()) { \
			php_tokencalc_mem_raise(); \
		} \
	} while (0)
#else
# define php_tokencalc_mem_alloc_n(n, size) safe_emalloc((n), (size), 0)
# define php_tokencalc_mem_realloc_n(ptr, n, size) safe_erealloc((ptr), (n), (size), 0)
# define PHP_TOKENCALC_MEM_STEP() ((void) 0)
#endif

/*
 * Calls cb(key, value, ctx) for each entry of an array or Traversable (value dereferenced; key an
 * int or string zval for arrays, whatever the iterator yields otherwise, or its position when it
 * has no keys, as foreach). Steps like the engine's spl_iterator_apply() (iter->index kept, an
 * exception looked for after every step), and an iterator that gives no value (NULL data) is a
 * ValueError rather than an early end. Stops at the first FAILURE (cb must have thrown) or
 * exception and returns FAILURE; arg_num names the argument in errors.
 */
typedef zend_result (*php_tokencalc_iter_cb)(zval *key, zval *value, void *ctx);
zend_result php_tokencalc_iterate(zval *iterable, uint32_t arg_num, php_tokencalc_iter_cb cb, void *ctx);

#endif
