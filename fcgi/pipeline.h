/*
 * pipeline.h - serving requests: start-up wiring (routes, every area's
 * statements) and one request through the whole pipeline.
 */
#ifndef CZ_PIPELINE_H
#define CZ_PIPELINE_H

#include <stddef.h>

#include "app.h"
#include "request.h"
#include "settings.h"

/* cz_app_init, then checks the route table and registers the statements
 * of every area. Returns 0, or -1 with a message in err (app is then
 * freed). */
int cz_pipeline_init(struct cz_app *app, const struct cz_settings *s,
    char *err, size_t errlen);

/* Serves one request through io, start to finish; never exits. */
void cz_pipeline_handle(struct cz_app *app, const struct cz_io *io);

#endif
