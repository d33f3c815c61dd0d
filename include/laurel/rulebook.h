/*
 * rulebook.h — a year's rulebook: the titles and honours a hospital may
 * award, their criteria, votes and coefficients, and the money rules.
 *
 * Everything the law, the province or the hospital may change lives here
 * as data (DOMAIN.md §4), written in the line-oriented text format that
 * laurel-rulebook(5) documents, for example:
 *
 *     year 2026
 *     version 1
 *     base-salary 01/07/2024 2340000
 *     base-salary 01/07/2026 2530000
 *     round-up 10000
 *
 *     title LDTT "Lao động tiên tiến"
 *         for person
 *         decided hospital
 *         vote majority
 *         coefficient 0.3
 *         rating >= HTTNV
 *         no discipline >= reprimand
 *         worked >= 10 months including maternity-leave
 *     end
 *
 * rulebook_parse() turns such a text into an immutable struct rulebook,
 * or reports the first mistake with its line and column.  The accessors
 * below read it; eligibility.h evaluates candidates against it.
 *
 * The module is pure: no I/O, no clock, no global state.  A parsed
 * rulebook is never modified, so any number of threads may read it at
 * once.
 *
 * Ownership: a struct rulebook and everything reachable from it (titles,
 * rules, names) belongs to the rulebook and lives until rulebook_free().
 * Callers must not modify or free any of it.
 */
#ifndef LAUREL_RULEBOOK_H
#define LAUREL_RULEBOOK_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/msg.h"

struct rulebook;       /* opaque: a parsed rulebook */
struct rulebook_title; /* below */

/* Limits of the format.  A text beyond them is refused with a message. */
#define RULEBOOK_TEXT_MAX (1024u * 1024u) /* bytes of rulebook text */
#define RULEBOOK_LINE_MAX 1024            /* bytes in one line */
#define RULEBOOK_WORDS_MAX 16             /* words on one line */
#define RULEBOOK_CODE_MAX LRL_TITLE_CODE_MAX /* bytes in a title code */
#define RULEBOOK_NAME_MAX 200             /* code points in a quoted name */
#define RULEBOOK_DEPTH_MAX 6              /* nested groups in a title */
#define RULEBOOK_TITLES_MAX 64
#define RULEBOOK_SALARIES_MAX 64
#define RULEBOOK_SOURCES_MAX 16
#define RULEBOOK_YEARS_MAX 20             /* "N years in a row", "within N years" */
#define RULEBOOK_COUNT_MAX 1000           /* counts in criteria */
#define RULEBOOK_SALARY_MAX 1000000000LL  /* VND */
#define RULEBOOK_COEF_MAX 100000          /* thousandths: 100.000 */
#define RULEBOOK_ROUNDING_DEFAULT 10000   /* VND, when no round-up line */
#define RULEBOOK_ERROR_MAX 320            /* bytes of an error message */

/*
 * Who a title or honour is for, as bits: a title for both persons and
 * units has subjects == (RB_PERSON | RB_UNIT).
 */
enum rulebook_subject { RB_PERSON = 1, RB_UNIT = 2 };

/* Titles (danh hiệu thi đua) and honours (hình thức khen thưởng) differ
 * in how they pay: see eligibility_pay(). */
enum rulebook_kind { RB_TITLE = 1, RB_HONOUR = 2 };

/* Where the award is decided. */
enum rulebook_decided {
	RB_DECIDED_HOSPITAL = 1,  /* the director signs it */
	RB_DECIDED_FORWARDED = 2, /* a dossier goes to the Department of Health */
};

/* Ratings (xếp loại chất lượng), ordered: a larger value is better.
 * RB_RATING_NONE means "not rated". */
enum rulebook_rating {
	RB_RATING_NONE = 0,
	RB_KHTNV = 1,  /* không hoàn thành nhiệm vụ */
	RB_HTNV = 2,   /* hoàn thành nhiệm vụ */
	RB_HTTNV = 3,  /* hoàn thành tốt nhiệm vụ */
	RB_HTXSNV = 4, /* hoàn thành xuất sắc nhiệm vụ */
	RB_RATING_COUNT
};

/* Discipline levels (kỷ luật), ordered: a larger value is more serious. */
enum rulebook_discipline {
	RB_DISC_NONE = 0,
	RB_DISC_REPRIMAND = 1, /* khiển trách */
	RB_DISC_WARNING = 2,   /* cảnh cáo */
	RB_DISC_DISMISSAL = 3, /* cách chức / buộc thôi việc */
	RB_DISC_COUNT
};

/* The reach of a recognised initiative or an accepted research topic,
 * ordered: a wider scope also counts where a narrower one is asked. */
enum rulebook_scope {
	RB_SCOPE_HOSPITAL = 1, /* cấp cơ sở */
	RB_SCOPE_PROVINCE = 2, /* cấp tỉnh */
	RB_SCOPE_NATIONAL = 3, /* toàn quốc */
	RB_SCOPE_COUNT
};

