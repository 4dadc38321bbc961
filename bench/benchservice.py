"""What the benchmarks share: starting the service jar on its own embedded PostgreSQL, waiting until it is ready,
calling it, and running SQL with psql."""
import json
import os
import subprocess
import sys
import time
import urllib.request


def start(jar, work, port, pg_port, key, heap="-Xmx4g", settings=None):
    """Starts the jar with its embedded PostgreSQL in work/pg; returns the process and its log file. Rate limits are
    off unless settings (a dict of property names and values, given last) say otherwise."""
    log = open(os.path.join(work, "service.log"), "a")
    properties = {"server.port": port, "retention.embedded-db.dir": os.path.join(work, "pg"),
                  "retention.embedded-db.port": pg_port, "retention.bootstrap-admin-key": key,
                  "retention.rate-limit.enabled": "false", "logging.level.root": "WARN"}
    properties.update(settings or {})
    service = subprocess.Popen(["java", heap, "-jar", jar] + ["--%s=%s" % item for item in properties.items()],
                               stdout=log, stderr=subprocess.STDOUT)
    return service, log


def wait_ready(base, service, seconds=600):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if service.poll() is not None:
            sys.exit("the service stopped during start-up; see its log")
        try:
            with urllib.request.urlopen(base + "/actuator/health/readiness", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    sys.exit("the service did not become ready")


def http(url, key, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=900) as response:
        return response.status, response.read()


def psql(port, sql, timing=False):
    command = ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres", "-At",
               "-v", "ON_ERROR_STOP=1"]
    if timing:
        command += ["-c", "\\timing on"]
    result = subprocess.run(command + ["-c", sql], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("psql failed: " + result.stderr[-2000:])
    return result.stdout
