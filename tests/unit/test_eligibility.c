/* test_eligibility.c — the rules engine against the shipped 2026
 * rulebook: every criterion of every title passes and fails with the data
 * behind it, collectives are judged from their members, "N years in a
 * row" from history, blockers block, and money is computed and paid as
 * DOMAIN.md §4 says. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/eligibility.h"
#include "laurel/err.h"
#include "laurel/rulebook.h"

#define DEFAULT_RULEBOOK "data/rulebook-2026.txt"

static struct rulebook *load_default(void)
{
	struct rulebook_error err;
	struct rulebook *rb;
	FILE *f = fopen(DEFAULT_RULEBOOK, "rb");
	char *text;
	long n;
	int rc;

	ck_assert_msg(f != NULL, "cannot open %s (run from the repository root)",
	              DEFAULT_RULEBOOK);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)n);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	rc = rulebook_parse(text, (size_t)n, &rb, &err);
	ck_assert_msg(rc == 0, "%s:%d: %s", DEFAULT_RULEBOOK, err.line,
	              err.message);
	free(text);
	return rb;
}

static int32_t day(const char *s)
{
	int32_t d;

	ck_assert_int_eq(date_parse(s, &d), 0);
	return d;
}

/* ---- the facts of the cases -------------------------------------------- */

/* Arrays inside a static table: a compound literal and its length. */
#define LIST(type, ...)                                                        \
	(const type[]){__VA_ARGS__},                                           \
		sizeof((const type[]){__VA_ARGS__}) / sizeof(type)
#define RATINGS(...) .ratings = LIST(struct eligibility_rating, __VA_ARGS__)
#define HELD(...) .titles = LIST(struct eligibility_held, __VA_ARGS__)
#define DISCIPLINES(...)                                                       \
	.disciplines = LIST(struct eligibility_discipline, __VA_ARGS__)
#define WORKS(...) .works = LIST(struct eligibility_work, __VA_ARGS__)
#define MEMBER_TITLES(...)                                                     \
	.member_titles = LIST(struct eligibility_count, __VA_ARGS__)

/* Days since 1970-01-01 of d/m/y as a constant expression, for the
 * static tables (Hinnant's days-from-civil, as date_from_ymd computes it,
 * for years after 0). */
#define CIV_Y(m, y) ((y) - ((m) <= 2))
#define CIV_YOE(m, y) (CIV_Y(m, y) % 400)
#define CIV_DOY(d, m) ((153 * ((m) + ((m) > 2 ? -3 : 9)) + 2) / 5 + (d)-1)
#define D(d, m, y)                                                             \
	(CIV_Y(m, y) / 400 * 146097 + CIV_YOE(m, y) * 365 + CIV_YOE(m, y) / 4 - \
	 CIV_YOE(m, y) / 100 + CIV_DOY(d, m) - 719468)

/* A person who worked the whole of 2026; a unit of 20 members. */
#define PERSON_PART .subject = RB_PERSON, .year = 2026
#define PERSON PERSON_PART, .months_worked = 12
#define UNIT .subject = RB_UNIT, .year = 2026, .members = 20

/* The members of a unit that meets every collective criterion:
 * everyone rated HTNV or better, 15 LDTT (75%), 1 CSTDCS. */
#define GOOD_MEMBERS                                                           \
	.members_by_rating = {[RB_HTXSNV] = 5, [RB_HTTNV] = 10, [RB_HTNV] = 5},  \
	MEMBER_TITLES({"LDTT", 15}, {"CSTDCS", 1})

struct expect {
	const char *text; /* a part of one line */
	int pass;
};

struct elig_case {
	const char *name;
	const char *code;
	struct eligibility_facts facts;
	int eligible;
	struct expect lines[6];
};

