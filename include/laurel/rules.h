/*
 * rules.h — the server's view of emulation years and their rulebooks.
 *
 * rulebooks: version → {1 text, 2 loaded (time), 3 loaded by (user id)}
 * years:     u16 BE year → {1 rulebook version, 2 registration deadline,
 *            3 six-month report, 4 annual report, 5 ratings deadline,
 *            6 exemplar day, 7–10 targets (%), 11 opened (time),
 *            12 decisions signed}
 * windows:   u16 BE year ‖ 'U'|'S' ‖ u32 BE unit or staff id → i32 BE last
 *            day registration is reopened for
 *
 * Rulebook texts are parsed with the pure parser (rulebook.h) whenever
 * they are needed; parsing is deterministic, so replay gives the same
 * answers.
 */
#ifndef LAUREL_RULES_H
#define LAUREL_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/handler.h"
#include "laurel/store.h"

struct rulebook;

enum { YEAR_REGISTRATION, YEAR_SIX_MONTH, YEAR_ANNUAL, YEAR_RATINGS };
enum { YEAR_EXEMPLAR_DAY, YEAR_T_LDTT, YEAR_T_CSTDCS, YEAR_T_GK_UNITS,
       YEAR_T_GK_PEOPLE };

struct year_rec {
	int year;
	char rulebook[LRL_CODE_MAX + 1];
	int32_t dates[4]; /* 0: not set */
	int ints[5];
	int64_t opened;
	uint32_t decisions;
};

int year_get(store_txn *t, int year, struct year_rec *y);
int year_put(store_txn *t, const struct year_rec *y);
/* The open year, or LRL_ENOENT with c->fail ("year N is not open"). */
int year_param(struct lrl_ctx *c, int year, struct year_rec *y);

/* Parses a rulebook text; on a mistake LRL_EINVAL with f naming the line
 * and what is wrong (field "file"). */
int rules_check(const char *text, size_t len, struct lrl_fail *f);

/* Parses the stored rulebook version (caller frees *out with
 * rulebook_free; out may be NULL to only check it exists). */
int rules_load(store_txn *t, const char *version, struct rulebook **out,
               struct lrl_fail *f);

/* Refuses to replace a rulebook that a year with signed decisions uses. */
int rules_version_locked(store_txn *t, const char *version,
                         struct lrl_fail *f);

/* "LDTT, CSTDCS, …": the codes a rulebook text defines. */
void rules_titles_text(const char *text, size_t len, char *out, size_t n);

/* Packs the titles and honours of the rulebook version as an array of
 * [code, name, subjects] ("person", "unit" or "person unit"), in the
 * rulebook's order: what a form offers as the choices of a "title".  An
 * unknown or unreadable rulebook packs an empty array. */
void rules_pack_titles(store_txn *t, const char *version, msgpack_packer *pk);

/* Checks that code is a title or honour of the year's rulebook for a
 * person (for_unit 0) or a unit (1); copies its name.  LRL_EINVAL with
 * c->fail on field otherwise. */
int rules_title(struct lrl_ctx *c, const struct year_rec *y, const char *field,
                const char *code, int for_unit, char *name, size_t n);

/* Is registration open today for staff (in unit), either before the
 * deadline or in a reopened window?  *late is set when only a window
 * allows it.  LRL_ESTATE with c->fail when closed. */
int registration_open(struct lrl_ctx *c, const struct year_rec *y,
                      uint32_t unit, uint32_t staff, int *late);

#endif
