/*
 * tokencalc binding: tokencalc_receipt() and tokencalc_receipt_verify().
 *
 * Walks the record without recursion (an explicit stack of frames), so depth is bounded by
 * memory_limit only; each array's entries are gathered on one shared entry stack, sorted by the
 * string form of their keys (big arrays: radix sorted on their key heads) and fed to the core
 * (core/receipt.c), which owns the hash state. The simple entries of big arrays are encoded
 * beforehand, in memory order (see RC_PRE_MIN).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "php_tokencalc.h"
#include "core/receipt.h"

/* One entry of an array being encoded: its key as bytes, and its value. */
typedef struct {
	uint64_t head;   /* tc_receipt_key_head(): sorting reads the key's own memory only on a tie */
	zend_string *skey; /* a string key, or NULL when the int key is spelled in num */
	size_t len;
	zval *val;
	const unsigned char *pre; /* E(key) E(value) encoded beforehand, pre_len bytes; NULL: the walk feeds them */
	uint32_t pre_len;
	char num[TC_RECEIPT_INT_MAX];
} rc_entry;

#define RC_KEY(e) ((e)->skey ? ZSTR_VAL((e)->skey) : (e)->num)

/* One array on the way down: its entries are entries[base .. base + count), next is the one to feed. */
typedef struct {
	HashTable *ht;
	size_t base;
	struct rc_pre_seg *pre_seg; /* the pre buffer as it was when this array was entered, restored when it is left */
	size_t pre_used, pre_total;
	uint32_t count;
	uint32_t next;
} rc_frame;

/* Small records never touch the heap: both stacks start in these inline arrays. */
#define RC_INLINE_ENTRIES 64
#define RC_INLINE_FRAMES 16
#define RC_SMALL_SORT 16
#define RC_RADIX_MIN 64 /* arrays this big or bigger are radix sorted on their key heads */

/*
 * Big arrays (RC_PRE_MIN entries or more) are first read in memory order, before sorting: each
 * entry whose value is a string, an int or a flat array of at most RC_SMALL_SORT strings and ints
 * gets E(key) E(value) written to the walk's pre buffer, so that the walk in key order then feeds
 * contiguous bytes instead of chasing a user's key, array, buckets and strings across the heap.
 * Anything else (deeper arrays, values the encoding rejects) is left to the walk, which thus
 * meets errors in the same order. The buffer holds at most RC_PRE_MAX bytes; entries past that
 * are walked as before.
 */
#define RC_PRE_MIN 64
#define RC_PRE_MAX ((size_t) 8 << 20)

/*
 * The pre buffer is a stack of segments that never move (entries point into them): RC_PRE_SEG
 * bytes each, small enough for the allocator to serve from its cached chunks rather than a fresh
 * mapping per call.
 */
#define RC_PRE_SEG ((size_t) 256 << 10)
typedef struct rc_pre_seg {
	struct rc_pre_seg *prev;
	size_t used, cap;
	unsigned char data[1];
} rc_pre_seg;

typedef struct {
	rc_entry *entries;
	size_t n_entries, cap_entries;
	rc_frame *frames;
	size_t n_frames, cap_frames;
	struct rc_pre_seg *pre; /* the newest segment of the pre buffer, NULL when none */
	size_t pre_total;
	/*
	 * The keys of the last flat array that rc_pre_encode() sorted, all strings, and their order:
	 * the next array with the very same key strings in the same places (records of many users
	 * alike, whose literal keys PHP interns) takes that order without sorting.
	 */
	uint32_t shape_n;
	zend_string *shape_keys[RC_SMALL_SORT];
	unsigned char shape_order[RC_SMALL_SORT];
	rc_entry inline_entries[RC_INLINE_ENTRIES];
	rc_frame inline_frames[RC_INLINE_FRAMES];
} rc_walk;

