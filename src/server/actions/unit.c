/* unit.c — the hospital's units: add, list (as a tree), show, rename,
 * move, close. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/awards.h"
#include "laurel/decisions.h"
#include "laurel/err.h"
#include "laurel/roster.h"
#include "laurel/text.h"
#include "laurel/wire.h"

int act_UNIT_ADD(struct lrl_ctx *c);
int act_UNIT_LIST(struct lrl_ctx *c);
int act_UNIT_SHOW(struct lrl_ctx *c);
int act_UNIT_STATS(struct lrl_ctx *c);
int act_UNIT_RENAME(struct lrl_ctx *c);
int act_UNIT_MOVE(struct lrl_ctx *c);
int act_UNIT_CLOSE(struct lrl_ctx *c);

static const char *kind_label(const char *kind)
{
	static const char *const map[][2] = {
		{"hospital", "Bệnh viện"},         {"department", "Khoa"},
		{"office", "Phòng"},               {"station", "Trạm y tế"},
		{"organisation", "Đoàn thể"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i][0], kind))
			return map[i][1];
	return kind;
}

/* The unit named by a CODE parameter; sets c->fail when absent. */
static int unit_param(struct lrl_ctx *c, const char *param,
                      struct unit_rec *u)
{
	const msgpack_object *v = ctx_param(c, param);
	int rc;

	if (v == NULL)
		return lrl_fail_set(&c->fail, LRL_EINVAL, param, "is required");
	rc = unit_find(c->txn, v->via.str.ptr, v->via.str.size, u);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, param,
		                    "no unit has the code '%.*s'",
		                    (int)v->via.str.size, v->via.str.ptr);
	return rc;
}

int act_UNIT_ADD(struct lrl_ctx *c)
{
	struct unit_rec u, parent, other;
	char *name = NULL;
	int rc;

	memset(&u, 0, sizeof u);
	ctx_strbuf(c, "code", u.code, sizeof u.code);
	ctx_strbuf(c, "kind", u.kind, sizeof u.kind);
	if (unit_find(c->txn, u.code, strlen(u.code), &other) == 0)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "code",
		                    "a unit with the code %s already exists",
		                    u.code);
	if (ctx_param(c, "parent")) {
		if ((rc = unit_param(c, "parent", &parent)) != 0)
			return rc;
		if (parent.closed)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "parent",
			                    "%s is closed", parent.code);
		u.parent = parent.id;
	}
	if ((rc = ctx_text(c, "name", &name)) != 0)
		return rc;
	snprintf(u.name, sizeof u.name, "%s", name);
	free(name);
	u.created = c->now;
	if ((rc = unit_put(c->txn, &u, 1)) != 0)
		return rc;
	result_message(c->out, "unit %s added", u.code);
	return 0;
}

struct tree_node {
	struct unit_rec u;
	unsigned char *key;
	size_t keylen;
};

