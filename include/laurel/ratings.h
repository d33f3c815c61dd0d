/*
 * ratings.h — what other areas may ask about a rating (xếp loại) of a
 * person or a unit (rating.c owns the records; their layout is described
 * there).
 */
#ifndef LAUREL_RATINGS_H
#define LAUREL_RATINGS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The rating of a stored person's or unit's rating record (value v, vl
 * bytes), as rulebook_rating_from_name gives it (negative when it is no
 * rating).  Read without decoding the record when its layout allows: a
 * province's report reads every rating of the year.
 */
int rating_value(const void *v, size_t vl);

/* When a stored rating of a person ('S') or unit ('U') was recorded
 * (time; 0 when not recorded). */
int64_t rating_recorded(const void *v, size_t vl, char kind);

#endif
