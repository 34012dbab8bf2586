# A replicated Kafka 3.9 cluster in KRaft mode on loopback, from the same Maven Central jars as the
# single broker: three brokers (node ids 1-3, on KAFKA_CLUSTER_PORT .. +2) and a separate quorum
# of three controllers (node ids 4-6, on KAFKA_CLUSTER_PORT + 3 .. +5), the layout Kafka
# recommends for production. Killing a broker then never kills the active controller: the
# controller that fences the broker (its heartbeats missing for 1.5 s) and moves its partitions'
# leaders is already there, with no election first. Killing a controller costs the brokers
# nothing but a quorum election they do not wait for. Internal topics keep three copies and need
# two in sync. Not part of the default stack: `npm run stack -- up kafka-cluster`; GoChat uses it
# with KAFKA_BROKERS set to the three brokers and KAFKA_REPLICATION_FACTOR=3,
# KAFKA_MIN_INSYNC_REPLICAS=2.
KCL_DIR="$STACK_DIR/kafka-cluster"
KCL_BROKERS=3
KCL_CONTROLLERS=3

kcl_port() { echo $((KAFKA_CLUSTER_PORT + $1 - 1)); }
kcl_controller_port() { echo $((KAFKA_CLUSTER_PORT + KCL_BROKERS + $1 - 1)); }
kcl_controller_id() { echo $((KCL_BROKERS + $1)); }
kcl_brokers() { local n out=(); for ((n = 1; n <= KCL_BROKERS; n++)); do out+=("$STACK_HOST:$(kcl_port "$n")"); done; (IFS=,; echo "${out[*]}"); }
kcl_voters() {
  local c out=()
  for ((c = 1; c <= KCL_CONTROLLERS; c++)); do out+=("$(kcl_controller_id "$c")@$STACK_HOST:$(kcl_controller_port "$c")"); done
  (IFS=,; echo "${out[*]}")
}

# What both roles read: the quorum, its timeouts, and the topic defaults (a controller creates
# topics; a broker creates the internal ones and enforces min.insync.replicas).
kcl_common_config() {
  cat <<PROPS
controller.quorum.voters=$(kcl_voters)
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
num.partitions=4
auto.create.topics.enable=false
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
group.initial.rebalance.delay.ms=0
broker.session.timeout.ms=1500
broker.heartbeat.interval.ms=250
controller.quorum.election.timeout.ms=500
controller.quorum.election.backoff.max.ms=500
controller.quorum.fetch.timeout.ms=1000
unclean.leader.election.enable=false
log.retention.hours=24
PROPS
}

# kcl_write_config <dir name> <node id> <roles and listeners…>
kcl_write_config() {
  local dir="$KCL_DIR/$1" id="$2"
  shift 2
  mkdir -p "$dir"
  { echo "node.id=$id"; echo "log.dirs=$dir/data"; printf '%s\n' "$@"; kcl_common_config; } >"$dir/server.properties"
  sed "s#$KFK_DIR/kafka.log#$dir/kafka.log#" "$KFK_DIR/log4j.properties" >"$dir/log4j.properties"
}

kcl_broker_config() {
  local n="$1"
  kcl_write_config "n$n" "$n" process.roles=broker \
    "listeners=PLAINTEXT://$STACK_HOST:$(kcl_port "$n")" \
    "advertised.listeners=PLAINTEXT://$STACK_HOST:$(kcl_port "$n")" \
    inter.broker.listener.name=PLAINTEXT
}

kcl_controller_config() {
  local c="$1"
  kcl_write_config "c$c" "$(kcl_controller_id "$c")" process.roles=controller \
    "listeners=CONTROLLER://$STACK_HOST:$(kcl_controller_port "$c")"
}

kcl_node_up() { pid_alive "$KCL_DIR/$1/kafka.pid" && port_open "$2"; }

