#!/usr/bin/env bash
# Start, drive and stop a private RabbitMQ node for the warren end-to-end tests.
#
# Every node lives in its own directory DIR, which holds everything the node
# writes (HOME with its own Erlang cookie, mnesia, logs, PID files) and its
# settings in DIR/node.env:
#
#   NODE_NAME=warren-e2e-1234-oracle@localhost
#   AMQP_PORT=40123     # AMQP listener, bound to 127.0.0.1
#   DIST_PORT=40124     # Erlang distribution port of the node
#   EPMD_PORT=40125     # private epmd, started and stopped by this script
#
# DIR/rabbitmq.conf and DIR/enabled_plugins are written by the caller (the
# Java tests do it; `init` writes defaults for manual use).
#
# Usage:
#   broker.sh init DIR [NAME]  pick free ports, write node.env + a default config
#   broker.sh start DIR        start epmd + node, wait until it is booted
#   broker.sh stop DIR         stop the node and its epmd (by node name and PID)
#   broker.sh ctl DIR ARGS...  rabbitmqctl against the node
#   broker.sh plugins DIR ARGS...  rabbitmq-plugins against the node
#   broker.sh stop-all ROOT    stop every node found under ROOT (used by traps)
#
# Only processes started by this script are ever signalled, by the PIDs it
# recorded (DIR/epmd.pid, DIR/node.pid). A system RabbitMQ service, the
# system epmd (port 4369) and other nodes are never touched.
set -euo pipefail

RMQ_BIN=${RABBITMQ_BIN_DIR:-/usr/lib/rabbitmq/bin}
START_TIMEOUT=${WARREN_E2E_BROKER_START_TIMEOUT:-90}

die() { echo "broker.sh: $*" >&2; exit 1; }

