/* eligibility.c — evaluating candidates against a rulebook, and the
 * money of awards (see eligibility.h). */
#include "laurel/eligibility.h"

/* Marks a message for the catalogue; it is looked up where it is shown. */
#define N_(s) (s)

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/err.h"

struct ctx {
	const struct eligibility_facts *f;
	int year;
	int quiet; /* > 0 while checking a prerequisite title silently */
	struct eligibility_result *res;
	size_t cap;
	int nomem;
};

/* ---- lines ------------------------------------------------------------- */

/* Appends a line (nothing while quiet) and returns its index, or -1. */
__attribute__((format(printf, 5, 6))) static long emit(struct ctx *c,
                                                       int depth, int pass,
                                                       int rule_line,
                                                       const char *fmt, ...)
{
	struct eligibility_result *r = c->res;
	struct eligibility_line *l;
	va_list ap, aq;

	if (c->quiet || c->nomem)
		return -1;
	if (r->nlines == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		l = realloc(r->lines, cap * sizeof *l);
		if (l == NULL) {
			c->nomem = 1;
			return -1;
		}
		r->lines = l;
		c->cap = cap;
	}
	l = &r->lines[r->nlines];
	memset(l, 0, sizeof *l);
	l->depth = depth;
	l->pass = pass;
	l->rule_line = rule_line;
	va_start(ap, fmt);
	va_copy(aq, ap);
	vsnprintf(l->text, sizeof l->text, fmt, aq);
	va_end(aq);
	msg_capture(&l->msg, fmt, ap);
	va_end(ap);
	return (long)r->nlines++;
}

/* Rewrites line i (a group heading, written once its children are
 * known). */
__attribute__((format(printf, 4, 5))) static void set_line(struct ctx *c,
                                                           long i, int pass,
                                                           const char *fmt,
                                                           ...)
{
	struct eligibility_line *l;
	va_list ap, aq;

	if (i < 0 || c->nomem)
		return;
	l = &c->res->lines[i];
	l->pass = pass;
	va_start(ap, fmt);
	va_copy(aq, ap);
	vsnprintf(l->text, sizeof l->text, fmt, aq);
	va_end(aq);
	msg_capture(&l->msg, fmt, ap);
	va_end(ap);
}

/* ---- small helpers ------------------------------------------------------- */

static int rating_in(const struct eligibility_facts *f, int year)
{
	for (size_t i = 0; i < f->nratings; i++)
		if (f->ratings[i].year == year)
			return f->ratings[i].rating;
	return RB_RATING_NONE;
}

static int held_in(const struct eligibility_facts *f, const char *code,
                   int year)
{
	for (size_t i = 0; i < f->ntitles; i++)
		if (f->titles[i].year == year && !strcmp(f->titles[i].code, code))
			return 1;
	return 0;
}

static unsigned members_with(const struct eligibility_facts *f,
                             const char *code)
{
	for (size_t i = 0; i < f->nmember_titles; i++)
		if (!strcmp(f->member_titles[i].code, code))
			return f->member_titles[i].count;
	return 0;
}

/* Appends ", year" to a list of years held in buf. */
static void add_year(char *buf, size_t n, int year)
{
	size_t len = strlen(buf);

	snprintf(buf + len, n - len, "%s%d", len ? ", " : "", year);
}

/* "2026" or "2024–2026". */
static void period(char *buf, size_t n, int first, int last)
{
	if (first == last)
		snprintf(buf, n, "%d", last);
	else
		snprintf(buf, n, "%d–%d", first, last);
}

/* Hundredths of a percent as "70" or "66.67". */
static void bp_text(char *buf, size_t n, long long bp)
{
	if (bp % 100 == 0)
		snprintf(buf, n, "%lld", bp / 100);
	else if (bp % 10 == 0)
		snprintf(buf, n, "%lld.%lld", bp / 100, (bp % 100) / 10);
	else
		snprintf(buf, n, "%lld.%02lld", bp / 100, bp % 100);
}

/* count / total as a percentage rounded down to 0.1 ("71.4"), so that a
 * share shown as 70 is never below 70. */
static void share_text(char *buf, size_t n, unsigned count, unsigned total)
{
	unsigned long long pm = total ? (unsigned long long)count * 1000 / total
	                              : 0;

	if (pm % 10 == 0)
		snprintf(buf, n, "%llu", pm / 10);
	else
		snprintf(buf, n, "%llu.%llu", pm / 10, pm % 10);
}

