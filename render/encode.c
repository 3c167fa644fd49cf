/*
 * encode.c - libx264 encoders, the MP4 and HLS muxers, the master
 * playlist, the JPEG poster and metadata read-back (see encode.h).
 *
 * x264 settings: preset veryfast, yuv420p, a keyframe every 2 s (gop =
 * 2 * fps, minimum the same, scene-cut keyframes off), capped CRF: CRF 23
 * with the preset's (or the rendition's) bit rate as the maximum rate and
 * a two-second VBV buffer. Plain ABR at the preset's rate spent the bits,
 * and a third more CPU, refining static slides nobody can tell apart;
 * the cap still bounds every segment's rate for HLS. The HLS muxer cuts
 * 2 s segments, one GOP each, so every segment of every rendition starts
 * with a keyframe at the same time: a player switching quality or
 * seeking fetches 2 s of video, not 6 (on a slow 4G link a 6 s segment
 * of the top rung took seconds to arrive). Frames and packets are allocated once
 * per encoder and reused.
 *
 * One encoder object is one pass over the frames (enum cz_render_pass):
 * the full-size encoder (MP4, and the top HLS rendition; it also scales
 * each frame to the smaller sizes, for the spool), or the smaller
 * renditions together, fed those pictures back. Running them one after
 * the other, not all at once, keeps peak memory to that of the full-size
 * encoder alone: x264's frame pools (lookahead, B-frames, frame threads)
 * are most of a render's memory, and the 720p and 360p encoders beside the
 * full-size one added half as much again, over the ffmpeg program's
 * figure for the MP4 alone.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

#include "audio_track.h"
#include "encode.h"

#define HLS_SEGMENT_S	2
#define X264_PRESET	"veryfast"
#define X264_CRF	"23"

struct rung {
	struct cz_render_variant v;
	AVCodecContext	*ctx;
	AVFrame		*frame;		/* the picture it encodes next */
	AVFormatContext	*hls;
	size_t		 acur;		/* next audio packet for hls */
	char		 codecs[16];
	char		 dir[4096];
};

/* The full-size picture scaled to a smaller rung's size, for the spool. */
struct scaled {
	struct SwsContext *sws;
	AVFrame		*frame;
};

struct cz_render_enc {
	int		 n;		/* rungs of this pass */
	struct rung	 r[CZ_RENDER_MAX_VARIANTS];
	int		 ns;		/* smaller rungs scaled (the top pass) */
	struct scaled	 sc[CZ_RENDER_MAX_VARIANTS];
	AVFrame		*full;		/* the full-size picture drawn into */
	AVFormatContext	*mp4;		/* NULL in the ladder pass */
	AVPacket	*pkt, *pkt2, *apkt;
	struct cz_audio_track *audio;	/* NULL: silent */
	size_t		 mp4_acur;	/* next audio packet for the MP4 */
	int64_t		 next_pts;
	int		 fps, seconds;
	int		 hls;		/* 0: the MP4 only */
	char		 dir[4096];
};

static void
averr(char *err, size_t errlen, const char *what, int rc)
{
	char buf[AV_ERROR_MAX_STRING_SIZE];

	av_strerror(rc, buf, sizeof(buf));
	snprintf(err, errlen, "%s: %s", what, buf);
}

/* "avc1.PPCCLL" from the first SPS NAL unit in Annex B data. */
static void
codecs_from_annexb(const uint8_t *d, int n, char *out, size_t outlen)
{
	int i;

	for (i = 0; i + 7 < n; i++)
		if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1 &&
		    (d[i + 3] & 0x1f) == 7) {
			snprintf(out, outlen, "avc1.%02x%02x%02x", d[i + 4],
			    d[i + 5], d[i + 6]);
			return;
		}
}

