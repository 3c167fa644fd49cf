/*
 * legal.h - the gate in front of plan and video generation.
 */
#ifndef CZ_LEGAL_H
#define CZ_LEGAL_H

struct cz_request;

/*
 * Returns CZ_NEXT when r->user may make plans and videos (signed in,
 * current terms and privacy accepted); else builds the answer (401 or 403
 * in JSON; for HTML a 303 to /login or /legal/accept, with next) and
 * returns CZ_DONE.
 */
int cz_legal_gate(struct cz_request *r, const char *next);

#endif
