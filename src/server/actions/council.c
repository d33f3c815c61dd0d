/*
 * council.c — the council (Hội đồng Thi đua – Khen thưởng): terms and
 * their members, rounds, attendance and quorum, scoring, conflicts,
 * secret ballots, the close with its tally, results and minutes.  The
 * records are described in council.h; the arithmetic is in tally.h.
 *
 * Membership is what the council roles act through: an account with the
 * council, chair or secretary role acts in a round only while it is a
 * member of the term of the round's year; opening a round and recording
 * attendance need the chair's or the secretary's seat, closing it and the
 * casting vote the chair's.
 *
 * Quorum is a round parameter (--quorum, a percentage of all members;
 * two thirds when not given): the round closes only when the members
 * recorded present reach it.
 */
#include "laurel/council.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "laurel/acthelp.h"
#include "laurel/awards.h"
#include "laurel/date.h"
#include "laurel/err.h"
#include "laurel/handler.h"
#include "laurel/msg.h"
#include "laurel/nominations.h"
#include "laurel/report.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/tally.h"
#include "laurel/text.h"
#include "laurel/wire.h"

int act_TERM_OPEN(struct lrl_ctx *c);
int act_TERM_ADD(struct lrl_ctx *c);
int act_TERM_REMOVE(struct lrl_ctx *c);
int act_TERM_SHOW(struct lrl_ctx *c);
int act_ROUND_OPEN(struct lrl_ctx *c);
int act_ROUND_ATTEND(struct lrl_ctx *c);
int act_ROUND_LIST(struct lrl_ctx *c);
int act_ROUND_SHOW(struct lrl_ctx *c);
int act_ROUND_CANDIDATES(struct lrl_ctx *c);
int act_SCORE_SET(struct lrl_ctx *c);
int act_SCORE_SHOW(struct lrl_ctx *c);
int act_BALLOT_CAST(struct lrl_ctx *c);
int act_CONFLICT_DECLARE(struct lrl_ctx *c);
int act_CONFLICT_LIST(struct lrl_ctx *c);
int act_ROUND_CLOSE(struct lrl_ctx *c);
int act_ROUND_CAST(struct lrl_ctx *c);
int act_ROUND_RESULTS(struct lrl_ctx *c);
int act_ROUND_MINUTES(struct lrl_ctx *c);
int act_REPORT_MINUTES(struct lrl_ctx *c);

#define MEMBERS_MAX 64  /* current members of a term */
#define HISTORY_MAX 256 /* membership rows of a term */
#define ROUND_NOMS_MAX 200
#define CRIT_MAX 12
#define CRIT_NAME_MAX 80 /* code points */
#define CRIT_WEIGHT_MAX 100
#define CRIT_POINTS_MAX 1000
#define TEXT_BUF (LRL_NAME_MAX * 4 + 1)
#define CODE_BUF (LRL_CODE_MAX + 1)

/* ---- records ------------------------------------------------------------ */

struct member {
	uint32_t user;
	char position[12];
	int64_t added, removed;
	uint64_t by, removed_by;
	char reason[TEXT_BUF];
	uint8_t key[14];
};

struct crit {
	char name[CRIT_NAME_MAX * 4 + 1];
	int weight, max, nos;
};

struct rtally {
	char code[CODE_BUF];
	struct tally_votes v;
};

struct round {
	uint32_t id;
	int year;
	char name[TEXT_BUF];
	char mode[8];
	struct crit crit[CRIT_MAX];
	size_t ncrit;
	int32_t closes;
	int qn, qd;
	int written;
	uint8_t pk[crypto_box_PUBLICKEYBYTES];
	int has_pk;
	int closed;
	int64_t opened, closed_at;
	uint64_t by;
	int members;
	int present_set;
	uint32_t present[MEMBERS_MAX];
	size_t npresent;
	char noms[ROUND_NOMS_MAX][CODE_BUF];
	size_t nnoms;
	char cast[ROUND_NOMS_MAX][CODE_BUF];
	size_t ncast;
	struct rtally tally[ROUND_NOMS_MAX];
	size_t ntally;
	/* Frozen at close: per candidate, whether the rulebook's tie-break
	 * favours it and the quota places of its title (-1: none). */
	struct {
		char code[CODE_BUF];
		int favoured, slots;
	} frozen[ROUND_NOMS_MAX];
	size_t nfrozen;
};

/* The parts of a nomination the council needs (nominations.h). */
struct cand {
	char code[CODE_BUF];
	int year;
	char title[RULEBOOK_CODE_MAX + 1];
	char kind;
	uint32_t id, unit;
	int withdrawn;
};

static int scoring(const struct round *r)
{
	return strcmp(r->mode, "ballot") != 0;
}

static int balloting(const struct round *r)
{
	return strcmp(r->mode, "scoring") != 0;
}

static void rkey(uint8_t *k, uint32_t id)
{
	wire_put_be32(k, id);
}

static int round_decode(const void *v, size_t vl, struct round *r)
{
	msgpack_unpacked up;
	const msgpack_object *o;
	int64_t i64 = 0;
	uint64_t u64 = 0;
	int rc = 0;

	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		rc = LRL_ECORRUPT;
		goto out;
	}
	mp_get_i64(mp_map_geti(&up.data, 1), &i64);
	r->year = (int)i64;
	mp_get_strbuf(mp_map_geti(&up.data, 2), r->name, sizeof r->name);
	mp_get_strbuf(mp_map_geti(&up.data, 3), r->mode, sizeof r->mode);
	o = mp_map_geti(&up.data, 4);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->ncrit < CRIT_MAX; i++) {
			const msgpack_object *e = &o->via.array.ptr[i];
			struct crit *k = &r->crit[r->ncrit++];
			if (e->type != MSGPACK_OBJECT_ARRAY ||
			    e->via.array.size != 4) {
				rc = LRL_ECORRUPT;
				goto out;
			}
			mp_get_strbuf(&e->via.array.ptr[0], k->name,
			              sizeof k->name);
			mp_get_i64(&e->via.array.ptr[1], &i64);
			k->weight = (int)i64;
			mp_get_i64(&e->via.array.ptr[2], &i64);
			k->max = (int)i64;
			mp_get_i64(&e->via.array.ptr[3], &i64);
			k->nos = (int)i64;
		}
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 5), &i64);
	r->closes = (int32_t)i64;
	mp_get_i64(mp_map_geti(&up.data, 6), &i64);
	r->qn = (int)i64;
	mp_get_i64(mp_map_geti(&up.data, 7), &i64);
	r->qd = (int)i64;
	mp_get_bool(mp_map_geti(&up.data, 8), &r->written);
	r->has_pk = mp_get_bin_exact(mp_map_geti(&up.data, 9), r->pk,
	                             sizeof r->pk) == 0;
	{
		char st[8] = "";
		mp_get_strbuf(mp_map_geti(&up.data, 10), st, sizeof st);
		r->closed = !strcmp(st, "closed");
	}
	mp_get_i64(mp_map_geti(&up.data, 11), &r->opened);
	mp_get_u64(mp_map_geti(&up.data, 12), &r->by);
	mp_get_i64(mp_map_geti(&up.data, 13), &r->closed_at);
	i64 = 0;
	mp_get_i64(mp_map_geti(&up.data, 14), &i64);
	r->members = (int)i64;
	o = mp_map_geti(&up.data, 15);
	r->present_set = o && o->type == MSGPACK_OBJECT_ARRAY;
	if (r->present_set)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->npresent < MEMBERS_MAX; i++) {
			u64 = 0;
			mp_get_u64(&o->via.array.ptr[i], &u64);
			r->present[r->npresent++] = (uint32_t)u64;
		}
	o = mp_map_geti(&up.data, 16);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->nnoms < ROUND_NOMS_MAX; i++)
			mp_get_strbuf(&o->via.array.ptr[i], r->noms[r->nnoms++],
			              CODE_BUF);
	o = mp_map_geti(&up.data, 17);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->ncast < ROUND_NOMS_MAX; i++)
			mp_get_strbuf(&o->via.array.ptr[i], r->cast[r->ncast++],
			              CODE_BUF);
	o = mp_map_geti(&up.data, 18);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->ntally < ROUND_NOMS_MAX; i++) {
			const msgpack_object *e = &o->via.array.ptr[i];
			struct rtally *t = &r->tally[r->ntally++];
			int64_t n[4] = {0, 0, 0, 0};
			if (e->type != MSGPACK_OBJECT_ARRAY ||
			    e->via.array.size != 5) {
				rc = LRL_ECORRUPT;
				goto out;
			}
			mp_get_strbuf(&e->via.array.ptr[0], t->code,
			              sizeof t->code);
			for (int j = 0; j < 4; j++)
				mp_get_i64(&e->via.array.ptr[j + 1], &n[j]);
			t->v.yes = (int)n[0];
			t->v.no = (int)n[1];
			t->v.abstain = (int)n[2];
			t->v.spoiled = (int)n[3];
		}
	o = mp_map_geti(&up.data, 19);
	if (o && o->type == MSGPACK_OBJECT_ARRAY)
		for (uint32_t i = 0;
		     i < o->via.array.size && r->nfrozen < ROUND_NOMS_MAX;
		     i++) {
			const msgpack_object *e = &o->via.array.ptr[i];
			int64_t fv = 0, sl = -1;
			if (e->type != MSGPACK_OBJECT_ARRAY ||
			    e->via.array.size != 3) {
				rc = LRL_ECORRUPT;
				goto out;
			}
			mp_get_strbuf(&e->via.array.ptr[0],
			              r->frozen[r->nfrozen].code, CODE_BUF);
			mp_get_i64(&e->via.array.ptr[1], &fv);
			mp_get_i64(&e->via.array.ptr[2], &sl);
			r->frozen[r->nfrozen].favoured = (int)fv;
			r->frozen[r->nfrozen].slots = (int)sl;
			r->nfrozen++;
		}
out:
	msgpack_unpacked_destroy(&up);
	return rc;
}

static int round_get(store_txn *t, uint32_t id, struct round *r)
{
	uint8_t k[4];
	const void *v;
	size_t vl;
	int rc;

	memset(r, 0, sizeof *r);
	rkey(k, id);
	if ((rc = store_get(t, STORE_DB_COUNCIL_ROUNDS, k, 4, &v, &vl)) != 0)
		return rc;
	r->id = id;
	return round_decode(v, vl, r);
}

static int round_put(store_txn *t, const struct round *r)
{
	uint8_t k[4];
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 19);
	msgpack_pack_uint32(&b.pk, 1);
	msgpack_pack_int64(&b.pk, r->year);
	msgpack_pack_uint32(&b.pk, 2);
	mp_pack_str(&b.pk, r->name);
	msgpack_pack_uint32(&b.pk, 3);
	mp_pack_str(&b.pk, r->mode);
	msgpack_pack_uint32(&b.pk, 4);
	msgpack_pack_array(&b.pk, (uint32_t)r->ncrit);
	for (size_t i = 0; i < r->ncrit; i++) {
		msgpack_pack_array(&b.pk, 4);
		mp_pack_str(&b.pk, r->crit[i].name);
		msgpack_pack_int64(&b.pk, r->crit[i].weight);
		msgpack_pack_int64(&b.pk, r->crit[i].max);
		msgpack_pack_int64(&b.pk, r->crit[i].nos);
	}
	msgpack_pack_uint32(&b.pk, 5);
	msgpack_pack_int64(&b.pk, r->closes);
	msgpack_pack_uint32(&b.pk, 6);
	msgpack_pack_int64(&b.pk, r->qn);
	msgpack_pack_uint32(&b.pk, 7);
	msgpack_pack_int64(&b.pk, r->qd);
	msgpack_pack_uint32(&b.pk, 8);
	if (r->written)
		msgpack_pack_true(&b.pk);
	else
		msgpack_pack_false(&b.pk);
	msgpack_pack_uint32(&b.pk, 9);
	if (r->has_pk)
		mp_pack_bin(&b.pk, r->pk, sizeof r->pk);
	else
		msgpack_pack_nil(&b.pk);
	msgpack_pack_uint32(&b.pk, 10);
	mp_pack_str(&b.pk, r->closed ? "closed" : "open");
	msgpack_pack_uint32(&b.pk, 11);
	msgpack_pack_int64(&b.pk, r->opened);
	msgpack_pack_uint32(&b.pk, 12);
	msgpack_pack_uint64(&b.pk, r->by);
	msgpack_pack_uint32(&b.pk, 13);
	msgpack_pack_int64(&b.pk, r->closed_at);
	msgpack_pack_uint32(&b.pk, 14);
	msgpack_pack_int64(&b.pk, r->members);
	msgpack_pack_uint32(&b.pk, 15);
	if (r->present_set) {
		msgpack_pack_array(&b.pk, (uint32_t)r->npresent);
		for (size_t i = 0; i < r->npresent; i++)
			msgpack_pack_uint32(&b.pk, r->present[i]);
	} else {
		msgpack_pack_nil(&b.pk);
	}
	msgpack_pack_uint32(&b.pk, 16);
	msgpack_pack_array(&b.pk, (uint32_t)r->nnoms);
	for (size_t i = 0; i < r->nnoms; i++)
		mp_pack_str(&b.pk, r->noms[i]);
	msgpack_pack_uint32(&b.pk, 17);
	msgpack_pack_array(&b.pk, (uint32_t)r->ncast);
	for (size_t i = 0; i < r->ncast; i++)
		mp_pack_str(&b.pk, r->cast[i]);
	msgpack_pack_uint32(&b.pk, 18);
	msgpack_pack_array(&b.pk, (uint32_t)r->ntally);
	for (size_t i = 0; i < r->ntally; i++) {
		msgpack_pack_array(&b.pk, 5);
		mp_pack_str(&b.pk, r->tally[i].code);
		msgpack_pack_int64(&b.pk, r->tally[i].v.yes);
		msgpack_pack_int64(&b.pk, r->tally[i].v.no);
		msgpack_pack_int64(&b.pk, r->tally[i].v.abstain);
		msgpack_pack_int64(&b.pk, r->tally[i].v.spoiled);
	}
	msgpack_pack_uint32(&b.pk, 19);
	msgpack_pack_array(&b.pk, (uint32_t)r->nfrozen);
	for (size_t i = 0; i < r->nfrozen; i++) {
		msgpack_pack_array(&b.pk, 3);
		mp_pack_str(&b.pk, r->frozen[i].code);
		msgpack_pack_int64(&b.pk, r->frozen[i].favoured);
		msgpack_pack_int64(&b.pk, r->frozen[i].slots);
	}
	rkey(k, r->id);
	rc = store_put(t, STORE_DB_COUNCIL_ROUNDS, k, 4, b.sb.data, b.sb.size,
	               0);
	mp_buf_free(&b);
	return rc;
}

