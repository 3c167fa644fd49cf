/*
 * mail.h - e-mail the site sends: rendered from templates, queued in the
 * mail_outbox table, and handed to a sendmail-compatible command.
 *
 * A mail template (templates/email/NAME.mustache) renders the whole
 * message text: its first line is "Subject: ...", then an empty line, then
 * the plain-text body. Templates include the partial email/disclaimer, so
 * every mail carries the short disclaimer.
 *
 * Delivery never goes through a shell: the command setting is split on
 * blanks into an argument vector (no quoting, no expansion), run with
 * fork and execvp, and given the message on its standard input; with
 * "sendmail -t -i" the recipient is read from the To: header, so no
 * address ever becomes an argument.
 */
#ifndef CZ_MAIL_H
#define CZ_MAIL_H

#include <stddef.h>
#include <time.h>

#include <libpq-fe.h>

#include "buf.h"
#include "mustache.h"

struct json_object;
struct cz_settings;

#define CZ_MAIL_SUBJECT_MAX	200	/* bytes, before header encoding */
#define CZ_MAIL_BODY_MAX	(64 * 1024)
#define CZ_MAIL_ARGS_MAX	32	/* words of the mail command */
#define CZ_MAIL_ERROR_MAX	512	/* bytes of the command's output kept */

/*
 * Renders template name of set against data into subject and body (both
 * initialised by the caller; the output is appended). Returns 0, or -1
 * with a message in err: render error, no "Subject: " first line or no
 * empty line after it, a subject over CZ_MAIL_SUBJECT_MAX bytes, a body
 * over CZ_MAIL_BODY_MAX bytes.
 */
int cz_mail_render(const mst_set *set, const char *name,
    struct json_object *data, cz_buf *subject, cz_buf *body, char *err,
    size_t errlen);

/*
 * The data every mail template may use: site.name, site.base_url, link
 * (copied; may be NULL), expires_hours (verification links) and
 * expires_minutes (reset links) from the settings. Returns a new object
 * the caller releases with json_object_put, or NULL when out of memory.
 */
struct json_object *cz_mail_data(const struct cz_settings *s,
    const char *link);

/*
 * Queues one message in mail_outbox (status queued, due now). The body is
 * kept only while the message is queued: once it is sent or dead-lettered
 * the row keeps its headers and body_sha256 (sql/017). user_id is
 * the account's id in decimal, or NULL. The statement is parameterised.
 * Returns the new row's id, or -1 with the server's message in err.
 */
long long cz_mail_enqueue(PGconn *conn, const char *to, const char *subject,
    const char *body, const char *user_id, char *err, size_t errlen);

/*
 * Writes the RFC 5322 message (From, To, Subject, Date, Message-ID,
 * MIME-Version, Content-Type text/plain UTF-8, then the body) to out. A
 * subject outside printable ASCII is encoded as RFC 2047 words. Returns 0,
 * or -1 with a reason in err when from, to or subject holds a control
 * character (header injection) or out is full.
 */
int cz_mail_format(cz_buf *out, const char *from, const char *to,
    const char *subject, const char *body, time_t now, char *err,
    size_t errlen);

/*
 * Splits cmd into at most CZ_MAIL_ARGS_MAX words at blanks, copying them
 * into buf (buflen bytes) and pointing argv (CZ_MAIL_ARGS_MAX + 1 slots)
 * at them, NULL-terminated. Returns the number of words, or -1 when there
 * is none, too many or buf is too small.
 */
int cz_mail_split_command(const char *cmd, char *buf, size_t buflen,
    char *argv[CZ_MAIL_ARGS_MAX + 1]);

/*
 * Runs argv (argv[0] looked up in PATH unless it holds a '/') with
 * msg[0..len) on its standard input, without a shell, and waits for it at
 * most timeout seconds (then it is killed). Its standard output and error
 * are collected, up to CZ_MAIL_ERROR_MAX bytes. SIGPIPE is ignored during
 * the call. Returns 0 when it read the message and exited with status 0,
 * else -1 with a reason in err ("exit status 75: <its output>", "killed
 * after 30 s", "cannot run ...").
 */
int cz_mail_run(char *const argv[], const char *msg, size_t len,
    int timeout, char *err, size_t errlen);

#endif
