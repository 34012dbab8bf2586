#!/usr/bin/env bash
# Centrifugo, the bench's peer (bench/scenarios/peer.ts), built from its Go module into the
# stack folder's bin/. Idempotent: a binary already reporting the wanted version is kept.
# Usage: bash scripts/install-centrifugo.sh   (prints the binary's path on stdout)
# Respects GOPATH, GOMODCACHE, GOPROXY and GOFLAGS from the environment; CENTRIFUGO_VERSION
# overrides the version.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CENTRIFUGO_MODULE="github.com/centrifugal/centrifugo/v6"
CENTRIFUGO_VERSION="${CENTRIFUGO_VERSION:-v6.9.1}"
BIN_DIR="$STACK_DIR/bin"
CENTRIFUGO_BIN="$BIN_DIR/centrifugo"

# `centrifugo version` prints "Centrifugo v6.9.1 (Go version: …)": the version is stamped at
# link time (below, as upstream's release build does), a plain module build says 0.0.0.
have_version() { [ -x "$CENTRIFUGO_BIN" ] && "$CENTRIFUGO_BIN" version 2>/dev/null | grep -qF " v${CENTRIFUGO_VERSION#v} "; }

if have_version; then
  log "centrifugo: $CENTRIFUGO_VERSION already in $BIN_DIR"
  echo "$CENTRIFUGO_BIN"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "centrifugo: Go is not installed (needed to build $CENTRIFUGO_MODULE)"
mkdir -p "$BIN_DIR"
log "centrifugo: go install $CENTRIFUGO_MODULE@$CENTRIFUGO_VERSION into $BIN_DIR ($(go version | cut -d' ' -f3), module cache $(go env GOMODCACHE))"
# `go install pkg@version` ignores any go.mod around it; -mod=mod keeps a vendor-mode GOFLAGS
# (from the environment or `go env -w`) out of the way. The build cache makes a rebuild cheap.
GOBIN="$BIN_DIR" GOFLAGS="$(go env GOFLAGS) -mod=mod" go install \
  -ldflags "-X $CENTRIFUGO_MODULE/internal/build.Version=${CENTRIFUGO_VERSION#v}" "$CENTRIFUGO_MODULE@$CENTRIFUGO_VERSION" \
  || die "centrifugo: go install $CENTRIFUGO_MODULE@$CENTRIFUGO_VERSION failed"
have_version || die "centrifugo: $CENTRIFUGO_BIN does not report version $CENTRIFUGO_VERSION ($("$CENTRIFUGO_BIN" version 2>&1 | head -1))"
log "centrifugo: installed $("$CENTRIFUGO_BIN" version 2>&1 | head -1)"
echo "$CENTRIFUGO_BIN"
