# The one test command: `make test` runs every check and test; .ci/run calls it.
GO ?= go
export PATH := $(PATH):/usr/local/go/bin

.PHONY: test test-postgres check vet fmt build serve browser fuzz

# Fuzz budgets are counts of executions, not durations: with go1.26 a
# duration can end while a worker is mid-run, and the coordinator then fails
# the target with a bare "context deadline exceeded" (go.dev/issue/75804,
# fixed in Go 1.27). Each count is about ten seconds here.
FUZZ_PURE ?= 300000x
FUZZ_HTTP ?= 20000x
FUZZ_IDENTITY ?= 100000x
FUZZ_PAPERS ?= 20000x

test: check browser
	PETITIONS_TEST_POSTGRES= PETITIONS_TEST_BACKEND=sqlite $(GO) test -race -count=1 ./...
	$(MAKE) test-postgres
	$(MAKE) fuzz

# The store, the demo loader, the API and the binary once more on a throwaway PostgreSQL 15
# cluster (.ci/with-postgres.sh sets PETITIONS_TEST_POSTGRES and removes the
# cluster afterwards). PETITIONS_TEST_BACKEND states what the tests must find,
# so a cluster that never reached them fails instead of testing SQLite twice.
# Without -race: the SQLite pass runs the same Go code under the race
# detector, which would make this pass take minutes longer (pgx is slow under it).
test-postgres:
	PETITIONS_TEST_BACKEND=postgres .ci/with-postgres.sh $(GO) test -count=1 ./store/... ./demo ./handlers ./cmd/...

# Each fuzz target runs a bounded number of executions; the go tool prints them.
fuzz:
	$(GO) test ./workflow -run=NONE -fuzz=FuzzDueDates -fuzztime=$(FUZZ_PURE)
	$(GO) test ./workflow -run=NONE -fuzz=FuzzDisclosureCheck -fuzztime=$(FUZZ_IDENTITY)
	$(GO) test ./workflow -run=NONE -fuzz=FuzzDenouncedNoticeNeverNamesTheDenouncer -fuzztime=$(FUZZ_PAPERS)
	$(GO) test ./handlers -run=NONE -fuzz=FuzzCreateCaseBody -fuzztime=$(FUZZ_HTTP)
	$(GO) test ./handlers -run=NONE -fuzz=FuzzEventBody -fuzztime=$(FUZZ_HTTP)

# Page tests drive Debian's headless Chromium; install it (and Vietnamese fonts) when missing.
# The reports' xlsx is read back by LibreOffice Calc (its no-GUI build, headless)
# and its PDF drawn by poppler's pdftoppm; install them when missing too.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; }
	@{ command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || { \
		echo "installing LibreOffice Calc and poppler for the report files' tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-calc-nogui poppler-utils >/dev/null; }

check: fmt vet

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

build:
	$(GO) build -o petitions ./cmd/petitions

serve:
	$(GO) run ./cmd/petitions serve --demo
