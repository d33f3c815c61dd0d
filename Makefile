# laurel — GNU make build.  See README.md for the two commands.
#
#   make            build build/laurel and build/laureld
#   make check      install missing packages, build, run every test
#   make check SAN=1  the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make check SAN=thread  the same under ThreadSanitizer (laureld's threads)
#   make run        build, create the demo store in var/demo, open laurel on it
#   make bench      the benchmark program (figures in README.md)
#   make po         regenerate po/laurel.pot and merge it into po/vi.po
#   make install / uninstall   honour PREFIX and DESTDIR

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
SBINDIR    ?= $(PREFIX)/sbin
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
SYSCONFDIR ?= /etc
UNITDIR    ?= /lib/systemd/system
STATEDIR   ?= /var/lib/laurel
RUNDIR     ?= /run/laurel

CC      ?= cc
PKG     := ncursesw formw menuw panelw lmdb libsodium msgpack icu-uc icu-i18n inih pangocairo
PKG_CFLAGS := $(shell pkg-config --cflags $(PKG) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKG) 2>/dev/null) -lcsv -lm -pthread
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell pkg-config --libs check 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter \
           -Wmissing-prototypes -Wstrict-prototypes
ifneq ($(CI)$(WERROR),)
WARN    += -Werror
endif
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude $(PKG_CFLAGS) \
             -DLOCALEDIR='"$(LOCALEDIR)"' -DSYSCONFDIR='"$(SYSCONFDIR)"' \
             -DRUNDIR='"$(RUNDIR)"' -DSTATEDIR='"$(STATEDIR)"' -MMD -MP
LDFLAGS ?=

ifeq ($(FUZZ),1)
B       := build/fuzz
CC      := clang
ALL_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
else ifeq ($(SAN),1)
B       := build/san
CC      := clang
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
# The PDF libraries' process-long caches are not leaks of laurel's.
SAN_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
else ifeq ($(SAN),thread)
B       := build/tsan
CC      := clang
ALL_CFLAGS += -fsanitize=thread -fno-omit-frame-pointer
LDFLAGS += -fsanitize=thread
# The font libraries' own threads are not laurel's races.
SAN_ENV := TSAN_OPTIONS=suppressions=$(CURDIR)/tests/tsan.supp
else
B       := build
endif

COMMON_SRC := $(wildcard src/common/*.c)
CORE_SRC   := $(wildcard src/core/*.c)
SERVER_SRC := $(filter-out src/server/laureld.c,$(wildcard src/server/*.c src/server/actions/*.c))
CLIENT_SRC := $(filter-out src/client/laurel.c,$(wildcard src/client/*.c src/client/cli/*.c \
              src/client/tui/*.c src/client/render/*.c))
TEST_SRC   := $(wildcard tests/unit/test_*.c tests/integration/test_*.c tests/e2e/test_*.c)
TESTLIB_SRC:= $(wildcard tests/lib/*.c)
SUITES     := $(sort $(patsubst test_%,%,$(basename $(notdir $(TEST_SRC)))))

obj = $(patsubst %.c,$(B)/obj/%.o,$(1))

LIB_COMMON := $(B)/libcommon.a
LIB_CORE   := $(B)/libcore.a
LIB_SERVER := $(B)/libserver.a
LIB_CLIENT := $(B)/libclient.a
LIBS_ALL   := $(LIB_SERVER) $(LIB_CLIENT) $(LIB_CORE) $(LIB_COMMON)
MO         := $(B)/locale/vi/LC_MESSAGES/laurel.mo

.PHONY: all deps check run bench install uninstall clean fuzz format po
all: $(B)/laurel $(B)/laureld $(MO) $(B)/man/laurel.1

# laurel(1)'s command list is generated from the action table.
$(B)/man/laurel.1: man/laurel.1.in $(B)/laurel
	@mkdir -p $(dir $@)
	$(B)/laurel help --roff > $@.cmds
	sed -e '/^@COMMANDS@$$/{r $@.cmds' -e 'd}' man/laurel.1.in > $@.tmp
	rm -f $@.cmds
	mv $@.tmp $@

deps:
	@sh scripts/deps.sh

# Objects are rebuilt when the flags (and the paths compiled in) change.
$(B)/.flags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS)' > $@
FORCE:

$(B)/obj/%.o: %.c $(B)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The default rulebook, compiled into laureld (builtin.h): laureld demo
# loads it without the source tree.  od is in coreutils; xxd is not
# installed everywhere.
GEN_SERVER_SRC := $(B)/gen/builtin_rulebook.c
$(B)/gen/builtin_rulebook.c: data/rulebook-2026.txt Makefile
	@mkdir -p $(dir $@)
	{ echo '/* Generated from $< by the Makefile: do not edit. */'; \
	  echo '#include "laurel/builtin.h"'; \
	  echo 'const unsigned char builtin_rulebook[] = {'; \
	  od -An -v -tx1 $< | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; \
	  echo 'const size_t builtin_rulebook_len = sizeof builtin_rulebook;'; \
	} > $@.tmp && mv $@.tmp $@

