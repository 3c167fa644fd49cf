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
 */
#include "config.h"

#include <math.h>
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

/* Takes every packet the encoder has ready into t. */
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
		if (t->n == t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 512;
			AVPacket **np = realloc(t->pkt, cap * sizeof(*np));

			if (np == NULL) {
				av_packet_free(&p);
				snprintf(err, errlen, "out of memory");
				return -1;
			}
			t->pkt = np;
			t->cap = cap;
		}
		t->pkt[t->n++] = p;
	}
}

int
cz_audio_track_make(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen)
{
	const AVCodec *codec = avcodec_find_encoder_by_name("aac");
	AVCodecContext *ctx = NULL;
	AVFrame *f = NULL;
	struct cz_audio_bed *bed = NULL;
	long long total = (long long)seconds * CZ_AUDIO_RATE, done = 0;
	double gain;
	int rc, n, ret = -1;

	memset(t, 0, sizeof(*t));
	t->pattern = pattern;
	t->seconds = seconds;
	if (codec == NULL) {
		snprintf(err, errlen, "libavcodec has no aac encoder");
		return -1;
	}
	if ((gain = cz_audio_bed_gain(pattern, total, NULL)) < 0 ||
	    (bed = malloc(sizeof(*bed))) == NULL ||
	    (ctx = avcodec_alloc_context3(codec)) == NULL ||
	    (f = av_frame_alloc()) == NULL ||
	    (t->par = avcodec_parameters_alloc()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	ctx->sample_fmt = AV_SAMPLE_FMT_FLTP;
	ctx->sample_rate = CZ_AUDIO_RATE;
	av_channel_layout_default(&ctx->ch_layout, CZ_AUDIO_CHANNELS);
	ctx->bit_rate = CZ_AUDIO_KBPS * 1000;
	ctx->time_base = (AVRational){ 1, CZ_AUDIO_RATE };
	/* Both muxers take the AudioSpecificConfig out of band. */
	ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
	if ((rc = avcodec_open2(ctx, codec, NULL)) < 0) {
		averr(err, errlen, "cannot open the AAC encoder", rc);
		goto out;
	}
	f->format = ctx->sample_fmt;
	f->nb_samples = ctx->frame_size;
	f->sample_rate = ctx->sample_rate;
	if ((rc = av_channel_layout_copy(&f->ch_layout, &ctx->ch_layout)) < 0 ||
	    (rc = av_frame_get_buffer(f, 0)) < 0) {
		averr(err, errlen, "audio frame", rc);
		goto out;
	}
	cz_audio_bed_init(bed, pattern, total, (float)gain);
	for (; done < total; done += n) {
		n = total - done < ctx->frame_size ? (int)(total - done) :
		    ctx->frame_size;
		if ((rc = av_frame_make_writable(f)) < 0) {
			averr(err, errlen, "audio frame", rc);
			goto out;
		}
		f->nb_samples = n;
		f->pts = done;
		cz_audio_bed_fill(bed, (float *)f->data[0], (float *)f->data[1], n);
		if ((rc = avcodec_send_frame(ctx, f)) < 0) {
			averr(err, errlen, "AAC encoder", rc);
			goto out;
		}
		if (drain(t, ctx, err, errlen) != 0)
			goto out;
	}
	if ((rc = avcodec_send_frame(ctx, NULL)) < 0) {
		averr(err, errlen, "AAC encoder", rc);
		goto out;
	}
	if (drain(t, ctx, err, errlen) != 0)
		goto out;
	if ((rc = avcodec_parameters_from_context(t->par, ctx)) < 0) {
		averr(err, errlen, "AAC parameters", rc);
		goto out;
	}
	t->tb = ctx->time_base;
	/* Exactly the target: the gain was measured over these samples. */
	t->loudness = CZ_AUDIO_TARGET_LUFS;
	ret = 0;
out:
	av_frame_free(&f);
	avcodec_free_context(&ctx);
	free(bed);
	if (ret != 0)
		cz_audio_track_free(t);
	return ret;
}

void
cz_audio_track_free(struct cz_audio_track *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		av_packet_free(&t->pkt[i]);
	free(t->pkt);
	avcodec_parameters_free(&t->par);
	memset(t, 0, sizeof(*t));
}