static int round_param(struct lrl_ctx *c, struct round *r)
{
	int64_t id = 0;
	int rc;

	ctx_int(c, "round", &id);
	rc = round_get(c->txn, (uint32_t)id, r);
	if (rc == LRL_ENOENT)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "round",
		                    "there is no round %lld", (long long)id);
	return rc;
}

static int round_has(const struct round *r, const char *code)
{
	for (size_t i = 0; i < r->nnoms; i++)
		if (!strcmp(r->noms[i], code))
			return 1;
	return 0;
}

static const struct tally_votes *round_tally(const struct round *r,
                                             const char *code)
{
	for (size_t i = 0; i < r->ntally; i++)
		if (!strcmp(r->tally[i].code, code))
			return &r->tally[i].v;
	return NULL;
}

static int round_cast_for(const struct round *r, const char *code)
{
	for (size_t i = 0; i < r->ncast; i++)
		if (!strcmp(r->cast[i], code))
			return 1;
	return 0;
}

/* The nomination with code, as the council needs it (n is zeroed when
 * there is none). */
static int cand_get(store_txn *t, const char *code, struct cand *n)
{
	struct nomination_info ni;
	int rc = nomination_info(t, NULL, code, strlen(code), &ni);

	memset(n, 0, sizeof *n);
	if (rc != 0)
		return rc;
	snprintf(n->code, sizeof n->code, "%s", ni.code);
	n->year = ni.year;
	snprintf(n->title, sizeof n->title, "%s", ni.title);
	n->kind = ni.kind;
	n->id = ni.id;
	n->unit = ni.unit;
	n->withdrawn = ni.withdrawn;
	return 0;
}

/* The nomination parameter: a candidate of round r. */
static int cand_param(struct lrl_ctx *c, const struct round *r, struct cand *n)
{
	char code[CODE_BUF] = "";

	ctx_strbuf(c, "nomination", code, sizeof code);
	if (!round_has(r, code))
		return lrl_fail_set(&c->fail, LRL_ENOENT, "nomination",
		                    "%s is not a candidate of round %u", code,
		                    (unsigned)r->id);
	if (cand_get(c->txn, code, n) != 0)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "nomination",
		                    "there is no nomination %s", code);
	return 0;
}

/* ---- terms -------------------------------------------------------------- */

static void ykey(uint8_t *k, int year)
{
	k[0] = (uint8_t)(year >> 8);
	k[1] = (uint8_t)year;
}

static int term_exists(store_txn *t, int year)
{
	uint8_t k[2];
	const void *v;
	size_t vl;

	ykey(k, year);
	return store_get(t, STORE_DB_COUNCIL_TERMS, k, 2, &v, &vl) == 0;
}

/* Every membership row of the term (current ones only when current), in
 * the order they were added. */
struct term_rows {
	int current;
	struct member *m;
	size_t max, *n;
};

/* Decodes one membership row (key year ‖ event ‖ user) for term_rows. */
static int term_row(const uint8_t *key, size_t kl, const void *v, size_t vl,
                    void *arg)
{
	struct term_rows *a = arg;
	msgpack_unpacked up;
	struct member x;
	uint64_t u64 = 0;

	if (kl != 14)
		return 0;
	memset(&x, 0, sizeof x);
	memcpy(x.key, key, 14);
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return LRL_ECORRUPT;
	}
	mp_get_u64(mp_map_geti(&up.data, 1), &u64);
	x.user = (uint32_t)u64;
	mp_get_strbuf(mp_map_geti(&up.data, 2), x.position, sizeof x.position);
	mp_get_i64(mp_map_geti(&up.data, 3), &x.added);
	mp_get_u64(mp_map_geti(&up.data, 4), &x.by);
	mp_get_i64(mp_map_geti(&up.data, 5), &x.removed);
	mp_get_strbuf(mp_map_geti(&up.data, 6), x.reason, sizeof x.reason);
	mp_get_u64(mp_map_geti(&up.data, 7), &x.removed_by);
	msgpack_unpacked_destroy(&up);
	if ((!a->current || !x.removed) && *a->n < a->max)
		a->m[(*a->n)++] = x;
	return 0;
}

static int term_rows(store_txn *t, int year, int current, struct member *m,
                     size_t max, size_t *n)
{
	struct term_rows a = {current, m, max, n};

	*n = 0;
	return each_of_year(t, STORE_DB_COUNCIL_MEMBERS, year, term_row, &a);
}

static int member_put(store_txn *t, const struct member *m)
{
	mp_buf b;
	int rc;

	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 7);
	msgpack_pack_uint32(&b.pk, 1);
	msgpack_pack_uint32(&b.pk, m->user);
	msgpack_pack_uint32(&b.pk, 2);
	mp_pack_str(&b.pk, m->position);
	msgpack_pack_uint32(&b.pk, 3);
	msgpack_pack_int64(&b.pk, m->added);
	msgpack_pack_uint32(&b.pk, 4);
	msgpack_pack_uint64(&b.pk, m->by);
	msgpack_pack_uint32(&b.pk, 5);
	msgpack_pack_int64(&b.pk, m->removed);
	msgpack_pack_uint32(&b.pk, 6);
	mp_pack_str(&b.pk, m->reason);
	msgpack_pack_uint32(&b.pk, 7);
	msgpack_pack_uint64(&b.pk, m->removed_by);
	rc = store_put(t, STORE_DB_COUNCIL_MEMBERS, m->key, sizeof m->key,
	               b.sb.data, b.sb.size, 0);
	mp_buf_free(&b);
	return rc;
}

/* The current seat of user in the term, or NULL. */
static const struct member *seat_of(const struct member *m, size_t n,
                                    uint32_t user)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].user == user)
			return &m[i];
	return NULL;
}

static int add_member(struct lrl_ctx *c, int year, const struct user_rec *u,
                      const char *position)
{
	struct member m[MEMBERS_MAX], x;
	size_t n;
	int rc, role;

	role = !strcmp(position, "chair")       ? LRL_ROLE_CHAIR
	       : !strcmp(position, "secretary") ? LRL_ROLE_SECRETARY
	                                        : -1;
	if (role >= 0 ? !users_has_role(u, role, 0)
	              : !(users_role_bits(u) &
	                  ((1u << LRL_ROLE_COUNCIL) | (1u << LRL_ROLE_CHAIR) |
	                   (1u << LRL_ROLE_SECRETARY))))
		return lrl_fail_set(&c->fail, LRL_ESTATE, "login",
		                    "%s does not hold the %s role: grant it "
		                    "first (laurel user grant)",
		                    u->login, role >= 0 ? position : "council");
	if ((rc = term_rows(c->txn, year, 1, m, MEMBERS_MAX, &n)) != 0)
		return rc;
	if (seat_of(m, n, u->id))
		return lrl_fail_set(&c->fail, LRL_EEXIST, "login",
		                    "%s is already a member of the %d council",
		                    u->login, year);
	if (n >= MEMBERS_MAX)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "login",
		                    "a council has at most %d members",
		                    MEMBERS_MAX);
	for (size_t i = 0; i < n; i++)
		if (role >= 0 && !strcmp(m[i].position, position))
			return lrl_fail_set(&c->fail, LRL_EEXIST, "position",
			                    "the %d council already has a %s: "
			                    "remove them first",
			                    year, position);
	memset(&x, 0, sizeof x);
	ykey(x.key, year);
	wire_put_be64(x.key + 2, c->seq);
	wire_put_be32(x.key + 10, u->id);
	x.user = u->id;
	snprintf(x.position, sizeof x.position, "%s", position);
	x.added = c->now;
	x.by = c->actor_id;
	return member_put(c->txn, &x);
}

int act_TERM_OPEN(struct lrl_ctx *c)
{
	struct user_rec chair, sec;
	struct year_rec y;
	char *name = NULL;
	uint8_t k[2];
	int64_t year = 0;
	mp_buf b;
	int rc;

	ctx_int(c, "year", &year);
	if ((rc = year_param(c, (int)year, &y)) != 0)
		return rc;
	if (term_exists(c->txn, (int)year))
		return lrl_fail_set(&c->fail, LRL_EEXIST, "year",
		                    "the %d council term is already open",
		                    (int)year);
	if ((rc = user_by_param(c, "chair", &chair)) != 0 ||
	    (rc = user_by_param(c, "secretary", &sec)) != 0)
		return rc;
	if (chair.id == sec.id)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "secretary",
		                    "the chair and the secretary must be two "
		                    "people");
	rc = ctx_text(c, "name", &name);
	if (rc != 0 && rc != LRL_ENOENT)
		return rc;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	msgpack_pack_uint32(&b.pk, 1);
	mp_pack_str(&b.pk, name ? name : "");
	msgpack_pack_uint32(&b.pk, 2);
	msgpack_pack_int64(&b.pk, c->now);
	msgpack_pack_uint32(&b.pk, 3);
	msgpack_pack_uint64(&b.pk, c->actor_id);
	ykey(k, (int)year);
	rc = store_put(c->txn, STORE_DB_COUNCIL_TERMS, k, 2, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	free(name);
	if (rc != 0)
		return rc;
	if ((rc = add_member(c, (int)year, &chair, "chair")) != 0) {
		c->fail.field = "chair";
		return rc;
	}
	if ((rc = add_member(c, (int)year, &sec, "secretary")) != 0) {
		c->fail.field = "secretary";
		return rc;
	}
	result_message(c->out,
	               "The %d council term is open: chair %s, "
	               "secretary %s",
	               (int)year, chair.login, sec.login);
	return 0;
}

static int term_param(struct lrl_ctx *c, int *year)
{
	int64_t y = 0;

	ctx_int(c, "year", &y);
	*year = (int)y;
	if (!term_exists(c->txn, *year))
		return lrl_fail_set(&c->fail, LRL_ENOENT, "year",
		                    "there is no %d council term "
		                    "(laurel term open)",
		                    *year);
	return 0;
}

int act_TERM_ADD(struct lrl_ctx *c)
{
	struct user_rec u;
	char position[12] = "member";
	int year, rc;

	if ((rc = term_param(c, &year)) != 0 ||
	    (rc = user_by_param(c, "login", &u)) != 0)
		return rc;
	ctx_strbuf(c, "position", position, sizeof position);
	if ((rc = add_member(c, year, &u, position)) != 0)
		return rc;
	result_message(c->out, "%s joins the %d council as %s", u.login, year,
	               position);
	return 0;
}

int act_TERM_REMOVE(struct lrl_ctx *c)
{
	struct member m[MEMBERS_MAX], x;
	struct user_rec u;
	const struct member *s;
	char *reason = NULL;
	size_t n;
	int year, rc;

	if ((rc = term_param(c, &year)) != 0 ||
	    (rc = user_by_param(c, "login", &u)) != 0 ||
	    (rc = term_rows(c->txn, year, 1, m, MEMBERS_MAX, &n)) != 0)
		return rc;
	if ((s = seat_of(m, n, u.id)) == NULL)
		return lrl_fail_set(&c->fail, LRL_ENOENT, "login",
		                    "%s is not a member of the %d council",
		                    u.login, year);
	if ((rc = ctx_text(c, "reason", &reason)) != 0)
		return rc;
	x = *s;
	x.removed = c->now;
	x.removed_by = c->actor_id;
	snprintf(x.reason, sizeof x.reason, "%s", reason);
	free(reason);
	if ((rc = member_put(c->txn, &x)) != 0)
		return rc;
	result_message(c->out, "%s leaves the %d council", u.login, year);
	return 0;
}

static void day_text(int64_t t, char *buf, size_t n)
{
	if (t == 0)
		buf[0] = '\0';
	else
		date_format(date_of_time(t), buf, n);
}

int act_TERM_SHOW(struct lrl_ctx *c)
{
	static const char *const cols[] = {"login",  "name", "position",
	                                   "joined", "left", "reason"};
	struct member *m = calloc(HISTORY_MAX, sizeof *m);
	size_t n;
	int year, rc;

	if (m == NULL)
		return LRL_ENOMEM;
	if ((rc = term_param(c, &year)) != 0 ||
	    (rc = term_rows(c->txn, year, 0, m, HISTORY_MAX, &n)) != 0)
		goto out;
	list_begin(c->out, cols, 6, n);
	for (size_t i = 0; i < n; i++) {
		struct user_rec u;
		char a[16], b[16];
		if (users_get(c->txn, m[i].user, &u) != 0)
			memset(&u, 0, sizeof u);
		day_text(m[i].added, a, sizeof a);
		day_text(m[i].removed, b, sizeof b);
		msgpack_pack_array(c->out, 6);
		mp_pack_str(c->out, u.login);
		mp_pack_str(c->out, u.full_name);
		mp_pack_str(c->out, m[i].position);
		mp_pack_str(c->out, a);
		mp_pack_str(c->out, b);
		mp_pack_str(c->out, m[i].reason);
	}
	list_end(c->out, NULL);
out:
	free(m);
	return rc;
}

/* The actor's current seat in the term of year; fails (naming field)
 * when the actor is not a member, or (need != NULL) not in one of the
 * seats need lists ("chair" or "chair|secretary"). */
static int actor_seat(struct lrl_ctx *c, int year, const char *need,
                      struct member *seat)
{
	struct member m[MEMBERS_MAX];
	const struct member *s;
	size_t n;
	int rc;

	if ((rc = term_rows(c->txn, year, 1, m, MEMBERS_MAX, &n)) != 0)
		return rc;
	if (c->actor == NULL || (s = seat_of(m, n, c->actor->id)) == NULL)
		return lrl_fail_set(&c->fail, LRL_EPERM, NULL,
		                    "you are not a member of the %d council",
		                    year);
	if (need &&
	    !(strstr(need, s->position) && strcmp(s->position, "member") != 0))
		return lrl_fail_set(&c->fail, LRL_EPERM, NULL,
		                    "only the council's %s may do this "
		                    "(your seat: %s)",
		                    !strcmp(need, "chair") ? "chair"
		                                           : "chair or "
		                                             "secretary",
		                    s->position);
	if (seat)
		*seat = *s;
	return 0;
}

static int current_members(store_txn *t, int year, int *count)
{
	struct member m[MEMBERS_MAX];
	size_t n;
	int rc = term_rows(t, year, 1, m, MEMBERS_MAX, &n);

	*count = (int)n;
	return rc;
}

/* ---- ballot keys ---------------------------------------------------------- */

static void key_path(const char *dir, uint32_t round, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s/%u.key", dir, COUNCIL_KEY_DIR, (unsigned)round);
}

static int fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		return -1;
	fsync(fd);
	close(fd);
	return 0;
}

/* Writes the secret key of round (and its public key after it) to the
 * key file, mode 0600, in a directory of mode 0700. */
