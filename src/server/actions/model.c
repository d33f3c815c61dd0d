/*
 * model.c — what laurel records about models (mô hình mới, cách làm hay)
 * beyond their registration as works of kind model (work.c): the
 * implementation plan and participants, periodic evaluations, the final
 * assessment, where the model was adopted, and its publicity; the monthly
 * submission of an exemplar to the Department of Health; and the honouring
 * events (sơ kết, tổng kết, biểu dương).
 *
 * model_info:  work code → {1 plan, 2 participants (array of staff ids),
 *              3 evaluations: array of [date, result, evidence, by, time],
 *              4 assessment, 5 assessed by (user id), 6 assessed (time),
 *              7 adoptions: array of [date, units (array of unit ids),
 *              body, note, by, time], 8 publicity: array of [kind, date,
 *              channel, title, link, by, time], 9 planned by, 10 planned
 *              (time)}
 * submissions: u16 BE year ‖ u8 month → {1 exemplar code, 2 sent (date),
 *              3 summary, 4 by (user id), 5 recorded (time)}
 * ceremonies:  u16 BE year ‖ u32 BE number → {1 kind, 2 date, 3 name,
 *              4 exemplars (array of codes), 5 note, 6 by, 7 recorded}
 *
 * A month's submission is due before the year's exemplar day (plan 000:
 * the 5th); an exemplar is sent at most once.  An honouring event's code
 * is "TV-<year>-<number>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/decisions.h"
#include "laurel/err.h"
#include "laurel/exemplars.h"
#include "laurel/msg.h"
#include "laurel/report.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/wire.h"
#include "laurel/works.h"

int act_MODEL_PLAN(struct lrl_ctx *c);
int act_MODEL_EVALUATE(struct lrl_ctx *c);
int act_MODEL_ASSESS(struct lrl_ctx *c);
int act_MODEL_ADOPT(struct lrl_ctx *c);
int act_MODEL_PUBLICISE(struct lrl_ctx *c);
int act_MODEL_LIST(struct lrl_ctx *c);
int act_MODEL_SHOW(struct lrl_ctx *c);
int act_SUBMISSION_PROPOSE(struct lrl_ctx *c);
/* The month parameter, "mm/yyyy" (or "m/yyyy"), into *year and *month
 * (1 to 12); LRL_EINVAL naming the field when it is not one. */
static int month_param(struct lrl_ctx *c, int64_t *year, int64_t *month)
{
	char buf[16] = "";
	unsigned m = 0, y = 0;
	int used = 0;

	ctx_strbuf(c, "month", buf, sizeof buf);
	if (sscanf(buf, "%2u/%4u%n", &m, &y, &used) != 2 ||
	    (size_t)used != strlen(buf) || m < 1 || m > 12 || y < 2000 ||
	    y > 2099)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "month",
		                    "must be a month written mm/yyyy, e.g. "
		                    "11/2026");
	*year = y;
	*month = m;
	return 0;
}

int act_SUBMISSION_SHOW(struct lrl_ctx *c);
int act_SUBMISSION_SEND(struct lrl_ctx *c);
int act_REPORT_SUBMISSION(struct lrl_ctx *c);

int act_SUBMISSION_LIST(struct lrl_ctx *c);
int act_CEREMONY_ADD(struct lrl_ctx *c);
int act_CEREMONY_LIST(struct lrl_ctx *c);
int act_CEREMONY_SHOW(struct lrl_ctx *c);

/* The day of the month the submission is due before when the year sets
 * none (plan 000). */
#define SUBMISSION_DAY_DEFAULT 5
/* The most staff codes, unit codes or exemplar codes one list parameter
 * names. */
#define CODES_MAX 64

enum {
	MF_PLAN = 1,
	MF_PARTICIPANTS,
	MF_EVALUATIONS,
	MF_ASSESSMENT,
	MF_ASSESSED_BY,
	MF_ASSESSED,
	MF_ADOPTIONS,
	MF_PUBLICITY,
	MF_PLANNED_BY,
	MF_PLANNED
};

enum { SF_EXEMPLAR = 1, SF_SENT, SF_SUMMARY, SF_BY, SF_RECORDED };
enum {
	CF_KIND = 1,
	CF_DATE,
	CF_NAME,
	CF_EXEMPLARS,
	CF_NOTE,
	CF_BY,
	CF_RECORDED
};

/* ---- models ------------------------------------------------------------ */

/* The unit a work belongs to: its own, or its first author's. */
static uint32_t work_unit(store_txn *t, const struct work_rec *w)
{
	struct staff_rec s;

	if (w->unit)
		return w->unit;
	if (w->nauthors && staff_get(t, w->authors[0], &s) == 0)
		return s.unit;
	return 0;
}

/* The model named by the code parameter, its unit in the actor's scope
 * when check_scope; its model_info (an empty map when none yet) in up. */
static int model_param(struct lrl_ctx *c, int check_scope, struct work_rec *w,
                       msgpack_unpacked *up)
{
	const msgpack_object *cv = ctx_param(c, "code");
	char code[LRL_CODE_MAX + 1] = "";
	static const char empty_map = (char)0x80;
	const void *v;
	size_t vl;
	int rc;

	ctx_strbuf(c, "code", code, sizeof code);
	if (work_get(c->txn, cv->via.str.ptr, cv->via.str.size, w) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                    "no model has the code %s", code);
	if (w->kind != WORK_MODEL)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "code",
		                    "%s is not a model (mô hình)", code);
	if (check_scope && (rc = scope_unit_ok(c, work_unit(c->txn, w))) != 0)
		return rc;
	rc = store_get(c->txn, STORE_DB_MODEL_INFO, w->code, strlen(w->code),
	               &v, &vl);
	if (rc == LRL_ENOENT) {
		v = &empty_map;
		vl = 1;
	} else if (rc != 0) {
		return rc;
	}
	if (mp_decode(up, v, vl) != 0 || up->data.type != MSGPACK_OBJECT_MAP)
		return LRL_ECORRUPT;
	return 0;
}

/* Reads a comma-separated list of codes from parameter name: staff when
 * staff, else units; each exists, none twice. */