/*
 * A big record is mostly waiting for memory: every user's array and strings sit in their own
 * allocations, met in key order rather than memory order. For arrays of RC_PREFETCH_MIN entries
 * or more, the entries RC_AHEAD_SLOT ahead get their slot and key fetched, those RC_AHEAD_FAR
 * ahead their value's header, those RC_AHEAD_MID ahead an array value's elements, and those
 * RC_AHEAD_NEAR ahead the headers of that array's values, each stage reading only what an earlier
 * stage brought in (a mint of 10,000 users: about a third faster, benchmarks/receipt.php).
 * Pure hints: they change no result.
 */
#if defined(__GNUC__) || defined(__clang__)
# define RC_PREFETCH(p) __builtin_prefetch(p)
#else
# define RC_PREFETCH(p) ((void) (p))
#endif
#ifndef RC_PREFETCH_MIN /* -DRC_PREFETCH_MIN=0xffffffff turns the hints off, to measure them */
# define RC_PREFETCH_MIN 32
#endif
#ifndef RC_PRE_AHEAD_FAR
# define RC_PRE_AHEAD_FAR 24
#endif
#ifndef RC_PRE_AHEAD_MID
# define RC_PRE_AHEAD_MID 16
#endif
#ifndef RC_PRE_AHEAD_NEAR
# define RC_PRE_AHEAD_NEAR 8
#endif
#define RC_AHEAD_PRE 4 /* a pre-encoded entry this far ahead gets its bytes fetched */
#define RC_AHEAD_SLOT 16
#define RC_AHEAD_FAR 12
#define RC_AHEAD_MID 8
#define RC_AHEAD_NEAR 4
#define RC_PREFETCH_CHILDREN 8 /* of each array fetched ahead, at most this many values */

/* Paths deeper than this are shown as their first and last RC_PATH_ENDS levels. */
#define RC_PATH_ENDS 16

static int rc_entry_cmp(const void *a, const void *b)
{
	const rc_entry *x = a, *y = b;
	if (x->head != y->head) {
		return x->head < y->head ? -1 : 1;
	}
	return tc_receipt_key_cmp(RC_KEY(x), x->len, RC_KEY(y), y->len);
}

static void rc_sort_cmp(rc_entry *first, size_t n);

/* A key head and where its entry was, for the radix sort: 16 bytes to move instead of a whole rc_entry. */
typedef struct {
	uint64_t head;
	uint64_t idx;
} rc_radix_key;

/*
 * Key order for big arrays: an LSD radix sort of the 8-byte heads, one byte a pass (a pass is
 * skipped when every head has the same byte there), then the entries moved into that order in
 * place, then each run of equal heads (keys that agree on their first 8 bytes, or shorter keys
 * that a zero byte would extend) sorted on the whole key. Linear in n, and no comparison whose
 * outcome the branch predictor has to guess.
 */
static void rc_radix_sort(rc_entry *first, size_t n)
{
	uint32_t (*count)[256] = ecalloc(8, sizeof *count);
	rc_radix_key *a = php_tokencalc_mem_alloc_n(n, 2 * sizeof(rc_radix_key)), *b = a + n, *t;
	size_t i, j, pass;

	for (i = 0; i < n; i++) {
		uint64_t h = first[i].head;
		a[i].head = h;
		a[i].idx = i;
		for (pass = 0; pass < 8; pass++) {
			count[pass][(h >> (8 * pass)) & 0xff]++;
		}
	}
	for (pass = 0; pass < 8; pass++) {
		uint32_t *c = count[pass], sum = 0, k;
		unsigned shift = 8 * (unsigned) pass;
		if (c[(a[0].head >> shift) & 0xff] == n) {
			continue; /* all heads agree on this byte: the pass would move nothing */
		}
		for (j = 0; j < 256; j++) {
			k = c[j];
			c[j] = sum;
			sum += k;
		}
		for (i = 0; i < n; i++) {
			b[c[(a[i].head >> shift) & 0xff]++] = a[i];
		}
		t = a;
		a = b;
		b = t;
	}
	efree(count);

	/* a[i].idx is where the entry that belongs at i is now: follow each cycle of that permutation once */
	for (i = 0; i < n; i++) {
		size_t src = a[i].idx;
		rc_entry tmp;
		if (src == i) {
			continue;
		}
		tmp = first[i];
		j = i;
		do {
			first[j] = first[src];
			a[j].idx = j;
			j = src;
			src = a[j].idx;
		} while (src != i);
		first[j] = tmp;
		a[j].idx = j;
	}
	efree(a < b ? a : b);

	/* runs of equal heads: the whole keys decide */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && first[j].head == first[i].head; j++) {
		}
		if (j - i > 1) {
			rc_sort_cmp(first + i, j - i);
		}
	}
}

