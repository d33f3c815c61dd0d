/* tui.c — the TUI's driver: terminal setup, layout, the keymap table,
 * widgets and the main loop (see tui.h, tui_int.h). */
#include "laurel/tui.h"

#include <errno.h>
#include <locale.h>
#include <menu.h>
#include <panel.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "laurel/err.h"
#include "laurel/mp.h"
#include "laurel/text.h"
#include "laurel/tui_int.h"

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* ---- the keymap table --------------------------------------------- */

/* X(id, keys shown, msgid of what it does) — the help screen and the
 * status-line hints come from this one table. */
#define TUI_KEYS(X)                                                            \
	X(MOVE, "↑↓ j k", N_("move"))                                          \
	X(MENU, "← h  → l", N_("to the menu / back to the pane"))             \
	X(PAGE, "PgUp PgDn", N_("page up / down"))                             \
	X(ENDS, "Home End g G", N_("first / last"))                            \
	X(OPEN, "Enter", N_("open"))                                           \
	X(BACK, "Esc", N_("back / cancel"))                                    \
	X(FOCUS, "Tab", N_("switch between menu and main pane"))               \
	X(SEARCH, "/", N_("search (tones and case ignored)"))                  \
	X(SORT, "o O", N_("sort by the next column / reverse"))                \
	X(COLUMNS, "< >", N_("columns to the left / right (▸: more)"))        \
	X(ADD, "a", N_("add"))                                                 \
	X(EDIT, "e", N_("edit"))                                               \
	X(DELETE, "d", N_("close / lock (asks first)"))                        \
	X(ACTIONS, "m", N_("actions on this row"))                             \
	X(SAVE, "F10 Ctrl-S", N_("save the form"))                             \
	X(HELP, "? F1", N_("this help"))                                       \
	X(REDRAW, "Ctrl-L R", N_("redraw"))                                    \
	X(QUIT, "q", N_("quit"))

static const struct {
	const char *keys;
	const char *what;
} keymap[] = {
#define X(id, keys, what) {keys, what},
	TUI_KEYS(X)
#undef X
};

/* ---- labels --------------------------------------------------------- */

