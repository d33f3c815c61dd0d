/*
 * rdoc_pdf.c — a report as a PDF in the official layout of Decree
 * 30/2020/NĐ-CP (see rdoc.h): A4; margins 20 mm top and bottom, 30 mm
 * left, 15 mm right; Liberation Serif (metric-compatible with Times New
 * Roman, full Vietnamese coverage); the issuer block (parent body over
 * the hospital) beside the national motto block; the number and date
 * line; the title; the body at 13 pt, justified; tables that break
 * across pages with their header repeated; bar charts of rates; the
 * signature block; page numbers centred at the top from page 2; the
 * store checkpoint at the foot of every page.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <libintl.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/rdoc.h"
#include "laurel/text.h"

#define MM (72.0 / 25.4)
#define PAGE_W (210.0 * MM)
#define PAGE_H (297.0 * MM)
#define M_TOP (20.0 * MM)
#define M_BOTTOM (20.0 * MM)
#define M_LEFT (30.0 * MM)
#define M_RIGHT (15.0 * MM)
#define CONTENT_W (PAGE_W - M_LEFT - M_RIGHT)
#define FOOT_H (9.0 * MM) /* room kept for the checkpoint */
#define FONT "Liberation Serif"
#define BODY_PT 13.0
#define TABLE_PT 10.5
#define TABLE_PT_MIN 7.5
/* The share of the width the columns' longest words may take before the
 * type of a table is made smaller: the rest goes to its long texts. */
#define TABLE_WORD_SHARE 0.8
#define FOOT_PT 6.5
#define CELL_PAD 3.0
#define MAX_COLS 64
#define SIGN_ROOM (22.0 * MM) /* between a signer's title and name */

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	const struct rdoc *d;
	int page;
	double y;
	double tpt; /* the type size of the table being drawn */
};

static void stamp(struct pdf *p);
static void watermark(struct pdf *p);

static PangoLayout *layout(struct pdf *p, const char *text, double pt, int bold,
                           int italic, double width, PangoAlignment align,
                           int justify)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONT);
	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
	                                           : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC
	                                            : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_justify(l, justify);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* Draws l at (x, y) and returns its height. */
static double draw(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	return height_of(l);
}

/* Draws text, frees the layout, returns the height. */
static double text_at(struct pdf *p, const char *text, double pt, int bold,
                      int italic, double x, double y, double width,
                      PangoAlignment align)
{
	PangoLayout *l = layout(p, text, pt, bold, italic, width, align, 0);
	double h = draw(p, l, x, y);

	g_object_unref(l);
	return h;
}

/* The checkpoint at the foot and, from page 2, the page number at the
 * top. */
static void page_furniture(struct pdf *p)
{
	char foot[768], num[16];
	const struct rdoc *d = p->d;

	if (d->mark && d->mark[0])
		watermark(p);
	snprintf(foot, sizeof foot,
	         dgettext("laurel", "Store checkpoint: %lld events, head %s"),
	         (long long)d->events, d->head ? d->head : "");
	if (d->checkpoint && d->checkpoint[0])
		snprintf(foot + strlen(foot), sizeof foot - strlen(foot),
		         "\n%s", d->checkpoint);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	text_at(p, foot, FOOT_PT, 0, 0, M_LEFT, PAGE_H - M_BOTTOM - FOOT_H + 2,
	        CONTENT_W, PANGO_ALIGN_LEFT);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if (p->page >= 2) {
		snprintf(num, sizeof num, "%d", p->page);
		text_at(p, num, BODY_PT, 0, 0, M_LEFT, M_TOP - 6 * MM,
		        CONTENT_W, PANGO_ALIGN_CENTER);
	}
}

static void new_page(struct pdf *p)
{
	cairo_show_page(p->cr);
	p->page++;
	p->y = M_TOP + 2 * MM;
	page_furniture(p);
}

static double bottom(void)
{
	return PAGE_H - M_BOTTOM - FOOT_H;
}

/* Makes room for h points, starting a page when they do not fit. */
static void ensure(struct pdf *p, double h)
{
	if (p->y + h > bottom() && p->y > M_TOP + 3 * MM)
		new_page(p);
}

