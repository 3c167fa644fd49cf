/*
 * check_audio.c - unit tests of the video's sound: the BS.1770 loudness
 * meter against the standard's own reference (a full-scale 1 kHz sine in
 * one channel reads -3.01 LKFS) and its two gates; the music bed of every
 * pattern mixed to -16 LUFS (within 1 LU, measured anew here), never
 * clipping, faded in and out, free of clicks, the same in any piece size
 * and from run to run; the pattern a plan gets; and the AAC track, decoded
 * back with libavcodec, at the right length and loudness.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/log.h>

#include "audio.h"
#include "audio_track.h"
#include "loudness.h"
#include "plan.h"

#define RATE	CZ_LOUDNESS_RATE

/* The loudness of a sine of frequency hz and peak amplitude a, in the
 * left channel and (when both) the right, for secs seconds. */
static double
sine_lufs(double hz, double a, int both, double secs)
{
	size_t n = (size_t)(secs * RATE), i;
	float *l = malloc(n * sizeof(float)), *r = calloc(n, sizeof(float));
	const float *pl[2] = { l, r };
	struct cz_loudness m;
	double lu;

	ck_assert(l != NULL && r != NULL);
	for (i = 0; i < n; i++) {
		l[i] = (float)(a * sin(2 * M_PI * hz * (double)i / RATE));
		if (both)
			r[i] = l[i];
	}
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	ck_assert_int_eq(cz_loudness_add(&m, pl, n), 0);
	lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	free(l);
	free(r);
	return lu;
}

START_TEST(test_reference_sine)
{
	/* BS.1770-4, 2.1: "a 0 dB FS 1 kHz sine wave applied to the left,
	 * centre, or right channel input results in -3.01 LKFS". */
	double lu = sine_lufs(1000, 1.0, 0, 10);

	ck_assert_msg(fabs(lu - -3.01) < 0.05, "full-scale 1 kHz left: %.3f", lu);
	/* In both channels, 20 dB down: -3.01 + 3.01 - 20. */
	lu = sine_lufs(1000, 0.1, 1, 10);
	ck_assert_msg(fabs(lu - -20.0) < 0.05, "-20 dBFS 1 kHz stereo: %.3f", lu);
	/* K-weighting: the shelf lifts 10 kHz by about 4 dB, the high-pass
	 * cuts 30 Hz by more than 5 dB. */
	lu = sine_lufs(10000, 1.0, 0, 5);
	ck_assert_msg(lu > -3.01 + 3 && lu < -3.01 + 5, "10 kHz: %.3f", lu);
	lu = sine_lufs(30, 1.0, 0, 5);
	ck_assert_msg(lu < -3.01 - 5, "30 Hz: %.3f", lu);
}
END_TEST

START_TEST(test_gates)
{
	size_t n = 20 * RATE, i;
	float *l = malloc(n * sizeof(float)), *r = malloc(n * sizeof(float));
	const float *pl[2] = { l, r };
	struct cz_loudness m;
	double lu;

	ck_assert(l != NULL && r != NULL);
	/* 10 s of a -20 dBFS sine, then 10 s of silence: the absolute gate
	 * leaves the silence out. */
	for (i = 0; i < n; i++)
		l[i] = r[i] = i < n / 2 ? (float)(0.1 * sin(2 * M_PI * 1000 *
		    (double)i / RATE)) : 0.0f;
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	ck_assert_int_eq(cz_loudness_add(&m, pl, n), 0);
	lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	ck_assert_msg(fabs(lu - -20.0) < 0.1, "sine then silence: %.3f", lu);
	/* Then 10 s 30 dB down instead: the relative gate (-10 LU) leaves
	 * it out too, though it passes the absolute one. */
	for (i = n / 2; i < n; i++)
		l[i] = r[i] = (float)(0.00316 * sin(2 * M_PI * 1000 *
		    (double)i / RATE));
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	/* In uneven pieces: the meter carries its state across them. */
	for (i = 0; i < n; i += 777) {
		const float *pp[2] = { l + i, r + i };

		ck_assert_int_eq(cz_loudness_add(&m, pp, n - i < 777 ? n - i :
		    777), 0);
	}
	lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	ck_assert_msg(fabs(lu - -20.0) < 0.1, "sine then quiet sine: %.3f", lu);
	/* Under one 400 ms block: nothing to measure. */
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	ck_assert_int_eq(cz_loudness_add(&m, pl, RATE / 4), 0);
	ck_assert(isinf(cz_loudness_integrated(&m)));
	cz_loudness_free(&m);
	ck_assert_int_eq(cz_loudness_init(&m, 3), -1);
	free(l);
	free(r);
}
END_TEST

