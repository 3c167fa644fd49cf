/*
 * handlers_video_files.c - the files of a finished video to its owner:
 * the MP4 (as a download with ?download), the poster, and the HLS master
 * playlist, variant playlists and segments. Which file a route names is
 * the video service's rule (cz_video_file), so no path from the request
 * reaches the file system; who may have it is videos_gate.c's.
 *
 * Behind nginx the answer is an X-Accel-Redirect to the internal
 * /_protected_videos/ location, where nginx serves the file with ranges;
 * in CGI mode the responder streams it itself, one byte range at most.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "handlers.h"
#include "range.h"
#include "response.h"
#include "videos.h"
#include "videos_gate.h"

static long long
param_id(struct cz_request *r, const char *name)
{
	const struct cz_path_param *p = cz_route_param(&r->match, name);

	return p != NULL ? p->num : 0;
}

/* Streams video_dir/f->rel itself (CGI mode), honouring one byte range.
 * Returns CZ_DONE, or 404 (the file is gone) or 416. */
static int
stream_file(struct cz_request *r, const struct cz_video_file *f)
{
	char path[CZ_SETTING_STR_MAX + 128];
	unsigned long long start = 0, len = 0, size;
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", r->app->settings.video_dir,
	    f->rel);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		r->error_message = "the video's files are gone (expired?)";
		return 404;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 404;
	}
	size = (unsigned long long)st.st_size;
	cz_resp_header(r, "Accept-Ranges", "bytes");
	switch (cz_range_parse(cz_req_env(r, "HTTP_RANGE"), size, &start,
	    &len)) {
	case CZ_RANGE_UNSATISFIABLE:
		close(fd);
		cz_resp_header(r, "Content-Range", "bytes */%llu", size);
		r->error_message = "the requested range is outside the file";
		return 416;
	case CZ_RANGE_OK:
		cz_resp_header(r, "Content-Range", "bytes %llu-%llu/%llu", start,
		    start + len - 1, size);
		r->status = 206;
		break;
	default:
		start = 0;
		len = size;
		r->status = 200;
		break;
	}
	cz_buf_reset(r->body_out);
	r->has_file = 1;
	r->file_fd = fd;
	r->file_off = start;
	r->file_len = len;
	r->content_type_out = f->content_type;
	return CZ_DONE;
}

/* Serves file name of the route's video (see cz_video_file) to its owner. */
static int
serve(struct cz_request *r, const char *name)
{
	struct cz_video_file f;
	struct cz_video j;
	long long id = param_id(r, "id");
	int rc;

	if (cz_video_file(r->arena, id, name, &f) == -1)
		return cz_video_gate_not_found(r, id);
	if ((rc = cz_video_gate(r, id, &j)) != CZ_NEXT)
		return rc;
	if (strcmp(j.status, "done") != 0)
		return cz_video_gate_not_found(r, id);
	if (strcmp(f.content_type, "video/mp4") == 0 &&
	    cz_params_get(&r->query_params, "download") != NULL)
		cz_resp_header(r, "Content-Disposition", "attachment; "
		    "filename=\"cibozer-plan-%lld-%s.mp4\"", j.plan_id,
		    j.platform);
	if (r->app->cgi)
		return stream_file(r, &f);
	/* nginx serves it from the internal location, with ranges. */
	cz_resp_header(r, "X-Accel-Redirect", "/_protected_videos/%s", f.rel);
	r->status = 200;
	r->content_type_out = f.content_type;
	cz_buf_reset(r->body_out);
	return CZ_DONE;
}

/* GET /videos/{id}/{file}: video.mp4 (an attachment with ?download) or
 * poster.jpg or thumbnail.jpg (the publish kit's) of a finished video to
 * its owner; 404 for any other file. */
int
cz_h_video_file(struct cz_request *r)
{
	const struct cz_path_param *f = cz_route_param(&r->match, "file");

	if (f == NULL)
		return cz_video_gate_not_found(r, param_id(r, "id"));
	return serve(r, f->value);
}

/* GET /videos/{id}/hls/master.m3u8: the HLS master playlist. */
int
cz_h_video_hls_master(struct cz_request *r)
{
	return serve(r, "hls/master.m3u8");
}

/* GET /videos/{id}/hls/{variant}/{file}: a variant's playlist
 * (index.m3u8) or segment (segNNN.ts); 404 for anything else. */
int
cz_h_video_hls_file(struct cz_request *r)
{
	const struct cz_path_param *v = cz_route_param(&r->match, "variant");
	const struct cz_path_param *f = cz_route_param(&r->match, "file");

	if (v == NULL || f == NULL)
		return cz_video_gate_not_found(r, param_id(r, "id"));
	return serve(r, cz_arena_printf(r->arena, "hls/%s/%s", v->value,
	    f->value));
}
