/*
 * exemplar.c — exemplars (điển hình tiên tiến): a person or a collective
 * found through a movement, nurtured, its results summarised, then
 * replicated (or dropped with a reason); their introduction to the
 * emulation cluster and their publicity.  Models, the monthly submission
 * and the honouring events are in model.c; what both share is in
 * exemplars.h.
 *
 * exemplars: u16 BE year ‖ u32 BE number →
 *            {1 kind ("person" | "collective"), 2 staff id (0: a
 *            collective), 3 unit id, 4 field, 5 achievements, 6 movement
 *            code, 7 found (date), 8 stage, 9 found by (user id), 10 added
 *            (time), 11 history: array of [time, by, stage, support, note]
 *            oldest first (the first is the finding), 12 summary of results,
 *            13 introductions: array of [date, cluster, note, by, time],
 *            14 publicity: array of [kind, date, channel, title, link, by,
 *            time]}
 *
 * An exemplar's code is "DH-<year>-<number>", the number written with at
 * least three digits.  The stages follow each other: found → nurtured →
 * summarised → replicated; more support may be recorded while nurtured and
 * more places while replicated; anything not yet dropped may be dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/exemplars.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/roster.h"
#include "laurel/rules.h"
#include "laurel/wire.h"

int act_EXEMPLAR_ADD(struct lrl_ctx *c);
int act_EXEMPLAR_CANDIDATES(struct lrl_ctx *c);
int act_EXEMPLAR_NURTURE(struct lrl_ctx *c);
int act_EXEMPLAR_SUMMARISE(struct lrl_ctx *c);
int act_EXEMPLAR_REPLICATE(struct lrl_ctx *c);
int act_EXEMPLAR_DROP(struct lrl_ctx *c);
int act_EXEMPLAR_INTRODUCE(struct lrl_ctx *c);
int act_EXEMPLAR_PUBLICISE(struct lrl_ctx *c);
int act_EXEMPLAR_LIST(struct lrl_ctx *c);
int act_EXEMPLAR_SHOW(struct lrl_ctx *c);
int act_EXEMPLAR_TARGETS(struct lrl_ctx *c);
int act_EXEMPLAR_WARNINGS(struct lrl_ctx *c);
int act_EXEMPLAR_EXPORT(struct lrl_ctx *c);

/* The registration targets of the plans, per unit and year: at least one
 * model (plan 001), one collective and two individual exemplars (plan
 * 004); per hospital and year, one collective and one individual
 * introduced to the emulation cluster (plan 002). */
#define TARGET_MODELS 1
#define TARGET_COLLECTIVE 1
#define TARGET_INDIVIDUAL 2
#define TARGET_CLUSTER_COLLECTIVE 1
#define TARGET_CLUSTER_INDIVIDUAL 1

/* Indexed by enum ex_stage. */
const char *const ex_stage_words[] = {"",           "found",      "nurtured",
                                      "summarised", "replicated", "dropped"};

/* ---- shared helpers (exemplar_int.h) ---------------------------------- */


void ex_code(const char *prefix, const uint8_t *key, char *buf, size_t n)
{
	snprintf(buf, n, "%s-%04d-%03u", prefix, key[0] << 8 | key[1],
	         wire_get_be32(key + 2));
}

int ex_code_key(const char *prefix, const char *code, uint8_t *key)
{
	size_t pl = strlen(prefix);
	unsigned long num = 0;
	int year = 0, digits = 0;
	const char *p;

	if (strncmp(code, prefix, pl) != 0 || code[pl] != '-')
		return -1;
	for (p = code + pl + 1; *p >= '0' && *p <= '9' && digits < 5;
	     p++, digits++)
		year = year * 10 + (*p - '0');
	if (digits != 4 || *p != '-')
		return -1;
	for (p++, digits = 0; *p >= '0' && *p <= '9' && digits < 9;
	     p++, digits++)
		num = num * 10 + (unsigned long)(*p - '0');
	if (digits == 0 || *p != '\0' || num == 0)
		return -1;
	year_key(key, year, (uint32_t)num);
	return 0;
}


void ex_field(const msgpack_object *m, uint64_t f, const char **s, size_t *len)
{
	if (mp_get_str(mp_map_geti(m, f), s, len) != 0) {
		*s = "";
		*len = 0;
	}
}

uint64_t ex_u64(const msgpack_object *m, uint64_t f)
{
	uint64_t v = 0;

	mp_get_u64(mp_map_geti(m, f), &v);
	return v;
}

int64_t ex_i64(const msgpack_object *m, uint64_t f)
{
	int64_t v = 0;

	mp_get_i64(mp_map_geti(m, f), &v);
	return v;
}

const msgpack_object *ex_array(const msgpack_object *m, uint64_t f)
{
	const msgpack_object *a = mp_map_geti(m, f);

	return a && a->type == MSGPACK_OBJECT_ARRAY ? a : NULL;
}

