/*
 * council.c — the council's screens: "Candidates to score" (what waits
 * for a member, with progress; the dossier, the scoring form with its
 * running weighted total, the secret ballot, a conflict), and "Council
 * rounds" (attendance, progress, close; after the close the results and
 * the minutes).  The generic list and form cannot show a running total
 * or seal a ballot from a row, hence screens of their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/mp.h"
#include "laurel/tui_int.h"

#define CAND_MAX 400
#define CRIT_MAX 12
#define CTRL_S 19

/* ---- a table of rows ------------------------------------------------------ */

struct table {
	char (*cell)[9][192];
	int n, sel, top;
};

/* Loads action's rows (at most 9 cells each) with the params map p. */
static int table_load(struct tui *t, struct table *tb, const char *action,
                      const mp_buf *p)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rows;
	char keep[400] = "";

	if (tb->n > 0 && tb->sel < tb->n)
		snprintf(keep, sizeof keep, "%s/%s", tb->cell[tb->sel][0],
		         tb->cell[tb->sel][1]);
	tb->n = 0;
	if (tb->cell == NULL &&
	    (tb->cell = calloc(CAND_MAX, sizeof *tb->cell)) == NULL)
		return -1;
	if (tui_call(t, action, p->sb.data, p->sb.size, &r) != 0) {
		lrl_reply_free(r);
		return -1;
	}
	rows = mp_map_get(r->body, "rows");
	for (uint32_t i = 0; rows && rows->type == MSGPACK_OBJECT_ARRAY &&
	                     i < rows->via.array.size && tb->n < CAND_MAX;
	     i++) {
		const msgpack_object *row = &rows->via.array.ptr[i];
		char both[400];
		if (row->type != MSGPACK_OBJECT_ARRAY)
			continue;
		for (uint32_t c = 0; c < row->via.array.size && c < 9; c++) {
			const msgpack_object *o = &row->via.array.ptr[c];
			int64_t v;
			if (mp_get_strbuf(o, tb->cell[tb->n][c], 192) != 0) {
				tb->cell[tb->n][c][0] = '\0';
				if (mp_get_i64(o, &v) == 0)
					snprintf(tb->cell[tb->n][c], 192,
					         "%lld", (long long)v);
			}
		}
		snprintf(both, sizeof both, "%s/%s", tb->cell[tb->n][0],
		         tb->cell[tb->n][1]);
		if (keep[0] && !strcmp(both, keep))
			tb->sel = tb->n;
		tb->n++;
	}
	if (tb->sel >= tb->n)
		tb->sel = tb->n ? tb->n - 1 : 0;
	lrl_reply_free(r);
	return 0;
}

/* Up, down, page keys; 1 when taken. */
static int table_move(struct table *tb, int ch, int is_key)
{
	if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k')) {
		if (tb->sel > 0)
			tb->sel--;
	} else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j')) {
		if (tb->sel + 1 < tb->n)
			tb->sel++;
	} else if (is_key && ch == KEY_HOME) {
		tb->sel = 0;
	} else if (is_key && ch == KEY_END) {
		tb->sel = tb->n ? tb->n - 1 : 0;
	} else {
		return 0;
	}
	return 1;
}

struct col {
	int cell;           /* index in the row */
	const char *label;  /* msgid */
	int width;          /* 0: the rest */
	int enumerated;     /* 1: shown through tui_value; 2: a progress */
	const char *column; /* its column name, for tui_value */
};

/* The server's progress ("3 of 6 scored, 2 of 6 voted") in the user's
 * language; other text as it is. */
static const char *progress_shown(const char *raw, char *out, size_t n)
{
	char part[64];
	const char *p = raw;
	size_t o = 0;

	out[0] = '\0';
	while (*p && o < n) {
		size_t len = strcspn(p, ",");
		int done, due;
		char word[16];
		snprintf(part, sizeof part, "%.*s", (int)len, p);
		if (sscanf(part, " %d of %d %15s", &done, &due, word) != 3 ||
		    (strcmp(word, "scored") && strcmp(word, "voted")))
			return raw;
		o += (size_t)snprintf(out + o, n - o, "%s", o ? ", " : "");
		if (o < n)
			o += (size_t)snprintf(out + o, n - o,
			                      !strcmp(word, "scored")
			                              ? _("%d of %d scored")
			                              : _("%d of %d voted"),
			                      done, due);
		p += len;
		if (*p == ',')
			p++;
	}
	return out;
}

