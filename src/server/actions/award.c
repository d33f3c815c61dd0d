/*
 * award.c — titles and honours already held (awards), and the open
 * complaints, discipline reviews and investigations that block awards
 * (matters).  The layouts are in awards.h.
 *
 * Awards are what "N years in a row" and the achievement report's past
 * titles are read from: the personnel office records those of earlier
 * years (and those given by other bodies) here; the director's decisions
 * add the hospital's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/awards.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/msg.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/wire.h"
#include "laurel/works.h"

int act_AWARD_ADD(struct lrl_ctx *c);
int act_AWARD_LIST(struct lrl_ctx *c);
int act_MATTER_OPEN(struct lrl_ctx *c);
int act_MATTER_CLOSE(struct lrl_ctx *c);
int act_MATTER_LIST(struct lrl_ctx *c);

static const char *const matter_kinds[] = {"complaint", "review",
                                           "investigation"};

/* ---- subjects ----------------------------------------------------------- */

const char *subject_word(char kind)
{
	return kind == 'U' ? "unit" : "person";
}

int subject_get(store_txn *t, char kind, uint32_t id, struct subject *s)
{
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->id = id;
	if (kind == 'S') {
		struct staff_rec st;
		if (staff_get(t, id, &st) != 0)
			return LRL_ENOENT;
		s->unit = st.unit;
		snprintf(s->code, sizeof s->code, "%s", st.code);
		snprintf(s->name, sizeof s->name, "%s", st.full_name);
	} else {
		struct unit_rec u;
		if (unit_get(t, id, &u) != 0)
			return LRL_ENOENT;
		s->unit = id;
		snprintf(s->code, sizeof s->code, "%s", u.code);
		snprintf(s->name, sizeof s->name, "%s", u.name);
	}
	return 0;
}

int subject_param(struct lrl_ctx *c, struct subject *s)
{
	const msgpack_object *sv = ctx_param(c, "staff");
	const msgpack_object *uv = ctx_param(c, "unit");

	memset(s, 0, sizeof *s);
	if ((sv != NULL) == (uv != NULL))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "staff",
		                    sv ? "give a person (--staff) or a unit "
		                         "(--unit), not both"
		                       : "give a person (--staff) or a unit "
		                         "(--unit)");
	if (sv) {
		struct staff_rec st;
		if (staff_find(c->txn, sv->via.str.ptr, sv->via.str.size, &st) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
			                    "no staff member has the code '%.*s'",
			                    (int)sv->via.str.size, sv->via.str.ptr);
		return subject_get(c->txn, 'S', st.id, s);
	}
	struct unit_rec u;
	if (unit_find(c->txn, uv->via.str.ptr, uv->via.str.size, &u) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
		                    "no unit has the code '%.*s'",
		                    (int)uv->via.str.size, uv->via.str.ptr);
	return subject_get(c->txn, 'U', u.id, s);
}

/* ---- awards ------------------------------------------------------------- */

size_t subject_key(uint8_t *key, int year, char kind, uint32_t id,
                   const char *code)
{
	size_t n = strlen(code);

	key[0] = (uint8_t)(year >> 8);
	key[1] = (uint8_t)year;
	key[2] = (uint8_t)kind;
	wire_put_be32(key + 3, id);
	memcpy(key + 7, code, n);
	return 7 + n;
}

int award_held(store_txn *t, int year, char kind, uint32_t id,
               const char *code)
{
	uint8_t key[8 + LRL_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, code);
	const void *v;
	size_t vl;

	return store_get(t, STORE_DB_AWARDS, key, kl, &v, &vl) == 0;
}