static void hline(struct pdf *p, double x1, double x2, double y, double w)
{
	cairo_set_line_width(p->cr, w);
	cairo_move_to(p->cr, x1, y);
	cairo_line_to(p->cr, x2, y);
	cairo_stroke(p->cr);
}

/* Upper case of a UTF-8 string through pango's Unicode tables. */
static char *upper(const char *s)
{
	return g_utf8_strup(s ? s : "", -1);
}

static void header(struct pdf *p)
{
	const struct rdoc *d = p->d;
	double lw = CONTENT_W * 0.42, rx = M_LEFT + lw, rw = CONTENT_W - lw;
	double ly = M_TOP, ry = M_TOP, h;
	char *parent = upper(d->parent), *hosp = upper(d->hospital);
	char date[256];
	PangoLayout *l;
	int w, lh;

	if (parent[0])
		ly += text_at(p, parent, 12.5, 0, 0, M_LEFT, ly, lw,
		              PANGO_ALIGN_CENTER);
	l = layout(p, hosp, 12.5, 1, 0, lw, PANGO_ALIGN_CENTER, 0);
	ly += draw(p, l, M_LEFT, ly);
	pango_layout_get_pixel_size(l, &w, &lh);
	g_object_unref(l);
	{
		/* A short rule under the issuer, a third of its width. */
		double cx = M_LEFT + lw / 2, half = lw / 6;
		hline(p, cx - half, cx + half, ly + 1.5, 0.6);
		ly += 5;
	}
	if (d->number && d->number[0]) {
		char num[256];
		snprintf(num, sizeof num, "Số: %s", d->number);
		ly += text_at(p, num, 13, 0, 0, M_LEFT, ly + 2, lw,
		              PANGO_ALIGN_CENTER) +
		      2;
	}
	/* A letter's subject line (trích yếu), 12 pt under the number. */
	if (d->abstract && d->abstract[0])
		ly += text_at(p, d->abstract, 12, 0, 0, M_LEFT, ly + 1, lw,
		              PANGO_ALIGN_CENTER) +
		      1;

	ry += text_at(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, 1, 0, rx,
	              ry, rw, PANGO_ALIGN_CENTER);
	l = layout(p, "Độc lập - Tự do - Hạnh phúc", 13.5, 1, 0, rw,
	           PANGO_ALIGN_CENTER, 0);
	h = draw(p, l, rx, ry);
	{
		PangoRectangle ink, logical;
		pango_layout_get_pixel_extents(l, &ink, &logical);
		hline(p, rx + logical.x, rx + logical.x + logical.width,
		      ry + h + 0.5, 0.6);
	}
	g_object_unref(l);
	ry += h + 6;
	rdoc_date_line(d, date, sizeof date);
	ry += text_at(p, date, 13, 0, 1, rx, ry, rw, PANGO_ALIGN_CENTER);
	p->y = (ly > ry ? ly : ry) + 8 * MM;
	if (d->mark && d->mark[0])
		stamp(p);
	/* A letter has its subject line instead of a title. */
	if (!(d->abstract && d->abstract[0])) {
		char *title = upper(d->title);
		p->y += text_at(p, title, 14, 1, 0, M_LEFT, p->y, CONTENT_W,
		                PANGO_ALIGN_CENTER);
		g_free(title);
		if (d->subtitle && d->subtitle[0])
			p->y += text_at(p, d->subtitle, 13, 1, 0, M_LEFT,
			                p->y, CONTENT_W, PANGO_ALIGN_CENTER);
		p->y += 5 * MM;
	}
	g_free(parent);
	g_free(hosp);
}

