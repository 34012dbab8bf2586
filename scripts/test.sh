#!/usr/bin/env bash
# `npm test`: brings up what the tests need (Node 22+, npm dependencies, the local stack),
# then type-checks, lints and runs every suite against the real services.
# Extra arguments go to vitest, e.g. `npm test -- test/smoke`.
source "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
cd "$ROOT"

bash scripts/stack.sh up
log "type-check"
npx tsc -p tsconfig.json --noEmit
log "lint"
npx eslint --max-warnings 0 .
log "tests"
npx vitest run "$@"