$(LIB_COMMON): $(call obj,$(COMMON_SRC))
$(LIB_CORE): $(call obj,$(CORE_SRC))
$(LIB_SERVER): $(call obj,$(SERVER_SRC) $(GEN_SERVER_SRC))
$(LIB_CLIENT): $(call obj,$(CLIENT_SRC))
$(B)/lib%.a:
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(B)/laureld: $(call obj,src/server/laureld.c) $(LIB_SERVER) $(LIB_CORE) $(LIB_COMMON)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/laurel: $(call obj,src/client/laurel.c) $(LIB_CLIENT) $(LIB_CORE) $(LIB_COMMON)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The message catalogue, beside the binaries (tui.c looks there first).
$(B)/locale/%/LC_MESSAGES/laurel.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Regenerate the template from po/POTFILES and merge it into the translation.
# Besides _() and N_(), the catalogue holds what the client translates for
# the server: the reasons of lrl_fail_set() (4th argument) and the results
# of result_message() (2nd), whose format and arguments travel to the client,
# which looks the format up with dgettext and puts the arguments back
# (src/common/msg.c; translations may use %N$); and the help texts of the
# action table in include/laurel/action.h, X(..., "help") rows (6th argument)
# and P(..., "help") parameters (7th), shown by the TUI as titles and menu
# items.  xgettext reads string arguments inside #define bodies, across the
# line continuations, so X:6 and P:7 find them where they are written (the
# role rows X(ID, "name", "label") and tui.c's key table have only 3
# arguments and are not taken).  The --flag options mark every reason and
# result c-format, so msgfmt --check compares the conversions of each
# translation with its msgid, and the help texts no-c-format (a '%' in one
# is plain text).  Reports (report.h) send their titles, headings, table
# and chart titles and the signer in English for the client to translate,
# and paragraphs and subtitles as formats with arguments, like reasons.
po:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	   --keyword=lrl_fail_set:4 --flag=lrl_fail_set:4:c-format \
	   --keyword=result_message:2 --flag=result_message:2:c-format \
	   --keyword=X:6 --flag=X:6:no-c-format --keyword=P:7 --flag=P:7:no-c-format \
	   --keyword=fail:3 --flag=fail:3:c-format \
	   --keyword=fail_at:3 --flag=fail_at:3:c-format \
	   --keyword=emit:5 --flag=emit:5:c-format \
	   --keyword=set_line:4 --flag=set_line:4:c-format \
	   --keyword=verdict:2 --flag=verdict:2:c-format \
	   --keyword=rpt_begin:2 --keyword=rpt_heading:2 --keyword=rpt_table:2 \
	   --keyword=rpt_chart:2 --keyword=rpt_signer:2 \
	   --keyword=rpt_para:2 --flag=rpt_para:2:c-format \
	   --keyword=rpt_subtitle:2 --flag=rpt_subtitle:2:c-format \
	   --keyword=rpt_abstract:2 --flag=rpt_abstract:2:c-format \
	   --keyword=dgettext:2 \
	   --add-comments=TRANSLATORS: --package-name=laurel -f po/POTFILES -o po/laurel.pot
	msgmerge --update --backup=none po/vi.po po/laurel.pot

# One Check runner holds every suite: tests/unit/test_NAME.c defines
# Suite *suite_NAME(void); the list below is generated from the file names.
$(B)/tests/suites.h: $(TEST_SRC) Makefile
	@mkdir -p $(dir $@)
	@printf '$(foreach s,$(SUITES),X($(s))\n)' > $@.tmp && mv $@.tmp $@

$(B)/obj/tests/check_main.o: $(B)/tests/suites.h
$(B)/obj/tests/%.o: ALL_CFLAGS += -Wno-missing-prototypes $(CHECK_CFLAGS) -I$(B)/tests -Itests/lib
$(B)/tests/check_laurel: $(call obj,tests/check_main.c $(TEST_SRC) $(TESTLIB_SRC)) $(LIBS_ALL)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

