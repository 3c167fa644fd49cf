/*
 * clock.h - elapsed time on the monotonic clock, for durations that are
 * logged, measured or compared (never for dates: those come from time()).
 */
#ifndef CZ_CLOCK_H
#define CZ_CLOCK_H

#include <time.h>

/* Seconds on CLOCK_MONOTONIC since an arbitrary start (boot): only the
 * difference of two readings means anything. */
double cz_clock_s(void);

/* Milliseconds elapsed since t0, a CLOCK_MONOTONIC reading. */
double cz_ms_since(const struct timespec *t0);

#endif
