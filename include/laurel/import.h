/*
 * import.h — CSV imports that write every row or none.
 *
 * The client sends the file's rows ([line, cell, …], the first row the
 * header).  Columns are matched to the per-row action's parameters by
 * their header (any of several names, compared without tones and case);
 * each row is converted to typed parameters, checked against the per-row
 * action's table entry, against duplicates of the key (first) column
 * within the file, and by the import's apply function against the store.
 * Every problem is reported with its line, column and reason; when there
 * is one, nothing is written.
 */
#ifndef LAUREL_IMPORT_H
#define LAUREL_IMPORT_H

#include <stddef.h>

#include "laurel/handler.h"

#define IMPORT_COLUMNS_MAX 32

struct import_column {
	const char *param;   /* the per-row action's parameter */
	const char *header;  /* the header written by exports */
	const char *aliases; /* other headers accepted, folded, '|'-separated */
};

struct import_spec {
	const struct import_column *cols; /* the first is the row's key */
	size_t ncols;
	int action; /* the per-row action (its parameters give the types) */
	/* Checks one row (c->params, c->action) and, unless dry, writes it.
	 * Must write nothing when it refuses. */
	int (*apply)(struct lrl_ctx *c, int dry);
	/* A parameter of the import action copied into every row, or NULL. */
	const char *extra_param;
	/* The result when everything was imported: a format with one %zu. */
	const char *done;
};

/* With apply, imports the "file" parameter's rows (all or none); without,
 * only checks them and returns the problems as a list (line, column,
 * problem). */
int import_run(struct lrl_ctx *c, const struct import_spec *sp, int apply);

#endif
