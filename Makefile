# Friction: the two commands a newcomer needs are `make run` and `make test`.

GO            ?= go
PROTOC_GEN_GO      := google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
PROTOC_GEN_GO_GRPC := google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2
PROTOC_VERSION     := 3.21.12
GOBIN         := $(shell $(GO) env GOPATH)/bin
BIN           := bin
DATA          ?= ./friction-data
FUZZTIME      ?= 5m

.PHONY: all build test run proto proto-tools proto-check bench fuzz eval vet fmt-check clean

all: build

build:
	$(GO) build -o $(BIN)/ ./cmd/...

# vet, format check, generated-code check, then every test.
test: vet fmt-check proto-check
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

# Starts the server on an empty data directory with the demo corpus loaded.
run: build
	$(BIN)/frictiond --data $(DATA) --load-demo testdata/corpus/demo.jsonl

proto-tools:
	GOFLAGS= $(GO) install $(PROTOC_GEN_GO)
	GOFLAGS= $(GO) install $(PROTOC_GEN_GO_GRPC)
	@protoc --version | grep -q "$(PROTOC_VERSION)" || \
		{ echo "need protoc $(PROTOC_VERSION) (apt-get install protobuf-compiler), have: $$(protoc --version)"; exit 1; }

proto: proto-tools
	PATH=$(GOBIN):$$PATH protoc -I proto \
		--go_out=proto --go_opt=paths=source_relative \
		--go-grpc_out=proto --go-grpc_opt=paths=source_relative \
		proto/friction/v1/*.proto

# Fails when the committed generated code is not what `make proto` makes.
proto-check:
	@scripts/proto-check.sh

bench:
	$(GO) run ./cmd/friction-bench | tee bench.out

FUZZ_TARGETS := $(shell grep -rho --include='*_test.go' 'func Fuzz[A-Za-z0-9_]*' . | sed 's/func //' | sort -u)
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$$(grep -rl --include='*_test.go' "func $$t(" . | head -1 | xargs dirname); \
		echo "== $$t in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	done

# Scores the analyzer on the generator's labelled corpus.
# Scores the analysis and the clustering on each labelled corpus: our generator's
# (flattering), then hand-written ones by independent authors; holdout2 is never
# tuned against, so it is the honest figure.
EVAL_CORPORA := corpus/eval holdout/holdout tuning/tuning tuning2/tuning2 tuning3/tuning3 holdout2/holdout2 holdout3/holdout3 holdout4/holdout4 holdout5/holdout5 holdout6/holdout6 holdout7/holdout7 holdout8/holdout8 holdout9/holdout9 holdout10/holdout10 holdout11/holdout11 holdout12/holdout12 holdout13/holdout13 holdout14/holdout14 holdout15/holdout15 holdout16/holdout16 holdout17/holdout17 holdout18/holdout18 holdout19/holdout19 holdout20/holdout20 holdout21/holdout21 holdout22/holdout22 holdout23/holdout23 holdout24/holdout24 holdout25/holdout25 holdout26/holdout26 holdout28/holdout28 holdout27/holdout27
eval:
	$(GO) run ./cmd/friction-eval $(foreach c,$(EVAL_CORPORA),-corpus testdata/$(c).jsonl -labels testdata/$(c).labels.jsonl)

clean:
	rm -rf $(BIN) bench.out
