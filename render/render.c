/*
 * render.c - one render job (see render.h): compose each card stage once,
 * feed the encoder frame by frame (static frames are the same bytes; only
 * the frames where something moves, counts up or fades are composed, by
 * moving and blending the card's picture as the storyboard says), write the poster from the title
 * card, complete the files, read the MP4's metadata back, then rename the
 * temporary directory TMP/.tmp-render-XXXXXX onto DIR (TMP: the job's
 * tmp_dir, e.g. the queue's render_tmp_dir outside the served directory;
 * else DIR's parent).
 *
 * Two passes, one composition: the first composes every frame, encodes it
 * at full size (the MP4 and the top HLS rendition) and spools it scaled to
 * the smaller renditions' sizes (spool.h: changed frames only, deflated,
 * in the temporary directory); the second, once the full-size encoder's
 * memory is given back, encodes the smaller renditions from the spool and
 * writes the poster from the title card kept there. So the full-size and
 * the smaller x264 encoders are never in memory at the same time (the
 * whole render's peak memory is the full-size encoder's) and nothing is
 * drawn twice.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "audio.h"
#include "audio_track.h"
#include "canvas.h"
#include "cards.h"
#include "render.h"
#include "scene.h"
#include "spool.h"
#include "thumbnail.h"

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

int
cz_render_rmtree(const char *path)
{
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* 1 when path does not exist or is an empty directory, else 0 (with a
 * reason in err). */
