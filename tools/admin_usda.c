/*
 * admin_usda.c - the food data commands of cibozer-admin:
 *
 *   import-usda DIR    loads every NNNNN.xml food file of DIR (the extracted
 *                      usda_sr24.jar of Debian's cronometer package) into
 *                      foods, food_nutrients and food_measures
 *   validate-foods     checks the loaded data against itself
 *
 * The import parses every file first (lib/usda.c); a malformed one is
 * named on stderr and skipped whole. The valid ones go to PostgreSQL in one
 * transaction, under an advisory lock (two imports never interleave): COPY
 * into temporary tables, then a few set-based statements that insert what
 * is new, update what differs, delete a food's nutrients and measures that
 * its file no longer has, and leave identical rows untouched. A second import of the same files therefore changes nothing,
 * not even imported_at. Foods absent from DIR are kept.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "admin.h"
#include "buf.h"
#include "clock.h"
#include "db.h"
#include "settings.h"
#include "usda.h"

#define IMPORT_LOCK_KEY		"7264524200"	/* arbitrary, stable */
#define IMPORT_TIMEOUT_MS	600000
#define IMPORT_COPY_MAX		((size_t)512 * 1024 * 1024)	/* per table */
#define IMPORT_COPY_CHUNK	(256 * 1024)
#define IMPORT_FILES_MAX	100000

#define VALIDATE_OUTLIER_REL	0.10	/* energy vs Atwater: both this */
#define VALIDATE_OUTLIER_KCAL	20.0	/* ... and this apart */
#define VALIDATE_MASS_MAX	105.0	/* g of macros and water per 100 g */
#define VALIDATE_ENERGY_MAX	902.0	/* kcal per 100 g: pure fat */
#define VALIDATE_SLACK_G	0.5	/* rounding allowed in part <= whole */
#define VALIDATE_WORST		10	/* outliers printed */
#define VALIDATE_EXAMPLES	10	/* other findings printed per kind */

/* First line of a result's error, else of the connection's last one. */
static const char *
pg_error_of(const PGresult *r, PGconn *conn)
{
	static char msg[512];
	const char *m = r != NULL ? PQresultErrorMessage(r) : "";

	snprintf(msg, sizeof(msg), "%s", *m != '\0' ? m : PQerrorMessage(conn));
	msg[strcspn(msg, "\n")] = '\0';
	return msg;
}

static const char *
pg_error(PGconn *conn)
{
	return pg_error_of(NULL, conn);
}

/*
 * Runs one statement with text parameters. Returns the result when its
 * status is want (the caller must PQclear it), else NULL with the error
 * printed after what.
 */
static PGresult *
exec_want(PGconn *conn, const char *what, ExecStatusType want,
    const char *sql, int nparams, const char *const *params)
{
	PGresult *r;

	r = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
	if (r != NULL && PQresultStatus(r) == want)
		return r;
	fprintf(stderr, "cibozer-admin: %s: %s\n", what, pg_error_of(r, conn));
	PQclear(r);
	return NULL;
}

/* The same for a statement without result rows. Returns 0 or -1. */
static int
exec_cmd(PGconn *conn, const char *what, const char *sql)
{
	PGresult *r;

	if ((r = exec_want(conn, what, PGRES_COMMAND_OK, sql, 0, NULL)) == NULL)
		return -1;
	PQclear(r);
	return 0;
}

/* An integer that a count(*) returned. */
static long
result_long(const PGresult *r, int row, int col)
{
	return strtol(PQgetvalue(r, row, col), NULL, 10);
}

/* ------------------------------------------------------------------------
 * import-usda
 */

struct import {
	cz_buf	foods;		/* COPY text of usda_in_foods */
	cz_buf	nutrients;	/* ... of usda_in_nutrients */
	cz_buf	measures;	/* ... of usda_in_measures */
	long	nfoods;
	long	nnutrients;
	long	nmeasures;
	long	nskipped;
};

/* Appends text in COPY's text format: backslash escapes, never raw tabs or
 * line ends. */
