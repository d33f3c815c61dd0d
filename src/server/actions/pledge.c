/*
 * pledge.c — registration (đăng ký thi đua): personal pledges through
 * draft → submitted → endorsed (head) → accepted (personnel office), or
 * returned with a reason; collective pledges of units; who has not
 * pledged; the registration roster.
 *
 * pledges:      u16 BE year ‖ u32 BE staff id → {1 title, 2 commitments,
 *               3 state, 4 submitted (time), 5 endorsed by, 6 accepted by,
 *               7 reason returned, 8 updated (time), 9 late}
 * unit_pledges: u16 BE year ‖ u32 BE unit id → {1 title, 2 model,
 *               3 exemplars, 4 commitments, 5 by, 6 time, 7 late}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/msg.h"
#include "laurel/pledges.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/text.h"
#include "laurel/users.h"
#include "laurel/wire.h"

int act_PLEDGE_SAVE(struct lrl_ctx *c);
int act_PLEDGE_SUBMIT(struct lrl_ctx *c);
int act_PLEDGE_ENDORSE(struct lrl_ctx *c);
int act_PLEDGE_RETURN(struct lrl_ctx *c);
int act_PLEDGE_ACCEPT(struct lrl_ctx *c);
int act_PLEDGE_LIST(struct lrl_ctx *c);
int act_PLEDGE_MISSING(struct lrl_ctx *c);
int act_UNIT_PLEDGE(struct lrl_ctx *c);
int act_REPORT_ROSTER(struct lrl_ctx *c);

enum pstate { PS_NONE, PS_DRAFT, PS_SUBMITTED, PS_ENDORSED, PS_ACCEPTED,
	      PS_RETURNED };
static const char *const state_names[] = {"none", "draft", "submitted",
                                          "endorsed", "accepted", "returned"};

struct pledge {
	char title[LRL_CODE_MAX + 1];
	char commitments[LRL_TEXT_MAX * 4 + 1];
	int state;
	int64_t submitted, updated;
	uint64_t endorsed_by, accepted_by;
	char reason[LRL_TEXT_MAX * 4 + 1];
	int late;
};

static void pkey(uint8_t key[6], int year, uint32_t id)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	wire_put_be32(key + 2, id);
}

static int pledge_get(store_txn *t, int year, uint32_t staff, struct pledge *p)
{
	uint8_t key[6];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	uint64_t st = 0;
	int rc;

	memset(p, 0, sizeof *p);
	pkey(key, year, staff);
	if ((rc = store_get(t, STORE_DB_PLEDGES, key, 6, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = LRL_ECORRUPT;
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 1), p->title, sizeof p->title) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 2), p->commitments,
	                  sizeof p->commitments) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 3), &st) == 0 &&
	    mp_get_i64(mp_map_geti(&up.data, 4), &p->submitted) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 5), &p->endorsed_by) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 6), &p->accepted_by) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 7), p->reason, sizeof p->reason) == 0 &&
	    mp_get_i64(mp_map_geti(&up.data, 8), &p->updated) == 0 &&
	    mp_get_bool(mp_map_geti(&up.data, 9), &p->late) == 0)
		rc = 0;
	msgpack_unpacked_destroy(&up);
	p->state = (int)st;
	return rc;
}

static int pledge_put(store_txn *t, int year, uint32_t staff,
                      const struct pledge *p)
{
	uint8_t key[6];
	mp_buf b;
	int rc;

	pkey(key, year, staff);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 9);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, p->title);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, p->commitments);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_uint8(&b.pk, (uint8_t)p->state);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_int64(&b.pk, p->submitted);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint64(&b.pk, p->endorsed_by);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_uint64(&b.pk, p->accepted_by);
	msgpack_pack_uint8(&b.pk, 7);
	mp_pack_str(&b.pk, p->reason);
	msgpack_pack_uint8(&b.pk, 8);
	msgpack_pack_int64(&b.pk, p->updated);
	msgpack_pack_uint8(&b.pk, 9);
	p->late ? msgpack_pack_true(&b.pk) : msgpack_pack_false(&b.pk);
	rc = store_put(t, STORE_DB_PLEDGES, key, 6, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

int pledge_pledged(const void *v, size_t vl, int64_t *submitted)
{
	static const uint64_t fields[] = {3, 4}; /* state, submitted */
	int64_t got[2] = {0, 0};
	uint64_t st = 0;

	*submitted = 0;
	if (mp_peek_ints(v, vl, fields, got, 2) == 0) {
		st = got[0] < 0 ? 0 : (uint64_t)got[0];
		*submitted = got[1];
	} else {
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0 &&
		    mp_get_u64(mp_map_geti(&up.data, 3), &st) == 0)
			mp_get_i64(mp_map_geti(&up.data, 4), submitted);
		msgpack_unpacked_destroy(&up);
	}
	return st >= PS_SUBMITTED && st <= PS_ACCEPTED;
}

