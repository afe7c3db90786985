/*
 * tokencalc core: the daily mint (see ../shared/spec/domain.md, "Daily mint").
 */
#ifndef TC_MINT_H
#define TC_MINT_H

#include "decimal.h"

/* Modes of tc_mint (the values of TOKENCALC_MINT_COMPAT / TOKENCALC_MINT_EXACT). */
typedef enum tc_mint_mode {
	TC_MINT_COMPAT = 0,  /* today's backend: rate = trunc(supply / total), tokens = trunc(gems * rate) */
	TC_MINT_EXACT = 1    /* largest remainder: the tokens add up to the supply exactly */
} tc_mint_mode;

#endif