static int
copy_text(cz_buf *b, const char *s)
{
	const char *p;
	int rc = 0;

	for (p = s; *p != '\0' && rc == 0; p++) {
		switch (*p) {
		case '\\':
			rc = cz_buf_puts(b, "\\\\");
			break;
		case '\t':
			rc = cz_buf_puts(b, "\\t");
			break;
		case '\n':
			rc = cz_buf_puts(b, "\\n");
			break;
		case '\r':
			rc = cz_buf_puts(b, "\\r");
			break;
		default:
			rc = cz_buf_putc(b, *p);
		}
	}
	return rc;
}

/* A number for COPY, exactly (17 significant digits), or \N for NAN. */
static int
copy_number(cz_buf *b, double v, char sep)
{
	if (isnan(v))
		return cz_buf_printf(b, "\\N%c", sep);
	return cz_buf_printf(b, "%.17g%c", v, sep);
}

/* Adds one parsed food to the COPY buffers. Returns 0, or -1 when out of
 * memory (the buffers may then hold part of it: the import stops). */
static int
import_add(struct import *im, const struct cz_usda_food *f)
{
	const struct cz_usda_measure *m;
	size_t i;
	int id;

	if (cz_buf_printf(&im->foods, "%s\t", f->uid) == -1 ||
	    copy_text(&im->foods, f->name) == -1 ||
	    cz_buf_putc(&im->foods, '\t') == -1 ||
	    copy_number(&im->foods, f->pcf, '\t') == -1 ||
	    copy_number(&im->foods, f->fcf, '\t') == -1 ||
	    copy_number(&im->foods, f->ccf, '\n') == -1)
		return -1;
	for (id = 0; id < CZ_USDA_NUTRIENTS; id++) {
		if (isnan(f->nutrient[id]))
			continue;
		if (cz_buf_printf(&im->nutrients, "%s\t", f->uid) == -1 ||
		    copy_text(&im->nutrients,
		    cz_usda_nutrient_info(id)->name) == -1 ||
		    cz_buf_putc(&im->nutrients, '\t') == -1 ||
		    copy_number(&im->nutrients, f->nutrient[id], '\n') == -1)
			return -1;
		im->nnutrients++;
	}
	for (i = 0; i < f->nmeasures; i++) {
		m = &f->measures[i];
		if (cz_buf_printf(&im->measures, "%s\t%zu\t", f->uid,
		    i + 1) == -1 ||
		    copy_number(&im->measures, m->amount, '\t') == -1 ||
		    copy_text(&im->measures, m->name) == -1 ||
		    cz_buf_putc(&im->measures, '\t') == -1 ||
		    copy_number(&im->measures, m->grams, '\n') == -1)
			return -1;
		im->nmeasures++;
	}
	im->nfoods++;
	return 0;
}

