/* acthelp.c — helpers shared by action handlers (see acthelp.h). */
#include "laurel/acthelp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/roster.h"
#include "laurel/wire.h"

int user_by_param(struct lrl_ctx *c, const char *param, struct user_rec *u)
{
	const msgpack_object *v = ctx_param(c, param);
	int rc;

	if (v == NULL || v->type != MSGPACK_OBJECT_STR)
		return lrl_fail_set(&c->fail, LRL_EINVAL, param, "is required");
	rc = users_find(c->txn, v->via.str.ptr, v->via.str.size, u);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, param,
		                    "no account has the login '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	return rc;
}

int unit_by_param(struct lrl_ctx *c, const char *param, uint32_t *id)
{
	const msgpack_object *v = ctx_param(c, param);
	const void *d;
	size_t dl;
	int rc;

	if (v == NULL || v->type != MSGPACK_OBJECT_STR)
		return lrl_fail_set(&c->fail, LRL_EINVAL, param, "is required");
	rc = store_get(c->txn, STORE_DB_UNIT_CODES, v->via.str.ptr,
	               v->via.str.size, &d, &dl);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, param,
		                    "no unit has the code '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	if (rc != 0)
		return rc;
	if (dl != 4)
		return LRL_ECORRUPT;
	*id = wire_get_be32(d);
	return 0;
}

