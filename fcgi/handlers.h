/*
 * handlers.h - request handlers, one file per area. A handler builds the
 * response in r and returns 0, or returns an HTTP error status (with
 * r->error_message set) for the pipeline to render as an error page.
 */
#ifndef CZ_HANDLERS_H
#define CZ_HANDLERS_H

struct cz_request;

/* handlers_pages.c */
int cz_h_home(struct cz_request *r);
int cz_h_about(struct cz_request *r);
int cz_h_terms(struct cz_request *r);
int cz_h_privacy(struct cz_request *r);
int cz_h_disclaimers(struct cz_request *r);
int cz_h_csp_report(struct cz_request *r);

/* handlers_health.c */
int cz_h_health_live(struct cz_request *r);
int cz_h_health_ready(struct cz_request *r);
int cz_h_health(struct cz_request *r);
int cz_h_metrics(struct cz_request *r);

/* handlers_plans.c */
int cz_h_api_plan_create(struct cz_request *r);
int cz_h_api_plan_get(struct cz_request *r);
int cz_h_api_plan_regenerate(struct cz_request *r);
int cz_h_api_foods(struct cz_request *r);
int cz_h_plans_new(struct cz_request *r);
int cz_h_plans_create(struct cz_request *r);
int cz_h_plans_list(struct cz_request *r);
int cz_h_plan_show(struct cz_request *r);
int cz_h_plan_regenerate_form(struct cz_request *r);

/* Statements the handlers use, registered at start-up. */
struct cz_db;
int cz_health_register(struct cz_db *db);
int cz_plans_register(struct cz_db *db);

#endif
