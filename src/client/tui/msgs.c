/*
 * msgs.c — strings translated by the TUI but defined elsewhere.
 *
 * The password-policy reasons come from keys_password_ok() in
 * src/common/keys.c, which is shared with the server and the CLI and so
 * does not mark them; form.c shows them through _(why).  Listing them
 * here with N_() lets xgettext put them into po/laurel.pot.  Keep this
 * list verbatim in step with keys.c.
 */
#include "laurel/tui_int.h"

static const char *const password_reasons[] __attribute__((unused)) = {
	N_("the password is not valid UTF-8 text"),
	N_("the password must have at least 12 characters"),
	N_("the password must have at most 128 characters"),
	N_("the password must not be the login name"),
	N_("this password is too common; choose another"),
};
