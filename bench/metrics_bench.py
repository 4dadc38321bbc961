#!/usr/bin/env python3
"""Metrics benchmark: the retention endpoint against a hand-written SQL query, in the same run, on the same data.

Starts the service jar on a fresh embedded PostgreSQL, generates customers and events inside PostgreSQL from a fixed
seed (acquisitions over two years, purchases, churns and reactivations), then measures:

1. cold: GET /api/v1/metrics/retention for 24 monthly periods (CONTRACTUAL model, UTC), each request with a new
   margin so that no answer comes from the cache; against the baseline, one SQL query that computes S, E and N per
   month for the same periods under the same rules; both run alternately, medians compared, after three
   unmeasured API requests and one unmeasured baseline run;
2. cached: the same request repeated by 32 concurrent pollers (wrk), latency percentiles, twice: pollers that
   wait 100 ms between requests (a dashboard polling 10 times a second each, 320 requests/s in all), and pollers
   that send as fast as they can (which saturates the two cores: latency then measures queueing); after a 10 s
   warm-up run that is not measured.

Needs python3, psql and wrk. Build the jar first: ./mvnw -q -DskipTests package
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from benchservice import psql, start, wait_ready

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "rtn_metrics-bench-key-0123456789abcdefghijklmnopqr"
START, END = "2024-11-01", "2026-11-01"

GENERATE = """
select setseed(0.20241101);
insert into customer (id, external_id, segment, acquired_at, acquired_at_explicit, attributes, created_at,
                      updated_at, version)
select md5('bench-' || g)::uuid, 'bench-' || g, (array['retail', 'sme', 'enterprise'])[1 + g % 3], at, true,
       '{{}}', at, at, 0
from (select g, timestamptz '{start}' + random() * interval '730 days' as at
      from generate_series(1, {customers}) g) s;
insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at)
select md5('a' || c.id)::uuid, c.id, 'ACQUIRED', c.acquired_at, 'acq', c.acquired_at from customer c;
insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, recorded_at)
select md5('p' || k || c.id)::uuid, c.id, 'PURCHASE',
       c.acquired_at + random() * (timestamptz '{end}' - c.acquired_at),
       round((5 + random() * 200)::numeric, 2), 'EUR', 'p' || k, c.acquired_at
from customer c, generate_series(1, {purchases}) k;
insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at)
select md5('c' || c.id)::uuid, c.id, 'CHURNED', c.acquired_at + random() * (timestamptz '{end}' - c.acquired_at),
       'churn', c.acquired_at
from customer c where random() < 0.3;
insert into customer_event (id, customer_id, type, occurred_at, event_key, recorded_at)
select md5('r' || e.customer_id)::uuid, e.customer_id, 'REACTIVATED',
       e.occurred_at + random() * (timestamptz '{end}' - e.occurred_at), 'back', e.occurred_at
from customer_event e where e.type = 'CHURNED' and random() < 0.25;
analyze customer;
analyze customer_event;
"""

# S at every month boundary, N per month, under the CONTRACTUAL rules for these histories (at most one churn and
# one later reactivation per customer): active at b iff acquired before b and not inside (churned_at, back_at].
BASELINE = """
with boundaries as (
    select b from generate_series(timestamptz '{start}', timestamptz '{end}', interval '1 month') b
), churns as materialized (
    select e.customer_id, e.occurred_at as churned_at, r.occurred_at as back_at
    from customer_event e
    left join customer_event r on r.customer_id = e.customer_id and r.type = 'REACTIVATED'
    where e.type = 'CHURNED'
)
select b,
       (select count(*) from customer c where c.acquired_at < b)
         - (select count(*) from churns where churned_at < b and (back_at is null or b <= back_at)) as active,
       (select count(*) from customer c where c.acquired_at >= b and c.acquired_at < b + interval '1 month') as new