static int
dest_free(const char *path, char *err, size_t errlen)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	int empty = 1;

	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s exists and is not a directory", path);
		return 0;
	}
	if ((d = opendir(path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return 0;
	}
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	if (!empty)
		snprintf(err, errlen, "%s already exists and is not empty", path);
	return empty;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Asks the job's progress callback about every second (pct0-pct1 % of
 * the job, done of total frames) and checks for a stop; nonzero (with err
 * set) to abandon the render. */
static int
tick(const struct cz_render_job *job, double *last, int pct0, int pct1,
    int done, int total, char *err, size_t errlen)
{
	if (job->stop != NULL && *job->stop) {
		snprintf(err, errlen, "interrupted");
		return -1;
	}
	if (job->progress != NULL && now_s() - *last >= 1.0) {
		*last = now_s();
		if (job->progress(job->progress_arg, CZ_RENDER_ENCODING, pct0 +
		    (pct1 - pct0) * done / (total > 0 ? total : 1)) != 0) {
			snprintf(err, errlen, "abandoned (lease lost)");
			return -1;
		}
	}
	return 0;
}

/* Pixels of a displacement in 1/1024 of width w: even, so the chroma
 * planes move with the luma and a glyph never lands between pixels. */
static int
dx_px(int dx, int w)
{
	long long v = (long long)dx * w;

	return (int)((v >= 0 ? v + 1024 : v - 1024) / 2048) * 2;
}

/* Composes the frames of the whole storyboard into the full-size encoder,
 * which is pct0-pct1 % of the job. Each card's stage is drawn once into a
 * canvas; its counting figures are redrawn in place while they count;
 * each frame that differs from the one before is the canvas moved and
 * blended as the shot says (scene.h), the others cost the encoder
 * nothing. With a spool, each frame scaled to the smaller sizes goes
 * there too, and the title card's picture is kept there for the poster;
 * else the poster is written now when poster is a path (else NULL). */
static int
run_frames(const struct cz_render_job *job, const struct cz_render_story *s,
    const struct cz_render_fonts *fonts, struct cz_render_enc *enc,
    struct cz_render_spool *spool, const char *poster, int pct0, int pct1,
    struct cz_render_result *res, char *err, size_t errlen)
{
	struct cz_render_canvas cur = { 0 };
	struct cz_render_rect rows[CZ_PLAN_MAX_MEALS];
	struct cz_render_color bg = cz_render_card_bg();
	const struct cz_render_preset *p = job->preset;
	int ci, f, ret = -1, have, counted, nrows, done = 0, total = 0;
	double last_progress = now_s();

	if (cz_render_canvas_init(&cur, p->width, p->height) != 0) {
		snprintf(err, errlen, "out of memory for a %dx%d canvas",
		    p->width, p->height);
		goto err;
	}
	for (ci = 0; ci < s->ncards; ci++)
		total += s->cards[ci].frames;
	for (ci = 0; ci < s->ncards; ci++) {
		const struct cz_render_card *c = &s->cards[ci];
		struct cz_render_shot last;

		memset(&last, 0, sizeof(last));
		have = -1;	/* the stage held in cur */
		counted = 256;	/* how far its figures are counted there */
		if ((nrows = cz_render_card_rows(fonts, job->plan, c, p->width,
		    p->height, rows, err, errlen)) < 0)
			goto err;
		for (f = 0; f < c->frames; f++) {
			struct cz_render_shot sh;
			uint8_t *data[3];
			int ls[3], changed;

			if (tick(job, &last_progress, pct0, pct1, done, total,
			    err, errlen) != 0)
				goto err;
			cz_render_story_shot(c, f, &sh);
			while (have < sh.stage) {
				have++;
				if (cz_render_card_draw(fonts, job->plan, c, have,
				    &cur, err, errlen) != 0)
					goto err;
				counted = 256;
				res->distinct++;
				if (c->kind != CZ_CARD_TITLE || have != 0)
					continue;
				/* The poster's picture: kept for the second
				 * pass, away from the full-size encoder's
				 * peak; written now when there is none. */
				if (spool != NULL && cz_render_spool_keep(spool, &cur,
				    err, errlen) != 0)
					goto err;
				if (spool == NULL && poster != NULL &&
				    cz_render_poster_write(&cur, poster, err,
				    errlen) != 0)
					goto err;
			}
			if (sh.count != counted) {
				if (cz_render_card_count(fonts, job->plan, c, have,
				    sh.count, &cur, err, errlen) != 0)
					goto err;
				counted = sh.count;
			}
			changed = f == 0 || memcmp(&sh, &last, sizeof(sh)) != 0;
			if (changed) {
				cz_render_enc_planes(enc, data, ls);
				cz_render_canvas_shift(&cur, dx_px(sh.dx, p->width),
				    sh.alpha, bg, sh.fade, data, ls);
				if (sh.row >= 0 && sh.row < nrows)
					cz_render_canvas_layer(&cur, rows[sh.row].x,
					    rows[sh.row].y, rows[sh.row].w,
					    rows[sh.row].h, dx_px(sh.row_dx,
					    p->width), sh.row_alpha, bg, data, ls);
			}
			if (cz_render_enc_submit(enc, changed, err, errlen) != 0)
				goto err;
			if (spool != NULL) {
				struct cz_render_pics pics;

				cz_render_enc_scaled(enc, &pics);
				if (cz_render_spool_put(spool, &pics, changed, err,
				    errlen) != 0)
					goto err;
			}
			res->frames++;
			done++;
			last = sh;
		}
	}
	ret = 0;
err:
	cz_render_canvas_free(&cur);
	return ret;
}

/* The smaller renditions' frames from the spool into the ladder encoder,
 * pct0-pct1 % of the job (total frames in all). */
static int
run_spool(const struct cz_render_job *job, struct cz_render_spool *spool,
    struct cz_render_enc *enc, int total, int pct0, int pct1, char *err,
    size_t errlen)
{
	struct cz_render_pics pics;
	double last_progress = now_s();
	int rc, repeat, j, done = 0;

	if (cz_render_spool_rewind(spool, err, errlen) != 0)
		return -1;
	for (;;) {
		if (cz_render_enc_rungs(enc, &pics, err, errlen) != 0 ||
		    (rc = cz_render_spool_next(spool, &pics, &repeat, err,
		    errlen)) < 0)
			return -1;
		if (rc == 0)
			break;
		for (j = 0; j < repeat; j++, done++)
			if (tick(job, &last_progress, pct0, pct1, done, total,
			    err, errlen) != 0 ||
			    cz_render_enc_submit(enc, j == 0, err, errlen) != 0)
				return -1;
	}
	if (done != total) {
		snprintf(err, errlen, "the frame spool holds %d frames of %d",
		    done, total);
		return -1;
	}
	return 0;
}

/* The poster from the title card's picture kept in the spool. */
static int
poster_from_spool(const struct cz_render_preset *p,
    struct cz_render_spool *spool, const char *poster, char *err,
    size_t errlen)
{
	struct cz_render_canvas c = { 0 };
	int ret = -1;

	if (cz_render_canvas_init(&c, p->width, p->height) != 0) {
		snprintf(err, errlen, "out of memory for a %dx%d canvas",
		    p->width, p->height);
		return -1;
	}
	if (cz_render_spool_kept(spool, &c, err, errlen) == 0 &&
	    cz_render_poster_write(&c, poster, err, errlen) == 0)
		ret = 0;
	cz_render_canvas_free(&c);
	return ret;
}

const char *
cz_render_stage_name(enum cz_render_stage s)
{
	static const char *const names[] = { "composing", "encoding",
	    "packaging" };

	return (int)s >= 0 && (size_t)s < sizeof(names) / sizeof(names[0]) ?
	    names[s] : "composing";
}

/* Tells the job's progress callback, if any; nonzero (with err set) when
 * it asks to abandon the render. */
static int
report(const struct cz_render_job *job, enum cz_render_stage stage,
    int percent, char *err, size_t errlen)
{
	if (job->progress == NULL ||
	    job->progress(job->progress_arg, stage, percent) == 0)
		return 0;
	snprintf(err, errlen, "abandoned (lease lost)");
	return -1;
}

int
cz_render_run(const struct cz_render_job *job, struct cz_render_result *res,
    char *err, size_t errlen)
{
	const struct cz_render_preset *p = job->preset;
	struct cz_render_story story;
	struct cz_render_fonts fonts = { 0 };
	struct cz_render_enc *enc = NULL;
	struct cz_render_spool *spool = NULL;
	struct cz_render_variant v[CZ_RENDER_MAX_VARIANTS];
	struct cz_render_pics shape = { 0 };
	struct cz_audio_track track = { 0 };
	char tmp[4096], path[4200], poster[4200], *slash;
	int seconds = job->seconds > 0 ? job->seconds : p->seconds;
	int i, n, nr, made = 0, ret = -1, pages;
	double t0 = now_s(), t_stage = t0;

	memset(res, 0, sizeof(*res));
	if (!dest_free(job->out_dir, err, errlen))
		return -1;
	if (cz_render_fonts_open(&fonts, job->font_dir, err, errlen) != 0)
		return -1;
	/* The shopping list takes as many cards as it needs at this size. */
	if ((pages = cz_render_shop_pages(&fonts, job->plan, p->width,
	    p->height, err, errlen)) < 0)
		goto err;
	if (cz_render_story_build(job->plan, pages, p->fps, seconds,
	    &story) != 0) {
		snprintf(err, errlen, "%d s at %d fps is too short for %d days "
		    "and %d shopping cards", seconds, p->fps, job->plan->ndays,
		    pages);
		goto err;
	}
	cz_render_chapters_fill(&story, job->plan, &res->chapters);
	/* The temporary directory in tmp_dir (checked to be on the
	 * destination's file system), else beside the destination, so that
	 * the final rename stays on one file system. */
	if (job->tmp_dir != NULL) {
		if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.tmp-render-XXXXXX",
		    job->tmp_dir) >= sizeof(tmp)) {
			snprintf(err, errlen, "temporary directory name too long");
			goto err;
		}
	} else {
		if ((size_t)snprintf(tmp, sizeof(tmp), "%s", job->out_dir) >=
		    sizeof(tmp) - 32) {
			snprintf(err, errlen, "output directory name too long");
			goto err;
		}
		while ((slash = strrchr(tmp, '/')) != NULL && slash[1] == '\0' &&
		    slash != tmp)
			*slash = '\0';
		if ((slash = strrchr(tmp, '/')) != NULL)
			strcpy(slash + 1, ".tmp-render-XXXXXX");
		else
			strcpy(tmp, ".tmp-render-XXXXXX");
	}
	if (mkdtemp(tmp) == NULL) {
		snprintf(err, errlen, "cannot create a directory %s for %s: %s",
		    tmp, job->out_dir, strerror(errno));
		goto err;
	}
	made = 1;
	snprintf(path, sizeof(path), "%s/hls", tmp);
	if (!job->mp4_only && mkdir(path, 0755) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto err;
	}
	n = job->mp4_only ? 0 : cz_render_preset_ladder(p, v);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/hls/%s", tmp, v[i].name);
		if (mkdir(path, 0755) != 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto err;
		}
	}
	/* The full-size pass: the MP4 (and the top rendition, last in the
	 * ladder), the smaller renditions' frames into the spool; encoding
	 * is 5-90% of the job, the full-size pass about two thirds of that.
	 * The poster comes with the smaller renditions (if any), away from
	 * the full-size encoder's peak. */
	snprintf(poster, sizeof(poster), "%s/poster.jpg", tmp);
	/* The sound track, encoded once for every file, in its own thread
	 * while the pictures are made (the muxers wait for its packets). */
	res->audio_pattern = -1;
	if (!job->silent) {
		if (cz_audio_track_start(&track, cz_audio_pattern_for(job->plan),
		    seconds, err, errlen) != 0)
			goto err;
		res->audio_pattern = track.pattern;
		res->audio_lufs = track.loudness;
	}
	if ((enc = cz_render_enc_open(p, seconds, job->mp4_only ?
	    CZ_RENDER_PASS_MP4 : CZ_RENDER_PASS_TOP, job->silent ? NULL : &track,
	    tmp, err, errlen)) == NULL)
		goto err;
	if (n > 1) {
		cz_render_enc_scaled(enc, &shape);
		if ((spool = cz_render_spool_open(tmp, &shape, err, errlen)) == NULL)
			goto err;
	}
	res->stage_seconds[CZ_RENDER_COMPOSING] = now_s() - t0;
	t_stage = now_s();
	if (report(job, CZ_RENDER_ENCODING, 5, err, errlen) != 0 ||
	    run_frames(job, &story, &fonts, enc, spool, n == 1 ? poster : NULL,
	    5, n > 1 ? 60 : 90, res, err, errlen) != 0)
		goto err;
	if ((nr = cz_render_enc_finish(enc, &res->renditions[n > 0 ? n - 1 : 0],
	    err, errlen)) < 0)
		goto err;
	cz_render_enc_close(enc);
	enc = NULL;
	res->nrenditions = nr;
	/* The poster and the smaller renditions, from the spool, once the
	 * full-size encoder's memory is given back. */
	if (n > 1) {
		malloc_trim(0);
		if (poster_from_spool(p, spool, poster, err, errlen) != 0 ||
		    (enc = cz_render_enc_open(p, seconds, CZ_RENDER_PASS_LADDER,
		    job->silent ? NULL : &track, tmp, err, errlen)) == NULL ||
		    run_spool(job, spool, enc, res->frames, 60, 90, err,
		    errlen) != 0 ||
		    (nr = cz_render_enc_finish(enc, res->renditions, err,
		    errlen)) < 0)
			goto err;
		cz_render_enc_close(enc);
		enc = NULL;
		res->nrenditions += nr;
		res->spool_bytes = cz_render_spool_size(spool);
		cz_render_spool_close(spool);
		spool = NULL;
	}
	res->stage_seconds[CZ_RENDER_ENCODING] = now_s() - t_stage;
	t_stage = now_s();
	if (report(job, CZ_RENDER_PACKAGING, 90, err, errlen) != 0)
		goto err;
	if (n > 0 && cz_render_hls_master(tmp, p->fps, res->renditions,
	    res->nrenditions, err, errlen) != 0)
		goto err;
	snprintf(path, sizeof(path), "%s/video.mp4", tmp);
	if (cz_render_probe(path, &res->mp4, err, errlen) != 0)
		goto err;
	if (!job->mp4_only && cz_render_probe(poster, &res->poster, err, errlen) != 0)
		goto err;
	/* The publish kit's thumbnail, drawn now that the encoders' memory
	 * is given back. */
	snprintf(path, sizeof(path), "%s/%s", tmp, CZ_RENDER_THUMBNAIL_FILE);
	if (!job->mp4_only && (cz_render_thumbnail_write(&fonts, job->plan, p,
	    path, err, errlen) != 0 ||
	    cz_render_probe(path, &res->thumbnail, err, errlen) != 0))
		goto err;
	/* The directories were made 0700 by mkdtemp: readable by the web
	 * server like any file written here. */
	if (chmod(tmp, 0755) != 0 || rename(tmp, job->out_dir) != 0) {
		snprintf(err, errlen, "cannot move the video into %s: %s",
		    job->out_dir, strerror(errno));
		goto err;
	}
	made = 0;
	res->stage_seconds[CZ_RENDER_PACKAGING] = now_s() - t_stage;
	res->seconds_wall = now_s() - t0;
	ret = 0;
