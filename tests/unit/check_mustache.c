/*
 * check_mustache.c - unit tests of the mustache engine and its json-c
 * adapter, and a runner of the official specification files.
 *
 * The specification is not copied into the tree: the runner reads it from
 * $MUSTACHE_SPEC_DIR, which make check sets to configure's
 * MUSTACHE_SPEC_DIR (given, as the test command does, or found at
 * ../shared/spec/mustache beside the source tree). When it names a
 * directory, that directory must hold every spec file run here: a missing,
 * empty or incomplete one is a failure, never a silent pass. When it is
 * unset or empty (a tarball built where there is no spec), only the
 * engine's own tests run, and the output says that the spec was not
 * given.
 */
#include "config.h"

#include <sys/stat.h>

#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "buf.h"
#include "mustache.h"
#include "mustache_json.h"

/* Spec files run, and those skipped with the reason. */
static const char *const spec_files[] = {
	"comments.json",
	"delimiters.json",
	"interpolation.json",
	"inverted.json",
	"partials.json",
	"sections.json",
	"~inheritance.json",
};
static const struct {
	const char	*file;
	const char	*why;
} spec_skipped[] = {
	{ "~lambdas.json", "lambdas are an optional module, not implemented" },
	{ "~dynamic-names.json",
	    "dynamic names are an optional module, not implemented" },
};

static char spec_dir[PATH_MAX / 2];
/* Why the spec given cannot be run (then the spec_missing test fails). */
static char spec_problem[PATH_MAX];

/* --- helpers ------------------------------------------------------------- */

/* Renders src against the JSON text data; returns a malloc'd string, or
 * NULL with the message in err. */
static char *
render_str(const char *src, const char *data, char *err, size_t errlen)
{
	struct json_object *obj;
	mst_set *set;
	cz_buf out;
	char *s = NULL;

	obj = json_tokener_parse(data);
	ck_assert_ptr_nonnull(obj);
	set = mst_set_new();
	ck_assert_ptr_nonnull(set);
	cz_buf_init(&out, 0);
	if (mst_set_add(set, "t", src, strlen(src), err, errlen) == 0 &&
	    mst_render_json(set, "t", obj, &out, err, errlen) == 0)
		s = strdup(out.data != NULL ? out.data : "");
	cz_buf_free(&out);
	mst_set_free(set);
	json_object_put(obj);
	return s;
}

static void
check_render(const char *src, const char *data, const char *expected)
{
	char err[256] = "", *got;

	got = render_str(src, data, err, sizeof(err));
	if (got == NULL)
		ck_abort_msg("render of \"%s\" failed: %s", src, err);
	ck_assert_str_eq(got, expected);
	free(got);
}

/* Adds a template that must compile. */
static void
src_add(mst_set *set, const char *name, const char *src)
{
	char err[256] = "";

	if (mst_set_add(set, name, src, strlen(src), err, sizeof(err)) == -1)
		ck_abort_msg("%s: %s", name, err);
}

static void
write_file(const char *dir, const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

/* --- the specification --------------------------------------------------- */

static void
print_escaped(const char *label, const char *s)
{
	printf("    %s: \"", label);
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else
			putchar(*s);
	}
	puts("\"");
}

/* Runs one test object of a spec file; returns 1 when it passes. */
static int
run_spec_test(const char *file, struct json_object *t)
{
	struct json_object *name, *tmpl, *data, *expected, *partials;
	const char *exp;
	char err[512] = "";
	mst_set *set;
	cz_buf out;
	int ok = 0;

	if (!json_object_object_get_ex(t, "name", &name) ||
	    !json_object_object_get_ex(t, "template", &tmpl) ||
	    !json_object_object_get_ex(t, "expected", &expected)) {
		printf("%s: malformed test\n", file);
		return 0;
	}
	json_object_object_get_ex(t, "data", &data);
	set = mst_set_new();
	ck_assert_ptr_nonnull(set);
	cz_buf_init(&out, 0);
	if (json_object_object_get_ex(t, "partials", &partials)) {
		json_object_object_foreach(partials, pname, ptext) {
			if (mst_set_add(set, pname, json_object_get_string(ptext),
			    (size_t)json_object_get_string_len(ptext), err,
			    sizeof(err)) == -1)
				goto done;
		}
	}
	if (mst_set_add(set, "(spec test)", json_object_get_string(tmpl),
	    (size_t)json_object_get_string_len(tmpl), err, sizeof(err)) == -1 ||
	    mst_render_json(set, "(spec test)", data, &out, err,
	    sizeof(err)) == -1)
		goto done;
	exp = json_object_get_string(expected);
	ok = out.len == (size_t)json_object_get_string_len(expected) &&
	    (out.len == 0 || memcmp(out.data, exp, out.len) == 0);
done:
	if (!ok) {
		printf("%s: FAILED \"%s\"\n", file,
		    json_object_get_string(name));
		print_escaped("template", json_object_get_string(tmpl));
		print_escaped("expected", json_object_get_string(expected));
		if (err[0] != '\0')
			printf("    error: %s\n", err);
		else
			print_escaped("got     ", out.data != NULL ?
			    out.data : "");
	}
	cz_buf_free(&out);
	mst_set_free(set);
	return ok;
}