/* Insertion sort: small arrays (a user's few fields), inlined, and the first pass of rc_sort_cmp(). */
static void rc_insertion_sort(rc_entry *first, size_t n)
{
	size_t i, j;
	for (i = 1; i < n; i++) {
		if (rc_entry_cmp(&first[i - 1], &first[i]) > 0) {
			rc_entry t = first[i];
			j = i;
			do {
				first[j] = first[j - 1];
				j--;
			} while (j > 0 && rc_entry_cmp(&first[j - 1], &t) > 0);
			first[j] = t;
		}
	}
}

/*
 * Key order by comparisons, at most n·log2(n) of them whatever the input: a bottom-up merge sort
 * over runs of RC_SMALL_SORT. zend_sort(), a quicksort without a depth limit, was quadratic on keys
 * sharing their first 8 bytes in McIlroy's adversarial order: 8,000 such keys took 20x as long as
 * the same keys shuffled (scripts/hostile.sh, PHP 8.2, 2026-11-29); this sort: 0.4-0.6x.
 */
static void rc_sort_cmp(rc_entry *first, size_t n)
{
	rc_entry *buf, *src, *dst, *t;
	size_t width, i;

	for (i = 0; i < n; i += RC_SMALL_SORT) {
		rc_insertion_sort(first + i, MIN(RC_SMALL_SORT, n - i));
	}
	if (n <= RC_SMALL_SORT) {
		return;
	}
	buf = php_tokencalc_mem_alloc_n(n, sizeof(rc_entry));
	src = first;
	dst = buf;
	for (width = RC_SMALL_SORT; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			size_t mid = MIN(i + width, n), end = MIN(i + 2 * width, n), a = i, b = mid, o = i;
			/* runs already in order (records built sorted, mostly) are copied without comparing */
			if (mid < end && rc_entry_cmp(&src[mid - 1], &src[mid]) > 0) {
				while (a < mid && b < end) {
					dst[o++] = rc_entry_cmp(&src[b], &src[a]) < 0 ? src[b++] : src[a++];
				}
			}
			memcpy(dst + o, src + a, (mid - a) * sizeof *src);
			o += mid - a;
			memcpy(dst + o, src + b, (end - b) * sizeof *src);
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != first) {
		memcpy(first, src, n * sizeof *first);
	}
	efree(buf);
}

/* Key order. */
static void rc_sort(rc_entry *first, size_t n)
{
	size_t i;
	if (n <= RC_SMALL_SORT) {
		rc_sort_cmp(first, n);
		return;
	}
	/* records built in key order skip the sort: one pass of comparisons */
	for (i = 1; i < n; i++) {
		if (rc_entry_cmp(&first[i - 1], &first[i]) > 0) {
			if (n >= RC_RADIX_MIN) {
				rc_radix_sort(first, n);
			} else {
				rc_sort_cmp(first, n);
			}
			return;
		}
	}
}

/* Grows one of the walk's stacks to hold at least need elements (doubling, then moving off the inline array). */
static void *rc_grow(void *p, void *inline_p, size_t *cap, size_t need, size_t size)
{
	size_t new_cap = MAX(*cap * 2, need);
	void *q;
	if (p == inline_p) {
		q = php_tokencalc_mem_alloc_n(new_cap, size);
		memcpy(q, p, *cap * size);
	} else {
		q = php_tokencalc_mem_realloc_n(p, new_cap, size);
	}
	*cap = new_cap;
	return q;
}

