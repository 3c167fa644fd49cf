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
 * CZ_PARKED (cz_park, request.h), and io->done(io->ctx) will be called
 * once it is answered. Only a transport with io->done parks, up to
 * CZ_PARK_MAX requests at a time.
 *
 * Why: a worker would otherwise sit idle while PostgreSQL flushes the
 * commit; parked, the next request (the next plan's solve) runs in the
 * meantime, and the next plans' inserts join the same batch and share
 * its commit, one WAL flush for up to CZ_PARK_MAX plans (lib/db.h,
 * cz_db_send). The parked requests are answered together as soon as
 * anything else wants the database connection (cz_db_defer: the next
 * request's first statement), or by the worker when their result
 * arrives (cz_pipeline_parked_fd) or before it stops
 * (cz_pipeline_settle).
 */
int cz_pipeline_handle(struct cz_app *app, const struct cz_io *io);

/* The database socket to poll while requests are parked and their
 * commit is sent, else -1. */
int cz_pipeline_parked_fd(const struct cz_app *app);

/*
 * Plans parked whose batch's commit is not sent yet (cz_pipeline_commit
 * sends it): the next plans may still join their batch and share its
 * commit, so the worker sends it only when nothing else waits to be
 * served, when the batch is full, or after a request that did not join.
 */
int cz_pipeline_commit_due(const struct cz_app *app);
void cz_pipeline_commit(struct cz_app *app);

/* Answers the parked request, if any, waiting for its result. */
void cz_pipeline_settle(struct cz_app *app);

#endif
