# Three Kafka brokers in KRaft mode (each broker + controller, one quorum of three) on loopback,
# from the same Maven Central jars as the single broker: brokers on KAFKA_CLUSTER_PORT .. +2,
# controllers on KAFKA_CLUSTER_PORT + 3 .. +5. Internal topics keep three copies and need two in
# sync; a broker missing its heartbeats for 1.5 s is fenced, so its partitions get new leaders within
# seconds of a kill. Not part of the default stack: `npm run stack -- up kafka-cluster`; GoChat
# uses it with KAFKA_BROKERS set to the three brokers and KAFKA_REPLICATION_FACTOR=3,
# KAFKA_MIN_INSYNC_REPLICAS=2.
KCL_DIR="$STACK_DIR/kafka-cluster"
KCL_NODES=3

kcl_port() { echo $((KAFKA_CLUSTER_PORT + $1 - 1)); }
kcl_controller_port() { echo $((KAFKA_CLUSTER_PORT + KCL_NODES + $1 - 1)); }
kcl_brokers() { local n out=(); for ((n = 1; n <= KCL_NODES; n++)); do out+=("$STACK_HOST:$(kcl_port "$n")"); done; (IFS=,; echo "${out[*]}"); }
kcl_voters() { local n out=(); for ((n = 1; n <= KCL_NODES; n++)); do out+=("$n@$STACK_HOST:$(kcl_controller_port "$n")"); done; (IFS=,; echo "${out[*]}"); }

kcl_write_config() {
  local n="$1" dir="$KCL_DIR/n$1"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(kcl_voters)
listeners=PLAINTEXT://$STACK_HOST:$(kcl_port "$n"),CONTROLLER://$STACK_HOST:$(kcl_controller_port "$n")
advertised.listeners=PLAINTEXT://$STACK_HOST:$(kcl_port "$n")
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
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
  sed "s#$KFK_DIR/kafka.log#$dir/kafka.log#" "$KFK_DIR/log4j.properties" >"$dir/log4j.properties"
}

kcl_node_up() { pid_alive "$KCL_DIR/n$1/kafka.pid" && port_open "$(kcl_port "$1")"; }

kafka-cluster_up() {
  mkdir -p "$KCL_DIR" "$KFK_DIR"
  kafka_install
  kafka_write_config   # the single broker's log4j settings, copied per node
  local n id
  [[ -f "$KCL_DIR/cluster-id" ]] || kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 >"$KCL_DIR/cluster-id"
  id="$(cat "$KCL_DIR/cluster-id")"
  for ((n = 1; n <= KCL_NODES; n++)); do
    kcl_node_up "$n" && continue
    port_open "$(kcl_port "$n")" && die "kafka-cluster: port $(kcl_port "$n") is taken by another process (set KAFKA_CLUSTER_PORT)"
    kcl_write_config "$n"
    if [[ ! -f "$KCL_DIR/n$n/data/meta.properties" ]]; then
      kafka_java kafka.tools.StorageTool format -t "$id" -c "$KCL_DIR/n$n/server.properties" \
        >"$KCL_DIR/n$n/format.log" 2>&1 || die "kafka-cluster: storage format of node $n failed, see $KCL_DIR/n$n/format.log"
    fi
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KCL_DIR/n$n/kafka.pid" \
      java -Xms128m -Xmx512m -XX:+UseG1GC -Dlog4j.configuration="file:$KCL_DIR/n$n/log4j.properties" \
      -cp "$KFK_LIBS/*" kafka.Kafka "$KCL_DIR/n$n/server.properties" </dev/null >"$KCL_DIR/n$n/stdout.log" 2>&1 &
  done
  for ((n = 1; n <= KCL_NODES; n++)); do
    wait_until 120 "kafka-cluster broker $n (:$(kcl_port "$n"))" port_open "$(kcl_port "$n")" \
      || die "kafka-cluster: broker $n did not start, see $KCL_DIR/n$n/kafka.log"
  done
}

kafka-cluster_down() {
  local n
  for ((n = KCL_NODES; n >= 1; n--)); do stop_pidfile "kafka-cluster broker $n" "$KCL_DIR/n$n/kafka.pid"; done
}
kafka-cluster_status() { local n; for ((n = 1; n <= KCL_NODES; n++)); do kcl_node_up "$n" || return 1; done; }
kafka-cluster_where() { echo "KAFKA_BROKERS=$(kcl_brokers) KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2"; }
kafka-cluster_logfile() { echo "$KCL_DIR/n1/kafka.log"; }
