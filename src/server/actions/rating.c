/*
 * rating.c — ratings (xếp loại chất lượng) and disciplines (kỷ luật) of a
 * year, entered by heads for their units (and by the personnel office):
 * the facts the eligibility of titles rests on.
 *
 * ratings:      u16 BE year ‖ u32 BE staff id → {1 rating, 2 months worked
 *               (maternity leave included), 3 note, 4 by (user id), 5 time,
 *               6 of the months, those on maternity leave}
 * unit_ratings: u16 BE year ‖ u32 BE unit id → {1 rating, 2 by, 3 time}
 * disciplines:  u16 BE year ‖ u32 BE staff id ‖ u64 BE event → {1 level,
 *               2 from, 3 to (0: in force), 4 reason, 5 by}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/import.h"
#include "laurel/msg.h"
#include "laurel/ratings.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/wire.h"

int act_RATING_SET(struct lrl_ctx *c);
int act_RATING_UNIT(struct lrl_ctx *c);
int act_RATING_LIST(struct lrl_ctx *c);
int act_DISCIPLINE_ADD(struct lrl_ctx *c);
int act_RATING_IMPORT(struct lrl_ctx *c);
int act_RATING_IMPORT_CHECK(struct lrl_ctx *c);
int act_DISCIPLINE_IMPORT(struct lrl_ctx *c);
int act_DISCIPLINE_IMPORT_CHECK(struct lrl_ctx *c);

static const char *const levels[] = {"", "reprimand", "warning", "dismissal"};

int rating_value(const void *v, size_t vl)
{
	msgpack_unpacked up;
	char word[16] = "";
	const char *s;
	size_t len;

	/* The usual layout is read without decoding the map. */
	if (mp_peek_str(v, vl, 1, &s, &len) == 0 && len < sizeof word) {
		memcpy(word, s, len);
		return rulebook_rating_from_name(word);
	}
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0)
		mp_get_strbuf(mp_map_geti(&up.data, 1), word, sizeof word);
	msgpack_unpacked_destroy(&up);
	return rulebook_rating_from_name(word);
}

int64_t rating_recorded(const void *v, size_t vl, char kind)
{
	return mp_value_i64(v, vl, kind == 'U' ? 3 : 5);
}

static void ykey(uint8_t *key, int year, uint32_t id)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	wire_put_be32(key + 2, id);
}

/* The staff member named by the staff parameter, within the actor's
 * scope, and the open year. */
static int target(struct lrl_ctx *c, struct staff_rec *s, int64_t *year)
{
	const msgpack_object *v = ctx_param(c, "staff");
	struct year_rec y;
	int rc;

	ctx_int(c, "year", year);
	if ((rc = year_param(c, (int)*year, &y)) != 0)
		return rc;
	if (staff_find(c->txn, v->via.str.ptr, v->via.str.size, s) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
		                    "no staff member has the code '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	return scope_unit_ok(c, s->unit);
}

/* Checks one rating (and, unless dry, writes it). */
static int rate(struct lrl_ctx *c, int dry)
{
	struct staff_rec s;
	int64_t year, months = 12, maternity = 0;
	char rating[16], *note = NULL;
	uint8_t key[6];
	mp_buf b;
	int rc;

	if ((rc = target(c, &s, &year)) != 0)
		return rc;
	ctx_int(c, "months", &months);
	ctx_int(c, "maternity", &maternity);
	if (maternity > months)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "maternity",
		                    "%lld months of maternity leave is more than "
		                    "the %lld months worked, which include it",
		                    (long long)maternity, (long long)months);
	if (dry)
		return 0;
	ctx_strbuf(c, "rating", rating, sizeof rating);
	if (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0)
		return rc;
	ykey(key, (int)year, s.id);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 6);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, rating);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, months);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, note ? note : "");
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_int64(&b.pk, maternity);
	rc = store_put(c->txn, STORE_DB_RATINGS, key, 6, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	free(note);
	return rc;
}

