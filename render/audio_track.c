/*
 * audio_track.c - the sound track encoded once (see audio_track.h).
 *
 * The bed is made twice: once to measure its loudness (audio.h,
 * cz_audio_bed_gain) and once, at the gain that brings it to the target,
 * into the encoder, so it is never held whole. The encoder takes planar
 * float (its one sample format), which is what the bed makes: no
 * resampling or conversion is needed. The last frame may be short (the
 * native AAC encoder takes a small last frame), so the track lasts
 * exactly as long as the video; the encoder's priming delay shows as
 * negative timestamps on the first packets, which the MP4 muxer turns
 * into an edit list and the MPEG-TS muxer shifts away.
 *
 * The encoder is opened by the caller's thread (the muxers need its
 * parameters for their headers); both passes over the bed run in the
 * maker's thread. The packet array is sized for the whole track up
 * front, so a reader never sees it move.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavutil/channel_layout.h>
#include <libavutil/error.h>

#include "audio.h"
#include "audio_track.h"

static void
averr(char *err, size_t errlen, const char *what, int rc)
{
	char buf[AV_ERROR_MAX_STRING_SIZE];

	av_strerror(rc, buf, sizeof(buf));
	snprintf(err, errlen, "%s: %s", what, buf);
}

struct cz_audio_maker {
	struct cz_audio_track *t;
	AVCodecContext	*ctx;
	AVFrame		*f;
	struct cz_audio_bed bed;
	long long	 total;		/* samples */
	int		 stop;		/* under t->mu: the reader gave up */
	pthread_t	 thread;
};

/* Ends the maker's work with done (1 or -1) and wakes the readers. */
static void
finish(struct cz_audio_track *t, int done, const char *msg)
{
	pthread_mutex_lock(&t->mu);
	t->done = done;
	if (msg != NULL)
		snprintf(t->error, sizeof(t->error), "%s", msg);
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mu);
}

/* Takes every packet the encoder has ready into t, published under mu. */
static int
drain(struct cz_audio_track *t, AVCodecContext *ctx, char *err, size_t errlen)
{
	AVPacket *p;
	int rc;

	for (;;) {
		if ((p = av_packet_alloc()) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		rc = avcodec_receive_packet(ctx, p);
		if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) {
			av_packet_free(&p);
			return 0;
		}
		if (rc < 0) {
			av_packet_free(&p);
			averr(err, errlen, "AAC encoder", rc);
			return -1;
		}
		/* Only the maker writes n, so it may read it unlocked. */
		if (t->n == t->cap) {
			av_packet_free(&p);
			snprintf(err, errlen, "AAC encoder: more packets than "
			    "the %zu a %.0f s track takes", t->cap, t->seconds);
			return -1;
		}
		t->pkt[t->n] = p;
		pthread_mutex_lock(&t->mu);
		t->n++;
		pthread_cond_broadcast(&t->cv);
		pthread_mutex_unlock(&t->mu);
	}
}

/* The maker's thread: measures the bed, then encodes it at the gain that
 * brings it to the target. */
static void *
make_track(void *arg)
{
	struct cz_audio_maker *m = arg;
	struct cz_audio_track *t = m->t;
	AVCodecContext *ctx = m->ctx;
	AVFrame *f = m->f;
	long long done = 0;
	double gain;
	char err[256];
	int rc, n, stop;

	if ((gain = cz_audio_bed_gain(t->pattern, m->total, NULL)) < 0) {
		finish(t, -1, "out of memory");
		return NULL;
	}
	cz_audio_bed_init(&m->bed, t->pattern, m->total, (float)gain);
	for (; done < m->total; done += n) {
		pthread_mutex_lock(&t->mu);
		stop = m->stop;
		pthread_mutex_unlock(&t->mu);
		if (stop) {
			finish(t, -1, "stopped");
			return NULL;
		}
		n = m->total - done < ctx->frame_size ?
		    (int)(m->total - done) : ctx->frame_size;
		if ((rc = av_frame_make_writable(f)) < 0) {
			averr(err, sizeof(err), "audio frame", rc);
			goto fail;
		}
		f->nb_samples = n;
		f->pts = done;
		cz_audio_bed_fill(&m->bed, (float *)f->data[0],
		    (float *)f->data[1], n);
		if ((rc = avcodec_send_frame(ctx, f)) < 0) {
			averr(err, sizeof(err), "AAC encoder", rc);
			goto fail;
		}
		if (drain(t, ctx, err, sizeof(err)) != 0)
			goto fail;
	}
	if ((rc = avcodec_send_frame(ctx, NULL)) < 0) {
		averr(err, sizeof(err), "AAC encoder", rc);
		goto fail;
	}
	if (drain(t, ctx, err, sizeof(err)) != 0)
		goto fail;
	finish(t, 1, NULL);
	return NULL;
fail:
	finish(t, -1, err);
	return NULL;
}

static void
maker_free(struct cz_audio_maker *m)
{
	if (m == NULL)
		return;
	av_frame_free(&m->f);
	avcodec_free_context(&m->ctx);
	free(m);
}