int awards_each(store_txn *t, char kind, uint32_t id, int from, int to,
                int (*fn)(int year, const char *code, const msgpack_object *v,
                          void *arg),
                void *arg)
{
	int rc = 0;

	for (int y = from; y <= to && rc == 0; y++) {
		uint8_t lo[7];
		const void *k = lo, *v;
		size_t kl = sizeof lo, vl;
		store_cursor *cur;

		subject_key(lo, y, kind, id, "");
		if ((rc = store_cursor_open(t, STORE_DB_AWARDS, &cur)) != 0)
			return rc;
		for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
		     rc == 0 && kl > 7 && memcmp(k, lo, 7) == 0;
		     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
			char code[LRL_CODE_MAX + 1];
			msgpack_unpacked up;
			snprintf(code, sizeof code, "%.*s", (int)(kl - 7),
			         (const char *)k + 7);
			msgpack_unpacked_init(&up);
			if (mp_decode(&up, v, vl) == 0)
				rc = fn(y, code, &up.data, arg);
			msgpack_unpacked_destroy(&up);
			if (rc != 0)
				break;
		}
		store_cursor_close(cur);
		if (rc == LRL_ENOENT)
			rc = 0;
	}
	return rc;
}

/* ---- the basis of awards ------------------------------------------------ */

int basis_of(store_txn *t, const char *work, char *ref, size_t n)
{
	const void *v;
	size_t vl;
	msgpack_unpacked up;

	ref[0] = '\0';
	if (store_get(t, STORE_DB_WORK_BASIS, work, strlen(work), &v, &vl) != 0)
		return 0;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0) {
		char what[16] = "", code[96] = "";
		mp_get_strbuf(mp_map_geti(&up.data, 1), what, sizeof what);
		mp_get_strbuf(mp_map_geti(&up.data, 2), code, sizeof code);
		snprintf(ref, n, "%s %s", what, code);
	}
	msgpack_unpacked_destroy(&up);
	return 1;
}

int basis_set(store_txn *t, char codes[][LRL_CODE_MAX + 1], size_t n,
              const char *what, const char *ref)
{
	for (size_t i = 0; i < n; i++) {
		int rc;
		if (what == NULL) {
			rc = store_del(t, STORE_DB_WORK_BASIS, codes[i],
			               strlen(codes[i]));
			if (rc != 0 && rc != LRL_ENOENT)
				return rc;
			continue;
		}
		mp_buf b;
		mp_buf_init(&b);
		msgpack_pack_map(&b.pk, 2);
		msgpack_pack_uint8(&b.pk, 1);
		mp_pack_str(&b.pk, what);
		msgpack_pack_uint8(&b.pk, 2);
		mp_pack_str(&b.pk, ref);
		rc = store_put(t, STORE_DB_WORK_BASIS, codes[i], strlen(codes[i]),
		               b.sb.data, b.sb.size, 0);
		mp_buf_free(&b);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Is the work the subject's: authored by the person; for a unit, the
 * unit's own or authored by one of its people? */
static int work_of(store_txn *t, const struct work_rec *w,
                   const struct subject *s)
{
	if (s->kind == 'U' && w->unit && unit_within(t, w->unit, s->id))
		return 1;
	for (size_t i = 0; i < w->nauthors; i++) {
		struct staff_rec st;
		if (s->kind == 'S' && w->authors[i] == s->id)
			return 1;
		if (s->kind == 'U' && staff_get(t, w->authors[i], &st) == 0 &&
		    unit_within(t, st.unit, s->id))
			return 1;
	}
	return 0;
}

int basis_param(struct lrl_ctx *c, const struct subject *s,
                char codes[][LRL_CODE_MAX + 1], size_t *n)
{
	const msgpack_object *v = ctx_param(c, "basis");
	const char *p, *end;

	*n = 0;
	if (v == NULL)
		return 0;
	p = v->via.str.ptr;
	end = p + v->via.str.size;
	while (p < end) {
		const char *q = memchr(p, ',', (size_t)(end - p));
		struct work_rec w;
		char ref[128];
		size_t len;
		if (q == NULL)
			q = end;
		while (p < q && *p == ' ')
			p++;
		len = (size_t)(q - p);
		while (len && p[len - 1] == ' ')
			len--;
		if (len == 0 || len > LRL_CODE_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "basis",
			                    "'%.*s' is not a code of an initiative",
			                    (int)len, p);
		if (work_get(c->txn, p, len, &w) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "basis",
			                    "no initiative or research topic has the "
			                    "code '%.*s'", (int)len, p);
		if (w.kind == WORK_MODEL)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "basis",
			                    "%s is a model; an award rests on an "
			                    "initiative or a research topic", w.code);
		if (w.state != WORK_RECOGNISED)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "basis",
			                    "%s is not recognised", w.code);
		if (!work_of(c->txn, &w, s))
			return lrl_fail_set(&c->fail, LRL_EINVAL, "basis",
			                    "%s is not a work of %s", w.code, s->code);
		if (basis_of(c->txn, w.code, ref, sizeof ref))
			return lrl_fail_set(&c->fail, LRL_EEXIST, "basis",
			                    "%s is already the basis of %s; an "
			                    "initiative is the basis of one award only",
			                    w.code, ref);
		for (size_t i = 0; i < *n; i++)
			if (!strcmp(codes[i], w.code))
				return lrl_fail_set(&c->fail, LRL_EINVAL, "basis",
				                    "%s is listed twice", w.code);
		if (*n == AWARD_BASIS_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "basis",
			                    "at most %d initiatives", AWARD_BASIS_MAX);
		snprintf(codes[(*n)++], LRL_CODE_MAX + 1, "%s", w.code);
		p = q + 1;
	}
	return 0;
}

