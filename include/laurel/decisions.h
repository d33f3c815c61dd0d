/*
 * decisions.h — the director's decisions (quyết định khen thưởng), the
 * reward fund, complaints about published drafts, and the dossiers
 * forwarded to the province (src/server/actions/decision.c).
 *
 * decisions:     draft code "QD-2026-001" → {1 year, 2 state ("draft" |
 *                "published" | "signed" | "cancelled"), 3 date (days),
 *                4 subject line, 5 grounds (lines), 6 recipients [[1
 *                nomination code or "", 2 'S'|'U', 3 id, 4 title, 5 amount
 *                (VND), 6 pays (bool), 7 unit id], …], 7 drafted by,
 *                8 drafted (time), 9 number ("15/QĐ-BV", "" until
 *                signed), 10 signed by, 11 signed (time), 12 complaints
 *                until (days, 0 when never published), 13 override
 *                reason, 14 cancel reason, 15 copies (Nơi nhận, lines),
 *                16 ad-hoc reason, 17 issuer, 18 place, 19 signer's title}
 * decision_keys: u16 BE year ‖ 'S'|'U' ‖ u32 BE id ‖ title → the code of
 *                the live decision (draft, published or signed) or
 *                forwarded dossier that settles that award
 * fund:          u16 BE year ‖ u64 BE event → {1 kind ("deposit" |
 *                "payment"), 2 amount (VND), 3 date (days), 4 source or
 *                decision number, 5 decision code, 6 override reason,
 *                7 by, 8 time}
 * complaints:    u64 BE event → {1 decision code, 2 nomination code or
 *                "", 3 'S'|'U', 4 id, 5 text, 6 by (user id), 7 time};
 *                the matter with the same number (awards.h) is what
 *                blocks the award, and holds the answer
 * dossiers:      code "TT-2026-001" → {1 year, 2 memo number, 3 memo date,
 *                4 nomination codes, 5 state ("forwarded" | "granted" |
 *                "refused"), 6 decision number, 7 decision date,
 *                8 issuer, 9 note, 10 by, 11 time, 12 answered by,
 *                13 answered (time)}
 * state:         "seq:QD-<year>", "seq:TT-<year>" → u32 BE the last draft
 *                or dossier code given; "seq:SO-<calendar year>" → u32 BE
 *                the last decision number signed that year (never reused);
 *                "decision:setup" → {1 suffix, 2 issuer, 3 place, 4 signer}
 *
 * Signing writes an awards record (awards.h) per recipient with the
 * decision number, date, issuer and field 7 the decision code.
 */
#ifndef LAUREL_DECISIONS_H
#define LAUREL_DECISIONS_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/store.h"

/* What settles the award (year, subject, title): copies the code of the
 * decision or dossier into code and its state word into state
 * ("draft", "published", "signed", "forwarded", "granted", "refused")
 * and the number (or memo) into number.  Returns 1 when one does, else 0. */
int decision_settling(store_txn *t, int year, char kind, uint32_t id,
                      const char *title, char *code, size_t cn, char *state,
                      size_t sn, char *number, size_t nn);

/* The hospital's abbreviation in its document numbers ("BV" of
 * "15/QĐ-BV"), as decision.setup has it. */
void decision_issuer_code(store_txn *t, char *out, size_t n);

/* Is a complaint about the award of nomination nom, in a published draft,
 * still open?  1 or 0. */
int decision_nomination_complained(store_txn *t, const char *nom);

/* One line of a year's fund, decoded: its kind ("deposit" or
 * "payment"), amount (VND, positive) and date (days); a deposit's source
 * or a payment's decision number; a payment's decision code, and why it
 * overdrew the fund ("" when it did not). */
struct fund_line {
	char kind[16];
	int64_t amount;
	int32_t date;
	char source[LRL_NAME_MAX * 8 + 1];
	char decision[LRL_CODE_MAX + 1];
	char override[LRL_NAME_MAX * 4 + 1];
};

/*
 * Calls fn for every line of the year's fund, in the order recorded,
 * until fn returns non-zero, which decision_fund_each then returns.
 * Returns 0 when all lines were visited, or an LRL_E* code of the store.
 */
int decision_fund_each(store_txn *t, int year,
                       int (*fn)(const struct fund_line *e, void *arg),
                       void *arg);

/* Packs every title and honour a person ('S') or unit ('U') holds, year
 * after year, as an array of lines "2026 LDTT — 15/QĐ-BV, 15/12/2026,
 * issuer". */
void decision_pack_titles(store_txn *t, char kind, uint32_t id,
                          msgpack_packer *pk);

#endif
