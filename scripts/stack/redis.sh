# Redis from Debian's redis-server, in-memory only (no snapshots), on loopback.
RDS_DIR="$STACK_DIR/redis"
RDS_PID="$RDS_DIR/redis.pid"

redis_install() { command -v redis-server >/dev/null 2>&1 || apt_install redis-server; }
redis_ping() { redis-cli -h "$STACK_HOST" -p "$REDIS_PORT" ping | grep -q PONG; }

redis_up() {
  if pid_alive "$RDS_PID" && redis_ping; then log "redis: already running on :$REDIS_PORT"; return 0; fi
  port_open "$REDIS_PORT" && die "redis: port $REDIS_PORT is taken by another process (set REDIS_PORT)"
  redis_install
  mkdir -p "$RDS_DIR"
  redis-server --bind "$STACK_HOST" --port "$REDIS_PORT" --dir "$RDS_DIR" --daemonize yes \
    --pidfile "$RDS_PID" --logfile "$RDS_DIR/redis.log" --save "" --appendonly no \
    --maxclients 20000 >/dev/null
  wait_until 30 "redis (:$REDIS_PORT)" redis_ping || die "redis did not start, see $RDS_DIR/redis.log"
}

redis_down() { stop_pidfile redis "$RDS_PID"; }
redis_status() { pid_alive "$RDS_PID" && redis_ping; }
redis_where() { echo "redis://$STACK_HOST:$REDIS_PORT"; }
redis_logfile() { echo "$RDS_DIR/redis.log"; }
