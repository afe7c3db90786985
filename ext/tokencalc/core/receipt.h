/*
 * tokencalc core: tamper-evident receipts (keyed BLAKE2b-256 over the canonical encoding v1).
 *
 * message = "tokencalc-receipt-v1" 0x00 E(record)
 * E(string s) = 's' len(s) as uint64 little-endian, bytes of s   (an int: its decimal string)
 * E(array a)  = 'a' count as uint64 little-endian, then E(key) E(value) per entry, keys in
 *               tc_receipt_key_cmp() order
 *
 * The caller walks its own tree and feeds the primitives below; the core owns the hash state.
 * No PHP here: plain pointers and lengths in, statuses out.
 */
#ifndef TC_RECEIPT_H
#define TC_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sodium.h>

#include "tc_status.h"

#define TC_RECEIPT_KEY_BYTES 32   /* key length, exactly */
#define TC_RECEIPT_BYTES     32   /* digest length */
#define TC_RECEIPT_HEX_LEN   64   /* digest as lowercase hex, without the NUL */
#define TC_RECEIPT_INT_MAX   20   /* longest decimal int64: "-9223372036854775808" */
#define TC_RECEIPT_BUF       2048 /* bytes gathered before each hash update */

/*
 * Hash state plus a small write buffer: records are mostly short strings, and one update per
 * 2 KiB costs far less than three tiny updates per string. Keep it on the stack (the libsodium
 * state wants 64-byte alignment, which heap allocators such as emalloc do not promise).
 */
typedef struct tc_receipt {
	crypto_generichash_state hash;
	size_t used;
	unsigned char buf[TC_RECEIPT_BUF];
} tc_receipt;

/*
 * Starts a receipt under key (key_len must be TC_RECEIPT_KEY_BYTES, else TC_ERR_KEY and r is
 * untouched) and feeds the version prefix. The key is read in place, never copied.
 * The process must have called sodium_init() once before (the module does it in MINIT).
 */
tc_status tc_receipt_init(tc_receipt *r, const unsigned char *key, size_t key_len);

/* Feeds E(s) for the len bytes at s. */
void tc_receipt_string(tc_receipt *r, const char *s, size_t len);

/* Feeds E(decimal string of v). */
void tc_receipt_int(tc_receipt *r, int64_t v);

/* Feeds the header of an array of count entries; the caller then feeds E(key) E(value) for each, in key order. */
void tc_receipt_array_begin(tc_receipt *r, uint64_t count);

/*
 * Feeds len bytes that already are part of the encoding, e.g. built beforehand with the
 * tc_receipt_put_*() helpers below (a caller that encodes parts of a record out of order).
 */
void tc_receipt_raw(tc_receipt *r, const void *p, size_t len);

#define TC_RECEIPT_HEADER_LEN 9 /* the tag byte and the uint64 of E(string) and E(array) */

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ \
	&& (defined(__GNUC__) || defined(__clang__))
# define TC_RECEIPT_LE_HOST 1 /* a uint64 in memory already is little-endian: one store, one load */
#else
# define TC_RECEIPT_LE_HOST 0
#endif

/* A tag byte and n as uint64 little-endian, whatever the host's byte order (TC_RECEIPT_HEADER_LEN bytes at p). */
static inline void tc_receipt_put_header(unsigned char *p, char tag, uint64_t n)
{
	p[0] = (unsigned char) tag;
#if TC_RECEIPT_LE_HOST
	memcpy(p + 1, &n, 8);
#else
	for (int i = 1; i < TC_RECEIPT_HEADER_LEN; i++) {
		p[i] = (unsigned char) n;
		n >>= 8;
	}
#endif
}

/* Writes E(s) for the len bytes at s to out, which has room for TC_RECEIPT_HEADER_LEN + len bytes; returns that length. */
static inline size_t tc_receipt_put_string(unsigned char *out, const char *s, size_t len)
{
	unsigned char *p = out + TC_RECEIPT_HEADER_LEN;
	tc_receipt_put_header(out, 's', (uint64_t) len);
	if (len >= 8 && len <= 16) {
		/* most keys and amounts: two fixed-size copies that overlap, no call */
		memcpy(p, s, 8);
		memcpy(p + len - 8, s + len - 8, 8);
	} else if (len >= 4 && len < 8) {
		memcpy(p, s, 4);
		memcpy(p + len - 4, s + len - 4, 4);
	} else {
		memcpy(p, s, len);
	}
	return TC_RECEIPT_HEADER_LEN + len;
}

/* Writes the header of an array of count entries to out (TC_RECEIPT_HEADER_LEN bytes); returns that length. */
static inline size_t tc_receipt_put_array(unsigned char *out, uint64_t count)
{
	tc_receipt_put_header(out, 'a', count);
	return TC_RECEIPT_HEADER_LEN;
}

/* Finishes: writes the digest as TC_RECEIPT_HEX_LEN lowercase hex characters plus a NUL, and wipes r. */
void tc_receipt_final(tc_receipt *r, char out_hex[TC_RECEIPT_HEX_LEN + 1]);

/*
 * Finishes like tc_receipt_final() and says whether hex (len bytes) is exactly that digest in
 * lowercase hex. Constant time in the contents; any other length, uppercase or non-hex is false.
 */
bool tc_receipt_verify_hex(tc_receipt *r, const char *hex, size_t len);

/* Wipes r without finishing (for a caller that gives up half way, e.g. on a bad value). */
void tc_receipt_abort(tc_receipt *r);

/* Writes the decimal form of v into buf (no NUL) and returns its length. */
size_t tc_receipt_format_int(char buf[TC_RECEIPT_INT_MAX], int64_t v);

/* Key order of the encoding: bytes compared as unsigned, a proper prefix first. */
static inline int tc_receipt_key_cmp(const char *a, size_t a_len, const char *b, size_t b_len)
{
	int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
	if (c != 0) {
		return c;
	}
	return (a_len > b_len) - (a_len < b_len);
}

/*
 * The key's first 8 bytes as a big-endian number, zero-padded: when two heads differ they order
 * the keys as tc_receipt_key_cmp() does, so a sort compares whole keys only on a tie.
 */
static inline uint64_t tc_receipt_key_head(const char *key, size_t len)
{
	const unsigned char *p = (const unsigned char *) key;
	uint64_t h = 0;
	size_t n = len < 8 ? len : 8, i;
#if TC_RECEIPT_LE_HOST
	if (n == 8) {
		memcpy(&h, p, 8);
		return __builtin_bswap64(h);
	}
#endif
	for (i = 0; i < n; i++) {
		h |= (uint64_t) p[i] << (56 - 8 * i);
	}
	return h;
}

#endif
