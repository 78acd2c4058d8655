#!/usr/bin/env bash
# npm run demo: set the machine up, build, create and migrate the database,
# import the demo organisation, start the worker and the API, wait until the
# API is ready, print where to go and how to log in, then stay in the
# foreground until Ctrl-C (which stops both cleanly).
#
#   DEMO_DETACH=1 npm run demo    # return after printing; the servers keep running
#   PORT=3001 npm run demo        # another port
#
# Logs: var/log/api.log, var/log/worker.log. PIDs: var/run/api.pid, var/run/worker.pid.
# A demo started earlier (found through those PID files) is stopped first.
set -euo pipefail
# shellcheck source=scripts/lib/ensure-system.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/ensure-system.sh"
cd "$SARABAN_ROOT"

export PORT="${PORT:-3000}"
setup_export_env saraban
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$PORT}"

LOG_DIR=var/log
RUN_DIR=var/run
READY_URL="http://127.0.0.1:$PORT/health/ready"
export WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-3001}"
WORKER_READY_URL="http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready"
READY_TIMEOUT="${DEMO_READY_TIMEOUT:-120}"
API_MAIN=dist/apps/api/src/main.js
WORKER_MAIN=dist/apps/worker/src/main.js
MAIL_MAIN=dist/apps/mail-catcher/src/main.js
LINE_MAIN=dist/apps/line-double/src/main.js
# Notifications go to local doubles: a mail catcher (SMTP 1025, read the mail on 1080) and a
# LINE Messaging API double (1081) that records every push.
export MAIL_CATCHER_SMTP_PORT="${MAIL_CATCHER_SMTP_PORT:-1025}"
export MAIL_CATCHER_HTTP_PORT="${MAIL_CATCHER_HTTP_PORT:-1080}"
export LINE_DOUBLE_PORT="${LINE_DOUBLE_PORT:-1081}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$MAIL_CATCHER_SMTP_PORT}"
export LINE_API_BASE_URL="${LINE_API_BASE_URL:-http://127.0.0.1:$LINE_DOUBLE_PORT}"
# Webhooks to internal addresses are refused (SSRF) except these: the demo's receivers run on this machine.
export WEBHOOK_ALLOWED_NETWORKS="${WEBHOOK_ALLOWED_NETWORKS:-127.0.0.1,::1}"

demo_log() { printf '[demo] %s\n' "$*" >&2; }

# --- processes -------------------------------------------------------------

# _demo_is_ours PID SCRIPT: the process is alive and runs SCRIPT.
_demo_is_ours() {
  local pid="$1" script="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$script"
}

# _demo_stop_pids PID...: SIGTERM, wait up to 20 s, then SIGKILL.
_demo_stop_pids() {
  local pid i alive
  for pid in "$@"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 200; i++)); do
    alive=0
    for pid in "$@"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "$@"; do
    if kill -0 "$pid" 2>/dev/null; then
      demo_log "process $pid did not stop within 20s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true # reap our own children; no-op for others
  done
}

