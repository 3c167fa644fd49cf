/*
 * audio.c - the synthesised music bed (see audio.h).
 *
 * Time runs in eighth notes of the pattern's tempo: a bar is eight of
 * them and holds one chord; four bars make the progression, repeated to
 * the end. Each voice is a few table-lookup sines (a 4096-entry cycle,
 * 32-bit phase accumulators: cheap enough that the bed costs little
 * beside the video's encoding):
 *   pad    the chord's three tones and the bass note an octave or two
 *          below, fundamental plus soft 2nd and 3rd harmonics, left and
 *          right detuned by 0.15 % for width; a new chord swells in over
 *          half a second while the previous one fades out, and a slow
 *          0.2 Hz swell keeps it breathing;
 *   arp    a plucked tone on every eighth note from the chord's tones an
 *          octave up, two voices taking turns (each rings on while the
 *          other plays), panned a little apart; its 2nd harmonic fades
 *          faster than the fundamental, as a plucked string's does;
 *   kick   a sine swept from 120 Hz down to 45 Hz, soft and short;
 *   shaker high-passed noise with a 25 ms decay on the off-beats.
 * Attacks ramp over a few milliseconds and phases run on, so nothing
 * clicks. The whole is faded in (1.5 s) and out (3 s; each at most a
 * quarter of the length) with raised-cosine ramps.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "loudness.h"
#include "plan.h"

#define TB	CZ_AUDIO_TABLE_BITS
#define SHIFT	(32 - TB)
#define CHUNK	1024

struct cz_audio_pattern {
	const char	*name;
	int		 bpm;
	int		 chord[4][3];	/* MIDI notes, one chord a bar */
	int		 bass[4];
	int		 arp[8];	/* chord tone per eighth; 3: tone 0 + 12 */
	float		 kick[8];	/* level per eighth */
	float		 hat[8];
};

static const struct cz_audio_pattern patterns[] = {
	/* C major, I-V-vi-IV: bright and easy. */
	{ "sunrise", 84,
	  { { 60, 64, 67 }, { 59, 62, 67 }, { 57, 60, 64 }, { 57, 60, 65 } },
	  { 36, 43, 45, 41 },
	  { 0, 1, 2, 1, 0, 1, 2, 1 },
	  { 1, 0, 0, 0, .8f, 0, 0, 0 },
	  { 0, .8f, 0, 1, 0, .8f, 0, 1 } },
	/* A minor, vi-IV-I-V: calm. */
	{ "garden", 76,
	  { { 57, 60, 64 }, { 57, 60, 65 }, { 55, 60, 64 }, { 55, 59, 62 } },
	  { 45, 41, 36, 43 },
	  { 0, 2, 1, 2, 0, 2, 1, 2 },
	  { 1, 0, 0, 0, 0, 0, .7f, 0 },
	  { 0, .6f, 0, .9f, 0, .6f, 0, .9f } },
	/* F major, I-vi-IV-V: a little livelier. */
	{ "market", 92,
	  { { 57, 60, 65 }, { 57, 62, 65 }, { 58, 62, 65 }, { 55, 60, 64 } },
	  { 41, 38, 46, 36 },
	  { 0, 1, 2, 3, 2, 1, 0, 1 },
	  { 1, 0, 0, .5f, .9f, 0, 0, 0 },
	  { .5f, 1, .5f, 1, .5f, 1, .5f, 1 } },
	/* D major sevenths, Imaj7-vi7-ii7-V7: slow and warm. */
	{ "evening", 70,
	  { { 54, 57, 61 }, { 54, 57, 62 }, { 55, 59, 62 }, { 55, 57, 61 } },
	  { 38, 35, 40, 45 },
	  { 0, 2, 1, 3, 1, 2, 0, 2 },
	  { .8f, 0, 0, 0, 0, 0, 0, 0 },
	  { 0, 0, .6f, 0, 0, 0, .6f, .4f } },
};

#define NPAT	((int)(sizeof(patterns) / sizeof(patterns[0])))

/* Voice levels before the gain that sets the loudness. */
#define PAD_LEVEL	0.050f
#define BASS_LEVEL	0.090f
#define ARP_LEVEL	0.110f
#define KICK_LEVEL	0.200f
#define HAT_LEVEL	0.030f

int
cz_audio_npatterns(void)
{
	return NPAT;
}

const char *
cz_audio_pattern_name(int i)
{
	return i >= 0 && i < NPAT ? patterns[i].name : NULL;
}

/* FNV-1a over a string. */
static uint32_t
fnv(uint32_t h, const char *s)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int
cz_audio_pattern_for(const struct cz_render_plan *plan)
{
	uint32_t h = fnv(2166136261u, plan->diet);
	char num[32];
	int d, m;

	h = fnv(h, plan->pattern);
	snprintf(num, sizeof(num), "%d", plan->energy_kcal);
	h = fnv(h, num);
	for (d = 0; d < plan->ndays; d++)
		for (m = 0; m < plan->days[d].nmeals; m++)
			h = fnv(h, plan->days[d].meals[m].name);
	return (int)(h % NPAT);
}

