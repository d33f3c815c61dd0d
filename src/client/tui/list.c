/*
 * list.c — the generic list screen (any action marked AF_LIST) and the
 * record screen (any ".show" action): sortable columns, paging, search
 * ignoring tones and case, and the row's actions, all from the action
 * table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/tui_int.h"

#define COL_MAX 40

struct row {
	char **cell;
	char *fold; /* all cells, folded, for search */
};

struct list {
	int action;
	char noun[32];
	char fparam[32], fvalue[128];
	int ncols;
	char **cols;
	struct row *rows;
	size_t nrows;
	size_t *view;
	size_t nview;
	size_t sel, top;
	int sort_col; /* -1: the server's order */
	int sort_desc;
	char query[128];
	int searching;
	int loaded;
	int width[64]; /* column widths, computed when the rows change */
	int depth_col; /* a tree list's depth column (not shown), or -1 */
	int hoff;      /* columns scrolled off to the left (after the first) */
	int cut;       /* columns are left out at the right (set by drawing) */
};

/* ---- helpers ---------------------------------------------------------- */

static const struct lrl_action *noun_action(const char *noun, const char *verb)
{
	char name[96];

	snprintf(name, sizeof name, "%s.%s", noun, verb);
	return action_find(name, strlen(name));
}

static int may(struct tui *t, const struct lrl_action *a)
{
	return a && !(a->flags & AF_INTERNAL) &&
	       action_scope(a, t->role_bits) != LRL_SC_N;
}

/* Packs name: value as action a's parameter of that name types it (a
 * round number as an integer), or as text. */
static void pack_kv_typed(msgpack_packer *pk, const struct lrl_action *a,
                          const char *name, const char *value)
{
	const struct lrl_param *p = action_param(a, name, strlen(name));
	struct lrl_fail f;

	mp_pack_str(pk, name);
	if (p == NULL || p->type == LRL_PT_STR || p->type == LRL_PT_CODE ||
	    action_pack_text(p, value, pk, &f) != 0)
		mp_pack_str(pk, value);
}

/* The text of a value as shown (sanitised; newlines kept when
 * keep_newlines, for multi-line text the screen lays out itself).  The
 * caller frees it. */
static char *explained_text(const msgpack_object *v);
static char *lines_text(const msgpack_object *v, int keep_newlines);

static char *obj_text_nl(const msgpack_object *v, int keep_newlines)
{
	char buf[64];

	switch (v->type) {
	case MSGPACK_OBJECT_STR:
		return text_sanitize(v->via.str.ptr, v->via.str.size, keep_newlines);
	case MSGPACK_OBJECT_POSITIVE_INTEGER:
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)v->via.u64);
		return strdup(buf);
	case MSGPACK_OBJECT_NEGATIVE_INTEGER:
		snprintf(buf, sizeof buf, "%lld", (long long)v->via.i64);
		return strdup(buf);
	case MSGPACK_OBJECT_BOOLEAN:
		return strdup(v->via.boolean ? _("yes") : _("no"));
	case MSGPACK_OBJECT_ARRAY:
		return lines_text(v, keep_newlines);
	case MSGPACK_OBJECT_MAP:
		return explained_text(v);
	default:
		return strdup("");
	}
}

/*
 * An explained line from the server — {"text", "fmt", "args"} and, for a
 * criterion, "pass" and "depth" — in the user's language: the format
 * looked up in the catalogue with its arguments put back, marked ✓ or ✗
 * and indented by its depth.  The caller frees it.
 */
static char *explained_text(const msgpack_object *v)
{
	const msgpack_object *pass = mp_map_get(v, "pass");
	char text[1024], out[1200];
	int64_t depth = 0;

	lrl_msg_text(mp_map_get(v, "text"), mp_map_get(v, "fmt"),
	             mp_map_get(v, "args"), text, sizeof text);
	mp_get_i64(mp_map_get(v, "depth"), &depth);
	if (depth < 0 || depth > 8)
		depth = 0;
	snprintf(out, sizeof out, "%*s%s%s", 2 * (int)depth, "",
	         pass == NULL ? ""
	         : pass->type == MSGPACK_OBJECT_BOOLEAN && pass->via.boolean
	                 ? "✓ "
	                 : "✗ ",
	         text);
	return text_sanitize(out, strlen(out), 0);
}

/* The elements of an array, a line each (or "; "-separated on one line). */
static char *lines_text(const msgpack_object *v, int keep_newlines)
{
	char *out = strdup("");
	size_t len = 0;

	for (uint32_t i = 0; out && i < v->via.array.size; i++) {
		char *e = obj_text_nl(&v->via.array.ptr[i], keep_newlines), *p;
		size_t el = e ? strlen(e) : 0;
		if ((p = realloc(out, len + el + 3)) == NULL) {
			free(e);
			free(out);
			return NULL;
		}
		out = p;
		if (i) {
			if (keep_newlines) {
				out[len++] = '\n';
			} else {
				out[len++] = ';';
				out[len++] = ' ';
			}
		}
		memcpy(out + len, e ? e : "", el);
		len += el;
		out[len] = '\0';
		free(e);
	}
	return out;
}

static char *obj_text(const msgpack_object *v)
{
	return obj_text_nl(v, 0);
}

/* A cell on one line: the lines of a multi-line text joined by " ⏎ "
 * (into buf, size n), or s itself when it has one line. */
