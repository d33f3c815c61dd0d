/* import.c — all-or-nothing CSV imports (see import.h). */
#include "laurel/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/err.h"
#include "laurel/text.h"

#define IMPORT_ERRORS_MAX 1000

struct import_err {
	uint64_t line;
	char column[64];
	char reason[256];
};

struct import_state {
	struct import_err *err;
	size_t nerr;
	size_t total_err;
};

static void add_err(struct import_state *st, uint64_t line,
                    const char *column, const char *reason)
{
	st->total_err++;
	if (st->nerr >= IMPORT_ERRORS_MAX)
		return;
	st->err[st->nerr].line = line;
	snprintf(st->err[st->nerr].column, sizeof st->err[0].column, "%s",
	         column ? column : "");
	snprintf(st->err[st->nerr].reason, sizeof st->err[0].reason, "%s",
	         reason);
	st->nerr++;
}

/* Which column a header names, or -1. */
static int header_column(const struct import_spec *sp, const char *h, size_t len)
{
	char *raw = strndup(h, len), *f = raw ? text_fold(raw) : NULL;
	int found = -1;

	for (size_t i = 0; f && i < sp->ncols && found < 0; i++) {
		const char *a = sp->cols[i].aliases;
		char *hf = text_fold(sp->cols[i].header);
		if (hf && strcmp(hf, f) == 0)
			found = (int)i;
		free(hf);
		while (a && *a && found < 0) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			if (strlen(f) == al && strncmp(f, a, al) == 0)
				found = (int)i;
			a = bar ? bar + 1 : NULL;
		}
	}
	free(raw);
	free(f);
	return found;
}

static const char *column_header(const struct import_spec *sp, const char *param)
{
	for (size_t i = 0; i < sp->ncols; i++)
		if (param && !strcmp(sp->cols[i].param, param))
			return sp->cols[i].header;
	return param;
}

/* Validates (and, when apply, writes) every row.  Rows are [line, cell…];
 * the first row is the header. */