static uint32_t
inc_of(double hz)
{
	return (uint32_t)(hz / CZ_AUDIO_RATE * 4294967296.0);
}

static double
midi_hz(int note)
{
	return 440.0 * pow(2.0, (note - 69) / 12.0);
}

static inline float
osc(const struct cz_audio_bed *b, uint32_t ph)
{
	return b->table[ph >> SHIFT];
}

/* The pad's oscillators for bar `bar`: tones 0-2 the chord, 3 the bass. */
static void
pad_tune(struct cz_audio_bed *b, struct cz_audio_osc o[4][2], long long bar)
{
	const struct cz_audio_pattern *p = b->p;
	int k = (int)(bar % 4), t;

	for (t = 0; t < 4; t++) {
		double f = midi_hz(t < 3 ? p->chord[k][t] : p->bass[k]);

		o[t][0].ph = o[t][1].ph = 0;
		o[t][0].inc = inc_of(f * 0.9985);
		o[t][1].inc = inc_of(f * 1.0015);
	}
}

void
cz_audio_bed_init(struct cz_audio_bed *b, int i, long long total, float gain)
{
	int k;

	memset(b, 0, sizeof(*b));
	for (k = 0; k < (1 << TB); k++)
		b->table[k] = (float)sin(2 * M_PI * k / (1 << TB));
	b->p = &patterns[((i % NPAT) + NPAT) % NPAT];
	b->total = total < 0 ? 0 : total;
	b->gain = gain;
	b->fade_in = (long long)(1.5 * CZ_AUDIO_RATE);
	b->fade_out = 3LL * CZ_AUDIO_RATE;
	if (b->fade_in > b->total / 4)
		b->fade_in = b->total / 4;
	if (b->fade_out > b->total / 4)
		b->fade_out = b->total / 4;
	b->step = CZ_AUDIO_RATE * 60.0 / b->p->bpm / 2;
	b->cur_step = -1;
	b->lfo.inc = inc_of(0.2);
	b->arp[0].pan = 0.62f;
	b->arp[1].pan = 0.38f;
	for (k = 0; k < 2; k++) {
		b->arp[k].att = 1.0f / (0.004f * CZ_AUDIO_RATE);
		b->arp[k].dec = (float)exp(-1.0 / (0.45 * CZ_AUDIO_RATE));
	}
	b->kick_dec = (float)exp(-1.0 / (0.11 * CZ_AUDIO_RATE));
	b->kick_sweep = (float)exp(-1.0 / (0.03 * CZ_AUDIO_RATE));
	b->hat_dec = (float)exp(-1.0 / (0.025 * CZ_AUDIO_RATE));
	b->rng = 0x9e3779b9u;
}

/* What starts on eighth note s. */
static void
on_step(struct cz_audio_bed *b, long long s)
{
	const struct cz_audio_pattern *p = b->p;
	struct cz_audio_pluck *v = &b->arp[s & 1];
	int e = (int)(s % 8), k = (int)((s / 8) % 4), t = p->arp[e];
	int note = t < 3 ? p->chord[k][t] + 12 : p->chord[k][0] + 24;

	if (e == 0) {
		/* A new chord: the current one becomes the fading one. */
		if (s > 0) {
			memcpy(b->pad[1], b->pad[0], sizeof(b->pad[0]));
			b->have_prev = 1;
		}
		pad_tune(b, b->pad[0], s / 8);
		b->chord_at = b->pos;
	}
	/* The phase runs on and the level ramps up from where it is. */
	v->o.inc = inc_of(midi_hz(note));
	v->peak = ARP_LEVEL * (e == 0 ? 1.0f : 0.8f);
	v->attacking = 1;
	if (p->kick[e] > 0) {
		b->kick.ph = 0;
		b->kick_f = 120.0f;
		b->kick_amp = KICK_LEVEL * p->kick[e];
	}
	if (p->hat[e] > 0)
		b->hat_amp = HAT_LEVEL * p->hat[e];
}

static inline float
pluck(struct cz_audio_bed *b, struct cz_audio_pluck *v)
{
	float h;

	if (v->attacking) {
		v->amp += v->att * v->peak;
		if (v->amp >= v->peak) {
			v->amp = v->peak;
			v->attacking = 0;
		}
	} else
		v->amp *= v->dec;
	h = v->peak > 0 ? v->amp / v->peak : 0;
	v->o.ph += v->o.inc;
	return v->amp * (osc(b, v->o.ph) + 0.35f * h * osc(b, v->o.ph << 1));
}