static const char *flat(const char *s, char *buf, size_t n)
{
	size_t o = 0;

	if (strchr(s, '\n') == NULL)
		return s;
	for (; *s && o + 6 < n; s++) {
		if (*s == '\n') {
			memcpy(buf + o, " ⏎ ", strlen(" ⏎ "));
			o += strlen(" ⏎ ");
		} else {
			buf[o++] = *s;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* Values of an enumerated column shown as words (tui_value), with the
 * last few answers kept: a long list repeats a handful of values. */
#define VCACHE_MAX 8
struct vcache {
	char raw[VCACHE_MAX][48];
	const char *shown[VCACHE_MAX]; /* NULL: shown as it is */
	int n;
};

/* Takes raw (malloc'd) and returns the cell to keep (malloc'd). */
static char *enum_cell(const char *col, struct vcache *vc, char *raw)
{
	const char *shown = NULL;
	char *out;
	int k;

	if (!strcmp(col, "roles")) {
		char buf[512];
		tui_roles_display(raw, buf, sizeof buf);
		if ((out = strdup(buf)) == NULL)
			return raw;
		free(raw);
		return out;
	}
	for (k = 0; k < vc->n; k++)
		if (!strcmp(vc->raw[k], raw))
			break;
	if (k < vc->n) {
		shown = vc->shown[k];
	} else {
		shown = tui_value(col, raw);
		/* A code with its gloss ("HTXSNV (hoàn thành xuất sắc)") is
		 * the code alone in a column; the record shows the whole. */
		if (shown == raw || (!strncmp(shown, raw, strlen(raw)) &&
		                     shown[strlen(raw)] == ' '))
			shown = NULL;
		if (vc->n < VCACHE_MAX && strlen(raw) < sizeof vc->raw[0]) {
			strcpy(vc->raw[vc->n], raw);
			vc->shown[vc->n++] = shown;
		}
	}
	if (shown == NULL || (out = strdup(shown)) == NULL)
		return raw;
	free(raw);
	return out;
}

static void free_rows(struct list *l)
{
	for (size_t i = 0; i < l->nrows; i++) {
		for (int c = 0; c < l->ncols; c++)
			free(l->rows[i].cell[c]);
		free(l->rows[i].cell);
		free(l->rows[i].fold);
	}
	free(l->rows);
	for (int c = 0; c < l->ncols; c++)
		free(l->cols[c]);
	free(l->cols);
	free(l->view);
	l->rows = NULL;
	l->cols = NULL;
	l->view = NULL;
	l->nrows = l->nview = 0;
	l->ncols = 0;
}

static struct list *sort_ctx;

static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = &sort_ctx->rows[*(const size_t *)a];
	const struct row *y = &sort_ctx->rows[*(const size_t *)b];
	int c = sort_ctx->sort_col, r;
	const char *p = x->cell[c], *q = y->cell[c];
	char *e1, *e2;
	long long n1 = strtoll(p, &e1, 10), n2 = strtoll(q, &e2, 10);

	if (*p && *q && !*e1 && !*e2)
		r = (n1 > n2) - (n1 < n2);
	else if (!strcmp(sort_ctx->cols[c], "full-name"))
		r = text_name_cmp(p, q);
	else {
		size_t l1, l2;
		unsigned char *k1 = text_sort_key(p, &l1), *k2 = text_sort_key(q, &l2);
		r = k1 && k2 ? strcmp((char *)k1, (char *)k2) : 0;
		free(k1);
		free(k2);
	}
	if (r == 0)
		r = (*(const size_t *)a > *(const size_t *)b) -
		    (*(const size_t *)a < *(const size_t *)b);
	return sort_ctx->sort_desc ? -r : r;
}

/* Column widths from the header labels and the visible rows: computed
 * once per change of rows, not on every key press. */
static void measure(struct list *l)
{
	for (int c = 0; c < l->ncols && c < 64; c++) {
		/* The header has room for the sort arrow. */
		int cw = (int)text_width(tui_label(l->cols[c])) + 1;
		for (size_t i = 0; i < l->nview; i++) {
			char buf[2048];
			int vw = (int)text_width(flat(l->rows[l->view[i]].cell[c], buf,
			                              sizeof buf));
			if (vw > cw)
				cw = vw;
			if (cw >= COL_MAX)
				break;
		}
		l->width[c] = cw > COL_MAX ? COL_MAX : cw;
	}
}

/* Rebuilds the visible rows: search filter, then order. */
static void refilter(struct list *l)
{
	char *q = l->query[0] ? text_fold(l->query) : NULL;

	l->nview = 0;
	for (size_t i = 0; i < l->nrows; i++)
		if (!q || text_search_match(l->rows[i].fold, q))
			l->view[l->nview++] = i;
	free(q);
	if (l->sort_col >= 0 && l->nview > 1) {
		sort_ctx = l;
		qsort(l->view, l->nview, sizeof *l->view, cmp_rows);
	}
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
	measure(l);
}

static int is_name_col(const char *col)
{
	return col && (!strcmp(col, "full-name") || !strcmp(col, "name"));
}

/* Is column c part of what / searches?  In a list of named records, the
 * key and the name (as the server's "name contains" search): "ha" finds
 * Hà and Hải, not every row whose unit code is KHAMBENH.  Elsewhere (the
 * audit log), every column. */
static int searched(const struct list *l, int c)
{
	for (int k = 0; k < l->ncols; k++)
		if (is_name_col(l->cols[k]))
			return c == 0 || is_name_col(l->cols[c]);
	return 1;
}

/* Loads every page of the list. */
static void load(struct tui *t, struct list *l)
{
	const struct lrl_action *a = &lrl_actions[l->action];
	char *after = NULL, *keep = NULL, *keep2 = NULL;
	unsigned char enumc[64] = {0};
	struct vcache vc[64];
	size_t cap = 0;
	mp_buf p;

	/* The selected row, to select again: its key and the cell after it
	 * (a roster's rows share their unit; its people differ). */
	if (l->nview && l->view) {
		keep = strdup(l->rows[l->view[l->sel]].cell[0]);
		if (l->ncols > 1)
			keep2 = strdup(l->rows[l->view[l->sel]].cell[1]);
	}
	free_rows(l);
	mp_buf_init(&p);
	for (;;) {
		struct lrl_reply *r = NULL;
		const msgpack_object *cols, *rows, *next;
		int have_limit = action_param(a, "limit", 5) != NULL;
		/* Lists of a year show the current one. */
		int with_year = t->year && action_param(a, "year", 4) &&
		                strcmp(l->fparam, "year") != 0;
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, (l->fparam[0] ? 1 : 0) + (after ? 1 : 0) +
		                            (have_limit ? 1 : 0) + (with_year ? 1 : 0));
		if (with_year)
			mp_pack_kv_int(&p.pk, "year", t->year);
		if (l->fparam[0])
			pack_kv_typed(&p.pk, a, l->fparam, l->fvalue);
		if (after)
			mp_pack_kv_str(&p.pk, "after", after);
		if (have_limit)
			mp_pack_kv_int(&p.pk, "limit", LRL_PAGE_MAX);
		free(after);
		after = NULL;
		if (tui_call(t, a->name, p.sb.data, p.sb.size, &r) != 0) {
			lrl_reply_free(r);
			break;
		}
		cols = mp_map_get(r->body, "columns");
		rows = mp_map_get(r->body, "rows");
		if (!cols || !rows || cols->type != MSGPACK_OBJECT_ARRAY ||
		    rows->type != MSGPACK_OBJECT_ARRAY) {
			lrl_reply_free(r);
			break;
		}
		if (l->cols == NULL) {
			l->ncols = (int)cols->via.array.size;
			l->cols = calloc((size_t)l->ncols, sizeof *l->cols);
			for (int c = 0; c < l->ncols && l->cols; c++) {
				l->cols[c] = obj_text(&cols->via.array.ptr[c]);
				/* The key column is the record's key, never a word,
				 * where records open (the fund ledger's first column
				 * is a kind of entry, and reads as a word). */
				if ((c > 0 || !noun_action(l->noun, "show")) &&
				    c < 64 && l->cols[c])
					enumc[c] = (unsigned char)tui_enum_column(l->cols[c]);
				if (c < 64)
					vc[c].n = 0;
			}
		}
		if (l->nrows + rows->via.array.size > cap) {
			cap = (l->nrows + rows->via.array.size) * 2;
			l->rows = realloc(l->rows, cap * sizeof *l->rows);
		}
		for (uint32_t i = 0; i < rows->via.array.size && l->rows; i++) {
			const msgpack_object *ro = &rows->via.array.ptr[i];
			struct row *rw = &l->rows[l->nrows];
			size_t flen = 0;
			char *joined;
			if (ro->type != MSGPACK_OBJECT_ARRAY ||
			    (int)ro->via.array.size != l->ncols)
				continue;
			rw->cell = calloc((size_t)l->ncols, sizeof *rw->cell);
			for (int c = 0; c < l->ncols; c++) {
				rw->cell[c] = obj_text_nl(&ro->via.array.ptr[c], 1);
				if (c < 64 && enumc[c])
					rw->cell[c] = enum_cell(l->cols[c], &vc[c], rw->cell[c]);
				flen += strlen(rw->cell[c]) + 1;
			}
			joined = malloc(flen + 1);
			joined[0] = '\0';
			for (int c = 0; c < l->ncols; c++) {
				if (!searched(l, c))
					continue;
				strcat(joined, rw->cell[c]);
				strcat(joined, " ");
			}
			rw->fold = text_fold(joined);
			free(joined);
			if (rw->fold == NULL)
				rw->fold = strdup("");
			l->nrows++;
		}
		next = mp_map_get(r->body, "next");
		if (next && next->type == MSGPACK_OBJECT_STR)
			after = mp_strdup(next);
		lrl_reply_free(r);
		if (after == NULL)
			break;
	}
	mp_buf_free(&p);
	/* A tree list: indent the name (the column after the code) by the
	 * row's depth; the depth column itself is not shown. */
	l->depth_col = -1;
	for (int c = 0; c < l->ncols; c++)
		if (!strcmp(l->cols[c], "depth"))
			l->depth_col = c;
	if (l->depth_col >= 1 && l->ncols > 1)
		for (size_t i = 0; i < l->nrows; i++) {
			int d = atoi(l->rows[i].cell[l->depth_col]);
			char *old = l->rows[i].cell[1], *in;
			if (d <= 0 || d > 32)
				continue;
			if ((in = malloc(strlen(old) + 2 * (size_t)d + 1)) == NULL)
				continue;
			memset(in, ' ', 2 * (size_t)d);
			strcpy(in + 2 * d, old);
			free(old);
			l->rows[i].cell[1] = in;
		}
	l->view = calloc(l->nrows ? l->nrows : 1, sizeof *l->view);
	refilter(l);
	if (keep) {
		/* The row with both cells, else the first with the key. */
		size_t found = l->nview;
		for (size_t i = 0; i < l->nview; i++) {
			char **cell = l->rows[l->view[i]].cell;
			if (strcmp(cell[0], keep) != 0)
				continue;
			if (!keep2 || !strcmp(cell[1], keep2)) {
				found = i;
				break;
			}
			if (found == l->nview)
				found = i;
		}
		if (found < l->nview)
			l->sel = found;
		free(keep);
		free(keep2);
	}
	l->loaded = 1;
}

/* ---- drawing ---------------------------------------------------------- */

static void draw_list(struct tui *t, struct screen *s, WINDOW *w)
{
	struct list *l = s->data;
	int h, wd, x = 1, body, *width = l->width;

	getmaxyx(w, h, wd);
	body = h - 3;
	if (body < 1)
		return;
	/* The count and the search stay visible; the title gives way. */
	{
		char right[256];
		int rw, tw;
		snprintf(right, sizeof right, " — %zu/%zu%s%s%s", l->nview, l->nrows,
		         l->query[0] || l->searching ? "   /" : "", l->query,
		         l->searching ? "▏" : "");
		rw = (int)text_width(right);
		tw = wd - 2 - rw;
		wattron(w, A_BOLD);
		if (tw > 0) {
			tui_put(w, 0, 1, s->title, tw);
			tui_put(w, 0, 1 + tw, right, wd - 2 - tw);
		} else {
			tui_put(w, 0, 1, right, wd - 2);
		}
		wattroff(w, A_BOLD);
	}
	/* The columns shown: the first (the record's key) always, then from
	 * the first not scrolled off to the left, as many as fit. */
	{
		int vis[64], nvis = 0, cws[64], xs[64];
		if (l->hoff > l->ncols - 2)
			l->hoff = l->ncols > 2 ? l->ncols - 2 : 0;
		for (int c = 0; c < l->ncols && c < 64; c++) {
			int cw = width[c];
			if (c == l->depth_col || (c > 0 && c <= l->hoff))
				continue;
			if (x + cw >= wd) {
				if (nvis == 0 || wd - x > 8)
					cw = wd - x - 1;
				else
					break;
			}
			vis[nvis] = c;
			cws[nvis] = cw;
			xs[nvis++] = x;
			x += cw + 2;
			if (x >= wd - 1)
				break;
		}
		/* More to the right: a column not drawn, or the last one cut. */
		l->cut = nvis > 0 && cws[nvis - 1] < width[vis[nvis - 1]];
		for (int c = nvis > 0 ? vis[nvis - 1] + 1 : 0;
		     c < l->ncols && c < 64 && !l->cut; c++)
			l->cut = c != l->depth_col;
		wattron(w, tui_attr(t, TA_HEADER));
		for (int k = 0; k < nvis; k++) {
			int c = vis[k];
			char lab[128];
			snprintf(lab, sizeof lab, "%s%s%s",
			         k == 1 && l->hoff > 0 ? "◂" : "", tui_label(l->cols[c]),
			         c == l->sort_col ? (l->sort_desc ? "▼" : "▲") : "");
			tui_put(w, 1, xs[k], lab, cws[k]);
		}
		if (l->cut)
			tui_put(w, 1, wd - 2, "▸", 1);
		wattroff(w, tui_attr(t, TA_HEADER));
		if (l->sel < l->top)
			l->top = l->sel;
		if (l->sel >= l->top + (size_t)body)
			l->top = l->sel - (size_t)body + 1;
		for (int i = 0; i < body && l->top + (size_t)i < l->nview; i++) {
			size_t ri = l->view[l->top + (size_t)i];
			int sel = l->top + (size_t)i == l->sel;
			if (sel) {
				wattron(w, tui_attr(t, TA_SELECTED));
				mvwhline(w, 2 + i, 0, ' ', wd);
			}
			for (int k = 0; k < nvis; k++) {
				char buf[2048];
				tui_put(w, 2 + i, xs[k],
				        flat(l->rows[ri].cell[vis[k]], buf, sizeof buf),
				        cws[k]);
			}
			if (sel)
				wattroff(w, tui_attr(t, TA_SELECTED));
		}
	}
	if (l->nview == 0 && l->loaded)
		tui_put(w, 3, 2, l->query[0] ? _("Nothing matches the search.")
		                             : _("Nothing here yet."), wd - 4);
}

/* ---- row actions ------------------------------------------------------ */

/* The key parameter of the noun's records (the first column). */
static const char *key_param(struct list *l)
{
	return l->ncols ? l->cols[0] : "code";
}

/* Opens a's form with param: value filled in, and the list's filter
 * (fparam: fvalue, when fparam is not NULL or "") when a takes it too. */
static void open_form_with(struct tui *t, const struct lrl_action *a,
                           const char *param, const char *value,
                           const char *fparam, const char *fvalue);

static void open_form_for(struct tui *t, const struct lrl_action *a,
                          const char *param, const char *value)
{
	open_form_with(t, a, param, value, NULL, NULL);
}

static void open_form_with(struct tui *t, const struct lrl_action *a,
                           const char *param, const char *value,
                           const char *fparam, const char *fvalue)
{
	mp_buf b;
	msgpack_unpacked u;
	struct lrl_reply *r = NULL;
	const struct lrl_action *show;
	const msgpack_object *rec = NULL;
	char noun[64];
	size_t nl = strchr(a->name, '.') - a->name;

	snprintf(noun, sizeof noun, "%.*s", (int)nl, a->name);
	mp_buf_init(&b);
	msgpack_unpacked_init(&u);
	show = noun_action(noun, "show");
	if (value && show && may(t, show)) {
		msgpack_pack_map(&b.pk, 1);
		pack_kv_typed(&b.pk, show, param, value);
		if (tui_call(t, show->name, b.sb.data, b.sb.size, &r) == 0)
			rec = mp_map_get(r->body, "record");
	}
	if (rec == NULL && value) {
		int with = fparam && fparam[0] && strcmp(fparam, param) &&
		           action_param(a, fparam, strlen(fparam));
		mp_buf_reset(&b);
		msgpack_pack_map(&b.pk, with ? 2 : 1);
		pack_kv_typed(&b.pk, a, param, value);
		if (with)
			pack_kv_typed(&b.pk, a, fparam, fvalue);
		if (mp_decode(&u, b.sb.data, b.sb.size) == 0)
			rec = &u.data;
	}
	tui_push(t, screen_form(t, a->id, rec));
	lrl_reply_free(r);
	msgpack_unpacked_destroy(&u);
	mp_buf_free(&b);
}

/* "NV00045 · Nguyễn Thanh Hải": the row's key and, when the list has
 * one, its name (into buf, size n). */
static void row_what(const struct list *l, size_t ri, char *buf, size_t n)
{
	const char *name = NULL;
	char tmp[1024];

	for (int c = 1; c < l->ncols; c++)
		if (is_name_col(l->cols[c]) && l->rows[ri].cell[c][0]) {
			name = l->rows[ri].cell[c];
			break;
		}
	snprintf(buf, n, "%s%s%s", l->rows[ri].cell[0], name ? " · " : "",
	         name ? flat(name, tmp, sizeof tmp) : "");
}

/* Does action a need nothing but the row's key (and the year, which a
 * list of the year has)?  Then choosing it from the menu says all, and a
 * question replaces the form. */
static int needs_no_input(struct tui *t, const struct lrl_action *a,
                          const char *key, const char *fparam)
{
	if (a->flags & (AF_NEWPASS | AF_ROTATE))
		return 0;
	for (const struct lrl_param *p = a->params; p->name; p++) {
		if ((p->flags & PF_DERIVED) || !strcmp(p->name, key) ||
		    (fparam[0] && !strcmp(p->name, fparam)))
			continue;
		if (!strcmp(p->name, "year") && t->year)
			continue;
		return 0;
	}
	return 1;
}

/* Asks (yes first: the action was just chosen) and performs a on the row
 * whose key parameter is value; the screens then reload. */
static void act_on_row(struct tui *t, const struct lrl_action *a,
                       const char *key, const char *value,
                       const char *fparam, const char *fvalue,
                       const char *what)
{
	const char *items[] = {_("No"), _("Yes")};
	char q[768], year[16], msg[1024];
	struct lrl_reply *r = NULL;
	struct lrl_fail fail;
	mp_buf b;
	uint32_t n = 0;

	snprintf(q, sizeof q, "%s: %s?", _(a->help), what);
	if (tui_choose(t, q, items, 2, 1) != 1)
		return;
	snprintf(year, sizeof year, "%d", t->year);
	mp_buf_init(&b);
	for (const struct lrl_param *p = a->params; p->name; p++)
		if (!(p->flags & PF_DERIVED))
			n++;
	msgpack_pack_map(&b.pk, n);
	for (const struct lrl_param *p = a->params; p->name; p++) {
		if (p->flags & PF_DERIVED)
			continue;
		mp_pack_str(&b.pk, p->name);
		memset(&fail, 0, sizeof fail);
		if (action_pack_text(p,
		                     !strcmp(p->name, key) ? value
		                     : fparam[0] && !strcmp(p->name, fparam)
		                             ? fvalue
		                             : year,
		                     &b.pk, &fail) != 0) {
			tui_message(t, 1, "%s: %s", tui_label(p->name), fail.reason);
			goto out;
		}
	}
	if (tui_call(t, a->name, b.sb.data, b.sb.size, &r) == 0) {
		lrl_reply_text(r, msg, sizeof msg);
		tui_message(t, 0, "%s", msg[0] ? msg : _("Done."));
		tui_changed(t);
	}
out:
	lrl_reply_free(r);
	mp_buf_free(&b);
}

static void row_actions(struct tui *t, struct list *l)
{
	const struct lrl_action *acts[32];
	const char *items[32];
	const char *key = key_param(l);
	int n = 0, sel;
	size_t nl = strlen(l->noun);

	if (l->nview == 0)
		return;
	for (size_t i = 0; i < LRL_ACTION_COUNT && n < 32; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		/* The section's commands on the row, and its exports. */
		if (strncmp(a->name, l->noun, nl) || a->name[nl] != '.' ||
		    !may(t, a) || (a->flags & AF_CSV) || strstr(a->name, ".add") ||
		    (!(a->flags & AF_HTMLDIR) &&
		     (a->kind != LRL_CMD || !action_param(a, key, strlen(key)))))
			continue;
		acts[n] = a;
		items[n++] = _(a->help);
	}
	if (n == 0) {
		tui_message(t, 0, "%s", _("No actions you may take on this row."));
		return;
	}
	sel = tui_choose(t, _("Actions"), items, n, 0);
	if (sel < 0)
		return;
	if (needs_no_input(t, acts[sel], key, l->fparam)) {
		char what[512];
		row_what(l, l->view[l->sel], what, sizeof what);
		act_on_row(t, acts[sel], key, l->rows[l->view[l->sel]].cell[0],
		           l->fparam, l->fvalue, what);
	} else {
		open_form_with(t, acts[sel], key,
		               l->rows[l->view[l->sel]].cell[0], l->fparam,
		               l->fvalue);
	}
}

/* Without a noun.add: the section's commands that do not act on a row
 * (a pledge is saved or submitted, not added). */
static void new_record(struct tui *t, struct list *l)
{
	const struct lrl_action *acts[16];
	const char *items[16];
	const char *key = key_param(l);
	size_t nl = strlen(l->noun);
	int n = 0, sel;

	for (size_t i = 0; i < LRL_ACTION_COUNT && n < 16; i++) {
		const struct lrl_action *a = &lrl_actions[i];
		if (strncmp(a->name, l->noun, nl) || a->name[nl] != '.' ||
		    a->kind != LRL_CMD || !may(t, a) || (a->flags & AF_CSV) ||
		    action_param(a, key, strlen(key)))
			continue;
		acts[n] = a;
		items[n++] = _(a->help);
	}
	if (n == 0) {
		tui_message(t, 1, "%s", _("You may not add records here."));
		return;
	}
	sel = n == 1 ? 0 : tui_choose(t, _("Actions"), items, n, 0);
	if (sel >= 0)
		tui_push(t, screen_form(t, acts[sel]->id, NULL));
}

static void destructive(struct tui *t, struct list *l)
{
	static const char *const verbs[] = {"close", "lock"};
	const char *key = key_param(l);

	if (l->nview == 0)
		return;
	for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		const struct lrl_action *a = noun_action(l->noun, verbs[i]);
		char q[256];
		mp_buf b;
		struct lrl_reply *r = NULL;
		const char *v = l->rows[l->view[l->sel]].cell[0];
		if (!a || !may(t, a))
			continue;
		snprintf(q, sizeof q, "%s: %s?", _(a->help), v);
		if (!tui_confirm(t, q))
			return;
		mp_buf_init(&b);
		msgpack_pack_map(&b.pk, 1);
		mp_pack_kv_str(&b.pk, key, v);
		if (tui_call(t, a->name, b.sb.data, b.sb.size, &r) == 0)
			tui_message(t, 0, "%s", _("Done."));
		lrl_reply_free(r);
		mp_buf_free(&b);
		load(t, l);
		return;
	}
	tui_message(t, 0, "%s", _("Nothing can be closed or locked here."));
}

