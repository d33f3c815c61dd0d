/*
 * checkpoint.h — a server-signed statement of the event log's length and
 * head: "this store had COUNT events ending in HEAD at TIME".  Printed at
 * the foot of reports and by `laurel audit checkpoint`; `laureld verify
 * --checkpoint FILE` proves the store has not been truncated or rolled
 * back since.
 *
 * Text form (one line):
 *   laurel-checkpoint 1 SERVER-ID COUNT HEAD TIME SIGNATURE
 * with SERVER-ID, HEAD and SIGNATURE in lower-case hex and TIME in Unix
 * seconds.  The signature covers the MessagePack array
 *   ["laurel/checkpoint/1", server-id, count, head, time].
 */
#ifndef LAUREL_CHECKPOINT_H
#define LAUREL_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"

struct checkpoint {
	uint8_t server_id[LRL_SERVER_ID_LEN];
	uint64_t count;
	uint8_t head[LRL_HASH_LEN];
	int64_t time;
	uint8_t sig[LRL_SIG_LEN];
};

/* Signs c (all but sig filled) with the server's secret key. */
void checkpoint_sign(struct checkpoint *c, const uint8_t *sk);
/* Returns 0 when c's signature is valid for pk, else LRL_ESIG. */
int checkpoint_verify(const struct checkpoint *c, const uint8_t *pk);
/* Writes the one-line text form (without newline); buf needs 400 bytes. */
void checkpoint_format(const struct checkpoint *c, char *buf, size_t n);
/* Parses the text form (trailing white space allowed).  0 or LRL_EINVAL. */
int checkpoint_parse(const char *line, struct checkpoint *c);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void hex_encode(const uint8_t *p, size_t n, char *out);

#endif
