#!/usr/bin/env python3
"""Ingestion benchmark: the batch API against PostgreSQL's COPY, in the same run, into the same table.

Starts the service jar on a fresh embedded PostgreSQL, registers customers, then per round loads N purchase events
through POST /api/v1/events:batch (batches of 5,000, request bodies encoded before the clock starts), the same
number of rows with COPY into the same table, whose triggers keep the summaries (psql \\copy from a CSV written
before the clock starts), and the same rows with COPY into a bare copy of the table (same columns, indexes and
checks; no triggers, no foreign key). Prints the throughputs, the ratios API / COPY and API / bare COPY per round,
and their medians.

Needs python3 (standard library only) and psql. Build the jar first: ./mvnw -q -DskipTests package
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

from benchservice import psql, wait_ready

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = 5000
KEY = "rtn_ingest-bench-key-0123456789abcdefghijklmnopqrs"


def http(method, url, body=None):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json",
                                                                                  "Authorization": "Bearer " + KEY})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def purchase(customer_id, key, i):
    return {"customerId": customer_id, "type": "PURCHASE",
            "occurredAt": "2026-%02d-%02dT%02d:%02d:00Z" % (1 + i % 9, 1 + i % 28, i % 24, i % 60),
            "amount": "%d.%02d" % (5 + i % 200, i % 100), "currency": "EUR", "eventKey": key}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="events per round and method")
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=18089)
    parser.add_argument("--pg-port", type=int, default=54329)
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    args = parser.parse_args()
    if shutil.which("psql") is None:
        sys.exit("psql is needed for the COPY baseline")

    work = tempfile.mkdtemp(prefix="retention-bench-")
    log = open(os.path.join(work, "service.log"), "w")
    base = "http://localhost:%d" % args.port
    service = subprocess.Popen(["java", "-jar", args.jar, "--server.port=%d" % args.port,
                                "--retention.embedded-db.dir=" + os.path.join(work, "pg"),
                                "--retention.embedded-db.port=%d" % args.pg_port,
                                "--retention.bootstrap-admin-key=" + KEY, "--retention.rate-limit.enabled=false"],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_ready(base, service)
        for start in range(0, args.customers, BATCH):
            events = [{"externalId": "bench-%06d" % n, "createCustomer": True, "type": "ACQUIRED",
                       "occurredAt": "2025-12-01T00:00:00Z", "eventKey": "acq"}
                      for n in range(start, min(args.customers, start + BATCH))]
            status, body = http("POST", base + "/api/v1/events:batch", {"events": events})
            assert status == 200, body[:500]
        ids = psql(args.pg_port, "select id from customer order by external_id").split()

        psql(args.pg_port, "create table bare_customer_event (like customer_event including all)")
        ratios, bare_ratios = [], []
        print("events per round: %d, customers: %d, batch size: %d" % (args.events, len(ids), BATCH))
        for round_number in range(1, args.rounds + 1):
            bodies = []
            for start in range(0, args.events, BATCH):
                events = [purchase(ids[i % len(ids)], "api-%d-%d" % (round_number, i), i)
                          for i in range(start, min(args.events, start + BATCH))]
                bodies.append(json.dumps({"events": events}).encode())
            began = time.perf_counter()
            for body in bodies:
                status, answer = http("POST", base + "/api/v1/events:batch", body)
                assert status == 200, answer[:500]
            api_seconds = time.perf_counter() - began

            csv_path = os.path.join(work, "copy-%d.csv" % round_number)
            with open(csv_path, "w", newline="") as handle:
                writer = csv.writer(handle)
                for i in range(args.events):
                    event = purchase(ids[i % len(ids)], "copy-%d-%d" % (round_number, i), i)
                    writer.writerow([uuid.uuid4(), event["customerId"], "PURCHASE", event["occurredAt"],
                                     event["amount"], "EUR", "", "{}", event["eventKey"], "2026-11-25T00:00:00Z"])
            began = time.perf_counter()
            psql(args.pg_port, "\\copy customer_event (id, customer_id, type, occurred_at, amount, currency, "
                               "product_id, properties, event_key, recorded_at) from '%s' with (format csv)"
                 % csv_path)
            copy_seconds = time.perf_counter() - began

            began = time.perf_counter()
            psql(args.pg_port, "\\copy bare_customer_event (id, customer_id, type, occurred_at, amount, currency, "
                               "product_id, properties, event_key, recorded_at) from '%s' with (format csv)"
                 % csv_path)
            bare_seconds = time.perf_counter() - began

            api_rate = args.events / api_seconds
            copy_rate = args.events / copy_seconds
            bare_rate = args.events / bare_seconds
            ratios.append(api_rate / copy_rate)
            bare_ratios.append(api_rate / bare_rate)
            print("round %d: API %.0f events/s (%.2f s), COPY %.0f rows/s (%.2f s), bare COPY %.0f rows/s (%.2f s), "
                  "API/COPY = %.2f, API/bare COPY = %.2f"
                  % (round_number, api_rate, api_seconds, copy_rate, copy_seconds, bare_rate, bare_seconds,
                     api_rate / copy_rate, api_rate / bare_rate))
        stored = int(psql(args.pg_port, "select count(*) from customer_event where type = 'PURCHASE'"))
        assert stored == 2 * args.events * args.rounds, stored
        print("median API/COPY = %.2f, API/bare COPY = %.2f over %d rounds"
              % (statistics.median(ratios), statistics.median(bare_ratios), len(ratios)))
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
