/*
 * eligibility.h — the rules engine: does a person or a unit meet the
 * criteria of a title or honour, how much does an award pay, and which
 * of several awards to one recipient pay.
 *
 * Every criterion comes from a rulebook (rulebook.h); nothing about the
 * law is written here.  The engine evaluates EVERY criterion, even after
 * one has failed, and explains each in one readable English line with the
 * data behind it, e.g.
 *
 *     [fail] rating HTNV in 2026 — needs HTTNV or better
 *     [pass] worked 7 months plus 4 months of maternity leave in 2026 —
 *            needs at least 10 months
 *
 * Each line also carries its printf format and arguments (struct
 * msg_args, msg.h) so that a client can show it in Vietnamese through its
 * message catalogue.  The arguments are data: codes (LDTT, HTTNV), years,
 * dates, counts, and the rulebook's English words for discipline levels
 * and scopes (reprimand, province), which a catalogue may translate too.
 *
 * The module is pure: no I/O, no clock, no global state.  The caller
 * gathers the facts (from the store) and passes the rulebook in force.
 */
#ifndef LAUREL_ELIGIBILITY_H
#define LAUREL_ELIGIBILITY_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/msg.h"
#include "laurel/rulebook.h"

#define ELIG_TEXT_MAX 320 /* bytes of one formatted line */

/* A rating of one year.  Years not listed count as "not rated". */
struct eligibility_rating {
	int year;
	int rating; /* RB_KHTNV … RB_HTXSNV */
};

/* A title or honour held for one year (from a signed decision). */
struct eligibility_held {
	int year;
	const char *code; /* the rulebook code, e.g. "CSTDCS" */
};

/*
 * A discipline and the period it is in effect: from the decision date to
 * its last day, inclusive (use LRL_DATE_MAX when it has no end).  A
 * discipline counts against every year its period overlaps, so
 * achievements count again only from the day after the period ends.
 */
struct eligibility_discipline {
	int level;     /* RB_DISC_REPRIMAND … RB_DISC_DISMISSAL */
	int32_t from;  /* days since 1970-01-01 */
	int32_t until;
};

enum eligibility_work_kind {
	ELIG_INITIATIVE = 1, /* sáng kiến, recognised */
	ELIG_RESEARCH = 2,   /* đề tài NCKH, accepted */
};

/*
 * A recognised initiative or an accepted research topic.  An initiative
 * may be the basis of only one honour: set used when an award already
 * granted (or being proposed in the same batch) rests on it; the engine
 * then does not count it.
 */
struct eligibility_work {
	int kind;  /* ELIG_INITIATIVE or ELIG_RESEARCH */
	int scope; /* RB_SCOPE_HOSPITAL … RB_SCOPE_NATIONAL */
	int year;  /* the year it was recognised or accepted */
	int used;
};

/* How many members of a unit hold a title in the year evaluated. */
struct eligibility_count {
	const char *code;
	unsigned count;
};

/* Whether the nomination carries an achievement report. */
enum eligibility_report {
	ELIG_REPORT_UNKNOWN = 0,  /* not checked: no line */
	ELIG_REPORT_MISSING = 1,
	ELIG_REPORT_ATTACHED = 2,
};

/*
 * The facts about one candidate.  Zero-initialise, then fill what is
 * known; arrays and strings stay owned by the caller and are only read
 * during the call.  Fields marked "person" or "unit" are read only for
 * that subject.
 */
struct eligibility_facts {
	int subject; /* RB_PERSON or RB_UNIT */
	int year;    /* the year evaluated; 0 = the rulebook's year */

	const struct eligibility_rating *ratings; /* this and past years */
	size_t nratings;
	const struct eligibility_held *titles;    /* this and past years */
	size_t ntitles;
	unsigned achievements; /* bits 1u << RB_ACH_... in the year */

	/* Blockers: no award while any of these is open. */
	int open_complaint;
	int discipline_review;
	int investigation;

	int report; /* enum eligibility_report */

	/* person */
	const struct eligibility_discipline *disciplines;
	size_t ndisciplines;
	int months_worked;    /* 0–12, in the year, not counting maternity */
	int months_maternity; /* 0–12, maternity leave in the year */
	const struct eligibility_work *works;
	size_t nworks;

	/* unit: its own rating is in ratings, its own titles in titles */
	unsigned members;                            /* all members */
	unsigned members_by_rating[RB_RATING_COUNT]; /* [RB_RATING_NONE] = unrated */
	const struct eligibility_count *member_titles;
	size_t nmember_titles;
	int worst_member_discipline; /* most serious in the year, RB_DISC_* */
};

/* One explained criterion (or blocker, or group heading). */
struct eligibility_line {
	int depth;     /* 0 top level; children of an any-of/all-of are deeper */
	int pass;      /* 1 holds, 0 fails */
	int blocking;  /* 1 for a complaint, review or investigation */
	int rule_line; /* line of the criterion in the rulebook text, or 0 */
	struct msg_args msg;     /* format and arguments, for translation */
	char text[ELIG_TEXT_MAX]; /* the English line */
};

