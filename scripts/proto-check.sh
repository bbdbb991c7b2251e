#!/usr/bin/env bash
# Regenerates the protobuf code into a temporary directory and fails if it differs
# from what is committed, so hand edits and forgotten `make proto` runs are caught.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v protoc >/dev/null; then
	if [ -n "${CI:-}" ]; then echo "proto-check: protoc missing" >&2; exit 1; fi
	echo "proto-check: protoc not installed, skipped (apt-get install protobuf-compiler)" >&2
	exit 0
fi
gobin=$(go env GOPATH)/bin
if [ ! -x "$gobin/protoc-gen-go" ] || [ ! -x "$gobin/protoc-gen-go-grpc" ]; then
	make -s proto-tools >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH=$gobin:$PATH protoc -I proto \
	--go_out="$tmp" --go_opt=paths=source_relative \
	--go-grpc_out="$tmp" --go-grpc_opt=paths=source_relative \
	proto/friction/v1/*.proto
status=0
for f in "$tmp"/friction/v1/*.go; do
	rel=friction/v1/$(basename "$f")
	if ! cmp -s "$f" "proto/$rel"; then
		echo "proto-check: proto/$rel is stale or hand-edited; run 'make proto' and commit" >&2
		status=1
	fi
done
for f in proto/friction/v1/*.pb.go; do
	[ -e "$tmp/friction/v1/$(basename "$f")" ] || { echo "proto-check: $f has no .proto source" >&2; status=1; }
done
[ $status -eq 0 ] && echo "proto-check: generated code is current"
exit $status