stop_previous_demo() {
  local name script pid pids=()
  for name in api worker mail-catcher line-double; do
    [[ -f "$RUN_DIR/$name.pid" ]] || continue
    script="$API_MAIN"
    [[ "$name" == worker ]] && script="$WORKER_MAIN"
    [[ "$name" == mail-catcher ]] && script="$MAIL_MAIN"
    [[ "$name" == line-double ]] && script="$LINE_MAIN"
    pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null || true)"
    if _demo_is_ours "$pid" "$script"; then
      pids+=("$pid")
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
  if ((${#pids[@]} > 0)); then
    demo_log "a previous demo is still running (pids ${pids[*]}); stopping it"
    _demo_stop_pids "${pids[@]}"
  fi
  if _setup_tcp_open 127.0.0.1 "$PORT"; then
    demo_log "ERROR: port $PORT is in use by another program (not a demo started from $SARABAN_ROOT)."
    demo_log "Stop it, or run on another port: PORT=3001 npm run demo"
    exit 1
  fi
}

# _demo_start NAME SCRIPT: start in its own session (Ctrl-C reaches only this
# script, which then stops the child cleanly), log to var/log/NAME.log.
# Sets DEMO_PID (no command substitution: the child must be this shell's own).
_demo_start() {
  local name="$1" script="$2" log="$LOG_DIR/$1.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  if command -v setsid >/dev/null 2>&1; then
    setsid node "$script" >"$log" 2>&1 </dev/null &
  else
    nohup node "$script" >"$log" 2>&1 </dev/null &
  fi
  DEMO_PID=$!
  echo "$DEMO_PID" >"$RUN_DIR/$name.pid"
}

_demo_tails() {
  local name
  for name in worker api; do
    if [[ -s "$LOG_DIR/$name.log" ]]; then
      printf '[demo] ---- last lines of %s/%s.log ----\n' "$LOG_DIR" "$name" >&2
      tail -n 40 "$LOG_DIR/$name.log" >&2
    fi
  done
}

# Stops the demo, with the logs' last lines, when the API or the worker no longer runs ($1: when).
_demo_exit_if_down() {
  local pid name
  for pid in "$API_PID" "$WORKER_PID"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      name=api
      [[ "$pid" == "$WORKER_PID" ]] && name=worker
      demo_log "ERROR: the $name exited $1"
      _demo_tails
      exit 1
    fi
  done
}

CHILD_PIDS=()
# Runs on exit (also after Ctrl-C/TERM/HUP): stops the children this run started.
stop_children() {
  trap '' INT TERM HUP
  if ((${#CHILD_PIDS[@]} > 0)); then
    demo_log "stopping the API, the worker, the mail catcher and the LINE double"
    _demo_stop_pids "${CHILD_PIDS[@]}"
    CHILD_PIDS=()
    rm -f "$RUN_DIR/api.pid" "$RUN_DIR/worker.pid" "$RUN_DIR/mail-catcher.pid" "$RUN_DIR/line-double.pid"
  fi
}

url_ready() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));
  ' "$1" 2>/dev/null
}

# Ready: the API answers, and the worker's renderer prints and its queue worker runs.
api_ready() {
  url_ready "$READY_URL" && url_ready "$WORKER_READY_URL"
}

# --- steps -----------------------------------------------------------------

mkdir -p "$LOG_DIR" "$RUN_DIR"
stop_previous_demo

setup_ensure_all

demo_log "building (npm run build)"
npm run build </dev/null

# Create the database named in DATABASE_URL when it is missing, connecting to
# the "postgres" maintenance database of the same server.
mapfile -t db_parts < <(node -e '
  const u = new URL(process.argv[1]);
  const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  u.pathname = "/postgres";
  console.log(db);
  console.log(u.toString());
' "$DATABASE_URL")
DB_NAME="${db_parts[0]:-}"
ADMIN_URL="${db_parts[1]:-}"
if [[ -z "$DB_NAME" || -z "$ADMIN_URL" ]]; then
  demo_log "ERROR: cannot parse DATABASE_URL=$DATABASE_URL"
  exit 1
fi
db_literal="${DB_NAME//\'/\'\'}"
db_ident="${DB_NAME//\"/\"\"}"
if [[ "$(psql "$ADMIN_URL" -X -tA -c "select 1 from pg_database where datname = '$db_literal'" </dev/null)" != "1" ]]; then
  demo_log "creating database $DB_NAME"
  psql "$ADMIN_URL" -X -q -c "CREATE DATABASE \"$db_ident\"" </dev/null
fi

demo_log "running migrations"
node dist/apps/cli/src/migration-run.js </dev/null

demo_log "importing the demo organisation (demo/organisation.yaml)"
node dist/apps/cli/src/org-import.js demo/organisation.yaml --self-signed-certificate </dev/null

# The queue board (/admin/queues) shows every organisation's jobs: it belongs to the deployment's
# operator, who is not a user of any organisation (OPERATOR_USERNAME, OPERATOR_PASSWORD_HASH).
# The demo makes one unless the environment names its own.
DEMO_OPERATOR_PASSWORD=""
if [[ -z "${OPERATOR_USERNAME:-}" && -z "${OPERATOR_PASSWORD_HASH:-}" ]]; then
  DEMO_OPERATOR_PASSWORD=demo-operator-password
  export OPERATOR_USERNAME=operator
  OPERATOR_PASSWORD_HASH="$(printf '%s' "$DEMO_OPERATOR_PASSWORD" | node dist/apps/cli/src/operator-password.js)"
  export OPERATOR_PASSWORD_HASH
fi

demo_log "notifications: demo emails, the LINE OA (the LINE double) and everyone's LINE link"
node dist/apps/cli/src/demo-notifications.js khampee </dev/null

trap stop_children EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

demo_log "starting the mail catcher and the LINE double (logs in $LOG_DIR/)"
_demo_start mail-catcher "$MAIL_MAIN"
CHILD_PIDS+=("$DEMO_PID")
_demo_start line-double "$LINE_MAIN"
CHILD_PIDS+=("$DEMO_PID")

demo_log "starting the worker and the API (logs in $LOG_DIR/)"
_demo_start worker "$WORKER_MAIN"
WORKER_PID="$DEMO_PID"
CHILD_PIDS+=("$WORKER_PID")
_demo_start api "$API_MAIN"
API_PID="$DEMO_PID"
CHILD_PIDS+=("$API_PID")

demo_log "waiting for $READY_URL and $WORKER_READY_URL (up to ${READY_TIMEOUT}s)"
deadline=$((SECONDS + READY_TIMEOUT))
until api_ready; do
  _demo_exit_if_down "during start-up"
  if ((SECONDS >= deadline)); then
    demo_log "ERROR: the API and the worker were not ready within ${READY_TIMEOUT}s"
    _demo_tails
    exit 1
  fi
  sleep 1
done

cat <<EOF

Saraban Flow is running.
  App:      http://localhost:$PORT/
  OpenAPI:  http://localhost:$PORT/api/docs
  Logs:     $LOG_DIR/api.log, $LOG_DIR/worker.log
  Mail:     http://localhost:$MAIL_CATCHER_HTTP_PORT/   (every notification email: the local mail catcher)
  LINE:     http://localhost:$LINE_DOUBLE_PORT/__calls   (every LINE push: the local LINE double, JSON)
EOF
if [[ -f demo/LOGINS.txt ]]; then
  echo
  echo "Demo logins:"
  cat demo/LOGINS.txt
fi
echo
echo "Queue board (the deployment's operator, not an organisation's user; the browser asks):"
if [[ -n "$DEMO_OPERATOR_PASSWORD" ]]; then
  echo "  http://localhost:$PORT/admin/queues   user: $OPERATOR_USERNAME   password: $DEMO_OPERATOR_PASSWORD"
elif [[ -n "${OPERATOR_USERNAME:-}" ]]; then
  echo "  http://localhost:$PORT/admin/queues   user: $OPERATOR_USERNAME (OPERATOR_PASSWORD_HASH from the environment)"
fi
echo

if [[ "${DEMO_DETACH:-0}" == "1" ]]; then
  trap - INT TERM HUP EXIT
  CHILD_PIDS=()
  echo "Running in the background (API pid $API_PID, worker pid $WORKER_PID)."
  echo "Stop with: kill \$(cat $RUN_DIR/api.pid $RUN_DIR/worker.pid)"
  exit 0
fi

echo "Press Ctrl-C to stop."
# Stay in the foreground until a signal arrives (the trap stops both) or one
# of the two exits by itself (then stop the other and fail).
while :; do
  wait -n "$API_PID" "$WORKER_PID" || true
  _demo_exit_if_down "unexpectedly"
done
