#!/usr/bin/env bash
# nginx and JupyterHub for the end-to-end tests, on loopback, as they are deployed: nginx renders
# deploy/base/auth-proxy/nginx-jupyterhub.conf.template and asks the portal's /auth/validate about
# every request; JupyterHub runs deploy/components/jupyterhub/ with the signed-header login.
#
#   bin/e2e-services.sh start    start both (idempotent), wait until both answer
#   bin/e2e-services.sh stop     stop both, and every process they started
#   bin/e2e-services.sh status   exit 0 when both answer
#
# Installs nothing: needs Debian's nginx and jupyterhub packages (bin/test installs them).
# The portal itself is not started here; nginx expects it at E2E_PORTAL_URL.
#
# Environment: E2E_NGINX_PORT (18090), E2E_HUB_PORT (18000; the hub API and the hub take the next
# two ports), E2E_PORTAL_URL (http://localhost:18480), K8TRE_CACHE (<repo>/.cache).
# State, logs and the generated header secret (auth-sig-secret) are in $K8TRE_CACHE/e2e/.
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

NGINX_PORT=${E2E_NGINX_PORT:-18090}
HUB_PORT=${E2E_HUB_PORT:-18000}
PORTAL_URL=${E2E_PORTAL_URL:-http://localhost:18480}
CACHE=${K8TRE_CACHE:-$ROOT/.cache}
STATE=$CACHE/e2e
SECRET_FILE=$STATE/auth-sig-secret
NGINX_DIR=$STATE/nginx
HUB_DIR=$STATE/jupyterhub
NGINX_PID=$NGINX_DIR/nginx.pid
HUB_PID=$HUB_DIR/jupyterhub.run.pid
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
TEMPLATE=$ROOT/deploy/base/auth-proxy/nginx-jupyterhub.conf.template
HUB_CONFIG=$ROOT/deploy/components/jupyterhub/jupyterhub_config.py
START_TIMEOUT=${E2E_START_TIMEOUT:-60}

alive_pid() {
  local pid
  [ -f "$1" ] || return 1
  pid=$(cat "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

require_packages() {
  local missing=""
  [ -x "$NGINX" ] || missing="$missing nginx"
  [ -x /usr/bin/jupyterhub ] && [ -x /usr/bin/configurable-http-proxy ] || missing="$missing jupyterhub"
  command -v envsubst >/dev/null 2>&1 || missing="$missing gettext-base"
  [ -z "$missing" ] || die "missing Debian packages:$missing; run: apt-get install -y$missing (bin/test does it)"
}

ensure_secret() {
  mkdir -p "$STATE"
  if [ ! -s "$SECRET_FILE" ]; then
    (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$SECRET_FILE")
  fi
}

wait_for() {
  local url=$1 pid=$2 log=$3 what=$4 started
  started=$(date +%s)
  until [ "$(http_status "$url")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      die "$what exited during start-up; log: $log"
    fi
    if [ $(($(date +%s) - started)) -ge "$START_TIMEOUT" ]; then
      tail -n 30 "$log" >&2 || true
      die "$what did not answer $url within ${START_TIMEOUT}s; log: $log"
    fi
    sleep 0.2
  done
}

start_nginx() {
  local pid
  if pid=$(alive_pid "$NGINX_PID"); then
    note "nginx already running (pid $pid) on 127.0.0.1:$NGINX_PORT"
    return 0
  fi
  port_in_use "$NGINX_PORT" && die "port $NGINX_PORT is taken by another program; stop it or set E2E_NGINX_PORT"
  mkdir -p "$NGINX_DIR/tmp"
  LISTEN_PORT="127.0.0.1:$NGINX_PORT" \
  PORTAL_VALIDATE_URL="${PORTAL_URL/localhost/127.0.0.1}/auth/validate" \
  PORTAL_URL="$PORTAL_URL" \
  UPSTREAM="http://127.0.0.1:$HUB_PORT" \
    envsubst '${LISTEN_PORT} ${PORTAL_VALIDATE_URL} ${PORTAL_URL} ${UPSTREAM}' \
    <"$TEMPLATE" >"$NGINX_DIR/jupyterhub.conf"
  # The main file only holds what a container image would provide: paths a non-system nginx can
  # write to, and logs kept with the state.
  cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $NGINX_PID;
error_log $NGINX_DIR/error.log info;
events { worker_connections 1024; }
http {
  access_log $NGINX_DIR/access.log;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  include $NGINX_DIR/jupyterhub.conf;
}
CONF
  "$NGINX" -q -t -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" ||
    die "nginx rejected $NGINX_DIR/nginx.conf (rendered from $TEMPLATE)"
  setsid nohup "$NGINX" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" \
    </dev/null >"$NGINX_DIR/stdout.log" 2>&1 &
  pid=$!
  wait_for "http://127.0.0.1:$NGINX_PORT/health" "$pid" "$NGINX_DIR/error.log" nginx
  note "nginx is up on http://localhost:$NGINX_PORT/ (pid $pid) -> portal $PORTAL_URL, hub 127.0.0.1:$HUB_PORT"
}

start_hub() {
  local pid port started
  if pid=$(alive_pid "$HUB_PID"); then
    note "JupyterHub already running (pid $pid) on 127.0.0.1:$HUB_PORT"
    return 0
  fi
  for port in "$HUB_PORT" $((HUB_PORT + 1)) $((HUB_PORT + 2)); do
    port_in_use "$port" && die "port $port is taken by another program; stop it or set E2E_HUB_PORT"
  done
  # A fresh hub every time: no users, servers or homes left from an earlier run.
  rm -rf "$HUB_DIR"
  mkdir -p "$HUB_DIR/home"
  started=$(date +%s%N)
  # Debian's python explicitly (a pyenv python3 on PATH lacks JupyterHub); cwd in the state
  # folder, so stop can find every process the hub started by its working directory.
  (cd "$HUB_DIR" &&
    E2E_STATE_DIR="$HUB_DIR" AUTH_SIG_SECRET_FILE="$SECRET_FILE" PORTAL_URL="$PORTAL_URL" \
    HUB_PUBLIC_PORT="$HUB_PORT" \
      exec setsid nohup /usr/bin/python3 /usr/bin/jupyterhub -f "$HUB_CONFIG" \
      </dev/null >"$HUB_DIR/jupyterhub.log" 2>&1) &
  pid=$!
  printf '%s\n' "$pid" >"$HUB_PID"
  wait_for "http://127.0.0.1:$HUB_PORT/hub/health" "$pid" "$HUB_DIR/jupyterhub.log" JupyterHub
  note "JupyterHub is up on 127.0.0.1:$HUB_PORT (pid $pid) after $((($(date +%s%N) - started) / 1000000)) ms"
}

# Every process whose working directory is inside $1: the hub, its proxy, user servers, kernels.
processes_under() {
  local dir=$1 proc cwd
  for proc in /proc/[0-9]*; do
    cwd=$(readlink "$proc/cwd" 2>/dev/null) || continue
    case $cwd in
      "$dir" | "$dir"/*) printf '%s\n' "${proc#/proc/}" ;;
    esac
  done
}

stop_hub() {
  local pid waited=0 left
  if pid=$(alive_pid "$HUB_PID"); then
    # TERM to the hub alone: it stops the user servers and the proxy itself (cleanup_servers).
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 75 ]; do
      sleep 0.2
      waited=$((waited + 1))
    done
  fi
  rm -f "$HUB_PID"
  [ -d "$HUB_DIR" ] || return 0
  left=$(processes_under "$HUB_DIR")
  if [ -n "$left" ]; then
    # shellcheck disable=SC2086 # one pid per word
    kill -TERM $left 2>/dev/null || true
    sleep 1
    left=$(processes_under "$HUB_DIR")
    # shellcheck disable=SC2086
    [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
  fi
  note "JupyterHub stopped"
}

stop_nginx() {
  local pid waited=0
  if pid=$(alive_pid "$NGINX_PID"); then
    kill -QUIT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$waited" -ge 50 ]; then
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    note "nginx stopped"
  fi
  rm -f "$NGINX_PID"
}

status() {
  local ok=0
  if [ "$(http_status "http://127.0.0.1:$NGINX_PORT/health")" = 200 ]; then
    note "nginx answers on 127.0.0.1:$NGINX_PORT"
  else
    note "nginx does not answer on 127.0.0.1:$NGINX_PORT"
    ok=1
  fi
  if [ "$(http_status "http://127.0.0.1:$HUB_PORT/hub/health")" = 200 ]; then
    note "JupyterHub answers on 127.0.0.1:$HUB_PORT"
  else
    note "JupyterHub does not answer on 127.0.0.1:$HUB_PORT"
    ok=1
  fi
  return "$ok"
}

case ${1:-} in
  start)
    require_packages
    ensure_secret
    start_hub
    start_nginx
    ;;
  stop)
    stop_nginx
    stop_hub
    ;;
  status) status ;;
  *)
    echo "usage: $(basename "$0") start|stop|status" >&2
    exit 2
    ;;
esac
