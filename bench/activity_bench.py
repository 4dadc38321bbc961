#!/usr/bin/env python3
"""Non-contractual benchmark: the INACTIVITY views against hand-written SQL statements, in the same run, on the same
data.

Starts the service jar on an embedded PostgreSQL and generates buyers as the BG/NBD story has them (Fader, Hardie
and Lee 2005), inside PostgreSQL from a fixed seed: each customer is acquired with a first purchase at a uniform
time over two years, buys again at a Poisson rate drawn from Gamma(2, 1/36 per day) (mean one purchase in 18
days), and after each purchase drops out with a probability drawn from Beta(2, 14); each purchase is worth
Gamma(6, nu) with nu drawn per customer from Gamma(4, 15) (the Gamma-Gamma story: a mean spend of about 30); 5% of
purchases are refunded within 20 days. Customers therefore lapse for longer than W and come back, and some leave for good.

Then measures, cold (each request after a write that empties the service's cache), one request at a time, each
against a one-statement SQL baseline written here (for each purchase, lead() to the next one gives the boundaries it
keeps the customer active for; a running sum over boundaries counts them), run alternately, medians compared:

1. GET /metrics/retention INACTIVITY, 24 monthly periods, the configured W (90 days: the kept spells);
2. the same with W = 60 days (not kept: spells computed in one statement);
3. GET /metrics/retention/segments INACTIVITY (W = 90) against the baseline grouped by segment;
4. GET /metrics/cohorts INACTIVITY (W = 90), 24 cohorts x 24 offsets, against the baseline grouped by cohort;
5. GET /customers/at-risk?limit=20 against the one statement over the events that the list was before the kept
   purchase rhythms (its ids and values must agree);
6. the purchase summaries of a model fit in UTC (the fit's own summariseMillis) against the one statement over the
   events that a fit in another zone uses (the same count of customers and of repeat purchases);
7. GET /segments/rfm?windowDays=365 against its own statement over the events (the same customers and revenue in
   every (R, F) cell), and the first page of 20 Champions against its statement (the same customers, same size).

Every answer is checked against its baseline: S, E and N of every month (and segment), and every cohort cell.
Finally the cached answer of each endpoint (and of an RFM segment's first page) is polled by 32 clients that wait
100 ms between requests (wrk), and its latency percentiles printed; --polling-only measures just that.

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
import benchservice

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "rtn_activity-bench-key-0123456789abcdefghijklmnop"
START, END = "2024-11-01", "2026-11-01"
END_OF_CALIBRATION = "2026-10-31"

GENERATE = """
select setseed(0.20261129);
insert into customer (id, external_id, segment, acquired_at, acquired_at_explicit, attributes, created_at,
                      updated_at, version)
select md5('buyer-' || g)::uuid, 'buyer-' || g, (array['retail', 'sme', 'enterprise'])[1 + g % 3], at, true,
       '{{}}', at, at, 0
from (select g, timestamptz '{end}' - random() * interval '730 days' as at
      from generate_series(1, {customers}) g) s;
create temp table buyer as
select id, acquired_at, rate, nu, x / (x + y) as dropout
from (select id, acquired_at,
             (-ln(1 - random()) - ln(1 - random())) / 36 as rate,
             (-ln(1 - random()) - ln(1 - random()) - ln(1 - random()) - ln(1 - random())) / 15 as nu,
             -ln(1 - random()) - ln(1 - random()) as x,
             -ln((1 - random()) * (1 - random()) * (1 - random()) * (1 - random()) * (1 - random())
                 * (1 - random()) * (1 - random()) * (1 - random()) * (1 - random()) * (1 - random())
                 * (1 - random()) * (1 - random()) * (1 - random()) * (1 - random())) as y
      from customer) s;
insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, recorded_at)
select md5('p' || k || id)::uuid, id, 'PURCHASE', at, round(spend::numeric, 2) + 0.01, 'EUR', 'p' || k, at
from (select b.id, k, -ln((1 - random()) * (1 - random()) * (1 - random()) * (1 - random()) * (1 - random())
                          * (1 - random())) / b.nu as spend,
             b.acquired_at + make_interval(secs => 86400 * sum(
             case when k = 0 then 0 else -ln(1 - random()) / b.rate end) over (partition by b.id order by k)) as at
      from buyer b, generate_series(0, least(150, floor(ln(1 - random()) / ln(1 - b.dropout))::int)) k) s
