/*
 * tokencalc core: status codes shared by every core module.
 * The core knows nothing of PHP: plain pointers and lengths in, a tc_status out.
 */
#ifndef TC_STATUS_H
#define TC_STATUS_H

typedef enum tc_status {
	TC_OK = 0,
	TC_ERR_SYNTAX,    /* not a number in the decimal grammar */
	TC_ERR_TOO_LONG,  /* longer than the caller's max_digits */
	TC_ERR_DIV0,      /* division by zero */
	TC_ERR_RANGE,     /* a scale, size or mode outside what the function supports */
	TC_ERR_NEGATIVE   /* a value that must not be negative is */
} tc_status;

#endif
