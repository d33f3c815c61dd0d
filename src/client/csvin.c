/* csvin.c — CSV files into import rows, with libcsv (see csvin.h). */
#include "laurel/csvin.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"

struct cell {
	char *s;
	size_t len;
};

struct reader {
	struct cell *cells;
	size_t ncells, cap;
	size_t line;      /* physical line being fed */
	mp_buf rows;      /* packed rows, without the array header */
	size_t nrows;
	int oom;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->ncells == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct cell *p = realloc(r->cells, cap * sizeof *p);
		if (p == NULL) {
			r->oom = 1;
			return;
		}
		r->cells = p;
		r->cap = cap;
	}
	r->cells[r->ncells].s = malloc(len + 1);
	if (r->cells[r->ncells].s == NULL) {
		r->oom = 1;
		return;
	}
	memcpy(r->cells[r->ncells].s, s, len);
	r->cells[r->ncells].len = len;
	r->ncells++;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	msgpack_pack_array(&r->rows.pk, (uint32_t)r->ncells + 1);
	msgpack_pack_uint64(&r->rows.pk, r->line);
	for (size_t i = 0; i < r->ncells; i++) {
		mp_pack_strn(&r->rows.pk, r->cells[i].s, r->cells[i].len);
		free(r->cells[i].s);
	}
	r->ncells = 0;
	r->nrows++;
}

/* The separator the header line uses most, outside quotes. */
static unsigned char detect_delim(const char *line)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (const char *p = line; *p && *p != '\n'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			comma++;
		else if (!quoted && *p == ';')
			semi++;
		else if (!quoted && *p == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

int csvin_parse(const char *data, size_t len, const char *name,
                msgpack_packer *pk, size_t *nrows, char *err, size_t n)
{
	struct csv_parser p;
	struct reader r;
	const char *s = data, *end = data + len;
	int rc = 0;

	*nrows = 0;
	memset(&r, 0, sizeof r);
	mp_buf_init(&r.rows);
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		mp_buf_free(&r.rows);
		return LRL_ENOMEM;
	}
	/* A byte order mark, as spreadsheet programs write. */
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	if (s < end) {
		char first[4096];
		size_t fl = (size_t)(end - s) < sizeof first - 1 ? (size_t)(end - s)
		                                                 : sizeof first - 1;
		memcpy(first, s, fl);
		first[fl] = '\0';
		csv_set_delim(&p, detect_delim(first));
	}
	/* Fed one physical line at a time, so that rows know their line. */
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t ll = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		r.line++;
		if (csv_parse(&p, s, ll, on_field, on_row, &r) != ll) {
			snprintf(err, n, "%s: line %zu: %s", name, r.line,
			         csv_strerror(csv_error(&p)));
			rc = LRL_EINVAL;
			break;
		}
		if (r.oom) {
			rc = LRL_ENOMEM;
			break;
		}
		s += ll;
	}
	if (rc == 0 && csv_fini(&p, on_field, on_row, &r) != 0) {
		snprintf(err, n, "%s: line %zu: a quoted cell is not closed", name,
		         r.line);
		rc = LRL_EINVAL;
	}
	if (rc == 0) {
		msgpack_pack_array(pk, (uint32_t)r.nrows);
		mp_pack_raw(pk, r.rows.sb.data, r.rows.sb.size);
		*nrows = r.nrows;
	}
	for (size_t i = 0; i < r.ncells; i++)
		free(r.cells[i].s);
	free(r.cells);
	csv_free(&p);
	mp_buf_free(&r.rows);
	return rc;
}

int csvin_read(const char *path, msgpack_packer *pk, size_t *nrows,
               char *err, size_t n)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*nrows = 0;
	if (f == NULL) {
		snprintf(err, n, "%s: %s", path, strerror(errno));
		return LRL_EIO;
	}
	for (;;) {
		size_t got;
		if (len == cap) {
			char *p;
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(data, cap)) == NULL) {
				free(data);
				fclose(f);
				return LRL_ENOMEM;
			}
			data = p;
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, n, "%s: %s", path, strerror(errno));
		free(data);
		fclose(f);
		return LRL_EIO;
	}
	fclose(f);
	rc = csvin_parse(data ? data : "", len, path, pk, nrows, err, n);
	free(data);
	return rc;
}
