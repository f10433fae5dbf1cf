#!/usr/bin/env python3
"""Triage throughput on a large generated JSON Lines file (not committed).

    python benches/triage_throughput.py [--size-mb 1024] [--runs 3]

Generates bench-data/triage-<size>MB.jsonl by cycling through
examples/data/applications.jsonl with fresh ids and receipt dates, then runs
`target/release/bimer triage FILE > /dev/null` (one core) several times and
prints the median throughput in MB/s and applications/s and the peak resident
memory of the bimer process.
"""
import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(path, size_bytes):
    with open(os.path.join(ROOT, "examples", "data", "applications.jsonl"), encoding="utf-8") as f:
        templates = [json.loads(line) for line in f if line.strip()]
    start = dt.date(2019, 1, 1)
    written = count = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size_bytes:
            app = dict(templates[count % len(templates)])
            app["id"] = f"B-{count:09d}"
            if app.get("received_on", "") >= "2019-01-01":
                app["received_on"] = (start + dt.timedelta(days=count % 2900)).isoformat()
            line = json.dumps(app, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    data = os.path.join(ROOT, "bench-data")
    os.makedirs(data, exist_ok=True)
    path = os.path.join(data, f"triage-{args.size_mb}MB.jsonl")
    size = args.size_mb * 1024 * 1024
    if not os.path.exists(path) or os.path.getsize(path) < size:
        print(f"generating {path} ...", file=sys.stderr)
        generate(path, size)
    with open(path, "rb") as f:
        lines = sum(1 for _ in f)
    nbytes = os.path.getsize(path)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "bimer-cli"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "bimer")
    times, peaks = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        with open(os.devnull, "wb") as devnull:
            proc = subprocess.Popen([binary, "triage", path], stdout=devnull)
            # wait4 gives this child's own rusage (not cargo's, run earlier).
            _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - t0)
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"bimer triage failed with exit status {code}")
    peak_mib = max(peaks)
    median = statistics.median(times)
    print(f"input: {nbytes / 1e6:,.0f} MB, {lines:,} applications")
    print(f"runs: {', '.join(f'{t:.2f}s' for t in times)} (median {median:.2f}s, one core)")
    print(f"throughput: {nbytes / 1e6 / median:,.0f} MB/s, {lines / median:,.0f} applications/s")
    print(f"peak resident memory of bimer: {peak_mib:,.1f} MiB")


if __name__ == "__main__":
    main()