err:
	cz_render_enc_close(enc);
	cz_render_spool_close(spool);
	cz_audio_track_free(&track);
	cz_render_fonts_close(&fonts);
	if (made)
		(void)cz_render_rmtree(tmp);
	return ret;
}

int
cz_render_tmp_dir_ready(const char *video_dir, const char *tmp_dir, char *err,
    size_t errlen)
{
	char rv[PATH_MAX], rt[PATH_MAX];
	struct stat sv, st;
	size_t n;

	if (mkdir(tmp_dir, 02700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot make the render directory %s: %s",
		    tmp_dir, strerror(errno));
		return -1;
	}
	if (stat(video_dir, &sv) != 0 || !S_ISDIR(sv.st_mode)) {
		snprintf(err, errlen, "video_dir %s is not a directory", video_dir);
		return -1;
	}
	if (stat(tmp_dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    access(tmp_dir, W_OK | X_OK) != 0) {
		snprintf(err, errlen, "the render directory %s is not a writable "
		    "directory", tmp_dir);
		return -1;
	}
	if (sv.st_dev != st.st_dev) {
		snprintf(err, errlen, "the render directory %s is not on the file "
		    "system of video_dir %s (a finished video is renamed into "
		    "place, which only one file system makes atomic)", tmp_dir,
		    video_dir);
		return -1;
	}
	if (realpath(video_dir, rv) == NULL || realpath(tmp_dir, rt) == NULL) {
		snprintf(err, errlen, "cannot resolve %s or %s: %s", video_dir,
		    tmp_dir, strerror(errno));
		return -1;
	}
	n = strlen(rv);
	if (strncmp(rt, rv, n) == 0 && (rt[n] == '\0' || rt[n] == '/' ||
	    (n == 1 && rv[0] == '/'))) {
		snprintf(err, errlen, "the render directory %s is in video_dir %s, "
		    "which nginx serves", tmp_dir, video_dir);
		return -1;
	}
	return 0;
}

static json_object *
meta_json(const struct cz_render_meta *m, const char *file)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "file", json_object_new_string(file));
	json_object_object_add(o, "codec", json_object_new_string(m->codec));
	json_object_object_add(o, "width", json_object_new_int(m->width));
	json_object_object_add(o, "height", json_object_new_int(m->height));
	json_object_object_add(o, "size", json_object_new_int64(m->size));
	return o;
}

