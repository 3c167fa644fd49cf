/*
 * handlers.h - request handlers, one file per area, named in the route
 * table (routes.c). A handler is a thin adapter: it reads its typed input,
 * calls a service (plans.c, videos.c, accounts.c, ...) and answers in HTML
 * or JSON. Handlers never call one another; what several share lives in
 * a service or a view helper below them.
 *
 * "Answered" has one convention (request.h), for handlers and for every
 * check or gate that may answer in their place:
 *   CZ_DONE (0)   the response is built in r;
 *   CZ_NEXT (-1)  nothing was answered, go on (checks and gates only);
 *   400..599      an HTTP error status with r->error_message set, which
 *                 the pipeline renders as an error page (HTML or JSON).
 *   if ((rc = cz_user_can(r, "plans:read")) != CZ_NEXT)
 *           return rc;
 * A handler that returns CZ_DONE without building a response is answered
 * 500 by the pipeline.
 */
#ifndef CZ_HANDLERS_H
#define CZ_HANDLERS_H

struct cz_request;

/* handlers_pages.c */
int cz_h_home(struct cz_request *r);
int cz_h_about(struct cz_request *r);
int cz_h_security_txt(struct cz_request *r);
int cz_h_terms(struct cz_request *r);
int cz_h_privacy(struct cz_request *r);
int cz_h_disclaimers(struct cz_request *r);
int cz_h_csp_report(struct cz_request *r);

/* handlers_health.c */
int cz_h_health_live(struct cz_request *r);
int cz_h_health_ready(struct cz_request *r);
int cz_h_health(struct cz_request *r);
int cz_h_metrics(struct cz_request *r);

/* handlers_energy.c */
int cz_h_api_energy_target(struct cz_request *r);

/* handlers_shopping.c */
int cz_h_shopping_page(struct cz_request *r);
int cz_h_shopping_save(struct cz_request *r);
int cz_h_shopping_text(struct cz_request *r);
int cz_h_shopping_csv(struct cz_request *r);

/* handlers_plans.c (API), handlers_plan_pages.c (pages) */
int cz_h_api_plan_create(struct cz_request *r);
int cz_h_api_plan_get(struct cz_request *r);
int cz_h_api_plan_regenerate(struct cz_request *r);
int cz_h_api_foods(struct cz_request *r);
int cz_h_plans_new(struct cz_request *r);
int cz_h_plans_create(struct cz_request *r);
int cz_h_plans_list(struct cz_request *r);
int cz_h_plan_show(struct cz_request *r);
int cz_h_plan_regenerate_form(struct cz_request *r);
/* meal control (handlers_plans.c, handlers_plan_pages.c) */
int cz_h_api_plan_regenerate_all(struct cz_request *r);
int cz_h_api_plan_alternatives(struct cz_request *r);
int cz_h_api_plan_swap(struct cz_request *r);
int cz_h_api_plan_lock(struct cz_request *r);
int cz_h_api_plan_revisions(struct cz_request *r);
int cz_h_api_plan_revert(struct cz_request *r);
int cz_h_plan_regenerate_all_form(struct cz_request *r);
int cz_h_plan_swap_page(struct cz_request *r);
int cz_h_plan_swap_form(struct cz_request *r);
int cz_h_plan_lock_form(struct cz_request *r);
int cz_h_plan_undo_form(struct cz_request *r);

/* handlers_auth.c */
int cz_h_register_form(struct cz_request *r);
int cz_h_register(struct cz_request *r);
int cz_h_api_challenge(struct cz_request *r);
int cz_h_login_form(struct cz_request *r);
int cz_h_login(struct cz_request *r);
int cz_h_logout(struct cz_request *r);
int cz_h_logout_all(struct cz_request *r);
int cz_h_password_change(struct cz_request *r);
int cz_h_email_change(struct cz_request *r);

/* handlers_account.c */
int cz_h_account(struct cz_request *r);
int cz_h_api_me(struct cz_request *r);

/* handlers_keys.c */
int cz_h_keys_list(struct cz_request *r);
int cz_h_key_create(struct cz_request *r);
int cz_h_key_revoke(struct cz_request *r);

/* handlers_tokens.c */
int cz_h_verify_form(struct cz_request *r);
int cz_h_verify(struct cz_request *r);
int cz_h_verify_resend(struct cz_request *r);
int cz_h_reset_form(struct cz_request *r);
int cz_h_reset_request(struct cz_request *r);
int cz_h_reset_confirm_form(struct cz_request *r);
int cz_h_reset_confirm(struct cz_request *r);

/* handlers_activity.c */
int cz_h_account_activity(struct cz_request *r);

/* handlers_privacy.c */
int cz_h_account_export(struct cz_request *r);
int cz_h_account_delete_form(struct cz_request *r);
int cz_h_account_delete(struct cz_request *r);

/* handlers_legal.c */
int cz_h_legal_form(struct cz_request *r);
int cz_h_legal_accept(struct cz_request *r);

/* handlers_videos.c */
int cz_h_api_video_create(struct cz_request *r);
int cz_h_video_create_form(struct cz_request *r);
int cz_h_api_video_get(struct cz_request *r);
int cz_h_api_video_progress(struct cz_request *r);
int cz_h_video_page(struct cz_request *r);
int cz_h_videos_list(struct cz_request *r);

/* handlers_video_files.c */
int cz_h_video_file(struct cz_request *r);
int cz_h_video_hls_master(struct cz_request *r);
int cz_h_video_hls_file(struct cz_request *r);

/* Statements the handlers use, registered at start-up. */
struct cz_db;
int cz_health_register(struct cz_db *db);

#endif