int ex_put_edited(store_txn *t, enum store_db db, const void *key, size_t kl,
                  const msgpack_object *m, const struct ex_edit *e, size_t ne)
{
	uint32_t extra = 0;
	mp_buf b;
	int rc;

	/* Edits of fields the stored map does not have yet add them. */
	for (size_t i = 0; i < ne; i++)
		if (mp_map_geti(m, e[i].field) == NULL)
			extra++;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, m->via.map.size + extra);
	for (uint32_t i = 0; i < m->via.map.size; i++) {
		const msgpack_object_kv *kv = &m->via.map.ptr[i];
		const struct ex_edit *ed = NULL;
		for (size_t j = 0; j < ne; j++)
			if (kv->key.type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
			    kv->key.via.u64 == e[j].field)
				ed = &e[j];
		msgpack_pack_object(&b.pk, kv->key);
		if (ed == NULL) {
			msgpack_pack_object(&b.pk, kv->val);
		} else if (ed->append && kv->val.type == MSGPACK_OBJECT_ARRAY) {
			msgpack_pack_array(&b.pk, kv->val.via.array.size + 1);
			for (uint32_t j = 0; j < kv->val.via.array.size; j++)
				msgpack_pack_object(&b.pk,
				                    kv->val.via.array.ptr[j]);
			mp_pack_raw(&b.pk, ed->raw, ed->len);
		} else if (ed->append) {
			msgpack_pack_array(&b.pk, 1);
			mp_pack_raw(&b.pk, ed->raw, ed->len);
		} else {
			mp_pack_raw(&b.pk, ed->raw, ed->len);
		}
	}
	for (size_t i = 0; i < ne; i++) {
		if (mp_map_geti(m, e[i].field) != NULL)
			continue;
		msgpack_pack_uint64(&b.pk, e[i].field);
		if (e[i].append)
			msgpack_pack_array(&b.pk, 1);
		mp_pack_raw(&b.pk, e[i].raw, e[i].len);
	}
	rc = store_put(t, db, key, kl, b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

const char *ex_login(store_txn *t, uint64_t id, struct user_rec *u)
{
	return id && users_get(t, (uint32_t)id, u) == 0 ? u->login : "";
}

void ex_date(msgpack_packer *pk, int64_t d)
{
	char buf[16] = "";

	if (d)
		date_format((int32_t)d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

/* Is s (len bytes) an http or https address with a host, and nothing a
 * page could misread: no spaces, controls, quotes or angle brackets? */
static int link_ok(const char *s, size_t len)
{
	size_t skip;

	if (len > 7 && strncasecmp(s, "http://", 7) == 0)
		skip = 7;
	else if (len > 8 && strncasecmp(s, "https://", 8) == 0)
		skip = 8;
	else
		return 0;
	if (s[skip] == '/' || s[skip] == '?' || s[skip] == '#' ||
	    s[skip] == ':' || s[skip] == '@')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch <= 0x20 || ch == 0x7F || ch == '"' || ch == '\'' ||
		    ch == '<' || ch == '>' || ch == '\\' || ch == '`')
			return 0;
	}
	return 1;
}

int ex_pack_publicity(struct lrl_ctx *c, mp_buf *b)
{
	char kind[16] = "", *channel = NULL, *title = NULL, *link = NULL;
	int64_t date = 0;
	int rc;

	ctx_strbuf(c, "kind", kind, sizeof kind);
	ctx_int(c, "date", &date);
	if ((rc = ctx_text(c, "channel", &channel)) != 0 ||
	    (rc = ctx_text(c, "title", &title)) != 0)
		goto done;
	if (ctx_param(c, "link")) {
		if ((rc = ctx_text(c, "link", &link)) != 0)
			goto done;
		if (!link_ok(link, strlen(link))) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "link",
			                  "must be an http:// or https:// "
			                  "address "
			                  "without spaces or quotes");
			goto done;
		}
	}
	msgpack_pack_array(&b->pk, 7);
	mp_pack_str(&b->pk, kind);
	msgpack_pack_int64(&b->pk, date);
	mp_pack_str(&b->pk, channel);
	mp_pack_str(&b->pk, title);
	mp_pack_str(&b->pk, link ? link : "");
	msgpack_pack_uint64(&b->pk, c->actor_id);
	msgpack_pack_int64(&b->pk, c->now);
done:
	free(channel);
	free(title);
	free(link);
	return rc;
}

void ex_publicity_line(const msgpack_object *e, char *buf, size_t n)
{
	const char *s[4] = {"", "", "", ""};
	size_t l[4] = {0, 0, 0, 0};
	int64_t d = 0;
	char day[16] = "";

	buf[0] = '\0';
	if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 5)
		return;
	mp_get_str(&e->via.array.ptr[0], &s[0], &l[0]);
	mp_get_i64(&e->via.array.ptr[1], &d);
	mp_get_str(&e->via.array.ptr[2], &s[1], &l[1]);
	mp_get_str(&e->via.array.ptr[3], &s[2], &l[2]);
	mp_get_str(&e->via.array.ptr[4], &s[3], &l[3]);
	if (d)
		date_format((int32_t)d, day, sizeof day);
	snprintf(buf, n, "%s · %.*s · %.*s · %.*s%s%.*s", day, (int)l[0], s[0],
	         (int)l[1], s[1], (int)l[2], s[2], l[3] ? " · " : "", (int)l[3],
	         s[3]);
}

void ex_pack_publicity_items(msgpack_packer *pk, const msgpack_object *pub)
{
	msgpack_pack_array(pk, pub ? pub->via.array.size : 0);
	for (uint32_t i = 0; pub && i < pub->via.array.size; i++) {
		const msgpack_object *e = &pub->via.array.ptr[i];
		msgpack_pack_array(pk, 5);
		for (uint32_t j = 0; j < 5; j++) {
			const msgpack_object *f =
				e->type == MSGPACK_OBJECT_ARRAY &&
						j < e->via.array.size
					? &e->via.array.ptr[j]
					: NULL;
			const char *s;
			size_t l;
			int64_t d = 0;
			if (j == 1) {
				if (f)
					mp_get_i64(f, &d);
				ex_date(pk, d);
			} else if (f && mp_get_str(f, &s, &l) == 0) {
				mp_pack_strn(pk, s, l);
			} else {
				mp_pack_str(pk, "");
			}
		}
	}
}

/* ---- exemplars --------------------------------------------------------- */

int ex_stage_of(const msgpack_object *m)
{
	const char *s;
	size_t len;

	ex_field(m, EF_STAGE, &s, &len);
	for (int i = 1; i < EX_STAGE_COUNT; i++)
		if (strlen(ex_stage_words[i]) == len &&
		    memcmp(ex_stage_words[i], s, len) == 0)
			return i;
	return 0;
}

int ex_load(store_txn *t, const char *code, uint8_t *key, msgpack_unpacked *up)
{
	const void *v;
	size_t vl;
	int rc;

	if (ex_code_key(EX_PREFIX, code, key) != 0)
		return LRL_ENOENT;
	if ((rc = store_get(t, STORE_DB_EXEMPLARS, key, 6, &v, &vl)) != 0)
		return rc;
	if (mp_decode(up, v, vl) != 0 || up->data.type != MSGPACK_OBJECT_MAP)
		return LRL_ECORRUPT;
	return 0;
}

/* The exemplar named by parameter param: key, code as the server writes
 * it into canon, decoded value into up (the caller destroys it). */
static int ex_param(struct lrl_ctx *c, const char *param, uint8_t *key,
                    msgpack_unpacked *up, char *canon, size_t n)
{
	char code[LRL_CODE_MAX + 1] = "";
	int rc;

	ctx_strbuf(c, param, code, sizeof code);
	rc = ex_load(c->txn, code, key, up);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, param,
		                    "no exemplar has the code %s", code);
	if (rc != 0)
		return rc;
	ex_code(EX_PREFIX, key, canon, n);
	return 0;
}

void ex_name(store_txn *t, const msgpack_object *m, char *name, size_t n,
             struct unit_rec *u)
{
	struct staff_rec s;
	uint64_t staff = ex_u64(m, EF_STAFF);

	if (unit_get(t, (uint32_t)ex_u64(m, EF_UNIT), u) != 0)
		memset(u, 0, sizeof *u);
	if (staff && staff_get(t, (uint32_t)staff, &s) == 0)
		snprintf(name, n, "%s", s.full_name);
	else
		snprintf(name, n, "%s", u->name);
}

