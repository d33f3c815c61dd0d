/*
 * report.c — the TUI's report preview: a report document (rdoc.h) laid out
 * as terminal text at the pane's width (charts as bars of block
 * characters), scrolled with the arrows, PgUp/PgDn, g/G; "p" saves it as
 * a PDF and "c" as CSV to a path the user types (Enter alone takes the
 * default shown).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/rdoc.h"
#include "laurel/tui_int.h"

#define PATH_INPUT_MAX 1024

struct preview {
	struct rdoc *doc;
	char *text; /* the rendering at width */
	char **lines;
	size_t nlines;
	int width;
	size_t top;
};

static void layout_text(struct preview *p, int width)
{
	size_t len = 0, n = 0;
	FILE *f;

	free(p->text);
	free(p->lines);
	p->text = NULL;
	p->lines = NULL;
	p->nlines = 0;
	p->width = width;
	if ((f = open_memstream(&p->text, &len)) == NULL)
		return;
	rdoc_text(p->doc, f, width);
	fclose(f);
	for (size_t i = 0; i < len; i++)
		n += p->text[i] == '\n';
	if ((p->lines = calloc(n + 1, sizeof *p->lines)) == NULL)
		return;
	for (char *s = p->text, *e; s && *s; s = e ? e + 1 : NULL) {
		e = strchr(s, '\n');
		if (e)
			*e = '\0';
		p->lines[p->nlines++] = s;
	}
}

static void draw(struct tui *t, struct screen *s, WINDOW *w)
{
	struct preview *p = s->data;
	int rows, cols;

	(void)t;
	getmaxyx(w, rows, cols);
	if (p->width != cols - 1)
		layout_text(p, cols - 1);
	if (p->nlines > (size_t)rows && p->top > p->nlines - (size_t)rows)
		p->top = p->nlines - (size_t)rows;
	for (int y = 0; y < rows && p->top + (size_t)y < p->nlines; y++)
		tui_put(w, y, 0, p->lines[p->top + (size_t)y], cols - 1);
}

/* Asks for a path in the message line; def when the answer is empty.
 * Returns 0 with the path in out, or -1 when cancelled (Esc). */
static int ask_path(struct tui *t, const char *prompt, const char *def,
                    char *out, size_t n)
{
	char buf[PATH_INPUT_MAX] = "";
	int rc;

	werase(t->wmsg);
	wattron(t->wmsg, A_BOLD);
	mvwprintw(t->wmsg, 0, 0, "%s [%s]: ", prompt, def);
	wattroff(t->wmsg, A_BOLD);
	echo();
	curs_set(1);
	rc = wgetnstr(t->wmsg, buf, (int)sizeof buf - 1);
	noecho();
	curs_set(0);
	werase(t->wmsg);
	if (rc == ERR || strchr(buf, 27))
		return -1;
	snprintf(out, n, "%s", buf[0] ? buf : def);
	return 0;
}

static void default_path(const struct preview *p, const char *ext, char *out,
                         size_t n)
{
	const char *home = getenv("HOME");
	const char *name = p->doc->name ? strchr(p->doc->name, '.') : NULL;

	snprintf(out, n, "%s/%s%s.%s", home && *home ? home : ".", "report-",
	         name ? name + 1 : "report", ext);
}

static void save(struct tui *t, struct preview *p, int pdf)
{
	char def[PATH_INPUT_MAX], path[PATH_INPUT_MAX];
	int rc, pages = 0;

	default_path(p, pdf ? "pdf" : "csv", def, sizeof def);
	if (ask_path(t, pdf ? _("Save as PDF") : _("Save as CSV"), def, path,
	             sizeof path) != 0) {
		t->need_redraw = 1;
		return;
	}
	if (pdf) {
		rc = rdoc_pdf(p->doc, path, &pages);
	} else {
		FILE *f = fopen(path, "wb");
		rc = f ? rdoc_csv(p->doc, f, 1) : -1;
		if (f && fclose(f) != 0)
			rc = -1;
	}
	if (rc != 0)
		tui_message(t, 1, _("Cannot write %s."), path);
	else if (pdf)
		tui_message(t, 0, _("Saved %s (%d pages)."), path, pages);
	else
		tui_message(t, 0, _("Saved %s."), path);
	t->need_redraw = 1;
}

static int key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct preview *p = s->data;
	size_t page = t->rows > 8 ? (size_t)t->rows - 6 : 1;

	if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j')) {
		if (p->top + 1 < p->nlines)
			p->top++;
	} else if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k')) {
		if (p->top)
			p->top--;
	} else if ((is_key && ch == KEY_NPAGE) || (!is_key && ch == ' ')) {
		p->top = p->top + page < p->nlines ? p->top + page : p->top;
	} else if (is_key && ch == KEY_PPAGE) {
		p->top = p->top > page ? p->top - page : 0;
	} else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 'g')) {
		p->top = 0;
	} else if ((is_key && ch == KEY_END) || (!is_key && ch == 'G')) {
		p->top = p->nlines;
	} else if (!is_key && (ch == 'p' || ch == 'c')) {
		save(t, p, ch == 'p');
	} else {
		return 0;
	}
	t->need_redraw = 1;
	return 1;
}

static void close_preview(struct screen *s)
{
	struct preview *p = s->data;

	if (p) {
		rdoc_free(p->doc);
		free(p->text);
		free(p->lines);
		free(p);
	}
	s->data = NULL; /* the stack frees the screen itself */
}

static const struct screen_ops preview_ops = {
	.name = "report",
	.draw = draw,
	.key = key,
	.close = close_preview,
	.hints = N_("↑↓ PgUp PgDn scroll  p save as PDF  c save as CSV  Esc "
                    "back"),
};

struct screen *screen_report(struct tui *t, struct rdoc *doc)
{
	struct screen *s = calloc(1, sizeof *s);
	struct preview *p = calloc(1, sizeof *p);

	(void)t;
	if (!s || !p) {
		free(s);
		free(p);
		rdoc_free(doc);
		return NULL;
	}
	p->doc = doc;
	p->width = -1;
	s->ops = &preview_ops;
	s->data = p;
	snprintf(s->title, sizeof s->title, "%s", doc->title ? doc->title : "");
	return s;
}
