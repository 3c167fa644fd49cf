/*
 * audio_track.h - a video's sound track encoded once, ahead of the
 * pictures: the music bed (audio.h) at the loudness it is mixed to,
 * through libavcodec's native AAC encoder (AAC-LC, 48 kHz stereo,
 * 128 kb/s), kept as packets in memory (about 1 MB a minute) so that the
 * MP4 and every HLS rendition carry the very same track, interleaved with
 * their video packets by time (encode.c).
 */
#ifndef CZ_RENDER_AUDIO_TRACK_H
#define CZ_RENDER_AUDIO_TRACK_H

#include <stddef.h>

#include <libavcodec/avcodec.h>

#define CZ_AUDIO_KBPS		128
#define CZ_AUDIO_CODECS		"mp4a.40.2"	/* AAC-LC, for HLS CODECS */

struct cz_audio_track {
	AVCodecParameters *par;		/* for each muxer's audio stream */
	AVRational	 tb;		/* of the packets' timestamps */
	AVPacket	**pkt;
	size_t		 n, cap;
	int		 pattern;	/* audio.h */
	double		 loudness;	/* LUFS integrated, as mixed */
	double		 seconds;
};

/* Synthesises and encodes `seconds` seconds of pattern's bed into *t.
 * Returns 0, or -1 with a message in err (then *t holds nothing). */
int cz_audio_track_make(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen);

/* Frees the packets; t may hold nothing. */
void cz_audio_track_free(struct cz_audio_track *t);

#endif