static struct screen *screen_row(struct tui *t, const struct list *l,
                                 size_t ri);

/* ---- keys ------------------------------------------------------------- */

static int list_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct list *l = s->data;
	int h = getmaxy(t->wmain) - 3;
	size_t page = h > 1 ? (size_t)h - 1 : 1;

	if (l->searching) {
		size_t n = strlen(l->query);
		if (!is_key && (ch == '\r' || ch == '\n')) {
			l->searching = 0;
		} else if (!is_key && ch == 27) {
			l->searching = 0;
			l->query[0] = '\0';
			refilter(l);
		} else if ((is_key && ch == KEY_BACKSPACE) || (!is_key && (ch == 127 || ch == 8))) {
			while (n > 0 && ((unsigned char)l->query[n - 1] & 0xC0) == 0x80)
				n--;
			if (n > 0)
				n--;
			l->query[n] = '\0';
			l->sel = 0;
			refilter(l);
		} else if (!is_key && ch >= 32) {
			char mb[8];
			int k = wctomb(mb, (wchar_t)ch);
			if (k > 0 && n + (size_t)k < sizeof l->query) {
				memcpy(l->query + n, mb, (size_t)k);
				l->query[n + (size_t)k] = '\0';
				l->sel = 0;
				refilter(l);
			}
		}
		t->need_redraw = 1;
		return 1;
	}
	t->need_redraw = 1;
	if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k')) {
		if (l->sel > 0)
			l->sel--;
	} else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j')) {
		if (l->sel + 1 < l->nview)
			l->sel++;
	} else if ((is_key && ch == KEY_NPAGE) || (!is_key && ch == ' ')) {
		l->sel = l->sel + page < l->nview ? l->sel + page
		                                  : (l->nview ? l->nview - 1 : 0);
	} else if (is_key && ch == KEY_PPAGE) {
		l->sel = l->sel > page ? l->sel - page : 0;
	} else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 'g')) {
		l->sel = 0;
	} else if ((is_key && ch == KEY_END) || (!is_key && ch == 'G')) {
		l->sel = l->nview ? l->nview - 1 : 0;
	} else if (!is_key && ch == '>') {
		if (l->cut)
			l->hoff++;
	} else if (!is_key && ch == '<') {
		if (l->hoff > 0)
			l->hoff--;
	} else if (!is_key && ch == '/') {
		l->searching = 1;
	} else if (!is_key && ch == 'o') {
		l->sort_col = l->sort_col + 1 < l->ncols ? l->sort_col + 1 : -1;
		l->sort_desc = 0;
		refilter(l);
	} else if (!is_key && ch == 'O') {
		if (l->sort_col < 0)
			l->sort_col = 0;
		l->sort_desc = !l->sort_desc;
		refilter(l);
	} else if ((is_key && ch == KEY_ENTER) || (!is_key && (ch == '\r' || ch == '\n'))) {
		const struct lrl_action *show = noun_action(l->noun, "show");
		if (l->action == LRL_A_REPORT_LIST && l->nview) {
			/* A report: its parameters, then its preview. */
			char name[96];
			const struct lrl_action *ra;
			snprintf(name, sizeof name, "report.%s",
			         l->rows[l->view[l->sel]].cell[0]);
			if ((ra = action_find(name, strlen(name))) != NULL)
				tui_push(t, screen_form(t, ra->id, NULL));
		} else if (show && may(t, show) && l->nview &&
		           action_param(show, key_param(l), strlen(key_param(l))))
			tui_push(t, screen_record(t, show->id, key_param(l),
			                          l->rows[l->view[l->sel]].cell[0]));
		else if (l->nview)
			/* No record to ask for: the row itself, whole. */
			tui_push(t, screen_row(t, l, l->view[l->sel]));
	} else if (!is_key && ch == 'a') {
		const struct lrl_action *add = noun_action(l->noun, "add");
		if (add && may(t, add))
			tui_push(t, screen_form(t, add->id, NULL));
		else
			new_record(t, l);
	} else if (!is_key && ch == 'e') {
		const struct lrl_action *ed = noun_action(l->noun, "edit");
		if (!ed)
			ed = noun_action(l->noun, "rename");
		if (ed && may(t, ed) && l->nview)
			open_form_for(t, ed, key_param(l), l->rows[l->view[l->sel]].cell[0]);
		else
			tui_message(t, 1, "%s", _("You may not edit records here."));
	} else if (!is_key && ch == 'd') {
		destructive(t, l);
	} else if (!is_key && ch == 'm') {
		row_actions(t, l);
	} else {
		t->need_redraw = 0;
		return 0;
	}
	return 1;
}