static int code_list(struct lrl_ctx *c, const char *name, int staff,
                     uint32_t *ids, size_t *n)
{
	char buf[LRL_NAME_MAX * 16 + 1], *tok, *save = NULL;
	int rc;

	*n = 0;
	if (ctx_param(c, name) == NULL)
		return 0;
	if ((rc = ctx_strbuf(c, name, buf, sizeof buf)) != 0)
		return rc;
	for (char *p = buf; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	for (tok = strtok_r(buf, ",; \t", &save); tok;
	     tok = strtok_r(NULL, ",; \t", &save)) {
		uint32_t id = 0;
		if (staff) {
			struct staff_rec s;
			if (staff_find(c->txn, tok, strlen(tok), &s) != 0)
				return lrl_fail_set(&c->fail, LRL_ENOENT, name,
				                    "no staff member has the "
				                    "code '%s'",
				                    tok);
			id = s.id;
		} else {
			struct unit_rec u;
			if (unit_find(c->txn, tok, strlen(tok), &u) != 0)
				return lrl_fail_set(&c->fail, LRL_ENOENT, name,
				                    "no unit has the code '%s'",
				                    tok);
			id = u.id;
		}
		for (size_t i = 0; i < *n; i++)
			if (ids[i] == id)
				return lrl_fail_set(&c->fail, LRL_EINVAL, name,
				                    "%s is given twice", tok);
		if (*n == CODES_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, name,
			                    "names more than %d", CODES_MAX);
		ids[(*n)++] = id;
	}
	return 0;
}

/* Writes the model's info with edits e. */
static int model_save(struct lrl_ctx *c, const struct work_rec *w,
                      const msgpack_object *m, const struct ex_edit *e,
                      size_t ne)
{
	return ex_put_edited(c->txn, STORE_DB_MODEL_INFO, w->code,
	                     strlen(w->code), m, e, ne);
}

int act_MODEL_PLAN(struct lrl_ctx *c)
{
	uint32_t ids[CODES_MAX];
	size_t nids = 0;
	char *plan = NULL;
	struct work_rec w;
	msgpack_unpacked up;
	mp_buf b[4];
	struct ex_edit e[4];
	int rc;

	msgpack_unpacked_init(&up);
	for (int i = 0; i < 4; i++)
		mp_buf_init(&b[i]);
	if ((rc = model_param(c, 1, &w, &up)) != 0 ||
	    (rc = code_list(c, "participants", 1, ids, &nids)) != 0 ||
	    (rc = ctx_text(c, "plan", &plan)) != 0)
		goto done;
	mp_pack_str(&b[0].pk, plan);
	msgpack_pack_array(&b[1].pk, nids);
	for (size_t i = 0; i < nids; i++)
		msgpack_pack_uint32(&b[1].pk, ids[i]);
	msgpack_pack_uint64(&b[2].pk, c->actor_id);
	msgpack_pack_int64(&b[3].pk, c->now);
	e[0] = (struct ex_edit){MF_PLAN, 0, b[0].sb.data, b[0].sb.size};
	e[1] = (struct ex_edit){MF_PARTICIPANTS, 0, b[1].sb.data, b[1].sb.size};
	e[2] = (struct ex_edit){MF_PLANNED_BY, 0, b[2].sb.data, b[2].sb.size};
	e[3] = (struct ex_edit){MF_PLANNED, 0, b[3].sb.data, b[3].sb.size};
	/* Participants are kept when a new plan names none. */
	rc = model_save(c, &w, &up.data, e, 4);
	if (rc == 0)
		result_message(c->out, "plan of model %s recorded", w.code);
done:
	free(plan);
	for (int i = 0; i < 4; i++)
		mp_buf_free(&b[i]);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_MODEL_EVALUATE(struct lrl_ctx *c)
{
	char *result = NULL, *evidence = NULL;
	struct work_rec w;
	msgpack_unpacked up;
	struct ex_edit e;
	int64_t date = 0;
	mp_buf b;
	int rc;

	ctx_int(c, "date", &date);
	msgpack_unpacked_init(&up);
	mp_buf_init(&b);
	if ((rc = model_param(c, 1, &w, &up)) != 0 ||
	    (rc = ctx_text(c, "result", &result)) != 0 ||
	    (ctx_param(c, "evidence") &&
	     (rc = ctx_text(c, "evidence", &evidence)) != 0))
		goto done;
	msgpack_pack_array(&b.pk, 5);
	msgpack_pack_int64(&b.pk, date);
	mp_pack_str(&b.pk, result);
	mp_pack_str(&b.pk, evidence ? evidence : "");
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_int64(&b.pk, c->now);
	e = (struct ex_edit){MF_EVALUATIONS, 1, b.sb.data, b.sb.size};
	rc = model_save(c, &w, &up.data, &e, 1);
	if (rc == 0)
		result_message(c->out, "evaluation of model %s recorded",
		               w.code);
done:
	free(result);
	free(evidence);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_MODEL_ASSESS(struct lrl_ctx *c)
{
	char *text = NULL;
	struct work_rec w;
	msgpack_unpacked up;
	struct ex_edit e[3];
	mp_buf b[3];
	int rc;

	msgpack_unpacked_init(&up);
	for (int i = 0; i < 3; i++)
		mp_buf_init(&b[i]);
	if ((rc = model_param(c, 1, &w, &up)) != 0 ||
	    (rc = ctx_text(c, "assessment", &text)) != 0)
		goto done;
	if (ex_array(&up.data, MF_EVALUATIONS) == NULL ||
	    ex_array(&up.data, MF_EVALUATIONS)->via.array.size == 0) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "code",
		                  "model %s has no evaluation yet: record one "
		                  "(model evaluate) before the final "
		                  "assessment",
		                  w.code);
		goto done;
	}
	mp_pack_str(&b[0].pk, text);
	msgpack_pack_uint64(&b[1].pk, c->actor_id);
	msgpack_pack_int64(&b[2].pk, c->now);
	e[0] = (struct ex_edit){MF_ASSESSMENT, 0, b[0].sb.data, b[0].sb.size};
	e[1] = (struct ex_edit){MF_ASSESSED_BY, 0, b[1].sb.data, b[1].sb.size};
	e[2] = (struct ex_edit){MF_ASSESSED, 0, b[2].sb.data, b[2].sb.size};
	rc = model_save(c, &w, &up.data, e, 3);
	if (rc == 0)
		result_message(c->out, "final assessment of model %s recorded",
		               w.code);
done:
	free(text);
	for (int i = 0; i < 3; i++)
		mp_buf_free(&b[i]);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_MODEL_ADOPT(struct lrl_ctx *c)
{
	uint32_t ids[CODES_MAX];
	size_t nids = 0;
	char *body = NULL, *note = NULL;
	struct work_rec w;
	msgpack_unpacked up;
	struct ex_edit e;
	int64_t date = 0;
	mp_buf b;
	int rc;

	ctx_int(c, "date", &date);
	msgpack_unpacked_init(&up);
	mp_buf_init(&b);
	if ((rc = model_param(c, 1, &w, &up)) != 0 ||
	    (rc = code_list(c, "units", 0, ids, &nids)) != 0 ||
	    (ctx_param(c, "body") && (rc = ctx_text(c, "body", &body)) != 0) ||
	    (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0))
		goto done;
	if (nids == 0 && body == NULL) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "units",
		                  "give the units (--units) or the outside "
		                  "body "
		                  "(--body) that adopted it");
		goto done;
	}
	for (size_t i = 0; i < nids; i++)
		if (ids[i] == work_unit(c->txn, &w)) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "units",
			                  "the model's own unit cannot adopt "
			                  "it");
			goto done;
		}
	msgpack_pack_array(&b.pk, 6);
	msgpack_pack_int64(&b.pk, date);
	msgpack_pack_array(&b.pk, nids);
	for (size_t i = 0; i < nids; i++)
		msgpack_pack_uint32(&b.pk, ids[i]);
	mp_pack_str(&b.pk, body ? body : "");
	mp_pack_str(&b.pk, note ? note : "");
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_int64(&b.pk, c->now);
	e = (struct ex_edit){MF_ADOPTIONS, 1, b.sb.data, b.sb.size};
	rc = model_save(c, &w, &up.data, &e, 1);
	if (rc == 0)
		result_message(c->out, "adoption of model %s recorded", w.code);
done:
	free(body);
	free(note);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_MODEL_PUBLICISE(struct lrl_ctx *c)
{
	struct work_rec w;
	msgpack_unpacked up;
	struct ex_edit e;
	mp_buf b;
	int rc;

	msgpack_unpacked_init(&up);
	mp_buf_init(&b);
	if ((rc = model_param(c, 1, &w, &up)) != 0 ||
	    (rc = ex_pack_publicity(c, &b)) != 0)
		goto done;
	e = (struct ex_edit){MF_PUBLICITY, 1, b.sb.data, b.sb.size};
	rc = model_save(c, &w, &up.data, &e, 1);
	if (rc == 0)
		result_message(c->out, "publicity item recorded for model %s",
		               w.code);
done:
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* "KHAMBENH, DUOC; Trung tâm Y tế huyện X": where an adoption was. */
static void adoption_where(store_txn *t, const msgpack_object *e, char *buf,
                           size_t n)
{
	const msgpack_object *units;
	const char *body = "";
	size_t bl = 0, off = 0;

	buf[0] = '\0';
	if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 3)
		return;
	units = &e->via.array.ptr[1];
	for (uint32_t i = 0; units->type == MSGPACK_OBJECT_ARRAY &&
	                     i < units->via.array.size && off < n;
	     i++) {
		struct unit_rec u;
		uint64_t id = 0;
		if (mp_get_u64(&units->via.array.ptr[i], &id) == 0 &&
		    unit_get(t, (uint32_t)id, &u) == 0)
			off += (size_t)snprintf(buf + off, n - off, "%s%s",
			                        off ? ", " : "", u.code);
	}
	mp_get_str(&e->via.array.ptr[2], &body, &bl);
	if (bl && off < n)
		snprintf(buf + off, n - off, "%s%.*s", off ? "; " : "", (int)bl,
		         body);
}

