# MariaDB from Debian's mariadb-server, with its own data dir, socket and port under the stack folder.
MDB_DIR="$STACK_DIR/mariadb"
MDB_PID="$MDB_DIR/mariadbd.pid"
MDB_SOCK="$MDB_DIR/mariadbd.sock"

MDB_PLUGIN_DIR=/usr/lib/mysql/plugin

mariadb_install() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || apt_install mariadb-server mariadb-client
  # Mroonga: the full-text engine the search benchmark sets against InnoDB FULLTEXT (docs/search.md).
  [ -f "$MDB_PLUGIN_DIR/ha_mroonga.so" ] || apt_install mariadb-plugin-mroonga || log "mariadb: mariadb-plugin-mroonga could not be installed"
}

mariadb_ping() { mariadb-admin --no-defaults --protocol=socket --socket="$MDB_SOCK" -uroot ping; }
mariadb_root() { mariadb --no-defaults --protocol=socket --socket="$MDB_SOCK" -uroot "$@"; }

# Loads Mroonga once (INSTALL SONAME records it in mysql.plugin, so later starts load it too).
# Nothing GoChat runs needs it: without it the search benchmark reports it as not measured.
mariadb_plugins() {
  [ -f "$MDB_PLUGIN_DIR/ha_mroonga.so" ] || return 0
  [ -n "$(mariadb_root -N -e "SELECT 1 FROM information_schema.plugins WHERE plugin_name = 'Mroonga'")" ] && return 0
  mariadb_root -e "INSTALL SONAME 'ha_mroonga'" || log "mariadb: Mroonga could not be loaded (see $MDB_DIR/mariadb.log)"
}

mariadb_up() {
  if pid_alive "$MDB_PID" && mariadb_ping >/dev/null 2>&1; then
    log "mariadb: already running on :$MYSQL_PORT"
    mariadb_install
    mariadb_plugins
    return 0
  fi
  port_open "$MYSQL_PORT" && die "mariadb: port $MYSQL_PORT is taken by another process (set MYSQL_PORT)"
  mariadb_install
  mkdir -p "$MDB_DIR"
  if [ ! -d "$MDB_DIR/data/mysql" ]; then
    log "mariadb: initialising data dir"
    mariadb-install-db --no-defaults --datadir="$MDB_DIR/data" --user="$(id -un)" \
      --auth-root-authentication-method=socket --skip-test-db >"$MDB_DIR/install.log" 2>&1 \
      || die "mariadb: mariadb-install-db failed, see $MDB_DIR/install.log"
  fi
  setsid /usr/sbin/mariadbd --no-defaults --datadir="$MDB_DIR/data" --port="$MYSQL_PORT" \
    --bind-address="$STACK_HOST" --socket="$MDB_SOCK" --pid-file="$MDB_PID" \
    --log-error="$MDB_DIR/mariadb.log" --user="$(id -un)" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --max-connections=500 --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
    </dev/null >/dev/null 2>&1 &
  wait_until 60 "mariadb (:$MYSQL_PORT)" mariadb_ping || die "mariadb did not start, see $MDB_DIR/mariadb.log"
  mariadb_plugins
  mariadb_root <<SQL
CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PASSWORD';
CREATE USER IF NOT EXISTS '$MYSQL_USER'@'localhost' IDENTIFIED BY '$MYSQL_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
}

mariadb_down() { stop_pidfile mariadb "$MDB_PID"; }
mariadb_status() { pid_alive "$MDB_PID" && mariadb_ping >/dev/null 2>&1; }
mariadb_where() { echo "mysql://$MYSQL_USER@$STACK_HOST:$MYSQL_PORT/$MYSQL_DATABASE"; }
mariadb_logfile() { echo "$MDB_DIR/mariadb.log"; }
