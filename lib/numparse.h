/*
 * numparse.h - range-checked number parsing for untrusted text.
 *
 * Never atoi: every number that comes from a request, a config file or the
 * command line goes through cz_strtonum (OpenBSD strtonum semantics, but
 * stricter about what counts as a number) or cz_parse_size.
 */
#ifndef CZ_NUMPARSE_H
#define CZ_NUMPARSE_H

#include <stddef.h>

/* Parses s as a decimal integer in [min, max]. Accepted: an optional '-'
 * then one or more ASCII digits, nothing else (no whitespace, no '+', no
 * base prefix; leading zeros are decimal). On success returns the value and
 * sets *errstr to NULL. On failure returns 0, sets errno and *errstr to a
 * static string: "invalid" (EINVAL: not a number, NULL s or min > max),
 * "too small" or "too large" (ERANGE). errstr may be NULL. */
long long cz_strtonum(const char *s, long long min, long long max,
    const char **errstr);

/* Parses a size for configuration: decimal bytes with an optional K, M or G
 * suffix (either case; powers of 1024), e.g. "512", "64K", "8M", "1g".
 * Returns 0 and sets *out, or -1 when s is not such a size or it does not
 * fit a size_t (*out is then unchanged). */
int cz_parse_size(const char *s, size_t *out);

#endif