int act_RATING_SET(struct lrl_ctx *c)
{
	char staff[LRL_CODE_MAX + 1], rating[16];
	int64_t year = 0;
	int rc;

	if ((rc = rate(c, 0)) != 0)
		return rc;
	ctx_strbuf(c, "staff", staff, sizeof staff);
	ctx_strbuf(c, "rating", rating, sizeof rating);
	ctx_int(c, "year", &year);
	result_message(c->out, "%s rated %s for %lld", staff, rating,
	               (long long)year);
	return 0;
}

/* The ratings file: the columns HR systems and spreadsheets write. */
static const struct import_column rating_columns[] = {
	{"staff", "Mã nhân viên", "ma|ma nv|ma nhan vien|ma can bo|staff|code|staff code"},
	{"rating", "Xếp loại", "xep loai|xep loai chat luong|muc xep loai|rating"},
	{"months", "Số tháng làm việc", "so thang|so thang lam viec|thang lam viec|months|months worked"},
	{"maternity", "Số tháng nghỉ thai sản", "thai san|nghi thai san|so thang thai san|so thang nghi thai san|maternity|maternity leave"},
	{"note", "Ghi chú", "ghi chu|note"},
};

static const struct import_spec rating_import = {
	rating_columns, sizeof rating_columns / sizeof rating_columns[0],
	LRL_A_RATING_SET, rate, "year", N_("%zu ratings imported"),
};

static int import_year(struct lrl_ctx *c, const struct import_spec *sp,
                       int apply)
{
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	return import_run(c, sp, apply);
}

int act_RATING_IMPORT(struct lrl_ctx *c)
{
	return import_year(c, &rating_import, 1);
}

int act_RATING_IMPORT_CHECK(struct lrl_ctx *c)
{
	return import_year(c, &rating_import, 0);
}

int act_RATING_UNIT(struct lrl_ctx *c)
{
	const msgpack_object *uv = ctx_param(c, "unit");
	struct year_rec y;
	struct unit_rec u;
	int64_t year = 0;
	char rating[16];
	uint8_t key[6];
	mp_buf b;
	int rc;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "rating", rating, sizeof rating);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (unit_find(c->txn, uv->via.str.ptr, uv->via.str.size, &u) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
		                    "no unit has the code '%.*s'",
		                    (int)uv->via.str.size, uv->via.str.ptr);
	if ((rc = scope_unit_ok(c, u.id)) != 0)
		return rc;
	ykey(key, (int)year, u.id);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, rating);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_UNIT_RATINGS, key, 6, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	if (rc != 0)
		return rc;
	result_message(c->out, "unit %s rated %s for %lld", u.code, rating,
	               (long long)year);
	return 0;
}

/* Checks one discipline (and, unless dry, writes it). */
static int discipline(struct lrl_ctx *c, int dry)
{
	struct staff_rec s;
	int64_t year, from = 0, to = 0;
	char level[16], *reason = NULL;
	uint8_t key[14];
	mp_buf b;
	int rc;

	if ((rc = target(c, &s, &year)) != 0)
		return rc;
	ctx_strbuf(c, "level", level, sizeof level);
	ctx_int(c, "from", &from);
	ctx_int(c, "to", &to);
	if (to && to < from)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "to",
		                    "must not be before the first day");
	if ((rc = ctx_text(c, "reason", &reason)) != 0)
		return rc;
	if (dry) {
		free(reason);
		return 0;
	}
	ykey(key, (int)year, s.id);
	wire_put_be64(key + 6, c->seq);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 5);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, level);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, from);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_int64(&b.pk, to);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, reason);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	rc = store_put(c->txn, STORE_DB_DISCIPLINES, key, sizeof key, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	free(reason);
	return rc;
}

int act_DISCIPLINE_ADD(struct lrl_ctx *c)
{
	char staff[LRL_CODE_MAX + 1];
	int rc;

	if ((rc = discipline(c, 0)) != 0)
		return rc;
	ctx_strbuf(c, "staff", staff, sizeof staff);
	result_message(c->out, "discipline of %s recorded", staff);
	return 0;
}

/* The disciplines file: one row a person (the decision that disciplined
 * them in the year). */