static void rc_walk_init(rc_walk *w)
{
	w->entries = w->inline_entries;
	w->n_entries = 0;
	w->cap_entries = RC_INLINE_ENTRIES;
	w->frames = w->inline_frames;
	w->n_frames = 0;
	w->cap_frames = RC_INLINE_FRAMES;
	w->pre = NULL;
	w->pre_total = 0;
	w->shape_n = 0;
}

/* Frees the pre buffer's segments newer than seg, and rewinds it to used bytes of seg (total in all). */
static void rc_pre_release(rc_walk *w, rc_pre_seg *seg, size_t used, size_t total)
{
	while (w->pre != seg) {
		rc_pre_seg *prev = w->pre->prev;
		efree(w->pre);
		w->pre = prev;
	}
	if (seg) {
		seg->used = used;
	}
	w->pre_total = total;
}

/* Unmarks the arrays still on the stack (after an error) and frees what grew. */
static void rc_walk_free(rc_walk *w)
{
	while (w->n_frames > 0) {
		HashTable *ht = w->frames[--w->n_frames].ht;
		GC_TRY_UNPROTECT_RECURSION(ht);
	}
	if (w->entries != w->inline_entries) {
		efree(w->entries);
	}
	if (w->frames != w->inline_frames) {
		efree(w->frames);
	}
	rc_pre_release(w, NULL, 0, 0);
}

/*
 * Canonical keys. A string key that spells an int as PHP writes int keys ("7", "-5"; not "07",
 * "-0", "1.0" or past PHP_INT_MAX) would encode exactly as that int key. PHP's array syntax never
 * makes one (it stores $a["7"] under the int 7), but get_defined_vars(), array_replace() and the
 * like can carry one over, even beside the int key itself. Such a record is not canonical and is
 * refused, so that two records get the same receipt only if they hold the same keys and values.
 */
static zend_always_inline bool rc_key_is_canonical(const zend_string *key)
{
	zend_ulong idx;
	/* longer than any int's form (a UUID): canonical, without a call */
	return key == NULL || ZSTR_LEN(key) > MAX_LENGTH_OF_LONG
		|| !ZEND_HANDLE_NUMERIC_STR(ZSTR_VAL(key), ZSTR_LEN(key), idx);
}

static zend_always_inline void rc_prefetch_far(const zval *v)
{
	if (Z_REFCOUNTED_P(v)) {
		RC_PREFETCH(Z_COUNTED_P(v));
		RC_PREFETCH((const char *) Z_COUNTED_P(v) + 64); /* a string's bytes run on */
	}
}

static zend_always_inline void rc_prefetch_mid(const zval *v)
{
	if (Z_TYPE_P(v) == IS_ARRAY) {
		const HashTable *ht = Z_ARRVAL_P(v);
		RC_PREFETCH(ht->arPacked);
		RC_PREFETCH((const char *) ht->arPacked + 64);
		RC_PREFETCH((const char *) ht->arPacked + 128);
		RC_PREFETCH((const char *) ht->arPacked + 192);
	}
}

static void rc_prefetch_near(const zval *v)
{
	if (Z_TYPE_P(v) == IS_ARRAY) {
		HashTable *ht = Z_ARRVAL_P(v);
		uint32_t i, n = MIN(ht->nNumUsed, RC_PREFETCH_CHILDREN);
		for (i = 0; i < n; i++) {
			const zval *child = HT_IS_PACKED(ht) ? &ht->arPacked[i] : &ht->arData[i].val;
			if (Z_REFCOUNTED_P(child)) {
				RC_PREFETCH(Z_COUNTED_P(child));
			}
		}
	}
}