/* Whether name is NNNNN.xml. */
static int
food_file_name(const char *name)
{
	int i;

	for (i = 0; i < 5; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return strcmp(name + 5, ".xml") == 0;
}

static int
xml_entry(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return de->d_name[0] != '.' && n > 4 &&
	    strcmp(de->d_name + n - 4, ".xml") == 0;
}

/*
 * Reads DIR/name (a regular file of at most CZ_USDA_FILE_MAX bytes) into
 * buf (CZ_USDA_FILE_MAX + 1 bytes). Returns the length, or -1 with the
 * reason in err.
 */
static long
read_food_file(int dirfd, const char *name, char *buf, char *err,
    size_t errlen)
{
	struct stat st;
	size_t len = 0;
	ssize_t n;
	int fd;

	if ((fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		goto err;
	}
	/* Read one byte past the limit to notice a file that grew. */
	while (len <= CZ_USDA_FILE_MAX) {
		n = read(fd, buf + len, CZ_USDA_FILE_MAX + 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			snprintf(err, errlen, "%s", strerror(errno));
			goto err;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > CZ_USDA_FILE_MAX) {
		snprintf(err, errlen, "larger than %d bytes", CZ_USDA_FILE_MAX);
		goto err;
	}
	close(fd);
	return (long)len;
err:
	close(fd);
	return -1;
}

/*
 * Parses every *.xml file of dir into the COPY buffers; malformed ones are
 * reported and counted. Returns 0, or -1 when dir cannot be read at all or
 * memory runs out.
 */
static int
import_parse_dir(struct import *im, const char *dir)
{
	struct cz_usda_food *f = NULL;
	struct dirent **list = NULL;
	char *buf = NULL, err[512];
	int dirfd = -1, n = 0, i, ret = -1;
	long len;

	if ((dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "cibozer-admin: import-usda: %s: %s\n", dir,
		    strerror(errno));
		goto err;
	}
	if ((n = scandir(dir, &list, xml_entry, alphasort)) == -1) {
		fprintf(stderr, "cibozer-admin: import-usda: %s: %s\n", dir,
		    strerror(errno));
		n = 0;
		goto err;
	}
	if (n == 0 || n > IMPORT_FILES_MAX) {
		fprintf(stderr, "cibozer-admin: import-usda: %s: %s\n", dir,
		    n == 0 ? "no *.xml food files" : "too many files");
		goto err;
	}
	if ((f = malloc(sizeof(*f))) == NULL ||
	    (buf = malloc(CZ_USDA_FILE_MAX + 1)) == NULL) {
		fprintf(stderr, "cibozer-admin: import-usda: out of memory\n");
		goto err;
	}
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;

		if (!food_file_name(name))
			snprintf(err, sizeof(err), "not named NNNNN.xml");
		else if ((len = read_food_file(dirfd, name, buf, err,
		    sizeof(err))) == -1)
			;
		else if (cz_usda_parse(buf, (size_t)len, f, err,
		    sizeof(err)) == -1)
			;
		else if (strncmp(f->uid, name, 5) != 0)
			snprintf(err, sizeof(err), "uid %s does not match the "
			    "file name", f->uid);
		else {
			if (import_add(im, f) == -1) {
				fprintf(stderr, "cibozer-admin: import-usda: "
				    "out of memory\n");
				goto err;
			}
			continue;
		}
		fprintf(stderr, "cibozer-admin: import-usda: %s/%s: skipped: "
		    "%s\n", dir, name, err);
		im->nskipped++;
	}
	ret = 0;
err:
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	free(buf);
	free(f);
	if (dirfd != -1)
		close(dirfd);
	return ret;
}

/* Sends b through COPY sql. Returns 0 or -1. */
static int
copy_in(PGconn *conn, const char *what, const char *sql, const cz_buf *b)
{
	PGresult *r;
	size_t off, n;
	int ok;

	if ((r = exec_want(conn, what, PGRES_COPY_IN, sql, 0, NULL)) == NULL)
		return -1;
	PQclear(r);
	for (off = 0; off < b->len; off += n) {
		n = b->len - off < IMPORT_COPY_CHUNK ? b->len - off :
		    IMPORT_COPY_CHUNK;
		if (PQputCopyData(conn, b->data + off, (int)n) != 1)
			break;
	}
	if (PQputCopyEnd(conn, off < b->len ? "send failed" : NULL) != 1) {
		fprintf(stderr, "cibozer-admin: %s: %s\n", what, pg_error(conn));
		return -1;
	}
	r = PQgetResult(conn);
	ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "cibozer-admin: %s: %s\n", what, pg_error(conn));
	PQclear(r);
	while ((r = PQgetResult(conn)) != NULL)
		PQclear(r);
	return ok ? 0 : -1;
}

/*
 * The statements that merge the staged rows into the tables, in order.
 * Each records the foods it changed in usda_changed, whose count gives the
 * summary and whose members get a new imported_at.
 */
static const struct {
	const char	*what;
	const char	*sql;
} merge[] = {
	{ "upserting foods",
	  "WITH up AS (INSERT INTO foods AS f (ndb, name, food_group, pcf, fcf, "
	  "ccf) SELECT i.ndb, i.name, p.code, i.pcf, i.fcf, i.ccf "
	  "FROM usda_in_foods i LEFT JOIN food_group_prefixes p "
	  "ON p.prefix = left(i.ndb, 2) "
	  "ON CONFLICT (ndb) DO UPDATE SET name = EXCLUDED.name, "
	  "food_group = EXCLUDED.food_group, pcf = EXCLUDED.pcf, "
	  "fcf = EXCLUDED.fcf, ccf = EXCLUDED.ccf "
	  "WHERE (f.name, f.food_group, f.pcf, f.fcf, f.ccf) IS DISTINCT FROM "
	  "(EXCLUDED.name, EXCLUDED.food_group, EXCLUDED.pcf, EXCLUDED.fcf, "
	  "EXCLUDED.ccf) RETURNING f.ndb) "
	  "INSERT INTO usda_changed SELECT ndb FROM up" },
	{ "removing nutrients no longer given",
	  "WITH d AS (DELETE FROM food_nutrients n USING usda_in_foods i "
	  "WHERE n.ndb = i.ndb AND NOT EXISTS (SELECT FROM usda_in_nutrients x "
	  "WHERE x.ndb = n.ndb AND x.nutrient = n.nutrient) RETURNING n.ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM d" },
	{ "updating nutrients",
	  "WITH up AS (UPDATE food_nutrients n SET amount = x.amount "
	  "FROM usda_in_nutrients x WHERE n.ndb = x.ndb "
	  "AND n.nutrient = x.nutrient AND n.amount IS DISTINCT FROM x.amount "
	  "RETURNING n.ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM up" },
	{ "inserting nutrients",
	  "WITH ins AS (INSERT INTO food_nutrients (ndb, nutrient, amount) "
	  "SELECT x.ndb, x.nutrient, x.amount FROM usda_in_nutrients x "
	  "WHERE NOT EXISTS (SELECT FROM food_nutrients n WHERE n.ndb = x.ndb "
	  "AND n.nutrient = x.nutrient) RETURNING ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM ins" },
	{ "removing measures no longer given",
	  "WITH d AS (DELETE FROM food_measures m USING usda_in_foods i "
	  "WHERE m.ndb = i.ndb AND NOT EXISTS (SELECT FROM usda_in_measures x "
	  "WHERE x.ndb = m.ndb AND x.seq = m.seq) RETURNING m.ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM d" },
	{ "updating measures",
	  "WITH up AS (UPDATE food_measures m SET amount = x.amount, "
	  "name = x.name, grams = x.grams FROM usda_in_measures x "
	  "WHERE m.ndb = x.ndb AND m.seq = x.seq AND (m.amount, m.name, m.grams) "
	  "IS DISTINCT FROM (x.amount, x.name, x.grams) RETURNING m.ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM up" },
	{ "inserting measures",
	  "WITH ins AS (INSERT INTO food_measures (ndb, seq, amount, name, "
	  "grams) SELECT x.ndb, x.seq, x.amount, x.name, x.grams "
	  "FROM usda_in_measures x WHERE NOT EXISTS (SELECT FROM food_measures m "
	  "WHERE m.ndb = x.ndb AND m.seq = x.seq) RETURNING ndb) "
	  "INSERT INTO usda_changed SELECT DISTINCT ndb FROM ins" },
	{ "stamping changed foods",
	  "UPDATE foods SET imported_at = now() WHERE ndb IN "
	  "(SELECT ndb FROM usda_changed) AND imported_at <> now()" },
};

static const char *const staging[] = {
	"CREATE TEMP TABLE usda_in_foods (ndb text PRIMARY KEY, name text, "
	"pcf real, fcf real, ccf real) ON COMMIT DROP",
	"CREATE TEMP TABLE usda_in_nutrients (ndb text, nutrient text, "
	"amount double precision, PRIMARY KEY (ndb, nutrient)) ON COMMIT DROP",
	"CREATE TEMP TABLE usda_in_measures (ndb text, seq smallint, "
	"amount real, name text, grams real, PRIMARY KEY (ndb, seq)) "
	"ON COMMIT DROP",
	"CREATE TEMP TABLE usda_changed (ndb text) ON COMMIT DROP",
};

/*
 * Writes the staged foods in one transaction. Returns 0 with *fresh (foods
 * not in the database before) and *changed (foods any row of which was
 * inserted, updated or deleted) set, or -1 after a rollback.
 */
static int
import_write(PGconn *conn, const struct import *im, long *fresh,
    long *changed)
{
	PGresult *r;
	const char *state;
	size_t i;

	if (exec_cmd(conn, "BEGIN", "BEGIN") == -1)
		return -1;
	if ((r = exec_want(conn, "locking", PGRES_TUPLES_OK,
	    "SELECT pg_advisory_xact_lock(" IMPORT_LOCK_KEY ")", 0,
	    NULL)) == NULL)
		goto rollback;
	PQclear(r);
	r = PQexecParams(conn, "SELECT 1 FROM foods LIMIT 1", 0, NULL, NULL,
	    NULL, NULL, 0);
	if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
		state = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
		fprintf(stderr, "cibozer-admin: import-usda: %s\n",
		    state != NULL && strcmp(state, "42P01") == 0 ?
		    "the foods table is missing; run cibozer-admin migrate "
		    "first" : pg_error(conn));
		PQclear(r);
		goto rollback;
	}
	PQclear(r);
	for (i = 0; i < sizeof(staging) / sizeof(staging[0]); i++)
		if (exec_cmd(conn, "staging", staging[i]) == -1)
			goto rollback;
	if (copy_in(conn, "copying foods", "COPY usda_in_foods (ndb, name, "
	    "pcf, fcf, ccf) FROM STDIN", &im->foods) == -1 ||
	    copy_in(conn, "copying nutrients", "COPY usda_in_nutrients (ndb, "
	    "nutrient, amount) FROM STDIN", &im->nutrients) == -1 ||
	    copy_in(conn, "copying measures", "COPY usda_in_measures (ndb, seq, "
	    "amount, name, grams) FROM STDIN", &im->measures) == -1 ||
	    exec_cmd(conn, "analyzing", "ANALYZE usda_in_foods, "
	    "usda_in_nutrients, usda_in_measures") == -1)
		goto rollback;
	if ((r = exec_want(conn, "counting", PGRES_TUPLES_OK,
	    "SELECT count(*) FROM usda_in_foods i WHERE NOT EXISTS "
	    "(SELECT FROM foods f WHERE f.ndb = i.ndb)", 0, NULL)) == NULL)
		goto rollback;
	*fresh = result_long(r, 0, 0);
	PQclear(r);
	for (i = 0; i < sizeof(merge) / sizeof(merge[0]); i++)
		if (exec_cmd(conn, merge[i].what, merge[i].sql) == -1)
			goto rollback;
	if ((r = exec_want(conn, "counting", PGRES_TUPLES_OK,
	    "SELECT count(DISTINCT ndb) FROM usda_changed", 0, NULL)) == NULL)
		goto rollback;
	*changed = result_long(r, 0, 0);
	PQclear(r);
	if (exec_cmd(conn, "COMMIT", "COMMIT") == -1)
		return -1;
	return 0;
rollback:
	r = PQexec(conn, "ROLLBACK");
	PQclear(r);
	return -1;
}

