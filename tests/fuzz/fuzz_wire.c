/* fuzz_wire.c — frame payloads and signed requests as the server decodes
 * them: nothing may crash, leak or read out of bounds. */
#include <stddef.h>
#include <stdint.h>

#include "laurel/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msgpack_unpacked u, r;
	enum wire_type type;
	const msgpack_object *body;
	struct wire_req req;

	msgpack_unpacked_init(&u);
	msgpack_unpacked_init(&r);
	if (wire_decode(&u, data, size, &type, &body) == 0) {
		const msgpack_object *q = mp_map_get(body, "req");
		const uint8_t *p;
		size_t n;
		if (mp_get_bin(q, &p, &n) == 0)
			wire_req_decode(&r, p, n, &req);
	}
	/* The same bytes as a bare signed request. */
	msgpack_unpacked_destroy(&r);
	msgpack_unpacked_init(&r);
	wire_req_decode(&r, data, size, &req);
	msgpack_unpacked_destroy(&u);
	msgpack_unpacked_destroy(&r);
	return 0;
}
