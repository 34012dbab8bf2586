#!/usr/bin/env bash
# `npm start`: the main job for a developer. Installs what is missing, brings up the local stack,
# applies migrations, then runs the gateway, the logic worker and the Temporal worker in the
# foreground (Ctrl-C stops them; the stack stays up: `npm run stack -- down` stops it).
# `npm start -- --cluster`: the clustered profile instead — a Redis Cluster and three Kafka
# brokers beside the stack, and three gateways (ports HTTP_PORT .. +2), two logic workers and two
# Temporal workers on them (docs/scaling.md).
source "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
cd "$ROOT"

clustered=0
[[ " $* " == *" --cluster "* ]] && clustered=1
if (( clustered )); then
  bash scripts/stack.sh up --cluster
  export REDIS_CLUSTER_NODES="${STACK_HOST}:${REDIS_CLUSTER_PORT}"
  export KAFKA_BROKERS="${STACK_HOST}:${KAFKA_CLUSTER_PORT},${STACK_HOST}:$((KAFKA_CLUSTER_PORT + 1)),${STACK_HOST}:$((KAFKA_CLUSTER_PORT + 2))"
  export KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2
else
  bash scripts/stack.sh up
fi
log "applying migrations"
node scripts/migrate.ts

# The workflow bundle is built once, not by the worker at every start: again only when workflow
# code (or the tracing interceptors it may include) is newer than the bundle.
BUNDLE=.stack/workflow-bundle.js
if [[ ! -f "$BUNDLE" ]] || [[ -n "$(find workflows telemetry/temporal.ts workers/bundle.ts -newer "$BUNDLE" -print -quit)" ]]; then
  log "building the workflow bundle"
  node workers/bundle.ts "$BUNDLE"
fi

# The web client (served by the gateway under /app) is built again only when its sources or
# the SDK's are newer than the build.
WEB_INDEX=dist/web/index.html
if [[ ! -f "$WEB_INDEX" ]] || [[ -n "$(find web sdk -newer "$WEB_INDEX" -print -quit)" ]]; then
  log "building the web client"
  npm run --silent web:build -- --logLevel warn
fi

# Each process writes its own log lines (prefixed with its name on a terminal, JSON otherwise).
pids=()
interrupted=
# Ctrl-C reaches every process of the terminal: each shuts down on its own; wait for them.
on_interrupt() { interrupted=1; trap - INT TERM EXIT; wait; }
# Otherwise (one process exited, or this script is told to stop) stop the others the same way.
stop_all() { trap - INT TERM EXIT; kill -TERM "${pids[@]}" 2>/dev/null || true; wait; }
trap on_interrupt INT
trap stop_all TERM EXIT

# The gateway's Node flags, as gateway/node-flags.ts lists them (test/ops/gateway-flags.test.ts).
GATEWAY_NODE_FLAGS=(--max-semi-space-size=16)
HTTP_HOST_SHOWN="${HTTP_HOST:-127.0.0.1}"; HTTP_PORT_SHOWN="${HTTP_PORT:-3000}"
if (( clustered )); then
  for i in 0 1; do
    METRICS_PORT=$(( ${WORKER_METRICS_PORT:-9465} + 2 * i )) node workers/main.ts --workflow-bundle "$BUNDLE" & pids+=($!)
    METRICS_PORT=$(( ${METRICS_PORT:-9464} + 2 * i )) node logic/main.ts & pids+=($!)
  done
  for i in 0 1 2; do
    GATEWAY_ID="gw-$((i + 1))" HTTP_PORT=$((HTTP_PORT_SHOWN + i)) node "${GATEWAY_NODE_FLAGS[@]}" gateway/server.ts & pids+=($!)
  done
else
  METRICS_PORT="${WORKER_METRICS_PORT:-9465}" node workers/main.ts --workflow-bundle "$BUNDLE" & pids+=($!)
  node logic/main.ts & pids+=($!)
  node "${GATEWAY_NODE_FLAGS[@]}" gateway/server.ts & pids+=($!)
fi

ready() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/readyz"; }
wait_until 120 "GoChat gateway" ready || log "the gateway is not ready yet; see its output above"
cat <<INFO

  GoChat is running:
    Web app      http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/app
    REST API     http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN        (OpenAPI UI: /docs, health: /healthz, /readyz)
    WebSocket    ws://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/ws
    Temporal UI  http://127.0.0.1:${TEMPORAL_UI_PORT:-8233}
    Metrics      http://$HTTP_HOST_SHOWN:$HTTP_PORT_SHOWN/metrics

INFO
(( clustered )) && log "clustered profile: gateways on ports $HTTP_PORT_SHOWN-$((HTTP_PORT_SHOWN + 2)), two logic workers, two Temporal workers, Redis Cluster $REDIS_CLUSTER_NODES, Kafka $KAFKA_BROKERS"
# Stop everything as soon as one process exits: a half-running system is worse than none.
wait -n "${pids[@]}"
[[ -n "$interrupted" ]] || log "a process exited; stopping the others"
