/*
 * action.h — the action table: every thing a user can do, once.
 *
 * LRL_ACTIONS is the single list.  Each row is
 *
 *   X(ID, "noun.verb", KIND, FLAGS, POL(staff, head, council, chair,
 *     secretary, director, admin), "one-line help")
 *
 * and LRL_PARAMS_<ID>(P) lists its parameters as
 *
 *   P("name", TYPE, FLAGS, min, max, "choices|…" or NULL, "help")
 *
 * From these come: the protocol's dispatch and the server's permission
 * check (src/server/dispatch.c binds act_<ID> handlers), the CLI (nouns,
 * verbs, --param parsing, --help), the TUI's menus, the man page's command
 * list and the audit log's names.  Adding a capability = one row here, its
 * parameter list, one handler act_<ID> in src/server/actions/, and tests.
 *
 * Policy: for each role, the widest scope at which the role may perform the
 * action: N none, O own records, U own unit(s) and their sub-units, A all.
 * Every account holds the staff role.  The server checks the policy; the
 * client only uses it to hide what would be refused.
 *
 * Kinds: CMD changes state (signed, logged as an event); QRY only reads.
 */
#ifndef LAUREL_ACTION_H
#define LAUREL_ACTION_H

#include <msgpack.h>
#include <stddef.h>
#include <stdint.h>

#include "laurel/limits.h"
#include "laurel/msg.h"

/* Roles, in the order of POL(). */
#define LRL_ROLES(X)                                                           \
	X(STAFF, "staff", "Nhân viên")                                         \
	X(HEAD, "head", "Trưởng khoa/phòng")                                   \
	X(COUNCIL, "council", "Thành viên Hội đồng")                           \
	X(CHAIR, "chair", "Chủ tịch Hội đồng")                                 \
	X(SECRETARY, "secretary", "Thư ký Hội đồng")                           \
	X(DIRECTOR, "director", "Giám đốc")                                    \
	X(ADMIN, "admin", "Quản trị (Phòng TCHC)")

enum lrl_role {
#define LRL_X_ROLE(id, name, vi) LRL_ROLE_##id,
	LRL_ROLES(LRL_X_ROLE)
#undef LRL_X_ROLE
	LRL_ROLE_COUNT
};

enum lrl_scope { LRL_SC_N = 0, LRL_SC_O = 1, LRL_SC_U = 2, LRL_SC_A = 3 };

enum lrl_kind { LRL_CMD, LRL_QRY };

/* Action flags. */
#define AF_NONE 0u
#define AF_INTERNAL 1u     /* not offered to users (the store's genesis) */
#define AF_NEWPASS 2u      /* client sets a temporary password: derives salt+pk */
#define AF_ROTATE 4u       /* client changes its own password (both keys sign) */
#define AF_MUSTCHANGE 8u   /* allowed while the account must change password */
#define AF_LIST 16u        /* returns a list (columns + rows + next cursor) */
#define AF_CSV 32u         /* takes a CSV file (rows); "--dry-run" calls the
                              "<name>-check" query with the same rows */
#define AF_CSVOUT 64u      /* output is CSV unless --format says otherwise */
#define AF_HTMLDIR 128u    /* the CLI writes the result as web pages into
                              the directory of its "dir" parameter */
#define AF_BALLOT 256u     /* a secret ballot: the client seals the PF_SEALED
                              choice to the round's public key (ballot.h) */
#define AF_REPORT 512u     /* a printable report: returns the report model
                              (report.h), or with AF_LIST a list that the
                              "model" parameter turns into one */
#define AF_KEYS 1024u      /* makes or retires a round's ballot key, kept
                              outside the store: the server sweeps the key
                              directory after the commit */

/* Parameter types. */
enum lrl_ptype {
	LRL_PT_STR,   /* one line of text, [min, max] code points */
	LRL_PT_TEXT,  /* multi-line text, [min, max] code points */
	LRL_PT_LOGIN, /* login name: a-z 0-9 . _ -, starts with a letter */
	LRL_PT_CODE,  /* record code: A-Z 0-9 _ -, e.g. KHAMBENH */
	LRL_PT_INT,   /* integer in [min, max] */
	LRL_PT_DATE,  /* calendar date; wire: days since 1970-01-01 */
	LRL_PT_ENUM,  /* one of choices ("a|b|c") */
	LRL_PT_BOOL,
	LRL_PT_BIN,   /* exactly max bytes; derived by the client, never typed */
	LRL_PT_ROWS,  /* rows of a CSV file: [[line, cell, …], …], at most max
	                 rows; the CLI reads them from the FILE argument */
	LRL_PT_DOC,   /* a UTF-8 text document of at most max bytes; the CLI
	                 reads it from the FILE argument */
};

/* Parameter flags. */
#define PF_NONE 0u
#define PF_REQ 1u     /* required */
#define PF_DERIVED 2u /* computed by the client (keys, salts) */
#define PF_POS 4u     /* may be given positionally on the CLI */
#define PF_SEALED 8u  /* typed by the user and sealed by the client into
                         the action's derived "sealed" parameter; never
                         sent to the server (a secret ballot's choice) */

struct lrl_param {
	const char *name;
	enum lrl_ptype type;
	unsigned flags;
	int64_t min, max;
	const char *choices;
	const char *help;
};

struct lrl_action {
	int id;
	const char *name; /* "noun.verb" */
	enum lrl_kind kind;
	unsigned flags;
	unsigned char policy[LRL_ROLE_COUNT];
	const char *help;
	const struct lrl_param *params; /* terminated by name == NULL */
};

#define LRL_ACTIONS_CORE(X)                                                    \
	X(STORE_INIT, "store.init", CMD, AF_INTERNAL,                          \
	  POL(N, N, N, N, N, N, N), "Create the store and its first administrator") \
	X(SESSION_WHOAMI, "session.whoami", QRY, AF_MUSTCHANGE,                \
	  POL(O, O, O, O, O, O, O), "Show who you are logged in as, and your roles") \
	X(USER_PASSWD, "user.passwd", CMD, AF_ROTATE | AF_MUSTCHANGE,          \
	  POL(O, O, O, O, O, O, O), "Choose a new password")                   \
	X(USER_ADD, "user.add", CMD, AF_NEWPASS, POL(N, N, N, N, N, N, A),     \
	  "Create an account with a temporary password")                       \
	X(USER_LIST, "user.list", QRY, AF_LIST, POL(N, N, N, N, N, N, A),      \
	  "List accounts")                                                     \
	X(USER_SHOW, "user.show", QRY, AF_NONE, POL(O, O, O, O, O, O, A),      \
	  "Show an account")                                                   \
	X(USER_GRANT, "user.grant", CMD, AF_NONE, POL(N, N, N, N, N, N, A),    \
	  "Grant a role to an account")                                        \
	X(USER_REVOKE, "user.revoke", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Revoke a role from an account")                                     \
	X(USER_LOCK, "user.lock", CMD, AF_NONE, POL(N, N, N, N, N, N, A),      \
	  "Lock an account (it can no longer log in)")                         \
	X(USER_UNLOCK, "user.unlock", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Unlock an account and clear its failed logins")                     \
	X(USER_RESET, "user.reset", CMD, AF_NEWPASS, POL(N, N, N, N, N, N, A), \
	  "Reset an account's password to a temporary one")                    \
	X(USER_LANG, "user.lang", CMD, AF_MUSTCHANGE, POL(O, O, O, O, O, O, O), \
	  "Choose your language (vi or en)")                                   \
	X(AUDIT_CHECKPOINT, "audit.checkpoint", QRY, AF_NONE,                  \
	  POL(O, O, O, O, O, O, A),                                            \
	  "Print the server-signed checkpoint of the event log")               \
	X(AUDIT_VERIFY, "audit.verify", QRY, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Replay and verify the whole event log")                             \
	X(AUDIT_LOG, "audit.log", QRY, AF_LIST, POL(N, N, N, N, N, N, A),      \
	  "Who did what, when, from where, with signature status")             \
	X(UNIT_ADD, "unit.add", CMD, AF_NONE, POL(N, N, N, N, N, N, A),        \
	  "Add a unit (department, office, health station, organisation)")     \
	X(UNIT_LIST, "unit.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),      \
	  "List units as a tree")                                              \
	X(UNIT_SHOW, "unit.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A),      \
	  "Show a unit")                                                       \
	X(UNIT_STATS, "unit.stats", QRY, AF_LIST, POL(N, U, N, N, N, A, A),    \
	  "Staff and accounts per unit")                                       \
	X(UNIT_RENAME, "unit.rename", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Rename a unit")                                                     \
	X(UNIT_MOVE, "unit.move", CMD, AF_NONE, POL(N, N, N, N, N, N, A),      \
	  "Move a unit under another one")                                     \
	X(UNIT_CLOSE, "unit.close", CMD, AF_NONE, POL(N, N, N, N, N, N, A),    \
	  "Close a unit that no longer has staff or open sub-units")           \
	X(STAFF_ADD, "staff.add", CMD, AF_NONE, POL(N, U, N, N, N, N, A),      \
	  "Add a staff member")                                                \
	X(STAFF_EDIT, "staff.edit", CMD, AF_NONE, POL(N, U, N, N, N, N, A),    \
	  "Change a staff member's record")                                    \
	X(STAFF_SHOW, "staff.show", QRY, AF_NONE, POL(O, U, O, O, O, A, A),    \
	  "Show a staff member's record")                                      \
	X(STAFF_LIST, "staff.list", QRY, AF_LIST, POL(O, U, O, O, O, A, A),    \
	  "List staff by name (tên), filter by unit, search ignoring tones")   \
	X(STAFF_IMPORT, "staff.import", CMD, AF_CSV, POL(N, N, N, N, N, N, A), \
	  "Import staff from a CSV file: every row or none")                   \
	X(STAFF_IMPORT_CHECK, "staff.import-check", QRY, AF_CSV,               \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Check a staff CSV file without importing it (--dry-run)")           \
	X(STAFF_EXPORT, "staff.export", QRY, AF_LIST | AF_CSVOUT,              \
	  POL(N, U, N, N, N, A, A), "Write staff as CSV in the import format") \
	X(RULEBOOK_LOAD, "rulebook.load", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Load a rulebook from a text file (checked line by line)")           \
	X(RULEBOOK_LIST, "rulebook.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "List the loaded rulebooks")                                         \
	X(RULEBOOK_SHOW, "rulebook.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A), \
	  "Show a rulebook's text")                                            \
	X(YEAR_OPEN, "year.open", CMD, AF_NONE, POL(N, N, N, N, N, N, A),      \
	  "Open an emulation year: rulebook, deadlines and targets")           \
	X(YEAR_LIST, "year.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),      \
	  "List the emulation years and their deadlines")                      \
	X(YEAR_SHOW, "year.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A),      \
	  "Show an emulation year")                                            \
	X(YEAR_REOPEN, "year.reopen", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Reopen registration for a unit or a person until a date")           \
	X(MOVEMENT_ADD, "movement.add", CMD, AF_NONE, POL(N, N, N, N, N, A, N), \
	  "Launch a movement (regular, thematic or peak)")                     \
	X(MOVEMENT_LIST, "movement.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "List the movements of a year")                                      \
	X(MOVEMENT_SHOW, "movement.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A), \
	  "Show a movement")                                                   \
	X(PLEDGE_SAVE, "pledge.save", CMD, AF_NONE, POL(O, O, O, O, O, O, O),  \
	  "Save your pledge for a year as a draft")                            \
	X(PLEDGE_SUBMIT, "pledge.submit", CMD, AF_NONE, POL(O, O, O, O, O, O, O), \
	  "Submit your pledge to your head")                                   \
	X(PLEDGE_ENDORSE, "pledge.endorse", CMD, AF_NONE, POL(N, U, N, N, N, A, N), \
	  "Endorse a staff member's submitted pledge")                         \
	X(PLEDGE_RETURN, "pledge.return", CMD, AF_NONE, POL(N, U, N, N, N, A, A), \
	  "Return a pledge to its author with a reason")                       \
	X(PLEDGE_ACCEPT, "pledge.accept", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Accept an endorsed pledge")                                         \
	X(PLEDGE_LIST, "pledge.list", QRY, AF_LIST, POL(O, U, O, O, O, A, A),  \
	  "List the pledges of a year")                                        \
	X(PLEDGE_MISSING, "pledge.missing", QRY, AF_LIST, POL(N, U, N, N, N, A, A), \
	  "List who has not pledged yet")                                      \
	X(UNIT_PLEDGE, "unit.pledge", CMD, AF_NONE, POL(N, U, N, N, N, N, A),  \
	  "Register a unit's collective pledge, model and exemplar candidates") \
	X(REPORT_ROSTER, "report.roster", QRY, AF_LIST | AF_REPORT,            \
	  POL(N, U, N, N, N, A, A),                                            \
	  "Registration roster per unit, with late and missing pledges")      \
	X(RATING_SET, "rating.set", CMD, AF_NONE, POL(N, U, N, N, N, N, A),    \
	  "Rate a staff member's year (xếp loại chất lượng)")                  \
	X(RATING_UNIT, "rating.unit", CMD, AF_NONE, POL(N, U, N, N, N, N, A),  \
	  "Rate a unit's year (collective rating)")                            \
	X(RATING_LIST, "rating.list", QRY, AF_LIST, POL(O, U, N, N, N, A, A),  \
	  "List the ratings and disciplines of a year")                        \
	X(DISCIPLINE_ADD, "discipline.add", CMD, AF_NONE, POL(N, U, N, N, N, N, A), \
	  "Record a discipline (kỷ luật) of a staff member")                   \
	X(RATING_IMPORT, "rating.import", CMD, AF_CSV, POL(N, N, N, N, N, N, A), \
	  "Import a year's ratings from a CSV file: every row or none")        \
	X(RATING_IMPORT_CHECK, "rating.import-check", QRY, AF_CSV,             \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Check a ratings CSV file without importing it (--dry-run)")          \
	X(DISCIPLINE_IMPORT, "discipline.import", CMD, AF_CSV,                 \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Import a year's disciplines from a CSV file: every row or none")    \
	X(DISCIPLINE_IMPORT_CHECK, "discipline.import-check", QRY, AF_CSV,     \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Check a disciplines CSV file without importing it (--dry-run)")

