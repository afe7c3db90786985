/*
 * tokencalc: the binding's mint, shared by tokencalc_mint.c (the PHP function) and
 * tokencalc_mint_rows.c (reading PHP rows into per-user totals, and the result built in place:
 * the one unit that touches hash-table internals).
 */
#ifndef TOKENCALC_MINT_H
#define TOKENCALC_MINT_H

#include "php_tokencalc.h"
#include "core/mint.h"

/* A flag the binding combines with a mode (TOKENCALC_MINT_ROWS): the input is [userId, gems] rows. */
#define PHP_TOKENCALC_MINT_ROWS 0x100

/*
 * What tokencalc_mint() accumulates while it walks $gems: every user's total, keyed by user id in
 * order of first appearance. A day is a million rows over a hundred thousand users: each total
 * lives inside its hash bucket, as an int64 coefficient at scale sc.fixed (IS_LONG), so that a row
 * costs one hash lookup, one parse and one machine addition. A total that does not fit becomes a
 * heap tc_dec (IS_PTR) and stays one. Opaque outside tokencalc_mint_rows.c.
 */
typedef struct php_tokencalc_mint_ids {
	HashTable ids;          /* the users in order of first appearance, each with its total */
	tc_mint_scales sc;      /* the scales of the totals */
	size_t wide;            /* how many totals in ids are heap tc_decs (IS_PTR) */
	zend_long max_digits;   /* tokencalc.max_digits, read once per call */
	size_t short_max;       /* min(max_digits, TC_DEC_SHORT_LEN_19): gems strings parsed inline */
	zend_ulong pos;         /* rows: the position of the row being read, for error messages */
	uint32_t other_keys;    /* rows whose id string was not the very string of its user's key in ids */
	tc_dec value;           /* the value being read */
} php_tokencalc_mint_ids;

/* Ready for $gems (sizes the table from it); max_digits is the call's snapshot of the setting. */
void php_tokencalc_mint_ids_init(php_tokencalc_mint_ids *t, const zval *gems, bool rows, zend_long max_digits);
/* Reads every entry (rows: every row [userId, gems]) of $gems into the totals; throws and returns FAILURE on bad input. */
zend_result php_tokencalc_mint_read(php_tokencalc_mint_ids *t, zval *gems, bool rows);
/*
 * The day through the core (plan, per user, finish), with day begun by tc_mint_begin() at the
 * scale php_tokencalc_mint_scale() gives: users receives the participants' entries
 * [gems, tokens, percentage] (the totals' table itself, turned in place), skipped the others' totals.
 * t is left empty. FAILURE (thrown) only when the core runs out of memory.
 */
zend_result php_tokencalc_mint_result(php_tokencalc_mint_ids *t, tc_mint_day *day, zval *users, zval *skipped);
/* The scale every total is printed at, once every value is read. */
uint32_t php_tokencalc_mint_scale(const php_tokencalc_mint_ids *t);
void php_tokencalc_mint_ids_free(php_tokencalc_mint_ids *t);

#endif
