/*
 * utf8.h - byte-level checks of untrusted text.
 *
 * Request text is checked once at the edge, so nothing past the parsers
 * has to think about ill-formed UTF-8 or embedded NUL bytes.
 */
#ifndef CZ_UTF8_H
#define CZ_UTF8_H

#include <stddef.h>

/* Returns 1 when the n bytes at s are well-formed UTF-8 (Unicode table 3-7:
 * no overlong forms, no surrogates U+D800..U+DFFF, nothing above U+10FFFF,
 * no truncated sequence at the end), else 0. NUL bytes are valid UTF-8 here;
 * see cz_has_nul. s may be NULL when n is 0. */
int cz_utf8_valid(const char *s, size_t n);

/* Returns 1 when the n bytes at s contain a NUL byte, else 0. */
int cz_has_nul(const char *s, size_t n);

#endif
