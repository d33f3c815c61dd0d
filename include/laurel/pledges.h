/*
 * pledges.h — what other areas may ask about a personal pledge
 * (pledge.c owns the records; their layout is described there).
 */
#ifndef LAUREL_PLEDGES_H
#define LAUREL_PLEDGES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Does the stored personal pledge (value v, vl bytes) count as pledged:
 * submitted, endorsed or accepted?  *submitted receives when it was
 * submitted (time; 0 when not recorded).  The two fields are read without
 * decoding the record when its layout allows: a province's report reads
 * every pledge of the year.
 */
int pledge_pledged(const void *v, size_t vl, int64_t *submitted);

#endif
