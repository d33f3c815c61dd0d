/*
 * htmlexport.h — the static web pages of the exemplars (`laurel exemplar
 * export --dir DIR`), for the hospital website's "Mô hình, sáng kiến,
 * kinh nghiệm" column.
 *
 * One page per exemplar and per model (not refused), "<code>.html", and
 * "index.html" linking to them,
 * UTF-8, every string from the store escaped for HTML text and attributes;
 * links to publicity items only when they are http or https addresses.
 * Every page carries a generator mark: an export overwrites only files
 * that carry it, and refuses (writing nothing) when a file it would write
 * exists without it.  Files are written whole, through a temporary file
 * renamed into place.
 */
#ifndef LAUREL_HTMLEXPORT_H
#define LAUREL_HTMLEXPORT_H

#include <msgpack.h>
#include <stddef.h>
#include <stdio.h>

/* The mark every page carries. */
#define HTMLEXPORT_MARK                                                        \
	"<meta name=\"generator\" content=\"laurel exemplar export\">"

/*
 * Writes the pages of body (the result of exemplar.export: {"hospital",
 * "exemplars": [...], "models": [...]}) into dir, creating dir when
 * absent.  *pages gets the number of pages written (index included).  Returns 0, LRL_EEXIST
 * when an unrelated file is in the way, LRL_EIO when a file cannot be
 * written, LRL_EPROTO when body is malformed; err (size n) says which and
 * why.
 */
int htmlexport_write(const char *dir, const msgpack_object *body, size_t *pages,
                     char *err, size_t n);

/* Writes s (len bytes) escaped for HTML text and attribute values
 * (& < > " ' become entities). */
void htmlexport_escape(FILE *f, const char *s, size_t len);

#endif