/* Initiatives, research topics and models (sáng kiến, đề tài, mô hình). */
#define LRL_ACTIONS_WORK(X)                                                    \
	X(WORK_ADD, "work.add", CMD, AF_NONE, POL(O, U, N, N, N, N, A),        \
	  "Register an initiative, research topic or model")                   \
	X(WORK_RECOGNISE, "work.recognise", CMD, AF_NONE,                      \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Record the decision on an initiative, research topic or model")     \
	X(WORK_LIST, "work.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),      \
	  "List initiatives, research topics and models")                      \
	X(WORK_SHOW, "work.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A),      \
	  "Show an initiative, research topic or model")

/* Plan tasks (the plan 004 appendix). */
#define LRL_ACTIONS_TASK(X)                                                    \
	X(TASK_ADD, "task.add", CMD, AF_NONE, POL(N, N, N, N, N, N, A),        \
	  "Add a task of the year's plan: content, lead unit, cooperating units, due date") \
	X(TASK_UPDATE, "task.update", CMD, AF_NONE, POL(N, U, N, N, N, N, A),  \
	  "Record a plan task's status and progress")                          \
	X(TASK_LIST, "task.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),      \
	  "Plan tasks status: the year's plan tasks, overdue first")           \
	X(TASK_SHOW, "task.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A),      \
	  "Show a plan task and the history of its status")

/* Titles and honours held, open matters that block awards, nominations
 * with their eligibility, and the department review sheet. */
#define LRL_ACTIONS_NOMINATION(X)                                              \
	X(AWARD_ADD, "award.add", CMD, AF_NONE, POL(N, N, N, N, N, N, A),      \
	  "Record a title or honour already awarded (earlier years, other issuers)") \
	X(AWARD_LIST, "award.list", QRY, AF_LIST, POL(O, U, A, A, A, A, A),    \
	  "List the titles and honours held")                                  \
	X(MATTER_OPEN, "matter.open", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Record an open complaint, discipline review or investigation (blocks awards)") \
	X(MATTER_CLOSE, "matter.close", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Record that a complaint, review or investigation is resolved")      \
	X(MATTER_LIST, "matter.list", QRY, AF_LIST, POL(N, U, A, A, A, A, A),  \
	  "List complaints, discipline reviews and investigations")            \
	X(NOMINATION_ADD, "nomination.add", CMD, AF_NONE, POL(N, U, N, N, N, N, A), \
	  "Propose a title or honour for a person or a unit")                  \
	X(NOMINATION_REPORT, "nomination.report", CMD, AF_NONE,                \
	  POL(N, U, N, N, N, N, A), "Write the achievement report of a nomination") \
	X(NOMINATION_WITHDRAW, "nomination.withdraw", CMD, AF_NONE,            \
	  POL(N, U, N, N, N, N, A), "Withdraw a nomination")                   \
	X(NOMINATION_LIST, "nomination.list", QRY, AF_LIST,                    \
	  POL(O, U, A, A, A, A, A), "List nominations with their eligibility verdicts") \
	X(NOMINATION_SHOW, "nomination.show", QRY, AF_NONE,                    \
	  POL(O, U, A, A, A, A, A),                                            \
	  "Show a nomination: each criterion with the data behind it, and the report") \
	X(REPORT_REVIEW, "report.review", QRY, AF_LIST | AF_REPORT,            \
	  POL(N, U, A, A, A, A, A),                                            \
	  "Department review sheet: ratings, proposals and eligibility verdicts")

/* Decisions (quyết định khen thưởng), the reward fund, complaints about
 * published drafts, and dossiers forwarded to the province. */
#define LRL_ACTIONS_DECISION(X)                                                \
	X(DECISION_SETUP, "decision.setup", CMD, AF_NONE,                      \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Set how decisions are headed: number suffix, issuer, place, signer's title") \
	X(DECISION_ADD, "decision.add", CMD, AF_NONE, POL(N, N, N, N, N, A, A), \
	  "Draft a decision for nominations, or an ad-hoc one")                \
	X(DECISION_EDIT, "decision.edit", CMD, AF_NONE,                        \
	  POL(N, N, N, N, N, A, A),                                            \
	  "Correct a draft decision before it is published: date, subject line, grounds, copies") \
	X(DECISION_PUBLISH, "decision.publish", CMD, AF_NONE,                  \
	  POL(N, N, N, N, N, A, A),                                            \
	  "Publish a draft decision to all staff with a complaint window")     \
	X(DECISION_CANCEL, "decision.cancel", CMD, AF_NONE,                    \
	  POL(N, N, N, N, N, A, A), "Cancel a draft decision")                 \
	X(DECISION_SIGN, "decision.sign", CMD, AF_NONE, POL(N, N, N, N, N, A, N), \
	  "Sign a draft decision: number it, pay from the fund, record the titles") \
	X(DECISION_LIST, "decision.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "List the decisions of a year") \
	X(DECISION_SHOW, "decision.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A), \
	  "Show a decision: number, date, subject, grounds, articles, total, signer") \
	X(DECISION_ANNEX, "decision.annex", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "The annex of a decision: recipients, title or honour, amount, total") \
	X(FUND_DEPOSIT, "fund.deposit", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Record money paid into the year's reward fund")                     \
	X(FUND_LEDGER, "fund.ledger", QRY, AF_LIST, POL(N, N, N, N, N, A, A),  \
	  "Fund ledger: deposits, payments with their decisions, balance")     \
	X(COMPLAINT_FILE, "complaint.file", CMD, AF_NONE,                      \
	  POL(O, O, O, O, O, O, O),                                            \
	  "Complain about a recipient of a published draft decision")          \
	X(COMPLAINT_ANSWER, "complaint.answer", CMD, AF_NONE,                  \
	  POL(N, N, N, A, N, N, A), "Answer a complaint (the award is unblocked)") \
	X(COMPLAINT_LIST, "complaint.list", QRY, AF_LIST,                      \
	  POL(O, O, O, A, O, A, A), "List complaints about decisions (your own, or all)") \
	X(DOSSIER_ADD, "dossier.add", CMD, AF_NONE, POL(N, N, N, N, N, A, A),  \
	  "Forward nominations for honours the province decides, with a memo") \
	X(DOSSIER_RESULT, "dossier.result", CMD, AF_NONE,                      \
	  POL(N, N, N, N, N, A, A),                                            \
	  "Record the province's answer to a forwarded dossier: granted or refused") \
	X(DOSSIER_LIST, "dossier.list", QRY, AF_LIST, POL(N, N, A, A, A, A, A), \
	  "List the dossiers forwarded to the province")                       \
	X(DOSSIER_SHOW, "dossier.show", QRY, AF_NONE, POL(N, N, A, A, A, A, A), \
	  "Show a forwarded dossier: memo, nominations, achievement reports, result")

/* Exemplars (điển hình tiên tiến) and their stages, the models' (mô hình)
 * plans, evaluations and replication, publicity, the registration targets
 * of plans 001, 002 and 004, the monthly submission to the Department of
 * Health and the honouring events. */
#define LRL_ACTIONS_EXEMPLAR(X)                                                \
	X(EXEMPLAR_ADD, "exemplar.add", CMD, AF_NONE, POL(N, U, N, N, N, N, A), \
	  "Record an exemplar found: a person or a collective and its achievements") \
	X(EXEMPLAR_NURTURE, "exemplar.nurture", CMD, AF_NONE,                  \
	  POL(N, U, N, N, N, N, A), "Nurture an exemplar: the support given")  \
	X(EXEMPLAR_SUMMARISE, "exemplar.summarise", CMD, AF_NONE,              \
	  POL(N, U, N, N, N, N, A), "Summarise a nurtured exemplar's results") \
	X(EXEMPLAR_REPLICATE, "exemplar.replicate", CMD, AF_NONE,              \
	  POL(N, U, N, N, N, N, A), "Record where a summarised exemplar is replicated") \
	X(EXEMPLAR_DROP, "exemplar.drop", CMD, AF_NONE, POL(N, U, N, N, N, N, A), \
	  "Drop an exemplar, with the reason")                                 \
	X(EXEMPLAR_INTRODUCE, "exemplar.introduce", CMD, AF_NONE,              \
	  POL(N, N, N, N, N, N, A), "Record that an exemplar was introduced to the emulation cluster") \
	X(EXEMPLAR_PUBLICISE, "exemplar.publicise", CMD, AF_NONE,              \
	  POL(N, U, N, N, N, N, A), "Record a publicity item about an exemplar") \
	X(EXEMPLAR_LIST, "exemplar.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "List the exemplars of a year and their stages")                     \
	X(EXEMPLAR_SHOW, "exemplar.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A), \
	  "Show an exemplar: achievements, stage history and publicity")       \
	X(EXEMPLAR_TARGETS, "exemplar.targets", QRY, AF_LIST,                  \
	  POL(N, U, N, N, N, A, A),                                            \
	  "Models and exemplars per unit against the plans' targets, and the shortfalls") \
	X(EXEMPLAR_CANDIDATES, "exemplar.candidates", QRY, AF_LIST,            \
	  POL(N, U, N, N, N, A, A),                                            \
	  "Exemplar candidates the units named in their collective pledges, and whether each is recorded") \
	X(EXEMPLAR_WARNINGS, "exemplar.warnings", QRY, AF_LIST,                \
	  POL(N, N, N, N, N, A, A),                                            \
	  "What the exemplar work of a year still lacks today")                \
	X(EXEMPLAR_EXPORT, "exemplar.export", QRY, AF_HTMLDIR,                 \
	  POL(A, A, A, A, A, A, A),                                            \
	  "Write a web page per exemplar and model, and an index, into a directory")       \
	X(MODEL_PLAN, "model.plan", CMD, AF_NONE, POL(N, U, N, N, N, N, A),    \
	  "Record a model's implementation plan and participants")             \
	X(MODEL_EVALUATE, "model.evaluate", CMD, AF_NONE, POL(N, U, N, N, N, N, A), \
	  "Record a periodic evaluation of a model: date, result, evidence")   \
	X(MODEL_ASSESS, "model.assess", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Record a model's final assessment")                                 \
	X(MODEL_ADOPT, "model.adopt", CMD, AF_NONE, POL(N, N, N, N, N, N, A),  \
	  "Record where a model was adopted (units or outside bodies)")        \
	X(MODEL_PUBLICISE, "model.publicise", CMD, AF_NONE,                    \
	  POL(N, U, N, N, N, N, A), "Record a publicity item about a model")   \
	X(MODEL_LIST, "model.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),    \
	  "List the models of a year with their evaluations and adoptions")    \
	X(MODEL_SHOW, "model.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A),    \
	  "Show a model: plan, participants, evaluations, assessment, adoptions") \
	X(SUBMISSION_PROPOSE, "submission.propose", QRY, AF_LIST,              \
	  POL(N, N, N, N, N, A, A),                                            \
	  "Exemplars not yet sent to the Department of Health, best first")    \
	X(SUBMISSION_SHOW, "submission.show", QRY, AF_NONE,                    \
	  POL(N, N, N, N, N, A, A),                                            \
	  "The monthly submission: the one sent, or a draft for an exemplar")  \
	X(SUBMISSION_SEND, "submission.send", CMD, AF_NONE,                    \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Record that the month's exemplar was sent to the Department of Health") \
	X(SUBMISSION_LIST, "submission.list", QRY, AF_LIST,                    \
	  POL(N, N, N, N, N, A, A), "The monthly submissions of a year, sent and missing") \
	X(CEREMONY_ADD, "ceremony.add", CMD, AF_NONE, POL(N, N, N, N, N, N, A), \
	  "Record an honouring event (sơ kết, tổng kết, biểu dương) and the exemplars honoured") \
	X(CEREMONY_LIST, "ceremony.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A), \
	  "List the honouring events of a year")                               \
	X(CEREMONY_SHOW, "ceremony.show", QRY, AF_NONE, POL(A, A, A, A, A, A, A), \
	  "Show an honouring event and the exemplars honoured")

/* The council (Hội đồng Thi đua – Khen thưởng): its terms, rounds,
 * scoring, secret ballots, results and minutes. */
#define LRL_ACTIONS_COUNCIL(X)                                                 \
	X(TERM_OPEN, "term.open", CMD, AF_NONE, POL(N, N, N, N, N, A, A),      \
	  "Open a council term for a year with its chair and secretary")      \
	X(TERM_ADD, "term.add", CMD, AF_NONE, POL(N, N, N, N, N, A, A),        \
	  "Add a member to a council term")                                   \
	X(TERM_REMOVE, "term.remove", CMD, AF_NONE, POL(N, N, N, N, N, A, A),  \
	  "Remove a member from a council term, with the reason")             \
	X(TERM_SHOW, "term.show", QRY, AF_LIST, POL(N, N, A, A, A, A, A),      \
	  "Council members of a term, with who joined or left and when")      \
	X(ROUND_OPEN, "round.open", CMD, AF_KEYS, POL(N, N, N, A, A, N, N),    \
	  "Open a council round for a set of nominations")                    \
	X(ROUND_ATTEND, "round.attend", CMD, AF_NONE, POL(N, N, N, A, A, N, N), \
	  "Record who attends a council round")                               \
	X(ROUND_LIST, "round.list", QRY, AF_LIST, POL(N, N, A, A, A, A, A),    \
	  "Council rounds, with your progress in each")                       \
	X(ROUND_SHOW, "round.show", QRY, AF_NONE, POL(N, N, A, A, A, A, A),    \
	  "Show a council round: criteria, attendance, quorum, progress")     \
	X(ROUND_CANDIDATES, "round.candidates", QRY, AF_LIST,                  \
	  POL(N, N, A, A, A, N, N),                                            \
	  "Candidates to score: what waits for you in the open rounds")       \
	X(SCORE_SET, "score.set", CMD, AF_NONE, POL(N, N, A, A, A, N, N),      \
	  "Score a candidate: points per criterion (until the round closes)") \
	X(SCORE_SHOW, "score.show", QRY, AF_NONE, POL(N, N, A, A, A, N, N),    \
	  "Your scores of a candidate with the weighted total")               \
	X(BALLOT_CAST, "ballot.cast", CMD, AF_BALLOT, POL(N, N, A, A, A, N, N), \
	  "Cast your secret ballot on a candidate: yes, no or abstain")       \
	X(CONFLICT_DECLARE, "conflict.declare", CMD, AF_NONE,                  \
	  POL(N, N, A, A, A, N, N),                                            \
	  "Declare a conflict of interest: you neither score nor vote on the candidate") \
	X(CONFLICT_LIST, "conflict.list", QRY, AF_LIST,                        \
	  POL(N, N, A, A, A, A, A),                                            \
	  "Conflicts of interest declared by council members, with their reasons") \
	X(ROUND_CLOSE, "round.close", CMD, AF_KEYS, POL(N, N, N, A, N, N, N),  \
	  "Close a council round: the ballots are counted and the results frozen") \
	X(ROUND_CAST, "round.cast", CMD, AF_NONE, POL(N, N, N, A, N, N, N),    \
	  "The chair's casting vote between candidates tied at a quota")      \
	X(ROUND_RESULTS, "round.results", QRY, AF_LIST, POL(N, N, A, A, A, A, A), \
	  "Results of a closed round: votes, scores, thresholds, ranks")      \
	X(ROUND_MINUTES, "round.minutes", QRY, AF_LIST, POL(N, N, A, A, A, A, A), \
	  "Minutes (biên bản) of a closed round, from the recorded facts")

/* Printable reports (report.h): the model the server computes, rendered
 * by the client as text, CSV or PDF. */
#define LRL_ACTIONS_REPORT(X)                                                  \
	X(REPORT_LIST, "report.list", QRY, AF_LIST, POL(A, A, A, A, A, A, A),  \
	  "List the reports you may print")                                    \
	X(REPORT_ANNUAL, "report.annual", QRY, AF_REPORT,                      \
	  POL(N, U, A, A, A, A, A),                                            \
	  "Annual or six-month report: movements, pledges, targets vs actual, titles, works, money") \
	X(REPORT_PHASE, "report.phase", QRY, AF_REPORT,                        \
	  POL(N, U, A, A, A, A, A),                                            \
	  "Phase review across years, with per-year trends")                   \
	X(REPORT_STATS, "report.stats", QRY, AF_REPORT,                        \
	  POL(N, N, A, A, A, A, A),                                            \
	  "Statistics tables (forms 0601-0605): movements, awards by level, kind, sex and tier") \
	X(REPORT_TASKS, "report.tasks", QRY, AF_REPORT,                        \
	  POL(A, A, A, A, A, A, A),                                            \
	  "Plan tasks status, as the plan 004 appendix table")                 \
	X(REPORT_AUDIT, "report.audit", QRY, AF_REPORT,                        \
	  POL(N, N, N, N, N, N, A),                                            \
	  "Audit trail of a period: who did what, when, signature verified")  \
	X(REPORT_MINUTES, "report.minutes", QRY, AF_REPORT,                    \
	  POL(N, N, A, A, A, A, A),                                            \
	  "Minutes (biên bản) of a closed council round, signed by the chair and the secretary") \
	X(REPORT_DECISION, "report.decision", QRY, AF_REPORT,                  \
	  POL(A, A, A, A, A, A, A),                                            \
	  "A decision (quyết định) with its annex, as the official document") \
	X(REPORT_FUND, "report.fund", QRY, AF_REPORT,                          \
	  POL(N, N, N, N, N, A, A),                                            \
	  "Fund ledger of a year: deposits, payments with their decisions, balance") \
	X(REPORT_SUBMISSION, "report.submission", QRY, AF_REPORT,              \
	  POL(N, N, N, N, N, A, A),                                            \
	  "The month's exemplar as a letter to the Department of Health (Sở Y tế)")

#define LRL_ACTIONS(X)                                                         \
	LRL_ACTIONS_CORE(X)                                                    \
	LRL_ACTIONS_WORK(X)                                                    \
	LRL_ACTIONS_TASK(X)                                                    \
	LRL_ACTIONS_NOMINATION(X)                                              \
	LRL_ACTIONS_DECISION(X)                                                \
	LRL_ACTIONS_EXEMPLAR(X)                                                \
	LRL_ACTIONS_COUNCIL(X)                                                 \
	LRL_ACTIONS_REPORT(X)

#define LRL_PARAMS_STORE_INIT(P)                                               \
	P("login", LOGIN, PF_REQ, 1, LRL_LOGIN_MAX, NULL, "administrator's login") \
	P("full-name", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "administrator's full name") \
	P("hospital", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "hospital name")     \
	P("salt", BIN, PF_REQ | PF_DERIVED, 0, LRL_SALT_LEN, NULL, "key salt") \
	P("pk", BIN, PF_REQ | PF_DERIVED, 0, LRL_PK_LEN, NULL, "public key")   \
	P("ops", INT, PF_REQ | PF_DERIVED, 1, 1000, NULL, "KDF passes")        \
	P("mem", INT, PF_REQ | PF_DERIVED, 8192, 4294967295, NULL, "KDF memory")

#define LRL_PARAMS_SESSION_WHOAMI(P)

#define LRL_PARAMS_USER_PASSWD(P)                                              \
	P("salt", BIN, PF_REQ | PF_DERIVED, 0, LRL_SALT_LEN, NULL, "key salt") \
	P("pk", BIN, PF_REQ | PF_DERIVED, 0, LRL_PK_LEN, NULL, "new public key") \
	P("ops", INT, PF_REQ | PF_DERIVED, 1, 1000, NULL, "KDF passes")        \
	P("mem", INT, PF_REQ | PF_DERIVED, 8192, 4294967295, NULL, "KDF memory") \
	P("proof", BIN, PF_REQ | PF_DERIVED, 0, LRL_SIG_LEN, NULL,             \
	  "signature by the new key")

#define LRL_PARAMS_USER_ADD(P)                                                 \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "login name") \
	P("full-name", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "full name")        \
	P("role", ENUM, PF_NONE, 0, 0,                                         \
	  "staff|head|council|chair|secretary|director|admin",                \
	  "a first role to grant")                                             \
	P("unit", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "unit, for the head role") \
	P("salt", BIN, PF_REQ | PF_DERIVED, 0, LRL_SALT_LEN, NULL, "key salt") \
	P("pk", BIN, PF_REQ | PF_DERIVED, 0, LRL_PK_LEN, NULL, "public key")   \
	P("ops", INT, PF_REQ | PF_DERIVED, 1, 1000, NULL, "KDF passes")        \
	P("mem", INT, PF_REQ | PF_DERIVED, 8192, 4294967295, NULL, "KDF memory")

#define LRL_PARAMS_USER_LIST(P)                                                \
	P("after", LOGIN, PF_NONE, 1, LRL_LOGIN_MAX, NULL, "start after this login") \
	P("limit", INT, PF_NONE, 1, LRL_PAGE_MAX, NULL, "rows per page")

#define LRL_PARAMS_USER_SHOW(P)                                                \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "login name")

#define LRL_PARAMS_USER_GRANT(P)                                               \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "login name") \
	P("role", ENUM, PF_REQ | PF_POS, 0, 0,                                 \
	  "staff|head|council|chair|secretary|director|admin", "role")         \
	P("unit", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "unit, for the head role")

#define LRL_PARAMS_USER_REVOKE(P) LRL_PARAMS_USER_GRANT(P)

#define LRL_PARAMS_USER_LOCK(P)                                                \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "login name")

#define LRL_PARAMS_USER_UNLOCK(P) LRL_PARAMS_USER_LOCK(P)

#define LRL_PARAMS_USER_RESET(P)                                               \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "login name") \
	P("salt", BIN, PF_REQ | PF_DERIVED, 0, LRL_SALT_LEN, NULL, "key salt") \
	P("pk", BIN, PF_REQ | PF_DERIVED, 0, LRL_PK_LEN, NULL, "public key")   \
	P("ops", INT, PF_REQ | PF_DERIVED, 1, 1000, NULL, "KDF passes")        \
	P("mem", INT, PF_REQ | PF_DERIVED, 8192, 4294967295, NULL, "KDF memory")

#define LRL_PARAMS_USER_LANG(P)                                                \
	P("language", ENUM, PF_REQ | PF_POS, 0, 0, "vi|en", "vi (Tiếng Việt) or en (English)")

#define LRL_PARAMS_AUDIT_CHECKPOINT(P)
#define LRL_PARAMS_AUDIT_VERIFY(P)

#define LRL_PARAMS_AUDIT_LOG(P)                                                \
	P("user", LOGIN, PF_NONE, 1, LRL_LOGIN_MAX, NULL, "only this actor")   \
	P("action", STR, PF_NONE, 1, 64, NULL, "only this action (noun.verb or noun)") \
	P("since", DATE, PF_NONE, 0, 0, NULL, "from this date")                \
	P("until", DATE, PF_NONE, 0, 0, NULL, "up to this date")               \
	P("after", INT, PF_NONE, 0, INT64_MAX, NULL, "start after this event number") \
	P("limit", INT, PF_NONE, 1, LRL_PAGE_MAX, NULL, "rows per page")

#define LRL_UNIT_KINDS "hospital|department|office|station|organisation"
#define LRL_SEXES "nam|nữ"
#define LRL_CATEGORIES "viên chức|hợp đồng"
#define LRL_IMPORT_ROWS_MAX 50000

#define LRL_PARAMS_UNIT_ADD(P)                                                 \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code, e.g. KHAMBENH") \
	P("name", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "full name of the unit") \
	P("kind", ENUM, PF_REQ, 0, 0, LRL_UNIT_KINDS, "kind of unit")          \
	P("parent", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "the unit it belongs to")

#define LRL_PARAMS_UNIT_LIST(P)                                                \
	P("closed", BOOL, PF_NONE, 0, 0, NULL, "include closed units")

#define LRL_PARAMS_UNIT_SHOW(P)                                                \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")

#define LRL_PARAMS_UNIT_STATS(P)

#define LRL_PARAMS_UNIT_RENAME(P)                                              \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")   \
	P("name", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "new name")

#define LRL_PARAMS_UNIT_MOVE(P)                                                \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")   \
	P("parent", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL,                      \
	  "new parent unit (none: a top-level unit)")

#define LRL_PARAMS_UNIT_CLOSE(P)                                               \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")

#define LRL_STAFF_FIELDS(P, REQ)                                               \
	P("full-name", STR, REQ, 1, LRL_NAME_MAX, NULL, "full name (họ đệm tên)") \
	P("sex", ENUM, REQ, 0, 0, LRL_SEXES, "sex")                            \
	P("birth-date", DATE, REQ, 0, 0, NULL, "date of birth")                \
	P("unit", CODE, REQ, 2, LRL_CODE_MAX, NULL, "unit code")               \
	P("position", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "position (chức vụ)") \
	P("job-title", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "job title (chức danh)") \
	P("category", ENUM, PF_NONE, 0, 0, LRL_CATEGORIES, "staff category")   \
	P("start-date", DATE, REQ, 0, 0, NULL, "date of joining the hospital") \
	P("login", LOGIN, PF_NONE, 1, LRL_LOGIN_MAX, NULL, "linked account")

#define LRL_PARAMS_STAFF_ADD(P)                                                \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code")  \
	LRL_STAFF_FIELDS(P, PF_REQ)

#define LRL_PARAMS_STAFF_EDIT(P)                                               \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code")  \
	LRL_STAFF_FIELDS(P, PF_NONE)

#define LRL_PARAMS_STAFF_SHOW(P)                                               \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code")

#define LRL_PARAMS_STAFF_LIST(P)                                               \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	P("search", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "name contains (tones and case ignored)") \
	P("after", STR, PF_NONE, 1, 1024, NULL, "continue after this cursor")  \
	P("limit", INT, PF_NONE, 1, LRL_PAGE_MAX, NULL, "rows per page")

#define LRL_PARAMS_STAFF_EXPORT(P) LRL_PARAMS_STAFF_LIST(P)

#define LRL_PARAMS_STAFF_IMPORT(P)                                             \
	P("file", ROWS, PF_REQ | PF_POS, 0, LRL_IMPORT_ROWS_MAX, NULL,         \
	  "CSV file (UTF-8; comma or semicolon; header row)")

#define LRL_PARAMS_STAFF_IMPORT_CHECK(P) LRL_PARAMS_STAFF_IMPORT(P)

#define LRL_PLEDGE_STATES "draft|submitted|endorsed|accepted|returned"
#define LRL_DOC_MAX 262144

#define LRL_PARAMS_RULEBOOK_LOAD(P)                                            \
	P("version", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "version, e.g. 2026") \
	P("file", DOC, PF_REQ | PF_POS, 1, LRL_DOC_MAX, NULL, "rulebook file (see laurel-rulebook(5))")

#define LRL_PARAMS_RULEBOOK_LIST(P)

#define LRL_PARAMS_RULEBOOK_SHOW(P)                                            \
	P("version", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "version")

#define LRL_PARAMS_YEAR_OPEN(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("rulebook", CODE, PF_REQ, 1, LRL_CODE_MAX, NULL, "rulebook version") \
	P("registration", DATE, PF_REQ, 0, 0, NULL, "registration deadline")   \
	P("six-month-report", DATE, PF_NONE, 0, 0, NULL, "six-month report deadline") \
	P("annual-report", DATE, PF_REQ, 0, 0, NULL, "annual report deadline") \
	P("ratings", DATE, PF_NONE, 0, 0, NULL, "ratings deadline")            \
	P("exemplar-day", INT, PF_NONE, 1, 28, NULL, "monthly exemplar due before this day") \
	P("target-ldtt", INT, PF_NONE, 0, 100, NULL, "target % of staff Lao động tiên tiến") \
	P("target-cstdcs", INT, PF_NONE, 0, 100, NULL, "target % Chiến sĩ thi đua cơ sở") \
	P("target-gk-units", INT, PF_NONE, 0, 100, NULL, "target % of units with a Giấy khen") \
	P("target-gk-people", INT, PF_NONE, 0, 100, NULL, "target % of people with a Giấy khen")

#define LRL_PARAMS_YEAR_LIST(P)

#define LRL_PARAMS_YEAR_SHOW(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")

#define LRL_PARAMS_YEAR_REOPEN(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "a unit (or give --staff)") \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "a person (or give --unit)") \
	P("until", DATE, PF_REQ, 0, 0, NULL, "the last day pledges are accepted")

#define LRL_PARAMS_MOVEMENT_ADD(P)                                             \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "movement code") \
	P("year", INT, PF_REQ, 2000, 2099, NULL, "the year")                   \
	P("name", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "theme")             \
	P("kind", ENUM, PF_REQ, 0, 0, "regular|thematic|peak", "regular, thematic or peak") \
	P("from", DATE, PF_REQ, 0, 0, NULL, "first day")                       \
	P("to", DATE, PF_REQ, 0, 0, NULL, "last day")                          \
	P("areas", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "content areas, one per line")

#define LRL_PARAMS_MOVEMENT_LIST(P)                                            \
	P("year", INT, PF_NONE, 2000, 2099, NULL, "only this year")

#define LRL_PARAMS_MOVEMENT_SHOW(P)                                            \
	P("code", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "movement code")

#define LRL_PARAMS_PLEDGE_SAVE(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("title", CODE, PF_REQ, 1, LRL_TITLE_CODE_MAX, NULL, "target title code, e.g. LDTT") \
	P("commitments", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "what you commit to")

#define LRL_PARAMS_PLEDGE_SUBMIT(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("title", CODE, PF_NONE, 1, LRL_TITLE_CODE_MAX, NULL, "target title code (else the draft's)") \
	P("commitments", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "commitments (else the draft's)")

#define LRL_PARAMS_PLEDGE_ENDORSE(P)                                           \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("staff", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code")

#define LRL_PARAMS_PLEDGE_ACCEPT(P) LRL_PARAMS_PLEDGE_ENDORSE(P)

#define LRL_PARAMS_PLEDGE_RETURN(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("staff", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code") \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "why it is returned")

#define LRL_PARAMS_PLEDGE_LIST(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	P("state", ENUM, PF_NONE, 0, 0, LRL_PLEDGE_STATES, "only this state")

#define LRL_PARAMS_PLEDGE_MISSING(P)                                           \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units")

#define LRL_PARAMS_UNIT_PLEDGE(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")   \
	P("title", CODE, PF_REQ, 1, LRL_TITLE_CODE_MAX, NULL, "collective title code, e.g. TTLDTT") \
	P("model", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "the unit's model (mô hình mới, cách làm hay)") \
	P("exemplars", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "exemplar candidates: staff codes, comma-separated") \
	P("commitments", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "the unit's commitments")

/* Every report takes these: the page of the model ("after", the
 * previous page's "next") and, for the lists that are also reports,
 * "model" to ask for the report model rather than the list. */
#define LRL_PARAMS_REPORT_PAGE(P)                                              \
	P("after", INT, PF_DERIVED, 0, 4294967295, NULL, "continue after this position (the previous page's next)") \
	P("model", BOOL, PF_DERIVED, 0, 0, NULL, "answer with the printable report model")

#define LRL_PARAMS_REPORT_ROSTER(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_RATINGS "HTXSNV|HTTNV|HTNV|KHTNV"
#define LRL_DISCIPLINES "reprimand|warning|dismissal"

#define LRL_PARAMS_RATING_SET(P)                                               \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("staff", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code") \
	P("rating", ENUM, PF_REQ, 0, 0, LRL_RATINGS, "HTXSNV, HTTNV, HTNV or KHTNV") \
	P("months", INT, PF_NONE, 0, 12, NULL, "months worked in the year (maternity leave counts; default 12)") \
	P("maternity", INT, PF_NONE, 0, 12, NULL, "of those months, how many were maternity leave (default 0)") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "a note")