int award_put(store_txn *t, int year, char kind, uint32_t id, const char *code,
              const char *number, int32_t date, const char *issuer,
              char basis[][LRL_CODE_MAX + 1], size_t nb, const char *ref,
              uint64_t by, int64_t now)
{
	uint8_t key[8 + LRL_CODE_MAX];
	size_t kl = subject_key(key, year, kind, id, code);
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, ref ? 7 : 6);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, number);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, date);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, issuer);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_array(&b.pk, nb);
	for (size_t i = 0; i < nb; i++)
		mp_pack_str(&b.pk, basis[i]);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint64(&b.pk, by);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_int64(&b.pk, now);
	if (ref) {
		msgpack_pack_uint8(&b.pk, 7);
		mp_pack_str(&b.pk, ref);
	}
	rc = store_put(t, STORE_DB_AWARDS, key, kl, b.sb.data, b.sb.size, 1);
	mp_buf_free(&b);
	return rc;
}

int64_t award_date(const void *v, size_t vl)
{
	return mp_value_i64(v, vl, 2);
}

int act_AWARD_ADD(struct lrl_ctx *c)
{
	char code[LRL_CODE_MAX + 1], decision[LRL_NAME_MAX * 4 + 1];
	char issuer[LRL_NAME_MAX * 4 + 1] = "", ref[96];
	char basis[AWARD_BASIS_MAX][LRL_CODE_MAX + 1];
	struct subject s;
	struct year_rec y;
	int64_t year = 0, date = 0;
	size_t nb = 0;
	int rc;

	ctx_int(c, "year", &year);
	ctx_int(c, "date", &date);
	ctx_strbuf(c, "title", code, sizeof code);
	ctx_strbuf(c, "decision", decision, sizeof decision);
	ctx_strbuf(c, "issuer", issuer, sizeof issuer);
	if ((rc = subject_param(c, &s)) != 0)
		return rc;
	/* A year laurel knows checks the code against its rulebook; earlier
	 * years are recorded as the paper decisions say. */
	if (year_get(c->txn, (int)year, &y) == 0) {
		char name[LRL_NAME_MAX * 4 + 1];
		if ((rc = rules_title(c, &y, "title", code, s.kind == 'U', name,
		                      sizeof name)) != 0)
			return rc;
	}
	if (date < date_from_ymd((int)year, 1, 1))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "date",
		                    "a decision for %lld cannot be dated before "
		                    "the year begins", (long long)year);
	if ((rc = basis_param(c, &s, basis, &nb)) != 0)
		return rc;
	rc = award_put(c->txn, (int)year, s.kind, s.id, code, decision,
	               (int32_t)date, issuer, basis, nb, NULL, c->actor_id,
	               c->now);
	if (rc == LRL_EEXIST)
		return lrl_fail_set(&c->fail, LRL_EEXIST, "title",
		                    "%s already holds %s for %lld", s.code, code,
		                    (long long)year);
	if (rc != 0)
		return rc;
	snprintf(ref, sizeof ref, "%lld %s %s", (long long)year, code, s.code);
	if ((rc = basis_set(c->txn, basis, nb, "award", ref)) != 0)
		return rc;
	result_message(c->out, "%s for %lld recorded for %s", code,
	               (long long)year, s.code);
	return 0;
}

