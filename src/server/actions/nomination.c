/*
 * nomination.c — nominations (đề nghị khen thưởng) with their eligibility
 * verdicts, the achievement report, and the department review sheet.
 *
 * nominations:     code ("DN-2026-001") → {1 year, 2 title, 3 subject
 *                  ('S'|'U'), 4 id, 5 unit, 6 achievements (bits
 *                  1u << RB_ACH_*), 7 basis (work codes), 8 reason,
 *                  9 state ("proposed"|"withdrawn"), 10 by, 11 time,
 *                  12 report {1 hometown, 2 qualifications, 3 duties,
 *                  4 results, 5 initiatives, 6 by, 7 time} or nil,
 *                  13 withdrawal reason, 14 withdrawn by, 15 time}
 * nomination_keys: u16 BE year ‖ 'S'|'U' ‖ u32 BE id ‖ title → code, for
 *                  the nominations not withdrawn
 * state:           "seq:DN-<year>" → u32 BE the last number given
 *
 * Eligibility is never stored: every list and show gathers the facts
 * from the store as they are now (ratings, disciplines, awards held,
 * recognised works, open matters, members) and asks the engine
 * (eligibility.h), so a rating entered later changes the verdict at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/awards.h"
#include "laurel/date.h"
#include "laurel/decisions.h"
#include "laurel/eligibility.h"
#include "laurel/err.h"
#include "laurel/msg.h"
#include "laurel/nominations.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/wire.h"
#include "laurel/works.h"

int act_NOMINATION_ADD(struct lrl_ctx *c);
int act_NOMINATION_REPORT(struct lrl_ctx *c);
int act_NOMINATION_WITHDRAW(struct lrl_ctx *c);
int act_NOMINATION_LIST(struct lrl_ctx *c);
int act_NOMINATION_SHOW(struct lrl_ctx *c);
int act_REPORT_REVIEW(struct lrl_ctx *c);

#define TEXT_BUF (LRL_NAME_MAX * 4 + 1)

struct nom {
	char code[LRL_CODE_MAX + 1];
	int year;
	char title[RULEBOOK_CODE_MAX + 1];
	char kind; /* 'S' or 'U' */
	uint32_t id, unit;
	unsigned ach;
	char basis[AWARD_BASIS_MAX][LRL_CODE_MAX + 1];
	size_t nbasis;
	int withdrawn;
	int has_report;
	uint64_t by;
	int64_t time;
};

/* ---- storage ------------------------------------------------------------ */

static int nom_decode(const void *v, size_t vl, struct nom *n,
                      msgpack_unpacked *up)
{
	const msgpack_object *o;
	char kind[2] = "", state[16] = "";
	int64_t i64 = 0;
	uint64_t u64 = 0;

	if (mp_decode(up, v, vl) != 0)
		return LRL_ECORRUPT;
	mp_get_i64(mp_map_geti(&up->data, 1), &i64);
	n->year = (int)i64;
	mp_get_strbuf(mp_map_geti(&up->data, 2), n->title, sizeof n->title);
	mp_get_strbuf(mp_map_geti(&up->data, 3), kind, sizeof kind);
	n->kind = kind[0] == 'U' ? 'U' : 'S';
	mp_get_u64(mp_map_geti(&up->data, 4), &u64);
	n->id = (uint32_t)u64;
	u64 = 0;
	mp_get_u64(mp_map_geti(&up->data, 5), &u64);
	n->unit = (uint32_t)u64;
	u64 = 0;
	mp_get_u64(mp_map_geti(&up->data, 6), &u64);
	n->ach = (unsigned)u64;
	n->nbasis = 0;
	o = mp_map_geti(&up->data, 7);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0; i < o->via.array.size &&
		                     n->nbasis < AWARD_BASIS_MAX; i++)
			if (mp_get_strbuf(&o->via.array.ptr[i], n->basis[n->nbasis],
			                  sizeof n->basis[0]) == 0)
				n->nbasis++;
	mp_get_strbuf(mp_map_geti(&up->data, 9), state, sizeof state);
	n->withdrawn = !strcmp(state, "withdrawn");
	mp_get_u64(mp_map_geti(&up->data, 10), &n->by);
	mp_get_i64(mp_map_geti(&up->data, 11), &n->time);
	o = mp_map_geti(&up->data, 12);
	n->has_report = o && o->type == MSGPACK_OBJECT_MAP;
	return 0;
}

/* The nomination with this code; keeps its decoded value in up. */
static int nom_get(store_txn *t, const char *code, size_t len, struct nom *n,
                   msgpack_unpacked *up)
{
	const void *v;
	size_t vl;
	int rc;

	memset(n, 0, sizeof *n);
	if (len > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_NOMINATIONS, code, len, &v, &vl)) != 0)
		return rc;
	snprintf(n->code, sizeof n->code, "%.*s", (int)len, code);
	return nom_decode(v, vl, n, up);
}

/* The live nomination of a subject for a title in a year, if any. */
static int nom_find(store_txn *t, int year, char kind, uint32_t id,
                    const char *title, struct nom *n, msgpack_unpacked *up)
{
	uint8_t key[8 + RULEBOOK_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, title);
	const void *v;
	size_t vl;

	if (store_get(t, STORE_DB_NOMINATION_KEYS, key, kl, &v, &vl) != 0)
		return LRL_ENOENT;
	return nom_get(t, v, vl, n, up);
}

/* The nomination named by the "nomination" parameter. */
static int nom_param(struct lrl_ctx *c, struct nom *n, msgpack_unpacked *up)
{
	const msgpack_object *v = ctx_param(c, "nomination");
	int rc = nom_get(c->txn, v->via.str.ptr, v->via.str.size, n, up);

	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "nomination",
		                    "there is no nomination %.*s",
		                    (int)v->via.str.size, v->via.str.ptr);
	return rc;
}

/* ---- facts -------------------------------------------------------------- */

#define FACT_TITLES 128
#define FACT_DISCIPLINES 64
#define FACT_WORKS 64
#define DISC_YEARS 5 /* a discipline recorded this many years back may
                      * still be in force */

struct facts {
	struct eligibility_facts f;
	struct eligibility_rating ratings[RULEBOOK_YEARS_MAX];
	struct eligibility_held titles[FACT_TITLES];
	char codes[FACT_TITLES][RULEBOOK_CODE_MAX + 1];
	struct eligibility_discipline disc[FACT_DISCIPLINES];
	struct eligibility_work works[FACT_WORKS];
	struct eligibility_count counts[RULEBOOK_TITLES_MAX];
	char count_codes[RULEBOOK_TITLES_MAX][RULEBOOK_CODE_MAX + 1];
	const struct nom *n;
	store_txn *t;
};

