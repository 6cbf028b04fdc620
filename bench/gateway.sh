#!/usr/bin/env bash
# Throughput and latency of the auth_request pattern, all through the same nginx, in one run:
#   (a) auth_request to the portal's /auth/validate with a valid project token
#   (b) auth_request to a location nginx answers itself: the limit of the pattern
#   (c) the portal's /auth/validate called directly
#   (d) auth_request to Apache + mod_auth_openidc checking its own session (same Keycloak)
#   (e) auth_request to the portal with a token used on another person's notebook: refused, and
#       every refusal is an audit record
# (a) and (e) run twice, against two portals that differ only in portal.audit.enabled, so the
# cost of auditing is measured in the same run: (a) folds its allows into one record per
# interval, (e) writes one per request. The portals run as the packaged jar with sessions and
# audit in PostgreSQL and share one signing key. Results and the ratios are printed and kept in
# bench/results/.
#
#   bench/gateway.sh                       10 s per case, 16 connections
#   BENCH_DURATION=30s BENCH_CONNECTIONS=32 BENCH_WARMUP_SECONDS=30 bench/gateway.sh
#
# Needs: nginx, apache2, libapache2-mod-auth-openidc, wrk (Debian packages), PostgreSQL on
# 127.0.0.1:5432, python3-cryptography, a JDK 21+ and Maven. Uses ports 8180, 18090, 18100, 18480
# and 18481.
set -euo pipefail

# shellcheck source=../bin/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/common.sh"
for cmd in nginx apache2 wrk curl envsubst psql python3 mvn; do
  require_command "$cmd" "apt-get install nginx apache2 libapache2-mod-auth-openidc wrk gettext-base"
done
find_jdk

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
export STATE=$ROOT/.cache/bench PORTAL_PORT=18480 PORTAL_OFF_PORT=18481 NGINX_PORT=18090
export APACHE_PORT=18100
export KEYCLOAK=http://localhost:8180
HERE=$ROOT/bench/gateway
RESULTS=$ROOT/bench/results
started_keycloak=""
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$STATE/apache/httpd.pid" ] && kill "$(cat "$STATE/apache/httpd.pid")" 2>/dev/null || true
  [ -n "$started_keycloak" ] && "$ROOT/bin/keycloak.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

for port in $PORTAL_PORT $PORTAL_OFF_PORT $NGINX_PORT $APACHE_PORT; do
  port_in_use "$port" && die "port $port is in use; stop what listens there first"
done
rm -rf "$STATE" && mkdir -p "$STATE"/tmp/{body,proxy,fastcgi,uwsgi,scgi} "$STATE/apache/htdocs" "$RESULTS"
touch "$STATE/apache/htdocs/auth-check"
printf 'ok\n' >"$STATE/ok.txt"
chown -R www-data "$STATE/apache" 2>/dev/null || true

note "building the portal jar"
(cd "$ROOT" && mvn -q -B -DskipTests -Dspotless.check.skip package -pl api,portal </dev/null)

if ! "$ROOT/bin/keycloak.sh" status >/dev/null 2>&1; then
  "$ROOT/bin/keycloak.sh" start
  started_keycloak=yes
fi