/* The bed of pattern i, secs long, at its gain, measured and checked. */
START_TEST(test_bed_patterns)
{
	int i = _i;
	long long total = 30LL * CZ_AUDIO_RATE, k;
	float *l = malloc((size_t)total * sizeof(float));
	float *r = malloc((size_t)total * sizeof(float));
	const float *pl[2] = { l, r };
	struct cz_audio_bed *b = malloc(sizeof(*b));
	struct cz_loudness m;
	double gain, lu, head = 0, mid = 0, tail = 0, jump = 0;
	float peak;

	ck_assert(l != NULL && r != NULL && b != NULL);
	ck_assert_ptr_nonnull(cz_audio_pattern_name(i));
	gain = cz_audio_bed_gain(i, total, &peak);
	ck_assert_msg(gain > 0, "gain %f", gain);
	cz_audio_bed_init(b, i, total, (float)gain);
	cz_audio_bed_fill(b, l, r, (int)total);
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	ck_assert_int_eq(cz_loudness_add(&m, pl, (size_t)total), 0);
	lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	ck_assert_msg(fabs(lu - CZ_AUDIO_TARGET_LUFS) <= 1.0,
	    "%s: %.2f LUFS", cz_audio_pattern_name(i), lu);
	/* Headroom left: nothing clipped at full scale. */
	ck_assert_msg(peak < 0.99f, "%s: peak %.3f", cz_audio_pattern_name(i),
	    (double)peak);
	for (k = 0; k < total; k++) {
		double s = (double)l[k] * l[k] + (double)r[k] * r[k];

		if (k < CZ_AUDIO_RATE / 10)
			head += s;
		else if (k >= total - CZ_AUDIO_RATE / 10)
			tail += s;
		else if (k >= total / 2 && k < total / 2 + CZ_AUDIO_RATE / 10)
			mid += s;
		if (k > 0 && fabs(l[k] - l[k - 1]) > jump)
			jump = fabs(l[k] - l[k - 1]);
	}
	/* Faded in and out: the first and last 100 ms are 30 dB under the
	 * middle; starts and ends at (nearly) zero. */
	ck_assert_msg(head < mid / 1000 && tail < mid / 1000,
	    "head %g mid %g tail %g", head, mid, tail);
	ck_assert(fabsf(l[0]) < 1e-3f && fabsf(r[total - 1]) < 1e-3f);
	/* No clicks: no step between samples a click would make. */
	ck_assert_msg(jump < 0.2, "%s: step %.3f", cz_audio_pattern_name(i),
	    jump);
	free(l);
	free(r);
	free(b);
}
END_TEST

START_TEST(test_bed_pieces)
{
	long long total = 7LL * CZ_AUDIO_RATE, k, n;
	float *l1 = malloc((size_t)total * sizeof(float));
	float *r1 = malloc((size_t)total * sizeof(float));
	float *l2 = malloc((size_t)total * sizeof(float));
	float *r2 = malloc((size_t)total * sizeof(float));
	struct cz_audio_bed *b = malloc(sizeof(*b));
	float extra[2][16];
	int differ = 0;

	ck_assert(l1 && r1 && l2 && r2 && b);
	cz_audio_bed_init(b, 2, total, 0.5f);
	cz_audio_bed_fill(b, l1, r1, (int)total);
	/* Past the end: silence. */
	cz_audio_bed_fill(b, extra[0], extra[1], 16);
	for (k = 0; k < 16; k++)
		ck_assert(extra[0][k] == 0 && extra[1][k] == 0);
	/* In pieces of odd sizes: the same samples, exactly. */
	cz_audio_bed_init(b, 2, total, 0.5f);
	for (k = 0; k < total; k += n) {
		n = total - k < 1031 ? total - k : 1031;
		cz_audio_bed_fill(b, l2 + k, r2 + k, (int)n);
	}
	ck_assert(memcmp(l1, l2, (size_t)total * sizeof(float)) == 0);
	ck_assert(memcmp(r1, r2, (size_t)total * sizeof(float)) == 0);
	/* Stereo: the channels are not the same signal. */
	for (k = 0; k < total; k++)
		differ += l1[k] != r1[k];
	ck_assert(differ > total / 2);
	/* Another pattern: other samples. */
	cz_audio_bed_init(b, 3, total, 0.5f);
	cz_audio_bed_fill(b, l2, r2, (int)total);
	ck_assert(memcmp(l1, l2, (size_t)total * sizeof(float)) != 0);
	free(l1);
	free(r1);
	free(l2);
	free(r2);
	free(b);
}
END_TEST

