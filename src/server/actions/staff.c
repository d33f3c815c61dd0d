/* staff.c — the staff roster: add, edit, show, list, export, import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/awards.h"
#include "laurel/decisions.h"
#include "laurel/err.h"
#include "laurel/import.h"
#include "laurel/msg.h"
#include "laurel/roster.h"
#include "laurel/text.h"
#include "laurel/wire.h"

int act_STAFF_ADD(struct lrl_ctx *c);
int act_STAFF_EDIT(struct lrl_ctx *c);
int act_STAFF_SHOW(struct lrl_ctx *c);
int act_STAFF_LIST(struct lrl_ctx *c);
int act_STAFF_EXPORT(struct lrl_ctx *c);
int act_STAFF_IMPORT(struct lrl_ctx *c);
int act_STAFF_IMPORT_CHECK(struct lrl_ctx *c);


/* The staff columns: parameter name, the import/export header, and the
 * other headers an import accepts (compared without tones and case). */
static const struct import_column columns[] = {
	{"code", "Mã nhân viên", "ma|ma nv|ma nhan vien|ma can bo|code|staff code"},
	{"full-name", "Họ và tên", "ho ten|ho va ten|full-name|full name|name"},
	{"sex", "Giới tính", "gioi tinh|sex"},
	{"birth-date", "Ngày sinh", "ngay sinh|ngay thang nam sinh|birth-date|birth date"},
	{"unit", "Mã đơn vị", "don vi|ma don vi|khoa phong|unit|unit code"},
	{"position", "Chức vụ", "chuc vu|position"},
	{"job-title", "Chức danh", "chuc danh|chuc danh nghe nghiep|job-title|job title"},
	{"category", "Loại", "loai|loai nhan su|loai can bo|category"},
	{"start-date", "Ngày vào làm", "ngay vao lam|ngay bat dau|ngay tuyen dung|start-date|start date"},
	{"login", "Tài khoản", "tai khoan|login|account"},
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* ---- applying one record ------------------------------------------- */

static void copy_text(struct lrl_ctx *c, const char *name, char *dst,
                      size_t n)
{
	char *s = NULL;

	if (ctx_text(c, name, &s) == 0) {
		snprintf(dst, n, "%s", s);
		free(s);
	}
}

/* Links account login to staff s (unlinking what s had); sets c->fail.
 * With dry, only checks. */
static int link_account(struct lrl_ctx *c, struct staff_rec *s,
                        const msgpack_object *login, int dry)
{
	struct user_rec u, old;
	int rc;

	if (login) {
		rc = users_find(c->txn, login->via.str.ptr, login->via.str.size,
		                &u);
		if (rc == LRL_ENOENT)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "login",
			                    "no account has the login '%.*s'",
			                    (int)login->via.str.size,
			                    login->via.str.ptr);
		if (rc != 0)
			return rc;
		if (u.staff_id && u.staff_id != s->id) {
			struct staff_rec other;
			if (staff_get(c->txn, u.staff_id, &other) == 0)
				return lrl_fail_set(&c->fail, LRL_EEXIST, "login",
				                    "account %s already belongs to "
				                    "staff %s", u.login, other.code);
		}
	}
	if (dry)
		return 0;
	if (s->user && users_get(c->txn, s->user, &old) == 0) {
		old.staff_id = 0;
		if ((rc = users_put(c->txn, &old, 0)) != 0)
			return rc;
	}
	s->user = 0;
	if (login == NULL)
		return 0;
	if ((rc = users_find(c->txn, login->via.str.ptr, login->via.str.size,
	                     &u)) != 0)
		return rc;
	u.staff_id = s->id;
	s->user = u.id;
	return users_put(c->txn, &u, 0);
}

/* Validates the parameters in c against the store and (unless dry)
 * writes the record.  Everything is checked before anything is written,
 * so a refusal leaves the transaction untouched. */
