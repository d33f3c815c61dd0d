/* rdoc_csv.c — a report's tables as one CSV file (see rdoc.h). */
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/rdoc.h"
#include "laurel/render.h"

static void field(FILE *f, const char *s)
{
	render_csv_field(f, s ? s : "", s ? strlen(s) : 0);
}

/* ",96.2": one decimal, a point whatever the locale. */
static void number(FILE *f, double v)
{
	long tenths = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));

	fprintf(f, ",%s%ld.%ld", tenths < 0 ? "-" : "", labs(tenths) / 10,
	        labs(tenths) % 10);
}

static void row(FILE *f, char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		field(f, cells[i]);
	}
	fputs("\r\n", f);
}

int rdoc_csv(const struct rdoc *d, FILE *f, int bom)
{
	char line[256];

	if (bom)
		fputs("\xEF\xBB\xBF", f);
	field(f, d->title);
	fputc(',', f);
	field(f, d->subtitle);
	fputs("\r\n\r\n", f);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct rdoc_block *b = &d->blocks[i];
		if (b->kind == RDOC_TABLE) {
			char *names[64];
			size_t n = b->ncols < 64 ? b->ncols : 64;
			field(f, b->text);
			fputs("\r\n", f);
			for (size_t j = 0; j < n; j++)
				names[j] = b->cols[j].name;
			row(f, names, n);
			for (size_t r = 0; r < b->nrows; r++)
				row(f, b->rows[r], n);
			if (b->total)
				row(f, b->total, n);
			fputs("\r\n", f);
		} else if (b->kind == RDOC_CHART) {
			field(f, b->text);
			fputs("\r\n", f);
			for (size_t r = 0; r < b->nbars; r++) {
				field(f, b->bars[r].label);
				number(f, b->bars[r].value);
				if (b->bars[r].target >= 0)
					number(f, b->bars[r].target);
				fputs("\r\n", f);
			}
			fputs("\r\n", f);
		}
	}
	snprintf(line, sizeof line,
	         dgettext("laurel", "Store checkpoint: %lld events, head %s"),
	         (long long)d->events, d->head ? d->head : "");
	field(f, line);
	if (d->checkpoint && d->checkpoint[0]) {
		fputc(',', f);
		field(f, d->checkpoint);
	}
	fputs("\r\n", f);
	return ferror(f) ? -1 : 0;
}
