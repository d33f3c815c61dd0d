/*
 * demo.h — a seeded generator of fictional hospitals: units and staff
 * with realistic Vietnamese names, for the demo store, tests and
 * benchmarks.  Pure: no I/O, no clock; the same seed gives the same
 * hospital.
 */
#ifndef LAUREL_DEMO_H
#define LAUREL_DEMO_H

#include <stddef.h>
#include <stdint.h>

struct demo_unit {
	char code[24];
	char name[128];
	const char *kind;   /* hospital | department | office | station */
	const char *parent; /* code, or NULL for the hospital itself */
};

struct demo_person {
	char code[16];
	char full_name[96];
	const char *sex;        /* "nam" | "nữ" */
	int32_t birth;          /* days since 1970-01-01 */
	int32_t start;
	char unit[24];          /* unit code */
	const char *position;   /* chức vụ, or "" */
	const char *job_title;  /* chức danh */
	const char *category;   /* "viên chức" | "hợp đồng" */
};

/* Number of units for a hospital of nstaff people (15 for a typical
 * hospital; more health stations for larger ones). */
size_t demo_unit_count(size_t nstaff);

/* Unit i (0 is the hospital itself) of a hospital of nstaff people. */
void demo_unit(size_t i, size_t nstaff, struct demo_unit *u);

/* Person i of a hospital of nstaff people, generated from seed. */
void demo_person(uint64_t seed, size_t i, size_t nstaff,
                 struct demo_person *p);

/* The staff index of the person of rank `rank` in unit `unit` (1…; rank 0
 * heads the unit, rank 1 is the deputy), or nstaff when the unit has
 * fewer people.  Unit 0 holds the director (rank 0) and the deputy
 * director (rank 1). */
size_t demo_staff_index(size_t unit, size_t rank, size_t nstaff);

/* The unit index of person i. */
size_t demo_unit_of(size_t i, size_t nstaff);

/* ---- the emulation year ---------------------------------------------------
 *
 * What happens in the demo hospital's year: the plan (deadlines and
 * targets), the movements the director launches, and for each unit and
 * person their pledges, works, ratings, titles held in the two previous
 * years and the nominations their heads make.  The generator only
 * decides; laureld demo turns the decisions into signed commands.
 *
 * A demo of more than DEMO_YEAR_UNITS units gives a year only to its
 * first DEMO_YEAR_UNITS units (and the board), so the large demos the
 * benchmarks build stay quick; the others have staff and nothing else.
 */
#define DEMO_YEAR_UNITS 40
#define DEMO_COMMITMENTS_MAX 640
#define DEMO_REPORT_MAX 640
#define DEMO_NOMINATIONS_MAX 5

/* The year's plan: deadlines (days since 1970-01-01) and targets (%). */
struct demo_plan {
	int32_t registration, six_month, annual, ratings;
	int exemplar_day;
	int target_ldtt, target_cstdcs, target_gk_units, target_gk_people;
};

void demo_plan(int year, struct demo_plan *p);

/* A movement (phong trào thi đua) the director launches. */
struct demo_movement {
	char code[24];
	const char *name;
	const char *kind; /* regular | thematic | peak */
	int32_t from, to;
	const char *areas; /* content areas, one per line */
};

/* Number of movements, and movement k of the year. */
size_t demo_movement_count(void);
void demo_movement(size_t k, int year, struct demo_movement *m);

enum demo_pledge {
	DEMO_PLEDGE_NONE, /* has not pledged */
	DEMO_PLEDGE_DRAFT,
	DEMO_PLEDGE_SUBMITTED,
	DEMO_PLEDGE_ENDORSED,
	DEMO_PLEDGE_ACCEPTED,
	DEMO_PLEDGE_RETURNED,
};

enum demo_work_kind { DEMO_WORK_NONE, DEMO_WORK_INITIATIVE, DEMO_WORK_RESEARCH,
                      DEMO_WORK_MODEL };

/* What the decision on a work says. */
enum demo_work_fate {
	DEMO_FATE_PENDING,     /* registered, not decided yet */
	DEMO_FATE_HOSPITAL,    /* recognised, hospital-wide effect */
	DEMO_FATE_PROVINCE,    /* recognised, province-wide effect */
	DEMO_FATE_REJECTED,    /* not recognised */
};