#define LRL_PARAMS_RATING_UNIT(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_REQ | PF_POS, 2, LRL_CODE_MAX, NULL, "unit code")   \
	P("rating", ENUM, PF_REQ, 0, 0, LRL_RATINGS, "HTXSNV, HTTNV, HTNV or KHTNV")

#define LRL_PARAMS_RATING_LIST(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units")

#define LRL_PARAMS_DISCIPLINE_ADD(P)                                           \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("staff", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "staff code") \
	P("level", ENUM, PF_REQ, 0, 0, LRL_DISCIPLINES, "reprimand (khiển trách), warning (cảnh cáo) or dismissal") \
	P("from", DATE, PF_REQ, 0, 0, NULL, "first day of the discipline")     \
	P("to", DATE, PF_NONE, 0, 0, NULL, "last day (none: still in force)")  \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the decision and its grounds")

#define LRL_PARAMS_RATING_IMPORT(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("file", ROWS, PF_REQ | PF_POS, 0, LRL_IMPORT_ROWS_MAX, NULL,         \
	  "CSV file: staff code, rating, months worked, note")

#define LRL_PARAMS_RATING_IMPORT_CHECK(P) LRL_PARAMS_RATING_IMPORT(P)

#define LRL_PARAMS_DISCIPLINE_IMPORT(P)                                        \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("file", ROWS, PF_REQ | PF_POS, 0, LRL_IMPORT_ROWS_MAX, NULL,         \
	  "CSV file: staff code, level, first day, last day, reason")