static const struct elig_case cases[] = {
	/* ---- LDTT: rating >= HTTNV; no discipline >= reprimand; worked
	 * >= 10 months including maternity leave. */
	{"LDTT: every criterion holds", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV})}, 1,
	 {{"rating HTTNV in 2026 — needs HTTNV or better", 1},
	  {"no discipline of reprimand or worse in effect in 2026 — needs none", 1},
	  {"worked 12 months in 2026 — needs at least 10 months", 1}}},
	{"LDTT: HTXSNV is better than needed", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTXSNV})}, 1,
	 {{"rating HTXSNV in 2026 — needs HTTNV or better", 1}}},
	{"LDTT: rating HTNV fails", "LDTT", {PERSON, RATINGS({2026, RB_HTNV})},
	 0, {{"rating HTNV in 2026 — needs HTTNV or better", 0}}},
	{"LDTT: last year's rating does not count", "LDTT",
	 {PERSON, RATINGS({2025, RB_HTXSNV})}, 0,
	 {{"no rating for 2026 — needs HTTNV or better", 0}}},
	{"LDTT: a reprimand in the year fails", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  DISCIPLINES({RB_DISC_REPRIMAND, D(1, 3, 2026), D(31, 8, 2026)})},
	 0,
	 {{"reprimand from 01/03/2026 to 31/08/2026, in effect in 2026 — needs "
	   "no discipline of reprimand or worse", 0},
	  {"rating HTTNV in 2026", 1}}},
	{"LDTT: a warning is worse than a reprimand and fails too", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  DISCIPLINES({RB_DISC_REPRIMAND, D(1, 2, 2026), D(31, 7, 2026)},
	              {RB_DISC_WARNING, D(1, 9, 2026), D(31, 8, 2027)})},
	 0, {{"warning from 01/09/2026 to 31/08/2027, in effect in 2026", 0}}},
	{"LDTT: a discipline that ended last year does not count", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  DISCIPLINES({RB_DISC_WARNING, D(1, 1, 2025), D(31, 12, 2025)})},
	 1, {{"no discipline of reprimand or worse in effect in 2026", 1}}},
	{"LDTT: a discipline running into the year counts against it", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  DISCIPLINES({RB_DISC_REPRIMAND, D(1, 10, 2025), D(31, 3, 2026)})},
	 0, {{"reprimand from 01/10/2025 to 31/03/2026, in effect in 2026", 0}}},
	{"LDTT: nine months are not enough", "LDTT",
	 {PERSON_PART, RATINGS({2026, RB_HTTNV}), .months_worked = 9}, 0,
	 {{"worked 9 months in 2026 — needs at least 10 months", 0}}},
	{"LDTT: maternity leave counts as months worked", "LDTT",
	 {PERSON_PART, RATINGS({2026, RB_HTTNV}), .months_worked = 6,
	  .months_maternity = 6},
	 1,
	 {{"worked 6 months plus 6 months of maternity leave in 2026 — needs "
	   "at least 10 months", 1}}},
	{"LDTT: with maternity leave, still short", "LDTT",
	 {PERSON_PART, RATINGS({2026, RB_HTTNV}), .months_worked = 4,
	  .months_maternity = 5},
	 0, {{"worked 4 months plus 5 months of maternity leave", 0}}},
	{"LDTT: every criterion is evaluated, not only the first failing",
	 "LDTT",
	 {PERSON_PART, RATINGS({2026, RB_KHTNV}), .months_worked = 3,
	  DISCIPLINES({RB_DISC_DISMISSAL, D(1, 4, 2026), D(31, 12, 2099)})},
	 0,
	 {{"rating KHTNV in 2026", 0},
	  {"dismissal from 01/04/2026 to 31/12/2099", 0},
	  {"worked 3 months in 2026", 0}}},

	/* ---- Blockers. */
	{"an open complaint blocks an otherwise eligible person", "LDTT",
	 {PERSON, RATINGS({2026, RB_HTTNV}), .open_complaint = 1}, 0,
	 {{"an open complaint — no award until it is resolved", 0},
	  {"rating HTTNV in 2026", 1},
	  {"worked 12 months in 2026", 1}}},
	{"a discipline review blocks", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTXSNV}), .discipline_review = 1}, 0,
	 {{"a discipline review under way — no award until it ends", 0},
	  {"LDTT for 2026: not yet awarded, but its criteria are met", 1}}},
	{"an investigation blocks a unit too", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTTNV}), GOOD_MEMBERS, .investigation = 1}, 0,
	 {{"an investigation under way — no award until it ends", 0}}},

	/* ---- CSTDCS: LDTT this year, and one of HTXSNV, an initiative, a
	 * research topic. */
	{"CSTDCS: LDTT now and HTXSNV", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTXSNV})}, 1,
	 {{"LDTT for 2026: not yet awarded, but its criteria are met", 1},
	  {"at least one of the following holds (1 of 3)", 1},
	  {"rating HTXSNV in 2026 — needs HTXSNV or better", 1},
	  {"recognised initiatives of hospital scope or wider in 2026: 0 not "
	   "yet used, 0 already the basis of another honour — needs at least 1",
	   0},
	  {"accepted research topics of hospital scope or wider in 2026: 0", 0}}},
	{"CSTDCS: LDTT already awarded in the facts", "CSTDCS",
	 {PERSON_PART, RATINGS({2026, RB_HTXSNV}), HELD({2026, "LDTT"}),
	  .months_worked = 8},
	 1, {{"LDTT for 2026: awarded", 1}}},
	{"CSTDCS: HTTNV with a recognised initiative", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0})},
	 1,
	 {{"rating HTTNV in 2026 — needs HTXSNV or better", 0},
	  {"recognised initiatives of hospital scope or wider in 2026: 1 not "
	   "yet used", 1},
	  {"at least one of the following holds (1 of 3)", 1}}},
	{"CSTDCS: HTTNV with an accepted research topic", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  WORKS({ELIG_RESEARCH, RB_SCOPE_PROVINCE, 2026, 0})},
	 1,
	 {{"accepted research topics of hospital scope or wider in 2026: 1 not "
	   "yet used", 1}}},
	{"CSTDCS: an initiative already used for another honour does not count",
	 "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 1})},
	 0,
	 {{"recognised initiatives of hospital scope or wider in 2026: 0 not "
	   "yet used, 1 already the basis of another honour", 0},
	  {"none of the following holds — needs at least one", 0}}},
	{"CSTDCS: last year's initiative does not count", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2025, 0})},
	 0, {{"none of the following holds", 0}}},
	{"CSTDCS: HTXSNV without LDTT (too few months) fails", "CSTDCS",
	 {PERSON_PART, RATINGS({2026, RB_HTXSNV}), .months_worked = 8}, 0,
	 {{"LDTT for 2026: not awarded and its criteria are not met — needs "
	   "LDTT", 0},
	  {"at least one of the following holds (1 of 3)", 1}}},
	{"CSTDCS: the achievement report is required", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTXSNV}), .report = ELIG_REPORT_MISSING}, 0,
	 {{"no achievement report — required for CSTDCS", 0}}},
	{"CSTDCS: with the achievement report attached", "CSTDCS",
	 {PERSON, RATINGS({2026, RB_HTXSNV}), .report = ELIG_REPORT_ATTACHED},
	 1, {{"achievement report attached — required for CSTDCS", 1}}},

	/* ---- CSTDT: CSTDCS 3 years in a row, and a province-wide
	 * initiative or research topic within those years. */
	{"CSTDT: three years in a row, this year by meeting CSTDCS now",
	 "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTXSNV}),
	  HELD({2024, "CSTDCS"}, {2025, "CSTDCS"}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_PROVINCE, 2025, 0})},
	 1,
	 {{"CSTDCS in every year 2024–2026 (2026 by meeting its criteria now) "
	   "— needs 3 years in a row", 1},
	  {"recognised initiatives of province scope or wider in 2024–2026: 1 "
	   "not yet used", 1}}},
	{"CSTDT: all three years awarded", "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  HELD({2024, "CSTDCS"}, {2025, "CSTDCS"}, {2026, "CSTDCS"}),
	  WORKS({ELIG_RESEARCH, RB_SCOPE_NATIONAL, 2024, 0})},
	 1,
	 {{"CSTDCS in every year 2024–2026 — needs 3 years in a row", 1},
	  {"accepted research topics of province scope or wider in 2024–2026: "
	   "1 not yet used", 1}}},
	{"CSTDT: a gap year breaks the row", "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTXSNV}),
	  HELD({2023, "CSTDCS"}, {2024, "CSTDCS"}, {2026, "CSTDCS"}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_PROVINCE, 2026, 0})},
	 0,
	 {{"CSTDCS missing in 2025 — needs 3 years in a row (2024–2026)", 0}}},
	{"CSTDT: not meeting CSTDCS this year breaks the row", "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTNV}),
	  HELD({2024, "CSTDCS"}, {2025, "CSTDCS"}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_PROVINCE, 2026, 0})},
	 0, {{"CSTDCS missing in 2026", 0}}},
	{"CSTDT: a hospital-wide initiative is not enough", "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTXSNV}),
	  HELD({2024, "CSTDCS"}, {2025, "CSTDCS"}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0})},
	 0,
	 {{"recognised initiatives of province scope or wider in 2024–2026: 0 "
	   "not yet used", 0},
	  {"none of the following holds", 0}}},
	{"CSTDT: a province-wide initiative from before the row is not counted",
	 "CSTDT",
	 {PERSON, RATINGS({2026, RB_HTXSNV}),
	  HELD({2024, "CSTDCS"}, {2025, "CSTDCS"}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_PROVINCE, 2023, 0})},
	 0, {{"none of the following holds", 0}}},

	/* ---- TTLDTT: unit rating >= HTTNV; >= 70% of members LDTT; nobody
	 * disciplined with a warning or worse. */
	{"TTLDTT: every criterion holds at exactly 70%", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTTNV}), MEMBER_TITLES({"LDTT", 14})}, 1,
	 {{"rating HTTNV in 2026 — needs HTTNV or better", 1},
	  {"14 of 20 members hold LDTT (70%) — needs at least 70%", 1},
	  {"no member disciplined in 2026 — needs nobody disciplined with "
	   "warning or worse", 1}}},
	{"TTLDTT: 69.5% is below 70%", "TTLDTT",
	 {.subject = RB_UNIT, .year = 2026, .members = 200,
	  RATINGS({2026, RB_HTTNV}), MEMBER_TITLES({"LDTT", 139})},
	 0, {{"139 of 200 members hold LDTT (69.5%) — needs at least 70%", 0}}},
	{"TTLDTT: a unit rated HTNV fails", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTNV}), MEMBER_TITLES({"LDTT", 20})}, 0,
	 {{"rating HTNV in 2026 — needs HTTNV or better", 0},
	  {"20 of 20 members hold LDTT (100%)", 1}}},
	{"TTLDTT: a member with a warning fails", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTTNV}), MEMBER_TITLES({"LDTT", 18}),
	  .worst_member_discipline = RB_DISC_WARNING},
	 0,
	 {{"most serious discipline among members in 2026: warning — needs "
	   "nobody disciplined with warning or worse", 0}}},
	{"TTLDTT: a member with a reprimand is allowed", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTTNV}), MEMBER_TITLES({"LDTT", 18}),
	  .worst_member_discipline = RB_DISC_REPRIMAND},
	 1,
	 {{"most serious discipline among members in 2026: reprimand", 1}}},
	{"TTLDTT: no member with LDTT", "TTLDTT",
	 {UNIT, RATINGS({2026, RB_HTTNV})}, 0,
	 {{"0 of 20 members hold LDTT (0%) — needs at least 70%", 0}}},

	/* ---- TTLDXS: HTXSNV; 100% >= HTNV; >= 70% LDTT; >= 1 CSTDCS;
	 * nobody disciplined >= warning. */
	{"TTLDXS: every criterion holds", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}), GOOD_MEMBERS}, 1,
	 {{"rating HTXSNV in 2026", 1},
	  {"20 of 20 members rated HTNV or better (100%) — needs at least 100%",
	   1},
	  {"15 of 20 members hold LDTT (75%) — needs at least 70%", 1},
	  {"1 of 20 members hold CSTDCS — needs at least 1", 1},
	  {"no member disciplined in 2026", 1}}},
	{"TTLDXS: one member KHTNV fails the 100%", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}),
	  .members_by_rating = {[RB_HTXSNV] = 5, [RB_HTTNV] = 10, [RB_HTNV] = 4,
	                        [RB_KHTNV] = 1},
	  MEMBER_TITLES({"LDTT", 15}, {"CSTDCS", 1})},
	 0,
	 {{"19 of 20 members rated HTNV or better (95%) — needs at least 100%",
	   0}}},
	{"TTLDXS: an unrated member fails the 100%", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}),
	  .members_by_rating = {[RB_HTXSNV] = 5, [RB_HTTNV] = 10, [RB_HTNV] = 4},
	  MEMBER_TITLES({"LDTT", 15}, {"CSTDCS", 1})},
	 0, {{"19 of 20 members rated HTNV or better (95%)", 0}}},
	{"TTLDXS: no CSTDCS among the members", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}),
	  .members_by_rating = {[RB_HTTNV] = 20}, MEMBER_TITLES({"LDTT", 20})},
	 0, {{"0 of 20 members hold CSTDCS — needs at least 1", 0}}},
	{"TTLDXS: a unit rated HTTNV fails", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTTNV}), GOOD_MEMBERS}, 0,
	 {{"rating HTTNV in 2026 — needs HTXSNV or better", 0}}},
	{"TTLDXS: under 70% LDTT fails", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}),
	  .members_by_rating = {[RB_HTTNV] = 20},
	  MEMBER_TITLES({"LDTT", 13}, {"CSTDCS", 2})},
	 0, {{"13 of 20 members hold LDTT (65%) — needs at least 70%", 0}}},
	{"TTLDXS: a member dismissed fails", "TTLDXS",
	 {UNIT, RATINGS({2026, RB_HTXSNV}), GOOD_MEMBERS,
	  .worst_member_discipline = RB_DISC_DISMISSAL},
	 0,
	 {{"most serious discipline among members in 2026: dismissal", 0}}},

	/* ---- CO: leads its emulation cluster. */
	{"CO: the cluster leader", "CO",
	 {UNIT, .achievements = 1u << RB_ACH_CLUSTER_LEADER}, 1,
	 {{"leads its emulation cluster in 2026", 1}}},
	{"CO: not the cluster leader", "CO",
	 {UNIT, .achievements = 1u << RB_ACH_MOVEMENT}, 0,
	 {{"does not lead its emulation cluster in 2026 — needs to", 0}}},

	/* ---- GK: rating >= HTTNV and an achievement in a movement or an
	 * ad-hoc one; for persons and units. */
	{"GK: a person with an achievement in a movement", "GK",
	 {PERSON, RATINGS({2026, RB_HTTNV}),
	  .achievements = 1u << RB_ACH_MOVEMENT},
	 1,
	 {{"at least one of the following holds (1 of 2)", 1},
	  {"achievement in a movement in 2026: recorded", 1},
	  {"no ad-hoc achievement recorded in 2026 — needs one", 0}}},
	{"GK: a person with an ad-hoc achievement", "GK",
	 {PERSON, RATINGS({2026, RB_HTTNV}), .achievements = 1u << RB_ACH_ADHOC},
	 1, {{"ad-hoc achievement in 2026: recorded", 1}}},
	{"GK: a person without an achievement", "GK",
	 {PERSON, RATINGS({2026, RB_HTXSNV})}, 0,
	 {{"no achievement in a movement recorded in 2026 — needs one", 0},
	  {"none of the following holds", 0}}},
	{"GK: a unit with an achievement", "GK",
	 {UNIT, RATINGS({2026, RB_HTTNV}), .achievements = 1u << RB_ACH_MOVEMENT},
	 1, {{"rating HTTNV in 2026", 1}}},
	{"GK: a unit rated HTNV", "GK",
	 {UNIT, RATINGS({2026, RB_HTNV}), .achievements = 1u << RB_ACH_MOVEMENT},
	 0, {{"rating HTNV in 2026 — needs HTTNV or better", 0}}},

	/* ---- BK: a person with CSTDCS 2 years in a row, or HTXSNV 2
	 * years in a row with 2 initiatives; a unit with HTXSNV 2 years in
	 * a row, or TTLDXS 2 years in a row. */
	{"BK: a person with CSTDCS two years in a row", "BK",
	 {PERSON, RATINGS({2025, RB_HTXSNV}, {2026, RB_HTXSNV}),
	  HELD({2025, "CSTDCS"})},
	 1,
	 {{"CSTDCS in every year 2025–2026 (2026 by meeting its criteria now) "
	   "— needs 2 years in a row", 1},
	  {"not all of the following hold (1 of 2) — needs all", 0},
	  {"at least one of the following holds (1 of 2)", 1}}},
	{"BK: a person with HTXSNV two years and two initiatives", "BK",
	 {PERSON, RATINGS({2025, RB_HTXSNV}, {2026, RB_HTXSNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2025, 0},
	        {ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0})},
	 1,
	 {{"CSTDCS missing in 2025 — needs 2 years in a row (2025–2026)", 0},
	  {"all of the following hold (2 of 2)", 1},
	  {"rating HTXSNV or better in every year 2025–2026 — needs 2 years in "
	   "a row", 1},
	  {"recognised initiatives of hospital scope or wider in 2025–2026: 2 "
	   "not yet used", 1},
	  {"at least one of the following holds (1 of 2)", 1}}},
	{"BK: a person with one initiative only", "BK",
	 {PERSON, RATINGS({2025, RB_HTXSNV}, {2026, RB_HTXSNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0},
	        {ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2025, 1})},
	 0,
	 {{"2025–2026: 1 not yet used, 1 already the basis of another honour — "
	   "needs at least 2", 0},
	  {"not all of the following hold (1 of 2) — needs all", 0},
	  {"none of the following holds", 0}}},
	{"BK: a person whose HTXSNV row has a gap", "BK",
	 {PERSON, RATINGS({2024, RB_HTXSNV}, {2025, RB_HTTNV}, {2026, RB_HTXSNV}),
	  WORKS({ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0},
	        {ELIG_INITIATIVE, RB_SCOPE_HOSPITAL, 2026, 0})},
	 0,
	 {{"rating HTXSNV or better missing in 2025 — needs 2 years in a row "
	   "(2025–2026)", 0}}},
	{"BK: a unit with HTXSNV two years in a row", "BK",
	 {UNIT, RATINGS({2025, RB_HTXSNV}, {2026, RB_HTXSNV})}, 1,
	 {{"rating HTXSNV or better in every year 2025–2026", 1},
	  {"TTLDXS missing in 2025, 2026", 0}}},
	{"BK: a unit with TTLDXS last year and meeting it now", "BK",
	 {UNIT, RATINGS({2024, RB_HTXSNV}, {2026, RB_HTXSNV}), GOOD_MEMBERS,
	  HELD({2025, "TTLDXS"})},
	 1,
	 {{"rating HTXSNV or better missing in 2025", 0},
	  {"TTLDXS in every year 2025–2026 (2026 by meeting its criteria now)",
	   1}}},
	{"BK: a unit with neither", "BK",
	 {UNIT, RATINGS({2025, RB_HTTNV}, {2026, RB_HTXSNV})}, 0,
	 {{"none of the following holds", 0}}},
};

