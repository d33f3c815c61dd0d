/*
 * demostore.c — the demo hospital, as signed commands (see demostore.h).
 *
 * Every record is made by the command a person would send, signed by
 * that person's key: the administrator adds units, staff, accounts and
 * the year; the director launches the movements; each person saves or
 * submits their own pledge and registers their own works; the heads
 * (and their delegated deputies) endorse, return, rate and propose for
 * their units.  The generator (demo.h) decides what happens; this file
 * only sends it.
 */
#include "laurel/demostore.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "laurel/ballot.h"
#include "laurel/builtin.h"
#include "laurel/council.h"
#include "laurel/date.h"
#include "laurel/demo.h"
#include "laurel/err.h"
#include "laurel/handler.h"
#include "laurel/keys.h"
#include "laurel/mp.h"
#include "laurel/nominations.h"
#include "laurel/roster.h"
#include "laurel/rulebook.h"
#include "laurel/rules.h"
#include "laurel/server.h"
#include "laurel/store.h"
#include "laurel/users.h"
#include "laurel/wire.h"

#define IMPORT_CHUNK 4000
#define PARAMS_MAX 16

/* Staff indexes refer to the generator: 0 is the director, 1 the deputy,
 * then people go round-robin over units 1… (rank 0 heads each unit). */
