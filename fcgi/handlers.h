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

/* handlers_auth.c */
int cz_h_register_form(struct cz_request *r);
int cz_h_register(struct cz_request *r);
int cz_h_login_form(struct cz_request *r);
int cz_h_login(struct cz_request *r);
int cz_h_logout(struct cz_request *r);
int cz_h_logout_all(struct cz_request *r);
int cz_h_password_change(struct cz_request *r);
int cz_h_email_change(struct cz_request *r);

/* handlers_account.c */
int cz_h_account(struct cz_request *r);
int cz_h_api_me(struct cz_request *r);
/* The account page with status and a message (NULL for none); anonymous
 * visitors are sent to /login. */
int cz_h_account_page(struct cz_request *r, int status, const char *message);

/* handlers_keys.c */
int cz_h_keys_list(struct cz_request *r);
int cz_h_key_create(struct cz_request *r);
int cz_h_key_revoke(struct cz_request *r);
/* The signed-in account's API keys as a JSON array owned by the request's
 * arena, or NULL when the database failed. */
struct json_object;
struct json_object *cz_keys_list(struct cz_request *r);
/* The account page showing a key just made (once). */
int cz_account_with_key(struct cz_request *r, struct json_object *key);

/* handlers_tokens.c */
int cz_h_verify_form(struct cz_request *r);
int cz_h_verify(struct cz_request *r);
int cz_h_verify_resend(struct cz_request *r);
int cz_h_reset_form(struct cz_request *r);
int cz_h_reset_request(struct cz_request *r);
int cz_h_reset_confirm_form(struct cz_request *r);
int cz_h_reset_confirm(struct cz_request *r);
/*
 * Makes a one-time token of purpose ("verify_email", "reset_password") for
 * account user_id and queues the mail with its link to address to, in one
 * statement. Returns 0, or -1 (logged).
 */
int cz_mail_link(struct cz_request *r, long long user_id, const char *to,
    const char *purpose);

/* handlers_activity.c */
int cz_h_account_activity(struct cz_request *r);

/* handlers_privacy.c */
int cz_h_account_export(struct cz_request *r);
int cz_h_account_delete_form(struct cz_request *r);
int cz_h_account_delete(struct cz_request *r);

/* Queues a mail without a token: template (e.g. "email/account_exists")
 * for account user_id at address to, its link base_url + path. Returns 0
 * or -1 (logged). */
int cz_mail_notice(struct cz_request *r, long long user_id, const char *to,
    const char *template, const char *path);

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
/* cz_video_platforms() and cz_videos_register() are the video service's
 * (videos.h); included here until handlers_plans.c includes it itself. */
#include "videos.h"

/* Statements the handlers use, registered at start-up. */
struct cz_db;
int cz_health_register(struct cz_db *db);
int cz_plans_register(struct cz_db *db);
int cz_auth_register(struct cz_db *db);
int cz_legal_register(struct cz_db *db);
int cz_keys_register(struct cz_db *db);
int cz_tokens_register(struct cz_db *db);
int cz_privacy_register(struct cz_db *db);
int cz_activity_register(struct cz_db *db);

#endif
