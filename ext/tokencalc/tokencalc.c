/*
 * tokencalc: the PHP binding of the arithmetic functions, the module, its INI and phpinfo().
 * Fees, mint and Q64.96 are bound in tokencalc_domain.c, receipts in tokencalc_receipt.c.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "zend_attributes.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include <sodium.h>

#include "php_tokencalc.h"
#include "tokencalc_mint.h"

#include "tokencalc_arginfo.h"

#ifndef ZEND_INI_GET_ADDR
# ifndef ZTS
#  define ZEND_INI_GET_ADDR() ((char *) mh_arg2 + (size_t) mh_arg1)
# else
#  define ZEND_INI_GET_ADDR() ((char *) ts_resource(*((int *) mh_arg2)) + (size_t) mh_arg1)
# endif
#endif

/* Largest accepted tokencalc.max_digits: bounds every GMP allocation an input can cause. */
#define TC_MAX_DIGITS_LIMIT 1000000

ZEND_DECLARE_MODULE_GLOBALS(tokencalc)

/* ---- INI ---- */

/* Parses an INI value that must be a plain non-negative integer within [min, max]. */
static bool parse_ini_long(const zend_string *value, zend_long min, zend_long max, zend_long *out)
{
	const char *s = ZSTR_VAL(value);
	size_t len = ZSTR_LEN(value);
	zend_long v = 0;

	if (len == 0 || len > 12) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max) {
		return false;
	}
	*out = v;
	return true;
}

/* Validates and stores an integer INI value within [min, max]; a bad one is refused with a warning. */
static zend_result update_bounded_long(zend_long *dest, const zend_string *value, const char *name,
		zend_long min, zend_long max)
{
	zend_long v;

	if (!parse_ini_long(value, min, max, &v)) {
		php_error_docref(NULL, E_WARNING,
			"Invalid \"%s\" setting: it must be an integer between " ZEND_LONG_FMT " and " ZEND_LONG_FMT,
			name, min, max);
		return FAILURE;
	}
	*dest = v;
	return SUCCESS;
}

static PHP_INI_MH(OnUpdateScale)
{
	return update_bounded_long((zend_long *) ZEND_INI_GET_ADDR(), new_value, "tokencalc.scale", 0, TC_SCALE_MAX);
}

