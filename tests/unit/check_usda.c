/*
 * check_usda.c - unit tests of the USDA SR24 food file parser: valid files,
 * every kind of malformed one (including DTD and entity attacks), the
 * Atwater energy, and the agreement of the nutrient table with the
 * migration that seeds it.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "usda.h"

/* SR24's 05062, shortened (the real file has 70 nutrients). */
static const char chicken[] =
    "<food uid=\"05062\" fcf=\"9.02\" pcf=\"4.27\" name=\"Chicken, broilers "
    "or fryers, breast, meat only, raw\" ccf=\"3.87\">"
    "<measure amount=\"1.0\" name=\"unit (yield from 1 lb ready-to-cook "
    "chicken)\" grams=\"71.0\"/>"
    "<measure amount=\"0.5\" name=\"breast, bone and skin removed\" "
    "grams=\"118.0\"/>"
    "<nutrient amount=\"114.0\" name=\"Energy\"/>"
    "<nutrient amount=\"21.23\" name=\"Protein\"/>"
    "<nutrient amount=\"0.0\" name=\"Carbs\"/>"
    "<nutrient amount=\"2.59\" name=\"Fat\"/>"
    "<nutrient amount=\"30.0\" name=\"Vitamin A\"/>"
    "<nutrient amount=\"0.2\" name=\"B12 (Cyanocobalamin)\"/>"
    "<nutrient amount=\"1.099\" name=\"VAL\"/></food>";

static struct cz_usda_food food;
static char err[512];

static int
parse(const char *xml)
{
	err[0] = '\0';
	return cz_usda_parse(xml, strlen(xml), &food, err, sizeof(err));
}

/* Parses a food whose attributes are attrs and whose content is body,
 * expecting failure with an error containing want. */
static void
refuse(const char *attrs, const char *body, const char *want)
{
	char xml[4096];

	snprintf(xml, sizeof(xml), "<food %s>%s</food>", attrs, body);
	ck_assert_msg(parse(xml) == -1, "accepted: %s", xml);
	ck_assert_msg(strstr(err, want) != NULL, "error \"%s\" lacks \"%s\" "
	    "for %s", err, want, xml);
	/* A refused file leaves nothing behind. */
	ck_assert_str_eq(food.uid, "");
	ck_assert_uint_eq(food.nmeasures, 0);
	ck_assert_uint_eq(food.nnutrients, 0);
}

#define OK_ATTRS	"uid=\"01001\" name=\"Butter, salted\""

START_TEST(valid_food)
{
	ck_assert_int_eq(parse(chicken), 0);
	ck_assert_str_eq(food.uid, "05062");
	ck_assert_str_eq(food.name,
	    "Chicken, broilers or fryers, breast, meat only, raw");
	ck_assert_double_eq(food.pcf, 4.27);
	ck_assert_double_eq(food.fcf, 9.02);
	ck_assert_double_eq(food.ccf, 3.87);
	ck_assert_uint_eq(food.nmeasures, 2);
	ck_assert_str_eq(food.measures[1].name, "breast, bone and skin removed");
	ck_assert_double_eq(food.measures[1].amount, 0.5);
	ck_assert_double_eq(food.measures[1].grams, 118.0);
	ck_assert_uint_eq(food.nnutrients, 7);
	ck_assert_double_eq(food.nutrient[CZ_USDA_PROTEIN], 21.23);
	ck_assert_double_eq(food.nutrient[CZ_USDA_VITAMIN_B12], 0.2);
	ck_assert_double_eq(food.nutrient[CZ_USDA_VALINE], 1.099);
	ck_assert(isnan(food.nutrient[CZ_USDA_FIBER]));
}
END_TEST

START_TEST(valid_variants)
{
	/* No nutrients nor factors (SR24's 23999), entities of XML itself,
	 * a trimmed name, blanks, comments, a declaration, other numbers. */
	ck_assert_int_eq(parse("<food uid=\"23999\" name=\"Beef calculator\"/>"),
	    0);
	ck_assert(isnan(food.pcf));
	ck_assert_uint_eq(food.nnutrients, 0);
	ck_assert_int_eq(parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!-- c --><food uid=\"08624\" name=\" Cereal &quot;CAP&apos;N&quot;"
	    " &amp; co, caf\xc3\xa9 \">\n  <nutrient amount=\"1e-3\" "
	    "name=\"Sodium\"/>\n  <!-- c -->\n  <nutrient amount=\".5\" "
	    "name=\"Iron\"/>\n<nutrient amount=\"100000\" name=\"Vitamin A\"/>"
	    "</food>"), 0);
	ck_assert_str_eq(food.name, "Cereal \"CAP'N\" & co, caf\xc3\xa9");
	ck_assert_double_eq(food.nutrient[CZ_USDA_SODIUM], 0.001);
	ck_assert_double_eq(food.nutrient[CZ_USDA_IRON], 0.5);
	ck_assert_double_eq(food.nutrient[CZ_USDA_VITAMIN_A], 100000);
	/* Another declared encoding is converted to UTF-8. */
	ck_assert_int_eq(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	    "<food uid=\"00001\" name=\"Caf\xe9\"/>"), 0);
	ck_assert_str_eq(food.name, "Caf\xc3\xa9");
}
END_TEST

