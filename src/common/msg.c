/* msg.c — capturing and re-applying printf arguments (see msg.h). */
#include "laurel/msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses one conversion after '%': fills spec (for snprintf) and returns
 * the length consumed, or 0 when it is "%%". */
struct conv {
	char spec[24];
	char type;   /* d u x c s f p */
	int prec;    /* precision given as digits, or -1 */
	int lmods;   /* 0, 1 (l), 2 (ll), 'z', 'h' */
	int star;    /* precision or width given as '*' */
	int pos;     /* N of %N$, or 0 */
};

static size_t parse_conv(const char *p, struct conv *c)
{
	const char *s = p;
	size_t o = 0;

	memset(c, 0, sizeof *c);
	c->prec = -1;
	c->spec[o++] = '%';
	if (*s == '%')
		return 0;
	if (*s >= '1' && *s <= '9' && s[1] == '$') {
		c->pos = *s - '0';
		s += 2;
	}
	while (*s && strchr("-+ #0", *s) && o < 10)
		c->spec[o++] = *s++;
	while (*s >= '0' && *s <= '9' && o < 14)
		c->spec[o++] = *s++;
	if (*s == '.') {
		c->spec[o++] = *s++;
		if (*s == '*') {
			c->star = 1;
			c->spec[o++] = *s++;
		} else {
			c->prec = 0;
		}
		while (*s >= '0' && *s <= '9' && o < 18) {
			if (c->prec >= 0)
				c->prec = c->prec * 10 + (*s - '0');
			c->spec[o++] = *s++;
		}
	}
	if (*s == 'l' && s[1] == 'l') {
		c->lmods = 2;
		memcpy(c->spec + o, "ll", 2);
		o += 2;
		s += 2;
	} else if (*s == 'l') {
		c->lmods = 1;
		c->spec[o++] = *s++;
	} else if (*s == 'z' || *s == 'h' || *s == 'j') {
		c->lmods = *s;
		c->spec[o++] = *s++;
	}
	c->type = *s ? *s : 's';
	c->spec[o++] = c->type;
	c->spec[o] = '\0';
	if (*s)
		s++;
	return (size_t)(s - p);
}

/* Copies the first len bytes of s into a (MSG_ARG_LEN bytes).  Text that
 * does not fit is cut at a character's start and ends with "…", so that
 * a translation shows it shortened, never with half a character. */
static void put_text(char *a, const char *s, size_t len)
{
	static const char more[] = "…";
	size_t n;

	if (len < MSG_ARG_LEN) {
		memcpy(a, s, len);
		a[len] = '\0';
		return;
	}
	n = MSG_ARG_LEN - sizeof more;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(a, s, n);
	memcpy(a + n, more, sizeof more);
}

void msg_capture(struct msg_args *m, const char *fmt, va_list ap)
{
	m->fmt = fmt;
	m->n = 0;
	for (const char *p = fmt; *p; p++) {
		struct conv c;
		size_t used;
		char *a;

		if (*p != '%')
			continue;
		used = parse_conv(p + 1, &c);
		if (used == 0) {
			p++;
			continue;
		}
		p += used;
		if (m->n == MSG_ARGS_MAX)
			break;
		a = m->arg[m->n++];
		switch (c.type) {
		case 's':
			if (c.star) {
				/* The text need not end within the
				 * precision: read no further. */
				int prec = va_arg(ap, int);
				const char *s = va_arg(ap, const char *);
				size_t len = s == NULL  ? 0
				             : prec >= 0 ? strnlen(s, (size_t)prec)
				                         : strlen(s);
				put_text(a, s ? s : "", len);
			} else {
				const char *s = va_arg(ap, const char *);
				size_t len = s == NULL     ? 0
				             : c.prec >= 0 ? strnlen(s, (size_t)c.prec)
				                           : strlen(s);
				put_text(a, s ? s : "", len);
			}
			break;
		case 'd':
		case 'i':
			if (c.lmods == 2)
				snprintf(a, MSG_ARG_LEN, "%lld", va_arg(ap, long long));
			else if (c.lmods == 1)
				snprintf(a, MSG_ARG_LEN, "%ld", va_arg(ap, long));
			else if (c.lmods == 'z')
				snprintf(a, MSG_ARG_LEN, "%zd", va_arg(ap, ssize_t));
			else
				snprintf(a, MSG_ARG_LEN, "%d", va_arg(ap, int));
			break;
		case 'u':
		case 'x':
			if (c.lmods == 2)
				snprintf(a, MSG_ARG_LEN, "%llu", va_arg(ap, unsigned long long));
			else if (c.lmods == 1)
				snprintf(a, MSG_ARG_LEN, "%lu", va_arg(ap, unsigned long));
			else if (c.lmods == 'z')
				snprintf(a, MSG_ARG_LEN, "%zu", va_arg(ap, size_t));
			else
				snprintf(a, MSG_ARG_LEN, "%u", va_arg(ap, unsigned));
			break;
		case 'c':
			snprintf(a, MSG_ARG_LEN, "%c", (char)va_arg(ap, int));
			break;
		case 'f':
		case 'g':
			snprintf(a, MSG_ARG_LEN, "%g", va_arg(ap, double));
			break;
		default:
			(void)va_arg(ap, void *);
			a[0] = '\0';
		}
	}
}

void msg_apply(const char *fmt, char args[][MSG_ARG_LEN], int nargs,
               char *out, size_t n)
{
	size_t o = 0;
	int next = 0;

	if (n == 0)
		return;
	for (const char *p = fmt; *p && o + 1 < n; p++) {
		struct conv c;
		size_t used;
		int k;

		if (*p != '%') {
			out[o++] = *p;
			continue;
		}
		used = parse_conv(p + 1, &c);
		if (used == 0) {
			out[o++] = '%';
			p++;
			continue;
		}
		p += used;
		k = c.pos ? c.pos - 1 : next++;
		/* A translation may drop an argument with %.0s (a plural
		 * ending its language does not use). */
		if (k >= 0 && k < nargs && c.type == 's' && c.prec >= 0)
			o += (size_t)snprintf(out + o, n - o, "%.*s", c.prec, args[k]);
		else if (k >= 0 && k < nargs)
			o += (size_t)snprintf(out + o, n - o, "%s", args[k]);
		if (o >= n)
			o = n - 1;
	}
	out[o] = '\0';
}
