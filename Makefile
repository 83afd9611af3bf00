# ParkScan: `make demo` sets everything up and runs the main job on the demo data;
# `make test` runs the whole test suite. Both install missing system packages first.

SWIFT ?= swift
RELEASE_BIN = .build/release
SHARED ?= ../shared
BENCH_OUT ?= bench-out

.PHONY: setup build demo test bench bench-real bench-synthetic sanitize model glyphs line-model fixtures clean bench-watch bench-serve

setup:
	@bash scripts/install-system-packages.sh

build: setup
	$(SWIFT) build -c release --product parkscan
	$(SWIFT) build -c release --product parkscan-synth
	$(SWIFT) build -c release --product ParkScanVideo

DEMO_DB ?= $(BENCH_OUT)/demo.sqlite

demo: build
	@echo "== Reading the plates of the demo frames in Fixtures/demo-frames =="
	$(RELEASE_BIN)/parkscan read Fixtures/demo-frames
	$(RELEASE_BIN)/parkscan bench read Fixtures/demo-frames
	@echo "== Scanning the demo drive in Fixtures/demo-drive against Zones/demo-town and its rights =="
	@mkdir -p $(BENCH_OUT) && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm && rm -rf $(BENCH_OUT)/demo-evidence
	for kind in permits sessions exemptions; do \
		$(RELEASE_BIN)/parkscan rights import Fixtures/demo-drive/rights/$$kind.csv --db $(DEMO_DB) || exit 1; done
	$(RELEASE_BIN)/parkscan scan Fixtures/demo-drive --db $(DEMO_DB) --zones Zones/demo-town --evidence $(BENCH_OUT)/demo-evidence
	@echo "== Cases for review =="
	$(RELEASE_BIN)/parkscan review list --db $(DEMO_DB)

test: setup
	$(SWIFT) test

# Benchmarks: accuracy, speed and memory (not part of `make test`).
bench: bench-synthetic bench-real

bench-synthetic: build
	$(RELEASE_BIN)/parkscan-synth plates --count 200 --seed 2026 --size 1280x720 --out $(BENCH_OUT)/synthetic
	$(RELEASE_BIN)/parkscan bench read $(BENCH_OUT)/synthetic

bench-real: build
	@if [ -d $(SHARED)/data/eu-plates ]; then \
		$(RELEASE_BIN)/parkscan bench read $(SHARED)/data/eu-plates; \
	else echo "skipped: $(SHARED)/data/eu-plates is not here (real photos are not shipped with the project)"; fi

# `parkscan watch` keeping up with two 1920x1080 25 fps video files (real timing, looped);
# MINUTES=60 for the hour. Writes bench-out/watch/{rss.csv,watch.err,watch.out}.
bench-watch: build
	MINUTES=$${MINUTES:-10} bash scripts/bench-watch.sh

# `parkscan serve` under wrk on loopback (needs wrk and `make demo`'s database): 304s and full
# bodies of /datex/v3/parking-status, 60 s each, with the server's memory. DURATION=10s for a quick look.
bench-serve: build
	BIN=$(RELEASE_BIN)/parkscan DB=$(DEMO_DB) bash scripts/bench-serve.sh

# A batch read under AddressSanitizer and LeakSanitizer: prints any error or leak and fails.
sanitize: setup
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --product parkscan
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 .build-asan/debug/parkscan read --json Fixtures/demo-frames \
		$$( [ -d $(SHARED)/data/eu-plates ] && echo $(SHARED)/data/eu-plates ) > /dev/null
	@echo "sanitizer run clean"

# Trains the plate OCR model from scratch on synthetic lines (~25 min, one core); writes
# $(MODEL_OUT)/plate.traineddata. Install with MODEL_OUT=Models only after benchmarking on
# real photos: the reader uses Models/plate.traineddata by default when it is there.
MODEL_OUT ?= $(CURDIR)/$(BENCH_OUT)/model
model: setup
	OUT=$(MODEL_OUT) bash scripts/train-plate-model.sh

# Trains the reader's glyph model from rendered scenes (~20 min, one core) into
# Models/plate-glyphs.yml.gz (deterministic; recipe and figures in Models/README.md).
# GLYPHS_OUT=... to write elsewhere.
GLYPHS_OUT ?= Models/plate-glyphs
glyphs: build
	$(RELEASE_BIN)/parkscan-synth glyphs --count 4000 --seed 1000 --hidden 128 --out $(GLYPHS_OUT) \
		--size 1280x720 --size 1920x1080 --size 640x480

# Trains the reader's line model and its judge from rendered scenes (~60 min, two cores; needs
# python3-torch and a few Debian fonts, see the script) into Models/plate-lines.onnx and
# Models/plate-lines-judge.onnx (recipe and figures in Models/README.md). LINES_OUT=... and
# JUDGE_OUT=... to write elsewhere.
LINES_OUT ?= $(CURDIR)/Models/plate-lines.onnx
JUDGE_OUT ?= $(CURDIR)/Models/plate-lines-judge.onnx
line-model: build
	OUT=$(LINES_OUT) JUDGE_OUT=$(JUDGE_OUT) bash scripts/train-line-model.sh

# Regenerates the demo frames shipped in Fixtures/ (deterministic).
fixtures: build
	rm -rf Fixtures/demo-frames
	$(RELEASE_BIN)/parkscan-synth plates --count 8 --seed 7 --size 1280x720 --out Fixtures/demo-frames

clean:
	rm -rf .build $(BENCH_OUT)
