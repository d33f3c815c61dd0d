/*
 * laureld.c — the server program: init, serve, verify, backup.
 * See laureld(8).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include "laurel/action.h"
#include "laurel/checkpoint.h"
#include "laurel/demostore.h"
#include "laurel/config.h"
#include "laurel/err.h"
#include "laurel/evlog.h"
#include "laurel/handler.h"
#include "laurel/keys.h"
#include "laurel/server.h"
#include "laurel/store.h"
#include "laurel/text.h"
#include "laurel/verify.h"
#include "laurel/wire.h"

#define VERSION "0.1.0"
#define DEMO_ADMIN "quantri"

static void usage(FILE *f)
{
	fputs("usage: laureld [--config FILE] [serve] --store DIR [--socket PATH]\n"
	      "               [--clock-file FILE] [--idle-exit SECONDS]\n"
	      "       laureld init --store DIR --admin LOGIN --full-name NAME\n"
	      "               [--hospital NAME] [--password-stdin] [--test]\n"
	      "       laureld demo --store DIR [--staff N] [--seed S]\n"
	      "       laureld verify --store DIR [--checkpoint FILE]\n"
	      "       laureld backup --store DIR DEST\n"
	      "       laureld --help | --version\n"
	      "See laureld(8).\n",
	      f);
}

/* Is dir absent or an empty directory? */
static int dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int empty = 1;

	if (d == NULL)
		return errno == ENOENT;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = 0;
	closedir(d);
	return empty;
}

static int put_meta(store_txn *t, const char *k, const void *v, size_t vl)
{
	return store_put(t, STORE_DB_META, k, strlen(k), v, vl, 0);
}

static int read_new_password(const char *login, int from_stdin, char **out)
{
	char *p1 = NULL, *p2 = NULL;
	const char *why;
	int rc;

	*out = NULL;
	if ((rc = keys_read_password("Password: ", from_stdin, &p1)) != 0) {
		fprintf(stderr, "laureld: no password given%s\n",
		        from_stdin ? " on standard input" : " (no terminal?)");
		return LRL_EUSAGE;
	}
	if (keys_password_ok(login, p1, &why) != 0) {
		fprintf(stderr, "laureld: %s\n", why);
		keys_password_free(p1);
		return LRL_EINVAL;
	}
	if (!from_stdin) {
		if (keys_read_password("Password again: ", 0, &p2) != 0 ||
		    strcmp(p1, p2) != 0) {
			fprintf(stderr, "laureld: the passwords differ\n");
			keys_password_free(p1);
			keys_password_free(p2);
			return LRL_EINVAL;
		}
		keys_password_free(p2);
	}
	*out = p1;
	return 0;
}

/* Creates a store.  The password is read (from the terminal or stdin)
 * unless given. */
