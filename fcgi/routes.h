/*
 * routes.h - the route table of the responder.
 */
#ifndef CZ_ROUTES_H
#define CZ_ROUTES_H

#include <stddef.h>

#include "router.h"

extern const struct cz_route cz_routes[];
extern const size_t cz_nroutes;

#endif
