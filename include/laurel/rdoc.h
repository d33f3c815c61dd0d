/*
 * rdoc.h — a report as the client holds it: the pages of the server's
 * report model (report.h) joined into one document, and its renderings:
 * terminal text, CSV and PDF in the official layout (Decree 30/2020:
 * A4, Liberation Serif, the national motto and issuer blocks, the number
 * and date line, page numbers from page 2, the signature block and the
 * store checkpoint at the foot of every page).
 *
 * Every string from the server passes the display sanitiser when the
 * document is built; labels (title, headings, column names, l10n cells,
 * paragraphs) are translated then, through the "laurel" catalogue, so
 * that renderers only lay text out.
 *
 * Lifecycle: rdoc_fetch (or rdoc_new + rdoc_add_page) → render… →
 * rdoc_free.
 */
#ifndef LAUREL_RDOC_H
#define LAUREL_RDOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <msgpack.h>

#include "laurel/client.h"

enum rdoc_kind {
	RDOC_HEADING,
	RDOC_PARA,
	RDOC_TABLE,
	RDOC_CHART,
	RDOC_SIGNATURE, /* the signature block goes here */
	RDOC_BREAK      /* a new page */
};

struct rdoc_col {
	char *name;
	int right;
};

struct rdoc_bar {
	char *label;
	double value;
	double target; /* < 0: none */
};

struct rdoc_block {
	enum rdoc_kind kind;
	char *text;  /* heading, paragraph, table or chart title */
	int id;      /* table id (pages join tables by it) */
	int centred; /* a heading centred on the page */
	size_t ncols;
	struct rdoc_col *cols;
	size_t nrows, caprows;
	char ***rows; /* nrows × ncols */
	char **total; /* ncols, or NULL */
	char *unit;   /* chart: the unit of the values ("%") */
	size_t nbars;
	struct rdoc_bar *bars;
};

/* One who signs: the title (translated) and the name ("": blank). */
struct rdoc_signer {
	char *title, *name;
};

struct rdoc {
	char *name; /* "report.annual" */
	char *title, *subtitle;
	char *hospital, *parent, *place, *number, *signer;
	/* A letter's subject line ("V/v …"), "" for a document with a
	 * title. */
	char *abstract;
	/* Who signs, left to right; none: the role signer alone. */
	struct rdoc_signer *signers;
	size_t nsigners;
	/* The recipients under "Nơi nhận:"; has_copies 0: the default. */
	char **copies;
	size_t ncopies;
	int has_copies;
	char *mark;   /* stamped on the document ("DỰ THẢO"), "" for none */
	int32_t date; /* days since 1970-01-01 */
	int64_t events;
	char *head; /* hex */
	char *checkpoint;
	size_t nblocks, cap;
	struct rdoc_block *blocks;
};

/* An empty document; NULL when memory runs out. */
struct rdoc *rdoc_new(void);
void rdoc_free(struct rdoc *d);

/* Adds one page (the "report" map of a reply body).  Returns 0, or
 * LRL_EPROTO when it is not a report page. */
int rdoc_add_page(struct rdoc *d, const msgpack_object *report);

/*
 * Runs the report action (params: a packed map of count entries, without
 * "after" and "model") page after page and joins the pages into *out.
 * A list that is also a report is asked for its model.  Returns 0; the
 * transport error; or the server's refusal with *reply holding it (the
 * caller frees it with lrl_reply_free).
 */
int rdoc_fetch(lrl_conn *c, const struct lrl_action *a, const void *entries,
               size_t entries_len, size_t count, struct rdoc **out,
               struct lrl_reply **reply);

/* Terminal text, width columns wide (0: 100). */
int rdoc_text(const struct rdoc *d, FILE *f, int width);

/*
 * CSV (RFC 4180, UTF-8, CRLF): every table of the document in one file,
 * in order, each preceded by a row holding its title alone and followed
 * by an empty line; a table's total is its last row.  The first row is
 * the report's title and subtitle, the last the store checkpoint.  bom:
 * start with a UTF-8 byte order mark (for spreadsheets).
 */
int rdoc_csv(const struct rdoc *d, FILE *f, int bom);

/* PDF in the official layout to path.  *pages receives the page count
 * when not NULL.  Returns 0 or LRL_EIO. */
int rdoc_pdf(const struct rdoc *d, const char *path, int *pages);

/* The date line: "Hà Nội, ngày 15 tháng 12 năm 2026" (place "" gives
 * dots to fill in by hand). */
void rdoc_date_line(const struct rdoc *d, char *buf, size_t n);

#endif
