/*
 * report.c — the printable reports (report.h): the annual and six-month
 * report, the phase review across years, the statistics tables of forms
 * 0601–0605, the plan tasks status and the audit trail of a period, and
 * the list of the reports a user may print.  The minutes, a decision,
 * the fund ledger and the monthly exemplar letter are built beside their
 * records (council.c, decision.c, model.c).
 *
 * The year's figures are gathered by one cursor pass over each record
 * kind the report rests on (staff, pledges, ratings, awards, nominations,
 * works, movements), keyed by year where the store is, so that a
 * province-sized store costs a few scans, never a lookup per person.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/awards.h"
#include "laurel/date.h"
#include "laurel/decisions.h"
#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/money.h"
#include "laurel/movements.h"
#include "laurel/mp.h"
#include "laurel/nominations.h"
#include "laurel/pledges.h"
#include "laurel/ratings.h"
#include "laurel/msg.h"
#include "laurel/report.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/tasks.h"
#include "laurel/users.h"
#include "laurel/wire.h"
#include "laurel/works.h"

int act_REPORT_LIST(struct lrl_ctx *c);
int act_REPORT_ANNUAL(struct lrl_ctx *c);
int act_REPORT_PHASE(struct lrl_ctx *c);
int act_REPORT_STATS(struct lrl_ctx *c);
int act_REPORT_TASKS(struct lrl_ctx *c);
int act_REPORT_AUDIT(struct lrl_ctx *c);

/* Titles of the rulebook counted per column, at most. */
#define CENSUS_TITLES 16

enum { TIER_CIVIL, TIER_CONTRACT, TIER_OTHER, TIER_COUNT };

/* One unit's figures for a year. */
struct unit_fig {
	uint32_t id;
	char code[LRL_CODE_MAX + 1];
	char name[ROSTER_TEXT_MAX];
	int64_t staff, pledged, rated;
	int64_t ratings[RB_RATING_COUNT];
	int64_t proposed[CENSUS_TITLES];
	int64_t awarded[CENSUS_TITLES];
	/* Of those, the unit's own (collective) ones. */
	int64_t unit_proposed[CENSUS_TITLES];
	int64_t unit_awarded[CENSUS_TITLES];
	int collective_pledge;
	int unit_rating;
};

/* A year's figures, for the units the actor may see. */
struct census {
	store_txn *t;
	int partial; /* the period ends before the year (last_day < 31/12) */
	int year;
	int32_t last_day; /* figures up to this day (six-month: 30/6) */
	struct rulebook *rb;
	size_t ntitles;
	const struct rulebook_title *titles[CENSUS_TITLES];
	struct unit_fig *units;
	size_t nunits;
	uint32_t *unit_slot; /* unit id → index + 1 (0: not counted) */
	uint32_t max_unit;
	uint32_t *staff_slot; /* staff id → unit index + 1 */
	uint8_t *staff_sex;   /* 1 female */
	uint8_t *staff_tier;
	uint32_t max_staff;
	/* Person awards by title: by sex and by tier. */
	int64_t by_sex[CENSUS_TITLES][2];
	int64_t by_tier[CENSUS_TITLES][TIER_COUNT];
	int64_t works[4][4];  /* kind × state (works.h) */
	int64_t movements[4]; /* regular, thematic, peak, other */
	int64_t nmovements;
};

static void census_free(struct census *k)
{
	rulebook_free(k->rb);
	free(k->units);
	free(k->unit_slot);
	free(k->staff_slot);
	free(k->staff_sex);
	free(k->staff_tier);
	memset(k, 0, sizeof *k);
}

static int title_slot(const struct census *k, const char *code, size_t len)
{
	for (size_t i = 0; i < k->ntitles; i++)
		if (strlen(k->titles[i]->code) == len &&
		    memcmp(k->titles[i]->code, code, len) == 0)
			return (int)i;
	return -1;
}

/* The largest u32 BE key of a database (0 when empty or unreadable). */
static uint32_t last_id(store_txn *t, enum store_db db)
{
	uint32_t next;

	return store_next_id(t, db, &next) == 0 ? next - 1 : 0;
}

