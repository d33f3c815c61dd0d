/*
 * decision.c — the director's decisions: drafts for nominations or ad-hoc
 * awards, publication with a complaint window, signing (the number, the
 * money from the fund, the titles on each recipient's record), and the
 * annex.  The layouts are in decisions.h.
 *
 * A draft settles its recipients at once (decision_keys), so that no
 * other draft or dossier takes them; cancelling releases them.  Money is
 * computed by the pure engine (eligibility_pay) from the year's rulebook
 * and the decision date, when drafted and again when signed.
 *
 * The decision's own text (grounds, articles) is the official Vietnamese
 * document, kept as data a report can lay out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/awards.h"
#include "laurel/council.h"
#include "laurel/date.h"
#include "laurel/decisions.h"
#include "laurel/eligibility.h"
#include "laurel/err.h"
#include "laurel/money.h"
#include "laurel/msg.h"
#include "laurel/nominations.h"
#include "laurel/report.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/wire.h"

int act_DECISION_SETUP(struct lrl_ctx *c);
int act_DECISION_ADD(struct lrl_ctx *c);
int act_DECISION_EDIT(struct lrl_ctx *c);
int act_DECISION_PUBLISH(struct lrl_ctx *c);
int act_DECISION_CANCEL(struct lrl_ctx *c);
int act_DECISION_SIGN(struct lrl_ctx *c);
int act_DECISION_LIST(struct lrl_ctx *c);
int act_DECISION_SHOW(struct lrl_ctx *c);
int act_DECISION_ANNEX(struct lrl_ctx *c);
int act_FUND_DEPOSIT(struct lrl_ctx *c);
int act_FUND_LEDGER(struct lrl_ctx *c);
int act_COMPLAINT_FILE(struct lrl_ctx *c);
int act_COMPLAINT_ANSWER(struct lrl_ctx *c);
int act_COMPLAINT_LIST(struct lrl_ctx *c);
int act_DOSSIER_ADD(struct lrl_ctx *c);
int act_DOSSIER_RESULT(struct lrl_ctx *c);
int act_DOSSIER_LIST(struct lrl_ctx *c);
int act_DOSSIER_SHOW(struct lrl_ctx *c);
int act_REPORT_DECISION(struct lrl_ctx *c);
int act_REPORT_FUND(struct lrl_ctx *c);

#define DECISION_RECIPIENTS_MAX 1000
#define BIG_TEXT (LRL_TEXT_MAX * 4 + 1)
#define NAME_BUF (LRL_NAME_MAX * 4 + 1)
#define NUMBER_BUF 96
#define STATE_BUF 16

struct recipient {
	char nom[LRL_CODE_MAX + 1]; /* "" for an ad-hoc award */
	char kind;
	uint32_t id, unit;
	char title[RULEBOOK_CODE_MAX + 1];
	int64_t amount;
	int pays;
};

struct decision {
	char code[LRL_CODE_MAX + 1];
	int year;
	char state[STATE_BUF];
	int32_t date;
	char subject[NAME_BUF * 2];
	char grounds[BIG_TEXT];
	struct recipient *r;
	size_t nr;
	uint64_t by, signed_by;
	int64_t time, signed_time;
	char number[NUMBER_BUF];
	int32_t until;
	char override[BIG_TEXT];
	char cancel[BIG_TEXT];
	char copies[BIG_TEXT];
	char reason[BIG_TEXT];
	char issuer[NAME_BUF], place[NAME_BUF], signer[NAME_BUF];
};

/* ---- small helpers ------------------------------------------------------ */

static void text_field(const msgpack_object *o, char *buf, size_t n)
{
	if (mp_get_strbuf(o, buf, n) != 0)
		buf[0] = '\0';
}

static int is_role(struct lrl_ctx *c, int role)
{
	return c->actor && (users_role_bits(c->actor) & (1u << role)) != 0;
}

/* Reads the next code of a comma-separated list at *p (before end) into
 * code; 1 when there was one, 0 at the end, -1 when malformed. */
static int next_item(const char **p, const char *end, char *code, size_t n)
{
	const char *q;
	size_t len;

	while (*p < end && (**p == ' ' || **p == ','))
		(*p)++;
	if (*p >= end)
		return 0;
	q = memchr(*p, ',', (size_t)(end - *p));
	if (q == NULL)
		q = end;
	len = (size_t)(q - *p);
	while (len && (*p)[len - 1] == ' ')
		len--;
	if (len == 0 || len >= n) {
		snprintf(code, n, "%.*s", (int)(len < n ? len : n - 1), *p);
		*p = q;
		return -1;
	}
	memcpy(code, *p, len);
	code[len] = '\0';
	*p = q;
	return 1;
}

/* How decisions are headed: the stored setup over the defaults. */
struct setup {
	char suffix[LRL_CODE_MAX + 1];
	char issuer[NAME_BUF], place[NAME_BUF], signer[NAME_BUF];
};

static void setup_get(store_txn *t, struct setup *s)
{
	const void *v;
	size_t vl;

	snprintf(s->suffix, sizeof s->suffix, "BV");
	s->issuer[0] = s->place[0] = '\0';
	snprintf(s->signer, sizeof s->signer, "GIÁM ĐỐC");
	hospital_name(t, s->issuer, sizeof s->issuer);
	if (store_get(t, STORE_DB_STATE, "decision:setup", 14, &v, &vl) == 0) {
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0) {
			char *dst[4] = {s->suffix, s->issuer, s->place,
			                s->signer};
			const size_t cap[4] = {sizeof s->suffix,
			                       sizeof s->issuer,
			                       sizeof s->place,
			                       sizeof s->signer};
			char buf[NAME_BUF];
			for (uint64_t i = 0; i < 4; i++)
				if (mp_get_strbuf(mp_map_geti(&up.data, i + 1),
				                  buf, sizeof buf) == 0 &&
				    buf[0])
					snprintf(dst[i], cap[i], "%.*s",
					         (int)cap[i] - 1, buf);
		}
		msgpack_unpacked_destroy(&up);
	}
}

/* ---- storage ------------------------------------------------------------ */

static void decision_free(struct decision *d)
{
	if (d) {
		free(d->r);
		free(d);
	}
}

static int decision_decode(const char *code, size_t cl, const void *v,
                           size_t vl, struct decision *d)
{
	msgpack_unpacked up;
	const msgpack_object *o;
	int64_t i64;
	int rc = 0;

	snprintf(d->code, sizeof d->code, "%.*s", (int)cl, code);
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 1), &i64);
	d->year = (int)i64;
	text_field(mp_map_geti(&up.data, 2), d->state, sizeof d->state);
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 3), &i64);
	d->date = (int32_t)i64;
	text_field(mp_map_geti(&up.data, 4), d->subject, sizeof d->subject);
	text_field(mp_map_geti(&up.data, 5), d->grounds, sizeof d->grounds);
	o = mp_map_geti(&up.data, 6);
	if (o && o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size) {
		d->r = calloc(o->via.array.size, sizeof *d->r);
		if (d->r == NULL) {
			rc = LRL_ENOMEM;
			goto out;
		}
		for (uint32_t i = 0; i < o->via.array.size; i++) {
			const msgpack_object *e = &o->via.array.ptr[i];
			struct recipient *r = &d->r[d->nr];
			char kind[2] = "";
			uint64_t u = 0;
			if (e->type != MSGPACK_OBJECT_ARRAY ||
			    e->via.array.size < 7)
				continue;
			text_field(&e->via.array.ptr[0], r->nom, sizeof r->nom);
			text_field(&e->via.array.ptr[1], kind, sizeof kind);
			r->kind = kind[0] == 'U' ? 'U' : 'S';
			mp_get_u64(&e->via.array.ptr[2], &u);
			r->id = (uint32_t)u;
			text_field(&e->via.array.ptr[3], r->title,
			           sizeof r->title);
			mp_get_i64(&e->via.array.ptr[4], &r->amount);
			mp_get_bool(&e->via.array.ptr[5], &r->pays);
			u = 0;
			mp_get_u64(&e->via.array.ptr[6], &u);
			r->unit = (uint32_t)u;
			d->nr++;
		}
	}
	mp_get_u64(mp_map_geti(&up.data, 7), &d->by);
	mp_get_i64(mp_map_geti(&up.data, 8), &d->time);
	text_field(mp_map_geti(&up.data, 9), d->number, sizeof d->number);
	mp_get_u64(mp_map_geti(&up.data, 10), &d->signed_by);
	mp_get_i64(mp_map_geti(&up.data, 11), &d->signed_time);
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 12), &i64);
	d->until = (int32_t)i64;
	text_field(mp_map_geti(&up.data, 13), d->override, sizeof d->override);
	text_field(mp_map_geti(&up.data, 14), d->cancel, sizeof d->cancel);
	text_field(mp_map_geti(&up.data, 15), d->copies, sizeof d->copies);
	text_field(mp_map_geti(&up.data, 16), d->reason, sizeof d->reason);
	text_field(mp_map_geti(&up.data, 17), d->issuer, sizeof d->issuer);
	text_field(mp_map_geti(&up.data, 18), d->place, sizeof d->place);
	text_field(mp_map_geti(&up.data, 19), d->signer, sizeof d->signer);
out:
	msgpack_unpacked_destroy(&up);
	return rc;
}

