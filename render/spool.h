/*
 * spool.h - the smaller HLS renditions' frames, kept in a file between the
 * full-size pass and the ladder pass. The full-size pass composes each
 * frame once and spools its scaled pictures; the ladder pass reads them
 * back once the full-size encoder's memory is given back, so the two sets
 * of x264 encoders never run at the same time and nothing is drawn twice.
 *
 * A frame whose pictures are the same bytes as the previous frame's is
 * stored as a repeat count, not again; a stored frame is packed with LZ4
 * in 64 KB blocks. The file is unlinked as soon as it is opened: a
 * failed or killed render leaves nothing behind. The poster's full-size
 * picture can be kept in the same file.
 */
#ifndef CZ_RENDER_SPOOL_H
#define CZ_RENDER_SPOOL_H

#include <stddef.h>

#include "canvas.h"
#include "encode.h"

struct cz_render_spool;	/* opaque */

/* Opens an empty spool in directory dir for frames of shape (the sizes
 * of its pictures; the data pointers are not used). Returns the spool, or
 * NULL with a message in err. */
struct cz_render_spool *cz_render_spool_open(const char *dir,
    const struct cz_render_pics *shape, char *err, size_t errlen);

/* Appends the next frame: the pictures p, or, when changed is 0, the
 * same pictures as the previous frame (p is then not read). Returns 0, or
 * -1 with a message in err (e.g. disk full). */
int cz_render_spool_put(struct cz_render_spool *s,
    const struct cz_render_pics *p, int changed, char *err, size_t errlen);

/* Keeps canvas c (the poster's picture) in the spool. Returns 0, or -1
 * with a message in err. */
int cz_render_spool_keep(struct cz_render_spool *s,
    const struct cz_render_canvas *c, char *err, size_t errlen);

/* Ends writing; the frames can then be read back from the first one.
 * Returns 0, or -1 with a message in err. */
int cz_render_spool_rewind(struct cz_render_spool *s, char *err,
    size_t errlen);

/* Reads the next stored frame into the pictures dst (of the spool's
 * shape) and the number of frames it stands for into *repeat. Returns 1,
 * 0 after the last frame, or -1 with a message in err. */
int cz_render_spool_next(struct cz_render_spool *s,
    const struct cz_render_pics *dst, int *repeat, char *err, size_t errlen);

/* Reads the kept canvas back into c (initialized at the kept size).
 * Returns 0, or -1 with a message in err (also when none was kept). */
int cz_render_spool_kept(struct cz_render_spool *s,
    struct cz_render_canvas *c, char *err, size_t errlen);

/* The spool file's size in bytes (it only grows: its peak). */
long long cz_render_spool_size(const struct cz_render_spool *s);

/* Closes the file and frees everything; s may be NULL. */
void cz_render_spool_close(struct cz_render_spool *s);

#endif
