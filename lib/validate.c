/*
 * validate.c - table-driven input validation. Each field type has a row in
 * a table with its check for text input (form and query parameters) and
 * for JSON input; the entry points only look fields up, call the row and
 * collect messages into one JSON object owned by the request arena. Every
 * message a client reads about an invalid field is worded here.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "jsonbody.h"
#include "numparse.h"
#include "params.h"
#include "utf8.h"
#include "validate.h"

/* What one validation run carries between fields. */
struct vrun {
	cz_arena		*a;
	struct json_object	*errors;	/* NULL until the first error */
	int			 want;		/* build messages */
	int			 failed;
	int			 nomem;
};

/* A check returns NULL when the value is valid (and fills *v), else the
 * message for the client. */
typedef const char *(*text_check)(struct vrun *, const struct cz_field *,
    const char *, size_t, struct cz_value *);
typedef const char *(*json_check)(struct vrun *, const struct cz_field *,
    struct json_object *, struct cz_value *);

static const char *const bool_true[] = { "1", "true", "on", NULL };
static const char *const bool_false[] = { "0", "false", "off", NULL };

/* Characters of an unquoted local part besides letters and digits
 * (RFC 5322 atext). */
static const char email_atext[] = "!#$%&'*+/=?^_`{|}~-";

/* Longest unknown member name repeated back as an error's key; longer
 * ones are reported under "body". */
#define UNKNOWN_NAME_MAX	64

/* Passes on a message printed into the arena; on failure a generic one, so
 * a short arena never loses the fact that the field is invalid. */
static const char *
arena_msg(struct vrun *r, const char *m)
{
	if (m == NULL) {
		r->nomem = 1;
		return "is invalid";
	}
	return m;
}

/* The spec of a field whose type takes one (NULL when it has none). */
static const struct cz_fspec *
spec_of(const struct cz_field *f)
{
	switch (f->type) {
	case CZ_F_STRING:
	case CZ_F_NAME:
	case CZ_F_LIST:
		return f->choices;
	default:
		return NULL;
	}
}

static const char *
range_msg(struct vrun *r, const struct cz_field *f)
{
	if (f->min == LLONG_MIN && f->max == LLONG_MAX)
		return "must be an integer";
	if (f->min == LLONG_MIN)
		return arena_msg(r, cz_arena_printf(r->a,
		    "must be at most %lld", f->max));
	if (f->max == LLONG_MAX)
		return arena_msg(r, cz_arena_printf(r->a,
		    "must be at least %lld", f->min));
	return arena_msg(r, cz_arena_printf(r->a,
	    "must be between %lld and %lld", f->min, f->max));
}

/* Checks a byte length against the field's bounds (max <= 0: none; cap:
 * the type's own maximum, 0 for none). */
static const char *
length_msg(struct vrun *r, const struct cz_field *f, size_t len, size_t cap)
{
	unsigned long long max = f->max > 0 ? (unsigned long long)f->max : 0;

	if (cap != 0 && (max == 0 || max > cap))
		max = cap;
	if (f->min > 0 && len < (unsigned long long)f->min)
		return f->min == 1 ? "must not be empty" :
		    arena_msg(r, cz_arena_printf(r->a,
		    "must be at least %lld bytes long", f->min));
	if (max != 0 && len > max)
		return arena_msg(r, cz_arena_printf(r->a,
		    "must be at most %llu bytes long", max));
	return NULL;
}

static const char *
int_range(struct vrun *r, const struct cz_field *f, long long x,
    struct cz_value *v)
{
	if (x < f->min || x > f->max)
		return range_msg(r, f);
	v->i = x;
	return NULL;
}

static const char *
int_text(struct vrun *r, const struct cz_field *f, const char *s, size_t len,
    struct cz_value *v)
{
	const char *errstr;
	long long x;

	(void)len;
	x = cz_strtonum(s, LLONG_MIN, LLONG_MAX, &errstr);
	if (errstr != NULL) {
		/* Digits beyond 64 bits are out of any range, not junk. */
		if (strcmp(errstr, "invalid") == 0)
			return "must be an integer";
		return range_msg(r, f);
	}
	return int_range(r, f, x, v);
}

static const char *
int_json(struct vrun *r, const struct cz_field *f, struct json_object *o,
    struct cz_value *v)
{
	int64_t x;

	if (!json_object_is_type(o, json_type_int))
		return "must be an integer";
	x = json_object_get_int64(o);
	if (x == INT64_MAX && json_object_get_uint64(o) > (uint64_t)INT64_MAX)
		return range_msg(r, f);
	return int_range(r, f, (long long)x, v);
}