static void list_reload(struct tui *t, struct screen *s)
{
	load(t, s->data);
}

static void list_close(struct screen *s)
{
	struct list *l = s->data;

	free_rows(l);
	free(l);
}

static const struct screen_ops list_ops = {
	"list", draw_list, list_key, list_reload, list_close,
	N_("Enter open  a add  e edit  d close  m actions  / search  o sort"),
	NULL, 0,
};

struct screen *screen_list(struct tui *t, int action, const char *fparam,
                           const char *fvalue)
{
	const struct lrl_action *a = &lrl_actions[action];
	struct screen *s = calloc(1, sizeof *s);
	struct list *l = calloc(1, sizeof *l);
	const char *dot = strchr(a->name, '.');

	if (!s || !l) {
		free(s);
		free(l);
		return NULL;
	}
	l->action = action;
	l->sort_col = -1;
	snprintf(l->noun, sizeof l->noun, "%.*s", (int)(dot - a->name), a->name);
	if (fparam) {
		snprintf(l->fparam, sizeof l->fparam, "%s", fparam);
		snprintf(l->fvalue, sizeof l->fvalue, "%s", fvalue);
	}
	s->ops = &list_ops;
	s->data = l;
	snprintf(s->title, sizeof s->title, "%s", _(a->help));
	load(t, l);
	return s;
}