static const char *const labels[][2] = {
	{"code", N_("Code")},
	{"name", N_("Name")},
	{"kind", N_("Kind")},
	{"parent", N_("Parent unit")},
	{"state", N_("State")},
	{"full-name", N_("Full name")},
	{"sex", N_("Sex")},
	{"birth-date", N_("Date of birth")},
	{"unit", N_("Unit")},
	{"unit-name", N_("Unit name")},
	{"position", N_("Position")},
	{"job-title", N_("Job title")},
	{"category", N_("Category")},
	{"start-date", N_("Start date")},
	{"login", N_("Login")},
	{"roles", N_("Roles")},
	{"role", N_("Role")},
	{"language", N_("Language")},
	{"created", N_("Created")},
	{"staff", N_("Staff members")},
	{"event", N_("Event")},
	{"time", N_("Time")},
	{"user", N_("User")},
	{"action", N_("Action")},
	{"record", N_("Record")},
	{"from-uid", N_("From (uid)")},
	{"signature", N_("Signature")},
	{"hospital", N_("Hospital")},
	{"must-change-password", N_("Must change password")},
	{"search", N_("Search")},
	{"closed", N_("Include closed")},
	{"hospital-kind", N_("Hospital")},
	{"department", N_("Department (khoa)")},
	{"office", N_("Office (phòng)")},
	{"station", N_("Health station (trạm)")},
	{"organisation", N_("Mass organisation")},
	{"staff-role", N_("Staff member")},
	{"head", N_("Department head")},
	{"council", N_("Council member")},
	{"chair", N_("Council chair")},
	{"secretary", N_("Council secretary")},
	{"director", N_("Director")},
	{"admin", N_("Administrator")},
	{"file", N_("File")},
	{"year", N_("Year")},
	{"title", N_("Title")},
	{"commitments", N_("Commitments")},
	{"submitted", N_("Submitted")},
	{"late", N_("Late")},
	{"reason", N_("Reason")},
	{"model", N_("Model")},
	{"exemplars", N_("Exemplar candidates")},
	{"rulebook", N_("Rulebook")},
	{"registration", N_("Registration deadline")},
	{"six-month-report", N_("Six-month report")},
	{"annual-report", N_("Annual report")},
	{"ratings", N_("Ratings deadline")},
	{"from", N_("From")},
	{"to", N_("To")},
	{"from-year", N_("From year")},
	{"to-year", N_("To year")},
	{"areas", N_("Content areas")},
	{"until", N_("Until")},
	{"months", N_("Months worked")},
	{"maternity", N_("Maternity leave (months)")},
	{"discipline", N_("Discipline")},
	{"note", N_("Note")},
	{"level", N_("Level")},
	{"HTXSNV", N_("HTXSNV (outstanding)")},
	{"HTTNV", N_("HTTNV (good)")},
	{"HTNV", N_("HTNV (completed)")},
	{"KHTNV", N_("KHTNV (not completed)")},
	{"reprimand", N_("reprimand")},
	{"warning", N_("warning")},
	{"dismissal", N_("dismissal")},
	{"draft", N_("draft")},
	{"endorsed", N_("endorsed")},
	{"accepted", N_("accepted")},
	{"returned", N_("returned")},
	{"content", N_("Content")},
	{"lead", N_("Lead unit")},
	{"lead-name", N_("Lead unit name")},
	{"with", N_("Cooperating units")},
	{"due", N_("Due by")},
	{"period", N_("Time in the plan")},
	{"status", N_("Status")},
	{"overdue", N_("Overdue")},
	{"added", N_("Added")},
	{"added-by", N_("Added by")},
	{"change", N_("Change")},
	{"planned", N_("planned")},
	{"in-progress", N_("in progress")},
	{"done", N_("done")},
	{"cancelled", N_("cancelled")},
	{"authors", N_("Authors")},
	{"author-names", N_("Authors' names")},
	{"summary", N_("Summary")},
	{"result", N_("Result")},
	{"scope", N_("Scope")},
	{"decision", N_("Decision")},
	{"date", N_("Date")},
	{"initiative", N_("Initiative (sáng kiến)")},
	{"research", N_("Research topic (đề tài)")},
	{"registered", N_("registered")},
	{"recognised", N_("recognised")},
	{"not-recognised", N_("not recognised")},
	{"province", N_("Province")},
	{"national", N_("National")},
	{"registered-by", N_("Registered by")},
	{"registered-at", N_("Registered at")},
	{"decided-by", N_("Decided by")},
	/* A value whose label depends on its column is keyed "column:value"
	 * (tui_value): the state "submitted" is not the column "submitted"
	 * (the date), nor the unit state "closed" the "closed" parameter. */
	{"state:submitted", N_("submitted")},
	{"state:open", N_("active")},
	{"state:closed", N_("closed")},
	{"state:active", N_("active")},
	{"state:locked", N_("locked")},
	{"state:must change password", N_("must change password")},
	{"state:none", N_("not registered")},
	{"state:missing", N_("not registered")},
	{"state:collective", N_("collective")},
	{"late:late", N_("late")},
	{"discipline:reprimand", N_("reprimand")},
	{"discipline:warning", N_("warning")},
	{"discipline:dismissal", N_("dismissal")},
	{"regular", N_("regular")},
	{"thematic", N_("thematic")},
	{"peak", N_("peak")},
	{"rating", N_("Rating")},
	{"opened", N_("Opened")},
	{"exemplar-day", N_("Exemplar due day")},
	{"target-ldtt", N_("Target LĐTT (%)")},
	{"target-cstdcs", N_("Target CSTĐCS (%)")},
	{"target-gk-units", N_("Target unit GK (%)")},
	{"target-gk-people", N_("Target person GK (%)")},
	{"nomination", N_("Nomination")},
	{"subject", N_("For")},
	{"verdict", N_("Verdict")},
	{"verdict-text", N_("Assessment")},
	{"failing", N_("Criteria not met")},
	{"criteria", N_("Criteria")},
	{"proposal", N_("Proposed")},
	{"title-name", N_("Title name")},
	{"achievements", N_("Achievements")},
	{"basis", N_("Initiatives it rests on")},
	{"proposed-by", N_("Proposed by")},
	{"proposed", N_("Proposed on")},
	{"withdrawn", N_("Withdrawn")},
	{"hometown", N_("Home town")},
	{"qualifications", N_("Qualifications")},
	{"duties", N_("Duties")},
	{"results", N_("Results")},
	{"initiatives", N_("Initiatives")},
	{"report", N_("Achievement report")},
	{"report-by", N_("Report by")},
	{"past-titles", N_("Past titles")},
	{"movement", N_("Achievement in a movement")},
	{"ad-hoc", N_("Ad-hoc achievement")},
	{"cluster-leader", N_("Leads its cluster")},
	{"issuer", N_("Issued by")},
	{"matter", N_("Matter")},
	{"resolution", N_("Resolution")},
	{"verdict:eligible", N_("eligible")},
	{"verdict:not-eligible", N_("not eligible")},
	{"verdict:blocked", N_("blocked")},
	{"subject:person", N_("person")},
	{"subject:unit", N_("unit")},
	{"state:proposed", N_("proposed")},
	{"state:withdrawn", N_("withdrawn")},
	{"state:pending", N_("pending")},
	{"state:resolved", N_("resolved")},
	{"report:missing", N_("missing")},
	{"report:not required", N_("not required")},
	{"kind:complaint", N_("complaint")},
	/* Decisions, the fund, complaints and dossiers. */
	{"complaint", N_("Complaint")},
	{"number", N_("Number")},
	{"recipients", N_("Recipients")},
	{"total", N_("Total")},
	{"complaints-until", N_("Complaints until")},
	{"subject-line", N_("Subject line")},
	{"grounds", N_("Grounds")},
	{"article-1", N_("Article 1")},
	{"article-2", N_("Article 2")},
	{"article-3", N_("Article 3")},
	{"annex", N_("Annex")},
	{"amount", N_("Amount")},
	{"balance", N_("Balance")},
	{"memo", N_("Memo")},
	{"memo-date", N_("Memo date")},
	{"filed", N_("Filed on")},
	{"answer", N_("Answer")},
	{"override", N_("Overdraft reason")},
	{"source", N_("Source")},
	{"fund-source", N_("Paid from")},
	{"fund-balance", N_("Fund balance")},
	{"copies", N_("Copies to")},
	{"signer", N_("Signer")},
	{"signed-by", N_("Signed by")},
	{"drafted-by", N_("Drafted by")},
	{"signed", N_("Signed at")},
	{"place", N_("Place")},
	{"nominations", N_("Nominations")},
	{"by", N_("By")},
	{"text", N_("Text")},
	{"points", N_("Points")},
	{"scale", N_("Scale")},
	{"progress", N_("Progress")},
	{"ballots", N_("Ballots")},
	{"ballot-key", N_("Ballot key")},
	{"state:draft", N_("draft")},
	{"state:published", N_("published")},
	{"state:signed", N_("signed")},
	{"state:cancelled", N_("cancelled")},
	{"state:decided", N_("decided")},
	{"state:forwarded", N_("forwarded")},
	{"state:granted", N_("granted")},
	{"state:refused", N_("refused")},
	{"state:answered", N_("answered")},
	{"kind:deposit", N_("deposit")},
	{"kind:payment", N_("payment")},
	/* The council's lists. */
	{"scored:yes", N_("scored")},
	{"scored:no", N_("not yet")},
	{"voted:yes", N_("voted")},
	{"voted:no", N_("not yet")},
	{"status:waiting", N_("waiting")},
	{"status:done", N_("done")},
	{"status:recused", N_("recused")},
	{"mode:scoring", N_("scoring")},
	{"mode:ballot", N_("secret ballot")},
	{"mode:both", N_("scoring and ballot")},
	{"result:passed", N_("passed")},
	{"result:failed", N_("failed")},
	{"result:over the quota", N_("over the quota")},
	{"result:tied: chair's vote", N_("tied: chair's vote")},
	{"result:scored", N_("scored")},
	{"result:not scored", N_("not scored")},
	{"threshold:majority", N_("majority")},
	{"round", N_("Round")},
	{"member", N_("Member")},
	{"member-name", N_("Member's name")},
	{"declared", N_("Declared on")},
	{"type", N_("Type")},
	{"type:relative", N_("relative")},
	{"type:colleague", N_("colleague")},
	{"type:author", N_("co-author")},
	{"type:other", N_("other")},
	{"yes % of all", N_("Yes / all members")},
	{"threshold", N_("Threshold")},
	{"abstain", N_("Abstain")},
	{"score", N_("Score")},
	{"spread", N_("Spread")},
	{"rank", N_("Rank")},
	{"session", N_("Session")},
	{"members", N_("Members")},
	{"present", N_("Present")},
	{"quorum", N_("Quorum")},
	{"written votes", N_("Written votes")},
	{"mode", N_("Mode")},
	{"closes", N_("Closes")},
	{"candidates", N_("Candidates")},
	{"your progress", N_("Your progress")},
	{"scores", N_("Scores")},
	{"joined", N_("Joined")},
	{"yes", N_("Yes")},
	{"no", N_("No")},
	{"order", N_("No.")},
	{"left", N_("Left")},
	{"review", N_("discipline review")},
	{"investigation", N_("investigation")},
	/* Exemplars, models, the monthly submission, honouring events. */
	{"exemplar", N_("Exemplar")},
	{"field", N_("Field")},
	{"stage", N_("Stage")},
	{"found", N_("Found on")},
	{"found-by", N_("Found by")},
	{"through", N_("Found through movement")},
	{"support", N_("Support given")},
	{"where", N_("Where")},
	{"introduced", N_("Introduced to the cluster")},
	{"cluster", N_("Emulation cluster")},
	{"publicity", N_("Publicity")},
	{"channel", N_("Channel")},
	{"link", N_("Link")},
	{"kind:person", N_("person")},
	{"kind:collective", N_("collective")},
	{"quality-of-care", N_("quality of care")},
	{"medical-ethics", N_("medical ethics")},
	{"digital-transformation", N_("digital transformation")},
	{"field:research", N_("research and initiatives")},
	{"prevention", N_("prevention")},
	{"administrative-reform", N_("administrative reform")},
	{"charity", N_("charity")},
	{"field:other", N_("other")},
	{"stage:found", N_("found")},
	{"nurtured", N_("nurtured")},
	{"summarised", N_("summarised")},
	{"replicated", N_("replicated")},
	{"dropped", N_("dropped")},
	{"training", N_("training")},
	{"resources", N_("resources")},
	{"mentoring", N_("mentoring")},
	{"support:other", N_("other")},
	{"website", N_("hospital website")},
	{"newspaper", N_("newspaper")},
	{"radio", N_("radio")},
	{"talk", N_("talk")},
	{"visit", N_("exchange visit")},
	{"contest", N_("writing contest")},
	{"mid-term-review", N_("mid-term review (sơ kết)")},
	{"final-review", N_("final review (tổng kết)")},
	{"praise", N_("praise ceremony (biểu dương)")},
	{"plan", N_("Implementation plan")},
	{"participants", N_("Participants")},
	{"evaluations", N_("Evaluations")},
	{"evaluation", N_("Evaluation")},
	{"evidence", N_("Evidence")},
	{"assessment", N_("Final assessment")},
	{"assessed", N_("Assessed")},
	{"assessed-by", N_("Assessed by")},
	{"adopted", N_("Adopted in")},
	{"units", N_("Units")},
	{"body", N_("Outside body")},
	{"models", N_("Models")},
	{"collective", N_("Collective")},
	{"individual", N_("Individual")},
	{"models-short", N_("Models short")},
	{"collective-short", N_("Coll. short")},
	{"individual-short", N_("Indiv. short")},
	{"short", N_("Only units short of a target")},
	{"month", N_("Month")},
	{"sent", N_("Sent on")},
	{"sent-by", N_("Sent by")},
	{"recipient", N_("Sent to")},
	{"status:sent", N_("sent")},
	{"status:draft", N_("draft")},
	{"status:due", N_("due")},
	{"status:missing", N_("missing")},
	{"status:upcoming", N_("upcoming")},
	{"ceremony", N_("Honouring event")},
	{"honoured", N_("Exemplars honoured")},
	{"dir", N_("Directory")},
};

