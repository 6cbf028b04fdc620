"""Reads the four wrk outputs of bench/gateway.sh and prints the table and the ratios."""
import re
import sys

state, duration, connections = sys.argv[1:4]
names = {
    "a": "(a) nginx auth_request -> portal",
    "b": "(b) nginx auth_request -> nginx 200",
    "c": "(c) portal /auth/validate direct",
    "d": "(d) nginx auth_request -> Apache mod_auth_openidc",
}


def millis(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


results = {}
for key in names:
    out = open(f"{state}/wrk-{key}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = millis(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = millis(re.search(r"\s99%\s+(\S+)", out).group(1))
    statuses = dict((int(c), int(n)) for c, n in re.findall(r"status (\d+): (\d+)", out))
    bad = sum(n for c, n in statuses.items() if not 200 <= c < 300)
    results[key] = (rps, p50, p99, bad, statuses)

print(f"auth_request benchmark: {duration} per case, {connections} connections, 2 wrk threads")
print(f"{'case':52s} {'req/s':>10s} {'p50 ms':>8s} {'p99 ms':>8s} {'non-2xx':>8s}")
for key, label in names.items():
    rps, p50, p99, bad, _ = results[key]
    print(f"{label:52s} {rps:10.0f} {p50:8.2f} {p99:8.2f} {bad:8d}")
a, b, d = results["a"], results["b"], results["d"]
print()
print(f"throughput (a)/(b) = {a[0] / b[0]:.2f}   target >= 0.50  {'met' if a[0] / b[0] >= 0.5 else 'NOT met'}")
print(f"p99        (a)/(b) = {a[2] / b[2]:.2f}   target <= 3.00  {'met' if a[2] / b[2] <= 3 else 'NOT met'}")
print(f"throughput (a)/(d) = {a[0] / d[0]:.2f}   target >= 3.00  {'met' if a[0] / d[0] >= 3 else 'NOT met'}")
print(f"non-2xx answers: {sum(r[3] for r in results.values())}   target 0")