/* ---- the record screen ------------------------------------------------ */

/* A record: the reply of a ".show" action, or a row of a list that has
 * none (its cells, which the list may cut, shown whole). */
struct record {
	int action;      /* the show action, or the list action of a row */
	int is_row;
	char param[32], value[128], noun[32];
	char fparam[32], fvalue[128];
	char key2[256];  /* a row: its second cell, which tells rows apart */
	int n;
	char **keys, **vals; /* what is shown (owned) */
	int top;   /* the first screen line shown (a long record scrolls) */
	int lines; /* screen lines the record took when last drawn */
};

static void record_clear(struct record *rec)
{
	for (int i = 0; i < rec->n; i++) {
		free(rec->keys[i]);
		free(rec->vals[i]);
	}
	free(rec->keys);
	free(rec->vals);
	rec->keys = rec->vals = NULL;
	rec->n = 0;
}

/* Appends a field as it is shown: key and value (both taken). */
static void record_push(struct record *rec, char *k, char *v)
{
	char **nk = NULL, **nv = NULL;

	if (k && v && (nk = realloc(rec->keys, (size_t)(rec->n + 1) * sizeof *nk)))
		rec->keys = nk;
	if (nk && (nv = realloc(rec->vals, (size_t)(rec->n + 1) * sizeof *nv)))
		rec->vals = nv;
	if (!nv) {
		free(k);
		free(v);
		return;
	}
	rec->keys[rec->n] = k;
	rec->vals[rec->n++] = v;
}

