# Shared helpers for the scripts in bin/. Source it; it defines functions and ROOT only.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by the scripts that source this file
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

note() {
  printf '%s: %s\n' "$(basename "$0")" "$*"
}

# Prints the major Java version of the JDK at $1, or nothing if it is not a JDK.
jdk_major() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -1)
  fi
  case $version in
    1.*) version=${version#1.} ;;
  esac
  printf '%s\n' "${version%%[.+-]*}"
}

# Sets JAVA_HOME to a JDK 21 or newer: $JAVA_HOME if it qualifies, else Temurin under
# /usr/lib/jvm, else any JDK under /usr/lib/jvm, else the one behind `java` on PATH.
find_jdk() {
  local candidate major on_path=""
  if command -v java >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-*/ /usr/lib/jvm/*/ "$on_path"; do
    if [ -z "$candidate" ] || [ ! -d "$candidate" ]; then
      continue
    fi
    candidate=${candidate%/}
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME=$candidate
      return 0
    fi
  done
  die "no JDK 21 or newer found (checked JAVA_HOME, /usr/lib/jvm/*, java on PATH); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, and set JAVA_HOME"
}

# HTTP status of a GET to $1 ("000" when nothing answers).
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed ($2)"
}