static AVCodecContext *
open_x264(const struct cz_render_variant *v, int fps, int global_header,
    char *err, size_t errlen)
{
	const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
	AVCodecContext *ctx = NULL;
	AVDictionary *opts = NULL;
	char gop[64];
	int rc;

	if (codec == NULL) {
		snprintf(err, errlen, "libavcodec has no libx264 encoder");
		return NULL;
	}
	if ((ctx = avcodec_alloc_context3(codec)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	ctx->width = v->width;
	ctx->height = v->height;
	ctx->pix_fmt = AV_PIX_FMT_YUV420P;
	ctx->time_base = (AVRational){ 1, fps };
	ctx->framerate = (AVRational){ fps, 1 };
	ctx->thread_count = 0;		/* x264's own choice, as ffmpeg does */
	ctx->gop_size = 2 * fps;
	ctx->keyint_min = 2 * fps;
	ctx->bit_rate = (int64_t)v->kbps * 1000;
	ctx->rc_max_rate = ctx->bit_rate;
	ctx->rc_buffer_size = (int)(2 * ctx->bit_rate);
	ctx->color_range = AVCOL_RANGE_MPEG;
	ctx->colorspace = AVCOL_SPC_SMPTE170M;
	ctx->color_primaries = AVCOL_PRI_SMPTE170M;
	ctx->color_trc = AVCOL_TRC_SMPTE170M;
	if (global_header)
		ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
	snprintf(gop, sizeof(gop), "scenecut=0:open-gop=0:keyint=%d:min-keyint=%d",
	    2 * fps, 2 * fps);
	av_dict_set(&opts, "preset", X264_PRESET, 0);
	av_dict_set(&opts, "crf", X264_CRF, 0);
	av_dict_set(&opts, "x264-params", gop, 0);
	if ((rc = avcodec_open2(ctx, codec, &opts)) < 0) {
		averr(err, errlen, "cannot open the libx264 encoder", rc);
		av_dict_free(&opts);
		avcodec_free_context(&ctx);
		return NULL;
	}
	av_dict_free(&opts);
	return ctx;
}

static AVFrame *
alloc_frame(int w, int h, enum AVPixelFormat fmt)
{
	AVFrame *f = av_frame_alloc();

	if (f == NULL)
		return NULL;
	f->format = fmt;
	f->width = w;
	f->height = h;
	if (av_frame_get_buffer(f, 0) < 0)
		av_frame_free(&f);
	return f;
}

/* A muxer of format fmt at path with a video stream copying ctx's
 * parameters and, when audio is not NULL, an audio stream (index 1) for
 * its packets; header written with opts. */
static AVFormatContext *
open_mux(const char *fmt, const char *path, AVCodecContext *ctx,
    const struct cz_audio_track *audio, AVDictionary **opts, char *err,
    size_t errlen)
{
	AVFormatContext *oc = NULL;
	AVStream *st;
	int rc;

	if ((rc = avformat_alloc_output_context2(&oc, NULL, fmt, path)) < 0) {
		averr(err, errlen, "cannot create a muxer", rc);
		return NULL;
	}
	if ((st = avformat_new_stream(oc, NULL)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	if ((rc = avcodec_parameters_from_context(st->codecpar, ctx)) < 0) {
		averr(err, errlen, "codec parameters", rc);
		goto err;
	}
	st->time_base = ctx->time_base;
	st->avg_frame_rate = ctx->framerate;
	if (audio != NULL) {
		if ((st = avformat_new_stream(oc, NULL)) == NULL) {
			snprintf(err, errlen, "out of memory");
			goto err;
		}
		if ((rc = avcodec_parameters_copy(st->codecpar,
		    audio->par)) < 0) {
			averr(err, errlen, "audio codec parameters", rc);
			goto err;
		}
		st->time_base = audio->tb;
	}
	if (!(oc->oformat->flags & AVFMT_NOFILE) &&
	    (rc = avio_open(&oc->pb, path, AVIO_FLAG_WRITE)) < 0) {
		averr(err, errlen, path, rc);
		goto err;
	}
	if ((rc = avformat_write_header(oc, opts)) < 0) {
		averr(err, errlen, path, rc);
		goto err;
	}
	return oc;
err:
	if (oc->pb != NULL && !(oc->oformat->flags & AVFMT_NOFILE))
		avio_closep(&oc->pb);
	avformat_free_context(oc);
	return NULL;
}

/* Closes a muxer: trailer (unless skipped), then the file. Returns 0 or
 * the first error. */
static int
close_mux(AVFormatContext **ocp, int trailer)
{
	AVFormatContext *oc = *ocp;
	int rc = 0, rc2;

	if (oc == NULL)
		return 0;
	if (trailer)
		rc = av_write_trailer(oc);
	if (oc->pb != NULL && !(oc->oformat->flags & AVFMT_NOFILE)) {
		rc2 = avio_closep(&oc->pb);
		if (rc == 0)
			rc = rc2;
	}
	avformat_free_context(oc);
	*ocp = NULL;
	return rc;
}

/* Writes the sound track's packets from *cur on that start at most until
 * seconds in (all that are left when until is INFINITY) to oc's audio
 * stream, so that the two streams go to the muxer in time order. */
static int
write_audio(struct cz_render_enc *e, AVFormatContext *oc, size_t *cur,
    double until, char *err, size_t errlen)
{
	struct cz_audio_track *a = e->audio;
	long ready;
	int rc;

	if (a == NULL)
		return 0;
	/* Made in its own thread: wait for the packets wanted here. */
	if ((ready = cz_audio_track_ready(a, until, err, errlen)) < 0)
		return -1;
	for (; *cur < (size_t)ready; (*cur)++) {
		if ((double)a->pkt[*cur]->pts * av_q2d(a->tb) > until)
			break;
		if ((rc = av_packet_ref(e->apkt, a->pkt[*cur])) < 0) {
			averr(err, errlen, "packet", rc);
			return -1;
		}
		e->apkt->stream_index = 1;
		av_packet_rescale_ts(e->apkt, a->tb, oc->streams[1]->time_base);
		if ((rc = av_interleaved_write_frame(oc, e->apkt)) < 0) {
			averr(err, errlen, oc->url, rc);
			return -1;
		}
	}
	return 0;
}

/* Writes a video packet (timestamps in tb) to oc, after the audio
 * packets up to its decoding time (cur: oc's next audio packet). */
static int
write_pkt(struct cz_render_enc *e, AVFormatContext *oc, size_t *cur,
    AVPacket *pkt, AVRational tb, char *err, size_t errlen)
{
	int rc;

	if (write_audio(e, oc, cur, (double)pkt->dts * av_q2d(tb), err,
	    errlen) != 0)
		return -1;
	pkt->stream_index = 0;
	av_packet_rescale_ts(pkt, tb, oc->streams[0]->time_base);
	if ((rc = av_interleaved_write_frame(oc, pkt)) < 0) {
		averr(err, errlen, oc->url, rc);
		return -1;
	}
	return 0;
}

/* Sends frame (NULL: flush) to rung i and writes every packet out. */
static int
encode(struct cz_render_enc *e, int i, AVFrame *frame, char *err,
    size_t errlen)
{
	struct rung *r = &e->r[i];
	int rc, top = e->mp4 != NULL;

	if ((rc = avcodec_send_frame(r->ctx, frame)) < 0) {
		averr(err, errlen, "libx264", rc);
		return -1;
	}
	for (;;) {
		rc = avcodec_receive_packet(r->ctx, e->pkt);
		if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
			return 0;
		if (rc < 0) {
			averr(err, errlen, "libx264", rc);
			return -1;
		}
		if (r->codecs[0] == '\0')
			codecs_from_annexb(e->pkt->data, e->pkt->size, r->codecs,
			    sizeof(r->codecs));
		if (top && r->hls == NULL) {
			rc = write_pkt(e, e->mp4, &e->mp4_acur, e->pkt,
			    r->ctx->time_base, err, errlen);
			av_packet_unref(e->pkt);
			if (rc != 0)
				return -1;
			continue;
		}
		if (top) {
			if ((rc = av_packet_ref(e->pkt2, e->pkt)) < 0) {
				averr(err, errlen, "packet", rc);
				av_packet_unref(e->pkt);
				return -1;
			}
			if (write_pkt(e, e->mp4, &e->mp4_acur, e->pkt2,
			    r->ctx->time_base, err, errlen) != 0) {
				av_packet_unref(e->pkt2);
				av_packet_unref(e->pkt);
				return -1;
			}
		}
		rc = write_pkt(e, r->hls, &r->acur, e->pkt, r->ctx->time_base,
		    err, errlen);
		av_packet_unref(e->pkt);
		if (rc != 0)
			return -1;
	}
}

struct cz_render_enc *
cz_render_enc_open(const struct cz_render_preset *p, int seconds,
    enum cz_render_pass pass, struct cz_audio_track *audio,
    const char *dir, char *err, size_t errlen)
{
	struct cz_render_enc *e;
	struct cz_render_variant v[CZ_RENDER_MAX_VARIANTS];
	AVDictionary *opts = NULL;
	char path[4200];
	int i, hls = pass != CZ_RENDER_PASS_MP4, nv;

	if ((e = av_mallocz(sizeof(*e))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	e->fps = p->fps;
	e->seconds = seconds;
	snprintf(e->dir, sizeof(e->dir), "%s", dir);
	e->hls = hls;
	e->audio = audio;
	nv = cz_render_preset_ladder(p, v);
	if (pass == CZ_RENDER_PASS_LADDER) {
		/* Every rung but the full-size one, fed scaled pictures. */
		e->n = nv - 1;
	} else {
		/* The full-size rung alone; with HLS, the picture scaled to
		 * the smaller rungs' sizes too (the bicubic scaler the ladder
		 * always used), for the ladder pass to encode later. */
		e->ns = hls ? nv - 1 : 0;
		for (i = 0; i < e->ns; i++) {
			if ((e->sc[i].frame = alloc_frame(v[i].width, v[i].height,
			    AV_PIX_FMT_YUV420P)) == NULL) {
				snprintf(err, errlen, "out of memory");
				goto err;
			}
			if ((e->sc[i].sws = sws_getContext(p->width, p->height,
			    AV_PIX_FMT_YUV420P, v[i].width, v[i].height,
			    AV_PIX_FMT_YUV420P, SWS_BICUBIC, NULL, NULL,
			    NULL)) == NULL) {
				snprintf(err, errlen, "cannot set up scaling to %dx%d",
				    v[i].width, v[i].height);
				goto err;
			}
		}
		v[0] = v[nv - 1];
		e->n = 1;
	}
	if ((e->pkt = av_packet_alloc()) == NULL ||
	    (e->pkt2 = av_packet_alloc()) == NULL ||
	    (e->apkt = av_packet_alloc()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	for (i = 0; i < e->n; i++) {
		struct rung *r = &e->r[i];
		int top = v[i].width == p->width && v[i].height == p->height;

		r->v = v[i];
		snprintf(r->dir, sizeof(r->dir), "%s/hls/%s", dir, v[i].name);
		if ((r->ctx = open_x264(&v[i], p->fps, top, err, errlen)) == NULL)
			goto err;
		if ((r->frame = alloc_frame(v[i].width, v[i].height,
		    AV_PIX_FMT_YUV420P)) == NULL) {
			snprintf(err, errlen, "out of memory");
			goto err;
		}
		if (top)
			e->full = r->frame;
		if (top && r->ctx->extradata != NULL)
			codecs_from_annexb(r->ctx->extradata, r->ctx->extradata_size,
			    r->codecs, sizeof(r->codecs));
		if (!hls)
			continue;
		snprintf(path, sizeof(path), "%s/seg%%03d.ts", r->dir);
		/* Equal to the GOP (open_x264): one keyframe a segment. */
		/* hls_time and the measured segments (measure_rung) must
		 * agree, or BANDWIDTH is a third of the truth. */
		av_dict_set_int(&opts, "hls_time", HLS_SEGMENT_S, 0);
		av_dict_set(&opts, "hls_playlist_type", "vod", 0);
		av_dict_set(&opts, "hls_flags", "independent_segments", 0);
		av_dict_set(&opts, "hls_segment_filename", path, 0);
		snprintf(path, sizeof(path), "%s/index.m3u8", r->dir);
		r->hls = open_mux("hls", path, r->ctx, audio, &opts, err,
		    errlen);
		av_dict_free(&opts);
		if (r->hls == NULL)
			goto err;
	}
	if (pass == CZ_RENDER_PASS_LADDER)
		return e;
	snprintf(path, sizeof(path), "%s/video.mp4", dir);
	av_dict_set(&opts, "movflags", "+faststart", 0);
	e->mp4 = open_mux("mp4", path, e->r[0].ctx, audio, &opts, err,
	    errlen);
	av_dict_free(&opts);
	if (e->mp4 == NULL)
		goto err;
	return e;
err:
	cz_render_enc_close(e);
	return NULL;
}

void
cz_render_enc_planes(struct cz_render_enc *e, uint8_t *data[3],
    int linesize[3])
{
	AVFrame *f = e->full;
	int i;

	/* The encoder may still hold the frame: make_writable then copies
	 * it, so the planes keep the previous picture either way. */
	(void)av_frame_make_writable(f);
	for (i = 0; i < 3; i++) {
		data[i] = f->data[i];
		linesize[i] = f->linesize[i];
	}
}

int
cz_render_enc_submit(struct cz_render_enc *e, int changed, char *err,
    size_t errlen)
{
	AVFrame *full = e->full;
	int i;

	/* An unchanged picture scales to the same bytes: scaled once. */
	for (i = 0; i < e->ns && (changed || e->next_pts == 0); i++)
		sws_scale(e->sc[i].sws, (const uint8_t *const *)full->data,
		    full->linesize, 0, full->height, e->sc[i].frame->data,
		    e->sc[i].frame->linesize);
	for (i = 0; i < e->n; i++) {
		struct rung *r = &e->r[i];

		r->frame->pts = e->next_pts;
		if (encode(e, i, r->frame, err, errlen) != 0)
			return -1;
	}
	e->next_pts++;
	return 0;
}

static void
pics_of(struct cz_render_pics *p, int i, const AVFrame *f)
{
	int pl;

	p->w[i] = f->width;
	p->h[i] = f->height;
	for (pl = 0; pl < 3; pl++) {
		p->data[i][pl] = f->data[pl];
		p->linesize[i][pl] = f->linesize[pl];
	}
}

void
cz_render_enc_scaled(struct cz_render_enc *e, struct cz_render_pics *p)
{
	int i;

	p->n = e->ns;
	for (i = 0; i < e->ns; i++)
		pics_of(p, i, e->sc[i].frame);
}

int
cz_render_enc_rungs(struct cz_render_enc *e, struct cz_render_pics *p,
    char *err, size_t errlen)
{
	int i;

	p->n = e->n;
	for (i = 0; i < e->n; i++) {
		/* x264 may still hold the last frame sent. */
		if (av_frame_make_writable(e->r[i].frame) < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		pics_of(p, i, e->r[i].frame);
	}
	return 0;
}

/* Sizes of rung r's segments: peak and average bit rate. */
static int
measure_rung(const struct cz_render_enc *e, const struct rung *r,
    struct cz_render_rendition *out, char *err, size_t errlen)
{
	char path[4200];
	struct stat sb;
	long long total = 0;
	int j, nseg = (e->seconds + HLS_SEGMENT_S - 1) / HLS_SEGMENT_S;

	memset(out, 0, sizeof(*out));
	out->v = r->v;
	/* The RFC 6381 names of both streams when there is sound. */
	snprintf(out->codecs, sizeof(out->codecs), "%s%s%s", r->codecs,
	    e->audio != NULL && r->codecs[0] != '\0' ? "," : "",
	    e->audio != NULL ? CZ_AUDIO_CODECS : "");
	for (j = 0; j < nseg; j++) {
		double dur = j < nseg - 1 ? HLS_SEGMENT_S :
		    e->seconds - HLS_SEGMENT_S * (nseg - 1);
		long bps;

		snprintf(path, sizeof(path), "%s/seg%03d.ts", r->dir, j);
		if (stat(path, &sb) != 0) {
			snprintf(err, errlen, "HLS segment %s is missing", path);
			return -1;
		}
		total += sb.st_size;
		bps = (long)(sb.st_size * 8 / dur);
		if (bps > out->bandwidth)
			out->bandwidth = bps;
	}
	out->average = (long)(total * 8 / e->seconds);
	out->segments = nseg;
	return 0;
}

int
cz_render_enc_finish(struct cz_render_enc *e, struct cz_render_rendition *out,
    char *err, size_t errlen)
{
	int i, rc;

	for (i = 0; i < e->n; i++)
		if (encode(e, i, NULL, err, errlen) != 0)
			return -1;
	/* The sound track's last packets. */
	if (e->mp4 != NULL && write_audio(e, e->mp4, &e->mp4_acur, INFINITY,
	    err, errlen) != 0)
		return -1;
	for (i = 0; i < e->n; i++)
		if (e->r[i].hls != NULL && write_audio(e, e->r[i].hls,
		    &e->r[i].acur, INFINITY, err, errlen) != 0)
			return -1;
	if ((rc = close_mux(&e->mp4, 1)) < 0) {
		averr(err, errlen, "cannot complete video.mp4", rc);
		return -1;
	}
	for (i = 0; i < e->n; i++)
		if ((rc = close_mux(&e->r[i].hls, 1)) < 0) {
			averr(err, errlen, "cannot complete an HLS playlist", rc);
			return -1;
		}
	if (!e->hls)
		return 0;
	for (i = 0; i < e->n; i++)
		if (measure_rung(e, &e->r[i], &out[i], err, errlen) != 0)
			return -1;
	return e->n;
}

int
cz_render_hls_master(const char *dir, int fps,
    const struct cz_render_rendition *out, int n, char *err, size_t errlen)
{
	char path[4200];
	FILE *fp;
	int i;

	snprintf(path, sizeof(path), "%s/hls/master.m3u8", dir);
	if ((fp = fopen(path, "w")) == NULL) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	fprintf(fp, "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
	for (i = 0; i < n; i++) {
		fprintf(fp, "#EXT-X-STREAM-INF:BANDWIDTH=%ld,AVERAGE-BANDWIDTH=%ld,"
		    "RESOLUTION=%dx%d,FRAME-RATE=%d.000", out[i].bandwidth,
		    out[i].average, out[i].v.width, out[i].v.height, fps);
		if (out[i].codecs[0] != '\0')
			fprintf(fp, ",CODECS=\"%s\"", out[i].codecs);
		fprintf(fp, "\n%s/index.m3u8\n", out[i].v.name);
	}
	if (ferror(fp) | (fclose(fp) != 0)) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

void
cz_render_enc_close(struct cz_render_enc *e)
{
	int i;

	if (e == NULL)
		return;
	(void)close_mux(&e->mp4, 0);
	for (i = 0; i < CZ_RENDER_MAX_VARIANTS; i++) {
		struct rung *r = &e->r[i];

		(void)close_mux(&r->hls, 0);
		avcodec_free_context(&r->ctx);
		av_frame_free(&r->frame);
		sws_freeContext(e->sc[i].sws);
		av_frame_free(&e->sc[i].frame);
	}
	av_packet_free(&e->pkt);
	av_packet_free(&e->pkt2);
	av_packet_free(&e->apkt);
	av_free(e);
}

int
cz_render_poster_write(const struct cz_render_canvas *c, const char *path,
    char *err, size_t errlen)
{
	const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
	AVCodecContext *ctx = NULL;
	struct SwsContext *sws = NULL;
	AVFrame *f = NULL;
	AVPacket *pkt = NULL;
	FILE *fp = NULL;
	const uint8_t *src[3];
	int srcls[3], rc, ret = -1;

	if (codec == NULL) {
		snprintf(err, errlen, "libavcodec has no JPEG encoder");
		return -1;
	}
	if ((ctx = avcodec_alloc_context3(codec)) == NULL ||
	    (f = alloc_frame(c->w, c->h, AV_PIX_FMT_YUVJ420P)) == NULL ||
	    (pkt = av_packet_alloc()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	ctx->width = c->w;
	ctx->height = c->h;
	ctx->pix_fmt = AV_PIX_FMT_YUVJ420P;
	ctx->color_range = AVCOL_RANGE_JPEG;
	ctx->time_base = (AVRational){ 1, 1 };
	ctx->flags |= AV_CODEC_FLAG_QSCALE;
	ctx->global_quality = FF_QP2LAMBDA * 3;
	if ((rc = avcodec_open2(ctx, codec, NULL)) < 0) {
		averr(err, errlen, "cannot open the JPEG encoder", rc);
		goto err;
	}
	/* Limited to full range. */
	if ((sws = sws_getContext(c->w, c->h, AV_PIX_FMT_YUV420P, c->w, c->h,
	    AV_PIX_FMT_YUVJ420P, SWS_BICUBIC, NULL, NULL, NULL)) == NULL) {
		snprintf(err, errlen, "cannot set up the poster conversion");
		goto err;
	}
	src[0] = c->plane[0];
	src[1] = c->plane[1];
	src[2] = c->plane[2];
	srcls[0] = c->w;
	srcls[1] = srcls[2] = c->w / 2;
	sws_scale(sws, src, srcls, 0, c->h, f->data, f->linesize);
	f->pts = 0;
	f->quality = ctx->global_quality;
	if ((rc = avcodec_send_frame(ctx, f)) < 0 ||
	    (rc = avcodec_receive_packet(ctx, pkt)) < 0) {
		averr(err, errlen, "JPEG encoding", rc);
		goto err;
	}
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(pkt->data, 1, (size_t)pkt->size, fp) != (size_t)pkt->size) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		goto err;
	}
	rc = fclose(fp);
	fp = NULL;
	if (rc != 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		goto err;
	}
	ret = 0;
err:
	if (fp != NULL)
		fclose(fp);
	av_packet_free(&pkt);
	av_frame_free(&f);
	sws_freeContext(sws);
	avcodec_free_context(&ctx);
	return ret;
}

int
cz_render_probe(const char *path, struct cz_render_meta *m, char *err,
    size_t errlen)
{
	AVFormatContext *ic = NULL;
	AVStream *st;
	struct stat sb;
	int rc, idx, ret = -1;

	memset(m, 0, sizeof(*m));
	if ((rc = avformat_open_input(&ic, path, NULL, NULL)) < 0) {
		averr(err, errlen, path, rc);
		return -1;
	}
	if ((rc = avformat_find_stream_info(ic, NULL)) < 0) {
		averr(err, errlen, path, rc);
		goto err;
	}
	if ((idx = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0)) < 0) {
		snprintf(err, errlen, "%s has no video stream", path);
		goto err;
	}
	st = ic->streams[idx];
	m->width = st->codecpar->width;
	m->height = st->codecpar->height;
	m->fps = av_q2d(st->avg_frame_rate);
	m->frames = st->nb_frames;
	if (st->duration != AV_NOPTS_VALUE)
		m->duration = (double)st->duration * av_q2d(st->time_base);
	else if (ic->duration != AV_NOPTS_VALUE)
		m->duration = (double)ic->duration / AV_TIME_BASE;
	snprintf(m->codec, sizeof(m->codec), "%s",
	    avcodec_get_name(st->codecpar->codec_id));
	if ((idx = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, NULL,
	    0)) >= 0) {
		st = ic->streams[idx];
		snprintf(m->audio_codec, sizeof(m->audio_codec), "%s",
		    avcodec_get_name(st->codecpar->codec_id));
		m->sample_rate = st->codecpar->sample_rate;
		m->channels = st->codecpar->ch_layout.nb_channels;
		if (st->duration != AV_NOPTS_VALUE)
			m->audio_duration = (double)st->duration *
			    av_q2d(st->time_base);
	}
	if (stat(path, &sb) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto err;
	}
	m->size = (long long)sb.st_size;
	ret = 0;
err:
	avformat_close_input(&ic);
	return ret;
}
