/*
 * loudness.c - ITU-R BS.1770-4 integrated loudness (see loudness.h).
 *
 * The 400 ms gating blocks overlap by 75 %, so they are made of four
 * consecutive 100 ms sub-blocks: the mean square of a block is the mean
 * of its four sub-blocks' (the channels' weights are all 1, so the sum
 * over channels can be taken per sub-block). A trailing part shorter than
 * 100 ms belongs to no whole block and is left out, as the standard's
 * blocks are whole.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loudness.h"

#define SUB	(CZ_LOUDNESS_RATE / 10)	/* samples in 100 ms */

/* BS.1770-4, table 1 (the shelving pre-filter) and table 2 (the RLB
 * high-pass), at 48 kHz; a0 = 1. */
static const double pre_b[3] = { 1.53512485958697, -2.69169618940638,
    1.19839281085285 };
static const double pre_a[2] = { -1.69065929318241, 0.73248077421585 };
static const double rlb_b[3] = { 1.0, -2.0, 1.0 };
static const double rlb_a[2] = { -1.99004745483398, 0.99007225036621 };

int
cz_loudness_init(struct cz_loudness *m, int channels)
{
	memset(m, 0, sizeof(*m));
	if (channels < 1 || channels > CZ_LOUDNESS_MAX_CH)
		return -1;
	m->channels = channels;
	return 0;
}

/* One sample through both K-weighting stages (direct form II
 * transposed); st holds two states per stage. */
static inline double
kweight(double x, double *st)
{
	double y, z;

	y = pre_b[0] * x + st[0];
	st[0] = pre_b[1] * x - pre_a[0] * y + st[1];
	st[1] = pre_b[2] * x - pre_a[1] * y;
	z = rlb_b[0] * y + st[2];
	st[2] = rlb_b[1] * y - rlb_a[0] * z + st[3];
	st[3] = rlb_b[2] * y - rlb_a[1] * z;
	return z;
}

int
cz_loudness_add(struct cz_loudness *m, const float *const *planes, size_t n)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		for (c = 0; c < m->channels; c++) {
			double y = kweight(planes[c][i], m->s[c]);

			m->acc += y * y;
		}
		if (++m->nacc < SUB)
			continue;
		if (m->nsub == m->cap) {
			size_t cap = m->cap ? m->cap * 2 : 1024;
			double *p = realloc(m->sub, cap * sizeof(*p));

			if (p == NULL)
				return -1;
			m->sub = p;
			m->cap = cap;
		}
		m->sub[m->nsub++] = m->acc / SUB;
		m->acc = 0;
		m->nacc = 0;
	}
	return 0;
}

static double
lufs(double ms)
{
	return -0.691 + 10.0 * log10(ms);
}

/* Mean square of the gating block that starts at sub-block j. */
static double
block(const struct cz_loudness *m, size_t j)
{
	return (m->sub[j] + m->sub[j + 1] + m->sub[j + 2] + m->sub[j + 3]) / 4;
}

double
cz_loudness_integrated(const struct cz_loudness *m)
{
	double sum = 0, rel;
	size_t j, n = 0;

	if (m->nsub < 4)
		return -HUGE_VAL;
	/* The absolute gate, -70 LKFS. */
	for (j = 0; j + 4 <= m->nsub; j++) {
		double z = block(m, j);

		if (z > 0 && lufs(z) > -70.0) {
			sum += z;
			n++;
		}
	}
	if (n == 0)
		return -HUGE_VAL;
	/* The relative gate, 10 LU below the absolutely gated loudness. */
	rel = lufs(sum / n) - 10.0;
	sum = 0;
	n = 0;
	for (j = 0; j + 4 <= m->nsub; j++) {
		double z = block(m, j);

		if (z > 0 && lufs(z) > -70.0 && lufs(z) > rel) {
			sum += z;
			n++;
		}
	}
	return n > 0 ? lufs(sum / n) : -HUGE_VAL;
}

void
cz_loudness_free(struct cz_loudness *m)
{
	free(m->sub);
	memset(m, 0, sizeof(*m));
}