#define LRL_PARAMS_DISCIPLINE_IMPORT_CHECK(P) LRL_PARAMS_DISCIPLINE_IMPORT(P)

/* ---- initiatives, research topics and models ---------------------------- */

#define LRL_WORK_KINDS "initiative|research|model"
#define LRL_WORK_STATES "registered|recognised|not-recognised"
#define LRL_WORK_SCOPES "hospital|province|national"

#define LRL_PARAMS_WORK_ADD(P)                                                 \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("kind", ENUM, PF_REQ, 0, 0, LRL_WORK_KINDS,                          \
	  "initiative (sáng kiến), research topic (đề tài) or model (mô hình)") \
	P("name", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "its title")         \
	P("authors", STR, PF_NONE, 1, LRL_NAME_MAX * 4, NULL,                  \
	  "authors: staff codes, comma-separated (or give --unit)")            \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL,                        \
	  "the unit it belongs to (or give --authors)")                        \
	P("summary", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL,                     \
	  "what it is and what it achieves")

#define LRL_PARAMS_WORK_RECOGNISE(P)                                           \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "code, e.g. SK-2026-001") \
	P("result", ENUM, PF_REQ, 0, 0, "recognised|not-recognised",           \
	  "recognised or not-recognised")                                      \
	P("scope", ENUM, PF_NONE, 0, 0, LRL_WORK_SCOPES,                       \
	  "its reach when recognised: hospital, province or national")         \
	P("decision", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "decision number, e.g. 12/QĐ-BV") \
	P("date", DATE, PF_REQ, 0, 0, NULL, "decision date")                   \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "a note")

