/*
 * encode.h - encoding and packaging with libavcodec/libavformat: one
 * libx264 encoder per HLS rendition, fed from the composed full-size
 * frame (scaled with libswscale for the lower rungs); the full-size
 * encoder's packets go both to the MP4 (index at the front) and to the top
 * HLS rendition, so the largest picture is encoded once. The full-size
 * encoder and the smaller ones run in separate passes, so that their
 * memory is never needed at the same time: the full-size pass also scales
 * each frame to the smaller sizes (for the caller to keep, see spool.h),
 * and the ladder pass encodes those pictures. Also the master playlist,
 * the poster (JPEG) and reading a file's metadata back.
 */
#ifndef CZ_RENDER_ENCODE_H
#define CZ_RENDER_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "canvas.h"
#include "preset.h"

struct cz_render_enc;	/* opaque */
struct cz_audio_track;	/* audio_track.h */

/* What the master playlist says about one rendition. */
struct cz_render_rendition {
	struct cz_render_variant v;
	long		 bandwidth;	/* peak segment bit rate, b/s */
	long		 average;	/* whole-stream bit rate, b/s */
	int		 segments;
	char		 codecs[32];	/* "avc1.64001f,mp4a.40.2" */
};

/* Metadata read back from a media file. */
struct cz_render_meta {
	double		 duration;	/* seconds */
	int		 width, height;
	double		 fps;
	long long	 frames;
	long long	 size;		/* bytes */
	char		 codec[32];
	/* The first audio stream's; audio_codec "" when there is none. */
	char		 audio_codec[32];
	double		 audio_duration;	/* seconds */
	int		 sample_rate, channels;
};

/* What one pass over the frames encodes. */
enum cz_render_pass {
	CZ_RENDER_PASS_MP4,	/* the full-size encoder: video.mp4 alone */
	CZ_RENDER_PASS_TOP,	/* the same, and its packets as the top HLS rendition */
	CZ_RENDER_PASS_LADDER	/* every smaller HLS rendition, fed scaled pictures */
};

/* The pictures of one frame at the smaller renditions' sizes, smallest
 * first (the ladder's order); YUV 4:2:0 planes. */
struct cz_render_pics {
	int		 n;
	int		 w[CZ_RENDER_MAX_VARIANTS], h[CZ_RENDER_MAX_VARIANTS];
	uint8_t		*data[CZ_RENDER_MAX_VARIANTS][3];
	int		 linesize[CZ_RENDER_MAX_VARIANTS][3];
};

/* Opens the encoders and muxers of one pass for preset p and `seconds`
 * seconds: dir/video.mp4 (MP4, TOP), dir/hls/NAME/index.m3u8 + segNNN.ts
 * per rendition of the pass (TOP, LADDER; dir/hls/NAME must exist). Each
 * file gets the sound track audio as its second stream, interleaved by
 * time, unless audio is NULL (a silent video: no audio stream at all);
 * audio must outlive the encoder.
 * Returns the encoder, or NULL with a message in err. Close with
 * cz_render_enc_close. */
struct cz_render_enc *cz_render_enc_open(const struct cz_render_preset *p,
    int seconds, enum cz_render_pass pass, struct cz_audio_track *audio,
    const char *dir, char *err, size_t errlen);

/* The planes of the next full-size frame to draw into (writable; they
 * still hold the previous frame's picture). Not for the ladder pass. */
void cz_render_enc_planes(struct cz_render_enc *e, uint8_t *data[3],
    int linesize[3]);

/* Encodes the next frame (the ladder pass: the pictures filled in
 * through cz_render_enc_rungs); changed 0 says it is the same picture as
 * the previous frame, which spares the scaling. Returns 0, or -1 with a
 * message in err (e.g. a write error: disk full). */
int cz_render_enc_submit(struct cz_render_enc *e, int changed, char *err,
    size_t errlen);

/* The full-size pass with HLS: the frame last submitted, scaled to each
 * smaller rendition's size (p->n is 0 when there is none). The pictures
 * are the encoder's, valid until the next submit. */
void cz_render_enc_scaled(struct cz_render_enc *e, struct cz_render_pics *p);

/* The ladder pass: the writable pictures of the next frame, one per
 * rendition, to fill in before cz_render_enc_submit. Returns 0, or -1
 * with a message in err. */
int cz_render_enc_rungs(struct cz_render_enc *e, struct cz_render_pics *p,
    char *err, size_t errlen);

/* Flushes the encoders, completes the MP4 and the HLS playlists of the
 * pass and fills out[] with its renditions, smallest first (room for
 * CZ_RENDER_MAX_VARIANTS). Returns the number of renditions (0 for the
 * MP4 pass), or -1 with a message in err. */
int cz_render_enc_finish(struct cz_render_enc *e,
    struct cz_render_rendition *out, char *err, size_t errlen);

/* Writes dir/hls/master.m3u8 listing the n renditions of out[] (at fps
 * frames a second). Returns 0, or -1 with a message in err. */
int cz_render_hls_master(const char *dir, int fps,
    const struct cz_render_rendition *out, int n, char *err, size_t errlen);

/* Frees everything; e may be NULL. Files are left as they are. */
void cz_render_enc_close(struct cz_render_enc *e);

/* Writes canvas c as a JPEG file at path. Returns 0, or -1 with a message
 * in err. */
int cz_render_poster_write(const struct cz_render_canvas *c, const char *path,
    char *err, size_t errlen);

/* Reads the first video stream's metadata of the file at path, and the
 * first audio stream's if it has one. Returns 0,
 * or -1 with a message in err. */
int cz_render_probe(const char *path, struct cz_render_meta *m, char *err,
    size_t errlen);

#endif
