/*
 * main.c - cibozer-render. One-shot mode renders one plan with one preset
 * into an output directory and prints the result's metadata as one JSON
 * line on stdout. Queue mode (--queue, what the systemd timer starts)
 * renders the ready jobs of the video_jobs table into video_dir/<id>
 * until none is left, and mails each finished job's owner (templates from
 * template_dir, links to base_url/videos/<id>). Messages go to stderr; exit status 0 on success, 1
 * when the render (or the database) failed (nothing is left behind), 2 on
 * a usage error.
 *
 *   cibozer-render --plan PLAN.json --preset NAME --out DIR
 *                  [--font-dir DIR] [--seconds N] [--repeat N] [--mp4-only]
 *                  [--silent] [--tmp-dir DIR] [--day N]
 *   cibozer-render --queue [--config FILE] [--max-jobs N] [--lease S]
 *   cibozer-render --layout-check [--config FILE] [--plans N] [--frame WxH]
 *   cibozer-render --list-presets
 *
 * --layout-check plans a sample of requests in-process (layout_sample.h)
 * and lays out every card of each; it prints the counts and exits 1 when
 * any text overflows, is cut or is set under its smallest size.
 */
#include "config.h"

#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <json-c/json.h>
#include <libavutil/log.h>

#include "cards.h"
#include "db.h"
#include "layout_sample.h"
#include "mustache.h"
#include "numparse.h"
#include "plan.h"
#include "preset.h"
#include "queue.h"
#include "render.h"
#include "settings.h"

#ifndef CZ_RENDER_FONT_DIR
#define CZ_RENDER_FONT_DIR	"/usr/share/fonts/truetype/dejavu"
#endif

#define PROG	"cibozer-render"

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	stop = sig;
}

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: " PROG " --plan PLAN.json --preset NAME --out DIR\n"
	    "                      [--font-dir DIR] [--seconds N] [--repeat N]\n"
	    "                      [--mp4-only] [--silent] [--tmp-dir DIR] "
	    "[--day N]\n"
	    "       " PROG " --queue [--config FILE] [--max-jobs N] [--lease S]\n"
	    "       " PROG " --layout-check [--config FILE] [--plans N] "
	    "[--frame WxH]\n"
	    "       " PROG " --list-presets\n"
	    "  --font-dir  DejaVu fonts (default $CZ_RENDER_FONT_DIR or "
	    CZ_RENDER_FONT_DIR ")\n"
	    "  --seconds   render only the first N seconds' worth (tests)\n"
	    "  --repeat    render N times in this process, removing the output\n"
	    "              between runs (memory checks); prints one line each\n"
	    "  --mp4-only  no HLS and no poster (benchmarks)\n"
	    "  --silent    no sound track (else a music bed, AAC)\n"
	    "  --day       one day's clip (day N of the plan, 15-20 s by\n"
	    "              preset) instead of the whole week\n"
	    "  --tmp-dir   write the render in progress in DIR (on the file\n"
	    "              system of the output's parent, not inside it), as\n"
	    "              --queue does in render_tmp_dir; default: beside it\n"
	    "  --queue     render the ready jobs of the video_jobs table into\n"
	    "              the configuration's video_dir, then exit\n"
	    "  --lease     seconds a claimed job is held (default 120), renewed\n"
	    "              every third of it while rendering\n"
	    "  --layout-check  plan N requests (default 300) with the\n"
	    "              database's catalog and lay out every card of each in\n"
	    "              every preset (or one frame size); exit 1 on a text\n"
	    "              that does not fit\n");
}

/* Resident set size now, in KiB (from /proc), or -1. */
static long
rss_kb(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	long pages, rss;

	if (fp == NULL)
		return -1;
	if (fscanf(fp, "%ld %ld", &pages, &rss) != 2)
		rss = -1;
	fclose(fp);
	return rss < 0 ? -1 : rss * (sysconf(_SC_PAGESIZE) / 1024);
}

static void
print_result(const char *preset, const char *out, const struct cz_render_result *r,
    int run)
{
	json_object *o = cz_render_result_json(preset, out, r);
	struct rusage ru;

	if (run > 0)
		json_object_object_add(o, "run", json_object_new_int(run));
	json_object_object_add(o, "rss_kb", json_object_new_int64(rss_kb()));
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		json_object_object_add(o, "max_rss_kb", json_object_new_int64(ru.ru_maxrss));
	printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	fflush(stdout);
	json_object_put(o);
}

