/* keys.c — key derivation, the password policy and password input. */
#include "laurel/keys.h"

#include <ctype.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/text.h"
#include "laurel/wire.h"

#define PW_BUF (LRL_PASSWORD_MAX * 4 + 2)

int keys_derive(const char *password, size_t len, const uint8_t *salt,
                uint64_t ops, uint64_t mem, uint8_t *pk, uint8_t *sk)
{
	uint8_t *seed = sodium_malloc(crypto_sign_SEEDBYTES);
	int rc = 0;

	if (seed == NULL)
		return LRL_ENOMEM;
	if (crypto_pwhash(seed, crypto_sign_SEEDBYTES, password, len, salt, ops,
	                  (size_t)mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
		rc = LRL_ENOMEM;
	else if (crypto_sign_seed_keypair(pk, sk, seed) != 0)
		rc = LRL_ECRYPTO;
	sodium_free(seed);
	return rc;
}

int keys_rotation(const char *password, const uint8_t *server_id,
                  uint64_t user_id, uint64_t ops, uint64_t mem,
                  msgpack_packer *out, uint8_t *pk, uint8_t *sk)
{
	uint8_t salt[LRL_SALT_LEN], proof[LRL_SIG_LEN];
	mp_buf msg;
	int rc;

	randombytes_buf(salt, sizeof salt);
	if ((rc = keys_derive(password, strlen(password), salt, ops, mem, pk,
	                      sk)) != 0)
		return rc;
	mp_buf_init(&msg);
	wire_rotate_message(&msg, server_id, user_id, pk, salt);
	crypto_sign_detached(proof, NULL, (const unsigned char *)msg.sb.data,
	                     msg.sb.size, sk);
	mp_buf_free(&msg);
	msgpack_pack_map(out, 5);
	mp_pack_str(out, "salt");
	mp_pack_bin(out, salt, sizeof salt);
	mp_pack_str(out, "pk");
	mp_pack_bin(out, pk, LRL_PK_LEN);
	mp_pack_kv_int(out, "ops", (int64_t)ops);
	mp_pack_kv_int(out, "mem", (int64_t)mem);
	mp_pack_str(out, "proof");
	mp_pack_bin(out, proof, sizeof proof);
	return 0;
}

/* Well-known passwords of 12 or more characters (shorter ones are refused
 * by length already), compared case-insensitively. */
static const char *const common_passwords[] = {
	"123456789012", "1234567890123", "12345678901234", "123456123456",
	"111111111111", "000000000000", "123123123123", "qwertyuiopas",
	"qwertyuiop12", "qwerty123456", "password1234", "password123!",
	"passwordpassword", "iloveyou1234", "abcdefghijkl", "abc123456789",
	"1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl123",
	"matkhau12345", "matkhau123456", "matkhaumoi123", "admin1234567",
	"administrator", "welcome12345", "letmein12345", "changeme1234",
	"benhvien1234", "benhvien123456", "laurel123456", "vietnam12345",
	"hanoi1234567", "saigon123456", "anhyeuem1234", "anhyeuem123456",
	"0123456789ab", "987654321098", "aaaaaaaaaaaa", "p@ssw0rd1234",
	NULL,
};

int keys_password_ok(const char *login, const char *password,
                     const char **reason)
{
	size_t len = strlen(password), cp;

	if (!text_utf8_valid(password, len)) {
		*reason = "the password is not valid UTF-8 text";
		return LRL_EINVAL;
	}
	cp = text_codepoints(password, len);
	if (cp < LRL_PASSWORD_MIN) {
		*reason = "the password must have at least 12 characters";
		return LRL_EINVAL;
	}
	if (cp > LRL_PASSWORD_MAX) {
		*reason = "the password must have at most 128 characters";
		return LRL_EINVAL;
	}
	if (login && strcasecmp(login, password) == 0) {
		*reason = "the password must not be the login name";
		return LRL_EINVAL;
	}
	for (size_t i = 0; common_passwords[i]; i++)
		if (strcasecmp(common_passwords[i], password) == 0) {
			*reason = "this password is too common; choose another";
			return LRL_EINVAL;
		}
	return 0;
}

void keys_password_free(char *p)
{
	if (p)
		sodium_free(p);
}

int keys_read_password(const char *prompt, int from_stdin, char **out)
{
	char *buf = sodium_malloc(PW_BUF);
	struct termios old, quiet;
	FILE *in = stdin;
	int tty = -1, restore = 0;
	size_t n;

	*out = NULL;
	if (buf == NULL)
		return LRL_ENOMEM;
	if (!from_stdin) {
		tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (tty < 0 || (in = fdopen(tty, "r+")) == NULL) {
			if (tty >= 0)
				close(tty);
			sodium_free(buf);
			return LRL_EIO;
		}
		fputs(prompt, in);
		fflush(in);
		if (tcgetattr(tty, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= (tcflag_t)~ECHO;
			quiet.c_lflag |= ECHONL;
			restore = tcsetattr(tty, TCSAFLUSH, &quiet) == 0;
		}
	}
	if (fgets(buf, PW_BUF, in) == NULL) {
		n = 0;
		buf[0] = '\0';
	} else
		n = strlen(buf);
	if (restore)
		tcsetattr(tty, TCSAFLUSH, &old);
	if (in != stdin)
		fclose(in);
	if (n == 0) {
		sodium_free(buf);
		return LRL_EIO;
	}
	if (buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	*out = buf;
	return 0;
}
