/*
 * C tests of core/receipt.c, without PHP:
 *   cc -std=c99 -Wall -Wextra -I ext/tokencalc/core tests/core/test_receipt.c ext/tokencalc/core/receipt.c -lsodium
 * The expected digests are either receipts from ../shared/vectors/receipts.jsonl (the records
 * decoded and their keys sorted by hand below) or libsodium's one-shot crypto_generichash over a
 * message built byte by byte here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "receipt.h"

static int passed, failed;

#define CHECK(cond, what) do { \
		if (cond) { passed++; } \
		else { failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what); } \
	} while (0)

static void unhex(unsigned char *out, const char *hex)
{
	for (size_t i = 0; hex[2 * i]; i++) {
		unsigned int b;
		sscanf(hex + 2 * i, "%2x", &b);
		out[i] = (unsigned char) b;
	}
}

static void start(tc_receipt *r, const char *key_hex)
{
	unsigned char key[TC_RECEIPT_KEY_BYTES];
	unhex(key, key_hex);
	if (tc_receipt_init(r, key, sizeof key) != TC_OK) {
		fprintf(stderr, "tc_receipt_init failed\n");
		exit(2);
	}
}

#define S(r, lit) tc_receipt_string(r, lit, sizeof(lit) - 1)

static void check_receipt(tc_receipt *r, const char *expected, const char *what)
{
	char hex[TC_RECEIPT_HEX_LEN + 1];
	tc_receipt_final(r, hex);
	CHECK(strcmp(hex, expected) == 0, what);
	if (strcmp(hex, expected) != 0) {
		fprintf(stderr, "  got  %s\n  want %s\n", hex, expected);
	}
}

/* receipts.jsonl, line 4: [] */
static void test_vector_empty(void)
{
	tc_receipt r;
	start(&r, "a820c31cbadfbcd95259719375921b78082827157e6d102ba208fe4dbdd25918");
	tc_receipt_array_begin(&r, 0);
	check_receipt(&r, "f8586d2be1fca38efd00534fb48b64af1db12d28c8ed1ab53f678b2e05981190", "line 4: empty record");
}

/* line 3: [0 => 2, 'x' => -687609, 10 => 'ten', 2 => 'two', 'ä' => 'ü', '' => ''] */
static void test_vector_mixed(void)
{
	tc_receipt r;
	start(&r, "e7d933ac1dd0685ef55100866135836519384de36ad5e5350553b98b7662e6b8");
	tc_receipt_array_begin(&r, 6);
	S(&r, "");    S(&r, "");
	S(&r, "0");   tc_receipt_int(&r, 2);
	S(&r, "10");  S(&r, "ten");
	S(&r, "2");   S(&r, "two");
	S(&r, "x");   tc_receipt_int(&r, -687609);
	S(&r, "\xc3\xa4"); S(&r, "\xc3\xbc");
	check_receipt(&r, "da9dacab49faa28334e81d6dd81c7e9a3d4e02eeaa8626cc29277437e6ddad1c", "line 3: int keys, int values, UTF-8, empty key");
}

/* line 6: ['b' => '1', 'a' => '2', 'ab' => '3', 'B' => '4', 10 => '5', 9 => '6'] */
static void test_vector_order(void)
{
	tc_receipt r;
	start(&r, "a4b6ee5dc33fe07c4d59de28910f683ee3e3c520f5041ed67d1d239c481da4cf");
	tc_receipt_array_begin(&r, 6);
	S(&r, "10"); S(&r, "5");
	S(&r, "9");  S(&r, "6");
	S(&r, "B");  S(&r, "4");
	S(&r, "a");  S(&r, "2");
	S(&r, "ab"); S(&r, "3");
	S(&r, "b");  S(&r, "1");
	check_receipt(&r, "a58c8904ec56ddb8e4de9862ba8a3a38da81ca40323b56dec5eed26be0b64a9d", "line 6: key order");
}