/* Spells an int key, or points at a string key's bytes. */
static zend_always_inline void rc_entry_key(rc_entry *e, zend_string *key, zend_ulong h)
{
	if (key) {
		e->skey = key;
		e->len = ZSTR_LEN(key);
	} else {
		e->skey = NULL;
		e->len = tc_receipt_format_int(e->num, (int64_t) (zend_long) h);
	}
	e->head = tc_receipt_key_head(RC_KEY(e), e->len);
}

/* Room for need more bytes in the pre buffer, within RC_PRE_MAX: where to write them, or NULL. */
static unsigned char *rc_pre_reserve(rc_walk *w, size_t need)
{
	if (need > RC_PRE_MAX - w->pre_total) {
		return NULL;
	}
	if (!w->pre || need > w->pre->cap - w->pre->used) {
		size_t cap = MAX(RC_PRE_SEG, need);
		rc_pre_seg *seg = php_tokencalc_mem_alloc_n(1, offsetof(rc_pre_seg, data) + cap);
		seg->prev = w->pre;
		seg->used = 0;
		seg->cap = cap;
		w->pre = seg;
	}
	return w->pre->data + w->pre->used;
}

/* Encodes E(key) E(value) of e into the pre buffer when its value is simple enough (see RC_PRE_MIN). */
static void rc_pre_encode(rc_walk *w, rc_entry *e)
{
	zend_string *kkey[RC_SMALL_SORT];
	zend_ulong kh[RC_SMALL_SORT];
	zval *kval[RC_SMALL_SORT];
	unsigned char order[RC_SMALL_SORT];
	char num[TC_RECEIPT_INT_MAX];
	const char *vs = NULL;
	size_t vlen = 0, need, i, nk = 0;
	unsigned char *out;
	zval *v = e->val;

	ZVAL_DEREF(v);
	need = 2 * TC_RECEIPT_HEADER_LEN + e->len;
	switch (Z_TYPE_P(v)) {
		case IS_STRING:
			vs = Z_STRVAL_P(v);
			vlen = Z_STRLEN_P(v);
			break;
		case IS_LONG:
			vlen = tc_receipt_format_int(num, (int64_t) Z_LVAL_P(v));
			vs = num;
			break;
		case IS_ARRAY: {
			HashTable *ht = Z_ARRVAL_P(v);
			zend_ulong h;
			zend_string *key;
			zval *val;
			if (zend_hash_num_elements(ht) > RC_SMALL_SORT) {
				return;
			}
			ZEND_HASH_FOREACH_KEY_VAL_IND(ht, h, key, val) {
				if (!rc_key_is_canonical(key)) {
					return; /* the walk throws for it */
				}
				kkey[nk] = key;
				kh[nk] = h;
				ZVAL_DEREF(val);
				kval[nk++] = val;
				need += 2 * TC_RECEIPT_HEADER_LEN + (key ? ZSTR_LEN(key) : TC_RECEIPT_INT_MAX);
				if (Z_TYPE_P(val) == IS_STRING) {
					need += Z_STRLEN_P(val);
				} else if (Z_TYPE_P(val) == IS_LONG) {
					need += TC_RECEIPT_INT_MAX;
				} else {
					return; /* nested deeper, or a value to reject: the walk does it */
				}
			} ZEND_HASH_FOREACH_END();
			break;
		}
		default:
			return;
	}
	need += vlen;
	if (need > UINT32_MAX || (out = rc_pre_reserve(w, need)) == NULL) {
		return;
	}
	e->pre = out;
	out += tc_receipt_put_string(out, RC_KEY(e), e->len);
	if (vs) {
		out += tc_receipt_put_string(out, vs, vlen);
	} else {
		bool same = w->shape_n == nk;
		for (i = 0; same && i < nk; i++) {
			same = w->shape_keys[i] == kkey[i];
		}
		if (same) {
			memcpy(order, w->shape_order, nk);
		} else {
			rc_entry kids[RC_SMALL_SORT];
			bool all_strings = true;
			for (i = 0; i < nk; i++) {
				rc_entry_key(&kids[i], kkey[i], kh[i]);
				kids[i].pre_len = (uint32_t) i; /* here: where the entry was before sorting */
				all_strings = all_strings && kkey[i] != NULL;
			}
			rc_sort_cmp(kids, nk);
			for (i = 0; i < nk; i++) {
				order[i] = (unsigned char) kids[i].pre_len;
			}
			if (all_strings) {
				w->shape_n = (uint32_t) nk;
				memcpy(w->shape_keys, kkey, nk * sizeof kkey[0]);
				memcpy(w->shape_order, order, nk);
			}
		}
		out += tc_receipt_put_array(out, nk);
		for (i = 0; i < nk; i++) {
			size_t j = order[i];
			zval *kv = kval[j];
			if (kkey[j]) {
				out += tc_receipt_put_string(out, ZSTR_VAL(kkey[j]), ZSTR_LEN(kkey[j]));
			} else {
				vlen = tc_receipt_format_int(num, (int64_t) (zend_long) kh[j]);
				out += tc_receipt_put_string(out, num, vlen);
			}
			if (Z_TYPE_P(kv) == IS_STRING) {
				out += tc_receipt_put_string(out, Z_STRVAL_P(kv), Z_STRLEN_P(kv));
			} else {
				vlen = tc_receipt_format_int(num, (int64_t) Z_LVAL_P(kv));
				out += tc_receipt_put_string(out, num, vlen);
			}
		}
	}
	e->pre_len = (uint32_t) (out - e->pre);
	w->pre->used += e->pre_len;
	w->pre_total += e->pre_len;
}

