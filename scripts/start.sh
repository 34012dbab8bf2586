#!/usr/bin/env bash
# `npm start`: the main job for a developer. Installs what is missing, brings up the local stack,
# applies migrations, then runs the gateway, the logic worker and the Temporal worker in the
# foreground (Ctrl-C stops them; the stack stays up: `npm run stack -- down` stops it).
source "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
cd "$ROOT"

bash scripts/stack.sh up
log "applying migrations"
node scripts/migrate.ts

pids=()
run() { local name="$1"; shift; "$@" 2>&1 | sed -u "s/^/[$name] /" & pids+=($!); }
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT

run worker env METRICS_PORT="${WORKER_METRICS_PORT:-9465}" node workers/main.ts
run logic node logic/main.ts
run gateway node gateway/server.ts

HTTP_HOST_SHOWN="${HTTP_HOST:-127.0.0.1}"; HTTP_PORT_SHOWN="${HTTP_PORT:-3000}"
ready() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/readyz"; }
wait_until 120 "GoChat gateway" ready || log "the gateway is not ready yet; see its output above"
cat <<INFO

  GoChat is running:
    REST API     http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN        (OpenAPI UI: /docs, health: /healthz, /readyz)
    WebSocket    ws://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/ws
    Temporal UI  http://127.0.0.1:${TEMPORAL_UI_PORT:-8233}
    Metrics      http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/metrics

INFO
# Stop everything as soon as one process exits: a half-running system is worse than none.
wait -n "${pids[@]}"
log "a process exited; stopping the others"
