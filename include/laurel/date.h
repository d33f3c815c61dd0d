/*
 * date.h — calendar dates and times as laurel uses them.
 *
 * A date is an int32: days since 1970-01-01 (proleptic Gregorian).  A time
 * is int64 seconds since the Unix epoch, UTC.  Vietnam keeps UTC+7 all
 * year (no daylight saving); calendar dates of events are taken there.
 * Text forms: dates are written dd/mm/yyyy and read as dd/mm/yyyy or
 * yyyy-mm-dd.
 */
#ifndef LAUREL_DATE_H
#define LAUREL_DATE_H

#include <stddef.h>
#include <stdint.h>

#define LRL_TZ_OFFSET_S (7 * 3600)
#define LRL_DATE_MIN (-25567) /* 01/01/1900 */
#define LRL_DATE_MAX 47482    /* 31/12/2099 */

/* Days since 1970-01-01 for a valid y/m/d; no range check. */
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t days, int *y, int *m, int *d);

/* Parses text into *days.  Returns 0 or LRL_EINVAL (wrong form, no such
 * day such as 31/02, or outside 1900–2099). */
int date_parse(const char *text, int32_t *days);

/* Writes "dd/mm/yyyy" into buf (at least 11 bytes). */
void date_format(int32_t days, char *buf, size_t n);

/* The Vietnamese calendar date of a UTC time. */
int32_t date_of_time(int64_t t);

/* Writes "dd/mm/yyyy HH:MM:SS" (Vietnam time) into buf (at least 20 bytes). */
void date_format_time(int64_t t, char *buf, size_t n);

/* Parses "yyyy-mm-ddTHH:MM:SSZ", "yyyy-mm-dd HH:MM:SS" (UTC) or a plain
 * integer of seconds.  Returns 0 or LRL_EINVAL. */
int date_parse_time(const char *text, int64_t *t);

#endif