where at < timestamptz '{end}';
insert into customer_event (id, customer_id, type, occurred_at, amount, currency, event_key, recorded_at)
select md5('r' || e.id)::uuid, e.customer_id, 'REFUND', at, round(e.amount * (0.1 + random() * 0.9)::numeric, 2), 'EUR',
       'r' || e.event_key, at
from (select e.*, e.occurred_at + random() * interval '20 days' as at from customer_event e
      where e.type = 'PURCHASE' and random() < 0.05) e
where at < timestamptz '{end}';
"""

# Separately: VACUUM cannot run inside the transaction that psql -c makes of several statements. It sets the
# visibility map and the planner's statistics.
VACUUM = ("vacuum analyze customer", "vacuum analyze customer_event", "vacuum analyze customer_activity",
          "vacuum analyze customer_purchase_rhythm")

# For each customer, its acquisition and its purchases from then on are points; a point p keeps the customer active
# at the boundaries b with p < b <= least(p + W, next point): the customer's last point before b, at most W before b.
# width_bucket turns that into a range of boundary indexes, +1 at its first, -1 after its last; a running sum over
# the indexes counts the active customers at each boundary, per group ({group} is the grouping column).
BASELINE = """
with bounds as (
    select array_agg(b order by b) as b
    from generate_series(timestamptz '{start}', timestamptz '{end}', interval '1 month') b
), points as (
    select c.id, {group} as grp, c.acquired_at as at
    from customer c, bounds where c.acquired_at < timestamptz '{end}'
    union all
    select c.id, {group}, e.occurred_at from customer_event e join customer c on c.id = e.customer_id, bounds
    where e.type = 'PURCHASE' and e.occurred_at >= c.acquired_at and e.occurred_at < timestamptz '{end}'
), reach as (
    select grp, at, least(at + interval '{days} days', lead(at) over (partition by id order by at)) as until
    from points
), steps as (
    select grp, width_bucket(at, bounds.b) as k, 1 as delta from reach, bounds
    union all
    select grp, width_bucket(until, bounds.b), -1 from reach, bounds
), active as (
    select grp, k, sum(sum(delta)) over (partition by grp order by k) as customers from steps group by grp, k
), acquired as (
    select {group} as grp, width_bucket(c.acquired_at, bounds.b) as k, count(*) as customers
    from customer c, bounds group by 1, 2
)
select coalesce(a.grp, n.grp), coalesce(a.k, n.k), a.customers, n.customers
from active a full join acquired n on n.grp is not distinct from a.grp and n.k = a.k
order by 1, 2;
"""

AT_RISK_BASELINE = """
with q as (select timestamptz '{end}' as as_of, 2::float8 as multiplier, 0.9::float8 as percentile),
day_figures as (
    select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day,
           max(e.occurred_at) filter (where e.type = 'PURCHASE') as last_at,
           sum(case when e.type = 'PURCHASE' then e.amount else -e.amount end)
               filter (where e.occurred_at > q.as_of - interval '12 months') as value
    from customer_event e, q
    where e.type in ('PURCHASE', 'REFUND') and e.occurred_at <= q.as_of
    group by 1, 2
), customer_value as materialized (
    select customer_id, coalesce(sum(value), 0) as value_at_risk from day_figures group by 1
), purchase_day as (
    select customer_id, day, last_at from day_figures where last_at is not null
), gaps as (
    select customer_id, day, last_at, day - lag(day) over days as gap, row_number() over days as n
    from purchase_day
    window days as (partition by customer_id order by day)
), buyer as materialized (
    select customer_id, count(*) as days, max(last_at) as last_at,
           percentile_cont(0.5) within group (order by gap) filter (where gap is not null) as median_gap,
           max(gap) filter (where n = 2) as first_gap
    from gaps
    group by customer_id
), buyer_segment as (
    select b.*, v.value_at_risk, c.segment, c.external_id
    from buyer b
    join customer_value v on v.customer_id = b.customer_id
    join customer c on c.id = b.customer_id
    where c.erased_at is null
), segment_threshold as materialized (
    select segment, percentile_cont((select percentile from q)) within group (order by first_gap) as days
    from buyer_segment where first_gap is not null group by segment
), overall_threshold as materialized (
    select percentile_cont((select percentile from q)) within group (order by first_gap) as days
    from buyer_segment where first_gap is not null
), candidate as (
    select b.*, extract(epoch from q.as_of - b.last_at) / 86400 as silent_days,
           case when b.days >= 2 then b.median_gap * q.multiplier
                else coalesce(st.days, ot.days) end as threshold,
           case when b.days < 2 and st.days is not null then b.segment end as threshold_source
    from buyer_segment b cross join q cross join overall_threshold ot
    left join segment_threshold st on st.segment = b.segment
), at_risk as (
    select c.*
    from candidate c cross join q
    where c.threshold is not null and c.silent_days > c.threshold
      and not exists (
          select 1 from customer_event ch
          where ch.customer_id = c.customer_id and ch.type = 'CHURNED' and ch.occurred_at <= q.as_of
            and not exists (select 1 from customer_event re
                            where re.customer_id = c.customer_id and re.type = 'REACTIVATED'
                              and re.occurred_at >= ch.occurred_at and re.occurred_at <= q.as_of))
    order by c.value_at_risk desc, c.customer_id
    limit {limit}
)
select customer_id, value_at_risk from at_risk order by value_at_risk desc, customer_id;
"""

# The purchase summaries of a fit in UTC up to the day before {end}, as a fit in another zone computes them.
SUMMARIES_BASELINE = """
with purchase_day as (
    select e.customer_id, (e.occurred_at at time zone 'UTC')::date as day, sum(e.amount) as amount
    from customer_event e
    where e.type = 'PURCHASE' and e.occurred_at < timestamptz '{end}'
    group by 1, 2
)
select count(*), sum(frequency) from (select customer_id, count(*) - 1 as frequency from purchase_day
                                      group by customer_id) s;