/* May the actor see the records of a person or unit? */
static int may_see(struct lrl_ctx *c, char kind, uint32_t id, uint32_t unit)
{
	struct lrl_fail keep = c->fail;
	int ok;

	if (c->scope == LRL_SC_A)
		return 1;
	if (kind == 'S' && c->actor && c->actor->staff_id == id)
		return 1;
	ok = c->scope == LRL_SC_U && scope_unit_sees(c, unit);
	c->fail = keep;
	return ok;
}

int act_AWARD_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"year", "title", "subject", "code",
	                                   "name", "decision", "date", "issuer"};
	const msgpack_object *sv = ctx_param(c, "staff");
	uint32_t root = 0, only = 0;
	int64_t year = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "year", &year);
	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	if (sv) {
		struct staff_rec st;
		if (staff_find(c->txn, sv->via.str.ptr, sv->via.str.size, &st) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
			                    "no staff member has the code '%.*s'",
			                    (int)sv->via.str.size, sv->via.str.ptr);
		only = st.id;
	}
	if ((rc = store_cursor_open(c->txn, STORE_DB_AWARDS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		const uint8_t *kp = k;
		int y = kp[0] << 8 | kp[1];
		char kind = (char)kp[2], when[16] = "";
		uint32_t id = wire_get_be32(kp + 3), unit;
		char code[LRL_CODE_MAX + 1];
		struct subject sj;
		msgpack_unpacked up;
		int64_t date = 0;

		if (kl <= 7 || (year && y != year) ||
		    (only && (kind != 'S' || id != only)))
			continue;
		if (subject_get(c->txn, kind, id, &sj) != 0)
			continue;
		unit = sj.unit;
		if ((root && !unit_within(c->txn, unit, root)) ||
		    !may_see(c, kind, id, unit))
			continue;
		snprintf(code, sizeof code, "%.*s", (int)(kl - 7),
		         (const char *)kp + 7);
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) != 0) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		mp_get_i64(mp_map_geti(&up.data, 2), &date);
		date_format((int32_t)date, when, sizeof when);
		msgpack_pack_array(&rows.pk, 8);
		msgpack_pack_int64(&rows.pk, y);
		mp_pack_str(&rows.pk, code);
		mp_pack_str(&rows.pk, subject_word(kind));
		mp_pack_str(&rows.pk, sj.code);
		mp_pack_str(&rows.pk, sj.name);
		mp_pack_str_obj(&rows.pk, mp_map_geti(&up.data, 1));
		mp_pack_str(&rows.pk, when);
		mp_pack_str_obj(&rows.pk, mp_map_geti(&up.data, 3));
		msgpack_unpacked_destroy(&up);
		n++;
	}
	store_cursor_close(cur);
	if (rc == LRL_ENOENT) {
		list_begin(c->out, cols, 8, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
	mp_buf_free(&rows);
	return rc;
}

/* ---- matters ------------------------------------------------------------ */

struct matter {
	uint64_t number;
	int kind; /* index in matter_kinds */
	char subject;
	uint32_t id;
	int64_t opened, closed;
};

static int matter_decode(const void *k, size_t kl, const void *v, size_t vl,
                         struct matter *m, msgpack_unpacked *up)
{
	char kind[16] = "", subj[2] = "";
	uint64_t id = 0;

	if (kl != 8 || mp_decode(up, v, vl) != 0)
		return LRL_ECORRUPT;
	memset(m, 0, sizeof *m);
	m->number = wire_get_be64(k);
	mp_get_strbuf(mp_map_geti(&up->data, 1), kind, sizeof kind);
	mp_get_strbuf(mp_map_geti(&up->data, 2), subj, sizeof subj);
	mp_get_u64(mp_map_geti(&up->data, 3), &id);
	mp_get_i64(mp_map_geti(&up->data, 5), &m->opened);
	mp_get_i64(mp_map_geti(&up->data, 7), &m->closed);
	m->subject = subj[0];
	m->id = (uint32_t)id;
	m->kind = -1;
	for (int i = 0; i < 3; i++)
		if (!strcmp(kind, matter_kinds[i]))
			m->kind = i;
	return m->kind < 0 ? LRL_ECORRUPT : 0;
}

/* Is matter k a complaint about one award of a draft decision?  Those
 * share their number with the complaint record. */
static int about_one_award(store_txn *t, const void *k)
{
	const void *v;
	size_t vl;

	return store_get(t, STORE_DB_COMPLAINTS, k, 8, &v, &vl) == 0;
}

unsigned matters_open(store_txn *t, char kind, uint32_t id)
{
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl;
	unsigned bits = 0;

	if (store_cursor_open(t, STORE_DB_MATTERS, &cur) != 0)
		return 0;
	for (int rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
	     rc == 0; rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct matter m;
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		if (matter_decode(k, kl, v, vl, &m, &up) == 0 && m.closed == 0 &&
		    m.subject == kind && m.id == id && !about_one_award(t, k))
			bits |= 1u << m.kind;
		msgpack_unpacked_destroy(&up);
	}
	store_cursor_close(cur);
	return bits;
}

int matter_add(store_txn *t, uint64_t number, const char *kind, char subject,
               uint32_t id, const char *note, int64_t now, uint64_t actor)
{
	uint8_t key[8];
	mp_buf b;
	int rc;

	wire_put_be64(key, number);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 7);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, kind);
	msgpack_pack_uint8(&b.pk, 2);
	mp_pack_strn(&b.pk, &subject, 1);
	msgpack_pack_uint8(&b.pk, 3);
	msgpack_pack_uint32(&b.pk, id);
	msgpack_pack_uint8(&b.pk, 4);
	mp_pack_str(&b.pk, note);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_int64(&b.pk, now);
	msgpack_pack_uint8(&b.pk, 6);
	msgpack_pack_uint64(&b.pk, actor);
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, 0);
	rc = store_put(t, STORE_DB_MATTERS, key, 8, b.sb.data, b.sb.size, 1);
	mp_buf_free(&b);
	return rc;
}