#define NLABELS (sizeof labels / sizeof labels[0])

static const char *label_of(const char *name, size_t len)
{
	for (size_t i = 0; i < NLABELS; i++)
		if (!strncmp(labels[i][0], name, len) && labels[i][0][len] == '\0')
			return _(labels[i][1]);
	return NULL;
}

const char *tui_label(const char *name)
{
	static char numbered[128];
	const char *l = label_of(name, strlen(name)), *dash;

	if (l)
		return l;
	/* A numbered field ("change-2": the second entry of a history) is
	 * its stem's label and the number. */
	dash = strrchr(name, '-');
	if (dash && dash[1] && strspn(dash + 1, "0123456789") == strlen(dash + 1) &&
	    (l = label_of(name, (size_t)(dash - name))) != NULL) {
		snprintf(numbered, sizeof numbered, "%s %s", l, dash + 1);
		return numbered;
	}
	return name;
}

/* The labels row keyed exactly key, or NULL. */
static const char *label_row(const char *key)
{
	for (size_t i = 0; i < NLABELS; i++)
		if (!strcmp(labels[i][0], key))
			return labels[i][1];
	return NULL;
}

int tui_enum_column(const char *column)
{
	size_t cl = strlen(column);

	if (column[0] == '\0')
		return 0;
	if (!strcmp(column, "roles"))
		return 1; /* tui_roles_display */
	for (size_t i = 0; i < LRL_ACTION_COUNT; i++)
		for (const struct lrl_param *p = lrl_actions[i].params; p && p->name; p++)
			if (p->type == LRL_PT_ENUM && !strcmp(p->name, column))
				return 1;
	for (size_t i = 0; i < NLABELS; i++)
		if (!strncmp(labels[i][0], column, cl) && labels[i][0][cl] == ':')
			return 1;
	return 0;
}