int
admin_import_usda(const struct cz_settings *s, int argc, char **argv)
{
	struct import im;
	struct stat st;
	PGconn *conn = NULL;
	char err[1024];
	const char *dir;
	double t0;
	long fresh = 0, changed = 0;
	int ret = 1;

	memset(&im, 0, sizeof(im));
	cz_buf_init(&im.foods, IMPORT_COPY_MAX);
	cz_buf_init(&im.nutrients, IMPORT_COPY_MAX);
	cz_buf_init(&im.measures, IMPORT_COPY_MAX);
	if (argc != 2) {
		fprintf(stderr, "usage: cibozer-admin import-usda DIR\n");
		ret = 2;
		goto out;
	}
	dir = argv[1];
	t0 = cz_clock_s();
	if (stat(dir, &st) == -1) {
		fprintf(stderr, "cibozer-admin: import-usda: %s: %s\n", dir,
		    strerror(errno));
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "cibozer-admin: import-usda: %s is not a "
		    "directory; if it is usda_sr24.jar, extract it first "
		    "(unzip %s) and give the usda_sr24 directory\n", dir, dir);
		goto out;
	}
	if (import_parse_dir(&im, dir) == -1)
		goto out;
	if (im.nfoods == 0) {
		fprintf(stderr, "cibozer-admin: import-usda: no valid food file "
		    "in %s (%ld skipped); nothing imported\n", dir, im.nskipped);
		goto out;
	}
	/* Reference data belongs to the owner role: the runtime roles only
	 * read it (sql/018). */
	conn = cz_db_connect_once(s->owner_database_url[0] != '\0' ?
	    s->owner_database_url : s->database_url, (int)s->db_connect_timeout,
	    IMPORT_TIMEOUT_MS, err, sizeof(err));
	if (conn == NULL) {
		fprintf(stderr, "cibozer-admin: cannot connect to the database: "
		    "%s\n", err);
		goto out;
	}
	if (import_write(conn, &im, &fresh, &changed) == -1) {
		fprintf(stderr, "cibozer-admin: import-usda: the import was "
		    "rolled back; nothing was written\n");
		goto out;
	}
	printf("imported %ld foods (%ld nutrients, %ld measures); skipped %ld "
	    "malformed file%s\n", im.nfoods, im.nnutrients, im.nmeasures,
	    im.nskipped, im.nskipped == 1 ? "" : "s");
	printf("%ld new, %ld changed, %ld unchanged; %.1f s\n", fresh,
	    changed - fresh, im.nfoods - changed, cz_clock_s() - t0);
	ret = 0;
