/*
 * tokencalc: the PHP binding of the domain functions: fees, the daily mint and Q64.96.
 * It only converts: zvals into tc_dec, core statuses into engine exceptions, results into
 * arrays of strings. The arithmetic is in core/fees.c, core/mint.c and core/q96.c.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "php_tokencalc.h"
#include "core/fees.h"
#include "core/mint.h"
#include "core/q96.h"

/* Rates of a fee split held on the stack; more than this go to the heap. */
#define TC_FEES_STACK_RATES 8

/* Adds value to arr under key (a string) or h (an int key), as the source array had it. */
static void add_keyed(zval *arr, zend_string *key, zend_ulong h, zval *value)
{
	if (key != NULL) {
		zend_hash_add_new(Z_ARRVAL_P(arr), key, value);
	} else {
		zend_hash_index_add_new(Z_ARRVAL_P(arr), h, value);
	}
}

static void add_dec_str(zval *arr, const char *key, const tc_dec *d)
{
	add_assoc_str(arr, key, php_tokencalc_dec_to_str(d));
}

/* {{{ tokencalc_fees(string|int $amount, array $rates, string $mode = TOKENCALC_FEES_ADDED): array */
PHP_FUNCTION(tokencalc_fees)
{
	tc_dec amount, required, net, dust;
	tc_dec stack_decs[2 * TC_FEES_STACK_RATES];
	tc_dec *rates = stack_decs, *fees;
	HashTable *rates_ht;
	zend_string *mode_str = NULL, *key;
	tc_fees_mode mode = TC_FEES_ADDED;
	zend_ulong h;
	zval *value, fees_arr;
	size_t n, i = 0;

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
	if (n > TC_FEES_STACK_RATES) {
		rates = safe_emalloc(2 * n, sizeof *rates, 0);
	}
	fees = rates + n;
	for (size_t j = 0; j < 2 * n; j++) {
		tc_dec_init(&rates[j]);
	}

	ZEND_HASH_FOREACH_KEY_VAL(rates_ht, h, key, value) {
		if (php_tokencalc_entry_to_dec(&rates[i], value, 2, key, h) == FAILURE) {
			goto cleanup;
		}
		if (tc_dec_sign(&rates[i]) < 0) {
			char where[96];
			php_tokencalc_describe_entry(where, sizeof where, key, h);
			zend_argument_value_error(2, "must contain only non-negative rates, %s is negative", where);
			goto cleanup;
		}
		i++;
	} ZEND_HASH_FOREACH_END();

	if (mode_str != NULL && tc_fees_mode_parse(ZSTR_VAL(mode_str), ZSTR_LEN(mode_str), &mode) != TC_OK) {
		zend_argument_value_error(3, "must be \"ADDED\", \"INCLUDED\" or \"NO_FEES\"");
		goto cleanup;
	}

	/* Signs were checked above, so the core cannot refuse. */
	tc_fees_split(&amount, rates, n, mode, (uint32_t) TOKENCALC_G(scale), &required, &net, fees, &dust);

	array_init_size(return_value, 4);
	add_dec_str(return_value, "required", &required);
	add_dec_str(return_value, "net", &net);
	array_init_size(&fees_arr, (uint32_t) n);
	i = 0;
	ZEND_HASH_FOREACH_KEY(rates_ht, h, key) {
		zval zv;
		ZVAL_NEW_STR(&zv, php_tokencalc_dec_to_str(&fees[i++]));
		add_keyed(&fees_arr, key, h, &zv);
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(return_value, "fees", &fees_arr);
	add_dec_str(return_value, "dust", &dust);

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

/* ---- the daily mint ---- */

/*
 * What tokencalc_mint() accumulates while it walks $gems.
 *
 * Every input (an array, a Traversable that may repeat a user, rows [userId, gems] with
 * TOKENCALC_MINT_ROWS) is summed in ids, keyed by user id, in order of first appearance; in COMPAT
 * the result is then built in place from ids. A day is a million rows over a hundred thousand users: each total lives inside its hash bucket, as an int64 coefficient at
 * the common scale fixed_scale (IS_LONG), so that a row costs one hash lookup, one parse and
 * one machine addition. A total that does not fit becomes a heap tc_dec (IS_PTR) and stays one.
 */
typedef struct mint_ctx {
	HashTable ids;          /* the users in order of first appearance, each with its total */
	bool rows;              /* TOKENCALC_MINT_ROWS: every value is a row [userId, gems] */
	uint32_t fixed_scale;   /* scale of every IS_LONG total in ids */
	uint32_t max_scale;     /* the largest scale of any value: every total is printed at it */
	size_t slow;            /* how many totals in ids are heap tc_decs (IS_PTR) */
	size_t max_digits;      /* tokencalc.max_digits, read once per call */
	size_t short_len;       /* longest gems string mint_parse_short() takes: min(18, max_digits) */
	zend_ulong pos;         /* ROWS: the position of the row being read, for error messages */
	uint32_t other_keys;    /* rows whose id string was not the very string of its user's key in ids */
	tc_mint_user *users;
	size_t n;
	tc_dec value;           /* the row being read */
} mint_ctx;

/* The int64 total kept in a bucket's value (8 bytes: it holds a double; zend_long may be 32 bits). */
static zend_always_inline int64_t slot_get(const zval *slot)
{
	int64_t c;
	memcpy(&c, &slot->value, sizeof c);
	return c;
}

static zend_always_inline void slot_set(zval *slot, int64_t c)
{
	memcpy(&slot->value, &c, sizeof c);
	Z_TYPE_INFO_P(slot) = IS_LONG;
}

/* *acc += v unless that overflows (then false, *acc unchanged). */
static zend_always_inline bool add_i64(int64_t *acc, int64_t v)
{
#if defined(__GNUC__) || defined(__clang__)
	int64_t r;
	if (__builtin_add_overflow(*acc, v, &r)) {
		return false;
	}
	*acc = r;
	return true;
#else
	return tc_mint_fixed_add(acc, v);
#endif
}

/* Turns the slot's total (c at scale, or zero) into a heap tc_dec for good. */
static tc_dec *slot_make_slow(mint_ctx *ctx, zval *slot, int64_t c, uint32_t scale)
{
	tc_dec *d = emalloc(sizeof *d);
	tc_dec_init(d);
	tc_mint_fixed_to_dec(d, c, scale);
	ZVAL_PTR(slot, d);
	ctx->slow++;
	return d;
}

/* Brings every fixed total to a larger common scale; a total that would overflow goes slow. */
static void mint_raise_fixed_scale(mint_ctx *ctx, uint32_t scale)
{
	zval *slot;

	ZEND_HASH_FOREACH_VAL(&ctx->ids, slot) {
		if (Z_TYPE_P(slot) == IS_LONG) {
			int64_t c = slot_get(slot);
			if (tc_mint_fixed_rescale(&c, scale - ctx->fixed_scale)) {
				slot_set(slot, c);
			} else {
				slot_make_slow(ctx, slot, slot_get(slot), ctx->fixed_scale);
			}
		}
	} ZEND_HASH_FOREACH_END();
	ctx->fixed_scale = scale;
}

/* A token-sized gems string read by the core's inline fast path; false sends it to tc_dec_parse(). */
static zend_always_inline bool mint_parse_short(mint_ctx *ctx, const zend_string *s)
{
	return ZSTR_LEN(s) <= ctx->short_len && !ctx->value.is_big
		&& tc_dec_parse_short(&ctx->value, ZSTR_VAL(s), ZSTR_LEN(s)) == TC_OK;
}

/* ctx->value = the gems in value; [key] (or [h]) names the entry in an error message. */
static zend_always_inline zend_result mint_read_value(mint_ctx *ctx, zval *value, zend_string *key, zend_ulong h)
{
	if (EXPECTED(Z_TYPE_P(value) == IS_STRING)) {
		if (EXPECTED(mint_parse_short(ctx, Z_STR_P(value)))
				|| tc_dec_parse(&ctx->value, Z_STRVAL_P(value), Z_STRLEN_P(value), ctx->max_digits) == TC_OK) {
			return SUCCESS;
		}
	}
	return php_tokencalc_entry_to_dec(&ctx->value, value, 2, key, h);
}

/*
 * A new user's key, just added to ids as the row's own id string. When nothing but that row and ids
 * holds the string (rows fresh from a query: every row's id is a string of its own), ids takes a copy
 * instead: the copies of all users lie side by side, where the rows' strings are spread over the whole
 * input, and every later row of the user compares its id with that key. Equal strings: no result changes.
 */
static zend_always_inline void mint_compact_key(Bucket *b, zend_string *key)
{
	if (!ZSTR_IS_INTERNED(key) && GC_REFCOUNT(key) == 2) {
		zend_string *copy = zend_string_init(ZSTR_VAL(key), ZSTR_LEN(key), 0);
		ZSTR_H(copy) = ZSTR_H(key);
		b->key = copy;
		GC_DELREF(key);
	}
}

/* Adds ctx->value to the total of user skey (or h, an int id) in ids. */
static zend_always_inline void mint_add(mint_ctx *ctx, zend_string *skey, zend_ulong h)
{
	const tc_dec *v = &ctx->value;
	zval *slot;
	int64_t c = 0;
	bool fits;

	if (EXPECTED(!v->is_big) && EXPECTED(v->scale <= ctx->fixed_scale)) {
		uint32_t k = ctx->fixed_scale - v->scale;   /* <= TC_MINT_FIXED_MAX_SCALE */
		fits = v->small <= (uint64_t) tc_mint_pow10_limit[k];
		c = (int64_t) (v->small * (uint64_t) tc_mint_pow10_i64[k]);   /* used only when it fits */
		c = v->neg ? -c : c;
	} else {
		if (v->scale > ctx->max_scale) {
			ctx->max_scale = v->scale;
		}
		if (v->scale > ctx->fixed_scale && v->scale <= TC_MINT_FIXED_MAX_SCALE) {
			mint_raise_fixed_scale(ctx, v->scale);
		}
		fits = tc_mint_fixed_from_dec(v, ctx->fixed_scale, &c);
	}
	if (skey != NULL) {
		Bucket *b;
		slot = zend_hash_lookup(&ctx->ids, skey);
		b = (Bucket *) slot;   /* val is a Bucket's first member */
		if (Z_TYPE_P(slot) == IS_NULL) {
			mint_compact_key(b, skey);
		} else {
			/* a string equal to the key but not the same one (rows fresh from a query): counted for the hints */
			ctx->other_keys += b->key != skey;
		}
	} else {
		slot = zend_hash_index_lookup(&ctx->ids, h);
	}
	if (EXPECTED(Z_TYPE_P(slot) == IS_LONG)) {
		int64_t acc = slot_get(slot);
		if (EXPECTED(fits) && EXPECTED(add_i64(&acc, c))) {
			slot_set(slot, acc);
		} else {
			tc_dec *d = slot_make_slow(ctx, slot, acc, ctx->fixed_scale);
			tc_dec_add(d, d, v, TC_SCALE_EXACT);
		}
	} else if (Z_TYPE_P(slot) == IS_NULL) {   /* a new user */
		if (fits) {
			slot_set(slot, c);
		} else {
			tc_dec_copy(slot_make_slow(ctx, slot, 0, 0), v);
		}
	} else {
		tc_dec_add(Z_PTR_P(slot), Z_PTR_P(slot), v, TC_SCALE_EXACT);
	}
}

/* Whether id is the decimal form of an int (then *h), as a PHP array key would take it. */
static zend_always_inline bool mint_numeric_id(zend_string *id, zend_ulong *h)
{
	/* longer than any int's form (a UUID): not numeric, without a call */
	return ZSTR_LEN(id) <= MAX_LENGTH_OF_LONG && ZEND_HANDLE_NUMERIC_STR(ZSTR_VAL(id), ZSTR_LEN(id), *h);
}

/* One entry userId => gems (the default form). */
static zend_result mint_row(zval *key, zval *value, void *opaque)
{
	mint_ctx *ctx = opaque;
	zend_string *skey = NULL;
	zend_ulong h = 0;

	if (Z_TYPE_P(key) == IS_STRING) {
		skey = Z_STR_P(key);
		/* "42" and 42 are the same user, as they would be as keys of a PHP array. */
		if (mint_numeric_id(skey, &h)) {
			skey = NULL;
		}
	} else if (Z_TYPE_P(key) == IS_LONG) {
		h = (zend_ulong) Z_LVAL_P(key);
	} else {
		zend_argument_type_error(2, "must have keys of type string|int, %s given", zend_zval_type_name(key));
		return FAILURE;
	}
	if (mint_read_value(ctx, value, skey, h) == FAILURE) {
		return FAILURE;
	}
	mint_add(ctx, skey, h);
	return SUCCESS;
}

/* One row [userId, gems] (TOKENCALC_MINT_ROWS); its position names it in an error message. */
static zend_always_inline zend_result mint_pair(mint_ctx *ctx, zval *row)
{
	zend_ulong pos = ctx->pos++;
	zend_string *skey = NULL;
	zend_ulong h = 0;
	zval *id, *gems;
	HashTable *r;

	ZVAL_DEREF(row);
	if (UNEXPECTED(Z_TYPE_P(row) != IS_ARRAY)) {
		zend_argument_type_error(2, "must contain rows of type array, %s given at [" ZEND_ULONG_FMT "]",
			zend_zval_type_name(row), pos);
		return FAILURE;
	}
	r = Z_ARRVAL_P(row);
#if PHP_VERSION_ID >= 80200
	if (EXPECTED(HT_IS_PACKED(r)) && EXPECTED(r->nNumUsed == 2) && EXPECTED(r->nNumOfElements == 2)) {
		/* [$id, $gems], as a literal or PDO::FETCH_NUM makes it: keys 0 and 1, no lookup */
		id = &r->arPacked[0];
		gems = &r->arPacked[1];
	} else
#endif
	if (zend_hash_num_elements(r) != 2 || (id = zend_hash_index_find(r, 0)) == NULL
			|| (gems = zend_hash_index_find(r, 1)) == NULL) {
		zend_argument_value_error(2, "must contain rows of the form [userId, gems], [" ZEND_ULONG_FMT "] is not", pos);
		return FAILURE;
	}
	ZVAL_DEREF(id);
	if (EXPECTED(Z_TYPE_P(id) == IS_STRING)) {
		skey = Z_STR_P(id);
		/* "42" and 42 are the same user, as they would be as keys of a PHP array. */
		if (mint_numeric_id(skey, &h)) {
			skey = NULL;
		}
	} else if (Z_TYPE_P(id) == IS_LONG) {
		h = (zend_ulong) Z_LVAL_P(id);
	} else {
		zend_argument_type_error(2, "must contain rows whose userId is of type string|int, %s given at ["
			ZEND_ULONG_FMT "]", zend_zval_type_name(id), pos);
		return FAILURE;
	}
	if (UNEXPECTED(mint_read_value(ctx, gems, NULL, pos) == FAILURE)) {
		return FAILURE;
	}
	mint_add(ctx, skey, h);
	return SUCCESS;
}

static zend_result mint_pair_cb(zval *key, zval *value, void *opaque)
{
	(void) key;   /* the keys of a Traversable of rows do not matter */
	return mint_pair(opaque, value);
}

/*
 * A million rows over a hundred thousand users miss the caches at every step of a row: its array,
 * that array's elements, the id string, the id's slot in ids and its bucket, each found through
 * the one before. Rows further ahead get each step as a prefetch hint, one step per distance, so
 * that by the time a row is read all of it is near (each stage reads only what an earlier stage
 * brought in). Rows fresh from a query bring one more step: their id is an equal string, not the
 * very string that keys the user in ids, so the lookup compares it with that key; while most rows
 * are of that kind, the key is prefetched too. Pure hints: they change no result; they only run
 * over a list of rows.
 */
#if defined(__GNUC__) || defined(__clang__)
# define MINT_PREFETCH(p) __builtin_prefetch(p)
#else
# define MINT_PREFETCH(p) ((void) (p))
#endif
#ifndef MINT_AHEAD
# define MINT_AHEAD 8   /* rows between two stages */
#endif
#ifndef MINT_PREFETCH_SLOTS   /* whether the id's slot and bucket in ids are prefetched too */
# define MINT_PREFETCH_SLOTS 1
#endif
#define MINT_KEYS_WINDOW 4096   /* rows between two looks at how many ids were other strings than their keys */
#ifndef MINT_PREFETCH_MIN   /* -DMINT_PREFETCH_MIN=0xffffffff turns the hints off, to measure them */
# define MINT_PREFETCH_MIN 4096   /* fewer rows than this stay in the caches anyway */
#endif

#if PHP_VERSION_ID >= 80200
/*
 * The id of a row that looks like [id, gems] (a packed array with both elements), or NULL. Only a slot
 * below nNumUsed is ever written: past it a packed array's memory may be anything, and a hint that took
 * a string from there would hash (write to) whatever it points at.
 */
static zend_always_inline const zval *mint_peek_id(const zval *row)
{
	if (Z_TYPE_P(row) != IS_ARRAY || !HT_IS_PACKED(Z_ARRVAL_P(row)) || Z_ARRVAL_P(row)->nNumUsed < 2) {
		return NULL;
	}
	return &Z_ARRVAL_P(row)->arPacked[0];
}

/*
 * The slot of ids (a hash with string keys) that an id string hashes to, or NULL. With hash, a string
 * fresh from a query gets its hash computed here, rows ahead (the lookup would compute it anyway, and
 * every hash lookup keeps it in the string); without, NULL while its hash is unknown.
 */
static zend_always_inline const uint32_t *mint_peek_slot(const HashTable *ids, const zval *id, bool hash)
{
	if (id == NULL || Z_TYPE_P(id) != IS_STRING || (!hash && ZSTR_H(Z_STR_P(id)) == 0)) {
		return NULL;
	}
	return &HT_HASH(ids, (uint32_t) zend_string_hash_val(Z_STR_P(id)) | ids->nTableMask);
}

/*
 * The hints for the rows ahead of base[0] (all of base[0..MINT_STAGES * MINT_AHEAD] exist), a stage
 * every MINT_AHEAD rows: the row's HashTable, its elements, the id string, the id's hash and slot in
 * ids, the slot's bucket and, with keys, half a stage later the bucket's key string.
 */
#define MINT_STAGES 5
static zend_always_inline void mint_prefetch(const HashTable *ids, bool hashed, bool keys, const zval *base)
{
	const zval *id;
	const uint32_t *slot;

	if (Z_TYPE(base[5 * MINT_AHEAD]) == IS_ARRAY) {
		MINT_PREFETCH(Z_ARR(base[5 * MINT_AHEAD]));
	}
	if (Z_TYPE(base[4 * MINT_AHEAD]) == IS_ARRAY) {
		MINT_PREFETCH(Z_ARR(base[4 * MINT_AHEAD])->arPacked);
	}
	if ((id = mint_peek_id(&base[3 * MINT_AHEAD])) != NULL && Z_TYPE_P(id) == IS_STRING) {
		MINT_PREFETCH(Z_STR_P(id));
	}
	if (!MINT_PREFETCH_SLOTS || !hashed) {
		return;
	}
	if ((slot = mint_peek_slot(ids, mint_peek_id(&base[2 * MINT_AHEAD]), true)) != NULL) {
		MINT_PREFETCH(slot);
	}
	if ((slot = mint_peek_slot(ids, mint_peek_id(&base[MINT_AHEAD]), false)) != NULL && *slot != HT_INVALID_IDX) {
		MINT_PREFETCH(HT_HASH_TO_BUCKET(ids, *slot));
	}
	if (keys && (id = mint_peek_id(&base[MINT_AHEAD / 2])) != NULL
			&& (slot = mint_peek_slot(ids, id, false)) != NULL && *slot != HT_INVALID_IDX) {
		const Bucket *b = HT_HASH_TO_BUCKET(ids, *slot);
		if (b->key != NULL && b->key != Z_STR_P(id)) {
			MINT_PREFETCH(b->key);
		}
	}
}
#endif

/* The rows of an array, walked directly (no callback per row). */
static zend_result mint_pairs_array(mint_ctx *ctx, HashTable *rows)
{
	zval *row;

#if PHP_VERSION_ID >= 80200
	if (HT_IS_PACKED(rows)) {
		zval *base = rows->arPacked;
		uint32_t n = rows->nNumUsed;
		if (n >= MINT_PREFETCH_MIN) {
			uint32_t i = 0;
			bool keys = false;
			for (; i < n - MINT_STAGES * MINT_AHEAD; i++) {
				/* ids' slots only once it is a hash (string ids: it is after the first row) */
				bool hashed = (HT_FLAGS(&ctx->ids) & (HASH_FLAG_PACKED | HASH_FLAG_UNINITIALIZED)) == 0;
				if ((i & (MINT_KEYS_WINDOW - 1)) == 0) {
					/* the keys' strings too while most rows of the last window needed them */
					keys = ctx->other_keys > MINT_KEYS_WINDOW / 2;
					ctx->other_keys = 0;
				}
				mint_prefetch(&ctx->ids, hashed, keys, &base[i]);
				if (EXPECTED(Z_TYPE(base[i]) != IS_UNDEF) && UNEXPECTED(mint_pair(ctx, &base[i]) == FAILURE)) {
					return FAILURE;
				}
			}
			for (; i < n; i++) {
				if (EXPECTED(Z_TYPE(base[i]) != IS_UNDEF) && UNEXPECTED(mint_pair(ctx, &base[i]) == FAILURE)) {
					return FAILURE;
				}
			}
			return SUCCESS;
		}
		ZEND_HASH_PACKED_FOREACH_VAL(rows, row) {
			if (UNEXPECTED(mint_pair(ctx, row) == FAILURE)) {
				return FAILURE;
			}
		} ZEND_HASH_FOREACH_END();
		return SUCCESS;
	}
#endif
	ZEND_HASH_FOREACH_VAL(rows, row) {
		if (UNEXPECTED(mint_pair(ctx, row) == FAILURE)) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* users[] from the totals in ids, once every row is in. */
static void mint_collect(mint_ctx *ctx)
{
	zval *slot;
	size_t n = zend_hash_num_elements(&ctx->ids);

	ctx->users = n ? safe_emalloc(n, sizeof *ctx->users, 0) : NULL;
	ZEND_HASH_FOREACH_VAL(&ctx->ids, slot) {
		tc_mint_user *u = &ctx->users[ctx->n++];
		tc_mint_user_init(u);
		if (Z_TYPE_P(slot) == IS_LONG) {
			tc_mint_fixed_to_dec(&u->gems, slot_get(slot), ctx->fixed_scale);
		} else {
			tc_dec_copy(&u->gems, Z_PTR_P(slot));
		}
	} ZEND_HASH_FOREACH_END();
}

static void mint_ctx_free(mint_ctx *ctx)
{
	zval *slot;

	for (size_t i = 0; i < ctx->n; i++) {
		tc_mint_user_clear(&ctx->users[i]);
	}
	if (ctx->users != NULL) {
		efree(ctx->users);
	}
	if (ctx->slow > 0) {
		ZEND_HASH_FOREACH_VAL(&ctx->ids, slot) {
			if (Z_TYPE_P(slot) == IS_PTR) {
				tc_dec_clear(Z_PTR_P(slot));
				efree(Z_PTR_P(slot));
			}
		} ZEND_HASH_FOREACH_END();
	}
	zend_hash_destroy(&ctx->ids);
	tc_dec_clear(&ctx->value);
}

/* Points every user's id at its string form (EXACT breaks ties on it). *arena holds int keys' forms. */
static void mint_set_ids(mint_ctx *ctx, char **arena)
{
	size_t i = 0, ints = 0;
	zend_string *key;
	zend_ulong h;
	char *p;

	ZEND_HASH_FOREACH_STR_KEY(&ctx->ids, key) {
		ints += key == NULL;
	} ZEND_HASH_FOREACH_END();
	*arena = p = ints ? safe_emalloc(ints, MAX_LENGTH_OF_LONG + 1, 0) : NULL;

	ZEND_HASH_FOREACH_KEY(&ctx->ids, h, key) {
		tc_mint_user *u = &ctx->users[i++];
		if (key != NULL) {
			u->id = ZSTR_VAL(key);
			u->id_len = ZSTR_LEN(key);
		} else {
			char *end = p + MAX_LENGTH_OF_LONG;
			char *start = zend_print_long_to_buf(end, (zend_long) h);
			u->id = start;
			u->id_len = (size_t) (end - start);
			p += MAX_LENGTH_OF_LONG + 1;
		}
	} ZEND_HASH_FOREACH_END();
}

/* The printed form of (neg ? -mag : mag) / 10^scale, scale <= TC_MINT_FIXED_MAX_SCALE, as any result prints. */
static zend_always_inline zend_string *fixed_str(uint64_t mag, bool neg, uint32_t scale)
{
	tc_dec d;

	tc_dec_init(&d);
	d.small = mag;
	d.neg = neg && mag != 0;   /* zero prints without a sign */
	d.scale = scale;
	return php_tokencalc_dec_to_str(&d);
}

/* Appends str under key (a new key) to a mixed hash with room for it. */
static zend_always_inline void append_str(HashTable *ht, zend_string *key, zend_string *str)
{
	zval zv;
	ZVAL_NEW_STR(&zv, str);
	_zend_hash_append(ht, key, &zv);
}

/* Adds value under the user's id (a string key, or the int h) to a mixed hash with room for it. */
static zend_always_inline void add_user(HashTable *ht, zend_string *key, zend_ulong h, zval *value)
{
	if (key != NULL) {
		_zend_hash_append(ht, key, value);
	} else {
		zend_hash_index_add_new(ht, h, value);
	}
}

/* An empty array with room for n entries, ready for add_user(). */
static void init_users_array(zval *arr, size_t n)
{
	array_init_size(arr, (uint32_t) n);
	if (n > 0) {
		zend_hash_real_init_mixed(Z_ARRVAL_P(arr));
	}
}

static void mint_add_summary(zval *return_value, const tc_dec *supply, const tc_dec *total,
		const tc_dec *rate, const tc_dec *minted, const tc_dec *dust, zval *users, zval *skipped)
{
	array_init_size(return_value, 8);
	add_dec_str(return_value, "supply", supply);
	add_dec_str(return_value, "total", total);
	add_dec_str(return_value, "rate", rate);
	add_dec_str(return_value, "minted", minted);
	add_dec_str(return_value, "dust", dust);
	add_assoc_zval(return_value, "users", users);
	add_assoc_zval(return_value, "skipped", skipped);
}

/*
 * A day's totals repeat (gems come in a few sizes), and a user's entry in the result depends on
 * nothing but the total: users with the same total share one entry (an array, or a skipped
 * user's string), with a reference each, as PHP itself shares equal values; writing to one
 * separates it (copy on write). A direct-mapped cache from a total to its entry, holding no
 * reference of its own: a miss builds the entry and takes the slot.
 */
#define MINT_SHARE_BITS 10
typedef struct mint_share {
	int64_t c;           /* the total */
	void *entry;         /* c > 0: its HashTable; c <= 0: its zend_string; NULL: an empty slot */
	uint64_t tokens;     /* c > 0: its tokens (coefficient at the common tokens scale) */
} mint_share;

static zend_always_inline mint_share *mint_share_slot(mint_share *cache, int64_t c)
{
	return &cache[((uint64_t) c * 0x9E3779B97F4A7C15ULL) >> (64 - MINT_SHARE_BITS)];
}

/*
 * COMPAT straight from the int64 totals in ids, with no tc_dec per user: the common day (every
 * total fixed at the printed scale, the token amounts within 64 bits). Returns false, having
 * written nothing, when the day is not of that kind; tc_mint_run() then does it.
 */
static bool mint_compat_fixed(zval *return_value, mint_ctx *ctx, const tc_dec *supply, uint32_t scale)
{
	uint32_t gs = ctx->fixed_scale, ts, ps;
	int64_t tot = 0, maxc = 0;
	uint64_t tk, pc, mlo = 0, mhi = 0;
	size_t paid = 0, n = zend_hash_num_elements(&ctx->ids);
	tc_dec total, rate, minted, dust;
	zend_string *key;
	zend_ulong h;
	zval *slot, users, skipped;

	if (ctx->slow != 0 || gs != ctx->max_scale || scale > TC_MINT_FIXED_PCT_MAX_SCALE || n == 0) {
		return false;
	}
	ZEND_HASH_FOREACH_VAL(&ctx->ids, slot) {
		int64_t c = slot_get(slot);
		if (c > 0) {
			if (!add_i64(&tot, c)) {
				return false;
			}
			paid++;
			maxc = c > maxc ? c : maxc;
		}
	} ZEND_HASH_FOREACH_END();
	if (paid == 0) {
		return false;
	}
	tc_dec_init(&total);
	tc_dec_init(&rate);
	tc_mint_fixed_to_dec(&total, tot, gs);
	tc_dec_div(&rate, supply, &total, scale);   /* total > 0 */
	/* tokens grow with the total: when the largest fits, all do */
	if (!tc_mint_fixed_tokens((uint64_t) maxc, gs, &rate, scale, &tk, &ts)) {
		tc_dec_clear(&rate);
		return false;
	}

	/* Shared by every user's entry, interned: no key string and no refcount per user. */
	zend_string *k_gems = zend_string_init_interned("gems", 4, 0);
	zend_string *k_tokens = zend_string_init_interned("tokens", 6, 0);
	zend_string *k_pct = zend_string_init_interned("percentage", 10, 0);

	mint_share *share = ecalloc((size_t) 1 << MINT_SHARE_BITS, sizeof *share);
	/*
	 * ids becomes users in place: each participant's total gives way to its entry, in the same
	 * bucket under the same key (no new table, no key touched); a skipped user moves to skipped.
	 */
	zend_long next_free = ZEND_LONG_MIN;   /* users' next int key: from its own int keys only */
	init_users_array(&skipped, n - paid);
	ZEND_HASH_FOREACH_KEY_VAL(&ctx->ids, h, key, slot) {
		int64_t c = slot_get(slot);
		zval entry;
		mint_share *sh = mint_share_slot(share, c);
		if (c > 0) {
			HashTable *e;
			if (sh->entry != NULL && sh->c == c) {
				e = sh->entry;
				GC_ADDREF(e);
				tk = sh->tokens;
			} else {
				e = zend_new_array(3);
				tc_mint_fixed_tokens((uint64_t) c, gs, &rate, scale, &tk, &ts);
				tc_mint_fixed_percentage((uint64_t) c, (uint64_t) tot, TC_MINT_COMPAT, scale, &pc, &ps);
				zend_hash_real_init_mixed(e);
				append_str(e, k_gems, fixed_str((uint64_t) c, false, gs));
				append_str(e, k_tokens, fixed_str(tk, false, ts));
				append_str(e, k_pct, fixed_str(pc, false, ps));
				sh->c = c;
				sh->entry = e;
				sh->tokens = tk;
			}
			mlo += tk;
			mhi += mlo < tk;
			ZVAL_ARR(slot, e);
			if (key == NULL && (zend_long) h >= next_free) {   /* as an insertion of h would set it */
				next_free = (zend_long) h < ZEND_LONG_MAX ? (zend_long) h + 1 : ZEND_LONG_MAX;
			}
		} else {
			zend_string *str;
			if (sh->entry != NULL && sh->c == c) {
				str = zend_string_copy(sh->entry);
			} else {
				str = fixed_str((uint64_t) 0 - (uint64_t) c, c < 0, gs);
				sh->c = c;
				sh->entry = str;
			}
			ZVAL_STR(&entry, str);
			add_user(Z_ARRVAL(skipped), key, h, &entry);
#if PHP_VERSION_ID >= 80200
			if (HT_IS_PACKED(&ctx->ids)) {
				zend_hash_packed_del_val(&ctx->ids, slot);
			} else
#endif
			{
				zend_hash_del_bucket(&ctx->ids, (Bucket *) slot);   /* val is a Bucket's first member */
			}
		}
	} ZEND_HASH_FOREACH_END();
	efree(share);
	/* the table moves into a zend_array of its own; ctx keeps an empty one for mint_ctx_free() */
	ctx->ids.pDestructor = ZVAL_PTR_DTOR;
	HashTable *u = emalloc(sizeof *u);
	memcpy(u, &ctx->ids, sizeof *u);
	u->nNextFreeElement = next_free;
	zend_hash_init(&ctx->ids, 8, NULL, NULL, 0);
	ZVAL_ARR(&users, u);

	tc_dec_init(&minted);
	tc_dec_init(&dust);
	if (mhi == 0 && mlo <= (uint64_t) INT64_MAX) {
		tc_mint_fixed_to_dec(&minted, (int64_t) mlo, ts);
	} else {
		uint64_t limbs[2] = { mlo, mhi };
		mpz_t z;
		mpz_init(z);
		mpz_import(z, 2, -1, sizeof limbs[0], 0, 0, limbs);
		tc_dec_from_mpz(&minted, z, ts);
		mpz_clear(z);
	}
	tc_dec_sub(&dust, supply, &minted, TC_SCALE_EXACT);
	mint_add_summary(return_value, supply, &total, &rate, &minted, &dust, &users, &skipped);
	tc_dec_clear(&total);
	tc_dec_clear(&rate);
	tc_dec_clear(&minted);
	tc_dec_clear(&dust);
	return true;
}

static void mint_build_result(zval *return_value, mint_ctx *ctx, const tc_dec *supply,
		const tc_mint_summary *sum, tc_mint_mode mode)
{
	tc_dec pct;
	zval users, skipped;
	zend_string *key;
	zend_ulong h;
	size_t i = 0;
	uint32_t scale = (uint32_t) TOKENCALC_G(scale);
	uint64_t tot = 0;
	/* The percentages on machine integers when the total and the users' totals allow it. */
	bool fixed_pct = !sum->total.is_big && sum->total.small > 0;
	zend_string *k_gems = zend_string_init_interned("gems", 4, 0);
	zend_string *k_tokens = zend_string_init_interned("tokens", 6, 0);
	zend_string *k_pct = zend_string_init_interned("percentage", 10, 0);

	if (fixed_pct) {
		tot = sum->total.small;
	}
	tc_dec_init(&pct);
	init_users_array(&users, sum->paid);
	init_users_array(&skipped, ctx->n - sum->paid);

	ZEND_HASH_FOREACH_KEY(&ctx->ids, h, key) {
		const tc_mint_user *u = &ctx->users[i++];
		zval entry;
		if (tc_dec_sign(&u->gems) > 0) {
			HashTable *e = zend_new_array(3);
			uint64_t pc;
			uint32_t ps;
			zend_hash_real_init_mixed(e);
			append_str(e, k_gems, php_tokencalc_dec_to_str(&u->gems));
			append_str(e, k_tokens, php_tokencalc_dec_to_str(&u->tokens));
			/* every gems has the total's scale (rescaled by the caller) */
			if (fixed_pct && !u->gems.is_big && u->gems.scale == sum->total.scale
					&& tc_mint_fixed_percentage(u->gems.small, tot, mode, scale, &pc, &ps)) {
				append_str(e, k_pct, fixed_str(pc, false, ps));
			} else {
				tc_mint_percentage(&pct, &u->gems, &sum->total, mode, scale);
				append_str(e, k_pct, php_tokencalc_dec_to_str(&pct));
			}
			ZVAL_ARR(&entry, e);
			add_user(Z_ARRVAL(users), key, h, &entry);
		} else {
			ZVAL_NEW_STR(&entry, php_tokencalc_dec_to_str(&u->gems));
			add_user(Z_ARRVAL(skipped), key, h, &entry);
		}
	} ZEND_HASH_FOREACH_END();

	mint_add_summary(return_value, supply, &sum->total, &sum->rate, &sum->minted, &sum->dust, &users, &skipped);
	tc_dec_clear(&pct);
}

/* {{{ tokencalc_mint(string|int $supply, iterable $gems, int $mode = TOKENCALC_MINT_COMPAT): array */
PHP_FUNCTION(tokencalc_mint)
{
	tc_dec supply;
	zval *gems;
	zend_long mode = TC_MINT_COMPAT;
	mint_ctx ctx = { 0 };
	tc_mint_summary sum;
	char *arena = NULL;
	uint32_t scale;

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
	ctx.rows = (mode & TC_MINT_ROWS) != 0;
	mode &= ~(zend_long) TC_MINT_ROWS;
	if (mode != TC_MINT_COMPAT && mode != TC_MINT_EXACT) {
		zend_argument_value_error(3, "must be TOKENCALC_MINT_COMPAT or TOKENCALC_MINT_EXACT,"
			" optionally with TOKENCALC_MINT_ROWS");
		tc_dec_clear(&supply);
		RETURN_THROWS();
	}

	scale = (uint32_t) TOKENCALC_G(scale);
	ctx.max_digits = (size_t) TOKENCALC_G(max_digits);
	ctx.short_len = MIN(ctx.max_digits, 18);
	tc_dec_init(&ctx.value);
	tc_mint_summary_init(&sum);
	/* An array of users: room for all of them; of rows: for a user per 8 rows at first (a day has about 10) */
	zend_hash_init(&ctx.ids, Z_TYPE_P(gems) != IS_ARRAY ? 64
		: ctx.rows ? MAX(zend_hash_num_elements(Z_ARRVAL_P(gems)) / 8, 64)
		: zend_hash_num_elements(Z_ARRVAL_P(gems)), NULL, NULL, 0);

	zend_result read = ctx.rows && Z_TYPE_P(gems) == IS_ARRAY
		? mint_pairs_array(&ctx, Z_ARRVAL_P(gems))
		: php_tokencalc_iterate(gems, 2, ctx.rows ? mint_pair_cb : mint_row, &ctx);
	if (read == FAILURE) {
		goto cleanup;
	}
	if (mode == TC_MINT_COMPAT && mint_compat_fixed(return_value, &ctx, &supply, scale)) {
		goto cleanup;
	}
	mint_collect(&ctx);
	/* Every total at the same scale, whatever the order or the shape of the input. */
	for (size_t i = 0; i < ctx.n; i++) {
		tc_dec_rescale(&ctx.users[i].gems, ctx.max_scale);
	}
	if (mode == TC_MINT_EXACT) {
		mint_set_ids(&ctx, &arena);
	}
	if (tc_mint_run(&supply, ctx.users, ctx.n, (tc_mint_mode) mode, scale, &sum) != TC_OK) {
		zend_throw_error(NULL, "tokencalc_mint(): out of memory");
		goto cleanup;
	}
	mint_build_result(return_value, &ctx, &supply, &sum, (tc_mint_mode) mode);

cleanup:
	mint_ctx_free(&ctx);
	if (arena != NULL) {
		efree(arena);
	}
	tc_mint_summary_clear(&sum);
	tc_dec_clear(&supply);
}
/* }}} */

/* ---- Q64.96 ---- */

/* {{{ tokencalc_to_q96(string|int $a): string */
PHP_FUNCTION(tokencalc_to_q96)
{
	tc_dec a;

	tc_dec_init(&a);
	ZEND_PARSE_PARAMETERS_START(1, 1)
		TC_Z_PARAM_DEC(&a)
	ZEND_PARSE_PARAMETERS_END_EX(goto cleanup);

	tc_q96_encode(&a, &a);
	RETVAL_NEW_STR(php_tokencalc_dec_to_str(&a));

cleanup:
	tc_dec_clear(&a);
}
/* }}} */

/* {{{ tokencalc_from_q96(string|int $q): string */
PHP_FUNCTION(tokencalc_from_q96)
{
	tc_dec q;

	tc_dec_init(&q);
	ZEND_PARSE_PARAMETERS_START(1, 1)
		TC_Z_PARAM_DEC(&q)
	ZEND_PARSE_PARAMETERS_END_EX(goto cleanup);

	if (tc_q96_decode(&q, &q, (uint32_t) TOKENCALC_G(scale)) != TC_OK) {
		zend_argument_value_error(1, "must be an integer");
		goto cleanup;
	}
	RETVAL_NEW_STR(php_tokencalc_dec_to_str(&q));

cleanup:
	tc_dec_clear(&q);
}
/* }}} */