static int key_write(const char *dir, uint32_t round, const uint8_t *sk,
                     const uint8_t *pk)
{
	char kd[LRL_PATH_MAX + 32], path[LRL_PATH_MAX + 48];
	uint8_t buf[crypto_box_SECRETKEYBYTES + crypto_box_PUBLICKEYBYTES];
	ssize_t w;
	int fd;

	snprintf(kd, sizeof kd, "%s/%s", dir, COUNCIL_KEY_DIR);
	if (mkdir(kd, 0700) != 0 && errno != EEXIST)
		return LRL_EIO;
	key_path(dir, round, path, sizeof path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	          0600);
	if (fd < 0)
		return LRL_EIO;
	memcpy(buf, sk, crypto_box_SECRETKEYBYTES);
	memcpy(buf + crypto_box_SECRETKEYBYTES, pk, crypto_box_PUBLICKEYBYTES);
	w = write(fd, buf, sizeof buf);
	sodium_memzero(buf, sizeof buf);
	if (w != (ssize_t)sizeof buf || fsync(fd) != 0) {
		close(fd);
		unlink(path);
		return LRL_EIO;
	}
	close(fd);
	fsync_dir(kd);
	return 0;
}

/* Reads the round's secret key into sk (sodium_malloc'd by the caller). */
static int key_read(const char *dir, uint32_t round, uint8_t *sk,
                    const uint8_t *pk)
{
	char path[LRL_PATH_MAX + 48];
	uint8_t *buf;
	ssize_t r;
	int fd, rc = 0;

	key_path(dir, round, path, sizeof path);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return LRL_ENOENT;
	buf = sodium_malloc(crypto_box_SECRETKEYBYTES +
	                    crypto_box_PUBLICKEYBYTES);
	if (buf == NULL) {
		close(fd);
		return LRL_ENOMEM;
	}
	r = read(fd, buf,
	         crypto_box_SECRETKEYBYTES + crypto_box_PUBLICKEYBYTES);
	close(fd);
	if (r != crypto_box_SECRETKEYBYTES + crypto_box_PUBLICKEYBYTES ||
	    sodium_memcmp(buf + crypto_box_SECRETKEYBYTES, pk,
	                  crypto_box_PUBLICKEYBYTES) != 0)
		rc = LRL_ECORRUPT;
	else
		memcpy(sk, buf, crypto_box_SECRETKEYBYTES);
	sodium_free(buf);
	return rc;
}

/* Overwrites the key file with zeros, then unlinks it. */
static int key_destroy(const char *path)
{
	uint8_t zero[crypto_box_SECRETKEYBYTES + crypto_box_PUBLICKEYBYTES];
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);

	memset(zero, 0, sizeof zero);
	if (fd >= 0) {
		if (write(fd, zero, sizeof zero) == (ssize_t)sizeof zero)
			fsync(fd);
		close(fd);
	}
	return unlink(path);
}

int council_keys_sweep(store *s, const char *dir)
{
	char kd[LRL_PATH_MAX + 32];
	store_txn *t = NULL;
	struct dirent *e;
	DIR *d;
	int removed = 0, rc;

	snprintf(kd, sizeof kd, "%s/%s", dir, COUNCIL_KEY_DIR);
	if ((d = opendir(kd)) == NULL)
		return 0;
	if ((rc = store_begin(s, NULL, 0, &t)) != 0) {
		closedir(d);
		return rc;
	}
	while ((e = readdir(d)) != NULL) {
		char path[LRL_PATH_MAX + 300], *end;
		unsigned long id = strtoul(e->d_name, &end, 10);
		struct round *r;
		int keep = 0;

		if (e->d_name[0] == '.' || strcmp(end, ".key") != 0)
			continue;
		if ((r = malloc(sizeof *r)) == NULL)
			break;
		keep = round_get(t, (uint32_t)id, r) == 0 && !r->closed;
		free(r);
		if (keep)
			continue;
		snprintf(path, sizeof path, "%s/%s", kd, e->d_name);
		if (key_destroy(path) == 0)
			removed++;
	}
	closedir(d);
	store_abort(t);
	if (removed)
		fsync_dir(kd);
	return removed;
}

/* ---- rounds ---------------------------------------------------------------- */

/* Splits a comma-separated list into trimmed items; calls fn for each. */
static int each_item(const char *list, int (*fn)(const char *item, void *arg),
                     void *arg)
{
	char item[LRL_NAME_MAX * 4 + 1];
	const char *p = list;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len >= sizeof item)
			len = sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		if (len) {
			int rc = fn(item, arg);
			if (rc != 0)
				return rc;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* A candidate of an open round. */
struct open_nom {
	uint32_t round;
	char code[CODE_BUF];
};

struct noms_arg {
	struct lrl_ctx *c;
	struct round *r;
	struct open_nom *open; /* the open rounds' candidates, by round */
	size_t nopen;
	int read;
};

/* Reads the candidates of every open round into a->open, once. */
static int open_noms_read(struct noms_arg *a)
{
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl, cap = 0;
	struct round *r;
	int rc;

	if (a->read)
		return 0;
	a->read = 1;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return LRL_ENOMEM;
	if (store_cursor_open(a->c->txn, STORE_DB_COUNCIL_ROUNDS, &cur) != 0) {
		free(r);
		return 0;
	}
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		memset(r, 0, sizeof *r);
		if (round_decode(v, vl, r) != 0 || r->closed)
			continue;
		for (size_t i = 0; i < r->nnoms; i++) {
			struct open_nom *p = grow_array(a->open, a->nopen, &cap,
			                                sizeof *p, 64);
			if (p == NULL) {
				rc = LRL_ENOMEM;
				goto out;
			}
			a->open = p;
			a->open[a->nopen].round = wire_get_be32(k);
			snprintf(a->open[a->nopen++].code, CODE_BUF, "%s",
			         r->noms[i]);
		}
	}
out:
	store_cursor_close(cur);
	free(r);
	return rc == LRL_ENOMEM ? rc : 0;
}

/* Is code a candidate of an open round?  Which (the first) into *which. */
static int open_round_has(const struct noms_arg *a, const char *code,
                          uint32_t *which)
{
	for (size_t i = 0; i < a->nopen; i++)
		if (!strcmp(a->open[i].code, code)) {
			*which = a->open[i].round;
			return 1;
		}
	return 0;
}

static int add_nom(const char *item, void *arg)
{
	struct noms_arg *a = arg;
	struct cand n;
	uint32_t other;
	int rc;

	if (cand_get(a->c->txn, item, &n) != 0)
		return lrl_fail_set(&a->c->fail, LRL_ENOENT, "nominations",
		                    "there is no nomination %s", item);
	if (n.year != a->r->year)
		return lrl_fail_set(&a->c->fail, LRL_EINVAL, "nominations",
		                    "%s is a nomination of %d, not %d", item,
		                    n.year, a->r->year);
	if (n.withdrawn)
		return lrl_fail_set(&a->c->fail, LRL_ESTATE, "nominations",
		                    "%s was withdrawn", item);
	if (round_has(a->r, n.code))
		return lrl_fail_set(&a->c->fail, LRL_EINVAL, "nominations",
		                    "%s is given twice", item);
	if ((rc = open_noms_read(a)) != 0)
		return rc;
	if (open_round_has(a, n.code, &other))
		return lrl_fail_set(&a->c->fail, LRL_ESTATE, "nominations",
		                    "%s is already in open round %u", item,
		                    (unsigned)other);
	if (a->r->nnoms >= ROUND_NOMS_MAX)
		return lrl_fail_set(&a->c->fail, LRL_EINVAL, "nominations",
		                    "a round has at most %d candidates",
		                    ROUND_NOMS_MAX);
	snprintf(a->r->noms[a->r->nnoms++], CODE_BUF, "%s", n.code);
	return 0;
}

static int parse_int_field(const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	while (*s == ' ')
		s++;
	v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (end == s || *end || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* "name; weight; max[; no-score]" per line. */
static int parse_criteria(struct lrl_ctx *c, const char *text, struct round *r)
{
	const char *p = text;
	int line = 0;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char buf[LRL_TEXT_MAX], *f[5], *save = NULL, *tok;
		int nf = 0;
		struct crit *k;

		line++;
		if (len >= sizeof buf)
			len = sizeof buf - 1;
		memcpy(buf, p, len);
		buf[len] = '\0';
		p = e ? e + 1 : p + len;
		for (tok = strtok_r(buf, ";", &save); tok && nf < 5;
		     tok = strtok_r(NULL, ";", &save)) {
			while (*tok == ' ' || *tok == '\t')
				tok++;
			for (size_t l = strlen(tok);
			     l && (tok[l - 1] == ' ' || tok[l - 1] == '\t' ||
			           tok[l - 1] == '\r');)
				tok[--l] = '\0';
			f[nf++] = tok;
		}
		if (nf == 0 || (nf == 1 && !f[0][0]))
			continue;
		if (r->ncrit >= CRIT_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
			                    "at most %d criteria", CRIT_MAX);
		k = &r->crit[r->ncrit];
		if (nf < 3 || nf > 4 || !f[0][0] ||
		    text_codepoints(f[0], strlen(f[0])) > CRIT_NAME_MAX)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
			                    "line %d: write name; weight; "
			                    "maximum "
			                    "points[; no-score]",
			                    line);
		snprintf(k->name, sizeof k->name, "%s", f[0]);
		if (parse_int_field(f[1], 1, CRIT_WEIGHT_MAX, &k->weight) != 0)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
			                    "line %d: the weight must be a "
			                    "whole "
			                    "number from 1 to %d",
			                    line, CRIT_WEIGHT_MAX);
		if (parse_int_field(f[2], 1, CRIT_POINTS_MAX, &k->max) != 0)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
			                    "line %d: the maximum must be a "
			                    "whole "
			                    "number from 1 to %d",
			                    line, CRIT_POINTS_MAX);
		if (nf == 4 && strcmp(f[3], "no-score") != 0)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
			                    "line %d: the fourth field can "
			                    "only be "
			                    "no-score",
			                    line);
		k->nos = nf == 4;
		r->ncrit++;
	}
	return 0;
}

int act_ROUND_OPEN(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct noms_arg na;
	char list[LRL_TEXT_MAX * 4 + 1] = "";
	char *crit = NULL, *name = NULL;
	uint8_t *sk = NULL;
	int64_t year = 0, v = 0;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	ctx_int(c, "year", &year);
	r->year = (int)year;
	if (!term_exists(c->txn, r->year)) {
		rc = lrl_fail_set(&c->fail, LRL_ENOENT, "year",
		                  "there is no %d council term (laurel term "
		                  "open)",
		                  r->year);
		goto out;
	}
	if ((rc = actor_seat(c, r->year, "chair|secretary", NULL)) != 0)
		goto out;
	ctx_strbuf(c, "mode", r->mode, sizeof r->mode);
	ctx_strbuf(c, "nominations", list, sizeof list);
	memset(&na, 0, sizeof na);
	na.c = c;
	na.r = r;
	rc = each_item(list, add_nom, &na);
	free(na.open);
	if (rc != 0)
		goto out;
	if (r->nnoms == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "nominations",
		                  "name at least one nomination");
		goto out;
	}
	rc = ctx_text(c, "criteria", &crit);
	if (rc != 0 && rc != LRL_ENOENT)
		goto out;
	if (crit && (rc = parse_criteria(c, crit, r)) != 0)
		goto out;
	if (scoring(r) && r->ncrit == 0) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
		                  "a %s round needs its scoring criteria",
		                  r->mode);
		goto out;
	}
	if (!scoring(r) && r->ncrit) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "criteria",
		                  "a ballot round has no scoring criteria");
		goto out;
	}
	if (ctx_int(c, "closes", &v) == 0) {
		if (v < date_of_time(c->now)) {
			rc = lrl_fail_set(&c->fail, LRL_EINVAL, "closes",
			                  "the last day cannot be in the past");
			goto out;
		}
		r->closes = (int32_t)v;
	}
	r->qn = 2;
	r->qd = 3;
	if (ctx_int(c, "quorum", &v) == 0) {
		r->qn = (int)v;
		r->qd = 100;
	}
	mp_get_bool(ctx_param(c, "written"), &r->written);
	rc = ctx_text(c, "name", &name);
	if (rc != 0 && rc != LRL_ENOENT)
		goto out;
	snprintf(r->name, sizeof r->name, "%s", name ? name : "");
	r->opened = c->now;
	r->by = c->actor_id;
	if ((rc = store_next_id(c->txn, STORE_DB_COUNCIL_ROUNDS, &r->id)) != 0)
		goto out;
	if (balloting(r)) {
		/* The key pair is made here, once: a replay takes the public
		 * key from the event and never sees the secret one. */
		if (c->replaying) {
			if (c->recorded == NULL ||
			    mp_get_bin_exact(c->recorded, r->pk,
			                     sizeof r->pk) != 0) {
				rc = lrl_fail_set(&c->fail, LRL_ECORRUPT, NULL,
				                  "the event does not carry "
				                  "the "
				                  "round's ballot key");
				goto out;
			}
		} else {
			if ((sk = sodium_malloc(crypto_box_SECRETKEYBYTES)) ==
			    NULL) {
				rc = LRL_ENOMEM;
				goto out;
			}
			crypto_box_keypair(r->pk, sk);
			if ((rc = key_write(c->ident->store_dir, r->id, sk,
			                    r->pk)) != 0) {
				lrl_fail_set(&c->fail, rc, NULL,
				             "cannot write the round's ballot "
				             "key");
				goto out;
			}
		}
		r->has_pk = 1;
		mp_pack_bin(&c->data->pk, r->pk, sizeof r->pk);
		c->has_data = 1;
	}
	if ((rc = round_put(c->txn, r)) != 0)
		goto out;
	result_message(c->out, "Round %u is open with %u candidates",
	               (unsigned)r->id, (unsigned)r->nnoms);
	rc = 0;
out:
	if (sk)
		sodium_free(sk);
	free(crit);
	free(name);
	free(r);
	return rc;
}

/* ---- attendance ----------------------------------------------------------- */

struct attend_arg {
	struct lrl_ctx *c;
	struct round *r;
	const struct member *m;
	size_t n;
};

static int add_present(const char *item, void *arg)
{
	struct attend_arg *a = arg;
	struct user_rec u;
	const struct member *s;

	if (users_find(a->c->txn, item, strlen(item), &u) != 0)
		return lrl_fail_set(&a->c->fail, LRL_ENOENT, "present",
		                    "there is no account %s", item);
	if ((s = seat_of(a->m, a->n, u.id)) == NULL)
		return lrl_fail_set(&a->c->fail, LRL_EINVAL, "present",
		                    "%s is not a member of the %d council",
		                    item, a->r->year);
	for (size_t i = 0; i < a->r->npresent; i++)
		if (a->r->present[i] == u.id)
			return lrl_fail_set(&a->c->fail, LRL_EINVAL, "present",
			                    "%s is given twice", item);
	a->r->present[a->r->npresent++] = u.id;
	return 0;
}

static int round_open_check(struct lrl_ctx *c, const struct round *r)
{
	if (r->closed)
		return lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                    "round %u is closed", (unsigned)r->id);
	return 0;
}

