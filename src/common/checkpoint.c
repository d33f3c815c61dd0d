/* checkpoint.c — signed statements of the log's head (see checkpoint.h). */
#include "laurel/checkpoint.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/wire.h"

void hex_encode(const uint8_t *p, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, p, n);
}

static void message(mp_buf *b, const struct checkpoint *c)
{
	msgpack_pack_array(&b->pk, 5);
	mp_pack_str(&b->pk, WIRE_CHECKPOINT_DOMAIN);
	mp_pack_bin(&b->pk, c->server_id, sizeof c->server_id);
	msgpack_pack_uint64(&b->pk, c->count);
	mp_pack_bin(&b->pk, c->head, sizeof c->head);
	msgpack_pack_int64(&b->pk, c->time);
}

void checkpoint_sign(struct checkpoint *c, const uint8_t *sk)
{
	mp_buf b;

	mp_buf_init(&b);
	message(&b, c);
	crypto_sign_detached(c->sig, NULL, (const unsigned char *)b.sb.data,
	                     b.sb.size, sk);
	mp_buf_free(&b);
}

int checkpoint_verify(const struct checkpoint *c, const uint8_t *pk)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	message(&b, c);
	rc = crypto_sign_verify_detached(c->sig, (const unsigned char *)b.sb.data,
	                                 b.sb.size, pk);
	mp_buf_free(&b);
	return rc == 0 ? 0 : LRL_ESIG;
}

void checkpoint_format(const struct checkpoint *c, char *buf, size_t n)
{
	char id[2 * LRL_SERVER_ID_LEN + 1], head[2 * LRL_HASH_LEN + 1];
	char sig[2 * LRL_SIG_LEN + 1];

	hex_encode(c->server_id, sizeof c->server_id, id);
	hex_encode(c->head, sizeof c->head, head);
	hex_encode(c->sig, sizeof c->sig, sig);
	snprintf(buf, n, "laurel-checkpoint 1 %s %" PRIu64 " %s %" PRId64 " %s",
	         id, c->count, head, c->time, sig);
}

static int unhex(const char *s, size_t slen, uint8_t *out, size_t n)
{
	size_t got;

	if (slen != 2 * n)
		return -1;
	if (sodium_hex2bin(out, n, s, slen, NULL, &got, NULL) != 0 || got != n)
		return -1;
	return 0;
}

int checkpoint_parse(const char *line, struct checkpoint *c)
{
	char id[80], head[80], sig[140];
	unsigned long long count;
	long long t;
	int ver;

	memset(c, 0, sizeof *c);
	if (sscanf(line, "laurel-checkpoint %d %79s %llu %79s %lld %139s", &ver,
	           id, &count, head, &t, sig) != 6 || ver != 1)
		return LRL_EINVAL;
	if (unhex(id, strlen(id), c->server_id, sizeof c->server_id) ||
	    unhex(head, strlen(head), c->head, sizeof c->head) ||
	    unhex(sig, strlen(sig), c->sig, sizeof c->sig))
		return LRL_EINVAL;
	c->count = count;
	c->time = t;
	return 0;
}
