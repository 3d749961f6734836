# eventmap: the two commands of the README, and their helpers.
#   make run    installs what is missing, builds a release binary, runs the main job on geodata/
#   make bench  times `eventmap analyze` against GeoPandas and writes bench/RESULTS.md
#   make test   installs that plus the reference tools the tests compare against, runs swift test

SWIFT ?= swift
# Build and run: the C libraries (GEOS, PROJ; GDAL, whose headers are read at build time and which
# `export` loads at run time) and pkg-config to find them.
RUN_PACKAGES = pkg-config libgeos-dev libproj-dev libgdal-dev
# Benchmarks: GNU time for peak memory, valgrind for the instruction profile, venv/pip for GeoPandas and
# DuckDB (peers), a throwaway PostgreSQL 15 + PostGIS 3 server (the third peer).
BENCH_PACKAGES = $(RUN_PACKAGES) time valgrind python3-venv python3-pip postgresql-15-postgis-3
# Tests: independent references (GeodSolve, cs2cs, ogrinfo, validate_gpkg.py) and checkers; a throwaway
# PostgreSQL 15 + PostGIS 3 server (the PostGIS export test) and Java 17 (the Spark job's test, PySpark in the venv).
TEST_PACKAGES = $(RUN_PACKAGES) geographiclib-tools proj-bin gdal-bin python3-gdal libxml2-utils librsvg2-bin chromium python3-venv python3-pip postgresql-15-postgis-3 openjdk-17-jre-headless

BIN = .build/release/eventmap
# The release binary carries the Swift runtime and Foundation inside it: start-up is then about 13 ms
# shorter (no dynamic symbol binding across a dozen Swift libraries), which one-shot queries feel.
RELEASE_FLAGS = -c release --static-swift-stdlib

# GDAL's headers: the folder pkg-config reports (CGDAL includes <gdal.h>; see CGDAL.h). Expanded
# when a recipe runs, so after `deps` has installed libgdal-dev.
export CPATH = $(patsubst -I%,%,$(shell pkg-config --cflags-only-I gdal 2>/dev/null))

.PHONY: run test deps deps-test build bench clean fuzz

deps:
	@scripts/ensure-packages.sh $(RUN_PACKAGES)
	@pkg-config --exists gdal || { echo "pkg-config finds no gdal: install libgdal-dev" >&2; exit 1; }

deps-test:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@pkg-config --exists gdal || { echo "pkg-config finds no gdal: install libgdal-dev" >&2; exit 1; }
	@scripts/ensure-venv.sh

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product eventmap

run: build
	$(BIN) render --scenario geodata/scenarios/kafr-takharim-2020.json -o output

test: deps-test
	$(SWIFT) test

bench:
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)
	bench/run

clean:
	rm -rf .build

# Fuzzing (libFuzzer + AddressSanitizer): every target in Fuzz/Targets for FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run