static PHP_INI_MH(OnUpdateMaxDigits)
{
	return update_bounded_long((zend_long *) ZEND_INI_GET_ADDR(), new_value, "tokencalc.max_digits",
		1, TC_MAX_DIGITS_LIMIT);
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("tokencalc.scale", "10", PHP_INI_ALL, OnUpdateScale,
		scale, zend_tokencalc_globals, tokencalc_globals)
	STD_PHP_INI_ENTRY("tokencalc.max_digits", "4096", PHP_INI_ALL, OnUpdateMaxDigits,
		max_digits, zend_tokencalc_globals, tokencalc_globals)
PHP_INI_END()

/* ---- helpers shared by the binding (php_tokencalc.h) ---- */

/* Throws the error for a string argument the core refused with `status`. */
static void php_tokencalc_parse_error(tc_status status, uint32_t arg_num, zend_long max_digits)
{
	switch (status) {
		case TC_ERR_TOO_LONG:
			zend_argument_value_error(arg_num,
				"must not be longer than " ZEND_LONG_FMT " characters (tokencalc.max_digits)", max_digits);
			break;
		case TC_ERR_NOMEM:
			/* Not reached with emalloc, which bails out instead of returning NULL. */
			zend_throw_error(NULL, "Out of memory");
			break;
		default:
			zend_argument_value_error(arg_num, "is not a valid decimal number");
			break;
	}
}

static void php_tokencalc_type_error(zval *arg, uint32_t arg_num)
{
	zend_argument_type_error(arg_num, "must be of type string|int, %s given", zend_zval_type_name(arg));
}

zend_result php_tokencalc_arg_to_dec(tc_dec *d, zval *arg, uint32_t arg_num)
{
	zend_long max_digits = TOKENCALC_G(max_digits);
	tc_status status;

	switch (Z_TYPE_P(arg)) {
		case IS_LONG:
			tc_dec_from_i64(d, Z_LVAL_P(arg));
			return SUCCESS;
		case IS_STRING:
			status = tc_dec_parse(d, Z_STRVAL_P(arg), Z_STRLEN_P(arg), (size_t) max_digits);
			if (status == TC_OK) {
				return SUCCESS;
			}
			php_tokencalc_parse_error(status, arg_num, max_digits);
			return FAILURE;
		default:
			php_tokencalc_type_error(arg, arg_num);
			return FAILURE;
	}
}

zend_result php_tokencalc_operand_read_slow(php_tokencalc_operand *op, zval *arg, uint32_t arg_num)
{
	zend_long max_digits = TOKENCALC_G(max_digits);
	tc_status status;

	switch (Z_TYPE_P(arg)) {
		case IS_LONG:
			tc_dec_from_i64(&op->dec, Z_LVAL_P(arg));
			op->is_text = false;
			return SUCCESS;
		case IS_STRING:
			status = tc_text_parse(&op->text, Z_STRVAL_P(arg), Z_STRLEN_P(arg), (size_t) max_digits);
			if (status == TC_OK) {
				op->is_text = true;
				return SUCCESS;
			}
			php_tokencalc_parse_error(status, arg_num, max_digits);
			return FAILURE;
		default:
			php_tokencalc_type_error(arg, arg_num);
			return FAILURE;
	}
}

void php_tokencalc_operand_to_text(php_tokencalc_operand *op)
{
	if (op->is_text) {
		return;
	}
	if (Z_TYPE_P(op->src) == IS_STRING) {
		/* Parsed as a short value already, so valid: the text parse only takes it apart. */
		tc_text_parse(&op->text, Z_STRVAL_P(op->src), Z_STRLEN_P(op->src), SIZE_MAX);
	} else {
		tc_text_from_i64(&op->text, Z_LVAL_P(op->src), op->ibuf);
	}
	op->is_text = true;
}

/* One writer for key descriptions: never past end, always room kept for the closing bytes. */
typedef struct {
	char *p, *end;
} tc_desc_out;

static bool desc_put(tc_desc_out *o, const char *s, size_t n)
{
	if ((size_t) (o->end - o->p) < n) {
		return false;
	}
	memcpy(o->p, s, n);
	o->p += n;
	return true;
}

/*
 * The length of the valid UTF-8 sequence at p (at most left bytes) and its code point, or 0 when
 * the byte at p does not start one (a stray continuation byte, an overlong form, a surrogate).
 */
static size_t desc_utf8(const unsigned char *p, size_t left, uint32_t *cp)
{
	size_t n, i;
	uint32_t c = p[0];
	unsigned char lo = 0x80, hi = 0xbf;

	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		lo = p[0] == 0xe0 ? 0xa0 : 0x80;
		hi = p[0] == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		lo = p[0] == 0xf0 ? 0x90 : 0x80;
		hi = p[0] == 0xf4 ? 0x8f : 0xbf;
	} else {
		return 0;
	}
	if (n > left || p[1] < lo || p[1] > hi) {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if (i > 1 && (p[i] < 0x80 || p[i] > 0xbf)) {
			return 0;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	*cp = c;
	return n;
}

/* Code points that would hide, reorder or break the text around them: C1 controls, bidi marks, line separators, BOM. */
static bool desc_invisible(uint32_t cp)
{
	return cp <= 0x9f || cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e)
		|| (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/*
 * Writes the next character of s (len bytes left) as a description shows it, into buf (at least
 * 12 bytes); returns how many bytes of s it covers and sets *out_len.
 */
static size_t desc_char(const unsigned char *s, size_t len, char *buf, size_t *out_len)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c = s[0];
	uint32_t cp;
	size_t n;

	switch (c) {
		case '\\': memcpy(buf, "\\\\", 2); *out_len = 2; return 1;
		case '"': memcpy(buf, "\\\"", 2); *out_len = 2; return 1;
		case '$': memcpy(buf, "\\$", 2); *out_len = 2; return 1;
		case '\n': memcpy(buf, "\\n", 2); *out_len = 2; return 1;
		case '\r': memcpy(buf, "\\r", 2); *out_len = 2; return 1;
		case '\t': memcpy(buf, "\\t", 2); *out_len = 2; return 1;
		case '\v': memcpy(buf, "\\v", 2); *out_len = 2; return 1;
		case '\f': memcpy(buf, "\\f", 2); *out_len = 2; return 1;
		case 0x1b: memcpy(buf, "\\e", 2); *out_len = 2; return 1;
	}
	if (c >= 0x20 && c < 0x7f) {
		buf[0] = (char) c;
		*out_len = 1;
		return 1;
	}
	if (c >= 0x80 && (n = desc_utf8(s, len, &cp)) != 0) {
		if (!desc_invisible(cp)) {
			memcpy(buf, s, n);
			*out_len = n;
		} else {
			*out_len = (size_t) snprintf(buf, 12, "\\u{%X}", (unsigned) cp);
		}
		return n;
	}
	/* other control bytes, DEL and bytes that are not UTF-8 */
	buf[0] = '\\';
	buf[1] = 'x';
	buf[2] = hex[c >> 4];
	buf[3] = hex[c & 15];
	*out_len = 4;
	return 1;
}

void php_tokencalc_describe_key(char *where, size_t size, const zval *key)
{
	ZEND_ASSERT(size >= PHP_TOKENCALC_KEY_DESC_MIN);
	if (UNEXPECTED(size < PHP_TOKENCALC_KEY_DESC_MIN)) {
		if (size > 0) {
			where[0] = '\0'; /* a caller's bug: no room to say anything, and no byte written past size */
		}
		return;
	}
	ZVAL_DEREF(key);
	if (Z_TYPE_P(key) == IS_LONG) {
		snprintf(where, size, "[" ZEND_LONG_FMT "]", Z_LVAL_P(key));
	} else if (Z_TYPE_P(key) != IS_STRING) {
		snprintf(where, size, "[key of type %s]", zend_zval_type_name(key));
	} else {
		const unsigned char *s = (const unsigned char *) Z_STRVAL_P(key);
		size_t len = Z_STRLEN_P(key), i = 0;
		/* the 6 bytes at the end are for "...] and the NUL */
		tc_desc_out o = {where, where + size - 6};
		char buf[12];
		size_t n, out_len;

		desc_put(&o, "[\"", 2);
		while (i < len) {
			n = desc_char(s + i, len - i, buf, &out_len);
			/* a character that does not fit whole is left out, with everything after it */
			if (i + n > PHP_TOKENCALC_KEY_DESC_BYTES || !desc_put(&o, buf, out_len)) {
				break;
			}
			i += n;
		}
		o.end = where + size;
		desc_put(&o, i < len ? "\"...]" : "\"]", i < len ? 5 : 2);
		*o.p = '\0';
	}
}

void php_tokencalc_describe_entry(char *where, size_t size, const zend_string *key, zend_ulong h)
{
	zval zkey;
	if (key != NULL) {
		ZVAL_STR(&zkey, (zend_string *) key);
	} else {
		ZVAL_LONG(&zkey, (zend_long) h);
	}
	php_tokencalc_describe_key(where, size, &zkey);
}

/* Throws for a value of an array or iterable that is not a decimal number (status from tc_dec_parse(), or TC_OK for a wrong type). */
static void entry_error(const zval *value, uint32_t arg_num, tc_status status, const zval *key, zend_long max_digits)
{
	char where[PHP_TOKENCALC_KEY_DESC_SIZE];

	php_tokencalc_describe_key(where, sizeof where, key);
	if (Z_TYPE_P(value) != IS_STRING) {
		zend_argument_type_error(arg_num, "must contain only values of type string|int, %s given at %s",
			zend_zval_type_name(value), where);
	} else if (status == TC_ERR_TOO_LONG) {
		zend_argument_value_error(arg_num,
			"must contain only numbers of at most " ZEND_LONG_FMT
			" characters (tokencalc.max_digits), %s is longer", max_digits, where);
	} else {
		zend_argument_value_error(arg_num, "must contain only valid decimal numbers, %s is not", where);
	}
}

zend_result php_tokencalc_value_to_dec(tc_dec *d, zval *value, uint32_t arg_num, const zval *key,
		zend_long max_digits)
{
	tc_status status = TC_OK;

	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_LONG) {
		tc_dec_from_i64(d, Z_LVAL_P(value));
		return SUCCESS;
	}
	if (Z_TYPE_P(value) == IS_STRING) {
		status = tc_dec_parse(d, Z_STRVAL_P(value), Z_STRLEN_P(value), (size_t) max_digits);
		if (EXPECTED(status == TC_OK)) {
			return SUCCESS;
		}
	}
	/* the description is built only on the way to an exception: this is a per-row hot path */
	entry_error(value, arg_num, status, key, max_digits);
	return FAILURE;
}

zend_result php_tokencalc_entry_to_dec(tc_dec *d, zval *value, uint32_t arg_num,
		zend_string *key, zend_ulong h)
{
	zval zkey;

	if (key != NULL) {
		ZVAL_STR(&zkey, key);
	} else {
		ZVAL_LONG(&zkey, (zend_long) h);
	}
	return php_tokencalc_value_to_dec(d, value, arg_num, &zkey, TOKENCALC_G(max_digits));
}

void php_tokencalc_scale_error(uint32_t arg_num)
{
	zend_argument_value_error(arg_num, "must be between 0 and %u", TC_SCALE_MAX);
}

/*
 * A new string with room for len characters. A length known at compile time lets the engine take
 * its allocator bin directly (_emalloc_56() instead of _emalloc(): 26 instead of 41 instructions,
 * PHP 8.4); each constant is the longest string of its bin, so no memory is wasted. The bins of 32
 * to 80 bytes hold the results of 1 to 38 digits, with tc_text_addsub()'s slack.
 */
static zend_always_inline zend_string *tokencalc_str_alloc(size_t len)
{
	if (len <= 7) {
		return zend_string_alloc(7, 0);
	} else if (len <= 15) {
		return zend_string_alloc(15, 0);
	} else if (len <= 23) {
		return zend_string_alloc(23, 0);
	} else if (len <= 31) {
		return zend_string_alloc(31, 0);
	} else if (len <= 39) {
		return zend_string_alloc(39, 0);
	} else if (len <= 55) {
		return zend_string_alloc(55, 0);
	}
	return zend_string_alloc(len, 0);
}

zend_string *php_tokencalc_dec_to_str(const tc_dec *d)
{
	size_t len = tc_dec_print_len(d);
	zend_string *s = tokencalc_str_alloc(len);

	ZSTR_LEN(s) = len;
	tc_dec_print_exact(d, ZSTR_VAL(s), len);
	ZSTR_VAL(s)[len] = '\0';
	return s;
}

zend_string *php_tokencalc_parts_to_str(const tc_dec_parts *p)
{
	size_t len = tc_dec_parts_len(p);
	zend_string *s = zend_string_alloc(len, 0);

	tc_dec_parts_print(p, ZSTR_VAL(s), len);
	ZSTR_VAL(s)[len] = '\0';
	return s;
}

zend_result php_tokencalc_iterate(zval *iterable, uint32_t arg_num, php_tokencalc_iter_cb cb, void *ctx)
{
	if (Z_TYPE_P(iterable) == IS_ARRAY) {
		zend_string *key;
		zend_ulong h;
		zval *value, zkey;

		ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(iterable), h, key, value) {
			if (key != NULL) {
				ZVAL_STR(&zkey, key);
			} else {
				ZVAL_LONG(&zkey, (zend_long) h);
			}
			ZVAL_DEREF(value);
			if (cb(&zkey, value, ctx) == FAILURE) {
				return FAILURE;
			}
		} ZEND_HASH_FOREACH_END();
		return SUCCESS;
	}

	/* the steps of the engine's own spl_iterator_apply(), each followed by a look at EG(exception) */
	zend_class_entry *ce = Z_OBJCE_P(iterable);
	zend_object_iterator *it = ce->get_iterator(ce, iterable, 0);
	zend_result result = FAILURE;

	if (UNEXPECTED(it == NULL)) {
		if (!EG(exception)) {
			zend_argument_type_error(arg_num, "could not be iterated: %s gave no iterator", ZSTR_VAL(ce->name));
		}
		return FAILURE;
	}
	if (EG(exception)) {
		goto done;
	}
	it->index = 0;
	if (it->funcs->rewind) {
		it->funcs->rewind(it);
		if (EG(exception)) {
			goto done;
		}
	}
	while (it->funcs->valid(it) == SUCCESS && !EG(exception)) {
		zval *value = it->funcs->get_current_data(it);
		zval zkey;
		zend_result r;

		if (EG(exception)) {
			goto done;
		}
		if (UNEXPECTED(value == NULL)) {
			/* foreach would end here without a word; a sum that silently stops short is worse */
			zend_argument_value_error(arg_num, "could not be iterated: its iterator gave no value at position "
				ZEND_ULONG_FMT, it->index);
			goto done;
		}
		if (it->funcs->get_current_key) {
			ZVAL_UNDEF(&zkey);
			it->funcs->get_current_key(it, &zkey);
			if (EG(exception)) {
				zval_ptr_dtor(&zkey);
				goto done;
			}
		} else {
			ZVAL_LONG(&zkey, (zend_long) it->index); /* what foreach gives such an iterator */
		}
		ZVAL_DEREF(value);
		r = cb(&zkey, value, ctx);
		zval_ptr_dtor(&zkey);
		if (r == FAILURE || EG(exception)) {
			goto done;
		}
		it->index++;
		it->funcs->move_forward(it);
		if (EG(exception)) {
			goto done;
		}
	}
	/* valid() may have thrown, and said FAILURE */
	result = EG(exception) ? FAILURE : SUCCESS;
done:
	zend_iterator_dtor(it);
	return result;
}

