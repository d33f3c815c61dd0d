/*
 * exemplars.h — what the exemplar handlers (src/server/actions/exemplar.c)
 * and the model, submission and honouring-event handlers
 * (src/server/actions/model.c) share: record layouts, codes and small
 * helpers.  The layouts are described at the top of each file.
 */
#ifndef LAUREL_EXEMPLARS_H
#define LAUREL_EXEMPLARS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/acthelp.h"
#include "laurel/handler.h"
#include "laurel/store.h"

struct unit_rec;
struct year_rec;

/* Code prefixes: exemplars (điển hình) and honouring events (tôn vinh). */
#define EX_PREFIX "DH"
#define CEREMONY_PREFIX "TV"

/* Fields of a stored exemplar. */
enum {
	EF_KIND = 1,
	EF_STAFF,
	EF_UNIT,
	EF_FIELD,
	EF_ACHIEVEMENTS,
	EF_MOVEMENT,
	EF_FOUND,
	EF_STAGE,
	EF_FOUND_BY,
	EF_ADDED,
	EF_HISTORY,
	EF_SUMMARY,
	EF_INTRODUCED,
	EF_PUBLICITY
};

enum ex_stage {
	EX_FOUND = 1,
	EX_NURTURED,
	EX_SUMMARISED,
	EX_REPLICATED,
	EX_DROPPED,
	EX_STAGE_COUNT
};

/* Indexed by enum ex_stage ("" at 0). */
extern const char *const ex_stage_words[];

/* A change to one field of a stored map: raw (len bytes) is one packed
 * value that replaces the field's value, or with append is added at the
 * end of the field's array. */
struct ex_edit {
	uint64_t field;
	int append;
	const char *raw;
	size_t len;
};

/* Writes the map m with the edits applied (fields m lacks are added) to
 * key in db. */
int ex_put_edited(store_txn *t, enum store_db db, const void *key, size_t kl,
                  const msgpack_object *m, const struct ex_edit *e, size_t ne);

/* Codes "<prefix>-yyyy-nnn" of keys u16 BE year ‖ u32 BE number
 * (year_key, acthelp.h) and back (-1 when code is not one). */
void ex_code(const char *prefix, const uint8_t *key, char *buf, size_t n);
int ex_code_key(const char *prefix, const char *code, uint8_t *key);

/* Field readers of a stored map: "" / 0 / NULL when absent. */
void ex_field(const msgpack_object *m, uint64_t f, const char **s, size_t *len);
uint64_t ex_u64(const msgpack_object *m, uint64_t f);
int64_t ex_i64(const msgpack_object *m, uint64_t f);
const msgpack_object *ex_array(const msgpack_object *m, uint64_t f);

/* The login of account id, "" for none; packs a date (days) as
 * dd/mm/yyyy, "" for 0. */
const char *ex_login(store_txn *t, uint64_t id, struct user_rec *u);
void ex_date(msgpack_packer *pk, int64_t d);

/* Packs the publicity item of the kind, date, channel, title and link
 * parameters into b (links must be http or https); LRL_EINVAL with
 * c->fail naming the field. */
int ex_pack_publicity(struct lrl_ctx *c, mp_buf *b);
/* "dd/mm/yyyy · kind · channel · title · link" of a stored item. */
void ex_publicity_line(const msgpack_object *e, char *buf, size_t n);
/* Packs the stored publicity items pub (may be NULL) for the web export:
 * an array of [kind, date (dd/mm/yyyy), channel, title, link], "" for
 * what an item lacks. */
void ex_pack_publicity_items(msgpack_packer *pk, const msgpack_object *pub);

/* The exemplar with code: its key and decoded value (the caller destroys
 * up); LRL_ENOENT when there is none. */
int ex_load(store_txn *t, const char *code, uint8_t *key, msgpack_unpacked *up);
int ex_stage_of(const msgpack_object *m);
/* The exemplar's name (the person's or the collective's) and its unit. */
void ex_name(store_txn *t, const msgpack_object *m, char *name, size_t n,
             struct unit_rec *u);
/* Calls fn for each exemplar of year (every year for 0) in code order;
 * stops at the first non-zero return. */
int ex_each(store_txn *t, int year,
            int (*fn)(const uint8_t *key, const msgpack_object *m, void *arg),
            void *arg);

/* model.c: calls fn(arg, unit) for each model of year that is not
 * refused (its unit, or its first author's); the number of honouring
 * events of year; whether the submission of month m of year y was sent;
 * the day of the month the submission is due by. */
int ex_models_each_unit(store_txn *t, int year,
                        int (*fn)(void *arg, uint32_t unit), void *arg);
int ex_ceremonies_in(store_txn *t, int year, int *n);
int ex_submission_sent(store_txn *t, int y, int m, int *sent);
int ex_submission_day(const struct year_rec *y);
/* Packs the models of year (every year for 0) that were not refused, as
 * the web export shows them: an array of maps (code, year, name,
 * unit-name, state, plan, assessment, evaluations, adopted, publicity). */
int ex_export_models(store_txn *t, int year, msgpack_packer *pk);

#endif