/* Units the actor may see, inside the "unit" parameter's subtree. */
static int census_units(struct lrl_ctx *c, struct census *k)
{
	uint32_t root = 0;
	store_cursor *cur;
	const void *key, *v;
	size_t kl, vl;
	int rc;

	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	k->max_unit = last_id(c->txn, STORE_DB_UNITS);
	k->unit_slot = calloc((size_t)k->max_unit + 1, sizeof *k->unit_slot);
	k->units = calloc((size_t)k->max_unit + 1, sizeof *k->units);
	if (k->unit_slot == NULL || k->units == NULL)
		return LRL_ENOMEM;
	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &key, &kl, &v, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &key, &kl, &v, &vl)) {
		struct unit_rec u;
		struct lrl_fail keep = c->fail;
		int visible;
		if (kl != 4 || unit_get(c->txn, wire_get_be32(key), &u) != 0 ||
		    u.closed || u.id > k->max_unit ||
		    (root && !unit_within(c->txn, u.id, root)))
			continue;
		visible = c->scope == LRL_SC_A || scope_unit_sees(c, u.id);
		c->fail = keep;
		if (!visible)
			continue;
		struct unit_fig *f = &k->units[k->nunits];
		f->id = u.id;
		snprintf(f->code, sizeof f->code, "%s", u.code);
		snprintf(f->name, sizeof f->name, "%s", u.name);
		k->unit_slot[u.id] = (uint32_t)++k->nunits;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

/* Every staff member of a counted unit: their unit and, when details
 * are wanted, their sex and tier.  Without details the staff_by_unit
 * index answers from its keys alone. */
static int census_staff(struct lrl_ctx *c, struct census *k, int details)
{
	store_cursor *cur;
	const void *key, *v;
	size_t kl, vl;
	int rc;

	k->max_staff = last_id(c->txn, STORE_DB_STAFF);
	k->staff_slot = calloc((size_t)k->max_staff + 1, sizeof *k->staff_slot);
	k->staff_sex = calloc((size_t)k->max_staff + 1, 1);
	k->staff_tier = calloc((size_t)k->max_staff + 1, 1);
	if (!k->staff_slot || !k->staff_sex || !k->staff_tier)
		return LRL_ENOMEM;
	if (!details) {
		if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF_BY_UNIT,
		                            &cur)) != 0)
			return rc;
		for (rc = store_cursor_get(cur, STORE_FIRST, &key, &kl, NULL,
		                           NULL);
		     rc == 0; rc = store_cursor_get(cur, STORE_NEXT, &key, &kl,
		                                    NULL, NULL)) {
			uint32_t unit, id;
			if (kl != 8)
				continue;
			unit = wire_get_be32(key);
			id = wire_get_be32((const uint8_t *)key + 4);
			if (unit <= k->max_unit && k->unit_slot[unit] &&
			    id <= k->max_staff) {
				k->staff_slot[id] = k->unit_slot[unit];
				k->units[k->unit_slot[unit] - 1].staff++;
			}
		}
		store_cursor_close(cur);
		return rc == LRL_ENOENT ? 0 : rc;
	}
	if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &key, &kl, &v, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &key, &kl, &v, &vl)) {
		struct staff_rec s;
		uint32_t id;
		if (kl != 4 || (id = wire_get_be32(key)) > k->max_staff ||
		    staff_decode_brief(v, vl, &s) != 0 ||
		    s.unit > k->max_unit || !k->unit_slot[s.unit])
			continue;
		k->staff_slot[id] = k->unit_slot[s.unit];
		k->units[k->unit_slot[s.unit] - 1].staff++;
		k->staff_sex[id] = !strcmp(s.sex, "nữ");
		k->staff_tier[id] =
			!strcmp(s.category, "viên chức")  ? TIER_CIVIL
			: !strcmp(s.category, "hợp đồng") ? TIER_CONTRACT
							  : TIER_OTHER;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

static struct unit_fig *staff_unit(struct census *k, uint32_t id)
{
	if (id > k->max_staff || k->staff_slot[id] == 0)
		return NULL;
	return &k->units[k->staff_slot[id] - 1];
}

static struct unit_fig *unit_fig(struct census *k, uint32_t id)
{
	if (id > k->max_unit || k->unit_slot[id] == 0)
		return NULL;
	return &k->units[k->unit_slot[id] - 1];
}

static int on_pledge(const uint8_t *key, size_t kl, const void *v, size_t vl,
                     void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;
	int64_t submitted;

	if (kl != 6 || (f = staff_unit(k, wire_get_be32(key + 2))) == NULL)
		return 0;
	if (pledge_pledged(v, vl, &submitted) &&
	    (submitted == 0 || date_of_time(submitted) <= k->last_day))
		f->pledged++;
	return 0;
}

static int on_unit_pledge(const uint8_t *key, size_t kl, const void *v,
                          size_t vl, void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;

	(void)v;
	(void)vl;
	if (kl == 6 && (f = unit_fig(k, wire_get_be32(key + 2))) != NULL)
		f->collective_pledge = 1;
	return 0;
}

/* Was something recorded at time when (0: not recorded) after the
 * period's last day?  Only a period that ends before the year does (the
 * six-month report) asks, so that the others never decode a record for
 * it. */
static int after_period(const struct census *k, int64_t when)
{
	return when != 0 && date_of_time(when) > k->last_day;
}

static int on_rating(const uint8_t *key, size_t kl, const void *v, size_t vl,
                     void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;
	int r;

	if (kl != 6 || (f = staff_unit(k, wire_get_be32(key + 2))) == NULL ||
	    (k->partial && after_period(k, rating_recorded(v, vl, 'S'))))
		return 0;
	r = rating_value(v, vl);
	if (r > RB_RATING_NONE && r < RB_RATING_COUNT) {
		f->ratings[r]++;
		f->rated++;
	}
	return 0;
}

static int on_unit_rating(const uint8_t *key, size_t kl, const void *v,
                          size_t vl, void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;

	if (kl == 6 && (f = unit_fig(k, wire_get_be32(key + 2))) != NULL &&
	    !(k->partial && after_period(k, rating_recorded(v, vl, 'U'))))
		f->unit_rating = rating_value(v, vl);
	return 0;
}

/* awards and nomination_keys: year ‖ kind ‖ id ‖ code. */
static struct unit_fig *subject_fig(struct census *k, const uint8_t *key,
                                    size_t kl, int *slot, uint32_t *staff)
{
	uint32_t id;

	*staff = 0;
	if (kl <= 7)
		return NULL;
	*slot = title_slot(k, (const char *)key + 7, kl - 7);
	if (*slot < 0)
		return NULL;
	id = wire_get_be32(key + 3);
	if (key[2] == 'S') {
		*staff = id;
		return staff_unit(k, id);
	}
	return key[2] == 'U' ? unit_fig(k, id) : NULL;
}

static int on_award(const uint8_t *key, size_t kl, const void *v, size_t vl,
                    void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;
	uint32_t staff;
	int slot;

	if ((f = subject_fig(k, key, kl, &slot, &staff)) == NULL)
		return 0;
	/* The decision date matters only when the period ends before the
	 * year does. */
	if (k->partial && award_date(v, vl) > k->last_day)
		return 0;
	f->awarded[slot]++;
	if (!staff)
		f->unit_awarded[slot]++;
	if (staff) {
		k->by_sex[slot][k->staff_sex[staff]]++;
		k->by_tier[slot][k->staff_tier[staff]]++;
	}
	return 0;
}

static int on_nomination(const uint8_t *key, size_t kl, const void *v,
                         size_t vl, void *arg)
{
	struct census *k = arg;
	struct unit_fig *f;
	uint32_t staff;
	int slot;

	if ((f = subject_fig(k, key, kl, &slot, &staff)) == NULL)
		return 0;
	/* A six-month report counts the nominations made by 30/6. */
	if (k->partial) {
		const void *nv;
		size_t nl;
		if (store_get(k->t, STORE_DB_NOMINATIONS, v, vl, &nv, &nl) ==
		            0 &&
		    after_period(k, nomination_made(nv, nl)))
			return 0;
	}
	f->proposed[slot]++;
	if (!staff)
		f->unit_proposed[slot]++;
	return 0;
}

static int census_works(store_txn *t, struct census *k)
{
	store_cursor *cur;
	const void *key, *v;
	size_t kl, vl;
	int rc;

	if ((rc = store_cursor_open(t, STORE_DB_WORKS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &key, &kl, &v, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &key, &kl, &v, &vl)) {
		struct work_rec w;
		int64_t registered;
		if (work_decode_brief(v, vl, &w, &registered) != 0 ||
		    w.year != k->year)
			continue;
		/* As of the period's last day: registered by then, and
		 * recognised (or not) only if decided by then. */
		if (registered != 0 && date_of_time(registered) > k->last_day)
			w.kind = 0;
		else if (w.decision_date > k->last_day)
			w.state = WORK_REGISTERED;
		if (w.kind >= WORK_INITIATIVE && w.kind <= WORK_MODEL &&
		    w.state >= WORK_REGISTERED &&
		    w.state <= WORK_NOT_RECOGNISED)
			k->works[w.kind][w.state]++;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

/* Calls fn with the code (cl bytes) of every movement launched in the
 * census's year by its last day, in code order. */
static int movements_launched(store_txn *t, const struct census *k,
                              void (*fn)(const char *code, size_t cl,
                                         const struct movement *m, void *arg),
                              void *arg)
{
	struct movement *m = malloc(sizeof *m);
	store_cursor *cur;
	const void *key, *v;
	size_t kl, vl;
	int rc;

	if (m == NULL)
		return LRL_ENOMEM;
	if ((rc = store_cursor_open(t, STORE_DB_MOVEMENTS, &cur)) != 0) {
		free(m);
		return rc;
	}
	for (rc = store_cursor_get(cur, STORE_FIRST, &key, &kl, &v, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &key, &kl, &v, &vl))
		if (movement_decode_brief(v, vl, m) == 0 &&
		    m->year == k->year && m->from <= k->last_day)
			fn(key, kl, m, arg);
	store_cursor_close(cur);
	free(m);
	return rc == LRL_ENOENT ? 0 : rc;
}

static void count_movement(const char *code, size_t cl,
                           const struct movement *m, void *arg)
{
	static const char *const kinds[] = {"regular", "thematic", "peak"};
	struct census *k = arg;
	int i = 0;

	(void)code;
	(void)cl;
	while (i < 3 && strcmp(m->kind, kinds[i]))
		i++;
	k->movements[i]++;
	k->nmovements++;
}

static int census_movements(store_txn *t, struct census *k)
{
	return movements_launched(t, k, count_movement, k);
}

/*
 * Gathers the year's figures.  Titles come from the year's rulebook when
 * the year is open, else from the latest one loaded (earlier years hold
 * only the titles recorded for them).  last_day bounds what counts
 * (pledges submitted, movements launched, awards decided by then).
 */
static int census_make(struct lrl_ctx *c, int year, int32_t last_day,
                       const char *rulebook, int details, struct census *k)
{
	int rc;

	memset(k, 0, sizeof *k);
	k->t = c->txn;
	k->year = year;
	k->last_day = last_day;
	k->partial = last_day < date_from_ymd(year, 12, 31);
	if (rulebook && rulebook[0] &&
	    (rc = rules_load(c->txn, rulebook, &k->rb, &c->fail)) != 0)
		return rc;
	for (size_t i = 0; k->rb && i < rulebook_title_count(k->rb) &&
	                   k->ntitles < CENSUS_TITLES;
	     i++)
		k->titles[k->ntitles++] = rulebook_title_at(k->rb, i);
	if ((rc = census_units(c, k)) != 0 ||
	    (rc = census_staff(c, k, details)) != 0 ||
	    (rc = each_of_year(c->txn, STORE_DB_PLEDGES, year, on_pledge, k)) !=
	            0 ||
	    (rc = each_of_year(c->txn, STORE_DB_UNIT_PLEDGES, year,
	                       on_unit_pledge, k)) != 0 ||
	    (rc = each_of_year(c->txn, STORE_DB_RATINGS, year, on_rating, k)) !=
	            0 ||
	    (rc = each_of_year(c->txn, STORE_DB_UNIT_RATINGS, year,
	                       on_unit_rating, k)) != 0 ||
	    (rc = each_of_year(c->txn, STORE_DB_AWARDS, year, on_award, k)) !=
	            0 ||
	    (rc = each_of_year(c->txn, STORE_DB_NOMINATION_KEYS, year,
	                       on_nomination, k)) != 0 ||
	    (rc = census_works(c->txn, k)) != 0 ||
	    (rc = census_movements(c->txn, k)) != 0)
		return rc;
	return 0;
}

/* The rulebook version a year's report reads titles from: the year's
 * own, or the latest loaded for a year never opened. */
static void rulebook_for(store_txn *t, int year, char *out, size_t n)
{
	struct year_rec y;
	store_cursor *cur;
	const void *k;
	size_t kl;

	out[0] = '\0';
	if (year_get(t, year, &y) == 0) {
		snprintf(out, n, "%s", y.rulebook);
		return;
	}
	if (store_cursor_open(t, STORE_DB_RULEBOOKS, &cur) != 0)
		return;
	if (store_cursor_get(cur, STORE_LAST, &k, &kl, NULL, NULL) == 0)
		snprintf(out, n, "%.*s", (int)(kl < n ? kl : n - 1),
		         (const char *)k);
	store_cursor_close(cur);
}

/* Sums over the counted units. */
struct totals {
	int64_t staff, pledged, rated, units, collective;
	int64_t ratings[RB_RATING_COUNT];
	int64_t proposed[CENSUS_TITLES], awarded[CENSUS_TITLES];
	int64_t units_awarded[CENSUS_TITLES]; /* units with a unit award */
};

static void census_totals(const struct census *k, struct totals *t)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < k->nunits; i++) {
		const struct unit_fig *f = &k->units[i];
		t->units++;
		t->staff += f->staff;
		t->pledged += f->pledged;
		t->rated += f->rated;
		t->collective += f->collective_pledge;
		for (int r = 0; r < RB_RATING_COUNT; r++)
			t->ratings[r] += f->ratings[r];
		for (size_t j = 0; j < k->ntitles; j++) {
			t->proposed[j] += f->proposed[j];
			t->awarded[j] += f->awarded[j];
		}
	}
}

/* Staff rated r or better (a larger rating is better). */
static int64_t rated_at_least(const int64_t *ratings, int r)
{
	int64_t n = 0;

	for (int i = r; i < RB_RATING_COUNT; i++)
		n += ratings[i];
	return n;
}

/* ---- report.list ------------------------------------------------------ */

int act_REPORT_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"name", "description"};
	unsigned roles = c->actor ? users_role_bits(c->actor) : ~0u;
	size_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			list_begin(c->out, cols, 2, n);
		for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
			const struct lrl_action *a = &lrl_actions[i];
			if (!(a->flags & AF_REPORT) ||
			    action_scope(a, roles) == LRL_SC_N)
				continue;
			if (!pass) {
				n++;
				continue;
			}
			msgpack_pack_array(c->out, 2);
			mp_pack_str(c->out, a->name + strlen("report."));
			mp_pack_str(c->out, a->help);
		}
	}
	list_end(c->out, NULL);
	return 0;
}