/* The model's info (an empty map when none), decoded into up. */
static int info_of(store_txn *t, const char *code, msgpack_unpacked *up)
{
	static const char empty_map = (char)0x80;
	const void *v;
	size_t vl;
	int rc = store_get(t, STORE_DB_MODEL_INFO, code, strlen(code), &v, &vl);

	if (rc == LRL_ENOENT) {
		v = &empty_map;
		vl = 1;
	} else if (rc != 0) {
		return rc;
	}
	return mp_decode(up, v, vl) == 0 && up->data.type == MSGPACK_OBJECT_MAP
	               ? 0
	               : LRL_ECORRUPT;
}

/* Calls fn for each model of year (of every year for 0), in code
 * order. */
static int each_model(store_txn *t, int year,
                      int (*fn)(const struct work_rec *w, void *arg), void *arg)
{
	char prefix[16];
	size_t pl =
		year ? (size_t)snprintf(prefix, sizeof prefix, "MH-%04d-", year)
		     : (size_t)snprintf(prefix, sizeof prefix, "MH-");
	const void *k = prefix;
	size_t kl = pl;
	store_cursor *cur;
	int rc;

	if ((rc = store_cursor_open(t, STORE_DB_WORKS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	     rc == 0 && kl > pl && memcmp(k, prefix, pl) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
		struct work_rec w;
		char code[LRL_CODE_MAX + 1];
		if (kl > LRL_CODE_MAX)
			continue;
		memcpy(code, k, kl);
		if ((rc = work_get(t, code, kl, &w)) != 0 ||
		    (w.kind == WORK_MODEL && (rc = fn(&w, arg)) != 0))
			break;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

struct unit_fn {
	store_txn *t;
	int (*fn)(void *arg, uint32_t unit);
	void *arg;
};

static int model_unit(const struct work_rec *w, void *arg)
{
	struct unit_fn *u = arg;

	if (w->state == WORK_NOT_RECOGNISED)
		return 0;
	return u->fn(u->arg, work_unit(u->t, w));
}

int ex_models_each_unit(store_txn *t, int year,
                        int (*fn)(void *arg, uint32_t unit), void *arg)
{
	struct unit_fn u = {t, fn, arg};

	return each_model(t, year, model_unit, &u);
}

struct model_list {
	struct lrl_ctx *c;
	uint32_t root;
	mp_buf b;
	size_t n;
	int rc;
};

static const char *const state_words[] = {"", "registered", "recognised",
                                          "not-recognised"};

static int model_row(const struct work_rec *w, void *arg)
{
	struct model_list *l = arg;
	msgpack_unpacked up;
	const msgpack_object *m, *ev, *ad, *pub;
	char where[LRL_NAME_MAX * 8] = "";
	struct unit_rec u;
	uint32_t unit = work_unit(l->c->txn, w);
	size_t pl;
	const char *plan;
	int rc;

	if (l->root && !unit_within(l->c->txn, unit, l->root))
		return 0;
	msgpack_unpacked_init(&up);
	if ((rc = info_of(l->c->txn, w->code, &up)) != 0) {
		msgpack_unpacked_destroy(&up);
		return rc;
	}
	m = &up.data;
	ev = ex_array(m, MF_EVALUATIONS);
	ad = ex_array(m, MF_ADOPTIONS);
	pub = ex_array(m, MF_PUBLICITY);
	ex_field(m, MF_PLAN, &plan, &pl);
	for (uint32_t i = 0; ad && i < ad->via.array.size; i++) {
		size_t off = strlen(where);
		if (off + 3 >= sizeof where)
			break;
		if (off)
			memcpy(where + off, "; ", 3), off += 2;
		adoption_where(l->c->txn, &ad->via.array.ptr[i], where + off,
		               sizeof where - off);
	}
	if (unit_get(l->c->txn, unit, &u) != 0)
		memset(&u, 0, sizeof u);
	msgpack_pack_array(&l->b.pk, 9);
	mp_pack_str(&l->b.pk, w->code);
	mp_pack_str(&l->b.pk, w->name);
	mp_pack_str(&l->b.pk, u.code);
	mp_pack_str(&l->b.pk, state_words[w->state]);
	mp_pack_str(&l->b.pk, pl ? "yes" : "");
	msgpack_pack_uint32(&l->b.pk, ev ? ev->via.array.size : 0);
	mp_pack_str(&l->b.pk, mp_map_geti(m, MF_ASSESSMENT) ? "yes" : "");
	mp_pack_str(&l->b.pk, where);
	msgpack_pack_uint32(&l->b.pk, pub ? pub->via.array.size : 0);
	l->n++;
	msgpack_unpacked_destroy(&up);
	return 0;
}

int act_MODEL_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"code",     "name",    "unit",
	                                   "state",    "plan",    "evaluations",
	                                   "assessed", "adopted", "publicity"};
	struct model_list l;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	memset(&l, 0, sizeof l);
	l.c = c;
	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") &&
	    (rc = unit_by_param(c, "unit", &l.root)) != 0)
		return rc;
	mp_buf_init(&l.b);
	if ((rc = each_model(c->txn, (int)year, model_row, &l)) == 0) {
		list_begin(c->out, cols, 9, l.n);
		mp_pack_raw(c->out, l.b.sb.data, l.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&l.b);
	return rc;
}

/* Packs "stem-1", … with line(entry) for each entry of a. */
static void pack_entries(struct lrl_ctx *c, const char *stem,
                         const msgpack_object *a, int kind)
{
	char *line = malloc(LRL_TEXT_MAX * 8);

	for (uint32_t i = 0; a && i < a->via.array.size; i++) {
		const msgpack_object *e = &a->via.array.ptr[i];
		char name[48];
		snprintf(name, sizeof name, "%s-%u", stem, i + 1);
		if (line == NULL) {
			mp_pack_kv_str(c->out, name, "");
			continue;
		}
		line[0] = '\0';
		if (kind == 2) {
			ex_publicity_line(e, line, LRL_TEXT_MAX * 8);
		} else if (e->type == MSGPACK_OBJECT_ARRAY &&
		           e->via.array.size >= 4) {
			int64_t d = 0;
			char day[16] = "";
			const char *s1 = "", *s2 = "";
			size_t l1 = 0, l2 = 0;
			mp_get_i64(&e->via.array.ptr[0], &d);
			date_format((int32_t)d, day, sizeof day);
			if (kind == 0) {
				/* dd/mm/yyyy · result — evidence */
				mp_get_str(&e->via.array.ptr[1], &s1, &l1);
				mp_get_str(&e->via.array.ptr[2], &s2, &l2);
				snprintf(line, LRL_TEXT_MAX * 8,
				         "%s · %.*s%s%.*s", day, (int)l1, s1,
				         l2 ? " — " : "", (int)l2, s2);
			} else {
				/* dd/mm/yyyy · where — note */
				char where[LRL_NAME_MAX * 8];
				adoption_where(c->txn, e, where, sizeof where);
				mp_get_str(&e->via.array.ptr[3], &s2, &l2);
				snprintf(line, LRL_TEXT_MAX * 8,
				         "%s · %s%s%.*s", day, where,
				         l2 ? " — " : "", (int)l2, s2);
			}
		}
		mp_pack_kv_str(c->out, name, line);
	}
	free(line);
}

int act_MODEL_SHOW(struct lrl_ctx *c)
{
	const msgpack_object *m, *ev, *ad, *pub, *parts;
	char people[LRL_NAME_MAX * 8] = "", assessed[32] = "";
	const char *plan, *ass;
	size_t pl, al, off = 0;
	struct work_rec w;
	struct unit_rec u;
	struct user_rec who;
	msgpack_unpacked up;
	int rc;

	msgpack_unpacked_init(&up);
	if ((rc = model_param(c, 0, &w, &up)) != 0)
		goto done;
	m = &up.data;
	ev = ex_array(m, MF_EVALUATIONS);
	ad = ex_array(m, MF_ADOPTIONS);
	pub = ex_array(m, MF_PUBLICITY);
	parts = ex_array(m, MF_PARTICIPANTS);
	ex_field(m, MF_PLAN, &plan, &pl);
	ex_field(m, MF_ASSESSMENT, &ass, &al);
	for (uint32_t i = 0;
	     parts && i < parts->via.array.size && off < sizeof people; i++) {
		struct staff_rec s;
		uint64_t id = 0;
		if (mp_get_u64(&parts->via.array.ptr[i], &id) == 0 &&
		    staff_get(c->txn, (uint32_t)id, &s) == 0)
			off += (size_t)snprintf(people + off,
			                        sizeof people - off, "%s%s %s",
			                        off ? ", " : "", s.code,
			                        s.full_name);
	}
	if (ex_i64(m, MF_ASSESSED))
		date_format_time(ex_i64(m, MF_ASSESSED), assessed,
		                 sizeof assessed);
	if (unit_get(c->txn, work_unit(c->txn, &w), &u) != 0)
		memset(&u, 0, sizeof u);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 10 + (ev ? ev->via.array.size : 0) +
	                                 (ad ? ad->via.array.size : 0) +
	                                 (pub ? pub->via.array.size : 0));
	mp_pack_kv_str(c->out, "code", w.code);
	mp_pack_kv_int(c->out, "year", w.year);
	mp_pack_kv_str(c->out, "name", w.name);
	mp_pack_kv_str(c->out, "unit", u.code);
	mp_pack_kv_str(c->out, "state", state_words[w.state]);
	mp_pack_str(c->out, "plan");
	mp_pack_strn(c->out, plan, pl);
	mp_pack_kv_str(c->out, "participants", people);
	mp_pack_str(c->out, "assessment");
	mp_pack_strn(c->out, ass, al);
	mp_pack_kv_str(c->out, "assessed", assessed);
	mp_pack_kv_str(c->out, "assessed-by",
	               ex_login(c->txn, ex_u64(m, MF_ASSESSED_BY), &who));
	pack_entries(c, "evaluation", ev, 0);
	pack_entries(c, "adopted", ad, 1);
	pack_entries(c, "publicity", pub, 2);
done:
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* ---- the web export ---------------------------------------------------- */

struct model_export {
	store_txn *t;
	mp_buf b;
	size_t n;
};

/* Packs an array of the lines pack_entries would show for a. */
static void export_lines(store_txn *t, msgpack_packer *pk,
                         const msgpack_object *a, int kind)
{
	char *line = malloc(LRL_TEXT_MAX * 8);

	msgpack_pack_array(pk, line && a ? a->via.array.size : 0);
	for (uint32_t i = 0; line && a && i < a->via.array.size; i++) {
		const msgpack_object *e = &a->via.array.ptr[i];
		int64_t d = 0;
		char day[16] = "";
		const char *s1 = "", *s2 = "";
		size_t l1 = 0, l2 = 0;
		line[0] = '\0';
		if (e->type == MSGPACK_OBJECT_ARRAY && e->via.array.size >= 4) {
			mp_get_i64(&e->via.array.ptr[0], &d);
			date_format((int32_t)d, day, sizeof day);
			if (kind == 0) {
				mp_get_str(&e->via.array.ptr[1], &s1, &l1);
				mp_get_str(&e->via.array.ptr[2], &s2, &l2);
				snprintf(line, LRL_TEXT_MAX * 8,
				         "%s · %.*s%s%.*s", day, (int)l1, s1,
				         l2 ? " — " : "", (int)l2, s2);
			} else {
				char where[LRL_NAME_MAX * 8];
				adoption_where(t, e, where, sizeof where);
				mp_get_str(&e->via.array.ptr[3], &s2, &l2);
				snprintf(line, LRL_TEXT_MAX * 8,
				         "%s · %s%s%.*s", day, where,
				         l2 ? " — " : "", (int)l2, s2);
			}
		}
		mp_pack_str(pk, line);
	}
	free(line);
}

static int export_model(const struct work_rec *w, void *arg)
{
	struct model_export *x = arg;
	msgpack_packer *pk = &x->b.pk;
	const msgpack_object *m, *pub;
	struct unit_rec u;
	msgpack_unpacked up;
	const char *s;
	size_t l;
	int rc;

	if (w->state == WORK_NOT_RECOGNISED)
		return 0;
	msgpack_unpacked_init(&up);
	if ((rc = info_of(x->t, w->code, &up)) != 0) {
		msgpack_unpacked_destroy(&up);
		return rc;
	}
	m = &up.data;
	pub = ex_array(m, MF_PUBLICITY);
	if (unit_get(x->t, work_unit(x->t, w), &u) != 0)
		memset(&u, 0, sizeof u);
	msgpack_pack_map(pk, 10);
	mp_pack_kv_str(pk, "code", w->code);
	mp_pack_kv_int(pk, "year", w->year);
	mp_pack_kv_str(pk, "name", w->name);
	mp_pack_kv_str(pk, "unit-name", u.name);
	mp_pack_kv_str(pk, "state", state_words[w->state]);
	ex_field(m, MF_PLAN, &s, &l);
	mp_pack_str(pk, "plan");
	mp_pack_strn(pk, s, l);
	ex_field(m, MF_ASSESSMENT, &s, &l);
	mp_pack_str(pk, "assessment");
	mp_pack_strn(pk, s, l);
	mp_pack_str(pk, "evaluations");
	export_lines(x->t, pk, ex_array(m, MF_EVALUATIONS), 0);
	mp_pack_str(pk, "adopted");
	export_lines(x->t, pk, ex_array(m, MF_ADOPTIONS), 1);
	mp_pack_str(pk, "publicity");
	ex_pack_publicity_items(pk, pub);
	x->n++;
	msgpack_unpacked_destroy(&up);
	return 0;
}

int ex_export_models(store_txn *t, int year, msgpack_packer *pk)
{
	struct model_export x;
	int rc;

	memset(&x, 0, sizeof x);
	x.t = t;
	mp_buf_init(&x.b);
	if ((rc = each_model(t, year, export_model, &x)) == 0) {
		msgpack_pack_array(pk, (uint32_t)x.n);
		mp_pack_raw(pk, x.b.sb.data, x.b.sb.size);
	}
	mp_buf_free(&x.b);
	return rc;
}

/* ---- the monthly submission -------------------------------------------- */

static void skey(uint8_t *key, int year, int month)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	key[2] = (uint8_t)month;
}

int ex_submission_day(const struct year_rec *y)
{
	return y->ints[YEAR_EXEMPLAR_DAY] > 0 ? y->ints[YEAR_EXEMPLAR_DAY]
	                                      : SUBMISSION_DAY_DEFAULT;
}

int ex_submission_sent(store_txn *t, int y, int m, int *sent)
{
	uint8_t key[3];
	const void *v;
	size_t vl;
	int rc;

	skey(key, y, m);
	rc = store_get(t, STORE_DB_SUBMISSIONS, key, sizeof key, &v, &vl);
	*sent = rc == 0;
	return rc == LRL_ENOENT ? 0 : rc;
}

/* Calls fn with the key of every month's submission, oldest first, and
 * the code of the exemplar it sent (len bytes), until fn returns
 * non-zero. */
static int each_sent(store_txn *t,
                     int (*fn)(const uint8_t *key, const char *code, size_t len,
                               void *arg),
                     void *arg)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int rc, stop;

	if ((rc = store_cursor_open(t, STORE_DB_SUBMISSIONS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		msgpack_unpacked up;
		const char *s;
		size_t sl;
		stop = 0;
		msgpack_unpacked_init(&up);
		if (kl == 3 && mp_decode(&up, v, vl) == 0) {
			ex_field(&up.data, SF_EXEMPLAR, &s, &sl);
			stop = fn(k, s, sl, arg);
		}
		msgpack_unpacked_destroy(&up);
		if (stop)
			break;
	}
	store_cursor_close(cur);
	return rc == 0 || rc == LRL_ENOENT ? 0 : rc;
}

struct sent_month {
	const char *code;
	char *when;
	size_t n;
};

static int month_if_sent(const uint8_t *key, const char *code, size_t len,
                         void *arg)
{
	struct sent_month *m = arg;

	if (len != strlen(m->code) || memcmp(code, m->code, len) != 0)
		return 0;
	snprintf(m->when, m->n, "%02u/%04u", key[2],
	         (unsigned)(key[0] << 8 | key[1]));
	return 1;
}

/* Where exemplar code was sent: "mm/yyyy" into when, or "" when never. */
static int sent_when(store_txn *t, const char *code, char *when, size_t n)
{
	struct sent_month m = {code, when, n};

	when[0] = '\0';
	return each_sent(t, month_if_sent, &m);
}

/* The exemplars any month's submission sent. */
struct sent_list {
	char (*code)[LRL_CODE_MAX + 1];
	size_t n, cap;
	int rc;
};

static int note_sent(const uint8_t *key, const char *code, size_t len,
                     void *arg)
{
	struct sent_list *l = arg;
	char(*p)[LRL_CODE_MAX + 1];

	(void)key;
	if (len > LRL_CODE_MAX)
		return 0; /* no exemplar has such a code */
	if ((p = grow_array(l->code, l->n, &l->cap, sizeof *p, 16)) == NULL) {
		l->rc = LRL_ENOMEM;
		return 1;
	}
	l->code = p;
	memcpy(l->code[l->n], code, len);
	l->code[l->n++][len] = '\0';
	return 0;
}

static int was_sent(const struct sent_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->code[i], code))
			return 1;
	return 0;
}