/* line 5: ['nested' => [[[], ['a' => [PHP_INT_MAX, PHP_INT_MIN]]]], "bin\0ary" => "\xff\0\x01"] */
static void test_vector_nested(void)
{
	tc_receipt r;
	start(&r, "d03dfba46e64b46981f04f43dcc9718c87df37cc9035fb33987d8e7a877f93e3");
	tc_receipt_array_begin(&r, 2);
	S(&r, "bin\0ary"); S(&r, "\xff\0\x01");
	S(&r, "nested");
	tc_receipt_array_begin(&r, 1);
	S(&r, "0");
	tc_receipt_array_begin(&r, 2);
	S(&r, "0");
	tc_receipt_array_begin(&r, 0);
	S(&r, "1");
	tc_receipt_array_begin(&r, 1);
	S(&r, "a");
	tc_receipt_array_begin(&r, 2);
	S(&r, "0"); tc_receipt_int(&r, INT64_MAX);
	S(&r, "1"); tc_receipt_int(&r, INT64_MIN);
	check_receipt(&r, "3ee8257a168305494fe308711cd1e2a165781f99396705cb036f0773b74a2078", "line 5: nesting, int64 extremes, binary");
}

/* Appends tag, 8-byte LE length and bytes to a message built by hand. */
static size_t put(unsigned char *m, size_t at, char tag, const void *p, size_t len)
{
	m[at++] = (unsigned char) tag;
	for (int i = 0; i < 8; i++) {
		m[at++] = (unsigned char) ((uint64_t) len >> (8 * i));
	}
	if (p) {
		memcpy(m + at, p, len);
		at += len;
	}
	return at;
}

/*
 * Strings of every length around the write buffer's size, so that each path of the buffering
 * (fits, flush then copy, hash in place) is crossed, against one crypto_generichash() call.
 */
static void test_buffer_boundaries(void)
{
	static const size_t lens[] = {0, 1, 100, TC_RECEIPT_BUF - 40, TC_RECEIPT_BUF - 9, TC_RECEIPT_BUF - 1,
		TC_RECEIPT_BUF, TC_RECEIPT_BUF + 1, 3 * TC_RECEIPT_BUF + 7, 5, 200000};
	const size_t n = sizeof lens / sizeof lens[0];
	unsigned char key[TC_RECEIPT_KEY_BYTES];
	unsigned char *data, *msg, want[TC_RECEIPT_BYTES];
	char want_hex[TC_RECEIPT_HEX_LEN + 1], got_hex[TC_RECEIPT_HEX_LEN + 1];
	size_t at = 0, total = 0;
	tc_receipt r;

	for (size_t i = 0; i < sizeof key; i++) {
		key[i] = (unsigned char) (i * 7 + 1);
	}
	for (size_t i = 0; i < n; i++) {
		total += lens[i];
	}
	data = malloc(total);
	msg = malloc(total + 64 + 9 * (2 * n + 1));
	for (size_t i = 0; i < total; i++) {
		data[i] = (unsigned char) (i * 31 + 3);
	}

	memcpy(msg, "tokencalc-receipt-v1", 21); /* with its NUL */
	at = put(msg, 21, 'a', NULL, n);
	CHECK(tc_receipt_init(&r, key, sizeof key) == TC_OK, "init with a 32-byte key");
	tc_receipt_array_begin(&r, n);
	for (size_t i = 0, off = 0; i < n; off += lens[i], i++) {
		char k[TC_RECEIPT_INT_MAX];
		size_t k_len = tc_receipt_format_int(k, (int64_t) i);
		at = put(msg, at, 's', k, k_len);
		at = put(msg, at, 's', data + off, lens[i]);
		tc_receipt_int(&r, (int64_t) i);
		tc_receipt_string(&r, (const char *) data + off, lens[i]);
	}
	crypto_generichash(want, sizeof want, msg, at, key, sizeof key);
	sodium_bin2hex(want_hex, sizeof want_hex, want, sizeof want);
	tc_receipt_final(&r, got_hex);
	CHECK(strcmp(got_hex, want_hex) == 0, "buffered updates equal one crypto_generichash() call");
	free(data);
	free(msg);
}