#define LRL_PARAMS_WORK_LIST(P)                                                \
	P("year", INT, PF_NONE, 2000, 2099, NULL, "only this year")            \
	P("kind", ENUM, PF_NONE, 0, 0, LRL_WORK_KINDS, "only this kind")       \
	P("state", ENUM, PF_NONE, 0, 0, LRL_WORK_STATES, "only this state")    \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL,                        \
	  "only works of this unit or of its people (sub-units included)")     \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "only works this person is an author of")

#define LRL_PARAMS_WORK_SHOW(P)                                                \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "code, e.g. SK-2026-001")

/* ---- plan tasks ----------------------------------------------------------- */

#define LRL_TASK_STATES "planned|in-progress|done|cancelled"

#define LRL_PARAMS_TASK_ADD(P)                                                 \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the plan") \
	P("content", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the task (nội dung, nhiệm vụ)") \
	P("lead", CODE, PF_REQ, 2, LRL_CODE_MAX, NULL, "lead unit (đơn vị chủ trì)") \
	P("with", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "cooperating units (đơn vị phối hợp): codes, comma-separated") \
	P("due", DATE, PF_REQ, 0, 0, NULL, "due by this day") \
	P("period", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "the time as the plan words it, e.g. Quý I/2026, Thường xuyên") \
	P("status", ENUM, PF_NONE, 0, 0, LRL_TASK_STATES, "planned (default), in-progress, done or cancelled")

#define LRL_PARAMS_TASK_UPDATE(P)                                              \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "task code, e.g. KH-2026-001") \
	P("status", ENUM, PF_REQ, 0, 0, LRL_TASK_STATES, "planned, in-progress, done or cancelled") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "progress or result")