static void table_draw(struct tui *t, WINDOW *w, struct table *tb, int y0,
                       const struct col *cols, int ncols)
{
	int h, wd, body;

	getmaxyx(w, h, wd);
	body = h - y0 - 1;
	if (body < 1)
		return;
	if (tb->sel < tb->top)
		tb->top = tb->sel;
	if (tb->sel >= tb->top + body)
		tb->top = tb->sel - body + 1;
	wattron(w, tui_attr(t, TA_HEADER));
	for (int c = 0, x = 1; c < ncols; c++) {
		int cw = cols[c].width ? cols[c].width : wd - x - 1;
		if (cw > 0)
			tui_put(w, y0, x, _(cols[c].label), cw);
		x += cw + 1;
	}
	wattroff(w, tui_attr(t, TA_HEADER));
	for (int i = tb->top; i < tb->n && i < tb->top + body; i++) {
		int y = y0 + 1 + i - tb->top;
		if (i == tb->sel)
			wattron(w, tui_attr(t, TA_SELECTED));
		for (int c = 0, x = 1; c < ncols; c++) {
			int cw = cols[c].width ? cols[c].width : wd - x - 1;
			const char *v = tb->cell[i][cols[c].cell];
			char shown[256];
			if (cols[c].enumerated == 2)
				v = progress_shown(v, shown, sizeof shown);
			else if (cols[c].enumerated && v[0])
				v = tui_value(cols[c].column, v);
			if (cw > 0)
				tui_put(w, y, x, v, cw);
			x += cw + 1;
		}
		if (i == tb->sel)
			wattroff(w, tui_attr(t, TA_SELECTED));
	}
}

static void pack_round(mp_buf *b, const char *round)
{
	msgpack_pack_map(&b->pk, 1);
	mp_pack_kv_int(&b->pk, "round", strtoll(round, NULL, 10));
}

/* ---- the scoring form ---------------------------------------------------- */

struct score {
	char round[16], code[32], name[256], title[32];
	char crit[CRIT_MAX][256];
	int weight[CRIT_MAX], max[CRIT_MAX], nos[CRIT_MAX];
	char val[CRIT_MAX][8]; /* "" unscored, "-" no score, digits */
	int n, cur, dirty;
};

static void score_load(struct tui *t, struct score *sc)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rec, *cr, *scale;
	char points[128] = "";
	mp_buf b;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 2);
	mp_pack_kv_int(&b.pk, "round", strtoll(sc->round, NULL, 10));
	mp_pack_kv_str(&b.pk, "nomination", sc->code);
	sc->n = 0;
	if (tui_call(t, "score.show", b.sb.data, b.sb.size, &r) == 0 &&
	    (rec = mp_map_get(r->body, "record")) != NULL) {
		mp_get_strbuf(mp_map_get(rec, "name"), sc->name,
		              sizeof sc->name);
		mp_get_strbuf(mp_map_get(rec, "title"), sc->title,
		              sizeof sc->title);
		mp_get_strbuf(mp_map_get(rec, "points"), points, sizeof points);
		cr = mp_map_get(rec, "criteria");
		scale = mp_map_get(rec, "scale");
		for (uint32_t i = 0;
		     cr && scale && i < cr->via.array.size &&
		     i < scale->via.array.size && sc->n < CRIT_MAX;
		     i++) {
			char s[32] = "", *colon;
			mp_get_strbuf(&cr->via.array.ptr[i], sc->crit[sc->n],
			              256);
			/* "name (×3, 0–10): 8" — the name is before " (×". */
			if ((colon = strstr(sc->crit[sc->n], " (×")) != NULL)
				*colon = '\0';
			mp_get_strbuf(&scale->via.array.ptr[i], s, sizeof s);
			sscanf(s, "%d×%d", &sc->weight[sc->n], &sc->max[sc->n]);
			sc->nos[sc->n] = s[0] && s[strlen(s) - 1] == '-';
			sc->val[sc->n][0] = '\0';
			sc->n++;
		}
		/* The member's points so far. */
		{
			char *save = NULL, *tok;
			int i = 0;
			for (tok = strtok_r(points, ",", &save);
			     tok && i < sc->n;
			     tok = strtok_r(NULL, ",", &save), i++)
				snprintf(sc->val[i], sizeof sc->val[i], "%s",
				         tok);
		}
	}
	lrl_reply_free(r);
	mp_buf_free(&b);
}

