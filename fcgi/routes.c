/*
 * routes.c - every dynamic path the responder answers. Order matters only
 * among patterns that overlap: the first match wins.
 */
#include "config.h"

#include "handlers.h"
#include "routes.h"

const struct cz_route cz_routes[] = {
	{ "GET",  "/",			"home",		cz_h_home,	0 },
	{ "GET",  "/about",		"about",	cz_h_about,	0 },
	{ "GET",  "/terms",		"terms",	cz_h_terms,	0 },
	{ "GET",  "/privacy",		"privacy",	cz_h_privacy,	0 },
	{ "GET",  "/disclaimers",	"disclaimers",	cz_h_disclaimers, 0 },
	{ "POST", "/csp-report",	"csp_report",	cz_h_csp_report,
	    CZ_ROUTE_BODY | CZ_ROUTE_JSON },
	{ "GET",  "/health/live",	"health_live",	cz_h_health_live,
	    CZ_ROUTE_JSON },
	{ "GET",  "/health/ready",	"health_ready",	cz_h_health_ready,
	    CZ_ROUTE_JSON },
	{ "GET",  "/health",		"health",	cz_h_health,
	    CZ_ROUTE_JSON },
	{ "GET",  "/metrics",		"metrics",	cz_h_metrics,	0 },
};

const size_t cz_nroutes = sizeof(cz_routes) / sizeof(cz_routes[0]);
