/*
 * admin_files.c - the files of a backup (`cibozer-admin backup` and
 * `restore`): SHA-256 digests, copies that hash exactly the bytes they
 * write, and the manifest.
 *
 * The manifest (MANIFEST in a backup) is in sha256sum(1)'s own format, one
 * "<64 lower-case hex>  <relative path>" line per file, sorted by path, so
 * an operator can also check a copy with `sha256sum -c --strict MANIFEST`.
 * Paths are relative, without "." or ".." components, empty components,
 * backslashes or control characters: a manifest cannot name a file outside
 * its backup.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "admin_files.h"

#define COPY_BUF		(64 * 1024)
#define MANIFEST_LINE_MAX	4096
#define MANIFEST_MAX_ENTRIES	10000000

static void
to_hex(const unsigned char *d, unsigned int n, char hex[ADMIN_SHA256_HEX + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned int i;

	for (i = 0; i < n && i < ADMIN_SHA256_HEX / 2; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * i] = '\0';
}

/* Reads fd to its end, hashing, and writes every byte to out unless it is
 * -1. Returns 0 or -1 with a message naming what failed. */
static int
pump(int fd, int out, const char *src, const char *dst,
    char hex[ADMIN_SHA256_HEX + 1], unsigned long long *bytes, char *err,
    size_t errlen)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen;
	EVP_MD_CTX *ctx;
	char *buf;
	ssize_t n, w, off;
	int ret = -1;

	*bytes = 0;
	if ((buf = malloc(COPY_BUF)) == NULL ||
	    (ctx = EVP_MD_CTX_new()) == NULL) {
		free(buf);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
		snprintf(err, errlen, "SHA-256 is not available");
		goto out;
	}
	for (;;) {
		if ((n = read(fd, buf, COPY_BUF)) == -1) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s: %s", src, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		EVP_DigestUpdate(ctx, buf, (size_t)n);
		*bytes += (unsigned long long)n;
		for (off = 0; out != -1 && off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) == -1) {
				if (errno == EINTR) {
					w = 0;
					continue;
				}
				snprintf(err, errlen, "%s: %s", dst,
				    strerror(errno));
				goto out;
			}
	}
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	to_hex(md, mdlen, hex);
	ret = 0;
out:
	EVP_MD_CTX_free(ctx);
	free(buf);
	return ret;
}

int
admin_file_sha256(const char *path, char hex[ADMIN_SHA256_HEX + 1],
    unsigned long long *bytes, char *err, size_t errlen)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = pump(fd, -1, path, NULL, hex, bytes, err, errlen);
	close(fd);
	return rc;
}