/* ---- arithmetic functions ---- */

/*
 * Each function has two entries that share everything after argument parsing: the ordinary one
 * (fast ZPP) and, on PHP 8.4+, frameless handlers that the compiler calls directly for a call
 * resolved at compile time (FRAMELESS_ICALL_n), without a call frame. Token-sized operands of
 * add, sub, mul and div take the machine-word path; cmp and truncate work on every string in
 * place, add and sub on longer ones (text.h); mul and div read longer strings straight into
 * binary, so values of up to 150 digits allocate nothing but the result.
 */

/* a + b or a - b of two decimal strings taken apart, as a new string */
static zend_always_inline void tokencalc_addsub_text(zval *return_value, const tc_text *a, const tc_text *b,
		uint32_t scale, bool sub)
{
	zend_string *s = tokencalc_str_alloc(tc_text_addsub_size(a, b, scale));
	size_t n = tc_text_addsub(ZSTR_VAL(s), a, b, sub, scale);
	ZEND_ASSERT(n > 0);   /* 0 only when tc_mem_alloc() returns NULL, which emalloc never does */
	ZSTR_LEN(s) = n;
	ZSTR_VAL(s)[n] = '\0';
	RETVAL_NEW_STR(s);
}

static zend_always_inline void tokencalc_addsub_do(zval *return_value, php_tokencalc_operand *a,
		php_tokencalc_operand *b, uint32_t scale, bool sub)
{
	if (EXPECTED(!a->is_text && !b->is_text)) {
		tc_dec_stack sr;
		tc_dec r;
		tc_dec_init_stack(&r, &sr);
		if (sub) {
			tc_dec_sub(&r, &a->dec, &b->dec, scale);
		} else {
			tc_dec_add(&r, &a->dec, &b->dec, scale);
		}
		RETVAL_NEW_STR(php_tokencalc_dec_to_str(&r));
		tc_dec_clear(&r);
		return;
	}
	php_tokencalc_operand_to_text(a);
	php_tokencalc_operand_to_text(b);
	tokencalc_addsub_text(return_value, &a->text, &b->text, scale, sub);
}