/* count/total >= bp/10000, exactly. */
static int share_ok(unsigned count, unsigned total, int bp)
{
	return total > 0 &&
	       (unsigned long long)count * 10000 >=
	               (unsigned long long)bp * total;
}

/* ---- criteria ------------------------------------------------------------ */

static int eval_list(struct ctx *c, const struct rulebook_rule *r, size_t n,
                     int depth, int *applicable);
static int eval_rule(struct ctx *c, const struct rulebook_rule *r, int depth);

/* Does the candidate meet every criterion of t in the year evaluated?
 * (Blockers are not part of this: they are reported once, on top.) */
static int meets_now(struct ctx *c, const struct rulebook_title *t)
{
	int ok, applicable;

	c->quiet++;
	ok = eval_list(c, t->rules, t->nrules, 0, &applicable) == 0;
	c->quiet--;
	return ok;
}

static int eval_rating(struct ctx *c, const struct rulebook_rule *r,
                       int depth)
{
	const char *need = rulebook_rating_name(r->rating);
	int first = c->year - r->years + 1, ok;
	char missing[MSG_ARG_LEN] = "";

	if (r->years == 1) {
		int got = rating_in(c->f, c->year);
		ok = got >= r->rating;
		if (got == RB_RATING_NONE)
			emit(c, depth, ok, r->line,
			     "no rating for %d — needs %s or better", c->year, need);
		else
			emit(c, depth, ok, r->line, "rating %s in %d — needs %s or "
			     "better", rulebook_rating_name(got), c->year, need);
		return ok;
	}
	for (int y = first; y <= c->year; y++)
		if (rating_in(c->f, y) < r->rating)
			add_year(missing, sizeof missing, y);
	ok = missing[0] == '\0';
	if (ok)
		emit(c, depth, 1, r->line, "rating %s or better in every year "
		     "%d–%d — needs %d years in a row", need, first, c->year,
		     r->years);
	else
		emit(c, depth, 0, r->line, "rating %s or better missing in %s — "
		     "needs %d years in a row (%d–%d)", need, missing, r->years,
		     first, c->year);
	return ok;
}

static int eval_title(struct ctx *c, const struct rulebook_rule *r, int depth)
{
	const char *code = r->ref->code;
	int first = c->year - r->years + 1;
	int now_held = held_in(c->f, code, c->year);
	int now = now_held || meets_now(c, r->ref);
	char missing[MSG_ARG_LEN] = "";

	if (r->years == 1) {
		if (now_held)
			emit(c, depth, 1, r->line, "%s for %d: awarded", code,
			     c->year);
		else if (now)
			emit(c, depth, 1, r->line, "%s for %d: not yet awarded, "
			     "but its criteria are met", code, c->year);
		else
			emit(c, depth, 0, r->line, "%s for %d: not awarded and its "
			     "criteria are not met — needs %s", code, c->year, code);
		return now;
	}
	for (int y = first; y < c->year; y++)
		if (!held_in(c->f, code, y))
			add_year(missing, sizeof missing, y);
	if (!now)
		add_year(missing, sizeof missing, c->year);
	if (missing[0]) {
		emit(c, depth, 0, r->line, "%s missing in %s — needs %d years in "
		     "a row (%d–%d)", code, missing, r->years, first, c->year);
		return 0;
	}
	if (now_held)
		emit(c, depth, 1, r->line, "%s in every year %d–%d — needs %d "
		     "years in a row", code, first, c->year, r->years);
	else
		emit(c, depth, 1, r->line, "%s in every year %d–%d (%d by meeting "
		     "its criteria now) — needs %d years in a row", code, first,
		     c->year, c->year, r->years);
	return 1;
}

