/*
 * quota_lease.c - a responder's leases of daily plan quota (see
 * quota_lease.h).
 */
#include "config.h"

#include <stddef.h>

#include "quota_lease.h"

static struct cz_lease *
find(struct cz_leases *l, long long account)
{
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS; i++)
		if (l->e[i].account == account)
			return &l->e[i];
	return NULL;
}

/* A slot for a new account: a free one, else the one granted longest
 * ago that holds no units; NULL when every slot holds units. */
static struct cz_lease *
room(struct cz_leases *l)
{
	struct cz_lease *best = NULL;
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS; i++) {
		if (l->e[i].account == 0)
			return &l->e[i];
		if (l->e[i].units == 0 && (best == NULL ||
		    l->e[i].granted_at < best->granted_at))
			best = &l->e[i];
	}
	return best;
}

/* Counts a unit used now in e's second. */
static void
note_use(struct cz_lease *e, double now)
{
	if (!(now - e->second_at < 1.0) || now < e->second_at) {
		e->second_at = now;
		e->second_used = 0;
	}
	e->second_used++;
}

int
cz_lease_use(struct cz_leases *l, long long account, long long window,
    double now)
{
	struct cz_lease *e = find(l, account);

	if (e == NULL || e->window != window || e->units == 0)
		return 0;
	e->units--;
	note_use(e, now);
	return 1;
}

int
cz_lease_want(const struct cz_leases *l, long long account,
    long long window, long long quota, double now)
{
	const struct cz_lease *e = NULL;
	long long left, want;
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS && e == NULL; i++)
		if (l->e[i].account == account)
			e = &l->e[i];
	if (e == NULL || e->window != window || now < e->second_at ||
	    now - e->second_at >= 1.0 || e->second_used < CZ_LEASE_BUSY)
		return 1;
	want = e->size < 1 ? 2 : 2 * (long long)e->size;
	if (want > CZ_LEASE_MAX)
		want = CZ_LEASE_MAX;
	left = (quota - e->hits) / CZ_LEASE_SHARE;
	if (want > left)
		want = left;
	return want < 1 ? 1 : (int)want;
}

int
cz_lease_granted(struct cz_leases *l, long long account, long long window,
    int units, long long hits, double now)
{
	struct cz_lease *e = find(l, account);

	if (e == NULL) {
		if ((e = room(l)) == NULL)
			return units - 1;
		e->account = account;
		e->units = 0;
		e->second_at = now;
		e->second_used = 0;
	}
	if (e->window != window) {
		/* units of a window that has ended are dropped: its count
		 * no longer refuses anything */
		e->window = window;
		e->units = 0;
	}
	e->units += units - 1;
	e->size = units;
	e->hits = hits;
	e->granted_at = now;
	note_use(e, now);
	return 0;
}

int
cz_lease_unuse(struct cz_leases *l, long long account, long long window)
{
	struct cz_lease *e = find(l, account);

	/* an account counted a unit at a time gets it back in the database
	 * at once, where its count is read */
	if (e == NULL || e->window != window || e->size < 2)
		return 0;
	e->units++;
	return 1;
}

int
cz_lease_due_back(struct cz_leases *l, double now, int all,
    long long *account, long long *window, int *units)
{
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS; i++) {
		if (l->e[i].units == 0)
			continue;
		if (!all && now - l->e[i].granted_at < CZ_LEASE_KEEP_S &&
		    now >= l->e[i].granted_at)
			continue;
		*account = l->e[i].account;
		*window = l->e[i].window;
		*units = l->e[i].units;
		l->e[i].units = 0;
		return 1;
	}
	return 0;
}

void
cz_lease_drop_all(struct cz_leases *l)
{
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS; i++)
		l->e[i].units = 0;
}

int
cz_lease_due_ms(const struct cz_leases *l, double now)
{
	double due, soonest = -1.0;
	int i;

	for (i = 0; i < CZ_LEASE_SLOTS; i++) {
		if (l->e[i].units == 0)
			continue;
		due = l->e[i].granted_at + CZ_LEASE_KEEP_S - now;
		if (due < 0.0)
			due = 0.0;
		if (soonest < 0.0 || due < soonest)
			soonest = due;
	}
	return soonest < 0.0 ? -1 : (int)(soonest * 1000.0) + 1;
}