/*
 * add and sub of two strings (the usual call), without php_tokencalc_operand. Both read as text and
 * added eight columns at a time (text.h), except when both have at most TC_ADDSUB_WORD_LEN
 * characters and one of them fewer than TC_TEXT_CLASSIFIED_LEN: the core then reads both and adds
 * in a machine word (tc_dec_addsub_short()). false when it does not apply or an operand is not
 * valid: the general path then reads the operands again and says what is wrong with them, so errors
 * stay those of the general path. The crossing points, and both routes against reading the
 * operands into php_tokencalc_operand first: PHP 8.4.27, tracing JIT, CHANGELOG.
 */
#define TC_ADDSUB_WORD_LEN 13

static zend_always_inline bool tokencalc_addsub_strings(zval *return_value, const zval *a, const zval *b,
		uint32_t scale, bool sub)
{
	if (Z_TYPE_P(a) != IS_STRING || Z_TYPE_P(b) != IS_STRING) {
		return false;
	}
	size_t alen = Z_STRLEN_P(a), blen = Z_STRLEN_P(b), longer = MAX(alen, blen);
	if (longer > (size_t) TOKENCALC_G(max_digits)) {
		return false;
	}
	if (longer <= TC_ADDSUB_WORD_LEN && MIN(alen, blen) < TC_TEXT_CLASSIFIED_LEN) {
		tc_dec r;
		tc_dec_init(&r);
		if (tc_dec_addsub_short(&r, Z_STRVAL_P(a), alen, Z_STRVAL_P(b), blen, sub, scale) != TC_OK) {
			return false;
		}
		RETVAL_NEW_STR(php_tokencalc_dec_to_str(&r));
		tc_dec_clear(&r);
		return true;
	}
	tc_text ta, tb;
	if (tc_text_parse(&ta, Z_STRVAL_P(a), alen, SIZE_MAX) != TC_OK
			|| tc_text_parse(&tb, Z_STRVAL_P(b), blen, SIZE_MAX) != TC_OK) {
		return false;
	}
	tokencalc_addsub_text(return_value, &ta, &tb, scale, sub);
	return true;
}