static const char *
string_text(struct vrun *r, const struct cz_field *f, const char *s,
    size_t len, struct cz_value *v)
{
	const struct cz_fspec *x = spec_of(f);
	const char *m;

	if ((m = length_msg(r, f, len, 0)) != NULL)
		return m;
	if (x != NULL && x->accept != NULL && !x->accept(s, len))
		return x->what == NULL ? "is invalid" : arena_msg(r,
		    cz_arena_printf(r->a, "must be %s", x->what));
	v->s = s;
	v->len = len;
	return NULL;
}

/* Name i of a CZ_F_ENUM or CZ_F_NAME field, NULL past the last one;
 * callers walk i up from 0 and stop at the first NULL. */
static const char *
choice_at(const struct cz_field *f, int i)
{
	const char *const *table;
	const struct cz_fspec *x;

	if (f->type == CZ_F_ENUM) {
		table = f->choices;
		return table != NULL ? table[i] : NULL;
	}
	if (f->type == CZ_F_NAME && (x = spec_of(f)) != NULL &&
	    x->name != NULL && i < x->count)
		return x->name(i);
	return NULL;
}

static int
find_choice(const struct cz_field *f, const char *s, size_t len)
{
	const char *c;
	int i;

	for (i = 0; i < INT_MAX && (c = choice_at(f, i)) != NULL; i++)
		if (strlen(c) == len && memcmp(c, s, len) == 0)
			return i;
	return -1;
}

/* head followed by the names of f, "a, b, c", or NULL when f has no names
 * (or memory ran out, then recorded). */
static const char *
names_msg(struct vrun *r, const char *head, const struct cz_field *f)
{
	const char *c;
	size_t hlen = strlen(head), n = hlen + 1, k;
	char *m, *p;
	int i;

	for (i = 0; i < INT_MAX && (c = choice_at(f, i)) != NULL; i++)
		n += strlen(c) + 2;
	if (i == 0)
		return NULL;
	if ((m = cz_arena_alloc(r->a, n)) == NULL) {
		r->nomem = 1;
		return NULL;
	}
	memcpy(m, head, hlen);
	p = m + hlen;
	for (i = 0; i < INT_MAX && (c = choice_at(f, i)) != NULL; i++) {
		if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		k = strlen(c);
		memcpy(p, c, k);
		p += k;
	}
	*p = '\0';
	return m;
}

/* "must be one of: a, b, c", built from the table or name function. */
static const char *
enum_msg(struct vrun *r, const struct cz_field *f)
{
	const char *m;

	if ((m = names_msg(r, "must be one of: ", f)) == NULL)
		return "is not an allowed value";
	return m;
}

/* CZ_F_ENUM and CZ_F_NAME. */
static const char *
enum_text(struct vrun *r, const struct cz_field *f, const char *s, size_t len,
    struct cz_value *v)
{
	int i;

	if ((i = find_choice(f, s, len)) == -1)
		return enum_msg(r, f);
	v->i = i;
	v->s = choice_at(f, i);
	v->len = len;
	return NULL;
}

/* Whether s[0..len) is one of the NULL-terminated table. */
static int
in_table(const char *const *table, const char *s, size_t len)
{
	for (; *table != NULL; table++)
		if (strlen(*table) == len && memcmp(*table, s, len) == 0)
			return 1;
	return 0;
}

static const char *
bool_text(struct vrun *r, const struct cz_field *f, const char *s, size_t len,
    struct cz_value *v)
{
	(void)r;
	(void)f;
	if (in_table(bool_true, s, len))
		v->i = 1;
	else if (in_table(bool_false, s, len))
		v->i = 0;
	else
		return "must be true or false";
	return NULL;
}

static const char *
bool_json(struct vrun *r, const struct cz_field *f, struct json_object *o,
    struct cz_value *v)
{
	(void)r;
	(void)f;
	if (!json_object_is_type(o, json_type_boolean))
		return "must be true or false";
	v->i = json_object_get_boolean(o) ? 1 : 0;
	return NULL;
}

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* local: dot-atoms of atext, 1..64 bytes. */
static int
email_local_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 64 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (s[i - 1] == '.')
				return 0;
		} else if (!is_alnum((unsigned char)s[i]) &&
		    (s[i] == '\0' || strchr(email_atext, s[i]) == NULL))
			return 0;
	}
	return 1;
}

/* domain: two or more labels of letters, digits and inner hyphens, 1..63
 * bytes each; the last one not all digits (no bare IP addresses). */
