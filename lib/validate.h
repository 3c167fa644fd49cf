/*
 * validate.h - table-driven validation of request input.
 *
 * A handler describes its inputs once, as a table of fields, and receives
 * typed, checked values indexed like the table, or a JSON object of clear
 * per-field messages to send back, e.g.
 *	{"calories": "must be between 800 and 5000"}
 * The same table serves form/query parameters and JSON bodies.
 */
#ifndef CZ_VALIDATE_H
#define CZ_VALIDATE_H

#include <stddef.h>

#include "arena.h"
#include "params.h"

struct json_object;

/* Longest e-mail address accepted (RFC 5321 path limit less the brackets). */
#define CZ_EMAIL_MAX	254

enum cz_ftype {
	CZ_F_INT,	/* decimal integer in [min, max] */
	CZ_F_STRING,	/* UTF-8 text without NUL, length in bytes in [min, max] */
	CZ_F_ENUM,	/* exactly one of choices */
	CZ_F_BOOL,	/* "1" "0" "true" "false" "on" "off"; JSON true/false */
	CZ_F_EMAIL,	/* local@domain.tld, at most CZ_EMAIL_MAX bytes */
	CZ_F_NAME,	/* exactly one of a vocabulary's names (struct cz_fspec) */
	CZ_F_LIST	/* [min, max] elements, each valid as a field of its own */
};

/*
 * What a field of the kinds that need more than a range or a list of
 * choices is checked against; the field's choices points to one.
 *   CZ_F_NAME: the names are name(0) .. name(count - 1) (a vocabulary's
 *	name function, such as cz_diet_name), value i being the index.
 *   CZ_F_LIST: each element is checked as elem (a field of any kind but
 *	CZ_F_LIST; its name and required are not used). what, when set, is
 *	the elements' plural noun in messages ("must be a list of at most 32
 *	USDA NDB numbers"); without it a list of names is described by its
 *	names ("must be a list of: gluten_free, dairy_free, ...").
 *   CZ_F_STRING (optional): text within the length bounds must also pass
 *	accept(s, len), else the message is "must be " what ("must be a
 *	5-digit USDA NDB number such as "09040"").
 */
struct cz_fspec {
	const char		*(*name)(int);
	int			 count;
	const struct cz_field	*elem;
	int			(*accept)(const char *, size_t);
	const char		*what;
};

/*
 * One input field. min and max are inclusive: for CZ_F_INT the range of the
 * value (set both; LLONG_MIN/LLONG_MAX for no bound); for CZ_F_STRING and
 * CZ_F_EMAIL the length in bytes, where max <= 0 means no upper bound other
 * than the parser limits (and CZ_EMAIL_MAX for e-mail); for CZ_F_LIST the
 * number of elements, max <= 0 meaning no upper bound.
 * choices is a NULL-terminated list of names for CZ_F_ENUM; a struct
 * cz_fspec for CZ_F_NAME and CZ_F_LIST, and optionally for CZ_F_STRING;
 * unused (NULL) otherwise. It is untyped so that the positional tables
 * written before the spec existed ({ "seed", CZ_F_INT, 0, 0, 9, NULL })
 * stay complete: a member appended to this struct would leave them short,
 * which -Wextra (-Wmissing-field-initializers) refuses.
 */
struct cz_field {
	const char		*name;
	enum cz_ftype		 type;
	int			 required;
	long long		 min, max;
	const void		*choices;
};

/*
 * One validated value. present is 1 when the field was given and valid.
 * i holds the CZ_F_INT value, the CZ_F_BOOL value (0 or 1) or the CZ_F_ENUM
 * or CZ_F_NAME index into the names. s and len hold the text of CZ_F_STRING
 * and CZ_F_EMAIL values (NUL-terminated, owned by the input or its arena)
 * and, for CZ_F_ENUM and CZ_F_NAME, the matching name from the table or
 * name function; s is NULL otherwise. items[0..nitems) are the elements of
 * a CZ_F_LIST value, in input order, each as its elem field gives it (the
 * array is allocated from the arena); items is NULL for the other kinds and
 * for an empty list.
 */
struct cz_value {
	int			 present;
	long long		 i;
	const char		*s;
	size_t			 len;
	const struct cz_value	*items;
	size_t			 nitems;
};

/*
 * Validates form or query parameters against fields[0..nfields). For each
 * field the first pair of that name is used (others are ignored, as are
 * names not in the table), except that every pair of a CZ_F_LIST field's
 * name is one of its elements; a pair with an empty value counts as
 * absent, as browsers send empty form controls. out[0..nfields) is always
 * filled (present 0 for absent or invalid fields).
 * Returns 0 when every field is valid (*errors set to NULL). Otherwise
 * returns -1 and sets *errors to a JSON object, owned by a, mapping each
 * failing field's name to a message ("is required", "must be an integer",
 * "must be one of: standard, vegan", "each must be one of: ...", ...);
 * when memory runs out building it, *errors is NULL, which callers answer
 * as an internal error. errors may be NULL when messages are not wanted.
 */
int cz_validate_params(cz_arena *a, const struct cz_field *fields,
    size_t nfields, const struct cz_params *in, struct cz_value *out,
    struct json_object **errors);

/*
 * As cz_validate_params for a parsed JSON body. obj must be a JSON object,
 * else the result is -1 with the single message {"body": "must be a JSON
 * object"}. A member that is missing or null counts as absent. CZ_F_INT
 * takes only JSON integers (not 1.5, not "5"; integers beyond 64 bits
 * saturate and then fail a narrower range); CZ_F_BOOL takes only true and
 * false; the text and name types take only strings; CZ_F_LIST takes only
 * arrays (a null element is invalid, not absent). Members not in fields
 * are ignored. Messages are added in the order of fields. String values
 * point into obj, so they live as long as obj does.
 */
int cz_validate_json(cz_arena *a, const struct cz_field *fields,
    size_t nfields, struct json_object *obj, struct cz_value *out,
    struct json_object **errors);

/*
 * As cz_validate_json, for a closed set of members: a member of obj that
 * is not in fields fails too, with "is not a known field" under its own
 * name (under "body", as "has an unknown field", when the name is longer
 * than 64 bytes), so that a misspelt field is not silently ignored.
 * Messages follow the order of obj's members, then come the required
 * fields that are missing, in the order of fields.
 */
int cz_validate_json_closed(cz_arena *a, const struct cz_field *fields,
    size_t nfields, struct json_object *obj, struct cz_value *out,
    struct json_object **errors);

#endif
