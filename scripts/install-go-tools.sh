#!/usr/bin/env bash
# The operations tools the ops tests run, built from their Go modules into the stack folder's
# bin/: helm (lints and renders deploy/helm/gochat) and promtool (checks and unit-tests
# ops/alerts.yml). Idempotent: a binary built from the wanted module version is kept.
# Usage: bash scripts/install-go-tools.sh
# HELM_VERSION and PROMETHEUS_VERSION override the versions; promtool's module versions follow
# Prometheus' Go module scheme (v0.316.0 is Prometheus 3.16.0).
# Respects GOPATH, GOMODCACHE, GOPROXY and GOFLAGS from the environment.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
PROMETHEUS_VERSION="${PROMETHEUS_VERSION:-v0.316.0}"
BIN_DIR="$STACK_DIR/bin"

# module_version BIN MODULE: the version of MODULE that BIN was built from, read from the build
# information Go embeds in every binary (a `go install` build has no ldflags-stamped version).
module_version() {
  go version -m "$1" 2>/dev/null | awk -v m="$2" '$1 == "mod" && $2 == m { print $3; exit }'
}

# install_tool NAME MODULE PACKAGE VERSION
install_tool() {
  local name="$1" module="$2" package="$3" version="$4" bin="$BIN_DIR/$1"
  if [ -x "$bin" ] && [ "$(module_version "$bin" "$module")" = "$version" ]; then
    log "$name: $version already in $BIN_DIR"
    return 0
  fi
  log "$name: go install $package@$version into $BIN_DIR ($(go version | cut -d' ' -f3); a first build takes minutes)"
  # `go install pkg@version` ignores any go.mod around it; -mod=mod keeps a vendor-mode GOFLAGS
  # from the environment out of the way. The build cache makes a rebuild after a failure cheap.
  GOBIN="$BIN_DIR" GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" go install "$package@$version" \
    || die "$name: go install $package@$version failed"
  [ "$(module_version "$bin" "$module")" = "$version" ] \
    || die "$name: $bin was not built from $module $version"
  log "$name: installed $version"
}

command -v go >/dev/null 2>&1 || die "Go is not installed (needed to build helm and promtool)"
mkdir -p "$BIN_DIR"
install_tool helm helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
install_tool promtool github.com/prometheus/prometheus github.com/prometheus/prometheus/cmd/promtool "$PROMETHEUS_VERSION"
