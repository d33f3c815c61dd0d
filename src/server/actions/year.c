/* year.c — rulebooks, emulation years (deadlines, targets, reopened
 * registration windows) and movements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/movements.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/text.h"
#include "laurel/wire.h"

int act_RULEBOOK_LOAD(struct lrl_ctx *c);
int act_RULEBOOK_LIST(struct lrl_ctx *c);
int act_RULEBOOK_SHOW(struct lrl_ctx *c);
int act_YEAR_OPEN(struct lrl_ctx *c);
int act_YEAR_LIST(struct lrl_ctx *c);
int act_YEAR_SHOW(struct lrl_ctx *c);
int act_YEAR_REOPEN(struct lrl_ctx *c);
int act_MOVEMENT_ADD(struct lrl_ctx *c);
int act_MOVEMENT_LIST(struct lrl_ctx *c);
int act_MOVEMENT_SHOW(struct lrl_ctx *c);

/* ---- rulebooks -------------------------------------------------------- */

int act_RULEBOOK_LOAD(struct lrl_ctx *c)
{
	char version[LRL_CODE_MAX + 1];
	const msgpack_object *file = ctx_param(c, "file");
	const void *v;
	size_t vl;
	mp_buf b;
	int rc;

	ctx_strbuf(c, "version", version, sizeof version);
	if ((rc = rules_check(file->via.str.ptr, file->via.str.size, &c->fail)) != 0)
		return rc;
	if (store_get(c->txn, STORE_DB_RULEBOOKS, version, strlen(version), &v,
	              &vl) == 0) {
		/* A rulebook in use by a year with decisions stays as it is;
		 * loading the very same text again changes nothing. */
		msgpack_unpacked up;
		const msgpack_object *old;
		int same;
		msgpack_unpacked_init(&up);
		same = mp_decode(&up, v, vl) == 0 &&
		       (old = mp_map_geti(&up.data, 1)) != NULL &&
		       old->type == MSGPACK_OBJECT_STR &&
		       old->via.str.size == file->via.str.size &&
		       !memcmp(old->via.str.ptr, file->via.str.ptr,
		               file->via.str.size);
		msgpack_unpacked_destroy(&up);
		if (!same &&
		    (rc = rules_version_locked(c->txn, version, &c->fail)) != 0)
			return rc;
	}
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_strn(&b.pk, file->via.str.ptr, file->via.str.size);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	rc = store_put(c->txn, STORE_DB_RULEBOOKS, version, strlen(version),
	               b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	if (rc != 0)
		return rc;
	result_message(c->out, "rulebook %s loaded", version);
	return 0;
}

int act_RULEBOOK_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"version", "loaded", "titles"};
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc;

	if ((rc = store_cursor_open(c->txn, STORE_DB_RULEBOOKS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		msgpack_unpacked up;
		int64_t when = 0;
		char loaded[32] = "", titles[512] = "";
		const char *text;
		size_t tl;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0) {
			mp_get_i64(mp_map_geti(&up.data, 2), &when);
			if (mp_get_str(mp_map_geti(&up.data, 1), &text, &tl) == 0)
				rules_titles_text(text, tl, titles, sizeof titles);
		}
		date_format_time(when, loaded, sizeof loaded);
		msgpack_pack_array(&rows.pk, 3);
		mp_pack_strn(&rows.pk, k, kl);
		mp_pack_str(&rows.pk, loaded);
		mp_pack_str(&rows.pk, titles);
		msgpack_unpacked_destroy(&up);
		n++;
	}
	store_cursor_close(cur);
	list_begin(c->out, cols, 3, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&rows);
	return rc == LRL_ENOENT ? 0 : rc;
}