static int eval_discipline(struct ctx *c, const struct rulebook_rule *r,
                           int depth)
{
	int32_t start = date_from_ymd(c->year, 1, 1);
	int32_t end = date_from_ymd(c->year, 12, 31);
	const struct eligibility_discipline *worst = NULL;
	const char *need = rulebook_discipline_name(r->level);
	char from[16], until[16];

	for (size_t i = 0; i < c->f->ndisciplines; i++) {
		const struct eligibility_discipline *d = &c->f->disciplines[i];
		if (d->level < r->level || d->from > end || d->until < start)
			continue;
		if (worst == NULL || d->level > worst->level ||
		    (d->level == worst->level && d->until > worst->until))
			worst = d;
	}
	if (worst == NULL) {
		emit(c, depth, 1, r->line, "no discipline of %s or worse in effect "
		     "in %d — needs none", need, c->year);
		return 1;
	}
	date_format(worst->from, from, sizeof from);
	date_format(worst->until, until, sizeof until);
	emit(c, depth, 0, r->line, "%s from %s to %s, in effect in %d — needs "
	     "no discipline of %s or worse", rulebook_discipline_name(worst->level),
	     from, until, c->year, need);
	return 0;
}

static int eval_worked(struct ctx *c, const struct rulebook_rule *r,
                       int depth)
{
	int worked = c->f->months_worked, mat = c->f->months_maternity;
	int total = worked + (r->maternity ? mat : 0);
	int ok = total >= r->count;

	if (mat == 0)
		emit(c, depth, ok, r->line, "worked %d months in %d — needs at "
		     "least %d months", worked, c->year, r->count);
	else if (r->maternity)
		emit(c, depth, ok, r->line, "worked %d months plus %d months of "
		     "maternity leave in %d — needs at least %d months", worked,
		     mat, c->year, r->count);
	else
		emit(c, depth, ok, r->line, "worked %d months in %d (maternity "
		     "leave not counted) — needs at least %d months", worked,
		     c->year, r->count);
	return ok;
}

static int eval_works(struct ctx *c, const struct rulebook_rule *r,
                      int depth)
{
	int kind = r->kind == RB_INITIATIVES ? ELIG_INITIATIVE : ELIG_RESEARCH;
	int first = c->year - r->years + 1, unused = 0, used = 0, ok;
	char when[24];

	for (size_t i = 0; i < c->f->nworks; i++) {
		const struct eligibility_work *wk = &c->f->works[i];
		if (wk->kind != kind || wk->scope < r->scope || wk->year < first ||
		    wk->year > c->year)
			continue;
		if (wk->used)
			used++;
		else
			unused++;
	}
	ok = unused >= r->count;
	period(when, sizeof when, first, c->year);
	if (kind == ELIG_INITIATIVE)
		emit(c, depth, ok, r->line, "recognised initiatives of %s scope or "
		     "wider in %s: %d not yet used, %d already the basis of "
		     "another honour — needs at least %d",
		     rulebook_scope_name(r->scope), when, unused, used, r->count);
	else
		emit(c, depth, ok, r->line, "accepted research topics of %s scope "
		     "or wider in %s: %d not yet used, %d already the basis of "
		     "another honour — needs at least %d",
		     rulebook_scope_name(r->scope), when, unused, used, r->count);
	return ok;
}

static int eval_members(struct ctx *c, const struct rulebook_rule *r,
                        int depth)
{
	const struct eligibility_facts *f = c->f;
	unsigned have = 0;
	char what[32], got[16], need[16];
	int ok;

	if (r->kind == RB_MEMBERS_TITLE) {
		have = members_with(f, r->ref->code);
		snprintf(what, sizeof what, "%s", r->ref->code);
	} else {
		for (int k = r->rating; k < RB_RATING_COUNT; k++)
			have += f->members_by_rating[k];
		snprintf(what, sizeof what, "%s", rulebook_rating_name(r->rating));
	}
	if (r->percent_bp) {
		ok = share_ok(have, f->members, r->percent_bp);
		share_text(got, sizeof got, have, f->members);
		bp_text(need, sizeof need, r->percent_bp);
		if (r->kind == RB_MEMBERS_TITLE)
			emit(c, depth, ok, r->line, "%u of %u members hold %s "
			     "(%s%%) — needs at least %s%%", have, f->members, what,
			     got, need);
		else
			emit(c, depth, ok, r->line, "%u of %u members rated %s or "
			     "better (%s%%) — needs at least %s%%", have, f->members,
			     what, got, need);
	} else {
		ok = have >= (unsigned)r->count;
		if (r->kind == RB_MEMBERS_TITLE)
			emit(c, depth, ok, r->line, "%u of %u members hold %s — "
			     "needs at least %d", have, f->members, what, r->count);
		else
			emit(c, depth, ok, r->line, "%u of %u members rated %s or "
			     "better — needs at least %d", have, f->members, what,
			     r->count);
	}
	return ok;
}

