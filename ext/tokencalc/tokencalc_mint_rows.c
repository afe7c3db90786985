/*
 * tokencalc: the mint's rows. Reads $gems (userId => gems, or rows [userId, gems]) into per-user
 * totals, then builds the result in place, calling core/mint.c for every formula (plan, per
 * user, finish).
 *
 * The one unit of the binding that touches hash-table internals (Bucket, arPacked, a table moved
 * into a zend_array of its own): every invariant it relies on is a ZEND_ASSERT. It is written for
 * the hash tables of PHP 8.2 on (a packed array holds zvals, arPacked), the PHP versions the
 * package declares.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "tokencalc_mint.h"

#if PHP_VERSION_ID < 80200
# error "tokencalc_mint_rows.c reads packed arrays as PHP 8.2 lays them out (arPacked)"
#endif

/* ---- the totals in ids: an int64 in the slot (IS_LONG), or a heap tc_dec (IS_PTR) ---- */

/* The int64 total kept in a bucket's value (8 bytes: it holds a double; zend_long may be 32 bits). */
static zend_always_inline int64_t slot_get(const zval *slot)
{
	int64_t c;
	ZEND_ASSERT(Z_TYPE_P(slot) == IS_LONG);
	memcpy(&c, &slot->value, sizeof c);
	return c;
}

static zend_always_inline void slot_set(zval *slot, int64_t c)
{
	memcpy(&slot->value, &c, sizeof c);
	Z_TYPE_INFO_P(slot) = IS_LONG;
}

/* Turns the slot's total (c at scale) into a heap tc_dec for good. */
static tc_dec *slot_make_wide(php_tokencalc_mint_ids *t, zval *slot, int64_t c, uint32_t scale)
{
	tc_dec *d = emalloc(sizeof *d);
	PHP_TOKENCALC_MEM_STEP();
	tc_dec_init(d);
	tc_mint_fixed_to_dec(d, c, scale);
	ZVAL_PTR(slot, d);
	t->wide++;
	return d;
}

static void slot_free_wide(php_tokencalc_mint_ids *t, zval *slot)
{
	ZEND_ASSERT(Z_TYPE_P(slot) == IS_PTR && t->wide > 0);
	tc_dec_clear(Z_PTR_P(slot));
	efree(Z_PTR_P(slot));
	t->wide--;
}

/* Brings every int64 total to a larger common scale; a total that would overflow goes wide. */
static void mint_raise_fixed_scale(php_tokencalc_mint_ids *t, uint32_t scale)
{
	zval *slot;

	ZEND_ASSERT(scale > t->sc.fixed && scale <= TC_MINT_FIXED_MAX_SCALE);
	ZEND_HASH_FOREACH_VAL(&t->ids, slot) {
		if (Z_TYPE_P(slot) == IS_LONG) {
			int64_t c = slot_get(slot);
			if (tc_mint_fixed_rescale(&c, scale - t->sc.fixed)) {
				slot_set(slot, c);
			} else {
				slot_make_wide(t, slot, slot_get(slot), t->sc.fixed);
			}
		}
	} ZEND_HASH_FOREACH_END();
	t->sc.fixed = scale;
}

/*
 * The table's first size, n users. On an engine that delays memory_limit's error (tokencalc_mem.c),
 * a table that would not fit in what is left under the limit starts small and grows: one allocation
 * of it all could pass the hard limit, where growing passes memory_limit first, and the reading
 * stops there.
 */
static uint32_t mint_first_size(uint32_t n)
{
#ifdef ZEND_HAS_OOM
	zend_long limit = PG(memory_limit);
	size_t used = zend_memory_usage(true);
	if (limit > 0 && ((size_t) limit <= used
			|| (size_t) n * (sizeof(Bucket) + 2 * sizeof(uint32_t)) > (size_t) limit - used)) {
		return 64;
	}
#endif
	return n;
}

