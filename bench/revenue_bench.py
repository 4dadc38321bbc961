#!/usr/bin/env python3
"""Revenue retention benchmark: GET /metrics/revenue against a hand-written SQL statement, in the same run, on the
same data.

Uses the buyers of the non-contractual benchmark (activity_bench.py: purchases as the BG/NBD story has them, spend as
in Gamma-Gamma, 5% refunded; generated inside PostgreSQL from a fixed seed, or reused with --keep). Then measures,
cold (each request after a write that empties the service's cache), one request at a time, the revenue retention of
24 monthly periods in UTC against the previous month, alternately with one SQL statement that nets every customer's
revenue per month, pairs each month with the one before, and counts NRR, GRR and the movements with filtered
aggregates. Every answer is checked against the statement: base revenue, NRR, GRR, and the count and amount of every
movement in every month. Finally the cached answer is polled by 32 clients that wait 100 ms between requests.

Needs python3, psql and wrk. Build the jar first: ./mvnw -q -DskipTests package
"""
import os
import re
import shutil
import tempfile
import time
from decimal import Decimal

import activity_bench
from activity_bench import END, START
from benchservice import psql

MOVEMENTS = ("newRevenue", "expansion", "contraction", "churned", "reactivated", "unchanged")

# first_positive: the first month with positive net revenue; with r(P') <= 0 and r(P) > 0 the customer is new when
# that month is P itself, reactivated when it is earlier.
BASELINE = """
with per as (
    select customer_id, date_trunc('month', occurred_at at time zone 'UTC')::date as m,
           sum(net_revenue(type, amount)) as r
    from customer_event
    where type in ('PURCHASE', 'REFUND') and occurred_at < timestamptz '{end}'
    group by 1, 2
), first_positive as (
    select customer_id, min(m) as fp from per where r > 0 group by 1
), pairs as (
    select customer_id, m, sum(cur) as cur, sum(prev) as prev
    from (select customer_id, m, r as cur, 0 as prev from per
          union all
          select customer_id, (m + interval '1 month')::date, 0, r from per) x
    where m >= date '{start}' and m < date '{end}'
    group by 1, 2
)
select p.m,
       coalesce(sum(prev) filter (where prev > 0), 0),
       coalesce(sum(greatest(cur, 0)) filter (where prev > 0), 0),
       coalesce(sum(least(greatest(cur, 0), prev)) filter (where prev > 0), 0),
       count(*) filter (where prev <= 0 and cur > 0 and f.fp = p.m),
       coalesce(sum(cur) filter (where prev <= 0 and cur > 0 and f.fp = p.m), 0),
       count(*) filter (where prev > 0 and cur > prev),
       coalesce(sum(cur - prev) filter (where prev > 0 and cur > prev), 0),
       count(*) filter (where prev > 0 and cur > 0 and cur < prev),
       coalesce(sum(prev - cur) filter (where prev > 0 and cur > 0 and cur < prev), 0),
       count(*) filter (where prev > 0 and cur <= 0),
       coalesce(sum(prev) filter (where prev > 0 and cur <= 0), 0),
       count(*) filter (where prev <= 0 and cur > 0 and f.fp < p.m),
       coalesce(sum(cur) filter (where prev <= 0 and cur > 0 and f.fp < p.m), 0),
       count(*) filter (where prev > 0 and cur = prev),
       0
from pairs p left join first_positive f using (customer_id)
group by p.m
order by p.m
"""


def baseline(port):
    output = psql(port, BASELINE.format(start=START, end=END), timing=True)
    seconds = float(re.findall(r"Time: ([0-9.]+) ms", output)[-1]) / 1000
    rows = {}
    for line in output.splitlines():
        parts = line.split("|")
        if len(parts) == 16:
            rows[parts[0]] = [Decimal(value) for value in parts[1:]]
    return seconds, rows


def percent(part, whole):
    return (part * 100 / whole).quantize(Decimal("0.0001")) if whole else None


def check(answer, rows):
    for period in answer["periods"]:
        row = rows.get(period["startDate"])
        assert row is not None, period["startDate"]
        base, net, gross = row[0], row[1], row[2]
        assert Decimal(str(period["baseRevenue"])) == base, (period["startDate"], period["baseRevenue"], base)
        if base:
            assert Decimal(str(period["nrr"])) == percent(net, base), (period["startDate"], "NRR")
            assert Decimal(str(period["grr"])) == percent(gross, base), (period["startDate"], "GRR")
        for i, movement in enumerate(MOVEMENTS):
            moved = period["movements"][movement]
            assert moved["customers"] == int(row[3 + 2 * i]), (period["startDate"], movement, moved, row[3 + 2 * i])
            assert Decimal(str(moved["amount"])) == row[4 + 2 * i], (period["startDate"], movement, "amount")


def main():
    args = activity_bench.arguments(__doc__, "the cached answer")
    work = args.keep or tempfile.mkdtemp(prefix="retention-revenue-bench-")
    os.makedirs(work, exist_ok=True)
    base = "http://localhost:%d" % args.port
    service, log, began = activity_bench.serve_buyers(args, work, base)
    try:
        counts = psql(args.pg_port, "select (select count(*) from customer), "
                                    "(select count(*) from customer_event where type = 'PURCHASE'), "
                                    "(select count(*) from customer_event where type = 'REFUND')")
        print("database holds %s customers, %s purchases and %s refunds (generated or reused in %.0f s)"
              % (*counts.strip().split("|"), time.perf_counter() - began))
        url = base + "/api/v1/metrics/revenue?from=%s&to=%s&granularity=MONTH&zone=UTC" % (START, END)
        if not args.polling_only:
            activity_bench.measure(
                "revenue retention, 24 months", args, base, url, lambda: baseline(args.pg_port), check)
        if not args.no_polling:
            activity_bench.poll_cached(work, url)
    finally:
        service.terminate()
        service.wait(120)
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