/* ---- report.annual ------------------------------------------------------ */

static const char *rating_label(int r)
{
	return rulebook_rating_name(r);
}

/* "achieved", "not achieved" or "no decision yet" for a rate against a
 * target of more than target_pct. */
static const char *target_verdict(int64_t num, int64_t den, int target_pct)
{
	if (den <= 0 || target_pct <= 0)
		return "";
	if (num == 0)
		return N_("no decision yet");
	return num * 100 > (int64_t)target_pct * den ? N_("achieved")
	                                             : N_("not achieved");
}

static void target_row(rpt *r, const char *what, int64_t proposed,
                       int64_t awarded, int64_t den, int target)
{
	char a[32], p[32];

	rpt_row(r);
	rpt_cell(r, what);
	if (target > 0)
		rpt_cellf(r, ">%d%%", target);
	else
		rpt_cell(r, "–");
	rpt_pct_text(proposed, den, p, sizeof p);
	rpt_cell(r, p);
	rpt_pct_text(awarded, den, a, sizeof a);
	rpt_cell(r, a);
	rpt_cell(r, target_verdict(awarded, den, target));
}

static int title_index(const struct census *k, const char *code)
{
	return title_slot(k, code, strlen(code));
}

/* Units holding (proposed 0) or proposed for (1) a collective award of
 * the title in slot. */
