/*
 * work.c — initiatives, research topics and models (sáng kiến, đề tài
 * NCKH, mô hình mới / cách làm hay): registered by their authors, by the
 * heads of their units or by the personnel office; later recognised, or
 * not, by a numbered decision.  Recognised initiatives and topics are
 * facts eligibility rests on; works.h is how other modules read them.
 *
 * The record layout is in works.h.  Beyond struct work_rec a stored work
 * holds its summary (6), who registered it and when (11, 12), the note of
 * the decision (13) and who recorded the decision (14).  The scope is ""
 * until a work is recognised.
 */
#include "laurel/works.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/acthelp.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/wire.h"

int act_WORK_ADD(struct lrl_ctx *c);
int act_WORK_RECOGNISE(struct lrl_ctx *c);
int act_WORK_LIST(struct lrl_ctx *c);
int act_WORK_SHOW(struct lrl_ctx *c);

/* Indexed by enum work_kind, enum work_state and RB_SCOPE_*. */
static const char *const kind_words[] = {"", "initiative", "research", "model"};
static const char *const kind_prefixes[] = {"", "SK", "DT", "MH"};
/* Lists and records name the kind by its Vietnamese term, as the unit and
 * movement lists do; states and scopes keep their parameter words. */
static const char *const kind_terms[] = {"", "sáng kiến", "đề tài NCKH",
                                         "mô hình"};
static const char *const state_words[] = {"", "registered", "recognised",
                                          "not-recognised"};
static const char *const scope_words[] = {"", "hospital", "province",
                                          "national"};
#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

/* What a stored work holds beyond struct work_rec. */
struct work_extra {
	char summary[LRL_TEXT_MAX * 4 + 1];
	char note[LRL_TEXT_MAX * 4 + 1];
	uint64_t registered_by, decided_by;
	int64_t registered;
};

/* The index of s (len bytes) among words[1..n-1], or 0. */
static int word_index(const char *const *words, size_t n, const char *s,
                      size_t len)
{
	for (size_t i = 1; i < n; i++)
		if (strlen(words[i]) == len && memcmp(words[i], s, len) == 0)
			return (int)i;
	return 0;
}

static int get_word(const msgpack_object *o, const char *const *words,
                    size_t n, int empty_ok, int *out)
{
	const char *s;
	size_t len;

	if (mp_get_str(o, &s, &len) != 0)
		return LRL_ECORRUPT;
	*out = word_index(words, n, s, len);
	return *out || (empty_ok && len == 0) ? 0 : LRL_ECORRUPT;
}

/* Decodes a stored work (code not included); x may be NULL. */
static int work_decode(const void *v, size_t vl, struct work_rec *w,
                       struct work_extra *x)
{
	msgpack_unpacked up;
	const msgpack_object *d, *a;
	int64_t year = 0, date = 0;
	uint64_t unit = 0;
	int rc = LRL_ECORRUPT;

	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0)
		goto done;
	d = &up.data;
	if (get_word(mp_map_geti(d, 1), kind_words, NWORDS(kind_words), 0,
	             &w->kind) != 0 ||
	    mp_get_i64(mp_map_geti(d, 2), &year) != 0 ||
	    mp_get_strbuf(mp_map_geti(d, 3), w->name, sizeof w->name) != 0 ||
	    (a = mp_map_geti(d, 4)) == NULL || a->type != MSGPACK_OBJECT_ARRAY ||
	    a->via.array.size > WORK_AUTHORS_MAX ||
	    mp_get_u64(mp_map_geti(d, 5), &unit) != 0 ||
	    get_word(mp_map_geti(d, 7), state_words, NWORDS(state_words), 0,
	             &w->state) != 0 ||
	    get_word(mp_map_geti(d, 8), scope_words, NWORDS(scope_words), 1,
	             &w->scope) != 0 ||
	    mp_get_strbuf(mp_map_geti(d, 9), w->decision, sizeof w->decision) != 0 ||
	    mp_get_i64(mp_map_geti(d, 10), &date) != 0)
		goto done;
	w->year = (int)year;
	w->unit = (uint32_t)unit;
	w->decision_date = (int32_t)date;
	w->nauthors = a->via.array.size;
	for (size_t i = 0; i < w->nauthors; i++) {
		uint64_t id;
		if (mp_get_u64(&a->via.array.ptr[i], &id) != 0)
			goto done;
		w->authors[i] = (uint32_t)id;
	}
	if (x && (mp_get_strbuf(mp_map_geti(d, 6), x->summary,
	                        sizeof x->summary) != 0 ||
	          mp_get_u64(mp_map_geti(d, 11), &x->registered_by) != 0 ||
	          mp_get_i64(mp_map_geti(d, 12), &x->registered) != 0 ||
	          mp_get_strbuf(mp_map_geti(d, 13), x->note, sizeof x->note) != 0 ||
	          mp_get_u64(mp_map_geti(d, 14), &x->decided_by) != 0))
		goto done;
	rc = 0;
