#!/usr/bin/env bash
# Audit write throughput against PostgreSQL on 127.0.0.1:5432
# (portal/src/test/java/io/k8tre/portal/audit/AuditWriteBenchmark.java): a batch of 500 events
# as the writer thread writes it, the same rows one INSERT each (the reference, measured in the
# same run), and what a request pays to hand an event to the buffer.
#
#   bench/audit.sh               about 2 minutes
#   JMH_ARGS="-i 10" bench/audit.sh
set -euo pipefail

# shellcheck source=../bin/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/common.sh"
find_jdk
require_command psql "apt-get install postgresql-client"
cd "$ROOT"
out=$ROOT/bench/results
mkdir -p "$out"

note "an empty database k8tre_portal_bench_audit"
psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS k8tre_portal_bench_audit WITH (FORCE)' \
  -c 'CREATE DATABASE k8tre_portal_bench_audit' </dev/null

note "building the portal's test classes"
mvn -q -B -DskipTests -Dspotless.check.skip test-compile dependency:build-classpath -pl api,portal \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" </dev/null >/dev/null

classpath="portal/target/test-classes:portal/target/classes:$(cat "$out/classpath.txt")"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options on purpose
"$JAVA_HOME/bin/java" -Dk8tre.bench.jdbc="jdbc:postgresql://127.0.0.1:5432/k8tre_portal_bench_audit?user=postgres" \
  -cp "$classpath" org.openjdk.jmh.Main AuditWriteBenchmark \
  -f 1 -wi 2 -w 2s -i 5 -r 2s -rf json -rff "$out/audit.json" ${JMH_ARGS:-} | tee "$out/audit.txt"

python3 - "$out/audit.json" <<'PY' | tee -a "$out/audit.txt"
import json, sys
rows = json.load(open(sys.argv[1]))
def us(row):
    score, unit = row["primaryMetric"]["score"], row["primaryMetric"]["scoreUnit"]
    return score * {"ns/op": 1e-3, "us/op": 1, "ms/op": 1e3}[unit]
by = {r["benchmark"].rsplit(".", 1)[1]: r for r in rows}
batch = 500
ref = us(by["referenceRowByRow"])
store = us(by["storeBatch"])
print(f"\nreference: {batch} rows, one INSERT each = {ref / 1000:.1f} ms = {batch / ref * 1e6:,.0f} events/s")
print(f"storeBatch: {batch} rows in one batch  = {store / 1000:.1f} ms = {batch / store * 1e6:,.0f} events/s"
      f"   = {ref / store:.1f} x the reference's throughput")
rec = by["recordOne"]["primaryMetric"]
print(f"recordOne (a request's cost)           = {rec['score']:.0f} {rec['scoreUnit']} ± {rec['scoreError']:.0f}")
PY
