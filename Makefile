# phigate: nginx dynamic module + engine library + tests.
#
#   make            build the module against the system nginx (nginx-dev)
#   make test       install what is missing, build, run every test
#   make demo       install what is missing, build, run the demo gateway
#
# NGINX_SRC=/path/to/nginx-x.y.z make   builds against a source tree.

BUILD      ?= build
NGINX_SRC  ?=
NGINX_BIN  ?= /usr/sbin/nginx
CC         ?= cc
FUZZ_CC    ?= clang
FUZZ_SECONDS ?= 10

ENGINE_LIBS = -ljansson -lpcre2-8 -lutf8proc -lcrypto -lz
WARN        = -Wall -Wextra -Werror -Wpointer-arith -Wno-unused-parameter \
              -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS     ?= -O2 -g
ALL_CFLAGS  = -std=gnu99 $(CFLAGS) $(WARN) -fPIC -Isrc

SRC_C      := $(sort $(wildcard src/*.c))
SRC_O      := $(SRC_C:src/%.c=$(BUILD)/obj/%.o)
MOD_C      := $(sort $(wildcard ngx_module/*.c ngx_module/*.h))
UNIT_C     := $(sort $(wildcard t/unit/test_*.c))
UNIT_BIN   := $(UNIT_C:t/unit/%.c=$(BUILD)/unit/%)
FUZZ_C     := $(sort $(wildcard t/fuzz/fuzz_*.c))
FUZZ_BIN   := $(FUZZ_C:t/fuzz/%.c=$(BUILD)/fuzz/%)
TOOLS      := $(BUILD)/phigate-eval $(BUILD)/phigate-audit \
              $(BUILD)/phigate-ctl $(BUILD)/phigate-bench

MODULE     := $(BUILD)/ngx_http_phigate_module.so

.PHONY: all module lib deps test unit fuzz fuzz-smoke integration eval \
        bench bench-engine demo tools clean

all: module lib tools

lib: $(BUILD)/libphigate.a

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libphigate.a: $(SRC_O)
	rm -f $@
	ar rcs $@ $^

# The module: nginx's own build system compiles ngx_module/ and src/ (the
# addon script `config` lists both) with nginx's flags plus -Werror.
module: $(MODULE)

$(MODULE): config $(SRC_C) $(wildcard src/*.h) $(MOD_C)
	NGINX_SRC="$(NGINX_SRC)" BUILD="$(BUILD)" scripts/build-module.sh

tools: $(TOOLS)

$(BUILD)/phigate-eval: tools/phigate-eval.c $(BUILD)/libphigate.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(BUILD)/libphigate.a $(ENGINE_LIBS)

$(BUILD)/phigate-audit: tools/phigate-audit.c $(BUILD)/libphigate.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(BUILD)/libphigate.a $(ENGINE_LIBS)

$(BUILD)/phigate-bench: tools/phigate-bench.c $(BUILD)/libphigate.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(BUILD)/libphigate.a $(ENGINE_LIBS)

# the compliance staff's CLI: synchronous hiredis is fine there, never in
# the module
$(BUILD)/phigate-ctl: tools/phigate-ctl.c $(BUILD)/libphigate.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(BUILD)/libphigate.a $(ENGINE_LIBS) \
	    -lhiredis

deps:
	scripts/deps.sh test

# C unit tests (cmocka), one binary per t/unit/test_*.c
$(BUILD)/unit/%: t/unit/%.c $(wildcard t/unit/*.h) $(BUILD)/libphigate.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -It/unit $< -o $@ $(BUILD)/libphigate.a \
	    $(ENGINE_LIBS) -lcmocka

# a cue literal with an accent never matches the folded text
unit: $(UNIT_BIN)
	@scripts/check-literals.pl $(SRC_C)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

# libFuzzer harnesses, built with ASan/UBSan against the engine compiled
# once with the same instrumentation
FUZZ_CFLAGS = -std=gnu99 -g -O1 -Isrc \
              -fsanitize=fuzzer-no-link,address,undefined \
              -fno-sanitize-recover=all
FUZZ_O      := $(SRC_C:src/%.c=$(BUILD)/fuzz/obj/%.o)

$(BUILD)/fuzz/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/libphigate-fuzz.a: $(FUZZ_O)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/fuzz/%: t/fuzz/%.c $(wildcard t/fuzz/*.h) \
                 $(BUILD)/fuzz/libphigate-fuzz.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< \
	    $(BUILD)/fuzz/libphigate-fuzz.a -o $@ $(ENGINE_LIBS)

fuzz: $(FUZZ_BIN)
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/run-fuzz.sh $(FUZZ_BIN)

fuzz-smoke: $(FUZZ_BIN)
	FUZZ_SECONDS=5 scripts/run-fuzz.sh $(FUZZ_BIN)

integration: module tools
	PHIGATE_MODULE=$(abspath $(MODULE)) PHIGATE_TOOLS=$(abspath $(BUILD)) \
	    NGINX_BIN=$(NGINX_BIN) prove t/

eval: $(BUILD)/phigate-eval
	$(BUILD)/phigate-eval ../shared/corpus/posts.jsonl t/corpus/*.jsonl

# benchmark figures, printed, not timed tests: docs/benchmarks.md
bench: bench-engine

bench-engine: $(BUILD)/phigate-bench
	$(BUILD)/phigate-bench ../shared/corpus/posts.jsonl t/corpus/*.jsonl

test: deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) fuzz-smoke
	$(MAKE) eval
	$(MAKE) integration

demo:
	scripts/deps.sh demo
	$(MAKE) module
	scripts/demo.sh

clean:
	rm -rf $(BUILD) t/servroot*