/* Achievements a criterion may ask for; the facts carry them as bits
 * (1u << RB_ACH_...). */
enum rulebook_achievement {
	RB_ACH_MOVEMENT = 0,       /* an achievement in a movement */
	RB_ACH_ADHOC = 1,          /* an ad-hoc (đột xuất) achievement */
	RB_ACH_CLUSTER_LEADER = 2, /* leads its emulation cluster */
	RB_ACH_COUNT
};

/* The kinds of criteria and groups (see laurel-rulebook(5)). */
enum rulebook_rule_kind {
	RB_ALL_OF = 1,        /* every child holds */
	RB_ANY_OF,            /* at least one child holds */
	RB_WHEN,              /* every child holds; only for `audience` */
	RB_RATING,            /* rating >= R [N years in a row] */
	RB_HOLDS_TITLE,       /* title CODE [N years in a row] */
	RB_NO_DISCIPLINE,     /* no discipline >= L (the person's own) */
	RB_WORKED,            /* worked >= N months [including maternity-leave] */
	RB_INITIATIVES,       /* initiatives >= N [scope S] [within N years] */
	RB_RESEARCH,          /* research >= N [scope S] [within N years] */
	RB_MEMBERS_TITLE,     /* members >= N[%] with title CODE */
	RB_MEMBERS_RATING,    /* members >= N[%] with rating >= R */
	RB_NO_MEMBER_DISCIPLINE, /* no member discipline >= L */
	RB_ACHIEVEMENT,       /* achievement KIND */
};

/*
 * One criterion or group.  Which fields mean something depends on kind;
 * the others are zero.
 */
struct rulebook_rule {
	enum rulebook_rule_kind kind;
	int line;     /* line of the rulebook text it was written on */
	int audience; /* RB_PERSON and/or RB_UNIT: whom it applies to */
	int rating;   /* RB_RATING, RB_MEMBERS_RATING: the minimum rating */
	int level;    /* RB_NO_*DISCIPLINE: fails at this level or worse */
	/* RB_RATING, RB_HOLDS_TITLE: years in a row ending with the year
	 * evaluated (1 = that year only).  RB_INITIATIVES, RB_RESEARCH: the
	 * window of years ending with the year evaluated. */
	int years;
	/* RB_WORKED: months; RB_INITIATIVES, RB_RESEARCH: how many;
	 * RB_MEMBERS_*: how many members, when percent_bp is 0. */
	int count;
	int percent_bp; /* RB_MEMBERS_*: share in hundredths of a percent */
	int scope;      /* RB_INITIATIVES, RB_RESEARCH: the narrowest scope */
	int maternity;  /* RB_WORKED: months of maternity leave count */
	int achievement; /* RB_ACHIEVEMENT: an RB_ACH_ value */
	/* RB_HOLDS_TITLE, RB_MEMBERS_TITLE: the title referred to (always
	 * defined earlier in the same rulebook). */
	const struct rulebook_title *ref;
	/* RB_ALL_OF, RB_ANY_OF, RB_WHEN: the children, in written order. */
	const struct rulebook_rule *children;
	size_t nchildren;
};

/* One title or honour. */
struct rulebook_title {
	char code[RULEBOOK_CODE_MAX + 1]; /* "LDTT": capitals, digits, - _ */
	const char *name;                 /* "Lao động tiên tiến" (UTF-8, NFC) */
	enum rulebook_kind kind;
	int subjects;                     /* RB_PERSON and/or RB_UNIT */
	enum rulebook_decided decided;
	/* The vote needed at the council: 0 = a majority of the votes cast;
	 * otherwise this share of all council members, in hundredths of a
	 * percent (8000 = at least 80%). */
	int vote_bp;
	/* Coefficients in thousandths of the base salary (300 = 0.3); 0 for
	 * a subject the award is not for. */
	int coef_person;
	int coef_unit;
	int report;  /* 1 when an achievement report is required */
	int line;    /* line of its opening */
	/* The criteria, all of which must hold (an implicit all-of). */
	const struct rulebook_rule *rules;
	size_t nrules;
};

/* An optional cap: at most percent_bp of the number of `of` awards may
 * be `code` awards (e.g. CSTDCS at most 15% of LDTT). */
struct rulebook_cap {
	const struct rulebook_title *code;
	const struct rulebook_title *of;
	int percent_bp;
	int line;
};

/*
 * Where parsing stopped.  line is 1-based, or 0 when the mistake
 * concerns the whole text (nothing at all, a required line missing, out
 * of memory).  column is the 1-based position, in characters (code
 * points), of the offending word, or 0 when the whole line is at fault.
 * message is one English sentence without the line number, e.g.
 * "unknown title code \"CSTD\" (a title must be defined before it is
 * referred to)"; msg holds its format and arguments for translation.
 */