typedef enum { RC_ENTERED, RC_RECURSIVE, RC_NOT_CANONICAL } rc_enter_result;

/*
 * Starts encoding ht: marks it (so that meeting it again below is caught), pushes its sorted
 * entries and a frame, and feeds the array header. RC_RECURSIVE when ht is already on the way
 * down; RC_NOT_CANONICAL when it has a key that spells an int (its frame is pushed with next just
 * past that entry, for the path in the message).
 */
static rc_enter_result rc_enter(rc_walk *w, tc_receipt *r, HashTable *ht)
{
	zend_ulong h;
	zend_string *key;
	zval *val;
	rc_frame *f;
	rc_entry *first;
	size_t n;
	uint32_t bad = UINT32_MAX;

	if (GC_IS_RECURSIVE(ht)) {
		return RC_RECURSIVE;
	}
	/* immutable arrays cannot contain themselves, and must not be written to */
	GC_TRY_PROTECT_RECURSION(ht);

	if (w->n_frames == w->cap_frames) {
		w->frames = rc_grow(w->frames, w->inline_frames, &w->cap_frames, w->n_frames + 1, sizeof(rc_frame));
	}
	n = zend_hash_num_elements(ht);
	if (w->cap_entries - w->n_entries < n) {
		w->entries = rc_grow(w->entries, w->inline_entries, &w->cap_entries, w->n_entries + n, sizeof(rc_entry));
	}

	f = &w->frames[w->n_frames++];
	f->ht = ht;
	f->base = w->n_entries;
	f->pre_seg = w->pre;
	f->pre_used = w->pre ? w->pre->used : 0;
	f->pre_total = w->pre_total;
	f->next = 0;
	first = &w->entries[f->base];
	n = 0;
	ZEND_HASH_FOREACH_KEY_VAL_IND(ht, h, key, val) {
		rc_entry *e = &first[n++];
		rc_entry_key(e, key, h);
		e->val = val;
		e->pre = NULL;
		if (UNEXPECTED(!rc_key_is_canonical(key)) && bad == UINT32_MAX) {
			bad = (uint32_t) n;
		}
	} ZEND_HASH_FOREACH_END();
	f->count = (uint32_t) n;
	w->n_entries += n;
	if (UNEXPECTED(bad != UINT32_MAX)) {
		f->next = bad;
		return RC_NOT_CANONICAL;
	}
	if (n >= RC_PRE_MIN) {
		size_t i;
		for (i = 0; i < n; i++) {
			/* the walk's stages, in memory order, where each entry takes less time */
			if (i + RC_PRE_AHEAD_FAR < n) {
				rc_prefetch_far(first[i + RC_PRE_AHEAD_FAR].val);
			}
			if (i + RC_PRE_AHEAD_MID < n) {
				rc_prefetch_mid(first[i + RC_PRE_AHEAD_MID].val);
			}
			if (i + RC_PRE_AHEAD_NEAR < n) {
				rc_prefetch_near(first[i + RC_PRE_AHEAD_NEAR].val);
			}
			rc_pre_encode(w, &first[i]);
		}
	}

	rc_sort(first, n);
	tc_receipt_array_begin(r, n);
	return RC_ENTERED;
}