static int run_import(struct lrl_ctx *c, const struct import_spec *sp,
                      int apply, struct import_state *st,
                      size_t *imported)
{
	const msgpack_object *rows = ctx_param(c, "file");
	const struct lrl_action *add = &lrl_actions[sp->action];
	const msgpack_object *extra = sp->extra_param ? ctx_param(c, sp->extra_param) : NULL;
	int map[IMPORT_COLUMNS_MAX + 64];
	size_t ncols;
	uint64_t hline;
	mp_buf b;
	int rc = 0;

	*imported = 0;
	if (rows->via.array.size == 0) {
		add_err(st, 1, NULL, "the file is empty: a header row is needed");
		return 0;
	}
	{
		const msgpack_object *h = &rows->via.array.ptr[0];
		hline = h->via.array.ptr[0].via.u64;
		ncols = h->via.array.size - 1;
		if (ncols > IMPORT_COLUMNS_MAX + 63) {
			add_err(st, hline, NULL, "the header has too many columns");
			return 0;
		}
		for (size_t i = 0; i < ncols; i++) {
			const msgpack_object *cell = &h->via.array.ptr[i + 1];
			char msg[200];
			map[i] = header_column(sp, cell->via.str.ptr, cell->via.str.size);
			if (map[i] < 0 && cell->via.str.size > 0) {
				snprintf(msg, sizeof msg, "unknown column '%.*s'",
				         (int)(cell->via.str.size > 60 ? 60
				                                       : cell->via.str.size),
				         cell->via.str.ptr);
				add_err(st, hline, NULL, msg);
			}
			for (size_t j = 0; j < i && map[i] >= 0; j++)
				if (map[j] == map[i]) {
					snprintf(msg, sizeof msg, "column '%s' appears twice",
					         sp->cols[map[i]].header);
					add_err(st, hline, NULL, msg);
				}
		}
		for (size_t p = 0; p < sp->ncols; p++) {
			const struct lrl_param *pp =
				action_param(add, sp->cols[p].param, strlen(sp->cols[p].param));
			int have = 0;
			for (size_t i = 0; i < ncols; i++)
				have |= map[i] == (int)p;
			if (!have && pp && (pp->flags & PF_REQ)) {
				char msg[200];
				snprintf(msg, sizeof msg, "the required column '%s' is missing",
				         sp->cols[p].header);
				add_err(st, hline, NULL, msg);
			}
		}
		if (st->total_err)
			return 0;
	}
	mp_buf_init(&b);
	for (uint32_t r = 1; r < rows->via.array.size; r++) {
		const msgpack_object *row = &rows->via.array.ptr[r];
		uint64_t line = row->via.array.ptr[0].via.u64;
		size_t given = 0, blank = 1;
		struct lrl_fail f;
		msgpack_unpacked up;
		struct lrl_ctx rc_ctx;
		int bad = 0;

		for (uint32_t i = 1; i < row->via.array.size; i++)
			if (row->via.array.ptr[i].via.str.size)
				blank = 0;
		if (blank)
			continue; /* spreadsheets leave empty lines */
		if (row->via.array.size - 1 != ncols) {
			char msg[120];
			snprintf(msg, sizeof msg, "has %u cells but the header has %zu",
			         row->via.array.size - 1, ncols);
			add_err(st, line, NULL, msg);
			continue;
		}
		for (size_t i = 0; i < ncols; i++)
			if (map[i] >= 0 && row->via.array.ptr[i + 1].via.str.size)
				given++;
		mp_buf_reset(&b);
		msgpack_pack_map(&b.pk, given + (extra ? 1 : 0));
		if (extra) {
			/* A parameter of the whole import (the year) goes with
			 * every row. */
			mp_pack_str(&b.pk, sp->extra_param);
			msgpack_pack_object(&b.pk, *extra);
		}
		for (size_t i = 0; i < ncols && !bad; i++) {
			const msgpack_object *cell = &row->via.array.ptr[i + 1];
			const struct lrl_param *pp;
			char *text;
			if (map[i] < 0 || cell->via.str.size == 0)
				continue;
			pp = action_param(add, sp->cols[map[i]].param,
			                  strlen(sp->cols[map[i]].param));
			text = strndup(cell->via.str.ptr, cell->via.str.size);
			mp_pack_str(&b.pk, pp->name);
			memset(&f, 0, sizeof f);
			if (text == NULL ||
			    action_pack_text(pp, text, &b.pk, &f) != 0) {
				add_err(st, line, sp->cols[map[i]].header,
				        text ? f.reason : "out of memory");
				bad = 1;
			}
			free(text);
		}
		if (bad)
			continue;
		msgpack_unpacked_init(&up);
		memset(&f, 0, sizeof f);
		if (mp_decode(&up, b.sb.data, b.sb.size) != 0 ||
		    action_check_params(add, &up.data, &f) != 0) {
			add_err(st, line, column_header(sp, f.field), f.reason);
			msgpack_unpacked_destroy(&up);
			continue;
		}
		/* Duplicate codes within the file. */
		for (uint32_t q = 1; q < r; q++) {
			const msgpack_object *prev = &rows->via.array.ptr[q];
			for (size_t i = 0; i < ncols && prev->via.array.size - 1 == ncols; i++)
				if (map[i] == 0) {
					const msgpack_object *a = &prev->via.array.ptr[i + 1];
					const msgpack_object *bb = &row->via.array.ptr[i + 1];
					if (a->via.str.size == bb->via.str.size &&
					    memcmp(a->via.str.ptr, bb->via.str.ptr,
					           a->via.str.size) == 0) {
						char msg[120];
						snprintf(msg, sizeof msg,
						         "duplicate code: also on line %llu",
						         (unsigned long long)prev->via.array.ptr[0].via.u64);
						add_err(st, line, sp->cols[0].header, msg);
						bad = 1;
					}
				}
			if (bad)
				break;
		}
		if (bad) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		rc_ctx = *c;
		rc_ctx.action = add;
		rc_ctx.params = &up.data;
		memset(&rc_ctx.fail, 0, sizeof rc_ctx.fail);
		/* Once a problem is found nothing will be kept, so later
		 * rows are only checked. */
		rc = sp->apply(&rc_ctx, !(apply && st->total_err == 0));
		msgpack_unpacked_destroy(&up);
		if (rc == LRL_EFULL || rc == LRL_ENOMEM || rc == LRL_ESTORE) {
			mp_buf_free(&b);
			return rc;
		}
		if (rc != 0)
			add_err(st, line, column_header(sp, rc_ctx.fail.field),
			        rc_ctx.fail.reason[0] ? rc_ctx.fail.reason
			                              : lrl_strerror(rc));
		else
			(*imported)++;
		rc = 0;
	}
	mp_buf_free(&b);
	return 0;
}

int import_run(struct lrl_ctx *c, const struct import_spec *sp, int apply)
{
	static const char *const cols[] = {"line", "column", "problem"};
	struct import_state st;
	size_t imported = 0;
	int rc;

	memset(&st, 0, sizeof st);
	if ((st.err = calloc(IMPORT_ERRORS_MAX, sizeof *st.err)) == NULL)
		return LRL_ENOMEM;
	rc = run_import(c, sp, apply, &st, &imported);
	if (rc != 0)
		goto out;
	if (st.total_err && apply) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "file",
		                  "%zu problem%s found (first on line %llu: %s%s%s); "
		                  "nothing was imported",
		                  st.total_err, st.total_err == 1 ? "" : "s",
		                  (unsigned long long)st.err[0].line, st.err[0].column,
		                  st.err[0].column[0] ? ": " : "", st.err[0].reason);
		goto out;
	}
	if (apply) {
		result_message(c->out, sp->done, imported);
		goto out;
	}
	list_begin(c->out, cols, 3, st.nerr);
	for (size_t i = 0; i < st.nerr; i++) {
		msgpack_pack_array(c->out, 3);
		msgpack_pack_uint64(c->out, st.err[i].line);
		mp_pack_str(c->out, st.err[i].column);
		mp_pack_str(c->out, st.err[i].reason);
	}
	list_end(c->out, NULL);
	/* The check's summary travels with the list. */
	(void)imported;
out:
	free(st.err);
	return rc;
}

