/*
 * form.c — forms with the ncurses form library: the generic form of an
 * action (built from its parameters in the action table) and the
 * password change.
 */
#include <form.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/htmlexport.h"
#include "laurel/keys.h"
#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/rdoc.h"
#include "laurel/tui_int.h"

#define FORM_MAX_FIELDS 24
#define LABEL_COLS 24
#define TEXT_ROWS 4
#define CTRL_S 19

struct fdef {
	char name[32];
	char label[128];
	const struct lrl_param *p; /* NULL for password fields */
	int required;
	int secret;
	int multiline;
	/* A title of the year's rulebook, chosen from a popup: for whom
	 * (TITLES_PERSON, TITLES_UNIT or both); 0 for other fields.  The
	 * field shows "LDTT — Lao động tiên tiến" and sends the code. */
	int titles;
	char *value; /* last known value (UTF-8), owned */
};

#define TITLES_PERSON 1
#define TITLES_UNIT 2
#define TITLE_SEP " — "

struct fstate {
	int action; /* -1 for the password change */
	struct fdef defs[FORM_MAX_FIELDS];
	int n;
	FORM *form;
	FIELD *fields[FORM_MAX_FIELDS + 1];
	WINDOW *owner, *sub;
	int current;
	int dirty;
	int newpass; /* the last two fields are a new password, twice */
	int forced;  /* a password change that cannot be skipped */
	int done;    /* 1 saved, -1 cancelled (for the forced change) */
	char title[200];
	struct rdoc *doc; /* a report's document, shown once the form closes */
};

/* ---- building --------------------------------------------------------- */

static void release(struct fstate *f)
{
	if (f->form) {
		unpost_form(f->form);
		free_form(f->form);
		f->form = NULL;
	}
	for (int i = 0; i < f->n; i++)
		if (f->fields[i]) {
			free_field(f->fields[i]);
			f->fields[i] = NULL;
		}
	if (f->sub) {
		delwin(f->sub);
		f->sub = NULL;
	}
	f->owner = NULL;
}

/* Trimmed copy of a field's buffer (caller frees). */
static char *field_text(FIELD *fd)
{
	const char *b = field_buffer(fd, 0);
	size_t n;
	char *s;

	if (b == NULL)
		return strdup("");
	n = strlen(b);
	while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '\n'))
		n--;
	while (n > 0 && *b == ' ') {
		b++;
		n--;
	}
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, b, n);
	s[n] = '\0';
	return s;
}

/*
 * Multi-line text and a field's buffer.  The form library keeps a
 * multi-line field as rows of the field's width, padded with spaces, and
 * no line breaks: a row ends where a word did not fit (O_WRAP moves it to
 * the next row) or where Enter was pressed.  A row ended by Enter is the
 * one whose free space would have taken the next row's first word, so the
 * text is rebuilt exactly when it is laid out the same way (text_to_rows)
 * and typed.  (A line ended by Enter just where its next word would not
 * have fitted reads as wrapped: the buffer cannot tell them apart.)  Rows
 * are counted in characters (one column each: the Vietnamese alphabet).
 */

/* The byte length of the first n characters of s (fewer if s ends). */
static size_t cp_bytes(const char *s, size_t n)
{
	const char *p = s;

	while (*p && n > 0) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		n--;
	}
	return (size_t)(p - s);
}

static size_t cp_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}

/* The text of a multi-line field's buffer b of width cols: rows trimmed,
 * joined by a space where a word wrapped and by '\n' where a line ended.
 * The caller frees it. */
static char *rows_to_text(const char *b, int cols)
{
	size_t n = strlen(b), o = 0, at = 0;
	char *out = malloc(n + 1);
	const char *prev = NULL;
	size_t prev_len = 0;

	if (out == NULL || cols <= 0)
		return out ? strcpy(out, b) : NULL;
	while (at < n) {
		size_t rl = cp_bytes(b + at, (size_t)cols), tl = rl, wl = 0;
		const char *row = b + at;
		at += rl;
		while (tl > 0 && row[tl - 1] == ' ')
			tl--;
		if (prev) {
			while (wl < tl && row[wl] != ' ')
				wl++;
			/* The first word would have fitted after the previous
			 * row: that row was ended on purpose. */
			if (prev_len == 0 || tl == 0 ||
			    cp_count(prev, prev_len) + 1 + cp_count(row, wl) <= (size_t)cols)
				out[o++] = '\n';
			else
				out[o++] = ' ';
		}
		memcpy(out + o, row, tl);
		o += tl;
		prev = row;
		prev_len = tl;
	}
	/* Empty rows at the end are the field's, not the text's. */
	while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
	return out;
}

/* Lays text out in rows of cols characters as typing it would (words
 * wrapped, each line on new rows), each row padded with spaces.  The
 * caller frees it. */
