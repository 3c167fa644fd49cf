/*
 * range.h - the HTTP Range request header (RFC 9110, section 14), for the
 * responder's own file streaming in CGI mode (behind nginx, nginx answers
 * ranges itself). One byte range is served; a header this parser does not
 * take (several ranges, another unit, bad syntax) is ignored, as the RFC
 * allows, and the whole file is sent.
 */
#ifndef CZ_RANGE_H
#define CZ_RANGE_H

#include <stddef.h>

enum cz_range {
	CZ_RANGE_NONE,		/* no usable Range: send everything (200) */
	CZ_RANGE_OK,		/* send *len bytes from *start (206) */
	CZ_RANGE_UNSATISFIABLE	/* no byte of the file is in it (416) */
};

/*
 * Reads h (the header's value, NULL when absent) for a file of size bytes:
 * "bytes=FIRST-LAST", "bytes=FIRST-" or "bytes=-SUFFIX". LAST past the end
 * is cut to the end; FIRST at or past the end, or a suffix of 0, is
 * unsatisfiable. Sets *start and *len only for CZ_RANGE_OK.
 */
enum cz_range cz_range_parse(const char *h, unsigned long long size,
    unsigned long long *start, unsigned long long *len);

#endif /* CZ_RANGE_H */