int act_RULEBOOK_SHOW(struct lrl_ctx *c)
{
	char version[LRL_CODE_MAX + 1];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	const char *text;
	size_t tl;
	int rc;

	ctx_strbuf(c, "version", version, sizeof version);
	rc = store_get(c->txn, STORE_DB_RULEBOOKS, version, strlen(version), &v, &vl);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "version",
		                    "no rulebook %s has been loaded", version);
	if (rc != 0)
		return rc;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0 ||
	    mp_get_str(mp_map_geti(&up.data, 1), &text, &tl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 2);
	mp_pack_kv_str(c->out, "version", version);
	mp_pack_str(c->out, "text");
	mp_pack_strn(c->out, text, tl);
	msgpack_unpacked_destroy(&up);
	return 0;
}

/* ---- years ------------------------------------------------------------ */

static const char *const year_dates[] = {"registration", "six-month-report",
                                         "annual-report", "ratings"};
static const char *const year_ints[] = {"exemplar-day", "target-ldtt",
                                        "target-cstdcs", "target-gk-units",
                                        "target-gk-people"};

int act_YEAR_OPEN(struct lrl_ctx *c)
{
	int64_t year = 0, v;
	char rb[LRL_CODE_MAX + 1];
	struct year_rec y;
	int rc;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "rulebook", rb, sizeof rb);
	if (year_get(c->txn, (int)year, &y) == 0)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "year",
		                    "year %lld is already open", (long long)year);
	if ((rc = rules_load(c->txn, rb, NULL, &c->fail)) != 0) {
		c->fail.field = "rulebook";
		return rc;
	}
	memset(&y, 0, sizeof y);
	y.year = (int)year;
	snprintf(y.rulebook, sizeof y.rulebook, "%s", rb);
	for (int i = 0; i < 4; i++)
		if (ctx_int(c, year_dates[i], &v) == 0)
			y.dates[i] = (int32_t)v;
	for (int i = 0; i < 5; i++)
		if (ctx_int(c, year_ints[i], &v) == 0)
			y.ints[i] = (int)v;
	for (int i = 0; i < 4; i++) {
		int yy, m, d;
		if (!y.dates[i])
			continue;
		date_to_ymd(y.dates[i], &yy, &m, &d);
		if (yy < year - 1 || yy > year + 1)
			return lrl_fail_set(&c->fail, LRL_EINVAL, year_dates[i],
			                    "must fall in or next to %lld",
			                    (long long)year);
	}
	y.opened = c->now;
	if ((rc = year_put(c->txn, &y)) != 0)
		return rc;
	result_message(c->out, "year %lld opened with rulebook %s",
	               (long long)year, rb);
	return 0;
}