int
admin_file_copy(const char *src, const char *dst, mode_t mode,
    char hex[ADMIN_SHA256_HEX + 1], unsigned long long *bytes, char *err,
    size_t errlen)
{
	int in, out, rc;

	if ((in = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s: %s", src, strerror(errno));
		return errno == ENOENT ? ADMIN_COPY_GONE : -1;
	}
	/* A new file only: never through a link, never over another. */
	if ((out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, mode)) == -1) {
		snprintf(err, errlen, "%s: %s", dst, strerror(errno));
		close(in);
		return -1;
	}
	rc = pump(in, out, src, dst, hex, bytes, err, errlen);
	close(in);
	/* The umask may have narrowed the mode asked for. */
	if (rc == 0 && fchmod(out, mode) == -1) {
		snprintf(err, errlen, "%s: chmod: %s", dst, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && fsync(out) == -1) {
		snprintf(err, errlen, "%s: fsync: %s", dst, strerror(errno));
		rc = -1;
	}
	if (close(out) == -1 && rc == 0) {
		snprintf(err, errlen, "%s: %s", dst, strerror(errno));
		rc = -1;
	}
	return rc;
}

int
admin_fsync_dir(const char *path, char *err, size_t errlen)
{
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    fsync(fd) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (fd != -1)
		close(fd);
	return rc;
}

int
admin_path_safe(const char *rel)
{
	const char *p, *seg;

	if (rel[0] == '\0' || strlen(rel) >= ADMIN_PATH_MAX)
		return 0;
	for (p = rel; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	for (seg = rel;; seg = p + 1) {
		p = strchr(seg, '/');
		if (p == NULL)
			p = seg + strlen(seg);
		if (p == seg || (p - seg == 1 && seg[0] == '.') ||
		    (p - seg == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (*p == '\0')
			return 1;
	}
}

int
admin_manifest_add(struct admin_manifest *m, const char *path,
    const char hex[ADMIN_SHA256_HEX + 1])
{
	struct admin_manifest_entry *e;
	size_t cap;

	if (m->n == MANIFEST_MAX_ENTRIES)
		return -1;
	if (m->n == m->cap) {
		cap = m->cap ? m->cap * 2 : 64;
		if ((e = realloc(m->e, cap * sizeof(*e))) == NULL)
			return -1;
		m->e = e;
		m->cap = cap;
	}
	if ((m->e[m->n].path = strdup(path)) == NULL)
		return -1;
	memcpy(m->e[m->n].hex, hex, ADMIN_SHA256_HEX + 1);
	m->n++;
	return 0;
}

static int
by_path(const void *a, const void *b)
{
	const struct admin_manifest_entry *x = a, *y = b;

	return strcmp(x->path, y->path);
}

int
admin_manifest_write(struct admin_manifest *m, const char *file, char *err,
    size_t errlen)
{
	FILE *fp;
	size_t i;
	int fd;

	if (m->n > 1)	/* qsort of a NULL array is undefined, even of 0 */
		qsort(m->e, m->n, sizeof(*m->e), by_path);
	if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600))
	    == -1 || (fp = fdopen(fd, "w")) == NULL) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	for (i = 0; i < m->n; i++)
		fprintf(fp, "%s  %s\n", m->e[i].hex, m->e[i].path);
	if (fflush(fp) != 0 || ferror(fp) || fsync(fd) == -1) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	return 0;
}

int
admin_manifest_read(struct admin_manifest *m, const char *file, char *err,
    size_t errlen)
{
	char line[MANIFEST_LINE_MAX];
	size_t n, i;
	int lineno = 0;
	FILE *fp;

	memset(m, 0, sizeof(*m));
	if ((fp = fopen(file, "re")) == NULL) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		n = strlen(line);
		if (n == 0 || line[n - 1] != '\n') {
			snprintf(err, errlen, "%s:%d: line too long or not "
			    "ended", file, lineno);
			goto err;
		}
		line[--n] = '\0';
		for (i = 0; i < ADMIN_SHA256_HEX; i++)
			if (!((line[i] >= '0' && line[i] <= '9') ||
			    (line[i] >= 'a' && line[i] <= 'f')))
				break;
		if (i != ADMIN_SHA256_HEX || line[i] != ' ' ||
		    line[i + 1] != ' ' || !admin_path_safe(line + i + 2)) {
			snprintf(err, errlen, "%s:%d: not \"<sha256>  <path>\" "
			    "with a safe relative path", file, lineno);
			goto err;
		}
		line[ADMIN_SHA256_HEX] = '\0';
		if (admin_manifest_add(m, line + ADMIN_SHA256_HEX + 2, line)
		    == -1) {
			snprintf(err, errlen, "%s: too many entries or out of "
			    "memory", file);
			goto err;
		}
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		goto err;
	}
	fclose(fp);
	if (m->n > 1)	/* qsort of a NULL array is undefined, even of 0 */
		qsort(m->e, m->n, sizeof(*m->e), by_path);
	for (i = 1; i < m->n; i++)
		if (strcmp(m->e[i - 1].path, m->e[i].path) == 0) {
			snprintf(err, errlen, "%s: %s is listed twice", file,
			    m->e[i].path);
			admin_manifest_free(m);
			return -1;
		}
	return 0;
err:
	fclose(fp);
	admin_manifest_free(m);
	return -1;
}

const struct admin_manifest_entry *
admin_manifest_find(const struct admin_manifest *m, const char *path)
{
	struct admin_manifest_entry key;

	key.path = (char *)(uintptr_t)path;
	if (m->n == 0)
		return NULL;
	return bsearch(&key, m->e, m->n, sizeof(*m->e), by_path);
}

void
admin_manifest_free(struct admin_manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->e[i].path);
	free(m->e);
	memset(m, 0, sizeof(*m));
}