/* How good a candidate a stage makes: summarised results first. */
static int stage_rank(int stage)
{
	switch (stage) {
	case EX_SUMMARISED:
		return 0;
	case EX_REPLICATED:
		return 1;
	case EX_NURTURED:
		return 2;
	case EX_FOUND:
		return 3;
	default:
		return -1;
	}
}

struct candidates {
	store_txn *t;
	struct sent_list sent;
	mp_buf b[4]; /* rows per rank */
	size_t n[4];
	char first[LRL_CODE_MAX + 1];
	int first_rank;
	int rc;
};

static int candidate(const uint8_t *key, const msgpack_object *m, void *arg)
{
	struct candidates *k = arg;
	int rank = stage_rank(ex_stage_of(m));
	char code[LRL_CODE_MAX + 1], name[ROSTER_TEXT_MAX];
	const char *field, *stage;
	size_t fl, sl;
	struct unit_rec u;

	if (rank < 0)
		return 0;
	ex_code(EX_PREFIX, key, code, sizeof code);
	if (was_sent(&k->sent, code))
		return 0;
	if (!k->first[0] || rank < k->first_rank) {
		snprintf(k->first, sizeof k->first, "%s", code);
		k->first_rank = rank;
	}
	ex_name(k->t, m, name, sizeof name, &u);
	ex_field(m, EF_FIELD, &field, &fl);
	ex_field(m, EF_STAGE, &stage, &sl);
	msgpack_pack_array(&k->b[rank].pk, 5);
	mp_pack_str(&k->b[rank].pk, code);
	mp_pack_str(&k->b[rank].pk, name);
	mp_pack_str(&k->b[rank].pk, u.code);
	mp_pack_strn(&k->b[rank].pk, field, fl);
	mp_pack_strn(&k->b[rank].pk, stage, sl);
	k->n[rank]++;
	return 0;
}

