/*
 * audio_track.h - a video's sound track encoded once, ahead of the
 * pictures: the music bed (audio.h) at the loudness it is mixed to,
 * through libavcodec's native AAC encoder (AAC-LC, 48 kHz stereo,
 * 128 kb/s), kept as packets in memory (about 1 MB a minute) so that the
 * MP4 and every HLS rendition carry the very same track, interleaved with
 * their video packets by time (encode.c).
 *
 * It is made in a thread of its own while the pictures are composed and
 * encoded (cz_audio_track_start): made first, it held up the video by
 * half a second of one busy core (tiktok, 30 s). The muxers wait for the
 * packets they need next (cz_audio_track_ready), which are nearly always
 * made by then.
 */
#ifndef CZ_RENDER_AUDIO_TRACK_H
#define CZ_RENDER_AUDIO_TRACK_H

#include <pthread.h>
#include <stddef.h>

#include <libavcodec/avcodec.h>

#define CZ_AUDIO_KBPS		128
#define CZ_AUDIO_CODECS		"mp4a.40.2"	/* AAC-LC, for HLS CODECS */

struct cz_audio_maker;		/* audio_track.c: the thread's state */

struct cz_audio_track {
	AVCodecParameters *par;		/* for each muxer's audio stream */
	AVRational	 tb;		/* of the packets' timestamps */
	/* pkt[0..n) are made; made while the maker runs (n grows under
	 * mu; pkt never moves: cap is the most the track can take). */
	AVPacket	**pkt;
	size_t		 n, cap;
	int		 pattern;	/* audio.h */
	double		 loudness;	/* LUFS integrated, as mixed */
	double		 seconds;
	struct cz_audio_maker *maker;	/* NULL once joined */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	int		 done;		/* 1 made, -1 failed (see error) */
	char		 error[256];
};

/* Opens the encoder (t->par and t->tb are set on return) and starts
 * making `seconds` seconds of pattern's bed in a thread. Returns 0, or
 * -1 with a message in err (then *t holds nothing). */
int cz_audio_track_start(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen);

/* Waits until the packets starting at most `until` seconds in are made
 * (all of them when until is INFINITY). Returns how many packets may be
 * read, or -1 with the maker's message in err. */
long cz_audio_track_ready(struct cz_audio_track *t, double until, char *err,
    size_t errlen);

/* cz_audio_track_start, then waits for the whole track. */
int cz_audio_track_make(struct cz_audio_track *t, int pattern, int seconds,
    char *err, size_t errlen);

/* Stops and joins the maker if it runs, frees the packets; t may hold
 * nothing (all zero). */
void cz_audio_track_free(struct cz_audio_track *t);

#endif