static int eval_member_discipline(struct ctx *c, const struct rulebook_rule *r,
                                  int depth)
{
	int worst = c->f->worst_member_discipline;
	int ok = worst < r->level;
	const char *need = rulebook_discipline_name(r->level);

	if (worst == RB_DISC_NONE)
		emit(c, depth, 1, r->line, "no member disciplined in %d — needs "
		     "nobody disciplined with %s or worse", c->year, need);
	else
		emit(c, depth, ok, r->line, "most serious discipline among "
		     "members in %d: %s — needs nobody disciplined with %s or "
		     "worse", c->year, rulebook_discipline_name(worst), need);
	return ok;
}

/* One format pair per achievement, so each reads naturally and
 * translates as a whole. */
static const struct {
	const char *pass, *fail;
} achievement_text[RB_ACH_COUNT] = {
	[RB_ACH_MOVEMENT] = {"achievement in a movement in %d: recorded",
	                     "no achievement in a movement recorded in %d — "
	                     "needs one"},
	[RB_ACH_ADHOC] = {"ad-hoc achievement in %d: recorded",
	                  "no ad-hoc achievement recorded in %d — needs one"},
	[RB_ACH_CLUSTER_LEADER] = {"leads its emulation cluster in %d",
	                           "does not lead its emulation cluster in %d "
	                           "— needs to"},
};

static int eval_achievement(struct ctx *c, const struct rulebook_rule *r,
                            int depth)
{
	int ok = (c->f->achievements >> r->achievement) & 1u;

	emit(c, depth, ok, r->line,
	     ok ? achievement_text[r->achievement].pass
	        : achievement_text[r->achievement].fail,
	     c->year);
	return ok;
}

static int eval_group(struct ctx *c, const struct rulebook_rule *r, int depth)
{
	int applicable, failed, held, ok;
	long head;

	if (r->kind == RB_WHEN) {
		/* Transparent: its children stand at the same level. */
		failed = eval_list(c, r->children, r->nchildren, depth, &applicable);
		return failed == 0;
	}
	head = emit(c, depth, 0, r->line, "%s", "");
	failed = eval_list(c, r->children, r->nchildren, depth + 1, &applicable);
	held = applicable - failed;
	if (r->kind == RB_ANY_OF) {
		ok = held > 0;
		if (ok)
			set_line(c, head, 1, "at least one of the following holds "
			         "(%d of %d)", held, applicable);
		else
			set_line(c, head, 0, "none of the following holds — needs "
			         "at least one");
	} else {
		ok = failed == 0;
		if (ok)
			set_line(c, head, 1, "all of the following hold (%d of %d)",
			         held, applicable);
		else
			set_line(c, head, 0, "not all of the following hold (%d of "
			         "%d) — needs all", held, applicable);
	}
	return ok;
}

/* 1 holds, 0 fails, -1 does not apply to this subject. */
static int eval_rule(struct ctx *c, const struct rulebook_rule *r, int depth)
{
	if (!(r->audience & c->f->subject))
		return -1;
	switch (r->kind) {
	case RB_ALL_OF:
	case RB_ANY_OF:
	case RB_WHEN:
		return eval_group(c, r, depth);
	case RB_RATING:
		return eval_rating(c, r, depth);
	case RB_HOLDS_TITLE:
		return eval_title(c, r, depth);
	case RB_NO_DISCIPLINE:
		return eval_discipline(c, r, depth);
	case RB_WORKED:
		return eval_worked(c, r, depth);
	case RB_INITIATIVES:
	case RB_RESEARCH:
		return eval_works(c, r, depth);
	case RB_MEMBERS_TITLE:
	case RB_MEMBERS_RATING:
		return eval_members(c, r, depth);
	case RB_NO_MEMBER_DISCIPLINE:
		return eval_member_discipline(c, r, depth);
	case RB_ACHIEVEMENT:
		return eval_achievement(c, r, depth);
	}
	return 0;
}

/* Evaluates every rule of a list (never stopping early); returns how
 * many of those that apply fail, and in *applicable how many apply. */