static zend_always_inline void tokencalc_truncate_do(zval *return_value, php_tokencalc_operand *a, uint32_t scale)
{
	if (EXPECTED(!a->is_text)) {
		tc_dec_truncate(&a->dec, &a->dec, scale);
		RETVAL_NEW_STR(php_tokencalc_dec_to_str(&a->dec));
		return;
	}
	size_t len = tc_text_truncate_len(&a->text, scale);
	zend_string *s = zend_string_alloc(len, 0);
	tc_text_truncate(ZSTR_VAL(s), &a->text, scale, len);
	ZSTR_VAL(s)[len] = '\0';
	RETVAL_NEW_STR(s);
}

static zend_always_inline zend_long tokencalc_cmp_do(php_tokencalc_operand *a, php_tokencalc_operand *b)
{
	if (EXPECTED(!a->is_text && !b->is_text)) {
		return tc_dec_cmp(&a->dec, &b->dec);
	}
	/* a long value beside a word: its integer part's length often decides, without converting the word */
	int quick;
	if (a->is_text && !b->is_text && tc_dec_cmp_text_quick(&a->text, &b->dec, &quick)) {
		return quick;
	}
	if (!a->is_text && b->is_text && tc_dec_cmp_text_quick(&b->text, &a->dec, &quick)) {
		return -quick;
	}
	php_tokencalc_operand_to_text(a);
	php_tokencalc_operand_to_text(b);
	return tc_text_cmp(&a->text, &b->text);
}

