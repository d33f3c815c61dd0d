/*
 * limits.h — every size, count and timeout laurel relies on, in one place.
 */
#ifndef LAUREL_LIMITS_H
#define LAUREL_LIMITS_H

/* Wire protocol. */
#define LRL_PROTO_VERSION 1
#define LRL_FRAME_HDR 4                 /* big-endian u32 payload length */
#define LRL_FRAME_MAX (8u * 1024u * 1024u) /* largest payload accepted */
#define LRL_FRAME_TIMEOUT_S 10          /* a frame must complete within this */
#define LRL_MAX_CONNS 1024              /* concurrent client connections */
#define LRL_BATCH_MAX 256               /* commands grouped in one commit */

/* Cryptography (sizes are libsodium's, named here for the formats). */
#define LRL_SALT_LEN 16
#define LRL_PK_LEN 32
#define LRL_SK_LEN 64
#define LRL_SIG_LEN 64
#define LRL_HASH_LEN 32
#define LRL_NONCE_LEN 32
#define LRL_SERVER_ID_LEN 32

/* Passwords, in Unicode code points. */
#define LRL_PASSWORD_MIN 12
#define LRL_PASSWORD_MAX 128

/* Field lengths, in Unicode code points. */
#define LRL_LOGIN_MAX 32
#define LRL_NAME_MAX 128
#define LRL_TEXT_MAX 4000
#define LRL_CODE_MAX 24
#define LRL_TITLE_CODE_MAX 16 /* a title or honour code ("CSTDCS") */
#define LRL_ROLES_MAX 32

/* Store. */
#define LRL_PATH_MAX 4096
#define LRL_MAP_INITIAL (64ull * 1024 * 1024)  /* grows by doubling */
#define LRL_MAX_DBS 64
#define LRL_MAX_READERS 256

/* Logins (defaults; laurel.conf overrides). */
#define LRL_LOCKOUT_FAILURES 5
#define LRL_LOCKOUT_MINUTES 15
#define LRL_BACKOFF_MAX_S 60
#define LRL_UNKNOWN_NAMES_TRACKED 4096

/* Lists page through the store with cursors. */
#define LRL_PAGE_DEFAULT 200
#define LRL_PAGE_MAX 5000

#endif
