/*
 * tokencalc: the core's allocator (core/tc_mem.h) is the engine's. memory_limit counts every limb
 * the core keeps, going over it ends in PHP's own "Allowed memory size exhausted" (emalloc never
 * returns NULL), and a request that bails out in the middle of a call gets the memory back with
 * the rest of its heap.
 *
 * Not every engine stops at memory_limit at once. Debian's PHP builds seen here (8.2.36; see
 * docs/reliability.md for the others) delay the error: an allocation that passes memory_limit
 * succeeds and leaves the error pending (ZEND_HAS_OOM()), to be raised when the running function has
 * returned; one that passes a hard limit (twice memory_limit by default, memory_hard_limit_percent)
 * prints "Hard memory limit ... exhausted" and kills the process. A call that allocates per element
 * (a mint of a million users, a fee split with 20,000 long rates) would run into that hard limit
 * long before it returns. So on such an engine:
 *   - the core's allocations, and the binding's buffers that grow with the input, are fallible
 *     (femalloc: NULL instead of passing memory_limit, with the error left pending);
 *   - the binding's loops look for a pending error (PHP_TOKENCALC_MEM_STEP()) wherever an element
 *     allocates outside the core: a mint user's entry, bucket or key, a fee's result string;
 * and either raises the pending error at once, as a fatal error, the way an engine that stops at the
 * limit does from inside the allocation. Elsewhere these checks compile to nothing.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"

#include "php_tokencalc.h"
#include "core/tc_mem.h"

#ifdef ZEND_HAS_OOM
void php_tokencalc_mem_raise(void)
{
	/* only an error not yet raised: a shutdown function after the fatal error sees it handled */
	if (EG(delayed_oom).state == ZEND_OOM_STATE_PENDING) {
		zend_error_noreturn(E_ERROR, "%s", EG(delayed_oom).message != NULL
			? ZSTR_VAL(EG(delayed_oom).message) : "Allowed memory size exhausted");
	}
}

void *php_tokencalc_mem_alloc_n(size_t n, size_t size)
{
	void *p = safe_femalloc(n, size, 0, true);
	if (UNEXPECTED(p == NULL)) {
		php_tokencalc_mem_raise();
		/* not pending (a shutdown function's allocation): the engine's own error */
		p = safe_emalloc(n, size, 0);
	}
	return p;
}

void *php_tokencalc_mem_realloc_n(void *ptr, size_t n, size_t size)
{
	void *p = safe_ferealloc(ptr, n, size, 0, true);
	if (UNEXPECTED(p == NULL)) {
		php_tokencalc_mem_raise();
		p = safe_erealloc(ptr, n, size, 0);
	}
	return p;
}
#endif

void *tc_mem_alloc(size_t size)
{
	return php_tokencalc_mem_alloc_n(1, size);
}

void *tc_mem_realloc(void *ptr, size_t size)
{
	return php_tokencalc_mem_realloc_n(ptr, 1, size);
}

void tc_mem_free(void *ptr)
{
	if (ptr != NULL) {
		efree(ptr);
	}
}
