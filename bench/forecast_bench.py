#!/usr/bin/env python3
"""Forecast benchmark: how long fitting the shifted-beta-geometric retention model takes (bench/SbgFitBench.java),
pooled over many cohorts and once per cohort, in process, medians after warm-up fits.

Needs the project built: ./mvnw -q -DskipTests install
"""
import argparse
import os
import subprocess

from prediction_bench import ROOT, domain_class_path


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cohorts", type=int, default=1000)
    parser.add_argument("--periods", type=int, default=36)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["java", "-cp", domain_class_path(), os.path.join(ROOT, "bench/SbgFitBench.java"),
                    str(args.cohorts), str(args.periods), str(args.rounds)], check=True)


if __name__ == "__main__":
    main()