/* The pad's tones o at level g (each channel), added to *l and *r. */
static inline void
pad_out(const struct cz_audio_bed *b, struct cz_audio_osc o[4][2], float g,
    float *l, float *r)
{
	int t, c;

	for (t = 0; t < 4; t++) {
		float lvl = g * (t < 3 ? PAD_LEVEL : BASS_LEVEL);

		for (c = 0; c < 2; c++) {
			uint32_t ph = o[t][c].ph += o[t][c].inc;
			float s = osc(b, ph) + 0.25f * osc(b, ph << 1);

			if (t < 3)
				s += 0.08f * osc(b, ph * 3);
			*(c == 0 ? l : r) += lvl * s;
		}
	}
}

void
cz_audio_bed_fill(struct cz_audio_bed *b, float *l, float *r, int n)
{
	const double swell_s = 0.5 * CZ_AUDIO_RATE, fade_s = 0.6 * CZ_AUDIO_RATE;
	int i;

	for (i = 0; i < n; i++, b->pos++) {
		float L = 0, R = 0, a, g, noise;
		long long s, since;

		if (b->pos >= b->total) {
			l[i] = r[i] = 0;
			continue;
		}
		if ((s = (long long)(b->pos / b->step)) != b->cur_step) {
			for (b->cur_step++; b->cur_step <= s; b->cur_step++)
				on_step(b, b->cur_step);
			b->cur_step = s;
		}
		/* Pads: the new chord swells in, the old one fades out. */
		since = b->pos - b->chord_at;
		b->lfo.ph += b->lfo.inc;
		g = 0.9f + 0.1f * osc(b, b->lfo.ph);
		a = since >= swell_s ? 1.0f : (float)(0.5 - 0.5 *
		    cos(M_PI * since / swell_s));
		pad_out(b, b->pad[0], g * a, &L, &R);
		if (b->have_prev && since < fade_s)
			pad_out(b, b->pad[1], g * (float)(0.5 + 0.5 *
			    cos(M_PI * since / fade_s)), &L, &R);
		else
			b->have_prev = 0;
		/* The arpeggio's two voices. */
		a = pluck(b, &b->arp[0]);
		L += a * b->arp[0].pan;
		R += a * (1 - b->arp[0].pan);
		a = pluck(b, &b->arp[1]);
		L += a * b->arp[1].pan;
		R += a * (1 - b->arp[1].pan);
		/* Kick and shaker. */
		if (b->kick_amp > 1e-5f) {
			b->kick_f = 45.0f + (b->kick_f - 45.0f) * b->kick_sweep;
			b->kick.ph += inc_of(b->kick_f);
			a = b->kick_amp * osc(b, b->kick.ph);
			b->kick_amp *= b->kick_dec;
			L += a;
			R += a;
		}
		if (b->hat_amp > 1e-5f) {
			b->rng ^= b->rng << 13;
			b->rng ^= b->rng >> 17;
			b->rng ^= b->rng << 5;
			noise = (float)b->rng / 2147483648.0f - 1.0f;
			b->hat_lp += 0.3f * (noise - b->hat_lp);
			a = b->hat_amp * (noise - b->hat_lp);
			b->hat_amp *= b->hat_dec;
			L += 0.45f * a;
			R += 0.55f * a;
		}
		/* Fades and the gain; never past full scale. */
		g = b->gain;
		if (b->pos < b->fade_in)
			g *= (float)(0.5 - 0.5 * cos(M_PI * b->pos / b->fade_in));
		if (b->total - b->pos < b->fade_out)
			g *= (float)(0.5 - 0.5 * cos(M_PI * (b->total - b->pos) /
			    b->fade_out));
		L *= g;
		R *= g;
		l[i] = L > 1.0f ? 1.0f : L < -1.0f ? -1.0f : L;
		r[i] = R > 1.0f ? 1.0f : R < -1.0f ? -1.0f : R;
	}
}

double
cz_audio_bed_gain(int i, long long total, float *peak)
{
	struct cz_audio_bed *b;
	struct cz_loudness m;
	float l[CHUNK], r[CHUNK], mx = 0;
	const float *pl[2] = { l, r };
	double lu, gain;
	long long done;
	int n, k;

	if ((b = malloc(sizeof(*b))) == NULL)
		return -1;
	cz_audio_bed_init(b, i, total, 1.0f);
	(void)cz_loudness_init(&m, 2);
	for (done = 0; done < total; done += n) {
		n = total - done < CHUNK ? (int)(total - done) : CHUNK;
		cz_audio_bed_fill(b, l, r, n);
		for (k = 0; k < n; k++) {
			if (fabsf(l[k]) > mx)
				mx = fabsf(l[k]);
			if (fabsf(r[k]) > mx)
				mx = fabsf(r[k]);
		}
		if (cz_loudness_add(&m, pl, (size_t)n) != 0) {
			cz_loudness_free(&m);
			free(b);
			return -1;
		}
	}
	lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	free(b);
	/* Too short to measure (under 400 ms): the level of a long bed. */
	gain = isfinite(lu) ? pow(10.0, (CZ_AUDIO_TARGET_LUFS - lu) / 20.0) : 1.0;
	if (peak != NULL)
		*peak = (float)(mx * gain);
	return gain;
}
