/*
 * tokencalc core: where the core's memory comes from.
 *
 * The core never calls malloc() and never lets libgmp allocate anything that outlives one mpn_*
 * call: every limb array it keeps comes from these three functions, which the embedder defines at
 * link time (no function pointers, so no mutable state). The PHP binding maps them to
 * emalloc/erealloc/efree, so memory_limit counts the core's memory and a request that bails out
 * gets it back; the C tests and fuzzers map them to a counting malloc.
 *
 * tc_mem_alloc/tc_mem_realloc may return NULL (a plain malloc) or never return on failure
 * (emalloc bails out); core functions that allocate report TC_ERR_NOMEM for NULL.
 */
#ifndef TC_MEM_H
#define TC_MEM_H

#include <stddef.h>

void *tc_mem_alloc(size_t size);
void *tc_mem_realloc(void *ptr, size_t size);
void tc_mem_free(void *ptr);

#endif
