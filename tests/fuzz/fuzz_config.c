/* fuzz_config.c — laurel.conf contents. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lrl_config c;
	char err[512], *text = malloc(size + 1);

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	config_defaults(&c);
	config_load_string(&c, text, "fuzz.conf", err, sizeof err);
	free(text);
	return 0;
}