static void ykey(uint8_t *key, int year, uint32_t id)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	wire_put_be32(key + 2, id);
}

/* The rating of a person (db RATINGS) or unit (UNIT_RATINGS) in a year,
 * and for a person the months worked, maternity leave apart (12 and 0
 * when not recorded). */
static int rating_of(store_txn *t, enum store_db db, int year, uint32_t id,
                     int *months, int *maternity)
{
	uint8_t key[6];
	const void *v;
	size_t vl;
	char word[16] = "";
	int64_t m = 12, mat = 0;
	int r;

	ykey(key, year, id);
	if (months)
		*months = 12;
	if (maternity)
		*maternity = 0;
	if (store_get(t, db, key, 6, &v, &vl) != 0)
		return RB_RATING_NONE;
	msgpack_unpacked up;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0) {
		mp_get_strbuf(mp_map_geti(&up.data, 1), word, sizeof word);
		if (db == STORE_DB_RATINGS) {
			mp_get_i64(mp_map_geti(&up.data, 2), &m);
			mp_get_i64(mp_map_geti(&up.data, 6), &mat);
		}
	}
	msgpack_unpacked_destroy(&up);
	m = m < 0 ? 0 : m > 12 ? 12 : m;
	mat = mat < 0 ? 0 : mat > m ? m : mat;
	if (months)
		*months = (int)(m - mat);
	if (maternity)
		*maternity = (int)mat;
	r = rulebook_rating_from_name(word);
	return r < 0 ? RB_RATING_NONE : r;
}

static int add_title(int year, const char *code, const msgpack_object *v,
                     void *arg)
{
	struct facts *fx = arg;
	size_t i = fx->f.ntitles;

	(void)v;
	if (i == FACT_TITLES)
		return 0;
	snprintf(fx->codes[i], sizeof fx->codes[i], "%s", code);
	fx->titles[i].year = year;
	fx->titles[i].code = fx->codes[i];
	fx->f.ntitles++;
	return 0;
}

/* Calls fn for each discipline of a person recorded for the years
 * [from, to]: level (RB_DISC_*), first and last day. */
static void each_discipline(store_txn *t, uint32_t staff, int from, int to,
                            void (*fn)(int level, int32_t a, int32_t b,
                                       void *arg),
                            void *arg)
{
	for (int y = from; y <= to; y++) {
		uint8_t lo[6];
		const void *k = lo, *v;
		size_t kl = sizeof lo, vl;
		store_cursor *cur;
		int rc;

		ykey(lo, y, staff);
		if (store_cursor_open(t, STORE_DB_DISCIPLINES, &cur) != 0)
			return;
		for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
		     rc == 0 && kl == 14 && memcmp(k, lo, 6) == 0;
		     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
			msgpack_unpacked up;
			char level[16] = "";
			int64_t a = 0, b = 0;
			msgpack_unpacked_init(&up);
			if (mp_decode(&up, v, vl) == 0) {
				mp_get_strbuf(mp_map_geti(&up.data, 1), level,
				              sizeof level);
				mp_get_i64(mp_map_geti(&up.data, 2), &a);
				mp_get_i64(mp_map_geti(&up.data, 3), &b);
			}
			msgpack_unpacked_destroy(&up);
			int l = rulebook_discipline_from_name(level);
			if (l > 0)
				fn(l, (int32_t)a, b ? (int32_t)b : LRL_DATE_MAX, arg);
		}
		store_cursor_close(cur);
	}
}

static void add_discipline(int level, int32_t a, int32_t b, void *arg)
{
	struct facts *fx = arg;

	if (fx->f.ndisciplines == FACT_DISCIPLINES || b < a)
		return;
	fx->disc[fx->f.ndisciplines].level = level;
	fx->disc[fx->f.ndisciplines].from = a;
	fx->disc[fx->f.ndisciplines].until = b;
	fx->f.ndisciplines++;
}

static int add_work(const struct work_rec *w, void *arg)
{
	struct facts *fx = arg;
	struct eligibility_work *e;
	char ref[128], mine[64];
	int y, m, d;

	if (w->state != WORK_RECOGNISED || w->kind == WORK_MODEL ||
	    fx->f.nworks == FACT_WORKS || w->scope < RB_SCOPE_HOSPITAL ||
	    w->scope > RB_SCOPE_NATIONAL)
		return 0;
	e = &fx->works[fx->f.nworks++];
	e->kind = w->kind == WORK_INITIATIVE ? ELIG_INITIATIVE : ELIG_RESEARCH;
	e->scope = w->scope;
	date_to_ymd(w->decision_date, &y, &m, &d);
	e->year = w->decision_date ? y : w->year;
	/* A work that is the basis of another award or nomination does not
	 * count again. */
	snprintf(mine, sizeof mine, "nomination %s", fx->n ? fx->n->code : "");
	e->used = basis_of(fx->t, w->code, ref, sizeof ref) && strcmp(ref, mine);
	return 0;
}

/* Collects the codes of the member titles a unit's criteria refer to. */
static void member_codes(const struct rulebook_rule *r, size_t n,
                         struct facts *fx)
{
	for (size_t i = 0; i < n; i++) {
		if (r[i].kind == RB_MEMBERS_TITLE && r[i].ref) {
			size_t j;
			for (j = 0; j < fx->f.nmember_titles; j++)
				if (!strcmp(fx->count_codes[j], r[i].ref->code))
					break;
			if (j == fx->f.nmember_titles &&
			    j < RULEBOOK_TITLES_MAX) {
				snprintf(fx->count_codes[j], sizeof fx->count_codes[j],
				         "%s", r[i].ref->code);
				fx->counts[j].code = fx->count_codes[j];
				fx->counts[j].count = 0;
				fx->f.nmember_titles++;
			}
		}
		member_codes(r[i].children, r[i].nchildren, fx);
	}
}

static int facts_person(store_txn *t, const struct rulebook *rb,
                        const struct nom *n, struct facts *fx);
static int evaluate(store_txn *t, const struct rulebook *rb,
                    const struct nom *n, struct eligibility_result **out);

struct worst {
	int32_t a, b; /* the year's first and last day */
	int level;
};

static void worst_in_year(int level, int32_t a, int32_t b, void *arg)
{
	struct worst *w = arg;

	if (a <= w->b && b >= w->a && level > w->level)
		w->level = level;
}