static int64_t units_with(const struct census *k, int slot, int proposed)
{
	int64_t n = 0;

	for (size_t i = 0; slot >= 0 && i < k->nunits; i++)
		n += (proposed ? k->units[i].unit_proposed[slot]
		               : k->units[i].unit_awarded[slot]) > 0;
	return n;
}

static void movement_row(const char *code, size_t cl, const struct movement *m,
                         void *arg)
{
	rpt *r = arg;
	char d1[16], d2[16];

	date_format((int32_t)m->from, d1, sizeof d1);
	date_format((int32_t)m->to, d2, sizeof d2);
	rpt_row(r);
	rpt_cellf(r, "%.*s", (int)cl, code);
	rpt_cell(r, m->name);
	rpt_cell(r, m->kind);
	rpt_cell(r, d1);
	rpt_cell(r, d2);
}

static void section_movements(struct lrl_ctx *c, rpt *r, struct census *k)
{
	static const struct rpt_col cols[] = {{N_("Code"), 0, 0},
	                                      {N_("Movement"), 0, 0},
	                                      {N_("Kind"), 0, 1},
	                                      {N_("From"), 0, 0},
	                                      {N_("To"), 0, 0}};

	rpt_heading(r, "I. Movements launched");
	rpt_para(r, "%" PRId64 " movement(s) launched in %d.", k->nmovements,
	         k->year);
	rpt_table(r, "Movements", cols, 5);
	movements_launched(c->txn, k, movement_row, r);
	rpt_table_end(r);
}

static void section_pledges(rpt *r, const struct census *k,
                            const struct totals *t)
{
	static const struct rpt_col cols[] =
		{{N_("Unit"), 0, 0},       {N_("Staff"), 1, 0},
	         {N_("Pledged"), 1, 0},    {N_("Pledged %"), 1, 0},
	         {N_("Collective"), 0, 1}, {N_("HTXSNV"), 1, 0},
	         {N_("HTTNV"), 1, 0},      {N_("HTNV"), 1, 0},
	         {N_("KHTNV"), 1, 0},      {N_("Unit rating"), 0, 0}};

	rpt_heading(r, "II. Pledges and ratings by unit");
	rpt_para(r,
	         "%" PRId64 " of %" PRId64 " staff pledged; %" PRId64
	         " of %" PRId64 " units registered a collective pledge; "
	         "%" PRId64 " staff rated.",
	         t->pledged, t->staff, t->collective, t->units, t->rated);
	rpt_table(r, "Pledges and ratings by unit", cols, 10);
	for (size_t i = 0; i < k->nunits && !rpt_full(r); i++) {
		const struct unit_fig *f = &k->units[i];
		rpt_row(r);
		rpt_cell(r, f->name);
		rpt_cell_int(r, f->staff);
		rpt_cell_int(r, f->pledged);
		rpt_cell_pct(r, f->pledged, f->staff);
		rpt_cell(r, f->collective_pledge ? N_("yes") : N_("no"));
		for (int q = RB_RATING_COUNT - 1; q > RB_RATING_NONE; q--)
			rpt_cell_int(r, f->ratings[q]);
		rpt_cell(r, f->unit_rating ? rating_label(f->unit_rating) : "");
	}
	rpt_total(r);
	rpt_cell(r, N_("Total"));
	rpt_cell_int(r, t->staff);
	rpt_cell_int(r, t->pledged);
	rpt_cell_pct(r, t->pledged, t->staff);
	rpt_cellf(r, "%" PRId64, t->collective);
	for (int q = RB_RATING_COUNT - 1; q > RB_RATING_NONE; q--)
		rpt_cell_int(r, t->ratings[q]);
	rpt_cell(r, "");
	rpt_table_end(r);
}

