#!/usr/bin/env python3
"""Benchmarks of the Python bindings, side by side with their anchors, in one run.

    .venv/bin/python benches/python_bench.py [--count 1000000] [--repeat 9]

Needs bimer installed in the interpreter (``scripts/test-python.sh`` builds
and installs the release wheel into .venv) and numpy.

1. Calendar arithmetic on the same 1,000,000 random dates (fixed seed,
   2004-01-01 to 2039-12-01), the 15th business day after each:

   * numpy: ``np.busday_offset(dates, 15, roll="backward", busdaycal=cal)``
     with bimer's full holidays (half days are worked mornings, so numpy's
     business days are bimer's under the default policy; ``roll="backward"``
     then 15: the date itself never counts);
   * bimer: ``Calendar.turkey().add_business_days(dates, 15)`` on the
     ``datetime64[D]`` array, whose result must equal numpy's element by
     element; and ``business_due(dates, 15)`` (no period ends on a half day),
     for the due dates the law gives.

   Target: bimer at least as fast as numpy (ratio >= 1).

2. Triage of the shared golden vector applications, cycled to --apps dicts:
   ``bimer.triage_many(apps)`` (GIL released, all cores; and with threads=1)
   against ``[bimer.triage(a) for a in apps]``; the decisions must be equal.

Each figure is the median of --repeat timed runs. Exits non-zero when results
differ or a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

import bimer

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261129
FIRST, LAST = np.datetime64("2004-01-01", "D"), np.datetime64("2039-12-01", "D")
N = 15

T = TypeVar("T")


def timed(f: Callable[[], T], repeat: int) -> tuple[T, float]:
    """The result of the last run and the median time of `repeat` runs."""
    times = []
    result = f()  # warm-up (and the result to check)
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def calendar_bench(count: int, repeat: int) -> bool:
    cal = bimer.Calendar.turkey()
    lo, hi = cal.range
    full = [
        np.datetime64(h.date, "D")
        for year in range(lo.year, hi.year + 1)
        for h in cal.holidays(year)
        if not h.half_day
    ]
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=full)
    rng = np.random.default_rng(SEED)
    dates = rng.integers(
        FIRST.astype("int64"), LAST.astype("int64"), size=count, endpoint=True
    ).astype("datetime64[D]")

    theirs, t_numpy = timed(
        lambda: np.busday_offset(dates, N, roll="backward", busdaycal=busdaycal), repeat
    )
    ours, t_bimer = timed(lambda: cal.add_business_days(dates, N), repeat)
    due, t_due = timed(lambda: cal.business_due(dates, N), repeat)
    same = bool(np.array_equal(ours, theirs))
    differ = int(np.count_nonzero(due != ours))

    print(f"calendar: {count:,} dates, 15th business day, median of {repeat}")
    print(f"  numpy busday_offset            {t_numpy * 1e3:8.1f} ms  {count / t_numpy / 1e6:6.1f} M dates/s")
    print(f"  bimer add_business_days        {t_bimer * 1e3:8.1f} ms  {count / t_bimer / 1e6:6.1f} M dates/s"
          f"  ({t_numpy / t_bimer:.2f}x numpy)")
    print(f"  bimer business_due (+roll)     {t_due * 1e3:8.1f} ms  {count / t_due / 1e6:6.1f} M dates/s"
          f"  ({t_numpy / t_due:.2f}x numpy; {differ:,} due dates moved off a half day)")
    print(f"  results equal numpy element by element: {same}")
    ok = same and t_bimer <= t_numpy
    if not ok:
        print("  FAILED: results differ or bimer is slower than numpy", file=sys.stderr)
    return ok


def triage_bench(apps_count: int, repeat: int) -> bool:
    vectors = sorted((ROOT / "tests" / "vectors" / "triage").glob("*.json"))
    templates: list[dict[str, Any]] = [
        json.loads(p.read_text(encoding="utf-8"))["application"] for p in vectors
    ]
    apps = [dict(templates[i % len(templates)], id=f"B-{i:07d}") for i in range(apps_count)]

    loop, t_loop = timed(lambda: [bimer.triage(a) for a in apps], repeat)
    many, t_many = timed(lambda: bimer.triage_many(apps), repeat)
    one, t_one = timed(lambda: bimer.triage_many(apps, threads=1), repeat)
    same = loop == many == one

    cores = os.cpu_count() or 1
    print(f"triage: {apps_count:,} applications (dicts), median of {repeat}, {cores} cores")
    print(f"  Python loop of bimer.triage    {t_loop * 1e3:8.1f} ms  {apps_count / t_loop / 1e3:6.1f} k apps/s")
    print(f"  bimer.triage_many(threads=1)   {t_one * 1e3:8.1f} ms  {apps_count / t_one / 1e3:6.1f} k apps/s"
          f"  ({t_loop / t_one:.2f}x the loop)")
    print(f"  bimer.triage_many (all cores)  {t_many * 1e3:8.1f} ms  {apps_count / t_many / 1e3:6.1f} k apps/s"
          f"  ({t_loop / t_many:.2f}x the loop)")
    print(f"  decisions equal: {same}")
    if not same:
        print("  FAILED: decisions differ", file=sys.stderr)
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--apps", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    print(f"bimer {bimer.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
    ok = calendar_bench(args.count, args.repeat)
    ok = triage_bench(args.apps, max(3, args.repeat // 3)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