int act_EXEMPLAR_ADD(struct lrl_ctx *c)
{
	const msgpack_object *sv = ctx_param(c, "staff"),
			     *uv = ctx_param(c, "unit");
	char field[32] = "", movement[LRL_CODE_MAX + 1] = "", code[32];
	char *achievements = NULL;
	int64_t year = 0, found = 0;
	struct year_rec y;
	struct staff_rec s;
	struct unit_rec u;
	uint32_t num;
	uint8_t key[6];
	mp_buf b;
	int rc;

	ctx_int(c, "year", &year);
	ctx_strbuf(c, "field", field, sizeof field);
	found = date_of_time(c->now);
	ctx_int(c, "found", &found);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (found > date_of_time(c->now))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "found",
		                    "must not be after today");
	memset(&s, 0, sizeof s);
	if ((sv == NULL) == (uv == NULL))
		return lrl_fail_set(&c->fail, LRL_EINVAL, "staff",
		                    "give either --staff (a person) or --unit "
		                    "(a collective)");
	if (sv) {
		if (staff_find(c->txn, sv->via.str.ptr, sv->via.str.size, &s) !=
		    0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "staff",
			                    "no staff member has the code "
			                    "'%.*s'",
			                    (int)sv->via.str.size,
			                    sv->via.str.ptr);
		if (unit_get(c->txn, s.unit, &u) != 0)
			return LRL_ECORRUPT;
	} else if (unit_find(c->txn, uv->via.str.ptr, uv->via.str.size, &u) !=
	           0) {
		return lrl_fail_set(&c->fail, LRL_ENOENT, "unit",
		                    "no unit has the code '%.*s'",
		                    (int)uv->via.str.size, uv->via.str.ptr);
	} else if (u.closed) {
		return lrl_fail_set(&c->fail, LRL_ESTATE, "unit",
		                    "unit %s is closed", u.code);
	}
	if ((rc = scope_unit_ok(c, u.id)) != 0)
		return rc;
	if (ctx_param(c, "through")) {
		const void *v;
		size_t vl;
		ctx_strbuf(c, "through", movement, sizeof movement);
		if (store_get(c->txn, STORE_DB_MOVEMENTS, movement,
		              strlen(movement), &v, &vl) != 0)
			return lrl_fail_set(&c->fail, LRL_ENOENT, "through",
			                    "no movement has the code %s",
			                    movement);
	}
	if ((rc = ctx_text(c, "achievements", &achievements)) != 0)
		return rc;
	if ((rc = year_next_number(c->txn, STORE_DB_EXEMPLARS, (int)year,
	                         &num)) != 0) {
		free(achievements);
		return rc;
	}
	year_key(key, (int)year, num);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 14);
	msgpack_pack_uint8(&b.pk, EF_KIND);
	mp_pack_str(&b.pk, sv ? "person" : "collective");
	msgpack_pack_uint8(&b.pk, EF_STAFF);
	msgpack_pack_uint32(&b.pk, s.id);
	msgpack_pack_uint8(&b.pk, EF_UNIT);
	msgpack_pack_uint32(&b.pk, u.id);
	msgpack_pack_uint8(&b.pk, EF_FIELD);
	mp_pack_str(&b.pk, field);
	msgpack_pack_uint8(&b.pk, EF_ACHIEVEMENTS);
	mp_pack_str(&b.pk, achievements);
	msgpack_pack_uint8(&b.pk, EF_MOVEMENT);
	mp_pack_str(&b.pk, movement);
	msgpack_pack_uint8(&b.pk, EF_FOUND);
	msgpack_pack_int64(&b.pk, found);
	msgpack_pack_uint8(&b.pk, EF_STAGE);
	mp_pack_str(&b.pk, ex_stage_words[EX_FOUND]);
	msgpack_pack_uint8(&b.pk, EF_FOUND_BY);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_uint8(&b.pk, EF_ADDED);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint8(&b.pk, EF_HISTORY);
	msgpack_pack_array(&b.pk, 1);
	msgpack_pack_array(&b.pk, 5);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	mp_pack_str(&b.pk, ex_stage_words[EX_FOUND]);
	mp_pack_str(&b.pk, "");
	mp_pack_str(&b.pk, "");
	msgpack_pack_uint8(&b.pk, EF_SUMMARY);
	mp_pack_str(&b.pk, "");
	msgpack_pack_uint8(&b.pk, EF_INTRODUCED);
	msgpack_pack_array(&b.pk, 0);
	msgpack_pack_uint8(&b.pk, EF_PUBLICITY);
	msgpack_pack_array(&b.pk, 0);
	rc = store_put(c->txn, STORE_DB_EXEMPLARS, key, sizeof key, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	free(achievements);
	if (rc != 0)
		return rc;
	ex_code(EX_PREFIX, key, code, sizeof code);
	result_message(c->out, "exemplar %s found (%s, %s)", code,
	               sv ? s.full_name : u.name, field);
	return 0;
}

/* Which stages each move starts from, as bits (1 << stage), and what the
 * refusal says. */
static const struct {
	int to;
	unsigned from;
	const char *needs;
} moves[] = {
	{EX_NURTURED, 1u << EX_FOUND | 1u << EX_NURTURED,
         "only a found or nurtured exemplar can be nurtured"},
	{EX_SUMMARISED, 1u << EX_NURTURED,
         "only a nurtured exemplar can be summarised (nurture it first)"},
	{EX_REPLICATED, 1u << EX_SUMMARISED | 1u << EX_REPLICATED,
         "only a summarised exemplar can be replicated (summarise it first)"},
	{EX_DROPPED,
         1u << EX_FOUND | 1u << EX_NURTURED | 1u << EX_SUMMARISED |
                 1u << EX_REPLICATED,
         "it is already dropped"},
};

/* Moves the exemplar of the "exemplar" parameter to stage to, recording
 * support (may be "") and note in its history; summary, when not NULL,
 * becomes its summary of results. */