/* Appends a field of a reply: the value shown as a word when the field
 * is enumerated. */
static void record_add(struct record *rec, char *k, char *v)
{
	if (k && v && !strcmp(k, "roles")) {
		char buf[512], *c;
		tui_roles_display(v, buf, sizeof buf);
		if ((c = strdup(buf)) != NULL) {
			free(v);
			v = c;
		}
	} else if (k && v && tui_enum_column(k)) {
		const char *shown = tui_value(k, v);
		char *c = shown != v ? strdup(shown) : NULL;
		if (c) {
			free(v);
			v = c;
		}
	}
	record_push(rec, k, v);
}

/* The cells of a list's row, which the list shows already as words. */
static void record_from_row(struct record *rec, const struct list *l,
                            size_t ri)
{
	record_clear(rec);
	for (int c = 0; c < l->ncols; c++)
		if (c != l->depth_col)
			record_push(rec, strdup(l->cols[c]), strdup(l->rows[ri].cell[c]));
}

static void record_load(struct tui *t, struct record *rec)
{
	const msgpack_object *m;
	struct lrl_reply *r = NULL;
	mp_buf b;

	if (rec->is_row) {
		/* The list again, and this row in it (if it is still there). */
		struct list l;
		memset(&l, 0, sizeof l);
		l.action = rec->action;
		l.sort_col = -1;
		snprintf(l.noun, sizeof l.noun, "%s", rec->noun);
		snprintf(l.fparam, sizeof l.fparam, "%s", rec->fparam);
		snprintf(l.fvalue, sizeof l.fvalue, "%s", rec->fvalue);
		load(t, &l);
		for (size_t i = 0; i < l.nrows; i++)
			if (!strcmp(l.rows[i].cell[0], rec->value) &&
			    (l.ncols < 2 || !strcmp(l.rows[i].cell[1], rec->key2))) {
				record_from_row(rec, &l, i);
				break;
			}
		free_rows(&l);
		return;
	}
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 1);
	pack_kv_typed(&b.pk, &lrl_actions[rec->action], rec->param, rec->value);
	if (tui_call(t, lrl_actions[rec->action].name, b.sb.data, b.sb.size,
	             &r) == 0 &&
	    (m = mp_map_get(r->body, "record")) != NULL &&
	    m->type == MSGPACK_OBJECT_MAP) {
		record_clear(rec);
		for (uint32_t i = 0; i < m->via.map.size; i++)
			record_add(rec, obj_text(&m->via.map.ptr[i].key),
			           obj_text_nl(&m->via.map.ptr[i].val, 1));
	}
	lrl_reply_free(r);
	mp_buf_free(&b);
}