static int eval_list(struct ctx *c, const struct rulebook_rule *r, size_t n,
                     int depth, int *applicable)
{
	int failed = 0;

	*applicable = 0;
	for (size_t i = 0; i < n; i++) {
		int v = eval_rule(c, &r[i], depth);
		if (v < 0)
			continue;
		(*applicable)++;
		failed += v == 0;
	}
	return failed;
}

/* ---- checking the facts ---------------------------------------------------- */

static int facts_valid(const struct eligibility_facts *f)
{
	unsigned rated = 0;

	for (size_t i = 0; i < f->nratings; i++)
		if (f->ratings[i].rating < RB_KHTNV ||
		    f->ratings[i].rating > RB_HTXSNV)
			return 0;
	for (size_t i = 0; i < f->ntitles; i++)
		if (f->titles[i].code == NULL)
			return 0;
	if (f->report < ELIG_REPORT_UNKNOWN || f->report > ELIG_REPORT_ATTACHED)
		return 0;
	if (f->subject == RB_PERSON) {
		for (size_t i = 0; i < f->ndisciplines; i++) {
			const struct eligibility_discipline *d = &f->disciplines[i];
			if (d->level < RB_DISC_REPRIMAND || d->level >= RB_DISC_COUNT ||
			    d->until < d->from)
				return 0;
		}
		if (f->months_worked < 0 || f->months_maternity < 0 ||
		    f->months_worked + f->months_maternity > 12)
			return 0;
		for (size_t i = 0; i < f->nworks; i++) {
			const struct eligibility_work *wk = &f->works[i];
			if ((wk->kind != ELIG_INITIATIVE && wk->kind != ELIG_RESEARCH) ||
			    wk->scope < RB_SCOPE_HOSPITAL || wk->scope >= RB_SCOPE_COUNT)
				return 0;
		}
	} else {
		for (int k = 0; k < RB_RATING_COUNT; k++) {
			if (f->members_by_rating[k] > f->members - rated)
				return 0;
			rated += f->members_by_rating[k];
		}
		for (size_t i = 0; i < f->nmember_titles; i++)
			if (f->member_titles[i].code == NULL ||
			    f->member_titles[i].count > f->members)
				return 0;
		if (f->worst_member_discipline < RB_DISC_NONE ||
		    f->worst_member_discipline >= RB_DISC_COUNT)
			return 0;
	}
	return 1;
}

/* ---- the entry points ------------------------------------------------------ */

/* The blockers, in the order they are reported. */
static const struct {
	size_t offset;
	const char *text;
} blockers[] = {
	{offsetof(struct eligibility_facts, open_complaint),
	 N_("an open complaint — no award until it is resolved")},
	{offsetof(struct eligibility_facts, discipline_review),
	 N_("a discipline review under way — no award until it ends")},
	{offsetof(struct eligibility_facts, investigation),
	 N_("an investigation under way — no award until it ends")},
};