static void candidates_free(struct candidates *k)
{
	for (int i = 0; i < 4; i++)
		mp_buf_free(&k->b[i]);
	free(k->sent.code);
}

static int candidates_find(store_txn *t, int year, struct candidates *k)
{
	int rc;

	memset(k, 0, sizeof *k);
	k->t = t;
	for (int i = 0; i < 4; i++)
		mp_buf_init(&k->b[i]);
	/* Which were sent is read once, not once per exemplar. */
	if ((rc = each_sent(t, note_sent, &k->sent)) != 0 ||
	    (rc = k->sent.rc) != 0)
		return rc;
	return ex_each(t, year, candidate, k);
}

int act_SUBMISSION_PROPOSE(struct lrl_ctx *c)
{
	static const char *const cols[] = {"exemplar", "name", "unit", "field",
	                                   "stage"};
	struct candidates k;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if ((rc = candidates_find(c->txn, (int)year, &k)) == 0) {
		list_begin(c->out, cols, 5, k.n[0] + k.n[1] + k.n[2] + k.n[3]);
		for (int i = 0; i < 4; i++)
			mp_pack_raw(c->out, k.b[i].sb.data, k.b[i].sb.size);
		list_end(c->out, NULL);
	}
	candidates_free(&k);
	return rc;
}

/* The month's submission as submission.show and report.submission print
 * it: the one sent, or (not sent) a draft for the "exemplar" parameter
 * or, when propose, for the first exemplar proposed. */
struct submission {
	int year, month, sent;
	char month_text[16], due[16], sent_on[16];
	int32_t sent_day;
	uint64_t by;
	char code[LRL_CODE_MAX + 1], name[ROSTER_TEXT_MAX];
	char unit_name[ROSTER_TEXT_MAX];
	char kind[16], field[LRL_NAME_MAX * 4 + 1], stage[16];
	char achievements[LRL_TEXT_MAX * 4 + 1], summary[LRL_TEXT_MAX * 4 + 1];
};

static void copy_field(const msgpack_object *m, uint64_t f, char *buf, size_t n)
{
	const char *s;
	size_t len;

	ex_field(m, f, &s, &len);
	snprintf(buf, n, "%.*s", (int)(len < n ? len : n - 1), s);
}

