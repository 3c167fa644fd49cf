/*
 * validate.c - table-driven input validation. Each field type has a row in
 * a table with its check for text input (form and query parameters) and
 * for JSON input; the two entry points only look fields up, call the row
 * and collect messages into one JSON object owned by the request arena.
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
	const char *m;

	if ((m = length_msg(r, f, len, 0)) != NULL)
		return m;
	v->s = s;
	v->len = len;
	return NULL;
}

static int
find_choice(const char *const *choices, const char *s, size_t len)
{
	int i;

	for (i = 0; choices != NULL && choices[i] != NULL && i < INT_MAX; i++)
		if (strlen(choices[i]) == len && memcmp(choices[i], s, len) == 0)
			return i;
	return -1;
}

/* "must be one of: a, b, c", built from the table. */
static const char *
enum_msg(struct vrun *r, const struct cz_field *f)
{
	static const char head[] = "must be one of: ";
	size_t i, n = sizeof(head);
	char *m, *p;

	if (f->choices == NULL)
		return "is not an allowed value";
	for (i = 0; f->choices[i] != NULL; i++)
		n += strlen(f->choices[i]) + 2;
	if ((m = cz_arena_alloc(r->a, n)) == NULL) {
		r->nomem = 1;
		return "is not an allowed value";
	}
	memcpy(m, head, sizeof(head) - 1);
	p = m + sizeof(head) - 1;
	for (i = 0; f->choices[i] != NULL; i++) {
		if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		n = strlen(f->choices[i]);
		memcpy(p, f->choices[i], n);
		p += n;
	}
	*p = '\0';
	return m;
}

static const char *
enum_text(struct vrun *r, const struct cz_field *f, const char *s, size_t len,
    struct cz_value *v)
{
	int i;

	if ((i = find_choice(f->choices, s, len)) == -1)
		return enum_msg(r, f);
	v->i = i;
	v->s = f->choices[i];
	v->len = len;
	return NULL;
}

static const char *
bool_text(struct vrun *r, const struct cz_field *f, const char *s, size_t len,
    struct cz_value *v)
{
	(void)r;
	(void)f;
	if (find_choice(bool_true, s, len) != -1)
		v->i = 1;
	else if (find_choice(bool_false, s, len) != -1)
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

/* Each type: how it is checked as text and as JSON. */
static const char *text_json(struct vrun *, const struct cz_field *,
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

	if ((t = ftype_of(f)) == NULL)
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

static const struct cz_param *
find_param(const struct cz_params *in, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; in != NULL && i < in->n; i++)
		if (in->v[i].name_len == len &&
		    memcmp(in->v[i].name, name, len) == 0)
			return &in->v[i];
	return NULL;
}

int
cz_validate_params(cz_arena *a, const struct cz_field *fields,
    size_t nfields, const struct cz_params *in, struct cz_value *out,
    struct json_object **errors)
{
	struct vrun r = { a, NULL, errors != NULL, 0, 0 };
	const struct cz_param *p;
	size_t i;

	for (i = 0; i < nfields; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		p = find_param(in, fields[i].name);
		if (p == NULL || p->value_len == 0) {
			if (fields[i].required)
				fail(&r, fields[i].name, "is required");
			continue;
		}
		settle(&r, &fields[i], check_text(&r, &fields[i], p->value,
		    p->value_len, &out[i]), &out[i]);
	}
	return finish(&r, errors);
}

int
cz_validate_json(cz_arena *a, const struct cz_field *fields,
    size_t nfields, struct json_object *obj, struct cz_value *out,
    struct json_object **errors)
{
	struct vrun r = { a, NULL, errors != NULL, 0, 0 };
	const struct ftype *t;
	struct json_object *val;
	size_t i;

	for (i = 0; i < nfields; i++)
		memset(&out[i], 0, sizeof(out[i]));
	if (!json_object_is_type(obj, json_type_object)) {
		fail(&r, "body", "must be a JSON object");
		return finish(&r, errors);
	}
	for (i = 0; i < nfields; i++) {
		if (!json_object_object_get_ex(obj, fields[i].name, &val) ||
		    val == NULL) {
			if (fields[i].required)
				fail(&r, fields[i].name, "is required");
			continue;
		}
		if ((t = ftype_of(&fields[i])) == NULL)
			settle(&r, &fields[i], "has an unknown type", &out[i]);
		else
			settle(&r, &fields[i], t->from_json(&r, &fields[i],
			    val, &out[i]), &out[i]);
	}
	return finish(&r, errors);
}
