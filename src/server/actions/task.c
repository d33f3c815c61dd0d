/*
 * task.c — plan tasks (nhiệm vụ cụ thể: the appendix of the year's plan,
 * plan 004): what is to be done, the lead unit (đơn vị chủ trì), the
 * cooperating units (đơn vị phối hợp), the due date and how the plan words
 * the time ("Quý I/2026", "Thường xuyên"), then the status and progress
 * the lead unit reports during the year.  task.list is the "Plan tasks
 * status" report.
 *
 * tasks: u16 BE year ‖ u32 BE number → {1 content, 2 lead (unit id),
 *        3 with (array of unit ids), 4 due (date), 5 period, 6 status,
 *        7 note (the latest one given), 8 added by (user id), 9 added (time),
 *        10 changes: array of [time, by (user id), status, note], oldest
 *        first; the first is the addition}
 *
 * A task's code is "KH-<year>-<number>", the number written with at least
 * three digits; numbers follow each other within a year.  A task is overdue
 * when its due date is before today (the server's date) and it is still
 * planned or in progress.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/tasks.h"
#include "laurel/wire.h"

int act_TASK_ADD(struct lrl_ctx *c);
int act_TASK_UPDATE(struct lrl_ctx *c);
int act_TASK_LIST(struct lrl_ctx *c);
int act_TASK_SHOW(struct lrl_ctx *c);

/* The most cooperating units one task names, and the room their codes
 * take written out ("KHAMBENH, DUOC"). */
#define TASK_WITH_MAX 64
#define WITH_TEXT_MAX (TASK_WITH_MAX * (LRL_CODE_MAX + 2) + 1)

enum {
	TF_CONTENT = 1,
	TF_LEAD,
	TF_WITH,
	TF_DUE,
	TF_PERIOD,
	TF_STATUS,
	TF_NOTE,
	TF_BY,
	TF_ADDED,
	TF_CHANGES
};


void task_code(int year, uint32_t num, char *buf, size_t n)
{
	snprintf(buf, n, "KH-%04d-%03u", year, num);
}

/* The key of a code "KH-<year>-<number>"; 0, or -1 when it is not one. */
static int code_key(const char *code, uint8_t *key)
{
	unsigned long num = 0;
	int year = 0, digits = 0;
	const char *p;

	if (strncmp(code, "KH-", 3) != 0)
		return -1;
	for (p = code + 3; *p >= '0' && *p <= '9' && digits < 5; p++, digits++)
		year = year * 10 + (*p - '0');
	if (digits != 4 || *p != '-')
		return -1;
	for (p++, digits = 0; *p >= '0' && *p <= '9' && digits < 9;
	     p++, digits++)
		num = num * 10 + (unsigned long)(*p - '0');
	if (digits == 0 || *p != '\0' || num == 0)
		return -1;
	year_key(key, year, (uint32_t)num);
	return 0;
}

/* The task named by the code parameter: its key, its code as the server
 * writes it into canon (size n), and its stored value decoded into up
 * (the caller destroys it). */
static int task_param(struct lrl_ctx *c, uint8_t *key, msgpack_unpacked *up,
                      char *canon, size_t n)
{
	char code[LRL_CODE_MAX + 1];
	const void *v;
	size_t vl;
	int rc;

	ctx_strbuf(c, "code", code, sizeof code);
	if (code_key(code, key) != 0 ||
	    (rc = store_get(c->txn, STORE_DB_TASKS, key, 6, &v, &vl)) ==
	            LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                    "no plan task has the code %s", code);
	if (rc != 0)
		return rc;
	/* "KH-2026-01" finds KH-2026-001: give back the code as written. */
	task_code(key[0] << 8 | key[1], wire_get_be32(key + 2), canon, n);
	if (mp_decode(up, v, vl) != 0 || up->data.type != MSGPACK_OBJECT_MAP)
		return LRL_ECORRUPT;
	return 0;
}