static int decision_put(store_txn *t, const struct decision *d)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 19);
	msgpack_pack_uint8(&b.pk, 1);
	msgpack_pack_int64(&b.pk, d->year);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, d->state);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_int64(&b.pk, d->date);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, d->subject);
	msgpack_pack_uint8(&b.pk, 5);
	mp_pack_str(&b.pk, d->grounds);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_array(&b.pk, d->nr);
	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		msgpack_pack_array(&b.pk, 7);
		mp_pack_str(&b.pk, r->nom);
		mp_pack_strn(&b.pk, &r->kind, 1);
		msgpack_pack_uint32(&b.pk, r->id);
		mp_pack_str(&b.pk, r->title);
		msgpack_pack_int64(&b.pk, r->amount);
		if (r->pays)
			msgpack_pack_true(&b.pk);
		else
			msgpack_pack_false(&b.pk);
		msgpack_pack_uint32(&b.pk, r->unit);
	}
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_uint64(&b.pk, d->by);
	msgpack_pack_uint8(&b.pk, 8);
	msgpack_pack_int64(&b.pk, d->time);
	msgpack_pack_uint8(&b.pk, 9);
	mp_pack_str(&b.pk, d->number);
	msgpack_pack_uint8(&b.pk, 10);
	msgpack_pack_uint64(&b.pk, d->signed_by);
	msgpack_pack_uint8(&b.pk, 11);
	msgpack_pack_int64(&b.pk, d->signed_time);
	msgpack_pack_uint8(&b.pk, 12);
	msgpack_pack_int64(&b.pk, d->until);
	msgpack_pack_uint8(&b.pk, 13);
	mp_pack_str(&b.pk, d->override);
	msgpack_pack_uint8(&b.pk, 14);
	mp_pack_str(&b.pk, d->cancel);
	msgpack_pack_uint8(&b.pk, 15);
	mp_pack_str(&b.pk, d->copies);
	msgpack_pack_uint8(&b.pk, 16);
	mp_pack_str(&b.pk, d->reason);
	msgpack_pack_uint8(&b.pk, 17);
	mp_pack_str(&b.pk, d->issuer);
	msgpack_pack_uint8(&b.pk, 18);
	mp_pack_str(&b.pk, d->place);
	msgpack_pack_uint8(&b.pk, 19);
	mp_pack_str(&b.pk, d->signer);
	rc = store_put(t, STORE_DB_DECISIONS, d->code, strlen(d->code),
	               b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

/* The decision with this code (caller frees with decision_free). */
static int decision_get(store_txn *t, const char *code, size_t len,
                        struct decision **out)
{
	struct decision *d;
	const void *v;
	size_t vl;
	int rc;

	*out = NULL;
	if (len > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_DECISIONS, code, len, &v, &vl)) != 0)
		return rc;
	if ((d = calloc(1, sizeof *d)) == NULL)
		return LRL_ENOMEM;
	if ((rc = decision_decode(code, len, v, vl, d)) != 0) {
		decision_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

static int draft_like(const struct decision *d)
{
	return !strcmp(d->state, "draft") || !strcmp(d->state, "published");
}

/* May the actor see d?  Drafts not published are for the director and
 * the administrators. */
static int may_see(struct lrl_ctx *c, const struct decision *d)
{
	if (!strcmp(d->state, "published") || !strcmp(d->state, "signed"))
		return 1;
	return is_role(c, LRL_ROLE_DIRECTOR) || is_role(c, LRL_ROLE_ADMIN);
}

/* The decision named by the "decision" parameter that the actor may see. */
static int decision_param(struct lrl_ctx *c, struct decision **d)
{
	const msgpack_object *v = ctx_param(c, "decision");
	int rc = decision_get(c->txn, v->via.str.ptr, v->via.str.size, d);

	if (rc == LRL_ENOENT || (rc == 0 && !may_see(c, *d))) {
		decision_free(*d);
		*d = NULL;
		return lrl_fail_set(&c->fail, LRL_ENOENT, "decision",
		                    "there is no decision %.*s",
		                    (int)v->via.str.size, v->via.str.ptr);
	}
	return rc;
}

/* ---- settling ----------------------------------------------------------- */

static int dossier_state(store_txn *t, const char *code, size_t cl, char *state,
                         size_t sn, char *memo, size_t mn)
{
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	int rc;

	if ((rc = store_get(t, STORE_DB_DOSSIERS, code, cl, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = mp_decode(&up, v, vl);
	if (rc == 0) {
		char num[NUMBER_BUF] = "";
		text_field(mp_map_geti(&up.data, 5), state, sn);
		text_field(mp_map_geti(&up.data, 6), num, sizeof num);
		if (num[0])
			snprintf(memo, mn, "%s", num);
		else
			text_field(mp_map_geti(&up.data, 2), memo, mn);
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* The state and number of the decision with this code, read without
 * decoding the rest of the record (its texts and recipients): a
 * nomination list asks this once per row. */
static int decision_state(store_txn *t, const char *code, size_t cl,
                          char *state, size_t sn, char *number, size_t nn)
{
	char st[STATE_BUF] = "";
	char num[NUMBER_BUF] = "";
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	int rc;

	if (cl > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_DECISIONS, code, cl, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = mp_decode(&up, v, vl) != 0 ? LRL_ECORRUPT : 0;
	if (rc == 0) {
		text_field(mp_map_geti(&up.data, 2), st, sizeof st);
		text_field(mp_map_geti(&up.data, 9), num, sizeof num);
		snprintf(state, sn, "%s", st);
		snprintf(number, nn, "%s", num);
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

int decision_settling(store_txn *t, int year, char kind, uint32_t id,
                      const char *title, char *code, size_t cn, char *state,
                      size_t sn, char *number, size_t nn)
{
	uint8_t key[8 + LRL_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, title);
	const void *v;
	size_t vl;

	code[0] = state[0] = number[0] = '\0';
	if (store_get(t, STORE_DB_DECISION_KEYS, key, kl, &v, &vl) != 0)
		return 0;
	snprintf(code, cn, "%.*s", (int)vl, (const char *)v);
	if (vl > 3 && !memcmp(v, "TT-", 3))
		return dossier_state(t, v, vl, state, sn, number, nn) == 0;
	return decision_state(t, v, vl, state, sn, number, nn) == 0;
}

static int settle(store_txn *t, int year, char kind, uint32_t id,
                  const char *title, const char *code)
{
	uint8_t key[8 + LRL_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, title);

	return store_put(t, STORE_DB_DECISION_KEYS, key, kl, code, strlen(code),
	                 1);
}

static int unsettle(store_txn *t, int year, char kind, uint32_t id,
                    const char *title)
{
	uint8_t key[8 + LRL_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, title);
	int rc = store_del(t, STORE_DB_DECISION_KEYS, key, kl);

	return rc == LRL_ENOENT ? 0 : rc;
}

/* Refuses an award already held or settled by another decision or
 * dossier (field names the parameter). */
static int not_settled(struct lrl_ctx *c, const char *field, int year,
                       const struct subject *s, const char *title,
                       const char *what)
{
	char code[LRL_CODE_MAX + 1], state[16], number[NUMBER_BUF];

	if (award_held(c->txn, year, s->kind, s->id, title))
		return lrl_fail_set(&c->fail, LRL_EEXIST, field,
		                    "%s: %s already holds %s for %d", what,
		                    s->code, title, year);
	if (decision_settling(c->txn, year, s->kind, s->id, title, code,
	                      sizeof code, state, sizeof state, number,
	                      sizeof number))
		return lrl_fail_set(&c->fail, LRL_EEXIST, field,
		                    "%s: %s for %s is already in %s (%s)", what,
		                    title, s->code, code, state);
	return 0;
}

/* ---- money -------------------------------------------------------------- */

/* Fills each recipient's amount and pays flag: per subject, the engine
 * decides which of its awards pay (the same-period rule). */
static int compute_money(struct lrl_ctx *c, const struct rulebook *rb,
                         struct decision *d, int64_t *total)
{
	struct eligibility_award *a;
	size_t *idx;
	int rc = 0;

	*total = 0;
	if (d->nr == 0)
		return 0;
	a = calloc(d->nr, sizeof *a);
	idx = calloc(d->nr, sizeof *idx);
	if (!a || !idx) {
		free(a);
		free(idx);
		return LRL_ENOMEM;
	}
	for (size_t i = 0; i < d->nr; i++)
		d->r[i].pays = -1; /* not yet computed */
	for (size_t i = 0; i < d->nr && rc == 0; i++) {
		size_t n = 0;
		if (d->r[i].pays != -1)
			continue;
		for (size_t j = i; j < d->nr; j++)
			if (d->r[j].pays == -1 &&
			    d->r[j].kind == d->r[i].kind &&
			    d->r[j].id == d->r[i].id) {
				a[n].code = d->r[j].title;
				a[n].subject = d->r[j].kind == 'U' ? RB_UNIT
				                                   : RB_PERSON;
				a[n].period = d->year;
				idx[n++] = j;
			}
		rc = eligibility_pay(rb, d->date, a, n);
		if (rc == LRL_ENOENT) {
			char when[16];
			date_format(d->date, when, sizeof when);
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
			                  "the rulebook has no base salary in "
			                  "force "
			                  "on %s",
			                  when);
			break;
		}
		for (size_t k = 0; k < n && rc == 0; k++) {
			struct recipient *r = &d->r[idx[k]];
			r->pays = a[k].pays;
			r->amount = a[k].pays ? a[k].amount : 0;
			*total += r->amount;
		}
	}
	free(a);
	free(idx);
	return rc;
}

struct fund_each {
	int (*fn)(const struct fund_line *e, void *arg);
	void *arg;
};

/* Decodes one fund record (key year ‖ event) for decision_fund_each. */
static int fund_line_of(const uint8_t *key, size_t kl, const void *v, size_t vl,
                        void *arg)
{
	const struct fund_each *fe = arg;
	msgpack_unpacked up;
	struct fund_line e;
	int64_t date = 0;

	(void)key;
	if (kl != 10)
		return 0;
	memset(&e, 0, sizeof e);
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return 0;
	}
	text_field(mp_map_geti(&up.data, 1), e.kind, sizeof e.kind);
	mp_get_i64(mp_map_geti(&up.data, 2), &e.amount);
	mp_get_i64(mp_map_geti(&up.data, 3), &date);
	e.date = (int32_t)date;
	text_field(mp_map_geti(&up.data, 4), e.source, sizeof e.source);
	text_field(mp_map_geti(&up.data, 5), e.decision, sizeof e.decision);
	text_field(mp_map_geti(&up.data, 6), e.override, sizeof e.override);
	msgpack_unpacked_destroy(&up);
	return fe->fn(&e, fe->arg);
}

int decision_fund_each(store_txn *t, int year,
                       int (*fn)(const struct fund_line *e, void *arg),
                       void *arg)
{
	struct fund_each fe = {fn, arg};

	return each_of_year(t, STORE_DB_FUND, year, fund_line_of, &fe);
}

/* A line's effect on the balance: deposits add, payments take. */
static int64_t fund_signed(const struct fund_line *e)
{
	return !strcmp(e->kind, "deposit") ? e->amount : -e->amount;
}

static int add_balance(const struct fund_line *e, void *arg)
{
	*(int64_t *)arg += fund_signed(e);
	return 0;
}

/* The balance of the year's fund. */
static int64_t fund_balance(store_txn *t, int year)
{
	int64_t bal = 0;

	decision_fund_each(t, year, add_balance, &bal);
	return bal;
}

static int fund_put(struct lrl_ctx *c, int year, const char *kind,
                    int64_t amount, int32_t date, const char *source,
                    const char *decision, const char *override)
{
	uint8_t key[10];
	mp_buf b;
	int rc;

	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	wire_put_be64(key + 2, c->seq);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 8);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, kind);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, amount);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_int64(&b.pk, date);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, source);
	msgpack_pack_uint8(&b.pk, 5);
	mp_pack_str(&b.pk, decision);
	msgpack_pack_uint8(&b.pk, 6);
	mp_pack_str(&b.pk, override);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 8);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_FUND, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	return rc;
}

/* ---- checking recipients ----------------------------------------------- */

/* Checks that a nomination may be awarded by the hospital now.  With
 * self, the decision that holds it already (signing) is not a conflict.
 * The council's verdicts come from cvs. */
static int check_nomination(struct lrl_ctx *c, const struct rulebook *rb,
                            council_verdicts *cvs, const char *field, int year,
                            const char *code, const char *self,
                            struct nomination_info *ni, int forwarded)
{
	const struct rulebook_title *ti;
	struct subject s;
	int rc = nomination_info(c->txn, rb, code, strlen(code), ni);

	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, field,
		                    "there is no nomination %s", code);
	if (rc != 0)
		return rc;
	if (ni->year != year)
		return lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                    "%s is a nomination of %d, not of %d", code,
		                    ni->year, year);
	if (ni->withdrawn)
		return lrl_fail_set(&c->fail, LRL_ESTATE, field,
		                    "%s was withdrawn", code);
	ti = rulebook_title_find(rb, ni->title);
	if (ti && !forwarded && ti->decided == RB_DECIDED_FORWARDED)
		return lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                    "%s: %s is decided by the province; "
		                    "forward "
		                    "it in a dossier (dossier.add)",
		                    code, ni->title);
	if (ti && forwarded && ti->decided != RB_DECIDED_FORWARDED)
		return lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                    "%s: %s is decided by the hospital; put it "
		                    "in "
		                    "a decision (decision.add)",
		                    code, ni->title);
	if ((rc = subject_get(c->txn, ni->kind, ni->id, &s)) != 0)
		return rc;
	if (self == NULL &&
	    (rc = not_settled(c, field, year, &s, ni->title, code)) != 0)
		return rc;
	if (self && award_held(c->txn, year, s.kind, s.id, ni->title))
		return lrl_fail_set(&c->fail, LRL_EEXIST, field,
		                    "%s: %s already holds %s for %d", code,
		                    s.code, ni->title, year);
	if (ni->blocked)
		return lrl_fail_set(&c->fail, LRL_ESTATE, field,
		                    "%s is blocked: an open complaint, "
		                    "discipline "
		                    "review or investigation concerns %s",
		                    code, s.code);
	if (!ni->eligible)
		return lrl_fail_set(&c->fail, LRL_ESTATE, field,
		                    "%s is not eligible: %s", code,
		                    ni->verdict);
	{
		/* A nomination the council voted down is not awarded. */
		struct council_verdict cv;
		if (council_verdicts_get(cvs, code, &cv) == 0 &&
		    cv.has_ballot && !cv.passed)
			return lrl_fail_set(&c->fail, LRL_ESTATE, field,
			                    "%s did not pass the council "
			                    "(round %u: %d,%02d%% yes)",
			                    code, cv.round, cv.yes_bp / 100,
			                    cv.yes_bp % 100);
	}
	return 0;
}