done:
	msgpack_unpacked_destroy(&up);
	return rc;
}

int work_decode_brief(const void *v, size_t vl, struct work_rec *w,
                      int64_t *registered)
{
	msgpack_unpacked up;
	const msgpack_object *d = &up.data;
	int64_t year = 0, date = 0;
	int rc = LRL_ECORRUPT;

	*registered = 0;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0 &&
	    mp_get_i64(mp_map_geti(d, 2), &year) == 0) {
		w->year = (int)year;
		if (get_word(mp_map_geti(d, 1), kind_words, NWORDS(kind_words),
		             0, &w->kind) != 0)
			w->kind = 0;
		if (get_word(mp_map_geti(d, 7), state_words,
		             NWORDS(state_words), 0, &w->state) != 0)
			w->state = 0;
		mp_get_i64(mp_map_geti(d, 10), &date);
		w->decision_date = (int32_t)date;
		mp_get_i64(mp_map_geti(d, 12), registered);
		rc = 0;
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* Reads the work with code (len bytes) and, when x is not NULL, the rest
 * of its record. */
static int work_load(store_txn *t, const char *code, size_t len,
                     struct work_rec *w, struct work_extra *x)
{
	const void *v;
	size_t vl;
	int rc;

	memset(w, 0, sizeof *w);
	if (len == 0 || len > LRL_CODE_MAX)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_WORKS, code, len, &v, &vl)) != 0)
		return rc;
	memcpy(w->code, code, len);
	w->code[len] = '\0';
	return work_decode(v, vl, w, x);
}

int work_get(store_txn *t, const char *code, size_t len, struct work_rec *w)
{
	return work_load(t, code, len, w, NULL);
}

/* Writes w with x (overwriting unless is_new: then the code must be free). */
static int work_put(store_txn *t, const struct work_rec *w,
                    const struct work_extra *x, int is_new)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 14);
	msgpack_pack_uint8(&b.pk, 1);
	mp_pack_str(&b.pk, kind_words[w->kind]);
	msgpack_pack_uint8(&b.pk, 2);
	msgpack_pack_int64(&b.pk, w->year);
	msgpack_pack_uint8(&b.pk, 3);
	mp_pack_str(&b.pk, w->name);
	msgpack_pack_uint8(&b.pk, 4);
	msgpack_pack_array(&b.pk, w->nauthors);
	for (size_t i = 0; i < w->nauthors; i++)
		msgpack_pack_uint32(&b.pk, w->authors[i]);
	msgpack_pack_uint8(&b.pk, 5);
	msgpack_pack_uint32(&b.pk, w->unit);
	msgpack_pack_uint8(&b.pk, 6);
	mp_pack_str(&b.pk, x->summary);
	msgpack_pack_uint8(&b.pk, 7);
	mp_pack_str(&b.pk, state_words[w->state]);
	msgpack_pack_uint8(&b.pk, 8);
	mp_pack_str(&b.pk, scope_words[w->scope]);
	msgpack_pack_uint8(&b.pk, 9);
	mp_pack_str(&b.pk, w->decision);
	msgpack_pack_uint8(&b.pk, 10);
	msgpack_pack_int64(&b.pk, w->decision_date);
	msgpack_pack_uint8(&b.pk, 11);
	msgpack_pack_uint64(&b.pk, x->registered_by);
	msgpack_pack_uint8(&b.pk, 12);
	msgpack_pack_int64(&b.pk, x->registered);
	msgpack_pack_uint8(&b.pk, 13);
	mp_pack_str(&b.pk, x->note);
	msgpack_pack_uint8(&b.pk, 14);
	msgpack_pack_uint64(&b.pk, x->decided_by);
	rc = store_put(t, STORE_DB_WORKS, w->code, strlen(w->code), b.sb.data,
	               b.sb.size, is_new);
	mp_buf_free(&b);
	return rc;
}