static void verdict(struct ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void verdict(struct ctx *c, const char *fmt, ...)
{
	struct eligibility_result *r = c->res;
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	vsnprintf(r->verdict, sizeof r->verdict, fmt, aq);
	va_end(aq);
	msg_capture(&r->verdict_msg, fmt, ap);
	va_end(ap);
}

int eligibility_evaluate(const struct rulebook *rb, const char *code,
                         const struct eligibility_facts *f,
                         struct eligibility_result **out)
{
	const struct rulebook_title *t = rulebook_title_find(rb, code);
	struct ctx c = {0};
	int applicable = 0;
	unsigned total = 0; /* top-level criteria, the report line included */

	*out = NULL;
	if (t == NULL)
		return LRL_ENOENT;
	if ((f->subject != RB_PERSON && f->subject != RB_UNIT) ||
	    !(t->subjects & f->subject) || !facts_valid(f))
		return LRL_EINVAL;
	if ((c.res = calloc(1, sizeof *c.res)) == NULL)
		return LRL_ENOMEM;
	c.f = f;
	c.year = f->year ? f->year : rulebook_year(rb);
	c.res->title = t;
	c.res->subject = f->subject;
	c.res->year = c.year;

	for (size_t i = 0; i < sizeof blockers / sizeof blockers[0]; i++) {
		if (*(const int *)((const char *)f + blockers[i].offset)) {
			long l = emit(&c, 0, 0, 0, "%s", blockers[i].text);
			if (l >= 0) {
				/* The reason is the format itself, with no
				 * arguments, so that it translates whole. */
				c.res->lines[l].msg.fmt = blockers[i].text;
				c.res->lines[l].msg.n = 0;
				c.res->lines[l].blocking = 1;
			}
			c.res->blocked = 1;
		}
	}
	if (t->report && f->report != ELIG_REPORT_UNKNOWN) {
		int ok = f->report == ELIG_REPORT_ATTACHED;
		if (ok)
			emit(&c, 0, 1, 0, "achievement report attached — required "
			     "for %s", t->code);
		else
			emit(&c, 0, 0, 0, "no achievement report — required for %s",
			     t->code);
		c.res->failed += !ok;
		total++;
	}
	c.res->failed += (unsigned)eval_list(&c, t->rules, t->nrules, 0,
	                                     &applicable);
	total += (unsigned)applicable;
	if (c.nomem) {
		eligibility_free(c.res);
		return LRL_ENOMEM;
	}
	c.res->eligible = !c.res->blocked && c.res->failed == 0;
	if (c.res->blocked)
		verdict(&c, "not eligible for %s: blocked until the open matter "
		        "is resolved", t->code);
	else if (c.res->eligible)
		verdict(&c, "eligible for %s", t->code);
	else
		verdict(&c, "not eligible for %s: %u of %u criteria not met",
		        t->code, c.res->failed, total);
	*out = c.res;
	return 0;
}

void eligibility_free(struct eligibility_result *r)
{
	if (r == NULL)
		return;
	free(r->lines);
	free(r);
}

int eligibility_money(const struct rulebook *rb, const char *code,
                      int subject, int32_t decision_date,
                      struct eligibility_money *m)
{
	const struct rulebook_title *t = rulebook_title_find(rb, code);
	int64_t unit;
	int rc;

	memset(m, 0, sizeof *m);
	if (t == NULL)
		return LRL_ENOENT;
	if ((subject != RB_PERSON && subject != RB_UNIT) ||
	    !(t->subjects & subject))
		return LRL_EINVAL;
	if ((rc = rulebook_base_salary(rb, decision_date, &m->base,
	                               &m->base_from)))
		return rc;
	m->coefficient = rulebook_coefficient(t, subject);
	m->rounding = rulebook_rounding(rb);
	/* Both factors are bounded by the rulebook's limits (coefficient
	 * ≤ 100,000 thousandths, base ≤ 10^9), so this fits in 64 bits. */
	m->exact_milli = (int64_t)m->coefficient * m->base;
	unit = m->rounding * 1000;
	m->amount = (m->exact_milli + unit - 1) / unit * m->rounding;
	return 0;
}

int eligibility_pay(const struct rulebook *rb, int32_t decision_date,
                    struct eligibility_award *a, size_t n)
{
	struct eligibility_money m;
	int rc;

	for (size_t i = 0; i < n; i++) {
		if (a[i].code == NULL)
			return LRL_EINVAL;
		if ((rc = eligibility_money(rb, a[i].code, a[i].subject,
		                            decision_date, &m)))
			return rc;
		a[i].amount = m.amount;
		a[i].pays = 1;
		a[i].paid_instead = -1;
	}
	/* Of the titles for one subject and period, the one worth most
	 * pays; every other title of that period points at it. */
	for (size_t i = 0; i < n; i++) {
		size_t best = i;
		if (rulebook_title_find(rb, a[i].code)->kind != RB_TITLE)
			continue;
		for (size_t j = 0; j < n; j++)
			if (rulebook_title_find(rb, a[j].code)->kind == RB_TITLE &&
			    a[j].subject == a[i].subject &&
			    a[j].period == a[i].period &&
			    (a[j].amount > a[best].amount ||
			     (a[j].amount == a[best].amount && j < best)))
				best = j;
		if (best != i) {
			a[i].pays = 0;
			a[i].paid_instead = (int)best;
		}
	}
	return 0;
}

int eligibility_cap_limit(const struct rulebook *rb, const char *code,
                          unsigned base_count, unsigned *limit)
{
	const struct rulebook_cap *cap = rulebook_cap_find(rb, code);

	if (cap == NULL)
		return LRL_ENOENT;
	*limit = (unsigned)((unsigned long long)base_count *
	                    (unsigned)cap->percent_bp / 10000);
	return 0;
}