int act_ROUND_ATTEND(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct member m[MEMBERS_MAX];
	struct attend_arg a;
	char list[LRL_TEXT_MAX * 4 + 1] = "";
	size_t n;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 ||
	    (rc = round_open_check(c, r)) != 0 ||
	    (rc = actor_seat(c, r->year, "chair|secretary", NULL)) != 0 ||
	    (rc = term_rows(c->txn, r->year, 1, m, MEMBERS_MAX, &n)) != 0)
		goto out;
	ctx_strbuf(c, "present", list, sizeof list);
	r->present_set = 1;
	r->npresent = 0;
	a.c = c;
	a.r = r;
	a.m = m;
	a.n = n;
	if ((rc = each_item(list, add_present, &a)) != 0 ||
	    (rc = round_put(c->txn, r)) != 0)
		goto out;
	result_message(c->out, "Round %u: %u of %u members present",
	               (unsigned)r->id, (unsigned)r->npresent, (unsigned)n);
out:
	free(r);
	return rc;
}

static int is_present(const struct round *r, uint32_t user)
{
	for (size_t i = 0; i < r->npresent; i++)
		if (r->present[i] == user)
			return 1;
	return 0;
}

/* Members needed for the quorum: ceil(members × qn / qd). */
static int quorum_needed(const struct round *r, int members)
{
	return r->qd > 0 ? (members * r->qn + r->qd - 1) / r->qd : members;
}

/* Do the members recorded present reach the quorum of members? */
static int quorum_reached(const struct round *r, int members)
{
	return (int)r->npresent >= quorum_needed(r, members);
}

/* The quorum as a share of all members: "2/3" (the default) or "60%". */
static void quorum_share(const struct round *r, char *buf, size_t n)
{
	if (r->qd == 3)
		snprintf(buf, n, "2/3");
	else
		snprintf(buf, n, "%d%%", r->qn);
}

/* ---- scoring, ballots, conflicts -------------------------------------------- */

static size_t mkey(uint8_t *k, uint32_t round, uint32_t user, const char *code)
{
	size_t cl = strlen(code);

	wire_put_be32(k, round);
	wire_put_be32(k + 4, user);
	memcpy(k + 8, code, cl);
	return 8 + cl;
}

static int has_rec(store_txn *t, enum store_db db, uint32_t round,
                   uint32_t user, const char *code)
{
	uint8_t k[8 + LRL_CODE_MAX];
	size_t kl = mkey(k, round, user, code);
	const void *v;
	size_t vl;

	return store_get(t, db, k, kl, &v, &vl) == 0;
}

/* Why user may not score or vote on n ("" when they may). */
static const char *recusal(store_txn *t, const struct round *r,
                           const struct cand *n, const struct user_rec *u)
{
	struct staff_rec s;

	if (n->kind == 'S' && u->staff_id && u->staff_id == n->id)
		return "it is your own nomination";
	if (n->kind == 'U' && u->staff_id &&
	    staff_get(t, u->staff_id, &s) == 0 && s.unit == n->id)
		return "it is your own unit's nomination";
	if (has_rec(t, STORE_DB_COUNCIL_CONFLICTS, r->id, u->id, n->code))
		return "you declared a conflict of interest";
	return "";
}

/* Checks that the actor may score or vote on the candidate now; *written
 * is 1 when the actor is recorded absent (a written vote). */
static int may_act(struct lrl_ctx *c, const struct round *r,
                   const struct cand *n, int *written)
{
	const char *why;
	int rc;

	if ((rc = round_open_check(c, r)) != 0 ||
	    (rc = actor_seat(c, r->year, NULL, NULL)) != 0)
		return rc;
	if (r->closes && date_of_time(c->now) > r->closes) {
		char d[16];
		date_format(r->closes, d, sizeof d);
		return lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                    "round %u took scores and ballots until %s",
		                    (unsigned)r->id, d);
	}
	*written = r->present_set && !is_present(r, c->actor->id);
	if (*written && !r->written)
		return lrl_fail_set(&c->fail, LRL_EPERM, "round",
		                    "you are recorded absent and round %u "
		                    "takes "
		                    "no written votes",
		                    (unsigned)r->id);
	why = recusal(c->txn, r, n, c->actor);
	if (why[0])
		return lrl_fail_set(&c->fail, LRL_EPERM, "nomination",
		                    "you are recused from %s: %s", n->code,
		                    why);
	return 0;
}

/* Points "8, 9, -, 10" in criteria order into pts. */
static int parse_points(struct lrl_ctx *c, const struct round *r, int *pts)
{
	char list[LRL_NAME_MAX * 4 + 1] = "", *save = NULL, *tok;
	size_t i = 0;

	ctx_strbuf(c, "points", list, sizeof list);
	for (tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), i++) {
		while (*tok == ' ')
			tok++;
		for (size_t l = strlen(tok); l && tok[l - 1] == ' ';)
			tok[--l] = '\0';
		if (i >= r->ncrit)
			return lrl_fail_set(&c->fail, LRL_EINVAL, "points",
			                    "round %u has %u criteria, more "
			                    "points "
			                    "were given",
			                    (unsigned)r->id,
			                    (unsigned)r->ncrit);
		if (!strcmp(tok, "-")) {
			if (!r->crit[i].nos)
				return lrl_fail_set(&c->fail, LRL_EINVAL,
				                    "points",
				                    "criterion %u (%s) must be "
				                    "scored",
				                    (unsigned)i + 1,
				                    r->crit[i].name);
			pts[i] = TALLY_NO_SCORE;
		} else if (parse_int_field(tok, 0, r->crit[i].max, &pts[i]) !=
		           0) {
			return lrl_fail_set(&c->fail, LRL_EINVAL, "points",
			                    "criterion %u (%s): give 0 to %d "
			                    "points%s",
			                    (unsigned)i + 1, r->crit[i].name,
			                    r->crit[i].max,
			                    r->crit[i].nos ? ", or - for no "
			                                     "score"
			                                   : "");
		}
	}
	if (i != r->ncrit)
		return lrl_fail_set(&c->fail, LRL_EINVAL, "points",
		                    "give %u points, one per criterion in "
		                    "order",
		                    (unsigned)r->ncrit);
	return 0;
}

static void crit_arrays(const struct round *r, int *w, int *mx, int *nos)
{
	for (size_t i = 0; i < r->ncrit; i++) {
		w[i] = r->crit[i].weight;
		mx[i] = r->crit[i].max;
		nos[i] = r->crit[i].nos;
	}
}

/* The points of one score record into pts; 0 or -1. */
static int points_decode(const void *v, size_t vl, const struct round *r,
                         int *pts)
{
	msgpack_unpacked up;
	const msgpack_object *o;
	int rc = -1;

	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) == 0 &&
	    (o = mp_map_geti(&up.data, 1)) != NULL &&
	    o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size == r->ncrit) {
		for (size_t i = 0; i < r->ncrit; i++) {
			int64_t x = 0;
			mp_get_i64(&o->via.array.ptr[i], &x);
			pts[i] = (int)x;
		}
		rc = 0;
	}
	msgpack_unpacked_destroy(&up);
	return rc;
}

int act_SCORE_SET(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct cand n;
	int pts[CRIT_MAX], w[CRIT_MAX], mx[CRIT_MAX], nos[CRIT_MAX], written;
	uint8_t k[8 + LRL_CODE_MAX];
	size_t kl;
	int64_t total;
	mp_buf b;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 || (rc = cand_param(c, r, &n)) != 0)
		goto out;
	if (!scoring(r)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "round",
		                  "round %u is a ballot without scoring",
		                  (unsigned)r->id);
		goto out;
	}
	if ((rc = may_act(c, r, &n, &written)) != 0 ||
	    (rc = parse_points(c, r, pts)) != 0)
		goto out;
	crit_arrays(r, w, mx, nos);
	total = tally_weighted(pts, w, mx, nos, r->ncrit);
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 2);
	msgpack_pack_uint32(&b.pk, 1);
	msgpack_pack_array(&b.pk, (uint32_t)r->ncrit);
	for (size_t i = 0; i < r->ncrit; i++)
		msgpack_pack_int64(&b.pk, pts[i]);
	msgpack_pack_uint32(&b.pk, 2);
	msgpack_pack_int64(&b.pk, c->now);
	kl = mkey(k, r->id, c->actor->id, n.code);
	rc = store_put(c->txn, STORE_DB_COUNCIL_SCORES, k, kl, b.sb.data,
	               b.sb.size, 0);
	mp_buf_free(&b);
	if (rc != 0)
		goto out;
	result_message(c->out, "%s scored: weighted total %lld of %lld", n.code,
	               (long long)total,
	               (long long)tally_weighted_max(w, mx, r->ncrit));
out:
	free(r);
	return rc;
}

int act_SCORE_SHOW(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct cand n;
	struct subject sj;
	int pts[CRIT_MAX], w[CRIT_MAX], mx[CRIT_MAX], nos[CRIT_MAX], have = 0;
	uint8_t k[8 + LRL_CODE_MAX];
	const void *v;
	size_t vl, kl;
	char line[CRIT_NAME_MAX * 4 + 64], tot[64] = "";
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 || (rc = cand_param(c, r, &n)) != 0 ||
	    (rc = actor_seat(c, r->year, NULL, NULL)) != 0)
		goto out;
	kl = mkey(k, r->id, c->actor->id, n.code);
	if (store_get(c->txn, STORE_DB_COUNCIL_SCORES, k, kl, &v, &vl) == 0 &&
	    points_decode(v, vl, r, pts) == 0)
		have = 1;
	crit_arrays(r, w, mx, nos);
	if (have)
		snprintf(tot, sizeof tot, "%lld / %lld",
		         (long long)tally_weighted(pts, w, mx, nos, r->ncrit),
		         (long long)tally_weighted_max(w, mx, r->ncrit));
	if (subject_get(c->txn, n.kind, n.id, &sj) != 0)
		memset(&sj, 0, sizeof sj);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 8);
	mp_pack_kv_int(c->out, "round", r->id);
	mp_pack_kv_str(c->out, "nomination", n.code);
	mp_pack_kv_str(c->out, "name", sj.name);
	mp_pack_kv_str(c->out, "title", n.title);
	mp_pack_str(c->out, "criteria");
	msgpack_pack_array(c->out, (uint32_t)r->ncrit);
	for (size_t i = 0; i < r->ncrit; i++) {
		char p[16] = "";
		if (have)
			snprintf(p, sizeof p,
			         pts[i] == TALLY_NO_SCORE ? "-" : "%d", pts[i]);
		snprintf(line, sizeof line, "%s (×%d, 0–%d%s): %s",
		         r->crit[i].name, r->crit[i].weight, r->crit[i].max,
		         r->crit[i].nos ? ", -" : "", p);
		mp_pack_str(c->out, line);
	}
	{
		char list[CRIT_MAX * 8] = "";
		for (size_t i = 0; have && i < r->ncrit; i++) {
			char p[16];
			if (pts[i] == TALLY_NO_SCORE)
				snprintf(p, sizeof p, "%s-", i ? "," : "");
			else
				snprintf(p, sizeof p, "%s%d", i ? "," : "",
				         pts[i]);
			strncat(list, p, sizeof list - strlen(list) - 1);
		}
		mp_pack_kv_str(c->out, "points", list);
	}
	mp_pack_kv_str(c->out, "total", tot);
	/* Each criterion's weight and maximum, "3×10", with "-" when it may
	 * go unscored: what a form needs for the running total. */
	mp_pack_str(c->out, "scale");
	msgpack_pack_array(c->out, (uint32_t)r->ncrit);
	for (size_t i = 0; i < r->ncrit; i++) {
		char sc[32];
		snprintf(sc, sizeof sc, "%d×%d%s", r->crit[i].weight,
		         r->crit[i].max, r->crit[i].nos ? "-" : "");
		mp_pack_str(c->out, sc);
	}
out:
	free(r);
	return rc;
}

static size_t bkey(uint8_t *k, uint32_t round, const char *code,
                   const uint8_t *hash)
{
	size_t cl = strlen(code);

	wire_put_be32(k, round);
	k[4] = (uint8_t)cl;
	memcpy(k + 5, code, cl);
	if (hash)
		memcpy(k + 5 + cl, hash, LRL_HASH_LEN);
	return 5 + cl + (hash ? LRL_HASH_LEN : 0);
}

int act_BALLOT_CAST(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct cand n;
	uint8_t k[5 + LRL_CODE_MAX + LRL_HASH_LEN], hash[LRL_HASH_LEN];
	uint8_t vk[8 + LRL_CODE_MAX];
	const uint8_t *sealed;
	size_t kl, sl, vkl;
	int written, rc;
	mp_buf b;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 || (rc = cand_param(c, r, &n)) != 0)
		goto out;
	if (!balloting(r)) {
		rc = lrl_fail_set(&c->fail, LRL_EINVAL, "round",
		                  "round %u is scoring without a ballot",
		                  (unsigned)r->id);
		goto out;
	}
	if ((rc = may_act(c, r, &n, &written)) != 0)
		goto out;
	if (has_rec(c->txn, STORE_DB_COUNCIL_VOTERS, r->id, c->actor->id,
	            n.code)) {
		rc = lrl_fail_set(&c->fail, LRL_EEXIST, "nomination",
		                  "you have already voted on %s", n.code);
		goto out;
	}
	mp_get_bin(ctx_param(c, "sealed"), &sealed, &sl);
	crypto_generichash(hash, sizeof hash, sealed, sl, NULL, 0);
	kl = bkey(k, r->id, n.code, hash);
	rc = store_put(c->txn, STORE_DB_COUNCIL_BALLOTS, k, kl, sealed, sl, 1);
	if (rc == LRL_EEXIST)
		rc = lrl_fail_set(&c->fail, LRL_EEXIST, "sealed",
		                  "this sealed ballot was cast already");
	if (rc != 0)
		goto out;
	/* That the member voted, apart from what: the voters record does
	 * not name the ballot. */
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 2);
	msgpack_pack_uint32(&b.pk, 1);
	if (written)
		msgpack_pack_true(&b.pk);
	else
		msgpack_pack_false(&b.pk);
	msgpack_pack_uint32(&b.pk, 2);
	msgpack_pack_int64(&b.pk, c->now);
	vkl = mkey(vk, r->id, c->actor->id, n.code);
	rc = store_put(c->txn, STORE_DB_COUNCIL_VOTERS, vk, vkl, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	if (rc != 0)
		goto out;
	result_message(c->out,
	               written ? "Your written ballot on %s is cast"
	                       : "Your ballot on %s is cast",
	               n.code);
out:
	free(r);
	return rc;
}

