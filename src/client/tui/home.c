/*
 * home.c — the home screen, tailored to the user's roles: who you are,
 * open deadlines, your own items, work waiting for you, and for heads and
 * administrators a bar per unit.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "laurel/date.h"
#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/tui_int.h"

/* How many overdue plan tasks the home screen names. */
#define HOME_LATE_MAX 3
/* Pledges named under "Waiting for you", per kind of work. */
#define HOME_WAITING 3

struct home {
	char staff[32];
	char unit[256];
	int32_t deadline[4]; /* the year's dates (days), 0 when unset */
	char pledge_state[32];  /* the user's own pledge, "" when none */
	size_t to_endorse, to_accept;
	/* Council rounds: candidates waiting for the member's score or
	 * ballot. */
	size_t to_council;
	/* For the director: draft decisions to sign, and how many of them
	 * are still in their complaint window. */
	size_t to_sign, in_window;
	/* For administrators: the year's overdue plan tasks, the first few. */
	size_t overdue;
	struct {
		char code[32];
		char due[16];
		char lead[32];
		char content[256];
	} late[HOME_LATE_MAX];
	/* The first of them, as the home lists them: "NV00045 Nguyễn Thanh
	 * Hải — LDTT". */
	char endorse[HOME_WAITING][192], accept[HOME_WAITING][192];
	/* For administrators and the director: what the exemplar work of
	 * the year lacks (exemplar.warnings), as lines ready to show; the
	 * units short of the targets are counted, the first few named. */
	char ex_lines[4][256];
	int nex_lines;
	size_t units_short;
	char short_units[HOME_LATE_MAX][192];
	struct {
		char code[32];
		char name[256];
		unsigned long staff, accounts;
	} units[64];
	int nunits;
};

/* The start of a str object that fits in buf (size n), cut between
 * characters. */
static void copy_start(const msgpack_object *o, char *buf, size_t n)
{
	const char *s;
	size_t len;

	buf[0] = '\0';
	if (mp_get_str(o, &s, &len) != 0)
		return;
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
}

/* The year's draft decisions, for the director who signs them: those
 * drafted or published (a published one is in its complaint window or
 * past it). */
static void load_drafts(struct tui *t, struct home *h)
{
	static const char *const states[] = {"draft", "published"};

	h->to_sign = h->in_window = 0;
	for (size_t k = 0; k < 2; k++) {
		struct lrl_reply *r = NULL;
		const msgpack_object *rows;
		mp_buf p;

		mp_buf_init(&p);
		msgpack_pack_map(&p.pk, 2);
		mp_pack_kv_int(&p.pk, "year", t->year);
		mp_pack_kv_str(&p.pk, "state", states[k]);
		if (tui_call(t, "decision.list", p.sb.data, p.sb.size, &r) == 0 &&
		    (rows = mp_map_get(r->body, "rows")) != NULL &&
		    rows->type == MSGPACK_OBJECT_ARRAY) {
			h->to_sign += rows->via.array.size;
			if (k == 1)
				h->in_window = rows->via.array.size;
		}
		lrl_reply_free(r);
		mp_buf_free(&p);
	}
}

/* The open year's overdue plan tasks (task.list puts them first). */
static void load_overdue(struct tui *t, struct home *h)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	mp_buf p;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 2);
	mp_pack_kv_int(&p.pk, "year", t->year);
	mp_pack_str(&p.pk, "overdue");
	msgpack_pack_true(&p.pk);
	if (tui_call(t, "task.list", p.sb.data, p.sb.size, &r) == 0 &&
	    (rows = mp_map_get(r->body, "rows")) != NULL &&
	    rows->type == MSGPACK_OBJECT_ARRAY) {
		h->overdue = rows->via.array.size;
		for (uint32_t i = 0; i < rows->via.array.size && i < HOME_LATE_MAX;
		     i++) {
			const msgpack_object *row = &rows->via.array.ptr[i];
			if (row->type != MSGPACK_OBJECT_ARRAY || row->via.array.size < 5)
				continue;
			mp_get_strbuf(&row->via.array.ptr[0], h->late[i].code,
			              sizeof h->late[i].code);
			copy_start(&row->via.array.ptr[1], h->late[i].content,
			           sizeof h->late[i].content);
			mp_get_strbuf(&row->via.array.ptr[2], h->late[i].lead,
			              sizeof h->late[i].lead);
			mp_get_strbuf(&row->via.array.ptr[4], h->late[i].due,
			              sizeof h->late[i].due);
		}
	}
	lrl_reply_free(r);
	mp_buf_free(&p);
}