const char *tui_value(const char *column, const char *value)
{
	char key[160];
	const char *msgid = NULL;

	if (value == NULL || value[0] == '\0')
		return value;
	if ((size_t)snprintf(key, sizeof key, "%s:%s", column, value) < sizeof key)
		msgid = label_row(key);
	if (msgid == NULL)
		msgid = label_row(value);
	return msgid ? _(msgid) : value;
}

/* The sections of the menu, by noun; shown when the user may list it. */
static const struct {
	const char *noun;
	const char *label;
	int action;
	struct screen *(*open)(struct tui *t);
} section_table[] = {
	{NULL, N_("Home"), -1, NULL},
	{"staff", N_("Staff"), LRL_A_STAFF_LIST, NULL},
	{"unit", N_("Units"), LRL_A_UNIT_LIST, NULL},
	{"user", N_("Accounts"), LRL_A_USER_LIST, NULL},
	{"pledge", N_("Pledges"), LRL_A_PLEDGE_LIST, NULL},
	{"report", N_("Roster"), LRL_A_REPORT_ROSTER, NULL},
	{"rating", N_("Ratings"), LRL_A_RATING_LIST, NULL},
	{"work", N_("Initiatives and models"), LRL_A_WORK_LIST, NULL},
	{"movement", N_("Movements"), LRL_A_MOVEMENT_LIST, NULL},
	{"nomination", N_("Nominations"), LRL_A_NOMINATION_LIST, NULL},
	{"report", N_("Review sheet"), LRL_A_REPORT_REVIEW, NULL},
	{"award", N_("Titles held"), LRL_A_AWARD_LIST, NULL},
	{"matter", N_("Complaints and reviews"), LRL_A_MATTER_LIST, NULL},
	{"decision", N_("Decisions"), LRL_A_DECISION_LIST, NULL},
	{"complaint", N_("Complaints about decisions"), LRL_A_COMPLAINT_LIST, NULL},
	{"fund", N_("Reward fund"), LRL_A_FUND_LEDGER, NULL},
	{"dossier", N_("Forwarded dossiers"), LRL_A_DOSSIER_LIST, NULL},
	{"task", N_("Plan tasks"), LRL_A_TASK_LIST, NULL},
	{"exemplar", N_("Exemplars"), LRL_A_EXEMPLAR_LIST, NULL},
	{"model", N_("Models"), LRL_A_MODEL_LIST, NULL},
	{"exemplar", N_("Exemplar targets"), LRL_A_EXEMPLAR_TARGETS, NULL},
	{"exemplar", N_("Exemplar candidates"), LRL_A_EXEMPLAR_CANDIDATES, NULL},
	{"submission", N_("Monthly submission"), LRL_A_SUBMISSION_LIST, NULL},
	{"ceremony", N_("Honouring events"), LRL_A_CEREMONY_LIST, NULL},
	{"year", N_("Emulation years"), LRL_A_YEAR_LIST, NULL},
	{"audit", N_("Audit log"), LRL_A_AUDIT_LOG, NULL},
	{"report", N_("Reports"), LRL_A_REPORT_LIST, NULL},
	/* The council's: a member's candidates, the rounds. */
	{"round", N_("Candidates to score"), LRL_A_ROUND_CANDIDATES,
	 screen_candidates},
	{"round", N_("Council rounds"), LRL_A_ROUND_LIST, screen_rounds},
};

/* ---- attributes ------------------------------------------------------- */

int tui_attr(struct tui *t, enum tui_attr a)
{
	if (!t->color) {
		switch (a) {
		case TA_TITLE:
		case TA_BAR:
		case TA_SELECTED:
			return A_REVERSE;
		case TA_HEADER:
		case TA_ERROR:
			return A_BOLD;
		case TA_FIELD:
			return A_UNDERLINE;
		case TA_DIM:
			return A_DIM;
		default:
			return A_NORMAL;
		}
	}
	switch (a) {
	case TA_TITLE:
		return COLOR_PAIR(1) | A_BOLD;
	case TA_SELECTED:
		return COLOR_PAIR(2);
	case TA_HEADER:
		return A_BOLD | A_UNDERLINE;
	case TA_ERROR:
		return COLOR_PAIR(3) | A_BOLD;
	case TA_OK:
		return COLOR_PAIR(4);
	case TA_DIM:
		return A_DIM;
	case TA_FIELD:
		return COLOR_PAIR(5) | A_UNDERLINE;
	case TA_BAR:
		return COLOR_PAIR(1);
	default:
		return A_NORMAL;
	}
}

