/*
 * buf.h - growable, length-carrying byte buffer with an optional size cap.
 *
 * Used for rendered output: a responder keeps one buffer per process and
 * resets it between requests (cz_buf_reset keeps the memory, cz_buf_trim
 * gives back what a rare large response took).
 */
#ifndef CZ_BUF_H
#define CZ_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct cz_buf {
	char	*data;	/* always NUL-terminated when non-NULL */
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* 0: unlimited */
} cz_buf;

/* Prepares an empty buffer that refuses to grow past max bytes (0: no cap). */
void cz_buf_init(cz_buf *b, size_t max);

/* Appends n bytes. Returns 0, or -1 when the cap would be passed or memory
 * is short; the buffer is then unchanged. */
int cz_buf_append(cz_buf *b, const void *p, size_t n);
/* Makes room for n more bytes (and the NUL) and returns where they go,
 * or NULL as cz_buf_append fails; the caller writes them and then calls
 * cz_buf_commit with how many it wrote (at most n). Inline where the
 * room is there: a plan's document asks some 2,500 times, and only
 * growing needs the call. */
char *cz_buf_grow_room(cz_buf *b, size_t n);

static inline char *
cz_buf_room(cz_buf *b, size_t n)
{
	if (b->data != NULL && n < b->cap - b->len &&
	    (b->max == 0 || b->len + n <= b->max))
		return b->data + b->len;
	return cz_buf_grow_room(b, n);
}

static inline void
cz_buf_commit(cz_buf *b, size_t n)
{
	b->len += n;
	b->data[b->len] = '\0';
}

int cz_buf_puts(cz_buf *b, const char *s);
int cz_buf_putc(cz_buf *b, char c);
int cz_buf_printf(cz_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Empties the buffer, keeping its memory. */
void cz_buf_reset(cz_buf *b);

/* Empties the buffer and frees its memory if it holds more than keep bytes. */
void cz_buf_trim(cz_buf *b, size_t keep);

/* Frees the memory; the buffer is empty and reusable afterwards. */
void cz_buf_free(cz_buf *b);

#endif