START_TEST(not_xml)
{
	ck_assert_int_eq(parse("this is not XML"), -1);
	ck_assert_ptr_nonnull(strstr(err, "not well-formed"));
	ck_assert_int_eq(parse("<food uid=\"01001\" name=\"x\">"), -1);
	ck_assert_ptr_nonnull(strstr(err, "not well-formed"));
	ck_assert_int_eq(parse("<food uid=\"01001\" uid=\"01002\" name=\"x\"/>"),
	    -1);
	ck_assert_int_eq(cz_usda_parse("", 0, &food, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "empty"));
	ck_assert_int_eq(parse("<food uid=\"00001\" name=\"\xff\"/>"), -1);
	/* An error message always fits and is terminated. */
	ck_assert_int_eq(cz_usda_parse("<x", 2, &food, err, 8), -1);
	ck_assert_uint_lt(strlen(err), 8);
}
END_TEST

START_TEST(too_large)
{
	char *big;
	size_t n = CZ_USDA_FILE_MAX + 1;

	big = malloc(n);
	ck_assert_ptr_nonnull(big);
	memset(big, ' ', n);
	ck_assert_int_eq(cz_usda_parse(big, n, &food, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "too large"));
	free(big);
}
END_TEST

START_TEST(wrong_root_and_structure)
{
	ck_assert_int_eq(parse("<foods uid=\"01001\" name=\"x\"/>"), -1);
	ck_assert_ptr_nonnull(strstr(err, "root element is <foods>"));
	ck_assert_int_eq(parse("<food xmlns=\"urn:x\" uid=\"01001\" "
	    "name=\"x\"/>"), -1);
	ck_assert_ptr_nonnull(strstr(err, "namespace"));
	refuse(OK_ATTRS, "<portion amount=\"1\" name=\"x\" grams=\"1\"/>",
	    "unknown element <portion>");
	refuse(OK_ATTRS, "text", "holds text");
	refuse(OK_ATTRS, "<![CDATA[x]]>", "holds text");
	refuse(OK_ATTRS, "<nutrient amount=\"1\" name=\"Iron\">x</nutrient>",
	    "must be empty");
	refuse(OK_ATTRS, "<xi:include xmlns:xi=\"http://www.w3.org/2001/"
	    "XInclude\" href=\"/etc/passwd\"/>", "unknown element");
	refuse(OK_ATTRS " colour=\"red\"", "", "unknown attribute colour");
	refuse(OK_ATTRS, "<nutrient amount=\"1\" name=\"Iron\" unit=\"mg\"/>",
	    "unknown attribute unit");
}
END_TEST

START_TEST(bad_uid_and_name)
{
	refuse("name=\"x\"", "", "has no uid");
	refuse("uid=\"01001\"", "", "has no name");
	refuse("uid=\"5062\" name=\"x\"", "", "uid \"5062\" is not 5 digits");
	refuse("uid=\"050621\" name=\"x\"", "", "not 5 digits");
	refuse("uid=\"0506a\" name=\"x\"", "", "not 5 digits");
	refuse("uid=\" 5062\" name=\"x\"", "", "not 5 digits");
	refuse("uid=\"01001\" name=\"\"", "", "name is empty");
	refuse("uid=\"01001\" name=\"   \"", "", "name is empty");
	refuse("uid=\"01001\" name=\"a&#9;b\"", "", "control character");
}
END_TEST

START_TEST(name_length)
{
	char name[CZ_USDA_NAME_MAX + 2], attrs[CZ_USDA_NAME_MAX + 64];

	memset(name, 'a', CZ_USDA_NAME_MAX);
	name[CZ_USDA_NAME_MAX] = '\0';
	snprintf(attrs, sizeof(attrs), "<food uid=\"01001\" name=\"%s\"/>",
	    name);
	ck_assert_int_eq(parse(attrs), 0);
	ck_assert_uint_eq(strlen(food.name), CZ_USDA_NAME_MAX);
	strcat(name, "a");
	snprintf(attrs, sizeof(attrs), "uid=\"01001\" name=\"%s\"", name);
	refuse(attrs, "", "name is too long");
}
END_TEST