struct rulebook_error {
	int line;
	int column;
	char message[RULEBOOK_ERROR_MAX];
	struct msg_args msg;
};

/*
 * Parses the len bytes at text (UTF-8, need not be NUL-terminated).
 * On success stores a new rulebook in *out (free it with rulebook_free)
 * and returns 0; err, if not NULL, is cleared.
 * On failure stores NULL in *out, fills err (if not NULL) with the first
 * mistake and returns:
 *   LRL_EINVAL  the text is not a valid rulebook;
 *   LRL_ETOOBIG the text is longer than RULEBOOK_TEXT_MAX;
 *   LRL_ENOMEM  memory ran out.
 * The mistakes found include: an unknown keyword; a bad number, date,
 * percentage, coefficient or rating; a missing or extra word; a rule
 * outside a title; a title code defined twice or referred to before it
 * is defined; a block not closed with "end" or an "end" with no block;
 * a property given twice or missing; base salaries out of date order;
 * a criterion that does not fit whom the title is for; invalid UTF-8.
 */
int rulebook_parse(const char *text, size_t len, struct rulebook **out,
                   struct rulebook_error *err);

/* Releases rb and everything it owns.  rulebook_free(NULL) does nothing. */
void rulebook_free(struct rulebook *rb);

/*
 * Writes rb back as rulebook text in a canonical layout (comments are not
 * kept).  Parsing the result gives an equal rulebook.  On success stores
 * a malloc'd NUL-terminated string in *out and its length (without the
 * NUL) in *len, and returns 0; the caller frees *out with free().
 * Returns LRL_ENOMEM (and *out = NULL) when memory runs out.
 */
int rulebook_format(const struct rulebook *rb, char **out, size_t *len);

/* The rulebook's year (1900–2099) and version (≥ 1). */
int rulebook_year(const struct rulebook *rb);
int rulebook_version(const struct rulebook *rb);

/* Its descriptive name, or "" when none was given. */
const char *rulebook_name(const struct rulebook *rb);

/* The legal sources it cites ("source" lines), in written order. */
size_t rulebook_source_count(const struct rulebook *rb);
const char *rulebook_source(const struct rulebook *rb, size_t i);

/*
 * The base-salary table, in date order: entry i took effect on *from
 * (days since 1970-01-01) with *amount VND a month.  Returns 0, or
 * LRL_ENOENT when i is out of range.
 */
size_t rulebook_salary_count(const struct rulebook *rb);
int rulebook_salary_at(const struct rulebook *rb, size_t i, int32_t *from,
                       int64_t *amount);

/*
 * The base salary in force on date: the last entry that took effect on
 * or before it.  Stores the amount and (if from is not NULL) the date it
 * took effect.  Returns 0, or LRL_ENOENT when date precedes every entry.
 */
int rulebook_base_salary(const struct rulebook *rb, int32_t date,
                         int64_t *amount, int32_t *from);

/* The council's tie-break between candidates equal in votes and score
 * ("tie-break women-first N%"): women before men, and units where women
 * are at least this share of the members (hundredths of a percent) before
 * the others.  0 when the rulebook has no tie-break line. */
int rulebook_tiebreak_women_bp(const struct rulebook *rb);

/* Reward money is rounded up to a multiple of this many VND. */
int64_t rulebook_rounding(const struct rulebook *rb);

/* Titles and honours, in written order; find looks one up by code
 * (exact, capitals).  NULL when out of range or not found. */
size_t rulebook_title_count(const struct rulebook *rb);
const struct rulebook_title *rulebook_title_at(const struct rulebook *rb,
                                               size_t i);
const struct rulebook_title *rulebook_title_find(const struct rulebook *rb,
                                                 const char *code);

/* Caps, in written order; find returns the cap on the awards of code,
 * or NULL when there is none. */
size_t rulebook_cap_count(const struct rulebook *rb);
const struct rulebook_cap *rulebook_cap_at(const struct rulebook *rb,
                                           size_t i);
const struct rulebook_cap *rulebook_cap_find(const struct rulebook *rb,
                                             const char *code);

/*
 * The rulebook's words for the enumerations, as written in the text
 * ("HTTNV", "reprimand", "province", "movement", "person").  The *_name
 * functions return static strings ("?" for an unknown value); the
 * *_from_name functions return the value, or -1 for an unknown word.
 */
const char *rulebook_rating_name(int rating);
int rulebook_rating_from_name(const char *word);
const char *rulebook_discipline_name(int level);
int rulebook_discipline_from_name(const char *word);
const char *rulebook_scope_name(int scope);
const char *rulebook_achievement_name(int achievement);
const char *rulebook_subject_name(int subject);

/* The coefficient of title for one subject (RB_PERSON or RB_UNIT), in
 * thousandths; 0 when the title is not for that subject. */
int rulebook_coefficient(const struct rulebook_title *t, int subject);

#endif