static int move_stage(struct lrl_ctx *c, int to, const char *support,
                      const char *note, const char *summary)
{
	char code[32];
	msgpack_unpacked up;
	struct ex_edit e[3];
	mp_buf stage, hist, sum;
	uint8_t key[6];
	size_t ne = 0;
	int from, rc;

	msgpack_unpacked_init(&up);
	mp_buf_init(&stage);
	mp_buf_init(&hist);
	mp_buf_init(&sum);
	if ((rc = ex_param(c, "exemplar", key, &up, code, sizeof code)) != 0)
		goto done;
	if ((rc = scope_unit_ok(c, (uint32_t)ex_u64(&up.data, EF_UNIT))) != 0)
		goto done;
	from = ex_stage_of(&up.data);
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (moves[i].to == to && !(moves[i].from & (1u << from))) {
			rc = lrl_fail_set(&c->fail, LRL_ESTATE, "exemplar",
			                  "%s is %s: %s", code,
			                  ex_stage_words[from], moves[i].needs);
			goto done;
		}
	mp_pack_str(&stage.pk, ex_stage_words[to]);
	e[ne++] = (struct ex_edit){EF_STAGE, 0, stage.sb.data, stage.sb.size};
	msgpack_pack_array(&hist.pk, 5);
	msgpack_pack_int64(&hist.pk, c->now);
	msgpack_pack_uint64(&hist.pk, c->actor_id);
	mp_pack_str(&hist.pk, ex_stage_words[to]);
	mp_pack_str(&hist.pk, support);
	mp_pack_str(&hist.pk, note);
	e[ne++] = (struct ex_edit){EF_HISTORY, 1, hist.sb.data, hist.sb.size};
	if (summary) {
		mp_pack_str(&sum.pk, summary);
		e[ne++] = (struct ex_edit){EF_SUMMARY, 0, sum.sb.data,
		                           sum.sb.size};
	}
	rc = ex_put_edited(c->txn, STORE_DB_EXEMPLARS, key, sizeof key,
	                   &up.data, e, ne);
	if (rc == 0)
		result_message(c->out, "exemplar %s is now %s", code,
		               ex_stage_words[to]);
done:
	mp_buf_free(&stage);
	mp_buf_free(&hist);
	mp_buf_free(&sum);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_EXEMPLAR_NURTURE(struct lrl_ctx *c)
{
	char support[16] = "", *note = NULL;
	int rc;

	ctx_strbuf(c, "support", support, sizeof support);
	if ((rc = ctx_text(c, "note", &note)) != 0)
		return rc;
	rc = move_stage(c, EX_NURTURED, support, note, NULL);
	free(note);
	return rc;
}

int act_EXEMPLAR_SUMMARISE(struct lrl_ctx *c)
{
	char *summary = NULL;
	int rc;

	if ((rc = ctx_text(c, "summary", &summary)) != 0)
		return rc;
	rc = move_stage(c, EX_SUMMARISED, "", summary, summary);
	free(summary);
	return rc;
}

int act_EXEMPLAR_REPLICATE(struct lrl_ctx *c)
{
	char *where = NULL, *note = NULL, *line = NULL;
	size_t n;
	int rc;

	if ((rc = ctx_text(c, "where", &where)) != 0)
		return rc;
	if (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0)
		goto done;
	n = strlen(where) + (note ? strlen(note) : 0) + 8;
	if ((line = malloc(n)) == NULL) {
		rc = LRL_ENOMEM;
		goto done;
	}
	snprintf(line, n, "%s%s%s", where, note ? " — " : "", note ? note : "");
	rc = move_stage(c, EX_REPLICATED, "", line, NULL);
done:
	free(where);
	free(note);
	free(line);
	return rc;
}

int act_EXEMPLAR_DROP(struct lrl_ctx *c)
{
	char *reason = NULL;
	int rc;

	if ((rc = ctx_text(c, "reason", &reason)) != 0)
		return rc;
	rc = move_stage(c, EX_DROPPED, "", reason, NULL);
	free(reason);
	return rc;
}

int act_EXEMPLAR_INTRODUCE(struct lrl_ctx *c)
{
	char code[32], *cluster = NULL, *note = NULL;
	msgpack_unpacked up;
	struct ex_edit e;
	int64_t date = 0;
	uint8_t key[6];
	mp_buf b;
	int rc;

	ctx_int(c, "date", &date);
	msgpack_unpacked_init(&up);
	mp_buf_init(&b);
	if ((rc = ex_param(c, "exemplar", key, &up, code, sizeof code)) != 0)
		goto done;
	if (ex_stage_of(&up.data) == EX_DROPPED) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "exemplar",
		                  "%s is dropped", code);
		goto done;
	}
	if ((ctx_param(c, "cluster") &&
	     (rc = ctx_text(c, "cluster", &cluster)) != 0) ||
	    (ctx_param(c, "note") && (rc = ctx_text(c, "note", &note)) != 0))
		goto done;
	msgpack_pack_array(&b.pk, 5);
	msgpack_pack_int64(&b.pk, date);
	mp_pack_str(&b.pk, cluster ? cluster : "");
	mp_pack_str(&b.pk, note ? note : "");
	msgpack_pack_uint64(&b.pk, c->actor_id);
	msgpack_pack_int64(&b.pk, c->now);
	e = (struct ex_edit){EF_INTRODUCED, 1, b.sb.data, b.sb.size};
	rc = ex_put_edited(c->txn, STORE_DB_EXEMPLARS, key, sizeof key,
	                   &up.data, &e, 1);
	if (rc == 0)
		result_message(c->out,
		               "exemplar %s introduced to the emulation "
		               "cluster",
		               code);
done:
	free(cluster);
	free(note);
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_EXEMPLAR_PUBLICISE(struct lrl_ctx *c)
{
	char code[32];
	msgpack_unpacked up;
	struct ex_edit e;
	uint8_t key[6];
	mp_buf b;
	int rc;

	msgpack_unpacked_init(&up);
	mp_buf_init(&b);
	if ((rc = ex_param(c, "exemplar", key, &up, code, sizeof code)) != 0 ||
	    (rc = scope_unit_ok(c, (uint32_t)ex_u64(&up.data, EF_UNIT))) != 0 ||
	    (rc = ex_pack_publicity(c, &b)) != 0)
		goto done;
	e = (struct ex_edit){EF_PUBLICITY, 1, b.sb.data, b.sb.size};
	rc = ex_put_edited(c->txn, STORE_DB_EXEMPLARS, key, sizeof key,
	                   &up.data, &e, 1);
	if (rc == 0)
		result_message(c->out,
		               "publicity item recorded for exemplar %s", code);
done:
	mp_buf_free(&b);
	msgpack_unpacked_destroy(&up);
	return rc;
}

int ex_each(store_txn *t, int year,
            int (*fn)(const uint8_t *key, const msgpack_object *m, void *arg),
            void *arg)
{
	uint8_t lo[6];
	const void *k = lo, *v;
	size_t kl = sizeof lo, vl;
	store_cursor *cur;
	int rc;

	if ((rc = store_cursor_open(t, STORE_DB_EXEMPLARS, &cur)) != 0)
		return rc;
	year_key(lo, year, 0);
	for (rc = store_cursor_get(cur, year ? STORE_SET_RANGE : STORE_FIRST,
	                           &k, &kl, &v, &vl);
	     rc == 0 && kl == 6 && (!year || memcmp(k, lo, 2) == 0);
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		msgpack_unpacked up;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) != 0 ||
		    up.data.type != MSGPACK_OBJECT_MAP) {
			msgpack_unpacked_destroy(&up);
			rc = LRL_ECORRUPT;
			break;
		}
		rc = fn(k, &up.data, arg);
		msgpack_unpacked_destroy(&up);
		if (rc != 0)
			break;
	}
	store_cursor_close(cur);
	return rc == LRL_ENOENT ? 0 : rc;
}

/* ---- exemplar.candidates ------------------------------------------------ */

/* The year's exemplar of a person: its code and stage word. */
struct person_ex {
	uint32_t staff;
	char code[LRL_CODE_MAX + 1];
	const char *stage;
};

struct cand_arg {
	struct person_ex *ex;
	size_t n, cap;
};

