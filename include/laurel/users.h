/*
 * users.h — accounts as laureld stores them.
 *
 * users:      u32 BE id → MessagePack map {1 login, 2 full name, 3 salt,
 *             4 public key, 5 KDF passes, 6 KDF memory, 7 must change
 *             password, 8 locked, 9 roles [[role, unit id], …], 10 created
 *             (event time), 11 staff id, 12 language}
 * user_names: login → u32 BE id
 * user_keys:  u32 BE id ‖ u64 BE event number → public key in force from
 *             that event on (the key history audit uses)
 */
#ifndef LAUREL_USERS_H
#define LAUREL_USERS_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

struct user_role {
	uint8_t role;  /* enum lrl_role */
	uint32_t unit; /* unit id for the head role, else 0 */
};

struct user_rec {
	uint32_t id;
	char login[LRL_LOGIN_MAX + 1];
	char full_name[LRL_NAME_MAX * 4 + 1];
	uint8_t salt[LRL_SALT_LEN];
	uint8_t pk[LRL_PK_LEN];
	uint64_t ops, mem;
	int must_change;
	int locked;
	unsigned nroles;
	struct user_role roles[LRL_ROLES_MAX];
	int64_t created;
	uint32_t staff_id;
	char lang[4];
};

int users_get(store_txn *t, uint32_t id, struct user_rec *u);
/* LRL_ENOENT when no account has that login. */
int users_find(store_txn *t, const char *login, size_t len,
               struct user_rec *u);
/* Writes u.  A new account gets id = next id and its login indexed (with
 * LRL_EEXIST when the login is taken); an account's login never changes. */
int users_put(store_txn *t, struct user_rec *u, int is_new);
/* Records pk as u's key from event seq on. */
int users_key_history(store_txn *t, uint32_t id, uint64_t seq,
                      const uint8_t *pk);
/* The key that signed id's event seq: the latest set before seq. */
int users_key_at(store_txn *t, uint32_t id, uint64_t seq, uint8_t *pk);

/* Bit set of the roles u holds (1u << role). */
unsigned users_role_bits(const struct user_rec *u);
/* Bit set of the roles held by the accounts linked to staff record
 * staff_id; 0 when no account is.  Reads every account (they are few). */
unsigned users_staff_roles(store_txn *t, uint32_t staff_id);
int users_has_role(const struct user_rec *u, int role, uint32_t unit);
int users_add_role(struct user_rec *u, int role, uint32_t unit);
int users_remove_role(struct user_rec *u, int role, uint32_t unit);

#endif
