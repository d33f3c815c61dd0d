/*
 * works.h — initiatives, research topics and models (sáng kiến, đề tài
 * NCKH, mô hình mới / cách làm hay) in the store.
 *
 * works:        code → {1 kind, 2 year, 3 name, 4 authors (array of u32
 *               staff ids), 5 unit id (0: none), 6 summary, 7 state,
 *               8 scope, 9 decision number, 10 decision date (days),
 *               11 registered by (user id), 12 registered (time),
 *               13 note, 14 decided by (user id)}
 * work_authors: u32 BE staff id ‖ code → (empty)
 *
 * Codes are given by the server: a prefix for the kind (SK initiative,
 * DT research topic, MH model), the year and a number, "SK-2026-001".
 * kind, state and scope are stored as their words ("initiative",
 * "recognised", "province").
 */
#ifndef LAUREL_WORKS_H
#define LAUREL_WORKS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

#define WORK_AUTHORS_MAX 16

enum work_kind { WORK_INITIATIVE = 1, WORK_RESEARCH = 2, WORK_MODEL = 3 };
enum work_state { WORK_REGISTERED = 1, WORK_RECOGNISED = 2,
	          WORK_NOT_RECOGNISED = 3 };

struct work_rec {
	char code[LRL_CODE_MAX + 1];
	int kind;  /* enum work_kind */
	int year;
	char name[LRL_NAME_MAX * 8 + 1];
	uint32_t authors[WORK_AUTHORS_MAX];
	size_t nauthors;
	uint32_t unit;  /* 0: none */
	int state;      /* enum work_state */
	int scope;      /* RB_SCOPE_* (rulebook.h) once recognised, else 0 */
	char decision[LRL_NAME_MAX * 4 + 1];
	int32_t decision_date; /* days since 1970-01-01; 0 before a decision */
};

/* The work with this code; LRL_ENOENT when there is none. */
int work_get(store_txn *t, const char *code, size_t len, struct work_rec *w);

/* Decodes only the kind, year, state and decision date of a stored work
 * (value v, vl bytes) into w, leaving the rest of w as it is (a kind or
 * state that is none of the words is 0, a missing date 0), and when it
 * was registered (time; 0 when not recorded) into *registered: what a
 * year's count needs of every work.  Returns 0, or LRL_ECORRUPT when v
 * has no year. */
int work_decode_brief(const void *v, size_t vl, struct work_rec *w,
                      int64_t *registered);

/* Calls fn for every work that lists staff among its authors, in code
 * order; stops at (and returns) the first non-zero return of fn. */
int works_of_staff(store_txn *t, uint32_t staff,
                   int (*fn)(const struct work_rec *w, void *arg), void *arg);

#endif