/* Checks an ad-hoc recipient. */
static int check_adhoc(struct lrl_ctx *c, const char *field, int year,
                       const struct subject *s, const char *title, int self)
{
	if (!self) {
		int rc = not_settled(c, field, year, s, title, s->code);
		if (rc != 0)
			return rc;
	} else if (award_held(c->txn, year, s->kind, s->id, title)) {
		return lrl_fail_set(&c->fail, LRL_EEXIST, field,
		                    "%s already holds %s for %d", s->code,
		                    title, year);
	}
	if (matters_open(c->txn, s->kind, s->id))
		return lrl_fail_set(&c->fail, LRL_ESTATE, field,
		                    "%s is blocked: an open complaint, "
		                    "discipline "
		                    "review or investigation concerns it",
		                    s->code);
	return 0;
}

static int add_recipient(struct lrl_ctx *c, struct decision *d,
                         const char *field, const char *nom, char kind,
                         uint32_t id, uint32_t unit, const char *title)
{
	struct recipient *r;

	for (size_t i = 0; i < d->nr; i++)
		if (d->r[i].kind == kind && d->r[i].id == id &&
		    !strcmp(d->r[i].title, title))
			return lrl_fail_set(&c->fail, LRL_EINVAL, field,
			                    "%s is listed twice",
			                    nom[0] ? nom : title);
	if (d->nr == DECISION_RECIPIENTS_MAX)
		return lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                    "at most %d recipients in one decision",
		                    DECISION_RECIPIENTS_MAX);
	if ((d->nr & 31) == 0) {
		struct recipient *p = realloc(d->r, (d->nr + 32) * sizeof *p);
		if (p == NULL)
			return LRL_ENOMEM;
		d->r = p;
	}
	r = &d->r[d->nr++];
	memset(r, 0, sizeof *r);
	snprintf(r->nom, sizeof r->nom, "%s", nom);
	r->kind = kind;
	r->id = id;
	r->unit = unit;
	snprintf(r->title, sizeof r->title, "%s", title);
	return 0;
}

/* Adds a nomination to the draft d after checking it.  Every source of
 * nominations (a list of codes today; the passed candidates of a council
 * round when rounds exist) goes through here. */
static int add_nomination(struct lrl_ctx *c, const struct rulebook *rb,
                          council_verdicts *cvs, struct decision *d,
                          const char *field, const char *code)
{
	struct nomination_info ni;
	int rc;

	if ((rc = check_nomination(c, rb, cvs, field, d->year, code, NULL, &ni,
	                           0)) != 0)
		return rc;
	return add_recipient(c, d, field, ni.code, ni.kind, ni.id, ni.unit,
	                     ni.title);
}

/* Re-checks every recipient of d (self: its own settlement is fine). */
static int check_all(struct lrl_ctx *c, const struct rulebook *rb,
                     council_verdicts *cvs, const struct decision *d)
{
	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		int rc;
		if (r->nom[0]) {
			struct nomination_info ni;
			rc = check_nomination(c, rb, cvs, "decision", d->year,
			                      r->nom, d->code, &ni, 0);
		} else {
			struct subject s;
			if ((rc = subject_get(c->txn, r->kind, r->id, &s)) == 0)
				rc = check_adhoc(c, "decision", d->year, &s,
				                 r->title, 1);
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* ---- setup -------------------------------------------------------------- */

int act_DECISION_SETUP(struct lrl_ctx *c)
{
	static const char *const names[] = {"suffix", "issuer", "place",
	                                    "signer"};
	struct setup s;
	char *val[4] = {NULL};
	mp_buf b;
	int rc = 0;

	setup_get(c->txn, &s);
	for (int i = 0; i < 4; i++)
		if (ctx_param(c, names[i]) &&
		    (rc = ctx_text(c, names[i], &val[i])) != 0)
			goto out;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 4);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, val[0] ? val[0] : s.suffix);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, val[1] ? val[1] : s.issuer);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, val[2] ? val[2] : s.place);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, val[3] ? val[3] : s.signer);
	rc = store_put(c->txn, STORE_DB_STATE, "decision:setup", 14, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	if (rc == 0) {
		setup_get(c->txn, &s);
		result_message(c->out,
		               "decisions are numbered N/QĐ-%s, issued by "
		               "%s",
		               s.suffix, s.issuer);
	}
out:
	for (int i = 0; i < 4; i++)
		free(val[i]);
	return rc;
}

/* ---- drafting ----------------------------------------------------------- */

/* The default grounds: the rulebook's sources, the year's rulebook, the
 * council's review and the personnel office's proposal. */
static void default_grounds(const struct rulebook *rb, int year, char *buf,
                            size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < rulebook_source_count(rb) && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "Căn cứ %s;\n",
		                         rulebook_source(rb, i));
	if (used < n && rulebook_name(rb)[0])
		used += (size_t)snprintf(buf + used, n - used, "Căn cứ %s;\n",
		                         rulebook_name(rb));
	if (used < n)
		snprintf(buf + used, n - used,
		         "Căn cứ kết quả bình xét thi đua, khen thưởng năm %d "
		         "của Hội "
		         "đồng Thi đua – Khen thưởng;\nXét đề nghị của Trưởng "
		         "phòng "
		         "Tổ chức – Hành chính.",
		         year);
}

/* Reads the ad-hoc recipients of param (staff or units) into d. */
static int adhoc_param(struct lrl_ctx *c, struct decision *d,
                       const struct year_rec *y, const char *param, char kind,
                       const char *title)
{
	const msgpack_object *v = ctx_param(c, param);
	const char *p, *end;
	char code[LRL_CODE_MAX + 1], name[NAME_BUF];
	int rc, got;

	if (v == NULL)
		return 0;
	p = v->via.str.ptr;
	end = p + v->via.str.size;
	while ((got = next_item(&p, end, code, sizeof code)) != 0) {
		struct subject s;
		if (got < 0)
			return lrl_fail_set(&c->fail, LRL_EINVAL, param,
			                    "'%s' is not a code", code);
		if (kind == 'S') {
			struct staff_rec st;
			if (staff_find(c->txn, code, strlen(code), &st) != 0)
				return lrl_fail_set(&c->fail, LRL_ENOENT, param,
				                    "no staff member has the "
				                    "code '%s'",
				                    code);
			rc = subject_get(c->txn, 'S', st.id, &s);
		} else {
			struct unit_rec u;
			if (unit_find(c->txn, code, strlen(code), &u) != 0)
				return lrl_fail_set(&c->fail, LRL_ENOENT, param,
				                    "no unit has the code '%s'",
				                    code);
			rc = subject_get(c->txn, 'U', u.id, &s);
		}
		if (rc != 0 ||
		    (rc = rules_title(c, y, "title", title, kind == 'U', name,
		                      sizeof name)) != 0 ||
		    (rc = check_adhoc(c, param, d->year, &s, title, 0)) != 0 ||
		    (rc = add_recipient(c, d, param, "", s.kind, s.id, s.unit,
		                        title)) != 0)
			return rc;
	}
	return 0;
}

/* Adds the candidates a closed council round passed, except those the
 * province decides and those a decision or dossier holds already. */
static int round_nominations(struct lrl_ctx *c, const struct rulebook *rb,
                             council_verdicts *cvs, struct decision *d)
{
	char (*codes)[LRL_CODE_MAX + 1];
	int64_t id = 0;
	int year = 0, closed = 0, rc;
	size_t n = 0, added = 0;

	ctx_int(c, "round", &id);
	if ((codes = calloc(DECISION_RECIPIENTS_MAX, sizeof *codes)) == NULL)
		return LRL_ENOMEM;
	rc = council_round_info(c->txn, (uint32_t)id, &year, &closed, codes,
	                        DECISION_RECIPIENTS_MAX, &n);
	if (rc == LRL_ENOENT)
		rc = lrl_fail_set(&c->fail, LRL_ENOENT, "round",
		                  "there is no council round %lld", (long long)id);
	else if (rc == 0 && year != d->year)
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "round",
		                  "round %lld is of %d, not of %d", (long long)id,
		                  year, d->year);
	else if (rc == 0 && !closed)
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                  "round %lld is still open: the chair closes "
		                  "it first", (long long)id);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char held[LRL_CODE_MAX + 1], state[16], number[NUMBER_BUF];
		struct council_verdict cv;
		struct nomination_info ni;
		const struct rulebook_title *ti;
		struct subject s;
		if (council_verdicts_get(cvs, codes[i], &cv) != 0 ||
		    cv.round != (uint32_t)id || !cv.passed ||
		    nomination_info(c->txn, NULL, codes[i], strlen(codes[i]),
		                    &ni) != 0 ||
		    ni.withdrawn ||
		    ((ti = rulebook_title_find(rb, ni.title)) != NULL &&
		     ti->decided == RB_DECIDED_FORWARDED) ||
		    subject_get(c->txn, ni.kind, ni.id, &s) != 0 ||
		    award_held(c->txn, d->year, s.kind, s.id, ni.title) ||
		    decision_settling(c->txn, d->year, s.kind, s.id, ni.title,
		                      held, sizeof held, state, sizeof state,
		                      number, sizeof number))
			continue;
		for (size_t k = 0; k < d->nr && codes[i][0]; k++)
			if (!strcmp(d->r[k].nom, codes[i]))
				codes[i][0] = '\0'; /* also in --nominations */
		if (codes[i][0] == '\0')
			continue;
		if ((rc = add_nomination(c, rb, cvs, d, "round", codes[i])) ==
		    0)
			added++;
	}
	if (rc == 0 && added == 0)
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                  "round %lld passed no candidate the hospital "
		                  "decides that is not decided already",
		                  (long long)id);
	free(codes);
	return rc;
}

/* "Về việc …": the subject line as given, with its opening words. */
static void subject_line(struct decision *d, const char *s)
{
	snprintf(d->subject, sizeof d->subject, "%s%s",
	         strncmp(s, "Về việc", strlen("Về việc")) ? "Về việc " : "", s);
}

