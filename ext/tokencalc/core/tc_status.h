/*
 * tokencalc core: status codes shared by every core module, and the one macro its public headers
 * share.
 * The core knows nothing of PHP: plain pointers and lengths in, a tc_status out.
 * Each code means one thing, so the binding can map it to one exception.
 */
#ifndef TC_STATUS_H
#define TC_STATUS_H

typedef enum tc_status {
	TC_OK = 0,
	TC_ERR_SYNTAX,    /* not a number in the decimal grammar */
	TC_ERR_TOO_LONG,  /* longer than the caller's max_digits */
	TC_ERR_DIV0,      /* division by zero */
	TC_ERR_SCALE,     /* a scale outside 0..TC_SCALE_MAX */
	TC_ERR_MODE,      /* an unknown mode name or number */
	TC_ERR_KEY,       /* a key of the wrong length */
	TC_ERR_NEGATIVE,  /* a value that must not be negative is */
	TC_ERR_NOMEM      /* tc_mem_alloc() returned NULL (only with an allocator that can fail) */
} tc_status;

/*
 * The few functions the public headers define are always inlined: one left out of line costs a
 * call per value (a parse, a row).
 */
#if defined(__GNUC__) || defined(__clang__)
# define TC_INLINE static inline __attribute__((always_inline))
#else
# define TC_INLINE static inline
#endif

#endif