static int
email_domain_ok(const char *s, size_t len)
{
	size_t i, start = 0, labels = 0;
	int digits_only = 1;

	if (len == 0 || len > 253)
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '.') {
			if (!is_alnum((unsigned char)s[i]) && s[i] != '-')
				return 0;
			if (s[i] < '0' || s[i] > '9')
				digits_only = 0;
			continue;
		}
		/* The label s[start..i) ends here. */
		if (i == start || i - start > 63 || s[start] == '-' ||
		    s[i - 1] == '-')
			return 0;
		labels++;
		if (i < len) {
			start = i + 1;
			digits_only = 1;
		}
	}
	return labels >= 2 && !digits_only;
}

static const char *
email_text(struct vrun *r, const struct cz_field *f, const char *s,
    size_t len, struct cz_value *v)
{
	const char *at, *m;

	if ((m = length_msg(r, f, len, CZ_EMAIL_MAX)) != NULL)
		return m;
	if ((at = memchr(s, '@', len)) == NULL ||
	    !email_local_ok(s, (size_t)(at - s)) ||
	    !email_domain_ok(at + 1, len - (size_t)(at - s) - 1))
		return "must be a valid e-mail address";
	v->s = s;
	v->len = len;
	return NULL;
}

/* Each type: how it is checked as text and as JSON. A list has no text
 * check: its elements are the pairs of its name (list_params). */
static const char *text_json(struct vrun *, const struct cz_field *,
    struct json_object *, struct cz_value *);
static const char *list_json(struct vrun *, const struct cz_field *,
    struct json_object *, struct cz_value *);

static const struct ftype {
	text_check	from_text;
	json_check	from_json;
} ftypes[] = {
	[CZ_F_INT] =	{ int_text,	int_json },
	[CZ_F_STRING] =	{ string_text,	text_json },
	[CZ_F_ENUM] =	{ enum_text,	text_json },
	[CZ_F_BOOL] =	{ bool_text,	bool_json },
	[CZ_F_EMAIL] =	{ email_text,	text_json },
	[CZ_F_NAME] =	{ enum_text,	text_json },
	[CZ_F_LIST] =	{ NULL,		list_json },
};

static const struct ftype *
ftype_of(const struct cz_field *f)
{
	if ((unsigned int)f->type >= sizeof(ftypes) / sizeof(ftypes[0]))
		return NULL;
	return &ftypes[f->type];
}

/* Text of any type: well-formed UTF-8 without NUL, then the type's check. */
static const char *
check_text(struct vrun *r, const struct cz_field *f, const char *s,
    size_t len, struct cz_value *v)
{
	const struct ftype *t;

	if ((t = ftype_of(f)) == NULL || t->from_text == NULL)
		return "has an unknown type";
	if (cz_has_nul(s, len) || !cz_utf8_valid(s, len))
		return "must be valid UTF-8 text";
	return t->from_text(r, f, s, len, v);
}

static const char *
text_json(struct vrun *r, const struct cz_field *f, struct json_object *o,
    struct cz_value *v)
{
	if (!json_object_is_type(o, json_type_string))
		return "must be a string";
	return check_text(r, f, json_object_get_string(o),
	    (size_t)json_object_get_string_len(o), v);
}

/* The element field of list f, or NULL when its table gives none that can
 * be checked (none, an unknown type, or a list: lists do not nest). */
static const struct cz_field *
list_elem(const struct cz_field *f)
{
	const struct cz_fspec *x = spec_of(f);

	if (x == NULL || x->elem == NULL || x->elem->type == CZ_F_LIST ||
	    ftype_of(x->elem) == NULL)
		return NULL;
	return x->elem;
}

/* "must be a list of ..." for list f of elements e: the elements' names
 * when they have some and the spec no noun, else the bounds and the noun
 * ("values" by default). */
static const char *
list_msg(struct vrun *r, const struct cz_field *f, const struct cz_field *e)
{
	const char *noun = spec_of(f)->what, *m;

	if (noun == NULL && (m = names_msg(r, "must be a list of: ", e)) != NULL)
		return m;
	if (noun == NULL)
		noun = "values";
	if (f->min > 0 && f->max > 0 && f->min == f->max)
		m = cz_arena_printf(r->a, "must be a list of %lld %s", f->min,
		    noun);
	else if (f->min > 0 && f->max > 0)
		m = cz_arena_printf(r->a, "must be a list of %lld to %lld %s",
		    f->min, f->max, noun);
	else if (f->max > 0)
		m = cz_arena_printf(r->a, "must be a list of at most %lld %s",
		    f->max, noun);
	else if (f->min > 0)
		m = cz_arena_printf(r->a, "must be a list of at least %lld %s",
		    f->min, noun);
	else
		m = cz_arena_printf(r->a, "must be a list of %s", noun);
	return arena_msg(r, m);
}

