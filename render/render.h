/*
 * render.h - one render job: plan in, a complete output directory out
 * (video.mp4, hls/master.m3u8 with its renditions, poster.jpg, the
 * publish kit's thumbnail.jpg (thumbnail.h); every
 * video file with the synthesised music bed as an AAC track unless the
 * job is silent), written
 * under a temporary name (in the job's tmp_dir, else beside the
 * destination) and renamed into place only when complete, so a failed or
 * interrupted render leaves nothing visible.
 */
#ifndef CZ_RENDER_RENDER_H
#define CZ_RENDER_RENDER_H

#include <signal.h>
#include <stddef.h>

#include "chapters.h"
#include "encode.h"
#include "plan.h"
#include "preset.h"

/* What a render is doing, as the job queue reports it. */
enum cz_render_stage {
	CZ_RENDER_COMPOSING,	/* fonts, storyboard, first cards */
	CZ_RENDER_ENCODING,	/* the frames */
	CZ_RENDER_PACKAGING	/* MP4 index, HLS playlists, poster, read-back */
};

/* "composing", "encoding", "packaging". */
const char *cz_render_stage_name(enum cz_render_stage s);

struct cz_render_job {
	const struct cz_render_plan	*plan;
	const struct cz_render_preset	*preset;
	int				 seconds;	/* 0: the preset's */
	const char			*out_dir;	/* must not exist, or be empty */
	/* Where the temporary directory is made: on out_dir's file system
	 * (cz_render_tmp_dir_ready), so that the final rename is atomic;
	 * NULL: beside out_dir. */
	const char			*tmp_dir;
	const char			*font_dir;
	volatile sig_atomic_t		*stop;		/* nonzero: abandon; may be NULL */
	int				 mp4_only;	/* no HLS, no poster (benchmarks) */
	int				 silent;	/* no sound track at all */
	/* Called about every second of rendering and at each new stage
	 * when set, with the stage and the share done so far (0-100); a
	 * nonzero return abandons the render (e.g. the lease was lost). */
	int				(*progress)(void *arg,
					    enum cz_render_stage stage,
					    int percent);
	void				*progress_arg;
};

struct cz_render_result {
	struct cz_render_meta		 mp4;
	struct cz_render_meta		 poster;
	int				 nrenditions;
	struct cz_render_rendition	 renditions[CZ_RENDER_MAX_VARIANTS];
	int				 frames;	/* encoded */
	int				 distinct;	/* of which composed anew */
	long long			 spool_bytes;	/* the ladder's spool, at its peak */
	int				 audio_pattern;	/* audio.h; -1: silent */
	/* Wall time spent in each stage (enum cz_render_stage), so that a
	 * finished job still shows every stage it went through, however
	 * short: packaging takes well under a second. */
	double				 stage_seconds[3];
	double				 audio_lufs;	/* as mixed */
	/* The publish kit's: the thumbnail (width 0: none) and where each
	 * card starts (chapters.h; n 0 when not known). */
	struct cz_render_meta		 thumbnail;
	struct cz_render_chapters	 chapters;
	double				 seconds_wall;
};

/* Renders job into job->out_dir. Returns 0 with *res filled, or -1 with a
 * message in err; then neither out_dir nor any temporary file is left
 * (out_dir as it was before). */
int cz_render_run(const struct cz_render_job *job, struct cz_render_result *res,
    char *err, size_t errlen);

/* The result as a JSON object (what the one-shot mode prints and the
 * queue stores), for preset name and output directory out. The caller
 * owns it (json_object_put). */
struct json_object *cz_render_result_json(const char *preset, const char *out,
    const struct cz_render_result *r);

/* Makes tmp_dir (mode 02700: what is made in it keeps its group, e.g.
 * www-data for nginx) when missing, and checks that it is a directory on
 * the same file system as video_dir and neither it nor inside it, so
 * renders in progress are never in the served directory and their final
 * rename is atomic. Returns 0, or -1 with a message in err. */
int cz_render_tmp_dir_ready(const char *video_dir, const char *tmp_dir,
    char *err, size_t errlen);

/* Removes the directory tree at path (not following symbolic links).
 * Returns 0, or -1 with errno set. */
int cz_render_rmtree(const char *path);

#endif