void php_tokencalc_mint_ids_init(php_tokencalc_mint_ids *t, const zval *gems, bool rows, zend_long max_digits)
{
	/* a bucket's value is its first member: a slot found by a lookup is its bucket */
	ZEND_ASSERT(offsetof(Bucket, val) == 0);
	memset(t, 0, sizeof *t);
	t->max_digits = max_digits;
	t->short_max = MIN((size_t) max_digits, TC_DEC_SHORT_LEN_19);
	tc_dec_init(&t->value);
	/* An array of users: room for all of them; of rows: for a user per 8 rows at first (a day has about 10) */
	zend_hash_init(&t->ids, Z_TYPE_P(gems) != IS_ARRAY ? 64
		: mint_first_size(rows ? MAX(zend_hash_num_elements(Z_ARRVAL_P(gems)) / 8, 64)
			: zend_hash_num_elements(Z_ARRVAL_P(gems))), NULL, NULL, 0);
}

void php_tokencalc_mint_ids_free(php_tokencalc_mint_ids *t)
{
	zval *slot;

	if (t->wide > 0) {
		ZEND_HASH_FOREACH_VAL(&t->ids, slot) {
			if (Z_TYPE_P(slot) == IS_PTR) {
				slot_free_wide(t, slot);
			}
		} ZEND_HASH_FOREACH_END();
	}
	ZEND_ASSERT(t->wide == 0);
	zend_hash_destroy(&t->ids);
	tc_dec_clear(&t->value);
}

uint32_t php_tokencalc_mint_scale(const php_tokencalc_mint_ids *t)
{
	return t->sc.max;
}

/* ---- reading ---- */

/* t->value = the gems in value; skey (or h, an int) names the entry in an error message. */
static zend_always_inline zend_result mint_read_value(php_tokencalc_mint_ids *t, zval *value,
		zend_string *skey, zend_ulong h)
{
	zval zkey;

	if (EXPECTED(Z_TYPE_P(value) == IS_STRING) && EXPECTED(tc_mint_parse(&t->value, Z_STRVAL_P(value),
			Z_STRLEN_P(value), t->short_max, (size_t) t->max_digits) == TC_OK)) {
		return SUCCESS;
	}
	if (skey != NULL) {
		ZVAL_STR(&zkey, skey);
	} else {
		ZVAL_LONG(&zkey, (zend_long) h);
	}
	return php_tokencalc_value_to_dec(&t->value, value, 2, &zkey, t->max_digits);
}

/*
 * A new user's key, just added to ids as the row's own id string. When nothing but that row and ids
 * holds the string (rows fresh from a query: every row's id is a string of its own), ids takes a copy
 * instead: the copies of all users lie side by side, where the rows' strings are spread over the whole
 * input, and every later row of the user compares its id with that key. Equal strings: no result changes.
 */
static zend_always_inline void mint_compact_key(Bucket *b, zend_string *key)
{
	ZEND_ASSERT(b->key == key);
	/* two references: the row's zval and the bucket's key, which the lookup just took */
	if (!ZSTR_IS_INTERNED(key) && GC_REFCOUNT(key) == 2) {
		zend_string *copy = zend_string_init(ZSTR_VAL(key), ZSTR_LEN(key), 0);
		ZSTR_H(copy) = ZSTR_H(key);
		b->key = copy;
		GC_DELREF(key);
	}
}

