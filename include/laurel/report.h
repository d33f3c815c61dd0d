/*
 * report.h — the report model laureld computes and the builder report
 * handlers fill (src/server/report.c).  Clients render the model as
 * terminal text, CSV or PDF (rdoc.h); the server never formats a page.
 *
 * A reply of an AF_REPORT action is one page of the model:
 *
 *   {"report": {"name": "report.annual", "title": T, "subtitle": M,
 *               "hospital": H, "parent": P, "place": city or "",
 *               "date": days, "number": N or "", "signer": role,
 *               "events": count, "head": hex, "checkpoint": line,
 *               "blocks": [B, …], "next": cursor or nil,
 *               "page-size": positions, "after": this page's start,
 *               "signers": [[title, name], …] or nil,
 *               "copies": [line, …] or nil, "mark": text}}
 *
 * "date" is the document's own date (today unless the handler sets it:
 * a decision's date, a session's); "number" the bare number ("12/QĐ-BV")
 * that the client prints after "Số:".  "signers" lists who signs, left
 * to right, each a title (English source text or the document's own
 * Vietnamese words, looked up in the catalogue either way) and a name
 * ("" for a blank to sign); nil: the one role "signer", unnamed.
 * "copies" are the recipients' lines under "Nơi nhận:" (nil: the
 * default ones; empty: no recipients block).  "mark" is a word stamped
 * on the document ("DRAFT"), "" for none.
 *
 * and each block B is an array whose first element says its kind:
 *
 *   ["h", text]                          a section heading
 *   ["h", text, "c"]                     a heading centred ("QUYẾT ĐỊNH:")
 *   ["p", text, format, [arg, …]]       a paragraph
 *   ["t", id, title, [[name, align, l10n], …], [[cell, …], …], total|nil]
 *                                        a table (align "l" or "r"; l10n
 *                                        true: the cells are words the
 *                                        client translates)
 *   ["c", title, unit, [[label, value, target|nil], …]]
 *                                        a bar chart (rates per unit)
 *   ["s", ""]                            the signature block goes here
 *                                        (else after the last block)
 *   ["b", ""]                            what follows starts a new page
 *                                        (a decision's annex)
 *
 * Titles, headings, column names and l10n cells are English source text
 * that the client looks up in the "laurel" catalogue; paragraphs and the
 * subtitle (M = [text, format, [arg, …]]) carry their printf format and
 * arguments as msg.h messages do, for the same look-up; everything else is
 * data.  Cells are text already formatted the Vietnamese way ("96,2%",
 * "760.000 đ", "15/12/2026").
 *
 * Paging: every block and every table row is one position.  A page holds
 * the positions [after, after + REPORT_PAGE) of the whole model; a table
 * cut by a page boundary appears on both pages with the same id (the
 * client joins them), its total only where it ends.  "next" is the
 * "after" of the following page.  Handlers produce the whole model every
 * time; rows outside the page are counted, not packed, so a page costs
 * memory for its own rows only.
 *
 * Adding a report: a row in LRL_ACTIONS_REPORT with
 * AF_REPORT and its LRL_PARAMS_REPORT_<ID> ending in
 * LRL_PARAMS_REPORT_PAGE(P), and a handler that reads the store and calls
 *
 *   rpt_begin(c, "DECISION", &r); rpt_number(r, "12/QĐ-BV");
 *   rpt_heading(r, …); rpt_para(r, …);
 *   rpt_table(r, …); for each row: rpt_row(r) and its cells; rpt_total…;
 *   rpt_table_end(r);
 *   return rpt_end(r);
 *
 * The CLI (laurel report NAME, text, CSV, PDF), report.list and the TUI's
 * Reports section then offer it without further code.  A report of one
 * module's records is best built in that module, with its own readers:
 * the council's minutes (council.c), a decision and the fund ledger
 * (decision.c), the month's exemplar letter (model.c).
 */
#ifndef LAUREL_REPORT_H
#define LAUREL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "laurel/handler.h"

/* Positions (blocks and rows) per page. */
#define REPORT_PAGE 2000
/* Signers of one document (a chair and a secretary sign minutes). */
#define RPT_SIGNERS 4

