/* rdoc_text.c — a report as terminal text (see rdoc.h): columns by display
 * width (wide characters take two columns, combining marks none), long
 * cells wrapped within their column, charts as bars of block characters. */
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/rdoc.h"
#include "laurel/text.h"

#define TEXT_WIDTH_DEFAULT 100
#define COL_MIN 6
#define COL_WORD 16
#define COL_GAP 2
#define BAR_COLS 40

/* Length in bytes of the UTF-8 sequence starting at s. */
static size_t cp_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80    ? 1
	           : c >= 0xF0 ? 4
	           : c >= 0xE0 ? 3
	           : c >= 0xC0 ? 2
	                       : 1;

	for (size_t i = 1; i < n; i++)
		if (s[i] == '\0')
			return i;
	return n;
}

static size_t cp_width(const char *s, size_t len)
{
	char buf[8];

	memcpy(buf, s, len);
	buf[len] = '\0';
	return text_width(buf);
}

/* Splits s into lines of at most w columns, breaking at spaces where it
 * can and inside a word where it must (never between a letter and its
 * combining marks).  Newlines in s break lines too.  Returns the number
 * of lines (at least 1) in *out; the caller frees each and the array. */
static size_t wrap(const char *s, size_t w, char ***out)
{
	size_t n = 0, cap = 4, len = strlen(s);
	char **lines = malloc(cap * sizeof *lines);
	size_t start = 0;

	if (w < 1)
		w = 1;
	while (lines) {
		size_t i = start, cols = 0, brk = 0, end;
		int hard = 0;
		while (i < len && s[i] != '\n') {
			size_t l = cp_len(s + i), cw = cp_width(s + i, l);
			if (cols + cw > w && cw > 0)
				break;
			if (s[i] == ' ')
				brk = i;
			cols += cw;
			i += l;
		}
		end = i;
		if (i < len && s[i] != '\n') {
			if (brk > start)
				end = brk;
			else
				hard = 1;
		}
		if (n == cap) {
			char **p = realloc(lines, (cap *= 2) * sizeof *p);
			if (p == NULL)
				break;
			lines = p;
		}
		lines[n++] = strndup(s + start, end - start);
		if (end >= len)
			break;
		start = hard ? end : end + 1; /* skip the space or newline */
		if (start >= len)
			break;
	}
	*out = lines;
	return lines ? n : 0;
}

static void free_lines(char **l, size_t n)
{
	for (size_t i = 0; l && i < n; i++)
		free(l[i]);
	free(l);
}

static void pad(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

static void centred(FILE *f, const char *s, int width)
{
	char **l;
	size_t n = wrap(s, (size_t)width, &l);

	for (size_t i = 0; i < n; i++) {
		size_t w = text_width(l[i]);
		pad(f, w < (size_t)width ? ((size_t)width - w) / 2 : 0);
		fprintf(f, "%s\n", l[i]);
	}
	free_lines(l, n);
}

static void para(FILE *f, const char *s, int width)
{
	char **l;
	size_t n = wrap(s, (size_t)width, &l);

	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s\n", l[i]);
	free_lines(l, n);
}

/* One table row: each cell wrapped in its column, lines side by side. */
static void table_row(FILE *f, const struct rdoc_block *b, char **cells,
                      const size_t *w)
{
	char **lines[64];
	size_t nl[64], most = 0;

	for (size_t i = 0; i < b->ncols && i < 64; i++) {
		nl[i] = wrap(cells[i], w[i], &lines[i]);
		if (nl[i] > most)
			most = nl[i];
	}
	for (size_t k = 0; k < most; k++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (m == NULL)
			break;
		for (size_t i = 0; i < b->ncols && i < 64; i++) {
			const char *s = k < nl[i] ? lines[i][k] : "";
			size_t sw = text_width(s);
			if (i)
				pad(m, COL_GAP);
			if (b->cols[i].right)
				pad(m, w[i] > sw ? w[i] - sw : 0);
			fputs(s, m);
			if (!b->cols[i].right && i + 1 < b->ncols)
				pad(m, w[i] > sw ? w[i] - sw : 0);
		}
		fclose(m);
		/* No trailing blanks where the last cells are empty. */
		while (len && buf[len - 1] == ' ')
			buf[--len] = '\0';
		fprintf(f, "%s\n", buf);
		free(buf);
	}
	for (size_t i = 0; i < b->ncols && i < 64; i++)
		free_lines(lines[i], nl[i]);
}

/* Columns of the longest space-separated word of s. */
static size_t longest_word(const char *s)
{
	size_t best = 0;
	char buf[256];

	while (*s) {
		size_t n = strcspn(s, " \n");
		if (n && n < sizeof buf) {
			size_t w;
			memcpy(buf, s, n);
			buf[n] = '\0';
			if ((w = text_width(buf)) > best)
				best = w;
		}
		s += n;
		while (*s == ' ' || *s == '\n')
			s++;
	}
	return best;
}

static void rule(FILE *f, const size_t *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			pad(f, COL_GAP);
		for (size_t k = 0; k < w[i]; k++)
			fputs("─", f);
	}
	fputc('\n', f);
}

