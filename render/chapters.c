/*
 * chapters.c - the cards' start times of a rendered video (see
 * chapters.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "chapters.h"

void
cz_render_chapters_fill(const struct cz_render_story *s,
    const struct cz_render_plan *p, struct cz_render_chapters *out)
{
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < s->ncards && i < CZ_RENDER_MAX_CARDS; i++) {
		const struct cz_render_card *c = &s->cards[i];
		struct cz_render_chapter *ch = &out->at[out->n++];

		ch->kind = c->kind;
		ch->day = c->kind == CZ_CARD_DAY && c->day >= 0 &&
		    c->day < p->ndays ? p->days[c->day].day : 0;
		ch->start = s->fps > 0 ? (double)c->first / s->fps : 0;
	}
}

const char *
cz_render_card_name(enum cz_render_card_kind k)
{
	switch (k) {
	case CZ_CARD_TITLE:
		return "title";
	case CZ_CARD_DAY:
		return "day";
	case CZ_CARD_MACROS:
		return "macros";
	case CZ_CARD_SHOPPING:
		return "shopping";
	case CZ_CARD_END:
		return "end";
	}
	return "card";
}

struct json_object *
cz_render_chapters_json(const struct cz_render_chapters *c)
{
	struct json_object *a = json_object_new_array(), *o;
	char buf[32];
	int i;

	for (i = 0; i < c->n; i++) {
		o = json_object_new_object();
		json_object_object_add(o, "card", json_object_new_string(
		    cz_render_card_name(c->at[i].kind)));
		if (c->at[i].kind == CZ_CARD_DAY)
			json_object_object_add(o, "day",
			    json_object_new_int(c->at[i].day));
		snprintf(buf, sizeof(buf), "%.3f", c->at[i].start);
		json_object_object_add(o, "start",
		    json_object_new_double_s(c->at[i].start, buf));
		json_object_array_add(a, o);
	}
	return a;
}