int works_of_staff(store_txn *t, uint32_t staff,
                   int (*fn)(const struct work_rec *w, void *arg), void *arg)
{
	uint8_t lo[4];
	const void *k = lo;
	size_t kl = sizeof lo;
	store_cursor *cur;
	int rc;

	wire_put_be32(lo, staff);
	if ((rc = store_cursor_open(t, STORE_DB_WORK_AUTHORS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	     rc == 0 && kl > 4 && memcmp(k, lo, 4) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
		struct work_rec w;
		/* The key points into the map: copy the code before reading. */
		char code[LRL_CODE_MAX + 1];
		size_t cl = kl - 4;
		if (cl > LRL_CODE_MAX)
			continue;
		memcpy(code, (const uint8_t *)k + 4, cl);
		rc = work_get(t, code, cl, &w);
		if (rc == LRL_ENOENT)
			continue;
		if (rc != 0 || (rc = fn(&w, arg)) != 0)
			break;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

/* ---- registering ------------------------------------------------------ */

/* The next free code for kind and year: one above the highest number
 * given so far ("SK-2026-007" after "SK-2026-006"). */
static int next_code(store_txn *t, int kind, int year, char *code, size_t n)
{
	char prefix[16];
	size_t pl = (size_t)snprintf(prefix, sizeof prefix, "%s-%d-",
	                             kind_prefixes[kind], year);
	const void *k = prefix;
	size_t kl = pl;
	store_cursor *cur;
	long high = 0;
	int rc;

	if ((rc = store_cursor_open(t, STORE_DB_WORKS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, NULL, NULL);
	     rc == 0 && kl > pl && memcmp(k, prefix, pl) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, NULL, NULL)) {
		const char *p = (const char *)k + pl;
		long num = 0;
		size_t i;
		for (i = 0; i < kl - pl && i < 9 && isdigit((unsigned char)p[i]); i++)
			num = num * 10 + (p[i] - '0');
		if (i == kl - pl && num > high)
			high = num;
	}
	store_cursor_close(cur);
	if (rc != 0 && rc != LRL_ENOENT)
		return rc;
	if (snprintf(code, n, "%s%03ld", prefix, high + 1) >= (int)n)
		return LRL_EINVAL; /* a billion works of one kind in a year */
	return 0;
}

/* The authors parameter, checked: every code names a staff member, none
 * twice, at most WORK_AUTHORS_MAX. */
static int parse_authors(struct lrl_ctx *c, struct work_rec *w,
                         uint32_t *units)
{
	char buf[LRL_NAME_MAX * 16 + 1], *tok, *save = NULL;
	int rc;

	w->nauthors = 0;
	if (ctx_param(c, "authors") == NULL)
		return 0;
	if ((rc = ctx_strbuf(c, "authors", buf, sizeof buf)) != 0)
		return rc;
	for (tok = strtok_r(buf, ",; \t", &save); tok;
	     tok = strtok_r(NULL, ",; \t", &save)) {
		struct staff_rec s;
		char code[LRL_CODE_MAX + 1];
		size_t len = strlen(tok);
		/* Staff codes are capitals: "kb1" means KB1. */
		for (size_t i = 0; i < len && i < LRL_CODE_MAX; i++)
			code[i] = tok[i] >= 'a' && tok[i] <= 'z'
			                  ? (char)(tok[i] - 'a' + 'A')
			                  : tok[i];
		code[len < LRL_CODE_MAX ? len : LRL_CODE_MAX] = '\0';
		if (len > LRL_CODE_MAX ||
		    staff_find(c->txn, code, strlen(code), &s) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "authors",
			                    "no staff member has the code '%s'", tok);
		for (size_t i = 0; i < w->nauthors; i++)
			if (w->authors[i] == s.id)
				return lrl_fail_set(&c->fail, LRL_EINVAL, "authors",
				                    "%s is listed twice", s.code);
		if (w->nauthors == WORK_AUTHORS_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "authors",
			                    "a work has at most %d authors",
			                    WORK_AUTHORS_MAX);
		units[w->nauthors] = s.unit;
		w->authors[w->nauthors++] = s.id;
	}
	return 0;
}

/* May the actor register w?  Administrators anything; anyone a work they
 * are an author of (for their own unit, or for no unit); heads works
 * whose authors and unit are all within the units they head. */
static int may_register(struct lrl_ctx *c, const struct work_rec *w,
                        const uint32_t *units)
{
	uint32_t me = c->actor ? c->actor->staff_id : 0;
	struct staff_rec s;
	int author = -1;

	if (c->scope == LRL_SC_A)
		return 0;
	for (size_t i = 0; i < w->nauthors; i++)
		if (me && w->authors[i] == me)
			author = (int)i;
	if (author >= 0 &&
	    (w->unit == 0 || unit_within(c->txn, units[author], w->unit)))
		return 0;
	if (c->scope == LRL_SC_U) {
		for (size_t i = 0; i < w->nauthors; i++)
			if (!scope_unit_sees(c, units[i])) {
				if (staff_get(c->txn, w->authors[i], &s) != 0)
					snprintf(s.code, sizeof s.code, "?");
				return lrl_fail_set(&c->fail, LRL_EPERM, "authors",
				                    "%s is not in a unit you head",
				                    s.code);
			}
		if (w->unit && !scope_unit_sees(c, w->unit))
			return lrl_fail_set(&c->fail, LRL_EPERM, "unit",
			                    "you may register works only for the "
			                    "units you head");
		return 0;
	}
	if (me == 0)
		return lrl_fail_set(&c->fail, LRL_ESTATE, NULL,
		                    "your account is not linked to a staff record; "
		                    "ask the personnel office");
	if (author < 0)
		return lrl_fail_set(&c->fail, LRL_EPERM, "authors",
		                    "you may register only works you are an "
		                    "author of");
	return lrl_fail_set(&c->fail, LRL_EPERM, "unit",
	                    "you may register a work only for your own unit");
}

int act_WORK_ADD(struct lrl_ctx *c)
{
	const msgpack_object *uv = ctx_param(c, "unit");
	uint32_t units[WORK_AUTHORS_MAX];
	struct work_extra *x = NULL;
	struct work_rec w;
	struct year_rec y;
	char kind[16], *name = NULL, *summary = NULL;
	int64_t year = 0;
	uint8_t key[4 + LRL_CODE_MAX];
	int rc;

	memset(&w, 0, sizeof w);
	ctx_int(c, "year", &year);
	ctx_strbuf(c, "kind", kind, sizeof kind);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	w.year = (int)year;
	w.kind = word_index(kind_words, NWORDS(kind_words), kind, strlen(kind));
	if (w.kind == 0)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "kind",
		                    "must be one of: %s", LRL_WORK_KINDS);
	if ((rc = parse_authors(c, &w, units)) != 0)
		return rc;
	if (uv) {
		struct unit_rec u;
		if (unit_find(c->txn, uv->via.str.ptr, uv->via.str.size, &u) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
			                    "no unit has the code '%.*s'",
			                    (int)uv->via.str.size, uv->via.str.ptr);
		if (u.closed)
			return lrl_fail_set(&c->fail, LRL_ESTATE, "unit",
			                    "unit %s is closed", u.code);
		w.unit = u.id;
	}
	if (w.nauthors == 0 && w.unit == 0)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "authors",
		                    "give the authors, the unit, or both");
	if ((rc = may_register(c, &w, units)) != 0)
		return rc;
	if ((rc = ctx_text(c, "name", &name)) != 0)
		return rc;
	snprintf(w.name, sizeof w.name, "%s", name);
	free(name);
	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	if (ctx_param(c, "summary") && (rc = ctx_text(c, "summary", &summary)) != 0)
		goto done;
	snprintf(x->summary, sizeof x->summary, "%s", summary ? summary : "");
	x->registered_by = c->actor_id;
	x->registered = c->now;
	w.state = WORK_REGISTERED;
	if ((rc = next_code(c->txn, w.kind, w.year, w.code, sizeof w.code)) != 0 ||
	    (rc = work_put(c->txn, &w, x, 1)) != 0)
		goto done;
	for (size_t i = 0; i < w.nauthors; i++) {
		size_t cl = strlen(w.code);
		wire_put_be32(key, w.authors[i]);
		memcpy(key + 4, w.code, cl);
		if ((rc = store_put(c->txn, STORE_DB_WORK_AUTHORS, key, 4 + cl, "",
		                    0, 0)) != 0)
			goto done;
	}
	switch (w.kind) {
	case WORK_INITIATIVE:
		result_message(c->out, "initiative %s registered", w.code);
		break;
	case WORK_RESEARCH:
		result_message(c->out, "research topic %s registered", w.code);
		break;
	default:
		result_message(c->out, "model %s registered", w.code);
		break;
	}
done:
	free(summary);
	free(x);
	return rc;
}

/* ---- deciding --------------------------------------------------------- */

int act_WORK_RECOGNISE(struct lrl_ctx *c)
{
	const msgpack_object *cv = ctx_param(c, "code");
	struct work_extra *x;
	struct work_rec w;
	char result[24], scope[16] = "", *decision = NULL, *note = NULL;
	int64_t date = 0;
	int rc;

	ctx_strbuf(c, "result", result, sizeof result);
	if (ctx_param(c, "scope"))
		ctx_strbuf(c, "scope", scope, sizeof scope);
	ctx_int(c, "date", &date);
	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	rc = work_load(c->txn, cv->via.str.ptr, cv->via.str.size, &w, x);
	if (rc == LRL_ENOENT) {
		rc = lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                  "no initiative, research topic or model has "
		                  "the code '%.*s'",
		                  (int)cv->via.str.size, cv->via.str.ptr);
		goto done;
	}
	if (rc != 0)
		goto done;
	if (w.state != WORK_REGISTERED) {
		char d[16];
		date_format(w.decision_date, d, sizeof d);
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "code",
		                  "%s was already decided: %s by decision %s of %s",
		                  w.code, state_words[w.state], w.decision, d);
		goto done;
	}
	w.state = word_index(state_words, NWORDS(state_words), result,
	                     strlen(result));
	if (w.state != WORK_RECOGNISED && w.state != WORK_NOT_RECOGNISED) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "result",
		                  "must be recognised or not-recognised");
		goto done;
	}
	w.scope = word_index(scope_words, NWORDS(scope_words), scope,
	                     strlen(scope));
	if (w.state == WORK_RECOGNISED && w.scope == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "scope",
		                  "is required when the work is recognised "
		                  "(hospital, province or national)");
		goto done;
	}
	if (w.state == WORK_NOT_RECOGNISED && scope[0]) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "scope",
		                  "is given only when the work is recognised");
		goto done;
	}
	if (date < date_from_ymd(w.year, 1, 1)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "date",
		                  "the decision cannot come before %d, the year "
		                  "of %s", w.year, w.code);
		goto done;
	}
	if ((rc = ctx_text(c, "decision", &decision)) != 0 ||
	    (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0))
		goto done;
	snprintf(w.decision, sizeof w.decision, "%s", decision);
	snprintf(x->note, sizeof x->note, "%s", note ? note : "");
	w.decision_date = (int32_t)date;
	x->decided_by = c->actor_id;
	if ((rc = work_put(c->txn, &w, x, 0)) != 0)
		goto done;
	if (w.state == WORK_RECOGNISED)
		result_message(c->out, "%s recognised (%s) by decision %s", w.code,
		               scope_words[w.scope], w.decision);
	else
		result_message(c->out, "%s not recognised, decision %s", w.code,
		               w.decision);