START_TEST(spec_file)
{
	struct json_object *doc, *tests;
	const char *file = spec_files[_i];
	char path[PATH_MAX];
	size_t i, n, passed = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", spec_dir, file) >=
	    sizeof(path))
		ck_abort_msg("%s: path too long", spec_dir);
	doc = json_object_from_file(path);
	if (doc == NULL)
		ck_abort_msg("%s: cannot read: %s", path,
		    json_util_get_last_err());
	ck_assert(json_object_object_get_ex(doc, "tests", &tests));
	n = json_object_array_length(tests);
	for (i = 0; i < n; i++)
		passed += (size_t)run_spec_test(file,
		    json_object_array_get_idx(tests, i));
	printf("%s: %zu/%zu passed\n", file, passed, n);
	fflush(stdout);
	json_object_put(doc);
	ck_assert_uint_gt(n, 0);
	ck_assert_msg(passed == n, "%s: %zu of %zu spec tests failed", file,
	    n - passed, n);
}
END_TEST

/* MUSTACHE_SPEC_DIR was set, but not to the spec. */
START_TEST(spec_missing)
{
	ck_abort_msg("%s", spec_problem);
}
END_TEST

/*
 * Checks the directory named by MUSTACHE_SPEC_DIR (value env, not empty):
 * a directory holding every file of spec_files. Returns 0, or -1 with the
 * reason in spec_problem.
 */
static int
spec_dir_check(const char *env)
{
	char path[PATH_MAX];
	struct stat sb;
	size_t i, n, missing = 0;

	if ((size_t)snprintf(spec_dir, sizeof(spec_dir), "%s", env) >=
	    sizeof(spec_dir)) {
		snprintf(spec_problem, sizeof(spec_problem), "MUSTACHE_SPEC_DIR "
		    "is too long");
		return -1;
	}
	if (stat(spec_dir, &sb) == -1) {
		snprintf(spec_problem, sizeof(spec_problem), "MUSTACHE_SPEC_DIR="
		    "%s: %s", spec_dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		snprintf(spec_problem, sizeof(spec_problem), "MUSTACHE_SPEC_DIR="
		    "%s: not a directory", spec_dir);
		return -1;
	}
	n = (size_t)snprintf(spec_problem, sizeof(spec_problem),
	    "MUSTACHE_SPEC_DIR=%s lacks", spec_dir);
	for (i = 0; i < sizeof(spec_files) / sizeof(spec_files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", spec_dir, spec_files[i]);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
			continue;
		missing++;
		if (n < sizeof(spec_problem))
			n += (size_t)snprintf(spec_problem + n,
			    sizeof(spec_problem) - n, " %s", spec_files[i]);
	}
	if (missing > 0)
		return -1;
	spec_problem[0] = '\0';
	return 0;
}

/* --- the engine's own tests ---------------------------------------------- */

START_TEST(escaping)
{
	check_render("{{s}}|{{{s}}}|{{&s}}",
	    "{\"s\": \"<a href=\\\"x\\\">Tom's & Jerry's</a>\"}",
	    "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;|"
	    "<a href=\"x\">Tom's & Jerry's</a>|"
	    "<a href=\"x\">Tom's & Jerry's</a>");
	check_render("{{s}}", "{\"s\": \"caf\\u00e9 \\u2014 ok\"}",
	    "caf\xc3\xa9 \xe2\x80\x94 ok");
}
END_TEST

START_TEST(values)
{
	check_render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} [{{i}}]",
	    "{\"a\": 1.5, \"b\": 3.0, \"c\": 85, \"d\": -2, \"e\": 0.1, "
	    "\"f\": 1e300, \"g\": true, \"h\": false, \"i\": null}",
	    "1.5 3 85 -2 0.1 1e+300 true false []");
	check_render("[{{missing}}][{{o}}][{{l}}][{{x.y.z}}]",
	    "{\"o\": {\"k\": 1}, \"l\": [1, 2], \"x\": {\"y\": 1}}",
	    "[][][][]");
	check_render("{{n}}", "{\"n\": 18446744073709551615}",
	    "18446744073709551615");
}
END_TEST