static int note_person(const uint8_t *key, const msgpack_object *m,
                       void *arg)
{
	struct cand_arg *a = arg;
	struct person_ex *p;
	uint64_t staff = ex_u64(m, EF_STAFF);
	int stage = ex_stage_of(m);

	if (staff == 0 || stage == EX_DROPPED)
		return 0;
	if ((p = grow_array(a->ex, a->n, &a->cap, sizeof *p, 64)) == NULL)
		return LRL_ENOMEM;
	a->ex = p;
	a->ex[a->n].staff = (uint32_t)staff;
	ex_code(EX_PREFIX, key, a->ex[a->n].code, sizeof a->ex[a->n].code);
	a->ex[a->n].stage = stage > 0 && stage < EX_STAGE_COUNT
	                            ? ex_stage_words[stage]
	                            : "";
	a->n++;
	return 0;
}

/* exemplar.candidates: the year's exemplars of persons, and the rows. */
struct named_arg {
	struct lrl_ctx *c;
	struct cand_arg ex;
	int missing;
	mp_buf rows;
	size_t n;
};

/* The persons one unit named in its collective pledge (key year ‖ unit). */
static int named_in_pledge(const uint8_t *key, size_t kl, const void *v,
                           size_t vl, void *arg)
{
	struct named_arg *a = arg;
	struct lrl_ctx *c = a->c;
	char names[LRL_NAME_MAX * 8 + 1] = "", *tok, *save = NULL;
	struct unit_rec u;
	msgpack_unpacked up;
	uint32_t unit;

	if (kl != 6)
		return 0;
	unit = wire_get_be32(key + 2);
	if (unit_get(c->txn, unit, &u) != 0 || !scope_unit_sees(c, unit))
		return 0;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0)
		mp_get_strbuf(mp_map_geti(&up.data, 3), names, sizeof names);
	msgpack_unpacked_destroy(&up);
	for (tok = strtok_r(names, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		struct staff_rec s;
		const struct person_ex *hit = NULL;
		if (staff_find(c->txn, tok, strlen(tok), &s) != 0)
			continue;
		for (size_t i = 0; i < a->ex.n && !hit; i++)
			if (a->ex.ex[i].staff == s.id)
				hit = &a->ex.ex[i];
		if (a->missing && hit)
			continue;
		msgpack_pack_array(&a->rows.pk, 5);
		mp_pack_str(&a->rows.pk, u.code);
		mp_pack_str(&a->rows.pk, s.code);
		mp_pack_str(&a->rows.pk, s.full_name);
		mp_pack_str(&a->rows.pk, hit ? hit->code : "");
		mp_pack_str(&a->rows.pk, hit ? hit->stage : "");
		a->n++;
	}
	return 0;
}

/*
 * The persons each unit named as exemplar candidates in its collective
 * pledge of the year (plan 004), with the exemplar recorded for them that
 * year (not dropped), so that the personnel office records the rest.
 */
int act_EXEMPLAR_CANDIDATES(struct lrl_ctx *c)
{
	static const char *const cols[] = {"unit", "staff", "name",
	                                   "exemplar", "stage"};
	struct named_arg a;
	int64_t year = 0;
	int rc;

	memset(&a, 0, sizeof a);
	a.c = c;
	ctx_int(c, "year", &year);
	mp_get_bool(ctx_param(c, "missing"), &a.missing);
	mp_buf_init(&a.rows);
	if ((rc = ex_each(c->txn, (int)year, note_person, &a.ex)) == 0 &&
	    (rc = each_of_year(c->txn, STORE_DB_UNIT_PLEDGES, (int)year,
	                       named_in_pledge, &a)) == 0) {
		list_begin(c->out, cols, 5, a.n);
		mp_pack_raw(c->out, a.rows.sb.data, a.rows.sb.size);
		list_end(c->out, NULL);
	}
	free(a.ex.ex);
	mp_buf_free(&a.rows);
	return rc;
}

/* ---- exemplar.list ----------------------------------------------------- */

struct list_arg {
	struct lrl_ctx *c;
	uint32_t root;
	char stage[16], field[32];
	mp_buf b;
	size_t n;
};

static int list_one(const uint8_t *key, const msgpack_object *m, void *arg)
{
	struct list_arg *a = arg;
	char code[32], name[ROSTER_TEXT_MAX];
	const char *kind, *field, *stage, *movement;
	size_t kl, fl, sl, ml;
	const msgpack_object *pub = ex_array(m, EF_PUBLICITY);
	struct unit_rec u;

	ex_field(m, EF_KIND, &kind, &kl);
	ex_field(m, EF_FIELD, &field, &fl);
	ex_field(m, EF_STAGE, &stage, &sl);
	ex_field(m, EF_MOVEMENT, &movement, &ml);
	if ((a->stage[0] &&
	     (strlen(a->stage) != sl || memcmp(a->stage, stage, sl) != 0)) ||
	    (a->field[0] &&
	     (strlen(a->field) != fl || memcmp(a->field, field, fl) != 0)) ||
	    (a->root &&
	     !unit_within(a->c->txn, (uint32_t)ex_u64(m, EF_UNIT), a->root)))
		return 0;
	ex_code(EX_PREFIX, key, code, sizeof code);
	ex_name(a->c->txn, m, name, sizeof name, &u);
	msgpack_pack_array(&a->b.pk, 9);
	mp_pack_str(&a->b.pk, code);
	mp_pack_str(&a->b.pk, name);
	mp_pack_strn(&a->b.pk, stage, sl);
	mp_pack_strn(&a->b.pk, field, fl);
	mp_pack_str(&a->b.pk, u.code);
	mp_pack_strn(&a->b.pk, kind, kl);
	ex_date(&a->b.pk, ex_i64(m, EF_FOUND));
	mp_pack_strn(&a->b.pk, movement, ml);
	msgpack_pack_uint32(&a->b.pk, pub ? pub->via.array.size : 0);
	a->n++;
	return 0;
}

int act_EXEMPLAR_LIST(struct lrl_ctx *c)
{
	/* The stage third, where a terminal shows it. */
	static const char *const cols[] = {"exemplar", "name",    "stage",
	                                   "field",    "unit",    "kind",
	                                   "found",    "through", "publicity"};
	struct list_arg a;
	int64_t year = 0;
	struct year_rec y;
	int rc;

	memset(&a, 0, sizeof a);
	a.c = c;
	ctx_int(c, "year", &year);
	ctx_strbuf(c, "stage", a.stage, sizeof a.stage);
	ctx_strbuf(c, "field", a.field, sizeof a.field);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") &&
	    (rc = unit_by_param(c, "unit", &a.root)) != 0)
		return rc;
	mp_buf_init(&a.b);
	if ((rc = ex_each(c->txn, (int)year, list_one, &a)) == 0) {
		list_begin(c->out, cols, 9, a.n);
		mp_pack_raw(c->out, a.b.sb.data, a.b.sb.size);
		list_end(c->out, NULL);
	}
	mp_buf_free(&a.b);
	return rc;
}

/* ---- exemplar.show ----------------------------------------------------- */