/* Does the member hold (or, proposed now, qualify for) title code? */
static int member_has(store_txn *t, const struct rulebook *rb, int year,
                      uint32_t staff, const char *code)
{
	struct nom m;
	msgpack_unpacked up;
	struct eligibility_result *r = NULL;
	int ok = 0;

	if (award_held(t, year, 'S', staff, code))
		return 1;
	msgpack_unpacked_init(&up);
	if (nom_find(t, year, 'S', staff, code, &m, &up) == 0 &&
	    evaluate(t, rb, &m, &r) == 0)
		ok = r->eligible;
	eligibility_free(r);
	msgpack_unpacked_destroy(&up);
	return ok;
}

/* The ids of the units in the subtree of root (root first). */
static size_t subtree(store_txn *t, uint32_t root, uint32_t *ids, size_t max)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;

	if (store_cursor_open(t, STORE_DB_UNITS, &cur) != 0)
		return 0;
	for (int rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
	     rc == 0 && n < max;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl))
		if (kl == 4 && unit_within(t, wire_get_be32(k), root))
			ids[n++] = wire_get_be32(k);
	store_cursor_close(cur);
	return n;
}

static int facts_unit(store_txn *t, const struct rulebook *rb,
                      const struct nom *n, struct facts *fx)
{
	const struct rulebook_title *ti = rulebook_title_find(rb, n->title);
	uint32_t units[1024];
	size_t nu = subtree(t, n->id, units, 1024);
	struct worst w = {date_from_ymd(n->year, 1, 1),
	                  date_from_ymd(n->year, 12, 31), 0};

	if (ti)
		member_codes(ti->rules, ti->nrules, fx);
	for (size_t i = 0; i < nu; i++) {
		uint8_t lo[4];
		const void *k = lo;
		size_t kl = 4;
		store_cursor *cur;
		int rc;

		wire_put_be32(lo, units[i]);
		if (store_cursor_open(t, STORE_DB_STAFF_BY_UNIT, &cur) != 0)
			continue;
		for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
		     rc == 0 && kl == 8 && memcmp(k, lo, 4) == 0;
		     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
			uint32_t id = wire_get_be32((const uint8_t *)k + 4);
			int r = rating_of(t, STORE_DB_RATINGS, n->year, id, NULL,
			                  NULL);
			fx->f.members++;
			fx->f.members_by_rating[r]++;
			each_discipline(t, id, n->year - DISC_YEARS, n->year,
			                worst_in_year, &w);
			for (size_t j = 0; j < fx->f.nmember_titles; j++)
				if (member_has(t, rb, n->year, id, fx->count_codes[j]))
					fx->counts[j].count++;
		}
		store_cursor_close(cur);
	}
	fx->f.worst_member_discipline = w.level;
	return 0;
}

static int facts_gather(store_txn *t, const struct rulebook *rb,
                        const struct nom *n, struct facts *fx)
{
	const struct rulebook_title *ti = rulebook_title_find(rb, n->title);
	int from = n->year - RULEBOOK_YEARS_MAX + 1;
	unsigned open;

	memset(fx, 0, sizeof *fx);
	fx->n = n;
	fx->t = t;
	fx->f.subject = n->kind == 'U' ? RB_UNIT : RB_PERSON;
	fx->f.year = n->year;
	for (int y = from; y <= n->year; y++) {
		int months = 12, maternity = 0;
		int r = rating_of(t, n->kind == 'U' ? STORE_DB_UNIT_RATINGS
		                                    : STORE_DB_RATINGS,
		                  y, n->id, y == n->year ? &months : NULL,
		                  y == n->year ? &maternity : NULL);
		if (y == n->year && n->kind == 'S') {
			fx->f.months_worked = months;
			fx->f.months_maternity = maternity;
		}
		if (r != RB_RATING_NONE) {
			fx->ratings[fx->f.nratings].year = y;
			fx->ratings[fx->f.nratings].rating = r;
			fx->f.nratings++;
		}
	}
	fx->f.ratings = fx->ratings;
	awards_each(t, n->kind, n->id, from, n->year, add_title, fx);
	fx->f.titles = fx->titles;
	fx->f.achievements = n->ach;
	open = matters_open(t, n->kind, n->id);
	fx->f.open_complaint =
		(open & 1) != 0 ||
		decision_nomination_complained(t, n->code);
	fx->f.discipline_review = (open & 2) != 0;
	fx->f.investigation = (open & 4) != 0;
	if (ti && ti->report)
		fx->f.report = n->has_report ? ELIG_REPORT_ATTACHED
		                             : ELIG_REPORT_MISSING;
	fx->f.member_titles = fx->counts;
	if (n->kind == 'U')
		return facts_unit(t, rb, n, fx);
	return facts_person(t, rb, n, fx);
}

static int facts_person(store_txn *t, const struct rulebook *rb,
                        const struct nom *n, struct facts *fx)
{
	(void)rb;
	each_discipline(t, n->id, n->year - DISC_YEARS, n->year,
	                add_discipline, fx);
	fx->f.disciplines = fx->disc;
	works_of_staff(t, n->id, add_work, fx);
	fx->f.works = fx->works;
	return 0;
}

static int evaluate(store_txn *t, const struct rulebook *rb,
                    const struct nom *n, struct eligibility_result **out)
{
	struct facts *fx = malloc(sizeof *fx);
	int rc;

	*out = NULL;
	if (fx == NULL)
		return LRL_ENOMEM;
	if ((rc = facts_gather(t, rb, n, fx)) == 0)
		rc = eligibility_evaluate(rb, n->title, &fx->f, out);
	free(fx);
	return rc;
}

/* "eligible", "not-eligible" or "blocked", and the failing top-level
 * lines joined with "; ". */
static const char *verdict_word(const struct eligibility_result *r)
{
	return r->eligible ? "eligible" : r->blocked ? "blocked" : "not-eligible";
}

/* Does the top-level group that line i (at depth 1) belongs to fail? */
static int group_fails(const struct eligibility_result *r, size_t i)
{
	while (i > 0 && r->lines[i].depth != 0)
		i--;
	return r->lines[i].depth == 0 && !r->lines[i].pass;
}

/* The failing criteria as explained lines {text, fmt, args, child}: each
 * failing criterion at the top, then the failing criteria of a failing
 * group (child: true).  The client shows them in its language. */
