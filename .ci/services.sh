#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster and RabbitMQ node on loopback for tests and benchmarks.
#   .ci/services.sh start   → prints the environment to export (also written to $STATE/env)
#   .ci/services.sh stop    → stops both by PID and removes their data
# Ports: PG_PORT (55432), RABBIT_PORT (5673). State lives in $STATE (/tmp/platform-ci).
set -euo pipefail
STATE=${STATE:-/tmp/platform-ci}
PG_PORT=${PG_PORT:-55432}
RABBIT_PORT=${RABBIT_PORT:-5673}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
NODE=ci$RABBIT_PORT

start_postgres() {
  local dir=$STATE/pg
  rm -rf "$dir"; mkdir -p "$dir"; chown postgres:postgres "$dir"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 --no-instructions" >"$STATE/pg-initdb.log" 2>&1
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$dir/data' -o '-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -l '$dir/server.log' -w -t 60 start" >/dev/null
}

stop_postgres() {
  local dir=$STATE/pg
  if [ -f "$dir/data/postmaster.pid" ]; then
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || \
      kill -TERM "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

rabbit_env() {
  export RABBITMQ_NODENAME=$NODE RABBITMQ_NODE_PORT=$RABBIT_PORT RABBITMQ_DIST_PORT=$((RABBIT_PORT + 20000))
  export RABBITMQ_MNESIA_BASE=$STATE/rabbit/mnesia RABBITMQ_LOG_BASE=$STATE/rabbit/log
  export RABBITMQ_PID_FILE=$STATE/rabbit/$NODE.pid
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1
  # Loopback only; long GPU jobs must not hit the 30-minute delivery-acknowledgement timeout.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -rabbit consumer_timeout 86400000"
}

start_rabbit() {
  rabbit_env
  rm -rf "$STATE/rabbit"; mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"; chown -R rabbitmq:rabbitmq "$STATE/rabbit"
  chmod 755 "$STATE"
  rabbitmq-server -detached >"$STATE/rabbit-start.log" 2>&1
  rabbitmqctl -n "$NODE" -q wait --timeout 90 "$RABBITMQ_PID_FILE" >>"$STATE/rabbit-start.log" 2>&1
}

stop_rabbit() {
  rabbit_env
  if [ -f "$RABBITMQ_PID_FILE" ]; then
    local pid; pid=$(cat "$RABBITMQ_PID_FILE")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # epmd outlives the node; end the one our node started (loopback-bound) by its PID.
  pkill -TERM -x epmd 2>/dev/null || true
  rm -rf "$STATE/rabbit"
}

case "${1:-}" in
  start)
    mkdir -p "$STATE"
    start_postgres
    start_rabbit
    cat >"$STATE/env" <<ENV
export PLATFORM_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres'
export PLATFORM_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RABBIT_PORT/'
ENV
    cat "$STATE/env"
    ;;
  stop)
    stop_rabbit || true
    stop_postgres || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