/* Adds t->value to the total of user skey (or h, an int id) in ids. */
static zend_always_inline void mint_add(php_tokencalc_mint_ids *t, zend_string *skey, zend_ulong h)
{
	const tc_dec *v = &t->value;
	int64_t c = 0;
	zval *slot;
	bool fits = tc_mint_fixed_value(v, t->sc.fixed, &c);

	if (UNEXPECTED(!fits)) {
		uint32_t raise = tc_mint_fixed_miss(v, &t->sc);
		if (raise != 0) {
			mint_raise_fixed_scale(t, raise);
			fits = tc_mint_fixed_value(v, t->sc.fixed, &c);
		}
	}
	if (skey != NULL) {
		slot = zend_hash_lookup(&t->ids, skey);
		Bucket *b = (Bucket *) slot;
		if (Z_TYPE_P(slot) == IS_NULL) {
			mint_compact_key(b, skey);
		} else {
			/* a string equal to the key but not the same one (rows fresh from a query): counted for the hints */
			t->other_keys += b->key != skey;
		}
	} else {
		slot = zend_hash_index_lookup(&t->ids, h);
	}
	if (EXPECTED(Z_TYPE_P(slot) == IS_LONG)) {
		int64_t acc = slot_get(slot);
		if (EXPECTED(fits) && EXPECTED(tc_mint_fixed_add(&acc, c))) {
			slot_set(slot, acc);
		} else {
			tc_dec *d = slot_make_wide(t, slot, acc, t->sc.fixed);
			tc_dec_add(d, d, v, TC_SCALE_EXACT);
		}
	} else if (Z_TYPE_P(slot) == IS_NULL) {   /* a new user: the table grew, the key may be a copy */
		PHP_TOKENCALC_MEM_STEP();
		if (fits) {
			slot_set(slot, c);
		} else {
			tc_dec_copy(slot_make_wide(t, slot, 0, 0), v);
		}
	} else {
		ZEND_ASSERT(Z_TYPE_P(slot) == IS_PTR);
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
static zend_result mint_read_entry(zval *key, zval *value, void *opaque)
{
	php_tokencalc_mint_ids *t = opaque;
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
	if (mint_read_value(t, value, skey, h) == FAILURE) {
		return FAILURE;
	}
	mint_add(t, skey, h);
	return SUCCESS;
}

/* One row [userId, gems] (TOKENCALC_MINT_ROWS); its position names it in an error message. */
static zend_always_inline zend_result mint_read_row(php_tokencalc_mint_ids *t, zval *row)
{
	zend_ulong pos = t->pos++;
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
	if (EXPECTED(HT_IS_PACKED(r)) && EXPECTED(r->nNumUsed == 2) && EXPECTED(r->nNumOfElements == 2)) {
		/* [$id, $gems], as a literal or PDO::FETCH_NUM makes it: keys 0 and 1, no lookup */
		id = &r->arPacked[0];
		gems = &r->arPacked[1];
		ZEND_ASSERT(Z_TYPE_P(id) != IS_UNDEF && Z_TYPE_P(gems) != IS_UNDEF);
	} else if (zend_hash_num_elements(r) != 2 || (id = zend_hash_index_find(r, 0)) == NULL
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
	if (UNEXPECTED(mint_read_value(t, gems, NULL, pos) == FAILURE)) {
		return FAILURE;
	}
	mint_add(t, skey, h);
	return SUCCESS;
}

static zend_result mint_read_row_cb(zval *key, zval *value, void *opaque)
{
	(void) key;   /* the keys of a Traversable of rows do not matter */
	return mint_read_row(opaque, value);
}

/*
 * A million rows over a hundred thousand users miss the caches at every step of a row: its array,
 * that array's elements, the id string, the id's slot in ids and its bucket, each found through
 * the one before. Rows further ahead get each step as a prefetch hint, one step per distance, so
 * that by the time a row is read all of it is near (each stage reads only what an earlier stage
 * brought in). Rows fresh from a query bring one more step: their id is an equal string, not the
 * very string that keys the user in ids, so the lookup compares it with that key; while most rows
 * are of that kind, the key is prefetched too. Pure hints: they change no result; they only run
 * over a list of rows. Measured (4df7cab, 3b949b1): a day of fresh rows 92 ms to 74 ms.
 */
#if defined(__GNUC__) || defined(__clang__)
# define MINT_PREFETCH(p) __builtin_prefetch(p)
#else
# define MINT_PREFETCH(p) ((void) (p))
#endif
#define MINT_AHEAD 8            /* rows between two stages */
#define MINT_STAGES 5
#define MINT_KEYS_WINDOW 4096   /* rows between two looks at how many ids were other strings than their keys */
#define MINT_PREFETCH_MIN 4096  /* fewer rows than this stay in the caches anyway */

#define MINT_RING 32             /* ids peeked ahead, kept for the nearer stages: a power of two >= 3 * MINT_AHEAD */

/*
 * The id string of a row that looks like [id, gems] (a packed array with both elements), or NULL. Only a
 * slot below nNumUsed is ever read: past it a packed array's memory may be anything, and a hint that took
 * a string from there would hash (write to) whatever it points at.
 */
static zend_always_inline zend_string *mint_peek_id(const zval *row)
{
	const zval *id;

	if (Z_TYPE_P(row) != IS_ARRAY || !HT_IS_PACKED(Z_ARRVAL_P(row)) || Z_ARRVAL_P(row)->nNumUsed < 2) {
		return NULL;
	}
	id = &Z_ARRVAL_P(row)->arPacked[0];
	return Z_TYPE_P(id) == IS_STRING ? Z_STR_P(id) : NULL;
}

/*
 * ids is not const here: PHP 8.6's HT_HASH_TO_BUCKET drops the qualifier (a warning there).
 * The hints for the rows ahead of row i = base[0] (all of base[0..MINT_STAGES * MINT_AHEAD] exist), a
 * stage every MINT_AHEAD rows: the row's HashTable, its elements, the id string, the id's hash and slot
 * in ids, the slot's bucket and, with keys, half a stage later the bucket's key string. A row's id is
 * peeked once, at the third stage, and kept in ring (by row number) for the nearer ones. Only ids'
 * current table is ever read: a hash computed rows ahead finds its slot again in the table of the
 * moment, which may have grown since.
 */
static zend_always_inline void mint_prefetch(HashTable *ids, bool hashed, bool keys, const zval *base,
		uint32_t i, zend_string **ring)
{
	zend_string *id;
	uint32_t idx;

	if (Z_TYPE(base[5 * MINT_AHEAD]) == IS_ARRAY) {
		MINT_PREFETCH(Z_ARR(base[5 * MINT_AHEAD]));
	}
	if (Z_TYPE(base[4 * MINT_AHEAD]) == IS_ARRAY) {
		MINT_PREFETCH(Z_ARR(base[4 * MINT_AHEAD])->arPacked);
	}
	id = mint_peek_id(&base[3 * MINT_AHEAD]);
	ring[(i + 3 * MINT_AHEAD) & (MINT_RING - 1)] = id;
	if (id != NULL) {
		MINT_PREFETCH(id);
	}
	if (!hashed) {
		return;
	}
	ZEND_ASSERT(!HT_IS_PACKED(ids) && !(HT_FLAGS(ids) & HASH_FLAG_UNINITIALIZED));
	/* a string fresh from a query gets its hash here (the lookup would compute it anyway, and keeps it) */
	if ((id = ring[(i + 2 * MINT_AHEAD) & (MINT_RING - 1)]) != NULL) {
		MINT_PREFETCH(&HT_HASH(ids, (uint32_t) zend_string_hash_val(id) | ids->nTableMask));
	}
	if ((id = ring[(i + MINT_AHEAD) & (MINT_RING - 1)]) != NULL && ZSTR_H(id) != 0
			&& (idx = HT_HASH(ids, (uint32_t) ZSTR_H(id) | ids->nTableMask)) != HT_INVALID_IDX) {
		MINT_PREFETCH(HT_HASH_TO_BUCKET(ids, idx));
	}
	if (keys && (id = ring[(i + MINT_AHEAD / 2) & (MINT_RING - 1)]) != NULL && ZSTR_H(id) != 0
			&& (idx = HT_HASH(ids, (uint32_t) ZSTR_H(id) | ids->nTableMask)) != HT_INVALID_IDX) {
		const Bucket *b = HT_HASH_TO_BUCKET(ids, idx);
		if (b->key != NULL && b->key != id) {
			MINT_PREFETCH(b->key);
		}
	}
}

/* The rows of a packed array of at least MINT_PREFETCH_MIN rows, with the hints. */
static zend_result mint_read_packed_rows(php_tokencalc_mint_ids *t, HashTable *rows)
{
	zval *base = rows->arPacked;
	uint32_t n = rows->nNumUsed, i = 0;
	bool keys = false;
	zend_string *ring[MINT_RING];

	ZEND_ASSERT(HT_IS_PACKED(rows) && n >= MINT_PREFETCH_MIN && n > MINT_STAGES * MINT_AHEAD);
	ZEND_ASSERT(MINT_RING >= 3 * MINT_AHEAD && (MINT_RING & (MINT_RING - 1)) == 0);
	/* the ids of the first rows, which no third stage peeks */
	for (uint32_t j = 0; j < 3 * MINT_AHEAD; j++) {
		ring[j] = mint_peek_id(&base[j]);
	}
	for (; i < n - MINT_STAGES * MINT_AHEAD; i++) {
		/* ids' slots only once it is a hash (string ids: it is after the first row) */
		bool hashed = (HT_FLAGS(&t->ids) & (HASH_FLAG_PACKED | HASH_FLAG_UNINITIALIZED)) == 0;
		if ((i & (MINT_KEYS_WINDOW - 1)) == 0) {
			/* the keys' strings too while most rows of the last window needed them */
			keys = t->other_keys > MINT_KEYS_WINDOW / 2;
			t->other_keys = 0;
		}
		mint_prefetch(&t->ids, hashed, keys, &base[i], i, ring);
		if (EXPECTED(Z_TYPE(base[i]) != IS_UNDEF) && UNEXPECTED(mint_read_row(t, &base[i]) == FAILURE)) {
			return FAILURE;
		}
	}
	for (; i < n; i++) {
		if (EXPECTED(Z_TYPE(base[i]) != IS_UNDEF) && UNEXPECTED(mint_read_row(t, &base[i]) == FAILURE)) {
			return FAILURE;
		}
	}
	return SUCCESS;
}

/* The rows of an array, walked directly (no callback per row). */
static zend_result mint_read_rows_array(php_tokencalc_mint_ids *t, HashTable *rows)
{
	zval *row;

	if (HT_IS_PACKED(rows) && rows->nNumUsed >= MINT_PREFETCH_MIN) {
		return mint_read_packed_rows(t, rows);
	}
	ZEND_HASH_FOREACH_VAL(rows, row) {
		if (UNEXPECTED(mint_read_row(t, row) == FAILURE)) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

zend_result php_tokencalc_mint_read(php_tokencalc_mint_ids *t, zval *gems, bool rows)
{
	zend_result r = rows && Z_TYPE_P(gems) == IS_ARRAY
		? mint_read_rows_array(t, Z_ARRVAL_P(gems))
		: php_tokencalc_iterate(gems, 2, rows ? mint_read_row_cb : mint_read_entry, t);
	/* nothing of the last value is kept past the reading */
	tc_dec_clear(&t->value);
	return r;
}

/* ---- the result ---- */

/*
 * A day's totals repeat (gems come in a few sizes), and a user's entry in the result depends on
 * nothing but the total (in COMPAT): users with the same int64 total share one entry (an array, or
 * a skipped user's string), with a reference each, as PHP itself shares equal values; writing to
 * one separates it (copy on write). A direct-mapped cache from a total to its entry, holding no
 * reference of its own: a miss builds the entry and takes the slot.
 */
#define MINT_SHARE_BITS 10
typedef struct mint_share {
	int64_t c;           /* the total */
	void *entry;         /* c > 0: its HashTable; c <= 0: its zend_string; NULL: an empty slot */
	tc_dec tokens;       /* c > 0: its tokens */
} mint_share;

/* What building the result needs besides the table. */
typedef struct mint_build {
	tc_mint_day *day;
	mint_share *share;
	tc_mint_user *users;   /* EXACT: every user, in the table's order, with its tokens */
	size_t n_users;
	tc_dec gems, tokens, pct;
	zend_string *k_gems, *k_tokens, *k_pct;
} mint_build;

static zend_always_inline mint_share *mint_share_slot(mint_share *cache, int64_t c)
{
	return &cache[((uint64_t) c * 0x9E3779B97F4A7C15ULL) >> (64 - MINT_SHARE_BITS)];
}

/* Appends str under key (a new key) to a mixed hash with room for it. */
static zend_always_inline void mint_append_str(HashTable *ht, zend_string *key, zend_string *str)
{
	zval zv;
	ZVAL_NEW_STR(&zv, str);
	_zend_hash_append(ht, key, &zv);
}

/* A participant's entry [gems, tokens, percentage]. */
static HashTable *mint_entry(mint_build *b, const tc_dec *gems, const tc_dec *tokens, const tc_dec *pct)
{
	HashTable *e = zend_new_array(3);

	zend_hash_real_init_mixed(e);
	mint_append_str(e, b->k_gems, php_tokencalc_dec_to_str(gems));
	mint_append_str(e, b->k_tokens, php_tokencalc_dec_to_str(tokens));
	mint_append_str(e, b->k_pct, php_tokencalc_dec_to_str(pct));
	return e;
}

/* The entry of a participant whose total is the tc_dec gems and whose tokens are known (EXACT) or not yet (COMPAT: NULL). */
static HashTable *mint_dec_entry(mint_build *b, const tc_dec *gems, const tc_dec *tokens)
{
	if (tokens == NULL) {
		tc_mint_compat_tokens(b->day, gems, &b->tokens);
		tokens = &b->tokens;
	}
	tc_mint_user_percentage(b->day, gems, &b->pct);
	return mint_entry(b, gems, tokens, &b->pct);
}

/*
 * The entry of a user whose total is the int64 c (at the day's scale): a COMPAT participant's
 * array or a skipped user's string, shared with every user of the same total.
 */
static zend_always_inline void mint_fixed_entry(mint_build *b, int64_t c, zval *entry)
{
	mint_share *sh = mint_share_slot(b->share, c);

	if (EXPECTED(sh->entry != NULL) && EXPECTED(sh->c == c)) {
		if (c > 0) {
			GC_ADDREF((HashTable *) sh->entry);
			ZVAL_ARR(entry, sh->entry);
			tc_mint_add_minted(b->day, &sh->tokens);
		} else {
			ZVAL_STR_COPY(entry, sh->entry);
		}
		return;
	}
	if (c > 0) {
		tc_mint_compat_user_fixed(b->day, c, &b->gems, &sh->tokens, &b->pct);
		sh->entry = mint_entry(b, &b->gems, &sh->tokens, &b->pct);
		ZVAL_ARR(entry, sh->entry);
	} else {
		tc_mint_fixed_to_dec(&b->gems, c, b->day->gscale);
		sh->entry = php_tokencalc_dec_to_str(&b->gems);
		ZVAL_STR(entry, sh->entry);
	}
	sh->c = c;
}

/* The totals of a day with more places than int64 totals keep: every total a tc_dec at that scale. */
static void mint_widen(php_tokencalc_mint_ids *t)
{
	zval *slot;

	ZEND_HASH_FOREACH_VAL(&t->ids, slot) {
		if (Z_TYPE_P(slot) == IS_LONG && t->sc.fixed != t->sc.max) {
			slot_make_wide(t, slot, slot_get(slot), t->sc.fixed);
		}
		if (Z_TYPE_P(slot) == IS_PTR) {
			tc_dec_rescale(Z_PTR_P(slot), t->sc.max);
		}
	} ZEND_HASH_FOREACH_END();
}

/* EXACT: every user with its total (moved out of ids) and its id's string form (*arena holds int ids'). */
static tc_mint_user *mint_exact_users(php_tokencalc_mint_ids *t, char **arena)
{
	size_t n = zend_hash_num_elements(&t->ids), i = 0, ints = 0;
	tc_mint_user *users = php_tokencalc_mem_alloc_n(n, sizeof *users);
	zend_string *key;
	zend_ulong h;
	zval *slot;
	char *p;

	ZEND_HASH_FOREACH_STR_KEY(&t->ids, key) {
		ints += key == NULL;
	} ZEND_HASH_FOREACH_END();
	*arena = p = ints ? php_tokencalc_mem_alloc_n(ints, MAX_LENGTH_OF_LONG + 1) : NULL;

	ZEND_HASH_FOREACH_KEY_VAL(&t->ids, h, key, slot) {
		tc_mint_user *u = &users[i++];
		tc_mint_user_init(u);
		if (Z_TYPE_P(slot) == IS_LONG) {
			tc_mint_fixed_to_dec(&u->gems, slot_get(slot), t->sc.max);
		} else {
			/* moved: the table keeps an empty tc_dec */
			u->gems = *(tc_dec *) Z_PTR_P(slot);
			tc_dec_init(Z_PTR_P(slot));
		}
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
	return users;
}

/* Removes a skipped user's bucket from ids while ids is being walked. */
static void mint_del_slot(HashTable *ids, zval *slot)
{
	if (HT_IS_PACKED(ids)) {   /* no buckets: a packed array holds zvals */
		zend_hash_packed_del_val(ids, slot);
		return;
	}
	zend_hash_del_bucket(ids, (Bucket *) slot);
}

/*
 * ids becomes users in place: each participant's total gives way to its entry, in the same bucket
 * under the same key (no new table, no key touched); a skipped user moves to skipped.
 */
static void mint_build_in_place(php_tokencalc_mint_ids *t, mint_build *b, zval *users, zval *skipped)
{
	tc_mint_day *day = b->day;
	zend_long next_free = ZEND_LONG_MIN;   /* users' next int key: from its own int keys only */
	size_t i = 0, n = zend_hash_num_elements(&t->ids);
	zend_string *key;
	zend_ulong h;
	zval *slot;

	array_init_size(skipped, (uint32_t) (n - day->paid));
	if (n > day->paid) {
		zend_hash_real_init_mixed(Z_ARRVAL_P(skipped));
	}
	ZEND_HASH_FOREACH_KEY_VAL(&t->ids, h, key, slot) {
		zval entry;
		bool part;
		if (b->users != NULL) {   /* EXACT: every user's tokens are in users[] */
			const tc_mint_user *u = &b->users[i];
			part = tc_dec_sign(&u->gems) > 0;
			if (part) {
				ZVAL_ARR(&entry, mint_dec_entry(b, &u->gems, &u->tokens));
			} else if (Z_TYPE_P(slot) == IS_LONG) {
				mint_fixed_entry(b, slot_get(slot), &entry);
			} else {
				ZVAL_NEW_STR(&entry, php_tokencalc_dec_to_str(&u->gems));
			}
		} else if (EXPECTED(Z_TYPE_P(slot) == IS_LONG)) {
			int64_t c = slot_get(slot);
			part = c > 0;
			mint_fixed_entry(b, c, &entry);
		} else {
			const tc_dec *gems = Z_PTR_P(slot);
			part = tc_dec_sign(gems) > 0;
			if (part) {
				ZVAL_ARR(&entry, mint_dec_entry(b, gems, NULL));
			} else {
				ZVAL_NEW_STR(&entry, php_tokencalc_dec_to_str(gems));
			}
		}
		if (Z_TYPE_P(slot) == IS_PTR) {
			slot_free_wide(t, slot);
		}
		if (part) {
			ZVAL_COPY_VALUE(slot, &entry);
			if (key == NULL && (zend_long) h >= next_free) {   /* as an insertion of h would set it */
				next_free = (zend_long) h < ZEND_LONG_MAX ? (zend_long) h + 1 : ZEND_LONG_MAX;
			}
		} else {
			if (key != NULL) {
				_zend_hash_append(Z_ARRVAL_P(skipped), key, &entry);
			} else {
				zend_hash_index_add_new(Z_ARRVAL_P(skipped), h, &entry);
			}
			mint_del_slot(&t->ids, slot);
		}
		PHP_TOKENCALC_MEM_STEP();
		i++;
	} ZEND_HASH_FOREACH_END();

	/* the table moves into a zend_array of its own; t keeps an empty one for php_tokencalc_mint_ids_free() */
	ZEND_ASSERT(t->wide == 0 && zend_hash_num_elements(&t->ids) == day->paid);
	ZEND_ASSERT(GC_REFCOUNT(&t->ids) == 1 && !(GC_FLAGS(&t->ids) & GC_PERSISTENT) && t->ids.pDestructor == NULL);
	t->ids.pDestructor = ZVAL_PTR_DTOR;
	HashTable *u = emalloc(sizeof *u);
	memcpy(u, &t->ids, sizeof *u);
	u->nNextFreeElement = next_free;
	zend_hash_init(&t->ids, 8, NULL, NULL, 0);
	ZVAL_ARR(users, u);
}

zend_result php_tokencalc_mint_result(php_tokencalc_mint_ids *t, tc_mint_day *day, zval *users, zval *skipped)
{
	mint_build b = { .day = day };
	char *arena = NULL;
	zend_result result = SUCCESS;
	zval *slot;

	ZEND_ASSERT(day->gscale == t->sc.max);
	if (t->sc.fixed != t->sc.max || t->wide > 0) {
		mint_widen(t);
	}
	/* plan */
	ZEND_HASH_FOREACH_VAL(&t->ids, slot) {
		if (Z_TYPE_P(slot) == IS_LONG) {
			tc_mint_count_fixed(day, slot_get(slot));
		} else {
			tc_mint_count(day, Z_PTR_P(slot));
		}
	} ZEND_HASH_FOREACH_END();
	tc_mint_plan(day);

	/* per user */
	if (day->mode == TC_MINT_EXACT) {
		b.n_users = zend_hash_num_elements(&t->ids);
		b.users = mint_exact_users(t, &arena);
		if (tc_mint_exact_tokens(day, b.users, b.n_users) != TC_OK) {
			zend_throw_error(NULL, "tokencalc_mint(): out of memory");
			result = FAILURE;
		}
	}
	if (result == SUCCESS) {
		b.share = safe_emalloc((size_t) 1 << MINT_SHARE_BITS, sizeof *b.share, 0);
		for (size_t k = 0; k < (size_t) 1 << MINT_SHARE_BITS; k++) {
			b.share[k].entry = NULL;
			tc_dec_init(&b.share[k].tokens);
		}
		tc_dec_init(&b.gems);
		tc_dec_init(&b.tokens);
		tc_dec_init(&b.pct);
		/* shared by every user's entry, interned: no key string and no refcount per user */
		b.k_gems = zend_string_init_interned("gems", 4, 0);
		b.k_tokens = zend_string_init_interned("tokens", 6, 0);
		b.k_pct = zend_string_init_interned("percentage", 10, 0);

		mint_build_in_place(t, &b, users, skipped);
		/* finish */
		tc_mint_finish(day);

		for (size_t k = 0; k < (size_t) 1 << MINT_SHARE_BITS; k++) {
			tc_dec_clear(&b.share[k].tokens);
		}
		efree(b.share);
		tc_dec_clear(&b.gems);
		tc_dec_clear(&b.tokens);
		tc_dec_clear(&b.pct);
	}
	if (b.users != NULL) {
		for (size_t k = 0; k < b.n_users; k++) {
			tc_mint_user_clear(&b.users[k]);
		}
		efree(b.users);
	}
	if (arena != NULL) {
		efree(arena);
	}
	return result;
}
