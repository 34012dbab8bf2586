# A Redis Cluster from the same Debian redis-server: three primaries and three replicas on
# loopback (ports REDIS_CLUSTER_PORT .. +5, cluster bus on port + 10000), in-memory only. Used by
# the suites that run GoChat's Redis code against a cluster (REDIS_CLUSTER_NODES) and by the
# failover test; a node timeout of 2 s lets a replica take over a dead primary within seconds.
# Not part of the default stack: `npm run stack -- up redis-cluster`.
RCL_DIR="$STACK_DIR/redis-cluster"
RCL_NODES=6

rcl_port() { echo $((REDIS_CLUSTER_PORT + $1)); }
rcl_ok() { redis-cli -h "$STACK_HOST" -p "$REDIS_CLUSTER_PORT" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; }
rcl_node_up() { redis-cli -h "$STACK_HOST" -p "$1" ping 2>/dev/null | grep -q PONG; }

redis-cluster_up() {
  redis_install
  mkdir -p "$RCL_DIR"
  local i port
  # A node that is down starts again with its nodes-<port>.conf: it rejoins the cluster it knew
  # (empty, without persistence; a former primary comes back as a replica of its successor).
  for ((i = 0; i < RCL_NODES; i++)); do
    port=$(rcl_port "$i")
    if pid_alive "$RCL_DIR/$port.pid" && rcl_node_up "$port"; then continue; fi
    port_open "$port" && die "redis-cluster: port $port is taken by another process (set REDIS_CLUSTER_PORT)"
    # A replica's full sync writes the primary's data to an RDB file even without persistence: one
    # file per node, dropped before a start, or a restarted node loads keys of slots it does not
    # serve (a shared dump.rdb once left the cluster failing with slots unassigned).
    rm -f "$RCL_DIR/dump-$port.rdb"
    redis-server --bind "$STACK_HOST" --port "$port" --dir "$RCL_DIR" --daemonize yes \
      --pidfile "$RCL_DIR/$port.pid" --logfile "$RCL_DIR/$port.log" --save "" --appendonly no \
      --dbfilename "dump-$port.rdb" \
      --cluster-enabled yes --cluster-config-file "nodes-$port.conf" --cluster-node-timeout 2000 \
      --maxclients 20000 >/dev/null
  done
  for ((i = 0; i < RCL_NODES; i++)); do
    port=$(rcl_port "$i")
    wait_until 30 "redis-cluster node :$port" rcl_node_up "$port" || die "redis-cluster: node :$port did not start, see $RCL_DIR/$port.log"
  done
  if [[ ! -f "$RCL_DIR/created" ]]; then
    local addrs=()
    for ((i = 0; i < RCL_NODES; i++)); do addrs+=("$STACK_HOST:$(rcl_port "$i")"); done
    redis-cli --cluster create "${addrs[@]}" --cluster-replicas 1 --cluster-yes >"$RCL_DIR/create.log" 2>&1 \
      || { cat "$RCL_DIR/create.log" >&2; die "redis-cluster: could not create the cluster"; }
    touch "$RCL_DIR/created"
  fi
  wait_until 60 "redis-cluster (state ok)" rcl_ok \
    || die "redis-cluster: the cluster did not reach state ok (see $RCL_DIR; \`npm run stack -- down redis-cluster\` and delete that folder to start afresh)"
}

redis-cluster_down() {
  local i
  for ((i = 0; i < RCL_NODES; i++)); do stop_pidfile "redis-cluster :$(rcl_port "$i")" "$RCL_DIR/$(rcl_port "$i").pid"; done
}
redis-cluster_status() { rcl_ok; }
redis-cluster_where() { echo "REDIS_CLUSTER_NODES=$STACK_HOST:$REDIS_CLUSTER_PORT (6 nodes: :$REDIS_CLUSTER_PORT-:$(rcl_port $((RCL_NODES - 1))))"; }
redis-cluster_logfile() { echo "$RCL_DIR/$REDIS_CLUSTER_PORT.log"; }
