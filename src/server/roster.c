/* roster.c — unit and staff records and their indexes (see roster.h). */
#include "laurel/roster.h"

#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/wire.h"


static int get_by_code(store_txn *t, enum store_db idx, const char *code,
                       size_t len, uint32_t *id)
{
	const void *v;
	size_t vl;
	int rc;

	if (len == 0 || len > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, idx, code, len, &v, &vl)) != 0)
		return rc;
	if (vl != 4)
		return LRL_ECORRUPT;
	*id = wire_get_be32(v);
	return 0;
}

int unit_get(store_txn *t, uint32_t id, struct unit_rec *u)
{
	uint8_t key[4];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	uint64_t parent = 0;
	int rc;

	memset(u, 0, sizeof *u);
	wire_put_be32(key, id);
	if ((rc = store_get(t, STORE_DB_UNITS, key, 4, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = LRL_ECORRUPT;
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 1), u->code, sizeof u->code) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 2), u->name, sizeof u->name) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 3), u->kind, sizeof u->kind) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 4), &parent) == 0 &&
	    mp_get_bool(mp_map_geti(&up.data, 5), &u->closed) == 0 &&
	    mp_get_i64(mp_map_geti(&up.data, 6), &u->created) == 0)
		rc = 0;
	msgpack_unpacked_destroy(&up);
	u->id = id;
	u->parent = (uint32_t)parent;
	return rc;
}

int unit_find(store_txn *t, const char *code, size_t len, struct unit_rec *u)
{
	uint32_t id;
	int rc = get_by_code(t, STORE_DB_UNIT_CODES, code, len, &id);

	return rc ? rc : unit_get(t, id, u);
}

int unit_put(store_txn *t, struct unit_rec *u, int is_new)
{
	uint8_t key[4];
	mp_buf b;
	int rc;

	if (is_new && (rc = store_next_id(t, STORE_DB_UNITS, &u->id)) != 0)
		return rc;
	wire_put_be32(key, u->id);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 6);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, u->code);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, u->name);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, u->kind);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_uint32(&b.pk, u->parent);
	msgpack_pack_uint8(&b.pk, 5);
	u->closed ? msgpack_pack_true(&b.pk) : msgpack_pack_false(&b.pk);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_int64(&b.pk, u->created);
	rc = store_put(t, STORE_DB_UNITS, key, 4, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	if (rc == 0 && is_new)
		rc = store_put(t, STORE_DB_UNIT_CODES, u->code, strlen(u->code),
		               key, 4, 1);
	return rc;
}

int staff_get(store_txn *t, uint32_t id, struct staff_rec *s)
{
	uint8_t key[4];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	const msgpack_object *o;
	int64_t birth = 0, start = 0;
	uint64_t unit = 0, user = 0;
	int rc;

	memset(s, 0, sizeof *s);
	wire_put_be32(key, id);
	if ((rc = store_get(t, STORE_DB_STAFF, key, 4, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = LRL_ECORRUPT;
	o = &up.data;
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 1), s->code, sizeof s->code) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 2), s->full_name, sizeof s->full_name) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 3), s->sex, sizeof s->sex) == 0 &&
	    mp_get_i64(mp_map_geti(o, 4), &birth) == 0 &&
	    mp_get_u64(mp_map_geti(o, 5), &unit) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 6), s->position, sizeof s->position) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 7), s->job_title, sizeof s->job_title) == 0 &&
	    mp_get_strbuf(mp_map_geti(o, 8), s->category, sizeof s->category) == 0 &&
	    mp_get_i64(mp_map_geti(o, 9), &start) == 0 &&
	    mp_get_u64(mp_map_geti(o, 10), &user) == 0 &&
	    mp_get_i64(mp_map_geti(o, 12), &s->created) == 0)
		rc = 0;
	msgpack_unpacked_destroy(&up);
	s->id = id;
	s->birth = (int32_t)birth;
	s->start = (int32_t)start;
	s->unit = (uint32_t)unit;
	s->user = (uint32_t)user;
	return rc;
}