int act_DECISION_ADD(struct lrl_ctx *c)
{
	const msgpack_object *nv = ctx_param(c, "nominations");
	char title[RULEBOOK_CODE_MAX + 1] = "", total_s[48];
	struct rulebook *rb = NULL;
	council_verdicts *cvs = NULL;
	struct decision *d;
	struct year_rec y;
	struct setup su;
	int64_t year = 0, date = 0, total = 0;
	int rc;

	if ((d = calloc(1, sizeof *d)) == NULL)
		return LRL_ENOMEM;
	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0 ||
	    (rc = council_verdicts_open(c->txn, &cvs)) != 0)
		goto out;
	d->year = (int)year;
	date = date_of_time(c->now);
	ctx_int(c, "date", &date);
	d->date = (int32_t)date;
	if (d->date < date_from_ymd(d->year, 1, 1)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
		                  "a decision for %d cannot be dated before "
		                  "the "
		                  "year begins",
		                  d->year);
		goto out;
	}
	if (nv) {
		const char *p = nv->via.str.ptr, *end = p + nv->via.str.size;
		char code[LRL_CODE_MAX + 1];
		int got;
		while ((got = next_item(&p, end, code, sizeof code)) != 0) {
			if (got < 0) {
				rc = lrl_fail_set(&c->fail, LRL_EINVAL,
				                  "nominations",
				                  "'%s' is not a nomination "
				                  "code",
				                  code);
				goto out;
			}
			if ((rc = add_nomination(c, rb, cvs, d, "nominations",
			                         code)) != 0)
				goto out;
		}
	}
	if (ctx_param(c, "round") &&
	    (rc = round_nominations(c, rb, cvs, d)) != 0)
		goto out;
	if (ctx_param(c, "staff") || ctx_param(c, "units")) {
		const struct rulebook_title *ti;
		if (!ctx_param(c, "title") || !ctx_param(c, "reason")) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL,
			                  ctx_param(c, "title") ? "reason"
			                                        : "title",
			                  "an ad-hoc award needs --title and "
			                  "--reason");
			goto out;
		}
		ctx_strbuf(c, "title", title, sizeof title);
		ti = rulebook_title_find(rb, title);
		if (ti && ti->decided == RB_DECIDED_FORWARDED) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "title",
			                  "%s is decided by the province, not "
			                  "by the "
			                  "hospital",
			                  title);
			goto out;
		}
		if ((rc = adhoc_param(c, d, &y, "staff", 'S', title)) != 0 ||
		    (rc = adhoc_param(c, d, &y, "units", 'U', title)) != 0)
			goto out;
		{
			char *reason = NULL;
			if ((rc = ctx_text(c, "reason", &reason)) != 0)
				goto out;
			snprintf(d->reason, sizeof d->reason, "%s", reason);
			free(reason);
		}
	}
	if (d->nr == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "nominations",
		                  "give the nominations decided "
		                  "(--nominations), "
		                  "or the people or units of an ad-hoc award "
		                  "(--staff, --units) with --title and "
		                  "--reason");
		goto out;
	}
	if ((rc = compute_money(c, rb, d, &total)) != 0)
		goto out;
	{
		char *s = NULL;
		if (ctx_param(c, "subject-line") &&
		    (rc = ctx_text(c, "subject-line", &s)) != 0)
			goto out;
		if (s)
			subject_line(d, s);
		else if (nv)
			snprintf(d->subject, sizeof d->subject,
			         "Về việc tặng danh hiệu thi đua và hình thức "
			         "khen "
			         "thưởng năm %d",
			         d->year);
		else
			snprintf(d->subject, sizeof d->subject,
			         "Về việc khen thưởng đột xuất năm %d",
			         d->year);
		free(s);
		s = NULL;
		if (ctx_param(c, "grounds") &&
		    (rc = ctx_text(c, "grounds", &s)) != 0)
			goto out;
		if (s)
			snprintf(d->grounds, sizeof d->grounds, "%s", s);
		else
			default_grounds(rb, d->year, d->grounds,
			                sizeof d->grounds);
		free(s);
		s = NULL;
		if (ctx_param(c, "copies") &&
		    (rc = ctx_text(c, "copies", &s)) != 0)
			goto out;
		snprintf(d->copies, sizeof d->copies, "%s",
		         s ? s : "Như Điều 3;\nLưu: VT, TCHC.");
		free(s);
	}
	setup_get(c->txn, &su);
	snprintf(d->issuer, sizeof d->issuer, "%s", su.issuer);
	snprintf(d->place, sizeof d->place, "%s", su.place);
	snprintf(d->signer, sizeof d->signer, "%s", su.signer);
	snprintf(d->state, sizeof d->state, "draft");
	d->by = c->actor_id;
	d->time = c->now;
	if ((rc = series_next_code(c->txn, "QD", d->year, d->code,
	                           sizeof d->code)) != 0)
		goto out;
	for (size_t i = 0; i < d->nr; i++)
		if ((rc = settle(c->txn, d->year, d->r[i].kind, d->r[i].id,
		                 d->r[i].title, d->code)) != 0)
			goto out;
	if ((rc = decision_put(c->txn, d)) != 0)
		goto out;
	money_format(total, total_s, sizeof total_s);
	result_message(c->out, "%s drafted: %zu recipients, %s", d->code, d->nr,
	               total_s);
out:
	council_verdicts_close(cvs);
	rulebook_free(rb);
	decision_free(d);
	return rc;
}

int act_DECISION_PUBLISH(struct lrl_ctx *c)
{
	struct decision *d = NULL;
	int64_t until = 0;
	char when[16];
	int rc;

	ctx_int(c, "until", &until);
	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (!draft_like(d)) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is %s; only a draft is published",
		                  d->code, d->state);
		goto out;
	}
	if (until < date_of_time(c->now)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "until",
		                  "the complaint window cannot end before "
		                  "today");
		goto out;
	}
	d->until = (int32_t)until;
	snprintf(d->state, sizeof d->state, "published");
	if ((rc = decision_put(c->txn, d)) != 0)
		goto out;
	date_format(d->until, when, sizeof when);
	result_message(c->out, "%s published; complaints are accepted until %s",
	               d->code, when);
out:
	decision_free(d);
	return rc;
}

void decision_issuer_code(store_txn *t, char *out, size_t n)
{
	struct setup s;

	setup_get(t, &s);
	snprintf(out, n, "%s", s.suffix);
}

/* A complaint about an award of a published draft (complaint.file), as
 * stored: field 1 the decision, 2 the nomination ("" for an ad-hoc
 * award), 3 and 4 the subject, 5 the text, 6 who filed it, 7 when, 8 the
 * award's title ("" in complaints filed before it was recorded). */
struct complaint {
	uint64_t number;
	char decision[LRL_CODE_MAX + 1];
	char nom[LRL_CODE_MAX + 1];
	char kind;
	uint32_t id;
	char title[RULEBOOK_CODE_MAX + 1];
	uint64_t by;
	int64_t time;
	const msgpack_object *text;
};

/*
 * Calls fn for each complaint, in the order filed, until it returns
 * non-zero; that value, or 0.  The record's text is valid only during
 * the call.  fn may write to other databases.
 */
static int complaints_each(store_txn *t,
                           int (*fn)(store_txn *t, const struct complaint *cp,
                                     void *arg),
                           void *arg)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int rc, r = 0;

	if ((rc = store_cursor_open(t, STORE_DB_COMPLAINTS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
	     rc == 0 && r == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct complaint cp = {0};
		msgpack_unpacked up;
		char kind[2] = "";
		uint64_t id = 0;
		if (kl != 8)
			continue;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0) {
			cp.number = wire_get_be64(k);
			text_field(mp_map_geti(&up.data, 1), cp.decision,
			           sizeof cp.decision);
			text_field(mp_map_geti(&up.data, 2), cp.nom,
			           sizeof cp.nom);
			text_field(mp_map_geti(&up.data, 3), kind, sizeof kind);
			mp_get_u64(mp_map_geti(&up.data, 4), &id);
			cp.text = mp_map_geti(&up.data, 5);
			mp_get_u64(mp_map_geti(&up.data, 6), &cp.by);
			mp_get_i64(mp_map_geti(&up.data, 7), &cp.time);
			text_field(mp_map_geti(&up.data, 8), cp.title,
			           sizeof cp.title);
			cp.kind = kind[0] == 'U' ? 'U' : 'S';
			cp.id = (uint32_t)id;
			r = fn(t, &cp, arg);
		}
		msgpack_unpacked_destroy(&up);
	}
	store_cursor_close(cur);
	return rc == 0 || rc == LRL_ENOENT ? r : rc;
}

/*
 * Is cp about the award of nomination nom (NULL: none) to subject kind id
 * (kind 0: none) with title?  A complaint that names a nomination is about
 * that nomination's award; one about an ad-hoc award, about the subject's
 * award with its title (any of the subject's awards, for a complaint filed
 * before titles were recorded).
 */
static int complaint_about(const struct complaint *cp, const char *nom,
                           char kind, uint32_t id, const char *title)
{
	if (cp->nom[0])
		return nom && !strcmp(cp->nom, nom);
	return kind && cp->kind == kind && cp->id == id &&
	       (cp->title[0] == '\0' || (title && !strcmp(cp->title, title)));
}

struct complaint_query {
	const char *nom;
	int found;
};

static int open_one(store_txn *t, const struct complaint *cp, void *arg)
{
	struct complaint_query *q = arg;

	if (!complaint_about(cp, q->nom, 0, 0, NULL) ||
	    matter_state(t, cp->number, NULL, 0) != 0)
		return 0;
	q->found = 1;
	return 1;
}

int decision_nomination_complained(store_txn *t, const char *nom)
{
	struct complaint_query q = {nom, 0};

	complaints_each(t, open_one, &q);
	return q.found;
}

struct complaint_close {
	const char *decision, *resolution;
	int64_t now;
	uint64_t actor;
};

static int close_one(store_txn *t, const struct complaint *cp, void *arg)
{
	struct complaint_close *cc = arg;

	if (strcmp(cp->decision, cc->decision) ||
	    matter_state(t, cp->number, NULL, 0) != 0)
		return 0;
	/* Writing to another database keeps the cursor valid. */
	return matter_close(t, cp->number, cc->resolution, cc->now, cc->actor);
}

struct blocked_query {
	const struct decision *d;
	size_t first;    /* the first recipient blocked, or d->nr */
	uint64_t number; /* the first open complaint about it */
};

static int note_blocked(store_txn *t, const struct complaint *cp, void *arg)
{
	struct blocked_query *q = arg;

	if (strcmp(cp->decision, q->d->code) ||
	    matter_state(t, cp->number, NULL, 0) != 0)
		return 0;
	for (size_t i = 0; i < q->first; i++) {
		const struct recipient *r = &q->d->r[i];
		if (complaint_about(cp, r->nom, r->kind, r->id, r->title)) {
			q->first = i;
			q->number = cp->number;
			break;
		}
	}
	return 0;
}

/* The first of d's recipients (d->nr when none) that an open complaint
 * is about, and that complaint's number: one pass over the complaints. */
static int first_blocked(store_txn *t, const struct decision *d,
                         size_t *first, uint64_t *number)
{
	struct blocked_query q = {d, d->nr, 0};
	int rc = complaints_each(t, note_blocked, &q);

	*first = q.first;
	*number = q.number;
	return rc;
}

/* Closes the open complaints about d's recipients with resolution. */
static int close_complaints(struct lrl_ctx *c, const char *code,
                            const char *resolution)
{
	struct complaint_close cc = {code, resolution, c->now, c->actor_id};

	return complaints_each(c->txn, close_one, &cc);
}

int act_DECISION_EDIT(struct lrl_ctx *c)
{
	static const char *const texts[] = {"subject-line", "grounds",
	                                    "copies"};
	struct decision *d = NULL;
	struct rulebook *rb = NULL;
	struct year_rec y;
	int64_t date = 0, total = 0;
	char total_s[48];
	int rc, changed = 0;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (strcmp(d->state, "draft")) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is %s; only a draft not yet published is "
		                  "corrected (cancel it and draft again)",
		                  d->code, d->state);
		goto out;
	}
	if (ctx_param(c, "date")) {
		ctx_int(c, "date", &date);
		if (date < date_from_ymd(d->year, 1, 1)) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
			                  "a decision for %d cannot be dated "
			                  "before the year begins",
			                  d->year);
			goto out;
		}
		d->date = (int32_t)date;
		if ((rc = year_get(c->txn, d->year, &y)) != 0 ||
		    (rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0 ||
		    (rc = compute_money(c, rb, d, &total)) != 0)
			goto out;
		changed = 1;
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *s = NULL;
		if (!ctx_param(c, texts[i]))
			continue;
		if ((rc = ctx_text(c, texts[i], &s)) != 0)
			goto out;
		if (i == 0)
			subject_line(d, s);
		else if (i == 1)
			snprintf(d->grounds, sizeof d->grounds, "%s", s);
		else
			snprintf(d->copies, sizeof d->copies, "%s", s);
		free(s);
		changed = 1;
	}
	if (!changed) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, NULL,
		                  "nothing to correct: give --date, "
		                  "--subject-line, --grounds or --copies");
		goto out;
	}
	if ((rc = decision_put(c->txn, d)) != 0)
		goto out;
	if (total) {
		money_format(total, total_s, sizeof total_s);
		result_message(c->out, "%s corrected: %s", d->code, total_s);
	} else {
		result_message(c->out, "%s corrected", d->code);
	}
out:
	rulebook_free(rb);
	decision_free(d);
	return rc;
}

int act_DECISION_CANCEL(struct lrl_ctx *c)
{
	struct decision *d = NULL;
	char *why = NULL;
	int rc;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (!draft_like(d)) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is %s; only a draft can be cancelled",
		                  d->code, d->state);
		goto out;
	}
	if ((rc = ctx_text(c, "reason", &why)) != 0)
		goto out;
	snprintf(d->cancel, sizeof d->cancel, "%s", why);
	snprintf(d->state, sizeof d->state, "cancelled");
	for (size_t i = 0; i < d->nr; i++)
		if ((rc = unsettle(c->txn, d->year, d->r[i].kind, d->r[i].id,
		                   d->r[i].title)) != 0)
			goto out;
	if ((rc = close_complaints(c, d->code,
	                           "the draft decision was "
	                           "cancelled")) != 0 ||
	    (rc = decision_put(c->txn, d)) != 0)
		goto out;
	result_message(c->out,
	               "%s cancelled; its recipients may be decided "
	               "again",
	               d->code);
out:
	free(why);
	decision_free(d);
	return rc;
}