/* A unit named in a parameter: it exists and is not closed. */
static int open_unit(struct lrl_ctx *c, const char *field, const char *code,
                     size_t len, struct unit_rec *u)
{
	if (unit_find(c->txn, code, len, u) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, field,
		                    "no unit has the code '%.*s'", (int)len,
		                    code);
	if (u->closed)
		return lrl_fail_set(&c->fail, LRL_ESTATE, field,
		                    "unit %s is closed", u->code);
	return 0;
}

/* The cooperating units of the with parameter: each exists, none twice,
 * none the lead unit. */
static int with_units(struct lrl_ctx *c, uint32_t lead, uint32_t *ids,
                      size_t *n)
{
	char buf[LRL_NAME_MAX * 8 + 1], *tok, *save = NULL;
	struct unit_rec u;
	int rc;

	*n = 0;
	if (ctx_param(c, "with") == NULL)
		return 0;
	if ((rc = ctx_strbuf(c, "with", buf, sizeof buf)) != 0)
		return rc;
	for (char *p = buf; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		if ((rc = open_unit(c, "with", tok, strlen(tok), &u)) != 0)
			return rc;
		if (u.id == lead)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "with",
			                    "%s is the lead unit", u.code);
		for (size_t i = 0; i < *n; i++)
			if (ids[i] == u.id)
				return lrl_fail_set(&c->fail, LRL_EINVAL,
				                    "with", "%s is given twice",
				                    u.code);
		if (*n == TASK_WITH_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "with",
			                    "names more than %d units",
			                    TASK_WITH_MAX);
		ids[(*n)++] = u.id;
	}
	return 0;
}

/* One entry of the changes array. */
static void pack_change(msgpack_packer *pk, int64_t when, uint64_t by,
                        const char *status, const char *note)
{
	msgpack_pack_array(pk, 4);
	msgpack_pack_int64(pk, when);
	msgpack_pack_uint64(pk, by);
	mp_pack_str(pk, status);
	mp_pack_str(pk, note);
}

int act_TASK_ADD(struct lrl_ctx *c)
{
	const msgpack_object *lv = ctx_param(c, "lead");
	uint32_t with[TASK_WITH_MAX], num;
	char status[16] = "planned", period[LRL_NAME_MAX * 4 + 1] = "";
	char code[LRL_CODE_MAX + 1], *content = NULL, *pd = NULL;
	int64_t year = 0, due = 0;
	struct year_rec y;
	struct unit_rec lead;
	size_t nwith = 0;
	uint8_t key[6];
	int yy, m, d, rc;
	mp_buf b;

	ctx_int(c, "year", &year);
	ctx_int(c, "due", &due);
	ctx_strbuf(c, "status", status, sizeof status);
	if ((rc = year_param(c, (int)year, &y)) != 0 ||
	    (rc = open_unit(c, "lead", lv->via.str.ptr, lv->via.str.size,
	                    &lead)) != 0 ||
	    (rc = with_units(c, lead.id, with, &nwith)) != 0)
		return rc;
	date_to_ymd((int32_t)due, &yy, &m, &d);
	if (yy < year - 1 || yy > year + 1)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "due",
		                    "must fall in or next to %lld",
		                    (long long)year);
	if (ctx_param(c, "period")) {
		if ((rc = ctx_text(c, "period", &pd)) != 0)
			return rc;
		snprintf(period, sizeof period, "%s", pd);
		free(pd);
	}
	if ((rc = ctx_text(c, "content", &content)) != 0)
		return rc;
	if ((rc = year_next_number(c->txn, STORE_DB_TASKS, (int)year, &num)) != 0) {
		free(content);
		return rc;
	}
	year_key(key, (int)year, num);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 10);
	msgpack_pack_uint8(&b.pk, TF_CONTENT);
	mp_pack_str(&b.pk, content);
	msgpack_pack_uint8(&b.pk, TF_LEAD);
	msgpack_pack_uint32(&b.pk, lead.id);
	msgpack_pack_uint8(&b.pk, TF_WITH);
	msgpack_pack_array(&b.pk, nwith);
	for (size_t i = 0; i < nwith; i++)
		msgpack_pack_uint32(&b.pk, with[i]);
	msgpack_pack_uint8(&b.pk, TF_DUE);
	msgpack_pack_int64(&b.pk, due);
	msgpack_pack_uint8(&b.pk, TF_PERIOD);
	mp_pack_str(&b.pk, period);
	msgpack_pack_uint8(&b.pk, TF_STATUS);
	mp_pack_str(&b.pk, status);
	msgpack_pack_uint8(&b.pk, TF_NOTE);
	mp_pack_str(&b.pk, "");
	msgpack_pack_uint8(&b.pk, TF_BY);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, TF_ADDED);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, TF_CHANGES);
	msgpack_pack_array(&b.pk, 1);
	pack_change(&b.pk, c->now, c->actor_id, status, "");
	rc = store_put(c->txn, STORE_DB_TASKS, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	free(content);
	if (rc != 0)
		return rc;
	task_code((int)year, num, code, sizeof code);
	result_message(c->out, "plan task %s added, led by %s", code,
	               lead.code);
	return 0;
}