int act_MATTER_OPEN(struct lrl_ctx *c)
{
	char kind[16], *note = NULL;
	struct subject s;
	int rc;

	ctx_strbuf(c, "kind", kind, sizeof kind);
	if ((rc = subject_param(c, &s)) != 0)
		return rc;
	if ((rc = ctx_text(c, "note", &note)) != 0)
		return rc;
	rc = matter_add(c->txn, c->seq, kind, s.kind, s.id, note, c->now,
	                c->actor_id);
	free(note);
	if (rc != 0)
		return rc;
	result_message(c->out, "matter %llu opened: %s concerning %s; awards "
	               "to %s are blocked until it is closed",
	               (unsigned long long)c->seq, kind, s.code, s.code);
	return 0;
}

int matter_close(store_txn *t, uint64_t number, const char *resolution,
                 int64_t now, uint64_t actor)
{
	uint8_t key[8];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	struct matter m;
	mp_buf b;
	int rc;

	wire_put_be64(key, number);
	if (store_get(t, STORE_DB_MATTERS, key, 8, &v, &vl) != 0)
		return LRL_ENOENT;
	msgpack_unpacked_init(&up);
	if ((rc = matter_decode(key, 8, v, vl, &m, &up)) != 0) {
		msgpack_unpacked_destroy(&up);
		return rc;
	}
	if (m.closed) {
		msgpack_unpacked_destroy(&up);
		return LRL_ESTATE;
	}
	/* Copy fields 1–6 as they are; add 7–9. */
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 9);
	for (uint64_t i = 1; i <= 6; i++) {
		const msgpack_object *f = mp_map_geti(&up.data, i);
		msgpack_pack_uint8(&b.pk, (uint8_t)i);
		if (f)
			msgpack_pack_object(&b.pk, *f);
		else
			msgpack_pack_nil(&b.pk);
	}
	msgpack_pack_uint8(&b.pk, 7);
	msgpack_pack_int64(&b.pk, now);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, resolution);
	msgpack_pack_uint8(&b.pk, 9);
	msgpack_pack_uint64(&b.pk, actor);
	msgpack_unpacked_destroy(&up);
	rc = store_put(t, STORE_DB_MATTERS, key, 8, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

int matter_state(store_txn *t, uint64_t number, char *resolution, size_t n)
{
	uint8_t key[8];
	const void *v;
	size_t vl;
	msgpack_unpacked up;
	struct matter m;
	int rc;

	if (n)
		resolution[0] = '\0';
	wire_put_be64(key, number);
	if (store_get(t, STORE_DB_MATTERS, key, 8, &v, &vl) != 0)
		return LRL_ENOENT;
	msgpack_unpacked_init(&up);
	if ((rc = matter_decode(key, 8, v, vl, &m, &up)) == 0) {
		rc = m.closed ? 1 : 0;
		if (m.closed && n &&
		    mp_get_strbuf(mp_map_geti(&up.data, 8), resolution, n) != 0)
			resolution[0] = '\0';
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_MATTER_CLOSE(struct lrl_ctx *c)
{
	int64_t number = 0;
	char *resolution = NULL;
	int rc;

	ctx_int(c, "matter", &number);
	rc = matter_state(c->txn, (uint64_t)number, NULL, 0);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "matter",
		                    "there is no matter %lld", (long long)number);
	if (rc == 1)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "matter",
		                    "matter %lld is already closed",
		                    (long long)number);
	if (rc < 0)
		return rc;
	if ((rc = ctx_text(c, "resolution", &resolution)) != 0)
		return rc;
	rc = matter_close(c->txn, (uint64_t)number, resolution, c->now,
	                  c->actor_id);
	free(resolution);
	if (rc != 0)
		return rc;
	result_message(c->out, "matter %lld closed", (long long)number);
	return 0;
}

int act_MATTER_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"matter", "kind", "subject", "code",
	                                   "name", "opened", "state", "note",
	                                   "resolution"};
	int only_open = 0;
	store_cursor *cur;
	const void *k, *v;
	size_t kl, vl, n = 0;
	mp_buf rows;
	int rc;

	mp_get_bool(ctx_param(c, "open"), &only_open);
	if ((rc = store_cursor_open(c->txn, STORE_DB_MATTERS, &cur)) != 0)
		return rc;
	mp_buf_init(&rows);
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct matter m;
		msgpack_unpacked up;
		struct subject sj;
		char when[16];

		msgpack_unpacked_init(&up);
		if (matter_decode(k, kl, v, vl, &m, &up) != 0 ||
		    (only_open && m.closed)) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		if (subject_get(c->txn, m.subject, m.id, &sj) != 0)
			memset(&sj, 0, sizeof sj);
		if (!may_see(c, m.subject, m.id, sj.unit)) {
			msgpack_unpacked_destroy(&up);
			continue;
		}
		date_format(date_of_time(m.opened), when, sizeof when);
		msgpack_pack_array(&rows.pk, 9);
		msgpack_pack_uint64(&rows.pk, m.number);
		mp_pack_str(&rows.pk, matter_kinds[m.kind]);
		mp_pack_str(&rows.pk, subject_word(m.subject));
		mp_pack_str(&rows.pk, sj.code);
		mp_pack_str(&rows.pk, sj.name);
		mp_pack_str(&rows.pk, when);
		mp_pack_str(&rows.pk, m.closed ? "resolved" : "pending");
		mp_pack_str_obj(&rows.pk, mp_map_geti(&up.data, 4));
		mp_pack_str_obj(&rows.pk, mp_map_geti(&up.data, 8));
		msgpack_unpacked_destroy(&up);
		n++;
	}
	store_cursor_close(cur);
	if (rc == LRL_ENOENT) {
		list_begin(c->out, cols, 9, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
	mp_buf_free(&rows);
	return rc;
}
