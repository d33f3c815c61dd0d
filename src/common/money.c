/* money.c — amounts of money as text (money.h). */
#include "laurel/money.h"

#include <stdio.h>

void money_format(int64_t vnd, char *buf, size_t n)
{
	char digits[24], out[40];
	/* The magnitude as unsigned, so that INT64_MIN has one too. */
	uint64_t mag = vnd < 0 ? (uint64_t)0 - (uint64_t)vnd : (uint64_t)vnd;
	int len, j = 0;

	len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
	if (vnd < 0)
		out[j++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[j++] = '.';
		out[j++] = digits[i];
	}
	out[j] = '\0';
	snprintf(buf, n, "%s đ", out);
}