int act_TASK_UPDATE(struct lrl_ctx *c)
{
	const msgpack_object *m, *changes;
	char status[16], code[LRL_CODE_MAX + 1], *note = NULL;
	const char *old;
	size_t oldl;
	msgpack_unpacked up;
	uint64_t lead = 0;
	uint8_t key[6];
	mp_buf b;
	int rc;

	ctx_strbuf(c, "status", status, sizeof status);
	msgpack_unpacked_init(&up);
	if ((rc = task_param(c, key, &up, code, sizeof code)) != 0)
		goto fail;
	m = &up.data;
	changes = mp_map_geti(m, TF_CHANGES);
	if (mp_get_u64(mp_map_geti(m, TF_LEAD), &lead) != 0 ||
	    changes == NULL || changes->type != MSGPACK_OBJECT_ARRAY) {
		rc = LRL_ECORRUPT;
		goto fail;
	}
	/* Heads report on the tasks their units lead. */
	if ((rc = scope_unit_ok(c, (uint32_t)lead)) != 0)
		goto fail;
	if (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0)
		goto fail;
	/* A change without a new status says something new. */
	if (note == NULL &&
	    mp_get_str(mp_map_geti(m, TF_STATUS), &old, &oldl) == 0 &&
	    oldl == strlen(status) && memcmp(old, status, oldl) == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "status",
		                  "the task is already %s; give a note to "
		                  "record progress", status);
		goto fail;
	}
	/* The fields this does not change are kept as they are (with any
	 * that a later version adds). */
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, m->via.map.size);
	for (uint32_t i = 0; i < m->via.map.size; i++) {
		const msgpack_object_kv *kv = &m->via.map.ptr[i];
		uint64_t f = kv->key.type == MSGPACK_OBJECT_POSITIVE_INTEGER
		                     ? kv->key.via.u64
		                     : 0;
		msgpack_pack_object(&b.pk, kv->key);
		if (f == TF_STATUS) {
			mp_pack_str(&b.pk, status);
		} else if (f == TF_NOTE && note) {
			mp_pack_str(&b.pk, note);
		} else if (f == TF_CHANGES) {
			msgpack_pack_array(&b.pk, changes->via.array.size + 1);
			for (uint32_t j = 0; j < changes->via.array.size; j++)
				msgpack_pack_object(&b.pk,
				                    changes->via.array.ptr[j]);
			pack_change(&b.pk, c->now, c->actor_id, status,
			            note ? note : "");
		} else {
			msgpack_pack_object(&b.pk, kv->val);
		}
	}
	rc = store_put(c->txn, STORE_DB_TASKS, key, sizeof key, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	if (rc == 0)
		result_message(c->out, "plan task %s is now %s", code, status);
fail:
	free(note);
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* ---- reading tasks ---------------------------------------------------- */

static void pack_date_or_empty(msgpack_packer *pk, int64_t d)
{
	char buf[16] = "";

	if (d)
		date_format((int32_t)d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

static int is_overdue(const struct lrl_ctx *c, int64_t due, const char *status)
{
	return due < date_of_time(c->now) &&
	       (!strcmp(status, "planned") || !strcmp(status, "in-progress"));
}

/* "KHAMBENH, DUOC": the codes of the units in the with array. */
static void with_text(store_txn *t, const msgpack_object *with, char *buf,
                      size_t n)
{
	size_t off = 0;

	buf[0] = '\0';
	if (with == NULL || with->type != MSGPACK_OBJECT_ARRAY)
		return;
	for (uint32_t i = 0; i < with->via.array.size; i++) {
		struct unit_rec u;
		uint64_t id = 0;
		if (mp_get_u64(&with->via.array.ptr[i], &id) != 0 ||
		    unit_get(t, (uint32_t)id, &u) != 0)
			continue;
		off += (size_t)snprintf(buf + off, n - off, "%s%s",
		                        off ? ", " : "", u.code);
		if (off >= n)
			break;
	}
}

static const char *unit_code_of(store_txn *t, uint64_t id, struct unit_rec *u)
{
	return unit_get(t, (uint32_t)id, u) == 0 ? u->code : "";
}

/* A string field of the stored map, or "" (len 0). */
static void field_str(const msgpack_object *m, int f, const char **s,
                      size_t *len)
{
	if (mp_get_str(mp_map_geti(m, (uint64_t)f), s, len) != 0) {
		*s = "";
		*len = 0;
	}
}

/* One row of the list, packed, and what it sorts by. */
struct task_row {
	int overdue;
	int64_t due;
	uint32_t num;
	size_t off, len;
};

static int row_cmp(const void *pa, const void *pb)
{
	const struct task_row *a = pa, *b = pb;

	if (a->overdue != b->overdue)
		return b->overdue - a->overdue;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return a->num < b->num ? -1 : a->num > b->num;
}

/* Does the task concern unit root: led by, or cooperating with, a unit
 * inside it? */
static int task_concerns(store_txn *t, uint64_t lead,
                         const msgpack_object *with, uint32_t root)
{
	if (unit_within(t, (uint32_t)lead, root))
		return 1;
	for (uint32_t i = 0; with && with->type == MSGPACK_OBJECT_ARRAY &&
	                     i < with->via.array.size;
	     i++) {
		uint64_t id = 0;
		if (mp_get_u64(&with->via.array.ptr[i], &id) == 0 &&
		    unit_within(t, (uint32_t)id, root))
			return 1;
	}
	return 0;
}

int task_view_of(store_txn *t, const void *v, size_t vl, uint32_t root,
                 struct task_view *x, char *with, size_t wn)
{
	msgpack_unpacked up;
	const msgpack_object *m, *wv;
	uint64_t lead = 0;
	int rc;

	memset(x, 0, sizeof *x);
	with[0] = '\0';
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	m = &up.data;
	wv = mp_map_geti(m, TF_WITH);
	mp_get_u64(mp_map_geti(m, TF_LEAD), &lead);
	rc = root == 0 || task_concerns(t, lead, wv, root);
	if (rc) {
		x->lead = (uint32_t)lead;
		mp_get_i64(mp_map_geti(m, TF_DUE), &x->due);
		/* A field that cannot be read stays "". */
		mp_get_strbuf(mp_map_geti(m, TF_CONTENT), x->content,
		              sizeof x->content);
		mp_get_strbuf(mp_map_geti(m, TF_PERIOD), x->period,
		              sizeof x->period);
		mp_get_strbuf(mp_map_geti(m, TF_STATUS), x->status,
		              sizeof x->status);
		mp_get_strbuf(mp_map_geti(m, TF_NOTE), x->note, sizeof x->note);
		with_text(t, wv, with, wn);
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* task.list: what it asks for, and the rows found so far. */
struct task_list {
	struct lrl_ctx *c;
	int year;
	char only[16];
	int only_overdue;
	uint32_t root;
	struct task_row *rows;
	size_t n, cap;
	mp_buf b;
};

static int task_list_row(const uint8_t *key, size_t kl, const void *v,
                         size_t vl, void *arg)
{
	struct task_list *a = arg;
	struct lrl_ctx *c = a->c;
	char code[LRL_CODE_MAX + 1], with[WITH_TEXT_MAX];
	struct task_view x;
	struct unit_rec u;
	struct task_row r, *nr;
	int rc;

	if (kl != 6)
		return 0;
	if ((rc = task_view_of(c->txn, v, vl, a->root, &x, with,
	                       sizeof with)) != 1)
		return rc; /* 0: not the unit's; LRL_ECORRUPT */
	r.num = wire_get_be32(key + 2);
	r.due = x.due;
	r.overdue = is_overdue(c, x.due, x.status);
	if ((a->only[0] && strcmp(x.status, a->only) != 0) ||
	    (a->only_overdue && !r.overdue))
		return 0;
	if ((nr = grow_array(a->rows, a->n, &a->cap, sizeof *nr, 16)) == NULL)
		return LRL_ENOMEM;
	a->rows = nr;
	r.off = a->b.sb.size;
	task_code(a->year, r.num, code, sizeof code);
	msgpack_pack_array(&a->b.pk, 9);
	mp_pack_str(&a->b.pk, code);
	/* The list shows the first line of the content. */
	mp_pack_strn(&a->b.pk, x.content, strcspn(x.content, "\n"));
	mp_pack_str(&a->b.pk, unit_code_of(c->txn, x.lead, &u));
	mp_pack_str(&a->b.pk, with);
	pack_date_or_empty(&a->b.pk, x.due);
	mp_pack_str(&a->b.pk, x.period);
	mp_pack_str(&a->b.pk, x.status);
	mp_pack_str(&a->b.pk, r.overdue ? "yes" : "");
	mp_pack_str(&a->b.pk, x.note);
	r.len = a->b.sb.size - r.off;
	a->rows[a->n++] = r;
	return 0;
}

int act_TASK_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"code",   "content", "lead",
	                                   "with",   "due",     "period",
	                                   "status", "overdue", "note"};
	struct task_list a;
	int64_t year = 0;
	struct year_rec y;
	int rc;

	memset(&a, 0, sizeof a);
	a.c = c;
	ctx_int(c, "year", &year);
	a.year = (int)year;
	ctx_strbuf(c, "status", a.only, sizeof a.only);
	if (ctx_param(c, "overdue"))
		mp_get_bool(ctx_param(c, "overdue"), &a.only_overdue);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") &&
	    (rc = unit_by_param(c, "unit", &a.root)) != 0)
		return rc;
	mp_buf_init(&a.b);
	rc = each_of_year(c->txn, STORE_DB_TASKS, (int)year, task_list_row, &a);
	if (rc == 0) {
		if (a.n)
			qsort(a.rows, a.n, sizeof *a.rows, row_cmp);
		list_begin(c->out, cols, 9, a.n);
		for (size_t i = 0; i < a.n; i++)
			mp_pack_raw(c->out, a.b.sb.data + a.rows[i].off,
			            a.rows[i].len);
		list_end(c->out, NULL);
	}
	free(a.rows);
	mp_buf_free(&a.b);
	return rc;
}

/* The login of account id, or "" (the server itself, or unknown). */
static const char *login_of(store_txn *t, uint64_t id, struct user_rec *u)
{
	return id && users_get(t, (uint32_t)id, u) == 0 ? u->login : "";
}

int act_TASK_SHOW(struct lrl_ctx *c)
{
	const msgpack_object *m, *changes;
	const char *content, *period, *note, *status;
	size_t cl, pl, nl, sl;
	char code[LRL_CODE_MAX + 1], with[WITH_TEXT_MAX], st[16];
	char added[32];
	msgpack_unpacked up;
	struct unit_rec u;
	struct user_rec who;
	uint64_t lead = 0, by = 0;
	int64_t due = 0, when = 0;
	uint32_t nchanges;
	uint8_t key[6];
	int rc;

	msgpack_unpacked_init(&up);
	if ((rc = task_param(c, key, &up, code, sizeof code)) != 0)
		goto done;
	m = &up.data;
	changes = mp_map_geti(m, TF_CHANGES);
	nchanges = changes && changes->type == MSGPACK_OBJECT_ARRAY
	                   ? changes->via.array.size
	                   : 0;
	mp_get_u64(mp_map_geti(m, TF_LEAD), &lead);
	mp_get_u64(mp_map_geti(m, TF_BY), &by);
	mp_get_i64(mp_map_geti(m, TF_DUE), &due);
	mp_get_i64(mp_map_geti(m, TF_ADDED), &when);
	field_str(m, TF_CONTENT, &content, &cl);
	field_str(m, TF_PERIOD, &period, &pl);
	field_str(m, TF_NOTE, &note, &nl);
	field_str(m, TF_STATUS, &status, &sl);
	snprintf(st, sizeof st, "%.*s", (int)sl, status);
	with_text(c->txn, mp_map_geti(m, TF_WITH), with, sizeof with);
	if (unit_get(c->txn, (uint32_t)lead, &u) != 0)
		memset(&u, 0, sizeof u);
	date_format_time(when, added, sizeof added);

	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 13 + nchanges);
	mp_pack_kv_str(c->out, "code", code);
	mp_pack_kv_int(c->out, "year", (key[0] << 8) | key[1]);
	mp_pack_str(c->out, "content");
	mp_pack_strn(c->out, content, cl);
	mp_pack_kv_str(c->out, "lead", u.code);
	mp_pack_kv_str(c->out, "lead-name", u.name);
	mp_pack_kv_str(c->out, "with", with);
	mp_pack_str(c->out, "due");
	pack_date_or_empty(c->out, due);
	mp_pack_str(c->out, "period");
	mp_pack_strn(c->out, period, pl);
	mp_pack_kv_str(c->out, "status", st);
	mp_pack_kv_str(c->out, "overdue", is_overdue(c, due, st) ? "yes" : "");
	mp_pack_str(c->out, "note");
	mp_pack_strn(c->out, note, nl);
	mp_pack_kv_str(c->out, "added", added);
	mp_pack_kv_str(c->out, "added-by", login_of(c->txn, by, &who));
	/* The history: "change-1" (the addition), "change-2", … each as
	 * "dd/mm/yyyy HH:MM:SS · login · status — note". */
	for (uint32_t i = 0; i < nchanges; i++) {
		const msgpack_object *e = &changes->via.array.ptr[i];
		const char *cs = "", *cn = "";
		size_t csl = 0, cnl = 0;
		int64_t t = 0;
		uint64_t cby = 0;
		char name[32], tm[32], *line;
		size_t len;
		if (e->type == MSGPACK_OBJECT_ARRAY && e->via.array.size >= 4) {
			mp_get_i64(&e->via.array.ptr[0], &t);
			mp_get_u64(&e->via.array.ptr[1], &cby);
			mp_get_str(&e->via.array.ptr[2], &cs, &csl);
			mp_get_str(&e->via.array.ptr[3], &cn, &cnl);
		}
		date_format_time(t, tm, sizeof tm);
		snprintf(name, sizeof name, "change-%u", i + 1);
		len = strlen(tm) + LRL_LOGIN_MAX + csl + cnl + 32;
		if ((line = malloc(len)) == NULL) {
			/* The map's size is already packed: fill it. */
			mp_pack_kv_str(c->out, name, "");
			continue;
		}
		snprintf(line, len, "%s · %s · %.*s%s%.*s", tm,
		         login_of(c->txn, cby, &who), (int)csl, cs,
		         cnl ? " — " : "", (int)cnl, cn);
		mp_pack_kv_str(c->out, name, line);
		free(line);
	}
done:
	msgpack_unpacked_destroy(&up);
	return rc;
}
