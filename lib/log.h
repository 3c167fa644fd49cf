/*
 * log.h - one JSON object per line on stderr, for journald.
 *
 * Messages never carry passwords, tokens, e-mail addresses or query
 * strings: callers log paths, not URIs, and cz_log_redact() masks anything
 * that looks like an e-mail address in free text.
 */
#ifndef CZ_LOG_H
#define CZ_LOG_H

#include "settings.h"

/* Names the program in every line and sets the lowest level written. */
void cz_log_init(const char *program, enum cz_log_level min);

/* Logs a message at level, e.g. cz_log(CZ_LOG_WARN, "%s: ...", __func__). */
void cz_log(enum cz_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The access log line of one request. */
struct cz_log_request {
	const char	*request_id;
	const char	*method;
	const char	*path;
	const char	*route;
	int		 status;
	double		 duration_ms;
	const char	*message;	/* NULL unless something went wrong */
};
void cz_log_request(const struct cz_log_request *r);

/* Copies src into dst (size dstlen, always terminated), replacing every
 * e-mail address by "[email]". */
void cz_log_redact(char *dst, size_t dstlen, const char *src);

#endif