/* How numbers printed before the short path for decimals: the oracle. */
static void
printf_number(double d, char *buf, size_t size)
{
	int prec;

	if (d == 0.0)
		snprintf(buf, size, "0");
	else if (d >= -1e15 && d <= 1e15 && (double)(int64_t)d == d)
		snprintf(buf, size, "%" PRId64, (int64_t)d);
	else {
		for (prec = 15; prec < 17; prec++) {
			snprintf(buf, size, "%.*g", prec, d);
			if (strtod(buf, NULL) == d)
				return;
		}
		snprintf(buf, size, "%.17g", d);
	}
}

START_TEST(numbers_print_as_printf_would)
{
	static const double edges[] = { 1e-4, 9.9999e-5, 0.00015, 0.1 + 0.2,
	    1.0 / 3, 999999999.5, 1e9 + 0.5, 123456789.123456, 0.5, 2.675,
	    1.005, 8.4, 4.35, -0.25, 1e15, 1e15 + 2, 9007199254740993.0,
	    -1e-300, 5e-324, 5e-5, 0.00001, -2.5e-5, 0.000123 };
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7 };
	struct json_object *data, *list;
	unsigned long long seed = 12345, bits;
	char err[256] = "", want[64], *line, *save = NULL;
	mst_set *set;
	cz_buf out;
	double d;
	size_t i, n = 0;

	data = json_object_new_object();
	list = json_object_new_array();
	json_object_object_add(data, "l", list);
	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		json_object_array_add(list, json_object_new_double(edges[i]));
	for (i = 0; i < 30000; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		bits = seed >> 11;
		switch (i % 3) {
		case 0:	/* a few decimals: r / 10^k */
			d = (double)(bits % 2000000000000ULL) /
			    p10[(seed >> 3) % 8];
			break;
		case 1:	/* any double of a page's range */
			d = (double)bits / 9007199254740992.0 *
			    p10[(seed >> 5) % 8] * 1000.0;
			break;
		default: /* any bit pattern that is a finite number */
			memcpy(&d, &seed, sizeof(d));
			if (d != d || d - d != 0.0)
				d = 1.5;
			break;
		}
		json_object_array_add(list, json_object_new_double(
		    (seed & 1) ? -d : d));
	}
	set = mst_set_new();
	ck_assert_ptr_nonnull(set);
	src_add(set, "t", "{{#l}}{{.}}\n{{/l}}");
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "t", data, &out, err,
	    sizeof(err)), 0);
	for (line = strtok_r(out.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save), n++) {
		printf_number(json_object_get_double(
		    json_object_array_get_idx(list, n)), want, sizeof(want));
		ck_assert_msg(strcmp(line, want) == 0, "%.17g printed as %s, "
		    "printf gives %s", json_object_get_double(
		    json_object_array_get_idx(list, n)), line, want);
	}
	ck_assert_uint_eq(n, json_object_array_length(list));
	cz_buf_free(&out);
	mst_set_free(set);
	json_object_put(data);
}
END_TEST

START_TEST(truthiness)
{
	check_render("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}{{#d}}D{{/d}}"
	    "{{#e}}E{{/e}}{{#f}}F{{/f}}{{#g}}G{{/g}}",
	    "{\"a\": \"\", \"b\": 0, \"c\": [], \"d\": null, \"e\": {}, "
	    "\"f\": \"x\", \"g\": 2.5}", "EFG");
	check_render("{{^a}}A{{/a}}{{^b}}B{{/b}}{{^c}}C{{/c}}{{^e}}E{{/e}}",
	    "{\"a\": \"\", \"b\": 0, \"c\": [], \"e\": {}}", "ABC");
}
END_TEST