/* The actor's own staff record. */
static int own_staff(struct lrl_ctx *c, struct staff_rec *s)
{
	if (c->actor == NULL || c->actor->staff_id == 0 ||
	    staff_get(c->txn, c->actor->staff_id, s) != 0)
		return lrl_fail_set(&c->fail, LRL_ESTATE, NULL,
		                    "your account is not linked to a staff record; "
		                    "ask the personnel office");
	return 0;
}

/* Writes the author's own pledge: as a draft, or submitted. */
static int own_pledge(struct lrl_ctx *c, int submit)
{
	struct staff_rec s;
	struct year_rec y;
	struct pledge p;
	int64_t year = 0;
	char *text = NULL;
	char tname[256];
	int rc, late = 0;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = own_staff(c, &s)) != 0)
		return rc;
	rc = pledge_get(c->txn, (int)year, s.id, &p);
	if (rc != 0 && rc != LRL_ENOENT)
		return rc;
	if (p.state == PS_SUBMITTED || p.state == PS_ENDORSED ||
	    p.state == PS_ACCEPTED)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "year",
		                    "your pledge for %lld is already %s",
		                    (long long)year, state_names[p.state]);
	if ((rc = registration_open(c, &y, s.unit, s.id, &late)) != 0)
		return rc;
	if (ctx_param(c, "title"))
		ctx_strbuf(c, "title", p.title, sizeof p.title);
	if (ctx_param(c, "commitments")) {
		if ((rc = ctx_text(c, "commitments", &text)) != 0)
			return rc;
		snprintf(p.commitments, sizeof p.commitments, "%s", text);
		free(text);
	}
	if (p.title[0] == '\0')
		return lrl_fail_set(&c->fail, LRL_EINVAL, "title", "is required");
	if (p.commitments[0] == '\0')
		return lrl_fail_set(&c->fail, LRL_EINVAL, "commitments",
		                    "is required");
	if ((rc = rules_title(c, &y, "title", p.title, 0, tname, sizeof tname)) != 0)
		return rc;
	p.state = submit ? PS_SUBMITTED : PS_DRAFT;
	p.updated = c->now;
	p.late = late;
	p.reason[0] = '\0';
	if (submit)
		p.submitted = c->now;
	if ((rc = pledge_put(c->txn, (int)year, s.id, &p)) != 0)
		return rc;
	if (submit && late)
		result_message(c->out, "pledge %lld submitted: %s (late, in a "
		               "reopened window)", (long long)year, tname);
	else if (submit)
		result_message(c->out, "pledge %lld submitted: %s", (long long)year,
		               tname);
	else
		result_message(c->out, "pledge %lld saved as a draft", (long long)year);
	return 0;
}

int act_PLEDGE_SAVE(struct lrl_ctx *c)
{
	return own_pledge(c, 0);
}

int act_PLEDGE_SUBMIT(struct lrl_ctx *c)
{
	return own_pledge(c, 1);
}

/* The staff member named by the staff parameter, their pledge, and the
 * scope check for acting on it. */
static int other_pledge(struct lrl_ctx *c, struct staff_rec *s,
                        struct pledge *p, int64_t *year)
{
	const msgpack_object *v = ctx_param(c, "staff");
	struct year_rec y;
	int rc;

	ctx_int(c, "year", year);
	if ((rc = year_param(c, (int)*year, &y)) != 0)
		return rc;
	if (staff_find(c->txn, v->via.str.ptr, v->via.str.size, s) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
		                    "no staff member has the code '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	if ((rc = scope_unit_ok(c, s->unit)) != 0)
		return rc;
	rc = pledge_get(c->txn, (int)*year, s->id, p);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
		                    "%s has no pledge for %lld", s->code,
		                    (long long)*year);
	return rc;
}

