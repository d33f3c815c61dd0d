/* demostore.c — the demo hospital, as signed commands (see demostore.h). */
#include "laurel/demostore.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "laurel/date.h"
#include "laurel/demo.h"
#include "laurel/err.h"
#include "laurel/handler.h"
#include "laurel/keys.h"
#include "laurel/mp.h"
#include "laurel/server.h"
#include "laurel/store.h"
#include "laurel/users.h"
#include "laurel/wire.h"

#define IMPORT_CHUNK 4000

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

/* Applies one command signed by uid with sk; prints the refusal. */
static int run(struct signer *s, uint32_t uid, const unsigned char *sk,
               const char *action, const mp_buf *params)
{
	uint8_t sig[LRL_SIG_LEN];
	struct lrl_fail f;
	struct exec_origin origin = {(uint32_t)getuid(), (int32_t)getpid(), NULL};
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

/* The staff index of a demo account: the head of its unit, or a member. */
static size_t account_staff(const struct demo_account *a, size_t nstaff)
{
	size_t nunits = demo_unit_count(nstaff);
	size_t tchc = 12, khambenh = 1; /* positions in the unit list */

	if (!strcmp(a->login, "giamdoc"))
		return 0;
	if (!strcmp(a->login, "phogiamdoc"))
		return 1;
	if (!strcmp(a->login, "thuky"))
		return 2 + (tchc - 1); /* rank 0 of TCHC */
	if (!strcmp(a->login, "quantri"))
		return 2 + (tchc - 1) + 2 * (nunits - 1); /* rank 2 of TCHC */
	if (!strcmp(a->login, "truongkhoa"))
		return 2 + (khambenh - 1);
	return 2 + (khambenh - 1) + 3 * (nunits - 1); /* rank 3 of Khám bệnh */
}

static void pack_date(msgpack_packer *pk, int32_t d)
{
	char buf[16];

	date_format(d, buf, sizeof buf);
	mp_pack_str(pk, buf);
}

int demo_fill(const char *dir, size_t nstaff, uint64_t seed,
              const char *clock_file)
{
	struct signer s;
	struct srv_ident id;
	struct user_rec admin;
	unsigned char *sk = sodium_malloc(LRL_SK_LEN);
	unsigned char *usk = sodium_malloc(LRL_SK_LEN);
	uint8_t pk[LRL_PK_LEN];
	size_t nunits = demo_unit_count(nstaff);
	store *st = NULL;
	mp_buf p;
	long long pinned;
	int rc;

	memset(&s, 0, sizeof s);
	mp_buf_init(&p);
	mp_buf_init(&s.req);
	mp_buf_init(&s.out);
	if (!sk || !usk) {
		rc = LRL_ENOMEM;
		goto out;
	}
	if (nstaff < 60 || nstaff > 100000) {
		fprintf(stderr, "laureld: demo: --staff must be 60 to 100000\n");
		rc = LRL_EINVAL;
		goto out;
	}
	if ((rc = store_open(dir, 0, &st)) != 0 ||
	    (rc = store_begin(st, NULL, 1, &s.t)) != 0 ||
	    (rc = ident_load(s.t, dir, &id)) != 0 ||
	    (rc = users_get(s.t, 1, &admin)) != 0)
		goto out;
	if ((rc = keys_derive(DEMO_PASSWORD, strlen(DEMO_PASSWORD), admin.salt,
	                      admin.ops, admin.mem, pk, sk)) != 0)
		goto out;
	s.id = &id;
	randombytes_buf(s.nonce, sizeof s.nonce);
	s.now = clock_file && server_clock_read(clock_file, &pinned) == 0
	                ? pinned
	                : (int64_t)time(NULL);

	for (size_t i = 0; i < nunits; i++) {
		struct demo_unit u;
		demo_unit(i, nstaff, &u);
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, u.parent ? 4 : 3);
		mp_pack_kv_str(&p.pk, "code", u.code);
		mp_pack_kv_str(&p.pk, "name", u.name);
		mp_pack_kv_str(&p.pk, "kind", u.kind);
		if (u.parent)
			mp_pack_kv_str(&p.pk, "parent", u.parent);
		if ((rc = run(&s, admin.id, sk, "unit.add", &p)) != 0)
			goto out;
	}
	for (size_t from = 0; from < nstaff; from += IMPORT_CHUNK) {
		size_t to = from + IMPORT_CHUNK < nstaff ? from + IMPORT_CHUNK : nstaff;
		static const char *const hdr[] = {
			"Mã nhân viên", "Họ và tên", "Giới tính", "Ngày sinh",
			"Mã đơn vị", "Chức vụ", "Chức danh", "Loại", "Ngày vào làm"};
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, 1);
		mp_pack_str(&p.pk, "file");
		msgpack_pack_array(&p.pk, (uint32_t)(to - from + 1));
		msgpack_pack_array(&p.pk, 10);
		msgpack_pack_uint32(&p.pk, 1);
		for (size_t h = 0; h < 9; h++)
			mp_pack_str(&p.pk, hdr[h]);
		for (size_t i = from; i < to; i++) {
			struct demo_person d;
			demo_person(seed, i, nstaff, &d);
			msgpack_pack_array(&p.pk, 10);
			msgpack_pack_uint64(&p.pk, i - from + 2);
			mp_pack_str(&p.pk, d.code);
			mp_pack_str(&p.pk, d.full_name);
			mp_pack_str(&p.pk, d.sex);
			pack_date(&p.pk, d.birth);
			mp_pack_str(&p.pk, d.unit);
			mp_pack_str(&p.pk, d.position);
			mp_pack_str(&p.pk, d.job_title);
			mp_pack_str(&p.pk, d.category);
			pack_date(&p.pk, d.start);
		}
		if ((rc = run(&s, admin.id, sk, "staff.import", &p)) != 0)
			goto out;
	}
	for (const struct demo_account *a = demo_accounts; a->login; a++) {
		struct demo_person d;
		struct user_rec u;
		uint8_t salt[LRL_SALT_LEN];
		const char *roles[2] = {a->role, a->role2};

		demo_person(seed, account_staff(a, nstaff), nstaff, &d);
		if (strcmp(a->login, "quantri") != 0) {
			/* A temporary password, then the account's own change
			 * to the demo password, as a real user would. */
			const char *temp = "temporary-demo-0";
			mp_buf_reset(&p);
			msgpack_pack_map(&p.pk, 6);
			mp_pack_kv_str(&p.pk, "login", a->login);
			mp_pack_kv_str(&p.pk, "full-name", d.full_name);
			randombytes_buf(salt, sizeof salt);
			if ((rc = keys_derive(temp, strlen(temp), salt, id.kdf_ops,
			                      id.kdf_mem, pk, usk)) != 0)
				goto out;
			mp_pack_str(&p.pk, "salt");
			mp_pack_bin(&p.pk, salt, sizeof salt);
			mp_pack_str(&p.pk, "pk");
			mp_pack_bin(&p.pk, pk, sizeof pk);
			mp_pack_kv_int(&p.pk, "ops", (int64_t)id.kdf_ops);
			mp_pack_kv_int(&p.pk, "mem", (int64_t)id.kdf_mem);
			if ((rc = run(&s, admin.id, sk, "user.add", &p)) != 0 ||
			    (rc = users_find(s.t, a->login, strlen(a->login), &u)) != 0)
				goto out;
			{
				/* The account's own change to the demo password. */
				uint8_t npk[LRL_PK_LEN];
				unsigned char *nsk = sodium_malloc(LRL_SK_LEN);
				if (nsk == NULL) {
					rc = LRL_ENOMEM;
					goto out;
				}
				mp_buf_reset(&p);
				rc = keys_rotation(DEMO_PASSWORD, id.server_id, u.id,
				                   id.kdf_ops, id.kdf_mem, &p.pk, npk, nsk);
				sodium_free(nsk);
				if (rc != 0)
					goto out;
				if ((rc = run(&s, u.id, usk, "user.passwd", &p)) != 0)
					goto out;
			}
		}
		for (int r = 0; r < 2; r++) {
			if (roles[r] == NULL || !strcmp(roles[r], "admin"))
				continue;
			mp_buf_reset(&p);
			msgpack_pack_map(&p.pk, a->unit && !strcmp(roles[r], "head") ? 3 : 2);
			mp_pack_kv_str(&p.pk, "login", a->login);
			mp_pack_kv_str(&p.pk, "role", roles[r]);
			if (a->unit && !strcmp(roles[r], "head"))
				mp_pack_kv_str(&p.pk, "unit", a->unit);
			if ((rc = run(&s, admin.id, sk, "user.grant", &p)) != 0)
				goto out;
		}
		mp_buf_reset(&p);
		msgpack_pack_map(&p.pk, 2);
		mp_pack_kv_str(&p.pk, "code", d.code);
		mp_pack_kv_str(&p.pk, "login", a->login);
		if ((rc = run(&s, admin.id, sk, "staff.edit", &p)) != 0)
			goto out;
	}
	rc = store_commit(s.t);
	s.t = NULL;
	if (rc == 0)
		printf("laureld: demo hospital: %zu units, %zu staff, %zu accounts\n",
		       nunits, nstaff,
		       sizeof demo_accounts / sizeof demo_accounts[0] - 1);
out:
	store_abort(s.t);
	store_close(st);
	if (sk)
		sodium_free(sk);
	if (usk)
		sodium_free(usk);
	mp_buf_free(&p);
	mp_buf_free(&s.req);
	mp_buf_free(&s.out);
	return rc;
}
