/*
 * tasks.h — what other areas may ask about a plan task (task.c owns the
 * records; their layout is described there).
 */
#ifndef LAUREL_TASKS_H
#define LAUREL_TASKS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

/* A stored task as a report shows it. */
struct task_view {
	char content[LRL_TEXT_MAX * 4 + 1];
	uint32_t lead; /* unit id */
	int64_t due;   /* days */
	char period[LRL_NAME_MAX * 4 + 1];
	char status[16];
	char note[LRL_TEXT_MAX * 4 + 1];
};

/* "KH-<year>-<number>", the code of task number num of year, into buf
 * (size n). */
void task_code(int year, uint32_t num, char *buf, size_t n);

/*
 * Reads a stored task (value v, vl bytes) when it concerns root: its lead
 * or one of its cooperating units is root or within it (every task when
 * root is 0).  Fills x ("" or 0 for what is not recorded) and writes the
 * codes of the cooperating units into with (size wn, "KHAMBENH, DUOC",
 * cut to fit).  Returns 1 when it concerns root, 0 when not, or
 * LRL_ECORRUPT when v is not a task.
 */
int task_view_of(store_txn *t, const void *v, size_t vl, uint32_t root,
                 struct task_view *x, char *with, size_t wn);

#endif
