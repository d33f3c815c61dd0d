/* users.c — account records (see users.h). */
#include "laurel/users.h"

#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/wire.h"

enum {
	F_LOGIN = 1, F_NAME, F_SALT, F_PK, F_OPS, F_MEM, F_MUSTCHANGE,
	F_LOCKED, F_ROLES, F_CREATED, F_STAFF, F_LANG
};

static int decode(const void *v, size_t vl, uint32_t id, struct user_rec *u)
{
	msgpack_unpacked up;
	const msgpack_object *o, *r;
	uint64_t x;
	int rc = LRL_ECORRUPT;

	memset(u, 0, sizeof *u);
	u->id = id;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0)
		goto out;
	o = &up.data;
	if (mp_get_strbuf(mp_map_geti(o, F_LOGIN), u->login, sizeof u->login) ||
	    mp_get_strbuf(mp_map_geti(o, F_NAME), u->full_name,
	                  sizeof u->full_name) ||
	    mp_get_bin_exact(mp_map_geti(o, F_SALT), u->salt, LRL_SALT_LEN) ||
	    mp_get_bin_exact(mp_map_geti(o, F_PK), u->pk, LRL_PK_LEN) ||
	    mp_get_u64(mp_map_geti(o, F_OPS), &u->ops) ||
	    mp_get_u64(mp_map_geti(o, F_MEM), &u->mem) ||
	    mp_get_bool(mp_map_geti(o, F_MUSTCHANGE), &u->must_change) ||
	    mp_get_bool(mp_map_geti(o, F_LOCKED), &u->locked) ||
	    mp_get_i64(mp_map_geti(o, F_CREATED), &u->created))
		goto out;
	r = mp_map_geti(o, F_ROLES);
	if (r == NULL || r->type != MSGPACK_OBJECT_ARRAY ||
	    r->via.array.size > LRL_ROLES_MAX)
		goto out;
	for (uint32_t i = 0; i < r->via.array.size; i++) {
		const msgpack_object *e = &r->via.array.ptr[i];
		uint64_t role, unit;
		if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size != 2 ||
		    mp_get_u64(&e->via.array.ptr[0], &role) ||
		    mp_get_u64(&e->via.array.ptr[1], &unit))
			goto out;
		u->roles[i].role = (uint8_t)role;
		u->roles[i].unit = (uint32_t)unit;
	}
	u->nroles = r->via.array.size;
	if (mp_get_u64(mp_map_geti(o, F_STAFF), &x) == 0)
		u->staff_id = (uint32_t)x;
	mp_get_strbuf(mp_map_geti(o, F_LANG), u->lang, sizeof u->lang);
	rc = 0;
out:
	msgpack_unpacked_destroy(&up);
	return rc;
}

static void encode(mp_buf *b, const struct user_rec *u)
{
	msgpack_packer *pk = &b->pk;

	msgpack_pack_map(pk, 12);
	msgpack_pack_uint8(pk, F_LOGIN);
	mp_pack_str(pk, u->login);
	msgpack_pack_uint8(pk, F_NAME);
	mp_pack_str(pk, u->full_name);
	msgpack_pack_uint8(pk, F_SALT);
	mp_pack_bin(pk, u->salt, LRL_SALT_LEN);
	msgpack_pack_uint8(pk, F_PK);
	mp_pack_bin(pk, u->pk, LRL_PK_LEN);
	msgpack_pack_uint8(pk, F_OPS);
	msgpack_pack_uint64(pk, u->ops);
	msgpack_pack_uint8(pk, F_MEM);
	msgpack_pack_uint64(pk, u->mem);
	msgpack_pack_uint8(pk, F_MUSTCHANGE);
	u->must_change ? msgpack_pack_true(pk) : msgpack_pack_false(pk);
	msgpack_pack_uint8(pk, F_LOCKED);
	u->locked ? msgpack_pack_true(pk) : msgpack_pack_false(pk);
	msgpack_pack_uint8(pk, F_ROLES);
	msgpack_pack_array(pk, u->nroles);
	for (unsigned i = 0; i < u->nroles; i++) {
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint8(pk, u->roles[i].role);
		msgpack_pack_uint32(pk, u->roles[i].unit);
	}
	msgpack_pack_uint8(pk, F_CREATED);
	msgpack_pack_int64(pk, u->created);
	msgpack_pack_uint8(pk, F_STAFF);
	msgpack_pack_uint32(pk, u->staff_id);
	msgpack_pack_uint8(pk, F_LANG);
	mp_pack_str(pk, u->lang);
}

int users_get(store_txn *t, uint32_t id, struct user_rec *u)
{
	uint8_t key[4];
	const void *v;
	size_t vl;
	int rc;

	wire_put_be32(key, id);
	if ((rc = store_get(t, STORE_DB_USERS, key, 4, &v, &vl)) != 0)
		return rc;
	return decode(v, vl, id, u);
}