static int cmd_init(const char *dir, const char *admin, const char *full_name,
                    const char *hospital, int from_stdin, int test,
                    const char *given_password)
{
	unsigned char pk[LRL_PK_LEN], *sk = NULL, *usk = NULL;
	uint8_t server_id[LRL_SERVER_ID_LEN], salt[LRL_SALT_LEN];
	uint8_t upk[LRL_PK_LEN], kdf[16], zero_nonce[LRL_NONCE_LEN] = {0};
	uint8_t sig[LRL_SIG_LEN];
	uint64_t ops = test ? KEYS_OPS_TEST : KEYS_OPS_PROD;
	uint64_t mem = test ? KEYS_MEM_TEST : KEYS_MEM_PROD;
	uint8_t tm = test ? 1 : 0;
	char *password = NULL;
	const struct lrl_action *a = &lrl_actions[LRL_A_STORE_INIT];
	struct lrl_fail f;
	struct exec_origin origin = {.uid = (uint32_t)getuid(),
	                             .pid = (int32_t)getpid()};
	store *st = NULL;
	store_txn *t = NULL;
	mp_buf params, req, result;
	msgpack_unpacked u;
	int rc;

	mp_buf_init(&params);
	mp_buf_init(&req);
	mp_buf_init(&result);
	msgpack_unpacked_init(&u);
	if (!dir_empty(dir)) {
		fprintf(stderr, "laureld: %s is not empty; refusing to create a "
		                "store there\n", dir);
		rc = LRL_EEXIST;
		goto out;
	}
	/* Check the parameters before asking for a password. */
	msgpack_pack_map(&params.pk, 3);
	mp_pack_kv_str(&params.pk, "login", admin);
	mp_pack_kv_str(&params.pk, "full-name", full_name);
	mp_pack_kv_str(&params.pk, "hospital", hospital);
	if (mp_decode(&u, params.sb.data, params.sb.size) != 0) {
		rc = LRL_EINVAL;
		goto out;
	}
	memset(&f, 0, sizeof f);
	if (action_check_typed(a, &u.data, &f) != 0) {
		fprintf(stderr, "laureld: --%s: %s\n",
		        f.field && strcmp(f.field, "login") == 0 ? "admin"
		        : f.field ? f.field : "?",
		        f.reason);
		rc = LRL_EINVAL;
		goto out;
	}
	if (given_password) {
		password = sodium_malloc(strlen(given_password) + 1);
		if (password == NULL) {
			rc = LRL_ENOMEM;
			goto out;
		}
		memcpy(password, given_password, strlen(given_password) + 1);
	} else if ((rc = read_new_password(admin, from_stdin, &password)) != 0)
		goto out;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "laureld: cannot create %s: %s\n", dir,
		        strerror(errno));
		rc = LRL_EIO;
		goto out;
	}
	chmod(dir, 0700);
	sk = sodium_malloc(LRL_SK_LEN);
	usk = sodium_malloc(LRL_SK_LEN);
	if (!sk || !usk) {
		rc = LRL_ENOMEM;
		goto out;
	}
	crypto_sign_keypair(pk, sk);
	randombytes_buf(server_id, sizeof server_id);
	randombytes_buf(salt, sizeof salt);
	if ((rc = keys_derive(password, strlen(password), salt, ops, mem, upk,
	                      usk)) != 0)
		goto out;
	if ((rc = server_key_write(dir, sk)) != 0) {
		fprintf(stderr, "laureld: cannot write %s/server.key\n", dir);
		goto out;
	}
	if ((rc = store_open(dir, STORE_CREATE, &st)) != 0 ||
	    (rc = store_begin(st, NULL, 1, &t)) != 0)
		goto out;
	wire_put_be64(kdf, ops);
	wire_put_be64(kdf + 8, mem);
	if ((rc = put_meta(t, "server_id", server_id, sizeof server_id)) ||
	    (rc = put_meta(t, "server_pk", pk, sizeof pk)) ||
	    (rc = put_meta(t, "test_mode", &tm, 1)) ||
	    (rc = put_meta(t, "kdf", kdf, sizeof kdf)))
		goto out;
	/* The genesis event: the server's key signs the creation of the
	 * first administrator. */
	mp_buf_reset(&params);
	msgpack_pack_map(&params.pk, 7);
	mp_pack_kv_str(&params.pk, "login", admin);
	mp_pack_kv_str(&params.pk, "full-name", full_name);
	mp_pack_kv_str(&params.pk, "hospital", hospital);
	mp_pack_str(&params.pk, "salt");
	mp_pack_bin(&params.pk, salt, sizeof salt);
	mp_pack_str(&params.pk, "pk");
	mp_pack_bin(&params.pk, upk, sizeof upk);
	mp_pack_kv_int(&params.pk, "ops", (int64_t)ops);
	mp_pack_kv_int(&params.pk, "mem", (int64_t)mem);
	wire_req_encode(&req, server_id, zero_nonce, 1, 0, a->name,
	                params.sb.data, params.sb.size);
	crypto_sign_detached(sig, NULL, (const unsigned char *)req.sb.data,
	                     req.sb.size, sk);
	{
		struct srv_ident id;
		memset(&id, 0, sizeof id);
		if ((rc = ident_load(t, dir, &id)) != 0)
			goto out;
		memset(&f, 0, sizeof f);
		rc = exec_command(t, &id, (const uint8_t *)req.sb.data,
		                  req.sb.size, sig, (int64_t)time(NULL), origin,
		                  &result.pk, NULL, &f);
		if (rc != 0) {
			fprintf(stderr, "laureld: %s%s%s\n", f.field ? f.field : "",
			        f.field ? ": " : "", f.reason);
			goto out;
		}
	}
	rc = store_commit(t);
	t = NULL;
	if (rc == 0)
		printf("laureld: created the %sstore in %s with administrator %s\n",
		       test ? "test " : "", dir, admin);