/* ---- drawing helpers -------------------------------------------------- */

void tui_put(WINDOW *w, int y, int x, const char *s, int cols)
{
	char *safe, buf[2048];

	if (cols <= 0)
		return;
	safe = text_sanitize(s ? s : "", strlen(s ? s : ""), 0);
	text_fit(buf, sizeof buf, safe ? safe : "", (size_t)cols, 0);
	mvwaddstr(w, y, x, buf);
	free(safe);
}

void tui_message(struct tui *t, int is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
	t->message_is_error = is_error;
	t->need_redraw = 1;
}

int tui_call(struct tui *t, const char *action, const void *params,
             size_t len, struct lrl_reply **out)
{
	const struct lrl_action *a = action_find(action, strlen(action));
	int rc;

	if (a && (a->flags & AF_BALLOT)) {
		/* A secret ballot is sealed here; its choice is never sent. */
		msgpack_unpacked u;
		msgpack_unpacked_init(&u);
		rc = mp_decode(&u, params, len) == 0
		         ? lrl_ballot_params(t->conn, &u.data, out)
		         : LRL_EPROTO;
		msgpack_unpacked_destroy(&u);
		if (rc == LRL_EINVAL && *out == NULL) {
			tui_message(t, 1, "%s", _("This round takes no ballot."));
			return rc;
		}
	} else {
		rc = lrl_call(t->conn, action, params, len, out);
	}
	if (rc != 0) {
		tui_message(t, 1, _("The server does not answer (%s)."),
		            lrl_strerror(rc));
		return rc;
	}
	if ((*out)->code != 0) {
		char text[1024];
		lrl_reply_text(*out, text, sizeof text);
		tui_message(t, 1, "%s%s%s", (*out)->field[0] ? tui_label((*out)->field) : "",
		            (*out)->field[0] ? ": " : "", text);
		return (*out)->code;
	}
	return 0;
}

/* ---- screens ---------------------------------------------------------- */

void tui_push(struct tui *t, struct screen *s)
{
	if (s == NULL)
		return;
	if (t->depth == TUI_STACK_MAX) {
		struct screen *old = t->stack[1];
		if (old->ops->close)
			old->ops->close(old);
		free(old);
		memmove(&t->stack[1], &t->stack[2],
		        (TUI_STACK_MAX - 2) * sizeof t->stack[0]);
		t->depth--;
	}
	t->stack[t->depth++] = s;
	t->need_redraw = 1;
}

void tui_pop(struct tui *t)
{
	struct screen *s;

	if (t->depth <= 1)
		return;
	s = t->stack[--t->depth];
	if (s->ops->close)
		s->ops->close(s);
	free(s);
	s = tui_top(t);
	if (s && s->stale && s->ops->reload)
		s->ops->reload(t, s);
	if (s)
		s->stale = 0;
	t->need_redraw = 1;
}

void tui_changed(struct tui *t)
{
	struct screen *s = tui_top(t);

	if (s && s->ops->reload)
		s->ops->reload(t, s);
	for (int i = 0; i + 1 < t->depth; i++)
		t->stack[i]->stale = 1;
	t->need_redraw = 1;
}

struct screen *tui_top(struct tui *t)
{
	return t->depth ? t->stack[t->depth - 1] : NULL;
}

static void clear_stack(struct tui *t)
{
	while (t->depth > 0) {
		struct screen *s = t->stack[--t->depth];
		if (s->ops->close)
			s->ops->close(s);
		free(s);
	}
}

/* ---- layout ----------------------------------------------------------- */

static void layout(struct tui *t)
{
	int mw;

	getmaxyx(stdscr, t->rows, t->cols);
	if (t->wtitle)
		delwin(t->wtitle);
	if (t->wmenu)
		delwin(t->wmenu);
	if (t->wmain)
		delwin(t->wmain);
	if (t->wstatus)
		delwin(t->wstatus);
	if (t->wmsg)
		delwin(t->wmsg);
	mw = t->cols >= 100 ? TUI_MENU_WIDTH : 16;
	if (t->rows < 6 || t->cols < 40)
		mw = 0;
	t->wtitle = newwin(1, t->cols, 0, 0);
	t->wmenu = mw ? newwin(t->rows - 3, mw, 1, 0) : NULL;
	t->wmain = newwin(t->rows - 3 > 0 ? t->rows - 3 : 1, t->cols - mw, 1, mw);
	t->wstatus = newwin(1, t->cols, t->rows - 2, 0);
	t->wmsg = newwin(1, t->cols, t->rows - 1, 0);
	keypad(t->wmain, TRUE);
	/* After a resize the terminal may have moved or cut what it showed
	 * (tmux keeps the bottom lines): repaint everything, not only what
	 * curses believes has changed. */
	clearok(curscr, TRUE);
	t->need_redraw = 1;
}

static void draw_title(struct tui *t)
{
	char buf[2048];

	werase(t->wtitle);
	wbkgdset(t->wtitle, (chtype)tui_attr(t, TA_TITLE) | ' ');
	werase(t->wtitle);
	if (t->logged_in)
		snprintf(buf, sizeof buf, " laurel · %s · %s (%s) · %s", t->hospital,
		         t->full_name, t->login, t->roles_shown);
	else
		snprintf(buf, sizeof buf, " laurel · %s", t->hospital);
	tui_put(t->wtitle, 0, 0, buf, t->cols);
	wnoutrefresh(t->wtitle);
}