static void pack_failing(msgpack_packer *pk, const struct eligibility_result *r)
{
	uint32_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			msgpack_pack_array(pk, n);
		for (size_t i = 0; r && i < r->nlines; i++) {
			const struct eligibility_line *l = &r->lines[i];
			int child = l->depth == 1 && i > 0;
			if (l->pass || l->depth > 1 ||
			    (child && !group_fails(r, i)))
				continue;
			if (pass == 0) {
				n++;
				continue;
			}
			msgpack_pack_map(pk, 4);
			mp_pack_kv_str(pk, "text", l->text);
			wire_pack_msg(pk, &l->msg);
			mp_pack_str(pk, "child");
			if (child)
				msgpack_pack_true(pk);
			else
				msgpack_pack_false(pk);
		}
	}
}

static void failing_text(const struct eligibility_result *r, char *buf,
                         size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->nlines && used + 1 < n; i++) {
		const struct eligibility_line *l = &r->lines[i];
		int kids = 0;
		if (l->pass || l->depth != 0)
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		                         used ? "; " : "", l->text);
		/* A failing group: which of its own criteria fail. */
		for (size_t j = i + 1; j < r->nlines && r->lines[j].depth > 0 &&
		                       used < n; j++)
			if (r->lines[j].depth == 1 && !r->lines[j].pass)
				used += (size_t)snprintf(buf + used, n - used, "%s%s",
				                         kids++ ? "; " : " (",
				                         r->lines[j].text);
		if (kids && used < n)
			used += (size_t)snprintf(buf + used, n - used, ")");
		if (used >= n)
			used = n - 1;
	}
}

/* ---- commands ----------------------------------------------------------- */

/* The achievements as explained lines (a client shows them in its
 * language). */
static void pack_ach(msgpack_packer *pk, unsigned ach)
{
	static const char *const words[RB_ACH_COUNT] = {
		[RB_ACH_MOVEMENT] = N_("an achievement in a movement"),
		[RB_ACH_ADHOC] = N_("an ad-hoc achievement"),
		[RB_ACH_CLUSTER_LEADER] = N_("leads its emulation cluster"),
	};
	size_t n = 0;

	for (int i = 0; i < RB_ACH_COUNT; i++)
		n += (ach >> i) & 1u;
	msgpack_pack_array(pk, n);
	for (int i = 0; i < RB_ACH_COUNT; i++)
		if (ach & (1u << i)) {
			msgpack_pack_map(pk, 3);
			mp_pack_kv_str(pk, "text", words[i]);
			mp_pack_kv_str(pk, "fmt", words[i]);
			mp_pack_str(pk, "args");
			msgpack_pack_array(pk, 0);
		}
}

static int nom_put(struct lrl_ctx *c, const struct nom *n, const char *reason,
                   const msgpack_object *report, const char *wreason)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, wreason ? 15 : 12);
	msgpack_pack_uint8(&b.pk, 1);
	msgpack_pack_int64(&b.pk, n->year);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, n->title);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_strn(&b.pk, &n->kind, 1);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_uint32(&b.pk, n->id);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint32(&b.pk, n->unit);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_uint32(&b.pk, n->ach);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_array(&b.pk, n->nbasis);
	for (size_t i = 0; i < n->nbasis; i++)
		mp_pack_str(&b.pk, n->basis[i]);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, reason ? reason : "");
	msgpack_pack_uint8(&b.pk, 9);
	mp_pack_str(&b.pk, n->withdrawn ? "withdrawn" : "proposed");
	msgpack_pack_uint8(&b.pk, 10);
	msgpack_pack_uint64(&b.pk, n->by);
	msgpack_pack_uint8(&b.pk, 11);
	msgpack_pack_int64(&b.pk, n->time);
	msgpack_pack_uint8(&b.pk, 12);
	if (report)
		msgpack_pack_object(&b.pk, *report);
	else
		msgpack_pack_nil(&b.pk);
	if (wreason) {
		msgpack_pack_uint8(&b.pk, 13);
		mp_pack_str(&b.pk, wreason);
		msgpack_pack_uint8(&b.pk, 14);
		msgpack_pack_uint64(&b.pk, c->actor_id);
		msgpack_pack_uint8(&b.pk, 15);
		msgpack_pack_int64(&b.pk, c->now);
	}
	rc = store_put(c->txn, STORE_DB_NOMINATIONS, n->code, strlen(n->code),
	               b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

int act_NOMINATION_ADD(struct lrl_ctx *c)
{
	static const char *const flags[RB_ACH_COUNT] = {"movement", "ad-hoc",
	                                                "cluster-leader"};
	uint8_t key[8 + RULEBOOK_CODE_MAX];
	char name[TEXT_BUF], *reason = NULL;
	struct eligibility_result *res = NULL;
	struct rulebook *rb = NULL;
	struct subject s;
	struct year_rec y;
	struct nom n;
	int64_t year = 0;
	size_t kl;
	const void *v;
	size_t vl;
	int rc;

	memset(&n, 0, sizeof n);
	ctx_int(c, "year", &year);
	ctx_strbuf(c, "title", n.title, sizeof n.title);
	if ((rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = subject_param(c, &s)) != 0 ||
	    (rc = scope_unit_ok(c, s.unit)) != 0 ||
	    (rc = rules_title(c, &y, "title", n.title, s.kind == 'U', name,
	                      sizeof name)) != 0)
		return rc;
	n.year = (int)year;
	n.kind = s.kind;
	n.id = s.id;
	n.unit = s.unit;
	kl = subject_key(key, n.year, n.kind, n.id, n.title);
	if (store_get(c->txn, STORE_DB_NOMINATION_KEYS, key, kl, &v, &vl) == 0)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "title",
		                    "%s is already proposed for %s in %d (%.*s)",
		                    n.title, s.code, n.year, (int)vl,
		                    (const char *)v);
	for (int i = 0; i < RB_ACH_COUNT; i++) {
		int on = 0;
		if (mp_get_bool(ctx_param(c, flags[i]), &on) == 0 && on)
			n.ach |= 1u << i;
	}
	if ((rc = basis_param(c, &s, n.basis, &n.nbasis)) != 0)
		return rc;
	if (ctx_param(c, "reason") && (rc = ctx_text(c, "reason", &reason)) != 0)
		return rc;
	if ((rc = series_next_code(c->txn, "DN", n.year, n.code,
	                           sizeof n.code)) != 0)
		goto out;
	n.by = c->actor_id;
	n.time = c->now;
	if ((rc = nom_put(c, &n, reason, NULL, NULL)) != 0 ||
	    (rc = store_put(c->txn, STORE_DB_NOMINATION_KEYS, key, kl, n.code,
	                    strlen(n.code), 0)) != 0)
		goto out;
	{
		char ref[LRL_CODE_MAX + 1];
		snprintf(ref, sizeof ref, "%s", n.code);
		if ((rc = basis_set(c->txn, n.basis, n.nbasis, "nomination", ref)) != 0)
			goto out;
	}
	/* The verdict as it stands, so the proposer sees it at once. */
	if ((rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0 ||
	    (rc = evaluate(c->txn, rb, &n, &res)) != 0)
		goto out;
	result_message(c->out, "%s: %s proposed for %s — %s", n.code, n.title,
	               s.code, res->verdict);
out:
	eligibility_free(res);
	rulebook_free(rb);
	free(reason);
	return rc;
}

/* A live nomination the actor may act on. */
static int nom_live(struct lrl_ctx *c, struct nom *n, msgpack_unpacked *up)
{
	int rc;

	if ((rc = nom_param(c, n, up)) != 0 ||
	    (rc = scope_unit_ok(c, n->unit)) != 0)
		return rc;
	if (n->withdrawn)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "nomination",
		                    "%s was withdrawn", n->code);
	return 0;
}

