/*
 * loudness.h - integrated loudness after ITU-R BS.1770-4 (LUFS/LKFS):
 * K-weighting (the standard's two 48 kHz biquads), mean square per
 * 400 ms block with 75 % overlap, the absolute gate at -70 LKFS and the
 * relative gate 10 LU below the loudness of the blocks above it; channel
 * weights 1 (mono or stereo: no surround channels here). Fed in pieces,
 * so a long sound track is measured without holding it whole: only one
 * double per 100 ms is kept.
 */
#ifndef CZ_RENDER_LOUDNESS_H
#define CZ_RENDER_LOUDNESS_H

#include <stddef.h>

#define CZ_LOUDNESS_RATE	48000	/* the only rate the filters are for */
#define CZ_LOUDNESS_MAX_CH	2

struct cz_loudness {
	int		 channels;
	double		 s[CZ_LOUDNESS_MAX_CH][4];	/* biquad states */
	double		 acc;		/* sum of squares in this 100 ms */
	int		 nacc;		/* samples in it */
	double		*sub;		/* mean square of each whole 100 ms */
	size_t		 nsub, cap;
};

/* Starts a measurement of channels (1 or 2) at CZ_LOUDNESS_RATE. Returns
 * 0, or -1 for an unsupported layout. */
int cz_loudness_init(struct cz_loudness *m, int channels);

/* Adds n samples of each channel (planar, full scale +-1.0). Returns 0,
 * or -1 when out of memory. */
int cz_loudness_add(struct cz_loudness *m, const float *const *planes,
    size_t n);

/* The integrated loudness of everything added, in LUFS; -HUGE_VAL when
 * no 400 ms block passes the gates (silence, or under 400 ms). */
double cz_loudness_integrated(const struct cz_loudness *m);

void cz_loudness_free(struct cz_loudness *m);

#endif
