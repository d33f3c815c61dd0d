/* fuzz_csv.c — CSV files as imports read them. */
#include <stddef.h>
#include <stdint.h>

#include "laurel/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mp_buf b;
	size_t rows;
	char err[256];

	mp_buf_init(&b);
	csvin_parse((const char *)data, size, "fuzz.csv", &b.pk, &rows, err,
	            sizeof err);
	mp_buf_free(&b);
	return 0;
}