static const struct import_column discipline_columns[] = {
	{"staff", "Mã nhân viên", "ma|ma nv|ma nhan vien|ma can bo|staff|code|staff code"},
	{"level", "Hình thức kỷ luật", "hinh thuc|hinh thuc ky luat|ky luat|muc ky luat|level|discipline"},
	{"from", "Từ ngày", "tu ngay|ngay bat dau|hieu luc tu|from|first day"},
	{"to", "Đến ngày", "den ngay|ngay ket thuc|hieu luc den|to|last day"},
	{"reason", "Quyết định, lý do", "quyet dinh|ly do|quyet dinh ly do|can cu|reason|decision"},
};

static const struct import_spec discipline_import = {
	discipline_columns,
	sizeof discipline_columns / sizeof discipline_columns[0],
	LRL_A_DISCIPLINE_ADD, discipline, "year",
	N_("%zu disciplines imported"),
};

int act_DISCIPLINE_IMPORT(struct lrl_ctx *c)
{
	return import_year(c, &discipline_import, 1);
}

int act_DISCIPLINE_IMPORT_CHECK(struct lrl_ctx *c)
{
	return import_year(c, &discipline_import, 0);
}

struct rating_rows {
	mp_buf b;
	size_t n;
	int year;
};

/* The most serious discipline of s in the year: its level index. */
static int worst_discipline(store_txn *t, int year, uint32_t staff)
{
	uint8_t lo[6];
	const void *k = lo, *v;
	size_t kl = sizeof lo, vl;
	store_cursor *cur;
	int worst = 0, rc;

	ykey(lo, year, staff);
	if (store_cursor_open(t, STORE_DB_DISCIPLINES, &cur) != 0)
		return 0;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl == 14 && memcmp(k, lo, 6) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		msgpack_unpacked up;
		char level[16] = "";
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0)
			mp_get_strbuf(mp_map_geti(&up.data, 1), level, sizeof level);
		msgpack_unpacked_destroy(&up);
		for (int i = 1; i < 4; i++)
			if (!strcmp(level, levels[i]) && i > worst)
				worst = i;
	}
	store_cursor_close(cur);
	return worst;
}

static int rating_one(struct lrl_ctx *c, const struct staff_rec *s, void *arg)
{
	struct rating_rows *r = arg;
	struct unit_rec u;
	uint8_t key[6];
	const void *v;
	size_t vl;
	char rating[16] = "", note[LRL_TEXT_MAX * 4 + 1] = "";
	int64_t months = 0, maternity = 0;

	ykey(key, r->year, s->id);
	if (store_get(c->txn, STORE_DB_RATINGS, key, 6, &v, &vl) == 0) {
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0) {
			mp_get_strbuf(mp_map_geti(&up.data, 1), rating, sizeof rating);
			mp_get_i64(mp_map_geti(&up.data, 2), &months);
			mp_get_strbuf(mp_map_geti(&up.data, 3), note, sizeof note);
			mp_get_i64(mp_map_geti(&up.data, 6), &maternity);
		}
		msgpack_unpacked_destroy(&up);
	}
	msgpack_pack_array(&r->b.pk, 8);
	mp_pack_str(&r->b.pk, s->code);
	mp_pack_str(&r->b.pk, s->full_name);
	mp_pack_str(&r->b.pk, unit_get(c->txn, s->unit, &u) == 0 ? u.code : "");
	mp_pack_str(&r->b.pk, rating);
	if (rating[0])
		msgpack_pack_int64(&r->b.pk, months);
	else
		mp_pack_str(&r->b.pk, "");
	mp_pack_str(&r->b.pk, levels[worst_discipline(c->txn, r->year, s->id)]);
	mp_pack_str(&r->b.pk, note);
	if (rating[0] && maternity > 0)
		msgpack_pack_int64(&r->b.pk, maternity);
	else
		mp_pack_str(&r->b.pk, "");
	r->n++;
	return 0;
}

int act_RATING_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"staff", "full-name", "unit", "rating",
	                                   "months", "discipline", "note",
	                                   "maternity"};
	struct rating_rows r;
	struct year_rec y;
	int64_t year = 0;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.year = (int)year;
	mp_buf_init(&r.b);
	if ((rc = each_visible_staff(c, rating_one, &r)) == 0) {
		list_begin(c->out, cols, sizeof cols / sizeof cols[0], r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&r.b);
	return rc;
}
