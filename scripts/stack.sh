#!/usr/bin/env bash
# The local stack without Docker: MariaDB, Redis, Kafka (KRaft), Temporal and SeaweedFS (S3) on loopback.
# Usage: npm run stack -- up|down|status|logs [service...] [--cluster]
# --cluster adds the clustered forms (a 3+3 Redis Cluster, three Kafka brokers) to the services.
# Installs what is missing into the ignored stack folder (.stack/ or $GOCHAT_STACK_DIR),
# idempotently; `up` twice is a no-op; `down` stops exactly the processes `up` started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for f in mariadb redis redis-cluster kafka kafka-cluster temporal seaweedfs; do source "$ROOT/scripts/stack/$f.sh"; done

ALL=(mariadb redis kafka temporal seaweedfs)
# Started only when named: the clustered forms the scale-out suites use.
OPTIONAL=(redis-cluster kafka-cluster)
cmd="${1:-status}"; shift || true
clustered=0
services=()
for a in "$@"; do if [[ "$a" == --cluster ]]; then clustered=1; else services+=("$a"); fi; done
if (( clustered )); then
  [ ${#services[@]} -gt 0 ] || services=("${ALL[@]}")
  services+=("${OPTIONAL[@]}")
elif [ ${#services[@]} -eq 0 ]; then
  services=("${ALL[@]}")
  # `down` stops the optional services too, when they run.
  if [[ "$cmd" == down ]]; then for s in "${OPTIONAL[@]}"; do "${s}_status" >/dev/null 2>&1 && services+=("$s"); done; fi
fi
for s in "${services[@]}"; do [[ " ${ALL[*]} ${OPTIONAL[*]} " == *" $s "* ]] || die "unknown service '$s' (one of: ${ALL[*]} ${OPTIONAL[*]})"; done
mkdir -p "$STACK_DIR"

case "$cmd" in
  up)
    for s in "${services[@]}"; do "${s}_up"; done
    for s in "${services[@]}"; do printf '  %-9s %s\n' "$s" "$("${s}_where")"; done
    ;;
  down)
    # Reverse order: clients before the services they depend on.
    for ((i=${#services[@]}-1; i>=0; i--)); do "${services[$i]}_down"; done
    ;;
  status)
    rc=0
    for s in "${services[@]}"; do
      if "${s}_status" >/dev/null 2>&1; then printf '  %-9s up    %s\n' "$s" "$("${s}_where")"
      else printf '  %-9s down\n' "$s"; rc=1; fi
    done
    exit "$rc"
    ;;
  logs)
    for s in "${services[@]}"; do echo "==> $s: $("${s}_logfile")"; tail -n "${LINES_SHOWN:-40}" "$("${s}_logfile")" 2>/dev/null || true; done
    ;;
  *) die "usage: npm run stack -- up|down|status|logs [${ALL[*]} ${OPTIONAL[*]}]" ;;
esac