static char *text_to_rows(const char *text, int cols)
{
	size_t cap = strlen(text) * 2 + 64, o = 0;
	char *out = malloc(cap);
	const char *line = text;

	if (out == NULL)
		return NULL;
	if (cols <= 0) {
		free(out);
		return strdup(text);
	}
	while (*line) {
		const char *end = strchr(line, '\n'), *p = line;
		size_t used = 0; /* characters on the current row */
		if (end == NULL)
			end = line + strlen(line);
		while (p < end) {
			const char *w = p, *we;
			size_t wc;
			while (w < end && *w == ' ')
				w++;
			we = w;
			while (we < end && *we != ' ')
				we++;
			wc = cp_count(w, (size_t)(we - w));
			if (o + (size_t)cols * 4 + (size_t)(we - p) + 8 > cap) {
				char *bigger = realloc(out, cap = cap * 2 + (size_t)(we - p) +
				                                  (size_t)cols * 4);
				if (bigger == NULL) {
					free(out);
					return NULL;
				}
				out = bigger;
			}
			/* The word does not fit after what the row has: a new
			 * row (a word longer than a row is cut as it comes). */
			if (used > 0 && used + cp_count(p, (size_t)(w - p)) + wc > (size_t)cols) {
				for (; used < (size_t)cols; used++)
					out[o++] = ' ';
				used = 0;
				p = w;
			}
			while (p < we) {
				size_t cl = cp_bytes(p, 1);
				if (used == (size_t)cols)
					used = 0;
				memcpy(out + o, p, cl);
				o += cl;
				p += cl;
				used++;
			}
		}
		for (; used < (size_t)cols && (used > 0 || end == line); used++)
			out[o++] = ' ';
		line = *end ? end + 1 : end;
		if (o + (size_t)cols + 8 > cap) {
			char *bigger = realloc(out, cap = cap * 2 + (size_t)cols);
			if (bigger == NULL) {
				free(out);
				return NULL;
			}
			out = bigger;
		}
	}
	out[o] = '\0';
	return out;
}

/* The value of field i as text (multi-line text with its line breaks);
 * the caller frees it. */
static char *def_text(struct fstate *f, int i)
{
	char *raw, *text;
	int rows, cols, max;

	if (!f->defs[i].multiline)
		return field_text(f->fields[i]);
	if (dynamic_field_info(f->fields[i], &rows, &cols, &max) != E_OK)
		return field_text(f->fields[i]);
	if ((raw = strdup(field_buffer(f->fields[i], 0))) == NULL)
		return NULL;
	text = rows_to_text(raw, cols);
	free(raw);
	return text;
}

/* Keeps the typed values across a rebuild (resize). */
static void save_values(struct fstate *f)
{
	if (f->form == NULL)
		return;
	form_driver_w(f->form, KEY_CODE_YES, REQ_VALIDATION);
	for (int i = 0; i < f->n; i++) {
		char *v = def_text(f, i);
		if (v) {
			free(f->defs[i].value);
			f->defs[i].value = v;
		}
	}
	f->current = field_index(current_field(f->form));
}

/* Is the field chosen from a popup rather than typed? */
static int is_choice(const struct fdef *d)
{
	return d->titles || (d->p && (d->p->type == LRL_PT_ENUM ||
	                              d->p->type == LRL_PT_BOOL));
}

/* Display text for a choice value: the label when there is one. */
static const char *choice_label(const char *v)
{
	const char *l = tui_label(v);

	return l ? l : v;
}

/* The choice of p shown as text in its field: the word when there is one
 * (the field shows "Khoa", the server gets "department"). */
static const char *choice_shown(const struct lrl_param *p, const char *v)
{
	if (p == NULL || p->type != LRL_PT_ENUM || v == NULL || v[0] == '\0')
		return v;
	return choice_label(v);
}

/* The choice of p whose code or word is shown, as a new string; a text
 * that is neither is returned as it is, for the server to refuse. */
static char *choice_value(const struct lrl_param *p, const char *shown)
{
	const char *c = p ? p->choices : NULL;

	while (c && *c) {
		const char *bar = strchr(c, '|');
		size_t cl = bar ? (size_t)(bar - c) : strlen(c);
		char *code = strndup(c, cl);
		if (code && (!strcmp(shown, code) ||
		             !strcmp(shown, choice_label(code))))
			return code;
		free(code);
		c = bar ? bar + 1 : NULL;
	}
	return strdup(shown);
}

