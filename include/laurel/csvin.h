/*
 * csvin.h — reading CSV files for imports.
 *
 * Accepts what spreadsheet programs write: UTF-8 with or without a byte
 * order mark, comma-, semicolon- or tab-separated (detected from the
 * header line), RFC 4180 quoting, CRLF or LF line ends.  Cells are passed
 * on as bytes; their validation (UTF-8 included) is the server's, which
 * names the line and column of every problem.
 */
#ifndef LAUREL_CSVIN_H
#define LAUREL_CSVIN_H

#include <stddef.h>

#include "laurel/mp.h"

/*
 * Reads path and packs its rows into pk as a MessagePack array of
 * [line, cell, …] (line: the file line on which the row ends; the header
 * is row 1).  Returns 0, or LRL_EIO / LRL_EINVAL with a message in err
 * (size n) naming the line.
 */
int csvin_read(const char *path, msgpack_packer *pk, size_t *nrows,
               char *err, size_t n);

/* The same, over len bytes already in memory; name labels messages. */
int csvin_parse(const char *data, size_t len, const char *name,
                msgpack_packer *pk, size_t *nrows, char *err, size_t n);

#endif