/* Whether n elements are within the bounds of list f. */
static int
list_length_ok(const struct cz_field *f, size_t n)
{
	if (f->min > 0 && (unsigned long long)n < (unsigned long long)f->min)
		return 0;
	if (f->max > 0 && (unsigned long long)n > (unsigned long long)f->max)
		return 0;
	return 1;
}

/* Values for n elements from the arena (NULL for none); sets *m to a
 * message and records the shortage when memory runs out. */
static struct cz_value *
list_items(struct vrun *r, size_t n, const char **m)
{
	struct cz_value *items;

	*m = NULL;
	if (n == 0)
		return NULL;
	if ((items = cz_arena_calloc(r->a, n, sizeof(*items))) == NULL) {
		r->nomem = 1;
		*m = "is invalid";
	}
	return items;
}

/* An element's message m as the list's: "each must be ...". */
static const char *
each_msg(struct vrun *r, const char *m)
{
	return arena_msg(r, cz_arena_printf(r->a, "each %s", m));
}

static const char *
list_json(struct vrun *r, const struct cz_field *f, struct json_object *o,
    struct cz_value *v)
{
	const struct cz_field *e;
	struct cz_value *items;
	const char *m;
	size_t i, n;

	if ((e = list_elem(f)) == NULL)
		return "has an unknown type";
	if (!json_object_is_type(o, json_type_array))
		return list_msg(r, f, e);
	n = json_object_array_length(o);
	if (!list_length_ok(f, n))
		return list_msg(r, f, e);
	if ((items = list_items(r, n, &m)) == NULL && m != NULL)
		return m;
	for (i = 0; i < n; i++) {
		/* A null element is a wrong value, not an absent one. */
		if ((m = ftype_of(e)->from_json(r, e,
		    json_object_array_get_idx(o, i), &items[i])) != NULL)
			return each_msg(r, m);
		items[i].present = 1;
	}
	v->items = items;
	v->nitems = n;
	return NULL;
}

/* Records msg for name in the run's errors object. */
static void
fail(struct vrun *r, const char *name, const char *msg)
{
	struct json_object *s;

	r->failed = 1;
	if (!r->want || r->nomem)
		return;
	if (r->errors == NULL) {
		if ((r->errors = json_object_new_object()) == NULL ||
		    cz_json_own(r->a, r->errors) == -1) {
			r->errors = NULL;
			r->nomem = 1;
			return;
		}
	}
	if ((s = json_object_new_string(msg)) == NULL ||
	    json_object_object_add(r->errors, name, s) != 0) {
		json_object_put(s);
		r->nomem = 1;
	}
}

/* Stores the outcome of one field; v was zeroed by the caller. */
static void
settle(struct vrun *r, const struct cz_field *f, const char *msg,
    struct cz_value *v)
{
	if (msg != NULL) {
		memset(v, 0, sizeof(*v));
		fail(r, f->name, msg);
	} else
		v->present = 1;
}

static int
finish(struct vrun *r, struct json_object **errors)
{
	if (errors != NULL)
		*errors = r->failed && !r->nomem ? r->errors : NULL;
	return r->failed ? -1 : 0;
}

static int
is_param(const struct cz_param *p, const char *name, size_t len)
{
	return p->name_len == len && memcmp(p->name, name, len) == 0;
}

static const struct cz_param *
find_param(const struct cz_params *in, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; in != NULL && i < in->n; i++)
		if (is_param(&in->v[i], name, len))
			return &in->v[i];
	return NULL;
}

/* The pairs named name with a value (the elements of a list). */
static size_t
count_params(const struct cz_params *in, const char *name)
{
	size_t i, n = 0, len = strlen(name);

	for (i = 0; in != NULL && i < in->n; i++)
		if (is_param(&in->v[i], name, len) && in->v[i].value_len > 0)
			n++;
	return n;
}