static void section_targets(rpt *r, const struct census *k,
                            const struct totals *t, const struct year_rec *y,
                            int have_year)
{
	static const struct rpt_col cols[] = {{N_("Indicator"), 0, 1},
	                                      {N_("Target"), 1, 0},
	                                      {N_("Proposed"), 1, 0},
	                                      {N_("Awarded"), 1, 0},
	                                      {N_("Result"), 0, 1}};
	int ldtt = title_index(k, "LDTT"), cs = title_index(k, "CSTDCS");
	int gk = title_index(k, "GK");
	int64_t a_ldtt = ldtt >= 0 ? t->awarded[ldtt] : 0;
	int64_t p_ldtt = ldtt >= 0 ? t->proposed[ldtt] : 0;
	int64_t a_cs = cs >= 0 ? t->awarded[cs] : 0;
	int64_t p_cs = cs >= 0 ? t->proposed[cs] : 0;
	int64_t gk_units = units_with(k, gk, 0), gk_people = 0, p_gk = 0;
	int tl = have_year ? y->ints[YEAR_T_LDTT] : 0;
	char pct[32];

	/* Person Giấy khen: awards of the title that went to people. */
	if (gk >= 0) {
		gk_people = k->by_sex[gk][0] + k->by_sex[gk][1];
		for (size_t i = 0; i < k->nunits; i++)
			p_gk += k->units[i].proposed[gk] -
			        k->units[i].unit_proposed[gk];
	}
	rpt_heading(r, "III. Targets and results (plan 004)");
	rpt_pct_text(a_ldtt, t->staff, pct, sizeof pct);
	/* The verdict is part of the sentence, so that it is translated
	 * with it. */
	if (tl > 0 && a_ldtt == 0)
		rpt_para(r, "LĐTT %s — target >%d%% — no decision yet", pct, tl);
	else if (tl > 0 && a_ldtt * 100 > (int64_t)tl * t->staff)
		rpt_para(r, "LĐTT %s — target >%d%% — achieved", pct, tl);
	else if (tl > 0)
		rpt_para(r, "LĐTT %s — target >%d%% — not achieved", pct, tl);
	rpt_table(r, "Targets and results", cols, 5);
	/* xgettext:no-c-format */
	target_row(r, N_("LĐTT (% of staff)"), p_ldtt, a_ldtt, t->staff, tl);
	/* xgettext:no-c-format */
	target_row(r, N_("CSTĐCS (% of staff)"), p_cs, a_cs, t->staff,
	           have_year ? y->ints[YEAR_T_CSTDCS] : 0);
	/* xgettext:no-c-format */
	target_row(r, N_("Giấy khen (% of units)"), units_with(k, gk, 1),
	           gk_units, t->units, have_year ? y->ints[YEAR_T_GK_UNITS] : 0);
	/* xgettext:no-c-format */
	target_row(r, N_("Giấy khen (% of people)"), p_gk, gk_people, t->staff,
	           have_year ? y->ints[YEAR_T_GK_PEOPLE] : 0);
	rpt_table_end(r);
	if (a_ldtt + a_cs + gk_people + gk_units == 0)
		rpt_para(r,
		         "No award is recorded for %d yet: the proposed column "
		         "counts the heads' nominations.",
		         k->year);
}

static void section_titles(rpt *r, const struct census *k,
                           const struct totals *t)
{
	struct rpt_col cols[CENSUS_TITLES + 1];
	size_t n = 0;

	rpt_heading(r, "IV. Titles and honours by kind and unit");
	cols[n++] = (struct rpt_col){N_("Unit"), 0, 0};
	for (size_t j = 0; j < k->ntitles; j++)
		cols[n++] = (struct rpt_col){k->titles[j]->code, 1, 0};
	rpt_table(r, "Titles and honours awarded (proposed in brackets)", cols,
	          n);
	for (size_t i = 0; i < k->nunits && !rpt_full(r); i++) {
		const struct unit_fig *f = &k->units[i];
		rpt_row(r);
		rpt_cell(r, f->name);
		for (size_t j = 0; j < k->ntitles; j++)
			rpt_cellf(r, "%" PRId64 " (%" PRId64 ")", f->awarded[j],
			          f->proposed[j]);
	}
	rpt_total(r);
	rpt_cell(r, N_("Total"));
	for (size_t j = 0; j < k->ntitles; j++)
		rpt_cellf(r, "%" PRId64 " (%" PRId64 ")", t->awarded[j],
		          t->proposed[j]);
	rpt_table_end(r);
}

static void section_works(rpt *r, const struct census *k)
{
	static const struct rpt_col cols[] = {{N_("Kind"), 0, 1},
	                                      {N_("Registered"), 1, 0},
	                                      {N_("Recognised"), 1, 0},
	                                      {N_("Not recognised"), 1, 0},
	                                      {N_("Total"), 1, 0}};
	static const char *const kinds[] = {"", N_("initiatives"),
	                                    N_("research topics"),
	                                    N_("models")};

	rpt_heading(r, "V. Models, initiatives and research topics");
	rpt_table(r, "Works of the year", cols, 5);
	for (int i = 1; i < 4; i++) {
		rpt_row(r);
		rpt_cell(r, kinds[i]);
		rpt_cell_int(r, k->works[i][1]);
		rpt_cell_int(r, k->works[i][2]);
		rpt_cell_int(r, k->works[i][3]);
		rpt_cell_int(r,
		             k->works[i][1] + k->works[i][2] + k->works[i][3]);
	}
	rpt_table_end(r);
}

/* Reward money: the year's payments from the fund (decisions.h), each
 * with its decision, up to the period's last day; deposits and the
 * balance beside them. */
struct money {
	rpt *r;
	int32_t last_day;
	int64_t paid, deposits, n;
};

static int money_line(const struct fund_line *e, void *arg)
{
	struct money *m = arg;
	char a[32], d[32];

	if (e->date > m->last_day)
		return 0;
	if (!strcmp(e->kind, "deposit")) {
		m->deposits += e->amount;
		return 0;
	}
	if (strcmp(e->kind, "payment"))
		return 0;
	m->paid += e->amount;
	m->n++;
	money_format(e->amount, a, sizeof a);
	date_format(e->date, d, sizeof d);
	rpt_row(m->r);
	rpt_cell(m->r, e->source);
	rpt_cell(m->r, d);
	rpt_cell(m->r, a);
	return 0;
}

static void section_money(struct lrl_ctx *c, rpt *r, const struct census *k)
{
	static const struct rpt_col cols[] = {{N_("Decision"), 0, 0},
	                                      {N_("Date"), 0, 0},
	                                      {N_("Amount"), 1, 0}};
	struct money m = {r, k->last_day, 0, 0, 0};
	char a[32], d[32];

	rpt_heading(r, "VI. Reward money");
	if (ctx_param(c, "unit")) {
		/* The fund pays decisions, not units. */
		rpt_para(r, "Reward money is reported for the whole hospital "
		            "only (without --unit).");
		return;
	}
	rpt_table(r, "Payments from the reward fund", cols, 3);
	if (decision_fund_each(c->txn, k->year, money_line, &m) != 0) {
		rpt_table_end(r);
		return;
	}
	money_format(m.paid, a, sizeof a);
	rpt_total(r);
	rpt_cell(r, N_("Total"));
	rpt_cell(r, "");
	rpt_cell(r, a);
	rpt_table_end(r);
	if (m.n == 0) {
		rpt_para(r,
		         "No data: no reward money is paid from the fund for "
		         "%d "
		         "yet.",
		         k->year);
		return;
	}
	money_format(m.deposits, d, sizeof d);
	money_format(m.deposits - m.paid, a, sizeof a);
	rpt_para(r, "Paid into the fund: %s; balance: %s.", d, a);
}