static void table(FILE *f, const struct rdoc_block *b, int width)
{
	size_t w[64], minw[64], total = 0, n = b->ncols < 64 ? b->ncols : 64;
	char *head[64];

	if (b->text && b->text[0])
		fprintf(f, "%s\n", b->text);
	for (size_t i = 0; i < n; i++) {
		w[i] = text_width(b->cols[i].name);
		for (size_t r = 0; r < b->nrows; r++) {
			size_t cw = text_width(b->rows[r][i]);
			if (cw > w[i])
				w[i] = cw;
		}
		if (b->total && text_width(b->total[i]) > w[i])
			w[i] = text_width(b->total[i]);
		if (w[i] < 1)
			w[i] = 1;
		total += w[i] + (i ? COL_GAP : 0);
	}
	/* Too wide: narrow the widest text column, a column at a time, but
	 * not below its longest word (up to COL_WORD); numbers never wrap. */
	for (size_t i = 0; i < n; i++) {
		size_t word = longest_word(b->cols[i].name);
		for (size_t r = 0; r < b->nrows && r < 200; r++) {
			size_t lw = longest_word(b->rows[r][i]);
			if (lw > word)
				word = lw;
		}
		if (word > COL_WORD)
			word = COL_WORD;
		if (word < COL_MIN)
			word = COL_MIN;
		minw[i] = b->cols[i].right || w[i] < word ? w[i] : word;
	}
	while (total > (size_t)width) {
		size_t wi = n;
		for (size_t i = 0; i < n; i++)
			if (w[i] > minw[i] && (wi == n || w[i] > w[wi]))
				wi = i;
		if (wi == n)
			break;
		w[wi]--;
		total--;
	}
	for (size_t i = 0; i < n; i++)
		head[i] = b->cols[i].name;
	table_row(f, b, head, w);
	rule(f, w, n);
	for (size_t r = 0; r < b->nrows; r++)
		table_row(f, b, b->rows[r], w);
	if (b->total) {
		rule(f, w, n);
		table_row(f, b, b->total, w);
	}
}

static void fmt_value(double v, const char *unit, char *buf, size_t n)
{
	snprintf(buf, n, "%.1f%s", v, unit);
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
}