/* The year's exemplar warnings, computed by the server on its own date
 * (a pinned clock decides "today" as it does for every handler). */
static void load_exemplar_warnings(struct tui *t, struct home *h)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	mp_buf p;

	h->nex_lines = 0;
	h->units_short = 0;
	if (action_scope(&lrl_actions[LRL_A_EXEMPLAR_WARNINGS], t->role_bits) ==
	    LRL_SC_N)
		return;
	/* The year under way when it is open, not the next one opened early
	 * for registration: its targets are the ones to meet now. */
	{
		int y, m, d;
		date_to_ymd(date_of_time((int64_t)time(NULL)), &y, &m, &d);
		if (y < t->year) {
			mp_buf_init(&p);
			msgpack_pack_map(&p.pk, 1);
			mp_pack_kv_int(&p.pk, "year", y);
			if (lrl_call(t->conn, "exemplar.warnings", p.sb.data,
			             p.sb.size, &r) != 0 ||
			    r->code != 0) {
				lrl_reply_free(r);
				r = NULL;
			}
			mp_buf_free(&p);
		}
	}
	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 1);
	mp_pack_kv_int(&p.pk, "year", t->year);
	if ((r != NULL ||
	     tui_call(t, "exemplar.warnings", p.sb.data, p.sb.size, &r) == 0) &&
	    (rows = mp_map_get(r->body, "rows")) != NULL &&
	    rows->type == MSGPACK_OBJECT_ARRAY) {
		for (uint32_t i = 0; i < rows->via.array.size; i++) {
			const msgpack_object *row = &rows->via.array.ptr[i];
			char what[32] = "", subject[64] = "", date[16] = "";
			int64_t ms = 0, cs = 0, is = 0;
			char *line;
			if (row->type != MSGPACK_OBJECT_ARRAY || row->via.array.size < 6)
				continue;
			mp_get_strbuf(&row->via.array.ptr[0], what, sizeof what);
			mp_get_strbuf(&row->via.array.ptr[1], subject, sizeof subject);
			mp_get_i64(&row->via.array.ptr[2], &ms);
			mp_get_i64(&row->via.array.ptr[3], &cs);
			mp_get_i64(&row->via.array.ptr[4], &is);
			mp_get_strbuf(&row->via.array.ptr[5], date, sizeof date);
			if (!strcmp(what, "unit-short")) {
				if (h->units_short < HOME_LATE_MAX)
					snprintf(h->short_units[h->units_short],
					         sizeof h->short_units[0],
					         _("%s: %lld model, %lld collective, "
					           "%lld individual short"),
					         subject, (long long)ms, (long long)cs,
					         (long long)is);
				h->units_short++;
				continue;
			}
			if (h->nex_lines == 4)
				continue;
			line = h->ex_lines[h->nex_lines++];
			if (!strcmp(what, "submission-due"))
				snprintf(line, 256, _("Monthly exemplar %s not sent "
				                      "yet: due before %s"),
				         subject, date);
			else if (!strcmp(what, "submission-late"))
				snprintf(line, 256, _("Monthly exemplar %s is late: "
				                      "due before %s"),
				         subject, date);
			else if (!strcmp(what, "cluster-short"))
				snprintf(line, 256, _("Emulation cluster %s: %lld "
				                      "collective, %lld individual "
				                      "still to introduce"),
				         subject, (long long)cs, (long long)is);
			else if (!strcmp(what, "no-ceremony"))
				snprintf(line, 256, _("No honouring event in %s"),
				         subject);
			else
				h->nex_lines--;
		}
	}
	lrl_reply_free(r);
	mp_buf_free(&p);
}

