#!/usr/bin/env bash
# Starts, stops and reports the local services PulsePipeline uses: Azurite (tables, queues, blobs) and
# smtp4dev (SMTP + web UI/API). Each runs on loopback in its own process group; its PID is written under
# $PULSE_SERVICES_DIR, and `stop` ends exactly those process groups.
#
#   scripts/services.sh start|stop|status|env [azurite|smtp4dev]
#
# Ports and the state directory come from the environment (defaults in scripts/ports.sh), so two checkouts
# or a test run beside a demo can run side by side.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/ports.sh
source "$root/scripts/ports.sh"

state="$PULSE_SERVICES_DIR"
mkdir -p "$state"

log() { printf '[services] %s\n' "$*" >&2; }

alive() { # pidfile
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Polls a URL until it answers with any HTTP status, or fails after the deadline.
wait_http() { # name url seconds logfile
  local name=$1 url=$2 deadline=$((SECONDS + $3)) log=$4
  until curl -s -o /dev/null --max-time 2 "$url"; do
    if (( SECONDS >= deadline )); then
      log "$name did not answer at $url within $3 s; last log lines:"
      tail -n 20 "$log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

port_in_use() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Refuses to start on a port something else holds: the readiness poll would otherwise talk to a stranger.
require_free_ports() { # name port...
  local name=$1; shift
  for port in "$@"; do
    if port_in_use "$port"; then
      log "cannot start $name: 127.0.0.1:$port is already in use by another process (see scripts/ports.sh to choose other ports)"
      return 1
    fi
  done
}

start_azurite() {
  local pidfile="$state/azurite.pid" logfile="$state/azurite.log"
  if alive "$pidfile"; then log "azurite already running (pid $(cat "$pidfile"))"; return; fi
  require_free_ports azurite "$PULSE_BLOB_PORT" "$PULSE_QUEUE_PORT" "$PULSE_TABLE_PORT"
  [[ -x "$root/node_modules/.bin/azurite" ]] || { log "azurite is not installed: run npm ci in $root"; return 1; }
  mkdir -p "$state/azurite-data"
  # Data on disk (--location), never --inMemoryPersistence: in memory, Azurite stalls after a few
  # thousand queue messages. --skipApiVersionCheck lets newer Azure SDKs talk to it.
  setsid "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --disableTelemetry \
    --location "$state/azurite-data" \
    --blobHost 127.0.0.1 --blobPort "$PULSE_BLOB_PORT" \
    --queueHost 127.0.0.1 --queuePort "$PULSE_QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$PULSE_TABLE_PORT" \
    >"$logfile" 2>&1 < /dev/null &
  echo $! >"$pidfile"
  wait_http azurite "http://127.0.0.1:$PULSE_BLOB_PORT/devstoreaccount1?comp=list" 60 "$logfile"
  wait_http azurite "http://127.0.0.1:$PULSE_QUEUE_PORT/devstoreaccount1?comp=list" 60 "$logfile"
  wait_http azurite "http://127.0.0.1:$PULSE_TABLE_PORT/devstoreaccount1/Tables" 60 "$logfile"
  log "azurite on 127.0.0.1:$PULSE_BLOB_PORT/$PULSE_QUEUE_PORT/$PULSE_TABLE_PORT (pid $(cat "$pidfile"))"
}

start_smtp4dev() {
  local pidfile="$state/smtp4dev.pid" logfile="$state/smtp4dev.log"
  if alive "$pidfile"; then log "smtp4dev already running (pid $(cat "$pidfile"))"; return; fi
  require_free_ports smtp4dev "$PULSE_SMTP_PORT" "$PULSE_SMTP4DEV_HTTP_PORT"
  mkdir -p "$state/smtp4dev-data"
  # In-memory message store (--db=), no IMAP/POP3, loopback only, enough room for a full-scale wave.
  # `dotnet smtp4dev` resolves the local tool from the manifest in $root.
  (cd "$root"
    setsid dotnet smtp4dev --urls="http://127.0.0.1:$PULSE_SMTP4DEV_HTTP_PORT" \
      --smtpport="$PULSE_SMTP_PORT" --bindaddress=127.0.0.1 --imapport= --pop3port= --db= \
      --nousersettings --messagestokeep=200000 --baseappdatapath="$state/smtp4dev-data" \
      >"$logfile" 2>&1 < /dev/null &
    echo $! >"$pidfile")
  wait_http smtp4dev "http://127.0.0.1:$PULSE_SMTP4DEV_HTTP_PORT/api/messages" 90 "$logfile"
  log "smtp4dev SMTP on 127.0.0.1:$PULSE_SMTP_PORT, web UI http://127.0.0.1:$PULSE_SMTP4DEV_HTTP_PORT (pid $(cat "$pidfile"))"
}

stop_one() { # name
  local pidfile="$state/$1.pid"
  if ! alive "$pidfile"; then rm -f "$pidfile"; return; fi
  local pid deadline=$((SECONDS + 15))
  pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS >= deadline )); then kill -KILL -- "-$pid" 2>/dev/null || true; break; fi
    sleep 0.2
  done
  rm -f "$pidfile"
  log "stopped $1 (pid $pid)"
}

status_one() {
  if alive "$state/$1.pid"; then echo "$1: running (pid $(cat "$state/$1.pid"))"; else echo "$1: stopped"; fi
}

usage() { log "usage: $0 start|stop|status|env [azurite|smtp4dev]"; }

action=${1:-status}
shift || true
case "$action" in -h | --help | -\?) usage; exit 0 ;; esac
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(azurite smtp4dev)
for t in "${targets[@]}"; do
  [[ $t == azurite || $t == smtp4dev ]] || { log "unknown service '$t' (azurite|smtp4dev)"; exit 2; }
done

case "$action" in
  start) for t in "${targets[@]}"; do "start_$t"; done ;;
  stop) for t in "${targets[@]}"; do stop_one "$t"; done ;;
  status) for t in "${targets[@]}"; do status_one "$t"; done ;;
  env) pulse_local_env ;;
  *) usage; exit 2 ;;
esac
