/*
 * render.h — turning a server result into terminal text, CSV or JSON.
 *
 * Results have three shapes (see action.h): {"message": text};
 * {"record": {field: value, …}}; and lists {"columns": [...], "rows":
 * [[...], …], "next": cursor|nil}.  Text output aligns columns by display
 * width (Vietnamese diacritics take no extra columns) and passes every
 * string through the display sanitiser; CSV is RFC 4180 (UTF-8, CRLF,
 * quoted where needed); JSON is one object per record, one per line.
 */
#ifndef LAUREL_RENDER_H
#define LAUREL_RENDER_H

#include <msgpack.h>
#include <stdio.h>

enum render_format { RENDER_TEXT, RENDER_CSV, RENDER_JSON };

/* CSV and JSON written to a file or a pipe carry the data exactly (an
 * export must re-import to the same text); written to a terminal they are
 * sanitised like text.  render_set_terminal(1) says the output is a
 * terminal (the CLI passes isatty(1)). */
void render_set_terminal(int is_terminal);

/* Returns 0, or LRL_EPROTO when body has none of the shapes. */
int render_result(FILE *f, const msgpack_object *body, enum render_format fmt);

/* Writes one CSV field (quoted when it must be). */
void render_csv_field(FILE *f, const char *s, size_t len);
/* Writes s as a JSON string literal. */
void render_json_string(FILE *f, const char *s, size_t len);

#endif