struct json_object *
cz_render_result_json(const char *preset, const char *out,
    const struct cz_render_result *r)
{
	json_object *o = json_object_new_object(), *v, *a;
	int i;

	json_object_object_add(o, "preset", json_object_new_string(preset));
	json_object_object_add(o, "out", json_object_new_string(out));
	v = meta_json(&r->mp4, "video.mp4");
	json_object_object_add(v, "duration", json_object_new_double(r->mp4.duration));
	json_object_object_add(v, "fps", json_object_new_double(r->mp4.fps));
	json_object_object_add(v, "frames", json_object_new_int64(r->mp4.frames));
	json_object_object_add(o, "video", v);
	/* The sound track, or null for a silent video. */
	v = NULL;
	if (r->mp4.audio_codec[0] != '\0') {
		v = json_object_new_object();
		json_object_object_add(v, "codec",
		    json_object_new_string(r->mp4.audio_codec));
		json_object_object_add(v, "duration",
		    json_object_new_double(r->mp4.audio_duration));
		json_object_object_add(v, "sample_rate",
		    json_object_new_int(r->mp4.sample_rate));
		json_object_object_add(v, "channels",
		    json_object_new_int(r->mp4.channels));
		/* Known when this run made it (not when read back). */
		if (cz_audio_pattern_name(r->audio_pattern) != NULL) {
			json_object_object_add(v, "loudness_lufs",
			    json_object_new_double(r->audio_lufs));
			json_object_object_add(v, "music", json_object_new_string(
			    cz_audio_pattern_name(r->audio_pattern)));
		}
	}
	json_object_object_add(o, "audio", v);
	a = json_object_new_array();
	for (i = 0; i < r->nrenditions; i++) {
		const struct cz_render_rendition *x = &r->renditions[i];

		v = json_object_new_object();
		json_object_object_add(v, "name", json_object_new_string(x->v.name));
		json_object_object_add(v, "width", json_object_new_int(x->v.width));
		json_object_object_add(v, "height", json_object_new_int(x->v.height));
		json_object_object_add(v, "bandwidth", json_object_new_int64(x->bandwidth));
		json_object_object_add(v, "segments", json_object_new_int(x->segments));
		json_object_array_add(a, v);
	}
	v = json_object_new_object();
	json_object_object_add(v, "master", json_object_new_string("hls/master.m3u8"));
	json_object_object_add(v, "variants", a);
	json_object_object_add(o, "hls", v);
	json_object_object_add(o, "poster", meta_json(&r->poster, "poster.jpg"));
	/* The publish kit's parts, when this run made them. */
	if (r->thumbnail.width > 0)
		json_object_object_add(o, "thumbnail", meta_json(&r->thumbnail,
		    CZ_RENDER_THUMBNAIL_FILE));
	if (r->chapters.n > 0)
		json_object_object_add(o, "chapters",
		    cz_render_chapters_json(&r->chapters));
	/* The stages this run went through, in order, with their times (none
	 * when the files were only read back). */
	if (r->seconds_wall > 0) {
		a = json_object_new_array();
		for (i = 0; i < 3; i++) {
			v = json_object_new_object();
			json_object_object_add(v, "name", json_object_new_string(
			    cz_render_stage_name((enum cz_render_stage)i)));
			json_object_object_add(v, "seconds",
			    json_object_new_double(r->stage_seconds[i]));
			json_object_array_add(a, v);
		}
		json_object_object_add(o, "stages", a);
	}
	json_object_object_add(o, "frames_composed", json_object_new_int(r->distinct));
	json_object_object_add(o, "spool_bytes", json_object_new_int64(r->spool_bytes));
	json_object_object_add(o, "elapsed_s", json_object_new_double(r->seconds_wall));
	return o;
}