static void draw_menu(struct tui *t)
{
	int w, h;

	if (t->wmenu == NULL)
		return;
	getmaxyx(t->wmenu, h, w);
	werase(t->wmenu);
	for (int i = 0; i < t->nsections && i + 1 < h; i++) {
		int sel = i == t->section;
		if (sel)
			wattron(t->wmenu, tui_attr(t, t->focus_menu ? TA_SELECTED
			                                            : TA_HEADER));
		tui_put(t->wmenu, i + 1, 1, _(t->sections[i].label), w - 3);
		if (sel)
			wattroff(t->wmenu, tui_attr(t, t->focus_menu ? TA_SELECTED
			                                             : TA_HEADER));
	}
	mvwvline(t->wmenu, 0, w - 1, ACS_VLINE, h);
	wnoutrefresh(t->wmenu);
}

static void draw_status(struct tui *t)
{
	struct screen *s = tui_top(t);
	char buf[512];

	werase(t->wstatus);
	wbkgdset(t->wstatus, (chtype)tui_attr(t, TA_BAR) | ' ');
	werase(t->wstatus);
	snprintf(buf, sizeof buf, " %s  │ %s", s && s->ops->hints ? _(s->ops->hints) : "",
	         _("? help  q quit"));
	tui_put(t->wstatus, 0, 0, buf, t->cols);
	wnoutrefresh(t->wstatus);
	werase(t->wmsg);
	if (t->message[0]) {
		if (t->message_is_error)
			wattron(t->wmsg, tui_attr(t, TA_ERROR));
		tui_put(t->wmsg, 0, 1, t->message, t->cols - 2);
		if (t->message_is_error)
			wattroff(t->wmsg, tui_attr(t, TA_ERROR));
	}
	wnoutrefresh(t->wmsg);
}

void tui_redraw(struct tui *t)
{
	struct screen *s = tui_top(t);

	if (!t->logged_in) {
		t->need_redraw = 0;
		return;
	}
	draw_title(t);
	draw_menu(t);
	if (s && s->ops->keeps_content)
		touchwin(t->wmain);
	else
		werase(t->wmain);
	if (s && s->ops->draw)
		s->ops->draw(t, s, t->wmain);
	wnoutrefresh(t->wmain);
	draw_status(t);
	doupdate();
	t->need_redraw = 0;
}

/* ---- widgets ---------------------------------------------------------- */

int tui_getkey(struct tui *t, int *is_key)
{
	wint_t ch;
	int r;

	for (;;) {
		/* Reading refreshes the window read from: before the layout is
		 * drawn (login), read from the whole screen. */
		r = wget_wch(t->logged_in && t->wmain ? t->wmain : stdscr, &ch);
		if (got_signal) {
			t->quit = 1;
			*is_key = 1;
			return KEY_EXIT;
		}
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			layout(t);
			tui_redraw(t);
			continue;
		}
		*is_key = r == KEY_CODE_YES;
		return (int)ch;
	}
}

int tui_choose(struct tui *t, const char *title, const char *const *items,
               int n, int current)
{
	int w = (int)text_width(title) + 4, h, y, x, sel = current < 0 ? 0 : current;
	int is_key, ch, top = 0;
	WINDOW *win;
	PANEL *pan;

	for (int i = 0; i < n; i++) {
		int iw = (int)text_width(items[i]) + 4;
		if (iw > w)
			w = iw;
	}
	if (w > t->cols - 2)
		w = t->cols - 2;
	h = n + 2 < t->rows - 2 ? n + 2 : t->rows - 2;
	y = (t->rows - h) / 2;
	x = (t->cols - w) / 2;
	win = newwin(h, w, y, x);
	keypad(win, TRUE);
	pan = new_panel(win);
	for (;;) {
		wint_t wc;
		int r, tw = (int)text_width(title);
		if (sel < top)
			top = sel;
		if (sel >= top + h - 2)
			top = sel - (h - 3);
		werase(win);
		box(win, 0, 0);
		tui_put(win, 0, 2, title, tw < w - 4 ? tw : w - 4);
		for (int i = 0; i < h - 2 && top + i < n; i++) {
			if (top + i == sel)
				wattron(win, tui_attr(t, TA_SELECTED));
			tui_put(win, i + 1, 1, items[top + i], w - 2);
			if (top + i == sel)
				wattroff(win, tui_attr(t, TA_SELECTED));
		}
		update_panels();
		doupdate();
		r = wget_wch(win, &wc);
		if (got_signal) {
			sel = -1;
			break;
		}
		if (r == ERR)
			continue;
		is_key = r == KEY_CODE_YES;
		ch = (int)wc;
		if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
			sel = sel > 0 ? sel - 1 : n - 1;
		else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
			sel = sel + 1 < n ? sel + 1 : 0;
		else if ((is_key && ch == KEY_ENTER) || (!is_key && (ch == '\n' || ch == '\r' || ch == ' ')))
			break;
		else if (!is_key && (ch == 27 || ch == 'q')) {
			sel = -1;
			break;
		} else if (is_key && ch == KEY_RESIZE) {
			layout(t);
		}
	}
	del_panel(pan);
	delwin(win);
	/* The layout's windows cover the whole screen and tui_redraw repaints
	 * them all.  stdscr is never refreshed after the login, so touching it
	 * here left it "changed" and the next popup's update_panels() copied
	 * the blank stdscr over the screen. */
	t->need_redraw = 1;
	tui_redraw(t);
	return sel;
}

int tui_confirm(struct tui *t, const char *question)
{
	const char *items[] = {_("No"), _("Yes")};

	return tui_choose(t, question, items, 2, 0) == 1;
}

