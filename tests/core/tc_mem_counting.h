/* Counters of tests/core/tc_mem_counting.c (see there). */
#ifndef TC_MEM_COUNTING_H
#define TC_MEM_COUNTING_H

extern long tc_mem_live;
extern long tc_mem_allocations;
extern long tc_mem_fail_after;

#endif
