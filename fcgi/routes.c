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
	{ "GET",  "/plans/new",		"plans_new",	cz_h_plans_new,	0 },
	{ "POST", "/plans",		"plans_create",	cz_h_plans_create,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY },
	{ "GET",  "/plans",		"plans_list",	cz_h_plans_list,
	    CZ_ROUTE_DB },
	{ "GET",  "/plans/{id:int}",	"plan_show",	cz_h_plan_show,
	    CZ_ROUTE_DB },
	{ "POST", "/plans/{id:int}/meals/{day:int}/{slot:slug}/regenerate",
	    "plan_regenerate_form", cz_h_plan_regenerate_form,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY },
	{ "POST", "/plans/{id:int}/days/{day:int}/regenerate",
	    "plan_regenerate_day_form", cz_h_plan_regenerate_form,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY },
	{ "POST", "/api/plans",		"api_plan_create", cz_h_api_plan_create,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY | CZ_ROUTE_JSON },
	{ "GET",  "/api/plans/{id:int}", "api_plan_get", cz_h_api_plan_get,
	    CZ_ROUTE_DB | CZ_ROUTE_JSON },
	{ "POST", "/api/plans/{id:int}/meals/{day:int}/{slot:slug}/regenerate",
	    "api_plan_regenerate", cz_h_api_plan_regenerate,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY | CZ_ROUTE_JSON },
	{ "POST", "/api/plans/{id:int}/days/{day:int}/regenerate",
	    "api_plan_regenerate_day", cz_h_api_plan_regenerate,
	    CZ_ROUTE_DB | CZ_ROUTE_BODY | CZ_ROUTE_JSON },
	{ "GET",  "/api/foods",		"api_foods",	cz_h_api_foods,
	    CZ_ROUTE_DB | CZ_ROUTE_JSON },
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