void tui_help(struct tui *t)
{
	const char *items[sizeof keymap / sizeof keymap[0]];
	char *lines[sizeof keymap / sizeof keymap[0]];
	size_t n = sizeof keymap / sizeof keymap[0];

	for (size_t i = 0; i < n; i++) {
		char buf[256], keys[64];
		text_fit(keys, sizeof keys, keymap[i].keys, 14, 0);
		snprintf(buf, sizeof buf, "%s %s", keys, _(keymap[i].what));
		lines[i] = strdup(buf);
		items[i] = lines[i] ? lines[i] : "";
	}
	tui_choose(t, _("Keys"), items, (int)n, 0);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

/* ---- sections and sessions -------------------------------------------- */

/* "staff, head:KHAMBENH" as the user reads it: role names translated. */
void tui_roles_display(const char *roles, char *out, size_t n)
{
	char buf[512], *tok, *save = NULL;
	size_t o = 0;

	out[0] = '\0';
	snprintf(buf, sizeof buf, "%s", roles);
	for (tok = strtok_r(buf, ", ", &save); tok && o < n;
	     tok = strtok_r(NULL, ", ", &save)) {
		char *colon = strchr(tok, ':');
		char key[32];
		if (colon)
			*colon = '\0';
		snprintf(key, sizeof key, "%s", strcmp(tok, "staff") ? tok : "staff-role");
		o += (size_t)snprintf(out + o, n - o, "%s%s%s%s%s", o ? ", " : "",
		                      tui_label(key), colon ? " (" : "",
		                      colon ? colon + 1 : "", colon ? ")" : "");
	}
}

static void parse_roles(struct tui *t)
{
	char buf[512], *tok, *save = NULL;

	t->role_bits = 1u << LRL_ROLE_STAFF;
	snprintf(buf, sizeof buf, "%s", t->roles);
	for (tok = strtok_r(buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		char *colon = strchr(tok, ':');
		int r = action_role_find(tok, colon ? (size_t)(colon - tok) : strlen(tok));
		if (r >= 0)
			t->role_bits |= 1u << r;
	}
}

static void build_sections(struct tui *t)
{
	t->nsections = 0;
	_Static_assert(sizeof section_table / sizeof section_table[0] <=
	                       sizeof t->sections / sizeof t->sections[0],
	               "struct tui holds every section");
	for (size_t i = 0; i < sizeof section_table / sizeof section_table[0]; i++) {
		int a = section_table[i].action;
		if (a >= 0 && action_scope(&lrl_actions[a], t->role_bits) == LRL_SC_N)
			continue;
		t->sections[t->nsections].noun = section_table[i].noun;
		t->sections[t->nsections].label = section_table[i].label;
		t->sections[t->nsections].list_action = a;
		t->sections[t->nsections].open = section_table[i].open;
		t->nsections++;
	}
}

/* Loads who the user is after a login. */
int tui_load_session(struct tui *t);
int tui_load_session(struct tui *t)
{
	struct lrl_reply *r = NULL;
	const msgpack_object *rec;
	mp_buf p;
	int rc;

	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 0);
	rc = tui_call(t, "session.whoami", p.sb.data, p.sb.size, &r);
	mp_buf_free(&p);
	if (rc == 0 && (rec = mp_map_get(r->body, "record")) != NULL) {
		char h[256] = "";
		mp_get_strbuf(mp_map_get(rec, "full-name"), t->full_name,
		              sizeof t->full_name);
		mp_get_strbuf(mp_map_get(rec, "login"), t->login, sizeof t->login);
		mp_get_strbuf(mp_map_get(rec, "roles"), t->roles, sizeof t->roles);
		mp_get_strbuf(mp_map_get(rec, "language"), t->language,
		              sizeof t->language);
		if (mp_get_strbuf(mp_map_get(rec, "hospital"), h, sizeof h) == 0 &&
		    h[0])
			snprintf(t->hospital, sizeof t->hospital, "%s", h);
	}
	lrl_reply_free(r);
	r = NULL;
	/* The newest open year: lists and forms of the year use it. */
	t->year = 0;
	mp_buf_init(&p);
	msgpack_pack_map(&p.pk, 0);
	if (lrl_call(t->conn, "year.list", p.sb.data, p.sb.size, &r) == 0 &&
	    r->code == 0) {
		const msgpack_object *rows = mp_map_get(r->body, "rows");
		uint64_t y;
		if (rows && rows->type == MSGPACK_OBJECT_ARRAY && rows->via.array.size &&
		    rows->via.array.ptr[0].type == MSGPACK_OBJECT_ARRAY &&
		    mp_get_u64(&rows->via.array.ptr[0].via.array.ptr[0], &y) == 0)
			t->year = (int)y;
	}
	lrl_reply_free(r);
	mp_buf_free(&p);
	parse_roles(t);
	tui_roles_display(t->roles, t->roles_shown, sizeof t->roles_shown);
	build_sections(t);
	return rc;
}

static void open_section(struct tui *t, int i)
{
	clear_stack(t);
	t->section = i;
	if (t->sections[i].list_action < 0)
		tui_push(t, screen_home(t));
	else if (t->sections[i].open)
		tui_push(t, t->sections[i].open(t));
	else
		tui_push(t, screen_list(t, t->sections[i].list_action, NULL, NULL));
	t->need_redraw = 1;
}

/* ---- the loop --------------------------------------------------------- */

static int any_dirty(struct tui *t)
{
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i]->ops->dirty && t->stack[i]->ops->dirty(t->stack[i]))
			return 1;
	return 0;
}