START_TEST(lists_and_context)
{
	check_render("{{#days}}{{name}}:{{#meals}}{{.}},{{/meals}}"
	    "{{unit}};{{/days}}",
	    "{\"unit\": \"kcal\", \"days\": [{\"name\": \"Mon\", "
	    "\"meals\": [\"a\", \"b\"]}, {\"name\": \"Tue\", \"meals\": []}]}",
	    "Mon:a,b,kcal;Tue:kcal;");
}
END_TEST

START_TEST(depth_limit)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;
	char src[MST_MAX_DEPTH * 12 + 64], *p;
	int i;

	/* a partial that includes itself ends with an error, not a crash */
	set = mst_set_new();
	ck_assert_int_eq(mst_set_add(set, "loop", "x{{>loop}}", 10, err,
	    sizeof(err)), 0);
	obj = json_object_new_object();
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "loop", obj, &out, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "depth") != NULL, "message: %s", err);

	/* so does inheritance that recurses through a block */
	src_add(set, "p", "{{<p}}{{$b}}{{<p}}{{/p}}{{/b}}{{/p}}{{$b}}{{/b}}");
	cz_buf_reset(&out);
	ck_assert_int_eq(mst_render_json(set, "p", obj, &out, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "depth") != NULL, "message: %s", err);

	/* MST_MAX_DEPTH nested sections compile and render; one more
	 * does not compile */
	for (p = src, i = 0; i < MST_MAX_DEPTH; i++)
		p += sprintf(p, "{{#a}}");
	for (i = 0; i < MST_MAX_DEPTH; i++)
		p += sprintf(p, "{{/a}}");
	ck_assert_int_eq(mst_set_add(set, "deep", src, strlen(src), err,
	    sizeof(err)), 0);
	cz_buf_reset(&out);
	ck_assert_int_eq(mst_render_json(set, "deep", obj, &out, err,
	    sizeof(err)), 0);
	for (p = src, i = 0; i <= MST_MAX_DEPTH; i++)
		p += sprintf(p, "{{#a}}");
	for (i = 0; i <= MST_MAX_DEPTH; i++)
		p += sprintf(p, "{{/a}}");
	ck_assert_int_eq(mst_set_add(set, "deeper", src, strlen(src), err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "nested") != NULL, "message: %s", err);

	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

START_TEST(step_limit)
{
	char err[256] = "", src[512], *p;
	struct json_object *obj;
	mst_set *set;
	cz_buf out;
	int i;

	/* 30 nested loops over 3 items: 3^30 passes, no output */
	for (p = src, i = 0; i < 30; i++)
		p += sprintf(p, "{{#l}}");
	for (i = 0; i < 30; i++)
		p += sprintf(p, "{{/l}}");
	set = mst_set_new();
	mst_set_max_steps(set, 100000);
	src_add(set, "x", src);
	obj = json_tokener_parse("{\"l\": [1, 2, 3]}");
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "x", obj, &out, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "steps") != NULL, "message: %s", err);
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