/* ---- signing ------------------------------------------------------------ */

int act_DECISION_SIGN(struct lrl_ctx *c)
{
	struct rulebook *rb = NULL;
	council_verdicts *cvs = NULL;
	struct decision *d = NULL;
	struct year_rec y;
	char *override = NULL, when[16], total_s[48], bal_s[48];
	int32_t today = date_of_time(c->now);
	int64_t total = 0, balance;
	uint64_t number = 0;
	size_t blocked;
	int yy, mm, dd;
	int rc;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (!draft_like(d)) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is %s; only a draft is signed", d->code,
		                  d->state);
		goto out;
	}
	if (!strcmp(d->state, "published") && today <= d->until) {
		date_format(d->until, when, sizeof when);
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "the complaint window of %s is open until %s",
		                  d->code, when);
		goto out;
	}
	if (d->date > today) {
		date_format(d->date, when, sizeof when);
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is dated %s, after today", d->code, when);
		goto out;
	}
	/* A complaint blocks the award it is about until it is answered. */
	if ((rc = first_blocked(c->txn, d, &blocked, &number)) != 0)
		goto out;
	if (blocked < d->nr) {
		struct subject s;
		if ((rc = subject_get(c->txn, d->r[blocked].kind,
		                      d->r[blocked].id, &s)) != 0)
			goto out;
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s %s is blocked: complaint %llu about it is "
		                  "not answered",
		                  s.code, d->r[blocked].title,
		                  (unsigned long long)number);
		goto out;
	}
	if ((rc = year_get(c->txn, d->year, &y)) != 0 ||
	    (rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0 ||
	    (rc = council_verdicts_open(c->txn, &cvs)) != 0 ||
	    (rc = check_all(c, rb, cvs, d)) != 0 ||
	    (rc = compute_money(c, rb, d, &total)) != 0)
		goto out;
	balance = fund_balance(c->txn, d->year);
	money_format(total, total_s, sizeof total_s);
	money_format(balance, bal_s, sizeof bal_s);
	if (ctx_param(c, "override") &&
	    (rc = ctx_text(c, "override", &override)) != 0)
		goto out;
	if (total > balance && override == NULL) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "override",
		                  "the fund of %d holds %s and %s pays %s; to "
		                  "overdraw it, sign with an override and its "
		                  "reason",
		                  d->year, bal_s, d->code, total_s);
		goto out;
	}
	/* The number: the next of the decision date's calendar year. */
	date_to_ymd(d->date, &yy, &mm, &dd);
	{
		char seq[LRL_CODE_MAX + 1];
		struct setup su;
		setup_get(c->txn, &su);
		if ((rc = series_next_code(c->txn, "SO", yy, seq,
		                           sizeof seq)) != 0)
			goto out;
		snprintf(d->number, sizeof d->number, "%d/QĐ-%s",
		         atoi(strrchr(seq, '-') + 1), su.suffix);
	}
	for (size_t i = 0; i < d->nr; i++) {
		struct recipient *r = &d->r[i];
		char basis[AWARD_BASIS_MAX][LRL_CODE_MAX + 1];
		size_t nb = 0;
		if (r->nom[0]) {
			struct nomination_info ni;
			if ((rc = nomination_info(c->txn, NULL, r->nom,
			                          strlen(r->nom), &ni)) != 0)
				goto out;
			nb = ni.nbasis;
			memcpy(basis, ni.basis, sizeof basis);
		}
		rc = award_put(c->txn, d->year, r->kind, r->id, r->title,
		               d->number, d->date, d->issuer, basis, nb,
		               d->code, c->actor_id, c->now);
		if (rc != 0)
			goto out;
	}
	if (total > 0 &&
	    (rc = fund_put(c, d->year, "payment", total, d->date, d->number,
	                   d->code, override ? override : "")) != 0)
		goto out;
	y.decisions++;
	if ((rc = year_put(c->txn, &y)) != 0)
		goto out;
	snprintf(d->state, sizeof d->state, "signed");
	snprintf(d->override, sizeof d->override, "%s",
	         override ? override : "");
	d->signed_by = c->actor_id;
	d->signed_time = c->now;
	if ((rc = decision_put(c->txn, d)) != 0)
		goto out;
	money_format(balance - total, bal_s, sizeof bal_s);
	result_message(c->out,
	               "%s signed as Số: %s — %zu recipients, %s from "
	               "the fund (balance %s)",
	               d->code, d->number, d->nr, total_s, bal_s);
out:
	council_verdicts_close(cvs);
	free(override);
	rulebook_free(rb);
	decision_free(d);
	return rc;
}

/* ---- lists and the document --------------------------------------------- */

static int64_t decision_total(const struct decision *d)
{
	int64_t t = 0;

	for (size_t i = 0; i < d->nr; i++)
		t += d->r[i].amount;
	return t;
}

int act_DECISION_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"decision",
	                                   "number",
	                                   "date",
	                                   "state",
	                                   "recipients",
	                                   "total",
	                                   "complaints-until",
	                                   "subject-line"};
	char prefix[16], only[16] = "";
	int64_t year = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, pl, n = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "state", only, sizeof only);
	pl = (size_t)snprintf(prefix, sizeof prefix, "QD-%d-", (int)year);
	if ((rc = store_cursor_open(c->txn, STORE_DB_DECISIONS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	k = prefix;
	kl = pl;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl >= pl && !memcmp(k, prefix, pl);
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct decision *d = calloc(1, sizeof *d);
		char when[16] = "", until[16] = "", total[48];
		if (d == NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		if (decision_decode(k, kl, v, vl, d) != 0 || !may_see(c, d) ||
		    (only[0] && strcmp(only, d->state))) {
			decision_free(d);
			continue;
		}
		date_format(d->date, when, sizeof when);
		if (d->until)
			date_format(d->until, until, sizeof until);
		money_format(decision_total(d), total, sizeof total);
		msgpack_pack_array(&rows.pk, 8);
		mp_pack_str(&rows.pk, d->code);
		mp_pack_str(&rows.pk, d->number);
		mp_pack_str(&rows.pk, when);
		mp_pack_str(&rows.pk, d->state);
		msgpack_pack_uint64(&rows.pk, d->nr);
		mp_pack_str(&rows.pk, total);
		mp_pack_str(&rows.pk, until);
		mp_pack_str(&rows.pk, d->subject);
		decision_free(d);
		n++;
	}
	store_cursor_close(cur);
	if (rc == LRL_ENOENT || rc == 0) {
		list_begin(c->out, cols, 8, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
	mp_buf_free(&rows);
	return rc;
}

/* The subject's code, name and unit code of recipient r. */
static void recipient_names(store_txn *t, const struct recipient *r, char *code,
                            size_t cn, char *name, size_t nn, char *ucode,
                            size_t un)
{
	struct subject s;
	struct unit_rec u;

	if (subject_get(t, r->kind, r->id, &s) != 0)
		memset(&s, 0, sizeof s);
	snprintf(code, cn, "%s", s.code);
	snprintf(name, nn, "%s", s.name);
	snprintf(ucode, un, "%s", unit_get(t, s.unit, &u) == 0 ? u.name : "");
}

int act_DECISION_ANNEX(struct lrl_ctx *c)
{
	static const char *const cols[] = {"order",      "nomination", "code",
	                                   "name",       "unit",       "title",
	                                   "title-name", "amount",     "note"};
	struct rulebook *rb = NULL;
	struct decision *d = NULL;
	struct year_rec y;
	char total_s[48];
	mp_buf rows;
	int rc;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (year_get(c->txn, d->year, &y) == 0)
		rules_load(c->txn, y.rulebook, &rb, &c->fail);
	mp_buf_init(&rows);
	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		const struct rulebook_title *ti =
			rb ? rulebook_title_find(rb, r->title) : NULL;
		char code[LRL_CODE_MAX + 1], name[NAME_BUF], unit[NAME_BUF];
		char amount[48], note[128] = "";
		recipient_names(c->txn, r, code, sizeof code, name, sizeof name,
		                unit, sizeof unit);
		money_format(r->amount, amount, sizeof amount);
		if (!r->pays)
			snprintf(note, sizeof note, "%s",
			         "same period: only the highest title pays");
		msgpack_pack_array(&rows.pk, 9);
		msgpack_pack_uint64(&rows.pk, i + 1);
		mp_pack_str(&rows.pk, r->nom);
		mp_pack_str(&rows.pk, code);
		mp_pack_str(&rows.pk, name);
		mp_pack_str(&rows.pk, r->kind == 'U' ? "" : unit);
		mp_pack_str(&rows.pk, r->title);
		mp_pack_str(&rows.pk, ti ? ti->name : "");
		mp_pack_str(&rows.pk, amount);
		mp_pack_str(&rows.pk, note);
	}
	money_format(decision_total(d), total_s, sizeof total_s);
	msgpack_pack_array(&rows.pk, 9);
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, "Tổng cộng");
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, "");
	mp_pack_str(&rows.pk, total_s);
	mp_pack_str(&rows.pk, "");
	c->fail.field = NULL;
	list_begin(c->out, cols, 9, d->nr + 1);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&rows);
	rulebook_free(rb);
	decision_free(d);
	return 0;
}

#define ARTICLE_BUF (BIG_TEXT + 512)

/* The text of the three articles (Điều 1–3) of d: who is awarded, the
 * money and its source, effect and execution. */
static void articles_of(const struct decision *d, char (*art)[ARTICLE_BUF])
{
	size_t persons = 0, units = 0;
	char who[96], total_s[48];

	/* People and units, each once however many awards it receives. */
	for (size_t i = 0; i < d->nr; i++) {
		size_t j;
		for (j = 0; j < i; j++)
			if (d->r[j].kind == d->r[i].kind &&
			    d->r[j].id == d->r[i].id)
				break;
		if (j == i)
			d->r[i].kind == 'U' ? units++ : persons++;
	}
	if (persons && units)
		snprintf(who, sizeof who, "%zu cá nhân và %zu tập thể", persons,
		         units);
	else
		snprintf(who, sizeof who, "%zu %s", persons ? persons : units,
		         persons ? "cá nhân" : "tập thể");
	snprintf(art[0], ARTICLE_BUF,
	         "Tặng danh hiệu thi đua, hình thức khen thưởng cho %s có "
	         "tên trong danh sách kèm theo.%s%s",
	         who, d->reason[0] ? " Lý do: " : "", d->reason);
	money_format(decision_total(d), total_s, sizeof total_s);
	snprintf(art[1], ARTICLE_BUF,
	         "Tổng số tiền thưởng: %s, chi từ Quỹ thi đua, khen thưởng năm "
	         "%d của %s.",
	         total_s, d->year, d->issuer);
	snprintf(art[2], ARTICLE_BUF, "%s",
	         "Quyết định có hiệu lực kể từ ngày ký. Trưởng phòng Tổ chức – "
	         "Hành chính, Trưởng phòng Tài chính – Kế toán, Trưởng các "
	         "khoa, "
	         "phòng liên quan và các cá nhân, tập thể có tên tại Điều 1 "
	         "chịu "
	         "trách nhiệm thi hành Quyết định này.");
}

static void kv_str(msgpack_packer *pk, size_t *n, const char *k, const char *v)
{
	mp_pack_kv_str(pk, k, v);
	(*n)++;
}

