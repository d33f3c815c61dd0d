/* wire.c — frames and message envelopes (see wire.h). */
#include "laurel/wire.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "laurel/err.h"

void wire_put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

uint32_t wire_get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

void wire_put_be64(uint8_t *p, uint64_t v)
{
	wire_put_be32(p, (uint32_t)(v >> 32));
	wire_put_be32(p + 4, (uint32_t)v);
}

uint64_t wire_get_be64(const uint8_t *p)
{
	return (uint64_t)wire_get_be32(p) << 32 | wire_get_be32(p + 4);
}

void wire_begin(mp_buf *b, enum wire_type type)
{
	msgpack_pack_array(&b->pk, 3);
	msgpack_pack_uint32(&b->pk, LRL_PROTO_VERSION);
	msgpack_pack_uint32(&b->pk, (uint32_t)type);
}

void wire_pack_msg(msgpack_packer *pk, const struct msg_args *m)
{
	mp_pack_kv_str(pk, "fmt", m->fmt);
	mp_pack_str(pk, "args");
	msgpack_pack_array(pk, (size_t)m->n);
	for (int i = 0; i < m->n; i++)
		mp_pack_str(pk, m->arg[i]);
}

void wire_error(mp_buf *b, int code, const char *field, const char *message,
                int64_t retry_after)
{
	wire_error_m(b, code, field, message, retry_after, NULL);
}

void wire_error_m(mp_buf *b, int code, const char *field,
                  const char *message, int64_t retry_after,
                  const struct msg_args *m)
{
	int with_m = m && m->fmt;

	mp_buf_reset(b);
	wire_begin(b, WIRE_ERR);
	msgpack_pack_map(&b->pk, (retry_after > 0 ? 4 : 3) + (with_m ? 2 : 0));
	if (with_m)
		wire_pack_msg(&b->pk, m);
	mp_pack_kv_str(&b->pk, "code", lrl_errname(code));
	mp_pack_kv_str(&b->pk, "field", field);
	mp_pack_kv_str(&b->pk, "message",
	               message ? message : lrl_strerror(code));
	if (retry_after > 0)
		mp_pack_kv_int(&b->pk, "retry", retry_after);
}

int wire_decode(msgpack_unpacked *u, const void *payload, size_t len,
                enum wire_type *type, const msgpack_object **body)
{
	const msgpack_object *o;
	uint64_t v, t;

