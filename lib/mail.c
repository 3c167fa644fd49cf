/*
 * mail.c - composing, queueing and handing over the site's e-mail.
 *
 * cz_mail_run is the only place a program is started on behalf of the
 * site: fork, then execvp of an argument vector split from the mail_command
 * setting, the message written to the child's standard input through a
 * pipe while its output is read back, all under one poll(2) loop with a
 * deadline, so neither a stuck command nor a chatty one can hang delivery.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "clock.h"
#include "mail.h"
#include "mustache_json.h"
#include "numparse.h"
#include "settings.h"
#include "token.h"

static int
has_ctl(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static int
is_ascii_print(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

int
cz_mail_render(const mst_set *set, const char *name,
    struct json_object *data, cz_buf *subject, cz_buf *body, char *err,
    size_t errlen)
{
	cz_buf text;
	const char *s, *nl;
	int rc = -1;

	cz_buf_init(&text, CZ_MAIL_BODY_MAX + CZ_MAIL_SUBJECT_MAX + 64);
	if (mst_render_json(set, name, data, &text, err, errlen) == -1)
		goto err;
	s = text.data != NULL ? text.data : "";
	if (strncmp(s, "Subject: ", 9) != 0 ||
	    (nl = strchr(s, '\n')) == NULL || nl[1] != '\n') {
		snprintf(err, errlen, "%s: does not start with a \"Subject: \" "
		    "line and an empty line", name);
		goto err;
	}
	if ((size_t)(nl - s - 9) > CZ_MAIL_SUBJECT_MAX) {
		snprintf(err, errlen, "%s: subject longer than %d bytes", name,
		    CZ_MAIL_SUBJECT_MAX);
		goto err;
	}
	if (text.len - (size_t)(nl + 2 - s) > CZ_MAIL_BODY_MAX) {
		snprintf(err, errlen, "%s: body longer than %d bytes", name,
		    CZ_MAIL_BODY_MAX);
		goto err;
	}
	if (cz_buf_append(subject, s + 9, (size_t)(nl - s - 9)) == -1 ||
	    cz_buf_puts(body, nl + 2) == -1) {
		snprintf(err, errlen, "%s: out of memory", name);
		goto err;
	}
	rc = 0;
err:
	cz_buf_free(&text);
	return rc;
}

struct json_object *
cz_mail_data(const struct cz_settings *s, const char *link)
{
	struct json_object *o, *site;

	if ((o = json_object_new_object()) == NULL)
		return NULL;
	if ((site = json_object_new_object()) == NULL) {
		json_object_put(o);
		return NULL;
	}
	json_object_object_add(site, "name",
	    json_object_new_string(s->site_name));
	json_object_object_add(site, "base_url",
	    json_object_new_string(s->base_url));
	json_object_object_add(o, "site", site);
	/* {{base}}: the path prefix of the site's URLs (base_path), as on
	 * the pages (fcgi/response.c). */
	json_object_object_add(o, "base",
	    json_object_new_string(s->base_path));
	if (link != NULL)
		json_object_object_add(o, "link", json_object_new_string(link));
	json_object_object_add(o, "expires_hours",
	    json_object_new_int64(s->verify_token_lifetime / 3600));
	json_object_object_add(o, "expires_minutes",
	    json_object_new_int64(s->reset_token_lifetime / 60));
	return o;
}

long long
cz_mail_enqueue(PGconn *conn, const char *to, const char *subject,
    const char *body, const char *user_id, char *err, size_t errlen)
{
	const char *params[4] = { to, subject, body, user_id };
	const char *errstr;
	PGresult *r;
	long long id = -1;

	r = PQexecParams(conn, "INSERT INTO mail_outbox (recipient, subject, "
	    "body, user_id) VALUES ($1, $2, $3, $4::bigint) RETURNING id",
	    4, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		snprintf(err, errlen, "queueing mail: %s",
		    PQresultErrorMessage(r));
		goto err;
	}
	id = cz_strtonum(PQgetvalue(r, 0, 0), 1, INT64_MAX, &errstr);
	if (errstr != NULL) {
		snprintf(err, errlen, "queueing mail: bad id");
		id = -1;
	}
err:
	PQclear(r);
	return id;
}