static int apply_staff(struct lrl_ctx *c, const struct staff_rec *old,
                       int dry)
{
	struct staff_rec s, other;
	struct unit_rec unit;
	const msgpack_object *v;
	int64_t d;
	int rc;

	if (old)
		s = *old;
	else
		memset(&s, 0, sizeof s);
	if (!old) {
		ctx_strbuf(c, "code", s.code, sizeof s.code);
		if (staff_find(c->txn, s.code, strlen(s.code), &other) == 0)
			return lrl_fail_set(&c->fail, LRL_EEXIST, "code",
			                    "staff code %s already exists (%s)",
			                    s.code, other.full_name);
	}
	if ((v = ctx_param(c, "unit")) != NULL) {
		rc = unit_find(c->txn, v->via.str.ptr, v->via.str.size, &unit);
		if (rc == LRL_ENOENT)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
			                    "no unit has the code '%.*s'",
			                    (int)v->via.str.size, v->via.str.ptr);
		if (rc != 0)
			return rc;
		if (unit.closed)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "unit",
			                    "unit %s is closed", unit.code);
		if ((rc = scope_unit_ok(c, unit.id)) != 0)
			return lrl_fail_set(&c->fail, LRL_EPERM, "unit",
			                    "you may add or move staff only within "
			                    "the units you head");
		s.unit = unit.id;
	}
	if (old && (rc = scope_unit_ok(c, old->unit)) != 0)
		return rc;
	copy_text(c, "full-name", s.full_name, sizeof s.full_name);
	ctx_strbuf(c, "sex", s.sex, sizeof s.sex);
	copy_text(c, "position", s.position, sizeof s.position);
	copy_text(c, "job-title", s.job_title, sizeof s.job_title);
	ctx_strbuf(c, "category", s.category, sizeof s.category);
	if (ctx_int(c, "birth-date", &d) == 0)
		s.birth = (int32_t)d;
	if (ctx_int(c, "start-date", &d) == 0)
		s.start = (int32_t)d;
	if (s.start <= s.birth)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "start-date",
		                    "must be after the date of birth");
	if (s.start - s.birth < 15 * 365)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "birth-date",
		                    "the person would have started work before "
		                    "the age of 15");
	if (s.start > date_of_time(c->now) + 366)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "start-date",
		                    "is more than a year in the future");
	v = ctx_param(c, "login");
	if (v && (rc = link_account(c, &s, v, 1)) != 0)
		return rc;
	if (dry)
		return 0;
	if (!old) {
		s.created = c->now;
		/* The id is needed for linking: take it now. */
		if ((rc = staff_put(c->txn, &s, NULL)) != 0)
			return rc;
	}
	/* Relink only when a login was given (an unchanged link stays). */
	if (v && (rc = link_account(c, &s, v, 0)) != 0)
		return rc;
	{
		struct staff_rec prev;
		if ((rc = staff_get(c->txn, s.id, &prev)) != 0)
			return rc;
		return staff_put(c->txn, &s, &prev);
	}
}

int act_STAFF_ADD(struct lrl_ctx *c)
{
	int rc;
	char code[LRL_CODE_MAX + 1];

	if ((rc = apply_staff(c, NULL, 0)) != 0)
		return rc;
	ctx_strbuf(c, "code", code, sizeof code);
	result_message(c->out, "staff %s added", code);
	return 0;
}

/* The staff record named by the code parameter; sets c->fail. */
static int staff_param(struct lrl_ctx *c, struct staff_rec *s)
{
	const msgpack_object *v = ctx_param(c, "code");
	int rc = staff_find(c->txn, v->via.str.ptr, v->via.str.size, s);

	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                    "no staff member has the code '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	return rc;
}

int act_STAFF_EDIT(struct lrl_ctx *c)
{
	struct staff_rec s;
	int rc, any = 0;

	if ((rc = staff_param(c, &s)) != 0)
		return rc;
	for (size_t i = 1; i < NCOLUMNS; i++)
		any |= ctx_param(c, columns[i].param) != NULL;
	if (!any)
		return lrl_fail_set(&c->fail, LRL_EINVAL, NULL,
		                    "nothing to change: give at least one field");
	if ((rc = apply_staff(c, &s, 0)) != 0)
		return rc;
	result_message(c->out, "staff %s changed", s.code);
	return 0;
}