/* A work (initiative, research topic or model) and its decision. */
struct demo_work {
	int kind;          /* enum demo_work_kind; NONE: no work */
	const char *name;
	const char *summary;
	int fate;          /* enum demo_work_fate */
	size_t author;     /* staff index (nstaff for a unit's model) */
};

/* The year's initiatives and research topics: how many there are, and
 * work k, each with its one author among the year's people. */
size_t demo_work_count(size_t nstaff);
void demo_work(uint64_t seed, size_t k, size_t nstaff, int year,
               struct demo_work *w);

/* One person's year. */
struct demo_year_person {
	int takes_part;  /* 0: none of the below happens */
	int account;     /* has an account (the login is the staff code in
	                    lower case) */
	int pledge;      /* enum demo_pledge */
	const char *pledge_title; /* LDTT or CSTDCS */
	char commitments[DEMO_COMMITMENTS_MAX];
	const char *returned; /* the reason, for DEMO_PLEDGE_RETURNED */
	const char *rating;   /* HTXSNV, HTTNV, HTNV, KHTNV, or NULL: not rated */
	int months;           /* months worked in the year */
	const char *discipline; /* reprimand, warning, or NULL */
	const char *discipline_reason;
	int32_t discipline_from; /* the decision's date */
	int32_t discipline_to;   /* its last day in force */
	int held_ldtt[2];     /* Lao động tiên tiến held in year-1, year-2 */
	int held_cstdcs[2];   /* Chiến sĩ thi đua cơ sở held in year-1, year-2 */
	int work;        /* the best decision on a work of theirs: enum
	                    demo_work_fate, or -1 when they have none */
	/* Titles and honours the head proposes (LDTT, CSTDCS, GK, BK, CSTDT),
	 * NULL-terminated. */
	const char *nominate[DEMO_NOMINATIONS_MAX + 1];
	int ad_hoc;      /* the Giấy khen is for an ad-hoc achievement, not a
	                    movement */
	int report;      /* the achievement report is written (for the titles
	                    that need one) */
	int complaint;   /* an open complaint concerns this person */
};

/* Person i's year (year is the emulation year). */
void demo_year_person(uint64_t seed, size_t i, size_t nstaff, int year,
                      struct demo_year_person *p);

/* One unit's year. */
struct demo_year_unit {
	int takes_part;
	const char *pledge_title; /* TTLDTT, TTLDXS, or NULL: no collective
	                             pledge */
	const char *model;        /* the model it registers */
	char commitments[DEMO_COMMITMENTS_MAX];
	size_t exemplars[2];      /* staff indexes of its exemplar candidates,
	                             nstaff when it has none */
	const char *rating;       /* the unit's rating, or NULL */
	const char *nominate;     /* TTLDTT, TTLDXS, or NULL */
	int gk;                   /* proposed for a Giấy khen (movement) */
	const char *held[2];      /* collective title in year-1, year-2, or NULL */
	int model_work;           /* its model is also registered as a work */
	int model_fate;           /* enum demo_work_fate of that work */
};

void demo_year_unit(uint64_t seed, size_t u, size_t nstaff, int year,
                    struct demo_year_unit *y);

/* The achievement report (báo cáo thành tích) of person i. */
struct demo_report {
	const char *hometown;
	const char *qualifications;
	char duties[DEMO_REPORT_MAX];
	char results[DEMO_REPORT_MAX];
};

void demo_report(uint64_t seed, size_t i, size_t nstaff, int year,
                 struct demo_report *r);

/* The achievement report of unit u (no home town or qualifications). */
void demo_unit_report(uint64_t seed, size_t u, size_t nstaff, int year,
                      struct demo_report *r);

/* Decisions the demo's records cite. */
enum demo_decision_kind {
	DEMO_DEC_PERSONS,        /* titles of persons for a year */
	DEMO_DEC_UNITS,          /* titles of units for a year */
	DEMO_DEC_WORKS,          /* the hospital's initiative council */
	DEMO_DEC_WORKS_PROVINCE, /* the province's recognition */
};

struct demo_decision {
	char number[32]; /* "218/QĐ-BV" */
	int32_t date;
};

/* The decision of that kind made in year. */
void demo_decision(int year, int kind, struct demo_decision *d);

#endif