/* Appends the key of the entry being fed at level, as every message names a key (php_tokencalc_describe_key()). */
static void rc_path_level(smart_str *s, const rc_walk *w, size_t level)
{
	const rc_frame *f = &w->frames[level];
	const rc_entry *e = &w->entries[f->base + f->next - 1];
	char where[PHP_TOKENCALC_KEY_DESC_SIZE];
	zval key;

	if (e->skey) {
		ZVAL_STR(&key, e->skey);
	} else {
		char num[TC_RECEIPT_INT_MAX + 1];
		memcpy(num, e->num, e->len);
		num[e->len] = '\0';
		ZVAL_LONG(&key, ZEND_STRTOL(num, NULL, 10));
	}
	php_tokencalc_describe_key(where, sizeof where, &key);
	smart_str_appends(s, where);
}

/* "$record[\"users\"][3]": the keys of the entries being fed, from the top frame down. */
static zend_string *rc_path(const rc_walk *w)
{
	smart_str s = {0};
	size_t level;
	smart_str_appends(&s, "$record");
	for (level = 0; level < w->n_frames; level++) {
		if (w->n_frames > 2 * RC_PATH_ENDS && level == RC_PATH_ENDS) {
			smart_str_append_printf(&s, "...(%zu levels)...", w->n_frames - 2 * RC_PATH_ENDS);
			level = w->n_frames - RC_PATH_ENDS;
		}
		rc_path_level(&s, w, level);
	}
	return smart_str_extract(&s);
}

/* Throws for an rc_enter() that did not enter, naming the path it stopped at. */
static void rc_enter_error(const rc_walk *w, rc_enter_result res)
{
	zend_string *path = rc_path(w);
	if (res == RC_RECURSIVE) {
		zend_argument_value_error(1, "must not be recursive, %s refers back to an array that contains it",
			ZSTR_VAL(path));
	} else {
		zend_argument_value_error(1, "must contain only canonical keys, %s is a string key that spells an int",
			ZSTR_VAL(path));
	}
	zend_string_release(path);
}