out:
	store_abort(t);
	store_close(st);
	keys_password_free(password);
	if (sk)
		sodium_free(sk);
	if (usk)
		sodium_free(usk);
	mp_buf_free(&params);
	mp_buf_free(&req);
	mp_buf_free(&result);
	msgpack_unpacked_destroy(&u);
	return rc;
}

static int cmd_verify(const char *dir, const char *cpfile)
{
	struct checkpoint cp, *cpp = NULL;
	struct verify_report rep;
	int rc;

	if (cpfile) {
		char line[1024];
		int found = 0;
		FILE *f = fopen(cpfile, "r");
		/* The checkpoint line may stand anywhere in the file (laurel
		 * audit checkpoint prints it among other fields). */
		while (f && !found && fgets(line, sizeof line, f) != NULL) {
			char *at = strstr(line, "laurel-checkpoint ");
			found = at && checkpoint_parse(at, &cp) == 0;
		}
		if (!found) {
			fprintf(stderr, "laureld: %s: not a laurel checkpoint\n",
			        cpfile);
			if (f)
				fclose(f);
			return LRL_EINVAL;
		}
		fclose(f);
		cpp = &cp;
	}
	rc = verify_store(dir, cpp, &rep);
	if (rc == 0) {
		printf("verify: PASSED: %" PRIu64 " events, every signature, link "
		       "and table checked (%.2f s, %.0f events/s)%s\n",
		       rep.events, rep.seconds,
		       rep.seconds > 0 ? (double)rep.events / rep.seconds : 0.0,
		       cpp ? "; the checkpoint matches" : "");
		return 0;
	}
	if (rc == LRL_ECORRUPT)
		printf("verify: FAILED at event %" PRIu64 ": %s\n", rep.bad_seq,
		       rep.reason);
	else
		printf("verify: could not check %s: %s\n", dir,
		       rep.reason[0] ? rep.reason : lrl_strerror(rc));
	return rc;
}

