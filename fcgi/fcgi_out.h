/*
 * fcgi_out.h - a response body written as FastCGI records of up to 64 KB.
 *
 * libfcgi's output stream copies everything into an 8 KB buffer and
 * writes a record each time it fills: a plan's 70 kB answer went out as
 * nine records in nine write(2) calls, each waking nginx. A large body
 * is written here instead as records of up to 64 KB, several in one
 * writev(2), straight to the connection, with the response's head in
 * the first record (cz_fcgi_stdout_parts).
 */
#ifndef CZ_FCGI_OUT_H
#define CZ_FCGI_OUT_H

#include <stddef.h>
#include <sys/uio.h>

/* Bodies of at least this many bytes are written as records here. */
#define CZ_FCGI_DIRECT_MIN	16384

/*
 * Writes the n bytes of buf to fd as FCGI_STDOUT records of request
 * request_id, each of at most 65,528 bytes (a multiple of 8, without
 * padding), as few writev(2) calls as it takes; a write cut short (a
 * signal) goes on where it stopped. Returns 0, or -1 with errno set.
 */
int	cz_fcgi_stdout_records(int fd, int request_id, const char *buf,
	    size_t n);

/* The most pieces cz_fcgi_stdout_parts takes. */
#define CZ_FCGI_PARTS_MAX	8

/*
 * The same for the nparts pieces of part (at most CZ_FCGI_PARTS_MAX),
 * in order, as if they were one buffer: a response's head and body go
 * out in one writev(2), where a head written on its own was a write(2)
 * of its own and one more wake-up of nginx. Returns 0, or -1 with errno
 * set (EINVAL: a bad id or too many pieces).
 */
int	cz_fcgi_stdout_parts(int fd, int request_id, const struct iovec *part,
	    int nparts);

#endif
