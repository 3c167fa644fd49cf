/*
 * quota_lease.h - units of an account's daily plan quota a responder
 * takes from the database several at a time while the account is busy.
 *
 * Why: each plan counted itself in the account's quota row (rate_limits,
 * scope plans.account): a statement per plan, and the one row every plan
 * of an account updates. An account that makes more than CZ_LEASE_BUSY
 * plans a second through one worker now takes a lease: the worker counts
 * up to CZ_LEASE_MAX units in one statement (twice the last lease, never
 * more than 1/CZ_LEASE_SHARE of what the quota has left) and uses them
 * one plan at a time without the database. Units not used within
 * CZ_LEASE_KEEP_S go back, and a plan that was not made gives its unit
 * back to the lease.
 *
 * What it changes: the quota stays exact (the database grants no unit
 * past it); an account's count in the database includes, for up to a
 * second, units a worker holds but has not used, so a busy account near
 * its quota may be refused up to a second before another worker gives
 * its unused units back; a worker killed outright, or whose database
 * connection is new, loses the units it held (counted, not made). An
 * account making a few plans a second is counted one plan at a time, as
 * before.
 */
#ifndef CZ_QUOTA_LEASE_H
#define CZ_QUOTA_LEASE_H

#define CZ_LEASE_SLOTS		64	/* accounts a worker holds leases for */
#define CZ_LEASE_MAX		32	/* units a lease holds at most */
#define CZ_LEASE_SHARE		16	/* a lease takes <= 1/16 of what is left */
#define CZ_LEASE_BUSY		8	/* plans in a second before leasing */
#define CZ_LEASE_KEEP_S		1.0	/* unused units go back after this */

struct cz_lease {
	long long	 account;	/* 0: a free slot */
	long long	 window;	/* the quota window's start, Unix time */
	int		 units;		/* counted in the database, not used */
	int		 size;		/* units of the last grant */
	long long	 hits;		/* the account's count after it */
	double		 granted_at;	/* cz_clock_s() of the last grant */
	double		 second_at;	/* start of the second counted */
	int		 second_used;	/* units used in it */
};

struct cz_leases {
	struct cz_lease	 e[CZ_LEASE_SLOTS];
};

/*
 * Uses a unit of account's quota in window from its lease: 1, or 0 when
 * it holds none (ask the database for cz_lease_want units).
 */
int cz_lease_use(struct cz_leases *l, long long account, long long window,
    double now);

/*
 * How many units to ask the database for, at least 1: more only when the
 * account has used CZ_LEASE_BUSY units in the last second here.
 */
int cz_lease_want(const struct cz_leases *l, long long account,
    long long window, long long quota, double now);

/*
 * The database granted units, the account's count now hits; one unit is
 * used at once. Returns the units the worker cannot hold (no free slot:
 * give them back now), 0 as a rule.
 */
int cz_lease_granted(struct cz_leases *l, long long account,
    long long window, int units, long long hits, double now);

/*
 * A unit used for a plan that was not made: kept in the lease when the
 * account leases several units in window (1), else 0 (give it back to
 * the database).
 */
int cz_lease_unuse(struct cz_leases *l, long long account, long long window);

/*
 * Takes out the unused units of a lease due back (granted CZ_LEASE_KEEP_S
 * or more before now, or any when all is set): 1 with *account, *window
 * and *units, or 0 when none is due.
 */
int cz_lease_due_back(struct cz_leases *l, double now, int all,
    long long *account, long long *window, int *units);

/*
 * Drops every unit held, without giving it back: the database connection
 * is new, and a count committed asynchronously just before a crash or a
 * failover may not be in the database it now reaches (using such units
 * could pass the quota; dropping them at worst leaves them counted).
 */
void cz_lease_drop_all(struct cz_leases *l);

/* Milliseconds until a lease is due back (0: now), or -1 when none holds
 * units. */
int cz_lease_due_ms(const struct cz_leases *l, double now);

#endif