const struct demo_account demo_accounts[] = {
	{"quantri", "admin", NULL, NULL, 0, "administrator (Phòng TCHC)"},
	{"giamdoc", "director", "chair", NULL, 0, "director, council chair"},
	{"phogiamdoc", "council", NULL, NULL, 1, "deputy director, council member"},
	{"thuky", "secretary", "council", NULL, 0, "council secretary (head of TCHC)"},
	{"truongkhoa", "head", "council", "KHAMBENH", 0, "head of Khoa Khám bệnh"},
	{"nhanvien", NULL, NULL, NULL, 0, "staff (Khoa Khám bệnh)"},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

struct signer {
	store_txn *t;
	const struct srv_ident *id;
	uint8_t nonce[LRL_NONCE_LEN];
	uint64_t counter;
	int64_t now;
	mp_buf req, out;
};

/* The parameters of one command, packed as a map when it is sent. */
struct params {
	size_t n;
	struct {
		const char *key;
		char type; /* 's' string, 'i' integer, 'b' boolean, 'x' bytes */
		const char *s;
		size_t len;
		int64_t i;
	} kv[PARAMS_MAX];
};

/* The demo being filled: who may sign, and what the year has made. */
struct demo {
	struct signer s;
	size_t nstaff;
	uint64_t seed;
	int year;
	int32_t today;
	size_t admin;        /* quantri's staff index */
	size_t nhanvien;     /* nhanvien's */
	uint32_t *uid;       /* account id by staff index, 0: none */
	unsigned char *sk;   /* secret keys by staff index (sodium_malloc) */
	char (*work)[LRL_CODE_MAX + 1]; /* recognised work by staff index */
	unsigned nworks[4];  /* works registered, by enum demo_work_kind */
	unsigned nnominations;
	size_t counts[DEMO_PLEDGE_RETURNED + 1]; /* pledges by enum demo_pledge */
	size_t nratings, nnominated;
};

/* Applies one command signed by uid with sk; prints the refusal. */
static int run(struct signer *s, uint32_t uid, const unsigned char *sk,
               const char *action, const mp_buf *params)
{
	uint8_t sig[LRL_SIG_LEN];
	struct lrl_fail f;
	struct exec_origin origin = {.uid = (uint32_t)getuid(),
	                             .pid = (int32_t)getpid()};
	int rc;

	wire_req_encode(&s->req, s->id->server_id, s->nonce, ++s->counter, uid,
	                action, params->sb.data, params->sb.size);
	crypto_sign_detached(sig, NULL, (const unsigned char *)s->req.sb.data,
	                     s->req.sb.size, sk);
	memset(&f, 0, sizeof f);
	mp_buf_reset(&s->out);
	rc = exec_command(s->t, s->id, (const uint8_t *)s->req.sb.data,
	                  s->req.sb.size, sig, s->now, origin, &s->out.pk, NULL,
	                  &f);
	if (rc != 0)
		fprintf(stderr, "laureld: demo: %s: %s%s%s\n", action,
		        f.field ? f.field : "", f.field ? ": " : "", f.reason);
	return rc;
}

/* ---- parameters --------------------------------------------------------- */

/* Text of len bytes ('s') or bytes ('x'). */
static void p_add(struct params *p, const char *key, char type,
                  const void *v, size_t len)
{
	if (p->n == PARAMS_MAX)
		return;
	p->kv[p->n].key = key;
	p->kv[p->n].type = type;
	p->kv[p->n].s = v;
	p->kv[p->n].len = len;
	p->n++;
}

/* A string parameter; none when v is NULL. */
static void p_str(struct params *p, const char *key, const char *v)
{
	if (v != NULL)
		p_add(p, key, 's', v, strlen(v));
}

/* Integers and dates (days since 1970-01-01, as the wire carries them). */
static void p_int(struct params *p, const char *key, int64_t v)
{
	if (p->n == PARAMS_MAX)
		return;
	p->kv[p->n].key = key;
	p->kv[p->n].type = 'i';
	p->kv[p->n].i = v;
	p->n++;
}

static void p_true(struct params *p, const char *key)
{
	p_int(p, key, 1);
	p->kv[p->n - 1].type = 'b';
}

/* Sends action with params, signed by the account of staff member who. */
static int act(struct demo *d, size_t who, const char *action,
                const struct params *p)
{
	mp_buf b;
	int rc;

	if (who >= d->nstaff || d->uid[who] == 0) {
		fprintf(stderr, "laureld: demo: %s: staff %zu has no account\n",
		        action, who);
		return LRL_EINVAL;
	}
	mp_buf_init(&b);
	msgpack_pack_map(&b.pk, (uint32_t)p->n);
	for (size_t k = 0; k < p->n; k++) {
		mp_pack_str(&b.pk, p->kv[k].key);
		switch (p->kv[k].type) {
		case 's':
			mp_pack_strn(&b.pk, p->kv[k].s, p->kv[k].len);
			break;
		case 'x':
			mp_pack_bin(&b.pk, p->kv[k].s, p->kv[k].len);
			break;
		case 'b':
			msgpack_pack_true(&b.pk);
			break;
		default:
			msgpack_pack_int64(&b.pk, p->kv[k].i);
			break;
		}
	}
	rc = run(&d->s, d->uid[who], d->sk + who * LRL_SK_LEN, action, &b);
	mp_buf_free(&b);
	return rc;
}

/* ---- people and accounts ------------------------------------------------ */

/* The staff index of a demo account: the head of its unit, or a member. */
static size_t account_staff(const struct demo_account *a, size_t nstaff)
{
	size_t tchc = 12, khambenh = 1; /* positions in the unit list */

	if (!strcmp(a->login, "giamdoc"))
		return demo_staff_index(0, 0, nstaff);
	if (!strcmp(a->login, "phogiamdoc"))
		return demo_staff_index(0, 1, nstaff);
	if (!strcmp(a->login, "thuky"))
		return demo_staff_index(tchc, 0, nstaff);
	if (!strcmp(a->login, "quantri"))
		return demo_staff_index(tchc, 2, nstaff);
	if (!strcmp(a->login, "truongkhoa"))
		return demo_staff_index(khambenh, 0, nstaff);
	return demo_staff_index(khambenh, 3, nstaff);
}

static const char *staff_code(const struct demo *d, size_t i, char *buf,
                              size_t n)
{
	struct demo_person p;

	demo_person(d->seed, i, d->nstaff, &p);
	snprintf(buf, n, "%s", p.code);
	return buf;
}

static const char *unit_code(const struct demo *d, size_t u, char *buf,
                             size_t n)
{
	struct demo_unit du;

	demo_unit(u, d->nstaff, &du);
	snprintf(buf, n, "%s", du.code);
	return buf;
}

/*
 * Creates the account login for staff member i, as the administrator
 * would (a temporary password), then as its owner would (the change to
 * the demo password), and links it to the staff record.  The account's
 * secret key is kept for the commands it signs later.
 */
static int account(struct demo *d, size_t i, const char *login)
{
	const char *temp = "temporary-demo-0";
	struct demo_person who;
	struct params p = {0};
	struct user_rec u;
	uint8_t salt[LRL_SALT_LEN], pk[LRL_PK_LEN];
	unsigned char *tsk = sodium_malloc(LRL_SK_LEN);
	mp_buf b;
	int rc;

	if (tsk == NULL)
		return LRL_ENOMEM;
	mp_buf_init(&b);
	demo_person(d->seed, i, d->nstaff, &who);
	randombytes_buf(salt, sizeof salt);
	if ((rc = keys_derive(temp, strlen(temp), salt, d->s.id->kdf_ops,
	                      d->s.id->kdf_mem, pk, tsk)) != 0)
		goto out;
	p_str(&p, "login", login);
	p_str(&p, "full-name", who.full_name);
	p_add(&p, "salt", 'x', salt, sizeof salt);
	p_add(&p, "pk", 'x', pk, sizeof pk);
	p_int(&p, "ops", (int64_t)d->s.id->kdf_ops);
	p_int(&p, "mem", (int64_t)d->s.id->kdf_mem);
	if ((rc = act(d, d->admin, "user.add", &p)) != 0 ||
	    (rc = users_find(d->s.t, login, strlen(login), &u)) != 0)
		goto out;
	/* The owner's first login: the change to the demo password. */
	if ((rc = keys_rotation(DEMO_PASSWORD, d->s.id->server_id, u.id,
	                        d->s.id->kdf_ops, d->s.id->kdf_mem, &b.pk, pk,
	                        d->sk + i * LRL_SK_LEN)) != 0 ||
	    (rc = run(&d->s, u.id, tsk, "user.passwd", &b)) != 0)
		goto out;
	d->uid[i] = u.id;
	memset(&p, 0, sizeof p);
	p_str(&p, "code", who.code);
	p_str(&p, "login", login);
	rc = act(d, d->admin, "staff.edit", &p);
out:
	sodium_free(tsk);
	mp_buf_free(&b);
	return rc;
}

static int grant(struct demo *d, const char *login, const char *role,
                 const char *unit)
{
	struct params p = {0};

	p_str(&p, "login", login);
	p_str(&p, "role", role);
	p_str(&p, "unit", unit);
	return act(d, d->admin, "user.grant", &p);
}

static void pack_date(msgpack_packer *pk, int32_t d)
{
	char buf[16];

	date_format(d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

/* Units and staff (the personnel office's import). */
static int fill_roster(struct demo *d)
{
	size_t nunits = demo_unit_count(d->nstaff);
	mp_buf b;
	int rc = 0;

	for (size_t i = 0; i < nunits && rc == 0; i++) {
		struct demo_unit u;
		struct params p = {0};
		demo_unit(i, d->nstaff, &u);
		p_str(&p, "code", u.code);
		p_str(&p, "name", u.name);
		p_str(&p, "kind", u.kind);
		p_str(&p, "parent", u.parent);
		rc = act(d, d->admin, "unit.add", &p);
	}
	mp_buf_init(&b);
	for (size_t from = 0; from < d->nstaff && rc == 0; from += IMPORT_CHUNK) {
		size_t to = from + IMPORT_CHUNK < d->nstaff ? from + IMPORT_CHUNK
		                                            : d->nstaff;
		static const char *const hdr[] = {
			"Mã nhân viên", "Họ và tên", "Giới tính", "Ngày sinh",
			"Mã đơn vị", "Chức vụ", "Chức danh", "Loại", "Ngày vào làm"};
		mp_buf_reset(&b);
		msgpack_pack_map(&b.pk, 1);
		mp_pack_str(&b.pk, "file");
		msgpack_pack_array(&b.pk, (uint32_t)(to - from + 1));
		msgpack_pack_array(&b.pk, 10);
		msgpack_pack_uint32(&b.pk, 1);
		for (size_t h = 0; h < 9; h++)
			mp_pack_str(&b.pk, hdr[h]);
		for (size_t i = from; i < to; i++) {
			struct demo_person p;
			demo_person(d->seed, i, d->nstaff, &p);
			msgpack_pack_array(&b.pk, 10);
			msgpack_pack_uint64(&b.pk, i - from + 2);
			mp_pack_str(&b.pk, p.code);
			mp_pack_str(&b.pk, p.full_name);
			mp_pack_str(&b.pk, p.sex);
			pack_date(&b.pk, p.birth);
			mp_pack_str(&b.pk, p.unit);
			mp_pack_str(&b.pk, p.position);
			mp_pack_str(&b.pk, p.job_title);
			mp_pack_str(&b.pk, p.category);
			pack_date(&b.pk, p.start);
		}
		rc = run(&d->s, d->uid[d->admin], d->sk + d->admin * LRL_SK_LEN,
		         "staff.import", &b);
	}
	mp_buf_free(&b);
	return rc;
}

/* The six demo accounts, one per role. */
static int fill_accounts(struct demo *d)
{
	for (const struct demo_account *a = demo_accounts; a->login; a++) {
		size_t i = account_staff(a, d->nstaff);
		const char *roles[2] = {a->role, a->role2};
		struct demo_person who;
		int rc;

		if (i == d->admin) {
			/* The store's first account: only its staff record. */
			struct params p = {0};
			demo_person(d->seed, i, d->nstaff, &who);
			p_str(&p, "code", who.code);
			p_str(&p, "login", a->login);
			if ((rc = act(d, d->admin, "staff.edit", &p)) != 0)
				return rc;
			continue;
		}
		if ((rc = account(d, i, a->login)) != 0)
			return rc;
		for (int r = 0; r < 2; r++)
			if (roles[r] && strcmp(roles[r], "admin") != 0 &&
			    (rc = grant(d, a->login, roles[r],
			                !strcmp(roles[r], "head") ? a->unit
			                                          : NULL)) != 0)
				return rc;
	}
	return 0;
}

/* ---- the year -------------------------------------------------------------- */

/* Person i's year as the generator decides it, with the demo accounts'
 * own parts: nhanvien, rated HTTNV and proposed for LĐTT, has a pledge
 * waiting for the head, and quantri does not accept their own. */
static void person_year(const struct demo *d, size_t i,
                        struct demo_year_person *p)
{
	demo_year_person(d->seed, i, d->nstaff, d->year, p);
	if (!p->takes_part)
		return;
	if (d->uid[i])
		p->account = 1;
	if (i == d->nhanvien) {
		p->pledge = DEMO_PLEDGE_SUBMITTED;
		p->rating = "HTTNV";
		memset(p->nominate, 0, sizeof p->nominate);
		p->nominate[0] = "LDTT";
	}
	if (i == d->admin && p->pledge == DEMO_PLEDGE_ACCEPTED)
		p->pledge = DEMO_PLEDGE_ENDORSED;
}

/* Who acts for staff member i as their head: the head of the unit, the
 * deputy for the head themselves, the administrator for the board (and
 * where the unit has no deputy). */
static size_t head_of(const struct demo *d, size_t i)
{
	size_t u = demo_unit_of(i, d->nstaff);
	size_t head = demo_staff_index(u, 0, d->nstaff);
	size_t deputy = demo_staff_index(u, 1, d->nstaff);

	if (u == 0)
		return d->admin;
	if (i != head)
		return head;
	return deputy < d->nstaff ? deputy : d->admin;
}

/* The date, or today if it has not come yet: decisions the demo cites are
 * never in the future. */
static int32_t by_today(const struct demo *d, int32_t date)
{
	return date < d->today ? date : d->today;
}

/* The units that have a year (demo.h). */
static size_t year_units(const struct demo *d)
{
	size_t n = demo_unit_count(d->nstaff);

	return n < DEMO_YEAR_UNITS ? n : DEMO_YEAR_UNITS;
}

/* Calls fn for every person who takes part in the year, unit by unit
 * (the board first), in rank order. */
static int each_person(struct demo *d,
                       int (*fn)(struct demo *d, size_t i,
                                 const struct demo_year_person *p))
{
	struct demo_year_person *p = malloc(sizeof *p);
	int rc = 0;

	if (p == NULL)
		return LRL_ENOMEM;
	for (size_t u = 0; u < year_units(d) && rc == 0; u++)
		for (size_t r = 0; rc == 0; r++) {
			size_t i = demo_staff_index(u, r, d->nstaff);
			if (i >= d->nstaff)
				break;
			person_year(d, i, p);
			if (p->takes_part)
				rc = fn(d, i, p);
		}
	free(p);
	return rc;
}

/* The personnel office opens the year with the built-in rulebook; the
 * director launches the movements. */
static int open_year(struct demo *d)
{
	struct demo_plan plan;
	struct params p = {0};
	int rc;

	p_str(&p, "version", BUILTIN_RULEBOOK_VERSION);
	p_add(&p, "file", 's', builtin_rulebook, builtin_rulebook_len);
	if ((rc = act(d, d->admin, "rulebook.load", &p)) != 0)
		return rc;
	demo_plan(d->year, &plan);
	memset(&p, 0, sizeof p);
	p_int(&p, "year", d->year);
	p_str(&p, "rulebook", BUILTIN_RULEBOOK_VERSION);
	p_int(&p, "registration", plan.registration);
	p_int(&p, "six-month-report", plan.six_month);
	p_int(&p, "annual-report", plan.annual);
	p_int(&p, "ratings", plan.ratings);
	p_int(&p, "exemplar-day", plan.exemplar_day);
	p_int(&p, "target-ldtt", plan.target_ldtt);
	p_int(&p, "target-cstdcs", plan.target_cstdcs);
	p_int(&p, "target-gk-units", plan.target_gk_units);
	p_int(&p, "target-gk-people", plan.target_gk_people);
	if ((rc = act(d, d->admin, "year.open", &p)) != 0)
		return rc;
	for (size_t k = 0; k < demo_movement_count(); k++) {
		struct demo_movement m;
		demo_movement(k, d->year, &m);
		memset(&p, 0, sizeof p);
		p_str(&p, "code", m.code);
		p_int(&p, "year", d->year);
		p_str(&p, "name", m.name);
		p_str(&p, "kind", m.kind);
		p_int(&p, "from", m.from);
		p_int(&p, "to", m.to);
		p_str(&p, "areas", m.areas);
		if ((rc = act(d, demo_staff_index(0, 0, d->nstaff), "movement.add",
		               &p)) != 0)
			return rc;
	}
	/* The demo is made on the server's date: when the registration
	 * deadline has passed, the personnel office reopens it for the whole
	 * hospital until the year's end (pledges are then marked late). */
	if (d->today > plan.registration) {
		char code[LRL_CODE_MAX + 1];
		memset(&p, 0, sizeof p);
		p_int(&p, "year", d->year);
		p_str(&p, "unit", unit_code(d, 0, code, sizeof code));
		p_int(&p, "until", date_from_ymd(d->year, 12, 31));
		if ((rc = act(d, d->admin, "year.reopen", &p)) != 0)
			return rc;
	}
	return 0;
}

static int staff_account(struct demo *d, size_t i,
                         const struct demo_year_person *p)
{
	char login[LRL_CODE_MAX + 1];

	if (!p->account || d->uid[i])
		return 0;
	staff_code(d, i, login, sizeof login);
	for (char *c = login; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return account(d, i, login);
}

/* Accounts for the year's people; heads and their deputies (delegated)
 * get the head role for their unit. */
static int year_accounts(struct demo *d)
{
	int rc;

	if ((rc = each_person(d, staff_account)) != 0)
		return rc;
	for (size_t u = 1; u < year_units(d); u++)
		for (size_t r = 0; r < 2; r++) {
			size_t i = demo_staff_index(u, r, d->nstaff);
			char code[LRL_CODE_MAX + 1];
			struct unit_rec ur;
			struct user_rec acc;
			if (i >= d->nstaff || d->uid[i] == 0)
				continue;
			unit_code(d, u, code, sizeof code);
			if ((rc = users_get(d->s.t, d->uid[i], &acc)) != 0 ||
			    (rc = unit_find(d->s.t, code, strlen(code), &ur)) != 0)
				return rc;
			if (users_has_role(&acc, LRL_ROLE_HEAD, ur.id))
				continue;
			if ((rc = grant(d, acc.login, "head", code)) != 0)
				return rc;
		}
	return 0;
}

/* Collective pledges: the heads for their units, the personnel office
 * for the hospital itself. */
static int unit_pledges(struct demo *d)
{
	for (size_t u = 0; u < year_units(d); u++) {
		struct demo_year_unit y;
		struct params p = {0};
		char code[LRL_CODE_MAX + 1], ex[2][LRL_CODE_MAX + 1];
		char exemplars[2 * LRL_CODE_MAX + 4];
		size_t head = demo_staff_index(u, 0, d->nstaff);
		int rc;

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		if (!y.takes_part || y.pledge_title == NULL)
			continue;
		p_int(&p, "year", d->year);
		p_str(&p, "unit", unit_code(d, u, code, sizeof code));
		p_str(&p, "title", y.pledge_title);
		p_str(&p, "model", y.model);
		if (y.exemplars[0] < d->nstaff && y.exemplars[1] < d->nstaff) {
			snprintf(exemplars, sizeof exemplars, "%s, %s",
			         staff_code(d, y.exemplars[0], ex[0], sizeof ex[0]),
			         staff_code(d, y.exemplars[1], ex[1], sizeof ex[1]));
			p_str(&p, "exemplars", exemplars);
		}
		p_str(&p, "commitments", y.commitments);
		if ((rc = act(d, u == 0 || head >= d->nstaff || !d->uid[head]
		                          ? d->admin
		                          : head,
		               "unit.pledge", &p)) != 0)
			return rc;
	}
	return 0;
}

/* Each person's own pledge: a draft, or submitted. */
static int pledge(struct demo *d, size_t i, const struct demo_year_person *y)
{
	struct params p = {0};

	d->counts[y->pledge]++;
	if (y->pledge == DEMO_PLEDGE_NONE)
		return 0;
	p_int(&p, "year", d->year);
	p_str(&p, "title", y->pledge_title);
	p_str(&p, "commitments", y->commitments);
	return act(d, i, y->pledge == DEMO_PLEDGE_DRAFT ? "pledge.save"
	                                                 : "pledge.submit",
	            &p);
}

/* Who endorses staff member i's pledge: their head, and for the board
 * the director; nobody for the director (SIZE_MAX), whose pledge the
 * personnel office accepts as submitted. */
static size_t endorser_of(const struct demo *d, size_t i)
{
	if (demo_unit_of(i, d->nstaff) != 0)
		return head_of(d, i);
	return i == 0 ? SIZE_MAX : 0;
}

/* The head (or the director) endorses or returns it. */
static int endorse(struct demo *d, size_t i, const struct demo_year_person *y)
{
	struct params p = {0};
	char code[LRL_CODE_MAX + 1];
	size_t head = endorser_of(d, i);

	if (y->pledge < DEMO_PLEDGE_ENDORSED || head == SIZE_MAX)
		return 0;
	p_int(&p, "year", d->year);
	p_str(&p, "staff", staff_code(d, i, code, sizeof code));
	if (y->pledge == DEMO_PLEDGE_RETURNED) {
		p_str(&p, "reason", y->returned);
		return act(d, head, "pledge.return", &p);
	}
	return act(d, head, "pledge.endorse", &p);
}

/* The personnel office accepts the endorsed ones. */
static int accept_pledge(struct demo *d, size_t i, const struct demo_year_person *y)
{
	struct params p = {0};
	char code[LRL_CODE_MAX + 1];

	if (y->pledge != DEMO_PLEDGE_ACCEPTED)
		return 0;
	p_int(&p, "year", d->year);
	p_str(&p, "staff", staff_code(d, i, code, sizeof code));
	return act(d, d->admin, "pledge.accept", &p);
}

static const char *const work_kinds[] = {"", "initiative", "research",
                                         "model"};
static const char *const work_prefixes[] = {"", "SK", "DT", "MH"};

/* Registers a work (its author, or the head for a unit's model) and, when
 * decided, records the decision; returns the code given in code. */
static int work(struct demo *d, size_t by, const struct demo_work *w,
                const char *author, const char *unit, char *code, size_t n)
{
	struct demo_decision dec;
	struct params p = {0};
	int rc;

	p_int(&p, "year", d->year);
	p_str(&p, "kind", work_kinds[w->kind]);
	p_str(&p, "name", w->name);
	p_str(&p, "authors", author);
	p_str(&p, "unit", unit);
	p_str(&p, "summary", w->summary);
	if ((rc = act(d, by, "work.add", &p)) != 0)
		return rc;
	/* Codes are given in order, per kind and year. */
	snprintf(code, n, "%s-%d-%03u", work_prefixes[w->kind], d->year,
	         ++d->nworks[w->kind]);
	if (w->fate == DEMO_FATE_PENDING)
		return 0;
	demo_decision(d->year, w->fate == DEMO_FATE_PROVINCE
	                               ? DEMO_DEC_WORKS_PROVINCE
	                               : DEMO_DEC_WORKS,
	              &dec);
	memset(&p, 0, sizeof p);
	p_str(&p, "code", code);
	p_str(&p, "result", w->fate == DEMO_FATE_REJECTED ? "not-recognised"
	                                                   : "recognised");
	if (w->fate != DEMO_FATE_REJECTED)
		p_str(&p, "scope", w->fate == DEMO_FATE_PROVINCE ? "province"
		                                                  : "hospital");
	p_str(&p, "decision", dec.number);
	p_int(&p, "date", by_today(d, dec.date));
	if (w->fate == DEMO_FATE_REJECTED)
		p_str(&p, "note", "Chưa chứng minh được hiệu quả áp dụng; đề nghị "
		                  "tiếp tục theo dõi.");
	return act(d, d->admin, "work.recognise", &p);
}

/* The year's initiatives and topics, registered by their authors (by
 * the personnel office for those without an account), then the units'
 * models, registered by their heads. */
static int works(struct demo *d)
{
	int rc;

	for (size_t k = 0; k < demo_work_count(d->nstaff); k++) {
		struct demo_work w;
		char author[LRL_CODE_MAX + 1], code[LRL_CODE_MAX + 1];

		demo_work(d->seed, k, d->nstaff, d->year, &w);
		staff_code(d, w.author, author, sizeof author);
		if ((rc = work(d, d->uid[w.author] ? w.author : d->admin, &w,
		               author, NULL, code, sizeof code)) != 0)
			return rc;
		if (w.fate == DEMO_FATE_HOSPITAL || w.fate == DEMO_FATE_PROVINCE)
			snprintf(d->work[w.author], sizeof d->work[w.author], "%s",
			         code);
	}
	for (size_t u = 1; u < year_units(d); u++) {
		struct demo_year_unit y;
		struct demo_work w;
		char ucode[LRL_CODE_MAX + 1], code[LRL_CODE_MAX + 1];
		size_t head = demo_staff_index(u, 0, d->nstaff);

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		if (!y.model_work || head >= d->nstaff || !d->uid[head])
			continue;
		memset(&w, 0, sizeof w);
		w.kind = DEMO_WORK_MODEL;
		w.name = y.model;
		w.summary = y.commitments;
		w.fate = y.model_fate;
		if ((rc = work(d, head, &w, NULL, unit_code(d, u, ucode,
		                                             sizeof ucode),
		               code, sizeof code)) != 0)
			return rc;
	}
	return 0;
}

/* Titles held in the two previous years, from the paper decisions the
 * personnel office keeps. */
static int past_award(struct demo *d, int year, const char *title,
                      const char *staff, const char *unit)
{
	struct demo_decision dec;
	struct params p = {0};

	demo_decision(year, unit ? DEMO_DEC_UNITS : DEMO_DEC_PERSONS, &dec);
	p_int(&p, "year", year);
	p_str(&p, "title", title);
	p_str(&p, "staff", staff);
	p_str(&p, "unit", unit);
	p_str(&p, "decision", dec.number);
	p_int(&p, "date", dec.date);
	return act(d, d->admin, "award.add", &p);
}

static int person_awards(struct demo *d, size_t i,
                         const struct demo_year_person *y)
{
	char code[LRL_CODE_MAX + 1];
	int rc;

	staff_code(d, i, code, sizeof code);
	for (int k = 1; k >= 0; k--) {
		if (y->held_ldtt[k] &&
		    (rc = past_award(d, d->year - 1 - k, "LDTT", code, NULL)) != 0)
			return rc;
		if (y->held_cstdcs[k] &&
		    (rc = past_award(d, d->year - 1 - k, "CSTDCS", code, NULL)) != 0)
			return rc;
	}
	return 0;
}

static int awards(struct demo *d)
{
	int rc;

	if ((rc = each_person(d, person_awards)) != 0)
		return rc;
	for (size_t u = 1; u < year_units(d); u++) {
		struct demo_year_unit y;
		char code[LRL_CODE_MAX + 1];

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		unit_code(d, u, code, sizeof code);
		for (int k = 1; k >= 0; k--)
			if (y.held[k] && (rc = past_award(d, d->year - 1 - k, y.held[k],
			                                  NULL, code)) != 0)
				return rc;
	}
	return 0;
}

/* Ratings and disciplines, by the heads. */
static int rate(struct demo *d, size_t i, const struct demo_year_person *y)
{
	struct params p = {0};
	char code[LRL_CODE_MAX + 1];
	int rc;

	staff_code(d, i, code, sizeof code);
	if (y->rating) {
		p_int(&p, "year", d->year);
		p_str(&p, "staff", code);
		p_str(&p, "rating", y->rating);
		if (y->months < 12)
			p_int(&p, "months", y->months);
		if ((rc = act(d, head_of(d, i), "rating.set", &p)) != 0)
			return rc;
		d->nratings++;
	}
	if (y->discipline == NULL)
		return 0;
	memset(&p, 0, sizeof p);
	p_int(&p, "year", d->year);
	p_str(&p, "staff", code);
	p_str(&p, "level", y->discipline);
	p_int(&p, "from", by_today(d, y->discipline_from));
	p_int(&p, "to", y->discipline_to);
	p_str(&p, "reason", y->discipline_reason);
	return act(d, head_of(d, i), "discipline.add", &p);
}

static int ratings(struct demo *d)
{
	int rc;

	if ((rc = each_person(d, rate)) != 0)
		return rc;
	for (size_t u = 0; u < year_units(d); u++) {
		struct demo_year_unit y;
		struct params p = {0};
		char code[LRL_CODE_MAX + 1];

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		if (y.rating == NULL)
			continue;
		p_int(&p, "year", d->year);
		p_str(&p, "unit", unit_code(d, u, code, sizeof code));
		p_str(&p, "rating", y.rating);
		if ((rc = act(d, d->admin, "rating.unit", &p)) != 0)
			return rc;
	}
	return 0;
}

/* Titles that need an achievement report (the rulebook's "report yes"). */
static int needs_report(const char *title)
{
	return !strcmp(title, "CSTDCS") || !strcmp(title, "CSTDT") ||
	       !strcmp(title, "BK") || !strcmp(title, "TTLDXS");
}

/* Proposes title for a person (staff) or a unit, signed by `by`; the
 * report, when given, follows. */
static int propose(struct demo *d, size_t by, const char *title,
                   const char *staff, const char *unit, const char *flag,
                   const char *basis, const char *reason,
                   const struct demo_report *rep)
{
	struct params p = {0};
	char code[LRL_CODE_MAX + 1];
	int rc;

	p_int(&p, "year", d->year);
	p_str(&p, "title", title);
	p_str(&p, "staff", staff);
	p_str(&p, "unit", unit);
	if (flag)
		p_true(&p, flag);
	p_str(&p, "basis", basis);
	p_str(&p, "reason", reason);
	if ((rc = act(d, by, "nomination.add", &p)) != 0)
		return rc;
	d->nnominated++;
	snprintf(code, sizeof code, "DN-%d-%03u", d->year, ++d->nnominations);
	if (rep == NULL)
		return 0;
	memset(&p, 0, sizeof p);
	p_str(&p, "nomination", code);
	p_str(&p, "hometown", rep->hometown);
	p_str(&p, "qualifications", rep->qualifications);
	p_str(&p, "duties", rep->duties);
	p_str(&p, "results", rep->results);
	return act(d, by, "nomination.report", &p);
}

static int nominate(struct demo *d, size_t i, const struct demo_year_person *y)
{
	struct demo_report rep;
	char code[LRL_CODE_MAX + 1];
	int province = 0;
	int rc;

	staff_code(d, i, code, sizeof code);
	demo_report(d->seed, i, d->nstaff, d->year, &rep);
	for (size_t k = 0; y->nominate[k]; k++)
		province |= !strcmp(y->nominate[k], "CSTDT");
	for (size_t k = 0; y->nominate[k]; k++) {
		const char *t = y->nominate[k], *flag = NULL, *reason = NULL;
		const char *basis = NULL;
		if (!strcmp(t, "GK")) {
			flag = y->ad_hoc ? "ad-hoc" : "movement";
			reason = y->ad_hoc
			         ? "Kịp thời cấp cứu thành công người bệnh ngừng tuần "
			           "hoàn tại sảnh chờ."
			         : "Có thành tích xuất sắc trong phong trào thi đua "
			           "đổi mới, sáng tạo.";
		}
		/* An initiative is the basis of one award only: CSTĐCS rests
		 * on it, unless CSTĐ cấp tỉnh (which counts it too) is
		 * proposed as well. */
		if (d->work[i][0] && !province && !strcmp(t, "CSTDCS"))
			basis = d->work[i];
		if ((rc = propose(d, head_of(d, i), t, code, NULL, flag, basis,
		                  reason,
		                  needs_report(t) && y->report ? &rep : NULL)) != 0)
			return rc;
	}
	if (y->complaint) {
		struct params p = {0};
		p_str(&p, "kind", "complaint");
		p_str(&p, "staff", code);
		p_str(&p, "note", "Đơn của người nhà người bệnh phản ánh thái độ "
		                  "phục vụ; Phòng Tổ chức – Hành chính đang xác minh.");
		return act(d, d->admin, "matter.open", &p);
	}
	return 0;
}

static int nominations(struct demo *d)
{
	int rc;

	if ((rc = each_person(d, nominate)) != 0)
		return rc;
	/* Each head proposes the unit's collective title and Giấy khen. */
	for (size_t u = 1; u < year_units(d); u++) {
		struct demo_year_unit y;
		struct demo_report rep;
		char code[LRL_CODE_MAX + 1];
		size_t head = demo_staff_index(u, 0, d->nstaff);

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		if (head >= d->nstaff || !d->uid[head])
			continue;
		unit_code(d, u, code, sizeof code);
		demo_unit_report(d->seed, u, d->nstaff, d->year, &rep);
		if (y.nominate &&
		    (rc = propose(d, head, y.nominate, NULL, code, NULL, NULL, NULL,
		                  needs_report(y.nominate) ? &rep : NULL)) != 0)
			return rc;
		if (y.gk && (rc = propose(d, head, "GK", NULL, code, "movement",
		                          NULL, "Dẫn đầu khối trong phong trào thi "
		                                "đua đổi mới, sáng tạo.",
		                          NULL)) != 0)
			return rc;
	}
	return 0;
}

/* Appends code to a comma-separated list held in buf (size n). */
static void list_add(char *buf, size_t n, const char *code)
{
	size_t used = strlen(buf);

	snprintf(buf + used, n - used, "%s%s", used ? "," : "", code);
}

/* The personnel office pays into the year's fund; the director signs a
 * decision for some of the eligible nominations (nhanvien's among them,
 * so the staff account's record shows a title); a second draft is
 * published to all staff and nhanvien complains about one recipient; the
 * honours the province decides go in a forwarded dossier. */
static int decisions(struct demo *d)
{
	enum { SIGNED = 12, PUBLISHED = 4, FORWARDED = 4 };
	char sig[512] = "", pub[256] = "", fwd[256] = "", first_pub[32] = "";
	size_t director = account_staff(&(struct demo_account){.login = "giamdoc"},
	                                d->nstaff);
	size_t ns = 0, np = 0, nf = 0;
	struct rulebook *rb = NULL;
	struct staff_rec nv;
	struct year_rec y;
	struct lrl_fail f;
	char nvcode[LRL_CODE_MAX + 1], code[LRL_CODE_MAX + 1];
	struct params p = {0};
	int rc;

	staff_code(d, d->nhanvien, nvcode, sizeof nvcode);
	if (staff_find(d->s.t, nvcode, strlen(nvcode), &nv) != 0)
		nv.id = 0;
	if ((rc = year_get(d->s.t, d->year, &y)) != 0 ||
	    (rc = rules_load(d->s.t, y.rulebook, &rb, &f)) != 0)
		return rc;
	for (unsigned k = 1; k <= d->nnominations; k++) {
		struct nomination_info ni;
		const struct rulebook_title *ti;
		snprintf(code, sizeof code, "DN-%d-%03u", d->year, k);
		if (nomination_info(d->s.t, rb, code, strlen(code), &ni) != 0 ||
		    !ni.eligible || (ti = rulebook_title_find(rb, ni.title)) == NULL)
			continue;
		if (ti->decided == RB_DECIDED_FORWARDED) {
			if (nf < FORWARDED && ni.has_report)
				list_add(fwd, sizeof fwd, code), nf++;
		} else if (ns < SIGNED || (ni.kind == 'S' && ni.id == nv.id)) {
			list_add(sig, sizeof sig, code), ns++;
		}
	}
	/* The published draft: people of the last units, whom the signed
	 * decision does not concern. */
	for (unsigned k = d->nnominations; k > 0 && np < PUBLISHED; k--) {
		struct nomination_info ni;
		const struct rulebook_title *ti;
		snprintf(code, sizeof code, "DN-%d-%03u", d->year, k);
		if (nomination_info(d->s.t, rb, code, strlen(code), &ni) != 0 ||
		    !ni.eligible || ni.kind != 'S' ||
		    (ti = rulebook_title_find(rb, ni.title)) == NULL ||
		    ti->decided == RB_DECIDED_FORWARDED || strstr(fwd, code))
			continue;
		if (!np)
			snprintf(first_pub, sizeof first_pub, "%s", code);
		list_add(pub, sizeof pub, code), np++;
	}
	rulebook_free(rb);
	p_int(&p, "year", d->year);
	p_int(&p, "amount", 300000000);
	p_int(&p, "date", by_today(d, date_from_ymd(d->year, 1, 15)));
	p_str(&p, "source", "Trích lập từ nguồn thu hoạt động sự nghiệp");
	if ((rc = act(d, d->admin, "fund.deposit", &p)) != 0)
		return rc;
	if (ns) {
		memset(&p, 0, sizeof p);
		p_int(&p, "year", d->year);
		p_str(&p, "nominations", sig);
		if ((rc = act(d, director, "decision.add", &p)) != 0)
			return rc;
		memset(&p, 0, sizeof p);
		snprintf(code, sizeof code, "QD-%d-001", d->year);
		p_str(&p, "decision", code);
		if ((rc = act(d, director, "decision.sign", &p)) != 0)
			return rc;
	}
	if (np) {
		memset(&p, 0, sizeof p);
		p_int(&p, "year", d->year);
		p_str(&p, "nominations", pub);
		if ((rc = act(d, d->admin, "decision.add", &p)) != 0)
			return rc;
		memset(&p, 0, sizeof p);
		snprintf(code, sizeof code, "QD-%d-%03d", d->year, ns ? 2 : 1);
		p_str(&p, "decision", code);
		p_int(&p, "until", d->today + 10);
		if ((rc = act(d, d->admin, "decision.publish", &p)) != 0)
			return rc;
		memset(&p, 0, sizeof p);
		p_str(&p, "decision", code);
		p_str(&p, "nomination", first_pub);
		p_str(&p, "text", "Đề nghị xem xét lại: trong năm còn để người "
		                  "bệnh phản ánh về thời gian chờ khám.");
		if ((rc = act(d, d->nhanvien, "complaint.file", &p)) != 0)
			return rc;
	}
	if (nf) {
		memset(&p, 0, sizeof p);
		p_int(&p, "year", d->year);
		p_str(&p, "nominations", fwd);
		p_str(&p, "memo", "25/TTr-BV");
		p_int(&p, "date", d->today);
		if ((rc = act(d, d->admin, "dossier.add", &p)) != 0)
			return rc;
	}
	return 0;
}

/* Exemplars at every stage across the units (their heads find and nurture
 * them, the personnel office summarises, replicates or drops them),
 * publicity, the models' plans and evaluations, one honouring event, the
 * submission of an earlier month and one collective introduced to the
 * cluster.  A unit in four names a single individual, so the targets show
 * shortfalls. */
static int exemplars(struct demo *d)
{
	static const char *const fields[] = {
		"quality-of-care", "medical-ethics", "digital-transformation",
		"research", "prevention", "administrative-reform", "charity"};
	static const char *const achievements[] = {
		"Tháng 3/%d: rút ngắn thời gian chờ khám trung bình từ 45 xuống 28 "
		"phút.\nTháng 6/%d: không có phản ánh của người bệnh về thái độ "
		"phục vụ.",
		"Năm %d: tận tụy với người bệnh, nhiều lần được người bệnh và gia "
		"đình gửi thư cảm ơn; từ chối nhận quà biếu.",
		"Quý II/%d: đưa bệnh án điện tử vào sử dụng toàn khoa; giảm 70%% "
		"hồ sơ giấy.",
		"Năm %d: chủ nhiệm đề tài cấp cơ sở, hai sáng kiến được công nhận.",
		"Tháng 4/%d: tổ chức tiêm chủng và truyền thông phòng bệnh cho "
		"1.200 lượt người.",
		"Năm %d: một cửa liên thông, trả kết quả đúng hẹn 100%%.",
		"Năm %d: vận động 150 triệu đồng và 300 suất quà cho người bệnh "
		"nghèo."};
	char text[512], code[LRL_CODE_MAX + 1], ucode[LRL_CODE_MAX + 1];
	char sc[LRL_CODE_MAX + 1], honoured[4 * (LRL_CODE_MAX + 2)] = "";
	unsigned n = 0, first_summarised = 0, collective = 0;
	struct demo_movement mv;
	int rc, ty, tm, td;

	date_to_ymd(d->today, &ty, &tm, &td);
	demo_movement(0, d->year, &mv);
	for (size_t u = 1; u < year_units(d); u++) {
		struct demo_year_unit y;
		size_t head = demo_staff_index(u, 0, d->nstaff);
		size_t by = head < d->nstaff && d->uid[head] ? head : d->admin;
		const char *field = fields[u % 7];

		demo_year_unit(d->seed, u, d->nstaff, d->year, &y);
		if (!y.takes_part)
			continue;
		unit_code(d, u, ucode, sizeof ucode);
		/* Most units without a model among their works register one
		 * during the year (plan 001). */
		if (!y.model_work && u % 5 != 2 && y.model) {
			struct params p = {0};
			p_int(&p, "year", d->year);
			p_str(&p, "kind", "model");
			p_str(&p, "name", y.model);
			p_str(&p, "unit", ucode);
			p_str(&p, "summary", y.commitments);
			if ((rc = act(d, by, "work.add", &p)) != 0)
				return rc;
			d->nworks[DEMO_WORK_MODEL]++;
		}
		for (int k = 0; k < 3; k++) {
			struct params p = {0};
			int stage = (int)((u + (size_t)k) % 5);
			/* k 0: the collective; 1, 2: the candidates. */
			if (k == 0 && u % 4 == 3)
				continue;
			if (k > 0 && (y.exemplars[k - 1] >= d->nstaff ||
			              (k == 2 && u % 4 == 3)))
				continue;
			p_int(&p, "year", d->year);
			if (k == 0)
				p_str(&p, "unit", ucode);
			else
				p_str(&p, "staff", staff_code(d, y.exemplars[k - 1],
				                              sc, sizeof sc));
			p_str(&p, "field", k == 0 ? field : fields[(u + (size_t)k) % 7]);
			snprintf(text, sizeof text, achievements[(u + (size_t)k) % 7],
			         d->year, d->year);
			p_str(&p, "achievements", text);
			p_str(&p, "through", mv.code);
			p_int(&p, "found", by_today(d, date_from_ymd(d->year,
			                                             2 + (int)(u % 4), 10)));
			if ((rc = act(d, by, "exemplar.add", &p)) != 0)
				return rc;
			snprintf(code, sizeof code, "DH-%d-%03u", d->year, ++n);
			if (stage >= 1 && stage <= 3) {
				memset(&p, 0, sizeof p);
				p_str(&p, "exemplar", code);
				p_str(&p, "support", stage == 1 ? "mentoring" : "training");
				p_str(&p, "note", stage == 1
				                          ? "Trưởng khoa trực tiếp kèm cặp, "
				                            "giao việc khó để rèn luyện."
				                          : "Cử tham dự lớp tập huấn quản lý "
				                            "chất lượng bệnh viện.");
				if ((rc = act(d, by, "exemplar.nurture", &p)) != 0)
					return rc;
			}
			if (stage >= 2 && stage <= 3) {
				memset(&p, 0, sizeof p);
				p_str(&p, "exemplar", code);
				p_str(&p, "summary", "Kết quả được Hội đồng đánh giá cao: "
				                     "cách làm đơn giản, chi phí thấp, áp "
				                     "dụng được ở các khoa khác.");
				if ((rc = act(d, d->admin, "exemplar.summarise", &p)) != 0)
					return rc;
				if (!first_summarised)
					first_summarised = n;
			}
			if (stage == 3) {
				memset(&p, 0, sizeof p);
				p_str(&p, "exemplar", code);
				p_str(&p, "where", "Khoa Khám bệnh, Khoa Y học cổ truyền");
				if ((rc = act(d, d->admin, "exemplar.replicate", &p)) != 0)
					return rc;
			}
			if (stage == 4 && k > 0) {
				memset(&p, 0, sizeof p);
				p_str(&p, "exemplar", code);
				p_str(&p, "reason", "Chuyển công tác sang đơn vị khác.");
				if ((rc = act(d, d->admin, "exemplar.drop", &p)) != 0)
					return rc;
			}
			if (stage >= 2 && stage <= 3 && n % 2 == 1) {
				memset(&p, 0, sizeof p);
				p_str(&p, "exemplar", code);
				p_str(&p, "kind", n % 4 == 1 ? "website" : "facebook");
				p_int(&p, "date", by_today(d, date_from_ymd(d->year, 6, 15)));
				p_str(&p, "channel", n % 4 == 1 ? "Trang thông tin điện tử "
				                                  "bệnh viện"
				                                : "Fanpage bệnh viện");
				p_str(&p, "title", "Gương người tốt, việc tốt");
				p_str(&p, "link", n % 4 == 1 ? "https://benhvien.example.vn/"
				                               "guong-nguoi-tot"
				                             : "https://www.facebook.com/"
				                               "benhvien.example");
				if ((rc = act(d, d->admin, "exemplar.publicise", &p)) != 0)
					return rc;
			}
			if (k == 0 && stage >= 2 && stage <= 3 && !collective) {
				memset(&p, 0, sizeof p);
				collective = n;
				p_str(&p, "exemplar", code);
				p_int(&p, "date", by_today(d, date_from_ymd(d->year, 9, 20)));
				p_str(&p, "cluster", "Cụm thi đua các bệnh viện tuyến tỉnh");
				if ((rc = act(d, d->admin, "exemplar.introduce", &p)) != 0)
					return rc;
			}
			if (stage >= 1 && stage <= 3 && strlen(honoured) < 3 * LRL_CODE_MAX)
				snprintf(honoured + strlen(honoured),
				         sizeof honoured - strlen(honoured), "%s%s",
				         honoured[0] ? ", " : "", code);
		}
	}
	/* The models: a plan and an evaluation each, the first assessed and
	 * adopted by another unit. */
	for (unsigned k = 1; k <= d->nworks[DEMO_WORK_MODEL]; k++) {
		struct params p = {0};
		snprintf(code, sizeof code, "MH-%d-%03u", d->year, k);
		p_str(&p, "code", code);
		p_str(&p, "plan", "Quý I: khảo sát, xây dựng quy trình.\nQuý II: "
		                  "triển khai thí điểm.\nQuý III: đánh giá, điều "
		                  "chỉnh.\nQuý IV: tổng kết, đề xuất nhân rộng.");
		if ((rc = act(d, d->admin, "model.plan", &p)) != 0)
			return rc;
		memset(&p, 0, sizeof p);
		p_str(&p, "code", code);
		p_int(&p, "date", by_today(d, date_from_ymd(d->year, 6, 30)));
		p_str(&p, "result", "Đạt 80% chỉ tiêu sáu tháng; người bệnh hài "
		                    "lòng 92%.");
		p_str(&p, "evidence", "Báo cáo sơ kết sáu tháng, phiếu khảo sát");
		if ((rc = act(d, d->admin, "model.evaluate", &p)) != 0)
			return rc;
		if (k == 1) {
			memset(&p, 0, sizeof p);
			p_str(&p, "code", code);
			p_str(&p, "assessment", "Mô hình hiệu quả, đề nghị nhân rộng "
			                        "toàn bệnh viện.");
			if ((rc = act(d, d->admin, "model.assess", &p)) != 0)
				return rc;
			memset(&p, 0, sizeof p);
			p_str(&p, "code", code);
			p_int(&p, "date", by_today(d, date_from_ymd(d->year, 10, 1)));
			p_str(&p, "units", unit_code(d, 2, ucode, sizeof ucode));
			p_str(&p, "body", "Trung tâm Y tế huyện");
			if ((rc = act(d, d->admin, "model.adopt", &p)) != 0)
				return rc;
			memset(&p, 0, sizeof p);
			p_str(&p, "code", code);
			p_str(&p, "kind", "newspaper");
			p_int(&p, "date", by_today(d, date_from_ymd(d->year, 10, 15)));
			p_str(&p, "channel", "Báo Sức khỏe & Đời sống");
			p_str(&p, "title", "Cách làm hay ở bệnh viện tuyến tỉnh");
			if ((rc = act(d, d->admin, "model.publicise", &p)) != 0)
				return rc;
		}
	}
	if (honoured[0]) {
		struct params p = {0};
		p_int(&p, "year", d->year);
		p_str(&p, "kind", "mid-term-review");
		p_int(&p, "date", by_today(d, date_from_ymd(d->year, 7, 15)));
		p_str(&p, "name", "Hội nghị sơ kết 6 tháng, biểu dương điển hình "
		                  "tiên tiến");
		p_str(&p, "honoured", honoured);
		if ((rc = act(d, d->admin, "ceremony.add", &p)) != 0)
			return rc;
	}
	/* Last month's exemplar went to the Department of Health. */
	if (first_summarised && ty == d->year && tm > 1) {
		struct params p = {0};
		char month[32];
		snprintf(code, sizeof code, "DH-%d-%03u", d->year, first_summarised);
		snprintf(month, sizeof month, "%02d/%04d", tm - 1, d->year);
		p_str(&p, "month", month);
		p_str(&p, "exemplar", code);
		p_int(&p, "date", date_from_ymd(d->year, tm - 1, 3));
		if ((rc = act(d, d->admin, "submission.send", &p)) != 0)
			return rc;
	}
	return 0;
}

/* ---- the council ------------------------------------------------------------ */

#define DEMO_COUNCIL 4
#define DEMO_ROUND_CANDS 6

/* The council's seats: giamdoc chairs, thuky is the secretary,
 * phogiamdoc and truongkhoa are members. */
static const char *const council_logins[DEMO_COUNCIL] = {
	"giamdoc", "thuky", "phogiamdoc", "truongkhoa"};

static size_t council_staff(const struct demo *d, const char *login)
{
	for (const struct demo_account *a = demo_accounts; a->login; a++)
		if (!strcmp(a->login, login))
			return account_staff(a, d->nstaff);
	return d->nstaff;
}

/* Is nomination code one nobody on the council is recused from (not a
 * member's own, not a member's unit's) and still proposed? */
static int council_may_take(struct demo *d, const char *code)
{
	msgpack_unpacked up;
	const void *v;
	size_t vl;
	char kind[2] = "", state[16] = "";
	uint64_t id = 0;
	int ok = 1;

	if (store_get(d->s.t, STORE_DB_NOMINATIONS, code, strlen(code), &v,
	              &vl) != 0)
		return 0;
	msgpack_unpacked_init(&up);
	if (mp_decode(&up, v, vl) != 0) {
		msgpack_unpacked_destroy(&up);
		return 0;
	}
	mp_get_strbuf(mp_map_geti(&up.data, 3), kind, sizeof kind);
	mp_get_u64(mp_map_geti(&up.data, 4), &id);
	mp_get_strbuf(mp_map_geti(&up.data, 9), state, sizeof state);
	msgpack_unpacked_destroy(&up);
	if (strcmp(state, "proposed") != 0)
		return 0;
	for (int m = 0; m < DEMO_COUNCIL && ok; m++) {
		struct demo_person who;
		struct staff_rec s;
		size_t i = council_staff(d, council_logins[m]);
		demo_person(d->seed, i, d->nstaff, &who);
		if (staff_find(d->s.t, who.code, strlen(who.code), &s) != 0)
			continue;
		ok = kind[0] == 'U' ? s.unit != id : s.id != id;
	}
	return ok;
}

/* The public key of round's ballot, from the round's record. */
static int round_key(struct demo *d, uint32_t round, uint8_t *pk)
{
	msgpack_unpacked up;
	uint8_t k[4];
	const void *v;
	size_t vl;
	int rc;

	wire_put_be32(k, round);
	if ((rc = store_get(d->s.t, STORE_DB_COUNCIL_ROUNDS, k, 4, &v, &vl)) != 0)
		return rc;
	msgpack_unpacked_init(&up);
	rc = mp_decode(&up, v, vl) == 0 &&
	             mp_get_bin_exact(mp_map_geti(&up.data, 9), pk,
	                              BALLOT_KEY_LEN) == 0
	         ? 0
	         : LRL_ECORRUPT;
	msgpack_unpacked_destroy(&up);
	return rc;
}

static int demo_ballot(struct demo *d, size_t who, uint32_t round,
                       const uint8_t *pk, const char *code, char choice)
{
	struct params p = {0};
	uint8_t sealed[BALLOT_SEALED_LEN];

	if (ballot_seal(sealed, pk, round, code, choice) != 0)
		return LRL_ECRYPTO;
	p_int(&p, "round", round);
	p_str(&p, "nomination", code);
	p_add(&p, "sealed", 'x', sealed, sizeof sealed);
	return act(d, who, "ballot.cast", &p);
}

static int demo_score(struct demo *d, size_t who, uint32_t round,
                      const char *code, unsigned k)
{
	struct params p = {0};
	char points[32];

	snprintf(points, sizeof points, "%u,%u,%u", 6 + k % 5, 5 + (k / 2) % 6,
	         1 + k % 5);
	p_int(&p, "round", round);
	p_str(&p, "nomination", code);
	p_str(&p, "points", points);
	return act(d, who, "score.set", &p);
}

/*
 * The council of the year: its term, round 1 held and closed over the
 * first nominations (every member present, scored and voted), and round 2
 * open over the next ones, with the chair's and the secretary's part
 * done, so that phogiamdoc and truongkhoa have candidates waiting.
 */
static int council(struct demo *d)
{
	static const char criteria[] =
		"Thành tích công tác chuyên môn; 3; 10\n"
		"Sáng kiến, đề tài, cải tiến; 2; 10\n"
		"Tham gia phong trào thi đua; 1; 5; no-score";
	char codes[2][DEMO_ROUND_CANDS][LRL_CODE_MAX + 1], list[2][256];
	size_t n[2] = {0, 0}, seat[DEMO_COUNCIL];
	struct params p = {0};
	char name[96];
	uint8_t pk[BALLOT_KEY_LEN];
	int rc;

	for (int m = 0; m < DEMO_COUNCIL; m++)
		seat[m] = council_staff(d, council_logins[m]);
	for (unsigned k = 1, r = 0; k <= d->nnominations && r < 2; k++) {
		char code[LRL_CODE_MAX + 1];
		snprintf(code, sizeof code, "DN-%d-%03u", d->year, k);
		if (!council_may_take(d, code))
			continue;
		snprintf(codes[r][n[r]++], sizeof codes[0][0], "%s", code);
		if (n[r] == DEMO_ROUND_CANDS)
			r++;
	}
	if (n[0] == 0)
		return 0;
	snprintf(name, sizeof name, "Hội đồng Thi đua – Khen thưởng năm %d",
	         d->year);
	p_int(&p, "year", d->year);
	p_str(&p, "chair", "giamdoc");
	p_str(&p, "secretary", "thuky");
	p_str(&p, "name", name);
	if ((rc = act(d, d->admin, "term.open", &p)) != 0)
		return rc;
	for (int m = 2; m < DEMO_COUNCIL; m++) {
		memset(&p, 0, sizeof p);
		p_int(&p, "year", d->year);
		p_str(&p, "login", council_logins[m]);
		if ((rc = act(d, d->admin, "term.add", &p)) != 0)
			return rc;
	}
	for (uint32_t r = 0; r < 2 && n[r]; r++) {
		uint32_t round = r + 1;
		list[r][0] = '\0';
		for (size_t i = 0; i < n[r]; i++) {
			strcat(list[r], i ? "," : "");
			strcat(list[r], codes[r][i]);
		}
		memset(&p, 0, sizeof p);
		snprintf(name, sizeof name, "Phiên họp %s xét danh hiệu năm %d",
		         r ? "thứ hai" : "thứ nhất", d->year);
		p_int(&p, "year", d->year);
		p_str(&p, "nominations", list[r]);
		p_str(&p, "mode", "both");
		p_str(&p, "criteria", criteria);
		p_str(&p, "name", name);
		if ((rc = act(d, seat[1], "round.open", &p)) != 0 ||
		    (rc = round_key(d, round, pk)) != 0)
			return rc;
		memset(&p, 0, sizeof p);
		p_int(&p, "round", round);
		p_str(&p, "present", "giamdoc,thuky,phogiamdoc,truongkhoa");
		if ((rc = act(d, seat[1], "round.attend", &p)) != 0)
			return rc;
		for (size_t i = 0; i < n[r]; i++)
			for (int m = 0; m < DEMO_COUNCIL; m++) {
				unsigned k = (unsigned)(i * 7 + (size_t)m * 3);
				/* Round 2 waits for the last two members. */
				if (r == 1 && m >= 2)
					continue;
				if ((rc = demo_score(d, seat[m], round, codes[r][i],
				                     k)) != 0 ||
				    (rc = demo_ballot(d, seat[m], round, pk, codes[r][i],
				                      (i + (size_t)m) % 7 == 3   ? 'N'
				                      : (i + (size_t)m) % 5 == 4 ? 'A'
				                                                 : 'Y')) != 0)
					return rc;
			}
		if (r == 0) {
			memset(&p, 0, sizeof p);
			p_int(&p, "round", round);
			if ((rc = act(d, seat[0], "round.close", &p)) != 0)
				return rc;
		}
	}
	return 0;
}

static int fill_year(struct demo *d)
{
	int rc;

	if ((rc = open_year(d)) != 0 || (rc = year_accounts(d)) != 0 ||
	    (rc = unit_pledges(d)) != 0 || (rc = each_person(d, pledge)) != 0 ||
	    (rc = each_person(d, endorse)) != 0 ||
	    (rc = each_person(d, accept_pledge)) != 0 || (rc = works(d)) != 0 ||
	    (rc = awards(d)) != 0 || (rc = ratings(d)) != 0 ||
	    (rc = nominations(d)) != 0 || (rc = council(d)) != 0 ||
	    (rc = decisions(d)) != 0 ||
	    (rc = exemplars(d)) != 0)
		return rc;
	return 0;
}

int demo_fill(const char *dir, size_t nstaff, uint64_t seed,
              const char *clock_file)
{
	struct demo d;
	struct srv_ident id;
	struct user_rec admin;
	uint8_t pk[LRL_PK_LEN];
	store *st = NULL;
	long long pinned;
	size_t naccounts = 0, npledges = 0;
	int rc;

	memset(&d, 0, sizeof d);
	mp_buf_init(&d.s.req);
	mp_buf_init(&d.s.out);
	if (nstaff < 60 || nstaff > 100000) {
		fprintf(stderr, "laureld: demo: --staff must be 60 to 100000\n");
		rc = LRL_EINVAL;
		goto out;
	}
	d.nstaff = nstaff;
	d.seed = seed;
	d.uid = calloc(nstaff, sizeof *d.uid);
	d.work = calloc(nstaff, sizeof *d.work);
	d.sk = sodium_malloc(nstaff * LRL_SK_LEN);
	if (!d.uid || !d.work || !d.sk) {
		rc = LRL_ENOMEM;
		goto out;
	}
	if ((rc = store_open(dir, 0, &st)) != 0 ||
	    (rc = store_begin(st, NULL, 1, &d.s.t)) != 0 ||
	    (rc = ident_load(d.s.t, dir, &id)) != 0 ||
	    (rc = users_get(d.s.t, 1, &admin)) != 0)
		goto out;
	for (const struct demo_account *a = demo_accounts; a->login; a++) {
		if (!strcmp(a->login, "quantri"))
			d.admin = account_staff(a, nstaff);
		if (!strcmp(a->login, "nhanvien"))
			d.nhanvien = account_staff(a, nstaff);
	}
	d.uid[d.admin] = admin.id;
	if ((rc = keys_derive(DEMO_PASSWORD, strlen(DEMO_PASSWORD), admin.salt,
	                      admin.ops, admin.mem, pk,
	                      d.sk + d.admin * LRL_SK_LEN)) != 0)
		goto out;
	d.s.id = &id;
	randombytes_buf(d.s.nonce, sizeof d.s.nonce);
	d.s.now = clock_file && server_clock_read(clock_file, &pinned) == 0
	                  ? pinned
	                  : (int64_t)time(NULL);
	d.today = date_of_time(d.s.now);
	{
		int m, dd;
		date_to_ymd(d.today, &d.year, &m, &dd);
	}
	if ((rc = fill_roster(&d)) != 0 || (rc = fill_accounts(&d)) != 0 ||
	    (rc = fill_year(&d)) != 0)
		goto out;
	rc = store_commit(d.s.t);
	d.s.t = NULL;
	if (rc == 0)
		council_keys_sweep(st, dir);
	for (size_t i = 0; i < nstaff; i++)
		naccounts += d.uid[i] != 0;
	for (int k = DEMO_PLEDGE_DRAFT; k <= DEMO_PLEDGE_RETURNED; k++)
		npledges += d.counts[k];
	if (rc == 0)
		printf("laureld: demo hospital: %zu units, %zu staff, %zu accounts; "
		       "year %d: %zu pledges (%zu missing), %zu ratings, "
		       "%zu nominations\n",
		       demo_unit_count(nstaff), nstaff, naccounts, d.year, npledges,
		       d.counts[DEMO_PLEDGE_NONE], d.nratings, d.nnominated);
out:
	store_abort(d.s.t);
	store_close(st);
	if (d.sk)
		sodium_free(d.sk);
	free(d.uid);
	free(d.work);
	mp_buf_free(&d.s.req);
	mp_buf_free(&d.s.out);
	return rc;
}