static int node_cmp(const void *a, const void *b)
{
	const struct tree_node *x = a, *y = b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int r = memcmp(x->key, y->key, n);

	return r ? r : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

/* Packs the children of parent (sorted by name), depth-first. */
static void pack_subtree(msgpack_packer *pk, struct tree_node *nodes,
                         size_t n, uint32_t parent, int depth, size_t *rows)
{
	const char *parent_code = "";

	for (size_t i = 0; i < n; i++)
		if (nodes[i].u.id == parent)
			parent_code = nodes[i].u.code;
	for (size_t i = 0; i < n; i++) {
		if (nodes[i].u.parent != parent || depth > 32)
			continue;
		msgpack_pack_array(pk, 6);
		mp_pack_str(pk, nodes[i].u.code);
		mp_pack_str(pk, nodes[i].u.name);
		mp_pack_str(pk, kind_label(nodes[i].u.kind));
		mp_pack_str(pk, parent_code);
		mp_pack_str(pk, nodes[i].u.closed ? "closed" : "open");
		msgpack_pack_int(pk, depth);
		(*rows)++;
		pack_subtree(pk, nodes, n, nodes[i].u.id, depth + 1, rows);
	}
}

int act_UNIT_LIST(struct lrl_ctx *c)
{
	/* "depth" is the unit's level in the tree: text output indents the
	 * name by it instead of showing it. */
	static const char *const cols[] = {"code", "name", "kind", "parent",
	                                   "state", "depth"};
	struct tree_node *nodes = NULL, *p;
	size_t n = 0, cap = 0, rows = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int with_closed = 0, rc;
	mp_buf body;

	if (ctx_param(c, "closed"))
		mp_get_bool(ctx_param(c, "closed"), &with_closed);
	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct unit_rec u;
		if (unit_get(c->txn, wire_get_be32(k), &u) != 0)
			continue;
		if (u.closed && !with_closed)
			continue;
		if ((p = grow_array(nodes, n, &cap, sizeof *nodes, 64)) ==
		    NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		nodes = p;
		nodes[n].u = u;
		nodes[n].key = text_sort_key(u.name, &nodes[n].keylen);
		n++;
	}
	store_cursor_close(cur);
	if (rc != LRL_ENOENT && rc != 0)
		goto out;
	/* A unit whose parent is closed (and hidden) shows at the top. */
	for (size_t i = 0; i < n; i++) {
		int found = 0;
		for (size_t j = 0; j < n && !found; j++)
			found = nodes[j].u.id == nodes[i].u.parent;
		if (!found)
			nodes[i].u.parent = 0;
	}
	qsort(nodes, n, sizeof *nodes, node_cmp);
	mp_buf_init(&body);
	pack_subtree(&body.pk, nodes, n, 0, 0, &rows);
	list_begin(c->out, cols, 6, rows);
	mp_pack_raw(c->out, body.sb.data, body.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&body);
	rc = 0;
out:
	for (size_t i = 0; i < n; i++)
		free(nodes[i].key);
	free(nodes);
	return rc;
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

int act_UNIT_SHOW(struct lrl_ctx *c)
{
	size_t ntitles = 0;
	struct unit_rec u, p;
	char created[32];
	uint8_t lo[4];
	size_t staff = 0;
	store_cursor *cur;
	const void *k = lo;
	size_t kl = 4;
	int rc;

	if ((rc = unit_param(c, "code", &u)) != 0)
		return rc;
	wire_put_be32(lo, u.id);
	if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF_BY_UNIT, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	     rc == 0 && kl == 8 && wire_get_be32(k) == u.id;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL))
		staff++;
	store_cursor_close(cur);
	date_format_time(u.created, created, sizeof created);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	awards_each(c->txn, 'U', u.id, 1990, 2099, count_title, &ntitles);
	msgpack_pack_map(c->out, ntitles ? 8 : 7);
	mp_pack_kv_str(c->out, "code", u.code);
	mp_pack_kv_str(c->out, "name", u.name);
	mp_pack_kv_str(c->out, "kind", kind_label(u.kind));
	mp_pack_kv_str(c->out, "parent",
	               u.parent && unit_get(c->txn, u.parent, &p) == 0 ? p.code
	                                                                : "");
	mp_pack_kv_int(c->out, "staff", (int64_t)staff);
	mp_pack_kv_str(c->out, "state", u.closed ? "closed" : "open");
	mp_pack_kv_str(c->out, "created", created);
	if (ntitles) {
		mp_pack_str(c->out, "titles");
		decision_pack_titles(c->txn, 'U', u.id, c->out);
	}
	return 0;
}

int act_UNIT_RENAME(struct lrl_ctx *c)
{
	struct unit_rec u;
	char *name = NULL;
	int rc;

	if ((rc = unit_param(c, "code", &u)) != 0 ||
	    (rc = ctx_text(c, "name", &name)) != 0)
		return rc;
	if (strcmp(u.name, name) == 0) {
		free(name);
		return lrl_fail_set(&c->fail, LRL_ESTATE, "name",
		                    "the unit already has this name");
	}
	snprintf(u.name, sizeof u.name, "%s", name);
	free(name);
	if ((rc = unit_put(c->txn, &u, 0)) != 0)
		return rc;
	result_message(c->out, "unit %s renamed", u.code);
	return 0;
}

