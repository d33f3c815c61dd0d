/*
 * ballot.h — the bytes of a secret ballot, shared by laurel (which seals
 * it) and laureld (which opens it at the round's close).
 *
 * The plaintext is BALLOT_LEN bytes whatever the choice:
 *   "LRLB" ‖ version 1 ‖ u32 BE round ‖ code length ‖ nomination code
 *   (BALLOT_CODE bytes, zero-padded) ‖ choice ('Y', 'N' or 'A') ‖
 *   random padding
 * and is sealed with crypto_box_seal to the round's X25519 public key,
 * giving BALLOT_SEALED_LEN bytes; every sealed ballot looks alike.
 */
#ifndef LAUREL_BALLOT_H
#define LAUREL_BALLOT_H

#include <stddef.h>
#include <stdint.h>

#define BALLOT_LEN 64
#define BALLOT_MAGIC "LRLB"
#define BALLOT_CODE 16
#define BALLOT_KEY_LEN 32                   /* crypto_box_PUBLICKEYBYTES */
#define BALLOT_SEALED_LEN (BALLOT_LEN + 48) /* + crypto_box_SEALBYTES */

/* Fills plain (BALLOT_LEN bytes) with the ballot of choice ('Y', 'N',
 * 'A') on nomination code in round, with random padding.  Returns 0, or
 * -1 when the code is too long or the choice unknown. */
int ballot_encode(uint8_t *plain, uint32_t round, const char *code,
                  char choice);

/* Reads a plaintext: 0 with *round, code (BALLOT_CODE + 1 bytes) and
 * *choice, or -1 when it is not a ballot. */
int ballot_decode(const uint8_t *plain, uint32_t *round, char *code,
                  char *choice);

/* Seals the ballot of choice to pk into sealed (BALLOT_SEALED_LEN
 * bytes); the plaintext is wiped.  Returns 0 or -1. */
int ballot_seal(uint8_t *sealed, const uint8_t *pk, uint32_t round,
                const char *code, char choice);

#endif