static void dump(const struct eligibility_result *r, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->nlines && o < n; i++)
		o += (size_t)snprintf(buf + o, n - o, "\n  %*s[%s] %s",
		                      r->lines[i].depth * 2, "",
		                      r->lines[i].pass ? "pass" : "fail",
		                      r->lines[i].text);
}

START_TEST(test_each_case_gives_its_verdict_and_reasons)
{
	const struct elig_case *c = &cases[_i];
	struct rulebook *rb = load_default();
	struct eligibility_result *r;
	char lines[8192];

	ck_assert_msg(eligibility_evaluate(rb, c->code, &c->facts, &r) == 0,
	              "%s: evaluation failed", c->name);
	dump(r, lines, sizeof lines);
	ck_assert_msg(r->eligible == c->eligible, "%s: eligible %d, wanted %d:%s",
	              c->name, r->eligible, c->eligible, lines);
	for (size_t k = 0; k < 6 && c->lines[k].text; k++) {
		size_t i;
		for (i = 0; i < r->nlines; i++)
			if (strstr(r->lines[i].text, c->lines[k].text))
				break;
		ck_assert_msg(i < r->nlines, "%s: no line \"%s\":%s", c->name,
		              c->lines[k].text, lines);
		ck_assert_msg(r->lines[i].pass == c->lines[k].pass,
		              "%s: \"%s\" should %s:%s", c->name, c->lines[k].text,
		              c->lines[k].pass ? "pass" : "fail", lines);
	}
	eligibility_free(r);
	rulebook_free(rb);
}
END_TEST