# Fuzz targets (tests/fuzz/fuzz_NAME.c).  Every build replays their corpora
# (make check); make fuzz runs libFuzzer on each for FUZZ_SECONDS.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 30
$(B)/fuzz-replay/%: $(call obj,tests/fuzz/fuzz_%.c tests/fuzz/replay.c) $(LIBS_ALL)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(B)/fuzzer-%: $(call obj,tests/fuzz/fuzz_%.c) $(LIBS_ALL)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

fuzz: deps
	@$(MAKE) --no-print-directory FUZZ=1 $(addprefix build/fuzz/fuzzer-,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	   mkdir -p build/fuzz/corpus-$$t; \
	   echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	   build/fuzz/fuzzer-$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	      build/fuzz/corpus-$$t tests/fuzz/corpus/$$t || exit 1; \
	done

# The whole suite: unit, integration (a real laureld on temp stores) and
# end-to-end (tmux drives the real TUI).  LAUREL_SUITE=name runs one suite.
check: deps
	@$(MAKE) --no-print-directory all $(B)/tests/check_laurel \
	   $(addprefix $(B)/fuzz-replay/,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	   $(B)/fuzz-replay/$$t tests/fuzz/corpus/$$t || exit 1; done
	LAUREL_BUILD=$(B) $(SAN_ENV) $(B)/tests/check_laurel

$(B)/laurel-bench: $(call obj,tests/bench/bench.c) $(LIBS_ALL)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/laurel-tui-bench: $(call obj,tests/bench/tui_bench.c)
	$(CC) $(LDFLAGS) -o $@ $^ -lutil

bench: deps
	@$(MAKE) --no-print-directory all $(B)/laurel-bench $(B)/laurel-tui-bench
	$(B)/laurel-bench --build $(B)
	$(B)/laurel-tui-bench --build $(B)

DEMO ?= var/demo
run: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(B) $(DEMO)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man1 \
	   $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(SYSCONFDIR)/laurel \
	   $(DESTDIR)$(UNITDIR) $(DESTDIR)$(PREFIX)/share/laurel \
	   $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 0755 $(B)/laurel $(DESTDIR)$(BINDIR)/laurel
	install -m 0755 $(B)/laureld $(DESTDIR)$(SBINDIR)/laureld
	install -m 0644 $(B)/man/laurel.1 $(DESTDIR)$(MANDIR)/man1/laurel.1
	install -m 0644 man/laurel.conf.5 $(DESTDIR)$(MANDIR)/man5/laurel.conf.5
	install -m 0644 man/laurel-rulebook.5 $(DESTDIR)$(MANDIR)/man5/laurel-rulebook.5
	install -m 0644 data/rulebook-2026.txt $(DESTDIR)$(PREFIX)/share/laurel/rulebook-2026.txt
	install -m 0644 man/laureld.8 $(DESTDIR)$(MANDIR)/man8/laureld.8
	install -m 0644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/laurel.mo
	[ -e $(DESTDIR)$(SYSCONFDIR)/laurel/laurel.conf ] || \
	   install -m 0644 data/laurel.conf $(DESTDIR)$(SYSCONFDIR)/laurel/laurel.conf
	sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|@STATEDIR@|$(STATEDIR)|g' \
	   -e 's|@RUNDIR@|$(RUNDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
	   data/laureld.service.in > $(DESTDIR)$(UNITDIR)/laureld.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/laureld.service
	install -d -m 0700 $(DESTDIR)$(STATEDIR)
	install -d -m 0755 $(DESTDIR)$(RUNDIR)
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	   getent passwd laurel >/dev/null || useradd --system --user-group --home-dir $(STATEDIR) \
	      --shell /usr/sbin/nologin laurel; \
	   chown laurel:laurel $(STATEDIR) $(RUNDIR); \
	fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/laurel $(DESTDIR)$(SBINDIR)/laureld \
	   $(DESTDIR)$(MANDIR)/man1/laurel.1 $(DESTDIR)$(MANDIR)/man5/laurel.conf.5 \
	   $(DESTDIR)$(MANDIR)/man5/laurel-rulebook.5 \
	   $(DESTDIR)$(PREFIX)/share/laurel/rulebook-2026.txt \
	   $(DESTDIR)$(MANDIR)/man8/laureld.8 $(DESTDIR)$(UNITDIR)/laureld.service \
	   $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/laurel.mo
	@echo "laurel: kept $(STATEDIR) (the store) and $(SYSCONFDIR)/laurel (config)"

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