/* Appends s as RFC 2047 "B" encoded-words of at most 45 input bytes each
 * (keeping UTF-8 sequences whole), separated by folding white space. */
static int
put_encoded_words(cz_buf *out, const char *s)
{
	char enc[80];
	size_t len = strlen(s), n, i;
	const unsigned char *u = (const unsigned char *)s;
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long v;
	size_t o;

	while (len > 0) {
		n = len < 45 ? len : 45;
		while (n < len && n > 0 && (u[n] & 0xc0) == 0x80)
			n--;
		if (n == 0)
			n = len < 45 ? len : 45;
		for (i = o = 0; i < n; i += 3) {
			v = (unsigned long)u[i] << 16;
			if (i + 1 < n)
				v |= (unsigned long)u[i + 1] << 8;
			if (i + 2 < n)
				v |= u[i + 2];
			enc[o++] = b64[v >> 18 & 63];
			enc[o++] = b64[v >> 12 & 63];
			enc[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
			enc[o++] = i + 2 < n ? b64[v & 63] : '=';
		}
		enc[o] = '\0';
		if (cz_buf_printf(out, "%s=?UTF-8?B?%s?=",
		    u == (const unsigned char *)s ? "" : "\n ", enc) == -1)
			return -1;
		u += n;
		len -= n;
	}
	return 0;
}

int
cz_mail_format(cz_buf *out, const char *from, const char *to,
    const char *subject, const char *body, time_t now, char *err,
    size_t errlen)
{
	char date[64], id[CZ_TOKEN_LEN + 1];
	const char *domain, *at;
	struct tm tm;
	size_t dlen;

	if (has_ctl(from) || has_ctl(to) || has_ctl(subject) || *to == '\0') {
		snprintf(err, errlen, "a header field holds a control "
		    "character or is empty");
		return -1;
	}
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000",
	    &tm) == 0) {
		snprintf(err, errlen, "cannot format the date");
		return -1;
	}
	if (cz_token_new(id) == -1) {
		snprintf(err, errlen, "no randomness for the Message-ID");
		return -1;
	}
	/* The Message-ID's right side is the From address's domain. */
	domain = "localhost";
	dlen = strlen(domain);
	if ((at = strrchr(from, '@')) != NULL) {
		dlen = strcspn(at + 1, "> ");
		if (dlen > 0)
			domain = at + 1;
		else
			dlen = strlen(domain);
	}
	if (cz_buf_printf(out, "From: %s\nTo: %s\nSubject: ", from, to) == -1 ||
	    (is_ascii_print(subject) ? cz_buf_puts(out, subject) :
	    put_encoded_words(out, subject)) == -1 ||
	    cz_buf_printf(out, "\nDate: %s\nMessage-ID: <%s@%.*s>\n"
	    "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: 8bit\n\n%s", date, id, (int)dlen,
	    domain, body) == -1) {
		snprintf(err, errlen, "message larger than the buffer allows");
		return -1;
	}
	if (out->len > 0 && out->data[out->len - 1] != '\n' &&
	    cz_buf_putc(out, '\n') == -1) {
		snprintf(err, errlen, "message larger than the buffer allows");
		return -1;
	}
	return 0;
}