/* Every criterion of the shipped rulebook is met by some case and failed
 * by another: the cases above are complete. */
static void mark(const struct rulebook_rule *r, size_t n, int (*seen)[2],
                 const struct eligibility_result *res)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < res->nlines; k++)
			if (res->lines[k].rule_line == r[i].line)
				seen[r[i].line][res->lines[k].pass] = 1;
		mark(r[i].children, r[i].nchildren, seen, res);
	}
}

static void check_seen(const struct rulebook_rule *r, size_t n,
                       int (*seen)[2], const char *code)
{
	for (size_t i = 0; i < n; i++) {
		if (r[i].kind != RB_WHEN) {
			ck_assert_msg(seen[r[i].line][1], "%s: the criterion at line "
			              "%d never passes in the cases", code, r[i].line);
			ck_assert_msg(seen[r[i].line][0], "%s: the criterion at line "
			              "%d never fails in the cases", code, r[i].line);
		}
		check_seen(r[i].children, r[i].nchildren, seen, code);
	}
}

START_TEST(test_the_cases_pass_and_fail_every_criterion_of_the_rulebook)
{
	struct rulebook *rb = load_default();
	static int seen[1000][2];

	memset(seen, 0, sizeof seen);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct rulebook_title *t = rulebook_title_find(rb,
		                                                     cases[i].code);
		struct eligibility_result *r;
		ck_assert_int_eq(eligibility_evaluate(rb, cases[i].code,
		                                      &cases[i].facts, &r), 0);
		mark(t->rules, t->nrules, seen, r);
		eligibility_free(r);
	}
	for (size_t i = 0; i < rulebook_title_count(rb); i++) {
		const struct rulebook_title *t = rulebook_title_at(rb, i);
		check_seen(t->rules, t->nrules, seen, t->code);
	}
	rulebook_free(rb);
}
END_TEST

