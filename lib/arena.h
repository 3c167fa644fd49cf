/*
 * arena.h - per-request memory arena.
 *
 * Everything a request allocates comes from one arena, released in one call
 * when the request ends, so a long-running responder cannot leak by accident.
 * Objects owned by other allocators (json-c values, libpq results) are tied
 * to the arena with cz_arena_defer(): their destructor runs at reset.
 */
#ifndef CZ_ARENA_H
#define CZ_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct cz_arena cz_arena;

/* Creates an arena whose chunks hold at least chunk_size bytes.
 * Returns NULL when out of memory. */
cz_arena *cz_arena_new(size_t chunk_size);

/* Runs every deferred destructor (last registered first) and frees the
 * arena. NULL is accepted. */
void cz_arena_free(cz_arena *a);

/* Runs every deferred destructor and releases all memory but the first
 * chunk, ready for the next request. Every pointer handed out before the
 * call is invalid after it. */
void cz_arena_reset(cz_arena *a);

/* Returns size bytes aligned for any type, or NULL when out of memory or
 * when the arena's limit (cz_arena_set_limit) would be passed. */
void *cz_arena_alloc(cz_arena *a, size_t size);

/* Like cz_arena_alloc, zero-filled; nmemb * size is checked for overflow. */
void *cz_arena_calloc(cz_arena *a, size_t nmemb, size_t size);

/* Copies len bytes of s and appends a NUL. */
char *cz_arena_strndup(cz_arena *a, const char *s, size_t len);
char *cz_arena_strdup(cz_arena *a, const char *s);

/* printf into arena memory. */
char *cz_arena_printf(cz_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *cz_arena_vprintf(cz_arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Registers fn(ptr) to run at the next reset or free. Returns 0, or -1 when
 * out of memory, in which case fn(ptr) has already been run so the caller
 * never leaks. */
int cz_arena_defer(cz_arena *a, void (*fn)(void *), void *ptr);

/* Caps the bytes the arena may hand out in total (0: no cap). */
void cz_arena_set_limit(cz_arena *a, size_t limit);

/* Bytes handed out since the last reset. */
size_t cz_arena_used(const cz_arena *a);

#endif