/* --queue: jobs from the database until none is ready. */
static int
queue_mode(const char *config, const char *font_dir, int seconds,
    int max_jobs, int lease)
{
	static struct cz_settings set;
	struct cz_render_queue_opts o;
	struct cz_render_queue_stats st;
	const char *path;
	char err[1024] = "", worker[300], host[256], tmp_dir[CZ_SETTING_STR_MAX + 8];
	mst_set *templates;
	PGconn *conn;
	int required, rc;

	cz_settings_defaults(&set);
	path = cz_settings_path(config, &required);
	if (cz_settings_load(&set, path, required, err, sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s\n", err);
		return 1;
	}
	/* Renders in progress go outside the served directory, on its file
	 * system: checked before any job is taken. */
	if (cz_settings_render_tmp_dir(&set, tmp_dir, sizeof(tmp_dir)) != 0 ||
	    cz_render_tmp_dir_ready(set.video_dir, tmp_dir, err,
	    sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s\n", err[0] != '\0' ? err :
		    "render_tmp_dir: name too long");
		return 1;
	}
	/* The owners' mails: a renderer that cannot write them must not
	 * finish jobs silently, so missing templates stop it here. */
	if ((templates = mst_set_new()) == NULL ||
	    mst_set_load_dir(templates, set.template_dir, err, sizeof(err)) < 0 ||
	    !mst_set_has(templates, "email/video_ready") ||
	    !mst_set_has(templates, "email/video_failed")) {
		fprintf(stderr, PROG ": templates in %s: %s\n", set.template_dir,
		    templates == NULL ? "out of memory" : err[0] != '\0' ? err :
		    "no email/video_ready or email/video_failed");
		mst_set_free(templates);
		return 1;
	}
	/* The renderer's own role (sql/018), else the one of database_url. */
	if ((conn = cz_db_connect_once(set.render_database_url[0] != '\0' ?
	    set.render_database_url : set.database_url, (int)set.db_connect_timeout,
	    (int)set.db_statement_timeout, err, sizeof(err))) == NULL) {
		fprintf(stderr, PROG ": cannot connect to the database: %s\n", err);
		mst_set_free(templates);
		return 1;
	}
	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(worker, sizeof(worker), "%s:%ld", host, (long)getpid());
	memset(&o, 0, sizeof(o));
	o.worker = worker;
	o.lease_s = lease;
	o.max_jobs = max_jobs;
	o.seconds = seconds;
	o.video_dir = set.video_dir;
	o.tmp_dir = tmp_dir;
	o.font_dir = font_dir;
	o.stop = &stop;
	o.mail_templates = templates;
	o.settings = &set;
	rc = cz_render_queue_run(conn, &o, &st, err, sizeof(err));
	PQfinish(conn);
	mst_set_free(templates);
	if (rc != 0) {
		fprintf(stderr, PROG ": %s\n", err);
		return 1;
	}
	printf("{\"jobs_done\":%d,\"jobs_failed\":%d}\n", st.done, st.failed);
	return 0;
}

/* --layout-check: the layout over a sample of planned plans. */
static int
layout_mode(const char *config, const char *font_dir, int plans, int w,
    int h)
{
	static struct cz_settings set;
	struct cz_render_sample_opts o;
	struct cz_render_sample_stats st;
	struct cz_render_fonts fonts;
	const struct cz_render_layout_stats *l = &st.layout;
	const char *path;
	char err[1024] = "";
	PGconn *conn;
	int required, rc;

	cz_settings_defaults(&set);
	path = cz_settings_path(config, &required);
	if (cz_settings_load(&set, path, required, err, sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s\n", err);
		return 1;
	}
	/* The catalog is read with the service's own role. */
	if ((conn = cz_db_connect_once(set.database_url,
	    (int)set.db_connect_timeout, 0, err, sizeof(err))) == NULL) {
		fprintf(stderr, PROG ": cannot connect to the database: %s\n", err);
		return 1;
	}
	if (cz_render_fonts_open(&fonts, font_dir, err, sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s\n", err);
		PQfinish(conn);
		return 1;
	}
	memset(&o, 0, sizeof(o));
	o.plans = plans;
	o.width = w;
	o.height = h;
	rc = cz_render_layout_sample(conn, &fonts, &o, &st, err, sizeof(err));
	cz_render_fonts_close(&fonts);
	PQfinish(conn);
	if (rc != 0) {
		fprintf(stderr, PROG ": layout check: %s\n", err);
		return 1;
	}
	printf("layout-check: %d requests, %d plans feasible, %d layouts "
	    "(%s, each plan also with every dish named as the longest dish), "
	    "%ld cards, %ld texts, %ld lines; up to %d shopping cards; "
	    "smallest sizes in px (thousandths of the short side): small %d "
	    "(%d), body %d (%d), shopping %d (%d), titles %d (%d); %ld "
	    "failures\n", st.requested, st.feasible, st.layouts,
	    w > 0 ? "one frame size" : "every preset", l->cards, l->texts,
	    l->lines, l->max_shop_pages, l->min_px[CZ_TEXT_SMALL],
	    l->min_pm[CZ_TEXT_SMALL], l->min_px[CZ_TEXT_BODY],
	    l->min_pm[CZ_TEXT_BODY], l->min_px[CZ_TEXT_SHOP],
	    l->min_pm[CZ_TEXT_SHOP], l->min_px[CZ_TEXT_HEAD],
	    l->min_pm[CZ_TEXT_HEAD], l->failures);
	if (l->failures > 0) {
		fprintf(stderr, PROG ": layout check: %ld failures; the first: "
		    "%s\n%s", l->failures, l->first, l->others);
		return 1;
	}
	if (st.feasible == 0) {
		fprintf(stderr, PROG ": layout check: no feasible plan\n");
		return 1;
	}
	return 0;
}

/* *out = the number arg of option name, from lo to hi; -1 with a message
 * on standard error when it is not one. */
static int
opt_num(const char *name, const char *arg, long long lo, long long hi,
    int *out)
{
	const char *errstr;
	long long v = cz_strtonum(arg, lo, hi, &errstr);

	if (errstr != NULL) {
		fprintf(stderr, PROG ": %s %s: %s\n", name, arg, errstr);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "preset", required_argument, NULL, 's' },
		{ "out", required_argument, NULL, 'o' },
		{ "font-dir", required_argument, NULL, 'f' },
		{ "seconds", required_argument, NULL, 'n' },
		{ "repeat", required_argument, NULL, 'r' },
		{ "mp4-only", no_argument, NULL, 'm' },
		{ "silent", no_argument, NULL, 'S' },
		{ "queue", no_argument, NULL, 'q' },
		{ "config", required_argument, NULL, 'c' },
		{ "max-jobs", required_argument, NULL, 'j' },
		{ "lease", required_argument, NULL, 'L' },
		{ "list-presets", no_argument, NULL, 'l' },
		{ "layout-check", no_argument, NULL, 'K' },
		{ "tmp-dir", required_argument, NULL, 'T' },
		{ "plans", required_argument, NULL, 'P' },
		{ "frame", required_argument, NULL, 'F' },
		{ "day", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct cz_render_plan plan;
	const char *plan_path = NULL, *preset_name = NULL, *out = NULL, *config = NULL;
	const char *font_dir = getenv("CZ_RENDER_FONT_DIR");
	const char *tmp_dir = NULL;
	char parent[4096], *slash;
	const struct cz_render_preset *preset;
	struct cz_render_job job;
	struct cz_render_result res;
	struct sigaction sa;
	char err[1024];
	int ch, seconds = 0, repeat = 1, mp4_only = 0, queue = 0, silent = 0, i;
	int max_jobs = 0, lease = 120, layout = 0, plans = 300, fw = 0, fh = 0;
	int day = 0;

	if (font_dir == NULL || font_dir[0] == '\0')
		font_dir = CZ_RENDER_FONT_DIR;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': plan_path = optarg; break;
		case 's': preset_name = optarg; break;
		case 'o': out = optarg; break;
		case 'f': font_dir = optarg; break;
		case 'n':
			if (opt_num("--seconds", optarg, 1, 3600, &seconds) == -1)
				return 2;
			break;
		case 'r':
			if (opt_num("--repeat", optarg, 1, 100000, &repeat) == -1)
				return 2;
			break;
		case 'm':
			mp4_only = 1;
			break;
		case 'S':
			silent = 1;
			break;
		case 'q':
			queue = 1;
			break;
		case 'c':
			config = optarg;
			break;
		case 'j':
			if (opt_num("--max-jobs", optarg, 1, 1000000, &max_jobs) == -1)
				return 2;
			break;
		case 'L':
			if (opt_num("--lease", optarg, 3, 86400, &lease) == -1)
				return 2;
			break;
		case 'K':
			layout = 1;
			break;
		case 'T':
			tmp_dir = optarg;
			break;
		case 'P':
			if (opt_num("--plans", optarg, 1, 100000, &plans) == -1)
				return 2;
			break;
		case 'D':
			if (opt_num("--day", optarg, 1, CZ_PLAN_MAX_DAYS, &day) == -1)
				return 2;
			break;
		case 'F': {
			char extra;

			if (sscanf(optarg, "%dx%d%c", &fw, &fh, &extra) != 2 ||
			    fw < 16 || fh < 16 || fw > 8192 || fh > 8192) {
				fprintf(stderr, PROG ": --frame %s: not WxH (16 to "
				    "8192 each)\n", optarg);
				return 2;
			}
			break;
		}
		case 'l':
			for (i = 0; (preset = cz_render_preset_at(i)) != NULL; i++)
				printf("%s %dx%d %d fps %d s %d kb/s\n", preset->name,
				    preset->width, preset->height, preset->fps,
				    preset->seconds, preset->kbps);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (layout) {
		if (optind != argc || queue || plan_path != NULL || day != 0 ||
		    preset_name != NULL || out != NULL) {
			usage(stderr);
			return 2;
		}
		return layout_mode(config, font_dir, plans, fw, fh);
	}
	if (queue) {
		if (optind != argc || plan_path != NULL || preset_name != NULL ||
		    out != NULL || day != 0) {
			usage(stderr);
			return 2;
		}
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		av_log_set_level(AV_LOG_ERROR);
		return queue_mode(config, font_dir, seconds, max_jobs, lease);
	}
	if (optind != argc || plan_path == NULL || preset_name == NULL ||
	    out == NULL || out[0] == '\0') {
		usage(stderr);
		return 2;
	}
	if ((preset = cz_render_preset_find(preset_name)) == NULL) {
		fprintf(stderr, PROG ": unknown preset \"%s\" (--list-presets "
		    "lists them)\n", preset_name);
		return 2;
	}
	if (seconds > (day > 0 ? cz_render_day_seconds(preset) :
	    preset->seconds)) {
		fprintf(stderr, PROG ": --seconds %d is longer than the %s preset's"
		    " %s (%d s)\n", seconds, preset->name, day > 0 ? "day clip" :
		    "video", day > 0 ? cz_render_day_seconds(preset) :
		    preset->seconds);
		return 2;
	}
	if (tmp_dir != NULL) {
		/* The output's parent, which the render is renamed into. */
		snprintf(parent, sizeof(parent), "%s", out);
		while ((slash = strrchr(parent, '/')) != NULL && slash[1] == '\0' &&
		    slash != parent)
			*slash = '\0';
		if ((slash = strrchr(parent, '/')) == NULL)
			snprintf(parent, sizeof(parent), ".");
		else if (slash == parent)
			parent[1] = '\0';
		else
			*slash = '\0';
		if (cz_render_tmp_dir_ready(parent, tmp_dir, err,
		    sizeof(err)) != 0) {
			fprintf(stderr, PROG ": --tmp-dir: %s\n", err);
			return 1;
		}
	}
	if (cz_render_plan_load_day(plan_path, day, &plan, err,
	    sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s\n", err);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	av_log_set_level(AV_LOG_ERROR);

	memset(&job, 0, sizeof(job));
	job.plan = &plan;
	job.preset = preset;
	job.seconds = seconds > 0 ? seconds : day > 0 ?
	    cz_render_day_seconds(preset) : 0;
	job.out_dir = out;
	job.font_dir = font_dir;
	job.stop = &stop;
	job.mp4_only = mp4_only;
	job.silent = silent;
	job.tmp_dir = tmp_dir;
	for (i = 0; i < repeat; i++) {
		if (i > 0 && cz_render_rmtree(out) != 0) {
			fprintf(stderr, PROG ": cannot remove %s between runs\n", out);
			return 1;
		}
		if (cz_render_run(&job, &res, err, sizeof(err)) != 0) {
			fprintf(stderr, PROG ": %s: %s\n", preset->name, err);
			return 1;
		}
		/* Give the freed memory of this job's encoder threads back
		 * (glibc keeps it in per-thread arenas otherwise), so a process
		 * that renders job after job stays at one job's size. */
		malloc_trim(0);
		print_result(preset->name, out, &res, repeat > 1 ? i + 1 : 0);
	}
	return 0;
}