START_TEST(test_lines_are_ordered_nested_and_counted)
{
	struct rulebook *rb = load_default();
	struct eligibility_facts f = {PERSON,
	                              RATINGS({2026, RB_HTTNV}),
	                              .open_complaint = 1,
	                              .report = ELIG_REPORT_MISSING};
	struct eligibility_result *r;

	ck_assert_int_eq(eligibility_evaluate(rb, "CSTDCS", &f, &r), 0);
	/* Blocker, report, LDTT, the any-of heading, its three children. */
	ck_assert_uint_eq(r->nlines, 7);
	ck_assert_int_eq(r->lines[0].blocking, 1);
	ck_assert_int_eq(r->lines[0].rule_line, 0);
	ck_assert_ptr_nonnull(strstr(r->lines[1].text, "achievement report"));
	ck_assert_int_eq(r->lines[2].depth, 0);
	ck_assert_int_eq(r->lines[3].depth, 0);
	ck_assert_ptr_nonnull(strstr(r->lines[3].text, "none of the following"));
	for (int i = 4; i < 7; i++)
		ck_assert_int_eq(r->lines[i].depth, 1);
	ck_assert_int_eq(r->lines[2].rule_line,
	                 rulebook_title_find(rb, "CSTDCS")->rules[0].line);
	ck_assert_int_eq(r->blocked, 1);
	ck_assert_int_eq(r->eligible, 0);
	ck_assert_uint_eq(r->failed, 2); /* the report and the any-of */
	ck_assert_str_eq(r->verdict, "not eligible for CSTDCS: blocked until "
	                             "the open matter is resolved");
	ck_assert_int_eq(r->year, 2026);
	ck_assert_ptr_eq(r->title, rulebook_title_find(rb, "CSTDCS"));
	eligibility_free(r);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_the_verdict_names_the_title_and_the_failures)
{
	struct rulebook *rb = load_default();
	struct eligibility_facts ok = {PERSON, RATINGS({2026, RB_HTTNV})};
	struct eligibility_facts bad = {PERSON_PART, RATINGS({2026, RB_HTNV}),
	                                .months_worked = 2};
	struct eligibility_result *r;

	ck_assert_int_eq(eligibility_evaluate(rb, "LDTT", &ok, &r), 0);
	ck_assert_str_eq(r->verdict, "eligible for LDTT");
	ck_assert_uint_eq(r->failed, 0);
	eligibility_free(r);
	ck_assert_int_eq(eligibility_evaluate(rb, "LDTT", &bad, &r), 0);
	ck_assert_str_eq(r->verdict,
	                 "not eligible for LDTT: 2 of 3 criteria not met");
	ck_assert_str_eq(r->verdict_msg.fmt,
	                 "not eligible for %s: %u of %u criteria not met");
	eligibility_free(r);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_lines_carry_their_arguments_for_translation)
{
	struct rulebook *rb = load_default();
	struct eligibility_facts f = {UNIT, RATINGS({2026, RB_HTTNV}),
	                              MEMBER_TITLES({"LDTT", 13})};
	struct eligibility_result *r;
	char out[ELIG_TEXT_MAX];

	ck_assert_int_eq(eligibility_evaluate(rb, "TTLDTT", &f, &r), 0);
	ck_assert_str_eq(r->lines[1].text, "13 of 20 members hold LDTT (65%) — "
	                                   "needs at least 70%");
	ck_assert_int_eq(r->lines[1].msg.n, 5);
	ck_assert_str_eq(r->lines[1].msg.arg[2], "LDTT");
	msg_apply("%3$s: %1$s/%2$s thành viên (%4$s%%) — cần ít nhất %5$s%%",
	          r->lines[1].msg.arg, r->lines[1].msg.n, out, sizeof out);
	ck_assert_str_eq(out, "LDTT: 13/20 thành viên (65%) — cần ít nhất 70%");
	/* Each line re-applied to its own format gives its text. */
	for (size_t i = 0; i < r->nlines; i++) {
		msg_apply(r->lines[i].msg.fmt, r->lines[i].msg.arg,
		          r->lines[i].msg.n, out, sizeof out);
		ck_assert_str_eq(out, r->lines[i].text);
	}
	eligibility_free(r);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_the_year_defaults_to_the_rulebook_year)
{
	struct rulebook *rb = load_default();
	struct eligibility_facts f = {.subject = RB_PERSON, .months_worked = 12,
	                              RATINGS({2026, RB_HTTNV})};
	struct eligibility_result *r;

	ck_assert_int_eq(eligibility_evaluate(rb, "LDTT", &f, &r), 0);
	ck_assert_int_eq(r->year, 2026);
	ck_assert_int_eq(r->eligible, 1);
	eligibility_free(r);
	rulebook_free(rb);
}
END_TEST

