# Builds the libFuzzer targets out of tree:  make -C fuzz -f fuzz.mk OUT=/tmp/tc-fuzz
#   roundtrip        parser/printer round trip
#   arith            every operation against a GMP-rational reference
#   arith_noint128   the same, with the core's portable path (no unsigned __int128, no SWAR)
#   mint             the daily mint (both modes, int64 and tc_dec totals) against GMP rationals
#   mint_noint128    the same, on the portable path
FUZZ_CC  ?= clang
OUT      ?= /tmp/tc-fuzz
CORE     := ../ext/tokencalc/core
SAN      ?= -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
CFLAGS_F := -g -O1 -fno-omit-frame-pointer -std=c11 -Wall -Wextra -DTC_DEBUG -I$(CORE) $(SAN)
# the core's memory (core/tc_mem.h): the tests' counting allocator, as scripts/fuzz.sh gives it
LIBS     := ../tests/core/tc_mem_counting.c -lgmp

TARGETS := $(OUT)/roundtrip $(OUT)/arith $(OUT)/arith_noint128 $(OUT)/mint $(OUT)/mint_noint128

all: $(TARGETS)

$(OUT)/roundtrip: fuzz_roundtrip.c ref.h check.h $(CORE)/decimal.c $(CORE)/decimal.h $(CORE)/text.c
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_F) fuzz_roundtrip.c $(CORE)/decimal.c $(CORE)/text.c -o $@ $(LIBS)

$(OUT)/arith: fuzz_arith.c ref.h check.h $(CORE)/decimal.c $(CORE)/decimal.h $(CORE)/text.c
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_F) fuzz_arith.c $(CORE)/decimal.c $(CORE)/text.c -o $@ $(LIBS)

$(OUT)/arith_noint128: fuzz_arith.c ref.h check.h $(CORE)/decimal.c $(CORE)/decimal.h $(CORE)/text.c
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_F) -DTC_NO_INT128 -DTC_NO_SWAR fuzz_arith.c $(CORE)/decimal.c $(CORE)/text.c -o $@ $(LIBS)

MINT_SRC := $(CORE)/mint.c $(CORE)/decimal.c $(wildcard $(CORE)/text.c)

$(OUT)/mint: fuzz_mint.c ref.h check.h $(MINT_SRC) $(CORE)/mint.h $(CORE)/decimal.h
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_F) fuzz_mint.c $(MINT_SRC) -o $@ $(LIBS)

$(OUT)/mint_noint128: fuzz_mint.c ref.h check.h $(MINT_SRC) $(CORE)/mint.h $(CORE)/decimal.h
	@mkdir -p $(OUT)
	$(FUZZ_CC) $(CFLAGS_F) -DTC_NO_INT128 -DTC_NO_SWAR fuzz_mint.c $(MINT_SRC) -o $@ $(LIBS)

.PHONY: all