static void chart_rated(rpt *r, const struct census *k, double target)
{
	rpt_chart(r, "Staff rated HTTNV or better, by unit", "%");
	for (size_t i = 0; i < k->nunits; i++) {
		const struct unit_fig *f = &k->units[i];
		if (f->staff == 0)
			continue;
		rpt_bar(r, f->code,
		        100.0 * (double)rated_at_least(f->ratings, RB_HTTNV) /
		                (double)f->staff,
		        target);
	}
	rpt_chart_end(r);
}

int act_REPORT_ANNUAL(struct lrl_ctx *c)
{
	struct census k;
	struct totals t;
	struct year_rec y;
	char period[16] = "year", rbv[LRL_CODE_MAX + 1];
	int64_t year = 0;
	int six, have_year, rc;
	rpt *r = NULL;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "period", period, sizeof period);
	six = !strcmp(period, "six-month");
	have_year = year_get(c->txn, (int)year, &y) == 0;
	rulebook_for(c->txn, (int)year, rbv, sizeof rbv);
	if ((rc = census_make(c, (int)year,
	                      six ? date_from_ymd((int)year, 6, 30)
	                          : date_from_ymd((int)year, 12, 31),
	                      rbv, 0, &k)) != 0)
		goto out;
	census_totals(&k, &t);
	if ((rc = rpt_begin(c,
	                    six ? N_("SIX-MONTH REPORT ON EMULATION AND "
	                             "COMMENDATION")
	                        : N_("ANNUAL REPORT ON EMULATION AND "
	                             "COMMENDATION"),
	                    &r)) != 0)
		goto out;
	rpt_subtitle(r, six ? N_("First six months of %d") : N_("Year %d"),
	             (int)year);
	if (!have_year)
		rpt_para(r, "Year %d was not opened: no deadlines or targets.",
		         (int)year);
	section_movements(c, r, &k);
	section_pledges(r, &k, &t);
	section_targets(r, &k, &t, &y, have_year);
	chart_rated(r, &k,
	            have_year && y.ints[YEAR_T_LDTT] > 0 ? y.ints[YEAR_T_LDTT]
	                                                 : -1.0);
	section_titles(r, &k, &t);
	section_works(r, &k);
	section_money(c, r, &k);
	rc = rpt_end(r);
	r = NULL;
out:
	rpt_free(r);
	census_free(&k);
	return rc;
}

/* ---- report.phase ------------------------------------------------------- */

int act_REPORT_PHASE(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] =
		{{N_("Year"), 0, 0},      {N_("Staff"), 1, 0},
	         {N_("Rated"), 1, 0},     {N_("HTXSNV %"), 1, 0},
	         {N_("≥HTTNV %"), 1, 0},  {N_("LĐTT"), 1, 0},
	         {N_("LĐTT %"), 1, 0},    {N_("CSTĐCS"), 1, 0},
	         {N_("Giấy khen"), 1, 0}, {N_("Initiatives"), 1, 0},
	         {N_("Trend"), 0, 0}};
	int64_t from = 0, to = 0;
	double prev = -1;
	rpt *r = NULL;
	int rc;
	struct {
		double rate;
		char label[8];
	} bars[100];
	size_t nb = 0;

	ctx_int(c, "from", &from);
	ctx_int(c, "to", &to);
	if (to < from)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "to",
		                    "must not be before the first year");
	if (to - from >= 30)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "to",
		                    "a phase spans at most 30 years");
	if ((rc = rpt_begin(c, "PHASE REVIEW OF EMULATION AND COMMENDATION",
	                    &r)) != 0)
		return rc;
	rpt_subtitle(r, "%" PRId64 "–%" PRId64, from, to);
	rpt_heading(r, "Results year by year");
	rpt_table(r, "Results year by year", cols, 11);
	for (int64_t yr = from; yr <= to; yr++) {
		struct census k;
		struct totals t;
		char rbv[LRL_CODE_MAX + 1];
		int ldtt, cs, gk;
		double rate;
		rulebook_for(c->txn, (int)yr, rbv, sizeof rbv);
		if ((rc = census_make(c, (int)yr,
		                      date_from_ymd((int)yr, 12, 31), rbv, 0,
		                      &k)) != 0) {
			census_free(&k);
			rpt_free(r);
			return rc;
		}
		census_totals(&k, &t);
		ldtt = title_index(&k, "LDTT");
		cs = title_index(&k, "CSTDCS");
		gk = title_index(&k, "GK");
		rate = t.staff && ldtt >= 0 ? 100.0 * (double)t.awarded[ldtt] /
		                                      (double)t.staff
		                            : 0;
		rpt_row(r);
		rpt_cellf(r, "%" PRId64, yr);
		rpt_cell_int(r, t.staff);
		rpt_cell_int(r, t.rated);
		rpt_cell_pct(r, t.ratings[RB_HTXSNV], t.rated);
		rpt_cell_pct(r, rated_at_least(t.ratings, RB_HTTNV), t.rated);
		rpt_cell_int(r, ldtt >= 0 ? t.awarded[ldtt] : 0);
		rpt_cell_pct(r, ldtt >= 0 ? t.awarded[ldtt] : 0, t.staff);
		rpt_cell_int(r, cs >= 0 ? t.awarded[cs] : 0);
		rpt_cell_int(r, gk >= 0 ? t.awarded[gk] : 0);
		rpt_cell_int(r, k.works[1][2]);
		if (prev < 0)
			rpt_cell(r, "");
		else {
			char d[32];
			double diff = rate - prev;
			snprintf(d, sizeof d, "%s%.1f",
			         diff > 0.05    ? "↑ +"
			         : diff < -0.05 ? "↓ "
			                        : "→ ",
			         diff);
			for (char *p = d; *p; p++)
				if (*p == '.')
					*p = ',';
			rpt_cell(r, d);
		}
		prev = rate;
		if (nb < sizeof bars / sizeof bars[0]) {
			bars[nb].rate = rate;
			snprintf(bars[nb].label, sizeof bars[nb].label,
			         "%" PRId64, yr);
			nb++;
		}
		census_free(&k);
	}
	rpt_table_end(r);
	rpt_para(r, "Trend: the change of the LĐTT rate from the year before, "
	            "in percentage points.");
	rpt_chart(r, "LĐTT rate by year", "%");
	for (size_t i = 0; i < nb; i++)
		rpt_bar(r, bars[i].label, bars[i].rate, -1);
	rpt_chart_end(r);
	return rpt_end(r);
}

