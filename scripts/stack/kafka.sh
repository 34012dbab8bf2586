# Apache Kafka 3.9 in KRaft mode (one node, broker + controller), from Maven Central jars, on Java 17.
KFK_DIR="$STACK_DIR/kafka"
KFK_PID="$KFK_DIR/kafka.pid"
KFK_LIBS="$KFK_DIR/libs"

kafka_install() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
  if [ ! -f "$KFK_LIBS/.complete" ]; then
    command -v mvn >/dev/null 2>&1 || apt_install maven
    log "kafka: resolving jars from Maven Central"
    mvn -q -B -f "$ROOT/scripts/stack/kafka-pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KFK_LIBS" -DincludeScope=runtime >"$KFK_DIR/mvn.log" 2>&1 \
      || die "kafka: maven could not fetch the jars, see $KFK_DIR/mvn.log"
    touch "$KFK_LIBS/.complete"
  fi
}

kafka_java() { java -Xms256m -Xmx768m -Dlog4j.configuration="file:$KFK_DIR/log4j.properties" -cp "$KFK_LIBS/*" "$@"; }

kafka_write_config() {
  cat >"$KFK_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$STACK_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$STACK_HOST:$KAFKA_PORT,CONTROLLER://$STACK_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$STACK_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KFK_DIR/data
num.partitions=4
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
PROPS
  cat >"$KFK_DIR/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$KFK_DIR/kafka.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
}

kafka_up() {
  if pid_alive "$KFK_PID" && port_open "$KAFKA_PORT"; then log "kafka: already running on :$KAFKA_PORT"; return 0; fi
  port_open "$KAFKA_PORT" && die "kafka: port $KAFKA_PORT is taken by another process (set KAFKA_PORT)"
  mkdir -p "$KFK_DIR"
  kafka_install
  kafka_write_config
  if [ ! -f "$KFK_DIR/data/meta.properties" ]; then
    log "kafka: formatting storage"
    local cluster_id; cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KFK_DIR/server.properties" \
      >"$KFK_DIR/format.log" 2>&1 || die "kafka: storage format failed, see $KFK_DIR/format.log"
  fi
  # GC pauses stop the whole broker: they are logged (gc.log beside kafka.log), as Kafka's own
  # start scripts do. The heap is fixed and touched at start (Kafka's scripts fix it too): with
  # 256-768 MiB, G1 kept a young generation of ~90 MiB and paused 10-29 ms every 2-3 s under bench
  # traffic (150-217 ms of pauses in 40 s); fixed at 768 MiB it pauses 24-43 ms about once a
  # minute (24-72 ms in 40 s). A pause target of 20 ms instead gave 12-27 ms every 3-5 s.
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KFK_PID" \
    java -Xms768m -Xmx768m -XX:+AlwaysPreTouch -XX:+UseG1GC \
    "-Xlog:gc*,safepoint:file=$KFK_DIR/gc.log:time,uptime,level,tags:filecount=4,filesize=20M" -Dlog4j.configuration="file:$KFK_DIR/log4j.properties" \
    -cp "$KFK_LIBS/*" kafka.Kafka "$KFK_DIR/server.properties" </dev/null >"$KFK_DIR/stdout.log" 2>&1 &
  wait_until 120 "kafka (:$KAFKA_PORT)" port_open "$KAFKA_PORT" || die "kafka did not start, see $KFK_DIR/kafka.log"
}

kafka_down() { stop_pidfile kafka "$KFK_PID"; }
kafka_status() { pid_alive "$KFK_PID" && port_open "$KAFKA_PORT"; }
kafka_where() { echo "$STACK_HOST:$KAFKA_PORT"; }
kafka_logfile() { echo "$KFK_DIR/kafka.log"; }