/*
 * Two machine words go to decimal.h's routes; otherwise both go as text to the core's string
 * routes, which read the digits straight into binary (an operand of 20 or more digits is never
 * held in base-10^8 limbs on the way).
 */
static zend_always_inline void tokencalc_muldiv_do(zval *return_value, php_tokencalc_operand *a,
		php_tokencalc_operand *b, uint32_t scale, bool div)
{
	tc_dec_stack sr;
	tc_dec r;
	tc_status st;

	/* a result past 64 bits may come split at its point: then it is printed once */
	tc_dec_parts parts;
	bool split;

	tc_dec_init_stack(&r, &sr);
	if (EXPECTED(!a->is_text && !b->is_text)) {
		st = div ? tc_dec_div_either(&r, &parts, &split, &a->dec, &b->dec, scale)
			: tc_dec_mul_either(&r, &parts, &split, &a->dec, &b->dec, scale);
	} else {
		php_tokencalc_operand_to_text(a);
		php_tokencalc_operand_to_text(b);
		st = div ? tc_text_div_either(&r, &parts, &split, &a->text, &b->text, scale)
			: tc_text_mul_either(&r, &parts, &split, &a->text, &b->text, scale);
	}
	if (UNEXPECTED(st == TC_ERR_DIV0)) {
		zend_throw_exception_ex(zend_ce_division_by_zero_error, 0, "Division by zero");
	} else {
		RETVAL_NEW_STR(split ? php_tokencalc_parts_to_str(&parts) : php_tokencalc_dec_to_str(&r));
	}
	tc_dec_clear(&r);
}

/* The framed entry of add, sub (muldiv false) and mul, div: flag is sub or div. */
static zend_always_inline void tokencalc_binary(INTERNAL_FUNCTION_PARAMETERS, bool muldiv, bool flag)
{
	php_tokencalc_operand a, b;
	zend_long scale_arg = 0;
	bool scale_null = true;
	uint32_t scale;

	if (!muldiv && ZEND_NUM_ARGS() == 2 && tokencalc_addsub_strings(return_value, ZEND_CALL_ARG(execute_data, 1),
			ZEND_CALL_ARG(execute_data, 2), (uint32_t) TOKENCALC_G(scale), flag)) {
		return;
	}
	bool pair_short = ZEND_NUM_ARGS() >= 2
		&& php_tokencalc_pair_short(ZEND_CALL_ARG(execute_data, 1), ZEND_CALL_ARG(execute_data, 2));

	ZEND_PARSE_PARAMETERS_START(2, 3)
		TC_Z_PARAM_OPERAND(&a, pair_short, !pair_short)
		TC_Z_PARAM_OPERAND(&b, pair_short, a.is_text)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(scale_arg, scale_null)
	ZEND_PARSE_PARAMETERS_END();

	if (php_tokencalc_scale_arg(&scale, scale_arg, scale_null, 3) == SUCCESS) {
		if (muldiv) {
			tokencalc_muldiv_do(return_value, &a, &b, scale, flag);
		} else {
			tokencalc_addsub_do(return_value, &a, &b, scale, flag);
		}
	}
}

PHP_FUNCTION(tokencalc_add)
{
	tokencalc_binary(INTERNAL_FUNCTION_PARAM_PASSTHRU, false, false);
}

PHP_FUNCTION(tokencalc_sub)
{
	tokencalc_binary(INTERNAL_FUNCTION_PARAM_PASSTHRU, false, true);
}

PHP_FUNCTION(tokencalc_mul)
{
	tokencalc_binary(INTERNAL_FUNCTION_PARAM_PASSTHRU, true, false);
}

PHP_FUNCTION(tokencalc_div)
{
	tokencalc_binary(INTERNAL_FUNCTION_PARAM_PASSTHRU, true, true);
}

PHP_FUNCTION(tokencalc_truncate)
{
	php_tokencalc_operand a;
	zend_long scale_arg = 0;
	bool scale_null = true;
	uint32_t scale;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		TC_Z_PARAM_OPERAND(&a, false, true)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(scale_arg, scale_null)
	ZEND_PARSE_PARAMETERS_END();

	if (php_tokencalc_scale_arg(&scale, scale_arg, scale_null, 2) == SUCCESS) {
		tokencalc_truncate_do(return_value, &a, scale);
	}
}