/* ---- report.stats (forms 0601–0605) ---------------------------------- */

int act_REPORT_STATS(struct lrl_ctx *c)
{
	static const struct rpt_col mcols[] = {{N_("Kind"), 0, 1},
	                                       {N_("Movements"), 1, 0}};
	static const struct rpt_col acols[] = {{N_("Code"), 0, 0},
	                                       {N_("Title or honour"), 0, 0},
	                                       {N_("Kind"), 0, 1},
	                                       {N_("Level"), 0, 1},
	                                       {N_("Persons"), 1, 0},
	                                       {N_("Units"), 1, 0},
	                                       {N_("Total"), 1, 0}};
	static const struct rpt_col scols[] = {{N_("Code"), 0, 0},
	                                       {N_("Persons"), 1, 0},
	                                       {N_("Men"), 1, 0},
	                                       {N_("Women"), 1, 0},
	                                       {N_("Civil servants"), 1, 0},
	                                       {N_("Contract"), 1, 0},
	                                       {N_("Other"), 1, 0}};
	static const char *const mkinds[] = {N_("regular"), N_("thematic"),
	                                     N_("peak"), N_("other")};
	struct census k;
	char rbv[LRL_CODE_MAX + 1];
	int64_t year = 0;
	rpt *r = NULL;
	int rc;

	ctx_int(c, "year", &year);
	rulebook_for(c->txn, (int)year, rbv, sizeof rbv);
	if ((rc = census_make(c, (int)year, date_from_ymd((int)year, 12, 31),
	                      rbv, 1, &k)) != 0)
		goto out;
	if ((rc = rpt_begin(c, "EMULATION AND COMMENDATION STATISTICS", &r)) !=
	    0)
		goto out;
	rpt_subtitle(r, "Year %d", (int)year);
	rpt_heading(r, "Form 0601: movements");
	rpt_table(r, "Movements launched, by kind", mcols, 2);
	for (int i = 0; i < 4; i++) {
		rpt_row(r);
		rpt_cell(r, mkinds[i]);
		rpt_cell_int(r, k.movements[i]);
	}
	rpt_total(r);
	rpt_cell(r, N_("Total"));
	rpt_cell_int(r, k.nmovements);
	rpt_table_end(r);
	rpt_heading(r, "Forms 0602–0603: titles and honours by level and kind");
	rpt_table(r, "Awards by level and kind", acols, 7);
	{
		int64_t tp = 0, tu = 0;
		for (size_t j = 0; j < k.ntitles; j++) {
			const struct rulebook_title *ti = k.titles[j];
			int64_t persons = k.by_sex[j][0] + k.by_sex[j][1],
				all = 0;
			for (size_t i = 0; i < k.nunits; i++)
				all += k.units[i].awarded[j];
			rpt_row(r);
			rpt_cell(r, ti->code);
			rpt_cell(r, ti->name);
			rpt_cell(r, ti->kind == RB_HONOUR ? N_("honour")
			                                  : N_("title"));
			const char *level = ti->decided == RB_DECIDED_FORWARDED
			                            ? N_("province")
			                            : N_("hospital");
			rpt_cell(r, level);
			rpt_cell_int(r, persons);
			rpt_cell_int(r, all - persons);
			rpt_cell_int(r, all);
			tp += persons;
			tu += all - persons;
		}
		rpt_total(r);
		rpt_cell(r, N_("Total"));
		rpt_cell(r, "");
		rpt_cell(r, "");
		rpt_cell(r, "");
		rpt_cell_int(r, tp);
		rpt_cell_int(r, tu);
		rpt_cell_int(r, tp + tu);
	}
	rpt_table_end(r);
	rpt_heading(r, "Forms 0604–0605: persons awarded by sex and staff "
	               "tier");
	rpt_table(r, "Persons awarded by sex and tier", scols, 7);
	for (size_t j = 0; j < k.ntitles; j++) {
		if (!(k.titles[j]->subjects & RB_PERSON))
			continue;
		rpt_row(r);
		rpt_cell(r, k.titles[j]->code);
		rpt_cell_int(r, k.by_sex[j][0] + k.by_sex[j][1]);
		rpt_cell_int(r, k.by_sex[j][0]);
		rpt_cell_int(r, k.by_sex[j][1]);
		for (int q = 0; q < TIER_COUNT; q++)
			rpt_cell_int(r, k.by_tier[j][q]);
	}
	rpt_table_end(r);
	rc = rpt_end(r);
	r = NULL;
out:
	rpt_free(r);
	census_free(&k);
	return rc;
}

/* ---- report.tasks -------------------------------------------------------- */

/* report.tasks: the report, what it counts, and the unit it is about. */
struct tasks_report {
	struct lrl_ctx *c;
	rpt *r;
	int year;
	int32_t today;
	uint32_t root;
	int64_t count[4], overdue;
	struct task_view x; /* the task being read */
};

static int tasks_report_row(const uint8_t *key, size_t kl, const void *v,
                            size_t vl, void *arg)
{
	static const char *const states[] = {"planned", "in-progress", "done",
	                                     "cancelled"};
	struct tasks_report *a = arg;
	struct task_view *x = &a->x;
	rpt *r = a->r;
	char with[1024], code[32], due[16], lead[LRL_CODE_MAX + 1] = "";
	struct unit_rec u;
	int si;

	/* A record that is not a task is passed over. */
	if (kl != 6 ||
	    task_view_of(a->c->txn, v, vl, a->root, x, with, sizeof with) != 1)
		return 0;
	if (unit_get(a->c->txn, x->lead, &u) == 0)
		snprintf(lead, sizeof lead, "%s", u.code);
	for (si = 0; si < 4 && strcmp(x->status, states[si]); si++)
		;
	if (si < 4)
		a->count[si]++;
	if (x->due < a->today && si < 2)
		a->overdue++;
	task_code(a->year, wire_get_be32(key + 2), code, sizeof code);
	date_format((int32_t)x->due, due, sizeof due);
	rpt_row(r);
	rpt_cell(r, code);
	rpt_cell(r, x->content);
	rpt_cell(r, lead);
	rpt_cell(r, with);
	rpt_cell(r, x->period);
	rpt_cell(r, due);
	rpt_cell(r, x->due < a->today && si < 2 ? N_("overdue") : x->status);
	rpt_cell(r, x->note);
	return 0;
}