static void build(struct tui *t, struct fstate *f, WINDOW *w)
{
	int h, wd, y = 0, fw;

	release(f);
	getmaxyx(w, h, wd);
	fw = wd - LABEL_COLS - 6;
	if (fw > 60)
		fw = 60;
	if (fw < 10)
		fw = 10;
	for (int i = 0; i < f->n; i++) {
		int rows = f->defs[i].multiline ? TEXT_ROWS : 1;
		FIELD *fd = new_field(rows, fw, y, 0, 0, 0);
		if (fd == NULL)
			break;
		set_field_back(fd, (chtype)tui_attr(t, TA_FIELD));
		field_opts_off(fd, O_AUTOSKIP);
		if (!f->defs[i].multiline)
			field_opts_off(fd, O_WRAP);
		if (f->defs[i].secret)
			field_opts_off(fd, O_PUBLIC);
		if (is_choice(&f->defs[i]))
			field_opts_off(fd, O_EDIT);
		/* A length limit in characters for one line; a chosen title
		 * shows its name beside the code, and multi-line text grows by
		 * rows (the server counts its characters). */
		if (!f->defs[i].titles && !f->defs[i].multiline && f->defs[i].p &&
		    f->defs[i].p->max > 0 && f->defs[i].p->type != LRL_PT_INT &&
		    f->defs[i].p->type != LRL_PT_BIN)
			set_max_field(fd, (int)f->defs[i].p->max);
		else if (f->defs[i].secret)
			set_max_field(fd, LRL_PASSWORD_MAX);
		field_opts_off(fd, O_STATIC);
		if (f->defs[i].multiline) {
			char *b = text_to_rows(f->defs[i].value ? f->defs[i].value : "", fw);
			set_field_buffer(fd, 0, b ? b : "");
			free(b);
		} else {
			const char *v = choice_shown(f->defs[i].p, f->defs[i].value);
			set_field_buffer(fd, 0, v ? v : "");
		}
		f->fields[i] = fd;
		y += rows + 1;
	}
	f->fields[f->n] = NULL;
	f->form = new_form(f->fields);
	f->owner = w;
	if (h - 4 < 1 || f->form == NULL)
		return;
	f->sub = derwin(w, h - 4 < y ? h - 4 : y, fw, 3, LABEL_COLS + 3);
	set_form_win(f->form, w);
	set_form_sub(f->form, f->sub);
	post_form(f->form);
	if (f->current > 0 && f->current < f->n)
		set_current_field(f->form, f->fields[f->current]);
}

/* ---- drawing ---------------------------------------------------------- */

static void draw(struct tui *t, struct screen *s, WINDOW *w)
{
	struct fstate *f = s->data;
	int y = 3;

	if (f->owner != w) {
		save_values(f);
		werase(w);
		build(t, f, w);
	}
	wattron(w, tui_attr(t, TA_HEADER));
	tui_put(w, 1, 2, f->title, getmaxx(w) - 4);
	wattroff(w, tui_attr(t, TA_HEADER));
	for (int i = 0; i < f->n; i++) {
		char lab[200];
		snprintf(lab, sizeof lab, "%s%s", f->defs[i].label,
		         f->defs[i].required ? " *" : "");
		tui_put(w, y, 2, lab, LABEL_COLS);
		if (is_choice(&f->defs[i]))
			tui_put(w, y, LABEL_COLS + 1, "▾", 1);
		y += (f->defs[i].multiline ? TEXT_ROWS : 1) + 1;
	}
	if (y + 1 < getmaxy(w))
		tui_put(w, y + 1, 2,
		        _("* required   Enter: next field / choose   "
		          "F10 or Ctrl-S: save   Esc: cancel"),
		        getmaxx(w) - 4);
	if (f->form)
		pos_form_cursor(f->form);
	curs_set(1);
}

/* ---- choosing and checking -------------------------------------------- */

static void choose(struct tui *t, struct fstate *f, int i)
{
	const struct lrl_param *p = f->defs[i].p;
	const char *items[32];
	char *vals[32];
	int n = 0, cur = 0, sel;
	char *have = field_text(f->fields[i]);

	if (p->type == LRL_PT_BOOL) {
		vals[n++] = strdup("có");
		vals[n++] = strdup("không");
	} else {
		const char *c = p->choices;
		while (c && *c && n < 31) {
			const char *bar = strchr(c, '|');
			size_t cl = bar ? (size_t)(bar - c) : strlen(c);
			vals[n++] = strndup(c, cl);
			c = bar ? bar + 1 : NULL;
		}
	}
	if (!p->flags || !(p->flags & PF_REQ)) {
		/* An optional choice can be left empty. */
		for (int k = n; k > 0; k--)
			vals[k] = vals[k - 1];
		vals[0] = strdup("");
		n++;
	}
	for (int k = 0; k < n; k++) {
		items[k] = vals[k] && vals[k][0] ? choice_label(vals[k]) : _("(none)");
		if (have && vals[k] && (!strcmp(have, vals[k]) ||
		                        (vals[k][0] && !strcmp(have, items[k]))))
			cur = k;
	}
	sel = tui_choose(t, f->defs[i].label, items, n, cur);
	if (sel >= 0 && vals[sel]) {
		set_field_buffer(f->fields[i], 0,
		                 p->type == LRL_PT_ENUM && vals[sel][0]
		                         ? items[sel] : vals[sel]);
		f->dirty = 1;
		/* Chosen: go on to the next field, as Enter does elsewhere. */
		if (i + 1 < f->n)
			form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_FIELD);
	}
	for (int k = 0; k < n; k++)
		free(vals[k]);
	free(have);
}