/* Feeds E(record) to r; on a value the encoding has no form for, throws and returns FAILURE. */
static zend_result rc_encode(rc_walk *w, tc_receipt *r, HashTable *record)
{
	rc_enter_result entered;
	zend_string *path;

	/* even the outermost array can be marked already: by a var_dump() that called us from __debugInfo() */
	entered = rc_enter(w, r, record);
	if (entered != RC_ENTERED) {
		rc_enter_error(w, entered);
		return FAILURE;
	}
	while (w->n_frames > 0) {
		rc_frame *f = &w->frames[w->n_frames - 1];
		rc_entry *e;
		zval *v;

		if (f->next == f->count) {
			GC_TRY_UNPROTECT_RECURSION(f->ht);
			w->n_entries = f->base;
			rc_pre_release(w, f->pre_seg, f->pre_used, f->pre_total);
			w->n_frames--;
			continue;
		}
		e = &w->entries[f->base + f->next++];
		if (e->pre) {
			if (f->count - f->next > RC_AHEAD_PRE) {
				const unsigned char *p = e[RC_AHEAD_PRE].pre;
				if (p) {
					RC_PREFETCH(p);
					RC_PREFETCH(p + 64);
					RC_PREFETCH(p + 128);
				}
			}
			tc_receipt_raw(r, e->pre, e->pre_len);
			continue;
		}
		if (f->count >= RC_PREFETCH_MIN) {
			uint32_t left = f->count - f->next;
			if (left > RC_AHEAD_SLOT) {
				/* the slot in this array that holds the value, and the key's bytes */
				RC_PREFETCH(e[RC_AHEAD_SLOT].val);
				RC_PREFETCH(RC_KEY(&e[RC_AHEAD_SLOT]));
			}
			if (left > RC_AHEAD_FAR) {
				rc_prefetch_far(e[RC_AHEAD_FAR].val);
			}
			if (left > RC_AHEAD_MID) {
				rc_prefetch_mid(e[RC_AHEAD_MID].val);
			}
			if (left > RC_AHEAD_NEAR) {
				rc_prefetch_near(e[RC_AHEAD_NEAR].val);
			}
		}
		tc_receipt_string(r, RC_KEY(e), e->len);
		v = e->val;
		ZVAL_DEREF(v);
		switch (Z_TYPE_P(v)) {
			case IS_STRING:
				tc_receipt_string(r, Z_STRVAL_P(v), Z_STRLEN_P(v));
				break;
			case IS_LONG:
				tc_receipt_int(r, (int64_t) Z_LVAL_P(v));
				break;
			case IS_ARRAY:
				entered = rc_enter(w, r, Z_ARRVAL_P(v));
				if (entered != RC_ENTERED) {
					rc_enter_error(w, entered);
					return FAILURE;
				}
				break;
			default:
				path = rc_path(w);
				zend_argument_type_error(1, "must contain only strings, ints and arrays, %s is %s",
					ZSTR_VAL(path), zend_zval_type_name(v));
				zend_string_release(path);
				return FAILURE;
		}
	}
	return SUCCESS;
}

/* Checks the key, starts r under it and feeds the whole record; throws and returns FAILURE otherwise. */
static zend_result rc_compute(tc_receipt *r, HashTable *record, zend_string *key)
{
	rc_walk w;
	zend_result res;

	if (ZSTR_LEN(key) != TC_RECEIPT_KEY_BYTES) {
		zend_argument_value_error(2, "must be exactly %d bytes long", TC_RECEIPT_KEY_BYTES);
		return FAILURE;
	}
	/* the key is read in place by libsodium: no copy of it is made here */
	if (tc_receipt_init(r, (const unsigned char *) ZSTR_VAL(key), ZSTR_LEN(key)) != TC_OK) {
		zend_throw_error(NULL, "libsodium could not start a BLAKE2b state");
		return FAILURE;
	}
	rc_walk_init(&w);
	res = rc_encode(&w, r, record);
	rc_walk_free(&w);
	if (res == FAILURE) {
		tc_receipt_abort(r);
	}
	return res;
}

ZEND_FUNCTION(tokencalc_receipt)
{
	HashTable *record;
	zend_string *key, *out;
	tc_receipt r;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ARRAY_HT(record)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	if (rc_compute(&r, record, key) == FAILURE) {
		RETURN_THROWS();
	}
	out = zend_string_alloc(TC_RECEIPT_HEX_LEN, 0);
	tc_receipt_final(&r, ZSTR_VAL(out));
	RETVAL_NEW_STR(out);
}

ZEND_FUNCTION(tokencalc_receipt_verify)
{
	HashTable *record;
	zend_string *key, *receipt;
	tc_receipt r;

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_ARRAY_HT(record)
		Z_PARAM_STR(key)
		Z_PARAM_STR(receipt)
	ZEND_PARSE_PARAMETERS_END();

	if (rc_compute(&r, record, key) == FAILURE) {
		RETURN_THROWS();
	}
	RETURN_BOOL(tc_receipt_verify_hex(&r, ZSTR_VAL(receipt), ZSTR_LEN(receipt)));
}
