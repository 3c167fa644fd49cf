/*
 * time_text.h - the times pages show: an ISO 8601 UTC time as the API
 * gives it ("2026-12-06T05:52:50Z") made readable for a table cell whose
 * header says UTC ("2026-12-06 05:52" or "2026-12-06 05:52:50"). The
 * page keeps the ISO text in <time datetime="...">.
 */
#ifndef CZ_TIME_TEXT_H
#define CZ_TIME_TEXT_H

#include <json-c/json.h>

/* The display text of the ISO time iso (a json string), to the minute,
 * or to the second when seconds is set; anything not of that form is
 * kept as it is. A new json string (NULL for a NULL iso). */
struct json_object	*cz_time_text(struct json_object *iso, int seconds);

/* Adds key to each object of list whose member from is a time: its
 * cz_time_text. */
void			 cz_time_text_add(struct json_object *list,
			    const char *from, const char *key, int seconds);

#endif /* CZ_TIME_TEXT_H */
