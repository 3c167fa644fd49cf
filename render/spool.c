/*
 * spool.c - the ladder's frame spool (see spool.h).
 *
 * The file is a sequence of records, each a header (struct rec) and its
 * bytes: a frame (every picture's planes packed row after row, no padding)
 * standing for `repeat` frames, or the kept canvas (repeat 0). A frame's
 * repeat count is only known when the next different frame comes, so its
 * header is written again then (pwrite at the header's offset). A record's
 * bytes are LZ4 blocks of BLOCK bytes of the frame each (a 4-byte size,
 * its top bit set for a block stored as it is, then the block): the
 * spool's memory is one packed frame (the previous one, to compare with)
 * and one block's buffer, whatever the frame's size.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <lz4.h>

#include "spool.h"

/* LZ4, not zlib: slides are flat colour and text, which LZ4 shrinks about
 * as far as zlib's fastest level did (tiktok: 41 MB of 468 MB), at a
 * fraction of the CPU (zlib was a tenth of a whole render's). */
#define BLOCK		(64 * 1024)
#define BLOCK_RAW	0x80000000u	/* the block is stored, not packed */

struct rec {
	uint32_t	 repeat;	/* frames it stands for; 0: the kept canvas */
	uint32_t	 size;		/* bytes after the header */
};

struct cz_render_spool {
	int		 fd;
	struct cz_render_pics shape;
	size_t		 len;		/* one packed frame */
	uint8_t		*prev;		/* the last stored (or read) frame, packed */
	off_t		 end;		/* where the next record goes */
	off_t		 pending;	/* the last frame's header, -1: none */
	uint32_t	 repeat;	/* ... and its repeat count so far */
	off_t		 kept;		/* the kept canvas's header, -1: none */
	int		 kept_w, kept_h;
	off_t		 rd;		/* the next record to read */
	char		 dir[4096];
	/* one block's size and bytes, packed or stored */
	uint8_t		 io[sizeof(uint32_t) + LZ4_COMPRESSBOUND(BLOCK)];
};

static void
ioerr(const struct cz_render_spool *s, const char *what, char *err,
    size_t errlen)
{
	snprintf(err, errlen, "cannot %s the frame spool in %s: %s", what,
	    s->dir, errno == 0 ? "short read" : strerror(errno));
}