#define LRL_PARAMS_TASK_LIST(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the plan") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only tasks this unit (or a sub-unit) leads or cooperates in") \
	P("status", ENUM, PF_NONE, 0, 0, LRL_TASK_STATES, "only this status") \
	P("overdue", BOOL, PF_NONE, 0, 0, NULL, "only overdue tasks (due date past, not done or cancelled)")

#define LRL_PARAMS_TASK_SHOW(P)                                                \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "task code, e.g. KH-2026-001")

/* ---- awards, matters, nominations ------------------------------------------ */

#define LRL_PARAMS_AWARD_ADD(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 1990, 2099, NULL, "the year it was awarded for") \
	P("title", CODE, PF_REQ, 1, LRL_TITLE_CODE_MAX, NULL, "title or honour code, e.g. CSTDCS") \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "awarded to a person (or give --unit)") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "awarded to a unit (or give --staff)") \
	P("decision", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "decision number, e.g. 15/QĐ-BV") \
	P("date", DATE, PF_REQ, 0, 0, NULL, "decision date")                   \
	P("issuer", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "who issued it (default: the hospital)") \
	P("basis", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "initiatives it rests on: codes, comma-separated")

#define LRL_PARAMS_AWARD_LIST(P)                                               \
	P("year", INT, PF_NONE, 1990, 2099, NULL, "only this year")            \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "only this person")   \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its people")

#define LRL_MATTER_KINDS "complaint|review|investigation"

#define LRL_PARAMS_MATTER_OPEN(P)                                              \
	P("kind", ENUM, PF_REQ, 0, 0, LRL_MATTER_KINDS, "complaint (khiếu nại), review (xem xét kỷ luật) or investigation") \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "concerning a person (or give --unit)") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "concerning a unit (or give --staff)") \
	P("note", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "what it is about")

#define LRL_PARAMS_MATTER_CLOSE(P)                                             \
	P("matter", INT, PF_REQ | PF_POS, 1, 4294967295, NULL, "the matter's number") \
	P("resolution", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "how it was resolved")

#define LRL_PARAMS_MATTER_LIST(P)                                              \
	P("open", BOOL, PF_NONE, 0, 0, NULL, "only the open ones")

#define LRL_PARAMS_NOMINATION_ADD(P)                                           \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("title", CODE, PF_REQ, 1, LRL_TITLE_CODE_MAX, NULL, "title or honour code, e.g. CSTDCS") \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "proposed for a person (or give --unit)") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "proposed for a unit (or give --staff)") \
	P("movement", BOOL, PF_NONE, 0, 0, NULL, "has an achievement in a movement") \
	P("ad-hoc", BOOL, PF_NONE, 0, 0, NULL, "has an ad-hoc (đột xuất) achievement") \
	P("cluster-leader", BOOL, PF_NONE, 0, 0, NULL, "leads its emulation cluster") \
	P("basis", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "initiatives it rests on: codes, comma-separated") \
	P("reason", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "why it is proposed")

#define LRL_PARAMS_NOMINATION_REPORT(P)                                        \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code, e.g. DN-2026-001") \
	P("hometown", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "home town (quê quán)") \
	P("qualifications", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "qualifications (trình độ chuyên môn)") \
	P("duties", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "duties assigned") \
	P("results", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "results achieved") \
	P("initiatives", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "initiatives and research (default: the recognised ones)")

#define LRL_PARAMS_NOMINATION_WITHDRAW(P)                                      \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code") \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "why it is withdrawn")

#define LRL_PARAMS_NOMINATION_LIST(P)                                          \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	P("title", CODE, PF_NONE, 1, LRL_TITLE_CODE_MAX, NULL, "only this title or honour") \
	P("failing", BOOL, PF_NONE, 0, 0, NULL, "only those not eligible")

#define LRL_PARAMS_NOMINATION_SHOW(P)                                          \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code")

#define LRL_PARAMS_REPORT_REVIEW(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	LRL_PARAMS_REPORT_PAGE(P)

/* ---- printable reports ------------------------------------------------------ */

#define LRL_PARAMS_REPORT_LIST(P)

#define LRL_REPORT_PERIODS "year|six-month"

#define LRL_PARAMS_REPORT_ANNUAL(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("period", ENUM, PF_NONE, 0, 0, LRL_REPORT_PERIODS, "year (default) or six-month (to 30/6)") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_PHASE(P)                                             \
	P("from", INT, PF_REQ, 2000, 2099, NULL, "first year of the phase")    \
	P("to", INT, PF_REQ, 2000, 2099, NULL, "last year of the phase")       \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_STATS(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_TASKS(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the plan") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only tasks this unit (or a sub-unit) leads or cooperates in") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_AUDIT(P)                                             \
	P("from", DATE, PF_REQ, 0, 0, NULL, "first day of the period")         \
	P("to", DATE, PF_REQ, 0, 0, NULL, "last day of the period")            \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_MINUTES(P)                                           \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number (a closed round)") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_DECISION(P)                                          \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "decision code, e.g. QD-2026-001") \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_FUND(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the fund's year")    \
	LRL_PARAMS_REPORT_PAGE(P)

#define LRL_PARAMS_REPORT_SUBMISSION(P)                                        \
	P("month", STR, PF_REQ | PF_POS, 6, 7, NULL, "the month it is sent in, mm/yyyy") \
	P("exemplar", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "a draft for this exemplar, when the month's is not sent yet") \
	LRL_PARAMS_REPORT_PAGE(P)

/* ---- decisions, fund, complaints, dossiers ------------------------------- */

#define LRL_DECISION_STATES "draft|published|signed|cancelled"

#define LRL_PARAMS_DECISION_SETUP(P)                                           \
	P("suffix", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "issuer suffix of the number, e.g. BV in 15/QĐ-BV") \
	P("issuer", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "issuer named on decisions and titles (default: the hospital)") \
	P("place", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "place written before the date, e.g. Hà Nội") \
	P("signer", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "signer's title, e.g. GIÁM ĐỐC")

#define LRL_PARAMS_DECISION_ADD(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the emulation year") \
	P("nominations", STR, PF_NONE, 1, LRL_TEXT_MAX, NULL, "nominations decided: codes, comma-separated") \
	P("round", INT, PF_NONE, 1, LRL_ROUND_MAX, NULL, "a closed council round: every candidate it passed that the hospital decides") \
	P("staff", STR, PF_NONE, 1, LRL_TEXT_MAX, NULL, "ad-hoc: people awarded, staff codes, comma-separated") \
	P("units", STR, PF_NONE, 1, LRL_TEXT_MAX, NULL, "ad-hoc: units awarded, unit codes, comma-separated") \
	P("title", CODE, PF_NONE, 1, LRL_TITLE_CODE_MAX, NULL, "ad-hoc: the title or honour, e.g. GK") \
	P("reason", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "ad-hoc: the achievement rewarded") \
	P("date", DATE, PF_NONE, 0, 0, NULL, "decision date (default: today); the money uses the base salary in force then") \
	P("subject-line", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "subject line (Về việc …)") \
	P("grounds", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "grounds (Căn cứ …), one per line (default: the rulebook's sources)") \
	P("copies", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "recipients of copies (Nơi nhận), one per line")