int
cz_audio_track_start(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen)
{
	const AVCodec *codec = avcodec_find_encoder_by_name("aac");
	struct cz_audio_maker *m = NULL;
	AVCodecContext *ctx;
	int rc;

	memset(t, 0, sizeof(*t));
	t->pattern = pattern;
	t->seconds = seconds;
	if (codec == NULL) {
		snprintf(err, errlen, "libavcodec has no aac encoder");
		return -1;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL ||
	    (m->ctx = avcodec_alloc_context3(codec)) == NULL ||
	    (m->f = av_frame_alloc()) == NULL ||
	    (t->par = avcodec_parameters_alloc()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	m->t = t;
	m->total = (long long)seconds * CZ_AUDIO_RATE;
	ctx = m->ctx;
	ctx->sample_fmt = AV_SAMPLE_FMT_FLTP;
	ctx->sample_rate = CZ_AUDIO_RATE;
	av_channel_layout_default(&ctx->ch_layout, CZ_AUDIO_CHANNELS);
	ctx->bit_rate = CZ_AUDIO_KBPS * 1000;
	ctx->time_base = (AVRational){ 1, CZ_AUDIO_RATE };
	/* Both muxers take the AudioSpecificConfig out of band. */
	ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
	if ((rc = avcodec_open2(ctx, codec, NULL)) < 0) {
		averr(err, errlen, "cannot open the AAC encoder", rc);
		goto err;
	}
	m->f->format = ctx->sample_fmt;
	m->f->nb_samples = ctx->frame_size;
	m->f->sample_rate = ctx->sample_rate;
	if ((rc = av_channel_layout_copy(&m->f->ch_layout, &ctx->ch_layout)) < 0 ||
	    (rc = av_frame_get_buffer(m->f, 0)) < 0) {
		averr(err, errlen, "audio frame", rc);
		goto err;
	}
	if ((rc = avcodec_parameters_from_context(t->par, ctx)) < 0) {
		averr(err, errlen, "AAC parameters", rc);
		goto err;
	}
	t->tb = ctx->time_base;
	/* Exactly the target: the gain is measured over these samples. */
	t->loudness = CZ_AUDIO_TARGET_LUFS;
	/* A packet per frame, the last one short, and the encoder's
	 * priming and flushing frames: a margin well over those. */
	t->cap = (size_t)(m->total / ctx->frame_size) + 16;
	if ((t->pkt = calloc(t->cap, sizeof(*t->pkt))) == NULL) {
		t->cap = 0;
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	pthread_mutex_init(&t->mu, NULL);
	pthread_cond_init(&t->cv, NULL);
	if ((rc = pthread_create(&m->thread, NULL, make_track, m)) != 0) {
		snprintf(err, errlen, "cannot start the sound track's thread: "
		    "%s", strerror(rc));
		goto err;
	}
	t->maker = m;
	return 0;
err:
	maker_free(m);
	cz_audio_track_free(t);
	return -1;
}

long
cz_audio_track_ready(struct cz_audio_track *t, double until, char *err,
    size_t errlen)
{
	long n;

	if (t->maker == NULL)		/* joined: all made */
		return (long)t->n;
	pthread_mutex_lock(&t->mu);
	/* The packet after the last one wanted shows they are all made. */
	while (t->done == 0 && (t->n == 0 || (double)t->pkt[t->n - 1]->pts *
	    av_q2d(t->tb) <= until))
		pthread_cond_wait(&t->cv, &t->mu);
	n = (long)t->n;
	if (t->done < 0) {
		snprintf(err, errlen, "sound track: %s", t->error);
		n = -1;
	}
	pthread_mutex_unlock(&t->mu);
	return n;
}

/* Joins the maker, asking it to stop first when stop is set. */
static void
join(struct cz_audio_track *t, int stop)
{
	struct cz_audio_maker *m = t->maker;

	if (m == NULL)
		return;
	if (stop) {
		pthread_mutex_lock(&t->mu);
		m->stop = 1;
		pthread_mutex_unlock(&t->mu);
	}
	pthread_join(m->thread, NULL);
	maker_free(m);
	t->maker = NULL;
}

int
cz_audio_track_make(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen)
{
	if (cz_audio_track_start(t, pattern, seconds, err, errlen) != 0)
		return -1;
	if (cz_audio_track_ready(t, INFINITY, err, errlen) < 0) {
		cz_audio_track_free(t);
		return -1;
	}
	join(t, 0);
	return 0;
}

void
cz_audio_track_free(struct cz_audio_track *t)
{
	size_t i;
	int inited = t->cap > 0;

	join(t, 1);
	for (i = 0; i < t->n; i++)
		av_packet_free(&t->pkt[i]);
	free(t->pkt);
	avcodec_parameters_free(&t->par);
	if (inited) {
		pthread_cond_destroy(&t->cv);
		pthread_mutex_destroy(&t->mu);
	}
	memset(t, 0, sizeof(*t));
}