static int submission_read(struct lrl_ctx *c, int propose, struct submission *o)
{
	const char *sum = "";
	size_t suml = 0;
	msgpack_unpacked sub, ex;
	struct year_rec y;
	struct unit_rec u;
	int64_t year = 0, month = 0;
	uint8_t key[3], ekey[6];
	const void *v;
	size_t vl;
	int rc;

	memset(o, 0, sizeof *o);
	msgpack_unpacked_init(&sub);
	msgpack_unpacked_init(&ex);
	if ((rc = month_param(c, &year, &month)) != 0 ||
	    (rc = year_param(c, (int)year, &y)) != 0)
		goto done;
	o->year = (int)year;
	o->month = (int)month;
	skey(key, (int)year, (int)month);
	rc = store_get(c->txn, STORE_DB_SUBMISSIONS, key, sizeof key, &v, &vl);
	o->sent = rc == 0;
	if (rc != 0 && rc != LRL_ENOENT)
		goto done;
	rc = 0;
	if (o->sent) {
		if (mp_decode(&sub, v, vl) != 0) {
			rc = LRL_ECORRUPT;
			goto done;
		}
		copy_field(&sub.data, SF_EXEMPLAR, o->code, sizeof o->code);
		ex_field(&sub.data, SF_SUMMARY, &sum, &suml);
		o->by = ex_u64(&sub.data, SF_BY);
		o->sent_day = (int32_t)ex_i64(&sub.data, SF_SENT);
		date_format(o->sent_day, o->sent_on, sizeof o->sent_on);
	} else if (ctx_param(c, "exemplar")) {
		ctx_strbuf(c, "exemplar", o->code, sizeof o->code);
	} else if (!propose) {
		rc = lrl_fail_set(&c->fail, LRL_ENOENT, "month",
		                  "no exemplar was sent for %02d/%04d; give "
		                  "--exemplar to print a draft",
		                  (int)month, (int)year);
		goto done;
	} else {
		struct candidates k;
		rc = candidates_find(c->txn, (int)year, &k);
		snprintf(o->code, sizeof o->code, "%s", k.first);
		candidates_free(&k);
		if (rc != 0)
			goto done;
		if (!o->code[0]) {
			rc = lrl_fail_set(&c->fail, LRL_ENOENT, "exemplar",
			                  "no exemplar of %lld is left to send",
			                  (long long)year);
			goto done;
		}
	}
	if ((rc = ex_load(c->txn, o->code, ekey, &ex)) != 0) {
		if (rc == LRL_ENOENT)
			rc = lrl_fail_set(&c->fail, LRL_ENOENT, "exemplar",
			                  "no exemplar has the code %s",
			                  o->code);
		goto done;
	}
	ex_code(EX_PREFIX, ekey, o->code, sizeof o->code);
	if (!o->sent) {
		ex_field(&ex.data, EF_SUMMARY, &sum, &suml);
		if (suml == 0)
			ex_field(&ex.data, EF_ACHIEVEMENTS, &sum, &suml);
	}
	snprintf(o->summary, sizeof o->summary, "%.*s",
	         (int)(suml < sizeof o->summary ? suml : sizeof o->summary - 1),
	         sum);
	copy_field(&ex.data, EF_ACHIEVEMENTS, o->achievements,
	           sizeof o->achievements);
	copy_field(&ex.data, EF_FIELD, o->field, sizeof o->field);
	copy_field(&ex.data, EF_STAGE, o->stage, sizeof o->stage);
	copy_field(&ex.data, EF_KIND, o->kind, sizeof o->kind);
	ex_name(c->txn, &ex.data, o->name, sizeof o->name, &u);
	snprintf(o->unit_name, sizeof o->unit_name, "%s", u.name);
	snprintf(o->month_text, sizeof o->month_text, "%02d/%04d", (int)month,
	         (int)year);
	date_format(date_from_ymd((int)year, (int)month, ex_submission_day(&y)),
	            o->due, sizeof o->due);
done:
	msgpack_unpacked_destroy(&sub);
	msgpack_unpacked_destroy(&ex);
	return rc;
}

int act_SUBMISSION_SHOW(struct lrl_ctx *c)
{
	struct submission *s = calloc(1, sizeof *s);
	struct user_rec who;
	int rc;

	if (s == NULL)
		return LRL_ENOMEM;
	if ((rc = submission_read(c, 1, s)) != 0)
		goto done;
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 14);
	mp_pack_kv_str(c->out, "month", s->month_text);
	mp_pack_kv_str(c->out, "due", s->due);
	mp_pack_kv_str(c->out, "status", s->sent ? "sent" : "draft");
	mp_pack_kv_str(c->out, "exemplar", s->code);
	mp_pack_kv_str(c->out, "name", s->name);
	mp_pack_kv_str(c->out, "kind", s->kind);
	mp_pack_kv_str(c->out, "unit-name", s->unit_name);
	mp_pack_kv_str(c->out, "field", s->field);
	mp_pack_kv_str(c->out, "stage", s->stage);
	mp_pack_kv_str(c->out, "achievements", s->achievements);
	mp_pack_kv_str(c->out, "summary", s->summary);
	mp_pack_kv_str(c->out, "sent", s->sent_on);
	mp_pack_kv_str(c->out, "sent-by", ex_login(c->txn, s->by, &who));
	mp_pack_kv_str(c->out, "recipient", "Sở Y tế");
done:
	free(s);
	return rc;
}

/* The English words of a field of achievement (LRL_EXEMPLAR_FIELDS),
 * which the client translates. */
static const char *field_words(const char *code)
{
	static const char *const words[][2] = {
		{"quality-of-care", N_("quality of care")},
		{"medical-ethics", N_("medical ethics")},
		{"digital-transformation", N_("digital transformation")},
		{"research", N_("research and initiatives")},
		{"prevention", N_("prevention")},
		{"administrative-reform", N_("administrative reform")},
		{"charity", N_("charity")},
		{"other", N_("other")},
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(code, words[i][0]))
			return words[i][1];
	return code;
}

/* The month's exemplar as a short official letter to the Department of
 * Health: the one sent, or a draft (stamped) for --exemplar. */
int act_REPORT_SUBMISSION(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] = {{N_("Code"), 0, 0},
	                                      {N_("Name"), 0, 0},
	                                      {N_("Kind"), 0, 1},
	                                      {N_("Unit"), 0, 0},
	                                      {N_("Field"), 0, 1},
	                                      {N_("Stage"), 0, 1}};
	struct submission *s = calloc(1, sizeof *s);
	char hospital[HOSPITAL_NAME_BUF];
	rpt *p = NULL;
	int rc;

	if (s == NULL)
		return LRL_ENOMEM;
	if ((rc = submission_read(c, 0, s)) != 0 ||
	    (rc = rpt_begin(c, N_("INTRODUCTION OF AN ADVANCED EXEMPLAR"),
	                    &p)) != 0)
		goto done;
	hospital_name(c->txn, hospital, sizeof hospital);
	rpt_subtitle(p, "Month %s", s->month_text);
	/* A letter (công văn): its number is left for the clerk who
	 * issues it, its subject line under it. */
	{
		char abbr[LRL_CODE_MAX + 1], num[LRL_CODE_MAX + 32];
		decision_issuer_code(c->txn, abbr, sizeof abbr);
		snprintf(num, sizeof num, "        /%s-TCHC", abbr);
		rpt_number(p, num);
	}
	rpt_abstract(p, "Re: introducing the advanced exemplar of %s",
	             s->month_text);
	if (s->sent)
		rpt_date(p, s->sent_day);
	else
		rpt_mark(p, N_("DRAFT"));
	rpt_copies(p, "Như trên;\nLưu: VT, TCHC.");
	rpt_sign(p, N_("DIRECTOR"), "");
	rpt_para(p, "To: %s.", "Sở Y tế");
	rpt_para(p,
	         "Carrying out the plan for finding, nurturing and "
	         "replicating advanced exemplars, %s introduces to the "
	         "Department of Health its exemplar of %s, due on %s:",
	         hospital, s->month_text, s->due);
	rpt_table(p, N_("The exemplar"), cols, 6);
	rpt_row(p);
	rpt_cell(p, s->code);
	rpt_cell(p, s->name);
	rpt_cell(p, s->kind);
	rpt_cell(p, s->unit_name);
	rpt_cell(p, field_words(s->field));
	rpt_cell(p, s->stage);
	rpt_table_end(p);
	rpt_heading(p, N_("Achievements"));
	rpt_para(p, "%s", s->achievements);
	rpt_heading(p, N_("Achievement summary"));
	rpt_para(p, "%s", s->summary);
	rpt_para(p,
	         "%s respectfully submits this to the Department of Health "
	         "for its consideration and for publicity.",
	         hospital);
	rc = rpt_end(p);
	p = NULL;