/* May the actor see staff record s? */
static int can_see(struct lrl_ctx *c, const struct staff_rec *s)
{
	if (c->scope == LRL_SC_A)
		return 1;
	if (c->actor && s->user == c->actor->id)
		return 1;
	if (c->scope == LRL_SC_U) {
		for (unsigned i = 0; i < c->actor->nroles; i++)
			if (c->actor->roles[i].role == LRL_ROLE_HEAD &&
			    unit_within(c->txn, s->unit, c->actor->roles[i].unit))
				return 1;
	}
	return 0;
}

static void fmt_date(int32_t d, char *buf, size_t n)
{
	if (d)
		date_format(d, buf, n);
	else
		buf[0] = '\0';
}

/* Packs the row of s in column order (NCOLUMNS values). */
static void pack_row(struct lrl_ctx *c, msgpack_packer *pk,
                     const struct staff_rec *s)
{
	struct unit_rec u;
	struct user_rec acc;
	char birth[16], start[16];

	fmt_date(s->birth, birth, sizeof birth);
	fmt_date(s->start, start, sizeof start);
	msgpack_pack_array(pk, NCOLUMNS);
	mp_pack_str(pk, s->code);
	mp_pack_str(pk, s->full_name);
	mp_pack_str(pk, s->sex);
	mp_pack_str(pk, birth);
	mp_pack_str(pk, unit_get(c->txn, s->unit, &u) == 0 ? u.code : "");
	mp_pack_str(pk, s->position);
	mp_pack_str(pk, s->job_title);
	mp_pack_str(pk, s->category);
	mp_pack_str(pk, start);
	mp_pack_str(pk, s->user && users_get(c->txn, s->user, &acc) == 0
	                        ? acc.login
	                        : "");
}

static int count_title(int year, const char *code, const msgpack_object *v,
                       void *arg)
{
	(void)year;
	(void)code;
	(void)v;
	++*(size_t *)arg;
	return 0;
}

int act_STAFF_SHOW(struct lrl_ctx *c)
{
	size_t ntitles;
	struct staff_rec s;
	struct unit_rec u;
	mp_buf row;
	msgpack_unpacked up;
	int rc;

	if ((rc = staff_param(c, &s)) != 0)
		return rc;
	if (!can_see(c, &s))
		return lrl_fail_set(&c->fail, LRL_EPERM, "code",
		                    "you may not see this staff member's record");
	mp_buf_init(&row);
	pack_row(c, &row.pk, &s);
	msgpack_unpacked_init(&up);
	mp_decode(&up, row.sb.data, row.sb.size);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	ntitles = 0;
	awards_each(c->txn, 'S', s.id, 1990, 2099, count_title, &ntitles);
	msgpack_pack_map(c->out, NCOLUMNS + 1 + (ntitles ? 1 : 0));
	for (size_t i = 0; i < NCOLUMNS; i++) {
		mp_pack_str(c->out, columns[i].param);
		msgpack_pack_object(c->out, up.data.via.array.ptr[i]);
		if (i == 4) {
			mp_pack_str(c->out, "unit-name");
			mp_pack_str(c->out, unit_get(c->txn, s.unit, &u) == 0
			                            ? u.name
			                            : "");
		}
	}
	/* The record of titles and honours, year after year. */
	if (ntitles) {
		mp_pack_str(c->out, "titles");
		decision_pack_titles(c->txn, 'S', s.id, c->out);
	}
	msgpack_unpacked_destroy(&up);
	mp_buf_free(&row);
	return 0;
}

/* Lists staff in Vietnamese name order; headers chooses the column names
 * (parameter names, or the import headers for export). */