struct eligibility_result {
	const struct rulebook_title *title; /* borrowed from the rulebook */
	int subject;
	int year;
	int eligible; /* 1 when not blocked and every criterion holds */
	int blocked;  /* 1 when a complaint, review or investigation is open */
	/* Top-level criteria that fail, the report line included and the
	 * blockers not. */
	unsigned failed;
	/* One line for the whole: "eligible for LDTT", "not eligible for
	 * LDTT: 2 of 3 criteria not met", or "not eligible for LDTT: blocked
	 * until the open matter is resolved"; with its format and arguments. */
	struct msg_args verdict_msg;
	char verdict[ELIG_TEXT_MAX];
	size_t nlines;
	struct eligibility_line *lines; /* blockers first, then criteria in
	                                 * the rulebook's order */
};

/*
 * Evaluates facts against every criterion of the title or honour `code`
 * in rb.  Blockers (open complaint, discipline review, investigation) come
 * first, then the achievement-report line (only when facts->report is
 * known and the title requires one), then each criterion in the order the
 * rulebook writes it; a group (any-of, all-of) gets a heading line and its
 * children follow one level deeper.  A "when" group applies only to its
 * subject and adds no heading.
 *
 * A criterion "title X" for the year evaluated holds when the facts list
 * X for that year, or when the candidate meets every criterion of X now
 * (the council usually decides LĐTT and CSTĐCS together); earlier years
 * of "N years in a row" need X in the facts.
 *
 * On success stores a new result in *out (free it with eligibility_free)
 * and returns 0.  On failure stores NULL and returns:
 *   LRL_ENOENT  code is not in the rulebook;
 *   LRL_EINVAL  the title is not for facts->subject, or the facts are
 *               inconsistent (a rating, level, scope or kind out of range;
 *               months outside 0–12 or adding up to more than 12; members
 *               by rating adding up to more than members; a discipline
 *               ending before it starts; a NULL code);
 *   LRL_ENOMEM  memory ran out.
 */
int eligibility_evaluate(const struct rulebook *rb, const char *code,
                         const struct eligibility_facts *facts,
                         struct eligibility_result **out);

/* Releases a result.  eligibility_free(NULL) does nothing. */
void eligibility_free(struct eligibility_result *r);

/* The money of one award, and how it was computed. */
struct eligibility_money {
	int coefficient;     /* thousandths of the base salary */
	int64_t base;        /* base salary in force on the decision date */
	int32_t base_from;   /* the date that base salary took effect */
	int64_t exact_milli; /* coefficient × base, in thousandths of a VND */
	int64_t rounding;    /* the rulebook's multiple */
	int64_t amount;      /* VND: exact rounded up to the multiple */
};

/*
 * Reward money for title or honour `code` awarded to `subject` by a
 * decision dated decision_date: coefficient × the base salary in force on
 * that date, rounded UP to the rulebook's multiple.  Integer arithmetic
 * throughout (0.3 × 2,530,000 = 759,000 -> 760,000 VND).  Fills *m and
 * returns 0, or returns:
 *   LRL_ENOENT  code is not in the rulebook, or no base salary is in
 *               force on decision_date;
 *   LRL_EINVAL  the title is not for subject.
 */
int eligibility_money(const struct rulebook *rb, const char *code,
                      int subject, int32_t decision_date,
                      struct eligibility_money *m);

/*
 * Several awards to ONE recipient in one decision.  The caller fills
 * code, subject and period (any key naming the period the award is for,
 * e.g. the year 2026, or 20262030 for a five-year phase); the engine
 * fills amount (eligibility_money), pays and paid_instead.
 */
struct eligibility_award {
	const char *code; /* in */
	int subject;      /* in: RB_PERSON or RB_UNIT */
	int period;       /* in */
	int64_t amount;   /* out: what the award is worth */
	int pays;         /* out: 1 when the money is paid */
	int paid_instead; /* out: when not paid, the index of the award that
	                   * pays for the same period; else -1 */
};

/*
 * Decides which awards pay.  Honours always pay.  Titles for different
 * periods each pay; of the titles for the same subject and period only
 * the one worth most pays (the first listed on a tie).  So a title and an
 * honour in one decision both pay.  Returns 0, or the first error of
 * eligibility_money() (the awards are then left partly filled).
 */
int eligibility_pay(const struct rulebook *rb, int32_t decision_date,
                    struct eligibility_award *awards, size_t n);

/*
 * The most awards of `code` allowed when base_count awards of the cap's
 * base title are made (e.g. CSTDCS at most 15% of LDTT: 100 -> 15; 96 ->
 * 14, rounding down).  Stores it in *limit and returns 0, or LRL_ENOENT
 * when the rulebook sets no cap on code.
 */
int eligibility_cap_limit(const struct rulebook *rb, const char *code,
                          unsigned base_count, unsigned *limit);

#endif