static int
pwrite_all(int fd, const void *buf, size_t n, off_t off)
{
	const uint8_t *p = buf;
	ssize_t k;

	while (n > 0) {
		if ((k = pwrite(fd, p, n, off)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
		off += k;
	}
	return 0;
}

static int
pread_all(int fd, void *buf, size_t n, off_t off)
{
	uint8_t *p = buf;
	ssize_t k;

	while (n > 0) {
		if ((k = pread(fd, p, n, off)) <= 0) {
			if (k < 0 && errno == EINTR)
				continue;
			if (k == 0)
				errno = 0;
			return -1;
		}
		p += k;
		n -= (size_t)k;
		off += k;
	}
	return 0;
}

/* Width and height of plane pl of picture i. */
static void
plane_size(const struct cz_render_pics *p, int i, int pl, int *w, int *h)
{
	*w = pl == 0 ? p->w[i] : p->w[i] / 2;
	*h = pl == 0 ? p->h[i] : p->h[i] / 2;
}

/* 1 when the pictures p are the bytes of the packed frame q. */
static int
same(const struct cz_render_pics *p, const uint8_t *q)
{
	int i, pl, y, w, h;

	for (i = 0; i < p->n; i++)
		for (pl = 0; pl < 3; pl++) {
			plane_size(p, i, pl, &w, &h);
			for (y = 0; y < h; y++, q += w)
				if (memcmp(p->data[i][pl] + (size_t)y *
				    p->linesize[i][pl], q, (size_t)w) != 0)
					return 0;
		}
	return 1;
}

/* Packs the pictures p into q (pack) or unpacks q into them. */
static void
copy(const struct cz_render_pics *p, uint8_t *q, int pack)
{
	int i, pl, y, w, h;

	for (i = 0; i < p->n; i++)
		for (pl = 0; pl < 3; pl++) {
			plane_size(p, i, pl, &w, &h);
			for (y = 0; y < h; y++, q += w) {
				uint8_t *row = p->data[i][pl] +
				    (size_t)y * p->linesize[i][pl];

				if (pack)
					memcpy(q, row, (size_t)w);
				else
					memcpy(row, q, (size_t)w);
			}
		}
}

/* Appends a record of the n chunks; returns its header's offset, or -1
 * with a message in err. */
static off_t
put_record(struct cz_render_spool *s, uint32_t repeat,
    const uint8_t *const *chunk, const size_t *len, int n, char *err,
    size_t errlen)
{
	struct rec h = { repeat, 0 };
	off_t at = s->end, pos = at + (off_t)sizeof(h);
	uint32_t hdr;
	size_t off, k;
	int i, c;

	for (i = 0; i < n; i++)
		for (off = 0; off < len[i]; off += k) {
			k = len[i] - off < BLOCK ? len[i] - off : BLOCK;
			c = LZ4_compress_default((const char *)chunk[i] + off,
			    (char *)s->io + sizeof(hdr), (int)k,
			    LZ4_COMPRESSBOUND(BLOCK));
			if (c > 0 && (size_t)c < k)
				hdr = (uint32_t)c;
			else {
				memcpy(s->io + sizeof(hdr), chunk[i] + off, k);
				hdr = (uint32_t)k | BLOCK_RAW;
				c = (int)k;
			}
			memcpy(s->io, &hdr, sizeof(hdr));
			if (pwrite_all(s->fd, s->io, sizeof(hdr) + (size_t)c,
			    pos) != 0)
				goto ioerr;
			pos += (off_t)(sizeof(hdr) + (size_t)c);
		}
	h.size = (uint32_t)(pos - at - (off_t)sizeof(h));
	if (pwrite_all(s->fd, &h, sizeof(h), at) != 0)
		goto ioerr;
	s->end = pos;
	return at;
ioerr:
	ioerr(s, "write", err, errlen);
	return -1;
}

/* Reads the record whose header h is at offset at into the n chunks. */
static int
get_record(struct cz_render_spool *s, off_t at, const struct rec *h,
    uint8_t *const *chunk, const size_t *len, int n, char *err,
    size_t errlen)
{
	off_t pos = at + (off_t)sizeof(*h);
	size_t left = h->size, off, k, c;
	uint32_t hdr;
	int i;

	for (i = 0; i < n; i++)
		for (off = 0; off < len[i]; off += k) {
			k = len[i] - off < BLOCK ? len[i] - off : BLOCK;
			if (left < sizeof(hdr))
				goto corrupt;
			if (pread_all(s->fd, &hdr, sizeof(hdr), pos) != 0)
				goto ioerr;
			c = hdr & ~BLOCK_RAW;
			if (c > LZ4_COMPRESSBOUND(BLOCK) ||
			    c > left - sizeof(hdr) ||
			    ((hdr & BLOCK_RAW) && c != k))
				goto corrupt;
			if (pread_all(s->fd, (hdr & BLOCK_RAW) ? chunk[i] + off :
			    s->io, c, pos + (off_t)sizeof(hdr)) != 0)
				goto ioerr;
			if (!(hdr & BLOCK_RAW) &&
			    LZ4_decompress_safe((const char *)s->io,
			    (char *)chunk[i] + off, (int)c, (int)k) != (int)k)
				goto corrupt;
			pos += (off_t)(sizeof(hdr) + c);
			left -= sizeof(hdr) + c;
		}
	if (left == 0)
		return 0;
corrupt:
	snprintf(err, errlen, "the frame spool in %s is corrupt", s->dir);
	return -1;
ioerr:
	ioerr(s, "read", err, errlen);
	return -1;
}

/* Writes the pending frame's final repeat count into its header. */
static int
settle(struct cz_render_spool *s, char *err, size_t errlen)
{
	if (s->pending < 0)
		return 0;
	if (pwrite_all(s->fd, &s->repeat, sizeof(s->repeat), s->pending +
	    (off_t)offsetof(struct rec, repeat)) != 0) {
		ioerr(s, "write", err, errlen);
		return -1;
	}
	s->pending = -1;
	return 0;
}

struct cz_render_spool *
cz_render_spool_open(const char *dir, const struct cz_render_pics *shape,
    char *err, size_t errlen)
{
	struct cz_render_spool *s;
	char path[4200];
	int i;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->fd = -1;
	s->pending = s->kept = -1;
	s->shape = *shape;
	snprintf(s->dir, sizeof(s->dir), "%s", dir);
	for (i = 0; i < shape->n; i++)
		s->len += (size_t)shape->w[i] * shape->h[i] * 3 / 2;
	if ((s->prev = malloc(s->len > 0 ? s->len : 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto err;
	}
	/* Unlinked at once: the space is given back when the render ends,
	 * however it ends, and nothing shows in the directory. */
	snprintf(path, sizeof(path), "%s/.spool-XXXXXX", dir);
	if ((s->fd = mkostemp(path, O_CLOEXEC)) < 0) {
		ioerr(s, "create", err, errlen);
		goto err;
	}
	(void)unlink(path);
	return s;
err:
	cz_render_spool_close(s);
	return NULL;
}

int
cz_render_spool_put(struct cz_render_spool *s, const struct cz_render_pics *p,
    int changed, char *err, size_t errlen)
{
	const uint8_t *chunk[1];
	off_t at;

	/* The same picture again costs a count, not a copy. */
	if (s->pending >= 0 && (!changed || same(p, s->prev))) {
		s->repeat++;
		return 0;
	}
	if (p == NULL || !changed) {
		snprintf(err, errlen, "frame spool: no picture for the first frame");
		return -1;
	}
	if (settle(s, err, errlen) != 0)
		return -1;
	copy(p, s->prev, 1);
	chunk[0] = s->prev;
	if ((at = put_record(s, 1, chunk, &s->len, 1, err, errlen)) < 0)
		return -1;
	s->pending = at;
	s->repeat = 1;
	return 0;
}

int
cz_render_spool_keep(struct cz_render_spool *s,
    const struct cz_render_canvas *c, char *err, size_t errlen)
{
	const uint8_t *chunk[3] = { c->plane[0], c->plane[1], c->plane[2] };
	size_t len[3];

	len[0] = (size_t)c->w * c->h;
	len[1] = len[2] = len[0] / 4;
	if ((s->kept = put_record(s, 0, chunk, len, 3, err, errlen)) < 0)
		return -1;
	s->kept_w = c->w;
	s->kept_h = c->h;
	return 0;
}

int
cz_render_spool_rewind(struct cz_render_spool *s, char *err, size_t errlen)
{
	if (settle(s, err, errlen) != 0)
		return -1;
	s->rd = 0;
	return 0;
}

int
cz_render_spool_next(struct cz_render_spool *s,
    const struct cz_render_pics *dst, int *repeat, char *err, size_t errlen)
{
	struct rec h;
	uint8_t *chunk[1] = { s->prev };
	off_t at;

	for (;;) {
		if (s->rd >= s->end)
			return 0;
		at = s->rd;
		if (pread_all(s->fd, &h, sizeof(h), at) != 0) {
			ioerr(s, "read", err, errlen);
			return -1;
		}
		s->rd = at + (off_t)sizeof(h) + h.size;
		if (h.repeat != 0)
			break;
	}
	if (get_record(s, at, &h, chunk, &s->len, 1, err, errlen) != 0)
		return -1;
	copy(dst, s->prev, 0);
	*repeat = (int)h.repeat;
	return 1;
}

int
cz_render_spool_kept(struct cz_render_spool *s, struct cz_render_canvas *c,
    char *err, size_t errlen)
{
	struct rec h;
	uint8_t *chunk[3] = { c->plane[0], c->plane[1], c->plane[2] };
	size_t len[3];

	if (s->kept < 0 || c->w != s->kept_w || c->h != s->kept_h) {
		snprintf(err, errlen, "frame spool: no poster picture kept");
		return -1;
	}
	if (pread_all(s->fd, &h, sizeof(h), s->kept) != 0) {
		ioerr(s, "read", err, errlen);
		return -1;
	}
	len[0] = (size_t)c->w * c->h;
	len[1] = len[2] = len[0] / 4;
	return get_record(s, s->kept, &h, chunk, len, 3, err, errlen);
}

long long
cz_render_spool_size(const struct cz_render_spool *s)
{
	return (long long)s->end;
}

void
cz_render_spool_close(struct cz_render_spool *s)
{
	if (s == NULL)
		return;
	if (s->fd >= 0)
		(void)close(s->fd);
	free(s->prev);
	free(s);
}