static void load_home(struct tui *t, struct home *h)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rec, *rows;
	mp_buf p;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 0);
	if (tui_call(t, "session.whoami", p.sb.data, p.sb.size, &r) == 0 &&
	    (rec = mp_map_get(r->body, "record")) != NULL) {
		mp_get_strbuf(mp_map_get(rec, "staff"), h->staff, sizeof h->staff);
		mp_get_strbuf(mp_map_get(rec, "unit"), h->unit, sizeof h->unit);
	}
	lrl_reply_free(r);
	r = NULL;
	memset(h->deadline, 0, sizeof h->deadline);
	h->pledge_state[0] = '\0';
	h->to_endorse = h->to_accept = 0;
	h->overdue = 0;
	memset(h->late, 0, sizeof h->late);
	if (t->year) {
		static const char *const keys[] = {"registration", "six-month-report",
		                                   "annual-report", "ratings"};
		mp_buf y;
		const msgpack_object *prow;
		mp_buf_init(&y);
		msgpack_pack_map(&y.pk, 1);
		mp_pack_kv_int(&y.pk, "year", t->year);
		if (tui_call(t, "year.show", y.sb.data, y.sb.size, &r) == 0 &&
		    (rec = mp_map_get(r->body, "record")) != NULL)
			for (int i = 0; i < 4; i++) {
				char d[16] = "";
				int32_t days;
				mp_get_strbuf(mp_map_get(rec, keys[i]), d, sizeof d);
				if (d[0] && date_parse(d, &days) == 0)
					h->deadline[i] = days;
			}
		lrl_reply_free(r);
		r = NULL;
		if (tui_call(t, "pledge.list", y.sb.data, y.sb.size, &r) == 0 &&
		    (prow = mp_map_get(r->body, "rows")) != NULL &&
		    prow->type == MSGPACK_OBJECT_ARRAY) {
			for (uint32_t i = 0; i < prow->via.array.size; i++) {
				const msgpack_object *row = &prow->via.array.ptr[i];
				char code[32] = "", st[32] = "", name[128] = "", title[32] = "";
				char(*slot)[192] = NULL;
				if (row->type != MSGPACK_OBJECT_ARRAY || row->via.array.size < 5)
					continue;
				mp_get_strbuf(&row->via.array.ptr[0], code, sizeof code);
				mp_get_strbuf(&row->via.array.ptr[1], name, sizeof name);
				mp_get_strbuf(&row->via.array.ptr[3], title, sizeof title);
				mp_get_strbuf(&row->via.array.ptr[4], st, sizeof st);
				if (h->staff[0] && !strcmp(code, h->staff))
					snprintf(h->pledge_state, sizeof h->pledge_state, "%s", st);
				else if (!strcmp(st, "submitted")) {
					if (h->to_endorse < HOME_WAITING)
						slot = &h->endorse[h->to_endorse];
					h->to_endorse++;
				} else if (!strcmp(st, "endorsed")) {
					if (h->to_accept < HOME_WAITING)
						slot = &h->accept[h->to_accept];
					h->to_accept++;
				}
				if (slot)
					snprintf(*slot, sizeof *slot, "%s %s — %s", code, name, title);
			}
		}
		lrl_reply_free(r);
		r = NULL;
		mp_buf_free(&y);
		if (t->role_bits & (1u << LRL_ROLE_ADMIN))
			load_overdue(t, h);
		if (t->role_bits & (1u << LRL_ROLE_DIRECTOR))
			load_drafts(t, h);
		load_exemplar_warnings(t, h);
	}
	h->to_council = 0;
	if (action_scope(&lrl_actions[LRL_A_ROUND_CANDIDATES], t->role_bits) !=
	        LRL_SC_N &&
	    tui_call(t, "round.candidates", p.sb.data, p.sb.size, &r) == 0 &&
	    (rows = mp_map_get(r->body, "rows")) != NULL &&
	    rows->type == MSGPACK_OBJECT_ARRAY) {
		for (uint32_t i = 0; i < rows->via.array.size; i++) {
			const msgpack_object *row = &rows->via.array.ptr[i];
			char st[16] = "";
			if (row->type == MSGPACK_OBJECT_ARRAY && row->via.array.size > 7)
				mp_get_strbuf(&row->via.array.ptr[7], st, sizeof st);
			h->to_council += !strcmp(st, "waiting");
		}
	}
	lrl_reply_free(r);
	r = NULL;
	h->nunits = 0;
	if (action_scope(&lrl_actions[LRL_A_UNIT_STATS], t->role_bits) != LRL_SC_N &&
	    tui_call(t, "unit.stats", p.sb.data, p.sb.size, &r) == 0 &&
	    (rows = mp_map_get(r->body, "rows")) != NULL &&
	    rows->type == MSGPACK_OBJECT_ARRAY) {
		for (uint32_t i = 0; i < rows->via.array.size && h->nunits < 64; i++) {
			const msgpack_object *row = &rows->via.array.ptr[i];
			uint64_t n = 0, a = 0;
			if (row->type != MSGPACK_OBJECT_ARRAY || row->via.array.size != 4)
				continue;
			mp_get_strbuf(&row->via.array.ptr[0], h->units[h->nunits].code,
			              sizeof h->units[0].code);
			mp_get_strbuf(&row->via.array.ptr[1], h->units[h->nunits].name,
			              sizeof h->units[0].name);
			mp_get_u64(&row->via.array.ptr[2], &n);
			mp_get_u64(&row->via.array.ptr[3], &a);
			h->units[h->nunits].staff = n;
			h->units[h->nunits].accounts = a;
			h->nunits++;
		}
	}
	lrl_reply_free(r);
	mp_buf_free(&p);
}

