"""Side-by-side: bimer's bulk due dates against numpy's ``busday_offset``.

Run from anywhere with the project's interpreter::

    python benches/numpy_vs_bimer.py

One run draws 1,000,000 random dates (fixed seed) between 2004-01-01 and
2039-12-01 and computes the 15th business day after each:

* numpy: ``np.busday_offset(dates, 15, roll='backward', busdaycal=cal)`` with
  the bundled *full* holidays (``half_day == false``; on a half day the morning
  is worked). ``roll='backward'`` moves a non-business date back to the previous
  business day p, and the 15th business day after p is the 15th business day
  after the date: bimer's counting (the date itself never counts).
* bimer: ``examples/bulk_due.rs`` (release build) calling
  ``Calendar::business_due_epoch(day, 15)``, first with ``--policy working_day``
  (half days are ordinary business days, numpy's view), whose results must equal
  numpy's element by element, then with the default policy (no period ends on a
  half day) for the headline figure.

Each side reports the median of 9 timed runs of the whole array. Temporary
files go to ``bench-data/`` (gitignored). Exits non-zero when the results
differ or the Rust side fails.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HOLIDAYS_CSV = ROOT / "bimer-core" / "data" / "holidays.csv"
DATA_DIR = ROOT / "bench-data"
TARGET_DIR = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
if not TARGET_DIR.is_absolute():
    TARGET_DIR = ROOT / TARGET_DIR
BULK_DUE = TARGET_DIR / "release" / "examples" / "bulk_due"

COUNT = 1_000_000
SEED = 20261129
FIRST, LAST = np.datetime64("2004-01-01", "D"), np.datetime64("2039-12-01", "D")
N = 15
REPEAT = 9


def full_holidays() -> np.ndarray:
    """Dates with at least one full-day holiday (half days are worked)."""
    with HOLIDAYS_CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    bad = {r["half_day"] for r in rows} - {"true", "false"}
    if bad:
        raise SystemExit(f"{HOLIDAYS_CSV}: unexpected half_day values {sorted(bad)}")
    dates = sorted({r["date"] for r in rows if r["half_day"] == "false"})
    return np.array(dates, dtype="datetime64[D]")


def random_dates() -> np.ndarray:
    rng = np.random.default_rng(SEED)
    lo, hi = FIRST.astype("int64"), LAST.astype("int64")
    return rng.integers(lo, hi, size=COUNT, endpoint=True).astype("datetime64[D]")


def time_numpy(dates: np.ndarray, cal: np.busdaycalendar) -> tuple[np.ndarray, float]:
    times = []
    result = None
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = np.busday_offset(dates, N, roll="backward", busdaycal=cal)
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def build_bimer() -> None:
    print("building: cargo build --release --example bulk_due", file=sys.stderr, flush=True)
    subprocess.run(
        ["cargo", "build", "--release", "--example", "bulk_due"], cwd=ROOT, check=True
    )
    if not BULK_DUE.is_file():
        raise SystemExit(f"{BULK_DUE} not found after the build")


def run_bimer(in_path: Path, policy: str) -> tuple[np.ndarray, dict]:
    out_path = DATA_DIR / f"bimer_{policy}.bin"
    proc = subprocess.run(
        [str(BULK_DUE), str(in_path), str(out_path),
         "--policy", policy, "--n", str(N), "--repeat", str(REPEAT)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bulk_due --policy {policy} failed (exit {proc.returncode})")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    result = np.fromfile(out_path, dtype="<i8")
    if report["count"] != len(result):
        raise SystemExit(f"bulk_due reported {report['count']} dates but wrote {len(result)}")
    return result, report


def main() -> int:
    DATA_DIR.mkdir(exist_ok=True)
    hol = full_holidays()
    dates = random_dates()
    in_path = DATA_DIR / "dates.bin"
    dates.astype("int64").tofile(in_path)

    cal = np.busdaycalendar(weekmask="1111100", holidays=hol)
    np_result, np_median = time_numpy(dates, cal)
    np_days = np_result.astype("int64")

    build_bimer()
    wd_result, wd = run_bimer(in_path, "working_day")
    if len(wd_result) != len(np_days):
        print(f"length mismatch: bimer {len(wd_result)}, numpy {len(np_days)}")
        return 1
    bad = np.flatnonzero(wd_result != np_days)
    print(f"working_day policy vs numpy: {len(bad)} mismatches in {len(dates):,} dates")
    if len(bad):
        for i in bad[:10]:
            print(f"  {dates[i]}: bimer {np.datetime64(int(wd_result[i]), 'D')}, "
                  f"numpy {np_result[i]}")
        return 1
    df_result, df = run_bimer(in_path, "default")
    moved = int(np.count_nonzero(df_result != np_days))
    later = bool(np.all(df_result >= np_days))
    print(f"default policy: {moved:,} due dates moved past a half day "
          f"({'all later than numpy' if later else 'SOME EARLIER than numpy'})")

    np_rate = len(dates) / np_median
    rows = [
        ("numpy busday_offset", np_median, np_rate),
        ("bimer (working_day)", wd["median_seconds"], wd["dates_per_second"]),
        ("bimer (default policy)", df["median_seconds"], df["dates_per_second"]),
    ]
    print()
    print(f"{len(dates):,} dates, n = {N}, median of {REPEAT} runs, numpy {np.__version__}, "
          f"{len(hol)} full-holiday dates")
    print(f"{'':24} {'median ms':>10} {'dates/s':>14} {'vs numpy':>9}")
    for name, secs, rate in rows:
        print(f"{name:24} {secs * 1e3:10.2f} {rate:14,.0f} {rate / np_rate:8.1f}×")
    print(f"ratio (bimer default / numpy busday_offset): {df['dates_per_second'] / np_rate:.1f}×")
    if not later:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
