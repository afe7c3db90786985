/*
 * libFuzzer target: every decimal operation against an exact GMP-rational reference.
 *
 * Input: byte 0 picks the operation (low 3 bits) and whether the result aliases an operand
 * (bits 4, 5); byte 1 picks the scale S passed to it; the rest is "A|B", two operands in the
 * decimal grammar. The reference reads A and B as mpq from their strings, computes exactly,
 * truncates toward zero to the result scale the spec gives, and prints that; tokencalc's result
 * must print the same (value and scale). Built twice: with and without unsigned __int128.
 */
#include "check.h"
#include "text.h"

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_TRUNCATE, OP_CMP, OP_NORMALIZE, OP_RESCALE };
static const char *const op_names[] = { "add", "sub", "mul", "div", "truncate", "cmp", "normalize", "rescale" };

/* 0..40 as such (small scales, the fast paths), 10 (the default) often, "exact", and a few up to 111. */
static uint32_t pick_scale(uint8_t b, int op)
{
	unsigned v = b % 64;
	if (v <= 40) return v;
	if (v <= 47) return 10;
	if (v <= 55) {
		/* Only add/sub/mul take TC_SCALE_EXACT; the others get a large finite scale instead. */
		return (op == OP_ADD || op == OP_SUB || op == OP_MUL) ? TC_SCALE_EXACT : 60;
	}
	return 41 + (v - 56) * 10;
}

static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }
static uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }

/* The text tier (text.h) gives add, sub and truncate too: its output must be the reference's. */
static void check_text(int op, const char *as, size_t al, const char *bs, size_t bl, uint32_t S, const char *want)
{
	if (op != OP_ADD && op != OP_SUB && op != OP_TRUNCATE) {
		return;
	}
	tc_text ta, tb;
	if (tc_text_parse(&ta, as, al, SIZE_MAX) != TC_OK || tc_text_parse(&tb, bs, bl, SIZE_MAX) != TC_OK) {
		REF_FAIL("text parse refused [%.*s] or [%.*s]", (int) al, as, (int) bl, bs);
	}
	size_t cap = op == OP_TRUNCATE ? tc_text_truncate_len(&ta, S) : tc_text_addsub_size(&ta, &tb, S);
	char *buf = malloc(cap + 1);
	size_t n = cap;
	if (op == OP_TRUNCATE) {
		tc_text_truncate(buf, &ta, S, cap);
	} else {
		n = tc_text_addsub(buf, &ta, &tb, op == OP_SUB, S);
	}
	if (n > cap || n != strlen(want) || memcmp(buf, want, n) != 0) {
		REF_FAIL("text %s([%.*s], [%.*s], scale %u)\n  expected [%s]\n  got      [%.*s]",
			op_names[op], (int) al, as, (int) bl, bs, S, want, (int) n, buf);
	}
	free(buf);
}

/*
 * The string routes of mul and div (tc_text_mul_either / tc_text_div_either, the binding's call
 * once an operand is past a machine word): the reference's result, split or not, or TC_ERR_DIV0.
 */