out:
	if (conn != NULL)
		PQfinish(conn);
	cz_buf_free(&im.foods);
	cz_buf_free(&im.nutrients);
	cz_buf_free(&im.measures);
	return ret;
}

/* ------------------------------------------------------------------------
 * validate-foods
 */

enum finding {
	F_OUTLIER,
	F_UNCHECKED,
	F_NO_ENERGY,
	F_NO_FIBER,
	F_MASS,
	F_ENERGY,
	F_FIBER_CARBS,
	F_SUGARS_CARBS,
	F_SATFAT_FAT,
	F_COUNT
};

static const struct {
	const char	*label;
	int		 listed;	/* examples printed by default */
} findings[F_COUNT] = {
	[F_OUTLIER] =	  { "energy vs own Atwater factors: > 10% and > 20 "
			    "kcal apart", 0 },
	[F_UNCHECKED] =	  { "energy not checkable (factor or macro missing)",
			    1 },
	[F_NO_ENERGY] =	  { "no energy value", 1 },
	[F_NO_FIBER] =	  { "fiber missing", 0 },
	[F_MASS] =	  { "protein+fat+carbs+water+ash+alcohol > 105 g", 1 },
	[F_ENERGY] =	  { "energy > 902 kcal per 100 g", 1 },
	[F_FIBER_CARBS] = { "fiber > carbohydrate", 1 },
	[F_SUGARS_CARBS] = { "sugars > carbohydrate", 1 },
	[F_SATFAT_FAT] =  { "saturated fat > fat", 1 },
};

