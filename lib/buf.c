/*
 * buf.c - growable byte buffer. See buf.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void
cz_buf_init(cz_buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

static int
grow(cz_buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;

	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	need = b->len + extra + 1;
	if (b->max != 0 && need - 1 > b->max)
		return -1;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 256;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	if ((p = realloc(b->data, ncap)) == NULL)
		return -1;
	b->data = p;
	b->cap = ncap;
	return 0;
}

/* cz_buf_room's way when the room is not there (buf.h). */
char *
cz_buf_grow_room(cz_buf *b, size_t n)
{
	if (b->data == NULL || n >= b->cap - b->len ||
	    (b->max != 0 && b->len + n > b->max)) {
		if (grow(b, n) == -1)
			return NULL;
	}
	return b->data + b->len;
}

int
cz_buf_append(cz_buf *b, const void *p, size_t n)
{
	char *d;

	if ((d = cz_buf_room(b, n)) == NULL)
		return -1;
	if (n > 0)
		memcpy(d, p, n);
	cz_buf_commit(b, n);
	return 0;
}

int
cz_buf_puts(cz_buf *b, const char *s)
{
	return cz_buf_append(b, s, strlen(s));
}

int
cz_buf_putc(cz_buf *b, char c)
{
	return cz_buf_append(b, &c, 1);
}

int
cz_buf_printf(cz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* Formatted straight into the room left when it fits (once), else
	 * measured, grown and formatted again. */
	if (b->data != NULL && b->cap - b->len > 1) {
		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->data[b->len] = '\0';
			return -1;
		}
		if ((size_t)n < b->cap - b->len &&
		    (b->max == 0 || b->len + (size_t)n <= b->max)) {
			b->len += (size_t)n;
			return 0;
		}
		b->data[b->len] = '\0';
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) == -1)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void
cz_buf_reset(cz_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
cz_buf_trim(cz_buf *b, size_t keep)
{
	if (b->cap > keep)
		cz_buf_free(b);
	else
		cz_buf_reset(b);
}

void
cz_buf_free(cz_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