int act_DECISION_SHOW(struct lrl_ctx *c)
{
	struct rulebook *rb = NULL;
	struct decision *d = NULL;
	struct year_rec y;
	struct user_rec u;
	char buf[BIG_TEXT + 512], total_s[48], when[16];
	char art[3][ARTICLE_BUF];
	size_t n = 0;
	int64_t total;
	mp_buf b;
	int rc;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (year_get(c->txn, d->year, &y) == 0)
		rules_load(c->txn, y.rulebook, &rb, &c->fail);
	c->fail.field = NULL;
	total = decision_total(d);
	money_format(total, total_s, sizeof total_s);
	mp_buf_init(&b);
	kv_str(&b.pk, &n, "decision", d->code);
	kv_str(&b.pk, &n, "number", d->number);
	kv_str(&b.pk, &n, "state", d->state);
	snprintf(buf, sizeof buf, "%d", d->year);
	kv_str(&b.pk, &n, "year", buf);
	kv_str(&b.pk, &n, "issuer", d->issuer);
	date_format(d->date, when, sizeof when);
	kv_str(&b.pk, &n, "date", when);
	if (d->place[0])
		kv_str(&b.pk, &n, "place", d->place);
	kv_str(&b.pk, &n, "subject-line", d->subject);
	kv_str(&b.pk, &n, "grounds", d->grounds);
	articles_of(d, art);
	kv_str(&b.pk, &n, "article-1", art[0]);
	kv_str(&b.pk, &n, "article-2", art[1]);
	kv_str(&b.pk, &n, "article-3", art[2]);
	mp_pack_str(&b.pk, "annex");
	msgpack_pack_array(&b.pk, d->nr);
	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		const struct rulebook_title *ti =
			rb ? rulebook_title_find(rb, r->title) : NULL;
		char code[LRL_CODE_MAX + 1], name[NAME_BUF], unit[NAME_BUF];
		char amount[48], line[2048];
		recipient_names(c->txn, r, code, sizeof code, name, sizeof name,
		                unit, sizeof unit);
		money_format(r->amount, amount, sizeof amount);
		snprintf(line, sizeof line, "%zu. %s %s%s%s — %s — %s", i + 1,
		         code, name, r->kind == 'S' && unit[0] ? ", " : "",
		         r->kind == 'S' ? unit : "", ti ? ti->name : r->title,
		         amount);
		mp_pack_str(&b.pk, line);
	}
	n++;
	kv_str(&b.pk, &n, "total", total_s);
	snprintf(buf, sizeof buf, "Quỹ thi đua, khen thưởng năm %d", d->year);
	kv_str(&b.pk, &n, "fund-source", buf);
	if (is_role(c, LRL_ROLE_DIRECTOR) || is_role(c, LRL_ROLE_ADMIN)) {
		char bal[48];
		money_format(fund_balance(c->txn, d->year), bal, sizeof bal);
		kv_str(&b.pk, &n, "fund-balance", bal);
	}
	kv_str(&b.pk, &n, "copies", d->copies);
	kv_str(&b.pk, &n, "signer", d->signer);
	kv_str(&b.pk, &n, "drafted-by",
	       users_get(c->txn, (uint32_t)d->by, &u) == 0 ? u.full_name : "");
	if (d->signed_by) {
		char t[32];
		kv_str(&b.pk, &n, "signed-by",
		       users_get(c->txn, (uint32_t)d->signed_by, &u) == 0
		               ? u.full_name
		               : "");
		date_format_time(d->signed_time, t, sizeof t);
		kv_str(&b.pk, &n, "signed", t);
	}
	if (d->until) {
		date_format(d->until, when, sizeof when);
		kv_str(&b.pk, &n, "complaints-until", when);
	}
	if (d->override[0])
		kv_str(&b.pk, &n, "override", d->override);
	if (d->cancel[0])
		kv_str(&b.pk, &n, "cancelled", d->cancel);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, n);
	mp_pack_raw(c->out, b.sb.data, b.sb.size);
	mp_buf_free(&b);
	rulebook_free(rb);
	decision_free(d);
	return 0;
}

/* ---- a person's or unit's record ---------------------------------------- */

struct titles {
	char (*lines)[320];
	size_t n, cap;
};

static int add_title_line(int year, const char *code, const msgpack_object *v,
                          void *arg)
{
	struct titles *t = arg;
	char(*p)[320];
	char number[NUMBER_BUF] = "", issuer[NAME_BUF] = "", when[16] = "";
	int64_t date = 0;

	if ((p = grow_array(t->lines, t->n, &t->cap, sizeof *p, 16)) == NULL)
		return LRL_ENOMEM;
	t->lines = p;
	text_field(mp_map_geti(v, 1), number, sizeof number);
	mp_get_i64(mp_map_geti(v, 2), &date);
	text_field(mp_map_geti(v, 3), issuer, sizeof issuer);
	date_format((int32_t)date, when, sizeof when);
	snprintf(t->lines[t->n++], sizeof t->lines[0], "%d %s — %s, %s%s%s",
	         year, code, number, when, issuer[0] ? ", " : "", issuer);
	return 0;
}

void decision_pack_titles(store_txn *t, char kind, uint32_t id,
                          msgpack_packer *pk)
{
	struct titles tl = {NULL, 0, 0};

	awards_each(t, kind, id, 1990, 2099, add_title_line, &tl);
	msgpack_pack_array(pk, tl.n);
	for (size_t i = 0; i < tl.n; i++)
		mp_pack_str(pk, tl.lines[i]);
	free(tl.lines);
}

/* ---- the fund ----------------------------------------------------------- */

int act_FUND_DEPOSIT(struct lrl_ctx *c)
{
	int64_t year = 0, amount = 0, date = 0;
	char *source = NULL, amount_s[48], bal_s[48];
	int rc;

	ctx_int(c, "year", &year);
	ctx_int(c, "amount", &amount);
	ctx_int(c, "date", &date);
	if ((rc = ctx_text(c, "source", &source)) != 0)
		return rc;
	rc = fund_put(c, (int)year, "deposit", amount, (int32_t)date, source,
	              "", "");
	free(source);
	if (rc != 0)
		return rc;
	money_format(amount, amount_s, sizeof amount_s);
	money_format(fund_balance(c->txn, (int)year), bal_s, sizeof bal_s);
	result_message(c->out, "%s paid into the fund of %lld; balance %s",
	               amount_s, (long long)year, bal_s);
	return 0;
}

struct ledger {
	mp_buf rows;
	size_t n;
	int64_t bal;
};

static int ledger_row(const struct fund_line *e, void *arg)
{
	struct ledger *l = arg;
	char when[16], amount_s[48], bal_s[48];
	int pay = !strcmp(e->kind, "payment");

	l->bal += fund_signed(e);
	date_format(e->date, when, sizeof when);
	money_format(fund_signed(e), amount_s, sizeof amount_s);
	money_format(l->bal, bal_s, sizeof bal_s);
	msgpack_pack_array(&l->rows.pk, 8);
	mp_pack_str(&l->rows.pk, e->kind);
	mp_pack_str(&l->rows.pk, when);
	mp_pack_str(&l->rows.pk, amount_s);
	mp_pack_str(&l->rows.pk, bal_s);
	mp_pack_str(&l->rows.pk, e->decision);
	mp_pack_str(&l->rows.pk, pay ? e->source : "");
	mp_pack_str(&l->rows.pk, !strcmp(e->kind, "deposit") ? e->source : "");
	mp_pack_str(&l->rows.pk, e->override);
	l->n++;
	return 0;
}

int act_FUND_LEDGER(struct lrl_ctx *c)
{
	static const char *const cols[] = {"kind",    "date",     "amount",
	                                   "balance", "decision", "number",
	                                   "source",  "override"};
	struct ledger l;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	memset(&l, 0, sizeof l);
	mp_buf_init(&l.rows);
	if ((rc = decision_fund_each(c->txn, (int)year, ledger_row, &l)) == 0) {
		list_begin(c->out, cols, 8, l.n);
		mp_pack_raw(c->out, l.rows.sb.data, l.rows.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&l.rows);
	return rc;
}

/* ---- the fund ledger as a printable report ------------------------------ */

struct fund_report {
	rpt *p;
	int64_t n, in, out, bal, overrides;
};

static int fund_report_row(const struct fund_line *e, void *arg)
{
	struct fund_report *f = arg;
	int dep = !strcmp(e->kind, "deposit");
	char when[16], m[48];

	f->n++;
	f->bal += fund_signed(e);
	if (dep)
		f->in += e->amount;
	else
		f->out += e->amount;
	f->overrides += e->override[0] != '\0';
	if (!rpt_row(f->p))
		return 0;
	date_format(e->date, when, sizeof when);
	rpt_cell_int(f->p, f->n);
	rpt_cell(f->p, when);
	rpt_cell(f->p, e->kind);
	/* A deposit's source; a payment's decision number. */
	rpt_cell(f->p, e->source);
	rpt_cell(f->p, dep ? "" : e->decision);
	money_format(e->amount, m, sizeof m);
	rpt_cell(f->p, dep ? m : "");
	rpt_cell(f->p, dep ? "" : m);
	money_format(f->bal, m, sizeof m);
	rpt_cell(f->p, m);
	return 0;
}

static int fund_override_row(const struct fund_line *e, void *arg)
{
	rpt *p = arg;

	if (!e->override[0] || !rpt_row(p))
		return 0;
	rpt_cell(p, e->decision);
	rpt_cell(p, e->source);
	rpt_cell(p, e->override);
	return 0;
}

int act_REPORT_FUND(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] = {{N_("No."), 1, 0},
	                                      {N_("Date"), 0, 0},
	                                      {N_("Kind"), 0, 1},
	                                      {N_("Source or number"), 0, 0},
	                                      {N_("Decision"), 0, 0},
	                                      {N_("Paid in"), 1, 0},
	                                      {N_("Paid out"), 1, 0},
	                                      {N_("Balance"), 1, 0}};
	static const struct rpt_col ocols[] = {{N_("Decision"), 0, 0},
	                                       {N_("Number"), 0, 0},
	                                       {N_("Reason"), 0, 0}};
	struct fund_report f;
	char a[48], b[48], bal[48];
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	memset(&f, 0, sizeof f);
	if ((rc = rpt_begin(c, N_("REWARD FUND LEDGER"), &f.p)) != 0)
		return rc;
	rpt_subtitle(f.p, "Year %d", (int)year);
	rpt_copies(f.p, "");
	rpt_sign(f.p, N_("PREPARED BY"), c->actor ? c->actor->full_name : "");
	rpt_sign(f.p, N_("DIRECTOR"), "");
	rpt_table(f.p, N_("Deposits and payments"), cols, 8);
	if ((rc = decision_fund_each(c->txn, (int)year, fund_report_row, &f)) !=
	    0) {
		rpt_free(f.p);
		return rc;
	}
	money_format(f.in, a, sizeof a);
	money_format(f.out, b, sizeof b);
	money_format(f.bal, bal, sizeof bal);
	rpt_total(f.p);
	rpt_cell(f.p, N_("Total"));
	for (int i = 0; i < 4; i++)
		rpt_cell(f.p, "");
	rpt_cell(f.p, a);
	rpt_cell(f.p, b);
	rpt_cell(f.p, bal);
	rpt_table_end(f.p);
	if (f.n == 0)
		rpt_para(f.p,
		         "No data: nothing was paid into or out of the fund "
		         "of %d.",
		         (int)year);
	else
		rpt_para(f.p,
		         "Paid into the fund of %d: %s; paid out for "
		         "decisions: %s; balance: %s.",
		         (int)year, a, b, bal);
	if (f.overrides) {
		rpt_table(f.p, N_("Payments that overdrew the fund"), ocols, 3);
		decision_fund_each(c->txn, (int)year, fund_override_row, f.p);
		rpt_table_end(f.p);
	}
	return rpt_end(f.p);
}

/* ---- complaints ---------------------------------------------------------- */

/*
 * The award of d a complaint is about: the one of nomination nom, or the
 * one of subject s (with title, when given).  A subject with several
 * awards in d must say which.  NULL, with c->fail set, when there is none
 * or several.
 */
static const struct recipient *complained_award(struct lrl_ctx *c,
                                                const struct decision *d,
                                                const char *nom,
                                                const struct subject *s,
                                                const char *title)
{
	const struct recipient *hit = NULL;
	char titles[256] = "";
	size_t n = 0, len = 0;

	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		if (nom ? strcmp(r->nom, nom) != 0
		        : r->kind != s->kind || r->id != s->id)
			continue;
		if (title && strcmp(r->title, title))
			continue;
		if (n++ == 0)
			hit = r;
		if (len < sizeof titles)
			len += (size_t)snprintf(titles + len, sizeof titles - len,
			                        "%s%s", len ? ", " : "",
			                        r->title);
	}
	if (n == 1)
		return hit;
	if (n > 1)
		lrl_fail_set(&c->fail, LRL_EINVAL, "title",
		             "%s has %zu awards in %s (%s); name the one "
		             "complained about by its title or nomination",
		             s->code, n, d->code, titles);
	else if (nom && title)
		lrl_fail_set(&c->fail, LRL_EINVAL, "title",
		             "%s is not for %s in %s", nom, title, d->code);
	else if (nom)
		lrl_fail_set(&c->fail, LRL_EINVAL, "nomination",
		             "%s is not in %s", nom, d->code);
	else if (title)
		lrl_fail_set(&c->fail, LRL_EINVAL, "title",
		             "%s has no %s award in %s", s->code, title, d->code);
	else
		lrl_fail_set(&c->fail, LRL_EINVAL,
		             s->kind == 'U' ? "unit" : "staff",
		             "%s is not a recipient in %s", s->code, d->code);
	return NULL;
}

