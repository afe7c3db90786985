/*
 * tokencalc: the core's allocator (core/tc_mem.h) is the engine's. memory_limit counts every limb
 * the core keeps, going over it ends in PHP's own "Allowed memory size exhausted" (emalloc never
 * returns NULL), and a request that bails out in the middle of a call gets the memory back with
 * the rest of its heap.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "core/tc_mem.h"

void *tc_mem_alloc(size_t size)
{
	return emalloc(size);
}

void *tc_mem_realloc(void *ptr, size_t size)
{
	return erealloc(ptr, size);
}

void tc_mem_free(void *ptr)
{
	if (ptr != NULL) {
		efree(ptr);
	}
}
