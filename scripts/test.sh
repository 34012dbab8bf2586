#!/usr/bin/env bash
# `npm test`: brings up what the tests need (Node 22+, npm dependencies, the local stack),
# then type-checks, lints and runs every suite against the real services.
# Extra arguments go to vitest, e.g. `npm test -- test/smoke`.
source "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
cd "$ROOT"

# helm and promtool (the ops tests) build from their Go modules on a fresh machine: minutes of
# CPU, so alongside the stack's start, the type-check and the lint rather than before them.
mkdir -p "$STACK_DIR"
bash scripts/install-go-tools.sh >"$STACK_DIR/go-tools.log" 2>&1 &
tools=$!
# The browser tests (test/browser) use the web client the gateway serves from dist/web.
npm run --silent web:build -- --logLevel warn >"$STACK_DIR/web-build.log" 2>&1 &
web=$!
bash scripts/stack.sh up
# Chromium (the browser tests) comes from apt on a fresh machine: after the stack's own apt
# installs (two apt-get runs at once fail on dpkg's lock), alongside the type-check and lint.
bash scripts/ensure-chromium.sh >"$STACK_DIR/chromium.path" 2>"$STACK_DIR/chromium.log" &
browser=$!
log "type-check"
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json
log "lint"
npx eslint --max-warnings 0 .
log "waiting for the web client build"
wait "$web" || { cat "$STACK_DIR/web-build.log"; die "the web client did not build"; }
log "waiting for helm and promtool"
wait "$tools" || { cat "$STACK_DIR/go-tools.log"; die "helm/promtool could not be installed"; }
grep -v '^go: downloading' "$STACK_DIR/go-tools.log" || true
log "waiting for Chromium"
wait "$browser" || { cat "$STACK_DIR/chromium.log"; die "Chromium could not be installed"; }
CHROMIUM_PATH="$(tail -n 1 "$STACK_DIR/chromium.path")"
export CHROMIUM_PATH
log "chromium: $CHROMIUM_PATH"
log "tests"
results="$STACK_DIR/vitest-results.json"
rm -f "$results"
set +e
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@"
rc=$?
set -e
# The plain count line, last, so any reader of the log finds the totals.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results" || echo "0 passed, 1 failed"
exit "$rc"