static void pack_date_or_empty(msgpack_packer *pk, int32_t d)
{
	char buf[16] = "";

	if (d)
		date_format(d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

int act_YEAR_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"year", "rulebook", "registration",
	                                   "six-month-report", "annual-report",
	                                   "ratings"};
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc;

	if ((rc = store_cursor_open(c->txn, STORE_DB_YEARS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	for (rc = store_cursor_get(cur, STORE_LAST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_PREV, &k, &kl, &v, &vl)) {
		struct year_rec y;
		if (kl != 2 || year_get(c->txn, (int)(((const uint8_t *)k)[0] << 8 |
		                                      ((const uint8_t *)k)[1]), &y) != 0)
			continue;
		msgpack_pack_array(&rows.pk, 6);
		msgpack_pack_int(&rows.pk, y.year);
		mp_pack_str(&rows.pk, y.rulebook);
		for (int i = 0; i < 4; i++)
			pack_date_or_empty(&rows.pk, y.dates[i]);
		n++;
	}
	store_cursor_close(cur);
	list_begin(c->out, cols, 6, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&rows);
	return rc == LRL_ENOENT ? 0 : rc;
}

int act_YEAR_SHOW(struct lrl_ctx *c)
{
	int64_t year = 0;
	struct year_rec y;
	char opened[32];
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	date_format_time(y.opened, opened, sizeof opened);
	/* The record, and beside it (not a field of the record: the CLI
	 * prints only the record) the titles of the year's rulebook, which
	 * the TUI offers as choices for a target title. */
	msgpack_pack_map(c->out, 2);
	mp_pack_str(c->out, "titles");
	rules_pack_titles(c->txn, y.rulebook, c->out);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 12);
	mp_pack_kv_int(c->out, "year", y.year);
	mp_pack_kv_str(c->out, "rulebook", y.rulebook);
	for (int i = 0; i < 4; i++) {
		mp_pack_str(c->out, year_dates[i]);
		pack_date_or_empty(c->out, y.dates[i]);
	}
	for (int i = 0; i < 5; i++)
		mp_pack_kv_int(c->out, year_ints[i], y.ints[i]);
	mp_pack_kv_str(c->out, "opened", opened);
	return 0;
}

int act_YEAR_REOPEN(struct lrl_ctx *c)
{
	int64_t year = 0, until = 0;
	struct year_rec y;
	uint8_t key[7];
	uint8_t val[4];
	char what[160];
	int rc;

	ctx_int(c, "year", &year);
	ctx_int(c, "until", &until);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if ((ctx_param(c, "unit") != NULL) == (ctx_param(c, "staff") != NULL))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "unit",
		                    "give either --unit or --staff");
	if (until < date_of_time(c->now))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "until",
		                    "is already past");
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	if (ctx_param(c, "unit")) {
		struct unit_rec u;
		const msgpack_object *v = ctx_param(c, "unit");
		if (unit_find(c->txn, v->via.str.ptr, v->via.str.size, &u) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
			                    "no unit has the code '%.*s'",
			                    (int)v->via.str.size, v->via.str.ptr);
		key[2] = 'U';
		wire_put_be32(key + 3, u.id);
		snprintf(what, sizeof what, "unit %s", u.code);
	} else {
		struct staff_rec s;
		const msgpack_object *v = ctx_param(c, "staff");
		if (staff_find(c->txn, v->via.str.ptr, v->via.str.size, &s) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
			                    "no staff member has the code '%.*s'",
			                    (int)v->via.str.size, v->via.str.ptr);
		key[2] = 'S';
		wire_put_be32(key + 3, s.id);
		snprintf(what, sizeof what, "staff %s", s.code);
	}
	wire_put_be32(val, (uint32_t)(int32_t)until);
	if ((rc = store_put(c->txn, STORE_DB_WINDOWS, key, sizeof key, val,
	                    sizeof val, 0)) != 0)
		return rc;
	{
		char d[16];
		date_format((int32_t)until, d, sizeof d);
		result_message(c->out, "registration %lld reopened for %s until %s",
		               (long long)year, what, d);
	}
	return 0;
}

/* ---- movements -------------------------------------------------------- */

int act_MOVEMENT_ADD(struct lrl_ctx *c)
{
	char code[LRL_CODE_MAX + 1], kind[16];
	char *name = NULL, *areas = NULL;
	int64_t year = 0, from = 0, to = 0;
	struct year_rec y;
	const void *v;
	size_t vl;
	mp_buf b;
	int rc;

	ctx_strbuf(c, "code", code, sizeof code);
	ctx_strbuf(c, "kind", kind, sizeof kind);
	ctx_int(c, "year", &year);
	ctx_int(c, "from", &from);
	ctx_int(c, "to", &to);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (store_get(c->txn, STORE_DB_MOVEMENTS, code, strlen(code), &v, &vl) == 0)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "code",
		                    "a movement with the code %s already exists", code);
	if (to < from)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "to",
		                    "must not be before the first day");
	if ((rc = ctx_text(c, "name", &name)) != 0)
		return rc;
	if (ctx_param(c, "areas") && (rc = ctx_text(c, "areas", &areas)) != 0) {
		free(name);
		return rc;
	}
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 7);
	msgpack_pack_uint8(&b.pk, 1);
	msgpack_pack_int64(&b.pk, year);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, name);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, kind);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_int64(&b.pk, from);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_int64(&b.pk, to);
	msgpack_pack_uint8(&b.pk, 6);
	mp_pack_str(&b.pk, areas ? areas : "");
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_MOVEMENTS, code, strlen(code), b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	free(name);
	free(areas);
	if (rc != 0)
		return rc;
	result_message(c->out, "movement %s launched", code);
	return 0;
}