free_port() {
    # A port nobody listens on right now (the caller binds it later), below the
    # kernel's ephemeral range so that no client connection can take it first.
    local p low=32768
    read -r low _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
    [ "$low" -gt 11000 ] || die "ephemeral ports start at $low: no room below them"
    for _ in $(seq 1 200); do
        p=$(( 10000 + RANDOM % (low - 10000) ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"; return 0
        fi
    done
    die "no free port found"
}

load_env() {
    DIR=$(cd "$1" && pwd) || die "no such node directory: $1"
    [ -f "$DIR/node.env" ] || die "$DIR/node.env missing (run: broker.sh init $DIR)"
    # shellcheck disable=SC1091
    . "$DIR/node.env"
    : "${NODE_NAME:?}" "${AMQP_PORT:?}" "${DIST_PORT:?}" "${EPMD_PORT:?}"
    mkdir -p "$DIR/home" "$DIR/mnesia" "$DIR/log"
    export HOME="$DIR/home"
    export RABBITMQ_NODENAME="$NODE_NAME"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$AMQP_PORT"
    export RABBITMQ_DIST_PORT="$DIST_PORT"
    export ERL_EPMD_PORT="$EPMD_PORT"
    export ERL_EPMD_ADDRESS=127.0.0.1
    # Never let erl or the CLI spawn `epmd -daemon` (it would outlive us).
    export ERL_FLAGS="-start_epmd false"
    export RABBITMQ_MNESIA_BASE="$DIR/mnesia"
    export RABBITMQ_LOG_BASE="$DIR/log"
    # A node that dies at boot writes its crash dump here, not into the caller's directory.
    export ERL_CRASH_DUMP="$DIR/log/erl_crash.dump"
    export RABBITMQ_PID_FILE="$DIR/node.pid"
    export RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
    export RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"
    export RABBITMQ_ALLOW_INPUT=
    # Files the packaged scripts would otherwise read from /etc/rabbitmq.
    [ -f "$RABBITMQ_CONF_ENV_FILE" ] || : > "$RABBITMQ_CONF_ENV_FILE"
    if [ ! -s "$HOME/.erlang.cookie" ]; then
        (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F > "$HOME/.erlang.cookie")
        chmod 400 "$HOME/.erlang.cookie"
    fi
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

pid_of() { [ -s "$1" ] && tr -dc '0-9' < "$1" || true; }

cmd_init() {
    local dir=$1 name=${2:-node}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local a d e
    a=$(free_port); d=$(free_port); e=$(free_port)
    cat > "$dir/node.env" <<EOF
NODE_NAME=warren-e2e-$$-$name@localhost
AMQP_PORT=$a
DIST_PORT=$d
EPMD_PORT=$e
EOF
    [ -f "$dir/enabled_plugins" ] || echo '[rabbitmq_auth_backend_http,rabbitmq_auth_backend_cache].' > "$dir/enabled_plugins"
    [ -f "$dir/rabbitmq.conf" ] || cat > "$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$a
auth_backends.1 = internal
log.console = false
log.file.level = info
EOF
    echo "$dir"
}

cmd_start() {
    load_env "$1"
    [ -x "$RMQ_BIN/rabbitmq-server" ] || die "$RMQ_BIN/rabbitmq-server not found (apt-get install rabbitmq-server)"
    local old
    old=$(pid_of "$DIR/node.pid")
    if alive "$old"; then die "node $NODE_NAME already running (pid $old)"; fi
    rm -f "$DIR/node.pid"

    # Private epmd in the foreground of its own process, so that we own its PID.
    local epid
    epid=$(pid_of "$DIR/epmd.pid")
    if ! alive "$epid"; then
        setsid epmd -port "$EPMD_PORT" -address 127.0.0.1 > "$DIR/log/epmd.log" 2>&1 < /dev/null &
        echo $! > "$DIR/epmd.pid"
    fi
    for _ in $(seq 1 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$EPMD_PORT") 2>/dev/null && break
        sleep 0.1
    done

    # rabbitmq-server execs erl, which execs beam: $! is the node's PID.
    setsid "$RMQ_BIN/rabbitmq-server" > "$DIR/log/stdout.log" 2>&1 < /dev/null &
    local spid=$!
    echo "$spid" > "$DIR/server.pid"
    if ! wait_booted "$spid"; then
        echo "broker.sh: node $NODE_NAME did not start; last log lines:" >&2
        tail -n 30 "$DIR/log/stdout.log" "$DIR"/log/*.log 2>/dev/null | tail -n 60 >&2 || true
        cmd_stop_loaded || true
        exit 1
    fi
    [ -s "$DIR/node.pid" ] || echo "$spid" > "$DIR/node.pid"
    echo "started $NODE_NAME amqp=127.0.0.1:$AMQP_PORT pid=$(pid_of "$DIR/node.pid")"
}

# `rabbitmqctl wait` until the node has booted, but give up as soon as the
# server process (PID $1) is gone: a node that dies at boot (a port in use, a
# bad config) fails now instead of after START_TIMEOUT.
wait_booted() {
    local spid=$1 wpid
    "$RMQ_BIN/rabbitmqctl" -n "$NODE_NAME" -q wait "$DIR/node.pid" --timeout "$START_TIMEOUT" > "$DIR/log/wait.log" 2>&1 < /dev/null &
    wpid=$!
    while alive "$wpid"; do
        if ! alive "$spid" && ! alive "$(pid_of "$DIR/node.pid")"; then
            sleep 1 # a last chance for the wait to see the node (it may have handed over its PID)
            alive "$wpid" || break
            kill -TERM "$wpid" 2>/dev/null || true
            wait "$wpid" 2>/dev/null || true
            echo "server process $spid exited during boot" >> "$DIR/log/wait.log"
            return 1
        fi
        sleep 0.2
    done
    wait "$wpid"
}

# Wait for a PID to exit; SIGTERM then SIGKILL if it does not.
reap() {
    local pid=$1 what=$2
    alive "$pid" || return 0
    for _ in $(seq 1 50); do alive "$pid" || return 0; sleep 0.1; done
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$pid" || return 0; sleep 0.1; done
    echo "broker.sh: $what (pid $pid) ignored SIGTERM, killing" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop_loaded() {
    local npid spid epid
    npid=$(pid_of "$DIR/node.pid")
    spid=$(pid_of "$DIR/server.pid")
    epid=$(pid_of "$DIR/epmd.pid")
    if alive "$npid" || alive "$spid"; then
        # Graceful stop by node name; only if epmd is still there to find it.
        if alive "$epid"; then
            timeout 60 "$RMQ_BIN/rabbitmqctl" -n "$NODE_NAME" -q stop > "$DIR/log/stop.log" 2>&1 < /dev/null || true
        fi
        reap "$npid" "node $NODE_NAME"
        reap "$spid" "rabbitmq-server $NODE_NAME"
    fi
    if alive "$epid"; then
        kill -TERM "$epid" 2>/dev/null || true
        reap "$epid" "epmd :$EPMD_PORT"
    fi
    rm -f "$DIR/node.pid" "$DIR/server.pid" "$DIR/epmd.pid"
}

cmd_stop() {
    [ -f "$1/node.env" ] || return 0
    load_env "$1"
    cmd_stop_loaded
}

cmd_ctl() {
    load_env "$1"; shift
    exec "$RMQ_BIN/rabbitmqctl" -n "$NODE_NAME" "$@"
}

cmd_plugins() {
    load_env "$1"; shift
    exec "$RMQ_BIN/rabbitmq-plugins" -n "$NODE_NAME" "$@"
}

cmd_stop_all() {
    local root=$1 f
    [ -d "$root" ] || return 0
    while IFS= read -r f; do
        ( cmd_stop "$(dirname "$f")" ) < /dev/null &
    done < <(find "$root" -name node.env -type f 2>/dev/null)
    wait || true
}

[ $# -ge 1 ] || { sed -n '2,28p' "$0"; exit 2; }
verb=$1; shift
case "$verb" in
    init)     [ $# -ge 1 ] || die "usage: init DIR [NAME]"; cmd_init "$@" ;;
    start)    [ $# -eq 1 ] || die "usage: start DIR"; cmd_start "$1" ;;
    stop)     [ $# -eq 1 ] || die "usage: stop DIR"; cmd_stop "$1" ;;
    ctl)      [ $# -ge 1 ] || die "usage: ctl DIR ARGS..."; cmd_ctl "$@" ;;
    plugins)  [ $# -ge 1 ] || die "usage: plugins DIR ARGS..."; cmd_plugins "$@" ;;
    stop-all) [ $# -eq 1 ] || die "usage: stop-all ROOT"; cmd_stop_all "$1" ;;
    *) die "unknown command: $verb" ;;
esac