static int list_staff(struct lrl_ctx *c, int export_headers)
{
	const char *cols[NCOLUMNS];
	uint32_t *units = NULL;
	size_t nunits = 0, n = 0;
	int64_t limit = export_headers ? LRL_PAGE_MAX : LRL_PAGE_DEFAULT;
	char *query = NULL, after_hex[1100] = "", next[1100] = "";
	uint8_t after[520];
	size_t after_len = 0;
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl;
	mp_buf rows;
	int rc, more = 0;

	for (size_t i = 0; i < NCOLUMNS; i++)
		cols[i] = export_headers ? columns[i].header : columns[i].param;
	ctx_int(c, "limit", &limit);
	if (ctx_param(c, "search")) {
		char *raw = NULL;
		if ((rc = ctx_text(c, "search", &raw)) != 0)
			return rc;
		query = text_fold(raw);
		free(raw);
	}
	if (ctx_strbuf(c, "after", after_hex, sizeof after_hex) == 0) {
		size_t hl = strlen(after_hex);
		if (hl % 2 || hl / 2 > sizeof after) {
			free(query);
			return lrl_fail_set(&c->fail, LRL_EINVAL, "after",
			                    "is not a cursor from an earlier page");
		}
		for (size_t i = 0; i < hl / 2; i++) {
			unsigned x;
			if (sscanf(after_hex + 2 * i, "%2x", &x) != 1) {
				free(query);
				return lrl_fail_set(&c->fail, LRL_EINVAL, "after",
				                    "is not a cursor from an earlier page");
			}
			after[i] = (uint8_t)x;
		}
		after_len = hl / 2;
	}
	if (ctx_param(c, "unit")) {
		struct unit_rec root;
		uint32_t rid;
		if ((rc = unit_by_param(c, "unit", &rid)) != 0) {
			free(query);
			return rc;
		}
		unit_get(c->txn, rid, &root);
		/* The unit and every unit below it. */
		if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
			goto out;
		for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
		     rc == 0; rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
			uint32_t id = wire_get_be32(k);
			if (unit_within(c->txn, id, rid)) {
				uint32_t *p = realloc(units, (nunits + 1) * sizeof *units);
				if (p == NULL) {
					rc = LRL_ENOMEM;
					goto out;
				}
				units = p;
				units[nunits++] = id;
			}
		}
		store_cursor_close(cur);
		cur = NULL;
	}
	mp_buf_init(&rows);
	if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF_BY_NAME, &cur)) != 0)
		goto out_rows;
	if (after_len) {
		k = after;
		kl = after_len;
		rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
		if (rc == 0 && kl == after_len && memcmp(k, after, kl) == 0)
			rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL);
	} else {
		rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, NULL, NULL);
	}
	for (; rc == 0; rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
		struct staff_rec s;
		int ok = 1;
		if (kl < 5 || staff_get(c->txn, wire_get_be32((const uint8_t *)k + kl - 4),
		                        &s) != 0)
			continue;
		if (nunits) {
			ok = 0;
			for (size_t i = 0; i < nunits && !ok; i++)
				ok = units[i] == s.unit;
		}
		if (ok && query) {
			char *fold = text_fold(s.full_name);
			ok = fold && text_search_match(fold, query);
			free(fold);
		}
		if (!ok || !can_see(c, &s))
			continue;
		if ((int64_t)n == limit) {
			more = 1;
			break;
		}
		pack_row(c, &rows.pk, &s);
		n++;
		if (kl * 2 + 1 <= sizeof next)
			for (size_t i = 0; i < kl; i++)
				snprintf(next + 2 * i, 3, "%02x", ((const uint8_t *)k)[i]);
	}
	if (rc == LRL_ENOENT)
		rc = 0;
	if (rc == 0) {
		list_begin(c->out, cols, NCOLUMNS, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, more ? next : NULL);
	}
out_rows:
	mp_buf_free(&rows);
out:
	store_cursor_close(cur);
	free(units);
	free(query);
	return rc == LRL_ENOENT ? 0 : rc;
}

int act_STAFF_LIST(struct lrl_ctx *c)
{
	return list_staff(c, 0);
}

int act_STAFF_EXPORT(struct lrl_ctx *c)
{
	return list_staff(c, 1);
}

/* ---- import ----------------------------------------------------------- */

static int apply_import_row(struct lrl_ctx *c, int dry)
{
	return apply_staff(c, NULL, dry);
}

static const struct import_spec staff_import = {
	columns, NCOLUMNS, LRL_A_STAFF_ADD, apply_import_row, NULL,
	N_("%zu staff imported"),
};

int act_STAFF_IMPORT(struct lrl_ctx *c)
{
	return import_run(c, &staff_import, 1);
}

int act_STAFF_IMPORT_CHECK(struct lrl_ctx *c)
{
	return import_run(c, &staff_import, 0);
}
