/* fuzz_params.c — any MessagePack value checked as the parameters of
 * every action in the table. */
#include <stddef.h>
#include <stdint.h>

#include "laurel/action.h"
#include "laurel/mp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msgpack_unpacked u;

	msgpack_unpacked_init(&u);
	if (mp_decode(&u, data, size) == 0)
		for (size_t i = 0; i < LRL_ACTION_COUNT; i++) {
			struct lrl_fail f;
			action_check_params(&lrl_actions[i], &u.data, &f);
		}
	msgpack_unpacked_destroy(&u);
	return 0;
}