/* "dd/mm/yyyy HH:MM:SS · login · nurtured (training) — note". */
static void history_line(store_txn *t, const msgpack_object *e, char *buf,
                         size_t n)
{
	const char *st = "", *sup = "", *note = "";
	size_t stl = 0, supl = 0, notel = 0;
	int64_t when = 0;
	uint64_t by = 0;
	char tm[32];
	struct user_rec u;

	buf[0] = '\0';
	if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 5)
		return;
	mp_get_i64(&e->via.array.ptr[0], &when);
	mp_get_u64(&e->via.array.ptr[1], &by);
	mp_get_str(&e->via.array.ptr[2], &st, &stl);
	mp_get_str(&e->via.array.ptr[3], &sup, &supl);
	mp_get_str(&e->via.array.ptr[4], &note, &notel);
	date_format_time(when, tm, sizeof tm);
	snprintf(buf, n, "%s · %s · %.*s%s%.*s%s%s%.*s", tm,
	         ex_login(t, by, &u), (int)stl, st, supl ? " (" : "", (int)supl,
	         sup, supl ? ")" : "", notel ? " — " : "", (int)notel, note);
}

static void intro_line(const msgpack_object *e, char *buf, size_t n)
{
	const char *cl = "", *note = "";
	size_t cll = 0, notel = 0;
	int64_t d = 0;
	char day[16] = "";

	buf[0] = '\0';
	if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 3)
		return;
	mp_get_i64(&e->via.array.ptr[0], &d);
	mp_get_str(&e->via.array.ptr[1], &cl, &cll);
	mp_get_str(&e->via.array.ptr[2], &note, &notel);
	date_format((int32_t)d, day, sizeof day);
	snprintf(buf, n, "%s%s%.*s%s%.*s", day, cll ? " · " : "", (int)cll, cl,
	         notel ? " — " : "", (int)notel, note);
}

/* Packs "stem-1", "stem-2", … for the entries of array a (may be NULL),
 * each written by line. */
static void pack_lines(store_txn *t, msgpack_packer *pk, const char *stem,
                       const msgpack_object *a, int kind)
{
	for (uint32_t i = 0; a && i < a->via.array.size; i++) {
		char name[48], *line = malloc(LRL_TEXT_MAX * 8);
		snprintf(name, sizeof name, "%s-%u", stem, i + 1);
		if (line == NULL) {
			mp_pack_kv_str(pk, name, "");
			continue;
		}
		if (kind == 0)
			history_line(t, &a->via.array.ptr[i], line,
			             LRL_TEXT_MAX * 8);
		else if (kind == 1)
			intro_line(&a->via.array.ptr[i], line,
			           LRL_TEXT_MAX * 8);
		else
			ex_publicity_line(&a->via.array.ptr[i], line,
			                  LRL_TEXT_MAX * 8);
		mp_pack_kv_str(pk, name, line);
		free(line);
	}
}

static uint32_t count_of(const msgpack_object *a)
{
	return a ? a->via.array.size : 0;
}

int act_EXEMPLAR_SHOW(struct lrl_ctx *c)
{
	const msgpack_object *m, *hist, *intro, *pub;
	const char *kind, *field, *stage, *ach, *mov, *sum;
	size_t kl, fl, sl, al, ml, suml;
	char code[32], name[ROSTER_TEXT_MAX];
	msgpack_unpacked up;
	struct unit_rec u;
	struct user_rec who;
	struct staff_rec s;
	uint8_t key[6];
	int rc;

	msgpack_unpacked_init(&up);
	if ((rc = ex_param(c, "exemplar", key, &up, code, sizeof code)) != 0)
		goto done;
	m = &up.data;
	hist = ex_array(m, EF_HISTORY);
	intro = ex_array(m, EF_INTRODUCED);
	pub = ex_array(m, EF_PUBLICITY);
	ex_field(m, EF_KIND, &kind, &kl);
	ex_field(m, EF_FIELD, &field, &fl);
	ex_field(m, EF_STAGE, &stage, &sl);
	ex_field(m, EF_ACHIEVEMENTS, &ach, &al);
	ex_field(m, EF_MOVEMENT, &mov, &ml);
	ex_field(m, EF_SUMMARY, &sum, &suml);
	ex_name(c->txn, m, name, sizeof name, &u);
	if (staff_get(c->txn, (uint32_t)ex_u64(m, EF_STAFF), &s) != 0)
		s.code[0] = '\0';
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out,
	                 14 + count_of(hist) + count_of(intro) + count_of(pub));
	mp_pack_kv_str(c->out, "exemplar", code);
	mp_pack_kv_int(c->out, "year", key[0] << 8 | key[1]);
	mp_pack_kv_str(c->out, "name", name);
	mp_pack_str(c->out, "kind");
	mp_pack_strn(c->out, kind, kl);
	mp_pack_kv_str(c->out, "staff", s.code);
	mp_pack_kv_str(c->out, "unit", u.code);
	mp_pack_kv_str(c->out, "unit-name", u.name);
	mp_pack_str(c->out, "field");
	mp_pack_strn(c->out, field, fl);
	mp_pack_str(c->out, "stage");
	mp_pack_strn(c->out, stage, sl);
	mp_pack_str(c->out, "achievements");
	mp_pack_strn(c->out, ach, al);
	mp_pack_str(c->out, "through");
	mp_pack_strn(c->out, mov, ml);
	mp_pack_str(c->out, "found");
	ex_date(c->out, ex_i64(m, EF_FOUND));
	mp_pack_kv_str(c->out, "found-by",
	               ex_login(c->txn, ex_u64(m, EF_FOUND_BY), &who));
	mp_pack_str(c->out, "summary");
	mp_pack_strn(c->out, sum, suml);
	pack_lines(c->txn, c->out, "stage", hist, 0);
	pack_lines(c->txn, c->out, "introduced", intro, 1);
	pack_lines(c->txn, c->out, "publicity", pub, 2);
done:
	msgpack_unpacked_destroy(&up);
	return rc;
}

/* ---- targets ----------------------------------------------------------- */

/* What one unit holds against the targets. */
struct unit_count {
	uint32_t id;
	int models, collective, individual;
};

struct counts {
	store_txn *t;
	struct unit_count *u;
	size_t n;
	int cluster_collective, cluster_individual;
	int year;
};

/* The counted unit that holds unit id (itself or an ancestor), or NULL. */
static struct unit_count *holder(struct counts *k, uint32_t id)
{
	for (size_t i = 0; i < k->n; i++)
		if (unit_within(k->t, id, k->u[i].id))
			return &k->u[i];
	return NULL;
}