"""

RFM_FIGURES = """
with figures as (
    select e.customer_id, max(e.occurred_at) filter (where e.type = 'PURCHASE') as last_purchase,
           count(*) filter (where e.type = 'PURCHASE') as frequency,
           sum(case when e.type = 'PURCHASE' then e.amount else -e.amount end) as monetary
    from customer_event e
    where e.type in ('PURCHASE', 'REFUND') and e.occurred_at > timestamptz '{end}' - interval '365 days'
      and e.occurred_at <= timestamptz '{end}'
    group by e.customer_id
    having count(*) filter (where e.type = 'PURCHASE') > 0
), scored as (
    select figures.*, ntile(5) over (order by last_purchase, customer_id) as r,
           ntile(5) over (order by frequency, customer_id) as f, ntile(5) over (order by monetary, customer_id) as m
    from figures
)
"""

# Every (R, F) cell: its customers and revenue.
RFM_BASELINE = RFM_FIGURES + "select r, f, count(*), sum(monetary) from scored group by r, f;"

# The first page of the Champions (R = 5 and F = 4 or 5; R = 4 and F = 5 is Loyal), with the segment's size.
RFM_PAGE_BASELINE = RFM_FIGURES + """select customer_id, count(*) over () from scored
where r = 5 and f >= 4 order by last_purchase desc, customer_id limit 20;"""

GROUPS = {"all": "'all'::text", "segment": "c.segment::text",
          "cohort": "width_bucket(c.acquired_at, bounds.b)::text"}


class Counts:
    """One group's baseline: active customers after each step (boundary index), acquisitions per stretch."""

    def __init__(self):
        self.active = {}
        self.acquired = {}

    def active_at(self, k):
        """The running sum at boundary index k: that of the last step at or before it."""
        steps = [index for index in self.active if index <= k]
        return self.active[max(steps)] if steps else 0


def baseline(port, group, days):
    """Runs the baseline; returns its time and {group: Counts}."""
    output = psql(port, BASELINE.format(start=START, end=END, group=GROUPS[group], days=days), timing=True)
    seconds = float(re.findall(r"Time: ([0-9.]+) ms", output)[-1]) / 1000
    rows = {}
    for line in output.splitlines():
        parts = line.split("|")
        if len(parts) == 4:
            counts = rows.setdefault(parts[0] or None, Counts())
            if parts[2]:
                counts.active[int(parts[1])] = int(parts[2])
            if parts[3]:
                counts.acquired[int(parts[1])] = int(parts[3])
    return seconds, rows


