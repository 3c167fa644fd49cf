/*
 * check_router.c - unit tests of the route table matcher: literals, typed
 * parameters, percent-decoding, HEAD for GET, 405 with Allow.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "router.h"

static int h_dummy(struct cz_request *r) { (void)r; return 0; }

static const struct cz_route table[] = {
	{ "GET",  "/",				"home",	h_dummy, 0 },
	{ "GET",  "/about",			"about", h_dummy, 0 },
	{ "GET",  "/api/plans/{id:int}",	"plan",	h_dummy, 0 },
	{ "POST", "/api/plans",			"plan_new", h_dummy, 0 },
	{ "GET",  "/api/plans",			"plans", h_dummy, 0 },
	{ "POST", "/api/plans/{id:int}/meals/{day:int}/{slot:slug}/regenerate",
	    "regen", h_dummy, 0 },
	{ "GET",  "/foods/{name}",		"food",	h_dummy, 0 },
};
#define N (sizeof(table) / sizeof(table[0]))

static cz_arena *a;

static void setup(void) { a = cz_arena_new(1024); }
static void teardown(void) { cz_arena_free(a); }

START_TEST(table_is_valid)
{
	char err[128];

	ck_assert_int_eq(cz_router_check(table, N, err, sizeof(err)), 0);
}
END_TEST

START_TEST(bad_tables_are_refused)
{
	static const struct cz_route bad1[] = {
		{ "GET", "/x/{id:float}", "x", h_dummy, 0 } };
	static const struct cz_route bad2[] = {
		{ "GET", "no-slash", "x", h_dummy, 0 } };
	static const struct cz_route bad3[] = {
		{ "GET", "/a//b", "x", h_dummy, 0 } };
	char err[128];

	ck_assert_int_eq(cz_router_check(bad1, 1, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_router_check(bad2, 1, err, sizeof(err)), -1);
	ck_assert_int_eq(cz_router_check(bad3, 1, err, sizeof(err)), -1);
}
END_TEST

START_TEST(literals_and_root)
{
	struct cz_route_match m;

	ck_assert_int_eq(cz_route(table, N, "GET", "/", a, &m), CZ_ROUTE_FOUND);
	ck_assert_str_eq(m.route->name, "home");
	ck_assert_int_eq(cz_route(table, N, "GET", "/about", a, &m),
	    CZ_ROUTE_FOUND);
	ck_assert_str_eq(m.route->name, "about");
	ck_assert_int_eq(cz_route(table, N, "GET", "/about/", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/abou", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "//about", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "about", a, &m),
	    CZ_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(typed_parameters)
{
	struct cz_route_match m;
	const struct cz_path_param *p;

	ck_assert_int_eq(cz_route(table, N, "GET", "/api/plans/42", a, &m),
	    CZ_ROUTE_FOUND);
	p = cz_route_param(&m, "id");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->num, 42);
	ck_assert_int_eq(cz_route(table, N, "GET", "/api/plans/0", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/api/plans/-1", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/api/plans/4x", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET",
	    "/api/plans/99999999999999999999", a, &m), CZ_ROUTE_NOT_FOUND);

	ck_assert_int_eq(cz_route(table, N, "POST",
	    "/api/plans/7/meals/3/dinner/regenerate", a, &m), CZ_ROUTE_FOUND);
	ck_assert_int_eq(cz_route_param(&m, "day")->num, 3);
	ck_assert_str_eq(cz_route_param(&m, "slot")->value, "dinner");
	ck_assert_int_eq(cz_route(table, N, "POST",
	    "/api/plans/7/meals/3/Din%20ner/regenerate", a, &m),
	    CZ_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(string_parameters_are_decoded_and_checked)
{
	struct cz_route_match m;

	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/caf%C3%A9", a, &m),
	    CZ_ROUTE_FOUND);
	ck_assert_str_eq(cz_route_param(&m, "name")->value, "caf\xc3\xa9");
	/* An encoded slash, a NUL, bad UTF-8 or a broken escape: no match. */
	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/a%2Fb", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/a%00", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/%C0%AF", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/%zz", a, &m),
	    CZ_ROUTE_NOT_FOUND);
	ck_assert_int_eq(cz_route(table, N, "GET", "/foods/", a, &m),
	    CZ_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(head_and_405)
{
	struct cz_route_match m;

	ck_assert_int_eq(cz_route(table, N, "HEAD", "/about", a, &m),
	    CZ_ROUTE_FOUND);
	ck_assert_int_eq(cz_route(table, N, "DELETE", "/about", a, &m),
	    CZ_ROUTE_BAD_METHOD);
	ck_assert_str_eq(m.allow, "GET, HEAD");
	ck_assert_int_eq(cz_route(table, N, "PUT", "/api/plans", a, &m),
	    CZ_ROUTE_BAD_METHOD);
	ck_assert_str_eq(m.allow, "POST, GET, HEAD");
	ck_assert_int_eq(cz_route(table, N, "POST", "/api/plans", a, &m),
	    CZ_ROUTE_FOUND);
	ck_assert_str_eq(m.route->name, "plan_new");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("router");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table_is_valid);
	tcase_add_test(tc, bad_tables_are_refused);
	tcase_add_test(tc, literals_and_root);
	tcase_add_test(tc, typed_parameters);
	tcase_add_test(tc, string_parameters_are_decoded_and_checked);
	tcase_add_test(tc, head_and_405);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