int act_CONFLICT_DECLARE(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct cand n;
	char type[16] = "", *reason = NULL;
	uint8_t k[8 + LRL_CODE_MAX];
	size_t kl;
	mp_buf b;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 || (rc = cand_param(c, r, &n)) != 0 ||
	    (rc = round_open_check(c, r)) != 0 ||
	    (rc = actor_seat(c, r->year, NULL, NULL)) != 0)
		goto out;
	if (has_rec(c->txn, STORE_DB_COUNCIL_VOTERS, r->id, c->actor->id,
	            n.code)) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "nomination",
		                  "you have already voted on %s: a ballot "
		                  "cannot "
		                  "be taken back",
		                  n.code);
		goto out;
	}
	if ((rc = ctx_text(c, "reason", &reason)) != 0)
		goto out;
	ctx_strbuf(c, "type", type, sizeof type);
	kl = mkey(k, r->id, c->actor->id, n.code);
	/* A score given before the conflict was declared no longer counts. */
	rc = store_del(c->txn, STORE_DB_COUNCIL_SCORES, k, kl);
	if (rc != 0 && rc != LRL_ENOENT)
		goto out;
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, 3);
	msgpack_pack_uint32(&b.pk, 1);
	mp_pack_str(&b.pk, type);
	msgpack_pack_uint32(&b.pk, 2);
	mp_pack_str(&b.pk, reason);
	msgpack_pack_uint32(&b.pk, 3);
	msgpack_pack_int64(&b.pk, c->now);
	rc = store_put(c->txn, STORE_DB_COUNCIL_CONFLICTS, k, kl, b.sb.data,
	               b.sb.size, 1);
	mp_buf_free(&b);
	if (rc == LRL_EEXIST)
		rc = lrl_fail_set(&c->fail, LRL_EEXIST, "nomination",
		                  "you have already declared a conflict on %s",
		                  n.code);
	if (rc != 0)
		goto out;
	result_message(c->out,
	               "Conflict on %s recorded: you neither score nor "
	               "vote on it",
	               n.code);
out:
	free(reason);
	free(r);
	return rc;
}

struct round_walk {
	int (*fn)(const uint8_t *key, size_t kl, const void *v, size_t vl,
	          void *arg);
	void *arg;
};

/* Passes on the records whose keys hold a code after round ‖ user. */
static int round_record(const uint8_t *key, size_t kl, const void *v,
                        size_t vl, void *arg)
{
	const struct round_walk *w = arg;

	return kl > 8 ? w->fn(key, kl, v, vl, w->arg) : 0;
}

/* Calls fn with the key and value of every record of round in db (keys
 * round ‖ user ‖ code: scores, voters), in key order, until fn returns
 * non-zero, which each_of_round then returns; else 0, or the store's
 * error. */
static int each_of_round(store_txn *t, enum store_db db, uint32_t round,
                         int (*fn)(const uint8_t *key, size_t kl,
                                   const void *v, size_t vl, void *arg),
                         void *arg)
{
	struct round_walk w = {fn, arg};
	uint8_t start[4];

	wire_put_be32(start, round);
	return each_with_prefix(t, db, start, sizeof start, round_record, &w);
}

struct voters_arg {
	const struct round *r;
	int *voters, *written;
};

static int count_voter(const uint8_t *key, size_t kl, const void *v,
                       size_t vl, void *arg)
{
	struct voters_arg *a = arg;
	char code[CODE_BUF];

	snprintf(code, sizeof code, "%.*s", (int)(kl - 8),
	         (const char *)key + 8);
	for (size_t i = 0; i < a->r->nnoms; i++)
		if (!strcmp(a->r->noms[i], code))
			a->voters[i]++;
	if (a->written) {
		msgpack_unpacked up;
		int w = 0;
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0)
			mp_get_bool(mp_map_geti(&up.data, 1), &w);
		msgpack_unpacked_destroy(&up);
		*a->written += w;
	}
	return 0;
}

/* Voters of each candidate of r (by index). */
static int count_voters(store_txn *t, const struct round *r, int *voters,
                        int *written)
{
	struct voters_arg a = {r, voters, written};

	memset(voters, 0, r->nnoms * sizeof *voters);
	if (written)
		*written = 0;
	return each_of_round(t, STORE_DB_COUNCIL_VOTERS, r->id, count_voter,
	                     &a);
}

/* Opens every sealed ballot of r with the round's secret key and counts
 * them into r->tally; ballots[i] receives the number of ballot records of
 * candidate i.  Plaintexts live in sodium_malloc memory and are wiped. */
static int open_ballots(struct lrl_ctx *c, struct round *r, int *ballots)
{
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl;
	uint8_t start[4], *sk = NULL, *plain = NULL;
	int rc;

	memset(ballots, 0, r->nnoms * sizeof *ballots);
	sk = sodium_malloc(crypto_box_SECRETKEYBYTES);
	plain = sodium_malloc(BALLOT_LEN);
	if (sk == NULL || plain == NULL) {
		rc = LRL_ENOMEM;
		goto out;
	}
	if ((rc = key_read(c->ident->store_dir, r->id, sk, r->pk)) != 0) {
		lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		             "the ballot key of round %u is missing or "
		             "damaged: "
		             "its ballots cannot be counted",
		             (unsigned)r->id);
		goto out;
	}
	wire_put_be32(start, r->id);
	if ((rc = store_cursor_open(c->txn, STORE_DB_COUNCIL_BALLOTS, &cur)) !=
	    0)
		goto out;
	k = start;
	kl = 4;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl > 5 && memcmp(k, start, 4) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		const uint8_t *kb = k;
		char code[CODE_BUF], pcode[BALLOT_CODE + 1], choice = 0;
		uint32_t pround = 0;
		size_t i;
		int ok;

		snprintf(code, sizeof code, "%.*s", (int)kb[4],
		         (const char *)kb + 5);
		for (i = 0; i < r->nnoms && strcmp(r->noms[i], code); i++)
			;
		if (i == r->nnoms)
			continue;
		ballots[i]++;
		ok = vl == BALLOT_LEN + crypto_box_SEALBYTES &&
		     crypto_box_seal_open(plain, v, vl, r->pk, sk) == 0 &&
		     ballot_decode(plain, &pround, pcode, &choice) == 0 &&
		     pround == r->id && !strcmp(pcode, code);
		sodium_memzero(plain, BALLOT_LEN);
		if (!ok)
			r->tally[i].v.spoiled++;
		else if (choice == 'Y')
			r->tally[i].v.yes++;
		else if (choice == 'N')
			r->tally[i].v.no++;
		else
			r->tally[i].v.abstain++;
		choice = 0;
	}
	store_cursor_close(cur);
	rc = rc == LRL_ENOENT ? 0 : rc;
out:
	sodium_free(sk);
	sodium_free(plain);
	return rc;
}

/* Counts the sealed ballots of each candidate of r into ballots[]; with
 * del, deletes them as well. */
static int count_ballots(store_txn *t, const struct round *r, int *ballots,
                         int del)
{
	for (size_t i = 0; i < r->nnoms; i++) {
		uint8_t start[5 + LRL_CODE_MAX];
		size_t sl = bkey(start, r->id, r->noms[i], NULL);
		int rc;

		ballots[i] = 0;
		for (;;) {
			uint8_t key[5 + LRL_CODE_MAX + LRL_HASH_LEN];
			store_cursor *cur = NULL;
			const void *k, *v;
			size_t kl, vl;
			int n = 0;

			if ((rc = store_cursor_open(t, STORE_DB_COUNCIL_BALLOTS,
			                            &cur)) != 0)
				return rc;
			k = start;
			kl = sl;
			for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k,
			                           &kl, &v, &vl);
			     rc == 0 && kl == sl + LRL_HASH_LEN &&
			     memcmp(k, start, sl) == 0;
			     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v,
			                           &vl)) {
				n++;
				if (del) {
					memcpy(key, k, kl);
					break;
				}
			}
			store_cursor_close(cur);
			if (rc != 0 && rc != LRL_ENOENT)
				return rc;
			if (!del) {
				ballots[i] = n;
				break;
			}
			if (n == 0)
				break;
			ballots[i]++;
			if ((rc = store_del(t, STORE_DB_COUNCIL_BALLOTS, key,
			                    sl + LRL_HASH_LEN)) != 0)
				return rc;
		}
	}
	return 0;
}

/* ---- results ---------------------------------------------------------------- */

struct result {
	struct cand n;
	char subj_code[CODE_BUF];
	char name[TEXT_BUF];
	char ucode[CODE_BUF];
	const struct rulebook_title *title;
	struct tally_votes v;
	int has_v;
	int nscores;
	int64_t mean_x100, min, max;
	int yes_bp, vote_bp, passes;
	int capped, slots;
	struct tally_cand tc;
};

/* Women among the staff of unit (direct members). */
static void unit_women(store_txn *t, uint32_t unit, int *women, int *all)
{
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl;
	uint8_t start[4];
	int rc;

	*women = *all = 0;
	wire_put_be32(start, unit);
	if (store_cursor_open(t, STORE_DB_STAFF_BY_UNIT, &cur) != 0)
		return;
	k = start;
	kl = 4;
	for (rc = store_cursor_get(cur, STORE_SET_RANGE, &k, &kl, &v, &vl);
	     rc == 0 && kl == 8 && memcmp(k, start, 4) == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct staff_rec s;
		if (staff_get(t, wire_get_be32((const uint8_t *)k + 4), &s) !=
		    0)
			continue;
		(*all)++;
		if (!strcmp(s.sex, "nữ"))
			(*women)++;
	}
	store_cursor_close(cur);
}

static int favoured(store_txn *t, const struct cand *n, int women_bp)
{
	struct staff_rec s;
	int w, all;

	if (women_bp <= 0)
		return 0;
	if (n->kind == 'S')
		return staff_get(t, n->id, &s) == 0 && !strcmp(s.sex, "nữ");
	unit_women(t, n->id, &w, &all);
	return tally_women_unit(w, all, women_bp);
}

/* Candidates of title `of` that passed the vote in the closed rounds of
 * self's year, self (as it is in memory, closing) included: the base a
 * cap is a share of. */
static int passed_of(store_txn *t, const struct round *self,
                     const struct rulebook *rb, const char *of)
{
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl;
	int rc, count = 0;
	const struct rulebook_title *ti = rulebook_title_find(rb, of);

	if (ti == NULL ||
	    store_cursor_open(t, STORE_DB_COUNCIL_ROUNDS, &cur) != 0)
		return 0;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct round *r = calloc(1, sizeof *r);
		if (r == NULL)
			break;
		if (wire_get_be32(k) == self->id) {
			memcpy(r, self, sizeof *r);
			r->closed = 1;
		} else if (round_decode(v, vl, r) != 0) {
			r->closed = 0;
		}
		if (r->closed && r->year == self->year)
			for (size_t i = 0; i < r->ntally; i++) {
				struct cand n;
				int bp;
				if (cand_get(t, r->tally[i].code, &n) == 0 &&
				    !strcmp(n.title, of) &&
				    tally_passes(&r->tally[i].v, r->members,
				                 ti->vote_bp, &bp))
					count++;
			}
		free(r);
	}
	store_cursor_close(cur);
	return count;
}

/* Scores kept per candidate, at most. */
#define SCORES_MAX (MEMBERS_MAX * 4)

/* A candidate's index in the round, by code. */
struct nom_index {
	const char *code;
	size_t i;
};

static int nom_index_cmp(const void *a, const void *b)
{
	return strcmp(((const struct nom_index *)a)->code,
	              ((const struct nom_index *)b)->code);
}

/* round_totals: the candidates by code, and the totals so far. */
struct totals_arg {
	const struct round *r;
	struct nom_index idx[ROUND_NOMS_MAX];
	int w[CRIT_MAX], mx[CRIT_MAX], nos[CRIT_MAX];
	int64_t *totals;
	size_t *nt;
};

static int add_score(const uint8_t *key, size_t kl, const void *v, size_t vl,
                     void *arg)
{
	struct totals_arg *a = arg;
	char code[CODE_BUF];
	struct nom_index want = {code, 0}, *hit;
	int pts[CRIT_MAX];
	int64_t tot;
	size_t i;

	if (kl - 8 >= sizeof code)
		return 0;
	memcpy(code, (const char *)key + 8, kl - 8);
	code[kl - 8] = '\0';
	if (strlen(code) != kl - 8 ||
	    (hit = bsearch(&want, a->idx, a->r->nnoms, sizeof a->idx[0],
	                   nom_index_cmp)) == NULL ||
	    points_decode(v, vl, a->r, pts) != 0)
		return 0;
	i = hit->i;
	tot = tally_weighted(pts, a->w, a->mx, a->nos, a->r->ncrit);
	if (tot >= 0 && a->nt[i] < SCORES_MAX)
		a->totals[i * SCORES_MAX + a->nt[i]++] = tot;
	return 0;
}

/* The weighted totals of the scores of each candidate of r, in one pass
 * over the round's scores: totals[i * SCORES_MAX …] and nt[i] for the
 * candidate r->noms[i]. */
static int round_totals(store_txn *t, const struct round *r, int64_t *totals,
                        size_t *nt)
{
	struct totals_arg *a = calloc(1, sizeof *a);
	int rc;

	if (a == NULL)
		return LRL_ENOMEM;
	a->r = r;
	a->totals = totals;
	a->nt = nt;
	crit_arrays(r, a->w, a->mx, a->nos);
	for (size_t i = 0; i < r->nnoms; i++) {
		a->idx[i].code = r->noms[i];
		a->idx[i].i = i;
		nt[i] = 0;
	}
	qsort(a->idx, r->nnoms, sizeof a->idx[0], nom_index_cmp);
	rc = each_of_round(t, STORE_DB_COUNCIL_SCORES, r->id, add_score, a);
	free(a);
	return rc;
}

/* The results of closed round r, one per candidate in the round's order.
 * The caller frees *out. */
static int compute(store_txn *t, const struct round *r, struct result **out,
                   struct lrl_fail *f)
{
	struct result *res = calloc(r->nnoms ? r->nnoms : 1, sizeof *res);
	struct rulebook *rb = NULL;
	struct year_rec y;
	int64_t *totals = NULL;
	size_t nt[ROUND_NOMS_MAX];
	int women_bp;
	int rc;