static char *text_or_empty(struct lrl_ctx *c, const char *name, int *rc)
{
	char *s = NULL;

	*rc = 0;
	if (ctx_param(c, name) && (*rc = ctx_text(c, name, &s)) != 0)
		return NULL;
	return s ? s : strdup("");
}

int act_NOMINATION_REPORT(struct lrl_ctx *c)
{
	static const char *const fields[] = {"hometown", "qualifications",
	                                     "duties", "results", "initiatives"};
	char *text[5] = {NULL};
	msgpack_unpacked up, rep;
	struct nom n;
	mp_buf b;
	int rc;

	msgpack_unpacked_init(&up);
	msgpack_unpacked_init(&rep);
	mp_buf_init(&b);
	if ((rc = nom_live(c, &n, &up)) != 0)
		goto out;
	for (int i = 0; i < 5; i++)
		if ((text[i] = text_or_empty(c, fields[i], &rc)) == NULL) {
			if (rc == 0)
				rc = LRL_ENOMEM;
			goto out;
		}
	msgpack_pack_map(&b.pk, 7);
	for (int i = 0; i < 5; i++) {
		msgpack_pack_uint8(&b.pk, (uint8_t)(i + 1));
		mp_pack_str(&b.pk, text[i]);
	}
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, c->now);
	if ((rc = mp_decode(&rep, b.sb.data, b.sb.size)) != 0)
		goto out;
	{
		char reason[LRL_TEXT_MAX * 4 + 1] = "";
		mp_get_strbuf(mp_map_geti(&up.data, 8), reason, sizeof reason);
		if ((rc = nom_put(c, &n, reason, &rep.data, NULL)) != 0)
			goto out;
	}
	result_message(c->out, "achievement report of %s saved", n.code);
