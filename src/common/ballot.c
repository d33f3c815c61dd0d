/* ballot.c — encoding and sealing secret ballots (ballot.h). */
#include "laurel/ballot.h"

#include <sodium.h>
#include <string.h>

#include "laurel/wire.h"

_Static_assert(BALLOT_SEALED_LEN == BALLOT_LEN + crypto_box_SEALBYTES, "sealed "
                                                                       "ballot "
                                                                       "lengt"
                                                                       "h");
_Static_assert(BALLOT_KEY_LEN == crypto_box_PUBLICKEYBYTES, "ballot key");

int ballot_encode(uint8_t *plain, uint32_t round, const char *code, char choice)
{
	size_t cl = strlen(code);

	if (cl > BALLOT_CODE ||
	    (choice != 'Y' && choice != 'N' && choice != 'A'))
		return -1;
	randombytes_buf(plain, BALLOT_LEN);
	memcpy(plain, BALLOT_MAGIC, 4);
	plain[4] = 1;
	wire_put_be32(plain + 5, round);
	plain[9] = (uint8_t)cl;
	memset(plain + 10, 0, BALLOT_CODE);
	memcpy(plain + 10, code, cl);
	plain[10 + BALLOT_CODE] = (uint8_t)choice;
	return 0;
}

int ballot_decode(const uint8_t *plain, uint32_t *round, char *code,
                  char *choice)
{
	if (memcmp(plain, BALLOT_MAGIC, 4) != 0 || plain[4] != 1 ||
	    plain[9] > BALLOT_CODE)
		return -1;
	*round = wire_get_be32(plain + 5);
	memcpy(code, plain + 10, plain[9]);
	code[plain[9]] = '\0';
	*choice = (char)plain[10 + BALLOT_CODE];
	if (*choice != 'Y' && *choice != 'N' && *choice != 'A')
		return -1;
	return 0;
}

int ballot_seal(uint8_t *sealed, const uint8_t *pk, uint32_t round,
                const char *code, char choice)
{
	uint8_t *plain = sodium_malloc(BALLOT_LEN);
	int rc = -1;

	if (plain == NULL)
		return -1;
	if (ballot_encode(plain, round, code, choice) == 0 &&
	    crypto_box_seal(sealed, plain, BALLOT_LEN, pk) == 0)
		rc = 0;
	sodium_memzero(plain, BALLOT_LEN);
	sodium_free(plain);
	return rc;
}