#define LRL_PARAMS_DECISION_EDIT(P)                                            \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "draft code, e.g. QD-2026-001") \
	P("date", DATE, PF_NONE, 0, 0, NULL, "decision date; the money is computed again for it") \
	P("subject-line", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "subject line (Về việc …)") \
	P("grounds", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "grounds (Căn cứ …), one per line") \
	P("copies", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "recipients of copies (Nơi nhận), one per line")

#define LRL_PARAMS_DECISION_PUBLISH(P)                                         \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "draft code, e.g. QD-2026-001") \
	P("until", DATE, PF_REQ, 0, 0, NULL, "last day complaints are accepted")

#define LRL_PARAMS_DECISION_CANCEL(P)                                          \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "draft code") \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "why it is cancelled")

#define LRL_PARAMS_DECISION_SIGN(P)                                            \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "draft code") \
	P("override", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "sign although the fund is overdrawn: the reason (logged)")

#define LRL_PARAMS_DECISION_LIST(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the emulation year") \
	P("state", ENUM, PF_NONE, 0, 0, LRL_DECISION_STATES, "only this state")

#define LRL_PARAMS_DECISION_SHOW(P)                                            \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "decision code, e.g. QD-2026-001")

#define LRL_PARAMS_DECISION_ANNEX(P) LRL_PARAMS_DECISION_SHOW(P)

#define LRL_MONEY_MAX 1000000000000LL

#define LRL_PARAMS_FUND_DEPOSIT(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the fund's year")    \
	P("amount", INT, PF_REQ, 1, LRL_MONEY_MAX, NULL, "VND")                 \
	P("date", DATE, PF_REQ, 0, 0, NULL, "date of the deposit")              \
	P("source", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "where the money comes from")

#define LRL_PARAMS_FUND_LEDGER(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the fund's year")

