/* fuzz_text.c — arbitrary bytes through validation, normalisation,
 * folding, sort keys and the display sanitiser. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *clean = NULL, *z, *san;
	const char *why;
	size_t kl;

	free(text_sanitize(s, size, 1));
	if (text_clean(s, size, 0, 4000, 1, &clean, &why) == 0) {
		unsigned char *k = text_name_key(clean, &kl);
		char fit[64];
		free(k);
		free(text_fold(clean));
		san = text_sanitize(clean, strlen(clean), 0);
		if (san) {
			text_width(san);
			text_fit(fit, sizeof fit, san, 20, 0);
		}
		free(san);
		free(clean);
	}
	if ((z = malloc(size + 1)) != NULL) {
		memcpy(z, data, size);
		z[size] = '\0';
		if (text_utf8_valid(z, strlen(z)))
			free(text_nfc(z));
		free(z);
	}
	return 0;
}