def check_report(report, counts, what):
    for i, period in enumerate(report["periods"]):
        expected = (counts.active_at(i), counts.active_at(i + 1), counts.acquired.get(i + 1, 0))
        actual = (period["startCustomers"], period["endCustomers"], period["newCustomers"])
        assert actual == expected, (what, i, actual, expected)


def http(url, method="GET", body=None):
    return benchservice.http(url, KEY, method, body)


def empty_cache(base, round_number):
    """A LOGIN event changes no figure of these views but tells the service that data changed."""
    http(base + "/api/v1/events:batch", "POST", {"events": [{
        "externalId": "buyer-1", "type": "LOGIN", "occurredAt": "2026-10-01T00:00:00Z",
        "eventKey": "bench-login-%d-%d" % (os.getpid(), round_number)}]})


def purchase_written(base, round_number):
    """A purchase inside the RFM window: the kept money histories must take it in before they answer."""
    http(base + "/api/v1/events:batch", "POST", {"events": [{
        "externalId": "buyer-1", "type": "PURCHASE", "occurredAt": "2026-10-01T00:00:00Z", "amount": "12.50",
        "currency": "EUR", "eventKey": "bench-purchase-%d-%d" % (os.getpid(), round_number)}]})


def measure(name, args, base, url, run_baseline, check, write=empty_cache):
    api_times, sql_times = [], []
    http(url)   # warm-up, discarded: JIT and PostgreSQL buffers
    run_baseline()
    for round_number in range(1, args.rounds + 1):
        write(base, round_number)
        began = time.perf_counter()
        status, body = http(url)
        api_times.append(time.perf_counter() - began)
        assert status == 200, body[:300]
        seconds, rows = run_baseline()
        sql_times.append(seconds)
        check(json.loads(body), rows)
        print("  round %d: API %.2f s, SQL baseline %.2f s, API/SQL = %.2f (agree)"
              % (round_number, api_times[-1], sql_times[-1], api_times[-1] / sql_times[-1]))
    print("%s: median API %.2f s, SQL %.2f s, API/SQL = %.2f" % (
        name, statistics.median(api_times), statistics.median(sql_times),
        statistics.median(api_times) / statistics.median(sql_times)))


def timed_psql(port, sql):
    output = psql(port, sql, timing=True)
    seconds = float(re.findall(r"Time: ([0-9.]+) ms", output)[-1]) / 1000
    return seconds, [line.split("|") for line in output.splitlines() if "|" in line]


def fit_summaries(base):
    """Requests a fit in UTC up to the day before END and returns how long it summarised, in seconds."""
    status, body = http(base + "/api/v1/models/clv", "POST", {
        "calibrationEnd": END_OF_CALIBRATION, "timeUnit": "WEEK", "horizonMonths": 12, "monthlyDiscountRate": 0.01})
    assert status == 202, body[:300]
    model = json.loads(body)["id"]
    while True:
        time.sleep(1)
        answer = json.loads(http(base + "/api/v1/models/clv/" + model)[1])
        if answer["status"] in ("SUCCEEDED", "FAILED"):
            return answer


def poll_all(work, urls):
    # Steady state: an RFM request waits until the service has read its money histories (in the background after
    # start-up, several seconds of work at a million customers that would otherwise fall into the first measurement).
    http(next(url for url in urls if "/segments/rfm" in url))
    for url in urls:
        print(url.split("/api/v1/")[1].split("?")[0] + (" W=60" if "Days=60" in url else ""))
        poll_cached(work, url)


