/*
 * audio.h - the music bed of a video, synthesised here so that it is
 * royalty-free by construction: soft chord pads over a bass note, a
 * gentle plucked arpeggio and light percussion (a soft kick and a
 * shaker), in one of a few patterns (chords, tempo, arpeggio and groove)
 * chosen from the plan, faded in and out. 48 kHz stereo, float samples,
 * made in pieces from the start (the state is this struct), so that a
 * long bed is never held whole; the same pattern, length and gain always
 * give the same samples.
 */
#ifndef CZ_RENDER_AUDIO_H
#define CZ_RENDER_AUDIO_H

#include <stdint.h>

struct cz_render_plan;

#define CZ_AUDIO_RATE		48000
#define CZ_AUDIO_CHANNELS	2
#define CZ_AUDIO_TABLE_BITS	12
#define CZ_AUDIO_TARGET_LUFS	(-16.0)	/* what the bed is mixed to */

struct cz_audio_pattern;	/* one of the table's */

struct cz_audio_osc {
	uint32_t	 ph, inc;	/* phase and its step, 2^32 a cycle */
};

struct cz_audio_pluck {
	struct cz_audio_osc o;
	float		 amp, peak, att, dec;
	int		 attacking;
	float		 pan;		/* left gain; right is 1 - pan */
};

struct cz_audio_bed {
	const struct cz_audio_pattern *p;
	long long	 pos, total;	/* samples made, samples in all */
	long long	 fade_in, fade_out;	/* samples */
	double		 step;		/* samples per eighth note */
	long long	 cur_step;	/* the eighth note pos is in */
	float		 gain;
	/* pads: the current chord and the one fading out; per tone, a left
	 * and a right oscillator, slightly detuned against each other */
	struct cz_audio_osc pad[2][4][2];
	long long	 chord_at;	/* sample the current chord began */
	int		 have_prev;
	struct cz_audio_osc lfo;
	struct cz_audio_pluck arp[2];
	/* kick: a sine swept down, decaying */
	struct cz_audio_osc kick;
	float		 kick_amp, kick_f, kick_dec, kick_sweep;
	/* shaker: high-passed noise, decaying fast */
	uint32_t	 rng;
	float		 hat_amp, hat_dec, hat_lp;
	float		 table[1 << CZ_AUDIO_TABLE_BITS];	/* one sine cycle */
};

/* The number of patterns, and the one a plan gets: a hash of its diet,
 * meal pattern, target and dishes, so a plan always sounds the same and
 * different plans sound different. */
int cz_audio_npatterns(void);
int cz_audio_pattern_for(const struct cz_render_plan *plan);

/* "sunrise", "garden", ...; NULL past the last. */
const char *cz_audio_pattern_name(int i);

/* Starts the bed of pattern i (taken modulo the number of patterns),
 * `total` samples long, every sample multiplied by gain. */
void cz_audio_bed_init(struct cz_audio_bed *b, int i, long long total,
    float gain);

/* The next n samples of each channel into l and r (past the end:
 * silence). */
void cz_audio_bed_fill(struct cz_audio_bed *b, float *l, float *r, int n);

/*
 * The gain that brings the bed of pattern i, total samples long, to
 * CZ_AUDIO_TARGET_LUFS integrated (BS.1770, loudness.h), measured over
 * the bed made once at gain 1; *peak, when not NULL, gets the largest
 * sample at that gain. Returns the gain, or -1 when out of memory.
 */
double cz_audio_bed_gain(int i, long long total, float *peak);

#endif