done:
	rpt_free(p);
	free(s);
	return rc;
}

int act_SUBMISSION_SEND(struct lrl_ctx *c)
{
	char code[LRL_CODE_MAX + 1] = "", when[16], *summary = NULL;
	const char *s;
	size_t sl;
	msgpack_unpacked ex;
	struct year_rec y;
	int64_t year = 0, month = 0, date = 0;
	uint8_t key[3], ekey[6];
	int rc, sent;
	mp_buf b;

	ctx_strbuf(c, "exemplar", code, sizeof code);
	date = date_of_time(c->now);
	ctx_int(c, "date", &date);
	msgpack_unpacked_init(&ex);
	mp_buf_init(&b);
	if ((rc = month_param(c, &year, &month)) != 0 ||
	    (rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = ex_submission_sent(c->txn, (int)year, (int)month, &sent)) !=
	            0)
		goto done;
	if (sent) {
		rc = lrl_fail_set(&c->fail, LRL_EEXIST, "month",
		                  "the submission of %02d/%04d was already "
		                  "sent",
		                  (int)month, (int)year);
		goto done;
	}
	if (date > date_of_time(c->now)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
		                  "must not be after today");
		goto done;
	}
	if ((rc = ex_load(c->txn, code, ekey, &ex)) != 0) {
		if (rc == LRL_ENOENT)
			rc = lrl_fail_set(&c->fail, LRL_ENOENT, "exemplar",
			                  "no exemplar has the code %s", code);
		goto done;
	}
	ex_code(EX_PREFIX, ekey, code, sizeof code);
	if (ex_stage_of(&ex.data) == EX_DROPPED) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "exemplar",
		                  "%s is dropped", code);
		goto done;
	}
	if ((rc = sent_when(c->txn, code, when, sizeof when)) != 0)
		goto done;
	if (when[0]) {
		rc = lrl_fail_set(&c->fail, LRL_EEXIST, "exemplar",
		                  "%s was already sent in %s", code, when);
		goto done;
	}
	if (ctx_param(c, "summary") &&
	    (rc = ctx_text(c, "summary", &summary)) != 0)
		goto done;
	if (summary == NULL) {
		ex_field(&ex.data, EF_SUMMARY, &s, &sl);
		if (sl == 0)
			ex_field(&ex.data, EF_ACHIEVEMENTS, &s, &sl);
	} else {
		s = summary;
		sl = strlen(summary);
	}
	skey(key, (int)year, (int)month);
	msgpack_pack_map(&b.pk, 5);
	msgpack_pack_uint8(&b.pk, SF_EXEMPLAR);
	mp_pack_str(&b.pk, code);
	msgpack_pack_uint8(&b.pk, SF_SENT);
	msgpack_pack_int64(&b.pk, date);
	msgpack_pack_uint8(&b.pk, SF_SUMMARY);
	mp_pack_strn(&b.pk, s, sl);
	msgpack_pack_uint8(&b.pk, SF_BY);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, SF_RECORDED);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_SUBMISSIONS, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	if (rc == 0)
		result_message(c->out,
		               "exemplar %s recorded as the submission of "
		               "%02d/%04d",
		               code, (int)month, (int)year);
done:
	free(summary);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&ex);
	return rc;
}

int act_SUBMISSION_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"month",    "due",  "status",
	                                   "exemplar", "name", "sent",
	                                   "sent-by"};
	struct year_rec y;
	int64_t year = 0;
	int rc, ty, tm, td;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	date_to_ymd(date_of_time(c->now), &ty, &tm, &td);
	list_begin(c->out, cols, 7, 12);
	for (int m = 1; m <= 12; m++) {
		char due[16], sent[16] = "", code[LRL_CODE_MAX + 1] = "";
		char name[ROSTER_TEXT_MAX] = "", mtext[16];
		const char *status, *s;
		size_t sl;
		uint8_t key[3], ekey[6];
		const void *v;
		size_t vl;
		struct user_rec who;
		uint64_t by = 0;
		int day = ex_submission_day(&y);
		long now = (long)ty * 12 + tm, then = (long)year * 12 + m;

		skey(key, (int)year, m);
		date_format(date_from_ymd((int)year, m, day), due, sizeof due);
		if (store_get(c->txn, STORE_DB_SUBMISSIONS, key, 3, &v, &vl) ==
		    0) {
			msgpack_unpacked up, ex;
			struct unit_rec u;
			msgpack_unpacked_init(&up);
			msgpack_unpacked_init(&ex);
			if (mp_decode(&up, v, vl) == 0) {
				ex_field(&up.data, SF_EXEMPLAR, &s, &sl);
				snprintf(code, sizeof code, "%.*s", (int)sl, s);
				date_format((int32_t)ex_i64(&up.data, SF_SENT),
				            sent, sizeof sent);
				by = ex_u64(&up.data, SF_BY);
				if (ex_load(c->txn, code, ekey, &ex) == 0)
					ex_name(c->txn, &ex.data, name,
					        sizeof name, &u);
			}
			msgpack_unpacked_destroy(&up);
			msgpack_unpacked_destroy(&ex);
			status = "sent";
		} else if (then > now) {
			status = "upcoming";
		} else if (then == now && td < day) {
			status = "due";
		} else {
			status = "missing";
		}
		snprintf(mtext, sizeof mtext, "%02d/%04d", m, (int)year);
		msgpack_pack_array(c->out, 7);
		mp_pack_str(c->out, mtext);
		mp_pack_str(c->out, due);
		mp_pack_str(c->out, status);
		mp_pack_str(c->out, code);
		mp_pack_str(c->out, name);
		mp_pack_str(c->out, sent);
		mp_pack_str(c->out, ex_login(c->txn, by, &who));
	}
	list_end(c->out, NULL);
	return 0;
}

/* ---- honouring events -------------------------------------------------- */

static int count_ceremony(const uint8_t *key, size_t kl, const void *v,
                          size_t vl, void *arg)
{
	(void)key;
	(void)v;
	(void)vl;
	if (kl == 6)
		(*(int *)arg)++;
	return 0;
}

int ex_ceremonies_in(store_txn *t, int year, int *n)
{
	*n = 0;
	return each_of_year(t, STORE_DB_CEREMONIES, year, count_ceremony, n);
}