START_TEST(output_cap)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	set = mst_set_new();
	ck_assert_int_eq(mst_set_add(set, "t", "{{#l}}0123456789{{/l}}", 22,
	    err, sizeof(err)), 0);
	obj = json_tokener_parse("{\"l\": [1, 2, 3, 4, 5]}");
	cz_buf_init(&out, 45);
	ck_assert_int_eq(mst_render_json(set, "t", obj, &out, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "output over 45 bytes") != NULL,
	    "message: %s", err);
	ck_assert_uint_le(out.len, 45);
	cz_buf_free(&out);
	cz_buf_init(&out, 50);
	ck_assert_int_eq(mst_render_json(set, "t", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_uint_eq(out.len, 50);
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

START_TEST(unknown_template)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	set = mst_set_new();
	obj = json_object_new_object();
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "nope", obj, &out, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown template \"nope\"");
	ck_assert_int_eq(mst_set_has(set, "nope"), 0);
	/* a missing partial renders empty, as the specification says */
	ck_assert_int_eq(mst_set_add(set, "t", "[{{>nope}}]", 11, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(mst_render_json(set, "t", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "[]");
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
	mst_set_free(NULL);
}
END_TEST

START_TEST(parse_errors)
{
	static const struct {
		const char	*src;
		const char	*msg;
	} cases[] = {
		{ "a\nb\n{{#x}}\nc\n", "t: line 3: \"x\" is never closed" },
		{ "{{#x}}\n{{/y}}", "t: line 2: closing tag \"y\" does not "
		    "match \"x\" opened on line 1" },
		{ "\n\n{{/y}}", "t: line 3: closing tag \"y\" without opening "
		    "tag" },
		{ "a\n{{x", "t: line 2: unclosed tag" },
		{ "{{}}", "t: line 1: empty tag name" },
		{ "{{a b}}", "t: line 1: space inside tag name \"a b\"" },
		{ "{{a..b}}", "t: line 1: empty part in dotted name \"a..b\"" },
		{ "{{=<%>=}}", "t: line 1: set delimiters needs two delimiters" },
		{ "{{<p}}{{$b}}{{/p}}", "t: line 1: closing tag \"p\" does "
		    "not match \"b\" opened on line 1" },
	};
	char err[256];
	mst_set *set;
	size_t i;

	set = mst_set_new();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err[0] = '\0';
		ck_assert_int_eq(mst_set_add(set, "t", cases[i].src,
		    strlen(cases[i].src), err, sizeof(err)), -1);
		ck_assert_str_eq(err, cases[i].msg);
		ck_assert_int_eq(mst_set_has(set, "t"), 0);
	}
	mst_set_free(set);
}
END_TEST

START_TEST(replace)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	set = mst_set_new();
	obj = json_object_new_object();
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_set_add(set, "t", "old", 3, err, sizeof(err)), 0);
	ck_assert_int_eq(mst_set_add(set, "t", "new", 3, err, sizeof(err)), 0);
	/* a failed compile leaves the older template in place */
	ck_assert_int_eq(mst_set_add(set, "t", "{{#x}}", 6, err,
	    sizeof(err)), -1);
	ck_assert_int_eq(mst_render_json(set, "t", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "new");
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

static int
collect_ref(const char *ref, void *arg)
{
	char *seen = arg;

	strcat(seen, ref);
	strcat(seen, ",");
	return 0;
}

START_TEST(refs)
{
	char seen[64] = "";
	mst_set *set;

	set = mst_set_new();
	src_add(set, "r", "{{>a}}{{#s}}{{>b}}{{/s}}"
	    "{{<c}}{{$x}}{{>d}}{{/x}}{{/c}}");
	ck_assert_int_eq(mst_set_refs(set, "r", collect_ref, seen), 0);
	ck_assert_str_eq(seen, "a,b,c,d,");
	ck_assert_int_eq(mst_set_refs(set, "nope", collect_ref, seen), -1);
	mst_set_free(set);
}
END_TEST

START_TEST(delimiters_and_whitespace)
{
	check_render("{{=<% %>=}}<% a %>{{a}}<%={{ }}=%>{{a}}",
	    "{\"a\": 1}", "1{{a}}1");
	check_render("<ul>\n  {{#l}}\n  <li>{{.}}</li>\n  {{/l}}\n</ul>\n",
	    "{\"l\": [1, 2]}", "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n");
	check_render("a\r\n{{! c }}\r\nb", "{}", "a\r\nb");
	/* a missing partial leaves nothing, its standalone line included */
	check_render("<div>\n  {{>p}}\n</div>", "{}", "<div>\n</div>");
}
END_TEST

/* The block-indentation rules of the inheritance tests, as a layout
 * would meet them. */
START_TEST(block_indentation)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	set = mst_set_new();
	/* a block pair alone on its line keeps the newline after it */
	src_add(set, "pair", "<main>\n  {{$c}}{{/c}}\n</main>");
	/* a standalone opening tag takes the indentation of its content */
	src_add(set, "open", "<main>\n{{$c}}\n    x\n{{/c}}\n</main>");
	src_add(set, "p1", "{{<pair}}{{$c}}\n  <p>a</p>\n  <p>b</p>\n"
	    "{{/c}}{{/pair}}");
	src_add(set, "p2", "{{<open}}\n{{$c}}\n<p>a</p>\n<p>b</p>\n"
	    "{{/c}}\n{{/open}}\n");
	obj = json_object_new_object();
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "p1", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "<main>\n  <p>a</p>\n  <p>b</p>\n\n</main>");
	cz_buf_reset(&out);
	ck_assert_int_eq(mst_render_json(set, "p2", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data,
	    "<main>\n    <p>a</p>\n    <p>b</p>\n</main>");
	cz_buf_reset(&out);
	ck_assert_int_eq(mst_render_json(set, "open", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "<main>\n    x\n</main>");

	/* partial indentation applies to template lines, not to values */
	src_add(set, "item", "<li>\n  {{v}}\n</li>\n");
	src_add(set, "list", "<ul>\n  {{#l}}\n  {{>item}}\n  {{/l}}\n</ul>");
	json_object_object_add(obj, "l", json_tokener_parse("[{\"v\": "
	    "\"a\\nb\"}, {\"v\": \"c\"}]"));
	cz_buf_reset(&out);
	ck_assert_int_eq(mst_render_json(set, "list", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "<ul>\n  <li>\n    a\nb\n  </li>\n"
	    "  <li>\n    c\n  </li>\n</ul>");
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

/* A page is a parent tag naming the layout, overriding its blocks. */
START_TEST(layout_inheritance)
{
	static const char layout[] =
	    "<!doctype html>\n"
	    "<title>{{$title}}{{site}}{{/title}}</title>\n"
	    "{{> partials/banner}}\n"
	    "<main>\n"
	    "  {{$content}}\n"
	    "  {{/content}}\n"
	    "</main>\n"
	    "{{$footer}}<footer>{{site}}</footer>{{/footer}}\n";
	static const char banner[] = "<aside>{{note}}</aside>\n";
	static const char page[] =
	    "{{! about }}\n"
	    "{{<layout}}\n"
	    "{{$title}}About {{site}}{{/title}}\n"
	    "{{$content}}\n"
	    "<h1>{{heading}}</h1>\n"
	    "{{#items}}\n"
	    "<p>{{.}}</p>\n"
	    "{{/items}}\n"
	    "{{/content}}\n"
	    "{{/layout}}\n";
	static const char expected[] =
	    "<!doctype html>\n"
	    "<title>About C&amp;Z</title>\n"
	    "<aside>Not medical advice.</aside>\n"
	    "<main>\n"
	    "  <h1>Hi &lt;you&gt;</h1>\n"
	    "  <p>one</p>\n"
	    "  <p>two</p>\n"
	    "</main>\n"
	    "<footer>C&amp;Z</footer>\n";
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;
	int i;

	set = mst_set_new();
	ck_assert_int_eq(mst_set_add(set, "layout", layout, strlen(layout),
	    err, sizeof(err)), 0);
	ck_assert_int_eq(mst_set_add(set, "partials/banner", banner,
	    strlen(banner), err, sizeof(err)), 0);
	ck_assert_int_eq(mst_set_add(set, "pages/about", page, strlen(page),
	    err, sizeof(err)), 0);
	obj = json_tokener_parse("{\"site\": \"C&Z\", \"note\": \"Not medical "
	    "advice.\", \"heading\": \"Hi <you>\", \"items\": [\"one\", "
	    "\"two\"]}");
	ck_assert_ptr_nonnull(obj);
	cz_buf_init(&out, 0);
	/* the same compiled set renders many times alike */
	for (i = 0; i < 3; i++) {
		cz_buf_reset(&out);
		ck_assert_int_eq(mst_render_json(set, "pages/about", obj, &out,
		    err, sizeof(err)), 0);
		ck_assert_str_eq(out.data, expected);
	}
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

START_TEST(load_dir)
{
	char dir[] = "/tmp/check_mustache.XXXXXX", path[PATH_MAX];
	char err[512] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/partials", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/errors", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/.hidden", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	write_file(dir, "layout.mustache",
	    "<body>{{$content}}{{/content}}{{>partials/disclaimers}}</body>");
	write_file(dir, "partials/disclaimers.mustache", "<p>{{d}}</p>");
	write_file(dir, "errors/page.mustache",
	    "{{<layout}}{{$content}}{{code}}{{/content}}{{/layout}}");
	write_file(dir, "README.txt", "{{not a template");
	write_file(dir, ".hidden/x.mustache", "{{#broken");

	set = mst_set_new();
	ck_assert_int_eq(mst_set_load_dir(set, dir, err, sizeof(err)), 3);
	ck_assert_int_eq(mst_set_has(set, "layout"), 1);
	ck_assert_int_eq(mst_set_has(set, "partials/disclaimers"), 1);
	ck_assert_int_eq(mst_set_has(set, "errors/page"), 1);
	ck_assert_int_eq(mst_set_has(set, "README"), 0);
	obj = json_tokener_parse("{\"d\": \"Educational\", \"code\": 404}");
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_render_json(set, "errors/page", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_str_eq(out.data, "<body>404<p>Educational</p></body>");
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);

	/* a template that does not compile names its file and line */
	write_file(dir, "errors/bad.mustache", "ok\n{{#open}}\n");
	set = mst_set_new();
	ck_assert_int_eq(mst_set_load_dir(set, dir, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "errors/bad.mustache: line 2:") != NULL,
	    "message: %s", err);
	mst_set_free(set);
	set = mst_set_new();
	snprintf(path, sizeof(path), "%s/nonexistent", dir);
	ck_assert_int_eq(mst_set_load_dir(set, path, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "nonexistent") != NULL, "message: %s", err);
	mst_set_free(set);

	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(binary_and_odd_input)
{
	char err[256] = "";
	struct json_object *obj;
	mst_set *set;
	cz_buf out;

	set = mst_set_new();
	obj = json_object_new_object();
	cz_buf_init(&out, 0);
	ck_assert_int_eq(mst_set_add(set, "z", "a\0b{{x}}", 8, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(mst_render_json(set, "z", obj, &out, err,
	    sizeof(err)), 0);
	ck_assert_uint_eq(out.len, 3);
	ck_assert_int_eq(memcmp(out.data, "a\0b", 3), 0);
	ck_assert_int_eq(mst_set_add(set, "e", "", 0, err, sizeof(err)), 0);
	ck_assert_int_eq(mst_set_add(set, "n", NULL, 0, err, sizeof(err)), 0);
	cz_buf_free(&out);
	json_object_put(obj);
	mst_set_free(set);
}
END_TEST

static Suite *
mustache_suite(void)
{
	const char *env;
	Suite *s;
	TCase *tc;
	size_t i;

	s = suite_create("mustache");
	tc = tcase_create("engine");
	tcase_add_test(tc, escaping);
	tcase_add_test(tc, values);
	tcase_add_test(tc, numbers_print_as_printf_would);
	tcase_add_test(tc, truthiness);
	tcase_add_test(tc, lists_and_context);
	tcase_add_test(tc, depth_limit);
	tcase_add_test(tc, step_limit);
	tcase_add_test(tc, output_cap);
	tcase_add_test(tc, unknown_template);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, replace);
	tcase_add_test(tc, refs);
	tcase_add_test(tc, delimiters_and_whitespace);
	tcase_add_test(tc, block_indentation);
	tcase_add_test(tc, layout_inheritance);
	tcase_add_test(tc, load_dir);
	tcase_add_test(tc, binary_and_odd_input);
	suite_add_tcase(s, tc);

	env = getenv("MUSTACHE_SPEC_DIR");
	if (env == NULL || env[0] == '\0') {
		printf("mustache spec not given: MUSTACHE_SPEC_DIR is not set, "
		    "so only the engine's own tests run (configure with "
		    "MUSTACHE_SPEC_DIR=DIR, the official spec's JSON files, to "
		    "run the spec too)\n");
		fflush(stdout);
		return s;
	}
	if (spec_dir_check(env) == -1) {
		printf("mustache spec: %s\n", spec_problem);
		fflush(stdout);
		tc = tcase_create("spec");
		tcase_add_test(tc, spec_missing);
		suite_add_tcase(s, tc);
		return s;
	}
	printf("mustache spec from %s\n", spec_dir);
	for (i = 0; i < sizeof(spec_skipped) / sizeof(spec_skipped[0]); i++)
		printf("%s: skipped: %s\n", spec_skipped[i].file,
		    spec_skipped[i].why);
	fflush(stdout);
	tc = tcase_create("spec");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, spec_file, 0,
	    (int)(sizeof(spec_files) / sizeof(spec_files[0])));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	sr = srunner_create(mustache_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
