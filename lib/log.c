/*
 * log.c - JSON-lines logging on stderr. Lines are built with json-c so every
 * string is escaped correctly, and written with one write(2) so lines from
 * several worker processes sharing stderr never interleave.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "log.h"

static char			 program[64] = "cibozer";
static enum cz_log_level	 min_level = CZ_LOG_INFO;

void
cz_log_init(const char *name, enum cz_log_level min)
{
	snprintf(program, sizeof(program), "%s", name);
	min_level = min;
}

static void
add_time(struct json_object *o)
{
	struct timespec ts;
	struct tm tm;
	char buf[64];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
	json_object_object_add(o, "time", json_object_new_string(buf));
}

static struct json_object *
line_new(enum cz_log_level level)
{
	struct json_object *o;

	o = json_object_new_object();
	add_time(o);
	json_object_object_add(o, "level",
	    json_object_new_string(cz_log_level_name(level)));
	json_object_object_add(o, "program", json_object_new_string(program));
	json_object_object_add(o, "pid", json_object_new_int((int)getpid()));
	return o;
}

static void
line_write(struct json_object *o)
{
	const char *s;
	char buf[8192];
	size_t n;

	s = json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	n = strlen(s);
	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;	/* one bounded line, never a split one */
	memcpy(buf, s, n);
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, n) < 0) {
		/* Nowhere left to report to. */
	}
	json_object_put(o);
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
	struct json_object *o;
	char msg[2048], clean[2048];
	va_list ap;

	if (level < min_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cz_log_redact(clean, sizeof(clean), msg);
	o = line_new(level);
	json_object_object_add(o, "msg", json_object_new_string(clean));
	line_write(o);
}

void
cz_log_request(const struct cz_log_request *r)
{
	enum cz_log_level level;
	struct json_object *o;
	char clean[2048];

	level = r->status >= 500 ? CZ_LOG_ERROR :
	    r->status >= 400 ? CZ_LOG_WARN : CZ_LOG_INFO;
	if (level < min_level)
		return;
	o = line_new(level);
	json_object_object_add(o, "request_id",
	    json_object_new_string(r->request_id ? r->request_id : ""));
	json_object_object_add(o, "method",
	    json_object_new_string(r->method ? r->method : ""));
	cz_log_redact(clean, sizeof(clean), r->path ? r->path : "");
	json_object_object_add(o, "path", json_object_new_string(clean));
	if (r->route != NULL)
		json_object_object_add(o, "route",
		    json_object_new_string(r->route));
	json_object_object_add(o, "status", json_object_new_int(r->status));
	snprintf(clean, sizeof(clean), "%.3f", r->duration_ms);
	json_object_object_add(o, "duration_ms",
	    json_object_new_double_s(r->duration_ms, clean));
	if (r->message != NULL) {
		cz_log_redact(clean, sizeof(clean), r->message);
		json_object_object_add(o, "msg", json_object_new_string(clean));
	}
	line_write(o);
}