/* The running weighted total, and whether every criterion is filled. */
static long score_total(const struct score *sc, long *max, int *complete)
{
	long total = 0;

	*max = 0;
	*complete = 1;
	for (int i = 0; i < sc->n; i++) {
		*max += (long)sc->weight[i] * sc->max[i];
		if (sc->val[i][0] == '\0')
			*complete = 0;
		else if (sc->val[i][0] != '-')
			total += (long)sc->weight[i] * atol(sc->val[i]);
	}
	return total;
}

static void score_draw(struct tui *t, struct screen *s, WINDOW *w)
{
	struct score *sc = s->data;
	char buf[512];
	long max, total;
	int complete, wd = getmaxx(w), y = 1;

	snprintf(buf, sizeof buf, "%s · %s · %s", sc->code, sc->title,
	         sc->name);
	wattron(w, tui_attr(t, TA_HEADER));
	tui_put(w, y++, 1, buf, wd - 2);
	wattroff(w, tui_attr(t, TA_HEADER));
	y++;
	for (int i = 0; i < sc->n; i++, y++) {
		snprintf(buf, sizeof buf, "%s (×%d, 0–%d%s)", sc->crit[i],
		         sc->weight[i], sc->max[i],
		         sc->nos[i] ? _(", - no score") : "");
		tui_put(w, y, 2, buf, wd - 16);
		wattron(w, tui_attr(t, i == sc->cur ? TA_SELECTED : TA_FIELD));
		tui_put(w, y, wd - 12, sc->val[i], 6);
		wattroff(w, tui_attr(t, i == sc->cur ? TA_SELECTED : TA_FIELD));
	}
	total = score_total(sc, &max, &complete);
	y++;
	snprintf(buf, sizeof buf, _("Weighted total: %ld of %ld%s"), total, max,
	         complete ? "" : _(" (not every criterion scored)"));
	wattron(w, tui_attr(t, TA_OK));
	tui_put(w, y, 2, buf, wd - 4);
	wattroff(w, tui_attr(t, TA_OK));
}

static int score_save(struct tui *t, struct score *sc)
{
	struct lrl_reply *r = NULL;
	char points[128] = "", msg[512];
	mp_buf b;
	int rc;

	for (int i = 0; i < sc->n; i++) {
		if (sc->val[i][0] == '\0') {
			sc->cur = i;
			tui_message(t, 1, _("%s: give its points"),
			            sc->crit[i]);
			return -1;
		}
		strncat(points, i ? "," : "",
		        sizeof points - strlen(points) - 1);
		strncat(points, sc->val[i], sizeof points - strlen(points) - 1);
	}
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	mp_pack_kv_int(&b.pk, "round", strtoll(sc->round, NULL, 10));
	mp_pack_kv_str(&b.pk, "nomination", sc->code);
	mp_pack_kv_str(&b.pk, "points", points);
	rc = tui_call(t, "score.set", b.sb.data, b.sb.size, &r);
	if (rc == 0) {
		lrl_reply_text(r, msg, sizeof msg);
		tui_message(t, 0, "%s", msg);
		sc->dirty = 0;
		tui_changed(t);
	}
	lrl_reply_free(r);
	mp_buf_free(&b);
	return rc;
}

