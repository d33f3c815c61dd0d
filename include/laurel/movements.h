/*
 * movements.h — emulation movements (phong trào thi đua) as laureld
 * keeps them (year.c owns the records).
 *
 * movements: code → {1 year, 2 name, 3 kind ("regular" | "thematic" |
 *            "peak"), 4 first day (days), 5 last day (days), 6 areas,
 *            7 created (time)}
 */
#ifndef LAUREL_MOVEMENTS_H
#define LAUREL_MOVEMENTS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"

struct movement {
	int64_t year, from, to, created;
	char name[LRL_NAME_MAX * 8 + 1];
	char kind[16];
	char areas[LRL_TEXT_MAX * 4 + 1];
};

/* Decodes the year, name, kind and first and last day of a stored
 * movement (value v, vl bytes) into m; its areas and creation are left
 * empty, and what is not recorded is "" or 0.  Returns 0, or LRL_ECORRUPT
 * when v has no year or first day. */
int movement_decode_brief(const void *v, size_t vl, struct movement *m);

#endif
