#!/usr/bin/env python3
"""Rate-limit benchmark: what keeping every credential's token bucket in PostgreSQL costs a request.

Starts the service jar on a fresh embedded PostgreSQL twice in the same run: once with rate limits on (a bucket so
large that nothing is refused; the instance takes tokens from its credential's row in rate_limit_bucket in lots,
one call in autocommit per lot, and decides locally while it holds some) and once with rate limits off (the
baseline). Both times, wrk sends GET /api/v1/customers?size=1 with one key, first from 1 connection (one
request at a time), then from 8 connections at once (the same key: every request locks the same bucket row), after a
10 s warm-up that is not measured. Prints the latency percentiles of both and, from the service's own histogram
(retention.rate_limit.check in /actuator/prometheus, scraped before and after each run), the bucket the p50, p90 and
p99 of the bucket check itself fall in; with limits off the same timer wraps the decision that there is no limit,
which shows what timing anything costs on the machine at that load.

Needs python3 and wrk. Build the jar first: ./mvnw -q -DskipTests package
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

from benchservice import start, wait_ready

KEY = "rtn_rate-limit-bench-key-0123456789abcdefghijklmn"
UNLIMITED = {"retention.rate-limit.enabled": "true", "retention.rate-limit.capacity": "1000000000",
             "retention.rate-limit.per-second": "1000000000"}


def wrk(url, connections, seconds):
    output = subprocess.run(["wrk", "-t%d" % min(connections, 2), "-c%d" % connections, "-d%ds" % seconds,
                             "--latency", "-H", "Authorization: Bearer " + KEY, url],
                            check=True, capture_output=True, text=True).stdout
    return [line.strip() for line in output.splitlines()
            if re.match(r"\s+(50|90|99)%", line) or "Requests/sec" in line or "Non-2xx" in line]


def check_histogram(base):
    """The service's histogram of bucket checks: cumulative counts by upper bound in seconds."""
    request = urllib.request.Request(base + "/actuator/prometheus", headers={"Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    counts = {}
    for line in text.splitlines():
        match = re.match(r'retention_rate_limit_check_seconds_bucket\{.*le="([^"]+)".*\} (\S+)', line)
        if match:
            counts[float(match.group(1))] = float(match.group(2))
    return counts


def percentile_bounds(before, after, quantiles=(0.5, 0.9, 0.99)):
    """Upper bounds of the histogram buckets that hold the given quantiles of the checks made between two scrapes."""
    bounds = sorted(after)
    total = after[bounds[-1]] - before.get(bounds[-1], 0)
    found = []
    for quantile in quantiles:
        for bound in bounds:
            if after[bound] - before.get(bound, 0) >= quantile * total:
                found.append("p%g <= %.3f ms" % (quantile * 100, bound * 1000))
                break
    return "%d checks: %s" % (total, ", ".join(found))


def measure(jar, work, port, pg_port, settings, label, seconds):
    service, log = start(jar, work, port, pg_port, KEY, heap="-Xmx2g", settings=settings)
    base = "http://127.0.0.1:%d" % port
    try:
        wait_ready(base, service)
        url = base + "/api/v1/customers?size=1"
        subprocess.run(["wrk", "-t2", "-c8", "-d10s", "-H", "Authorization: Bearer " + KEY, url], check=True,
                       capture_output=True)
        for connections in (1, 8):
            before = check_histogram(base)
            print("%s, %d connection(s), wrk -c%d -d%ds:" % (label, connections, connections, seconds))
            for line in wrk(url, connections, seconds):
                print("   " + line)
            print("   %s inside the service: %s" % ("bucket check" if settings else "the same timer around no check",
                                                   percentile_bounds(before, check_histogram(base))))
    finally:
        service.terminate()
        service.wait(60)
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default="retention-app/target/retention-app-0.1.0-SNAPSHOT.jar")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--pg-port", type=int, default=15491)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("needs wrk")
    work = tempfile.mkdtemp(prefix="rate-limit-bench-")
    try:
        measure(args.jar, work, args.port, args.pg_port, UNLIMITED, "limits on (buckets in PostgreSQL)",
                args.seconds)
        measure(args.jar, work, args.port, args.pg_port, None, "limits off (baseline)", args.seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