	*out = NULL;
	if (res == NULL)
		return LRL_ENOMEM;
	if ((rc = year_get(t, r->year, &y)) != 0 ||
	    (rc = rules_load(t, y.rulebook, &rb, f)) != 0)
		goto fail;
	women_bp = rulebook_tiebreak_women_bp(rb);
	totals = calloc((r->nnoms ? r->nnoms : 1) * SCORES_MAX, sizeof *totals);
	if (totals == NULL) {
		rc = LRL_ENOMEM;
		goto fail;
	}
	if ((rc = round_totals(t, r, totals, nt)) != 0)
		goto fail;
	for (size_t i = 0; i < r->nnoms; i++) {
		struct result *x = &res[i];
		const struct tally_votes *tv = round_tally(r, r->noms[i]);
		struct subject sj;
		struct unit_rec u;

		if ((rc = cand_get(t, r->noms[i], &x->n)) != 0)
			goto fail;
		if (subject_get(t, x->n.kind, x->n.id, &sj) == 0) {
			snprintf(x->subj_code, sizeof x->subj_code, "%s",
			         sj.code);
			snprintf(x->name, sizeof x->name, "%s", sj.name);
		}
		if (unit_get(t, x->n.unit, &u) == 0)
			snprintf(x->ucode, sizeof x->ucode, "%s", u.code);
		x->title = rulebook_title_find(rb, x->n.title);
		x->vote_bp = x->title ? x->title->vote_bp : 0;
		if (tv) {
			x->v = *tv;
			x->has_v = 1;
			x->passes = tally_passes(tv, r->members, x->vote_bp,
			                         &x->yes_bp);
		}
		x->nscores = (int)nt[i];
		tally_mean(totals + i * SCORES_MAX, nt[i], &x->mean_x100,
		           &x->min, &x->max);
		x->tc.yes = x->v.yes;
		x->tc.score_x100 = x->mean_x100;
		x->tc.tiebreak = r->nfrozen ? r->frozen[i].favoured
		                            : favoured(t, &x->n, women_bp);
		x->tc.cast = round_cast_for(r, r->noms[i]);
		/* A scoring round without a ballot ranks everyone scored. */
		x->tc.passes = balloting(r) ? x->passes : nt[i] > 0;
	}
	/* Rank per title; a cap limits how many are within. */
	for (size_t i = 0; i < r->nnoms; i++) {
		struct tally_cand tc[ROUND_NOMS_MAX];
		size_t idx[ROUND_NOMS_MAX], m = 0;
		const struct rulebook_cap *cap;
		int slots = -1;

		if (i > 0) {
			size_t j;
			for (j = 0;
			     j < i && strcmp(res[j].n.title, res[i].n.title);
			     j++)
				;
			if (j < i)
				continue; /* title done */
		}
		for (size_t j = i; j < r->nnoms; j++)
			if (!strcmp(res[j].n.title, res[i].n.title)) {
				idx[m] = j;
				tc[m++] = res[j].tc;
			}
		cap = rulebook_cap_find(rb, res[i].n.title);
		if (r->nfrozen)
			slots = r->frozen[i].slots;
		else if (cap && balloting(r))
			slots = tally_slots(passed_of(t, r, rb, cap->of->code),
			                    cap->percent_bp);
		if (tally_rank(tc, m, slots) != 0) {
			rc = LRL_ENOMEM;
			goto fail;
		}
		for (size_t j = 0; j < m; j++) {
			res[idx[j]].tc = tc[j];
			res[idx[j]].capped = slots >= 0;
			res[idx[j]].slots = slots;
		}
	}
	free(totals);
	rulebook_free(rb);
	*out = res;
	return 0;
fail:
	free(totals);
	rulebook_free(rb);
	free(res);
	return rc;
}

int act_ROUND_CLOSE(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	int voters[ROUND_NOMS_MAX], ballots[ROUND_NOMS_MAX], members, rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0 ||
	    (rc = round_open_check(c, r)) != 0 ||
	    (rc = actor_seat(c, r->year, "chair", NULL)) != 0 ||
	    (rc = current_members(c->txn, r->year, &members)) != 0)
		goto out;
	if (!r->present_set || !quorum_reached(r, members)) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                  "no quorum: %u of %d members recorded "
		                  "present, "
		                  "%d needed (laurel round attend)",
		                  (unsigned)r->npresent, members,
		                  quorum_needed(r, members));
		goto out;
	}
	r->ntally = 0;
	if (balloting(r)) {
		if ((rc = count_voters(c->txn, r, voters, NULL)) != 0)
			goto out;
		for (size_t i = 0; i < r->nnoms; i++) {
			memset(&r->tally[i], 0, sizeof r->tally[i]);
			snprintf(r->tally[i].code, CODE_BUF, "%s", r->noms[i]);
		}
		r->ntally = r->nnoms;
		if (c->replaying) {
			/* The tally is the event's: the key that opened the
			 * ballots is gone.  It must agree with the voters. */
			const msgpack_object *o = c->recorded;
			if (o == NULL || o->type != MSGPACK_OBJECT_ARRAY ||
			    o->via.array.size != r->nnoms) {
				rc = lrl_fail_set(&c->fail, LRL_ECORRUPT, NULL,
				                  "the event does not carry "
				                  "the tally");
				goto out;
			}
			for (size_t i = 0; i < r->nnoms; i++) {
				const msgpack_object *e = &o->via.array.ptr[i];
				int64_t x[4] = {0, 0, 0, 0};
				if (e->type != MSGPACK_OBJECT_ARRAY ||
				    e->via.array.size != 5 ||
				    mp_get_strbuf(&e->via.array.ptr[0],
				                  r->tally[i].code,
				                  CODE_BUF) != 0 ||
				    strcmp(r->tally[i].code, r->noms[i]) != 0) {
					rc = lrl_fail_set(&c->fail,
					                  LRL_ECORRUPT, NULL,
					                  "the tally does not "
					                  "name the "
					                  "round's candidates");
					goto out;
				}
				for (int j = 0; j < 4; j++)
					if (mp_get_i64(&e->via.array.ptr[j + 1],
					               &x[j]) != 0 ||
					    x[j] < 0)
						x[j] = -1;
				r->tally[i].v.yes = (int)x[0];
				r->tally[i].v.no = (int)x[1];
				r->tally[i].v.abstain = (int)x[2];
				r->tally[i].v.spoiled = (int)x[3];
			}
			if ((rc = count_ballots(c->txn, r, ballots, 0)) != 0)
				goto out;
		} else if ((rc = open_ballots(c, r, ballots)) != 0) {
			goto out;
		}
		for (size_t i = 0; i < r->nnoms; i++) {
			const struct tally_votes *v = &r->tally[i].v;
			if (v->yes < 0 || v->no < 0 || v->abstain < 0 ||
			    v->spoiled < 0 ||
			    v->yes + v->no + v->abstain + v->spoiled !=
			            voters[i] ||
			    ballots[i] != voters[i]) {
				rc = lrl_fail_set(&c->fail, LRL_ECORRUPT, NULL,
				                  "the tally of %s (%d) does "
				                  "not match "
				                  "its %d voters",
				                  r->noms[i],
				                  v->yes + v->no + v->abstain +
				                          v->spoiled,
				                  voters[i]);
				goto out;
			}
		}
		msgpack_pack_array(&c->data->pk, (uint32_t)r->nnoms);
		for (size_t i = 0; i < r->nnoms; i++) {
			msgpack_pack_array(&c->data->pk, 5);
			mp_pack_str(&c->data->pk, r->tally[i].code);
			msgpack_pack_int64(&c->data->pk, r->tally[i].v.yes);
			msgpack_pack_int64(&c->data->pk, r->tally[i].v.no);
			msgpack_pack_int64(&c->data->pk, r->tally[i].v.abstain);
			msgpack_pack_int64(&c->data->pk, r->tally[i].v.spoiled);
		}
		c->has_data = 1;
		/* The sealed ballots go: their key is destroyed after the
		 * commit (council_keys_sweep). */
		if ((rc = count_ballots(c->txn, r, ballots, 1)) != 0)
			goto out;
	}
	r->closed = 1;
	r->closed_at = c->now;
	r->members = members;
	/* What the results depend on beyond the votes and scores is frozen
	 * now: later staff edits or rounds do not change them. */
	{
		struct result *res = NULL;
		if ((rc = compute(c->txn, r, &res, &c->fail)) != 0)
			goto out;
		r->nfrozen = r->nnoms;
		for (size_t i = 0; i < r->nnoms; i++) {
			snprintf(r->frozen[i].code, CODE_BUF, "%s", r->noms[i]);
			r->frozen[i].favoured = res[i].tc.tiebreak;
			r->frozen[i].slots = res[i].capped ? res[i].slots : -1;
		}
		free(res);
	}
	if ((rc = round_put(c->txn, r)) != 0)
		goto out;
	result_message(c->out,
	               "Round %u is closed; its results are frozen "
	               "(laurel round results %u)",
	               (unsigned)r->id, (unsigned)r->id);
out:
	free(r);
	return rc;
}

static int closed_param(struct lrl_ctx *c, struct round *r)
{
	int rc = round_param(c, r);

	if (rc == 0 && !r->closed)
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "round",
		                  "round %u is open: its scores and votes stay "
		                  "hidden until the chair closes it",
		                  (unsigned)r->id);
	return rc;
}

static void pct_text(int bp, char *buf, size_t n)
{
	if (bp % 100 == 0)
		snprintf(buf, n, "%d%%", bp / 100);
	else
		snprintf(buf, n, "%d,%02d%%", bp / 100, bp % 100);
}

static void x100_text(int64_t v, char *buf, size_t n)
{
	if (v % 100 == 0)
		snprintf(buf, n, "%lld", (long long)(v / 100));
	else
		snprintf(buf, n, "%lld,%02lld", (long long)(v / 100),
		         (long long)(v % 100));
}

static const char *result_word(const struct round *r, const struct result *x)
{
	if (!balloting(r))
		return x->nscores ? "scored" : "not scored";
	if (!x->passes)
		return "failed";
	if (x->tc.tie)
		return "tied: chair's vote";
	if (!x->tc.within)
		return "over the quota";
	return "passed";
}

static void threshold_text(const struct result *x, char *buf, size_t n)
{
	if (x->vote_bp <= 0)
		snprintf(buf, n, "%s", N_("majority"));
	else {
		char p[16];
		pct_text(x->vote_bp, p, sizeof p);
		snprintf(buf, n, "≥ %s", p);
	}
}

/* A result's cells as text: the yes share and the threshold (a ballot
 * round's; "" otherwise), the mean score and its spread ("" when nobody
 * scored), the rank ("" when none). */
struct result_texts {
	char yes[32], threshold[32], score[32], spread[64], rank[16];
};

static void result_texts(const struct round *r, const struct result *x,
                         struct result_texts *t)
{
	memset(t, 0, sizeof *t);
	if (balloting(r)) {
		pct_text(x->yes_bp, t->yes, sizeof t->yes);
		threshold_text(x, t->threshold, sizeof t->threshold);
	}
	if (x->nscores) {
		x100_text(x->mean_x100, t->score, sizeof t->score);
		snprintf(t->spread, sizeof t->spread, "%lld–%lld",
		         (long long)x->min, (long long)x->max);
	}
	if (x->tc.rank)
		snprintf(t->rank, sizeof t->rank, "%d", x->tc.rank);
}

static void pack_result_cells(msgpack_packer *pk, const struct round *r,
                              const struct result *x)
{
	struct result_texts t;

	result_texts(r, x, &t);
	msgpack_pack_int64(pk, x->v.yes);
	msgpack_pack_int64(pk, x->v.no);
	msgpack_pack_int64(pk, x->v.abstain);
	mp_pack_str(pk, t.yes);
	mp_pack_str(pk, t.threshold);
	mp_pack_str(pk, result_word(r, x));
	mp_pack_str(pk, t.score);
	mp_pack_str(pk, t.spread);
	mp_pack_str(pk, t.rank);
}

int act_ROUND_RESULTS(struct lrl_ctx *c)
{
	/* What a reader looks for first: who, and the result. */
	static const char *const cols[] =
		{"nomination", "title", "name", "result",  "yes % of all",
	         "threshold",  "yes",   "no",   "abstain", "score",
	         "spread",     "rank",  "code", "unit",    "scores"};
	struct round *r = calloc(1, sizeof *r);
	struct result *res = NULL;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = closed_param(c, r)) != 0 ||
	    (rc = compute(c->txn, r, &res, &c->fail)) != 0)
		goto out;
	list_begin(c->out, cols, 15, r->nnoms);
	for (size_t i = 0; i < r->nnoms; i++) {
		const struct result *x = &res[i];
		struct result_texts t;
		result_texts(r, x, &t);
		msgpack_pack_array(c->out, 15);
		mp_pack_str(c->out, x->n.code);
		mp_pack_str(c->out, x->n.title);
		mp_pack_str(c->out, x->name);
		mp_pack_str(c->out, result_word(r, x));
		mp_pack_str(c->out, t.yes);
		mp_pack_str(c->out, t.threshold);
		msgpack_pack_int64(c->out, x->v.yes);
		msgpack_pack_int64(c->out, x->v.no);
		msgpack_pack_int64(c->out, x->v.abstain);
		mp_pack_str(c->out, t.score);
		mp_pack_str(c->out, t.spread);
		mp_pack_str(c->out, t.rank);
		mp_pack_str(c->out, x->subj_code);
		mp_pack_str(c->out, x->ucode);
		msgpack_pack_int64(c->out, x->nscores);
	}
	list_end(c->out, NULL);
out:
	free(res);
	free(r);
	return rc;
}

int act_ROUND_MINUTES(struct lrl_ctx *c)
{
	static const char *const cols[] =
		{"round",     "session", "date",          "members",
	         "present",   "quorum",  "written votes", "nomination",
	         "title",     "code",    "name",          "unit",
	         "yes",       "no",      "abstain",       "yes % of all",
	         "threshold", "result",  "score",         "spread",
	         "rank"};
	struct round *r = calloc(1, sizeof *r);
	struct result *res = NULL;
	int voters[ROUND_NOMS_MAX], written = 0, rc;
	char date[16], quorum[48], present[16], wtext[16];

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = closed_param(c, r)) != 0 ||
	    (rc = compute(c->txn, r, &res, &c->fail)) != 0 ||
	    (rc = count_voters(c->txn, r, voters, &written)) != 0)
		goto out;
	day_text(r->closed_at, date, sizeof date);
	snprintf(present, sizeof present, "%u", (unsigned)r->npresent);
	snprintf(quorum, sizeof quorum, "%d needed: %s",
	         quorum_needed(r, r->members),
	         quorum_reached(r, r->members) ? "reached" : "not reached");
	snprintf(wtext, sizeof wtext, "%d", written);
	list_begin(c->out, cols, 21, r->nnoms);
	for (size_t i = 0; i < r->nnoms; i++) {
		const struct result *x = &res[i];
		msgpack_pack_array(c->out, 21);
		msgpack_pack_int64(c->out, r->id);
		mp_pack_str(c->out, r->name);
		mp_pack_str(c->out, date);
		msgpack_pack_int64(c->out, r->members);
		mp_pack_str(c->out, present);
		mp_pack_str(c->out, quorum);
		mp_pack_str(c->out, wtext);
		mp_pack_str(c->out, x->n.code);
		mp_pack_str(c->out, x->n.title);
		mp_pack_str(c->out, x->subj_code);
		mp_pack_str(c->out, x->name);
		mp_pack_str(c->out, x->ucode);
		pack_result_cells(c->out, r, x);
	}
	list_end(c->out, NULL);