static int field_of(struct fstate *f, const char *name);

/* The titles of the year in the form's year field (else the current
 * year) for whom the field is, as a popup; the field gets "CODE — name".
 * When the year cannot be read the field becomes a typed code. */
static void choose_title(struct tui *t, struct fstate *f, int i)
{
	const msgpack_object *titles;
	struct lrl_reply *r = NULL;
	char *have = field_text(f->fields[i]), *year_text = NULL, **vals = NULL;
	const char **items = NULL;
	int yi = field_of(f, "year"), n = 0, cur = 0, sel;
	int64_t year = t->year;
	uint32_t count;
	mp_buf p;

	if (yi >= 0 && (year_text = field_text(f->fields[yi])) != NULL &&
	    year_text[0])
		year = strtoll(year_text, NULL, 10);
	free(year_text);
	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_int(&p.pk, "year", year);
	if (tui_call(t, "year.show", p.sb.data, p.sb.size, &r) != 0 ||
	    (titles = mp_map_get(r->body, "titles")) == NULL ||
	    titles->type != MSGPACK_OBJECT_ARRAY || titles->via.array.size == 0) {
		if (r && r->code == 0)
			tui_message(t, 1, "%s", _("The year's rulebook has no titles: "
			                          "type the code."));
		f->defs[i].titles = 0;
		field_opts_on(f->fields[i], O_EDIT);
		goto out;
	}
	count = titles->via.array.size;
	vals = calloc(count + 1, sizeof *vals);
	items = calloc(count + 1, sizeof *items);
	if (!vals || !items)
		goto out;
	if (!(f->defs[i].p->flags & PF_REQ)) {
		vals[n] = strdup("");
		items[n++] = _("(none)");
	}
	for (uint32_t k = 0; k < count; k++) {
		const msgpack_object *ti = &titles->via.array.ptr[k];
		char code[LRL_CODE_MAX + 1] = "", name[512] = "", whom[32] = "";
		size_t cl;
		if (ti->type != MSGPACK_OBJECT_ARRAY || ti->via.array.size < 3)
			continue;
		mp_get_strbuf(&ti->via.array.ptr[0], code, sizeof code);
		mp_get_strbuf(&ti->via.array.ptr[1], name, sizeof name);
		mp_get_strbuf(&ti->via.array.ptr[2], whom, sizeof whom);
		if (!code[0] ||
		    !(((f->defs[i].titles & TITLES_PERSON) && strstr(whom, "person")) ||
		      ((f->defs[i].titles & TITLES_UNIT) && strstr(whom, "unit"))))
			continue;
		cl = strlen(code) + strlen(TITLE_SEP) + strlen(name) + 1;
		if ((vals[n] = malloc(cl)) == NULL)
			continue;
		snprintf(vals[n], cl, "%s%s%s", code, TITLE_SEP, name);
		items[n] = vals[n];
		/* The field's code (with or without its name) is the current
		 * choice. */
		if (have && !strncmp(have, code, strlen(code)) &&
		    (have[strlen(code)] == '\0' || have[strlen(code)] == ' '))
			cur = n;
		n++;
	}
	sel = tui_choose(t, f->defs[i].label, items, n, cur);
	if (sel >= 0 && vals[sel]) {
		set_field_buffer(f->fields[i], 0, vals[sel]);
		f->dirty = 1;
		if (i + 1 < f->n)
			form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_FIELD);
	}
out:
	for (int k = 0; vals && k < n; k++)
		free(vals[k]);
	free(vals);
	free(items);
	free(have);
	lrl_reply_free(r);
	mp_buf_free(&p);
}

static int field_of(struct fstate *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->defs[i].name, name))
			return i;
	return -1;
}

static void focus_field(struct fstate *f, int i)
{
	if (f->form && i >= 0 && i < f->n)
		set_current_field(f->form, f->fields[i]);
}

/* ---- saving ----------------------------------------------------------- */