static void test_format_int(void)
{
	static const struct { int64_t v; const char *s; } cases[] = {
		{0, "0"}, {7, "7"}, {-1, "-1"}, {10, "10"}, {-687609, "-687609"},
		{INT64_MAX, "9223372036854775807"}, {INT64_MIN, "-9223372036854775808"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[TC_RECEIPT_INT_MAX];
		size_t len = tc_receipt_format_int(buf, cases[i].v);
		CHECK(len == strlen(cases[i].s) && memcmp(buf, cases[i].s, len) == 0, cases[i].s);
	}
}

static void test_key_cmp(void)
{
	CHECK(tc_receipt_key_cmp("", 0, "a", 1) < 0, "empty key first");
	CHECK(tc_receipt_key_cmp("ab", 2, "a", 1) > 0, "a prefix sorts first");
	CHECK(tc_receipt_key_cmp("10", 2, "9", 1) < 0, "int keys compare as strings");
	CHECK(tc_receipt_key_cmp("B", 1, "a", 1) < 0, "bytes, not case-folded");
	CHECK(tc_receipt_key_cmp("\xc3\xa4", 2, "x", 1) > 0, "bytes compare unsigned");
	CHECK(tc_receipt_key_cmp("a\0b", 3, "a\0a", 3) > 0, "NUL bytes are ordinary bytes");
	CHECK(tc_receipt_key_cmp("same", 4, "same", 4) == 0, "equal keys");
}

/* Wherever two heads differ, they must order the keys as tc_receipt_key_cmp() does. */
static void test_key_head(void)
{
	static const struct { const char *s; size_t len; } keys[] = {
		{"", 0}, {"\0", 1}, {"\0\0", 2}, {"a", 1}, {"a\0", 2}, {"ab", 2}, {"abcdefgh", 8},
		{"abcdefgh\0", 9}, {"abcdefghi", 9}, {"abcdefgz", 8}, {"\xff", 1}, {"\xff\xff\xff\xff\xff\xff\xff\xff\xff", 9},
		{"10", 2}, {"9", 1}, {"-1", 2},
	};
	const size_t n = sizeof keys / sizeof keys[0];
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			uint64_t hi = tc_receipt_key_head(keys[i].s, keys[i].len);
			uint64_t hj = tc_receipt_key_head(keys[j].s, keys[j].len);
			int c = tc_receipt_key_cmp(keys[i].s, keys[i].len, keys[j].s, keys[j].len);
			if (hi != hj && (hi < hj) != (c < 0)) {
				bad++;
			}
		}
	}
	CHECK(bad == 0, "key heads agree with the key order");
}

static void test_bad_key(void)
{
	unsigned char key[TC_RECEIPT_KEY_BYTES + 1] = {0};
	tc_receipt r;
	CHECK(tc_receipt_init(&r, key, 0) == TC_ERR_KEY, "key of 0 bytes");
	CHECK(tc_receipt_init(&r, key, 31) == TC_ERR_KEY, "key of 31 bytes");
	CHECK(tc_receipt_init(&r, key, 33) == TC_ERR_KEY, "key of 33 bytes");
}

static void start_empty(tc_receipt *r)
{
	start(r, "a820c31cbadfbcd95259719375921b78082827157e6d102ba208fe4dbdd25918");
	tc_receipt_array_begin(r, 0);
}

static void test_verify(void)
{
	const char *good = "f8586d2be1fca38efd00534fb48b64af1db12d28c8ed1ab53f678b2e05981190";
	char buf[80];
	tc_receipt r;

	start_empty(&r);
	CHECK(tc_receipt_verify_hex(&r, good, 64), "verify: the right receipt");

	strcpy(buf, good);
	buf[63] = '1';
	start_empty(&r);
	CHECK(!tc_receipt_verify_hex(&r, buf, 64), "verify: last digit changed");

	strcpy(buf, good);
	buf[0] = 'F';
	start_empty(&r);
	CHECK(!tc_receipt_verify_hex(&r, buf, 64), "verify: uppercase hex is not accepted");

	start_empty(&r);
	CHECK(!tc_receipt_verify_hex(&r, good, 63), "verify: too short");

	snprintf(buf, sizeof buf, "%s00", good);
	start_empty(&r);
	CHECK(!tc_receipt_verify_hex(&r, buf, 66), "verify: too long");

	start_empty(&r);
	CHECK(!tc_receipt_verify_hex(&r, "", 0), "verify: empty");
}

int main(void)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "sodium_init failed\n");
		return 2;
	}
	test_vector_empty();
	test_vector_mixed();
	test_vector_order();
	test_vector_nested();
	test_buffer_boundaries();
	test_format_int();
	test_key_cmp();
	test_key_head();
	test_bad_key();
	test_verify();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