out:
	free(res);
	free(r);
	return rc;
}

/* ---- the minutes as a printable report ------------------------------------ */

/* Members of the term of r's year when r closed, in the order they
 * joined: seats that began before the close and had not ended by it. */
static int members_at_close(store_txn *t, const struct round *r,
                            struct member *m, size_t *n)
{
	struct member *all = calloc(HISTORY_MAX, sizeof *all);
	size_t na = 0;
	int rc;

	*n = 0;
	if (all == NULL)
		return LRL_ENOMEM;
	if ((rc = term_rows(t, r->year, 0, all, HISTORY_MAX, &na)) == 0)
		for (size_t i = 0; i < na && *n < MEMBERS_MAX; i++)
			if (all[i].added <= r->closed_at &&
			    (all[i].removed == 0 ||
			     all[i].removed > r->closed_at))
				m[(*n)++] = all[i];
	free(all);
	return rc;
}

static void minutes_attendance(struct lrl_ctx *c, rpt *p, const struct round *r,
                               const struct member *m, size_t n)
{
	static const struct rpt_col cols[] = {{N_("No."), 1, 0},
	                                      {N_("Full name"), 0, 0},
	                                      {N_("Login"), 0, 0},
	                                      {N_("Position"), 0, 1},
	                                      {N_("Attendance"), 0, 1}};
	int needed = quorum_needed(r, r->members);
	char q[16];

	rpt_heading(p, N_("I. Attendance and quorum"));
	rpt_table(p, N_("Council members"), cols, 5);
	for (size_t i = 0; i < n; i++) {
		struct user_rec u;
		if (users_get(c->txn, m[i].user, &u) != 0)
			memset(&u, 0, sizeof u);
		rpt_row(p);
		rpt_cell_int(p, (int64_t)i + 1);
		rpt_cell(p, u.full_name);
		rpt_cell(p, u.login);
		rpt_cell(p, !strcmp(m[i].position, "chair")       ? N_("Chair")
		            : !strcmp(m[i].position, "secretary") ? N_("Secretary")
		                                                  : N_("Member"));
		rpt_cell(p, !r->present_set            ? N_("not recorded")
		            : is_present(r, m[i].user) ? N_("present")
		                                       : N_("absent"));
	}
	rpt_table_end(p);
	quorum_share(r, q, sizeof q);
	if (!r->present_set)
		rpt_para(p,
		         "Members: %d. Attendance was not recorded; the quorum "
		         "(%s of all members) is %d.",
		         r->members, q, needed);
	else if (quorum_reached(r, r->members))
		rpt_para(p,
		         "Members: %d; present: %u; absent: %d. The quorum (%s "
		         "of all members, %d) is reached.",
		         r->members, (unsigned)r->npresent,
		         r->members - (int)r->npresent, q, needed);
	else
		rpt_para(p,
		         "Members: %d; present: %u; absent: %d. The quorum (%s "
		         "of all members, %d) is not reached.",
		         r->members, (unsigned)r->npresent,
		         r->members - (int)r->npresent, q, needed);
}

static void minutes_criteria(rpt *p, const struct round *r)
{
	static const struct rpt_col cols[] = {{N_("No."), 1, 0},
	                                      {N_("Criterion"), 0, 0},
	                                      {N_("Weight"), 1, 0},
	                                      {N_("Points"), 1, 0},
	                                      {N_("Note"), 0, 1}};

	rpt_heading(p, N_("II. Criteria"));
	if (!scoring(r) || r->ncrit == 0) {
		rpt_para(p, "The council voted by secret ballot without "
		            "scoring.");
		return;
	}
	rpt_table(p, N_("Scoring criteria"), cols, 5);
	for (size_t i = 0; i < r->ncrit; i++) {
		rpt_row(p);
		rpt_cell_int(p, (int64_t)i + 1);
		rpt_cell(p, r->crit[i].name);
		rpt_cell_int(p, r->crit[i].weight);
		rpt_cellf(p, "0–%d", r->crit[i].max);
		rpt_cell(p, r->crit[i].nos ? N_("no score allowed") : "");
	}
	rpt_table_end(p);
}

static void minutes_results(rpt *p, const struct round *r,
                            const struct result *res, int written,
                            const char *closed)
{
	static const struct rpt_col cols[] =
		{{N_("No."), 1, 0},          {N_("Nomination"), 0, 0},
	         {N_("Candidate"), 0, 0},    {N_("Unit"), 0, 0},
	         {N_("Title"), 0, 0},        {N_("Yes"), 1, 0},
	         {N_("No"), 1, 0},           {N_("Abstain"), 1, 0},
	         {N_("Yes / all members"), 1, 0}, {N_("Threshold"), 0, 1},
	         {N_("Score"), 1, 0},        {N_("Spread"), 1, 0},
	         {N_("Result"), 0, 1},       {N_("Rank"), 1, 0}};
	size_t passed = 0;

	rpt_heading(p, N_("III. Results"));
	if (balloting(r))
		rpt_para(p,
		         "Yes votes are shown as a share of all %d members "
		         "of the council: a title with a threshold needs that "
		         "share, the others a majority (more yes than no "
		         "votes). %d written vote(s) of absent members were "
		         "counted.",
		         r->members, written);
	rpt_table(p, N_("Votes and scores per candidate"), cols, 14);
	for (size_t i = 0; i < r->nnoms; i++) {
		const struct result *x = &res[i];
		const char *word = result_word(r, x);
		struct result_texts t;
		result_texts(r, x, &t);
		passed += !strcmp(word, "passed");
		rpt_row(p);
		rpt_cell_int(p, (int64_t)i + 1);
		rpt_cell(p, x->n.code);
		rpt_cell(p, x->name);
		rpt_cell(p, x->ucode);
		rpt_cell(p, x->n.title);
		rpt_cell_int(p, x->v.yes);
		rpt_cell_int(p, x->v.no);
		rpt_cell_int(p, x->v.abstain);
		rpt_cell(p, t.yes);
		rpt_cell(p, t.threshold);
		rpt_cell(p, t.score);
		rpt_cell(p, t.spread);
		rpt_cell(p, word);
		rpt_cell(p, t.rank);
	}
	rpt_table_end(p);
	rpt_heading(p, N_("IV. Conclusion"));
	if (balloting(r))
		rpt_para(p,
		         "Of %zu candidates, %zu passed the council's vote "
		         "and are proposed to the director for decision.",
		         r->nnoms, passed);
	else
		rpt_para(p,
		         "The council scored %zu candidates; their ranks "
		         "are proposed to the director.",
		         r->nnoms);
	rpt_para(p,
	         "The session closed on %s. These minutes are drawn up from "
	         "the facts recorded in the store and signed by the chair and "
	         "the secretary of the council.",
	         closed);
}

int act_REPORT_MINUTES(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct member m[MEMBERS_MAX];
	struct result *res = NULL;
	int voters[ROUND_NOMS_MAX], written = 0, rc;
	char opened[16], closed[16];
	const char *chair = "", *secretary = "";
	struct user_rec uc, us;
	size_t n = 0;
	rpt *p = NULL;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = closed_param(c, r)) != 0 ||
	    (rc = compute(c->txn, r, &res, &c->fail)) != 0 ||
	    (rc = count_voters(c->txn, r, voters, &written)) != 0 ||
	    (rc = members_at_close(c->txn, r, m, &n)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(m[i].position, "chair") &&
		    users_get(c->txn, m[i].user, &uc) == 0)
			chair = uc.full_name;
		if (!strcmp(m[i].position, "secretary") &&
		    users_get(c->txn, m[i].user, &us) == 0)
			secretary = us.full_name;
	}
	if ((rc = rpt_begin(c,
	                    N_("MINUTES OF THE MEETING OF THE EMULATION AND "
	                       "COMMENDATION COUNCIL"),
	                    &p)) != 0)
		goto out;
	rpt_subtitle(p, "%s", r->name);
	rpt_issuer_within(p, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG");
	rpt_date(p, date_of_time(r->closed_at));
	rpt_copies(p, "");
	rpt_sign(p, N_("COUNCIL SECRETARY"), secretary);
	rpt_sign(p, N_("COUNCIL CHAIR"), chair);
	day_text(r->opened, opened, sizeof opened);
	day_text(r->closed_at, closed, sizeof closed);
	rpt_para(p,
	         "Round %u of the %d council, opened on %s and closed on %s; "
	         "candidates: %zu.",
	         (unsigned)r->id, r->year, opened, closed, r->nnoms);
	minutes_attendance(c, p, r, m, n);
	minutes_criteria(p, r);
	minutes_results(p, r, res, written, closed);
	rc = rpt_end(p);
	p = NULL;
out:
	rpt_free(p);
	free(res);
	free(r);
	return rc;
}

int act_ROUND_CAST(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	struct result *res = NULL;
	struct cand n;
	size_t i;
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = closed_param(c, r)) != 0 ||
	    (rc = cand_param(c, r, &n)) != 0 ||
	    (rc = actor_seat(c, r->year, "chair", NULL)) != 0 ||
	    (rc = compute(c->txn, r, &res, &c->fail)) != 0)
		goto out;
	for (i = 0; i < r->nnoms && strcmp(r->noms[i], n.code); i++)
		;
	if (!res[i].tc.tie) {
		rc = lrl_fail_set(&c->fail, LRL_ESTATE, "nomination",
		                  "%s is not tied at the quota: the chair's "
		                  "vote "
		                  "decides only a tie",
		                  n.code);
		goto out;
	}
	snprintf(r->cast[r->ncast++], CODE_BUF, "%s", n.code);
	if ((rc = round_put(c->txn, r)) != 0)
		goto out;
	result_message(c->out, "The chair's casting vote goes to %s", n.code);
out:
	free(res);
	free(r);
	return rc;
}

int council_round_info(store_txn *t, uint32_t id, int *year, int *closed,
                       char (*codes)[LRL_CODE_MAX + 1], size_t max,
                       size_t *n)
{
	struct round *r = calloc(1, sizeof *r);
	int rc;

	*n = 0;
	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_get(t, id, r)) == 0) {
		*year = r->year;
		*closed = r->closed;
		for (size_t i = 0; i < r->nnoms && *n < max; i++)
			snprintf(codes[(*n)++], LRL_CODE_MAX + 1, "%s",
			         r->noms[i]);
	}
	free(r);
	return rc;
}

/* A closed round as council_verdicts keeps it: its candidates, and its
 * results once a lookup needed them. */
struct verdict_round {
	uint32_t id;
	char (*noms)[CODE_BUF];
	size_t nnoms;
	int computed; /* 0: not yet, 1: res holds the results, -1: failed */
	struct round *r;
	struct result *res;
};

struct council_verdicts {
	store_txn *t;
	int scanned;
	struct verdict_round *v; /* the closed rounds, the latest first */
	size_t n;
};

int council_verdicts_open(store_txn *t, council_verdicts **out)
{
	*out = calloc(1, sizeof **out);
	if (*out == NULL)
		return LRL_ENOMEM;
	(*out)->t = t;
	return 0;
}

/* Forgets every round vs noted. */
static void verdicts_clear(council_verdicts *vs)
{
	for (size_t i = 0; i < vs->n; i++) {
		free(vs->v[i].noms);
		free(vs->v[i].r);
		free(vs->v[i].res);
	}
	free(vs->v);
	vs->v = NULL;
	vs->n = 0;
	vs->scanned = 0;
}

void council_verdicts_close(council_verdicts *vs)
{
	if (vs == NULL)
		return;
	verdicts_clear(vs);
	free(vs);
}

