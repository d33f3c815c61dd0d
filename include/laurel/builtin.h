/*
 * builtin.h — data compiled into laureld from the source tree's data/
 * directory, so that an installed laureld needs no file beside it.
 *
 * The Makefile generates the definitions (BUILD/gen/builtin_rulebook.c)
 * from data/rulebook-2026.txt with od(1).
 */
#ifndef LAUREL_BUILTIN_H
#define LAUREL_BUILTIN_H

#include <stddef.h>

/* The default rulebook's version, as laureld demo loads it. */
#define BUILTIN_RULEBOOK_VERSION "2026"

/* The text of data/rulebook-2026.txt: builtin_rulebook_len bytes of UTF-8,
 * not NUL-terminated. */
extern const unsigned char builtin_rulebook[];
extern const size_t builtin_rulebook_len;

#endif