def poll_cached(work, url):
    """32 dashboards polling the cached answer, each waiting 100 ms between requests (320 requests/s in all)."""
    http(url)
    pacing = os.path.join(work, "pacing.lua")
    with open(pacing, "w") as handle:
        handle.write("function delay()\n  return 100\nend\n")
    # Warm-up at full speed (tens of thousands of requests), so that the JIT has compiled the path before the
    # measurement; at the pollers' pace its compilations fell into the first endpoint's measurement.
    subprocess.run(["wrk", "-t2", "-c32", "-d5s", "-H", "Authorization: Bearer " + KEY, url],
                   check=True, capture_output=True)
    wrk = subprocess.run(["wrk", "-t2", "-c32", "-d15s", "--latency", "-s", pacing, "-H",
                          "Authorization: Bearer " + KEY, url], check=True, capture_output=True, text=True).stdout
    line = " ".join(l.strip() for l in wrk.splitlines() if re.match(r"\s+(50|99)%", l) or "Requests/sec" in l)
    print("  cached, 32 pollers waiting 100 ms between requests (wrk -t2 -c32 -d15s): " + line)


def serve_buyers(args, work, base):
    """Starts the service on the database in work and generates the buyers unless it holds them already; returns the
    service, its log and when the generation began."""
    service, log = start(args.jar, work, args.port, args.pg_port, KEY)
    try:
        wait_ready(base, service)
        began = time.perf_counter()
        if psql(args.pg_port, "select count(*) from customer").strip() == "0":
            psql(args.pg_port, GENERATE.format(end=END, customers=args.customers))
            for statement in VACUUM:
                psql(args.pg_port, statement)
        return service, log, began
    except BaseException:
        service.terminate()
        log.close()
        raise