/* List f from the n (> 0) pairs of its name with a value. */
static const char *
list_params(struct vrun *r, const struct cz_field *f,
    const struct cz_params *in, size_t n, struct cz_value *v)
{
	const struct cz_field *e;
	const struct cz_param *p;
	struct cz_value *items;
	const char *m;
	size_t i, k = 0, len = strlen(f->name);

	if ((e = list_elem(f)) == NULL)
		return "has an unknown type";
	if (!list_length_ok(f, n))
		return list_msg(r, f, e);
	if ((items = list_items(r, n, &m)) == NULL)
		return m;
	for (i = 0; i < in->n && k < n; i++) {
		p = &in->v[i];
		if (!is_param(p, f->name, len) || p->value_len == 0)
			continue;
		if ((m = check_text(r, e, p->value, p->value_len,
		    &items[k])) != NULL)
			return each_msg(r, m);
		items[k++].present = 1;
	}
	v->items = items;
	v->nitems = n;
	return NULL;
}

int
cz_validate_params(cz_arena *a, const struct cz_field *fields,
    size_t nfields, const struct cz_params *in, struct cz_value *out,
    struct json_object **errors)
{
	struct vrun r = { a, NULL, errors != NULL, 0, 0 };
	const struct cz_field *f;
	const struct cz_param *p;
	size_t i, n;

	for (i = 0; i < nfields; i++) {
		f = &fields[i];
		memset(&out[i], 0, sizeof(out[i]));
		if (f->type == CZ_F_LIST) {
			if ((n = count_params(in, f->name)) > 0)
				settle(&r, f, list_params(&r, f, in, n,
				    &out[i]), &out[i]);
			else if (f->required)
				fail(&r, f->name, "is required");
			continue;
		}
		p = find_param(in, f->name);
		if (p == NULL || p->value_len == 0) {
			if (f->required)
				fail(&r, f->name, "is required");
			continue;
		}
		settle(&r, f, check_text(&r, f, p->value, p->value_len,
		    &out[i]), &out[i]);
	}
	return finish(&r, errors);
}

/* Whether member name of obj is missing or null; *val is its value. */
static int
member_absent(struct json_object *obj, const char *name,
    struct json_object **val)
{
	return !json_object_object_get_ex(obj, name, val) || *val == NULL;
}

/* Checks the (non-null) JSON value val of field f into v. */
static void
check_json(struct vrun *r, const struct cz_field *f, struct json_object *val,
    struct cz_value *v)
{
	const struct ftype *t;

	if ((t = ftype_of(f)) == NULL)
		settle(r, f, "has an unknown type", v);
	else
		settle(r, f, t->from_json(r, f, val, v), v);
}

/* Zeroes out[0..nfields); -1 with the message when obj is no object. */
static int
json_start(struct vrun *r, size_t nfields, struct json_object *obj,
    struct cz_value *out)
{
	size_t i;

	for (i = 0; i < nfields; i++)
		memset(&out[i], 0, sizeof(out[i]));
	if (json_object_is_type(obj, json_type_object))
		return 0;
	fail(r, "body", "must be a JSON object");
	return -1;
}

int
cz_validate_json(cz_arena *a, const struct cz_field *fields,
    size_t nfields, struct json_object *obj, struct cz_value *out,
    struct json_object **errors)
{
	struct vrun r = { a, NULL, errors != NULL, 0, 0 };
	struct json_object *val;
	size_t i;

	if (json_start(&r, nfields, obj, out) == -1)
		return finish(&r, errors);
	for (i = 0; i < nfields; i++) {
		if (!member_absent(obj, fields[i].name, &val))
			check_json(&r, &fields[i], val, &out[i]);
		else if (fields[i].required)
			fail(&r, fields[i].name, "is required");
	}
	return finish(&r, errors);
}

int
cz_validate_json_closed(cz_arena *a, const struct cz_field *fields,
    size_t nfields, struct json_object *obj, struct cz_value *out,
    struct json_object **errors)
{
	struct vrun r = { a, NULL, errors != NULL, 0, 0 };
	struct json_object_iterator it, end;
	struct json_object *val;
	const char *key;
	size_t i;

	if (json_start(&r, nfields, obj, out) == -1)
		return finish(&r, errors);
	it = json_object_iter_begin(obj);
	end = json_object_iter_end(obj);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		val = json_object_iter_peek_value(&it);
		for (i = 0; i < nfields && strcmp(fields[i].name, key) != 0;
		    i++)
			continue;
		if (i == nfields && strlen(key) <= UNKNOWN_NAME_MAX)
			fail(&r, key, "is not a known field");
		else if (i == nfields)
			fail(&r, "body", "has an unknown field");
		else if (val != NULL)
			check_json(&r, &fields[i], val, &out[i]);
	}
	/* Missing and null members last, as the table orders them. */
	for (i = 0; i < nfields; i++)
		if (fields[i].required &&
		    member_absent(obj, fields[i].name, &val))
			fail(&r, fields[i].name, "is required");
	return finish(&r, errors);
}
