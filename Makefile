# Kontor: thin wrappers around CMake. `make demo` and `make test` are the README's two commands.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE_DIR ?= build/release
TEST_DIR ?= build/test
SETUP_STAMP := build/.setup-done

.PHONY: all setup release test demo bench lint format clean fuzz

all: release

# Installs system packages once per machine (scripts/setup is idempotent; the stamp skips it).
$(SETUP_STAMP): scripts/setup
	bash scripts/setup
	@mkdir -p build && touch $@

setup: $(SETUP_STAMP)

$(RELEASE_DIR)/build.ninja: $(SETUP_STAMP)
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF

release: $(RELEASE_DIR)/build.ninja web
	cmake --build $(RELEASE_DIR) -j $(JOBS)

# The browser front end (web/dist, served by `kontor serve`): `npm ci` when the lock file is newer
# than the installed packages, then the Vite build (seconds). Needs node and the npm registry.
.PHONY: web
web:
	cd web && if [ ! -f node_modules/.package-lock.json ] || \
	  [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
	cd web && npm run build

# The test build: debug, address + undefined-behaviour sanitizers, warnings as errors.
$(TEST_DIR)/build.ninja: $(SETUP_STAMP)
	cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKONTOR_WERROR=ON \
	  -DKONTOR_SANITIZE=ON -DKONTOR_BENCH=OFF

test: $(TEST_DIR)/build.ninja web
	cmake --build $(TEST_DIR) -j $(JOBS)
	ctest --test-dir $(TEST_DIR) --output-on-failure -j $(JOBS)

# The demo needs only the `kontor` program, not the benchmarks: the crew on the README's goal,
# then the report (scripts/demo says what it does).
demo: $(RELEASE_DIR)/build.ninja web
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target kontor_cli
	bash scripts/demo $(RELEASE_DIR)/src/cli/kontor

bench: release
	bash bench/run.sh $(RELEASE_DIR)

# libFuzzer targets (tests/fuzz/): a clang build with every library instrumented, then each
# target for FUZZ_SECONDS from its corpus in tests/fuzz/corpus/<name>/.
FUZZ_DIR ?= build/fuzz
FUZZ_SECONDS ?= 20
fuzz: $(SETUP_STAMP)
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_CXX_FLAGS="-O1 -fsanitize=fuzzer-no-link" -DKONTOR_SANITIZE=ON -DKONTOR_FUZZ=ON \
	  -DKONTOR_BENCH=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzzers
	bash tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

lint: $(RELEASE_DIR)/build.ninja
	git ls-files '*.h' '*.cc' | xargs clang-format --dry-run --Werror
	git ls-files 'src/*.cc' | xargs clang-tidy -p $(RELEASE_DIR) --quiet

format:
	git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	rm -rf build
