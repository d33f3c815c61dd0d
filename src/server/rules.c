/* rules.c — years, reopened windows and rulebooks as the handlers use
 * them (see rules.h). */
#include "laurel/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/rulebook.h"
#include "laurel/wire.h"

static void ykey(uint8_t key[2], int year)
{
	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
}

int year_get(store_txn *t, int year, struct year_rec *y)
{
	uint8_t key[2];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	uint64_t dec = 0;
	int rc;

	memset(y, 0, sizeof *y);
	ykey(key, year);
	if ((rc = store_get(t, STORE_DB_YEARS, key, 2, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = LRL_ECORRUPT;
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_strbuf(mp_map_geti(&up.data, 1), y->rulebook,
	                  sizeof y->rulebook) == 0 &&
	    mp_get_i64(mp_map_geti(&up.data, 11), &y->opened) == 0 &&
	    mp_get_u64(mp_map_geti(&up.data, 12), &dec) == 0) {
		for (int i = 0; i < 4; i++) {
			int64_t d = 0;
			mp_get_i64(mp_map_geti(&up.data, (uint64_t)(2 + i)), &d);
			y->dates[i] = (int32_t)d;
		}
		for (int i = 0; i < 5; i++) {
			int64_t n = 0;
			mp_get_i64(mp_map_geti(&up.data, (uint64_t)(6 + i)), &n);
			y->ints[i] = (int)n;
		}
		rc = 0;
	}
	msgpack_unpacked_destroy(&up);
	y->year = year;
	y->decisions = (uint32_t)dec;
	return rc;
}

int year_put(store_txn *t, const struct year_rec *y)
{
	uint8_t key[2];
	mp_buf b;
	int rc;

	ykey(key, y->year);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 12);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, y->rulebook);
	for (int i = 0; i < 4; i++) {
		msgpack_pack_uint8(&b.pk, (uint8_t)(2 + i));
		msgpack_pack_int32(&b.pk, y->dates[i]);
	}
	for (int i = 0; i < 5; i++) {
		msgpack_pack_uint8(&b.pk, (uint8_t)(6 + i));
		msgpack_pack_int32(&b.pk, y->ints[i]);
	}
	msgpack_pack_uint8(&b.pk, 11);
	msgpack_pack_int64(&b.pk, y->opened);
	msgpack_pack_uint8(&b.pk, 12);
	msgpack_pack_uint32(&b.pk, y->decisions);
	rc = store_put(t, STORE_DB_YEARS, key, 2, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

int year_param(struct lrl_ctx *c, int year, struct year_rec *y)
{
	int rc = year_get(c->txn, year, y);

	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "year",
		                    "the emulation year %d has not been opened", year);
	return rc;
}

/* The last day of a reopened window, or 0. */
static int32_t window(store_txn *t, int year, char kind, uint32_t id)
{
	uint8_t key[7];
	const void *v;
	size_t vl;

	ykey(key, year);
	key[2] = (uint8_t)kind;
	wire_put_be32(key + 3, id);
	if (store_get(t, STORE_DB_WINDOWS, key, sizeof key, &v, &vl) != 0 ||
	    vl != 4)
		return 0;
	return (int32_t)wire_get_be32(v);
}

int registration_open(struct lrl_ctx *c, const struct year_rec *y,
                      uint32_t unit, uint32_t staff, int *late)
{
	int32_t today = date_of_time(c->now);
	char d[16];

	*late = 0;
	if (!y->dates[YEAR_REGISTRATION] || today <= y->dates[YEAR_REGISTRATION])
		return 0;
	if (staff && window(c->txn, y->year, 'S', staff) >= today) {
		*late = 1;
		return 0;
	}
	/* A window opened for the unit or a unit above it. */
	for (int depth = 0; unit && depth < 64; depth++) {
		struct unit_rec u;
		if (window(c->txn, y->year, 'U', unit) >= today) {
			*late = 1;
			return 0;
		}
		if (unit_get(c->txn, unit, &u) != 0)
			break;
		unit = u.parent;
	}
	date_format(y->dates[YEAR_REGISTRATION], d, sizeof d);
	return lrl_fail_set(&c->fail, LRL_ESTATE, "year",
	                    "registration for %d closed on %s; ask the personnel "
	                    "office to reopen it", y->year, d);
}
