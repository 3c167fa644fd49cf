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

/*
 * Serves one request through io; never exits. Returns 0 when it was
 * answered, or 1 when it is parked: its handler sent a statement whose
 * result the answer needs (a plan's durable insert) and returned
 * CZ_PARKED (cz_park, request.h), and io->done(io->ctx) will be called once it is answered.
 * Only a transport with io->done parks, one request at a time.
 *
 * Why: a worker would otherwise sit idle while PostgreSQL flushes the
 * commit; parked, the next request (the next plan's solve) runs in the
 * meantime. The parked request is answered as soon as anything wants the
 * database connection (lib/db.h, cz_db_defer: the next request's first
 * statement), or by the worker when its result arrives
 * (cz_pipeline_parked_fd) or before it stops (cz_pipeline_settle).
 */
int cz_pipeline_handle(struct cz_app *app, const struct cz_io *io);

/* The database socket to poll while a request is parked, else -1. */
int cz_pipeline_parked_fd(const struct cz_app *app);

/* Answers the parked request, if any, waiting for its result. */
void cz_pipeline_settle(struct cz_app *app);

#endif
