/*
 * admin_plan_document.c - cibozer-admin plan-document: a stored plan's
 * document as the API serves it, for operators and tests. Plans are
 * stored in their stored form (lib/plan_stored.h); reading the column
 * with psql shows that form, not the document.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "db.h"
#include "numparse.h"
#include "plan_stored.h"
#include "settings.h"

#define QUERY_TIMEOUT_MS	60000
#define DOCUMENT_MAX		(4 * 1024 * 1024)

static const char SQL_PLAN[] =
    "SELECT document FROM plans WHERE id = $1::bigint";
static const char SQL_REVISION[] =
    "SELECT document FROM plan_revisions WHERE plan_id = $1::bigint AND "
    "revision = $2::integer";

static void
document_usage(void)
{
	fprintf(stderr, "usage: cibozer-admin plan-document [--revision N] "
	    "ID\n"
	    "  prints plan ID (or its kept revision N) as GET /api/plans/ID "
	    "serves it\n"
	    "  exit status: 0 printed, 4 no such plan or revision, 2 usage, "
	    "1 error\n");
}

int
admin_plan_document(const struct cz_settings *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "revision",	required_argument,	NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct cz_catalog *cat = NULL;
	PGconn *conn = NULL;
	PGresult *res = NULL;
	cz_arena *a = NULL;
	cz_buf doc;
	const char *errstr = NULL, *v[2], *text;
	char err[1024], revtext[24];
	long long id, rev = 0;
	size_t len;
	int ch, ret = 1;

	cz_buf_init(&doc, DOCUMENT_MAX);
	while ((ch = getopt_long(argc, argv, "r:", opts, NULL)) != -1) {
		if (ch != 'r')
			goto usage;
		rev = cz_strtonum(optarg, 1, INT32_MAX, &errstr);
		if (errstr != NULL)
			goto usage;
	}
	if (optind + 1 != argc)
		goto usage;
	id = cz_strtonum(argv[optind], 1, INT64_MAX, &errstr);
	if (errstr != NULL)
		goto usage;
	v[0] = argv[optind];
	snprintf(revtext, sizeof(revtext), "%lld", rev);
	v[1] = revtext;
	if ((conn = admin_connect(s, QUERY_TIMEOUT_MS)) == NULL)
		goto out;
	res = PQexecParams(conn, rev > 0 ? SQL_REVISION : SQL_PLAN,
	    rev > 0 ? 2 : 1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "cibozer-admin: plan-document: %s",
		    PQerrorMessage(conn));
		goto out;
	}
	if (PQntuples(res) != 1) {
		fprintf(stderr, "cibozer-admin: plan-document: no plan %lld%s\n",
		    id, rev > 0 ? " at that revision (see its revisions)" : "");
		ret = 4;
		goto out;
	}
	text = PQgetvalue(res, 0, 0);
	len = (size_t)PQgetlength(res, 0, 0);
	if (cz_plan_stored_is(text, len)) {
		if (cz_catalog_load(conn, &cat, err, sizeof(err)) == -1 ||
		    (a = cz_arena_new(64 * 1024)) == NULL ||
		    cz_plan_stored_expand(cat, a, text, len, &doc, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "cibozer-admin: plan-document: plan "
			    "%lld: %s\n", id, a == NULL && cat != NULL ?
			    "out of memory" : err);
			goto out;
		}
		text = doc.data;
		len = doc.len;
	}
	fwrite(text, 1, len, stdout);
	putchar('\n');
	ret = fflush(stdout) == 0 ? 0 : 1;
	goto out;
usage:
	document_usage();
	ret = 2;
out:
	cz_arena_free(a);
	cz_catalog_free(cat);
	cz_buf_free(&doc);
	PQclear(res);
	if (conn != NULL)
		PQfinish(conn);
	return ret;
}