int act_CEREMONY_ADD(struct lrl_ctx *c)
{
	char kind[24] = "", buf[LRL_NAME_MAX * 16 + 1], *tok, *save = NULL;
	char codes[CODES_MAX][32], code[32], *name = NULL, *note = NULL;
	size_t ncodes = 0;
	struct year_rec y;
	int64_t year = 0, date = 0;
	int yy, mm, dd, rc;
	uint32_t num;
	uint8_t key[6];
	mp_buf b;

	ctx_int(c, "year", &year);
	ctx_int(c, "date", &date);
	ctx_strbuf(c, "kind", kind, sizeof kind);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	date_to_ymd((int32_t)date, &yy, &mm, &dd);
	if (yy < year || yy > year + 1)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "date",
		                    "must fall in %lld or early in the next "
		                    "year",
		                    (long long)year);
	if (ctx_param(c, "honoured")) {
		ctx_strbuf(c, "honoured", buf, sizeof buf);
		for (char *p = buf; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		for (tok = strtok_r(buf, ",; \t", &save); tok;
		     tok = strtok_r(NULL, ",; \t", &save)) {
			msgpack_unpacked up;
			uint8_t ek[6];
			int found;
			msgpack_unpacked_init(&up);
			found = ex_load(c->txn, tok, ek, &up) == 0;
			msgpack_unpacked_destroy(&up);
			if (!found)
				return lrl_fail_set(&c->fail, LRL_ENOENT,
				                    "honoured",
				                    "no exemplar has the code "
				                    "'%s'",
				                    tok);
			if (ncodes == CODES_MAX)
				return lrl_fail_set(&c->fail, LRL_EINVAL,
				                    "honoured",
				                    "names more than %d",
				                    CODES_MAX);
			ex_code(EX_PREFIX, ek, codes[ncodes], sizeof codes[0]);
			for (size_t i = 0; i < ncodes; i++)
				if (!strcmp(codes[i], codes[ncodes]))
					return lrl_fail_set(&c->fail,
					                    LRL_EINVAL,
					                    "honoured",
					                    "%s is given twice",
					                    codes[ncodes]);
			ncodes++;
		}
	}
	if ((rc = ctx_text(c, "name", &name)) != 0 ||
	    (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0) ||
	    (rc = year_next_number(c->txn, STORE_DB_CEREMONIES, (int)year,
	                         &num)) != 0)
		goto done;
	year_key(key, (int)year, num);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 7);
	msgpack_pack_uint8(&b.pk, CF_KIND);
	mp_pack_str(&b.pk, kind);
	msgpack_pack_uint8(&b.pk, CF_DATE);
	msgpack_pack_int64(&b.pk, date);
	msgpack_pack_uint8(&b.pk, CF_NAME);
	mp_pack_str(&b.pk, name);
	msgpack_pack_uint8(&b.pk, CF_EXEMPLARS);
	msgpack_pack_array(&b.pk, ncodes);
	for (size_t i = 0; i < ncodes; i++)
		mp_pack_str(&b.pk, codes[i]);
	msgpack_pack_uint8(&b.pk, CF_NOTE);
	mp_pack_str(&b.pk, note ? note : "");
	msgpack_pack_uint8(&b.pk, CF_BY);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, CF_RECORDED);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_CEREMONIES, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	if (rc == 0) {
		ex_code(CEREMONY_PREFIX, key, code, sizeof code);
		result_message(c->out,
		               "honouring event %s recorded, %zu "
		               "exemplars honoured",
		               code, ncodes);
	}
done:
	free(name);
	free(note);
	return rc;
}

/* "DH-2026-001, DH-2026-004" of the event's exemplars. */
static void codes_text(const msgpack_object *a, char *buf, size_t n)
{
	size_t off = 0;

	buf[0] = '\0';
	for (uint32_t i = 0; a && i < a->via.array.size && off < n; i++) {
		const char *s;
		size_t sl;
		if (mp_get_str(&a->via.array.ptr[i], &s, &sl) == 0)
			off += (size_t)snprintf(buf + off, n - off, "%s%.*s",
			                        off ? ", " : "", (int)sl, s);
	}
}

struct ceremony_rows {
	mp_buf b;
	size_t n;
};

static int ceremony_row(const uint8_t *key, size_t kl, const void *v, size_t vl,
                        void *arg)
{
	struct ceremony_rows *a = arg;
	msgpack_unpacked up;
	char code[32], list[LRL_NAME_MAX * 8];
	const char *s;
	size_t sl;

	if (kl != 6)
		return 0;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	ex_code(CEREMONY_PREFIX, key, code, sizeof code);
	codes_text(ex_array(&up.data, CF_EXEMPLARS), list, sizeof list);
	msgpack_pack_array(&a->b.pk, 5);
	mp_pack_str(&a->b.pk, code);
	ex_date(&a->b.pk, ex_i64(&up.data, CF_DATE));
	ex_field(&up.data, CF_KIND, &s, &sl);
	mp_pack_strn(&a->b.pk, s, sl);
	ex_field(&up.data, CF_NAME, &s, &sl);
	mp_pack_strn(&a->b.pk, s, sl);
	mp_pack_str(&a->b.pk, list);
	a->n++;
	msgpack_unpacked_destroy(&up);
	return 0;
}

int act_CEREMONY_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"ceremony", "date", "kind", "name",
	                                   "honoured"};
	struct ceremony_rows a;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	memset(&a, 0, sizeof a);
	mp_buf_init(&a.b);
	rc = each_of_year(c->txn, STORE_DB_CEREMONIES, (int)year, ceremony_row,
	                  &a);
	if (rc == 0) {
		list_begin(c->out, cols, 5, a.n);
		mp_pack_raw(c->out, a.b.sb.data, a.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&a.b);
	return rc;
}

int act_CEREMONY_SHOW(struct lrl_ctx *c)
{
	char code[LRL_CODE_MAX + 1] = "", canon[32];
	const msgpack_object *ex;
	const char *s;
	size_t sl;
	msgpack_unpacked up;
	struct user_rec who;
	uint8_t key[6];
	const void *v;
	size_t vl;
	int rc;

	ctx_strbuf(c, "ceremony", code, sizeof code);
	if (ex_code_key(CEREMONY_PREFIX, code, key) != 0 ||
	    (rc = store_get(c->txn, STORE_DB_CEREMONIES, key, 6, &v, &vl)) ==
	            LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "ceremony",
		                    "no honouring event has the code %s", code);
	if (rc != 0)
		return rc;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0 || up.data.type != MSGPACK_OBJECT_MAP) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	ex_code(CEREMONY_PREFIX, key, canon, sizeof canon);
	ex = ex_array(&up.data, CF_EXEMPLARS);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 7 + (ex ? ex->via.array.size : 0));
	mp_pack_kv_str(c->out, "ceremony", canon);
	mp_pack_kv_int(c->out, "year", key[0] << 8 | key[1]);
	mp_pack_str(c->out, "date");
	ex_date(c->out, ex_i64(&up.data, CF_DATE));
	ex_field(&up.data, CF_KIND, &s, &sl);
	mp_pack_str(c->out, "kind");
	mp_pack_strn(c->out, s, sl);
	ex_field(&up.data, CF_NAME, &s, &sl);
	mp_pack_str(c->out, "name");
	mp_pack_strn(c->out, s, sl);
	ex_field(&up.data, CF_NOTE, &s, &sl);
	mp_pack_str(c->out, "note");
	mp_pack_strn(c->out, s, sl);
	mp_pack_kv_str(c->out, "added-by",
	               ex_login(c->txn, ex_u64(&up.data, CF_BY), &who));
	/* "honoured-1": "DH-2026-001 · Nguyễn Thị Thu Hà". */
	for (uint32_t i = 0; ex && i < ex->via.array.size; i++) {
		char field[32], line[ROSTER_TEXT_MAX + 40], ecode[32] = "";
		char name[ROSTER_TEXT_MAX] = "";
		msgpack_unpacked e;
		struct unit_rec u;
		uint8_t ek[6];
		if (mp_get_str(&ex->via.array.ptr[i], &s, &sl) == 0)
			snprintf(ecode, sizeof ecode, "%.*s", (int)sl, s);
		msgpack_unpacked_init(&e);
		if (ex_load(c->txn, ecode, ek, &e) == 0)
			ex_name(c->txn, &e.data, name, sizeof name, &u);
		msgpack_unpacked_destroy(&e);
		snprintf(field, sizeof field, "honoured-%u", i + 1);
		snprintf(line, sizeof line, "%s · %s", ecode, name);
		mp_pack_kv_str(c->out, field, line);
	}
	msgpack_unpacked_destroy(&up);
	return 0;
}
