#!/usr/bin/env python3
"""CSV import benchmark: a CSV import against the batch API, in the same run, on the same kind of rows.

Starts the service jar on a fresh embedded PostgreSQL with a small heap (so that an import that held the file in
memory would fail), then per round: N purchase events of C customers (customers created by their first event)
through POST /api/v1/events:batch in batches of 5,000 (bodies encoded before the clock starts), and N other purchase
events of other customers as one CSV file (written before the clock starts) through POST /api/v1/imports, PUT
/api/v1/imports/{id}/file and polling the import until it finishes. Prints both throughputs (rows per second, the
import's from its upload to its end) and the ratio import / batch API per round, and their medians. With --fresh,
each path of each round runs on a new service and an empty database.

Needs python3 (standard library only). Build the jar first: ./mvnw -q -DskipTests package
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request

from benchservice import start, wait_ready

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = 5000
KEY = "rtn_import-bench-key-0123456789abcdefghijklmnopqrs"


def call(method, url, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": content_type, "Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(request, timeout=3600) as response:
        return response.status, json.loads(response.read() or b"null")


def rows(round_number, kind, count, customers):
    """count purchases of customers named by round and kind, spread over 2026, with distinct times per customer."""
    for i in range(count):
        customer = "%s-%d-%d" % (kind, round_number, i % customers)
        day = 1 + (i // customers) % 28
        month = 1 + (i // (customers * 28)) % 12
        second = (i // (customers * 28 * 12)) % 60
        yield customer, "2026-%02d-%02dT10:00:%02dZ" % (month, day, second), "%d.%02d" % (1 + i % 200, i % 100)


def batch_bodies(round_number, count, customers):
    bodies, events = [], []
    for customer, at, amount in rows(round_number, "api", count, customers):
        events.append({"externalId": customer, "createCustomer": True, "type": "PURCHASE", "occurredAt": at,
                       "amount": amount, "currency": "EUR", "eventKey": "p-" + at})
        if len(events) == BATCH:
            bodies.append(json.dumps({"events": events}).encode())
            events = []
    if events:
        bodies.append(json.dumps({"events": events}).encode())
    return bodies


def csv_file(path, round_number, count, customers, pad=0):
    """The rows as CSV; with pad, each row also carries a note column of that many characters, which the import's
    mapping does not read (CRM exports are wide)."""
    note = "x" * pad
    with open(path, "w") as out:
        out.write("customer,at,amount" + (",note" if pad else "") + "\n")
        for customer, at, amount in rows(round_number, "csv", count, customers):
            out.write("%s,%s,%s%s\n" % (customer, at, amount, "," + note if pad else ""))
    return os.path.getsize(path)


def through_the_batch_api(base, bodies):
    began = time.perf_counter()
    for body in bodies:
        status, answer = call("POST", base + "/api/v1/events:batch", body)
        if status != 200:
            sys.exit("batch refused: %s" % answer)
    return time.perf_counter() - began


def through_an_import(base, path):
    status, job = call("POST", base + "/api/v1/imports", {
        "columns": {"externalId": "customer", "occurredAt": "at", "amount": "amount"},
        "type": "PURCHASE", "currency": "EUR"})
    with open(path, "rb") as file:
        began = time.perf_counter()
        request = urllib.request.Request(base + "/api/v1/imports/%s/file" % job["id"], data=file, method="PUT",
                                         headers={"Content-Type": "text/csv",
                                                  "Content-Length": str(os.path.getsize(path)),
                                                  "Authorization": "Bearer " + KEY})
        with urllib.request.urlopen(request, timeout=3600) as response:
            json.loads(response.read())
    while True:
        status, job = call("GET", base + "/api/v1/imports/" + job["id"])
        if job["status"] in ("SUCCEEDED", "FAILED"):
            return time.perf_counter() - began, job
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000, help="events per round and path")
    parser.add_argument("--customers", type=int, default=20_000, help="customers per round and path")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--heap", default="-Xmx512m")
    parser.add_argument("--pad", type=int, default=0, help="characters of an unread note column per CSV row")
    parser.add_argument("--import-only", action="store_true",
                        help="only the import path: for sizes where the batch API's half would double the run")
    parser.add_argument("--fresh", action="store_true",
                        help="each path of each round on a fresh service and database, so that neither runs on a"
                             " table the other has just grown")
    parser.add_argument("--port", type=int, default=18095)
    parser.add_argument("--pg-port", type=int, default=54335)
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="import-bench-")
    base = "http://localhost:%d" % args.port
    services = []

    def serve():
        """A running service: the one shared by every round, or with --fresh a new one on a new database."""
        if services and not args.fresh:
            return
        stop(services)
        database = os.path.join(work, "db-%d" % len(os.listdir(work)))
        os.makedirs(database)
        services.append(start(args.jar, database, args.port, args.pg_port, KEY, heap=args.heap,
                              settings={"retention.imports.dir": os.path.join(database, "imports")}))
        wait_ready(base, services[-1][0])

    try:
        ratios = []
        for round_number in range(args.rounds):
            path = os.path.join(work, "round-%d.csv" % round_number)
            size = csv_file(path, round_number, args.rows, args.customers, args.pad)
            if args.import_only:
                serve()
                import_seconds, job = through_an_import(base, path)
                if job["status"] != "SUCCEEDED" or job["stored"] != args.rows:
                    sys.exit("the import did not store every row: %s" % job)
                print("round %d: import %.0f rows/s (%.1f MB file, %.0f s)"
                      % (round_number + 1, args.rows / import_seconds, size / 1e6, import_seconds), flush=True)
                continue
            bodies = batch_bodies(round_number, args.rows, args.customers)
            serve()
            api_seconds = through_the_batch_api(base, bodies)
            serve()
            import_seconds, job = through_an_import(base, path)
            if job["status"] != "SUCCEEDED" or job["stored"] != args.rows:
                sys.exit("the import did not store every row: %s" % job)
            api_rate = args.rows / api_seconds
            import_rate = args.rows / import_seconds
            ratios.append(import_rate / api_rate)
            print("round %d: batch API %.0f events/s, import %.0f rows/s (%.1f MB file), import / API %.2f"
                  % (round_number + 1, api_rate, import_rate, size / 1e6, ratios[-1]), flush=True)
        if ratios:
            print("median import / API: %.2f" % statistics.median(ratios))
    finally:
        stop(services)
        shutil.rmtree(work, ignore_errors=True)


def stop(services):
    while services:
        service, log = services.pop()
        service.terminate()
        service.wait(120)
        log.close()

if __name__ == "__main__":
    main()