# kcl_start <dir name> <port> <heap> <what>: formats the node's storage once, starts it detached.
kcl_start() {
  local name="$1" port="$2" heap="$3" what="$4" dir="$KCL_DIR/$1"
  kcl_node_up "$name" "$port" && return 0
  port_open "$port" && die "kafka-cluster: port $port ($what) is taken by another process (set KAFKA_CLUSTER_PORT)"
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    kafka_java kafka.tools.StorageTool format -t "$(cat "$KCL_DIR/cluster-id")" -c "$dir/server.properties" \
      >"$dir/format.log" 2>&1 || die "kafka-cluster: storage format of $what failed, see $dir/format.log"
  fi
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$dir/kafka.pid" \
    java -Xms64m "-Xmx$heap" -XX:+UseG1GC -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$KFK_LIBS/*" kafka.Kafka "$dir/server.properties" </dev/null >"$dir/stdout.log" 2>&1 &
}

kafka-cluster_up() {
  mkdir -p "$KCL_DIR" "$KFK_DIR"
  kafka_install
  kafka_write_config   # the single broker's log4j settings, copied per node
  [[ -f "$KCL_DIR/cluster-id" ]] || kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 >"$KCL_DIR/cluster-id"
  # A folder from before the controllers were separate holds brokers that were voters too: their
  # metadata names a quorum that no longer exists, so they start afresh.
  if [[ -d "$KCL_DIR/n1" && ! -d "$KCL_DIR/c1" ]] && ! pid_alive "$KCL_DIR/n1/kafka.pid"; then
    log "kafka-cluster: replacing the combined broker+controller nodes' data with separate controllers"
    rm -rf "$KCL_DIR"/n*/data
  fi
  local n c
  for ((c = 1; c <= KCL_CONTROLLERS; c++)); do
    kcl_node_up "c$c" "$(kcl_controller_port "$c")" && continue
    kcl_controller_config "$c"
    kcl_start "c$c" "$(kcl_controller_port "$c")" 192m "controller $(kcl_controller_id "$c")"
  done
  for ((n = 1; n <= KCL_BROKERS; n++)); do
    kcl_node_up "n$n" "$(kcl_port "$n")" && continue
    kcl_broker_config "$n"
    kcl_start "n$n" "$(kcl_port "$n")" 512m "broker $n"
  done
  for ((c = 1; c <= KCL_CONTROLLERS; c++)); do
    wait_until 120 "kafka-cluster controller $(kcl_controller_id "$c") (:$(kcl_controller_port "$c"))" port_open "$(kcl_controller_port "$c")" \
      || die "kafka-cluster: controller $(kcl_controller_id "$c") did not start, see $KCL_DIR/c$c/kafka.log"
  done
  for ((n = 1; n <= KCL_BROKERS; n++)); do
    wait_until 120 "kafka-cluster broker $n (:$(kcl_port "$n"))" port_open "$(kcl_port "$n")" \
      || die "kafka-cluster: broker $n did not start, see $KCL_DIR/n$n/kafka.log"
  done
}

kafka-cluster_down() {
  local n c
  for ((n = KCL_BROKERS; n >= 1; n--)); do stop_pidfile "kafka-cluster broker $n" "$KCL_DIR/n$n/kafka.pid"; done
  for ((c = KCL_CONTROLLERS; c >= 1; c--)); do stop_pidfile "kafka-cluster controller $(kcl_controller_id "$c")" "$KCL_DIR/c$c/kafka.pid"; done
}
kafka-cluster_status() {
  local n c
  for ((c = 1; c <= KCL_CONTROLLERS; c++)); do kcl_node_up "c$c" "$(kcl_controller_port "$c")" || return 1; done
  for ((n = 1; n <= KCL_BROKERS; n++)); do kcl_node_up "n$n" "$(kcl_port "$n")" || return 1; done
}
kafka-cluster_where() { echo "KAFKA_BROKERS=$(kcl_brokers) KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2"; }
kafka-cluster_logfile() { echo "$KCL_DIR/n1/kafka.log"; }