START_TEST(test_pattern_for)
{
	static const char *const diets[] = { "omnivore", "vegetarian", "vegan",
	    "pescatarian", "keto", "mediterranean", "paleo", "low_fat" };
	struct cz_render_plan *p = calloc(1, sizeof(*p));
	int seen[16] = { 0 }, i, a, distinct = 0;

	ck_assert(p != NULL);
	ck_assert_int_ge(cz_audio_npatterns(), 3);
	ck_assert_ptr_null(cz_audio_pattern_name(cz_audio_npatterns()));
	p->ndays = 1;
	p->days[0].nmeals = 1;
	snprintf(p->days[0].meals[0].name, sizeof(p->days[0].meals[0].name),
	    "Oatmeal with berries");
	for (i = 0; i < 8; i++) {
		snprintf(p->diet, sizeof(p->diet), "%s", diets[i]);
		a = cz_audio_pattern_for(p);
		ck_assert(a >= 0 && a < cz_audio_npatterns());
		/* The same plan, the same music. */
		ck_assert_int_eq(cz_audio_pattern_for(p), a);
		if (!seen[a]++)
			distinct++;
	}
	ck_assert_msg(distinct >= 2, "8 diets got %d pattern(s)", distinct);
	free(p);
}
END_TEST

/* Decodes the track's packets with libavcodec's AAC decoder; returns the
 * samples per channel, and the loudness in *lu. */
static long long
decode_track(const struct cz_audio_track *t, double *lu)
{
	const AVCodec *dec = avcodec_find_decoder(AV_CODEC_ID_AAC);
	AVCodecContext *ctx = avcodec_alloc_context3(dec);
	AVFrame *f = av_frame_alloc();
	struct cz_loudness m;
	long long samples = 0;
	size_t i;
	int rc;

	ck_assert(dec != NULL && ctx != NULL && f != NULL);
	ck_assert_int_eq(avcodec_parameters_to_context(ctx, t->par), 0);
	ck_assert_int_eq(avcodec_open2(ctx, dec, NULL), 0);
	ck_assert_int_eq(cz_loudness_init(&m, 2), 0);
	for (i = 0; i <= t->n; i++) {
		ck_assert_int_eq(avcodec_send_packet(ctx, i < t->n ? t->pkt[i] :
		    NULL), 0);
		while ((rc = avcodec_receive_frame(ctx, f)) == 0) {
			const float *pl[2] = { (const float *)f->data[0],
			    (const float *)f->data[1] };

			ck_assert_int_eq(f->format, AV_SAMPLE_FMT_FLTP);
			ck_assert_int_eq(f->ch_layout.nb_channels, 2);
			ck_assert_int_eq(cz_loudness_add(&m, pl,
			    (size_t)f->nb_samples), 0);
			samples += f->nb_samples;
		}
		ck_assert(rc == AVERROR(EAGAIN) || rc == AVERROR_EOF);
	}
	*lu = cz_loudness_integrated(&m);
	cz_loudness_free(&m);
	av_frame_free(&f);
	avcodec_free_context(&ctx);
	return samples;
}

START_TEST(test_track)
{
	struct cz_audio_track t;
	char err[256] = "";
	long long samples, last;
	double lu;

	ck_assert_msg(cz_audio_track_make(&t, 1, 12, err, sizeof(err)) == 0,
	    "%s", err);
	ck_assert_int_eq(t.par->codec_id, AV_CODEC_ID_AAC);
	ck_assert_int_eq(t.par->sample_rate, 48000);
	ck_assert_int_eq(t.par->ch_layout.nb_channels, 2);
	ck_assert_int_gt(t.par->extradata_size, 0);
	ck_assert_uint_gt(t.n, 500);
	/* The packets span exactly 12 s after the encoder's priming. */
	last = t.pkt[t.n - 1]->pts + t.pkt[t.n - 1]->duration;
	ck_assert_msg(llabs(last - 12LL * 48000) <= 1, "ends at %lld", last);
	samples = decode_track(&t, &lu);
	/* Whole 1024-sample frames, priming included. */
	ck_assert_msg(samples >= 12LL * 48000 && samples <= 12LL * 48000 + 2048,
	    "%lld samples", samples);
	ck_assert_msg(fabs(lu - CZ_AUDIO_TARGET_LUFS) <= 1.0,
	    "decoded: %.2f LUFS", lu);
	cz_audio_track_free(&t);
	ck_assert_ptr_null(t.par);
}
END_TEST

static Suite *
audio_suite(void)
{
	Suite *s = suite_create("audio");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reference_sine);
	tcase_add_test(tc, test_gates);
	tcase_add_loop_test(tc, test_bed_patterns, 0, cz_audio_npatterns());
	tcase_add_test(tc, test_bed_pieces);
	tcase_add_test(tc, test_pattern_for);
	tcase_add_test(tc, test_track);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(audio_suite());
	int failed;

	av_log_set_level(AV_LOG_ERROR);	/* the AAC encoder's statistics */
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
