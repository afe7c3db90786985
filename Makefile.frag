# Development targets, appended by configure to the Makefile phpize makes (config.m4:
# PHP_ADD_MAKEFILE_FRAGMENT), so that they sit next to `make test`. `make tc-help` lists them.
# Each runs one script of the repository; CI (.ci/run) runs the same targets. The scripts build
# out of tree in TC_BUILD_DIR (scripts/build.sh), so they see the repository as it is now.
#   make tc-test TC_BUILD_DIR=/tmp/mine     another build folder
#   make tc-roots TC_PHP="8.5 8.6"          some of the Debian roots only
#   make tc-roots TC_ROOT_STEPS="suite pecl"  some of the steps only (suite zts pecl bench)

# The repository: this source tree, or, in a build made by scripts/build.sh (which copies the
# sources), the tree the copy was made from.
TC_ROOT := $(shell cat "$(srcdir)/.tokencalc-origin" 2>/dev/null || echo "$(srcdir)")
# A build made by scripts/build.sh is $BUILD_DIR/obj: the scripts reuse that $BUILD_DIR.
TC_BUILD_DIR ?= $(if $(wildcard $(srcdir)/.tokencalc-origin),$(abspath $(top_builddir)/..),/tmp/tokencalc-build)
TC_FUZZ_SECONDS ?= 60
TC_PHP ?= 8.4 8.5 8.6
TC_ROOT_STEPS ?=
TC_RUN = cd "$(TC_ROOT)" && BUILD_DIR="$(TC_BUILD_DIR)"

tc-help:
	@echo "tokencalc development targets (repository: $(TC_ROOT), builds in $(TC_BUILD_DIR)):"
	@echo "  make tc-test        the README's test command, scripts/test.sh: phpt suite + C tests of the core"
	@echo "  make tc-test-core   the C tests of the core only, without PHP (scripts/test-core.sh)"
	@echo "  make tc-zts         the binding compiled with ZTS defined, compile only (scripts/zts-compile.sh)"
	@echo "  make tc-fuzz        the libFuzzer targets, TC_FUZZ_SECONDS each (scripts/fuzz.sh)"
	@echo "  make tc-asan        the phpt suite under ASan + UBSan (scripts/sanitize.sh --asan-only)"
	@echo "  make tc-valgrind    the phpt suite under valgrind (scripts/sanitize.sh --valgrind-only)"
	@echo "  make tc-hostile     hostile-input time bounds, as ratios (scripts/hostile.sh)"
	@echo "  make tc-leak-fatal  worker memory across requests that end in a fatal error (scripts/leak-fatal.sh)"
	@echo "  make tc-soak        nginx + PHP-FPM soak, quick (scripts/soak.sh --quick; TC_SOAK_ARGS=)"
	@echo "  make tc-bench       the full benchmarks, written to benchmarks/results/ (benchmarks/run.sh)"
	@echo "  make tc-bench-gate  the quick benchmark regression gate (benchmarks/run.sh --quick)"
	@echo "  make tc-package     check package.xml and build the PECL tarball (scripts/package.sh)"
	@echo "  make tc-pecl        pecl install of the tarball and its shipped tests (scripts/pecl-install-test.sh)"
	@echo "  make tc-roots       suite, ZTS check, pecl install and benchmark gate on PHP $(TC_PHP) in Debian roots (scripts/test-root.sh)"
	@echo "  make tc-vectors     refresh tests/vectors/ from ../shared/vectors (tc-vectors-check: compare only)"
	@echo "  make tc-arginfo     regenerate tokencalc_arginfo.h from the stub (scripts/gen-arginfo.sh)"
	@echo "  make tc-demo        run the examples (scripts/demo.sh)"
	@echo "  make tc-ci          everything CI runs (.ci/run)"

tc-test:
	$(TC_RUN) scripts/test.sh

tc-test-core:
	$(TC_RUN) scripts/test-core.sh

tc-zts:
	$(TC_RUN) scripts/zts-compile.sh

tc-fuzz:
	$(TC_RUN) scripts/fuzz.sh $(TC_FUZZ_SECONDS)

tc-asan:
	$(TC_RUN) scripts/sanitize.sh --asan-only

tc-valgrind:
	$(TC_RUN) scripts/sanitize.sh --valgrind-only

tc-hostile:
	$(TC_RUN) scripts/hostile.sh

tc-leak-fatal:
	$(TC_RUN) scripts/leak-fatal.sh

tc-soak:
	$(TC_RUN) scripts/soak.sh $(if $(TC_SOAK_ARGS),$(TC_SOAK_ARGS),--quick)

tc-bench:
	$(TC_RUN) scripts/build.sh && benchmarks/run.sh --ext="$(TC_BUILD_DIR)/obj/modules/tokencalc.so" $(TC_BENCH_ARGS)

tc-bench-gate:
	$(TC_RUN) scripts/build.sh && benchmarks/run.sh --quick --ext="$(TC_BUILD_DIR)/obj/modules/tokencalc.so"

tc-package:
	$(TC_RUN) scripts/package.sh

tc-pecl:
	$(TC_RUN) scripts/pecl-install-test.sh

tc-roots:
	@cd "$(TC_ROOT)" && rc=0 && for v in $(TC_PHP); do scripts/test-root.sh $$v $(TC_ROOT_STEPS) || rc=1; done && exit $$rc

tc-vectors:
	$(TC_RUN) scripts/refresh-vectors.sh

tc-vectors-check:
	$(TC_RUN) scripts/refresh-vectors.sh --check

tc-arginfo:
	$(TC_RUN) scripts/gen-arginfo.sh

tc-demo:
	$(TC_RUN) scripts/demo.sh

tc-ci:
	cd "$(TC_ROOT)" && bash .ci/run

.PHONY: tc-help tc-test tc-test-core tc-zts tc-fuzz tc-asan tc-valgrind tc-hostile tc-leak-fatal tc-soak \
	tc-bench tc-bench-gate tc-package tc-pecl tc-roots tc-vectors tc-vectors-check tc-arginfo tc-demo tc-ci