int
cz_mail_split_command(const char *cmd, char *buf, size_t buflen,
    char *argv[CZ_MAIL_ARGS_MAX + 1])
{
	size_t len = strlen(cmd);
	char *p;
	int n = 0;

	if (len + 1 > buflen)
		return -1;
	memcpy(buf, cmd, len + 1);
	for (p = buf; *p != '\0';) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (n == CZ_MAIL_ARGS_MAX)
			return -1;
		argv[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
	argv[n] = NULL;
	return n == 0 ? -1 : n;
}

/* The child: stdin from in, stdout and stderr to out, default SIGPIPE,
 * then the command. Never returns. */
static void
child(char *const argv[], int in, int out)
{
	struct sigaction sa;
	char msg[256];
	int n;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	if (dup2(in, 0) == -1 || dup2(out, 1) == -1 || dup2(out, 2) == -1)
		_exit(126);
	/* Nothing else the parent holds (database sockets, files) leaks
	 * into the command. */
	close_range(3, ~0U, 0);
	execvp(argv[0], argv);
	n = snprintf(msg, sizeof(msg), "cannot run %s: %s", argv[0],
	    strerror(errno));
	if (n > 0)
		(void)!write(2, msg, (size_t)n < sizeof(msg) ? (size_t)n :
		    sizeof(msg) - 1);
	_exit(127);
}

int
cz_mail_run(char *const argv[], const char *msg, size_t len,
    int timeout, char *err, size_t errlen)
{
	struct sigaction ign, old;
	struct pollfd pfd[2];
	char out[CZ_MAIL_ERROR_MAX + 1], drain[512];
	size_t off = 0, olen = 0, i;
	double deadline;
	int in[2] = { -1, -1 }, op[2] = { -1, -1 };
	int status, rc = -1, killed = 0, ms, nfds, reaped = 0;
	ssize_t n;
	pid_t pid = -1;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	if (pipe2(in, O_CLOEXEC) == -1 || pipe2(op, O_CLOEXEC) == -1) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		goto err;
	}
	if ((pid = fork()) == -1) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		goto err;
	}
	if (pid == 0)
		child(argv, in[0], op[1]);
	close(in[0]);
	close(op[1]);
	in[0] = op[1] = -1;
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	fcntl(op[0], F_SETFL, O_NONBLOCK);
	if (len == 0) {
		close(in[1]);
		in[1] = -1;
	}

	deadline = cz_clock_s() + timeout;
	while (in[1] != -1 || op[0] != -1) {
		ms = (int)((deadline - cz_clock_s()) * 1000);
		if (ms <= 0) {
			kill(pid, SIGKILL);
			killed = 1;
			break;
		}
		nfds = 0;
		if (op[0] != -1) {
			pfd[nfds].fd = op[0];
			pfd[nfds++].events = POLLIN;
		}
		if (in[1] != -1) {
			pfd[nfds].fd = in[1];
			pfd[nfds++].events = POLLOUT;
		}
		if (poll(pfd, (nfds_t)nfds, ms) == -1) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "poll: %s", strerror(errno));
			kill(pid, SIGKILL);
			goto err;
		}
		for (i = 0; i < (size_t)nfds; i++) {
			if (pfd[i].revents == 0)
				continue;
			if (pfd[i].fd == op[0]) {
				n = read(op[0], olen < CZ_MAIL_ERROR_MAX ?
				    out + olen : drain, olen < CZ_MAIL_ERROR_MAX ?
				    CZ_MAIL_ERROR_MAX - olen : sizeof(drain));
				if (n > 0 && olen < CZ_MAIL_ERROR_MAX)
					olen += (size_t)n;
				else if (n == 0 || (n < 0 && errno != EAGAIN &&
				    errno != EINTR)) {
					close(op[0]);
					op[0] = -1;
				}
			} else {
				n = write(in[1], msg + off, len - off);
				if (n > 0)
					off += (size_t)n;
				if ((n < 0 && errno != EAGAIN &&
				    errno != EINTR) || off == len) {
					/* EPIPE: it stopped reading. */
					close(in[1]);
					in[1] = -1;
				}
			}
		}
	}
	if (waitpid(pid, &status, 0) == -1) {
		snprintf(err, errlen, "waitpid: %s", strerror(errno));
		goto err;
	}
	reaped = 1;
	out[olen] = '\0';
	for (i = 0; i < olen; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = ' ';
	while (olen > 0 && out[olen - 1] == ' ')
		out[--olen] = '\0';
	if (killed)
		snprintf(err, errlen, "killed after %d s%s%s", timeout,
		    olen ? ": " : "", out);
	else if (WIFSIGNALED(status))
		snprintf(err, errlen, "killed by signal %d%s%s",
		    WTERMSIG(status), olen ? ": " : "", out);
	else if (WEXITSTATUS(status) != 0)
		snprintf(err, errlen, "exit status %d%s%s",
		    WEXITSTATUS(status), olen ? ": " : "", out);
	else if (off != len)
		snprintf(err, errlen, "exited before reading the whole "
		    "message (%zu of %zu bytes)", off, len);
	else
		rc = 0;
err:
	if (pid > 0 && !reaped) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	for (i = 0; i < 2; i++) {
		if (in[i] != -1)
			close(in[i]);
		if (op[i] != -1)
			close(op[i]);
	}
	sigaction(SIGPIPE, &old, NULL);
	return rc;
}