/* Facts the engine refuses rather than judge. */
static const struct bad_facts {
	const char *name, *code;
	struct eligibility_facts facts;
	int rc;
} bad_facts[] = {
	{"unknown title", "LDTX", {PERSON}, LRL_ENOENT},
	{"a person title for a unit", "LDTT", {UNIT}, LRL_EINVAL},
	{"a unit title for a person", "TTLDTT", {PERSON}, LRL_EINVAL},
	{"no subject", "GK", {.year = 2026}, LRL_EINVAL},
	{"a rating out of range", "LDTT", {PERSON, RATINGS({2026, 9})},
	 LRL_EINVAL},
	{"months adding up to more than 12", "LDTT",
	 {PERSON, .months_maternity = 4}, LRL_EINVAL},
	{"negative months", "LDTT", {.subject = RB_PERSON, .months_worked = -1},
	 LRL_EINVAL},
	{"a discipline ending before it starts", "LDTT",
	 {PERSON, DISCIPLINES({RB_DISC_WARNING, D(2, 1, 2026), D(1, 1, 2026)})},
	 LRL_EINVAL},
	{"a discipline level out of range", "LDTT",
	 {PERSON, DISCIPLINES({7, D(1, 1, 2026), D(2, 1, 2026)})}, LRL_EINVAL},
	{"a work of no kind", "CSTDCS",
	 {PERSON, WORKS({0, RB_SCOPE_HOSPITAL, 2026, 0})}, LRL_EINVAL},
	{"a work of no scope", "CSTDCS",
	 {PERSON, WORKS({ELIG_INITIATIVE, 0, 2026, 0})}, LRL_EINVAL},
	{"members by rating exceeding the members", "TTLDXS",
	 {UNIT, .members_by_rating = {[RB_HTTNV] = 21}}, LRL_EINVAL},
	{"members with a title exceeding the members", "TTLDTT",
	 {UNIT, MEMBER_TITLES({"LDTT", 21})}, LRL_EINVAL},
	{"a title with no code", "CSTDCS", {PERSON, HELD({2025, NULL})},
	 LRL_EINVAL},
};

START_TEST(test_inconsistent_facts_are_refused)
{
	const struct bad_facts *c = &bad_facts[_i];
	struct rulebook *rb = load_default();
	struct eligibility_result *r = (struct eligibility_result *)1;

	ck_assert_msg(eligibility_evaluate(rb, c->code, &c->facts, &r) == c->rc,
	              "%s", c->name);
	ck_assert_ptr_null(r);
	eligibility_free(NULL);
	rulebook_free(rb);
}
END_TEST