START_TEST(bad_numbers)
{
	static const struct {
		const char	*amount;
		const char	*want;
	} cases[] = {
		{ "1.2x",	"not a plain decimal number" },
		{ "nan",	"not a plain decimal number" },
		{ "NaN",	"not a plain decimal number" },
		{ "inf",	"not a plain decimal number" },
		{ "-1",		"is negative" },
		{ "-0",		"is negative" },
		{ "+1",		"not a plain decimal number" },
		{ " 1",		"not a plain decimal number" },
		{ "1 ",		"not a plain decimal number" },
		{ "0x10",	"not a plain decimal number" },
		{ "",		"not a plain decimal number" },
		{ ".",		"not a plain decimal number" },
		{ "1e",		"not a plain decimal number" },
		{ "1,5",	"not a plain decimal number" },
		{ "1e999",	"out of range" },
		{ "1e-400",	"out of range" },
		{ "1000001",	"out of range" },
	};
	char body[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(body, sizeof(body), "<nutrient amount=\"%s\" "
		    "name=\"Protein\"/>", cases[i].amount);
		refuse(OK_ATTRS, body, cases[i].want);
	}
	refuse(OK_ATTRS " pcf=\"11\"", "", "pcf \"11\" is out of range");
	refuse(OK_ATTRS " ccf=\"-4\"", "", "ccf \"-4\" is negative");
	refuse(OK_ATTRS, "<measure amount=\"0\" name=\"cup\" grams=\"1\"/>",
	    "measure amount \"0\" is zero");
	refuse(OK_ATTRS, "<measure amount=\"1\" name=\"cup\" grams=\"0.0\"/>",
	    "measure grams \"0.0\" is zero");
	refuse(OK_ATTRS, "<measure amount=\"1\" name=\"cup\" grams=\"x\"/>",
	    "measure grams");
	refuse(OK_ATTRS, "<measure amount=\"1\" grams=\"1\"/>",
	    "needs amount, name and grams");
	refuse(OK_ATTRS, "<measure amount=\"1\" name=\"\" grams=\"1\"/>",
	    "measure's name is empty");
}
END_TEST

START_TEST(nutrients_known_once)
{
	refuse(OK_ATTRS, "<nutrient amount=\"1\" name=\"Vitamin Q\"/>",
	    "unknown nutrient \"Vitamin Q\"");
	refuse(OK_ATTRS, "<nutrient amount=\"1\" name=\"protein\"/>",
	    "unknown nutrient \"protein\"");
	refuse(OK_ATTRS, "<nutrient amount=\"1\" name=\"Iron\"/>"
	    "<nutrient amount=\"2\" name=\"Iron\"/>", "\"Iron\" given twice");
	refuse(OK_ATTRS, "<nutrient name=\"Iron\"/>", "needs amount and name");
	refuse(OK_ATTRS, "<nutrient amount=\"1\"/>", "needs amount and name");
}
END_TEST

START_TEST(measure_limit)
{
	char body[CZ_USDA_MEASURES_MAX * 64 + 64], xml[sizeof(body) + 64];
	size_t off = 0;
	int i;

	body[0] = '\0';
	for (i = 0; i < CZ_USDA_MEASURES_MAX; i++)
		off += (size_t)snprintf(body + off, sizeof(body) - off,
		    "<measure amount=\"1\" name=\"m%d\" grams=\"%d\"/>", i,
		    i + 1);
	snprintf(xml, sizeof(xml), "<food " OK_ATTRS ">%s</food>", body);
	ck_assert_int_eq(parse(xml), 0);
	ck_assert_uint_eq(food.nmeasures, CZ_USDA_MEASURES_MAX);
	ck_assert_double_eq(food.measures[CZ_USDA_MEASURES_MAX - 1].grams,
	    CZ_USDA_MEASURES_MAX);
	snprintf(body + off, sizeof(body) - off,
	    "<measure amount=\"1\" name=\"one more\" grams=\"1\"/>");
	refuse(OK_ATTRS, body, "more than 32 measures");
}
END_TEST

START_TEST(no_entities)
{
	static const char laughs[] =
	    "<?xml version=\"1.0\"?>\n<!DOCTYPE food [\n"
	    "<!ENTITY a \"aaaaaaaaaa\">\n"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
	    "]>\n<food uid=\"01001\" name=\"&i;\">&i;</food>";
	static const char external[] =
	    "<!DOCTYPE food [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	    "<food uid=\"01001\" name=\"&x;\">"
	    "<measure amount=\"1\" name=\"&x;\" grams=\"1\"/>&x;</food>";
	static const char external_dtd[] =
	    "<!DOCTYPE food SYSTEM \"file:///etc/passwd\">"
	    "<food uid=\"01001\" name=\"x\"/>";
	static const char undeclared[] =
	    "<food uid=\"01001\" name=\"&x;\"/>";
	clock_t t0 = clock();

	ck_assert_int_eq(parse(laughs), -1);
	ck_assert_msg(strstr(err, "DTD") != NULL ||
	    strstr(err, "not well-formed") != NULL, "%s", err);
	ck_assert_int_eq(parse(external), -1);
	ck_assert_ptr_null(strstr(err, "root:"));
	ck_assert_str_eq(food.name, "");
	ck_assert_int_eq(parse(external_dtd), -1);
	ck_assert_ptr_nonnull(strstr(err, "DTD"));
	ck_assert_int_eq(parse(undeclared), -1);
	ck_assert_ptr_nonnull(strstr(err, "not well-formed"));
	ck_assert_int_eq(parse("<!DOCTYPE food><food uid=\"01001\" "
	    "name=\"x\"/>"), -1);
	ck_assert_ptr_nonnull(strstr(err, "DTD"));
	/* Nothing was expanded: all of this takes no time. */
	ck_assert_double_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 1.0);
}
END_TEST