/* Moves a pledge from state `from` to `to`, recording who did it. */
static int move_pledge(struct lrl_ctx *c, int from, int to,
                       const char *refusal, const char *done)
{
	struct staff_rec s;
	struct pledge p;
	int64_t year;
	int rc;

	if ((rc = other_pledge(c, &s, &p, &year)) != 0)
		return rc;
	if (to == PS_ENDORSED && c->actor && c->actor->staff_id == s.id)
		return lrl_fail_set(&c->fail, LRL_EPERM, "staff",
		                    "nobody endorses their own pledge: the "
		                    "director or another head of the unit "
		                    "endorses it");
	/* The director's own pledge has nobody above it in the hospital:
	 * the personnel office accepts it as submitted. */
	if (to == PS_ACCEPTED && p.state == PS_SUBMITTED &&
	    (users_staff_roles(c->txn, s.id) & (1u << LRL_ROLE_DIRECTOR)))
		from = PS_SUBMITTED;
	if (p.state != from)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "staff", refusal, s.code,
		                    state_names[p.state]);
	p.state = to;
	if (to == PS_ENDORSED)
		p.endorsed_by = c->actor_id;
	else
		p.accepted_by = c->actor_id;
	p.updated = c->now;
	if ((rc = pledge_put(c->txn, (int)year, s.id, &p)) != 0)
		return rc;
	result_message(c->out, done, s.code);
	return 0;
}

int act_PLEDGE_ENDORSE(struct lrl_ctx *c)
{
	return move_pledge(c, PS_SUBMITTED, PS_ENDORSED,
	                   N_("the pledge of %s is %s; only a submitted pledge "
	                      "can be endorsed"),
	                   N_("pledge of %s endorsed"));
}

int act_PLEDGE_ACCEPT(struct lrl_ctx *c)
{
	return move_pledge(c, PS_ENDORSED, PS_ACCEPTED,
	                   N_("the pledge of %s is %s; only an endorsed pledge "
	                      "can be accepted"),
	                   N_("pledge of %s accepted"));
}

int act_PLEDGE_RETURN(struct lrl_ctx *c)
{
	struct staff_rec s;
	struct pledge p;
	int64_t year;
	char *reason = NULL;
	int rc;

	if ((rc = other_pledge(c, &s, &p, &year)) != 0)
		return rc;
	if (p.state != PS_SUBMITTED && p.state != PS_ENDORSED)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "staff",
		                    "the pledge of %s is %s; only a submitted or "
		                    "endorsed pledge can be returned", s.code,
		                    state_names[p.state]);
	if ((rc = ctx_text(c, "reason", &reason)) != 0)
		return rc;
	snprintf(p.reason, sizeof p.reason, "%s", reason);
	free(reason);
	p.state = PS_RETURNED;
	p.updated = c->now;
	if ((rc = pledge_put(c->txn, (int)year, s.id, &p)) != 0)
		return rc;
	result_message(c->out, "pledge of %s returned", s.code);
	return 0;
}

/* ---- lists ------------------------------------------------------------ */

struct rows {
	mp_buf b;
	size_t n;
	int year;
	int only_state; /* -1: any */
};

static const char *unit_code(store_txn *t, uint32_t id, char *buf, size_t n)
{
	struct unit_rec u;

	snprintf(buf, n, "%s", unit_get(t, id, &u) == 0 ? u.code : "");
	return buf;
}

static int list_one(struct lrl_ctx *c, const struct staff_rec *s, void *arg)
{
	struct rows *r = arg;
	struct pledge p;
	char ucode[LRL_CODE_MAX + 1], when[16] = "";

	if (pledge_get(c->txn, r->year, s->id, &p) != 0)
		return 0;
	if (r->only_state >= 0 && p.state != r->only_state)
		return 0;
	if (p.submitted)
		date_format(date_of_time(p.submitted), when, sizeof when);
	msgpack_pack_array(&r->b.pk, 8);
	mp_pack_str(&r->b.pk, s->code);
	mp_pack_str(&r->b.pk, s->full_name);
	mp_pack_str(&r->b.pk, unit_code(c->txn, s->unit, ucode, sizeof ucode));
	mp_pack_str(&r->b.pk, p.title);
	mp_pack_str(&r->b.pk, state_names[p.state]);
	mp_pack_str(&r->b.pk, when);
	mp_pack_str(&r->b.pk, p.late ? "late" : "");
	mp_pack_str(&r->b.pk, p.state == PS_RETURNED ? p.reason : p.commitments);
	r->n++;
	return 0;
}