# The peer's own Keycloak client, registered through the admin API (demo admin).
admin=$(curl -s "$KEYCLOAK/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
  -d password="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
export APACHE_SECRET APACHE_PASSPHRASE
APACHE_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
APACHE_PASSPHRASE=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $admin" \
  "$KEYCLOAK/admin/realms/k8tre-app/clients/$(curl -s -H "Authorization: Bearer $admin" \
  "$KEYCLOAK/admin/realms/k8tre-app/clients?clientId=bench-apache" | python3 -c 'import json,sys; c=json.load(sys.stdin); print(c[0]["id"] if c else "none")')" || true
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  "$KEYCLOAK/admin/realms/k8tre-app/clients" -d "{\"clientId\":\"bench-apache\",\"secret\":\"$APACHE_SECRET\",
  \"publicClient\":false,\"standardFlowEnabled\":true,\"redirectUris\":[\"http://localhost:$APACHE_PORT/protected/redirect_uri\"]}"

note "starting two packaged portals (sessions and audit in PostgreSQL), audit on and off"
psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS k8tre_portal_bench WITH (FORCE)' \
  -c 'CREATE DATABASE k8tre_portal_bench' </dev/null
python3 "$HERE/jwks.py" "$STATE/signing-keys.json"
# $1 port, $2 log name, then extra options. One after the other: the first migrates the schema.
start_portal() {
  local port=$1 name=$2
  shift 2
  "$JAVA_HOME/bin/java" -jar "$ROOT/portal/target/k8tre-portal.jar" --spring.profiles.active=demo \
    --server.port="$port" --portal.public-url=http://localhost:$PORTAL_PORT \
    --portal.directory.folder="$ROOT/samples/k8tre-sample" --portal.session.store=jdbc \
    --portal.gateway.signing-keys-file="$STATE/signing-keys.json" \
    --spring.autoconfigure.exclude= --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/k8tre_portal_bench \
    --spring.datasource.username=postgres "$@" >"$STATE/$name.log" 2>&1 </dev/null &
  pids+=($!)
  for _ in $(seq 1 120); do
    [ "$(http_status "http://localhost:$port/actuator/health/readiness")" = 200 ] && return 0
    sleep 1
  done
  die "portal on $port not ready; see $STATE/$name.log"
}
start_portal "$PORTAL_PORT" portal
start_portal "$PORTAL_OFF_PORT" portal-audit-off --portal.audit.enabled=false

envsubst '${STATE} ${PORTAL_PORT} ${PORTAL_OFF_PORT} ${NGINX_PORT} ${APACHE_PORT}' \
  <"$HERE/nginx.conf.template" >"$STATE/nginx.conf"
envsubst '${STATE} ${APACHE_PORT} ${KEYCLOAK} ${APACHE_SECRET} ${APACHE_PASSPHRASE}' \
  <"$HERE/apache.conf.template" >"$STATE/apache/httpd.conf"
nginx -c "$STATE/nginx.conf" </dev/null >"$STATE/nginx.out" 2>&1 &
pids+=($!)
apache2 -f "$STATE/apache/httpd.conf" -k start </dev/null

# Logs in through Keycloak's form with curl; $1 = start URL, $2 = cookie jar.
keycloak_login() {
  local page action
  page=$(curl -s -L -c "$2" -b "$2" "$1")
  action=$(printf '%s' "$page" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -1 \
    | sed -E 's/action="([^"]*)"/\1/; s/&amp;/\&/g')
  [ -n "$action" ] || die "no Keycloak login form at $1"
  curl -s -L -o /dev/null -c "$2" -b "$2" --data-urlencode username=trevolution \
    --data-urlencode password=k8tre --data credentialId= "$action"
}

note "logging in to the portal and launching asthma/jupyterhub"
keycloak_login "http://localhost:$PORTAL_PORT/login" "$STATE/portal.jar"
curl -s -o /dev/null -c "$STATE/portal.jar" -b "$STATE/portal.jar" "http://localhost:$PORTAL_PORT/launch/asthma/jupyterhub"
token=$(awk '$6=="k8tre-auth-token-asthma"{print $7}' "$STATE/portal.jar")
[ -n "$token" ] || die "no project token after launch; see $STATE/portal.log"
portal_cookie="k8tre-auth-token-asthma=$token; k8tre-project=asthma"

note "logging in to Apache (mod_auth_openidc)"
keycloak_login "http://localhost:$APACHE_PORT/protected/" "$STATE/apache.jar"
apache_cookie=$(awk '$6=="mod_auth_openidc_session"{print $6"="$7}' "$STATE/apache.jar")
[ -n "$apache_cookie" ] || die "no mod_auth_openidc session; see $STATE/apache/error.log"

nginx_url=http://localhost:$NGINX_PORT
# The checks must really run: without credentials (a) and (d) are refused, with them allowed.
[ "$(http_status "$nginx_url/hub/bench-a")" = 401 ] || die "(a) answered without a token: auth_request is not in effect"
[ "$(http_status "$nginx_url/hub/bench-d")" = 401 ] || die "(d) answered without a session: auth_request is not in effect"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $portal_cookie" "$nginx_url/hub/bench-a")" = 200 ] \
  || die "(a) refused the launched token; see $STATE/portal.log"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $portal_cookie" "$nginx_url/hub/bench-a-off")" = 200 ] \
  || die "(a, audit off) refused the launched token; see $STATE/portal-audit-off.log"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $portal_cookie" "$nginx_url/user/alwin-asthma/bench-e")" = 403 ] \
  || die "(e) was not refused; see $STATE/portal.log"
run() { # name url cookie [extra header]
  local name=$1 url=$2 cookie=$3 extra=${4:-X-Bench: 1}
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$HERE/status.lua" -H "Cookie: $cookie" -H "$extra" "$url" \
    >"$STATE/wrk-$name-warmup.txt" # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/status.lua" -H "Cookie: $cookie" -H "$extra" \
    "$url" >"$STATE/wrk-$name.txt"
}
# Both JVMs compile their hot paths first; a cold portal measures the JIT, not the gateway.
note "warming up both portals: ${WARMUP}s of each portal case"
for path in hub/bench-a hub/bench-a-off user/alwin-asthma/bench-e user/alwin-asthma/bench-e-off; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $portal_cookie" "$nginx_url/$path" >/dev/null
done
denials() {
  psql -tA -h 127.0.0.1 -U postgres -d k8tre_portal_bench \
    -c "SELECT count(*) FROM audit_event WHERE kind = 'gateway.deny'" </dev/null
}
note "measuring: $DURATION per case, $CONNECTIONS connections, 2 wrk threads"
# The portal cases twice, in turn, so drift in the machine's load touches audit on and off alike.
for round in 1 2; do
  run "a$round" "$nginx_url/hub/bench-a" "$portal_cookie"
  run "a-off$round" "$nginx_url/hub/bench-a-off" "$portal_cookie"
  rows_before=$(denials)
  run "e$round" "$nginx_url/user/alwin-asthma/bench-e" "$portal_cookie"
  sleep 2 # the writer drains what is buffered
  printf '%s\n' "$(($(denials) - rows_before))" >"$STATE/audit-rows-e$round.txt"
  run "e-off$round" "$nginx_url/user/alwin-asthma/bench-e-off" "$portal_cookie"
  if [ "$round" = 1 ]; then
    run b "$nginx_url/hub/bench-b" "$portal_cookie"
    run c "http://127.0.0.1:$PORTAL_PORT/auth/validate" "$portal_cookie" "X-Original-URL: $nginx_url/hub/bench-a"
    run d "$nginx_url/hub/bench-d" "$apache_cookie"
  fi
done

report=$RESULTS/gateway-$(date -u +%Y%m%dT%H%M%SZ).txt
python3 "$HERE/report.py" "$STATE" "$DURATION" "$CONNECTIONS" | tee "$report"
note "kept in $report"
