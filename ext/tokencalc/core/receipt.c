/*
 * tokencalc core: tamper-evident receipts. See receipt.h for the encoding.
 */
#include "receipt.h"

static const char version_prefix[] = "tokencalc-receipt-v1"; /* the NUL is part of the message */

static void flush(tc_receipt *r)
{
	if (r->used > 0) {
		crypto_generichash_update(&r->hash, r->buf, r->used);
		r->used = 0;
	}
}

static void feed(tc_receipt *r, const void *p, size_t len)
{
	if (len <= sizeof r->buf - r->used) {
		memcpy(r->buf + r->used, p, len);
		r->used += len;
		return;
	}
	flush(r);
	if (len >= sizeof r->buf) {
		/* big enough to hash straight from the caller's memory */
		crypto_generichash_update(&r->hash, p, len);
	} else {
		memcpy(r->buf, p, len);
		r->used = len;
	}
}

#define HEADER_LEN TC_RECEIPT_HEADER_LEN

#define put_header tc_receipt_put_header

static void feed_header(tc_receipt *r, char tag, uint64_t n)
{
	unsigned char h[HEADER_LEN];
	put_header(h, tag, n);
	feed(r, h, sizeof h);
}

tc_status tc_receipt_init(tc_receipt *r, const unsigned char *key, size_t key_len)
{
	if (key_len != TC_RECEIPT_KEY_BYTES) {
		return TC_ERR_KEY;
	}
	if (crypto_generichash_init(&r->hash, key, key_len, TC_RECEIPT_BYTES) != 0) {
		sodium_memzero(&r->hash, sizeof r->hash);
		return TC_ERR_KEY;
	}
	r->used = 0;
	feed(r, version_prefix, sizeof version_prefix);
	return TC_OK;
}

void tc_receipt_string(tc_receipt *r, const char *s, size_t len)
{
	size_t room = sizeof r->buf - r->used;
	/* the common case, a short string with room for it: straight into the buffer, no calls */
	if (room >= HEADER_LEN && len <= room - HEADER_LEN) {
		put_header(r->buf + r->used, 's', (uint64_t) len);
		memcpy(r->buf + r->used + HEADER_LEN, s, len);
		r->used += HEADER_LEN + len;
		return;
	}
	feed_header(r, 's', (uint64_t) len);
	feed(r, s, len);
}

size_t tc_receipt_format_int(char buf[TC_RECEIPT_INT_MAX], int64_t v)
{
	char tmp[TC_RECEIPT_INT_MAX];
	size_t n = 0, len = 0;
	/* work on the magnitude as unsigned so that INT64_MIN needs no special case */
	uint64_t m = v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
	do {
		tmp[n++] = (char) ('0' + m % 10);
		m /= 10;
	} while (m != 0);
	if (v < 0) {
		buf[len++] = '-';
	}
	while (n > 0) {
		buf[len++] = tmp[--n];
	}
	return len;
}

void tc_receipt_int(tc_receipt *r, int64_t v)
{
	char buf[TC_RECEIPT_INT_MAX];
	size_t len = tc_receipt_format_int(buf, v);
	tc_receipt_string(r, buf, len);
}

void tc_receipt_raw(tc_receipt *r, const void *p, size_t len)
{
	feed(r, p, len);
}

void tc_receipt_array_begin(tc_receipt *r, uint64_t count)
{
	feed_header(r, 'a', count);
}

static void finish(tc_receipt *r, unsigned char digest[TC_RECEIPT_BYTES])
{
	flush(r);
	crypto_generichash_final(&r->hash, digest, TC_RECEIPT_BYTES);
	sodium_memzero(r, sizeof *r);
}

void tc_receipt_final(tc_receipt *r, char out_hex[TC_RECEIPT_HEX_LEN + 1])
{
	unsigned char digest[TC_RECEIPT_BYTES];
	finish(r, digest);
	sodium_bin2hex(out_hex, TC_RECEIPT_HEX_LEN + 1, digest, sizeof digest);
	sodium_memzero(digest, sizeof digest);
}

bool tc_receipt_verify_hex(tc_receipt *r, const char *hex, size_t len)
{
	char mine[TC_RECEIPT_HEX_LEN + 1];
	bool same;
	tc_receipt_final(r, mine);
	/* comparing hex with hex makes "uppercase or not hex at all" a plain mismatch */
	same = len == TC_RECEIPT_HEX_LEN && sodium_memcmp(mine, hex, TC_RECEIPT_HEX_LEN) == 0;
	sodium_memzero(mine, sizeof mine);
	return same;
}

void tc_receipt_abort(tc_receipt *r)
{
	sodium_memzero(r, sizeof *r);
}
