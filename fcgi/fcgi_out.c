/*
 * fcgi_out.c - a response body written as FastCGI records of up to 64 KB
 * (see fcgi_out.h).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <fastcgi.h>

#include "fcgi_out.h"

/* A record's content: at most 65,535 bytes; a multiple of 8 needs no
 * padding to keep the next header aligned, as the protocol recommends. */
#define RECORD_MAX	65528

/* Records per writev(2): 8 of them carry 512 KB, more than any answer. */
#define BATCH		8

static void
record_header(unsigned char *h, int request_id, size_t len)
{
	h[0] = FCGI_VERSION_1;
	h[1] = FCGI_STDOUT;
	h[2] = (unsigned char)((request_id >> 8) & 0xff);
	h[3] = (unsigned char)(request_id & 0xff);
	h[4] = (unsigned char)((len >> 8) & 0xff);
	h[5] = (unsigned char)(len & 0xff);
	h[6] = 0;	/* padding */
	h[7] = 0;
}

/* Writes the iovcnt buffers of iov in full, going on after a short write
 * (iov is advanced in place). Returns 0, or -1 with errno set. */
static int
writev_all(int fd, struct iovec *iov, int iovcnt)
{
	ssize_t w;
	size_t done;

	while (iovcnt > 0) {
		w = writev(fd, iov, iovcnt);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (done = (size_t)w; iovcnt > 0 && done >= iov->iov_len;
		    iov++, iovcnt--)
			done -= iov->iov_len;
		if (iovcnt > 0) {
			iov->iov_base = (char *)iov->iov_base + done;
			iov->iov_len -= done;
		}
	}
	return 0;
}

int
cz_fcgi_stdout_parts(int fd, int request_id, const struct iovec *part,
    int nparts)
{
	unsigned char head[BATCH][FCGI_HEADER_LEN];
	/* a record's header and its content, which may span every piece
	 * and a piece's rest */
	struct iovec iov[BATCH * (CZ_FCGI_PARTS_MAX + 2)];
	size_t left = 0, off = 0, len, take;
	int k, n, p;

	if (request_id < 0 || request_id > 0xffff || nparts < 0 ||
	    nparts > CZ_FCGI_PARTS_MAX) {
		errno = EINVAL;
		return -1;
	}
	for (p = 0; p < nparts; p++)
		left += part[p].iov_len;
	p = 0;
	while (left > 0) {
		for (k = n = 0; k < BATCH && left > 0; k++) {
			len = left < RECORD_MAX ? left : RECORD_MAX;
			left -= len;
			record_header(head[k], request_id, len);
			iov[n].iov_base = head[k];
			iov[n++].iov_len = FCGI_HEADER_LEN;
			while (len > 0) {
				take = part[p].iov_len - off;
				if (take > len)
					take = len;
				if (take > 0) {
					iov[n].iov_base = (char *)
					    part[p].iov_base + off;
					iov[n++].iov_len = take;
				}
				off += take;
				len -= take;
				if (off == part[p].iov_len) {
					p++;
					off = 0;
				}
			}
		}
		if (writev_all(fd, iov, n) == -1)
			return -1;
	}
	return 0;
}

int
cz_fcgi_stdout_records(int fd, int request_id, const char *buf, size_t n)
{
	struct iovec one;

	one.iov_base = (void *)(uintptr_t)buf;
	one.iov_len = n;
	return cz_fcgi_stdout_parts(fd, request_id, &one, 1);
}