/* ---- money ------------------------------------------------------------- */

static const struct money_case {
	const char *code;
	int subject;
	int32_t date;
	int64_t base, exact_milli, amount;
} money_cases[] = {
	/* The example of DOMAIN.md §4. */
	{"LDTT", RB_PERSON, D(15, 12, 2026), 2530000, 759000000, 760000},
	/* The base salary changes on 01/07/2026. */
	{"LDTT", RB_PERSON, D(30, 6, 2026), 2340000, 702000000, 710000},
	{"LDTT", RB_PERSON, D(1, 7, 2026), 2530000, 759000000, 760000},
	{"LDTT", RB_PERSON, D(1, 7, 2024), 2340000, 702000000, 710000},
	{"CSTDCS", RB_PERSON, D(30, 6, 2026), 2340000, 2340000000, 2340000},
	{"CSTDCS", RB_PERSON, D(15, 12, 2026), 2530000, 2530000000, 2530000},
	{"CSTDT", RB_PERSON, D(15, 12, 2026), 2530000, 7590000000, 7590000},
	{"TTLDTT", RB_UNIT, D(15, 12, 2026), 2530000, 2024000000, 2030000},
	{"TTLDTT", RB_UNIT, D(30, 6, 2026), 2340000, 1872000000, 1880000},
	{"TTLDXS", RB_UNIT, D(15, 12, 2026), 2530000, 3795000000, 3800000},
	{"CO", RB_UNIT, D(15, 12, 2026), 2530000, 20240000000, 20240000},
	{"GK", RB_PERSON, D(15, 12, 2026), 2530000, 759000000, 760000},
	{"GK", RB_UNIT, D(15, 12, 2026), 2530000, 1518000000, 1520000},
	{"BK", RB_PERSON, D(15, 12, 2026), 2530000, 3795000000, 3800000},
	{"BK", RB_UNIT, D(30, 6, 2026), 2340000, 7020000000, 7020000},
};

START_TEST(test_money_is_the_coefficient_times_the_base_salary_rounded_up)
{
	const struct money_case *c = &money_cases[_i];
	struct rulebook *rb = load_default();
	struct eligibility_money m;

	ck_assert_int_eq(eligibility_money(rb, c->code, c->subject, c->date, &m),
	                 0);
	ck_assert_int_eq(m.base, c->base);
	ck_assert_int_eq(m.exact_milli, c->exact_milli);
	ck_assert_int_eq(m.amount, c->amount);
	ck_assert_int_eq(m.rounding, 10000);
	ck_assert_int_eq(m.amount % 10000, 0);
	ck_assert_int_ge(m.amount * 1000, m.exact_milli);
	ck_assert_int_lt(m.amount * 1000 - m.exact_milli, 10000 * 1000);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_money_refuses_what_it_cannot_compute)
{
	struct rulebook *rb = load_default();
	struct eligibility_money m;

	ck_assert_int_eq(eligibility_money(rb, "LDTT", RB_PERSON, day("30/06/2024"),
	                                   &m), LRL_ENOENT);
	ck_assert_int_eq(eligibility_money(rb, "LDTX", RB_PERSON, day("15/12/2026"),
	                                   &m), LRL_ENOENT);
	ck_assert_int_eq(eligibility_money(rb, "LDTT", RB_UNIT, day("15/12/2026"),
	                                   &m), LRL_EINVAL);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_money_uses_exact_integers_for_odd_coefficients)
{
	static const char text[] = "year 2026\n"
	                           "base-salary 01/01/2026 2340001\n"
	                           "round-up 1\n"
	                           "honour X \"X\"\n for person\n decided hospital\n"
	                           " vote majority\n coefficient 0.333\nend\n";
	struct rulebook *rb;
	struct eligibility_money m;

	ck_assert_int_eq(rulebook_parse(text, strlen(text), &rb, NULL), 0);
	ck_assert_int_eq(eligibility_money(rb, "X", RB_PERSON, day("02/01/2026"),
	                                   &m), 0);
	/* 0.333 × 2,340,001 = 779,220.333 -> 779,221 */
	ck_assert_int_eq(m.coefficient, 333);
	ck_assert_int_eq(m.exact_milli, 779220333);
	ck_assert_int_eq(m.amount, 779221);
	rulebook_free(rb);
}
END_TEST

/* ---- which awards pay ----------------------------------------------------- */

struct pay_case {
	const char *name;
	size_t n;
	struct {
		const char *code;
		int subject, period;
		int pays, paid_instead;
	} a[4];
};

static const struct pay_case pay_cases[] = {
	{"for one period only the highest title pays", 2,
	 {{"LDTT", RB_PERSON, 2026, 0, 1}, {"CSTDCS", RB_PERSON, 2026, 1, -1}}},
	{"the highest pays whatever the order", 3,
	 {{"CSTDT", RB_PERSON, 2026, 1, -1},
	  {"LDTT", RB_PERSON, 2026, 0, 0},
	  {"CSTDCS", RB_PERSON, 2026, 0, 0}}},
	{"titles for different periods each pay", 2,
	 {{"LDTT", RB_PERSON, 2025, 1, -1}, {"CSTDCS", RB_PERSON, 2026, 1, -1}}},
	{"a title and an honour in one decision both pay", 3,
	 {{"LDTT", RB_PERSON, 2026, 0, 1},
	  {"CSTDCS", RB_PERSON, 2026, 1, -1},
	  {"GK", RB_PERSON, 2026, 1, -1}}},
	{"two honours both pay", 2,
	 {{"GK", RB_PERSON, 2026, 1, -1}, {"BK", RB_PERSON, 2026, 1, -1}}},
	{"a unit's titles: only the flag pays, the honour too", 4,
	 {{"TTLDTT", RB_UNIT, 2026, 0, 2},
	  {"TTLDXS", RB_UNIT, 2026, 0, 2},
	  {"CO", RB_UNIT, 2026, 1, -1},
	  {"BK", RB_UNIT, 2026, 1, -1}}},
	{"the same title twice for one period pays once", 2,
	 {{"LDTT", RB_PERSON, 2026, 1, -1}, {"LDTT", RB_PERSON, 2026, 0, 0}}},
};