int users_find(store_txn *t, const char *login, size_t len,
               struct user_rec *u)
{
	const void *v;
	size_t vl;
	int rc;

	if (len == 0 || len > LRL_LOGIN_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_USER_NAMES, login, len, &v, &vl)) != 0)
		return rc;
	if (vl != 4)
		return LRL_ECORRUPT;
	return users_get(t, wire_get_be32(v), u);
}


int users_put(store_txn *t, struct user_rec *u, int is_new)
{
	uint8_t key[4];
	mp_buf b;
	int rc;

	if (is_new && (rc = store_next_id(t, STORE_DB_USERS, &u->id)) != 0)
		return rc;
	wire_put_be32(key, u->id);
	mp_buf_init(&b);
	encode(&b, u);
	rc = store_put(t, STORE_DB_USERS, key, 4, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	/* A login never changes: only a new account adds to the index. */
	if (rc == 0 && is_new)
		rc = store_put(t, STORE_DB_USER_NAMES, u->login,
		               strlen(u->login), key, 4, 1);
	return rc;
}

int users_key_history(store_txn *t, uint32_t id, uint64_t seq,
                      const uint8_t *pk)
{
	uint8_t key[12];

	wire_put_be32(key, id);
	wire_put_be64(key + 4, seq);
	return store_put(t, STORE_DB_USER_KEYS, key, sizeof key, pk,
	                 LRL_PK_LEN, 0);
}

int users_key_at(store_txn *t, uint32_t id, uint64_t seq, uint8_t *pk)
{
	uint8_t want[12];
	const void *k = want, *v;
	size_t kl = sizeof want, vl;
	store_cursor *c;
	int rc;

	wire_put_be32(want, id);
	wire_put_be64(want + 4, seq);
	if ((rc = store_cursor_open(t, STORE_DB_USER_KEYS, &c)) != 0)
		return rc;
	rc = store_cursor_get(c, STORE_SET_RANGE, &k, &kl, &v, &vl);
	/* A key set by event seq itself signs only later events (a password
	 * change is signed with the old key): step back to the latest key
	 * set strictly before seq. */
	if (rc == 0)
		rc = store_cursor_get(c, STORE_PREV, &k, &kl, &v, &vl);
	else if (rc == LRL_ENOENT)
		rc = store_cursor_get(c, STORE_LAST, &k, &kl, &v, &vl);
	if (rc == 0 && (kl != 12 || wire_get_be32(k) != id))
		rc = LRL_ENOENT;
	if (rc == 0 && vl == LRL_PK_LEN)
		memcpy(pk, v, LRL_PK_LEN);
	store_cursor_close(c);
	return rc;
}

unsigned users_role_bits(const struct user_rec *u)
{
	unsigned bits = 1u; /* every account is staff */

	for (unsigned i = 0; i < u->nroles; i++)
		bits |= 1u << u->roles[i].role;
	return bits;
}

unsigned users_staff_roles(store_txn *t, uint32_t staff_id)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	unsigned bits = 0;
	enum store_op op = STORE_FIRST;

	if (staff_id == 0 || store_cursor_open(t, STORE_DB_USERS, &cur) != 0)
		return 0;
	while (store_cursor_get(cur, op, &k, &kl, &v, &vl) == 0) {
		struct user_rec u;
		op = STORE_NEXT;
		if (kl == 4 && users_get(t, wire_get_be32(k), &u) == 0 &&
		    u.staff_id == staff_id)
			bits |= users_role_bits(&u);
	}
	store_cursor_close(cur);
	return bits;
}

int users_has_role(const struct user_rec *u, int role, uint32_t unit)
{
	for (unsigned i = 0; i < u->nroles; i++)
		if (u->roles[i].role == role && u->roles[i].unit == unit)
			return 1;
	return 0;
}

int users_add_role(struct user_rec *u, int role, uint32_t unit)
{
	if (users_has_role(u, role, unit))
		return LRL_EEXIST;
	if (u->nroles >= LRL_ROLES_MAX)
		return LRL_EINVAL;
	u->roles[u->nroles].role = (uint8_t)role;
	u->roles[u->nroles].unit = unit;
	u->nroles++;
	return 0;
}

int users_remove_role(struct user_rec *u, int role, uint32_t unit)
{
	for (unsigned i = 0; i < u->nroles; i++)
		if (u->roles[i].role == role && u->roles[i].unit == unit) {
			memmove(&u->roles[i], &u->roles[i + 1],
			        (u->nroles - i - 1) * sizeof u->roles[0]);
			u->nroles--;
			return 0;
		}
	return LRL_ENOENT;
}