int act_COMPLAINT_FILE(struct lrl_ctx *c)
{
	struct decision *d = NULL;
	struct subject s;
	char nom[LRL_CODE_MAX + 1] = "", title[RULEBOOK_CODE_MAX + 1] = "";
	char *text = NULL, note[512], when[16];
	const struct recipient *hit;
	uint8_t key[8];
	mp_buf b;
	int rc;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (strcmp(d->state, "published")) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "%s is not a published draft", d->code);
		goto out;
	}
	if (date_of_time(c->now) > d->until) {
		date_format(d->until, when, sizeof when);
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "decision",
		                  "the complaint window of %s closed on %s",
		                  d->code, when);
		goto out;
	}
	if (ctx_param(c, "title") &&
	    (rc = ctx_strbuf(c, "title", title, sizeof title)) != 0)
		goto out;
	if (ctx_param(c, "nomination")) {
		ctx_strbuf(c, "nomination", nom, sizeof nom);
		memset(&s, 0, sizeof s);
	} else if ((rc = subject_param(c, &s)) != 0) {
		goto out;
	}
	if ((hit = complained_award(c, d, nom[0] ? nom : NULL, &s,
	                            title[0] ? title : NULL)) == NULL) {
		rc = LRL_EINVAL;
		goto out;
	}
	if ((rc = subject_get(c->txn, hit->kind, hit->id, &s)) != 0 ||
	    (rc = ctx_text(c, "text", &text)) != 0)
		goto out;
	/* Stored text, read by the staff: in Vietnamese, as they type it. */
	snprintf(note, sizeof note, "Khiếu nại về khen thưởng %s trong %s: %.400s",
	         hit->title, d->code, text);
	if ((rc = matter_add(c->txn, c->seq, "complaint", s.kind, s.id, note,
	                     c->now, c->actor_id)) != 0)
		goto out;
	wire_put_be64(key, c->seq);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 8);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, d->code);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, hit->nom);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_strn(&b.pk, &s.kind, 1);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_uint32(&b.pk, s.id);
	msgpack_pack_uint8(&b.pk, 5);
	mp_pack_str(&b.pk, text);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, hit->title);
	rc = store_put(c->txn, STORE_DB_COMPLAINTS, key, 8, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	if (rc != 0)
		goto out;
	result_message(c->out,
	               "complaint %llu filed; the award of %s to %s is "
	               "blocked until it is answered",
	               (unsigned long long)c->seq, hit->title, s.code);
out:
	free(text);
	decision_free(d);
	return rc;
}

int act_COMPLAINT_ANSWER(struct lrl_ctx *c)
{
	int64_t number = 0;
	char *answer = NULL;
	uint8_t key[8];
	const void *v;
	size_t vl;
	int rc;

	ctx_int(c, "complaint", &number);
	wire_put_be64(key, (uint64_t)number);
	if (store_get(c->txn, STORE_DB_COMPLAINTS, key, 8, &v, &vl) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "complaint",
		                    "there is no complaint %lld",
		                    (long long)number);
	rc = matter_state(c->txn, (uint64_t)number, NULL, 0);
	if (rc == 1)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "complaint",
		                    "complaint %lld is already answered",
		                    (long long)number);
	if (rc != 0)
		return rc;
	if ((rc = ctx_text(c, "answer", &answer)) != 0)
		return rc;
	rc = matter_close(c->txn, (uint64_t)number, answer, c->now,
	                  c->actor_id);
	free(answer);
	if (rc != 0)
		return rc;
	result_message(c->out, "complaint %lld answered", (long long)number);
	return 0;
}

struct complaint_rows {
	struct lrl_ctx *c;
	int only_open;
	mp_buf rows;
	size_t n;
};

static int list_one(store_txn *t, const struct complaint *cp, void *arg)
{
	struct complaint_rows *cr = arg;
	msgpack_packer *pk = &cr->rows.pk;
	char when[16], answer[1024];
	struct subject s;
	struct user_rec u;
	int closed;

	closed = matter_state(t, cp->number, answer, sizeof answer);
	if ((cr->c->scope != LRL_SC_A && cp->by != cr->c->actor_id) ||
	    (cr->only_open && closed != 0))
		return 0;
	if (closed != 1)
		answer[0] = '\0';
	if (subject_get(t, cp->kind, cp->id, &s) != 0)
		memset(&s, 0, sizeof s);
	date_format(date_of_time(cp->time), when, sizeof when);
	msgpack_pack_array(pk, 11);
	msgpack_pack_uint64(pk, cp->number);
	mp_pack_str(pk, cp->decision);
	mp_pack_str(pk, cp->nom);
	mp_pack_str(pk, s.code);
	mp_pack_str(pk, s.name);
	mp_pack_str(pk, cp->title);
	mp_pack_str(pk, when);
	mp_pack_str(pk, closed == 1 ? "answered" : "pending");
	mp_pack_str(pk, users_get(t, (uint32_t)cp->by, &u) == 0 ? u.login : "");
	mp_pack_str_obj(pk, cp->text);
	mp_pack_str(pk, answer);
	cr->n++;
	return 0;
}

int act_COMPLAINT_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {
		"complaint", "decision", "nomination", "code",
		"name",      "title",    "filed",      "state",
		"by",        "text",     "answer"};
	struct complaint_rows cr;
	int rc;

	memset(&cr, 0, sizeof cr);
	cr.c = c;
	mp_get_bool(ctx_param(c, "open"), &cr.only_open);
	mp_buf_init(&cr.rows);
	if ((rc = complaints_each(c->txn, list_one, &cr)) == 0) {
		list_begin(c->out, cols, 11, cr.n);
		mp_pack_raw(c->out, cr.rows.sb.data, cr.rows.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&cr.rows);
	return rc;
}

/* ---- forwarded dossiers ------------------------------------------------- */

struct dossier {
	char code[LRL_CODE_MAX + 1];
	int year;
	char memo[NAME_BUF];
	int32_t memo_date;
	char noms[DECISION_RECIPIENTS_MAX][LRL_CODE_MAX + 1];
	size_t nn;
	char state[16];
	char number[NAME_BUF];
	int32_t date;
	char issuer[NAME_BUF];
	char note[BIG_TEXT];
	uint64_t by, answered_by;
	int64_t time, answered;
};

static int dossier_get(store_txn *t, const char *code, size_t len,
                       struct dossier *x)
{
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	const msgpack_object *o;
	int64_t i64;
	int rc;

	memset(x, 0, sizeof *x);
	if (len > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_DOSSIERS, code, len, &v, &vl)) != 0)
		return rc;
	snprintf(x->code, sizeof x->code, "%.*s", (int)len, code);
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 1), &i64);
	x->year = (int)i64;
	text_field(mp_map_geti(&up.data, 2), x->memo, sizeof x->memo);
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 3), &i64);
	x->memo_date = (int32_t)i64;
	o = mp_map_geti(&up.data, 4);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && x->nn < DECISION_RECIPIENTS_MAX;
		     i++)
			if (mp_get_strbuf(&o->via.array.ptr[i], x->noms[x->nn],
			                  sizeof x->noms[0]) == 0)
				x->nn++;
	text_field(mp_map_geti(&up.data, 5), x->state, sizeof x->state);
	text_field(mp_map_geti(&up.data, 6), x->number, sizeof x->number);
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 7), &i64);
	x->date = (int32_t)i64;
	text_field(mp_map_geti(&up.data, 8), x->issuer, sizeof x->issuer);
	text_field(mp_map_geti(&up.data, 9), x->note, sizeof x->note);
	mp_get_u64(mp_map_geti(&up.data, 10), &x->by);
	mp_get_i64(mp_map_geti(&up.data, 11), &x->time);
	mp_get_u64(mp_map_geti(&up.data, 12), &x->answered_by);
	mp_get_i64(mp_map_geti(&up.data, 13), &x->answered);
	msgpack_unpacked_destroy(&up);
	return 0;
}

static int dossier_put(store_txn *t, const struct dossier *x)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 13);
	msgpack_pack_uint8(&b.pk, 1);
	msgpack_pack_int64(&b.pk, x->year);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, x->memo);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_int64(&b.pk, x->memo_date);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_array(&b.pk, x->nn);
	for (size_t i = 0; i < x->nn; i++)
		mp_pack_str(&b.pk, x->noms[i]);
	msgpack_pack_uint8(&b.pk, 5);
	mp_pack_str(&b.pk, x->state);
	msgpack_pack_uint8(&b.pk, 6);
	mp_pack_str(&b.pk, x->number);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, x->date);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, x->issuer);
	msgpack_pack_uint8(&b.pk, 9);
	mp_pack_str(&b.pk, x->note);
	msgpack_pack_uint8(&b.pk, 10);
	msgpack_pack_uint64(&b.pk, x->by);
	msgpack_pack_uint8(&b.pk, 11);
	msgpack_pack_int64(&b.pk, x->time);
	msgpack_pack_uint8(&b.pk, 12);
	msgpack_pack_uint64(&b.pk, x->answered_by);
	msgpack_pack_uint8(&b.pk, 13);
	msgpack_pack_int64(&b.pk, x->answered);
	rc = store_put(t, STORE_DB_DOSSIERS, x->code, strlen(x->code),
	               b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

static int dossier_param(struct lrl_ctx *c, struct dossier *x)
{
	const msgpack_object *v = ctx_param(c, "dossier");
	int rc = dossier_get(c->txn, v->via.str.ptr, v->via.str.size, x);

	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "dossier",
		                    "there is no dossier %.*s",
		                    (int)v->via.str.size, v->via.str.ptr);
	return rc;
}

int act_DOSSIER_ADD(struct lrl_ctx *c)
{
	const msgpack_object *nv = ctx_param(c, "nominations");
	const char *p = nv->via.str.ptr, *end = p + nv->via.str.size;
	struct rulebook *rb = NULL;
	council_verdicts *cvs = NULL;
	struct dossier *x;
	struct year_rec y;
	int64_t year = 0, date = 0;
	char code[LRL_CODE_MAX + 1], *memo = NULL;
	int rc, got;

	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	ctx_int(c, "year", &year);
	ctx_int(c, "date", &date);
	if ((rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0 ||
	    (rc = ctx_text(c, "memo", &memo)) != 0 ||
	    (rc = council_verdicts_open(c->txn, &cvs)) != 0)
		goto out;
	x->year = (int)year;
	while ((got = next_item(&p, end, code, sizeof code)) != 0) {
		struct nomination_info ni;
		if (got < 0) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "nominations",
			                  "'%s' is not a nomination code",
			                  code);
			goto out;
		}
		if ((rc = check_nomination(c, rb, cvs, "nominations", x->year,
		                           code, NULL, &ni, 1)) != 0)
			goto out;
		for (size_t i = 0; i < x->nn; i++)
			if (!strcmp(x->noms[i], ni.code)) {
				rc = lrl_fail_set(&c->fail, LRL_EINVAL,
				                  "nominations",
				                  "%s is listed twice",
				                  ni.code);
				goto out;
			}
		if (x->nn == DECISION_RECIPIENTS_MAX) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "nominations",
			                  "at most %d nominations in one "
			                  "dossier",
			                  DECISION_RECIPIENTS_MAX);
			goto out;
		}
		snprintf(x->noms[x->nn++], sizeof x->noms[0], "%s", ni.code);
	}
	if (x->nn == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "nominations",
		                  "give the nominations forwarded");
		goto out;
	}
	snprintf(x->memo, sizeof x->memo, "%s", memo);
	x->memo_date = (int32_t)date;
	snprintf(x->state, sizeof x->state, "forwarded");
	x->by = c->actor_id;
	x->time = c->now;
	if ((rc = series_next_code(c->txn, "TT", x->year, x->code,
	                           sizeof x->code)) != 0)
		goto out;
	for (size_t i = 0; i < x->nn; i++) {
		struct nomination_info ni;
		if ((rc = nomination_info(c->txn, NULL, x->noms[i],
		                          strlen(x->noms[i]), &ni)) != 0 ||
		    (rc = settle(c->txn, x->year, ni.kind, ni.id, ni.title,
		                 x->code)) != 0)
			goto out;
	}
	if ((rc = dossier_put(c->txn, x)) != 0)
		goto out;
	result_message(c->out, "%s: %zu nominations forwarded with memo %s",
	               x->code, x->nn, x->memo);