static int score_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct score *sc = s->data;
	char *v = sc->n ? sc->val[sc->cur] : NULL;

	if (v == NULL)
		return 0;
	if ((is_key && (ch == KEY_UP || ch == KEY_BTAB)) ||
	    (!is_key && ch == 'k')) {
		if (sc->cur > 0)
			sc->cur--;
	} else if ((is_key && ch == KEY_DOWN) ||
	           (!is_key &&
	            (ch == '\t' || ch == 'j' || ch == '\r' || ch == '\n'))) {
		if (sc->cur + 1 < sc->n)
			sc->cur++;
	} else if ((is_key && ch == KEY_F(10)) || (!is_key && ch == CTRL_S)) {
		if (score_save(t, sc) == 0)
			tui_pop(t);
	} else if (!is_key && ch >= '0' && ch <= '9') {
		char next[8];
		snprintf(next, sizeof next, "%s%c", v[0] == '-' ? "" : v, ch);
		if (atoi(next) <= sc->max[sc->cur] && strlen(next) < 5)
			snprintf(v, sizeof sc->val[0], "%d", atoi(next));
		else
			tui_message(t, 1, _("%s: 0 to %d points"),
			            sc->crit[sc->cur], sc->max[sc->cur]);
		sc->dirty = 1;
	} else if (!is_key && ch == '-') {
		if (sc->nos[sc->cur]) {
			snprintf(v, sizeof sc->val[0], "-");
			sc->dirty = 1;
		} else {
			tui_message(t, 1, _("%s must be scored"),
			            sc->crit[sc->cur]);
		}
	} else if ((is_key && (ch == KEY_BACKSPACE || ch == KEY_DC)) ||
	           (!is_key && (ch == 127 || ch == 8))) {
		size_t l = strlen(v);
		if (l)
			v[l - 1] = '\0';
		sc->dirty = 1;
	} else {
		return 0;
	}
	t->need_redraw = 1;
	return 1;
}

static void score_reload(struct tui *t, struct screen *s)
{
	struct score *sc = s->data;

	if (!sc->dirty)
		score_load(t, sc);
}

static int score_dirty(struct screen *s)
{
	return ((struct score *)s->data)->dirty;
}

static void score_close(struct screen *s)
{
	free(s->data);
}

static const struct screen_ops score_ops = {
	"score",
	score_draw,
	score_key,
	score_reload,
	score_close,
	N_("0-9 points  - no score  ↑↓ criterion  F10 save  Esc back"),
	score_dirty,
	0,
};

static struct screen *screen_score(struct tui *t, const char *round,
                                   const char *code)
{
	struct screen *s = calloc(1, sizeof *s);
	struct score *sc = calloc(1, sizeof *sc);

	if (!s || !sc) {
		free(s);
		free(sc);
		return NULL;
	}
	snprintf(sc->round, sizeof sc->round, "%.15s", round);
	snprintf(sc->code, sizeof sc->code, "%.31s", code);
	score_load(t, sc);
	s->ops = &score_ops;
	s->data = sc;
	snprintf(s->title, sizeof s->title, "%s: %.31s", _("Score"), code);
	return s;
}

/* ---- candidates to score -------------------------------------------------- */

/* round.candidates: round, nomination, title, name, unit, scored, voted,
 * status, progress. */
static const struct col cand_cols[] = {
	{1, N_("Nomination"), 12, 0, NULL}, {2, N_("Title"), 7, 0, NULL},
	{5, N_("Scored"), 7, 1, "scored"},  {6, N_("Voted"), 7, 1, "voted"},
	{7, N_("Status"), 10, 1, "status"}, {3, N_("Name"), 0, 0, NULL},
};

static void cand_load(struct tui *t, struct table *tb)
{
	mp_buf b;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 0);
	table_load(t, tb, "round.candidates", &b);
	mp_buf_free(&b);
}

static void cand_draw(struct tui *t, struct screen *s, WINDOW *w)
{
	struct table *tb = s->data;
	char last[192] = "", buf[512];
	int y = 1, wd = getmaxx(w);

	if (tb->n == 0) {
		tui_put(w, 1, 1, _("No candidates are waiting for you."),
		        wd - 2);
		return;
	}
	/* One progress line per round. */
	for (int i = 0; i < tb->n && y < 4; i++) {
		if (!strcmp(tb->cell[i][0], last))
			continue;
		snprintf(last, sizeof last, "%s", tb->cell[i][0]);
		char shown[256];
		snprintf(buf, sizeof buf, _("Round %s: %s"), tb->cell[i][0],
		         progress_shown(tb->cell[i][8], shown, sizeof shown));
		wattron(w, tui_attr(t, TA_OK));
		tui_put(w, y++, 1, buf, wd - 2);
		wattroff(w, tui_attr(t, TA_OK));
	}
	table_draw(t, w, tb, y + 1, cand_cols,
	           (int)(sizeof cand_cols / sizeof cand_cols[0]));
}