static int save_passwd(struct tui *t, struct fstate *f)
{
	char *p1 = field_text(f->fields[0]), *p2 = field_text(f->fields[1]);
	struct lrl_reply *r = NULL;
	const char *why;
	int rc = -1;

	if (!p1 || !p2)
		goto out;
	if (keys_password_ok(t->login, p1, &why) != 0) {
		tui_message(t, 1, "%s", _(why));
		focus_field(f, 0);
		goto out;
	}
	if (strcmp(p1, p2) != 0) {
		tui_message(t, 1, "%s", _("The two passwords differ."));
		focus_field(f, 1);
		goto out;
	}
	tui_message(t, 0, "%s", _("Changing the password…"));
	tui_redraw(t);
	if (lrl_passwd(t->conn, p1, &r) != 0 || r->code != 0) {
		tui_message(t, 1, "%s", r && r->message[0] ? r->message
		                                           : _("The password was not changed."));
		goto out;
	}
	tui_message(t, 0, "%s", _("Password changed."));
	rc = 0;
out:
	if (p1) {
		memset(p1, 0, strlen(p1));
		free(p1);
	}
	if (p2) {
		memset(p2, 0, strlen(p2));
		free(p2);
	}
	set_field_buffer(f->fields[0], 0, "");
	set_field_buffer(f->fields[1], 0, "");
	lrl_reply_free(r);
	return rc;
}

/* Signing a decision pays from the fund: the director confirms after
 * seeing what it costs and what the fund holds.  1 to go on. */
static int confirm_sign(struct tui *t, struct fstate *f)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rec;
	char code[LRL_CODE_MAX + 1] = "", total[48] = "", balance[48] = "";
	char q[512];
	char *v;
	int i = field_of(f, "decision"), ok;
	mp_buf p;

	if (i < 0 || (v = def_text(f, i)) == NULL)
		return 1;
	snprintf(code, sizeof code, "%s", v);
	free(v);
	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_str(&p.pk, "decision", code);
	if (tui_call(t, "decision.show", p.sb.data, p.sb.size, &r) != 0) {
		mp_buf_free(&p);
		lrl_reply_free(r);
		return 0;
	}
	mp_buf_free(&p);
	rec = mp_map_get(r->body, "record");
	mp_get_strbuf(mp_map_get(rec, "total"), total, sizeof total);
	mp_get_strbuf(mp_map_get(rec, "fund-balance"), balance, sizeof balance);
	lrl_reply_free(r);
	snprintf(q, sizeof q, _("Sign %s: total %s, fund balance %s?"), code,
	         total, balance);
	ok = tui_confirm(t, q);
	return ok;
}