/* The nutrients validate-foods reads. */
static const int validate_nutrients[] = {
	CZ_USDA_ENERGY, CZ_USDA_PROTEIN, CZ_USDA_FAT, CZ_USDA_CARBS,
	CZ_USDA_ALCOHOL, CZ_USDA_FIBER, CZ_USDA_SUGARS, CZ_USDA_WATER,
	CZ_USDA_ASH, CZ_USDA_SATURATED_FAT,
};

struct outlier {
	char	ndb[6];
	char	name[CZ_USDA_NAME_MAX + 1];
	double	energy;
	double	atwater;
};

struct validation {
	long		 nfoods;
	long		 count[F_COUNT];
	long		 no_fiber_with_carbs;
	int		 all;		/* print every finding */
	struct outlier	 worst[VALIDATE_WORST];
	int		 nworst;
};

/* A PostgreSQL array literal of the names of validate_nutrients. */
static int
nutrient_array(cz_buf *b)
{
	const char *p;
	size_t i;
	int rc;

	rc = cz_buf_putc(b, '{');
	for (i = 0; i < sizeof(validate_nutrients) /
	    sizeof(validate_nutrients[0]) && rc == 0; i++) {
		if (i > 0)
			rc |= cz_buf_putc(b, ',');
		rc |= cz_buf_putc(b, '"');
		for (p = cz_usda_nutrient_info(validate_nutrients[i])->name;
		    *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				rc |= cz_buf_putc(b, '\\');
			rc |= cz_buf_putc(b, *p);
		}
		rc |= cz_buf_putc(b, '"');
	}
	rc |= cz_buf_putc(b, '}');
	return rc == 0 ? 0 : -1;
}

