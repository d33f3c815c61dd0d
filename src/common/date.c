/* date.c — civil-date arithmetic (see date.h). */
#include "laurel/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laurel/err.h"

/* Howard Hinnant's days-from-civil algorithm. */
int32_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : dm[m - 1];
}

static int parse_uint(const char *s, size_t n, int *out)
{
	int v = 0;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *text, int32_t *days)
{
	int y, m, d;
	size_t n = strlen(text);

	if (n == 10 && text[4] == '-' && text[7] == '-') {
		if (parse_uint(text, 4, &y) || parse_uint(text + 5, 2, &m) ||
		    parse_uint(text + 8, 2, &d))
			return LRL_EINVAL;
	} else {
		const char *s1 = strchr(text, '/');
		const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
		if (!s1 || !s2 || parse_uint(text, (size_t)(s1 - text), &d) ||
		    parse_uint(s1 + 1, (size_t)(s2 - s1 - 1), &m) ||
		    strlen(s2 + 1) != 4 || parse_uint(s2 + 1, 4, &y) ||
		    s1 - text > 2 || s2 - s1 - 1 > 2)
			return LRL_EINVAL;
	}
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return LRL_EINVAL;
	*days = date_from_ymd(y, m, d);
	return 0;
}

void date_format(int32_t days, char *buf, size_t n)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	snprintf(buf, n, "%02d/%02d/%04d", d, m, y);
}

int32_t date_of_time(int64_t t)
{
	int64_t local = t + LRL_TZ_OFFSET_S;
	int64_t days = local / 86400;

	if (local % 86400 < 0)
		days--;
	return (int32_t)days;
}

void date_format_time(int64_t t, char *buf, size_t n)
{
	int64_t local = t + LRL_TZ_OFFSET_S;
	int32_t days = date_of_time(t);
	int64_t sec = local - (int64_t)days * 86400;
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	snprintf(buf, n, "%02d/%02d/%04d %02d:%02d:%02d", d, m, y,
	         (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
}

int date_parse_time(const char *text, int64_t *t)
{
	int y, mo, d, h, mi, s;
	char *end;
	long long v;

	v = strtoll(text, &end, 10);
	if (end != text && *end == '\0') {
		*t = v;
		return 0;
	}
	if (strlen(text) < 19 || parse_uint(text, 4, &y) || text[4] != '-' ||
	    parse_uint(text + 5, 2, &mo) || text[7] != '-' ||
	    parse_uint(text + 8, 2, &d) || (text[10] != 'T' && text[10] != ' ') ||
	    parse_uint(text + 11, 2, &h) || text[13] != ':' ||
	    parse_uint(text + 14, 2, &mi) || text[16] != ':' ||
	    parse_uint(text + 17, 2, &s) ||
	    (text[19] != '\0' && strcmp(text + 19, "Z") != 0))
		return LRL_EINVAL;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
	    mi > 59 || s > 60)
		return LRL_EINVAL;
	*t = (int64_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	return 0;
}