static int save_action(struct tui *t, struct fstate *f)
{
	const struct lrl_action *a = &lrl_actions[f->action];
	mp_buf entries, params;
	struct lrl_reply *r = NULL;
	struct lrl_fail fail;
	size_t count = 0;
	int nfields = f->newpass ? f->n - 2 : f->n, rc = -1;
	char *pw = NULL;

	mp_buf_init(&entries);
	mp_buf_init(&params);
	for (int i = 0; i < nfields; i++) {
		char *v = def_text(f, i);
		if (v == NULL)
			goto out;
		if (v[0] == '\0') {
			free(v);
			if (f->defs[i].required) {
				tui_message(t, 1, _("%s: is required"), f->defs[i].label);
				focus_field(f, i);
				goto out;
			}
			continue;
		}
		/* A chosen title: its code, without the name shown beside it;
		 * a chosen word: its code. */
		if (f->defs[i].titles && strchr(v, ' '))
			*strchr(v, ' ') = '\0';
		if (!f->defs[i].titles && f->defs[i].p &&
		    f->defs[i].p->type == LRL_PT_ENUM) {
			char *code = choice_value(f->defs[i].p, v);
			if (code == NULL) {
				free(v);
				goto out;
			}
			free(v);
			v = code;
		}
		mp_pack_str(&entries.pk, f->defs[i].name);
		memset(&fail, 0, sizeof fail);
		if (action_pack_text(f->defs[i].p, v, &entries.pk, &fail) != 0) {
			char why[512];
			msg_apply(_(fail.m.fmt), fail.m.arg, fail.m.n, why, sizeof why);
			tui_message(t, 1, "%s: %s", f->defs[i].label, why);
			focus_field(f, i);
			free(v);
			goto out;
		}
		free(v);
		count++;
	}
	if (f->newpass) {
		char *p2 = field_text(f->fields[f->n - 1]);
		char login[LRL_LOGIN_MAX + 1] = "";
		const char *why;
		int li = field_of(f, "login");
		pw = field_text(f->fields[f->n - 2]);
		if (li >= 0) {
			char *l = field_text(f->fields[li]);
			snprintf(login, sizeof login, "%s", l ? l : "");
			free(l);
		}
		if (!pw || !p2 || keys_password_ok(login, pw, &why) != 0 ||
		    strcmp(pw, p2) != 0) {
			tui_message(t, 1, "%s", pw && p2 && strcmp(pw, p2) != 0
			                            ? _("The two passwords differ.")
			                            : _(why));
			focus_field(f, f->n - 2);
			free(p2);
			goto out;
		}
		free(p2);
	}
	if (f->action == LRL_A_DECISION_SIGN && !confirm_sign(t, f))
		goto out;
	if (a->flags & AF_REPORT) {
		/* A report: its pages joined into a document to preview. */
		struct lrl_reply *refusal = NULL;
		tui_message(t, 0, "%s", _("Preparing the report…"));
		tui_redraw(t);
		if (rdoc_fetch(t->conn, a, entries.sb.data, entries.sb.size, count,
		               &f->doc, &refusal) != 0) {
			char msg[1024];
			if (refusal)
				lrl_reply_text(refusal, msg, sizeof msg);
			else
				snprintf(msg, sizeof msg, "%s",
				         _("The report could not be prepared."));
			tui_message(t, 1, "%s", msg);
			if (refusal && refusal->field[0])
				focus_field(f, field_of(f, refusal->field));
			lrl_reply_free(refusal);
			goto out;
		}
		tui_message(t, 0, "%s", "");
		rc = 0;
		goto out;
	}
	msgpack_pack_map(&params.pk, count + (f->newpass ? 4 : 0));
	mp_pack_raw(&params.pk, entries.sb.data, entries.sb.size);
	if (f->newpass && lrl_pack_newpass(t->conn, pw, &params.pk) != 0)
		goto out;
	if (tui_call(t, a->name, params.sb.data, params.sb.size, &r) != 0) {
		if (r && r->field[0])
			focus_field(f, field_of(f, r->field));
		goto out;
	}
	if (a->flags & AF_HTMLDIR) {
		/* The pages are written here, by the client, as the CLI does. */
		char dir[LRL_PATH_MAX] = "", err[LRL_PATH_MAX + 256];
		msgpack_unpacked u;
		size_t pages = 0;
		msgpack_unpacked_init(&u);
		if (mp_decode(&u, params.sb.data, params.sb.size) == 0)
			mp_get_strbuf(mp_map_get(&u.data, "dir"), dir, sizeof dir);
		msgpack_unpacked_destroy(&u);
		if (htmlexport_write(dir, r->body, &pages, err, sizeof err) != 0) {
			tui_message(t, 1, "%s", err);
			focus_field(f, field_of(f, "dir"));
			goto out;
		}
		tui_message(t, 0, _("%zu pages written to %s"), pages, dir);
		rc = 0;
		goto out;
	}
	{
		char msg[1024];
		lrl_reply_text(r, msg, sizeof msg);
		tui_message(t, 0, "%s", msg[0] ? msg : _("Saved."));
	}
	rc = 0;
out:
	if (pw) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	lrl_reply_free(r);
	mp_buf_free(&entries);
	mp_buf_free(&params);
	return rc;
}

/* ---- keys ------------------------------------------------------------- */