int act_UNIT_MOVE(struct lrl_ctx *c)
{
	struct unit_rec u, parent;
	int rc;

	if ((rc = unit_param(c, "code", &u)) != 0)
		return rc;
	memset(&parent, 0, sizeof parent);
	if (ctx_param(c, "parent")) {
		if ((rc = unit_param(c, "parent", &parent)) != 0)
			return rc;
		if (parent.closed)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "parent",
			                    "%s is closed", parent.code);
		if (unit_within(c->txn, parent.id, u.id))
			return lrl_fail_set(&c->fail, LRL_EINVAL, "parent",
			                    "%s is inside %s: a unit cannot move "
			                    "under itself", parent.code, u.code);
	}
	if (u.parent == parent.id)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "parent",
		                    "%s is already there", u.code);
	u.parent = parent.id;
	if ((rc = unit_put(c->txn, &u, 0)) != 0)
		return rc;
	if (parent.id)
		result_message(c->out, "unit %s moved under %s", u.code,
		               parent.code);
	else
		result_message(c->out, "unit %s moved to the top level", u.code);
	return 0;
}

int act_UNIT_CLOSE(struct lrl_ctx *c)
{
	struct unit_rec u;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	uint8_t lo[4];
	int rc;

	if ((rc = unit_param(c, "code", &u)) != 0)
		return rc;
	if (u.closed)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "code",
		                    "%s is already closed", u.code);
	wire_put_be32(lo, u.id);
	k = lo;
	kl = 4;
	if ((rc = store_cursor_open(c->txn, STORE_DB_STAFF_BY_UNIT, &cur)) != 0)
		return rc;
	rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	store_cursor_close(cur);
	if (rc == 0 && kl == 8 && wire_get_be32(k) == u.id)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "code",
		                    "%s still has staff: move them first", u.code);
	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct unit_rec child;
		if (unit_get(c->txn, wire_get_be32(k), &child) == 0 &&
		    child.parent == u.id && !child.closed) {
			store_cursor_close(cur);
			return lrl_fail_set(&c->fail, LRL_ESTATE, "code",
			                    "%s still has the open sub-unit %s",
			                    u.code, child.code);
		}
	}
	store_cursor_close(cur);
	u.closed = 1;
	if ((rc = unit_put(c->txn, &u, 0)) != 0)
		return rc;
	result_message(c->out, "unit %s closed", u.code);
	return 0;
}

int act_UNIT_STATS(struct lrl_ctx *c)
{
	static const char *const cols[] = {"code", "name", "staff", "accounts"};
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, rows = 0;
	mp_buf body;
	int rc;

	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		return rc;
	mp_buf_init(&body);
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct unit_rec u;
		store_cursor *sc;
		uint8_t lo[4];
		const void *sk = lo;
		size_t skl = 4, staff = 0, accounts = 0;
		int src;
		if (unit_get(c->txn, wire_get_be32(k), &u) != 0 || u.closed)
			continue;
		if (c->scope != LRL_SC_A) {
			struct lrl_fail keep = c->fail;
			int ok = scope_unit_sees(c, u.id);
			c->fail = keep;
			if (!ok)
				continue;
		}
		wire_put_be32(lo, u.id);
		if (store_cursor_open(c->txn, STORE_DB_STAFF_BY_UNIT, &sc) != 0)
			continue;
		for (src = store_cursor_get(sc, STORE_SET_RANGE, &sk, &skl, NULL, NULL);
		     src == 0 && skl == 8 && wire_get_be32(sk) == u.id;
		     src = store_cursor_get(sc, STORE_NEXT, &sk, &skl, NULL, NULL)) {
			struct staff_rec s;
			staff++;
			if (staff_get(c->txn, wire_get_be32((const uint8_t *)sk + 4), &s) == 0 &&
			    s.user)
				accounts++;
		}
		store_cursor_close(sc);
		msgpack_pack_array(&body.pk, 4);
		mp_pack_str(&body.pk, u.code);
		mp_pack_str(&body.pk, u.name);
		msgpack_pack_uint64(&body.pk, staff);
		msgpack_pack_uint64(&body.pk, accounts);
		rows++;
	}
	store_cursor_close(cur);
	list_begin(c->out, cols, 4, rows);
	mp_pack_raw(c->out, body.sb.data, body.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&body);
	return 0;
}
