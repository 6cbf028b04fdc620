#!/usr/bin/env bash
# Microbenchmark of the access decision on a generated directory of 10,000 users, 5,000 groups
# and 2,000 projects (portal/src/test/java/io/k8tre/portal/bench/DecisionBenchmark.java).
# Prints each result and its ratio to the reference measured in the same run.
#
#   bench/jmh.sh                 about 2 minutes
#   JMH_ARGS="-f 2 -i 10" bench/jmh.sh
set -euo pipefail

# shellcheck source=../bin/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../bin/lib/common.sh"
find_jdk
cd "$ROOT"
out=$ROOT/bench/results
mkdir -p "$out"

note "building the portal's test classes"
# One invocation, so the reactor hands the api module's classes to the portal's class path.
mvn -q -B -DskipTests -Dspotless.check.skip test-compile dependency:build-classpath -pl api,portal \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" </dev/null >/dev/null

classpath="portal/target/test-classes:portal/target/classes:$(cat "$out/classpath.txt")"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options on purpose
"$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main DecisionBenchmark \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$out/jmh.json" ${JMH_ARGS:-}

python3 - "$out/jmh.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
def ns(row):
    score, unit = row["primaryMetric"]["score"], row["primaryMetric"]["scoreUnit"]
    return score * {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6}[unit]
by = {r["benchmark"].rsplit(".", 1)[1]: r for r in rows}
ref = ns(by["referenceMapLookup"])
print(f"\nreference: one lookup in a 10,000-entry map = {ref:.1f} ns")
for name, row in by.items():
    m = row["primaryMetric"]
    print(f"{name:24s} {m['score']:12.3f} {m['scoreUnit']:6s} ± {m['scoreError']:.3f}   = {ns(row) / ref:10.1f} x reference")
PY