	if (mp_decode(u, payload, len) != 0)
		return LRL_EPROTO;
	o = &u->data;
	if (o->type != MSGPACK_OBJECT_ARRAY || o->via.array.size != 3)
		return LRL_EPROTO;
	if (mp_get_u64(&o->via.array.ptr[0], &v) != 0)
		return LRL_EPROTO;
	if (v != LRL_PROTO_VERSION)
		return LRL_EVERSION;
	if (mp_get_u64(&o->via.array.ptr[1], &t) != 0 || t >= WIRE_TYPE_END_)
		return LRL_EPROTO;
	*type = (enum wire_type)t;
	*body = &o->via.array.ptr[2];
	return 0;
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return LRL_ECONN;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *p, size_t n)
{
	char *c = p;

	while (n > 0) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return LRL_ECONN;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

int wire_write_frame(int fd, const void *payload, size_t len)
{
	uint8_t hdr[LRL_FRAME_HDR];
	struct iovec iov[2];
	ssize_t w;
	size_t done;
	int rc;

	if (len == 0 || len > LRL_FRAME_MAX)
		return LRL_ETOOBIG;
	wire_put_be32(hdr, (uint32_t)len);
	/* Header and payload in one write: the reader wakes once. */
	iov[0] = (struct iovec){hdr, sizeof hdr};
	iov[1] = (struct iovec){(void *)payload, len};
	do
		w = writev(fd, iov, 2);
	while (w < 0 && errno == EINTR);
	if (w < 0)
		return LRL_ECONN;
	done = (size_t)w;
	if (done < sizeof hdr) {
		if ((rc = write_all(fd, hdr + done, sizeof hdr - done)) != 0)
			return rc;
		done = sizeof hdr;
	}
	done -= sizeof hdr;
	return write_all(fd, (const char *)payload + done, len - done);
}

int wire_read_frame(int fd, char **buf, size_t *len)
{
	uint8_t hdr[LRL_FRAME_HDR];
	uint32_t n;
	char *p;
	int rc;

	*buf = NULL;
	*len = 0;
	if ((rc = read_all(fd, hdr, sizeof hdr)) != 0)
		return rc;
	n = wire_get_be32(hdr);
	if (n == 0)
		return LRL_EPROTO;
	if (n > LRL_FRAME_MAX)
		return LRL_ETOOBIG;
	if ((p = malloc(n)) == NULL)
		return LRL_ENOMEM;
	if ((rc = read_all(fd, p, n)) != 0) {
		free(p);
		return rc;
	}
	*buf = p;
	*len = n;
	return 0;
}

void wire_req_encode(mp_buf *b, const uint8_t *server_id,
                     const uint8_t *nonce, uint64_t counter, uint64_t user_id,
                     const char *action, const void *params,
                     size_t params_len)
{
	mp_buf_reset(b);
	msgpack_pack_array(&b->pk, 7);
	mp_pack_str(&b->pk, WIRE_REQ_DOMAIN);
	mp_pack_bin(&b->pk, server_id, LRL_SERVER_ID_LEN);
	mp_pack_bin(&b->pk, nonce, LRL_NONCE_LEN);
	msgpack_pack_uint64(&b->pk, counter);
	msgpack_pack_uint64(&b->pk, user_id);
	mp_pack_str(&b->pk, action);
	msgpack_sbuffer_write(&b->sb, params, params_len);
}

int wire_req_decode(msgpack_unpacked *u, const void *bytes, size_t len,
                    struct wire_req *r)
{
	const msgpack_object *a;
	const char *dom;
	size_t dlen, n;

	if (mp_decode(u, bytes, len) != 0)
		return LRL_EPROTO;
	if (u->data.type != MSGPACK_OBJECT_ARRAY || u->data.via.array.size != 7)
		return LRL_EPROTO;
	a = u->data.via.array.ptr;
	if (mp_get_str(&a[0], &dom, &dlen) != 0 ||
	    dlen != strlen(WIRE_REQ_DOMAIN) ||
	    memcmp(dom, WIRE_REQ_DOMAIN, dlen) != 0)
		return LRL_EPROTO;
	if (mp_get_bin(&a[1], &r->server_id, &n) != 0 ||
	    n != LRL_SERVER_ID_LEN)
		return LRL_EPROTO;
	if (mp_get_bin(&a[2], &r->nonce, &n) != 0 || n != LRL_NONCE_LEN)
		return LRL_EPROTO;
	if (mp_get_u64(&a[3], &r->counter) != 0 ||
	    mp_get_u64(&a[4], &r->user_id) != 0 ||
	    mp_get_str(&a[5], &r->action, &r->action_len) != 0)
		return LRL_EPROTO;
	if (a[6].type != MSGPACK_OBJECT_MAP)
		return LRL_EPROTO;
	r->params = &a[6];
	return 0;
}

void wire_login_message(mp_buf *b, const uint8_t *server_id,
                        const uint8_t *nonce, const char *name)
{
	mp_buf_reset(b);
	msgpack_pack_array(&b->pk, 4);
	mp_pack_str(&b->pk, WIRE_LOGIN_DOMAIN);
	mp_pack_bin(&b->pk, server_id, LRL_SERVER_ID_LEN);
	mp_pack_bin(&b->pk, nonce, LRL_NONCE_LEN);
	mp_pack_str(&b->pk, name);
}

void wire_rotate_message(mp_buf *b, const uint8_t *server_id,
                         uint64_t user_id, const uint8_t *new_pk,
                         const uint8_t *salt)
{
	mp_buf_reset(b);
	msgpack_pack_array(&b->pk, 5);
	mp_pack_str(&b->pk, WIRE_ROTATE_DOMAIN);
	mp_pack_bin(&b->pk, server_id, LRL_SERVER_ID_LEN);
	msgpack_pack_uint64(&b->pk, user_id);
	mp_pack_bin(&b->pk, new_pk, LRL_PK_LEN);
	mp_pack_bin(&b->pk, salt, LRL_SALT_LEN);
}