START_TEST(test_only_the_highest_title_of_a_period_pays)
{
	const struct pay_case *c = &pay_cases[_i];
	struct rulebook *rb = load_default();
	struct eligibility_award a[4];
	struct eligibility_money m;

	memset(a, 0, sizeof a);
	for (size_t i = 0; i < c->n; i++) {
		a[i].code = c->a[i].code;
		a[i].subject = c->a[i].subject;
		a[i].period = c->a[i].period;
	}
	ck_assert_int_eq(eligibility_pay(rb, day("15/12/2026"), a, c->n), 0);
	for (size_t i = 0; i < c->n; i++) {
		ck_assert_msg(a[i].pays == c->a[i].pays &&
		                      a[i].paid_instead == c->a[i].paid_instead,
		              "%s: %s pays %d instead %d, wanted %d %d", c->name,
		              a[i].code, a[i].pays, a[i].paid_instead,
		              c->a[i].pays, c->a[i].paid_instead);
		ck_assert_int_eq(eligibility_money(rb, a[i].code, a[i].subject,
		                                   day("15/12/2026"), &m), 0);
		ck_assert_int_eq(a[i].amount, m.amount);
	}
	rulebook_free(rb);
}
END_TEST

START_TEST(test_paying_an_unknown_award_is_refused)
{
	struct rulebook *rb = load_default();
	struct eligibility_award a[2] = {{.code = "LDTT", .subject = RB_PERSON},
	                                 {.code = "NOPE", .subject = RB_PERSON}};

	ck_assert_int_eq(eligibility_pay(rb, day("15/12/2026"), a, 2), LRL_ENOENT);
	a[1].code = NULL;
	ck_assert_int_eq(eligibility_pay(rb, day("15/12/2026"), a, 2), LRL_EINVAL);
	rulebook_free(rb);
}
END_TEST

START_TEST(test_a_cap_limits_awards_to_a_share_rounded_down)
{
	static const char text[] =
		"year 2026\nbase-salary 01/07/2024 2340000\n"
		"title LDTT \"LĐTT\"\n for person\n decided hospital\n"
		" vote majority\n coefficient 0.3\nend\n"
		"title CSTDCS \"CSTĐCS\"\n for person\n decided hospital\n"
		" vote 80% of members\n coefficient 1\n title LDTT\nend\n"
		"cap CSTDCS 15% of LDTT\n";
	struct rulebook *rb, *def = load_default();
	unsigned limit = 99;

	ck_assert_int_eq(rulebook_parse(text, strlen(text), &rb, NULL), 0);
	ck_assert_int_eq(eligibility_cap_limit(rb, "CSTDCS", 100, &limit), 0);
	ck_assert_uint_eq(limit, 15);
	ck_assert_int_eq(eligibility_cap_limit(rb, "CSTDCS", 96, &limit), 0);
	ck_assert_uint_eq(limit, 14);
	ck_assert_int_eq(eligibility_cap_limit(rb, "CSTDCS", 6, &limit), 0);
	ck_assert_uint_eq(limit, 0);
	ck_assert_int_eq(eligibility_cap_limit(rb, "LDTT", 100, &limit),
	                 LRL_ENOENT);
	/* No cap nationally since 2024: the defaults set none. */
	ck_assert_int_eq(eligibility_cap_limit(def, "CSTDCS", 100, &limit),
	                 LRL_ENOENT);
	rulebook_free(rb);
	rulebook_free(def);
}
END_TEST

Suite *suite_eligibility(void)
{
	Suite *s = suite_create("eligibility");
	TCase *tc = tcase_create("eligibility");

	tcase_add_loop_test(tc, test_each_case_gives_its_verdict_and_reasons, 0,
	                    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_the_cases_pass_and_fail_every_criterion_of_the_rulebook);
	tcase_add_test(tc, test_lines_are_ordered_nested_and_counted);
	tcase_add_test(tc, test_the_verdict_names_the_title_and_the_failures);
	tcase_add_test(tc, test_lines_carry_their_arguments_for_translation);
	tcase_add_test(tc, test_the_year_defaults_to_the_rulebook_year);
	tcase_add_loop_test(tc, test_inconsistent_facts_are_refused, 0,
	                    (int)(sizeof bad_facts / sizeof bad_facts[0]));
	tcase_add_loop_test(tc, test_money_is_the_coefficient_times_the_base_salary_rounded_up,
	                    0, (int)(sizeof money_cases / sizeof money_cases[0]));
	tcase_add_test(tc, test_money_refuses_what_it_cannot_compute);
	tcase_add_test(tc, test_money_uses_exact_integers_for_odd_coefficients);
	tcase_add_loop_test(tc, test_only_the_highest_title_of_a_period_pays, 0,
	                    (int)(sizeof pay_cases / sizeof pay_cases[0]));
	tcase_add_test(tc, test_paying_an_unknown_award_is_refused);
	tcase_add_test(tc, test_a_cap_limits_awards_to_a_share_rounded_down);
	suite_add_tcase(s, tc);
	return s;
}
