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

static char *obj_text(const msgpack_object *v)
{
	char buf[64];

	switch (v->type) {
	case MSGPACK_OBJECT_STR:
		return text_sanitize(v->via.str.ptr, v->via.str.size, 0);
	case MSGPACK_OBJECT_POSITIVE_INTEGER:
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)v->via.u64);
		return strdup(buf);
	case MSGPACK_OBJECT_NEGATIVE_INTEGER:
		snprintf(buf, sizeof buf, "%lld", (long long)v->via.i64);
		return strdup(buf);
	case MSGPACK_OBJECT_BOOLEAN:
		return strdup(v->via.boolean ? _("yes") : _("no"));
	default:
		return strdup("");
	}
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
		int cw = (int)text_width(tui_label(l->cols[c]));
		for (size_t i = 0; i < l->nview; i++) {
			int vw = (int)text_width(l->rows[l->view[i]].cell[c]);
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
	char *after = NULL, *keep = NULL;
	size_t cap = 0;
	mp_buf p;

	if (l->nview && l->view)
		keep = strdup(l->rows[l->view[l->sel]].cell[0]);
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
			mp_pack_kv_str(&p.pk, l->fparam, l->fvalue);
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
			for (int c = 0; c < l->ncols && l->cols; c++)
				l->cols[c] = obj_text(&cols->via.array.ptr[c]);
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
				rw->cell[c] = obj_text(&ro->via.array.ptr[c]);
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
		for (size_t i = 0; i < l->nview; i++)
			if (!strcmp(l->rows[l->view[i]].cell[0], keep))
				l->sel = i;
		free(keep);
	}
	l->loaded = 1;
}

/* ---- drawing ---------------------------------------------------------- */

static void draw_list(struct tui *t, struct screen *s, WINDOW *w)
{
	struct list *l = s->data;
	int h, wd, x = 1, body, shown = 0, *width = l->width;

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
	wattron(w, tui_attr(t, TA_HEADER));
	for (int c = 0; c < l->ncols && c < 64; c++) {
		int cw = width[c];
		char lab[128];
		if (c == l->depth_col)
			continue;
		if (x + cw >= wd) {
			if (c == 0 || wd - x > 8)
				cw = wd - x - 1;
			else
				break;
		}
		snprintf(lab, sizeof lab, "%s%s", tui_label(l->cols[c]),
		         c == l->sort_col ? (l->sort_desc ? "▼" : "▲") : "");
		tui_put(w, 1, x, lab, cw);
		x += cw + 2;
		shown = c + 1;
		if (x >= wd - 1)
			break;
	}
	wattroff(w, tui_attr(t, TA_HEADER));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)body)
		l->top = l->sel - (size_t)body + 1;
	for (int i = 0; i < body && l->top + (size_t)i < l->nview; i++) {
		size_t ri = l->view[l->top + (size_t)i];
		int sel = l->top + (size_t)i == l->sel;
		x = 1;
		if (sel) {
			wattron(w, tui_attr(t, TA_SELECTED));
			mvwhline(w, 2 + i, 0, ' ', wd);
		}
		for (int c = 0; c < shown; c++) {
			int cw = width[c];
			if (c == l->depth_col)
				continue;
			if (x + cw >= wd)
				cw = wd - x - 1;
			tui_put(w, 2 + i, x, l->rows[ri].cell[c], cw);
			x += cw + 2;
		}
		if (sel)
			wattroff(w, tui_attr(t, TA_SELECTED));
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

static void open_form_for(struct tui *t, const struct lrl_action *a,
                          const char *param, const char *value)
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
		mp_pack_kv_str(&b.pk, param, value);
		if (tui_call(t, show->name, b.sb.data, b.sb.size, &r) == 0)
			rec = mp_map_get(r->body, "record");
	}
	if (rec == NULL && value) {
		mp_buf_reset(&b);
		msgpack_pack_map(&b.pk, 1);
		mp_pack_kv_str(&b.pk, param, value);
		if (mp_decode(&u, b.sb.data, b.sb.size) == 0)
			rec = &u.data;
	}
	tui_push(t, screen_form(t, a->id, rec));
	lrl_reply_free(r);
	msgpack_unpacked_destroy(&u);
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
		if (strncmp(a->name, l->noun, nl) || a->name[nl] != '.' ||
		    a->kind != LRL_CMD || !may(t, a) || !action_param(a, key, strlen(key)) ||
		    (a->flags & AF_CSV) || strstr(a->name, ".add"))
			continue;
		acts[n] = a;
		items[n++] = _(a->help);
	}
	if (n == 0) {
		tui_message(t, 0, "%s", _("No actions you may take on this row."));
		return;
	}
	sel = tui_choose(t, _("Actions"), items, n, 0);
	if (sel >= 0)
		open_form_for(t, acts[sel], key, l->rows[l->view[l->sel]].cell[0]);
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
		if (show && may(t, show) && l->nview)
			tui_push(t, screen_record(t, show->id, key_param(l),
			                          l->rows[l->view[l->sel]].cell[0]));
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

struct record {
	int action;
	char param[32], value[128], noun[32];
	struct lrl_reply *r;
};

static void record_load(struct tui *t, struct record *rec)
{
	mp_buf b;

	lrl_reply_free(rec->r);
	rec->r = NULL;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 1);
	mp_pack_kv_str(&b.pk, rec->param, rec->value);
	if (tui_call(t, lrl_actions[rec->action].name, b.sb.data, b.sb.size,
	             &rec->r) != 0) {
		lrl_reply_free(rec->r);
		rec->r = NULL;
	}
	mp_buf_free(&b);
}

static void draw_record(struct tui *t, struct screen *s, WINDOW *w)
{
	struct record *rec = s->data;
	const msgpack_object *m;
	int wd = getmaxx(w), h = getmaxy(w), kw = 0;

	wattron(w, A_BOLD);
	tui_put(w, 0, 1, s->title, wd - 2);
	wattroff(w, A_BOLD);
	if (rec->r == NULL || (m = mp_map_get(rec->r->body, "record")) == NULL ||
	    m->type != MSGPACK_OBJECT_MAP)
		return;
	for (uint32_t i = 0; i < m->via.map.size; i++) {
		char *k = obj_text(&m->via.map.ptr[i].key);
		int kwid = (int)text_width(tui_label(k));
		if (kwid > kw)
			kw = kwid;
		free(k);
	}
	if (kw > 28)
		kw = 28;
	for (uint32_t i = 0; i < m->via.map.size && (int)i + 2 < h; i++) {
		char *k = obj_text(&m->via.map.ptr[i].key);
		char *v = obj_text(&m->via.map.ptr[i].val);
		wattron(w, tui_attr(t, TA_DIM));
		tui_put(w, 2 + (int)i, 2, tui_label(k), kw);
		wattroff(w, tui_attr(t, TA_DIM));
		tui_put(w, 2 + (int)i, kw + 4, v, wd - kw - 6);
		free(k);
		free(v);
	}
}

static int record_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct record *rec = s->data;

	(void)is_key;
	if (is_key)
		return 0;
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
		char *cell[1] = {rec->value};
		struct row row = {cell, NULL};
		size_t view0 = 0;
		char *col0 = rec->param;
		memset(&fake, 0, sizeof fake);
		snprintf(fake.noun, sizeof fake.noun, "%s", rec->noun);
		fake.ncols = 1;
		fake.cols = &col0;
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

	lrl_reply_free(rec->r);
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