PHP_FUNCTION(tokencalc_cmp)
{
	php_tokencalc_operand a, b;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		TC_Z_PARAM_OPERAND(&a, false, true)
		TC_Z_PARAM_OPERAND(&b, false, true)
	ZEND_PARSE_PARAMETERS_END();

	RETVAL_LONG(tokencalc_cmp_do(&a, &b));
}

#if PHP_VERSION_ID >= 80400
/* Frameless handlers: the same checks in the same order as the framed entries above. */
# define TC_FLF_PARAM_OPERAND(n, dest, pair_short, text_only) \
	if (UNEXPECTED(php_tokencalc_operand_read(dest, arg ## n, n, pair_short, text_only) == FAILURE)) { \
		goto flf_clean; \
	}

/*
 * The frameless pair of a two-operand function: short_fn(return_value, arg1, arg2, scale, flag) first
 * (true when it has made the result), then do_fn(return_value, &a, &b, scale, flag).
 */
# define TC_FLF_BINARY(name, do_fn, flag, short_fn) \
	ZEND_FRAMELESS_FUNCTION(name, 2) \
	{ \
		php_tokencalc_operand a, b; \
		if (short_fn(return_value, arg1, arg2, (uint32_t) TOKENCALC_G(scale), flag)) { \
			return; \
		} \
		bool pair_short = php_tokencalc_pair_short(arg1, arg2); \
		TC_FLF_PARAM_OPERAND(1, &a, pair_short, !pair_short) \
		TC_FLF_PARAM_OPERAND(2, &b, pair_short, a.is_text) \
		do_fn(return_value, &a, &b, (uint32_t) TOKENCALC_G(scale), flag); \
	flf_clean:; \
	} \
	ZEND_FRAMELESS_FUNCTION(name, 3) \
	{ \
		php_tokencalc_operand a, b; \
		zend_long scale_arg = 0; \
		bool scale_null = true; \
		uint32_t scale; \
		if (Z_TYPE_P(arg3) == IS_LONG && Z_LVAL_P(arg3) >= 0 && Z_LVAL_P(arg3) <= (zend_long) TC_SCALE_MAX \
				&& short_fn(return_value, arg1, arg2, (uint32_t) Z_LVAL_P(arg3), flag)) { \
			return; \
		} \
		bool pair_short = php_tokencalc_pair_short(arg1, arg2); \
		TC_FLF_PARAM_OPERAND(1, &a, pair_short, !pair_short) \
		TC_FLF_PARAM_OPERAND(2, &b, pair_short, a.is_text) \
		Z_FLF_PARAM_LONG_OR_NULL(3, scale_null, scale_arg) \
		if (php_tokencalc_scale_arg(&scale, scale_arg, scale_null, 3) == SUCCESS) { \
			do_fn(return_value, &a, &b, scale, flag); \
		} \
	flf_clean:; \
	}

/* mul and div have no short route of their own: their machine-word path is do_fn's */
# define TC_NO_SHORT(return_value, a, b, scale, flag) false

TC_FLF_BINARY(tokencalc_add, tokencalc_addsub_do, false, tokencalc_addsub_strings)
TC_FLF_BINARY(tokencalc_sub, tokencalc_addsub_do, true, tokencalc_addsub_strings)
TC_FLF_BINARY(tokencalc_mul, tokencalc_muldiv_do, false, TC_NO_SHORT)
TC_FLF_BINARY(tokencalc_div, tokencalc_muldiv_do, true, TC_NO_SHORT)

ZEND_FRAMELESS_FUNCTION(tokencalc_truncate, 1)
{
	php_tokencalc_operand a;

	TC_FLF_PARAM_OPERAND(1, &a, false, true)
	tokencalc_truncate_do(return_value, &a, (uint32_t) TOKENCALC_G(scale));
flf_clean:;
}

ZEND_FRAMELESS_FUNCTION(tokencalc_truncate, 2)
{
	php_tokencalc_operand a;
	zend_long scale_arg = 0;
	bool scale_null = true;
	uint32_t scale;

	TC_FLF_PARAM_OPERAND(1, &a, false, true)
	Z_FLF_PARAM_LONG_OR_NULL(2, scale_null, scale_arg)
	if (php_tokencalc_scale_arg(&scale, scale_arg, scale_null, 2) == SUCCESS) {
		tokencalc_truncate_do(return_value, &a, scale);
	}
flf_clean:;
}

ZEND_FRAMELESS_FUNCTION(tokencalc_cmp, 2)
{
	php_tokencalc_operand a, b;

	TC_FLF_PARAM_OPERAND(1, &a, false, true)
	TC_FLF_PARAM_OPERAND(2, &b, false, true)
	RETVAL_LONG(tokencalc_cmp_do(&a, &b));
flf_clean:;
}
#endif

PHP_FUNCTION(tokencalc_normalize)
{
	tc_dec a;

	tc_dec_init(&a);
	ZEND_PARSE_PARAMETERS_START(1, 1)
		TC_Z_PARAM_DEC(&a)
	ZEND_PARSE_PARAMETERS_END_EX(goto cleanup);

	tc_dec_normalize(&a);
	RETVAL_NEW_STR(php_tokencalc_dec_to_str(&a));

cleanup:
	tc_dec_clear(&a);
}

/* tokencalc_sum()'s state. The settings are read once, when the call starts: an iterable that changes them does not change this call. */
typedef struct {
	tc_dec acc;
	tc_dec value;
	uint32_t max_scale;
	zend_long max_digits; /* tokencalc.max_digits at the start */
} tc_sum_ctx;

static zend_result sum_entry(zval *key, zval *value, void *opaque)
{
	tc_sum_ctx *ctx = opaque;

	if (php_tokencalc_value_to_dec(&ctx->value, value, 1, key, ctx->max_digits) == FAILURE) {
		return FAILURE;
	}
	if (ctx->value.scale > ctx->max_scale) {
		ctx->max_scale = ctx->value.scale;
	}
	tc_dec_add(&ctx->acc, &ctx->acc, &ctx->value, TC_SCALE_EXACT);
	return SUCCESS;
}

PHP_FUNCTION(tokencalc_sum)
{
	zval *values;
	zend_long scale_arg = 0;
	bool scale_null = true;
	uint32_t scale;
	tc_sum_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ITERABLE(values)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(scale_arg, scale_null)
	ZEND_PARSE_PARAMETERS_END();

	/* the snapshot: tokencalc.scale (when $scale is null) and tokencalc.max_digits */
	if (php_tokencalc_scale_arg(&scale, scale_arg, scale_null, 2) == FAILURE) {
		RETURN_THROWS();
	}
	tc_dec_init(&ctx.acc);
	tc_dec_init(&ctx.value);
	ctx.max_scale = 0;
	ctx.max_digits = TOKENCALC_G(max_digits);
	if (php_tokencalc_iterate(values, 1, sum_entry, &ctx) == SUCCESS) {
		tc_dec_truncate(&ctx.acc, &ctx.acc, MIN(scale, ctx.max_scale));
		RETVAL_NEW_STR(php_tokencalc_dec_to_str(&ctx.acc));
	}
	tc_dec_clear(&ctx.acc);
	tc_dec_clear(&ctx.value);
}

/* ---- module ---- */

static PHP_GINIT_FUNCTION(tokencalc)
{
#if defined(COMPILE_DL_TOKENCALC) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	tokencalc_globals->scale = 10;
	tokencalc_globals->max_digits = 4096;
}

static PHP_MINIT_FUNCTION(tokencalc)
{
	/* Idempotent and thread-safe; picks libsodium's fastest BLAKE2b implementation. */
	if (sodium_init() < 0) {
		return FAILURE;
	}
	REGISTER_INI_ENTRIES();
	register_tokencalc_symbols(module_number);
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(tokencalc)
{
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(tokencalc)
{
	char compiled[32];

	snprintf(compiled, sizeof compiled, "%d.%d.%d",
		__GNU_MP_VERSION, __GNU_MP_VERSION_MINOR, __GNU_MP_VERSION_PATCHLEVEL);
	php_info_print_table_start();
	php_info_print_table_row(2, "tokencalc support", "enabled");
	php_info_print_table_row(2, "tokencalc version", PHP_TOKENCALC_VERSION);
	php_info_print_table_row(2, "GMP version (compiled)", compiled);
	php_info_print_table_row(2, "GMP version (runtime)", gmp_version);
	php_info_print_table_row(2, "libsodium version (compiled)", SODIUM_VERSION_STRING);
	php_info_print_table_row(2, "libsodium version (runtime)", sodium_version_string());
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

zend_module_entry tokencalc_module_entry = {
	STANDARD_MODULE_HEADER,
	"tokencalc",
	ext_functions,
	PHP_MINIT(tokencalc),
	PHP_MSHUTDOWN(tokencalc),
	NULL,
	NULL,
	PHP_MINFO(tokencalc),
	PHP_TOKENCALC_VERSION,
	PHP_MODULE_GLOBALS(tokencalc),
	PHP_GINIT(tokencalc),
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_TOKENCALC
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(tokencalc)
#endif
