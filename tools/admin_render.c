/*
 * admin_render.c - "cibozer-admin render-template TEMPLATE DATA.json
 * [PARTIAL_DIR]": renders one template file against a JSON file and prints
 * the result, byte for byte, so that a template can be checked without
 * the responder. Partials and parents named NAME are read from
 * PARTIAL_DIR/NAME.mustache (default: the template's directory), only
 * those the templates actually refer to.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "admin.h"
#include "buf.h"
#include "mustache.h"
#include "mustache_json.h"

#define CMD		"render-template"
#define MAX_DATA	(64 * 1024 * 1024)	/* bytes of DATA.json */
#define MAX_OUTPUT	(64 * 1024 * 1024)	/* bytes of output */

struct refs {
	char	**names;	/* partial names met, loaded or not */
	size_t	  count;
	size_t	  cap;
	int	  oom;
};

/* Reads a whole file, NUL-terminated; NULL with errno set on failure
 * (EFBIG when it holds more than max bytes). */
static char *
read_all(const char *path, size_t max, size_t *lenp)
{
	char *buf = NULL, *p;
	size_t len = 0, cap = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((p = realloc(buf, cap + 1)) == NULL)
				goto fail;
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (len > max) {
			errno = EFBIG;
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		errno = EIO;
		goto fail;
	}
	fclose(fp);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	n = (size_t)errno;
	free(buf);
	fclose(fp);
	errno = (int)n;
	return NULL;
}