static void paragraph(struct pdf *p, const char *text, int bold, int centre)
{
	PangoLayout *l =
		layout(p, text, BODY_PT, bold, 0, CONTENT_W,
	               centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, !bold);
	PangoLayoutIter *it;
	double first_line;

	pango_layout_set_indent(l, bold ? 0 : (int)(10 * MM * PANGO_SCALE));
	/* An article of a decision starts with its number in bold:
	 * "Điều 1." */
	if (!bold && text && strncmp(text, "Điều ", strlen("Điều ")) == 0) {
		const char *dot = strchr(text + strlen("Điều "), '.');
		size_t digits = strspn(text + strlen("Điều "), "0123456789");
		if (digits > 0 && dot == text + strlen("Điều ") + digits) {
			PangoAttrList *al = pango_attr_list_new();
			PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = 0;
			a->end_index = (guint)(dot - text + 1);
			pango_attr_list_insert(al, a);
			pango_layout_set_attributes(l, al);
			pango_attr_list_unref(al);
		}
	}
	/* Long paragraphs break between lines: draw line by line. */
	it = pango_layout_get_iter(l);
	first_line = p->y;
	(void)first_line;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle r;
		int base = pango_layout_iter_get_baseline(it);
		pango_layout_iter_get_line_extents(it, NULL, &r);
		ensure(p, (double)r.height / PANGO_SCALE);
		cairo_move_to(p->cr, M_LEFT + (double)r.x / PANGO_SCALE,
		              p->y + (double)(base - r.y) / PANGO_SCALE);
		pango_cairo_show_layout_line(p->cr, line);
		p->y += (double)r.height / PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	p->y += 3;
}

/* The width in points of text at size pt, unwrapped. */
static double text_pt(struct pdf *p, const char *text, double pt, int bold)
{
	PangoLayout *l = layout(p, text, pt, bold, 0, -1.0 / PANGO_SCALE,
	                        PANGO_ALIGN_LEFT, 0);
	int w, h;

	pango_layout_set_width(l, -1);
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)w / PANGO_SCALE;
}

/* The widest word of text, and the whole text, in points. */
static void measure(struct pdf *p, const char *text, double pt, int bold,
                    double *word, double *whole)
{
	char buf[256];
	const char *s = text;

	*whole = text_pt(p, text, pt, bold);
	*word = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		if (n > 0 && n < sizeof buf) {
			double w;
			memcpy(buf, s, n);
			buf[n] = '\0';
			w = text_pt(p, buf, pt, bold);
			if (w > *word)
				*word = w;
		}
		s += n;
		while (*s == ' ')
			s++;
	}
}

/* Each column's widest word (lo) and widest whole text (hi) at size pt,
 * padding included, over the header, the first rows and the total. */
static void measure_columns(struct pdf *p, const struct rdoc_block *b,
                            double pt, double *lo, double *hi, double *sum_lo,
                            double *sum_hi)
{
	size_t n = b->ncols < MAX_COLS ? b->ncols : MAX_COLS;
	size_t rows = b->nrows < 100 ? b->nrows : 100;

	*sum_lo = *sum_hi = 0;
	for (size_t i = 0; i < n; i++) {
		double word, whole;
		measure(p, b->cols[i].name, pt, 1, &lo[i], &hi[i]);
		for (size_t r = 0; r <= rows; r++) {
			char **cells = r < rows ? b->rows[r] : b->total;
			if (cells == NULL)
				continue;
			measure(p, cells[i], pt, r == rows, &word, &whole);
			if (word > lo[i])
				lo[i] = word;
			if (whole > hi[i])
				hi[i] = whole;
		}
		if (hi[i] < lo[i])
			hi[i] = lo[i];
		/* Numbers and amounts ("300.000.000 đ") never break. */
		if (b->cols[i].right)
			lo[i] = hi[i];
		lo[i] += 2 * CELL_PAD + 2;
		hi[i] += 2 * CELL_PAD + 2;
		*sum_lo += lo[i];
		*sum_hi += hi[i];
	}
}

/* Column widths in points: every column at least as wide as its widest
 * word (numbers and codes never break), the room left shared in
 * proportion to how much more the whole texts need.  A table whose words
 * alone would take most of the width gets a smaller type (down to
 * TABLE_PT_MIN), measured again at that size. */