/* The end of the first line of s that fits in cols display columns,
 * broken after a space when one is near. */
static const char *wrap_end(const char *s, int cols)
{
	const char *p = s, *space = NULL;

	while (*p && *p != '\n') {
		const char *q = p + 1;
		char piece[1024];
		while ((*q & 0xC0) == 0x80)
			q++;
		if ((size_t)(q - s) >= sizeof piece)
			break;
		memcpy(piece, s, (size_t)(q - s));
		piece[q - s] = '\0';
		if ((int)text_width(piece) > cols)
			break;
		if (*p == ' ')
			space = p;
		p = q;
	}
	if (*p && *p != '\n' && space && space > s)
		return space + 1;
	return p > s ? p : (*p && *p != '\n' ? p + 1 : p);
}

static void draw_record(struct tui *t, struct screen *s, WINDOW *w)
{
	struct record *rec = s->data;
	int wd = getmaxx(w), h = getmaxy(w), kw = 0, y = 2, vw;

	wattron(w, A_BOLD);
	tui_put(w, 0, 1, s->title, wd - 2);
	wattroff(w, A_BOLD);
	for (int i = 0; i < rec->n; i++) {
		int kwid = (int)text_width(tui_label(rec->keys[i]));
		if (kwid > kw)
			kw = kwid;
	}
	if (kw > 28)
		kw = 28;
	vw = wd - kw - 6;
	if (rec->top > 0 && rec->top > rec->lines - (h - 2))
		rec->top = rec->lines - (h - 2) > 0 ? rec->lines - (h - 2) : 0;
	/* Line n of the record is drawn at y = 2 + n - top, when on screen. */
	int n = 0;
	for (int i = 0; i < rec->n; i++) {
		const char *v = rec->vals[i];
		if (n >= rec->top && 2 + n - rec->top < h) {
			wattron(w, tui_attr(t, TA_DIM));
			tui_put(w, 2 + n - rec->top, 2, tui_label(rec->keys[i]), kw);
			wattroff(w, tui_attr(t, TA_DIM));
		}
		/* A long or multi-line value takes the lines it needs. */
		do {
			const char *e = vw > 0 ? wrap_end(v, vw) : v + strlen(v);
			char line[2048];
			size_t len = (size_t)(e - v);
			if (len >= sizeof line)
				len = sizeof line - 1;
			memcpy(line, v, len);
			line[len] = '\0';
			while (len > 0 && line[len - 1] == ' ')
				line[--len] = '\0';
			y = 2 + n - rec->top;
			if (n >= rec->top && y < h) {
				/* A criterion that fails stands out. */
				int bad = !strncmp(line + strspn(line, " "), "✗", 3);
				if (bad)
					wattron(w, tui_attr(t, TA_ERROR));
				tui_put(w, y, kw + 4, line, vw);
				if (bad)
					wattroff(w, tui_attr(t, TA_ERROR));
			}
			n++;
			v = *e == '\n' ? e + 1 : e;
		} while (*v);
	}
	rec->lines = n;
	if (n > h - 2) {
		char more[32];
		snprintf(more, sizeof more, " %d/%d ", rec->top + 1, n);
		tui_put(w, 0, wd - 1 - (int)strlen(more), more, (int)strlen(more));
	}
}