static int count_exemplar(const uint8_t *key, const msgpack_object *m,
                          void *arg)
{
	struct counts *k = arg;
	struct unit_count *h;
	const msgpack_object *intro = ex_array(m, EF_INTRODUCED);
	int person = ex_u64(m, EF_STAFF) != 0;

	(void)key;
	if (ex_stage_of(m) == EX_DROPPED)
		return 0;
	if ((h = holder(k, (uint32_t)ex_u64(m, EF_UNIT))) != NULL) {
		if (person)
			h->individual++;
		else
			h->collective++;
	}
	/* Introduced to the cluster during the year. */
	for (uint32_t i = 0; intro && i < intro->via.array.size; i++) {
		const msgpack_object *e = &intro->via.array.ptr[i];
		int64_t d = 0;
		int y, mo, dd;
		if (e->type != MSGPACK_OBJECT_ARRAY || e->via.array.size < 1 ||
		    mp_get_i64(&e->via.array.ptr[0], &d) != 0)
			continue;
		date_to_ymd((int32_t)d, &y, &mo, &dd);
		if (y == k->year) {
			if (person)
				k->cluster_individual++;
			else
				k->cluster_collective++;
			break;
		}
	}
	return 0;
}

static int ex_count_model(void *arg, uint32_t unit)
{
	struct counts *k = arg;
	struct unit_count *h = holder(k, unit);

	if (h)
		h->models++;
	return 0;
}

/* The units the targets apply to: open departments, offices and health
 * stations that are not inside another counted unit (a sub-unit's records
 * count for the unit above it). */
static int counted_unit(store_txn *t, const struct unit_rec *u)
{
	struct unit_rec p;
	uint32_t up = u->parent;

	if (u->closed ||
	    (strcmp(u->kind, "department") && strcmp(u->kind, "office") &&
	     strcmp(u->kind, "station")))
		return 0;
	for (int depth = 0; up && depth < 64; depth++) {
		if (unit_get(t, up, &p) != 0)
			break;
		if (!p.closed &&
		    (!strcmp(p.kind, "department") ||
		     !strcmp(p.kind, "office") || !strcmp(p.kind, "station")))
			return 0;
		up = p.parent;
	}
	return 1;
}

/* Counts the year's models and exemplars per counted unit (within root
 * when not 0).  The caller frees k->u. */
static int count_targets(struct lrl_ctx *c, int year, uint32_t root,
                         struct counts *k)
{
	store_cursor *cur;
	const void *kk, *v;
	size_t kl, vl, cap = 0;
	int rc;

