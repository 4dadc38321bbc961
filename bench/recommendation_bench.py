#!/usr/bin/env python3
"""Recommendation benchmark on the real orders of the online-retail data set (../shared/data/online-retail/).

Starts the service jar on a fresh embedded PostgreSQL (reporting currency GBP), imports the file as order lines
through the CSV import (the mapping of the README), then:
  1. builds the model with the offline evaluation on the real data and prints the evaluation (item-to-item against
     the popularity baseline, same run);
  2. imports the file again as other customers and invoices (a suffix on both), so that the model reads twice
     the order lines (about 524,000), and times builds without and with the evaluation (median of --rounds);
  3. times GET /customers/{id}/recommendations for --customers customers: once each (computed), then --repeats
     times each (answered from the cache), one request at a time over a kept-alive connection; prints p50 and p99.

Needs python3 (standard library only). Build the jar first: ./mvnw -q -DskipTests package
"""
import argparse
import gzip
import http.client
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
KEY = "rtn_recommend-bench-key-0123456789abcdefghijklmnop"
NOT_PRODUCTS = ["POST", "DOT", "M", "D", "CRUK", "BANK CHARGES", "AMAZONFEE"]


def call(method, url, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": content_type, "Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(request, timeout=3600) as response:
        return response.status, response.headers, json.loads(response.read() or b"null")


def await_done(base, path):
    while True:
        _, _, resource = call("GET", base + path)
        if resource["status"] in ("SUCCEEDED", "FAILED"):
            return resource
        time.sleep(0.1)


def import_file(base, content):
    _, _, job = call("POST", base + "/api/v1/imports", {
        "columns": {"orderId": "InvoiceNo", "productId": "StockCode", "productName": "Description",
                    "quantity": "Quantity", "unitPrice": "UnitPrice", "occurredAt": "InvoiceDate",
                    "externalId": "CustomerID"},
        "currency": "GBP", "zone": "Europe/London", "timestampPattern": "yyyy-MM-dd HH:mm:ss",
        "excludedProducts": NOT_PRODUCTS})
    began = time.perf_counter()
    call("PUT", base + "/api/v1/imports/%s/file" % job["id"], content, "text/csv")
    job = await_done(base, "/api/v1/imports/" + job["id"])
    if job["status"] != "SUCCEEDED":
        sys.exit("import failed: %s" % job)
    return time.perf_counter() - began, job


def renamed(content, suffix):
    """The same orders as other customers and invoices: a suffix on the invoice number and the customer id."""
    lines = content.decode().split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            continue
        invoice, rest = line.split(",", 1)
        head, customer, country = rest.rsplit(",", 2)
        out.append("%s%s,%s,%s%s,%s" % (invoice, suffix, head, customer, suffix, country))
    return ("\n".join(out) + "\n").encode()


def build(base, evaluate):
    began = time.perf_counter()
    _, headers, _ = call("POST", base + "/api/v1/recommendation-models", {"evaluate": evaluate})
    done = await_done(base, headers["Location"])
    if done["status"] != "SUCCEEDED":
        sys.exit("build failed: %s" % done)
    return time.perf_counter() - began, done


def latencies(port, paths, repeats):
    connection = http.client.HTTPConnection("localhost", port)
    headers = {"Authorization": "Bearer " + KEY}
    first, cached = [], []
    for round_number in range(1 + repeats):
        for path in paths:
            began = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                sys.exit("%s answered %d" % (path, response.status))
            (first if round_number == 0 else cached).append((time.perf_counter() - began) * 1000)
    return first, cached


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "../shared/data/online-retail/online_retail_two_thirds.csv.gz"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--heap", default="-Xmx2g")
    parser.add_argument("--port", type=int, default=18096)
    parser.add_argument("--pg-port", type=int, default=54336)
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    args = parser.parse_args()
    with gzip.open(args.data) as file:
        content = file.read()
    work = tempfile.mkdtemp(prefix="recommend-bench-")
    base = "http://localhost:%d" % args.port
    service, log = start(args.jar, work, args.port, args.pg_port, KEY, heap=args.heap,
                         settings={"retention.imports.dir": os.path.join(work, "imports"), "retention.currency": "GBP",
                                   "retention.recommendations.rebuild-cron": "-"})
    try:
        wait_ready(base, service)
        seconds, job = import_file(base, content)
        print("import of the real file: %d rows in %.1f s, %d orders stored, %d rows refused"
              % (job["rowsRead"], seconds, job["stored"], job["refused"]), flush=True)
        seconds, done = build(base, True)
        evaluation = done["evaluation"]
        print("real data: %d customers, %d orders, %d products, %d pairs; build with evaluation %.1f s"
              % (done["customers"], done["orders"], done["products"], done["pairs"], seconds))
        print("evaluation (k = %d, %d customers with two or more orders):" % (evaluation["k"],
                                                                                evaluation["customersEvaluated"]))
        for name in ("itemToItem", "popularity"):
            quality = evaluation[name]
            print("  %-11s hit rate %.4f  precision %.4f  recall %.4f  MAP %.4f  coverage %.4f"
                  % (name, quality["hitRate"], quality["precision"], quality["recall"],
                     quality["meanAveragePrecision"], quality["coverage"]))
        print("  hit rate ratio item-to-item / popularity: %.2f" % evaluation["hitRateRatio"], flush=True)

        import_file(base, renamed(content, "-b"))
        product_lines = 2 * sum(1 for line in content.decode().split("\n")[1:]
                                if line and line.split(",")[1] not in NOT_PRODUCTS)
        plain, evaluated = [], []
        for _ in range(args.rounds):
            seconds, done = build(base, False)
            plain.append(seconds)
            seconds, _ = build(base, True)
            evaluated.append(seconds)
        print("doubled data: %d order lines, %d customers, %d orders, %d products; build %.2f s (median of %d), "
              "with evaluation %.2f s" % (product_lines, done["customers"], done["orders"], done["products"],
                                          statistics.median(plain), args.rounds, statistics.median(evaluated)),
              flush=True)

        _, _, page = call("GET", base + "/api/v1/customers?size=%d" % args.customers)
        paths = ["/api/v1/customers/%s/recommendations" % customer["id"] for customer in page["items"]]
        first, cached = latencies(args.port, paths, args.repeats)
        print("recommendations, %d customers: computed p50 %.1f ms p99 %.1f ms; cached (%d requests) p50 %.2f ms "
              "p99 %.2f ms" % (len(paths), percentile(first, 50), percentile(first, 99), len(cached),
                               percentile(cached, 50), percentile(cached, 99)))
    finally:
        service.terminate()
        service.wait(120)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