static void chart(FILE *f, const struct rdoc_block *b)
{
	size_t lw = 0;

	if (b->text && b->text[0])
		fprintf(f, "%s\n", b->text);
	for (size_t i = 0; i < b->nbars; i++)
		if (text_width(b->bars[i].label) > lw)
			lw = text_width(b->bars[i].label);
	for (size_t i = 0; i < b->nbars; i++) {
		const struct rdoc_bar *r = &b->bars[i];
		double v = r->value < 0 ? 0 : r->value > 100 ? 100 : r->value;
		int eighths = (int)(v / 100.0 * BAR_COLS * 8 + 0.5);
		int tcol = r->target >= 0 ? (int)(r->target / 100.0 * BAR_COLS)
		                          : -1;
		static const char *const parts[] = {"",  "▏", "▎", "▍",
		                                    "▌", "▋", "▊", "▉"};
		char val[32], tgt[32] = "";
		int col = 0;
		fputs(r->label, f);
		pad(f, lw - text_width(r->label) + 1);
		for (; col < eighths / 8; col++)
			fputs(col == tcol ? "┃" : "█", f);
		if (eighths % 8) {
			fputs(parts[eighths % 8], f);
			col++;
		}
		for (; col < BAR_COLS; col++)
			fputs(col == tcol ? "┆" : " ", f);
		fmt_value(r->value, b->unit, val, sizeof val);
		if (r->target >= 0)
			fmt_value(r->target, b->unit, tgt, sizeof tgt);
		fprintf(f, " %s%s%s\n", val, tgt[0] ? " / " : "", tgt);
	}
}

/* The recipients and the signers, when the document names them (the
 * reports that sign with a role alone print no block). */
static void signatures(FILE *f, const struct rdoc *d)
{
	if (d->has_copies && d->ncopies) {
		fprintf(f, "\nNơi nhận:\n");
		for (size_t i = 0; i < d->ncopies; i++)
			fprintf(f, "- %s\n", d->copies[i]);
	}
	for (size_t i = 0; i < d->nsigners; i++)
		fprintf(f, "\n%s\n%s\n", d->signers[i].title,
		        d->signers[i].name[0] ? d->signers[i].name : "…………");
}

int rdoc_text(const struct rdoc *d, FILE *f, int width)
{
	char line[256];
	int signed_ = 0;

	if (width <= 0)
		width = TEXT_WIDTH_DEFAULT;
	if (d->parent && d->parent[0])
		fprintf(f, "%s\n", d->parent);
	fprintf(f, "%s\n", d->hospital ? d->hospital : "");
	if (d->number && d->number[0])
		fprintf(f, "Số: %s\n", d->number);
	if (d->abstract && d->abstract[0])
		fprintf(f, "%s\n", d->abstract);
	rdoc_date_line(d, line, sizeof line);
	/* A letter goes on with its first block, a titled document with
	 * the title after a blank line. */
	fprintf(f, "%s\n%s", line,
	        d->abstract && d->abstract[0] && !(d->mark && d->mark[0])
	                ? ""
	                : "\n");
	if (d->mark && d->mark[0]) {
		snprintf(line, sizeof line, "[ %s ]", d->mark);
		centred(f, line, width);
	}
	/* A letter has its subject line instead of a title. */
	if (!(d->abstract && d->abstract[0])) {
		centred(f, d->title ? d->title : "", width);
		if (d->subtitle && d->subtitle[0])
			centred(f, d->subtitle, width);
	}
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct rdoc_block *b = &d->blocks[i];
		fputc('\n', f);
		switch (b->kind) {
		case RDOC_HEADING:
			if (b->centred)
				centred(f, b->text, width);
			else
				para(f, b->text, width);
			break;
		case RDOC_PARA:
			para(f, b->text, width);
			break;
		case RDOC_TABLE:
			table(f, b, width);
			break;
		case RDOC_CHART:
			chart(f, b);
			break;
		case RDOC_SIGNATURE:
			signatures(f, d);
			signed_ = 1;
			break;
		case RDOC_BREAK:
			break;
		}
	}
	if (!signed_)
		signatures(f, d);
	fputc('\n', f);
	snprintf(line, sizeof line,
	         dgettext("laurel", "Store checkpoint: %lld events, head %s"),
	         (long long)d->events, d->head ? d->head : "");
	para(f, line, width);
	if (d->checkpoint && d->checkpoint[0])
		para(f, d->checkpoint, width);
	return ferror(f) ? -1 : 0;
}