static int key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct fstate *f = s->data;
	int cur;

	if (f->form == NULL)
		return 0;
	cur = field_index(current_field(f->form));
	if ((is_key && ch == KEY_F(10)) || (!is_key && ch == CTRL_S)) {
		form_driver_w(f->form, KEY_CODE_YES, REQ_VALIDATION);
		if ((f->action < 0 ? save_passwd(t, f) : save_action(t, f)) == 0) {
			f->dirty = 0;
			f->done = 1;
			if (f->doc) {
				/* A report: its preview takes the form's place. */
				struct rdoc *doc = f->doc;
				f->doc = NULL;
				tui_pop(t);
				tui_push(t, screen_report(t, doc));
			} else if (!f->forced) {
				/* The screen below reloads on the server's
				 * notice of the change (tui_changed). */
				tui_pop(t);
			}
		}
		t->need_redraw = 1;
		return 1;
	}
	if (!is_key && ch == 27) {
		if (f->forced) {
			if (tui_confirm(t, _("A new password is required. Quit laurel?"))) {
				f->done = -1;
				t->quit = 1;
			}
			return 1;
		}
		if (!f->dirty || tui_confirm(t, _("Discard the changes?"))) {
			tui_pop(t);
			curs_set(0);
		}
		return 1;
	}
	t->need_redraw = 1;
	if (is_key) {
		switch (ch) {
		case KEY_UP:
			if (f->defs[cur].multiline)
				form_driver_w(f->form, KEY_CODE_YES, REQ_UP_CHAR);
			else
				form_driver_w(f->form, KEY_CODE_YES, REQ_PREV_FIELD);
			return 1;
		case KEY_DOWN:
			if (f->defs[cur].multiline)
				form_driver_w(f->form, KEY_CODE_YES, REQ_DOWN_CHAR);
			else
				form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_FIELD);
			return 1;
		case KEY_BTAB:
			form_driver_w(f->form, KEY_CODE_YES, REQ_PREV_FIELD);
			return 1;
		case KEY_LEFT:
			form_driver_w(f->form, KEY_CODE_YES, REQ_PREV_CHAR);
			return 1;
		case KEY_RIGHT:
			form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_CHAR);
			return 1;
		case KEY_HOME:
			form_driver_w(f->form, KEY_CODE_YES, REQ_BEG_FIELD);
			return 1;
		case KEY_END:
			form_driver_w(f->form, KEY_CODE_YES, REQ_END_FIELD);
			return 1;
		case KEY_BACKSPACE:
			form_driver_w(f->form, KEY_CODE_YES, REQ_DEL_PREV);
			f->dirty = 1;
			return 1;
		case KEY_DC:
			form_driver_w(f->form, KEY_CODE_YES, REQ_DEL_CHAR);
			f->dirty = 1;
			return 1;
		case KEY_ENTER:
			break;
		default:
			return ch != KEY_F(1);
		}
	}
	if (!is_key && ch == 21) { /* Ctrl-U clears the field */
		form_driver_w(f->form, KEY_CODE_YES, REQ_CLR_FIELD);
		f->dirty = 1;
		return 1;
	}
	if (!is_key && (ch == 127 || ch == 8)) {
		form_driver_w(f->form, KEY_CODE_YES, REQ_DEL_PREV);
		f->dirty = 1;
		return 1;
	}
	if (!is_key && ch == '\t') {
		form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_FIELD);
		return 1;
	}
	if ((is_key && ch == KEY_ENTER) || (!is_key && (ch == '\r' || ch == '\n'))) {
		if (f->defs[cur].titles) {
			choose_title(t, f, cur);
			return 1;
		}
		if (is_choice(&f->defs[cur])) {
			choose(t, f, cur);
			return 1;
		}
		if (f->defs[cur].multiline) {
			form_driver_w(f->form, KEY_CODE_YES, REQ_NEW_LINE);
			f->dirty = 1;
			return 1;
		}
		if (cur == f->n - 1)
			return key(t, s, KEY_F(10), 1);
		form_driver_w(f->form, KEY_CODE_YES, REQ_NEXT_FIELD);
		return 1;
	}
	if (!is_key && ch == ' ' && is_choice(&f->defs[cur])) {
		if (f->defs[cur].titles)
			choose_title(t, f, cur);
		else
			choose(t, f, cur);
		return 1;
	}
	if (!is_key && ch >= 32) {
		form_driver_w(f->form, OK, (wchar_t)ch);
		f->dirty = 1;
		return 1;
	}
	return 1;
}

static void close_form(struct screen *s)
{
	struct fstate *f = s->data;

	release(f);
	rdoc_free(f->doc);
	for (int i = 0; i < f->n; i++) {
		if (f->defs[i].value && f->defs[i].secret)
			memset(f->defs[i].value, 0, strlen(f->defs[i].value));
		free(f->defs[i].value);
	}
	free(f);
	curs_set(0);
}

static int dirty(struct screen *s)
{
	return ((struct fstate *)s->data)->dirty;
}

static const struct screen_ops form_ops = {
	"form", draw, key, NULL, close_form,
	N_("F10/Ctrl-S save  Esc cancel  Tab next field  Enter choose"), dirty,
	1, /* the form library keeps the fields drawn: do not erase */
};

/* ---- constructors ----------------------------------------------------- */

/* The text form of a prefilled value. */
static char *prefill_text(const msgpack_object *v)
{
	char buf[64];

	if (v == NULL)
		return NULL;
	if (v->type == MSGPACK_OBJECT_STR)
		return strndup(v->via.str.ptr, v->via.str.size);
	if (v->type == MSGPACK_OBJECT_POSITIVE_INTEGER) {
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)v->via.u64);
		return strdup(buf);
	}
	if (v->type == MSGPACK_OBJECT_BOOLEAN)
		return strdup(v->via.boolean ? "có" : "không");
	return NULL;
}

/* For whom the titles of a's "title" are: a unit's when the action names
 * a unit it acts on, either when it names a person or a unit, else the
 * author's own (a person's). */
static int title_subjects(const struct lrl_action *a)
{
	const struct lrl_param *unit = action_param(a, "unit", 4);
	const struct lrl_param *staff = action_param(a, "staff", 5);

	if (unit && (unit->flags & PF_REQ))
		return TITLES_UNIT;
	if (unit && staff)
		return TITLES_PERSON | TITLES_UNIT;
	return TITLES_PERSON;
}