def arguments(description, cached):
    """The options of the benchmarks that serve the generated buyers; {cached}: what the pollers ask for."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--pg-port", type=int, default=54331)
    parser.add_argument("--keep", metavar="DIR",
                        help="keep the generated database in DIR and reuse it on the next run with the same DIR")
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    parser.add_argument("--no-polling", action="store_true", help="leave out %s (for scale runs)" % cached)
    parser.add_argument("--polling-only", action="store_true", help="measure only %s" % cached)
    parser.add_argument("--only", default="", help="measure only these views, comma-separated: retention, segments, "
                                                   "cohorts, at-risk, rfm, fit (all by default)")
    args = parser.parse_args()
    for tool in ("psql", "wrk"):
        if shutil.which(tool) is None:
            sys.exit(tool + " is needed")
    return args


def main():
    args = arguments(__doc__, "the cached answers")

    work = args.keep or tempfile.mkdtemp(prefix="retention-activity-bench-")
    os.makedirs(work, exist_ok=True)
    base = "http://localhost:%d" % args.port
    service, log, began = serve_buyers(args, work, base)
    try:
        counts = psql(args.pg_port, "select (select count(*) from customer), (select count(*) from customer_event "
                                    "where type = 'PURCHASE'), (select sum(1 + coalesce(cardinality(later_from), 0)) "
                                    "from customer_activity)")
        print("database holds %s customers, %s purchases and %s kept spells (generated or reused in %.0f s)"
              % (*counts.strip().split("|"), time.perf_counter() - began))

        query = "from=%s&to=%s&granularity=MONTH&zone=UTC&churnModel=INACTIVITY" % (START, END)
        retention = base + "/api/v1/metrics/retention?" + query
        segments = base + "/api/v1/metrics/retention/segments?" + query
        cohorts = base + "/api/v1/metrics/cohorts?" + query

        def overall(days):
            return lambda: (lambda result: (result[0], result[1]["all"]))(baseline(args.pg_port, "all", days))

        at_risk = base + "/api/v1/customers/at-risk?limit=20&asOf=" + END + "T00:00:00Z"
        rfm = base + "/api/v1/segments/rfm?windowDays=365&asOf=" + END + "T00:00:00Z"
        rfm_page = base + "/api/v1/segments/rfm/CHAMPIONS/customers?windowDays=365&asOf=" + END + "T00:00:00Z"
        if args.polling_only:
            poll_all(work, [retention + "&inactivityDays=90", retention + "&inactivityDays=60",
                                  segments + "&inactivityDays=90", cohorts + "&inactivityDays=90", at_risk, rfm,
                                  rfm_page])
            return

        def wanted(view):
            return not args.only or view in args.only.split(",")

        if wanted("retention"):
            measure("INACTIVITY, W = 90 (kept)", args, base, retention + "&inactivityDays=90", overall(90),
                    lambda answer, rows: check_report(answer, rows, "overall"))
            measure("INACTIVITY, W = 60 (computed)", args, base, retention + "&inactivityDays=60", overall(60),
                    lambda answer, rows: check_report(answer, rows, "W = 60"))

        def check_segments(answer, rows):
            assert len(answer["segments"]) == len(rows), (len(answer["segments"]), list(rows))
            for report in answer["segments"]:
                check_report(report, rows[report.get("segment")], report.get("segment"))
        if wanted("segments"):
            measure("segments, W = 90", args, base, segments + "&inactivityDays=90",
                    lambda: baseline(args.pg_port, "segment", 90), check_segments)

        def check_cohorts(answer, rows):
            # Group g of the baseline is the width_bucket of the acquisition: cohort c (0-based) is g = c + 1, and
            # the end of period c + k is boundary index c + k + 1.
            for c, cohort in enumerate(answer["cohorts"]):
                counts = rows.get(str(c + 1), Counts())
                assert cohort["size"] == counts.acquired.get(c + 1, 0), (c, cohort["size"])
                for cell in cohort["offsets"]:
                    expected = counts.active_at(c + cell["offset"] + 1)
                    assert cell["active"] == expected, (c, cell["offset"], cell["active"], expected)
        if wanted("cohorts"):
            measure("cohorts 24 x 24, W = 90", args, base, cohorts + "&inactivityDays=90",
                    lambda: baseline(args.pg_port, "cohort", 90), check_cohorts)

        def check_at_risk(answer, rows):
            assert [(item["customerId"], float(item["valueAtRisk"])) for item in answer] == \
                [(row[0], float(row[1])) for row in rows], "the at-risk lists differ"
        if wanted("at-risk"):
            measure("at-risk top 20 (kept rhythms)", args, base, at_risk,
                    lambda: timed_psql(args.pg_port, AT_RISK_BASELINE.format(end=END, limit=20)), check_at_risk)

        def check_rfm(answer, rows):
            expected = {(int(r), int(f)): (int(n), float(revenue)) for r, f, n, revenue in rows}
            found = {(cell["recencyScore"], cell["frequencyScore"]): (cell["customers"], float(cell["revenue"]))
                     for cell in answer["cells"] if cell["customers"] > 0}
            assert found == expected, "the RFM grids differ"
        if wanted("rfm"):
            measure("RFM summary, 365 days (kept histories)", args, base, rfm,
                    lambda: timed_psql(args.pg_port, RFM_BASELINE.format(end=END)), check_rfm, purchase_written)

        def check_rfm_page(answer, rows):
            assert [item["customerId"] for item in answer["items"]] == [row[0] for row in rows], "the pages differ"
            assert answer["totalItems"] == int(rows[0][1]), (answer["totalItems"], rows[0])
        if wanted("rfm"):
            measure("RFM Champions, first page of 20", args, base, rfm_page + "&size=20",
                    lambda: timed_psql(args.pg_port, RFM_PAGE_BASELINE.format(end=END)), check_rfm_page,
                    purchase_written)

        api_times, sql_times = [], []
        for round_number in range(1, args.rounds + 1 if wanted("fit") else 1):
            fit = fit_summaries(base)
            seconds, rows = timed_psql(args.pg_port, SUMMARIES_BASELINE.format(end=END))
            api_times.append(fit["timings"]["summariseMillis"] / 1000)
            sql_times.append(seconds)
            if fit["status"] == "SUCCEEDED":
                assert fit["purchaseModel"]["customers"] == int(rows[0][0]), (fit["purchaseModel"], rows)
            print("  round %d: fit summaries %.2f s (%s), SQL baseline %.2f s, API/SQL = %.2f"
                  % (round_number, api_times[-1], fit["status"].lower(), sql_times[-1], api_times[-1] / sql_times[-1]))
        if api_times:
            print("fit summaries (kept rhythms): median %.2f s, SQL %.2f s, API/SQL = %.2f" % (
                statistics.median(api_times), statistics.median(sql_times),
                statistics.median(api_times) / statistics.median(sql_times)))

        if not args.no_polling:
            poll_all(work, [retention + "&inactivityDays=90", retention + "&inactivityDays=60",
                                  segments + "&inactivityDays=90", cohorts + "&inactivityDays=90", at_risk, rfm,
                                  rfm_page])
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