static void handle_key(struct tui *t, int ch, int is_key)
{
	struct screen *s = tui_top(t);

	if (!is_key && ch == 12) { /* Ctrl-L */
		clearok(curscr, TRUE);
		t->need_redraw = 1;
		return;
	}
	if ((is_key && ch == KEY_F(1))) {
		tui_help(t);
		return;
	}
	/* In a form, Tab goes to the next field (as its hints say): the form
	 * takes it. */
	if (!is_key && ch == '\t' &&
	    !(s && s->ops->keeps_content && !t->focus_menu)) {
		t->focus_menu = !t->focus_menu && t->wmenu != NULL;
		t->need_redraw = 1;
		return;
	}
	if (t->focus_menu) {
		if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k')) {
			if (t->section > 0)
				open_section(t, t->section - 1);
			return;
		}
		if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j')) {
			if (t->section + 1 < t->nsections)
				open_section(t, t->section + 1);
			return;
		}
		if ((is_key && (ch == KEY_ENTER || ch == KEY_RIGHT)) ||
		    (!is_key && (ch == '\n' || ch == '\r' || ch == 'l'))) {
			t->focus_menu = 0;
			t->need_redraw = 1;
			return;
		}
		/* Any other key goes to the main pane, which takes the focus. */
		if (!(!is_key && (ch == 'q' || ch == '?' || ch == 27 || ch == 'R'))) {
			t->focus_menu = 0;
			t->need_redraw = 1;
		}
	}
	if (!t->focus_menu && s && s->ops->key && s->ops->key(t, s, ch, is_key)) {
		return;
	}
	if (!is_key && ch == '?') {
		tui_help(t);
		return;
	}
	if (!is_key && ch == 'R') {
		clearok(curscr, TRUE);
		t->need_redraw = 1;
		return;
	}
	if (!is_key && ch == 27) {
		if (t->depth > 1)
			tui_pop(t);
		else if (!t->focus_menu && t->wmenu) {
			t->focus_menu = 1;
			t->need_redraw = 1;
		}
		return;
	}
	if (!is_key && ch == 'q') {
		if (!any_dirty(t) || tui_confirm(t, _("Discard unsaved changes and quit?")))
			t->quit = 1;
		return;
	}
	if (((is_key && ch == KEY_LEFT) || (!is_key && ch == 'h')) && t->wmenu &&
	    t->depth <= 1) {
		t->focus_menu = 1;
		t->need_redraw = 1;
	}
}

static void setup_terminal(struct tui *t)
{
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	t->color = has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	if (t->color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_BLACK, COLOR_CYAN);
		init_pair(3, COLOR_RED, -1);
		init_pair(4, COLOR_GREEN, -1);
		init_pair(5, -1, -1);
	}
	layout(t);
}

static void set_language(struct tui *t)
{
	lrl_use_language(t->language[0] ? t->language : t->cfg.language);
}

int tui_main(const struct tui_opts *o)
{
	struct tui t;
	struct sigaction sa;
	char err[4200];
	const char *conf = o->config ? o->config : getenv("LAUREL_CONFIG");
	int rc;

	memset(&t, 0, sizeof t);
	t.opts = o;
	config_defaults(&t.cfg);
	if (config_load(&t.cfg, conf ? conf : LRL_CONFIG_DEFAULT, conf != NULL,
	                err, sizeof err) != 0) {
		fprintf(stderr, "laurel: %s\n", err);
		return 2;
	}
	snprintf(t.hospital, sizeof t.hospital, "%s",
	         t.cfg.hospital[0] ? t.cfg.hospital : "laurel");
	set_language(&t);
	rc = o->store ? lrl_connect_store(o->store, &t.conn)
	              : lrl_connect(o->socket ? o->socket : t.cfg.socket, &t.conn);
	if (rc != 0) {
		fprintf(stderr, "laurel: %s\n",
		        o->store ? _("cannot start or reach the server of this store")
		                 : _("cannot reach the server (is laureld running?)"));
		return 4;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	setup_terminal(&t);

	if (screen_login(&t) != 0 || t.quit) {
		endwin();
		lrl_close(t.conn);
		return got_signal ? 1 : 0;
	}
	set_language(&t);
	t.logged_in = 1;
	lrl_watch(t.conn);
	open_section(&t, 0);
	while (!t.quit && !got_signal) {
		struct pollfd p[2] = {{0, POLLIN, 0}, {lrl_fd(t.conn), POLLIN, 0}};
		if (t.need_redraw)
			tui_redraw(&t);
		int n = poll(p, 2, 1000);
		if (n < 0 && errno != EINTR)
			break;
		if (got_signal)
			break;
		/* A resize (SIGWINCH) interrupts poll or falls between two of
		 * them, and ncurses reports it (KEY_RESIZE) only when asked for
		 * a key: ask, without waiting, even when no key came. */
		if (n <= 0) {
			p[0].revents = POLLIN;
			p[1].revents = 0;
		}
		if (p[1].revents & (POLLHUP | POLLERR)) {
			tui_message(&t, 1, _("The connection to the server was lost."));
			tui_redraw(&t);
			break;
		}
		if ((p[1].revents & POLLIN) && lrl_changed(t.conn))
			tui_changed(&t);
		if (p[0].revents & (POLLIN | POLLHUP)) {
			wint_t ch;
			int r;
			nodelay(t.wmain, TRUE);
			while ((r = wget_wch(t.wmain, &ch)) != ERR && !t.quit) {
				if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
					layout(&t);
					/* A new main window: not yet in no-delay mode. */
					nodelay(t.wmain, TRUE);
					continue;
				}
				nodelay(t.wmain, FALSE);
				handle_key(&t, (int)ch, r == KEY_CODE_YES);
				nodelay(t.wmain, TRUE);
			}
			nodelay(t.wmain, FALSE);
			if (p[0].revents & POLLHUP)
				break;
			/* A command of this session: its notice came in with
			 * the reply, and the socket has nothing more to say. */
			if (lrl_changed(t.conn))
				tui_changed(&t);
		}
	}
	clear_stack(&t);
	endwin();
	lrl_close(t.conn);
	return 0;
}