static double
value_or_nan(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return NAN;
	return strtod(PQgetvalue(r, row, col), NULL);
}

/* Counts a finding about f and prints it when asked to; x is the value
 * at fault in unit, or NAN when there is none to show. */
static void
note(struct validation *v, enum finding k, const struct cz_usda_food *f,
    double x, const char *unit)
{
	v->count[k]++;
	if (!v->all && (!findings[k].listed ||
	    v->count[k] > VALIDATE_EXAMPLES))
		return;
	if (isnan(x))
		printf("  %s  %-46s %14s  %.60s\n", f->uid, findings[k].label,
		    "", f->name);
	else
		printf("  %s  %-46s %9.2f %-4s  %.60s\n", f->uid,
		    findings[k].label, x, unit, f->name);
}

/* Keeps the VALIDATE_WORST largest deviations, largest first. */
static void
keep_worst(struct validation *v, const struct cz_usda_food *f, double e,
    double a)
{
	struct outlier o;
	int i;

	snprintf(o.ndb, sizeof(o.ndb), "%s", f->uid);
	snprintf(o.name, sizeof(o.name), "%s", f->name);
	o.energy = e;
	o.atwater = a;
	for (i = v->nworst; i > 0; i--) {
		if (fabs(v->worst[i - 1].energy - v->worst[i - 1].atwater) >=
		    fabs(e - a))
			break;
		if (i < VALIDATE_WORST)
			v->worst[i] = v->worst[i - 1];
	}
	if (i < VALIDATE_WORST) {
		v->worst[i] = o;
		if (v->nworst < VALIDATE_WORST)
			v->nworst++;
	}
}

/* Runs every check on one food. */
static void
check_food(struct validation *v, const struct cz_usda_food *f)
{
	const double *n = f->nutrient;
	double e = n[CZ_USDA_ENERGY], a, mass, x;
	int k;
	static const int parts[] = { CZ_USDA_PROTEIN, CZ_USDA_FAT,
	    CZ_USDA_CARBS, CZ_USDA_WATER, CZ_USDA_ASH, CZ_USDA_ALCOHOL };

	v->nfoods++;
	a = cz_usda_atwater(f);
	if (isnan(e))
		note(v, F_NO_ENERGY, f, NAN, NULL);
	else if (isnan(a))
		note(v, F_UNCHECKED, f, NAN, NULL);
	else if (fabs(e - a) > VALIDATE_OUTLIER_KCAL &&
	    fabs(e - a) > VALIDATE_OUTLIER_REL * e) {
		note(v, F_OUTLIER, f, e - a, "kcal");
		keep_worst(v, f, e, a);
	}
	if (isnan(n[CZ_USDA_FIBER])) {
		note(v, F_NO_FIBER, f, NAN, NULL);
		if (n[CZ_USDA_CARBS] > 0)
			v->no_fiber_with_carbs++;
	}
	mass = 0;
	for (k = 0; k < (int)(sizeof(parts) / sizeof(parts[0])); k++)
		if (!isnan(x = n[parts[k]]))
			mass += x;
	if (mass > VALIDATE_MASS_MAX)
		note(v, F_MASS, f, mass, "g");
	if (e > VALIDATE_ENERGY_MAX)
		note(v, F_ENERGY, f, e, "kcal");
	if (n[CZ_USDA_FIBER] > n[CZ_USDA_CARBS] + VALIDATE_SLACK_G)
		note(v, F_FIBER_CARBS, f, n[CZ_USDA_FIBER], "g");
	if (n[CZ_USDA_SUGARS] > n[CZ_USDA_CARBS] + VALIDATE_SLACK_G)
		note(v, F_SUGARS_CARBS, f, n[CZ_USDA_SUGARS], "g");
	if (n[CZ_USDA_SATURATED_FAT] > n[CZ_USDA_FAT] + VALIDATE_SLACK_G)
		note(v, F_SATFAT_FAT, f, n[CZ_USDA_SATURATED_FAT], "g");
}

