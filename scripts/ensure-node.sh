# Sourced: puts a Node.js >= 22.17 first on PATH and installs the npm dependencies.
# The machine's own node is used when new enough; otherwise the `node` package from the npm
# registry (which carries the official binary) is installed into the stack folder.
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NODE_WANTED_MAJOR=24
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=17)?0:1)'
}
if ! node_ok; then
  local_node="$STACK_DIR/node/node_modules/node/bin"
  if [ ! -x "$local_node/node" ]; then
    log "installing Node.js $NODE_WANTED_MAJOR from the npm registry into $STACK_DIR/node"
    mkdir -p "$STACK_DIR/node"
    npm install --silent --no-audit --no-fund --prefix "$STACK_DIR/node" "node@$NODE_WANTED_MAJOR" >/dev/null
  fi
  export PATH="$local_node:$PATH"
  node_ok || die "could not provide Node.js >= 22.17 (have $(node --version 2>/dev/null))"
fi

# Reinstall dependencies only when the lock file changed since the last install.
stamp="$ROOT/node_modules/.gochat-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
  log "installing npm dependencies with Node $(node --version)"
  # `npm install` rather than `npm ci`: ci refuses lock files that omit optional native
  # packages for other platforms (as @swc/core's are), while install honours the lock as is.
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
fi