struct screen *screen_form(struct tui *t, int action,
                           const msgpack_object *prefill)
{
	const struct lrl_action *a = &lrl_actions[action];
	struct screen *s = calloc(1, sizeof *s);
	struct fstate *f = calloc(1, sizeof *f);

	if (!s || !f) {
		free(s);
		free(f);
		return NULL;
	}
	f->action = action;
	snprintf(f->title, sizeof f->title, "%s", _(a->help));
	for (const struct lrl_param *p = a->params; p->name && f->n < FORM_MAX_FIELDS - 2; p++) {
		struct fdef *d;
		if (p->flags & PF_DERIVED || p->type == LRL_PT_ROWS ||
		    p->type == LRL_PT_DOC)
			continue;
		d = &f->defs[f->n++];
		snprintf(d->name, sizeof d->name, "%s", p->name);
		/* A period in years (the phase review) is not one in days. */
		snprintf(d->label, sizeof d->label, "%s",
		         tui_label(p->type == LRL_PT_INT && !strcmp(p->name, "from")
		                           ? "from-year"
		                   : p->type == LRL_PT_INT && !strcmp(p->name, "to")
		                           ? "to-year"
		                           : p->name));
		d->p = p;
		d->required = (p->flags & PF_REQ) != 0;
		d->multiline = p->type == LRL_PT_TEXT;
		if (t->year && p->type == LRL_PT_CODE && !strcmp(p->name, "title"))
			d->titles = title_subjects(a);
		d->value = prefill ? prefill_text(mp_map_get(prefill, p->name)) : NULL;
		if (d->value == NULL && t->year && !strcmp(p->name, "year")) {
			char y[16];
			snprintf(y, sizeof y, "%d", t->year);
			d->value = strdup(y);
		}
	}
	/* The cursor starts where input is wanted: the first empty field. */
	for (int i = 0; i < f->n; i++)
		if (f->defs[i].value == NULL || f->defs[i].value[0] == '\0') {
			f->current = i;
			break;
		}
	if (a->flags & AF_NEWPASS) {
		f->newpass = 1;
		snprintf(f->defs[f->n].name, sizeof f->defs[0].name, "password");
		snprintf(f->defs[f->n].label, sizeof f->defs[0].label, "%s",
		         _("Temporary password"));
		f->defs[f->n].required = 1;
		f->defs[f->n++].secret = 1;
		snprintf(f->defs[f->n].name, sizeof f->defs[0].name, "password2");
		snprintf(f->defs[f->n].label, sizeof f->defs[0].label, "%s",
		         _("Again"));
		f->defs[f->n].required = 1;
		f->defs[f->n++].secret = 1;
	}
	s->ops = &form_ops;
	s->data = f;
	snprintf(s->title, sizeof s->title, "%s", a->name);
	return s;
}

struct screen *screen_passwd(struct tui *t, int forced)
{
	struct screen *s = calloc(1, sizeof *s);
	struct fstate *f = calloc(1, sizeof *f);

	if (!s || !f) {
		free(s);
		free(f);
		return NULL;
	}
	f->action = -1;
	f->forced = forced;
	snprintf(f->title, sizeof f->title, "%s",
	         forced ? _("Choose a new password before you continue "
	                    "(12 to 128 characters)")
	                : _("Change your password (12 to 128 characters)"));
	snprintf(f->defs[0].name, sizeof f->defs[0].name, "password");
	snprintf(f->defs[0].label, sizeof f->defs[0].label, "%s", _("New password"));
	f->defs[0].required = f->defs[0].secret = 1;
	snprintf(f->defs[1].name, sizeof f->defs[1].name, "password2");
	snprintf(f->defs[1].label, sizeof f->defs[1].label, "%s", _("Again"));
	f->defs[1].required = f->defs[1].secret = 1;
	f->n = 2;
	s->ops = &form_ops;
	s->data = f;
	(void)t;
	return s;
}

/* Runs a forced password change as the only screen; 0 when changed. */
int form_forced_passwd(struct tui *t);
int form_forced_passwd(struct tui *t)
{
	struct screen *s = screen_passwd(t, 1);
	struct fstate *f;
	int rc;

	if (s == NULL)
		return -1;
	f = s->data;
	tui_push(t, s);
	while (!f->done && !t->quit) {
		int is_key, ch;
		tui_redraw(t);
		ch = tui_getkey(t, &is_key);
		if (t->quit)
			break;
		if (!(is_key && ch == KEY_F(1)))
			key(t, s, ch, is_key);
	}
	rc = f->done == 1 ? 0 : -1;
	tui_pop(t);
	if (t->depth == 1 && tui_top(t) == s) {
		t->depth = 0;
		close_form(s);
		free(s);
	}
	return rc;
}