static int state_param(struct lrl_ctx *c)
{
	char st[16] = "";

	if (ctx_strbuf(c, "state", st, sizeof st) != 0)
		return -1;
	for (int i = 0; i < 6; i++)
		if (!strcmp(st, state_names[i]))
			return i;
	return -1;
}

int act_PLEDGE_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"staff", "full-name", "unit", "title",
	                                   "state", "submitted", "late",
	                                   "commitments"};
	struct rows r;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.year = (int)year;
	r.only_state = state_param(c);
	mp_buf_init(&r.b);
	if ((rc = each_visible_staff(c, list_one, &r)) == 0) {
		list_begin(c->out, cols, 8, r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&r.b);
	return rc;
}

static int missing_one(struct lrl_ctx *c, const struct staff_rec *s, void *arg)
{
	struct rows *r = arg;
	struct pledge p;
	char ucode[LRL_CODE_MAX + 1];
	int rc = pledge_get(c->txn, r->year, s->id, &p);

	if (rc == 0 && (p.state == PS_SUBMITTED || p.state == PS_ENDORSED ||
	                p.state == PS_ACCEPTED))
		return 0;
	msgpack_pack_array(&r->b.pk, 4);
	mp_pack_str(&r->b.pk, s->code);
	mp_pack_str(&r->b.pk, s->full_name);
	mp_pack_str(&r->b.pk, unit_code(c->txn, s->unit, ucode, sizeof ucode));
	mp_pack_str(&r->b.pk, state_names[rc == 0 ? p.state : PS_NONE]);
	r->n++;
	return 0;
}

int act_PLEDGE_MISSING(struct lrl_ctx *c)
{
	static const char *const cols[] = {"staff", "full-name", "unit", "state"};
	struct rows r;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.year = (int)year;
	mp_buf_init(&r.b);
	if ((rc = each_visible_staff(c, missing_one, &r)) == 0) {
		list_begin(c->out, cols, 4, r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&r.b);
	return rc;
}

/* ---- collective pledges ----------------------------------------------- */

int act_UNIT_PLEDGE(struct lrl_ctx *c)
{
	struct year_rec y;
	struct unit_rec u;
	const msgpack_object *uv = ctx_param(c, "unit");
	char title[LRL_CODE_MAX + 1], tname[256], ex[LRL_NAME_MAX * 8 + 1] = "";
	char *model = NULL, *commit = NULL;
	int64_t year = 0;
	uint8_t key[6];
	mp_buf b;
	int rc, late = 0;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "title", title, sizeof title);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (unit_find(c->txn, uv->via.str.ptr, uv->via.str.size, &u) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
		                    "no unit has the code '%.*s'",
		                    (int)uv->via.str.size, uv->via.str.ptr);
	if ((rc = scope_unit_ok(c, u.id)) != 0 ||
	    (rc = registration_open(c, &y, u.id, 0, &late)) != 0 ||
	    (rc = rules_title(c, &y, "title", title, 1, tname, sizeof tname)) != 0)
		return rc;
	if (ctx_param(c, "exemplars")) {
		/* Exemplar candidates: staff codes of this unit. */
		char buf[LRL_NAME_MAX * 8 + 1], *tok, *save = NULL;
		ctx_strbuf(c, "exemplars", buf, sizeof buf);
		for (tok = strtok_r(buf, ", ", &save); tok;
		     tok = strtok_r(NULL, ", ", &save)) {
			struct staff_rec s;
			if (staff_find(c->txn, tok, strlen(tok), &s) != 0)
				return lrl_fail_set(&c->fail, LRL_ENOENT, "exemplars",
				                    "no staff member has the code '%s'", tok);
			if (!unit_within(c->txn, s.unit, u.id))
				return lrl_fail_set(&c->fail, LRL_EINVAL, "exemplars",
				                    "%s does not belong to %s", tok, u.code);
			snprintf(ex + strlen(ex), sizeof ex - strlen(ex), "%s%s",
			         ex[0] ? ", " : "", tok);
		}
	}
	if ((rc = ctx_text(c, "model", &model)) != 0)
		return rc;
	if (ctx_param(c, "commitments") &&
	    (rc = ctx_text(c, "commitments", &commit)) != 0) {
		free(model);
		return rc;
	}
	pkey(key, (int)year, u.id);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 7);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, title);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, model);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, ex);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, commit ? commit : "");
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, 7);
	late ? msgpack_pack_true(&b.pk) : msgpack_pack_false(&b.pk);
	rc = store_put(c->txn, STORE_DB_UNIT_PLEDGES, key, 6, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	free(model);
	free(commit);
	if (rc != 0)
		return rc;
	result_message(c->out, "collective pledge of %s registered: %s", u.code,
	               tname);
	return 0;
}