int act_REPORT_TASKS(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] = {{N_("Code"), 0, 0},
	                                      {N_("Task"), 0, 0},
	                                      {N_("Lead"), 0, 0},
	                                      {N_("With"), 0, 0},
	                                      {N_("Time"), 0, 0},
	                                      {N_("Due"), 0, 0},
	                                      {N_("Status"), 0, 1},
	                                      {N_("Progress"), 0, 0}};
	struct tasks_report a;
	int64_t year = 0;
	int rc;

	memset(&a, 0, sizeof a);
	a.c = c;
	a.today = date_of_time(c->now);
	ctx_int(c, "year", &year);
	a.year = (int)year;
	if (ctx_param(c, "unit") &&
	    (rc = unit_by_param(c, "unit", &a.root)) != 0)
		return rc;
	if ((rc = rpt_begin(c, "PLAN TASKS STATUS", &a.r)) != 0)
		return rc;
	rpt_subtitle(a.r, "Year %d", (int)year);
	rpt_table(a.r, "Plan tasks", cols, 8);
	if ((rc = each_of_year(c->txn, STORE_DB_TASKS, (int)year,
	                       tasks_report_row, &a)) != 0) {
		rpt_free(a.r);
		return rc;
	}
	rpt_table_end(a.r);
	rpt_para(a.r,
	         "%" PRId64 " planned, %" PRId64 " in progress, %" PRId64
	         " done, %" PRId64 " cancelled; %" PRId64 " overdue.",
	         a.count[0], a.count[1], a.count[2], a.count[3], a.overdue);
	return rpt_end(a.r);
}

/* ---- report.audit ------------------------------------------------------- */

int act_REPORT_AUDIT(struct lrl_ctx *c)
{
	static const struct rpt_col cols[] = {{N_("Event"), 1, 0},
	                                      {N_("Time"), 0, 0},
	                                      {N_("User"), 0, 0},
	                                      {N_("Action"), 0, 0},
	                                      {N_("Record"), 0, 0},
	                                      {N_("From uid"), 1, 0},
	                                      {N_("Signature"), 0, 1}};
	int64_t from = 0, to = 0, n = 0, bad = 0;
	char d1[16], d2[16];
	rpt *r = NULL;
	int rc = 0;

	ctx_int(c, "from", &from);
	ctx_int(c, "to", &to);
	if (to < from)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "to",
		                    "must not be before the first day");
	if ((rc = rpt_begin(c, "AUDIT TRAIL", &r)) != 0)
		return rc;
	date_format((int32_t)from, d1, sizeof d1);
	date_format((int32_t)to, d2, sizeof d2);
	rpt_subtitle(r, "%s – %s", d1, d2);
	rpt_table(r, "Events", cols, 7);
	for (uint64_t seq = 1;; seq++) {
		const void *v;
		size_t vl;
		msgpack_unpacked ue, ur;
		struct evlog_event ev;
		struct wire_req q;
		char when[32], who[LRL_LOGIN_MAX + 1] = "(server)";
		uint8_t pk[LRL_PK_LEN];
		int32_t day;
		int valid;

		if ((rc = evlog_get(c->txn, seq, &v, &vl)) != 0)
			break;
		msgpack_unpacked_init(&ue);
		msgpack_unpacked_init(&ur);
		if (evlog_decode(&ue, v, vl, &ev) != 0 ||
		    wire_req_decode(&ur, ev.req, ev.req_len, &q) != 0) {
			msgpack_unpacked_destroy(&ue);
			msgpack_unpacked_destroy(&ur);
			rc = LRL_ECORRUPT;
			break;
		}
		day = date_of_time(ev.time);
		if (day >= from && day <= to) {
			n++;
			/* Rows outside the page are counted, not checked. */
			if (rpt_row(r)) {
				if (ev.actor == 0) {
					memcpy(pk, c->ident->server_pk,
					       LRL_PK_LEN);
				} else {
					struct user_rec u;
					if (users_get(c->txn,
					              (uint32_t)ev.actor,
					              &u) == 0)
						snprintf(who, sizeof who, "%s",
						         u.login);
					if (users_key_at(c->txn,
					                 (uint32_t)ev.actor,
					                 seq, pk) != 0)
						memset(pk, 0, sizeof pk);
				}
				valid = crypto_sign_verify_detached(ev.sig,
				                                    ev.req,
				                                    ev.req_len,
				                                    pk) == 0;
				bad += !valid;
				date_format_time(ev.time, when, sizeof when);
				rpt_cell_int(r, (int64_t)seq);
				rpt_cell(r, when);
				rpt_cell(r, who);
				rpt_cellf(r, "%.*s",
				          (int)(q.action_len > 60
				                        ? 60
				                        : q.action_len),
				          q.action);
				{
					const struct lrl_action *act =
						action_find(q.action,
					                    q.action_len);
					char subj[128] = "";
					if (act)
						action_subject_text(act,
						                    q.params,
						                    subj,
						                    sizeof subj);
					rpt_cell(r, subj);
				}
				rpt_cell_int(r, ev.origin_uid);
				rpt_cell(r, valid ? N_("verified")
				                  : N_("INVALID"));
			}
		}
		msgpack_unpacked_destroy(&ue);
		msgpack_unpacked_destroy(&ur);
	}
	if (rc != LRL_ENOENT) {
		rpt_free(r);
		return rc;
	}
	rpt_table_end(r);
	rpt_para(r, "%" PRId64 " event(s) in the period.", n);
	if (bad)
		rpt_para(r,
		         "%" PRId64 " event(s) on this page failed signature "
		         "verification.",
		         bad);
	return rpt_end(r);
}
