/*
 * handlers_pages.c - the static-content pages (home, about, legal texts)
 * and the Content-Security-Policy violation report sink.
 */
#include "config.h"

#include <time.h>

#include <json-c/json.h>

#include "app.h"

#include "handlers.h"
#include "log.h"
#include "request.h"
#include "response.h"
#include "sample_week.h"
#include "validate.h"

static int
page(struct cz_request *r, const char *template, const char *title)
{
	return cz_resp_html(r, 200, template, cz_page_ctx(r, title));
}

/* The home page, with a sample week the planner made (sample_week.h);
 * without one (no catalog yet) the page is shown without it. */
int
cz_h_home(struct cz_request *r)
{
	struct json_object *ctx, *sample;

	if ((ctx = cz_page_ctx(r, "Accurate 7-day meal plans")) == NULL)
		return 500;
	if ((sample = cz_sample_week(r)) != NULL)
		json_object_object_add(ctx, "sample", sample);
	return cz_resp_html(r, 200, "pages/home", ctx);
}

/* /.well-known/security.txt (RFC 9116): where to report a vulnerability.
 * Expires is required and should be under a year ahead; it is written
 * 180 days from now on every request, so the file never goes stale while
 * the contact setting stays. */
int
cz_h_security_txt(struct cz_request *r)
{
	const struct cz_settings *s = &r->app->settings;
	char expires[32];
	struct tm tm;
	time_t t;

	if (s->security_contact[0] == '\0') {
		r->error_message = "security_contact is not set";
		return 404;
	}
	t = time(NULL) + 180 * 86400;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(expires, sizeof(expires), "%Y-%m-%dT%H:%M:%SZ",
	    &tm) == 0)
		return 500;
	cz_buf_reset(r->body_out);
	if (cz_buf_printf(r->body_out, "Contact: %s\nExpires: %s\n"
	    "Preferred-Languages: en\nCanonical: %s/.well-known/security.txt\n",
	    s->security_contact, expires, s->base_url) == -1)
		return 500;
	r->status = 200;
	r->content_type_out = "text/plain; charset=utf-8";
	return CZ_DONE;
}

int
cz_h_about(struct cz_request *r)
{
	return page(r, "pages/about", "About");
}

int
cz_h_terms(struct cz_request *r)
{
	return page(r, "pages/terms", "Terms of Service");
}

int
cz_h_privacy(struct cz_request *r)
{
	return page(r, "pages/privacy", "Privacy Policy");
}

int
cz_h_disclaimers(struct cz_request *r)
{
	return page(r, "pages/disclaimers", "Disclaimers");
}

/* The fields of a CSP report worth keeping in the log. */
static const struct cz_field csp_fields[] = {
	{ "document-uri", CZ_F_STRING, 0, 0, 2048, NULL },
	{ "violated-directive", CZ_F_STRING, 1, 1, 256, NULL },
	{ "blocked-uri", CZ_F_STRING, 0, 0, 2048, NULL },
};

/*
 * Browsers POST {"csp-report": {...}} when the Content-Security-Policy
 * blocks something; operators see it in the log as a warning.
 */
int
cz_h_csp_report(struct cz_request *r)
{
	struct cz_value v[sizeof(csp_fields) / sizeof(csp_fields[0])];
	struct json_object *report, *errors;

	if (r->json == NULL ||
	    !json_object_object_get_ex(r->json, "csp-report", &report) ||
	    !json_object_is_type(report, json_type_object)) {
		r->error_message = "expected a JSON object with a "
		    "\"csp-report\" member";
		return 400;
	}
	if (cz_validate_json(r->arena, csp_fields,
	    sizeof(csp_fields) / sizeof(csp_fields[0]), report, v,
	    &errors) == -1) {
		if (errors == NULL)
			return 500;
		return cz_resp_json(r, 400, cz_errors_body(r, errors));
	}
	/* Only the directive and the blocked origin: document URIs may
	 * carry query strings with personal data. */
	cz_log(CZ_LOG_WARN, "content security policy violation: %s blocked "
	    "%.200s", v[1].s, v[2].present ? v[2].s : "(unknown)");
	r->status = 204;
	return 0;
}