done:
	free(decision);
	free(note);
	free(x);
	return rc;
}

/* ---- reading ---------------------------------------------------------- */

/* "code, code" and "name; name" of w's authors. */
static void authors_text(store_txn *t, const struct work_rec *w, char *codes,
                         size_t cn, char *names, size_t nn)
{
	codes[0] = names[0] = '\0';
	for (size_t i = 0; i < w->nauthors; i++) {
		struct staff_rec s;
		if (staff_get(t, w->authors[i], &s) != 0)
			continue;
		snprintf(codes + strlen(codes), cn - strlen(codes), "%s%s",
		         codes[0] ? ", " : "", s.code);
		snprintf(names + strlen(names), nn - strlen(names), "%s%s",
		         names[0] ? "; " : "", s.full_name);
	}
}

static void pack_date(msgpack_packer *pk, int32_t d)
{
	char buf[16] = "";

	if (d)
		date_format(d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

struct work_rows {
	store_txn *txn;
	mp_buf b;
	size_t n;
	int64_t year;
	int kind, state;
	uint32_t root; /* unit subtree, 0: any */
};

/* Packs w as a row when it passes the filters. */
static int work_row(const struct work_rec *w, void *arg)
{
	struct work_rows *r = arg;
	char codes[WORK_AUTHORS_MAX * (LRL_CODE_MAX + 2) + 1];
	char names[WORK_AUTHORS_MAX * (ROSTER_TEXT_MAX + 2) + 1];
	struct unit_rec u;

	if ((r->year && w->year != r->year) || (r->kind && w->kind != r->kind) ||
	    (r->state && w->state != r->state))
		return 0;
	if (r->root) {
		int in = w->unit && unit_within(r->txn, w->unit, r->root);
		for (size_t i = 0; i < w->nauthors && !in; i++) {
			struct staff_rec s;
			in = staff_get(r->txn, w->authors[i], &s) == 0 &&
			     unit_within(r->txn, s.unit, r->root);
		}
		if (!in)
			return 0;
	}
	authors_text(r->txn, w, codes, sizeof codes, names, sizeof names);
	msgpack_pack_array(&r->b.pk, 10);
	mp_pack_str(&r->b.pk, w->code);
	mp_pack_str(&r->b.pk, kind_terms[w->kind]);
	msgpack_pack_int(&r->b.pk, w->year);
	mp_pack_str(&r->b.pk, w->name);
	mp_pack_str(&r->b.pk, names);
	mp_pack_str(&r->b.pk, w->unit && unit_get(r->txn, w->unit, &u) == 0
	                          ? u.code
	                          : "");
	mp_pack_str(&r->b.pk, state_words[w->state]);
	mp_pack_str(&r->b.pk, scope_words[w->scope]);
	mp_pack_str(&r->b.pk, w->decision);
	pack_date(&r->b.pk, w->decision_date);
	r->n++;
	return 0;
}

int act_WORK_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"code", "kind", "year", "name",
	                                   "authors", "unit", "state", "scope",
	                                   "decision", "date"};
	const msgpack_object *sv = ctx_param(c, "staff");
	struct work_rows r;
	char word[24];
	int rc = 0;

	memset(&r, 0, sizeof r);
	r.txn = c->txn;
	ctx_int(c, "year", &r.year);
	if (ctx_strbuf(c, "kind", word, sizeof word) == 0)
		r.kind = word_index(kind_words, NWORDS(kind_words), word, strlen(word));
	if (ctx_strbuf(c, "state", word, sizeof word) == 0)
		r.state = word_index(state_words, NWORDS(state_words), word,
		                     strlen(word));
	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &r.root)) != 0)
		return rc;
	mp_buf_init(&r.b);
	if (sv) {
		struct staff_rec s;
		if (staff_find(c->txn, sv->via.str.ptr, sv->via.str.size, &s) != 0)
			rc = lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
			                  "no staff member has the code '%.*s'",
			                  (int)sv->via.str.size, sv->via.str.ptr);
		else
			rc = works_of_staff(c->txn, s.id, work_row, &r);
	} else {
		store_cursor *cur;
		const void *k, *v;
		size_t kl, vl;
		if ((rc = store_cursor_open(c->txn, STORE_DB_WORKS, &cur)) == 0) {
			for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl);
			     rc == 0;
			     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
				struct work_rec w;
				memset(&w, 0, sizeof w);
				if (kl > LRL_CODE_MAX)
					continue;
				memcpy(w.code, k, kl);
				if ((rc = work_decode(v, vl, &w, NULL)) != 0 ||
				    (rc = work_row(&w, &r)) != 0)
					break;
			}
			store_cursor_close(cur);
			if (rc == LRL_ENOENT)
				rc = 0;
		}
	}
	if (rc == 0) {
		list_begin(c->out, cols, NWORDS(cols), r.n);
		mp_pack_raw(c->out, r.b.sb.data, r.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&r.b);
	return rc;
}

