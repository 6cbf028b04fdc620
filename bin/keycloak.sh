#!/usr/bin/env bash
# Local Keycloak for the demo and the integration tests.
#
#   bin/keycloak.sh fetch    unpack Keycloak into the cache folder (once)
#   bin/keycloak.sh start    start it in dev mode with the demo realm, wait until ready
#   bin/keycloak.sh stop     stop it
#   bin/keycloak.sh status   exit 0 when the demo realm answers
#
# Environment: KEYCLOAK_PORT (8180), KEYCLOAK_VERSION (26.7.3), K8TRE_CACHE (<repo>/.cache),
# KEYCLOAK_REALM_FILE (demo/keycloak/k8tre-app-realm.json), KEYCLOAK_START_TIMEOUT (180, seconds),
# KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (admin / admin, demo only).
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

KC_VERSION=${KEYCLOAK_VERSION:-26.7.3}
PORT=${KEYCLOAK_PORT:-8180}
CACHE=${K8TRE_CACHE:-$ROOT/.cache}
REALM_FILE=${KEYCLOAK_REALM_FILE:-$ROOT/demo/keycloak/k8tre-app-realm.json}
START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-180}
KC_HOME=$CACHE/keycloak-$KC_VERSION
PID_FILE=$CACHE/keycloak.pid
LOG_FILE=$CACHE/keycloak.log
DISCOVERY=http://localhost:$PORT/realms/k8tre-app/.well-known/openid-configuration

is_up() {
  [ "$(http_status "$DISCOVERY")" = 200 ]
}

running_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

fetch() {
  local staging output
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    note "Keycloak $KC_VERSION is in $KC_HOME"
    return 0
  fi
  require_command mvn "install Maven 3.8+"
  mkdir -p "$CACHE"
  staging=$(mktemp -d --tmpdir="$CACHE")
  note "unpacking Keycloak $KC_VERSION into $KC_HOME"
  # Run outside the project so Maven does not resolve the reactor; the plugin version is pinned
  # because Maven's built-in default (2.8) predates the options used here.
  # Maven's output is kept for failures only: even with -q it prints stray colour codes.
  if ! output=$(cd "$staging" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$staging" </dev/null 2>&1); then
    printf '%s\n' "$output" >&2
    rm -rf "$staging"
    die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central"
  fi
  [ -x "$staging/keycloak-$KC_VERSION/bin/kc.sh" ] || chmod +x "$staging/keycloak-$KC_VERSION"/bin/*.sh
  mv "$staging/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$staging"
}

wait_until_ready() {
  local pid=$1 started=$2 now
  while ! is_up; do
    now=$(date +%s)
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "Keycloak exited during start-up; full log: $LOG_FILE"
    fi
    if [ $((now - started)) -ge "$START_TIMEOUT" ]; then
      tail -n 40 "$LOG_FILE" >&2 || true
      stop >/dev/null
      die "Keycloak did not answer $DISCOVERY within ${START_TIMEOUT}s; full log: $LOG_FILE"
    fi
    sleep 0.5
  done
}

start() {
  local pid started
  if is_up; then
    note "Keycloak already answers on port $PORT ($DISCOVERY)"
    return 0
  fi
  if pid=$(running_pid); then
    note "Keycloak (pid $pid) is still starting; waiting for it"
    wait_until_ready "$pid" "$(date +%s)"
    note "Keycloak is ready on http://localhost:$PORT/"
    return 0
  fi
  if port_in_use "$PORT"; then
    die "port $PORT is taken by another program; stop it or choose another KEYCLOAK_PORT"
  fi
  [ -r "$REALM_FILE" ] || die "realm file not found: $REALM_FILE"
  require_command curl "install curl"
  find_jdk
  fetch

  # A fresh data folder on every start: the import skips realms that already exist, so an old
  # database would hide changes to the realm file.
  rm -rf "$KC_HOME/data"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/k8tre-app-realm.json"

  started=$(date +%s)
  # setsid + nohup: Keycloak outlives this script and any terminal; stdin is closed because CI
  # runs without one. No fixed --hostname: Keycloak names itself (the issuer) after the address it
  # is asked at, so a client that reaches it through a relay or another port sees a consistent
  # issuer; the portal and the browser both use http://localhost:$PORT.
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
    setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$PORT" --hostname-strict=false \
      --import-realm </dev/null >"$LOG_FILE" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  note "starting Keycloak $KC_VERSION (pid $pid, JDK $JAVA_HOME, log $LOG_FILE)"

  wait_until_ready "$pid" "$started"
  note "Keycloak is ready on http://localhost:$PORT/ after $(($(date +%s) - started))s"
}

stop() {
  local pid waited=0
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    if is_up; then
      note "Keycloak on port $PORT was not started by this script (no pid in $PID_FILE); left running"
    else
      note "Keycloak is not running"
    fi
    return 0
  fi
  # setsid made the pid a process group leader: signal the group so the java child stops too.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 -- "-$pid" 2>/dev/null; do
    if [ "$waited" -ge 60 ]; then
      kill -KILL -- "-$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  note "Keycloak stopped"
}

status() {
  if is_up; then
    note "Keycloak is up: $DISCOVERY"
    return 0
  fi
  note "Keycloak is not answering on port $PORT"
  return 1
}

case ${1:-} in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $(basename "$0") fetch|start|stop|status" >&2
    exit 2
    ;;
esac