	memset(k, 0, sizeof *k);
	k->t = c->txn;
	k->year = year;
	if ((rc = store_cursor_open(c->txn, STORE_DB_UNITS, &cur)) != 0)
		return rc;
	for (rc = store_cursor_get(cur, STORE_FIRST, &kk, &kl, &v, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &kk, &kl, &v, &vl)) {
		struct unit_rec u;
		struct unit_count *nu;
		if (kl != 4 || unit_get(c->txn, wire_get_be32(kk), &u) != 0 ||
		    !counted_unit(c->txn, &u) ||
		    (root && !unit_within(c->txn, u.id, root) &&
		     !unit_within(c->txn, root, u.id)))
			continue;
		if ((nu = grow_array(k->u, k->n, &cap, sizeof *nu, 16)) ==
		    NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		k->u = nu;
		memset(&k->u[k->n], 0, sizeof k->u[0]);
		k->u[k->n++].id = u.id;
	}
	store_cursor_close(cur);
	if (rc != LRL_ENOENT)
		return rc == 0 ? LRL_ECORRUPT : rc;
	if ((rc = ex_each(c->txn, year, count_exemplar, k)) != 0)
		return rc;
	return ex_models_each_unit(c->txn, year, ex_count_model, k);
}

static int short_by(int target, int have)
{
	return have < target ? target - have : 0;
}

int act_EXEMPLAR_TARGETS(struct lrl_ctx *c)
{
	static const char *const cols[] = {"unit",
	                                   "name",
	                                   "models",
	                                   "collective",
	                                   "individual",
	                                   "models-short",
	                                   "collective-short",
	                                   "individual-short"};
	struct counts k;
	int64_t year = 0;
	int only_short = 0, rc;
	uint32_t root = 0;
	struct year_rec y;
	size_t n = 0;
	mp_buf rows;

	ctx_int(c, "year", &year);
	if (ctx_param(c, "short"))
		mp_get_bool(ctx_param(c, "short"), &only_short);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (ctx_param(c, "unit") && (rc = unit_by_param(c, "unit", &root)) != 0)
		return rc;
	if ((rc = count_targets(c, (int)year, root, &k)) != 0) {
		free(k.u);
		return rc;
	}
	/* Heads see the units they head. */
	mp_buf_init(&rows);
	for (size_t i = 0; i < k.n; i++) {
		struct unit_count *u = &k.u[i];
		struct unit_rec ur;
		struct lrl_fail keep = c->fail;
		int ms = short_by(TARGET_MODELS, u->models),
		    cs = short_by(TARGET_COLLECTIVE, u->collective),
		    is = short_by(TARGET_INDIVIDUAL, u->individual);
		int visible = scope_unit_sees(c, u->id);
		c->fail = keep;
		if (!visible || (only_short && !ms && !cs && !is) ||
		    unit_get(c->txn, u->id, &ur) != 0)
			continue;
		msgpack_pack_array(&rows.pk, 8);
		mp_pack_str(&rows.pk, ur.code);
		mp_pack_str(&rows.pk, ur.name);
		msgpack_pack_int(&rows.pk, u->models);
		msgpack_pack_int(&rows.pk, u->collective);
		msgpack_pack_int(&rows.pk, u->individual);
		msgpack_pack_int(&rows.pk, ms);
		msgpack_pack_int(&rows.pk, cs);
		msgpack_pack_int(&rows.pk, is);
		n++;
	}
	list_begin(c->out, cols, 8, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, NULL);
	mp_buf_free(&rows);
	free(k.u);
	return 0;
}

/* ---- warnings ---------------------------------------------------------- */

/* One row of exemplar.warnings. */
static void warning_row(msgpack_packer *pk, const char *what,
                        const char *subject, int models, int collective,
                        int individual, const char *date)
{
	msgpack_pack_array(pk, 6);
	mp_pack_str(pk, what);
	mp_pack_str(pk, subject);
	msgpack_pack_int(pk, models);
	msgpack_pack_int(pk, collective);
	msgpack_pack_int(pk, individual);
	mp_pack_str(pk, date);
}

int act_EXEMPLAR_WARNINGS(struct lrl_ctx *c)
{
	static const char *const cols[] = {"warning",    "subject",    "models",
	                                   "collective", "individual", "date"};
	struct counts k;
	int64_t year = 0;
	struct year_rec y, today_year;
	int rc, ty, tm, td, nceremonies = 0;
	size_t n = 0;
	mp_buf b;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if ((rc = count_targets(c, (int)year, 0, &k)) != 0) {
		free(k.u);
		return rc;
	}
	if ((rc = ex_ceremonies_in(c->txn, (int)year, &nceremonies)) != 0) {
		free(k.u);
		return rc;
	}
	mp_buf_init(&b);
	date_to_ymd(date_of_time(c->now), &ty, &tm, &td);
	/* The month's submission, from its first day while it is missing:
	 * today's month, whichever year is asked about (the next year is
	 * opened in December, while December's submission is still due),
	 * when today's year is open. */
	if (ty == year || year_get(c->txn, ty, &today_year) == 0) {
		const struct year_rec *yr = ty == year ? &y : &today_year;
		int day = ex_submission_day(yr), sent = 0;
		char subject[16], due[16];
		if ((rc = ex_submission_sent(c->txn, ty, tm, &sent)) != 0)
			goto done;
		if (!sent) {
			snprintf(subject, sizeof subject, "%02d/%04d", tm, ty);
			date_format(date_from_ymd(ty, tm, day), due,
			            sizeof due);
			warning_row(&b.pk,
			            td < day ? "submission-due"
			                     : "submission-late",
			            subject, 0, 0, 0, due);
			n++;
		}
	}
	for (size_t i = 0; i < k.n; i++) {
		struct unit_count *u = &k.u[i];
		int ms = short_by(TARGET_MODELS, u->models),
		    cs = short_by(TARGET_COLLECTIVE, u->collective),
		    is = short_by(TARGET_INDIVIDUAL, u->individual);
		struct unit_rec ur;
		if ((ms || cs || is) && unit_get(c->txn, u->id, &ur) == 0) {
			warning_row(&b.pk, "unit-short", ur.code, ms, cs, is,
			            "");
			n++;
		}
	}
	if (k.cluster_collective < TARGET_CLUSTER_COLLECTIVE ||
	    k.cluster_individual < TARGET_CLUSTER_INDIVIDUAL) {
		char subject[8];
		snprintf(subject, sizeof subject, "%04d", (int)year);
		warning_row(&b.pk, "cluster-short", subject, 0,
		            short_by(TARGET_CLUSTER_COLLECTIVE,
		                     k.cluster_collective),
		            short_by(TARGET_CLUSTER_INDIVIDUAL,
		                     k.cluster_individual),
		            "");
		n++;
	}
	if (nceremonies == 0) {
		char subject[8];
		snprintf(subject, sizeof subject, "%04d", (int)year);
		warning_row(&b.pk, "no-ceremony", subject, 0, 0, 0, "");
		n++;
	}
	list_begin(c->out, cols, 6, n);
	mp_pack_raw(c->out, b.sb.data, b.sb.size);
	list_end(c->out, NULL);
done:
	mp_buf_free(&b);
	free(k.u);
	return rc;
}

/* ---- export ------------------------------------------------------------ */

struct export_arg {
	store_txn *t;
	mp_buf b;
	size_t n;
};

/* Packs an array of the introduction lines of a (may be NULL). */
static void pack_intro_array(msgpack_packer *pk, const msgpack_object *a)
{
	char *line = malloc(LRL_TEXT_MAX * 8);

	msgpack_pack_array(pk, line ? count_of(a) : 0);
	for (uint32_t i = 0; line && a && i < a->via.array.size; i++) {
		intro_line(&a->via.array.ptr[i], line, LRL_TEXT_MAX * 8);
		mp_pack_str(pk, line);
	}
	free(line);
}

static int export_one(const uint8_t *key, const msgpack_object *m, void *arg)
{
	struct export_arg *a = arg;
	const msgpack_object *pub = ex_array(m, EF_PUBLICITY), *hist;
	const char *s;
	size_t l;
	char code[32], name[ROSTER_TEXT_MAX];
	struct unit_rec u;
	msgpack_packer *pk = &a->b.pk;
	static const struct {
		const char *name;
		int f;
	} strs[] = {{"kind", EF_KIND},        {"field", EF_FIELD},
	            {"stage", EF_STAGE},      {"achievements", EF_ACHIEVEMENTS},
	            {"through", EF_MOVEMENT}, {"summary", EF_SUMMARY}};

	/* A dropped exemplar is not shown to the public. */
	if (ex_stage_of(m) == EX_DROPPED)
		return 0;
	ex_code(EX_PREFIX, key, code, sizeof code);
	ex_name(a->t, m, name, sizeof name, &u);
	msgpack_pack_map(pk, 8 + sizeof strs / sizeof strs[0]);
	mp_pack_kv_str(pk, "exemplar", code);
	mp_pack_kv_int(pk, "year", key[0] << 8 | key[1]);
	mp_pack_kv_str(pk, "name", name);
	mp_pack_kv_str(pk, "unit-name", u.name);
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		ex_field(m, (uint64_t)strs[i].f, &s, &l);
		mp_pack_str(pk, strs[i].name);
		mp_pack_strn(pk, s, l);
	}
	mp_pack_str(pk, "found");
	ex_date(pk, ex_i64(m, EF_FOUND));
	/* The history for the public: day, stage, support and note, without
	 * who recorded it. */
	mp_pack_str(pk, "history");
	hist = ex_array(m, EF_HISTORY);
	msgpack_pack_array(pk, count_of(hist));
	for (uint32_t i = 0; hist && i < hist->via.array.size; i++) {
		const msgpack_object *e = &hist->via.array.ptr[i];
		int64_t when = 0;
		msgpack_pack_array(pk, 4);
		if (e->type == MSGPACK_OBJECT_ARRAY && e->via.array.size >= 5) {
			mp_get_i64(&e->via.array.ptr[0], &when);
			ex_date(pk, date_of_time(when));
			for (uint32_t j = 2; j < 5; j++)
				msgpack_pack_object(pk, e->via.array.ptr[j]);
		} else {
			for (int j = 0; j < 4; j++)
				mp_pack_str(pk, "");
		}
	}
	mp_pack_str(pk, "introduced");
	pack_intro_array(pk, ex_array(m, EF_INTRODUCED));
	/* Publicity as fields, for the page to lay out and link. */
	mp_pack_str(pk, "publicity");
	ex_pack_publicity_items(pk, pub);
	a->n++;
	return 0;
}

int act_EXEMPLAR_EXPORT(struct lrl_ctx *c)
{
	struct export_arg a;
	mp_buf models;
	char hospital[HOSPITAL_NAME_BUF];
	int64_t year = 0;
	int rc;

	memset(&a, 0, sizeof a);
	a.t = c->txn;
	ctx_int(c, "year", &year);
	mp_buf_init(&a.b);
	mp_buf_init(&models);
	if ((rc = ex_each(c->txn, (int)year, export_one, &a)) == 0 &&
	    (rc = ex_export_models(c->txn, (int)year, &models.pk)) == 0) {
		msgpack_pack_map(c->out, 3);
		hospital_name(c->txn, hospital, sizeof hospital);
		mp_pack_kv_str(c->out, "hospital", hospital);
		mp_pack_str(c->out, "exemplars");
		msgpack_pack_array(c->out, (uint32_t)a.n);
		mp_pack_raw(c->out, a.b.sb.data, a.b.sb.size);
		mp_pack_str(c->out, "models");
		mp_pack_raw(c->out, models.sb.data, models.sb.size);
	}
	mp_buf_free(&models);
	mp_buf_free(&a.b);
	return rc;
}
