# Crossdock: `make run` and `make test` are the whole set-up (see README.md).
BUILD_DIR   ?= build
ASAN_DIR    ?= build-asan
BUILD_TYPE  ?= RelWithDebInfo
JOBS        ?= $(shell nproc)
DB          ?= sqlite:var/crossdock.db
PORT        ?= 8080
CMAKE_FLAGS ?=
ifdef CI
CMAKE_FLAGS += -DCROSSDOCK_WERROR=ON
endif

.PHONY: all deps deps-test deps-bench configure build run test asan bench lint format clean

all: build

deps:
	@scripts/install-deps.sh build
deps-test:
	@scripts/install-deps.sh test
	@# package.json: test-only npm tools (playwright-core for tests/e2e, node-x12 for tests/interop)
	@[ -d node_modules/playwright-core ] && [ -d node_modules/node-x12 ] || npm ci --no-audit --no-fund
deps-bench:
	@scripts/install-deps.sh bench

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sf $(BUILD_DIR)/crossdock crossdock

run: build
	@mkdir -p var
	@# The demo world is loaded on first start only, so that changes made since survive a restart.
	@if [ "$(DB)" = "sqlite:var/crossdock.db" ] && [ -f var/crossdock.db ]; then \
	  $(BUILD_DIR)/crossdock init --db $(DB); else $(BUILD_DIR)/crossdock init --db $(DB) --demo; fi
	$(BUILD_DIR)/crossdock serve --db $(DB) --port $(PORT)

test: deps-test build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

asan: deps-test
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DCROSSDOCK_SANITIZE=ON -DCROSSDOCK_WERROR=OFF
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp \
	  ctest --output-on-failure -j $(JOBS) --timeout 1200

bench: deps-bench build
	bench/run_all.sh $(BUILD_DIR)

lint: configure
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.h')
	run-clang-tidy -quiet -p $(BUILD_DIR) $$(git ls-files '*.cpp' | grep -v '^tests/') 2>/dev/null || \
	  clang-tidy -quiet -p $(BUILD_DIR) $$(git ls-files '*.cpp' | grep -v '^tests/')

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

# libFuzzer over the X12 reader and the 850 map, built with clang in build-fuzz
# (tests/fuzz/run_fuzz.sh); FUZZ_SECONDS=600 make fuzz for a longer run.
.PHONY: fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@command -v clang++ >/dev/null || scripts/install-deps.sh test
	JOBS=$(JOBS) tests/fuzz/run_fuzz.sh $(CURDIR) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
