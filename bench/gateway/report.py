"""Reads the wrk outputs of bench/gateway.sh and prints the table and the ratios."""
import re
import sys

state, duration, connections = sys.argv[1:4]
single = {
    "b": "(b) nginx auth_request -> nginx 200",
    "c": "(c) portal /auth/validate direct",
    "d": "(d) nginx auth_request -> Apache mod_auth_openidc",
}
paired = {
    "a": "(a) nginx auth_request -> portal",
    "a-off": "(a) with portal.audit.enabled=false",
    "e": "(e) refused, one audit record each",
    "e-off": "(e) with portal.audit.enabled=false",
}
expected = {"e": 403, "e-off": 403}


def millis(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def statuses(path):
    return dict((int(c), int(n)) for c, n in re.findall(r"status (\d+): (\d+)", open(path).read()))


def read(name, want):
    out = open(f"{state}/wrk-{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = millis(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = millis(re.search(r"\s99%\s+(\S+)", out).group(1))
    seen = statuses(f"{state}/wrk-{name}.txt")
    bad = sum(n for c, n in seen.items() if (c != want if want else not 200 <= c < 300))
    return rps, p50, p99, bad


results = {key: read(key, None) for key in single}
rounds = {}
for key in paired:
    one, two = read(f"{key}1", expected.get(key)), read(f"{key}2", expected.get(key))
    rounds[key] = (one, two)
    # The mean of the two rounds; unexpected answers add up.
    results[key] = tuple((x + y) / 2 for x, y in zip(one[:3], two[:3])) + (one[3] + two[3],)

print(f"auth_request benchmark: {duration} per case, {connections} connections, 2 wrk threads")
print("portal cases: the mean of two rounds, run in turn after both portals were warmed up")
print(f"{'case':52s} {'req/s':>10s} {'p50 ms':>8s} {'p99 ms':>8s} {'unexpected':>10s}")
for key, label in {**paired, **single}.items():
    rps, p50, p99, bad = results[key]
    spread = ""
    if key in rounds:
        spread = f"   rounds: {rounds[key][0][0]:.0f} / {rounds[key][1][0]:.0f} req/s"
    print(f"{label:52s} {rps:10.0f} {p50:8.2f} {p99:8.2f} {bad:10d}{spread}")


def verdict(ok):
    return "met" if ok else "NOT met"


a, b, d = results["a"], results["b"], results["d"]
print()
print(f"throughput (a)/(b) = {a[0] / b[0]:.2f}   target >= 0.50  {verdict(a[0] / b[0] >= 0.5)}")
print(f"p99        (a)/(b) = {a[2] / b[2]:.2f}   target <= 3.00  {verdict(a[2] / b[2] <= 3)}")
print(f"throughput (a)/(d) = {a[0] / d[0]:.2f}   target >= 3.00  {verdict(a[0] / d[0] >= 3)}")
print(f"throughput (a)/(c) = {a[0] / results['c'][0]:.2f}   (what the nginx hop costs)")
print(f"unexpected answers: {sum(r[3] for r in results.values())}   target 0")
print()
print("cost of auditing, same run:")
off, e, eoff = results["a-off"], results["e"], results["e-off"]
print(f"  allows (folded):      throughput on/off = {a[0] / off[0]:.2f}   p99 on/off = {a[2] / off[2]:.2f}")
print(f"  denies (one each):    throughput on/off = {e[0] / eoff[0]:.2f}   p99 on/off = {e[2] / eoff[2]:.2f}")
for r in (1, 2):
    refused = sum(statuses(f"{state}/wrk-e{r}-warmup.txt").values()) + sum(
        statuses(f"{state}/wrk-e{r}.txt").values())
    rows = int(open(f"{state}/audit-rows-e{r}.txt").read())
    print(f"  (e) round {r}: {rows} gateway.deny records written for {refused} refused requests"
          f" ({rows / refused * 100:.1f}%)")