static int record_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct record *rec = s->data;

	int page = getmaxy(t->wmain) - 4;

	if (page < 1)
		page = 1;
	/* A record longer than the screen scrolls. */
	if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		rec->top++;
	else if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		rec->top--;
	else if ((is_key && ch == KEY_NPAGE) || (!is_key && ch == ' '))
		rec->top += page;
	else if (is_key && ch == KEY_PPAGE)
		rec->top -= page;
	else if ((is_key && ch == KEY_HOME) || (!is_key && ch == 'g'))
		rec->top = 0;
	else if ((is_key && ch == KEY_END) || (!is_key && ch == 'G'))
		rec->top = rec->lines;
	else if (is_key)
		return 0;
	else
		goto other;
	if (rec->top < 0)
		rec->top = 0;
	t->need_redraw = 1;
	return 1;
other:
	if (ch == 'e') {
		const struct lrl_action *ed = noun_action(rec->noun, "edit");
		if (!ed)
			ed = noun_action(rec->noun, "rename");
		if (ed && may(t, ed))
			open_form_for(t, ed, rec->param, rec->value);
		else
			tui_message(t, 1, "%s", _("You may not edit this record."));
		return 1;
	}
	if (ch == 'm') {
		struct list fake;
		char *cell[2] = {rec->value, rec->key2};
		struct row row = {cell, NULL};
		size_t view0 = 0;
		char *cols[2] = {rec->param, NULL};
		memset(&fake, 0, sizeof fake);
		snprintf(fake.noun, sizeof fake.noun, "%s", rec->noun);
		/* The record's name, for the question. */
		for (int i = 0; i < rec->n; i++)
			if (is_name_col(rec->keys[i])) {
				cols[1] = rec->keys[i];
				cell[1] = rec->vals[i];
				break;
			}
		fake.ncols = cols[1] ? 2 : 1;
		fake.cols = cols;
		fake.rows = &row;
		fake.nrows = fake.nview = 1;
		fake.view = &view0;
		row_actions(t, &fake);
		return 1;
	}
	return 0;
}

static void record_reload(struct tui *t, struct screen *s)
{
	record_load(t, s->data);
}

static void record_close(struct screen *s)
{
	struct record *rec = s->data;

	record_clear(rec);
	free(rec);
}

static const struct screen_ops record_ops = {
	"record", draw_record, record_key, record_reload, record_close,
	N_("e edit  m actions  Esc back"), NULL, 0,
};

struct screen *screen_record(struct tui *t, int action, const char *param,
                             const char *value)
{
	const struct lrl_action *a = &lrl_actions[action];
	struct screen *s = calloc(1, sizeof *s);
	struct record *rec = calloc(1, sizeof *rec);
	const char *dot = strchr(a->name, '.');

	if (!s || !rec) {
		free(s);
		free(rec);
		return NULL;
	}
	rec->action = action;
	snprintf(rec->param, sizeof rec->param, "%s", param);
	snprintf(rec->value, sizeof rec->value, "%s", value);
	snprintf(rec->noun, sizeof rec->noun, "%.*s", (int)(dot - a->name), a->name);
	s->ops = &record_ops;
	s->data = rec;
	snprintf(s->title, sizeof s->title, "%s: %s", _(a->help), value);
	record_load(t, rec);
	return s;
}

/* The record screen of row ri of list l (a list whose noun has no
 * ".show"): every cell, whole. */
static struct screen *screen_row(struct tui *t, const struct list *l, size_t ri)
{
	struct screen *s = calloc(1, sizeof *s);
	struct record *rec = calloc(1, sizeof *rec);

	if (!s || !rec || l->ncols == 0) {
		free(s);
		free(rec);
		return NULL;
	}
	rec->action = l->action;
	rec->is_row = 1;
	snprintf(rec->param, sizeof rec->param, "%s", l->cols[0]);
	snprintf(rec->value, sizeof rec->value, "%s", l->rows[ri].cell[0]);
	snprintf(rec->key2, sizeof rec->key2, "%s",
	         l->ncols > 1 ? l->rows[ri].cell[1] : "");
	snprintf(rec->noun, sizeof rec->noun, "%s", l->noun);
	snprintf(rec->fparam, sizeof rec->fparam, "%s", l->fparam);
	snprintf(rec->fvalue, sizeof rec->fvalue, "%s", l->fvalue);
	record_from_row(rec, l, ri);
	s->ops = &record_ops;
	s->data = rec;
	row_what(l, ri, s->title, sizeof s->title);
	return s;
}
