#!/usr/bin/env python3
"""Prediction benchmark: how long fitting BG/NBD and Gamma-Gamma takes.

1. In process (bench/PredictionFitBench.java): the fits alone, on the CDNOW summary (2,357 customers) and on
   100,000 customers simulated from the CDNOW parameters, medians after warm-up fits.
2. Through the service (with --service-db DIR, a database kept by metrics_bench.py --keep DIR): POST /api/v1/models/clv
   on that database and the job's own timings: building the summaries in SQL from all PURCHASE events (one
   statement), fitting, and scoring and storing every customer.

Needs the project built with its tests compiled: ./mvnw -q -DskipTests install
"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = "rtn_metrics-bench-key-0123456789abcdefghijklmnopqr"


def domain_class_path():
    output = os.path.join(ROOT, "retention-domain/target/bench.classpath")
    subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-f", os.path.join(ROOT, "retention-domain/pom.xml"),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + output], check=True)
    with open(output) as handle:
        dependencies = handle.read().strip()
    return os.pathsep.join([os.path.join(ROOT, "retention-domain/target/classes"),
                            os.path.join(ROOT, "retention-domain/target/test-classes"), dependencies])


def in_process(args):
    data = os.environ.get("RETENTION_DATA_DIR", os.path.join(ROOT, "..", "shared", "data"))
    subprocess.run(["java", "-cp", domain_class_path(), os.path.join(ROOT, "bench/PredictionFitBench.java"),
                    os.path.join(data, "cdnow", "cdnow_customers_summary_with_transactions.csv"),
                    str(args.simulated), str(args.rounds)], check=True)


def call(base, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else
                                     json.dumps(body).encode(), headers={"Authorization": "Bearer " + KEY,
                                                                         "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def through_the_service(args):
    base = "http://localhost:%d" % args.port
    log = open(os.path.join(args.service_db, "prediction-service.log"), "w")
    service = subprocess.Popen(["java", "-Xmx4g", "-jar", args.jar, "--server.port=%d" % args.port,
                                "--retention.embedded-db.dir=" + os.path.join(args.service_db, "pg"),
                                "--retention.embedded-db.port=%d" % args.pg_port,
                                "--retention.bootstrap-admin-key=" + KEY, "--retention.rate-limit.enabled=false",
                                "--logging.level.root=WARN"], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(180):
            try:
                with urllib.request.urlopen(base + "/actuator/health/readiness", timeout=5):
                    break
            except OSError:
                time.sleep(1)
        model = call(base, "POST", "/api/v1/models/clv", {"calibrationEnd": args.calibration_end, "zone": "UTC"})
        began = time.perf_counter()
        while model["status"] in ("QUEUED", "RUNNING"):
            time.sleep(0.5)
            model = call(base, "GET", "/api/v1/models/clv/" + model["id"])
        print("service fit on %s: %s in %.1f s" % (args.service_db, model["status"], time.perf_counter() - began))
        print(json.dumps({key: model.get(key) for key in ("error", "timings", "purchaseModel", "spendModel")},
                         indent=2))
    finally:
        service.terminate()
        service.wait(60)
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--simulated", type=int, default=100_000, help="simulated customers to fit")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--service-db", metavar="DIR", help="also fit through the service on this kept database")
    parser.add_argument("--calibration-end", default="2026-10-31")
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--pg-port", type=int, default=54330)
    parser.add_argument("--jar", default=os.path.join(ROOT, "retention-app/target/retention-app-0.1.0-SNAPSHOT.jar"))
    args = parser.parse_args()
    in_process(args)
    if args.service_db:
        if not os.path.isdir(os.path.join(args.service_db, "pg")):
            sys.exit("no kept database in " + args.service_db)
        through_the_service(args)


if __name__ == "__main__":
    main()