/* Names the first of n waiting pledges under their count, "…" for the
 * rest; returns the next line. */
static int draw_waiting(WINDOW *w, int y, int ht, char (*names)[192], size_t n)
{
	int wd = getmaxx(w);

	for (size_t i = 0; i < n && i < HOME_WAITING && y < ht - 1; i++)
		tui_put(w, y++, 6, names[i], wd - 8);
	if (n > HOME_WAITING && y < ht - 1)
		tui_put(w, y++, 6, "…", wd - 8);
	return y;
}

static void draw_home(struct tui *t, struct screen *s, WINDOW *w)
{
	struct home *h = s->data;
	int wd = getmaxx(w), ht = getmaxy(w), y = 1;
	char buf[1600];

	wattron(w, A_BOLD);
	snprintf(buf, sizeof buf, _("Hello, %s"), t->full_name);
	tui_put(w, y++, 2, buf, wd - 4);
	wattroff(w, A_BOLD);
	snprintf(buf, sizeof buf, "%s: %s", _("Roles"), t->roles_shown);
	tui_put(w, y++, 2, buf, wd - 4);
	if (h->staff[0]) {
		snprintf(buf, sizeof buf, _("Your staff record: %s — %s"), h->staff,
		         h->unit);
		tui_put(w, y++, 2, buf, wd - 4);
	}
	y++;
	wattron(w, tui_attr(t, TA_HEADER));
	tui_put(w, y++, 2, _("Deadlines"), wd - 4);
	wattroff(w, tui_attr(t, TA_HEADER));
	if (!t->year) {
		tui_put(w, y++, 4,
		        _("No open deadlines: the emulation year has not been opened."),
		        wd - 6);
	} else {
		static const char *const what[] = {
			N_("Registration (đăng ký thi đua)"), N_("Six-month report"),
			N_("Annual report"), N_("Ratings")};
		int32_t today = date_of_time((int64_t)time(NULL));
		int any = 0;
		for (int i = 0; i < 4; i++) {
			char d[16], line[256];
			long left = (long)h->deadline[i] - today;
			if (!h->deadline[i] || left < 0)
				continue;
			date_format(h->deadline[i], d, sizeof d);
			snprintf(line, sizeof line, _("%d · %s: %s (%ld days left)"),
			         t->year, _(what[i]), d, left);
			tui_put(w, y++, 4, line, wd - 6);
			any = 1;
		}
		if (!any)
			tui_put(w, y++, 4, _("No open deadlines."), wd - 6);
	}
	if (t->year && h->staff[0]) {
		char line[256];
		snprintf(line, sizeof line, _("Your pledge for %d: %s"), t->year,
		         h->pledge_state[0] ? tui_value("state", h->pledge_state)
		                            : _("not submitted"));
		tui_put(w, y++, 4, line, wd - 6);
	}
	y++;
	wattron(w, tui_attr(t, TA_HEADER));
	tui_put(w, y++, 2, _("Waiting for you"), wd - 4);
	wattroff(w, tui_attr(t, TA_HEADER));
	if ((t->role_bits & (1u << LRL_ROLE_HEAD)) && h->to_endorse) {
		snprintf(buf, sizeof buf, _("%zu pledges to endorse (Pledges)"),
		         h->to_endorse);
		tui_put(w, y++, 4, buf, wd - 6);
		y = draw_waiting(w, y, ht, h->endorse, h->to_endorse);
	}
	if ((t->role_bits & (1u << LRL_ROLE_ADMIN)) && h->to_accept) {
		snprintf(buf, sizeof buf, _("%zu endorsed pledges to accept (Pledges)"),
		         h->to_accept);
		tui_put(w, y++, 4, buf, wd - 6);
		y = draw_waiting(w, y, ht, h->accept, h->to_accept);
	}
	if (h->to_council) {
		snprintf(buf, sizeof buf,
		         _("%zu candidates waiting for your score or vote "
		           "(Candidates to score)"),
		         h->to_council);
		tui_put(w, y++, 4, buf, wd - 6);
	}
	if (h->to_sign) {
		snprintf(buf, sizeof buf,
		         _("Draft decisions to sign: %zu, of which %zu published "
		           "to staff (Decisions)"),
		         h->to_sign, h->in_window);
		tui_put(w, y++, 4, buf, wd - 6);
	}
	if (h->overdue) {
		snprintf(buf, sizeof buf, _("Plan tasks overdue: %zu (Plan tasks)"),
		         h->overdue);
		tui_put(w, y++, 4, buf, wd - 6);
		for (size_t i = 0; i < h->overdue && i < HOME_LATE_MAX; i++) {
			snprintf(buf, sizeof buf, _("%s · due %s · %s · %s"),
			         h->late[i].code, h->late[i].due, h->late[i].lead,
			         h->late[i].content);
			tui_put(w, y++, 6, buf, wd - 8);
		}
	}
	for (int i = 0; i < h->nex_lines && y < ht - 1; i++)
		tui_put(w, y++, 4, h->ex_lines[i], wd - 6);
	if (h->units_short && y < ht - 1) {
		snprintf(buf, sizeof buf,
		         _("Units short of the targets: %zu (Exemplar "
		           "targets)"),
		         h->units_short);
		tui_put(w, y++, 4, buf, wd - 6);
		for (size_t i = 0; i < h->units_short && i < HOME_LATE_MAX &&
		                   y < ht - 1;
		     i++)
			tui_put(w, y++, 6, h->short_units[i], wd - 8);
	}
	if (!(((t->role_bits & (1u << LRL_ROLE_HEAD)) && h->to_endorse) ||
	      ((t->role_bits & (1u << LRL_ROLE_ADMIN)) && h->to_accept) ||
	      h->overdue || h->nex_lines || h->units_short || h->to_council ||
	      h->to_sign))
		tui_put(w, y++, 4, _("Nothing is waiting for you."), wd - 6);
	if (h->nunits > 0 && y + 3 < ht) {
		int namew = wd > 80 ? 34 : 22, barw = wd - namew - 20;
		y++;
		wattron(w, tui_attr(t, TA_HEADER));
		tui_put(w, y++, 2, _("Accounts per unit (staff with a login)"), wd - 4);
		wattroff(w, tui_attr(t, TA_HEADER));
		for (int i = 0; i < h->nunits && y < ht - 1; i++, y++) {
			unsigned long n = h->units[i].staff, a = h->units[i].accounts;
			int fill = n && barw > 0 ? (int)((unsigned long)barw * a / n) : 0;
			char bar[512] = "";
			size_t off = 0;
			tui_put(w, y, 4, h->units[i].name, namew);
			for (int k = 0; k < barw && off + 4 < sizeof bar; k++)
				off += (size_t)snprintf(bar + off, sizeof bar - off, "%s",
				                        k < fill ? "█" : "░");
			tui_put(w, y, 5 + namew, bar, barw);
			snprintf(buf, sizeof buf, "%lu/%lu", a, n);
			tui_put(w, y, 6 + namew + barw, buf, 12);
		}
	}
}

