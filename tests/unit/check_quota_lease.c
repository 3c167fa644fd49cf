/*
 * check_quota_lease.c - unit tests of the leases of daily plan quota
 * (lib/quota_lease.h): a quiet account is counted a unit at a time; a
 * busy one leases twice as many each time, at most CZ_LEASE_MAX and
 * 1/CZ_LEASE_SHARE of what is left; a lease's units are used, given back
 * when a plan is not made, and due back after CZ_LEASE_KEEP_S; a new
 * window uses none of the last one's; with every slot holding units, a
 * grant's spare units go straight back.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "quota_lease.h"

#define W	1700000000LL	/* a window's start */

/* Uses a unit as count() does: from the lease, else granted want. */
static int
take(struct cz_leases *l, long long acct, long long quota, long long *hits,
    double now)
{
	int want;

	if (cz_lease_use(l, acct, W, now))
		return 0;
	want = cz_lease_want(l, acct, W, quota, now);
	*hits += want;
	ck_assert_int_eq(cz_lease_granted(l, acct, W, want, *hits, now), 0);
	return want;
}

START_TEST(a_quiet_account_counts_one_at_a_time)
{
	struct cz_leases l;
	long long hits = 0;
	int i;

	memset(&l, 0, sizeof(l));
	/* seven plans a second: below CZ_LEASE_BUSY, every one asks 1 */
	for (i = 0; i < 70; i++)
		ck_assert_int_eq(take(&l, 5, 5000, &hits, i / 7.0 + 0.01), 1);
	ck_assert_int_eq(hits, 70);
	ck_assert_int_eq(cz_lease_due_ms(&l, 100.0), -1);
}
END_TEST

START_TEST(a_busy_account_leases_more_each_time)
{
	struct cz_leases l;
	long long hits = 0;
	int i, asked[64], n = 0, w;

	memset(&l, 0, sizeof(l));
	/* 200 plans in half a second */
	for (i = 0; i < 200; i++)
		if ((w = take(&l, 5, 5000, &hits, 10.0 + i * 0.0025)) > 0)
			asked[n++] = w;
	/* eight single units, then 2, 4, 8, 16, then CZ_LEASE_MAX */
	ck_assert_int_ge(n, 13);
	for (i = 0; i < CZ_LEASE_BUSY; i++)
		ck_assert_int_eq(asked[i], 1);
	ck_assert_int_eq(asked[8], 2);
	ck_assert_int_eq(asked[9], 4);
	ck_assert_int_eq(asked[10], 8);
	ck_assert_int_eq(asked[11], 16);
	ck_assert_int_eq(asked[12], CZ_LEASE_MAX);
	/* every unit counted was used or is held */
	ck_assert_int_ge(hits, 200);
	ck_assert_int_lt(hits, 200 + CZ_LEASE_MAX);
}
END_TEST

START_TEST(a_lease_takes_a_share_of_what_is_left)
{
	struct cz_leases l;
	long long hits = 0;
	int i, w, most = 0;

	memset(&l, 0, sizeof(l));
	/* quota 100: at most (100 - hits) / 16 a lease, and 1 near the end */
	for (i = 0; i < 100; i++) {
		w = take(&l, 9, 100, &hits, 20.0 + i * 0.001);
		if (w > most)
			most = w;
		ck_assert_int_le(hits, 100);
		if (hits >= 70)
			ck_assert_int_le(w, 1);
	}
	ck_assert_int_eq(hits, 100);
	ck_assert_int_le(most, 100 / CZ_LEASE_SHARE);
}
END_TEST

START_TEST(unused_units_go_back)
{
	struct cz_leases l;
	long long hits = 0, acct, win;
	int i, units;

	memset(&l, 0, sizeof(l));
	for (i = 0; i < 12; i++)
		(void)take(&l, 3, 5000, &hits, 30.0 + i * 0.01);
	/* 8 singles, then a lease of 2 (1 used, 1 held), 4 (1 used) */
	ck_assert_int_eq(hits, 8 + 2 + 4);
	/* a plan not made gives its unit to the lease */
	ck_assert_int_eq(cz_lease_unuse(&l, 3, W), 1);
	/* but not an account counted a unit at a time */
	ck_assert_int_eq(cz_lease_granted(&l, 4, W, 1, 1, 30.2), 0);
	ck_assert_int_eq(cz_lease_unuse(&l, 4, W), 0);
	ck_assert_int_eq(cz_lease_unuse(&l, 3, W + 86400), 0);
	ck_assert_int_eq(cz_lease_due_back(&l, 30.5, 0, &acct, &win, &units),
	    0);
	ck_assert_int_gt(cz_lease_due_ms(&l, 30.5), 0);
	ck_assert_int_le(cz_lease_due_ms(&l, 40.0), 1);
	ck_assert_int_eq(cz_lease_due_back(&l, 40.0, 0, &acct, &win, &units),
	    1);
	ck_assert_int_eq(acct, 3);
	ck_assert_int_eq(win, W);
	ck_assert_int_eq(units, hits - 12 + 1);
	ck_assert_int_eq(cz_lease_due_back(&l, 40.0, 1, &acct, &win, &units),
	    0);
	ck_assert_int_eq(cz_lease_due_ms(&l, 40.0), -1);
	ck_assert_int_eq(cz_lease_use(&l, 3, W, 40.0), 0);
}
END_TEST

START_TEST(a_new_window_uses_none_of_the_last)
{
	struct cz_leases l;
	long long hits = 0;
	int i;

	memset(&l, 0, sizeof(l));
	for (i = 0; i < 12; i++)
		(void)take(&l, 3, 5000, &hits, 50.0 + i * 0.01);
	ck_assert_int_eq(cz_lease_use(&l, 3, W + 86400, 50.2), 0);
	ck_assert_int_eq(cz_lease_want(&l, 3, W + 86400, 5000, 50.2), 1);
	ck_assert_int_eq(cz_lease_granted(&l, 3, W + 86400, 1, 1, 50.2), 0);
	/* the old window's units are dropped, none is held */
	ck_assert_int_eq(cz_lease_due_ms(&l, 50.2), -1);
}
END_TEST

START_TEST(with_every_slot_held_spare_units_go_straight_back)
{
	struct cz_leases l;
	long long acct, hits;
	int i;

	memset(&l, 0, sizeof(l));
	for (acct = 1; acct <= CZ_LEASE_SLOTS; acct++) {
		hits = 0;
		/* 8 singles, a lease of 2 used up, a lease of 4: 3 held */
		for (i = 0; i < 11; i++)
			(void)take(&l, acct, 5000, &hits, 60.0 + i * 0.01);
	}
	ck_assert_int_eq(cz_lease_granted(&l, 999, W, 4, 4, 60.2), 3);
	ck_assert_int_eq(cz_lease_use(&l, 999, W, 60.2), 0);
	/* a new connection: every unit held is dropped, none is due back */
	ck_assert_int_eq(cz_lease_use(&l, 1, W, 60.2), 1);
	cz_lease_drop_all(&l);
	ck_assert_int_eq(cz_lease_use(&l, 1, W, 60.2), 0);
	ck_assert_int_eq(cz_lease_due_ms(&l, 60.2), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("quota_lease");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, a_quiet_account_counts_one_at_a_time);
	tcase_add_test(tc, a_busy_account_leases_more_each_time);
	tcase_add_test(tc, a_lease_takes_a_share_of_what_is_left);
	tcase_add_test(tc, unused_units_go_back);
	tcase_add_test(tc, a_new_window_uses_none_of_the_last);
	tcase_add_test(tc, with_every_slot_held_spare_units_go_straight_back);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
