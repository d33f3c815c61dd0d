/* mp.c — msgpack helpers (see mp.h). */
#include "laurel/mp.h"

#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"

void mp_buf_init(mp_buf *b)
{
	msgpack_sbuffer_init(&b->sb);
	msgpack_packer_init(&b->pk, &b->sb, msgpack_sbuffer_write);
}

void mp_buf_free(mp_buf *b)
{
	msgpack_sbuffer_destroy(&b->sb);
	memset(&b->sb, 0, sizeof b->sb);
}

void mp_buf_reset(mp_buf *b)
{
	b->sb.size = 0;
}

int mp_pack_strn(msgpack_packer *pk, const char *s, size_t len)
{
	if (msgpack_pack_str(pk, len) != 0)
		return -1;
	return msgpack_pack_str_body(pk, s, len);
}

int mp_pack_str(msgpack_packer *pk, const char *s)
{
	return mp_pack_strn(pk, s, strlen(s));
}

int mp_pack_raw(msgpack_packer *pk, const void *p, size_t len)
{
	return pk->callback(pk->data, p, len);
}

int mp_pack_str_or_nil(msgpack_packer *pk, const char *s)
{
	return s ? mp_pack_str(pk, s) : msgpack_pack_nil(pk);
}

int mp_pack_bin(msgpack_packer *pk, const void *p, size_t len)
{
	if (msgpack_pack_bin(pk, len) != 0)
		return -1;
	return msgpack_pack_bin_body(pk, p, len);
}

int mp_pack_kv_str(msgpack_packer *pk, const char *key, const char *val)
{
	if (mp_pack_str(pk, key) != 0)
		return -1;
	return mp_pack_str_or_nil(pk, val);
}

int mp_pack_kv_int(msgpack_packer *pk, const char *key, int64_t val)
{
	if (mp_pack_str(pk, key) != 0)
		return -1;
	return msgpack_pack_int64(pk, val);
}

const msgpack_object *mp_map_get(const msgpack_object *o, const char *key)
{
	size_t n = strlen(key);

	if (o == NULL || o->type != MSGPACK_OBJECT_MAP)
		return NULL;
	for (uint32_t i = 0; i < o->via.map.size; i++) {
		const msgpack_object *k = &o->via.map.ptr[i].key;
		if (k->type == MSGPACK_OBJECT_STR && k->via.str.size == n &&
		    memcmp(k->via.str.ptr, key, n) == 0)
			return &o->via.map.ptr[i].val;
	}
	return NULL;
}

const msgpack_object *mp_map_geti(const msgpack_object *o, uint64_t key)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_MAP)
		return NULL;
	for (uint32_t i = 0; i < o->via.map.size; i++) {
		const msgpack_object *k = &o->via.map.ptr[i].key;
		if (k->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
		    k->via.u64 == key)
			return &o->via.map.ptr[i].val;
	}
	return NULL;
}

int mp_get_str(const msgpack_object *o, const char **s, size_t *len)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return LRL_EPROTO;
	*s = o->via.str.ptr;
	*len = o->via.str.size;
	return 0;
}

int mp_get_bin(const msgpack_object *o, const uint8_t **p, size_t *len)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_BIN)
		return LRL_EPROTO;
	*p = (const uint8_t *)o->via.bin.ptr;
	*len = o->via.bin.size;
	return 0;
}

int mp_get_bin_exact(const msgpack_object *o, void *dst, size_t len)
{
	const uint8_t *p;
	size_t n;

	if (mp_get_bin(o, &p, &n) != 0 || n != len)
		return LRL_EPROTO;
	memcpy(dst, p, len);
	return 0;
}

int mp_get_u64(const msgpack_object *o, uint64_t *v)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_POSITIVE_INTEGER)
		return LRL_EPROTO;
	*v = o->via.u64;
	return 0;
}

int mp_get_i64(const msgpack_object *o, int64_t *v)
{
	if (o == NULL)
		return LRL_EPROTO;
	if (o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER) {
		*v = o->via.i64;
		return 0;
	}
	if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
	    o->via.u64 <= INT64_MAX) {
		*v = (int64_t)o->via.u64;
		return 0;
	}
	return LRL_EPROTO;
}

int mp_get_bool(const msgpack_object *o, int *v)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_BOOLEAN)
		return LRL_EPROTO;
	*v = o->via.boolean ? 1 : 0;
	return 0;
}

char *mp_strdup(const msgpack_object *o)
{
	char *s;

	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return NULL;
	s = malloc(o->via.str.size + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, o->via.str.ptr, o->via.str.size);
	s[o->via.str.size] = '\0';
	return s;
}

int mp_get_strbuf(const msgpack_object *o, char *buf, size_t n)
{
	if (o == NULL || o->type != MSGPACK_OBJECT_STR)
		return LRL_EPROTO;
	if (o->via.str.size >= n)
		return LRL_EINVAL;
	memcpy(buf, o->via.str.ptr, o->via.str.size);
	buf[o->via.str.size] = '\0';
	return 0;
}

int mp_decode(msgpack_unpacked *u, const void *data, size_t len)
{
	size_t off = 0;
	msgpack_unpack_return r;

	r = msgpack_unpack_next(u, data, len, &off);
	if (r != MSGPACK_UNPACK_SUCCESS || off != len)
		return LRL_EPROTO;
	return 0;
}
