# Conveniences; each target is one documented command.
.PHONY: test build demo bench fuzz lint

test:
	bash scripts/test.sh

build:
	go build -o dateline ./cmd/dateline

demo:
	go run ./cmd/dateline demo

# Ingest benchmark on Timeline17 (needs ../shared); see docs/BENCHMARKS.md.
bench:
	bash scripts/bench.sh

# A short run of every fuzz target (30 s each).
fuzz:
	bash scripts/fuzz.sh

include mk/*.mk