static void
print_summary(const struct validation *v)
{
	const struct outlier *o;
	int k, i;

	printf("\nvalidated %ld foods:\n", v->nfoods);
	for (k = 0; k < F_COUNT; k++) {
		printf("  %-60s %6ld", findings[k].label, v->count[k]);
		if (k == F_NO_FIBER)
			printf("  (%ld with carbohydrate > 0)",
			    v->no_fiber_with_carbs);
		printf("\n");
	}
	if (v->nworst == 0)
		return;
	printf("\nworst %d energy outliers (kcal per 100 g):\n", v->nworst);
	printf("  %-5s  %8s  %8s  %8s  %s\n", "NDB", "energy", "Atwater",
	    "diff", "name");
	for (i = 0; i < v->nworst; i++) {
		o = &v->worst[i];
		printf("  %-5s  %8.1f  %8.1f  %+8.1f  %s\n", o->ndb, o->energy,
		    o->atwater, o->energy - o->atwater, o->name);
	}
}

int
admin_validate_foods(const struct cz_settings *s, int argc, char **argv)
{
	struct validation *v = NULL;
	struct cz_usda_food *f = NULL;
	const char *params[1];
	PGresult *r = NULL;
	PGconn *conn = NULL;
	cz_buf names;
	char err[1024];
	int i, nrows, id, ret = 1;

	cz_buf_init(&names, 4096);
	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (f = malloc(sizeof(*f))) == NULL) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	if (argc == 2 && strcmp(argv[1], "--all") == 0)
		v->all = 1;
	else if (argc != 1) {
		fprintf(stderr, "usage: cibozer-admin validate-foods [--all]\n");
		ret = 2;
		goto out;
	}
	if (nutrient_array(&names) == -1) {
		fprintf(stderr, "cibozer-admin: out of memory\n");
		goto out;
	}
	conn = cz_db_connect_once(s->database_url, (int)s->db_connect_timeout,
	    IMPORT_TIMEOUT_MS, err, sizeof(err));
	if (conn == NULL) {
		fprintf(stderr, "cibozer-admin: cannot connect to the database: "
		    "%s\n", err);
		goto out;
	}
	params[0] = names.data;
	r = exec_want(conn, "validate-foods", PGRES_TUPLES_OK,
	    "SELECT f.ndb, f.name, f.pcf, f.fcf, f.ccf, n.nutrient, n.amount "
	    "FROM foods f LEFT JOIN food_nutrients n ON n.ndb = f.ndb "
	    "AND n.nutrient = ANY ($1::text[]) ORDER BY f.ndb", 1, params);
	if (r == NULL)
		goto out;
	nrows = PQntuples(r);
	if (nrows == 0) {
		printf("no foods in the database; load them with cibozer-admin "
		    "import-usda DIR\n");
		ret = 0;
		goto out;
	}
	printf("findings (data notes; --all lists every one):\n");
	cz_usda_food_clear(f);
	for (i = 0; i < nrows; i++) {
		if (i == 0 || strcmp(PQgetvalue(r, i, 0), f->uid) != 0) {
			if (i > 0)
				check_food(v, f);
			cz_usda_food_clear(f);
			snprintf(f->uid, sizeof(f->uid), "%s",
			    PQgetvalue(r, i, 0));
			snprintf(f->name, sizeof(f->name), "%s",
			    PQgetvalue(r, i, 1));
			f->pcf = value_or_nan(r, i, 2);
			f->fcf = value_or_nan(r, i, 3);
			f->ccf = value_or_nan(r, i, 4);
		}
		if (PQgetisnull(r, i, 5))
			continue;
		if ((id = cz_usda_nutrient_lookup(PQgetvalue(r, i, 5))) != -1)
			f->nutrient[id] = value_or_nan(r, i, 6);
	}
	check_food(v, f);
	print_summary(v);
	ret = 0;
out:
	PQclear(r);
	if (conn != NULL)
		PQfinish(conn);
	cz_buf_free(&names);
	free(f);
	free(v);
	return ret;
}
