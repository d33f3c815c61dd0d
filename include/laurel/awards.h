/*
 * awards.h — titles and honours held, the open matters that block awards,
 * and which initiatives are already the basis of an award or nomination.
 *
 * awards:     u16 BE year ‖ 'S'|'U' ‖ u32 BE staff or unit id ‖ code →
 *             {1 decision number, 2 decision date, 3 issuer, 4 basis
 *             (array of work codes), 5 by (user id), 6 time, 7 the code
 *             of the decision or dossier that made it (absent for an
 *             award recorded from a paper decision)}
 * matters:    u64 BE event → {1 kind, 2 subject ('S'|'U'), 3 id, 4 note,
 *             5 opened (time), 6 opened by, 7 closed (time, 0 while
 *             open), 8 resolution, 9 closed by}
 * work_basis: work code → {1 what ("award"|"nomination"), 2 its code or
 *             "year title subject"}
 */
#ifndef LAUREL_AWARDS_H
#define LAUREL_AWARDS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/handler.h"
#include "laurel/store.h"

#define AWARD_BASIS_MAX 8

/* A person ('S') or a unit ('U') as a parameter pair --staff / --unit. */
struct subject {
	char kind;    /* 'S' or 'U' */
	uint32_t id;
	uint32_t unit; /* the person's unit, or the unit itself */
	char code[LRL_CODE_MAX + 1];
	char name[LRL_NAME_MAX * 4 + 1];
};

/* Reads exactly one of the staff and unit parameters into *s (fails on
 * field "staff" when neither or both are given, or the code is unknown). */
int subject_param(struct lrl_ctx *c, struct subject *s);

/* The person ('S') or unit ('U') with this id; LRL_ENOENT when none. */
int subject_get(store_txn *t, char kind, uint32_t id, struct subject *s);

/* The key of a subject's record for a year: u16 BE year ‖ kind ‖ u32 BE
 * id ‖ code (awards, nomination_keys).  key holds 7 + strlen(code) bytes;
 * returns that length. */
size_t subject_key(uint8_t *key, int year, char kind, uint32_t id,
                   const char *code);

/* "person" or "unit". */
const char *subject_word(char kind);

/* An award held: for each award of the subject in [from, to] calls fn
 * with the year and the title code; stops at fn's first non-zero return. */
int awards_each(store_txn *t, char kind, uint32_t id, int from, int to,
                int (*fn)(int year, const char *code, const msgpack_object *v,
                          void *arg),
                void *arg);

/* Records the award (year, kind, id, code): the decision's number, date
 * (days) and issuer, the nb works it rests on, ref (the decision or
 * dossier that made it; NULL: none, a paper decision), by whom and when.
 * LRL_EEXIST when it is recorded already. */
int award_put(store_txn *t, int year, char kind, uint32_t id, const char *code,
              const char *number, int32_t date, const char *issuer,
              char basis[][LRL_CODE_MAX + 1], size_t nb, const char *ref,
              uint64_t by, int64_t now);

/* The decision date (days; 0 when not recorded) of a stored award (value
 * v, vl bytes). */
int64_t award_date(const void *v, size_t vl);

/* Is the award (year, kind, id, code) recorded? */
int award_held(store_txn *t, int year, char kind, uint32_t id,
               const char *code);

/* Which open matters concern the subject and so block all its awards:
 * bits 1 complaint, 2 review, 4 investigation.  A complaint about one
 * award of a draft decision (complaint.file) is not among them: it
 * blocks only that award (decision_nomination_complained, and signing). */
unsigned matters_open(store_txn *t, char kind, uint32_t id);

/* Records matter number (normally the event's number) as open: kind
 * "complaint", "review" or "investigation", about subject ('S'|'U') id.
 * LRL_EEXIST when the number is taken. */
int matter_add(store_txn *t, uint64_t number, const char *kind, char subject,
               uint32_t id, const char *note, int64_t now, uint64_t actor);

/* Closes an open matter with its resolution.  LRL_ENOENT when there is no
 * such matter, LRL_ESTATE when it is already closed. */
int matter_close(store_txn *t, uint64_t number, const char *resolution,
                 int64_t now, uint64_t actor);

/* 0 while the matter is open, 1 when closed (its resolution copied into
 * resolution, size n, when n > 0), LRL_ENOENT when there is none. */
int matter_state(store_txn *t, uint64_t number, char *resolution, size_t n);

/*
 * Parses a comma-separated list of work codes (the "basis" parameter)
 * into codes[]: each must be a recognised initiative or research topic
 * of the subject (authored by the person; for a unit, by its people or
 * the unit itself) and not yet the basis of anything else.  Fails on
 * field "basis".
 */
int basis_param(struct lrl_ctx *c, const struct subject *s,
                char codes[][LRL_CODE_MAX + 1], size_t *n);

/* Records (or with what == NULL, releases) codes as the basis of ref. */
int basis_set(store_txn *t, char codes[][LRL_CODE_MAX + 1], size_t n,
              const char *what, const char *ref);

/* What the work is the basis of ("" when nothing), into ref. */
int basis_of(store_txn *t, const char *work, char *ref, size_t n);

#endif