/* The ballot on the selected candidate: yes, no or abstain. */
static void cand_vote(struct tui *t, struct table *tb)
{
	const char *items[] = {_("Approve"), _("Disapprove"), _("Abstain")};
	static const char *const choice[] = {"yes", "no", "abstain"};
	struct lrl_reply *r = NULL;
	char q[320], msg[512];
	mp_buf b;
	int sel;

	snprintf(q, sizeof q, _("Secret ballot on %s"), tb->cell[tb->sel][1]);
	if ((sel = tui_choose(t, q, items, 3, 0)) < 0)
		return;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	mp_pack_kv_int(&b.pk, "round", strtoll(tb->cell[tb->sel][0], NULL, 10));
	mp_pack_kv_str(&b.pk, "nomination", tb->cell[tb->sel][1]);
	mp_pack_kv_str(&b.pk, "choice", choice[sel]);
	if (tui_call(t, "ballot.cast", b.sb.data, b.sb.size, &r) == 0) {
		lrl_reply_text(r, msg, sizeof msg);
		tui_message(t, 0, "%s", msg);
		tui_changed(t);
	}
	lrl_reply_free(r);
	mp_buf_free(&b);
}

static int cand_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct table *tb = s->data;
	const char *round, *code;

	if (table_move(tb, ch, is_key)) {
		t->need_redraw = 1;
		return 1;
	}
	if (tb->n == 0)
		return 0;
	round = tb->cell[tb->sel][0];
	code = tb->cell[tb->sel][1];
	if ((is_key && ch == KEY_ENTER) ||
	    (!is_key && (ch == '\r' || ch == '\n'))) {
		/* The dossier: the nomination, its report and its verdict. */
		tui_push(t, screen_record(t, LRL_A_NOMINATION_SHOW,
		                          "nomination", code));
	} else if (!is_key && ch == 's') {
		tui_push(t, screen_score(t, round, code));
	} else if (!is_key && ch == 'v') {
		cand_vote(t, tb);
	} else if (!is_key && ch == 'c') {
		mp_buf b;
		msgpack_unpacked u;
		mp_buf_init(&b);
		msgpack_unpacked_init(&u);
		msgpack_pack_map(&b.pk, 2);
		mp_pack_kv_int(&b.pk, "round", strtoll(round, NULL, 10));
		mp_pack_kv_str(&b.pk, "nomination", code);
		if (mp_decode(&u, b.sb.data, b.sb.size) == 0)
			tui_push(t, screen_form(t, LRL_A_CONFLICT_DECLARE,
			                        &u.data));
		msgpack_unpacked_destroy(&u);
		mp_buf_free(&b);
	} else {
		return 0;
	}
	t->need_redraw = 1;
	return 1;
}

static void cand_reload(struct tui *t, struct screen *s)
{
	cand_load(t, s->data);
}

static void table_close(struct screen *s)
{
	struct table *tb = s->data;

	if (tb)
		free(tb->cell);
	free(tb);
}

static const struct screen_ops cand_ops = {
	"candidates",
	cand_draw,
	cand_key,
	cand_reload,
	table_close,
	N_("Enter dossier  s score  v vote  c conflict  Tab menu"),
	NULL,
	0,
};

struct screen *screen_candidates(struct tui *t)
{
	struct screen *s = calloc(1, sizeof *s);
	struct table *tb = calloc(1, sizeof *tb);

	if (!s || !tb) {
		free(s);
		free(tb);
		return NULL;
	}
	cand_load(t, tb);
	s->ops = &cand_ops;
	s->data = tb;
	snprintf(s->title, sizeof s->title, "%s", _("Candidates to score"));
	return s;
}

/* ---- council rounds ---------------------------------------------------------- */

/* round.list: round, year, session, mode, state, opened, closes,
 * candidates, your progress. */
static const struct col round_cols[] = {
	{0, N_("Round"), 5, 0, NULL},
	{3, N_("Mode"), 8, 1, "mode"},
	{4, N_("State"), 8, 1, "state"},
	{7, N_("Candidates"), 10, 0, NULL},
	{8, N_("Your progress"), 28, 2, NULL},
	{2, N_("Session"), 0, 0, NULL},
};

static void rounds_load(struct tui *t, struct table *tb)
{
	mp_buf b;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 0);
	table_load(t, tb, "round.list", &b);
	mp_buf_free(&b);
}