static void column_widths(struct pdf *p, const struct rdoc_block *b, double *w)
{
	double lo[MAX_COLS], hi[MAX_COLS], sum_lo, sum_hi;
	size_t n = b->ncols < MAX_COLS ? b->ncols : MAX_COLS;

	p->tpt = TABLE_PT;
	measure_columns(p, b, p->tpt, lo, hi, &sum_lo, &sum_hi);
	if (sum_lo > CONTENT_W * TABLE_WORD_SHARE) {
		double pt = TABLE_PT * CONTENT_W * TABLE_WORD_SHARE / sum_lo;
		p->tpt = pt < TABLE_PT_MIN ? TABLE_PT_MIN : pt;
		measure_columns(p, b, p->tpt, lo, hi, &sum_lo, &sum_hi);
	}
	for (size_t i = 0; i < n; i++) {
		if (sum_hi <= CONTENT_W)
			w[i] = hi[i] + (CONTENT_W - sum_hi) * hi[i] / sum_hi;
		else if (sum_lo >= CONTENT_W)
			w[i] = CONTENT_W * lo[i] / sum_lo;
		else
			w[i] = lo[i] + (CONTENT_W - sum_lo) * (hi[i] - lo[i]) /
			                       (sum_hi - sum_lo);
	}
}

/* Lays out one row's cells; returns the row height. */
static double row_layouts(struct pdf *p, const struct rdoc_block *b,
                          char **cells, const double *w, int bold,
                          PangoLayout **out)
{
	double h = 0;
	size_t n = b->ncols < MAX_COLS ? b->ncols : MAX_COLS;

	for (size_t i = 0; i < n; i++) {
		out[i] = layout(p, cells[i], p->tpt, bold, 0,
		                w[i] - 2 * CELL_PAD,
		                bold               ? PANGO_ALIGN_CENTER
		                : b->cols[i].right ? PANGO_ALIGN_RIGHT
		                                   : PANGO_ALIGN_LEFT,
		                0);
		if (height_of(out[i]) > h)
			h = height_of(out[i]);
	}
	return h + 2 * CELL_PAD;
}