typedef struct rpt rpt;

/* A table column: English name, right-aligned (numbers), translated
 * cells. */
struct rpt_col {
	const char *name;
	int right;
	int l10n;
};

/*
 * Starts the model of c's action with its title (English).  Reads the
 * "after" parameter.  Returns 0 with *out set, or LRL_ENOMEM.  The caller
 * ends with rpt_end (which packs the page into c->out) or rpt_free on a
 * failure.
 */
int rpt_begin(struct lrl_ctx *c, const char *title, rpt **out);
void rpt_free(rpt *r);

/* Header fields: the subtitle ("Year 2026"), the document number. */
void rpt_subtitle(rpt *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rpt_number(rpt *r, const char *number);
/* A letter's subject line under its number (the trích yếu, "V/v …"; an
 * English format translated by the client as rpt_para's are).  A
 * document with one is a letter (công văn): it has no title line. */
void rpt_abstract(rpt *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The role that signs ("DIRECTOR"; default). */
void rpt_signer(rpt *r, const char *role);
/* Adds a signer (at most RPT_SIGNERS, left to right): a title and a
 * name ("" leaves the line blank).  Replaces rpt_signer's role. */
void rpt_sign(rpt *r, const char *title, const char *name);
/* The recipients under "Nơi nhận:", one per line of lines ("": none). */
void rpt_copies(rpt *r, const char *lines);
/* The document's date (days since 1970-01-01) instead of today's; the
 * issuer and the place instead of the hospital's and laurel.conf's
 * (each ignored when ""). */
void rpt_date(rpt *r, int32_t day);
void rpt_issuer(rpt *r, const char *issuer);
/* The document is issued by body, a part of the hospital (its council):
 * the issuer block reads the hospital over the body. */
void rpt_issuer_within(rpt *r, const char *body);
void rpt_place(rpt *r, const char *place);
/* A word stamped on the document (English, translated by the client):
 * "DRAFT" on a draft. */
void rpt_mark(rpt *r, const char *word);

void rpt_heading(rpt *r, const char *text);
void rpt_heading_centred(rpt *r, const char *text);
void rpt_para(rpt *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The signature block here rather than at the end; a page break. */
void rpt_signature(rpt *r);
void rpt_page_break(rpt *r);

/* A table: rpt_table, then for each row rpt_row and exactly ncols cells,
 * optionally rpt_total and ncols cells, then rpt_table_end. */
void rpt_table(rpt *r, const char *title, const struct rpt_col *cols,
               size_t ncols);
/* Returns 1 when the row is in the page (its cells are kept). */
int rpt_row(rpt *r);
void rpt_total(rpt *r);
void rpt_cell(rpt *r, const char *s);
/* A cell of explained lines [{text, fmt, args, child}, …], which the
 * client shows in its language, "; "-separated, a line's children (child:
 * true) in brackets after it. */
void rpt_cell_lines(rpt *r, const msgpack_object *lines);
void rpt_cellf(rpt *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rpt_cell_int(rpt *r, int64_t v);
/* num/den as a percentage with one decimal ("96,2%"); "–" when den is 0. */
void rpt_cell_pct(rpt *r, int64_t num, int64_t den);
void rpt_table_end(rpt *r);

/* A bar chart of rates (0–100) with an optional target (< 0: none). */
void rpt_chart(rpt *r, const char *title, const char *unit);
void rpt_bar(rpt *r, const char *label, double value, double target);
void rpt_chart_end(rpt *r);

/* 1 once the page is full: what follows is not packed, and a handler may
 * stop producing. */
int rpt_full(const rpt *r);

/* Packs the page into c->out and frees r.  Returns 0 or an LRL_E code. */
int rpt_end(rpt *r);

/* "96,2%" for num/den into buf ("–" when den is 0). */
void rpt_pct_text(int64_t num, int64_t den, char *buf, size_t n);

/*
 * Runs the list handler h for c and turns its list (columns and rows)
 * into a one-table report titled title: how report.roster and
 * report.review become printable documents when asked with "model".
 */
int rpt_wrap_list(struct lrl_ctx *c, lrl_handler h, const char *title);

#endif