/* ---- the registration roster ------------------------------------------ */

static int roster_one(struct lrl_ctx *c, const struct staff_rec *s, void *arg)
{
	struct rows *r = arg;
	struct pledge p;
	char ucode[LRL_CODE_MAX + 1];
	int rc = pledge_get(c->txn, r->year, s->id, &p);
	int counted = rc == 0 && (p.state == PS_SUBMITTED ||
	                          p.state == PS_ENDORSED || p.state == PS_ACCEPTED);

	msgpack_pack_array(&r->b.pk, 7);
	mp_pack_str(&r->b.pk, unit_code(c->txn, s->unit, ucode, sizeof ucode));
	mp_pack_str(&r->b.pk, s->code);
	mp_pack_str(&r->b.pk, s->full_name);
	mp_pack_str(&r->b.pk, counted ? p.title : "");
	mp_pack_str(&r->b.pk, counted ? state_names[p.state] : "missing");
	mp_pack_str(&r->b.pk, counted && p.late ? "late" : "");
	mp_pack_str(&r->b.pk, counted ? p.commitments : "");
	r->n++;
	return 0;
}

int act_REPORT_ROSTER(struct lrl_ctx *c)
{
	static const char *const cols[] = {"unit", "staff", "full-name", "title",
	                                   "state", "late", "commitments"};
	struct rows r;
	struct year_rec y;
	int64_t year = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.year = (int)year;
	mp_buf_init(&r.b);
	/* Collective pledges first, one row per unit, then every person. */
	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		goto out;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct unit_rec u;
		uint8_t key[6];
		const void *pv;
		size_t pvl;
		msgpack_unpacked up;
		char title[LRL_CODE_MAX + 1] = "", model[LRL_NAME_MAX * 8 + 1] = "";
		struct lrl_fail keep = c->fail;
		int visible;
		if (unit_get(c->txn, wire_get_be32(k), &u) != 0 || u.closed)
			continue;
		visible = c->scope == LRL_SC_A || scope_unit_sees(c, u.id);
		c->fail = keep;
		if (!visible)
			continue;
		if (ctx_param(c, "unit")) {
			uint32_t root;
			if (unit_by_param(c, "unit", &root) != 0 ||
			    !unit_within(c->txn, u.id, root))
				continue;
		}
		pkey(key, r.year, u.id);
		if (store_get(c->txn, STORE_DB_UNIT_PLEDGES, key, 6, &pv, &pvl) == 0) {
			msgpack_unpacked_init(&up);
			if (mp_decode(&up, pv, pvl) == 0) {
				mp_get_strbuf(mp_map_geti(&up.data, 1), title, sizeof title);
				mp_get_strbuf(mp_map_geti(&up.data, 2), model, sizeof model);
			}
			msgpack_unpacked_destroy(&up);
		}
		msgpack_pack_array(&r.b.pk, 7);
		mp_pack_str(&r.b.pk, u.code);
		mp_pack_str(&r.b.pk, "");
		mp_pack_str(&r.b.pk, u.name);
		mp_pack_str(&r.b.pk, title);
		mp_pack_str(&r.b.pk, title[0] ? "collective" : "missing");
		mp_pack_str(&r.b.pk, "");
		mp_pack_str(&r.b.pk, model);
		r.n++;
	}
	store_cursor_close(cur);
	if (rc != LRL_ENOENT)
		goto out;
	if ((rc = each_visible_staff(c, roster_one, &r)) == 0) {
		list_begin(c->out, cols, 7, r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
	}
out:
	mp_buf_free(&r.b);
	return rc == LRL_ENOENT ? 0 : rc;
}
