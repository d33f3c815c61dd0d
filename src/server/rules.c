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
#include "laurel/roster.h"
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

int rules_check(const char *text, size_t len, struct lrl_fail *f)
{
	struct rulebook *rb = NULL;
	struct rulebook_error err;

	memset(&err, 0, sizeof err);
	if (rulebook_parse(text, len, &rb, &err) == 0) {
		rulebook_free(rb);
		return 0;
	}
	if (err.line > 0)
		return lrl_fail_set(f, LRL_EINVAL, "file", "line %d: %s", err.line,
		                    err.message);
	return lrl_fail_set(f, LRL_EINVAL, "file", "%s", err.message);
}

int rules_load(store_txn *t, const char *version, struct rulebook **out,
               struct lrl_fail *f)
{
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	const char *text;
	size_t tl;
	struct rulebook *rb = NULL;
	int rc;

	if (out)
		*out = NULL;
	rc = store_get(t, STORE_DB_RULEBOOKS, version, strlen(version), &v, &vl);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(f, LRL_ENOENT, "rulebook",
		                    "no rulebook %s has been loaded", version);
	if (rc != 0)
		return rc;
	if (out == NULL)
		return 0;
	msgpack_unpacked_init(&up);
	rc = LRL_ECORRUPT;
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_str(mp_map_geti(&up.data, 1), &text, &tl) == 0)
		rc = rulebook_parse(text, tl, &rb, NULL) == 0 ? 0 : LRL_ECORRUPT;
	msgpack_unpacked_destroy(&up);
	*out = rb;
	return rc;
}

int rules_version_locked(store_txn *t, const char *version,
                         struct lrl_fail *f)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	int rc;

	if ((rc = store_cursor_open(t, STORE_DB_YEARS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct year_rec y;
		if (kl != 2 ||
		    year_get(t, ((const uint8_t *)k)[0] << 8 | ((const uint8_t *)k)[1],
		             &y) != 0)
			continue;
		if (!strcmp(y.rulebook, version) && y.decisions > 0) {
			store_cursor_close(cur);
			return lrl_fail_set(f, LRL_ESTATE, "version",
			                    "rulebook %s is used by year %d, which has "
			                    "signed decisions: load a new version "
			                    "instead", version, y.year);
		}
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

void rules_titles_text(const char *text, size_t len, char *out, size_t n)
{
	struct rulebook *rb = NULL;
	size_t o = 0;

	out[0] = '\0';
	if (rulebook_parse(text, len, &rb, NULL) != 0)
		return;
	for (size_t i = 0; i < rulebook_title_count(rb) && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s%s", o ? ", " : "",
		                      rulebook_title_at(rb, i)->code);
	rulebook_free(rb);
}

void rules_pack_titles(store_txn *t, const char *version, msgpack_packer *pk)
{
	static const char *const subjects[] = {"", "person", "unit", "person unit"};
	struct rulebook *rb = NULL;
	struct lrl_fail ignored;
	size_t n;

	memset(&ignored, 0, sizeof ignored);
	if (rules_load(t, version, &rb, &ignored) != 0 || rb == NULL) {
		rulebook_free(rb);
		msgpack_pack_array(pk, 0);
		return;
	}
	n = rulebook_title_count(rb);
	msgpack_pack_array(pk, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		const struct rulebook_title *ti = rulebook_title_at(rb, i);
		msgpack_pack_array(pk, 3);
		mp_pack_str(pk, ti->code);
		mp_pack_str(pk, ti->name);
		mp_pack_str(pk, subjects[ti->subjects & 3]);
	}
	rulebook_free(rb);
}

int rules_title(struct lrl_ctx *c, const struct year_rec *y, const char *field,
                const char *code, int for_unit, char *name, size_t n)
{
	struct rulebook *rb = NULL;
	const struct rulebook_title *ti;
	int rc;

	if ((rc = rules_load(c->txn, y->rulebook, &rb, &c->fail)) != 0)
		return rc;
	ti = rulebook_title_find(rb, code);
	if (ti == NULL)
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                  "%s is not a title or honour of rulebook %s",
		                  code, y->rulebook);
	else if (!(ti->subjects & (for_unit ? RB_UNIT : RB_PERSON)))
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, field,
		                  for_unit ? "%s is not awarded to units"
		                           : "%s is not awarded to persons",
		                  code);
	else
		snprintf(name, n, "%s", ti->name);
	rulebook_free(rb);
	return rc;
}