static void check_text_muldiv(int op, const char *as, size_t al, const char *bs, size_t bl, uint32_t S,
		const char *want, bool want_div0)
{
	if (op != OP_MUL && op != OP_DIV) {
		return;
	}
	tc_text ta, tb;
	if (tc_text_parse(&ta, as, al, SIZE_MAX) != TC_OK || tc_text_parse(&tb, bs, bl, SIZE_MAX) != TC_OK) {
		REF_FAIL("text parse refused [%.*s] or [%.*s]", (int) al, as, (int) bl, bs);
	}
	tc_dec r;
	tc_dec_parts parts;
	bool split = true;
	tc_dec_init(&r);
	tc_status st = op == OP_MUL ? tc_text_mul_either(&r, &parts, &split, &ta, &tb, S)
		: tc_text_div_either(&r, &parts, &split, &ta, &tb, S);
	if (want_div0) {
		if (st != TC_ERR_DIV0 || split) {
			REF_FAIL("text div([%.*s], [%.*s]) returned %d, expected TC_ERR_DIV0", (int) al, as, (int) bl, bs, st);
		}
		tc_dec_clear(&r);
		return;
	}
	if (st != TC_OK) {
		REF_FAIL("text %s returned status %d", op_names[op], st);
	}
	char *got;
	if (split) {
		/* exactly tc_dec_parts_len() bytes, malloc'd, so ASan sees any overrun */
		size_t plen = tc_dec_parts_len(&parts);
		got = malloc(plen + 1);
		tc_dec_parts_print(&parts, got, plen);
		got[plen] = '\0';
	} else {
		check_invariants(&r, op == OP_MUL ? "text mul" : "text div");
		got = print_dec(&r);
	}
	if (strcmp(want, got) != 0) {
		REF_FAIL("text %s([%.*s], [%.*s], scale %u%s)\n  expected [%s]\n  got      [%s]",
			op_names[op], (int) al, as, (int) bl, bs, S, split ? ", split" : "", want, got);
	}
	free(got);
	tc_dec_clear(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3) {
		return 0;
	}
	int op = data[0] & 7;
	bool alias_a = data[0] & 0x10, alias_b = !alias_a && (data[0] & 0x20);
	uint32_t S = pick_scale(data[1], op);
	const char *text = (const char *) data + 2;
	size_t tlen = size - 2;
	const char *bar = memchr(text, '|', tlen);
	const char *as = text, *bs = bar ? bar + 1 : "1";
	size_t al = bar ? (size_t) (bar - text) : tlen, bl = bar ? tlen - al - 1 : 1;

	ref_num ra, rb;
	bool va = ref_split(as, al, &ra), vb = ref_split(bs, bl, &rb);
	tc_dec a, b, r;
	tc_dec_init(&a);
	tc_dec_init(&b);
	tc_dec_init(&r);
	tc_status sa = tc_dec_parse(&a, as, al, SIZE_MAX), sb = tc_dec_parse(&b, bs, bl, SIZE_MAX);
	if ((sa == TC_OK) != va || (sb == TC_OK) != vb) {
		REF_FAIL("parse disagrees with the grammar: [%.*s] %d/%d, [%.*s] %d/%d",
			(int) al, as, sa, va, (int) bl, bs, sb, vb);
	}
	/* the binding's route for add and sub of two strings of up to 19 characters (NUL-terminated copies) */
	tc_dec shortr;
	tc_status short_st = TC_ERR_SYNTAX;
	tc_dec_init(&shortr);
	if ((op == OP_ADD || op == OP_SUB) && al <= TC_DEC_SHORT_LEN_19 && bl <= TC_DEC_SHORT_LEN_19) {
		char za[TC_DEC_SHORT_LEN_19 + 1], zb[TC_DEC_SHORT_LEN_19 + 1];
		memcpy(za, as, al);
		za[al] = '\0';
		memcpy(zb, bs, bl);
		zb[bl] = '\0';
		short_st = tc_dec_addsub_short(&shortr, za, al, zb, bl, op == OP_SUB, S);
		if (short_st == TC_OK && (!va || !vb)) {
			REF_FAIL("addsub_short took an invalid operand: [%.*s] [%.*s]", (int) al, as, (int) bl, bs);
		}
	}
	if (!va || !vb) {
		tc_dec_clear(&a);
		tc_dec_clear(&b);
		return 0;
	}

	mpq_t qa, qb, q;
	mpq_inits(qa, qb, q, NULL);
	ref_to_mpq(qa, &ra);
	ref_to_mpq(qb, &rb);
	uint64_t sca = ra.fl, scb = rb.fl;

	/* The result goes into r, or into the operand it aliases (the core allows that). */
	tc_dec *out = alias_a ? &a : alias_b ? &b : &r;
	uint64_t want_scale = 0;
	bool want_div0 = false;
	tc_status st = TC_OK;
	int got_cmp = 0;
	tc_dec_parts parts;
	tc_dec either;
	tc_status either_st = TC_OK;
	bool parts_ok = false, either_ran = false;

	switch (op) {
	case OP_ADD:
	case OP_SUB:
		(op == OP_ADD ? mpq_add : mpq_sub)(q, qa, qb);
		want_scale = min_u64(S, max_u64(sca, scb));
		(op == OP_ADD ? tc_dec_add : tc_dec_sub)(out, &a, &b, S);
		if (short_st == TC_OK && (tc_dec_cmp(&shortr, out) != 0 || tc_dec_scale(&shortr) != tc_dec_scale(out))) {
			REF_FAIL("addsub_short disagrees with %s: [%.*s] [%.*s] scale %u", op_names[op], (int) al, as,
				(int) bl, bs, S);
		}
		break;
	case OP_MUL:
		mpq_mul(q, qa, qb);
		want_scale = min_u64(S, sca + scb);
		/* the binding's call, which may split the result, before out (which may alias a or b) is written */
		tc_dec_init(&either);
		either_st = tc_dec_mul_either(&either, &parts, &parts_ok, &a, &b, S);
		either_ran = true;
		tc_dec_mul(out, &a, &b, S);
		break;
	case OP_DIV:
		if (mpq_sgn(qb) == 0) {
			want_div0 = true;
		} else {
			mpq_div(q, qa, qb);
			long places = ref_places(q, S);
			uint64_t natural = sca > scb ? sca - scb : 0;
			want_scale = places < 0 ? S : min_u64(S, max_u64(natural, (uint64_t) places));
		}
		tc_dec_init(&either);
		either_st = tc_dec_div_either(&either, &parts, &parts_ok, &a, &b, S);
		either_ran = !want_div0;
		if (want_div0 && (either_st != TC_ERR_DIV0 || parts_ok)) {
			REF_FAIL("div_either by zero returned %d", either_st);
		}
		if (want_div0) {
			tc_dec_clear(&either);
		}
		st = tc_dec_div(out, &a, &b, S);
		break;
	case OP_TRUNCATE:
		mpq_set(q, qa);
		want_scale = min_u64(S, sca);
		tc_dec_truncate(out, &a, S);
		break;
	case OP_CMP:
		got_cmp = tc_dec_cmp(&a, &b);
		break;
	case OP_NORMALIZE:
		mpq_set(q, qa);
		want_scale = (uint64_t) ref_places(q, UINT32_MAX);
		tc_dec_copy(out, &a);
		tc_dec_normalize(out);
		break;
	case OP_RESCALE:
		mpq_set(q, qa);
		want_scale = S;
		tc_dec_copy(out, &a);
		tc_dec_rescale(out, S);
		break;
	}

	if (op == OP_CMP) {
		int want = mpq_cmp(qa, qb);
		want = (want > 0) - (want < 0);
		if (got_cmp != want) {
			REF_FAIL("cmp([%.*s], [%.*s]) = %d, expected %d", (int) al, as, (int) bl, bs, got_cmp, want);
		}
		tc_text ta, tb;
		if (tc_text_parse(&ta, as, al, SIZE_MAX) != TC_OK || tc_text_parse(&tb, bs, bl, SIZE_MAX) != TC_OK
				|| tc_text_cmp(&ta, &tb) != want) {
			REF_FAIL("text cmp([%.*s], [%.*s]) disagrees (expected %d)", (int) al, as, (int) bl, bs, want);
		}
	} else if (want_div0) {
		check_text_muldiv(op, as, al, bs, bl, S, NULL, true);
		if (st != TC_ERR_DIV0) {
			REF_FAIL("div([%.*s], [%.*s]) returned %d, expected TC_ERR_DIV0", (int) al, as, (int) bl, bs, st);
		}
	} else {
		if (st != TC_OK) {
			REF_FAIL("%s returned status %d", op_names[op], st);
		}
		check_invariants(out, op_names[op]);
		char *want = ref_print_trunc(q, (unsigned long) want_scale);
		char *got = print_dec(out);
		if (strcmp(want, got) != 0 || out->scale != want_scale) {
			REF_FAIL("%s([%.*s], [%.*s], scale %u%s)\n  expected [%s] (scale %llu)\n  got      [%s] (scale %u)",
				op_names[op], (int) al, as, (int) bl, bs, S,
				alias_a ? ", result aliases a" : alias_b ? ", result aliases b" : "",
				want, (unsigned long long) want_scale, got, out->scale);
		}
		check_text(op, as, al, bs, bl, S, want);
		check_text_muldiv(op, as, al, bs, bl, S, want, false);
		if (either_ran) {
			char *pbuf;
			if (parts_ok) {
				/* exactly tc_dec_parts_len() bytes, malloc'd, so ASan sees any overrun */
				size_t plen = tc_dec_parts_len(&parts);
				pbuf = malloc(plen + 1);
				tc_dec_parts_print(&parts, pbuf, plen);
				pbuf[plen] = '\0';
			} else {
				if (either_st != TC_OK) {
					REF_FAIL("%s_either returned status %d", op_names[op], either_st);
				}
				check_invariants(&either, op == OP_MUL ? "mul_either" : "div_either");
				pbuf = print_dec(&either);
			}
			if (strcmp(want, pbuf) != 0) {
				REF_FAIL("%s_either([%.*s], [%.*s], scale %u%s)\n  expected [%s]\n  got      [%s]",
					op_names[op], (int) al, as, (int) bl, bs, S, parts_ok ? ", split" : "", want, pbuf);
			}
			free(pbuf);
			tc_dec_clear(&either);
		}
		free(want);
		free(got);
	}

	mpq_clears(qa, qb, q, NULL);
	tc_dec_clear(&a);
	tc_dec_clear(&b);
	tc_dec_clear(&r);
	return 0;
}