from boundaries order by b;
"""


def http(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--purchases", type=int, default=8, help="purchases per customer")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--pg-port", type=int, default=54330)
    parser.add_argument("--keep", metavar="DIR",
                        help="keep the generated database in DIR and reuse it on the next run with the same DIR")
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    args = parser.parse_args()
    for tool in ("psql", "wrk"):
        if shutil.which(tool) is None:
            sys.exit(tool + " is needed")

    work = args.keep or tempfile.mkdtemp(prefix="retention-metrics-bench-")
    os.makedirs(work, exist_ok=True)
    base = "http://localhost:%d" % args.port
    service, log = start(args.jar, work, args.port, args.pg_port, KEY)
    try:
        wait_ready(base, service)
        began = time.perf_counter()
        if psql(args.pg_port, "select count(*) from customer").strip() == "0":
            psql(args.pg_port, GENERATE.format(start=START, end=END, customers=args.customers,
                                           purchases=args.purchases))
        counts = psql(args.pg_port, "select (select count(*) from customer), (select count(*) from customer_event)")
        print("database holds %s customers and %s events (generated or reused in %.0f s)" % (*counts.strip().split("|"),
                                                                   time.perf_counter() - began))

        url = base + "/api/v1/metrics/retention?from=%s&to=%s&granularity=MONTH&zone=UTC&churnModel=CONTRACTUAL" \
            % (START, END)
        # Warm-up, discarded: the first requests of a fresh JVM run interpreted code; the baseline's first run
        # warms PostgreSQL's buffers the same way.
        for warm_up in range(1, 4):
            http(url + "&margin=0.9%03d" % warm_up)
        psql(args.pg_port, BASELINE.format(start=START, end=END))
        api_times, sql_times = [], []
        for round_number in range(1, args.rounds + 1):
            began = time.perf_counter()
            status, body = http(url + "&margin=0.%04d" % round_number)
            api_times.append(time.perf_counter() - began)
            assert status == 200, body[:300]
            api_figures = json.loads(body)["periods"]
            output = psql(args.pg_port, BASELINE.format(start=START, end=END), timing=True)
            sql_times.append(float(re.findall(r"Time: ([0-9.]+) ms", output)[-1]) / 1000)
            rows = [line.split("|") for line in output.splitlines() if line.count("|") == 2]
            for i, figures in enumerate(api_figures):
                assert figures["startCustomers"] == int(rows[i][1]), (i, figures["startCustomers"], rows[i])
                assert figures["newCustomers"] == int(rows[i][2]), (i, figures["newCustomers"], rows[i])
            print("round %d: API %.2f s, SQL baseline %.2f s, API/SQL = %.2f (S and N agree for all 24 months)"
                  % (round_number, api_times[-1], sql_times[-1], api_times[-1] / sql_times[-1]))
        print("median: API %.2f s, SQL %.2f s, API/SQL = %.2f" % (statistics.median(api_times),
                                                                  statistics.median(sql_times),
                                                                  statistics.median(api_times)
                                                                  / statistics.median(sql_times)))

        http(url)
        # Warm-up, discarded: the first seconds of load include JIT compilation and connection set-up.
        subprocess.run(["wrk", "-t2", "-c32", "-d10s", "-H", "Authorization: Bearer " + KEY, url], check=True,
                       capture_output=True)
        pacing = os.path.join(work, "pacing.lua")
        with open(pacing, "w") as handle:
            handle.write("function delay()\n  return 100\nend\n")
        for label, extra in (("pollers waiting 100 ms between requests", ["-s", pacing]),
                             ("pollers at full speed", [])):
            wrk = subprocess.run(["wrk", "-t2", "-c32", "-d15s", "--latency", "-H", "Authorization: Bearer " + KEY]
                                 + extra + [url], check=True, capture_output=True, text=True).stdout
            print("cached, 32 %s (wrk -t2 -c32 -d15s):" % label)
            for line in wrk.splitlines():
                if re.match(r"\s+(50|75|90|99)%", line) or "Requests/sec" in line or "Non-2xx" in line:
                    print("   " + line.strip())
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