static void draw_row(struct pdf *p, const struct rdoc_block *b,
                     PangoLayout **ls, const double *w, double h, int shade)
{
	double x = M_LEFT;
	size_t n = b->ncols < MAX_COLS ? b->ncols : MAX_COLS;

	if (shade) {
		cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
		cairo_rectangle(p->cr, M_LEFT, p->y, CONTENT_W, h);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	cairo_set_line_width(p->cr, 0.5);
	for (size_t i = 0; i < n; i++) {
		cairo_rectangle(p->cr, x, p->y, w[i], h);
		cairo_stroke(p->cr);
		draw(p, ls[i], x + CELL_PAD, p->y + CELL_PAD);
		g_object_unref(ls[i]);
		x += w[i];
	}
	p->y += h;
}

static void table(struct pdf *p, const struct rdoc_block *b)
{
	double w[MAX_COLS], hh;
	PangoLayout *ls[MAX_COLS];
	char *names[MAX_COLS];
	size_t n = b->ncols < MAX_COLS ? b->ncols : MAX_COLS;

	if (n == 0)
		return;
	column_widths(p, b, w);
	for (size_t i = 0; i < n; i++)
		names[i] = b->cols[i].name;
	if (b->text && b->text[0]) {
		PangoLayout *l = layout(p, b->text, BODY_PT, 1, 1, CONTENT_W,
		                        PANGO_ALIGN_LEFT, 0);
		/* Keep the title with the header and the first row. */
		ensure(p, height_of(l) + 40);
		p->y += draw(p, l, M_LEFT, p->y) + 2;
		g_object_unref(l);
	}
	hh = row_layouts(p, b, names, w, 1, ls);
	ensure(p, hh + 20);
	draw_row(p, b, ls, w, hh, 1);
	for (size_t r = 0; r <= b->nrows; r++) {
		char **cells = r < b->nrows ? b->rows[r] : b->total;
		double h;
		if (cells == NULL)
			break;
		h = row_layouts(p, b, cells, w, r == b->nrows, ls);
		if (p->y + h > bottom()) {
			/* The table breaks here: its header again on the next
			 * page. */
			PangoLayout *hl[MAX_COLS];
			new_page(p);
			hh = row_layouts(p, b, names, w, 1, hl);
			draw_row(p, b, hl, w, hh, 1);
		}
		draw_row(p, b, ls, w, h, 0);
	}
	p->y += 4 * MM;
}

static void chart(struct pdf *p, const struct rdoc_block *b)
{
	double lw = CONTENT_W * 0.2, vw = CONTENT_W * 0.14;
	double bx = M_LEFT + lw, bw = CONTENT_W - lw - vw, bh = 11, gap = 4;
	PangoLayout *l;

	l = layout(p, b->text, BODY_PT, 1, 1, CONTENT_W, PANGO_ALIGN_LEFT, 0);
	ensure(p, height_of(l) + 3 * (bh + gap));
	p->y += draw(p, l, M_LEFT, p->y) + 4;
	g_object_unref(l);
	for (size_t i = 0; i < b->nbars; i++) {
		const struct rdoc_bar *r = &b->bars[i];
		double v = r->value < 0 ? 0 : r->value > 100 ? 100 : r->value;
		char val[32];
		ensure(p, bh + gap);
		text_at(p, r->label, 9.5, 0, 0, M_LEFT, p->y, lw - 4,
		        PANGO_ALIGN_RIGHT);
		cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
		cairo_rectangle(p->cr, bx, p->y + 1, bw, bh - 2);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0.16, 0.35, 0.6);
		cairo_rectangle(p->cr, bx, p->y + 1, bw * v / 100.0, bh - 2);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		if (r->target >= 0 && r->target <= 100) {
			double tx = bx + bw * r->target / 100.0;
			cairo_set_source_rgb(p->cr, 0.75, 0.1, 0.1);
			cairo_set_line_width(p->cr, 1.2);
			cairo_move_to(p->cr, tx, p->y - 1);
			cairo_line_to(p->cr, tx, p->y + bh + 1);
			cairo_stroke(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		snprintf(val, sizeof val, "%.1f%s", r->value, b->unit);
		for (char *c = val; *c; c++)
			if (*c == '.')
				*c = ',';
		text_at(p, val, 9.5, 0, 0, bx + bw + 4, p->y, vw - 4,
		        PANGO_ALIGN_LEFT);
		p->y += bh + gap;
	}
	if (b->nbars && b->bars[0].target >= 0) {
		char note[128];
		snprintf(note, sizeof note, "%s",
		         dgettext("laurel", "red line: the target"));
		p->y += text_at(p, note, 9, 0, 1, bx, p->y, bw,
		                PANGO_ALIGN_LEFT);
	}
	p->y += 4 * MM;
}

/* One signer's block centred in [x, x + w): the title, room to sign,
 * the name. */
static void signer_block(struct pdf *p, const struct rdoc_signer *s, double x,
                         double w, double y)
{
	char *title = upper(s->title);

	y += text_at(p, title, 13, 1, 0, x, y, w, PANGO_ALIGN_CENTER);
	if (s->name && s->name[0])
		text_at(p, s->name, 13, 1, 0, x, y + SIGN_ROOM, w,
		        PANGO_ALIGN_CENTER);
	g_free(title);
}

/* The recipients ("Nơi nhận:") at the left and the signers at the right;
 * without recipients the signers share the width (minutes: the
 * secretary at the left, the chair at the right). */
static void signature(struct pdf *p)
{
	const struct rdoc *d = p->d;
	double lw = CONTENT_W * 0.45, y0;
	char copies[2048] = "";
	int show_copies = !d->has_copies || d->ncopies > 0;

	if (!d->has_copies)
		snprintf(copies, sizeof copies, "%s",
		         "- Sở Y tế;\n- Lưu: VT, TCHC.");
	for (size_t i = 0; i < d->ncopies; i++)
		snprintf(copies + strlen(copies),
		         sizeof copies - strlen(copies), "%s- %s",
		         i ? "\n" : "", d->copies[i]);
	ensure(p, 45 * MM);
	y0 = p->y + 3 * MM;
	if (show_copies) {
		text_at(p, "Nơi nhận:", 12, 1, 1, M_LEFT, y0, lw,
		        PANGO_ALIGN_LEFT);
		text_at(p, copies, 11, 0, 0, M_LEFT, y0 + 16, lw,
		        PANGO_ALIGN_LEFT);
	}
	if (d->nsigners == 0) {
		struct rdoc_signer role = {d->signer, ""};
		signer_block(p, &role, M_LEFT + lw, CONTENT_W - lw, y0);
	} else if (show_copies) {
		/* Beside the recipients: the last signer (the one who
		 * decides). */
		signer_block(p, &d->signers[d->nsigners - 1], M_LEFT + lw,
		             CONTENT_W - lw, y0);
	} else {
		double w = CONTENT_W / (double)d->nsigners;
		for (size_t i = 0; i < d->nsigners; i++)
			signer_block(p, &d->signers[i], M_LEFT + w * (double)i,
			             w, y0);
	}
	p->y = y0 + 40 * MM;
}

/* A draft's stamp: a boxed word above the title. */
static void stamp(struct pdf *p)
{
	char *word = upper(p->d->mark);
	PangoLayout *l = layout(p, word, 15, 1, 0, -1, PANGO_ALIGN_LEFT, 0);
	int w, h;
	double x;

	pango_layout_set_width(l, -1);
	pango_layout_get_pixel_size(l, &w, &h);
	x = M_LEFT + (CONTENT_W - w) / 2;
	cairo_set_source_rgb(p->cr, 0.75, 0.1, 0.1);
	draw(p, l, x, p->y + 3);
	cairo_set_line_width(p->cr, 1.5);
	cairo_rectangle(p->cr, x - 8, p->y, w + 16, h + 6);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += h + 6 + 4 * MM;
	g_object_unref(l);
	g_free(word);
}

/* A draft's word across every page, faint, behind the text. */
static void watermark(struct pdf *p)
{
	char *word = upper(p->d->mark);
	PangoLayout *l = layout(p, word, 90, 1, 0, -1, PANGO_ALIGN_LEFT, 0);
	int w, h;

	pango_layout_set_width(l, -1);
	pango_layout_get_pixel_size(l, &w, &h);
	cairo_save(p->cr);
	cairo_translate(p->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(p->cr, -0.9);
	cairo_set_source_rgb(p->cr, 0.88, 0.88, 0.88);
	cairo_move_to(p->cr, -w / 2.0, -h / 2.0);
	pango_cairo_show_layout(p->cr, l);
	cairo_restore(p->cr);
	g_object_unref(l);
	g_free(word);
}

int rdoc_pdf(const struct rdoc *d, const char *path, int *pages)
{
	struct pdf p;
	cairo_status_t st;
	int signed_ = 0;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.surface = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	if (cairo_surface_status(p.surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p.surface);
		return LRL_EIO;
	}
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE,
	                               d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR,
	                               "laurel");
	p.cr = cairo_create(p.surface);
	p.page = 1;
	page_furniture(&p);
	header(&p);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct rdoc_block *b = &d->blocks[i];
		switch (b->kind) {
		case RDOC_HEADING:
			ensure(&p, 3 * BODY_PT * 1.2);
			p.y += 2 * MM;
			if (b->centred) {
				/* A centred heading is a document's own line
				 * ("GIÁM ĐỐC BỆNH VIỆN …"): in capitals. */
				char *caps = upper(b->text);
				paragraph(&p, caps, 1, 1);
				g_free(caps);
			} else {
				paragraph(&p, b->text, 1, 0);
			}
			break;
		case RDOC_PARA:
			paragraph(&p, b->text, 0, 0);
			break;
		case RDOC_TABLE:
			table(&p, b);
			break;
		case RDOC_CHART:
			chart(&p, b);
			break;
		case RDOC_SIGNATURE:
			signature(&p);
			signed_ = 1;
			break;
		case RDOC_BREAK:
			new_page(&p);
			break;
		}
	}
	if (!signed_)
		signature(&p);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	if (pages)
		*pages = p.page;
	return st == CAIRO_STATUS_SUCCESS ? 0 : LRL_EIO;
}
