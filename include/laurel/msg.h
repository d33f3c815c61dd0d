/*
 * msg.h — messages that cross the wire in a translatable form.
 *
 * The server writes its reasons and results in English with printf
 * formats.  Alongside the formatted text it sends the format itself and
 * its arguments as strings, so that a client can look the format up in
 * its message catalogue and put the arguments back into the translation
 * (msg_apply).  Formats may use positional arguments (%1$s) in
 * translations.
 */
#ifndef LAUREL_MSG_H
#define LAUREL_MSG_H

#include <stdarg.h>
#include <stddef.h>

/* Marks English text for the message catalogue without translating it
 * where it is written: the client translates it where it is shown (a
 * report's words, a message's format). */
#ifndef N_
#define N_(s) (s)
#endif

#define MSG_ARGS_MAX 6
#define MSG_ARG_LEN 160

struct msg_args {
	const char *fmt; /* static storage (a string literal) */
	int n;
	char arg[MSG_ARGS_MAX][MSG_ARG_LEN];
};

/* Records fmt and the text of each argument in ap (which is consumed). */
void msg_capture(struct msg_args *m, const char *fmt, va_list ap);

/* Writes fmt with its conversions replaced by args (in order, or by
 * position with %N$), into out (size n). */
void msg_apply(const char *fmt, char args[][MSG_ARG_LEN], int nargs,
               char *out, size_t n);

#endif