/* The login of account id, or "" (none, or the server itself). */
static void login_of(store_txn *t, uint64_t id, char *buf, size_t n)
{
	struct user_rec u;

	buf[0] = '\0';
	if (id && users_get(t, (uint32_t)id, &u) == 0)
		snprintf(buf, n, "%s", u.login);
}

int act_WORK_SHOW(struct lrl_ctx *c)
{
	const msgpack_object *cv = ctx_param(c, "code");
	char codes[WORK_AUTHORS_MAX * (LRL_CODE_MAX + 2) + 1];
	char names[WORK_AUTHORS_MAX * (ROSTER_TEXT_MAX + 2) + 1];
	char by[LRL_LOGIN_MAX + 1], when[32];
	struct work_extra *x;
	struct work_rec w;
	struct unit_rec u;
	int rc, have_unit;

	if ((x = calloc(1, sizeof *x)) == NULL)
		return LRL_ENOMEM;
	rc = work_load(c->txn, cv->via.str.ptr, cv->via.str.size, &w, x);
	if (rc == LRL_ENOENT)
		rc = lrl_fail_set(&c->fail, LRL_ENOENT, "code",
		                  "no initiative, research topic or model has "
		                  "the code '%.*s'",
		                  (int)cv->via.str.size, cv->via.str.ptr);
	if (rc != 0) {
		free(x);
		return rc;
	}
	authors_text(c->txn, &w, codes, sizeof codes, names, sizeof names);
	have_unit = w.unit && unit_get(c->txn, w.unit, &u) == 0;
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 17);
	mp_pack_kv_str(c->out, "code", w.code);
	mp_pack_kv_str(c->out, "kind", kind_terms[w.kind]);
	mp_pack_kv_int(c->out, "year", w.year);
	mp_pack_kv_str(c->out, "name", w.name);
	mp_pack_kv_str(c->out, "authors", codes);
	mp_pack_kv_str(c->out, "author-names", names);
	mp_pack_kv_str(c->out, "unit", have_unit ? u.code : "");
	mp_pack_kv_str(c->out, "unit-name", have_unit ? u.name : "");
	mp_pack_kv_str(c->out, "summary", x->summary);
	mp_pack_kv_str(c->out, "state", state_words[w.state]);
	mp_pack_kv_str(c->out, "scope", scope_words[w.scope]);
	mp_pack_kv_str(c->out, "decision", w.decision);
	mp_pack_str(c->out, "date");
	pack_date(c->out, w.decision_date);
	mp_pack_kv_str(c->out, "note", x->note);
	login_of(c->txn, x->registered_by, by, sizeof by);
	mp_pack_kv_str(c->out, "registered-by", by);
	date_format_time(x->registered, when, sizeof when);
	mp_pack_kv_str(c->out, "registered-at", when);
	login_of(c->txn, x->decided_by, by, sizeof by);
	mp_pack_kv_str(c->out, "decided-by", by);
	free(x);
	return 0;
}
