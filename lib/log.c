/*
 * log.c - JSON-lines logging on stderr. Lines are built with the JSON
 * writer (jsonw.c), which escapes every string, in one buffer per process,
 * and written with one write(2) so lines from several worker processes
 * sharing stderr never interleave. A request's line costs a few thousand
 * instructions: it is written for every request.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "jsonw.h"
#include "log.h"

/* A line is at most this long (the message and path are bounded well
 * below it); a longer one is replaced by a short error line. */
#define LINE_MAX_BYTES	8192

static char			 program[64] = "cibozer";
static enum cz_log_level	 min_level = CZ_LOG_INFO;
static cz_buf			 line;

void
cz_log_init(const char *name, enum cz_log_level min)
{
	snprintf(program, sizeof(program), "%s", name);
	min_level = min;
}

/* The time as 2026-12-01T10:11:12.345Z (out: 80 bytes, room for any
 * year); gmtime_r and the date are redone only when the second changes. */
static void
format_time(char out[80])
{
	static time_t last = (time_t)-1;
	static char prefix[64];		/* up to the seconds */
	struct timespec ts;
	struct tm tm;
	size_t n;
	long ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (ts.tv_sec != last) {
		gmtime_r(&ts.tv_sec, &tm);
		snprintf(prefix, sizeof(prefix), "%04d-%02d-%02dT%02d:%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
		last = ts.tv_sec;
	}
	ms = ts.tv_nsec / 1000000;
	n = strlen(prefix);
	memcpy(out, prefix, n);
	out[n++] = '.';
	out[n++] = (char)('0' + ms / 100);
	out[n++] = (char)('0' + ms / 10 % 10);
	out[n++] = (char)('0' + ms % 10);
	out[n++] = 'Z';
	out[n] = '\0';
}

static void
line_begin(struct cz_jw *w, enum cz_log_level level)
{
	char t[80];

	if (line.max == 0)
		cz_buf_init(&line, LINE_MAX_BYTES);
	cz_buf_reset(&line);
	cz_jw_init(w, &line);
	cz_jw_object(w, NULL);
	format_time(t);
	cz_jw_string(w, "time", t);
	cz_jw_string(w, "level", cz_log_level_name(level));
	cz_jw_string(w, "program", program);
	cz_jw_int(w, "pid", (long long)getpid());
}

static void
line_write(struct cz_jw *w, enum cz_log_level level)
{
	cz_jw_end(w);
	if (cz_jw_finish(w) == -1 || cz_buf_putc(&line, '\n') == -1) {
		/* One bounded line, never a split or invalid one. */
		line_begin(w, level);
		cz_jw_string(w, "msg", "(log line too long)");
		cz_jw_end(w);
		if (cz_jw_finish(w) == -1 || cz_buf_putc(&line, '\n') == -1)
			return;
	}
	if (write(STDERR_FILENO, line.data, line.len) < 0) {
		/* Nowhere left to report to. */
	}
}

void
cz_log_redact(char *dst, size_t dstlen, const char *src)
{
	size_t i = 0, j, start, at;

	if (dstlen == 0)
		return;
	while (*src != '\0' && i + 1 < dstlen) {
		/* Find a word around an '@' and mask it whole. */
		if (*src == '@' && i > 0) {
			start = i;
			while (start > 0 && !isspace((unsigned char)dst[start - 1])
			    && dst[start - 1] != '"' && dst[start - 1] != '\'')
				start--;
			at = 1;
			while (src[at] != '\0' && !isspace((unsigned char)src[at])
			    && src[at] != '"' && src[at] != '\'')
				at++;
			i = start;
			for (j = 0; "[email]"[j] != '\0' && i + 1 < dstlen; j++)
				dst[i++] = "[email]"[j];
			src += at;
			continue;
		}
		dst[i++] = *src++;
	}
	dst[i] = '\0';
}

void
cz_log(enum cz_log_level level, const char *fmt, ...)
{
	struct cz_jw w;
	char msg[2048], clean[2048];
	va_list ap;

	if (level < min_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cz_log_redact(clean, sizeof(clean), msg);
	line_begin(&w, level);
	cz_jw_string(&w, "msg", clean);
	line_write(&w, level);
}

void
cz_log_request(const struct cz_log_request *r)
{
	enum cz_log_level level;
	struct cz_jw w;
	char clean[2048];

	level = r->status >= 500 ? CZ_LOG_ERROR :
	    r->status >= 400 ? CZ_LOG_WARN : CZ_LOG_INFO;
	if (level < min_level)
		return;
	line_begin(&w, level);
	cz_jw_string(&w, "request_id", r->request_id ? r->request_id : "");
	cz_jw_string(&w, "method", r->method ? r->method : "");
	cz_log_redact(clean, sizeof(clean), r->path ? r->path : "");
	cz_jw_string(&w, "path", clean);
	if (r->route != NULL)
		cz_jw_string(&w, "route", r->route);
	cz_jw_int(&w, "status", r->status);
	cz_jw_number(&w, "duration_ms", r->duration_ms, 3);
	if (r->message != NULL) {
		cz_log_redact(clean, sizeof(clean), r->message);
		cz_jw_string(&w, "msg", clean);
	}
	line_write(&w, level);
}
