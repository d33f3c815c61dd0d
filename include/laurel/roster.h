/*
 * roster.h — units and staff as laureld stores them.
 *
 * units:         u32 BE id → {1 code, 2 name, 3 kind, 4 parent id (0: top),
 *                5 closed, 6 created (event time)}
 * unit_codes:    code → u32 BE id
 * staff:         u32 BE id → {1 code, 2 full name, 3 sex, 4 birth date,
 *                5 unit id, 6 position, 7 job title, 8 category,
 *                9 start date, 10 account id (0: none), 11 search key,
 *                12 created}
 * staff_codes:   code → u32 BE id
 * staff_by_name: Vietnamese name key ‖ 0x00 ‖ u32 BE id → "" (sorted by
 *                tên, then họ and đệm)
 * staff_by_unit: u32 BE unit ‖ u32 BE id → ""
 *
 * Name and search keys are derived from the full name (text.h), never
 * typed.
 */
#ifndef LAUREL_ROSTER_H
#define LAUREL_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

#define ROSTER_TEXT_MAX (LRL_NAME_MAX * 4 + 1)

struct unit_rec {
	uint32_t id;
	char code[LRL_CODE_MAX + 1];
	char name[ROSTER_TEXT_MAX];
	char kind[16];
	uint32_t parent;
	int closed;
	int64_t created;
};

struct staff_rec {
	uint32_t id;
	char code[LRL_CODE_MAX + 1];
	char full_name[ROSTER_TEXT_MAX];
	char sex[8];
	int32_t birth;
	uint32_t unit;
	char position[ROSTER_TEXT_MAX];
	char job_title[ROSTER_TEXT_MAX];
	char category[24];
	int32_t start;
	uint32_t user;
	int64_t created;
};

int unit_get(store_txn *t, uint32_t id, struct unit_rec *u);
/* LRL_ENOENT when no unit has the code. */
int unit_find(store_txn *t, const char *code, size_t len, struct unit_rec *u);
/* Writes u (a new unit gets the next id) and its code index. */
int unit_put(store_txn *t, struct unit_rec *u, int is_new);

int staff_get(store_txn *t, uint32_t id, struct staff_rec *s);
int staff_find(store_txn *t, const char *code, size_t len,
               struct staff_rec *s);
/* Decodes only the unit, sex and category of a stored staff record (value
 * v, vl bytes) into s, leaving the rest of s as it is ("" for a sex or
 * category not recorded): what a head count needs of every staff record.
 * Returns 0, or LRL_ECORRUPT when the unit cannot be read. */
int staff_decode_brief(const void *v, size_t vl, struct staff_rec *s);
/* Writes s and its indexes; old is the previous version (NULL when new),
 * whose index entries are removed. */
int staff_put(store_txn *t, struct staff_rec *s, const struct staff_rec *old);

/* Builds the staff_by_name key of s into buf (size n); returns its length,
 * or 0 when it does not fit. */
size_t staff_name_key(const struct staff_rec *s, uint8_t *buf, size_t n);

#endif