/* The parent of unit (0 for a root), read from its record's field 4. */
static int unit_parent(store_txn *t, uint32_t unit, uint32_t *parent)
{
	uint8_t key[4];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	uint64_t p = 0;
	int rc;

	wire_put_be32(key, unit);
	if ((rc = store_get(t, STORE_DB_UNITS, key, 4, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = mp_decode(&up, v, vl) ? LRL_ECORRUPT : 0;
	if (rc == 0)
		mp_get_u64(mp_map_geti(&up.data, 4), &p);
	msgpack_unpacked_destroy(&up);
	*parent = (uint32_t)p;
	return rc;
}

int unit_within(store_txn *t, uint32_t unit, uint32_t ancestor)
{
	/* Depth is bounded so that a corrupt cycle cannot hang the server. */
	for (int depth = 0; unit != 0 && depth < 64; depth++) {
		if (unit == ancestor)
			return 1;
		if (unit_parent(t, unit, &unit) != 0)
			return 0;
	}
	return 0;
}

int scope_unit_sees(const struct lrl_ctx *c, uint32_t unit)
{
	if (c->scope == LRL_SC_A)
		return 1;
	if (c->scope == LRL_SC_U && c->actor) {
		for (unsigned i = 0; i < c->actor->nroles; i++)
			if (c->actor->roles[i].role == LRL_ROLE_HEAD &&
			    unit_within(c->txn, unit, c->actor->roles[i].unit))
				return 1;
	}
	return 0;
}

int scope_unit_ok(struct lrl_ctx *c, uint32_t unit)
{
	if (scope_unit_sees(c, unit))
		return 0;
	return lrl_fail_set(&c->fail, LRL_EPERM, NULL,
	                    "%s is allowed only for your own unit's records",
	                    c->action->name);
}

void list_begin(msgpack_packer *pk, const char *const *columns,
                size_t ncols, size_t nrows)
{
	msgpack_pack_map(pk, 3);
	mp_pack_str(pk, "columns");
	msgpack_pack_array(pk, ncols);
	for (size_t i = 0; i < ncols; i++)
		mp_pack_str(pk, columns[i]);
	mp_pack_str(pk, "rows");
	msgpack_pack_array(pk, nrows);
}

void list_end(msgpack_packer *pk, const char *next)
{
	mp_pack_kv_str(pk, "next", next);
}

/* Staff records in Vietnamese name order that the actor may see, within
 * the unit parameter when given: calls fn for each. */
int each_visible_staff(struct lrl_ctx *c,
                      int (*fn)(struct lrl_ctx *, const struct staff_rec *,
                                void *),
                      void *arg)
{
	uint32_t root = 0;
	store_cursor *cur;
	const void *k;
	size_t kl;
	int rc;

	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF_BY_NAME, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, NULL, NULL); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
		struct staff_rec s;
		struct lrl_fail keep = c->fail;
		int visible;
		if (kl < 5 || staff_get(c->txn, wire_get_be32((const uint8_t *)k + kl - 4),
		                        &s) != 0)
			continue;
		if (root && !unit_within(c->txn, s.unit, root))
			continue;
		visible = c->scope == LRL_SC_A ||
		          (c->actor && s.user == c->actor->id) ||
		          (c->scope == LRL_SC_U && scope_unit_sees(c, s.unit));
		c->fail = keep;
		if (!visible)
			continue;
		if ((rc = fn(c, &s, arg)) != 0)
			break;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}


void action_subject_text(const struct lrl_action *a,
                         const msgpack_object *params, char *buf, size_t n)
{
	buf[0] = '\0';
	for (const struct lrl_param *p = a->params; p->name; p++) {
		const msgpack_object *v = mp_map_get(params, p->name);
		if (v == NULL || (p->flags & PF_DERIVED))
			continue;
		if (v->type == MSGPACK_OBJECT_STR) {
			snprintf(buf, n, "%s=%.*s", p->name,
			         (int)(v->via.str.size > 80 ? 80 : v->via.str.size),
			         v->via.str.ptr);
			return;
		}
	}
}

void hospital_name(store_txn *t, char *buf, size_t n)
{
	const void *v;
	size_t vl;

	buf[0] = '\0';
	if (store_get(t, STORE_DB_STATE, "hospital", 8, &v, &vl) == 0)
		snprintf(buf, n, "%.*s", (int)(vl < n ? vl : n - 1),
		         (const char *)v);
}

int series_next_code(store_txn *t, const char *prefix, int year, char *code,
                     size_t n)
{
	char key[32];
	uint8_t num[4];
	const void *v;
	size_t vl;
	uint32_t last = 0;
	int kl = snprintf(key, sizeof key, "seq:%s-%d", prefix, year);

	if (store_get(t, STORE_DB_STATE, key, (size_t)kl, &v, &vl) == 0 &&
	    vl == 4)
		last = wire_get_be32(v);
	wire_put_be32(num, ++last);
	snprintf(code, n, "%s-%d-%03u", prefix, year, (unsigned)last);
	return store_put(t, STORE_DB_STATE, key, (size_t)kl, num, 4, 0);
}

void year_key(uint8_t *key, int year, uint32_t num)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	wire_put_be32(key + 2, num);
}

/* Does key start with the pl bytes of prefix?  A short prefix (a year)
 * is compared here: a report asks it of every record it scans. */
static inline int has_prefix(const void *key, const void *prefix, size_t pl)
{
	const uint8_t *a = key, *b = prefix;

	for (size_t i = 0; i < pl; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

int each_with_prefix(store_txn *t, enum store_db db, const void *prefix,
                     size_t pl,
                     int (*fn)(const uint8_t *key, size_t kl, const void *v,
                               size_t vl, void *arg),
                     void *arg)
{
	const void *k = prefix, *v;
	size_t kl = pl, vl;
	store_cursor *cur;
	int rc, stop = 0;

	if ((rc = store_cursor_open(t, db, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl >= pl && has_prefix(k, prefix, pl);
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl))
		if ((stop = fn(k, kl, v, vl, arg)) != 0)
			break;
	store_cursor_close(cur);
	if (stop)
		return stop;
	return rc == LRL_ENOENT ? 0 : rc;
}

int each_of_year(store_txn *t, enum store_db db, int year,
                 int (*fn)(const uint8_t *key, size_t kl, const void *v,
                           size_t vl, void *arg),
                 void *arg)
{
	uint8_t lo[2] = {(uint8_t)(year >> 8), (uint8_t)year};

	return each_with_prefix(t, db, lo, sizeof lo, fn, arg);
}

int year_next_number(store_txn *t, enum store_db db, int year, uint32_t *num)
{
	uint8_t lo[6];
	const void *k = lo;
	size_t kl = sizeof lo;
	store_cursor *cur;
	int rc;

	*num = 1;
	year_key(lo, year + 1, 0);
	if ((rc = store_cursor_open(t, db, &cur)) != 0)
		return rc;
	rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	if (rc == 0)
		rc = store_cursor_get(cur, STORE_PREV, &k, &kl, NULL, NULL);
	else if (rc == LRL_ENOENT)
		rc = store_cursor_get(cur, STORE_LAST, &k, &kl, NULL, NULL);
	if (rc == 0 && kl == 6 &&
	    ((const uint8_t *)k)[0] == (uint8_t)(year >> 8) &&
	    ((const uint8_t *)k)[1] == (uint8_t)year)
		*num = wire_get_be32((const uint8_t *)k + 2) + 1;
	store_cursor_close(cur);
	return rc == 0 || rc == LRL_ENOENT ? 0 : rc;
}

void *grow_array(void *p, size_t n, size_t *cap, size_t elem, size_t first)
{
	size_t want;
	void *q;

	if (n < *cap)
		return p;
	want = *cap * 2 + first;
	if ((q = realloc(p, want * elem)) != NULL)
		*cap = want;
	return q;
}
