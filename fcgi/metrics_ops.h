/*
 * metrics_ops.h - /metrics' operational gauges: database reachable, mail
 * outbox, video directory space. See metrics_ops.c.
 */
#ifndef CZ_METRICS_OPS_H
#define CZ_METRICS_OPS_H

#include "buf.h"

struct cz_db;
struct cz_request;

/* Registers the outbox statement. Returns 0, or -1 when the table is
 * full. */
int cz_metrics_ops_register(struct cz_db *db);

/* Appends cibozer_database_up, the outbox's and the video directory's
 * metrics. db_answered is 0 when the database already failed this scrape
 * (the outbox is not asked then, and cibozer_database_up is 0). Returns
 * 0, or -1 when out grew past its cap. */
int cz_metrics_ops(struct cz_request *r, cz_buf *out, int db_answered);

#endif