static void rounds_draw(struct tui *t, struct screen *s, WINDOW *w)
{
	struct table *tb = s->data;

	if (tb->n == 0) {
		tui_put(w, 1, 1, _("No council rounds yet."), getmaxx(w) - 2);
		return;
	}
	table_draw(t, w, tb, 1, round_cols,
	           (int)(sizeof round_cols / sizeof round_cols[0]));
}

static int may_do(struct tui *t, int action)
{
	return action_scope(&lrl_actions[action], t->role_bits) != LRL_SC_N;
}

static int rounds_key(struct tui *t, struct screen *s, int ch, int is_key)
{
	struct table *tb = s->data;
	const char *round;
	int closed;

	if (table_move(tb, ch, is_key)) {
		t->need_redraw = 1;
		return 1;
	}
	if (!is_key && ch == 'n' && may_do(t, LRL_A_ROUND_OPEN)) {
		tui_push(t, screen_form(t, LRL_A_ROUND_OPEN, NULL));
		return 1;
	}
	if (tb->n == 0)
		return 0;
	round = tb->cell[tb->sel][0];
	closed = !strcmp(tb->cell[tb->sel][4], "closed");
	if ((is_key && ch == KEY_ENTER) ||
	    (!is_key && (ch == '\r' || ch == '\n'))) {
		/* After the close, the results; before it, the round with
		 * attendance and progress (no scores, no votes). */
		if (closed)
			tui_push(t, screen_list(t, LRL_A_ROUND_RESULTS, "round",
			                        round));
		else
			tui_push(t, screen_record(t, LRL_A_ROUND_SHOW, "round",
			                          round));
	} else if (!is_key && ch == 'i') {
		tui_push(t, screen_record(t, LRL_A_ROUND_SHOW, "round", round));
	} else if (!is_key && ch == 'm' && closed) {
		tui_push(t,
		         screen_list(t, LRL_A_ROUND_MINUTES, "round", round));
	} else if (!is_key && ch == 'x' && may_do(t, LRL_A_CONFLICT_LIST)) {
		tui_push(t,
		         screen_list(t, LRL_A_CONFLICT_LIST, "round", round));
	} else if (!is_key && ch == 'a' && !closed &&
	           may_do(t, LRL_A_ROUND_ATTEND)) {
		mp_buf b;
		msgpack_unpacked u;
		mp_buf_init(&b);
		msgpack_unpacked_init(&u);
		pack_round(&b, round);
		if (mp_decode(&u, b.sb.data, b.sb.size) == 0)
			tui_push(t,
			         screen_form(t, LRL_A_ROUND_ATTEND, &u.data));
		msgpack_unpacked_destroy(&u);
		mp_buf_free(&b);
	} else if (!is_key && ch == 'C' && !closed &&
	           may_do(t, LRL_A_ROUND_CLOSE)) {
		char q[320];
		snprintf(q, sizeof q,
		         _("Close round %s and count its ballots?"), round);
		if (tui_confirm(t, q)) {
			struct lrl_reply *r = NULL;
			char msg[512];
			mp_buf b;
			mp_buf_init(&b);
			pack_round(&b, round);
			if (tui_call(t, "round.close", b.sb.data, b.sb.size,
			             &r) == 0) {
				lrl_reply_text(r, msg, sizeof msg);
				tui_message(t, 0, "%s", msg);
				tui_changed(t);
			}
			lrl_reply_free(r);
			mp_buf_free(&b);
		}
	} else {
		return 0;
	}
	t->need_redraw = 1;
	return 1;
}

static void rounds_reload(struct tui *t, struct screen *s)
{
	rounds_load(t, s->data);
}

static const struct screen_ops rounds_ops = {
	"rounds",
	rounds_draw,
	rounds_key,
	rounds_reload,
	table_close,
	N_("Enter open/results  i round  a attendance  x conflicts  C close  "
	   "m minutes  n new"),
	NULL,
	0,
};

struct screen *screen_rounds(struct tui *t)
{
	struct screen *s = calloc(1, sizeof *s);
	struct table *tb = calloc(1, sizeof *tb);

	if (!s || !tb) {
		free(s);
		free(tb);
		return NULL;
	}
	rounds_load(t, tb);
	s->ops = &rounds_ops;
	s->data = tb;
	snprintf(s->title, sizeof s->title, "%s", _("Council rounds"));
	return s;
}