START_TEST(atwater)
{
	ck_assert_int_eq(parse(chicken), 0);
	/* 21.23 × 4.27 + 2.59 × 9.02 + 0 × 3.87 */
	ck_assert_double_eq_tol(cz_usda_atwater(&food), 114.0139, 1e-9);
	food.nutrient[CZ_USDA_ALCOHOL] = 10;
	ck_assert_double_eq_tol(cz_usda_atwater(&food), 114.0139 + 69.3, 1e-9);
	food.fcf = NAN;
	ck_assert(isnan(cz_usda_atwater(&food)));
	food.fcf = 9;
	food.nutrient[CZ_USDA_CARBS] = NAN;
	ck_assert(isnan(cz_usda_atwater(&food)));
	cz_usda_food_clear(&food);
	ck_assert(isnan(cz_usda_atwater(&food)));
}
END_TEST

START_TEST(nutrient_table)
{
	const struct cz_usda_nutrient_info *a, *b;
	int i, j, core = 0;

	for (i = 0; i < CZ_USDA_NUTRIENTS; i++) {
		a = cz_usda_nutrient_info(i);
		ck_assert_ptr_nonnull(a);
		ck_assert_ptr_nonnull(a->name);
		ck_assert_int_eq(cz_usda_nutrient_lookup(a->name), i);
		core += a->core;
		for (j = 0; j < i; j++) {
			b = cz_usda_nutrient_info(j);
			ck_assert_str_ne(a->key, b->key);
		}
	}
	ck_assert_int_eq(CZ_USDA_NUTRIENTS, 71);
	ck_assert_int_eq(core, 23);
	ck_assert_ptr_null(cz_usda_nutrient_info(-1));
	ck_assert_ptr_null(cz_usda_nutrient_info(CZ_USDA_NUTRIENTS));
	ck_assert_int_eq(cz_usda_nutrient_lookup("Vitamin Q"), -1);
	ck_assert_str_eq(cz_usda_nutrient_info(CZ_USDA_VITAMIN_D)->unit, "IU");
	ck_assert_str_eq(cz_usda_nutrient_info(CZ_USDA_FOLATE)->unit,
	    "\xc2\xb5g");
}
END_TEST

/* sql/002_foods.sql seeds the same names, keys, units and core flags. */
START_TEST(nutrient_table_matches_migration)
{
	const struct cz_usda_nutrient_info *a;
	const char *dir = getenv("CZ_SQL_DIR");
	char path[1024], row[256], *sql;
	long n;
	FILE *fp;
	int i;

	ck_assert_msg(dir != NULL, "CZ_SQL_DIR is not set");
	snprintf(path, sizeof(path), "%s/002_foods.sql", dir);
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "%s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	sql = calloc(1, (size_t)n + 1);
	ck_assert_ptr_nonnull(sql);
	ck_assert_uint_eq(fread(sql, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	for (i = 0; i < CZ_USDA_NUTRIENTS; i++) {
		a = cz_usda_nutrient_info(i);
		snprintf(row, sizeof(row), "\t('%s', '%s', '%s', %s, ", a->name,
		    a->key, a->unit, a->core ? "true" : "false");
		ck_assert_msg(strstr(sql, row) != NULL, "%s lacks %s", path, row);
	}
	free(sql);
}
END_TEST

static Suite *
usda_suite(void)
{
	Suite *s = suite_create("usda");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, valid_food);
	tcase_add_test(tc, valid_variants);
	tcase_add_test(tc, not_xml);
	tcase_add_test(tc, too_large);
	tcase_add_test(tc, wrong_root_and_structure);
	tcase_add_test(tc, bad_uid_and_name);
	tcase_add_test(tc, name_length);
	tcase_add_test(tc, bad_numbers);
	tcase_add_test(tc, nutrients_known_once);
	tcase_add_test(tc, measure_limit);
	tcase_add_test(tc, no_entities);
	tcase_add_test(tc, atwater);
	tcase_add_test(tc, nutrient_table);
	tcase_add_test(tc, nutrient_table_matches_migration);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(usda_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
