/*
 * keys.h — password-derived signing keys and the password policy.
 *
 * A user's Ed25519 key pair is derived from the password on the client:
 * seed = argon2id(password, salt, ops, mem); keys = ed25519(seed).  The
 * server stores only salt, ops, mem and the public key.
 */
#ifndef LAUREL_KEYS_H
#define LAUREL_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/mp.h"

/* KDF cost: production stores (argon2id "interactive") and test/demo
 * stores.  A production store refuses anything below the production cost. */
#define KEYS_OPS_PROD 2
#define KEYS_MEM_PROD (64ull * 1024 * 1024)
#define KEYS_OPS_TEST 1
#define KEYS_MEM_TEST 8192ull

/* Derives the key pair.  sk must point to LRL_SK_LEN bytes of
 * sodium_malloc'd memory.  Returns 0 or LRL_ENOMEM / LRL_ECRYPTO. */
int keys_derive(const char *password, size_t len, const uint8_t *salt,
                uint64_t ops, uint64_t mem, uint8_t *pk, uint8_t *sk);

/*
 * A password change: derives the new key pair from password with a fresh
 * salt and packs the parameters of user.passwd into out (a map of five:
 * salt, pk, ops, mem, and proof, the new key's signature of
 * wire_rotate_message).  The new public key goes to pk and the secret key
 * to sk (LRL_SK_LEN bytes the caller sodium_malloc'd).  0 or LRL_E*.
 */
int keys_rotation(const char *password, const uint8_t *server_id,
                  uint64_t user_id, uint64_t ops, uint64_t mem,
                  msgpack_packer *out, uint8_t *pk, uint8_t *sk);

/* Checks the password policy: 12 to 128 characters (any characters), not
 * the login itself, not a well-known password.  Returns 0, or LRL_EINVAL
 * with *reason set to a static English sentence. */
int keys_password_ok(const char *login, const char *password,
                     const char **reason);

/* Reads one password from the terminal without echo (prompt on
 * /dev/tty), or one line from stdin when from_stdin.  The result is in
 * sodium_malloc'd memory of LRL_PASSWORD_MAX * 4 + 1 bytes; free it with
 * keys_password_free.  Returns 0, LRL_EIO (no terminal, end of input). */
int keys_read_password(const char *prompt, int from_stdin, char **out);
void keys_password_free(char *p);

#endif
