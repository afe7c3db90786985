/*
 * The core's allocator for the C tests and the fuzzers (the extension maps tc_mem_* to emalloc):
 * malloc, with a count of live blocks and of every allocation, so that a test can assert that
 * an operation allocated nothing (tc_mem_allocations) and that nothing leaked (tc_mem_live).
 * Setting tc_mem_fail_after to N makes the (N+1)-th allocation from then on return NULL.
 */
#include <stdlib.h>

#include "tc_mem.h"
#include "tc_mem_counting.h"

/* Test-only counters: the C tests are single-threaded. */
long tc_mem_live = 0;
long tc_mem_allocations = 0;
long tc_mem_fail_after = -1;

static int should_fail(void)
{
	if (tc_mem_fail_after < 0) {
		return 0;
	}
	if (tc_mem_fail_after == 0) {
		return 1;
	}
	tc_mem_fail_after--;
	return 0;
}

void *tc_mem_alloc(size_t size)
{
	if (should_fail()) {
		return NULL;
	}
	void *p = malloc(size ? size : 1);
	if (p != NULL) {
		tc_mem_live++;
		tc_mem_allocations++;
	}
	return p;
}

void *tc_mem_realloc(void *ptr, size_t size)
{
	if (should_fail()) {
		return NULL;
	}
	void *p = realloc(ptr, size ? size : 1);
	if (p != NULL && ptr == NULL) {
		tc_mem_live++;
	}
	if (p != NULL) {
		tc_mem_allocations++;
	}
	return p;
}

void tc_mem_free(void *ptr)
{
	if (ptr != NULL) {
		tc_mem_live--;
		free(ptr);
	}
}
