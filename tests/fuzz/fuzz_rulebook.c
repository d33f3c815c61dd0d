/* fuzz_rulebook.c — rulebook files as an administrator might load them. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "laurel/rulebook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rulebook *rb = NULL;
	struct rulebook_error err;

	if (rulebook_parse((const char *)data, size, &rb, &err) == 0) {
		char *text = NULL;
		size_t len = 0;
		/* What it formats must parse again. */
		if (rulebook_format(rb, &text, &len) == 0) {
			struct rulebook *again = NULL;
			if (rulebook_parse(text, len, &again, &err) != 0)
				abort();
			rulebook_free(again);
			free(text);
		}
		rulebook_free(rb);
	}
	return 0;
}
