/*
 * acthelp.h — helpers shared by the action handlers in src/server/actions/.
 */
#ifndef LAUREL_ACTHELP_H
#define LAUREL_ACTHELP_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/handler.h"

/* Refuses keys derived with the fast test KDF on a production store. */
int user_kdf_ok(struct lrl_ctx *c, int64_t ops, int64_t mem);

/* "staff, head:KHAMBENH, admin" for u into buf. */
void user_roles_text(store_txn *t, const struct user_rec *u, char *buf,
                     size_t n);

/* Looks up an account by the LOGIN parameter name; LRL_ENOENT with
 * c->fail set when there is none. */
int user_by_param(struct lrl_ctx *c, const char *param, struct user_rec *u);

/* The id of the unit whose code is the parameter's value; LRL_ENOENT with
 * c->fail set when none. */
int unit_by_param(struct lrl_ctx *c, const char *param, uint32_t *id);

/* Is unit inside (or equal to) ancestor, following parent links? */
int unit_within(store_txn *t, uint32_t unit, uint32_t ancestor);

/* May the actor act on a record of unit (scope U: heads of it or of a
 * unit above it; scope A: everyone)?  1 or 0, and nothing else. */
int scope_unit_sees(const struct lrl_ctx *c, uint32_t unit);

/* The same as a check: 0, or LRL_EPERM with c->fail set. */
int scope_unit_ok(struct lrl_ctx *c, uint32_t unit);

struct staff_rec;

/* Calls fn for every staff record the actor may see (own record, the
 * units it heads, or all), in Vietnamese name order, within the "unit"
 * parameter's subtree when given; stops at the first non-zero return. */
int each_visible_staff(struct lrl_ctx *c,
                       int (*fn)(struct lrl_ctx *, const struct staff_rec *,
                                 void *),
                       void *arg);

/* Starts a list result: {"columns": [...], "rows": [ — the caller packs
 * nrows arrays of ncols values, then calls list_end. */
void list_begin(msgpack_packer *pk, const char *const *columns,
                size_t ncols, size_t nrows);
/* Ends a list result with its continuation cursor (NULL: no more). */
void list_end(msgpack_packer *pk, const char *next);

/* Describes the record an event of action a concerned: the first of its
 * parameters a person would recognise (a login, a code, a name), as
 * "name=value" into buf (size n; "" when none).  The audit log and the
 * audit trail report show it. */
void action_subject_text(const struct lrl_action *a,
                         const msgpack_object *params, char *buf, size_t n);

/* The hospital's name as store.init recorded it, into buf (size n, cut to
 * fit; "" when none).  HOSPITAL_NAME_BUF bytes hold any. */
#define HOSPITAL_NAME_BUF (LRL_NAME_MAX * 4 + 1)
void hospital_name(store_txn *t, char *buf, size_t n);

/* The next code of a numbered series: PREFIX-YEAR-nnn (at least three
 * digits), one more than the last the state database records under
 * "seq:PREFIX-YEAR" (1 at first), into code (size n); records it as the
 * last.  Returns 0 or the store's error.  Nominations (DN), decision
 * drafts (QD), dossiers (TT) and signed numbers (SO) are such series. */
int series_next_code(store_txn *t, const char *prefix, int year, char *code,
                     size_t n);

/* Keys u16 BE year ‖ u32 BE number (tasks, exemplars, honouring events),
 * and the year's next number in db: one more than its last, 1 when the
 * year has none. */
void year_key(uint8_t *key, int year, uint32_t num);
int year_next_number(store_txn *t, enum store_db db, int year, uint32_t *num);

/* Calls fn with the key and value of every record of db whose key begins
 * with the pl bytes of prefix (pl > 0), in key order, until fn returns
 * non-zero, which each_with_prefix then returns; else 0, or the store's
 * error.  fn checks the rest of the key. */
int each_with_prefix(store_txn *t, enum store_db db, const void *prefix,
                     size_t pl,
                     int (*fn)(const uint8_t *key, size_t kl, const void *v,
                               size_t vl, void *arg),
                     void *arg);

/* each_with_prefix for the records of a year: keys that begin with the
 * year as u16 BE. */
int each_of_year(store_txn *t, enum store_db db, int year,
                 int (*fn)(const uint8_t *key, size_t kl, const void *v,
                           size_t vl, void *arg),
                 void *arg);

/* Room for element n (of elem bytes) in the array p of capacity *cap:
 * p itself when there is room, else p grown (doubled, first elements at
 * the least) with *cap updated.  NULL when memory runs out; p and *cap
 * are then as they were, still the caller's. */
void *grow_array(void *p, size_t n, size_t *cap, size_t elem, size_t first);

#endif