out:
	for (int i = 0; i < 5; i++)
		free(text[i]);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&rep);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_NOMINATION_WITHDRAW(struct lrl_ctx *c)
{
	uint8_t key[8 + RULEBOOK_CODE_MAX];
	char *why = NULL, reason[LRL_TEXT_MAX * 4 + 1] = "";
	msgpack_unpacked up;
	const msgpack_object *rep;
	struct nom n;
	int rc;

	msgpack_unpacked_init(&up);
	if ((rc = nom_live(c, &n, &up)) != 0)
		goto out;
	{
		/* A nomination a decision or dossier holds stays until that
		 * draft is cancelled; a signed one stays for good. */
		char dec[LRL_CODE_MAX + 1], state[16], number[96];
		if (decision_settling(c->txn, n.year, n.kind, n.id, n.title, dec,
		                      sizeof dec, state, sizeof state, number,
		                      sizeof number)) {
			rc = lrl_fail_set(&c->fail, LRL_ESTATE, "nomination",
			                  "%s is in %s (%s)", n.code, dec, state);
			goto out;
		}
	}
	if ((rc = ctx_text(c, "reason", &why)) != 0)
		goto out;
	mp_get_strbuf(mp_map_geti(&up.data, 8), reason, sizeof reason);
	rep = mp_map_geti(&up.data, 12);
	n.withdrawn = 1;
	if ((rc = nom_put(c, &n, reason,
	                  rep && rep->type == MSGPACK_OBJECT_MAP ? rep : NULL,
	                  why)) != 0)
		goto out;
	if ((rc = store_del(c->txn, STORE_DB_NOMINATION_KEYS, key,
	                    subject_key(key, n.year, n.kind, n.id, n.title))) != 0 ||
	    (rc = basis_set(c->txn, n.basis, n.nbasis, NULL, NULL)) != 0)
		goto out;
	result_message(c->out, "nomination %s withdrawn", n.code);
out:
	free(why);
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* ---- lists -------------------------------------------------------------- */

/* "withdrawn", "proposed", or how a decision or dossier settled it:
 * "decided" (signed), "forwarded", "granted", "refused"; with which, into
 * which (size n) when not NULL ("" when none). */
static const char *state_word(store_txn *t, const struct nom *n, char *which,
                              size_t wn)
{
	static const char *const words[] = {"decided", "forwarded", "granted",
	                                    "refused"};
	char code[LRL_CODE_MAX + 1], state[16], number[96];

	if (which && wn)
		which[0] = '\0';
	if (n->withdrawn)
		return "withdrawn";
	if (!decision_settling(t, n->year, n->kind, n->id, n->title, code,
	                       sizeof code, state, sizeof state, number,
	                       sizeof number))
		return "proposed";
	if (which && wn)
		snprintf(which, wn, "%s%s%s (%s)", number, number[0] ? ", " : "",
		         code, state);
	if (!strcmp(state, "signed"))
		return words[0];
	for (size_t i = 1; i < 4; i++)
		if (!strcmp(state, words[i]))
			return words[i];
	return "proposed";
}

/* May the actor see nomination n? */
static int may_see(struct lrl_ctx *c, const struct nom *n)
{
	struct lrl_fail keep = c->fail;
	int ok;

	if (c->scope == LRL_SC_A)
		return 1;
	if (n->kind == 'S' && c->actor && c->actor->staff_id == n->id)
		return 1;
	ok = c->scope == LRL_SC_U && scope_unit_sees(c, n->unit);
	c->fail = keep;
	return ok;
}

/* The code and name of the subject, and its unit's code. */
static void subject_names(store_txn *t, const struct nom *n, char *code,
                          size_t cn, char *name, size_t nn, char *ucode,
                          size_t un)
{
	struct subject sj;
	struct unit_rec u;

	if (subject_get(t, n->kind, n->id, &sj) != 0)
		memset(&sj, 0, sizeof sj);
	snprintf(code, cn, "%s", sj.code);
	snprintf(name, nn, "%s", sj.name);
	snprintf(ucode, un, "%s", unit_get(t, n->unit, &u) == 0 ? u.code : "");
}

int act_NOMINATION_LIST(struct lrl_ctx *c)
{
	/* The verdict early: it is what a reader looks for. */
	static const char *const cols[] = {"nomination", "title", "verdict",
	                                   "code", "name", "unit", "state",
	                                   "subject", "failing"};
	char prefix[16], only_title[RULEBOOK_CODE_MAX + 1] = "";
	struct rulebook *rb = NULL;
	struct year_rec y;
	uint32_t root = 0;
	int64_t year = 0;
	int failing = 0;
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl, n = 0, pl;
	mp_buf rows;
	int rc;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "title", only_title, sizeof only_title);
	mp_get_bool(ctx_param(c, "failing"), &failing);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	if ((rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0)
		return rc;
	pl = (size_t)snprintf(prefix, sizeof prefix, "DN-%d-", (int)year);
	mp_buf_init(&rows);
	if ((rc = store_cursor_open(c->txn, STORE_DB_NOMINATIONS, &cur)) != 0)
		goto out;
	k = prefix;
	kl = pl;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl >= pl && memcmp(k, prefix, pl) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct eligibility_result *res = NULL;
		char code[LRL_CODE_MAX + 1], name[TEXT_BUF], ucode[LRL_CODE_MAX + 1];
		char fail[2048];
		msgpack_unpacked up;
		struct nom nm;

		memset(&nm, 0, sizeof nm);
		msgpack_unpacked_init(&up);
		snprintf(nm.code, sizeof nm.code, "%.*s", (int)kl, (const char *)k);
		if (nom_decode(v, vl, &nm, &up) != 0 || !may_see(c, &nm) ||
		    (only_title[0] && strcmp(only_title, nm.title)) ||
		    (root && !unit_within(c->txn, nm.unit, root))) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		msgpack_unpacked_destroy(&up);
		if (nm.withdrawn) {
			if (failing)
				continue;
			fail[0] = '\0';
		} else {
			if ((rc = evaluate(c->txn, rb, &nm, &res)) != 0)
				break;
			if (failing && res->eligible) {
				eligibility_free(res);
				continue;
			}
			failing_text(res, fail, sizeof fail);
		}
		subject_names(c->txn, &nm, code, sizeof code, name, sizeof name,
		              ucode, sizeof ucode);
		msgpack_pack_array(&rows.pk, 9);
		mp_pack_str(&rows.pk, nm.code);
		mp_pack_str(&rows.pk, nm.title);
		mp_pack_str(&rows.pk, res ? verdict_word(res) : "");
		mp_pack_str(&rows.pk, code);
		mp_pack_str(&rows.pk, name);
		mp_pack_str(&rows.pk, ucode);
		mp_pack_str(&rows.pk, state_word(c->txn, &nm, NULL, 0));
		mp_pack_str(&rows.pk, subject_word(nm.kind));
		mp_pack_str(&rows.pk, fail);
		eligibility_free(res);
		n++;
	}
	if (rc == LRL_ENOENT || rc == 0) {
		list_begin(c->out, cols, 9, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
out:
	store_cursor_close(cur);
	mp_buf_free(&rows);
	rulebook_free(rb);
	return rc;
}

/* ---- show --------------------------------------------------------------- */

struct kv {
	mp_buf b;
	size_t n;
};

static void kv_str(struct kv *kv, const char *key, const char *val)
{
	mp_pack_kv_str(&kv->b.pk, key, val);
	kv->n++;
}

static void kv_obj(struct kv *kv, const char *key, const msgpack_object *o)
{
	mp_pack_str(&kv->b.pk, key);
	mp_pack_str_obj(&kv->b.pk, o);
	kv->n++;
}

static void kv_date(struct kv *kv, const char *key, int32_t days)
{
	char buf[16] = "";

	if (days)
		date_format(days, buf, sizeof buf);
	kv_str(kv, key, buf);
}

/* Every criterion line as {pass, depth, blocking, text, fmt, args}. */
static void pack_criteria(struct kv *kv, const struct eligibility_result *r)
{
	msgpack_packer *pk = &kv->b.pk;

	mp_pack_str(pk, "criteria");
	msgpack_pack_array(pk, r->nlines);
	for (size_t i = 0; i < r->nlines; i++) {
		const struct eligibility_line *l = &r->lines[i];
		msgpack_pack_map(pk, 6);
		mp_pack_str(pk, "pass");
		if (l->pass)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		mp_pack_kv_int(pk, "depth", l->depth);
		mp_pack_str(pk, "blocking");
		if (l->blocking)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		mp_pack_kv_str(pk, "text", l->text);
		wire_pack_msg(pk, &l->msg);
	}
	kv->n++;
}

struct past {
	char lines[32][256];
	size_t n;
	int before;
};

static int add_past(int year, const char *code, const msgpack_object *v,
                    void *arg)
{
	struct past *p = arg;
	char decision[128] = "", issuer[128] = "", when[16] = "";
	int64_t date = 0;

	if (year >= p->before || p->n == 32)
		return 0;
	mp_get_strbuf(mp_map_geti(v, 1), decision, sizeof decision);
	mp_get_i64(mp_map_geti(v, 2), &date);
	mp_get_strbuf(mp_map_geti(v, 3), issuer, sizeof issuer);
	date_format((int32_t)date, when, sizeof when);
	snprintf(p->lines[p->n++], sizeof p->lines[0], "%d %s — %s, %s%s%s",
	         year, code, decision, when, issuer[0] ? ", " : "", issuer);
	return 0;
}

struct works_text {
	char buf[2048];
	size_t used;
};

static int add_work_line(const struct work_rec *w, void *arg)
{
	struct works_text *wt = arg;
	char when[16] = "";

	if (w->state != WORK_RECOGNISED || wt->used + 1 >= sizeof wt->buf)
		return 0;
	date_format(w->decision_date, when, sizeof when);
	wt->used += (size_t)snprintf(wt->buf + wt->used, sizeof wt->buf - wt->used,
	                             "%s%s %s (%s, %s %s)", wt->used ? "\n" : "",
	                             w->code, w->name, rulebook_scope_name(w->scope),
	                             w->decision, when);
	if (wt->used >= sizeof wt->buf)
		wt->used = sizeof wt->buf - 1;
	return 0;
}

int act_NOMINATION_SHOW(struct lrl_ctx *c)
{
	struct eligibility_result *res = NULL;
	const struct rulebook_title *ti;
	struct rulebook *rb = NULL;
	char code[LRL_CODE_MAX + 1], name[TEXT_BUF], ucode[LRL_CODE_MAX + 1];
	char buf[512];
	msgpack_unpacked up;
	const msgpack_object *rep;
	struct year_rec y;
	struct user_rec u;
	struct nom n;
	struct kv kv;
	int rc;

	msgpack_unpacked_init(&up);
	mp_buf_init(&kv.b);
	kv.n = 0;
	if ((rc = nom_param(c, &n, &up)) != 0)
		goto out;
	if (!may_see(c, &n)) {
		rc = lrl_fail_set(&c->fail, LRL_EPERM, "nomination",
		                  "%s is not yours to see", n.code);
		goto out;
	}
	if ((rc = year_get(c->txn, n.year, &y)) != 0 ||
	    (rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0)
		goto out;
	subject_names(c->txn, &n, code, sizeof code, name, sizeof name, ucode,
	              sizeof ucode);
	ti = rulebook_title_find(rb, n.title);
	kv_str(&kv, "nomination", n.code);
	snprintf(buf, sizeof buf, "%d", n.year);
	kv_str(&kv, "year", buf);
	kv_str(&kv, "title", n.title);
	kv_str(&kv, "title-name", ti ? ti->name : "");
	kv_str(&kv, "subject", subject_word(n.kind));
	kv_str(&kv, "code", code);
	kv_str(&kv, "name", name);
	kv_str(&kv, "unit", ucode);
	kv_str(&kv, "state", state_word(c->txn, &n, buf, sizeof buf));
	if (buf[0])
		kv_str(&kv, "decision", buf);
	mp_pack_str(&kv.b.pk, "achievements");
	pack_ach(&kv.b.pk, n.ach);
	kv.n++;
	buf[0] = '\0';
	for (size_t i = 0; i < n.nbasis; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "",
		         n.basis[i]);
	}
	kv_str(&kv, "basis", buf);
	kv_obj(&kv, "reason", mp_map_geti(&up.data, 8));
	kv_str(&kv, "proposed-by",
	       users_get(c->txn, (uint32_t)n.by, &u) == 0 ? u.full_name : "");
	kv_date(&kv, "proposed", date_of_time(n.time));
	if (n.withdrawn) {
		kv_obj(&kv, "withdrawn", mp_map_geti(&up.data, 13));
	} else {
		if ((rc = evaluate(c->txn, rb, &n, &res)) != 0)
			goto out;
		kv_str(&kv, "verdict", verdict_word(res));
		mp_pack_str(&kv.b.pk, "verdict-text");
		msgpack_pack_map(&kv.b.pk, 3);
		mp_pack_kv_str(&kv.b.pk, "text", res->verdict);
		wire_pack_msg(&kv.b.pk, &res->verdict_msg);
		kv.n++;
		pack_criteria(&kv, res);
	}
	/* The achievement report: I. the person, II. achievements, III. past
	 * titles and honours from laurel's own records. */
	if (n.kind == 'S') {
		struct staff_rec s;
		if (staff_get(c->txn, n.id, &s) == 0) {
			kv_date(&kv, "birth-date", s.birth);
			kv_str(&kv, "sex", s.sex);
			kv_str(&kv, "position", s.position);
			kv_str(&kv, "job-title", s.job_title);
		}
	}
	rep = mp_map_geti(&up.data, 12);
	if (rep && rep->type == MSGPACK_OBJECT_MAP) {
		const msgpack_object *ini = mp_map_geti(rep, 5);
		uint64_t by = 0;
		kv_obj(&kv, "hometown", mp_map_geti(rep, 1));
		kv_obj(&kv, "qualifications", mp_map_geti(rep, 2));
		kv_obj(&kv, "duties", mp_map_geti(rep, 3));
		kv_obj(&kv, "results", mp_map_geti(rep, 4));
		if (ini && ini->type == MSGPACK_OBJECT_STR && ini->via.str.size) {
			kv_obj(&kv, "initiatives", ini);
		} else if (n.kind == 'S') {
			struct works_text wt = {"", 0};
			works_of_staff(c->txn, n.id, add_work_line, &wt);
			kv_str(&kv, "initiatives", wt.buf);
		}
		mp_get_u64(mp_map_geti(rep, 6), &by);
		kv_str(&kv, "report-by",
		       users_get(c->txn, (uint32_t)by, &u) == 0 ? u.full_name : "");
	} else {
		kv_str(&kv, "report", ti && ti->report ? "missing" : "not required");
	}
	{
		struct past p;
		p.n = 0;
		p.before = n.year;
		awards_each(c->txn, n.kind, n.id, n.year - RULEBOOK_YEARS_MAX + 1,
		            n.year, add_past, &p);
		mp_pack_str(&kv.b.pk, "past-titles");
		msgpack_pack_array(&kv.b.pk, p.n);
		for (size_t i = 0; i < p.n; i++)
			mp_pack_str(&kv.b.pk, p.lines[i]);
		kv.n++;
	}
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, kv.n);
	mp_pack_raw(c->out, kv.b.sb.data, kv.b.sb.size);
out:
	eligibility_free(res);
	rulebook_free(rb);
	mp_buf_free(&kv.b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* ---- the department review sheet ------------------------------------- */

struct review {
	mp_buf b;
	size_t n;
	const struct rulebook *rb;
	int year;
	uint32_t *staff; /* visible staff ids in name order */
	size_t nstaff, cap;
};

static int collect_staff(struct lrl_ctx *c, const struct staff_rec *s,
                         void *arg)
{
	struct review *r = arg;
	uint32_t *p;

	(void)c;
	if ((p = grow_array(r->staff, r->nstaff, &r->cap, sizeof *p, 256)) ==
	    NULL)
		return LRL_ENOMEM;
	r->staff = p;
	r->staff[r->nstaff++] = s->id;
	return 0;
}

/* One row: unit, subject code and name, rating, discipline, then the
 * nomination's title, code, verdict and failing criteria (blank when
 * none). */
static int review_row(struct lrl_ctx *c, struct review *r, const char *ucode,
                      const char *code, const char *name, int rating,
                      const char *disc, const struct nom *n)
{
	struct eligibility_result *res = NULL;
	int rc;

	if (n && (rc = evaluate(c->txn, r->rb, n, &res)) != 0)
		return rc;
	msgpack_pack_array(&r->b.pk, 9);
	mp_pack_str(&r->b.pk, ucode);
	mp_pack_str(&r->b.pk, code);
	mp_pack_str(&r->b.pk, name);
	mp_pack_str(&r->b.pk, rating ? rulebook_rating_name(rating) : "");
	mp_pack_str(&r->b.pk, disc);
	mp_pack_str(&r->b.pk, n ? n->title : "");
	mp_pack_str(&r->b.pk, n ? n->code : "");
	mp_pack_str(&r->b.pk, res ? verdict_word(res) : "");
	pack_failing(&r->b.pk, res);
	eligibility_free(res);
	r->n++;
	return 0;
}

/* The rows of one subject: one per live nomination, or one without. */
static int review_subject(struct lrl_ctx *c, struct review *r,
                          const char *ucode, char kind, uint32_t id,
                          const char *code, const char *name, int rating,
                          const char *disc)
{
	uint8_t lo[7];
	const void *k = lo, *v;
	size_t kl = sizeof lo, vl, found = 0;
	store_cursor *cur;
	int rc;

	subject_key(lo, r->year, kind, id, "");
	if ((rc = store_cursor_open(c->txn, STORE_DB_NOMINATION_KEYS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl > 7 && memcmp(k, lo, 7) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct nom n;
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		rc = nom_get(c->txn, v, vl, &n, &up);
		msgpack_unpacked_destroy(&up);
		if (rc == 0)
			rc = review_row(c, r, ucode, code, name, rating, disc, &n);
		if (rc != 0)
			break;
		found++;
	}
	store_cursor_close(cur);
	if (rc != 0 && rc != LRL_ENOENT)
		return rc;
	return found ? 0 : review_row(c, r, ucode, code, name, rating, disc, NULL);
}

int act_REPORT_REVIEW(struct lrl_ctx *c)
{
	static const char *const cols[] = {"unit", "code", "name", "rating",
	                                   "discipline", "proposal",
	                                   "nomination", "verdict", "failing"};
	static const char *const levels[] = {"", "reprimand", "warning",
	                                     "dismissal"};
	struct rulebook *rb = NULL;
	struct review r;
	struct year_rec y;
	uint32_t root = 0;
	int64_t year = 0;
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl;
	int rc;

	memset(&r, 0, sizeof r);
	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	if ((rc = rules_load(c->txn, y.rulebook, &rb, &c->fail)) != 0)
		return rc;
	r.rb = rb;
	r.year = (int)year;
	mp_buf_init(&r.b);
	if ((rc = each_visible_staff(c, collect_staff, &r)) != 0 ||
	    (rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		goto out;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct lrl_fail keep = c->fail;
		struct unit_rec u;
		int visible;

		if (kl != 4 || unit_get(c->txn, wire_get_be32(k), &u) != 0 ||
		    u.closed || (root && !unit_within(c->txn, u.id, root)))
			continue;
		visible = scope_unit_sees(c, u.id);
		c->fail = keep;
		if (visible &&
		    (rc = review_subject(c, &r, u.code, 'U', u.id, "", u.name,
		                         rating_of(c->txn, STORE_DB_UNIT_RATINGS,
		                                   r.year, u.id, NULL, NULL),
		                         "")) != 0)
			break;
		for (size_t i = 0; i < r.nstaff; i++) {
			struct staff_rec s;
			struct worst w = {date_from_ymd(r.year, 1, 1),
			                  date_from_ymd(r.year, 12, 31), 0};
			if (staff_get(c->txn, r.staff[i], &s) != 0 || s.unit != u.id)
				continue;
			each_discipline(c->txn, s.id, r.year - DISC_YEARS, r.year,
			                worst_in_year, &w);
			if ((rc = review_subject(c, &r, u.code, 'S', s.id, s.code,
			                         s.full_name,
			                         rating_of(c->txn, STORE_DB_RATINGS,
			                                   r.year, s.id, NULL, NULL),
			                         levels[w.level])) != 0)
				goto out;
		}
	}
	if (rc == LRL_ENOENT) {
		list_begin(c->out, cols, 9, r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
out:
	store_cursor_close(cur);
	free(r.staff);
	mp_buf_free(&r.b);
	rulebook_free(rb);
	return rc;
}

/* ---- for decisions and dossiers (nominations.h) ---------------------- */

/* Copies a str object into buf, cut at a character boundary to fit. */
static void cut_copy(const msgpack_object *o, char *buf, size_t n)
{
	size_t len;

	buf[0] = '\0';
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return;
	len = o->via.str.size < n - 1 ? o->via.str.size : n - 1;
	while (len && len < o->via.str.size &&
	       ((unsigned char)o->via.str.ptr[len] & 0xC0) == 0x80)
		len--;
	memcpy(buf, o->via.str.ptr, len);
	buf[len] = '\0';
}

int64_t nomination_made(const void *v, size_t vl)
{
	return mp_value_i64(v, vl, 11);
}

int nomination_info(store_txn *t, const struct rulebook *rb, const char *code,
                    size_t len, struct nomination_info *out)
{
	struct eligibility_result *res = NULL;
	const msgpack_object *rep;
	msgpack_unpacked up;
	struct nom n;
	int rc;

	memset(out, 0, sizeof *out);
	msgpack_unpacked_init(&up);
	if ((rc = nom_get(t, code, len, &n, &up)) != 0)
		goto out;
	snprintf(out->code, sizeof out->code, "%s", n.code);
	out->year = n.year;
	snprintf(out->title, sizeof out->title, "%s", n.title);
	out->kind = n.kind;
	out->id = n.id;
	out->unit = n.unit;
	out->withdrawn = n.withdrawn;
	out->has_report = n.has_report;
	out->nbasis = n.nbasis;
	memcpy(out->basis, n.basis, sizeof out->basis);
	rep = mp_map_geti(&up.data, 12);
	if (rep && rep->type == MSGPACK_OBJECT_MAP) {
		cut_copy(mp_map_geti(rep, 3), out->duties, sizeof out->duties);
		cut_copy(mp_map_geti(rep, 4), out->results, sizeof out->results);
	}
	if (rb && !n.withdrawn && (rc = evaluate(t, rb, &n, &res)) == 0) {
		out->eligible = res->eligible;
		out->blocked = res->blocked;
		snprintf(out->verdict, sizeof out->verdict, "%s", res->verdict);
	}
out:
	eligibility_free(res);
	msgpack_unpacked_destroy(&up);
	return rc;
}
