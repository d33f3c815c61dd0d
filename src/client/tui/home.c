/*
 * home.c — the home screen, tailored to the user's roles: who you are,
 * open deadlines, your own items, work waiting for you, and for heads and
 * administrators a bar per unit.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/tui_int.h"

struct home {
	char staff[32];
	char unit[256];
	struct {
		char code[32];
		char name[256];
		unsigned long staff, accounts;
	} units[64];
	int nunits;
};

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
	tui_put(w, y++, 4, _("No open deadlines: the emulation year has not been opened."),
	        wd - 6);
	y++;
	wattron(w, tui_attr(t, TA_HEADER));
	tui_put(w, y++, 2, _("Waiting for you"), wd - 4);
	wattroff(w, tui_attr(t, TA_HEADER));
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