/* Notes the candidates of every closed round, the latest first. */
static int verdicts_scan(council_verdicts *vs)
{
	store_cursor *cur = NULL;
	const void *k, *val;
	size_t kl, vl, cap = 0;
	struct round *r = calloc(1, sizeof *r);
	int rc;

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = store_cursor_open(vs->t, STORE_DB_COUNCIL_ROUNDS, &cur)) !=
	    0) {
		free(r);
		return rc;
	}
	for (rc = store_cursor_get(cur, STORE_LAST, &k, &kl, &val, &vl);
	     rc == 0;
	     rc = store_cursor_get(cur, STORE_PREV, &k, &kl, &val, &vl)) {
		struct verdict_round *x;
		memset(r, 0, sizeof *r);
		if (round_decode(val, vl, r) != 0 || !r->closed)
			continue;
		if ((x = grow_array(vs->v, vs->n, &cap, sizeof *x, 8)) ==
		    NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		vs->v = x;
		x = &vs->v[vs->n];
		memset(x, 0, sizeof *x);
		x->id = wire_get_be32(k);
		x->nnoms = r->nnoms;
		if ((x->noms = calloc(r->nnoms ? r->nnoms : 1,
		                      sizeof *x->noms)) == NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		memcpy(x->noms, r->noms, r->nnoms * sizeof *x->noms);
		vs->n++;
	}
	store_cursor_close(cur);
	free(r);
	if (rc != 0 && rc != LRL_ENOENT) {
		verdicts_clear(vs);
		return rc;
	}
	vs->scanned = 1;
	return 0;
}

static int verdict_round_has(const struct verdict_round *x, const char *code)
{
	for (size_t i = 0; i < x->nnoms; i++)
		if (!strcmp(x->noms[i], code))
			return 1;
	return 0;
}

/* Computes the results of x once; 0 when it has them. */
static int verdict_round_results(store_txn *t, struct verdict_round *x)
{
	struct lrl_fail f;

	if (x->computed == 0) {
		x->computed = -1;
		if ((x->r = calloc(1, sizeof *x->r)) == NULL)
			return LRL_ENOMEM;
		if (round_get(t, x->id, x->r) == 0 &&
		    compute(t, x->r, &x->res, &f) == 0)
			x->computed = 1;
	}
	return x->computed == 1 ? 0 : LRL_ENOENT;
}

int council_verdicts_get(council_verdicts *vs, const char *code,
                         struct council_verdict *v)
{
	int rc;

	memset(v, 0, sizeof *v);
	if (!vs->scanned && (rc = verdicts_scan(vs)) != 0)
		return rc;
	/* The latest closed round that had it and whose results are known. */
	for (size_t j = 0; j < vs->n; j++) {
		struct verdict_round *x = &vs->v[j];
		const struct round *r;
		if (!verdict_round_has(x, code))
			continue;
		rc = verdict_round_results(vs->t, x);
		if (rc == LRL_ENOMEM)
			return rc;
		if (rc != 0)
			continue;
		r = x->r;
		for (size_t i = 0; i < r->nnoms; i++)
			if (!strcmp(r->noms[i], code)) {
				const struct result *res = &x->res[i];
				v->round = r->id;
				v->has_ballot = balloting(r);
				v->passed = balloting(r) && res->passes &&
				            res->tc.within && !res->tc.tie;
				v->yes_bp = res->yes_bp;
				v->score_x100 = res->mean_x100;
				v->rank = res->tc.rank;
			}
		return 0;
	}
	return LRL_ENOENT;
}

int council_verdict(store_txn *t, const char *code, struct council_verdict *v)
{
	council_verdicts *vs;
	int rc;

	memset(v, 0, sizeof *v);
	if ((rc = council_verdicts_open(t, &vs)) != 0)
		return rc;
	rc = council_verdicts_get(vs, code, v);
	council_verdicts_close(vs);
	return rc;
}

/* ---- lists ------------------------------------------------------------------ */

/* Where a user stands with one candidate of a round. */
struct cand_progress {
	struct cand n;
	int found;       /* n was read */
	const char *why; /* why the user is recused ("" when not) */
	int scored, voted;
};

/* How far user is in r: candidates scored and voted on, and those they
 * are recused from; with each (when not NULL, r->nnoms entries) where
 * the user stands with every candidate. */
static void progress_of(store_txn *t, const struct round *r,
                        const struct user_rec *u, struct cand_progress *each,
                        int *scored, int *voted, int *recused)
{
	*scored = *voted = *recused = 0;
	for (size_t i = 0; i < r->nnoms; i++) {
		struct cand_progress p;
		p.found = cand_get(t, r->noms[i], &p.n) == 0;
		p.why = p.found ? recusal(t, r, &p.n, u) : "";
		p.scored = has_rec(t, STORE_DB_COUNCIL_SCORES, r->id, u->id,
		                   r->noms[i]);
		p.voted = has_rec(t, STORE_DB_COUNCIL_VOTERS, r->id, u->id,
		                  r->noms[i]);
		if (each)
			each[i] = p;
		if (p.why[0]) {
			(*recused)++;
		} else {
			*scored += p.scored;
			*voted += p.voted;
		}
	}
}

static void progress_text(const struct round *r, int scored, int voted,
                          int recused, char *buf, size_t n)
{
	int due = (int)r->nnoms - recused;
	char a[64] = "", b[64] = "";

	if (scoring(r))
		snprintf(a, sizeof a, "%d of %d scored", scored, due);
	if (balloting(r))
		snprintf(b, sizeof b, "%d of %d voted", voted, due);
	snprintf(buf, n, "%s%s%s", a, a[0] && b[0] ? ", " : "", b);
}

static int is_member(store_txn *t, int year, uint32_t user)
{
	struct member m[MEMBERS_MAX];
	size_t n;

	return term_rows(t, year, 1, m, MEMBERS_MAX, &n) == 0 &&
	       seat_of(m, n, user) != NULL;
}

int act_ROUND_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"round",        "year",
	                                   "session",      "mode",
	                                   "state",        "opened",
	                                   "closes",       "candidates",
	                                   "your progress"};
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl, n = 0;
	int64_t year = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "year", &year);
	mp_buf_init(&rows);
	if ((rc = store_cursor_open(c->txn, STORE_DB_COUNCIL_ROUNDS, &cur)) !=
	    0)
		goto out;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct round *r = calloc(1, sizeof *r);
		char o[16], cl[16] = "", prog[128] = "";
		if (r == NULL) {
			rc = LRL_ENOMEM;
			break;
		}
		r->id = wire_get_be32(k);
		if (round_decode(v, vl, r) != 0 || (year && r->year != year)) {
			free(r);
			continue;
		}
		day_text(r->opened, o, sizeof o);
		if (r->closes)
			date_format(r->closes, cl, sizeof cl);
		if (c->actor && is_member(c->txn, r->year, c->actor->id)) {
			int s, vt, rec;
			progress_of(c->txn, r, c->actor, NULL, &s, &vt, &rec);
			progress_text(r, s, vt, rec, prog, sizeof prog);
		}
		msgpack_pack_array(&rows.pk, 9);
		msgpack_pack_int64(&rows.pk, r->id);
		msgpack_pack_int64(&rows.pk, r->year);
		mp_pack_str(&rows.pk, r->name);
		mp_pack_str(&rows.pk, r->mode);
		mp_pack_str(&rows.pk, r->closed ? "closed" : "open");
		mp_pack_str(&rows.pk, o);
		mp_pack_str(&rows.pk, cl);
		msgpack_pack_int64(&rows.pk, (int64_t)r->nnoms);
		mp_pack_str(&rows.pk, prog);
		n++;
		free(r);
	}
	if (rc == LRL_ENOENT || rc == 0) {
		list_begin(c->out, cols, 9, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
out:
	store_cursor_close(cur);
	mp_buf_free(&rows);
	return rc;
}

int act_CONFLICT_LIST(struct lrl_ctx *c)
{
	static const char *const cols[] = {"round",  "nomination", "title",
	                                   "name",   "member",     "member-name",
	                                   "type",   "reason",     "declared"};
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl, n = 0;
	int64_t only = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "round", &only);
	mp_buf_init(&rows);
	if ((rc = store_cursor_open(c->txn, STORE_DB_COUNCIL_CONFLICTS,
	                            &cur)) != 0)
		goto out;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		char code[LRL_CODE_MAX + 1], type[16] = "", when[16] = "";
		char title[RULEBOOK_CODE_MAX + 1] = "", name[LRL_NAME_MAX * 4 + 1] = "";
		struct user_rec u;
		struct cand nb;
		struct subject sj;
		msgpack_unpacked up;
		int64_t at = 0;
		uint32_t round;
		if (kl <= 8 || kl - 8 > LRL_CODE_MAX)
			continue;
		round = wire_get_be32(k);
		if (only && round != (uint32_t)only)
			continue;
		snprintf(code, sizeof code, "%.*s", (int)(kl - 8),
		         (const char *)k + 8);
		if (users_get(c->txn, wire_get_be32((const uint8_t *)k + 4),
		              &u) != 0)
			memset(&u, 0, sizeof u);
		if (cand_get(c->txn, code, &nb) == 0) {
			snprintf(title, sizeof title, "%s", nb.title);
			if (subject_get(c->txn, nb.kind, nb.id, &sj) == 0)
				snprintf(name, sizeof name, "%s", sj.name);
		}
		msgpack_unpacked_init(&up);
		if (mp_decode(&up, v, vl) == 0) {
			mp_get_strbuf(mp_map_geti(&up.data, 1), type, sizeof type);
			mp_get_i64(mp_map_geti(&up.data, 3), &at);
		}
		day_text(at, when, sizeof when);
		msgpack_pack_array(&rows.pk, 9);
		msgpack_pack_int64(&rows.pk, round);
		mp_pack_str(&rows.pk, code);
		mp_pack_str(&rows.pk, title);
		mp_pack_str(&rows.pk, name);
		mp_pack_str(&rows.pk, u.login);
		mp_pack_str(&rows.pk, u.full_name);
		mp_pack_str(&rows.pk, type);
		mp_pack_str_obj(&rows.pk, mp_map_geti(&up.data, 2));
		mp_pack_str(&rows.pk, when);
		msgpack_unpacked_destroy(&up);
		n++;
	}
	if (rc == LRL_ENOENT || rc == 0) {
		list_begin(c->out, cols, 9, n);
		mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
		list_end(c->out, NULL);
		rc = 0;
	}
out:
	store_cursor_close(cur);
	mp_buf_free(&rows);
	return rc;
}

int act_ROUND_CANDIDATES(struct lrl_ctx *c)
{
	static const char *const cols[] = {"round", "nomination", "title",
	                                   "name",  "unit",       "scored",
	                                   "voted", "status",     "progress"};
	store_cursor *cur = NULL;
	const void *k, *v;
	size_t kl, vl, n = 0;
	int64_t only = 0;
	mp_buf rows;
	int rc;

	ctx_int(c, "round", &only);
	mp_buf_init(&rows);
	if (c->actor == NULL)
		goto done;
	if ((rc = store_cursor_open(c->txn, STORE_DB_COUNCIL_ROUNDS, &cur)) !=
	    0)
		goto out;
	for (rc = store_cursor_get(cur, STORE_FIRST, &k, &kl, &v, &vl); rc == 0;
	     rc = store_cursor_get(cur, STORE_NEXT, &k, &kl, &v, &vl)) {
		struct round *r = calloc(1, sizeof *r);
		struct cand_progress *pr = NULL;
		char prog[128];
		int s, vt, rec;
		if (r == NULL)
			break;
		r->id = wire_get_be32(k);
		if (round_decode(v, vl, r) != 0 || r->closed ||
		    (only && r->id != only) ||
		    !is_member(c->txn, r->year, c->actor->id)) {
			free(r);
			continue;
		}
		if ((pr = calloc(r->nnoms ? r->nnoms : 1, sizeof *pr)) ==
		    NULL) {
			free(r);
			break;
		}
		progress_of(c->txn, r, c->actor, pr, &s, &vt, &rec);
		progress_text(r, s, vt, rec, prog, sizeof prog);
		for (size_t i = 0; i < r->nnoms; i++) {
			const struct cand *nm = &pr[i].n;
			const char *why = pr[i].why;
			int sc = pr[i].scored, vo = pr[i].voted;
			struct subject sj;
			struct unit_rec u;
			if (!pr[i].found)
				continue;
			if (subject_get(c->txn, nm->kind, nm->id, &sj) != 0)
				memset(&sj, 0, sizeof sj);
			msgpack_pack_array(&rows.pk, 9);
			msgpack_pack_int64(&rows.pk, r->id);
			mp_pack_str(&rows.pk, nm->code);
			mp_pack_str(&rows.pk, nm->title);
			mp_pack_str(&rows.pk, sj.name);
			mp_pack_str(&rows.pk,
			            unit_get(c->txn, nm->unit, &u) == 0 ? u.code
			                                                : "");
			mp_pack_str(&rows.pk, !scoring(r) ? ""
			                      : sc        ? "yes"
			                                  : "no");
			mp_pack_str(&rows.pk, !balloting(r) ? ""
			                      : vo          ? "yes"
			                                    : "no");
			mp_pack_str(&rows.pk, why[0] ? "recused"
			                      : ((!scoring(r) || sc) &&
			                         (!balloting(r) || vo))
			                              ? "done"
			                              : "waiting");
			mp_pack_str(&rows.pk, prog);
			n++;
		}
		free(pr);
		free(r);
	}
	store_cursor_close(cur);
done:
	list_begin(c->out, cols, 9, n);
	mp_pack_raw(c->out, rows.sb.data, rows.sb.size);
	list_end(c->out, NULL);
	rc = 0;
out:
	mp_buf_free(&rows);
	return rc;
}

static int count_one(const uint8_t *key, size_t kl, const void *v, size_t vl,
                     void *arg)
{
	(void)key;
	(void)kl;
	(void)v;
	(void)vl;
	(*(int *)arg)++;
	return 0;
}

int act_ROUND_SHOW(struct lrl_ctx *c)
{
	struct round *r = calloc(1, sizeof *r);
	int voters[ROUND_NOMS_MAX], members, nv = 0, ns = 0, rc;
	char o[16], cl[16] = "", q[32], pres[LRL_TEXT_MAX] = "", buf[800];
	char hex[crypto_box_PUBLICKEYBYTES * 2 + 1] = "";

	if (r == NULL)
		return LRL_ENOMEM;
	if ((rc = round_param(c, r)) != 0)
		goto out;
	if (r->closed)
		members = r->members;
	else if ((rc = current_members(c->txn, r->year, &members)) != 0)
		goto out;
	if ((rc = count_voters(c->txn, r, voters, NULL)) != 0)
		goto out;
	for (size_t i = 0; i < r->nnoms; i++)
		nv += voters[i];
	/* The scores are counted as far as they can be read. */
	each_of_round(c->txn, STORE_DB_COUNCIL_SCORES, r->id, count_one, &ns);
	day_text(r->opened, o, sizeof o);
	if (r->closes)
		date_format(r->closes, cl, sizeof cl);
	quorum_share(r, q, sizeof q);
	for (size_t i = 0; i < r->npresent; i++) {
		struct user_rec u;
		if (users_get(c->txn, r->present[i], &u) == 0) {
			if (pres[0])
				strncat(pres, ", ",
				        sizeof pres - strlen(pres) - 1);
			strncat(pres, u.login, sizeof pres - strlen(pres) - 1);
		}
	}
	if (r->has_pk)
		sodium_bin2hex(hex, sizeof hex, r->pk, sizeof r->pk);
	msgpack_pack_map(c->out, 1);
	mp_pack_str(c->out, "record");
	msgpack_pack_map(c->out, 16);
	mp_pack_kv_int(c->out, "round", r->id);
	mp_pack_kv_int(c->out, "year", r->year);
	mp_pack_kv_str(c->out, "session", r->name);
	mp_pack_kv_str(c->out, "mode", r->mode);
	mp_pack_kv_str(c->out, "state", r->closed ? "closed" : "open");
	mp_pack_kv_str(c->out, "opened", o);
	mp_pack_kv_str(c->out, "closes", cl);
	mp_pack_kv_int(c->out, "members", members);
	snprintf(buf, sizeof buf, "%s: %d needed, %u present — %s", q,
	         quorum_needed(r, members), (unsigned)r->npresent,
	         !r->present_set              ? "attendance not recorded"
	         : quorum_reached(r, members) ? "reached"
	                                      : "not reached");
	mp_pack_kv_str(c->out, "quorum", buf);
	mp_pack_kv_str(c->out, "present", pres);
	mp_pack_kv_str(c->out, "written votes",
	               r->written ? "allowed" : "not allowed");
	mp_pack_str(c->out, "criteria");
	msgpack_pack_array(c->out, (uint32_t)r->ncrit);
	for (size_t i = 0; i < r->ncrit; i++) {
		snprintf(buf, sizeof buf, "%s: weight %d, 0–%d points%s",
		         r->crit[i].name, r->crit[i].weight, r->crit[i].max,
		         r->crit[i].nos ? ", no score allowed" : "");
		mp_pack_str(c->out, buf);
	}
	mp_pack_str(c->out, "candidates");
	msgpack_pack_array(c->out, (uint32_t)r->nnoms);
	for (size_t i = 0; i < r->nnoms; i++) {
		struct cand n;
		struct subject sj;
		memset(&sj, 0, sizeof sj);
		if (cand_get(c->txn, r->noms[i], &n) == 0)
			subject_get(c->txn, n.kind, n.id, &sj);
		snprintf(buf, sizeof buf, "%s %s — %s", r->noms[i], n.title,
		         sj.name);
		mp_pack_str(c->out, buf);
	}
	mp_pack_kv_int(c->out, "scores", ns);
	mp_pack_kv_int(c->out, "ballots", nv);
	mp_pack_kv_str(c->out, "ballot-key", hex);
	rc = 0;
out:
	free(r);
	return rc;
}
_Static_assert(LRL_BALLOT_SEALED_LEN == BALLOT_SEALED_LEN, "ballot.cast "
                                                           "sealed");