static unsigned
line_at(const char *s, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Parses the whole of DATA.json into *out; -1 after a message on stderr. */
static int
load_json(const char *path, struct json_object **out)
{
	enum json_tokener_error jerr;
	struct json_tokener *tok;
	struct json_object *obj;
	size_t len, end;
	char *text;

	if ((text = read_all(path, MAX_DATA, &len)) == NULL) {
		fprintf(stderr, CMD ": %s: %s\n", path, strerror(errno));
		return -1;
	}
	if ((tok = json_tokener_new()) == NULL) {
		fprintf(stderr, CMD ": out of memory\n");
		free(text);
		return -1;
	}
	/* the terminating NUL lets the tokener finish a number at the end */
	obj = json_tokener_parse_ex(tok, text, (int)len + 1);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (jerr != json_tokener_success) {
		fprintf(stderr, CMD ": %s: line %u: bad JSON: %s\n", path,
		    line_at(text, end), jerr == json_tokener_continue ?
		    "unexpected end of file" : json_tokener_error_desc(jerr));
		goto fail;
	}
	while (end < len && isspace((unsigned char)text[end]))
		end++;
	if (end < len) {
		fprintf(stderr, CMD ": %s: line %u: bad JSON: text after the "
		    "value\n", path, line_at(text, end));
		goto fail;
	}
	json_tokener_free(tok);
	free(text);
	*out = obj;
	return 0;
fail:
	json_object_put(obj);
	json_tokener_free(tok);
	free(text);
	return -1;
}

/* Compiles a template file into the set under name. */
static int
add_file(mst_set *set, const char *name, const char *path)
{
	char err[512];
	size_t len;
	char *src;

	if ((src = read_all(path, MST_MAX_SIZE, &len)) == NULL) {
		fprintf(stderr, CMD ": %s: %s\n", path, errno == EFBIG ?
		    "template too large" : strerror(errno));
		return -1;
	}
	if (mst_set_add(set, name, src, len, err, sizeof(err)) == -1) {
		/* messages start with the name; show the file instead */
		if (strncmp(err, name, strlen(name)) == 0)
			fprintf(stderr, CMD ": %s%s\n", path,
			    err + strlen(name));
		else
			fprintf(stderr, CMD ": %s: %s\n", path, err);
		free(src);
		return -1;
	}
	free(src);
	return 0;
}

static int
note_ref(const char *ref, void *arg)
{
	struct refs *r = arg;
	char **p;
	size_t i;

	for (i = 0; i < r->count; i++)
		if (strcmp(r->names[i], ref) == 0)
			return 0;
	if (r->count == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		if ((p = realloc(r->names, r->cap * sizeof(*p))) == NULL) {
			r->oom = 1;
			return 1;
		}
		r->names = p;
	}
	if ((r->names[r->count] = strdup(ref)) == NULL) {
		r->oom = 1;
		return 1;
	}
	r->count++;
	return 0;
}

/* A partial name must stay inside the partial directory. */
static int
safe_name(const char *name)
{
	const char *p;

	if (name[0] == '/' || name[0] == '\0')
		return 0;
	for (p = name; *p != '\0'; p = strchr(p, '/') + 1) {
		if (strncmp(p, "../", 3) == 0 || strcmp(p, "..") == 0)
			return 0;
		if (strchr(p, '/') == NULL)
			break;
	}
	return 1;
}

/*
 * Loads the partials the templates of the set refer to, and theirs, from
 * dir. A partial without a file renders empty; a warning says so.
 */
static int
load_partials(mst_set *set, const char *main_name, const char *dir)
{
	struct refs r = { NULL, 0, 0, 0 };
	char path[PATH_MAX];
	size_t i;
	int rc = -1;
	FILE *fp;

	if (mst_set_refs(set, main_name, note_ref, &r) != 0)
		goto done;
	for (i = 0; i < r.count; i++) {
		if (!safe_name(r.names[i])) {
			fprintf(stderr, CMD ": partial name \"%s\" leaves the "
			    "partial directory\n", r.names[i]);
			goto done;
		}
		if ((size_t)snprintf(path, sizeof(path), "%s/%s.mustache", dir,
		    r.names[i]) >= sizeof(path)) {
			fprintf(stderr, CMD ": %s/%s.mustache: path too long\n",
			    dir, r.names[i]);
			goto done;
		}
		if ((fp = fopen(path, "rb")) == NULL) {
			fprintf(stderr, CMD ": warning: no partial \"%s\" (%s: "
			    "%s); it renders empty\n", r.names[i], path,
			    strerror(errno));
			continue;
		}
		fclose(fp);
		if (add_file(set, r.names[i], path) == -1)
			goto done;
		if (mst_set_refs(set, r.names[i], note_ref, &r) != 0)
			goto done;
	}
	rc = 0;
done:
	if (r.oom)
		fprintf(stderr, CMD ": out of memory\n");
	for (i = 0; i < r.count; i++)
		free(r.names[i]);
	free(r.names);
	return rc;
}

/*
 * Renders argv[1] against the JSON file argv[2], partials from argv[3] or
 * the template's directory, to stdout. Returns the exit status: 0, or 1
 * after a message on stderr.
 */
int
admin_render_template(int argc, char **argv)
{
	struct json_object *data = NULL;
	const char *tpath, *slash;
	char dir[PATH_MAX], err[512];
	mst_set *set = NULL;
	cz_buf out;
	int rc = 1;

	cz_buf_init(&out, MAX_OUTPUT);
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: cibozer-admin " CMD " TEMPLATE "
		    "DATA.json [PARTIAL_DIR]\n");
		return 1;
	}
	tpath = argv[1];
	if (argc == 4)
		snprintf(dir, sizeof(dir), "%s", argv[3]);
	else if ((slash = strrchr(tpath, '/')) == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == tpath)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - tpath), tpath);

	if ((set = mst_set_new()) == NULL) {
		fprintf(stderr, CMD ": out of memory\n");
		goto done;
	}
	/* the template's own name is its path, which no partial name
	 * (a path under the partial directory, without extension) is */
	if (add_file(set, tpath, tpath) == -1 ||
	    load_partials(set, tpath, dir) == -1 ||
	    load_json(argv[2], &data) == -1)
		goto done;
	if (mst_render_json(set, tpath, data, &out, err, sizeof(err)) == -1) {
		fprintf(stderr, CMD ": %s\n", err);
		goto done;
	}
	if (out.len > 0 && fwrite(out.data, 1, out.len, stdout) != out.len) {
		fprintf(stderr, CMD ": write error: %s\n", strerror(errno));
		goto done;
	}
	if (fflush(stdout) == EOF) {
		fprintf(stderr, CMD ": write error: %s\n", strerror(errno));
		goto done;
	}
	rc = 0;
done:
	cz_buf_free(&out);
	json_object_put(data);
	mst_set_free(set);
	return rc;
}