out:
	council_verdicts_close(cvs);
	free(memo);
	rulebook_free(rb);
	free(x);
	return rc;
}

int act_DOSSIER_RESULT(struct lrl_ctx *c)
{
	struct dossier *x;
	char result[16] = "", *text = NULL;
	int64_t date = 0;
	int rc;

	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	ctx_strbuf(c, "result", result, sizeof result);
	if ((rc = dossier_param(c, x)) != 0)
		goto out;
	if (strcmp(x->state, "forwarded")) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "dossier",
		                  "%s is already %s", x->code, x->state);
		goto out;
	}
	if (ctx_param(c, "note") && (rc = ctx_text(c, "note", &text)) != 0)
		goto out;
	snprintf(x->note, sizeof x->note, "%s", text ? text : "");
	free(text);
	text = NULL;
	if (!strcmp(result, "granted")) {
		if (!ctx_param(c, "decision") || !ctx_param(c, "date")) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL,
			                  ctx_param(c, "decision") ? "date"
			                                           : "decision",
			                  "a granted dossier needs the "
			                  "province's "
			                  "decision number and date");
			goto out;
		}
		ctx_int(c, "date", &date);
		if (date < x->memo_date) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
			                  "the decision cannot be dated before "
			                  "the memo");
			goto out;
		}
		if ((rc = ctx_text(c, "decision", &text)) != 0)
			goto out;
		snprintf(x->number, sizeof x->number, "%s", text);
		free(text);
		text = NULL;
		if (ctx_param(c, "issuer")) {
			if ((rc = ctx_text(c, "issuer", &text)) != 0)
				goto out;
			snprintf(x->issuer, sizeof x->issuer, "%s", text);
		} else {
			snprintf(x->issuer, sizeof x->issuer,
			         "Ủy ban nhân dân tỉnh");
		}
		x->date = (int32_t)date;
		for (size_t i = 0; i < x->nn; i++) {
			struct nomination_info ni;
			if ((rc = nomination_info(c->txn, NULL, x->noms[i],
			                          strlen(x->noms[i]), &ni)) !=
			    0)
				goto out;
			rc = award_put(c->txn, x->year, ni.kind, ni.id,
			               ni.title, x->number, x->date, x->issuer,
			               ni.basis, ni.nbasis, x->code,
			               c->actor_id, c->now);
			if (rc == LRL_EEXIST) {
				rc = lrl_fail_set(&c->fail, LRL_EEXIST,
				                  "dossier",
				                  "%s: the award is already "
				                  "recorded",
				                  ni.code);
				goto out;
			}
			if (rc != 0)
				goto out;
		}
	}
	snprintf(x->state, sizeof x->state, "%s", result);
	x->answered_by = c->actor_id;
	x->answered = c->now;
	if ((rc = dossier_put(c->txn, x)) != 0)
		goto out;
	result_message(c->out, "%s %s", x->code, result);
out:
	free(text);
	free(x);
	return rc;
}

int act_DOSSIER_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"dossier",     "memo",
	                                   "memo-date",   "state",
	                                   "nominations", "decision",
	                                   "date",        "issuer"};
	char prefix[16];
	int64_t year = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, pl, n = 0;
	struct dossier *x;
	mp_buf rows;
	int rc;

	if ((x = malloc(sizeof *x)) == NULL)
		return LRL_ENOMEM;
	ctx_int(c, "year", &year);
	pl = (size_t)snprintf(prefix, sizeof prefix, "TT-%d-", (int)year);
	if ((rc = store_cursor_open(c->txn, STORE_DB_DOSSIERS, &cur)) != 0) {
		free(x);
		return rc;
	}
	mp_buf_init(&rows);
	k = prefix;
	kl = pl;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl >= pl && !memcmp(k, prefix, pl);
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		char md[16] = "", dd[16] = "";
		if (dossier_get(c->txn, k, kl, x) != 0)
			continue;
		date_format(x->memo_date, md, sizeof md);
		if (x->date)
			date_format(x->date, dd, sizeof dd);
		msgpack_pack_array(&rows.pk, 8);
		mp_pack_str(&rows.pk, x->code);
		mp_pack_str(&rows.pk, x->memo);
		mp_pack_str(&rows.pk, md);
		mp_pack_str(&rows.pk, x->state);
		msgpack_pack_uint64(&rows.pk, x->nn);
		mp_pack_str(&rows.pk, x->number);
		mp_pack_str(&rows.pk, dd);
		mp_pack_str(&rows.pk, x->issuer);
		n++;
	}
	store_cursor_close(cur);
	if (rc == LRL_ENOENT || rc == 0) {
		list_begin(c->out, cols, 8, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
	mp_buf_free(&rows);
	free(x);
	return rc;
}

int act_DOSSIER_SHOW(struct lrl_ctx *c)
{
	struct dossier *x;
	char buf[64];
	size_t n = 0;
	mp_buf b;
	int rc;

	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	if ((rc = dossier_param(c, x)) != 0) {
		free(x);
		return rc;
	}
	mp_buf_init(&b);
	kv_str(&b.pk, &n, "dossier", x->code);
	snprintf(buf, sizeof buf, "%d", x->year);
	kv_str(&b.pk, &n, "year", buf);
	kv_str(&b.pk, &n, "memo", x->memo);
	date_format(x->memo_date, buf, sizeof buf);
	kv_str(&b.pk, &n, "memo-date", buf);
	kv_str(&b.pk, &n, "state", x->state);
	mp_pack_str(&b.pk, "nominations");
	msgpack_pack_array(&b.pk, x->nn);
	for (size_t i = 0; i < x->nn; i++) {
		struct nomination_info ni;
		struct subject s;
		char line[2600];
		if (nomination_info(c->txn, NULL, x->noms[i],
		                    strlen(x->noms[i]), &ni) != 0 ||
		    subject_get(c->txn, ni.kind, ni.id, &s) != 0) {
			mp_pack_str(&b.pk, x->noms[i]);
			continue;
		}
		if (ni.has_report)
			snprintf(line, sizeof line,
			         "%s %s %s %s — report: %s / %s", ni.code,
			         ni.title, s.code, s.name, ni.duties,
			         ni.results);
		else
			snprintf(line, sizeof line,
			         "%s %s %s %s — report missing", ni.code,
			         ni.title, s.code, s.name);
		mp_pack_str(&b.pk, line);
	}
	n++;
	if (x->number[0]) {
		kv_str(&b.pk, &n, "decision", x->number);
		date_format(x->date, buf, sizeof buf);
		kv_str(&b.pk, &n, "date", buf);
		kv_str(&b.pk, &n, "issuer", x->issuer);
	}
	if (x->note[0])
		kv_str(&b.pk, &n, "note", x->note);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, n);
	mp_pack_raw(c->out, b.sb.data, b.sb.size);
	mp_buf_free(&b);
	free(x);
	return 0;
}

/* ---- a decision as a printable report ------------------------------------ */

/* The decision in the official layout (decisions.h: its text is the
 * Vietnamese document, kept as data, so the report's words are the
 * document's own): the number, or a blank one on a draft stamped
 * "DRAFT"; the subject line under the title; the grounds; Điều 1–3; the
 * recipients and the signer; then, on a page of its own, the annex. */
int act_REPORT_DECISION(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] = {{"STT", 1, 0},
	                                      {"Họ và tên", 0, 0},
	                                      {"Đơn vị", 0, 0},
	                                      {"Danh hiệu, hình thức khen "
	                                       "thưởng",
	                                       0, 0},
	                                      {"Số tiền", 1, 0}};
	struct rulebook *rb = NULL;
	struct decision *d = NULL;
	struct year_rec y;
	struct user_rec u;
	struct setup su;
	char art[3][ARTICLE_BUF], when[16], buf[NAME_BUF * 3];
	int signed_ = 0, rc;
	rpt *p = NULL;

	if ((rc = decision_param(c, &d)) != 0)
		return rc;
	if (year_get(c->txn, d->year, &y) == 0)
		rules_load(c->txn, y.rulebook, &rb, &c->fail);
	c->fail.field = NULL;
	setup_get(c->txn, &su);
	signed_ = !strcmp(d->state, "signed");
	if ((rc = rpt_begin(c, "QUYẾT ĐỊNH", &p)) != 0)
		goto out;
	rpt_subtitle(p, "%s", d->subject);
	rpt_date(p, d->date);
	rpt_issuer(p, d->issuer);
	rpt_place(p, d->place);
	if (signed_) {
		rpt_number(p, d->number);
	} else {
		/* A draft has no number yet: the blank to fill when signed. */
		snprintf(buf, sizeof buf, "        /QĐ-%s", su.suffix);
		rpt_number(p, buf);
		rpt_mark(p,
		         !strcmp(d->state, "cancelled") ? "ĐÃ HỦY" : "DỰ THẢO");
	}
	rpt_copies(p, d->copies);
	rpt_sign(p, d->signer,
	         signed_ && users_get(c->txn, (uint32_t)d->signed_by, &u) == 0
	                 ? u.full_name
	                 : "");
	snprintf(buf, sizeof buf, "%s %s", d->signer, d->issuer);
	rpt_heading_centred(p, buf);
	for (const char *s = d->grounds; *s;) {
		size_t len = strcspn(s, "\n");
		if (len)
			rpt_para(p, "%.*s", (int)len, s);
		s += len;
		if (*s)
			s++;
	}
	rpt_heading_centred(p, "QUYẾT ĐỊNH:");
	articles_of(d, art);
	for (int i = 0; i < 3; i++)
		rpt_para(p, "Điều %d. %s", i + 1, art[i]);
	rpt_signature(p);
	rpt_page_break(p);
	date_format(d->date, when, sizeof when);
	rpt_heading_centred(p, "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG");
	if (signed_)
		rpt_para(p, "(Kèm theo Quyết định số %s ngày %s của %s)",
		         d->number, when, d->issuer);
	else
		rpt_para(p, "(Kèm theo Quyết định số …/QĐ-%s ngày %s của %s)",
		         su.suffix, when, d->issuer);
	rpt_table(p, "", cols, 5);
	for (size_t i = 0; i < d->nr; i++) {
		const struct recipient *r = &d->r[i];
		const struct rulebook_title *ti =
			rb ? rulebook_title_find(rb, r->title) : NULL;
		char code[LRL_CODE_MAX + 1], name[NAME_BUF], unit[NAME_BUF];
		char amount[48];
		if (!rpt_row(p))
			continue;
		recipient_names(c->txn, r, code, sizeof code, name, sizeof name,
		                unit, sizeof unit);
		money_format(r->amount, amount, sizeof amount);
		rpt_cell_int(p, (int64_t)i + 1);
		rpt_cell(p, name);
		rpt_cell(p, r->kind == 'U' ? "" : unit);
		rpt_cell(p, ti ? ti->name : r->title);
		rpt_cell(p, amount);
	}
	money_format(decision_total(d), buf, sizeof buf);
	rpt_total(p);
	rpt_cell(p, "");
	rpt_cell(p, "Tổng cộng");
	rpt_cell(p, "");
	rpt_cell(p, "");
	rpt_cell(p, buf);
	rpt_table_end(p);
	rpt_para(p, "Nguồn kinh phí: Quỹ thi đua, khen thưởng năm %d.",
	         d->year);
	rc = rpt_end(p);
	p = NULL;
out:
	rpt_free(p);
	rulebook_free(rb);
	decision_free(d);
	return rc;
}