/* Decodes a stored movement into m: with whole, every field or
 * LRL_ECORRUPT; else only the year and first day must be there (the
 * others "" or 0 when they cannot be read), and areas and creation are
 * left empty. */
static int movement_read(const void *v, size_t vl, struct movement *m,
                         int whole)
{
	msgpack_unpacked up;
	const msgpack_object *d = &up.data;
	int rc = LRL_ECORRUPT;

	memset(m, 0, sizeof *m);
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_i64(mp_map_geti(d, 1), &m->year) == 0 &&
	    mp_get_i64(mp_map_geti(d, 4), &m->from) == 0) {
		int ok = mp_get_strbuf(mp_map_geti(d, 2), m->name,
		                       sizeof m->name) == 0;
		ok &= mp_get_strbuf(mp_map_geti(d, 3), m->kind,
		                    sizeof m->kind) == 0;
		ok &= mp_get_i64(mp_map_geti(d, 5), &m->to) == 0;
		if (!whole || (ok &&
		               mp_get_strbuf(mp_map_geti(d, 6), m->areas,
		                             sizeof m->areas) == 0 &&
		               mp_get_i64(mp_map_geti(d, 7), &m->created) == 0))
			rc = 0;
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

static int movement_decode(const void *v, size_t vl, struct movement *m)
{
	return movement_read(v, vl, m, 1);
}

int movement_decode_brief(const void *v, size_t vl, struct movement *m)
{
	return movement_read(v, vl, m, 0);
}

static const char *kind_vi(const char *k)
{
	if (!strcmp(k, "regular"))
		return "thường xuyên";
	if (!strcmp(k, "thematic"))
		return "chuyên đề";
	if (!strcmp(k, "peak"))
		return "đợt cao điểm";
	return k;
}

int act_MOVEMENT_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"code", "name", "kind", "from", "to"};
	int64_t only = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "year", &only);
	if ((rc = store_cursor_open(c->txn, STORE_DB_MOVEMENTS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct movement *m = malloc(sizeof *m);
		if (m == NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		if (movement_decode(v, vl, m) == 0 && (!only || m->year == only)) {
			msgpack_pack_array(&rows.pk, 5);
			mp_pack_strn(&rows.pk, k, kl);
			mp_pack_str(&rows.pk, m->name);
			mp_pack_str(&rows.pk, kind_vi(m->kind));
			pack_date_or_empty(&rows.pk, (int32_t)m->from);
			pack_date_or_empty(&rows.pk, (int32_t)m->to);
			n++;
		}
		free(m);
	}
	store_cursor_close(cur);
	if (rc == LRL_ENOENT) {
		list_begin(c->out, cols, 5, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
	mp_buf_free(&rows);
	return rc;
}

int act_MOVEMENT_SHOW(struct lrl_ctx *c)
{
	char code[LRL_CODE_MAX + 1];
	struct movement *m;
	const void *v;
	size_t vl;
	int rc;

	ctx_strbuf(c, "code", code, sizeof code);
	rc = store_get(c->txn, STORE_DB_MOVEMENTS, code, strlen(code), &v, &vl);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                    "no movement has the code %s", code);
	if (rc != 0)
		return rc;
	if ((m = malloc(sizeof *m)) == NULL)
		return LRL_ENOMEM;
	if ((rc = movement_decode(v, vl, m)) == 0) {
		msgpack_pack_map(c->out, 1);
		mp_pack_str(c->out, "record");
		msgpack_pack_map(c->out, 7);
		mp_pack_kv_str(c->out, "code", code);
		mp_pack_kv_int(c->out, "year", m->year);
		mp_pack_kv_str(c->out, "name", m->name);
		mp_pack_kv_str(c->out, "kind", kind_vi(m->kind));
		mp_pack_str(c->out, "from");
		pack_date_or_empty(c->out, (int32_t)m->from);
		mp_pack_str(c->out, "to");
		pack_date_or_empty(c->out, (int32_t)m->to);
		mp_pack_kv_str(c->out, "areas", m->areas);
	}
	free(m);
	return rc;
}
