/*
 * admin_files.h - the files of a backup: SHA-256 digests, hashing copies,
 * the manifest (admin_files.c).
 */
#ifndef CZ_ADMIN_FILES_H
#define CZ_ADMIN_FILES_H

#include <stddef.h>
#include <sys/types.h>

#define ADMIN_SHA256_HEX	64
#define ADMIN_PATH_MAX		1024	/* a relative path in a backup */
#define ADMIN_COPY_GONE		1	/* admin_file_copy: no such source */

struct admin_manifest_entry {
	char	 hex[ADMIN_SHA256_HEX + 1];
	char	*path;			/* relative to the backup */
};

struct admin_manifest {
	struct admin_manifest_entry	*e;
	size_t				 n, cap;
};

/* The SHA-256 (lower-case hex) and size of the file at path, which must
 * not be a symbolic link. Returns 0, or -1 with a message. */
int admin_file_sha256(const char *path, char hex[ADMIN_SHA256_HEX + 1],
    unsigned long long *bytes, char *err, size_t errlen);

/* Copies src to the new file dst (created with mode, never following a
 * link or replacing a file), fsyncs it, and gives the SHA-256 and size of
 * exactly the bytes written. Returns 0; ADMIN_COPY_GONE when src does not
 * exist; -1 with a message otherwise (dst may be left partly written). */
int admin_file_copy(const char *src, const char *dst, mode_t mode,
    char hex[ADMIN_SHA256_HEX + 1], unsigned long long *bytes, char *err,
    size_t errlen);

/* fsync(2) of a directory, so that a rename or a new entry in it lasts.
 * Returns 0 or -1 with a message. */
int admin_fsync_dir(const char *path, char *err, size_t errlen);

/* Whether rel is a relative path a manifest may name: non-empty, shorter
 * than ADMIN_PATH_MAX, no empty, "." or ".." component, no leading slash,
 * no backslash or control character. */
int admin_path_safe(const char *rel);

/* Adds a copy of path with its digest; -1 when out of memory or full. */
int admin_manifest_add(struct admin_manifest *m, const char *path,
    const char hex[ADMIN_SHA256_HEX + 1]);

/* Sorts m by path and writes it to the new file (mode 0600), fsynced.
 * Returns 0 or -1 with a message. */
int admin_manifest_write(struct admin_manifest *m, const char *file,
    char *err, size_t errlen);

/* Reads and checks a manifest: every line well-formed with a safe path, no
 * path twice. m is sorted by path. Returns 0, or -1 with a message naming
 * the line (m is then empty). */
int admin_manifest_read(struct admin_manifest *m, const char *file,
    char *err, size_t errlen);

/* The entry of path, or NULL (m sorted, as admin_manifest_read leaves it). */
const struct admin_manifest_entry *admin_manifest_find(
    const struct admin_manifest *m, const char *path);

void admin_manifest_free(struct admin_manifest *m);

#endif
