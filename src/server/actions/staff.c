/* staff.c — the staff roster: add, edit, show, list, export, import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
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

#define IMPORT_ERRORS_MAX 1000

/* The staff columns: parameter name, the import/export header, and the
 * other headers an import accepts (compared without tones and case). */
static const struct column {
	const char *param;
	const char *header;
	const char *aliases;
} columns[] = {
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

int act_STAFF_SHOW(struct lrl_ctx *c)
{
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
	msgpack_pack_map(c->out, NCOLUMNS + 1);
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

struct import_err {
	uint64_t line;
	char column[64];
	char reason[256];
};

struct import_state {
	struct import_err *err;
	size_t nerr;
	size_t total_err;
};

static void add_err(struct import_state *st, uint64_t line,
                    const char *column, const char *reason)
{
	st->total_err++;
	if (st->nerr >= IMPORT_ERRORS_MAX)
		return;
	st->err[st->nerr].line = line;
	snprintf(st->err[st->nerr].column, sizeof st->err[0].column, "%s",
	         column ? column : "");
	snprintf(st->err[st->nerr].reason, sizeof st->err[0].reason, "%s",
	         reason);
	st->nerr++;
}

/* Which column a header names, or -1. */
static int header_column(const char *h, size_t len)
{
	char *raw = strndup(h, len), *f = raw ? text_fold(raw) : NULL;
	int found = -1;

	for (size_t i = 0; f && i < NCOLUMNS && found < 0; i++) {
		const char *a = columns[i].aliases;
		char *hf = text_fold(columns[i].header);
		if (hf && strcmp(hf, f) == 0)
			found = (int)i;
		free(hf);
		while (a && *a && found < 0) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			if (strlen(f) == al && strncmp(f, a, al) == 0)
				found = (int)i;
			a = bar ? bar + 1 : NULL;
		}
	}
	free(raw);
	free(f);
	return found;
}

static const char *column_header(const char *param)
{
	for (size_t i = 0; i < NCOLUMNS; i++)
		if (param && !strcmp(columns[i].param, param))
			return columns[i].header;
	return param;
}

/* Validates (and, when apply, writes) every row.  Rows are [line, cell…];
 * the first row is the header. */
static int run_import(struct lrl_ctx *c, int apply, struct import_state *st,
                      size_t *imported)
{
	const msgpack_object *rows = ctx_param(c, "file");
	const struct lrl_action *add = &lrl_actions[LRL_A_STAFF_ADD];
	int map[NCOLUMNS + 64];
	size_t ncols;
	uint64_t hline;
	mp_buf b;
	int rc = 0;

	*imported = 0;
	if (rows->via.array.size == 0) {
		add_err(st, 1, NULL, "the file is empty: a header row is needed");
		return 0;
	}
	{
		const msgpack_object *h = &rows->via.array.ptr[0];
		hline = h->via.array.ptr[0].via.u64;
		ncols = h->via.array.size - 1;
		if (ncols > NCOLUMNS + 63) {
			add_err(st, hline, NULL, "the header has too many columns");
			return 0;
		}
		for (size_t i = 0; i < ncols; i++) {
			const msgpack_object *cell = &h->via.array.ptr[i + 1];
			char msg[200];
			map[i] = header_column(cell->via.str.ptr, cell->via.str.size);
			if (map[i] < 0 && cell->via.str.size > 0) {
				snprintf(msg, sizeof msg, "unknown column '%.*s'",
				         (int)(cell->via.str.size > 60 ? 60
				                                       : cell->via.str.size),
				         cell->via.str.ptr);
				add_err(st, hline, NULL, msg);
			}
			for (size_t j = 0; j < i && map[i] >= 0; j++)
				if (map[j] == map[i]) {
					snprintf(msg, sizeof msg, "column '%s' appears twice",
					         columns[map[i]].header);
					add_err(st, hline, NULL, msg);
				}
		}
		for (size_t p = 0; p < NCOLUMNS; p++) {
			const struct lrl_param *pp =
				action_param(add, columns[p].param, strlen(columns[p].param));
			int have = 0;
			for (size_t i = 0; i < ncols; i++)
				have |= map[i] == (int)p;
			if (!have && pp && (pp->flags & PF_REQ)) {
				char msg[200];
				snprintf(msg, sizeof msg, "the required column '%s' is missing",
				         columns[p].header);
				add_err(st, hline, NULL, msg);
			}
		}
		if (st->total_err)
			return 0;
	}
	mp_buf_init(&b);
	for (uint32_t r = 1; r < rows->via.array.size; r++) {
		const msgpack_object *row = &rows->via.array.ptr[r];
		uint64_t line = row->via.array.ptr[0].via.u64;
		size_t given = 0, blank = 1;
		struct lrl_fail f;
		msgpack_unpacked up;
		struct lrl_ctx rc_ctx;
		int bad = 0;

		for (uint32_t i = 1; i < row->via.array.size; i++)
			if (row->via.array.ptr[i].via.str.size)
				blank = 0;
		if (blank)
			continue; /* spreadsheets leave empty lines */
		if (row->via.array.size - 1 != ncols) {
			char msg[120];
			snprintf(msg, sizeof msg, "has %u cells but the header has %zu",
			         row->via.array.size - 1, ncols);
			add_err(st, line, NULL, msg);
			continue;
		}
		for (size_t i = 0; i < ncols; i++)
			if (map[i] >= 0 && row->via.array.ptr[i + 1].via.str.size)
				given++;
		mp_buf_reset(&b);
		msgpack_pack_map(&b.pk, given);
		for (size_t i = 0; i < ncols && !bad; i++) {
			const msgpack_object *cell = &row->via.array.ptr[i + 1];
			const struct lrl_param *pp;
			char *text;
			if (map[i] < 0 || cell->via.str.size == 0)
				continue;
			pp = action_param(add, columns[map[i]].param,
			                  strlen(columns[map[i]].param));
			text = strndup(cell->via.str.ptr, cell->via.str.size);
			mp_pack_str(&b.pk, pp->name);
			memset(&f, 0, sizeof f);
			if (text == NULL ||
			    action_pack_text(pp, text, &b.pk, &f) != 0) {
				add_err(st, line, columns[map[i]].header,
				        text ? f.reason : "out of memory");
				bad = 1;
			}
			free(text);
		}
		if (bad)
			continue;
		msgpack_unpacked_init(&up);
		memset(&f, 0, sizeof f);
		if (mp_decode(&up, b.sb.data, b.sb.size) != 0 ||
		    action_check_params(add, &up.data, &f) != 0) {
			add_err(st, line, column_header(f.field), f.reason);
			msgpack_unpacked_destroy(&up);
			continue;
		}
		/* Duplicate codes within the file. */
		for (uint32_t q = 1; q < r; q++) {
			const msgpack_object *prev = &rows->via.array.ptr[q];
			for (size_t i = 0; i < ncols && prev->via.array.size - 1 == ncols; i++)
				if (map[i] == 0) {
					const msgpack_object *a = &prev->via.array.ptr[i + 1];
					const msgpack_object *bb = &row->via.array.ptr[i + 1];
					if (a->via.str.size == bb->via.str.size &&
					    memcmp(a->via.str.ptr, bb->via.str.ptr,
					           a->via.str.size) == 0) {
						char msg[120];
						snprintf(msg, sizeof msg,
						         "duplicate code: also on line %llu",
						         (unsigned long long)prev->via.array.ptr[0].via.u64);
						add_err(st, line, columns[0].header, msg);
						bad = 1;
					}
				}
			if (bad)
				break;
		}
		if (bad) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		rc_ctx = *c;
		rc_ctx.action = add;
		rc_ctx.params = &up.data;
		memset(&rc_ctx.fail, 0, sizeof rc_ctx.fail);
		/* Once a problem is found nothing will be kept, so later
		 * rows are only checked. */
		rc = apply_staff(&rc_ctx, NULL, !(apply && st->total_err == 0));
		msgpack_unpacked_destroy(&up);
		if (rc == LRL_EFULL || rc == LRL_ENOMEM || rc == LRL_ESTORE) {
			mp_buf_free(&b);
			return rc;
		}
		if (rc != 0)
			add_err(st, line, column_header(rc_ctx.fail.field),
			        rc_ctx.fail.reason[0] ? rc_ctx.fail.reason
			                              : lrl_strerror(rc));
		else
			(*imported)++;
		rc = 0;
	}
	mp_buf_free(&b);
	return 0;
}

static int import_common(struct lrl_ctx *c, int apply)
{
	static const char *const cols[] = {"line", "column", "problem"};
	struct import_state st;
	size_t imported = 0;
	int rc;

	memset(&st, 0, sizeof st);
	if ((st.err = calloc(IMPORT_ERRORS_MAX, sizeof *st.err)) == NULL)
		return LRL_ENOMEM;
	rc = run_import(c, apply, &st, &imported);
	if (rc != 0)
		goto out;
	if (st.total_err && apply) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "file",
		                  "%zu problem%s found (first on line %llu: %s%s%s); "
		                  "nothing was imported",
		                  st.total_err, st.total_err == 1 ? "" : "s",
		                  (unsigned long long)st.err[0].line, st.err[0].column,
		                  st.err[0].column[0] ? ": " : "", st.err[0].reason);
		goto out;
	}
	if (apply) {
		result_message(c->out, "%zu staff imported", imported);
		goto out;
	}
	list_begin(c->out, cols, 3, st.nerr);
	for (size_t i = 0; i < st.nerr; i++) {
		msgpack_pack_array(c->out, 3);
		msgpack_pack_uint64(c->out, st.err[i].line);
		mp_pack_str(c->out, st.err[i].column);
		mp_pack_str(c->out, st.err[i].reason);
	}
	list_end(c->out, NULL);
	/* The check's summary travels with the list. */
	(void)imported;
out:
	free(st.err);
	return rc;
}

int act_STAFF_IMPORT(struct lrl_ctx *c)
{
	return import_common(c, 1);
}

int act_STAFF_IMPORT_CHECK(struct lrl_ctx *c)
{
	return import_common(c, 0);
}
