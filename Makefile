# The one test command: `make test` runs every check and test; .ci/run calls it.
GO ?= go
export PATH := $(PATH):/usr/local/go/bin

.PHONY: test check vet fmt build serve

test: check
	$(GO) test -race -count=1 ./...

check: fmt vet

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

build:
	$(GO) build -o petitions ./cmd/petitions

serve:
	$(GO) run ./cmd/petitions serve --demo