int staff_decode_brief(const void *v, size_t vl, struct staff_rec *s)
{
	msgpack_unpacked up;
	uint64_t unit = 0;
	int rc = LRL_ECORRUPT;

	s->sex[0] = s->category[0] = '\0';
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 5), &unit) == 0) {
		s->unit = (uint32_t)unit;
		if (mp_get_strbuf(mp_map_geti(&up.data, 3), s->sex,
		                  sizeof s->sex) != 0)
			s->sex[0] = '\0';
		if (mp_get_strbuf(mp_map_geti(&up.data, 8), s->category,
		                  sizeof s->category) != 0)
			s->category[0] = '\0';
		rc = 0;
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

int staff_find(store_txn *t, const char *code, size_t len,
               struct staff_rec *s)
{
	uint32_t id;
	int rc = get_by_code(t, STORE_DB_STAFF_CODES, code, len, &id);

	return rc ? rc : staff_get(t, id, s);
}

size_t staff_name_key(const struct staff_rec *s, uint8_t *buf, size_t n)
{
	size_t kl = 0;
	unsigned char *k = text_name_key(s->full_name, &kl);

	/* LMDB keys are at most 511 bytes: a very long name sorts by its
	 * key's first 480 bytes, then by id. */
	if (kl > 480)
		kl = 480;
	if (k == NULL || kl + 5 > n) {
		free(k);
		return 0;
	}
	memcpy(buf, k, kl);
	buf[kl] = 0;
	wire_put_be32(buf + kl + 1, s->id);
	free(k);
	return kl + 5;
}

static int index_del(store_txn *t, const struct staff_rec *s)
{
	uint8_t nk[1024], uk[8];
	size_t nl = staff_name_key(s, nk, sizeof nk);
	int rc;

	if (nl && (rc = store_del(t, STORE_DB_STAFF_BY_NAME, nk, nl)) != 0 &&
	    rc != LRL_ENOENT)
		return rc;
	wire_put_be32(uk, s->unit);
	wire_put_be32(uk + 4, s->id);
	rc = store_del(t, STORE_DB_STAFF_BY_UNIT, uk, sizeof uk);
	return rc == LRL_ENOENT ? 0 : rc;
}

int staff_put(store_txn *t, struct staff_rec *s, const struct staff_rec *old)
{
	uint8_t key[4], nk[1024], uk[8];
	size_t nl;
	char *fold;
	mp_buf b;
	int rc;

	if (old == NULL && (rc = store_next_id(t, STORE_DB_STAFF, &s->id)) != 0)
		return rc;
	if (old && (rc = index_del(t, old)) != 0)
		return rc;
	if ((fold = text_fold(s->full_name)) == NULL)
		return LRL_ENOMEM;
	wire_put_be32(key, s->id);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 12);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, s->code);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_str(&b.pk, s->full_name);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, s->sex);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_int32(&b.pk, s->birth);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint32(&b.pk, s->unit);
	msgpack_pack_uint8(&b.pk, 6);
	mp_pack_str(&b.pk, s->position);
	msgpack_pack_uint8(&b.pk, 7);
	mp_pack_str(&b.pk, s->job_title);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, s->category);
	msgpack_pack_uint8(&b.pk, 9);
	msgpack_pack_int32(&b.pk, s->start);
	msgpack_pack_uint8(&b.pk, 10);
	msgpack_pack_uint32(&b.pk, s->user);
	msgpack_pack_uint8(&b.pk, 11);
	mp_pack_str(&b.pk, fold);
	msgpack_pack_uint8(&b.pk, 12);
	msgpack_pack_int64(&b.pk, s->created);
	free(fold);
	rc = store_put(t, STORE_DB_STAFF, key, 4, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	if (rc == 0 && old == NULL)
		rc = store_put(t, STORE_DB_STAFF_CODES, s->code, strlen(s->code),
		               key, 4, 1);
	if (rc == 0) {
		nl = staff_name_key(s, nk, sizeof nk);
		rc = nl ? store_put(t, STORE_DB_STAFF_BY_NAME, nk, nl, "", 0, 0)
		        : LRL_EINVAL;
	}
	if (rc == 0) {
		wire_put_be32(uk, s->unit);
		wire_put_be32(uk + 4, s->id);
		rc = store_put(t, STORE_DB_STAFF_BY_UNIT, uk, sizeof uk, "", 0, 0);
	}
	return rc;
}