static int home_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	(void)s;
	if (is_key)
		return 0;
	if (ch == 'p') {
		tui_push(t, screen_passwd(t, 0));
		return 1;
	}
	if (ch == 'L') {
		const char *items[] = {"Tiếng Việt", "English"};
		int sel = tui_choose(t, _("Language"), items, 2,
		                     strcmp(t->language, "en") == 0);
		if (sel >= 0) {
			mp_buf p;
			struct lrl_reply *r = NULL;
			mp_buf_init(&p);
			msgpack_pack_map(&p.pk, 1);
			mp_pack_kv_str(&p.pk, "language", sel ? "en" : "vi");
			if (tui_call(t, "user.lang", p.sb.data, p.sb.size, &r) == 0) {
				snprintf(t->language, sizeof t->language, "%s",
				         sel ? "en" : "vi");
				setenv("LANGUAGE", t->language, 1);
				setlocale(LC_MESSAGES, "");
				tui_message(t, 0, "%s", _("Language changed."));
			}
			lrl_reply_free(r);
			mp_buf_free(&p);
		}
		return 1;
	}
	return 0;
}

static void home_reload(struct tui *t, struct screen *s)
{
	load_home(t, s->data);
}

static void home_close(struct screen *s)
{
	free(s->data);
}

static const struct screen_ops home_ops = {
	"home", draw_home, home_key, home_reload, home_close,
	N_("Tab menu  p change password  L language"), NULL, 0,
};

struct screen *screen_home(struct tui *t)
{
	struct screen *s = calloc(1, sizeof *s);
	struct home *h = calloc(1, sizeof *h);

	if (!s || !h) {
		free(s);
		free(h);
		return NULL;
	}
	s->ops = &home_ops;
	s->data = h;
	snprintf(s->title, sizeof s->title, "%s", _("Home"));
	load_home(t, h);
	return s;
}