#define LRL_PARAMS_COMPLAINT_FILE(P)                                           \
	P("decision", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "the published draft") \
	P("nomination", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "the nomination complained about (or --staff / --unit)") \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "the person complained about") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "the unit complained about") \
	P("title", CODE, PF_NONE, 1, LRL_TITLE_CODE_MAX, NULL, "the award's title, when the person or unit has several in the draft") \
	P("text", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the complaint")

#define LRL_PARAMS_COMPLAINT_ANSWER(P)                                         \
	P("complaint", INT, PF_REQ | PF_POS, 1, INT64_MAX, NULL, "the complaint's number") \
	P("answer", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the answer")

#define LRL_PARAMS_COMPLAINT_LIST(P)                                           \
	P("open", BOOL, PF_NONE, 0, 0, NULL, "only those not answered")

#define LRL_PARAMS_DOSSIER_ADD(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the emulation year") \
	P("nominations", STR, PF_REQ, 1, LRL_TEXT_MAX, NULL, "nominations forwarded: codes, comma-separated") \
	P("memo", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "memo (tờ trình) number, e.g. 25/TTr-BV") \
	P("date", DATE, PF_REQ, 0, 0, NULL, "memo date")

#define LRL_DOSSIER_RESULTS "granted|refused"

#define LRL_PARAMS_DOSSIER_RESULT(P)                                           \
	P("dossier", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "dossier code, e.g. TT-2026-001") \
	P("result", ENUM, PF_REQ, 0, 0, LRL_DOSSIER_RESULTS, "granted or refused") \
	P("decision", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "the province's decision number (when granted)") \
	P("date", DATE, PF_NONE, 0, 0, NULL, "the province's decision date (when granted)") \
	P("issuer", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "who granted it (default: Ủy ban nhân dân tỉnh)") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "why refused, or a note")

#define LRL_PARAMS_DOSSIER_LIST(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the emulation year")

#define LRL_PARAMS_DOSSIER_SHOW(P)                                             \
	P("dossier", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "dossier code")

/* ---- exemplars, models, monthly submission, honouring events -------------- */

#define LRL_EXEMPLAR_FIELDS "quality-of-care|medical-ethics|digital-transformation|research|prevention|administrative-reform|charity|other"
#define LRL_EXEMPLAR_STAGES "found|nurtured|summarised|replicated|dropped"
#define LRL_SUPPORT_KINDS "training|resources|mentoring|other"
#define LRL_PUBLICITY_KINDS "website|newspaper|radio|zalo|facebook|youtube|talk|visit|contest"
#define LRL_CEREMONY_KINDS "mid-term-review|final-review|praise"
#define LRL_EXEMPLAR_CODE_HELP "exemplar code, e.g. DH-2026-001"

#define LRL_PARAMS_EXEMPLAR_ADD(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("staff", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "a person: staff code (or give --unit)") \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "a collective: unit code (or give --staff)") \
	P("field", ENUM, PF_REQ, 0, 0, LRL_EXEMPLAR_FIELDS,                    \
	  "field of achievement: quality-of-care, medical-ethics, digital-transformation, research, prevention, administrative-reform, charity or other") \
	P("achievements", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the achievements, with their dates") \
	P("through", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "the code of the movement through which it was found") \
	P("found", DATE, PF_NONE, 0, 0, NULL, "the day it was found (default: today)")

#define LRL_PARAMS_EXEMPLAR_NURTURE(P)                                         \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("support", ENUM, PF_REQ, 0, 0, LRL_SUPPORT_KINDS, "training, resources, mentoring or other") \
	P("note", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the support given")

#define LRL_PARAMS_EXEMPLAR_SUMMARISE(P)                                       \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("summary", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the summary of its results (sent to the Department of Health)")

#define LRL_PARAMS_EXEMPLAR_REPLICATE(P)                                       \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("where", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "where it is replicated (units, other bodies)") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "how")

#define LRL_PARAMS_EXEMPLAR_DROP(P)                                            \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "why it is dropped")

#define LRL_PARAMS_EXEMPLAR_INTRODUCE(P)                                       \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("date", DATE, PF_REQ, 0, 0, NULL, "the day it was introduced")       \
	P("cluster", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "the emulation cluster (cụm thi đua)") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "a note")

#define LRL_PARAMS_PUBLICISE(P)                                                \
	P("kind", ENUM, PF_REQ, 0, 0, LRL_PUBLICITY_KINDS,                     \
	  "website, newspaper, radio, zalo, facebook, youtube, talk, visit (exchange visit) or contest (writing contest)") \
	P("date", DATE, PF_REQ, 0, 0, NULL, "the day it appeared or took place") \
	P("channel", STR, PF_REQ, 1, LRL_NAME_MAX, NULL, "where: the newspaper, station, page or place") \
	P("title", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "its title")        \
	P("link", STR, PF_NONE, 1, LRL_NAME_MAX * 4, NULL, "its address (http or https)")

#define LRL_PARAMS_EXEMPLAR_PUBLICISE(P)                                       \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	LRL_PARAMS_PUBLICISE(P)

#define LRL_PARAMS_EXEMPLAR_LIST(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	P("stage", ENUM, PF_NONE, 0, 0, LRL_EXEMPLAR_STAGES, "only this stage") \
	P("field", ENUM, PF_NONE, 0, 0, LRL_EXEMPLAR_FIELDS, "only this field")

#define LRL_PARAMS_EXEMPLAR_SHOW(P)                                            \
	P("exemplar", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP)

#define LRL_PARAMS_EXEMPLAR_CANDIDATES(P)                                      \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("missing", BOOL, PF_NONE, 0, 0, NULL, "only those not yet recorded as exemplars")

#define LRL_PARAMS_EXEMPLAR_TARGETS(P)                                         \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units") \
	P("short", BOOL, PF_NONE, 0, 0, NULL, "only the units short of a target")

#define LRL_PARAMS_EXEMPLAR_WARNINGS(P)                                        \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")

#define LRL_PARAMS_EXEMPLAR_EXPORT(P)                                          \
	P("dir", STR, PF_REQ | PF_POS, 1, LRL_NAME_MAX * 4, NULL, "the directory to write (created when absent)") \
	P("year", INT, PF_NONE, 2000, 2099, NULL, "only this year")

#define LRL_PARAMS_MODEL_CODE(P)                                               \
	P("code", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "model code, e.g. MH-2026-001")

#define LRL_PARAMS_MODEL_PLAN(P)                                               \
	LRL_PARAMS_MODEL_CODE(P)                                               \
	P("plan", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the implementation plan: steps, time, resources") \
	P("participants", STR, PF_NONE, 1, LRL_NAME_MAX * 4, NULL, "participants: staff codes, comma-separated")

#define LRL_PARAMS_MODEL_EVALUATE(P)                                           \
	LRL_PARAMS_MODEL_CODE(P)                                               \
	P("date", DATE, PF_REQ, 0, 0, NULL, "the day of the evaluation")       \
	P("result", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the result")         \
	P("evidence", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "the evidence (figures, records, documents)")

#define LRL_PARAMS_MODEL_ASSESS(P)                                             \
	LRL_PARAMS_MODEL_CODE(P)                                               \
	P("assessment", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the final assessment")

#define LRL_PARAMS_MODEL_ADOPT(P)                                              \
	LRL_PARAMS_MODEL_CODE(P)                                               \
	P("date", DATE, PF_REQ, 0, 0, NULL, "the day it was adopted")          \
	P("units", STR, PF_NONE, 1, LRL_NAME_MAX * 2, NULL, "units that adopted it: codes, comma-separated (or give --body)") \
	P("body", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "an outside body that adopted it (or give --units)") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "a note")

#define LRL_PARAMS_MODEL_PUBLICISE(P)                                          \
	LRL_PARAMS_MODEL_CODE(P)                                               \
	LRL_PARAMS_PUBLICISE(P)

#define LRL_PARAMS_MODEL_LIST(P)                                               \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("unit", CODE, PF_NONE, 2, LRL_CODE_MAX, NULL, "only this unit and its sub-units")

#define LRL_PARAMS_MODEL_SHOW(P) LRL_PARAMS_MODEL_CODE(P)

#define LRL_PARAMS_SUBMISSION_PROPOSE(P)                                       \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the exemplars")

#define LRL_PARAMS_SUBMISSION_SHOW(P)                                          \
	P("month", STR, PF_REQ | PF_POS, 6, 7, NULL, "the month it is sent in, mm/yyyy") \
	P("exemplar", CODE, PF_NONE, 1, LRL_CODE_MAX, NULL, "draft for this exemplar (default: the first proposed)")

#define LRL_PARAMS_SUBMISSION_SEND(P)                                          \
	P("month", STR, PF_REQ | PF_POS, 6, 7, NULL, "the month it is sent in, mm/yyyy") \
	P("exemplar", CODE, PF_REQ, 1, LRL_CODE_MAX, NULL, LRL_EXEMPLAR_CODE_HELP) \
	P("date", DATE, PF_NONE, 0, 0, NULL, "the day it was sent (default: today)") \
	P("summary", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "the achievement summary sent (default: the exemplar's summary)")

#define LRL_PARAMS_SUBMISSION_LIST(P)                                          \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")

#define LRL_PARAMS_CEREMONY_ADD(P)                                             \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")          \
	P("kind", ENUM, PF_REQ, 0, 0, LRL_CEREMONY_KINDS,                      \
	  "mid-term-review (sơ kết), final-review (tổng kết) or praise (biểu dương)") \
	P("date", DATE, PF_REQ, 0, 0, NULL, "the day it took place")           \
	P("name", STR, PF_REQ, 1, LRL_NAME_MAX * 2, NULL, "its name")          \
	P("honoured", STR, PF_NONE, 1, LRL_NAME_MAX * 4, NULL, "the exemplars honoured: codes, comma-separated") \
	P("note", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL, "a note")

#define LRL_PARAMS_CEREMONY_LIST(P)                                            \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year")

#define LRL_PARAMS_CEREMONY_SHOW(P)                                            \
	P("ceremony", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "event code, e.g. TV-2026-001")

/* ---- the council ---------------------------------------------------------- */

#define LRL_TERM_POSITIONS "chair|secretary|member"
#define LRL_ROUND_MODES "scoring|ballot|both"
#define LRL_BALLOT_CHOICES "yes|no|abstain"
#define LRL_CONFLICT_TYPES "relative|colleague|author|other"
#define LRL_ROUND_MAX 4294967295
#define LRL_BALLOT_SEALED_LEN 112 /* ballot.h: BALLOT_SEALED_LEN */

#define LRL_PARAMS_TERM_OPEN(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the term") \
	P("chair", LOGIN, PF_REQ, 1, LRL_LOGIN_MAX, NULL, "the chair's login (Chủ tịch)") \
	P("secretary", LOGIN, PF_REQ, 1, LRL_LOGIN_MAX, NULL, "the secretary's login (Thư ký)") \
	P("name", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "the term's name, e.g. Hội đồng TĐKT năm 2026")

#define LRL_PARAMS_TERM_ADD(P)                                                 \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the term") \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "the member's login") \
	P("position", ENUM, PF_NONE, 0, 0, LRL_TERM_POSITIONS, "chair, secretary or member (default)")

#define LRL_PARAMS_TERM_REMOVE(P)                                              \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the term") \
	P("login", LOGIN, PF_REQ | PF_POS, 1, LRL_LOGIN_MAX, NULL, "the member's login") \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "why the member leaves")

#define LRL_PARAMS_TERM_SHOW(P)                                                \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year of the term")

#define LRL_PARAMS_ROUND_OPEN(P)                                               \
	P("year", INT, PF_REQ | PF_POS, 2000, 2099, NULL, "the year (its council term)") \
	P("nominations", STR, PF_REQ, 1, LRL_TEXT_MAX, NULL, "nomination codes, comma-separated") \
	P("mode", ENUM, PF_REQ, 0, 0, LRL_ROUND_MODES, "scoring, ballot (secret) or both") \
	P("criteria", TEXT, PF_NONE, 1, LRL_TEXT_MAX, NULL,                    \
	  "scoring criteria, one a line: name; weight; maximum points[; no-score]") \
	P("closes", DATE, PF_NONE, 0, 0, NULL, "last day to score and vote (none: until the chair closes)") \
	P("quorum", INT, PF_NONE, 1, 100, NULL, "quorum, % of all members (default two thirds)") \
	P("written", BOOL, PF_NONE, 0, 0, NULL, "absent members may send a written vote") \
	P("name", STR, PF_NONE, 1, LRL_NAME_MAX, NULL, "the session, e.g. Phiên họp xét danh hiệu năm 2026")

#define LRL_PARAMS_ROUND_ATTEND(P)                                             \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("present", STR, PF_REQ, 1, LRL_TEXT_MAX, NULL, "logins of the members present, comma-separated")

#define LRL_PARAMS_ROUND_LIST(P)                                               \
	P("year", INT, PF_NONE, 2000, 2099, NULL, "only this year")

#define LRL_PARAMS_ROUND_SHOW(P)                                               \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number")

#define LRL_PARAMS_ROUND_CANDIDATES(P)                                         \
	P("round", INT, PF_NONE, 1, LRL_ROUND_MAX, NULL, "only this round")

#define LRL_PARAMS_SCORE_SET(P)                                                \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code") \
	P("points", STR, PF_REQ, 1, LRL_NAME_MAX, NULL,                        \
	  "points per criterion in order, comma-separated; - for no score")

#define LRL_PARAMS_SCORE_SHOW(P)                                               \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code")

#define LRL_PARAMS_BALLOT_CAST(P)                                              \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code") \
	P("choice", ENUM, PF_REQ | PF_SEALED, 0, 0, LRL_BALLOT_CHOICES,        \
	  "yes, no or abstain (sealed on your side; the server never sees it)") \
	P("sealed", BIN, PF_REQ | PF_DERIVED, 0, LRL_BALLOT_SEALED_LEN, NULL, \
	  "the sealed ballot")

#define LRL_PARAMS_CONFLICT_DECLARE(P)                                         \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "nomination code") \
	P("type", ENUM, PF_REQ, 0, 0, LRL_CONFLICT_TYPES, "relative, colleague, author or other") \
	P("reason", TEXT, PF_REQ, 1, LRL_TEXT_MAX, NULL, "the conflict")

#define LRL_PARAMS_CONFLICT_LIST(P)                                            \
	P("round", INT, PF_POS, 1, LRL_ROUND_MAX, NULL, "only this round")

#define LRL_PARAMS_ROUND_CLOSE(P)                                              \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number")

#define LRL_PARAMS_ROUND_CAST(P)                                               \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number") \
	P("nomination", CODE, PF_REQ | PF_POS, 1, LRL_CODE_MAX, NULL, "the nomination the chair's vote goes to")

#define LRL_PARAMS_ROUND_RESULTS(P)                                            \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number")

#define LRL_PARAMS_ROUND_MINUTES(P)                                            \
	P("round", INT, PF_REQ | PF_POS, 1, LRL_ROUND_MAX, NULL, "round number")

enum lrl_action_id {
#define LRL_X_AID(id, name, kind, flags, pol, help) LRL_A_##id,
	LRL_ACTIONS(LRL_X_AID)
#undef LRL_X_AID
	LRL_ACTION_COUNT
};

/* The table (LRL_ACTION_COUNT rows, indexed by enum lrl_action_id). */
extern const struct lrl_action lrl_actions[LRL_ACTION_COUNT];

/* The row named "noun.verb" (len bytes), or NULL. */
const struct lrl_action *action_find(const char *name, size_t len);

/* Role id for a role name (len bytes), or -1. */
int action_role_find(const char *name, size_t len);
const char *action_role_name(int role);
const char *action_role_label_vi(int role);

/* The widest scope any of the roles in the bit set roles (1u << role) has
 * for action a.  Staff is always included. */
enum lrl_scope action_scope(const struct lrl_action *a, unsigned roles);

/* Parameter p of a by name, or NULL. */
const struct lrl_param *action_param(const struct lrl_action *a,
                                     const char *name, size_t len);

/* Why a check failed: the field it concerns and a readable reason. */
struct lrl_fail {
	const char *field; /* static: a parameter name, or NULL */
	char reason[256];
	struct msg_args m; /* the reason's format and arguments (msg.h) */
};

/* Sets f and returns code (convenience for handlers and checks). */
int lrl_fail_set(struct lrl_fail *f, int code, const char *field,
                 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Checks a received params map against a's parameter list: every key is
 * known, every required parameter present, every value of its type and
 * within its limits (text well-formed UTF-8 without control characters,
 * lengths in code points).  Returns 0, or LRL_EINVAL with f naming the
 * field and the reason.
 */
int action_check_params(const struct lrl_action *a,
                        const msgpack_object *params, struct lrl_fail *f);

/* The same, before the client has added the derived parameters (keys):
 * required derived parameters may be absent. */
int action_check_typed(const struct lrl_action *a,
                       const msgpack_object *params, struct lrl_fail *f);

/*
 * Packs the typed value of one parameter given as text (as typed on the CLI
 * or in a form) into pk: dates as dd/mm/yyyy or yyyy-mm-dd, booleans as
 * yes/no/true/false/1/0, enums by choice name.  Returns 0, or LRL_EINVAL
 * with f set (nothing packed).
 */
int action_pack_text(const struct lrl_param *p, const char *text,
                     msgpack_packer *pk, struct lrl_fail *f);

/* Finds text among the '|'-separated choices ignoring case and tones
 * ("nu" finds "nữ") and copies the canonical choice into out.  1 when
 * found, else 0. */
int action_choice(const char *choices, const char *text, char *out,
                  size_t n);

/* Number of parameters of a. */
size_t action_nparams(const struct lrl_action *a);

#endif
