/*
 * arena.c - per-request memory arena: a list of chunks with bump allocation
 * and a LIFO list of deferred destructors. See arena.h.
 */
#include "config.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct chunk {
	struct chunk	*next;
	size_t		 size;	/* usable bytes after the header */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct deferred {
	struct deferred	*next;
	void		(*fn)(void *);
	void		*ptr;
};

struct cz_arena {
	struct chunk	*head;		/* current chunk, first of the list */
	struct chunk	*first;		/* kept across resets */
	struct deferred	*deferred;
	size_t		 chunk_size;
	size_t		 used;
	size_t		 limit;
};

#define ALIGN	(alignof(max_align_t))

static struct chunk *
chunk_new(size_t size)
{
	struct chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		return NULL;
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

static void
run_deferred(cz_arena *a)
{
	struct deferred *d;

	/* Destructors may allocate nothing from the arena; they are stored in
	 * arena memory, which stays valid until the chunks are released. */
	while ((d = a->deferred) != NULL) {
		a->deferred = d->next;
		d->fn(d->ptr);
	}
}

cz_arena *
cz_arena_new(size_t chunk_size)
{
	cz_arena *a;

	if (chunk_size < 256)
		chunk_size = 256;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	if ((a->first = chunk_new(chunk_size)) == NULL) {
		free(a);
		return NULL;
	}
	a->head = a->first;
	a->chunk_size = chunk_size;
	return a;
}

void
cz_arena_reset(cz_arena *a)
{
	struct chunk *c, *next;

	run_deferred(a);
	for (c = a->head; c != NULL && c != a->first; c = next) {
		next = c->next;
		free(c);
	}
	a->head = a->first;
	a->first->next = NULL;
	a->first->used = 0;
	a->used = 0;
}

void
cz_arena_free(cz_arena *a)
{
	if (a == NULL)
		return;
	cz_arena_reset(a);
	free(a->first);
	free(a);
}

void
cz_arena_set_limit(cz_arena *a, size_t limit)
{
	a->limit = limit;
}

size_t
cz_arena_used(const cz_arena *a)
{
	return a->used;
}

void *
cz_arena_alloc(cz_arena *a, size_t size)
{
	struct chunk *c;
	size_t need, off;

	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - ALIGN)
		return NULL;
	need = (size + ALIGN - 1) & ~(ALIGN - 1);
	if (a->limit != 0 && (need > a->limit || a->used > a->limit - need))
		return NULL;

	c = a->head;
	off = c->used;
	if (c->size - off < need) {
		/* Big requests get a chunk of their own, so one large body
		 * does not leave a large chunk half-empty. */
		c = chunk_new(need > a->chunk_size ? need : a->chunk_size);
		if (c == NULL)
			return NULL;
		c->next = a->head;
		a->head = c;
		off = 0;
	}
	c->used = off + need;
	a->used += need;
	return c->data + off;
}

void *
cz_arena_calloc(cz_arena *a, size_t nmemb, size_t size)
{
	void *p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		return NULL;
	if ((p = cz_arena_alloc(a, nmemb * size)) != NULL)
		memset(p, 0, nmemb * size);
	return p;
}

char *
cz_arena_strndup(cz_arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX || (p = cz_arena_alloc(a, len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
cz_arena_strdup(cz_arena *a, const char *s)
{
	return cz_arena_strndup(a, s, strlen(s));
}

char *
cz_arena_vprintf(cz_arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	char buf[256], *p;
	int n;

	/* The usual short string is formatted once, on the stack, and
	 * copied; only a longer one is formatted again into its block. */
	va_copy(cp, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, cp);
	va_end(cp);
	if (n < 0 || (p = cz_arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	if ((size_t)n < sizeof(buf))
		memcpy(p, buf, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
cz_arena_printf(cz_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = cz_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

int
cz_arena_defer(cz_arena *a, void (*fn)(void *), void *ptr)
{
	struct deferred *d;

	if ((d = cz_arena_alloc(a, sizeof(*d))) == NULL) {
		fn(ptr);
		return -1;
	}
	d->fn = fn;
	d->ptr = ptr;
	d->next = a->deferred;
	a->deferred = d;
	return 0;
}