static int cmd_backup(const char *dir, const char *dest)
{
	store *st = NULL;
	unsigned char *sk = NULL;
	struct verify_report rep;
	int rc;

	if (!dir_empty(dest)) {
		fprintf(stderr, "laureld: %s is not empty\n", dest);
		return LRL_EEXIST;
	}
	if (mkdir(dest, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "laureld: cannot create %s: %s\n", dest,
		        strerror(errno));
		return LRL_EIO;
	}
	/* Not migrated here: a laureld of the store's own version may be
	 * serving it. */
	if ((rc = store_open(dir, STORE_NO_MIGRATE, &st)) != 0) {
		fprintf(stderr, "laureld: cannot open the store in %s: %s\n", dir,
		        rc == LRL_ESTATE ? STORE_OTHER_VERSION
		                         : lrl_strerror(rc));
		return rc;
	}
	rc = store_copy(st, dest);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "laureld: backup failed: %s\n", lrl_strerror(rc));
		return rc;
	}
	if ((rc = server_key_load(dir, &sk)) != 0 ||
	    (rc = server_key_write(dest, sk)) != 0) {
		server_key_free(sk);
		fprintf(stderr, "laureld: cannot copy the server key\n");
		return rc;
	}
	server_key_free(sk);
	rc = verify_store(dest, NULL, &rep);
	if (rc != 0) {
		fprintf(stderr, "laureld: the backup in %s does not verify: %s\n",
		        dest, rep.reason[0] ? rep.reason : lrl_strerror(rc));
		return rc;
	}
	printf("laureld: backup of %s written to %s and verified (%" PRIu64
	       " events)\n", dir, dest, rep.events);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"store", required_argument, NULL, 's'},
		{"socket", required_argument, NULL, 'S'},
		{"config", required_argument, NULL, 'c'},
		{"clock-file", required_argument, NULL, 'k'},
		{"idle-exit", required_argument, NULL, 'i'},
		{"admin", required_argument, NULL, 'a'},
		{"full-name", required_argument, NULL, 'n'},
		{"hospital", required_argument, NULL, 'H'},
		{"password-stdin", no_argument, NULL, 'p'},
		{"test", no_argument, NULL, 't'},
		{"checkpoint", required_argument, NULL, 'C'},
		{"staff", required_argument, NULL, 'N'},
		{"seed", required_argument, NULL, 'E'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct rlimit nocore = {0, 0};
	struct lrl_config cfg;
	struct server_opts so;
	const char *storedir = NULL, *sock = NULL, *conf = NULL, *clockf = NULL;
	const char *admin = NULL, *full = NULL, *hospital = NULL, *cpfile = NULL;
	const char *cmd = "serve";
	char err[LRL_PATH_MAX + 256], sockbuf[LRL_PATH_MAX + 16], self[PATH_MAX];
	int from_stdin = 0, test = 0, idle = -1, c, rc;
	long demo_staff = 300, demo_seed = 2026;
	ssize_t n;

	setrlimit(RLIMIT_CORE, &nocore);
	umask(077);
	if (sodium_init() < 0) {
		fprintf(stderr, "laureld: libsodium failed to start\n");
		return 1;
	}
	if (argc > 1 && argv[1][0] != '-') {
		cmd = argv[1];
		argv++;
		argc--;
	}
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's': storedir = optarg; break;
		case 'S': sock = optarg; break;
		case 'c': conf = optarg; break;
		case 'k': clockf = optarg; break;
		case 'i': idle = atoi(optarg); break;
		case 'a': admin = optarg; break;
		case 'n': full = optarg; break;
		case 'H': hospital = optarg; break;
		case 'p': from_stdin = 1; break;
		case 't': test = 1; break;
		case 'C': cpfile = optarg; break;
		case 'N': demo_staff = atol(optarg); break;
		case 'E': demo_seed = atol(optarg); break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("laureld %s\n", VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	config_defaults(&cfg);
	if (conf == NULL)
		conf = getenv("LAUREL_CONFIG");
	rc = config_load(&cfg, conf ? conf : LRL_CONFIG_DEFAULT, conf != NULL,
	                 err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "laureld: %s\n", err);
		return 2;
	}
	if (storedir == NULL)
		storedir = cfg.store;
	if (!strcmp(cmd, "init")) {
		if (!admin || !full || optind != argc) {
			fprintf(stderr, "laureld: init needs --admin and --full-name "
			                "(--store defaults to the configured store)\n");
			usage(stderr);
			return 2;
		}
		if (hospital == NULL)
			hospital = cfg.hospital[0] ? cfg.hospital : "Bệnh viện";
		rc = cmd_init(storedir, admin, full, hospital, from_stdin, test, NULL);
		return rc == 0 ? 0 : rc == LRL_EUSAGE ? 2 : 1;
	}
	if (!strcmp(cmd, "demo")) {
		if (optind != argc) {
			usage(stderr);
			return 2;
		}
		if (demo_staff < 60 || demo_staff > 100000) {
			fprintf(stderr, "laureld: demo: --staff must be 60 to 100000\n");
			return 2;
		}
		rc = cmd_init(storedir, DEMO_ADMIN, "Phạm Thị Thu Trang",
		              hospital ? hospital
		                       : "Bệnh viện Phục hồi chức năng tỉnh",
		              0, 1, DEMO_PASSWORD);
		if (rc == 0)
			rc = demo_fill(storedir, (size_t)demo_staff,
			               (uint64_t)demo_seed, clockf);
		return rc == 0 ? 0 : 1;
	}
	if (!strcmp(cmd, "verify")) {
		if (optind != argc) {
			usage(stderr);
			return 2;
		}
		return cmd_verify(storedir, cpfile) == 0 ? 0 : 1;
	}
	if (!strcmp(cmd, "backup")) {
		if (optind + 1 != argc) {
			fprintf(stderr, "laureld: backup needs a destination "
			                "directory\n");
			return 2;
		}
		return cmd_backup(storedir, argv[optind]) == 0 ? 0 : 1;
	}
	if (strcmp(cmd, "serve") != 0 || optind != argc) {
		fprintf(stderr, "laureld: unknown command '%s'\n", cmd);
		usage(stderr);
		return 2;
	}
	if (clockf == NULL)
		clockf = getenv("LAUREL_CLOCK_FILE");
	if (sock == NULL) {
		if (storedir != cfg.store) {
			snprintf(sockbuf, sizeof sockbuf, "%s/laureld.sock", storedir);
			sock = sockbuf;
		} else {
			sock = cfg.socket;
		}
	}
	if (idle >= 0)
		cfg.idle_exit_seconds = idle;
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		snprintf(self, sizeof self, "%s", argv[0]);
	else
		self[n] = '\0';
	memset(&so, 0, sizeof so);
	so.store_dir = storedir;
	so.socket_path = sock;
	so.clock_file = clockf;
	so.self_exe = self;
	so.cfg = cfg;
	so.foreground_notice = isatty(1);
	return server_run(&so) == 0 ? 0 : 1;
}
