"""Conformance: bimer's bundled Turkish calendar equals the PyPI ``holidays``
package on every date from 2004-01-01 to 2032-12-31 (the range Diyanet has
confirmed and python-holidays covers).

bimer is asked through its command line, ``bimer holidays --year Y``, so the
test checks what users see. The binary is ``$BIMER_BIN`` or
``<repo>/target/debug/bimer`` (``cargo build -p bimer-cli``); a missing binary
fails every test rather than skipping them.

Run: ``python -m pytest tests/conformance`` (requirements.txt alongside).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import subprocess
from pathlib import Path

import holidays
import pytest

REPO = Path(__file__).resolve().parents[2]
BIMER_BIN = Path(os.environ.get("BIMER_BIN", REPO / "target" / "debug" / "bimer"))
YEARS = range(2004, 2033)
FIELDS = {"date", "name_tr", "name_en", "half_day", "estimated"}
SEP = "; "  # both bimer and python-holidays join two names on one date with it


def _bimer(*args: str) -> subprocess.CompletedProcess[str]:
    if not BIMER_BIN.is_file():
        pytest.fail(
            f"bimer binary not found at {BIMER_BIN}: build it with "
            "`cargo build -p bimer-cli` or point BIMER_BIN at it",
            pytrace=False,
        )
    return subprocess.run(
        [str(BIMER_BIN), *args], capture_output=True, text=True, timeout=60
    )


@functools.lru_cache(maxsize=None)
def bimer_year(year: int) -> dict[dt.date, dict]:
    """``bimer holidays --year Y`` as {date: entry}, checking its shape."""
    proc = _bimer("holidays", "--year", str(year))
    assert proc.returncode == 0, f"bimer holidays --year {year}: {proc.stderr.strip()}"
    entries = json.loads(proc.stdout)
    assert isinstance(entries, list)
    out: dict[dt.date, dict] = {}
    for e in entries:
        assert set(e) == FIELDS, f"unexpected fields in {e}"
        assert isinstance(e["half_day"], bool) and isinstance(e["estimated"], bool), e
        d = dt.date.fromisoformat(e["date"])
        assert d.year == year, f"{d} listed under {year}"
        assert d not in out, f"{d} listed twice (entries on one date must be merged)"
        out[d] = e
    assert list(out) == sorted(out), f"{year}: entries are not in date order"
    return out


def _python_holidays(*categories: str) -> holidays.HolidayBase:
    # language fixed: python-holidays otherwise follows the locale of the
    # environment (its default for TR is Turkish).
    return holidays.country_holidays(
        "TR", years=YEARS, categories=categories, language="en_US"
    )


@functools.lru_cache(maxsize=None)
def python_all() -> holidays.HolidayBase:
    return _python_holidays("public", "half_day")


@functools.lru_cache(maxsize=None)
def python_public() -> holidays.HolidayBase:
    return _python_holidays("public")


@functools.lru_cache(maxsize=None)
def python_half_day() -> holidays.HolidayBase:
    return _python_holidays("half_day")


def python_dates(year: int) -> set[dt.date]:
    return {d for d in python_all() if d.year == year}


@pytest.mark.parametrize("year", YEARS)
def test_same_holiday_dates(year: int) -> None:
    ours, theirs = set(bimer_year(year)), python_dates(year)
    assert sorted(ours - theirs) == [], "only in bimer"
    assert sorted(theirs - ours) == [], "only in python-holidays"


@pytest.mark.parametrize("year", YEARS)
def test_same_half_days(year: int) -> None:
    public, half = python_public(), python_half_day()
    diffs = []
    for d, e in sorted(bimer_year(year).items()):
        if d not in python_all():
            continue  # reported by test_same_holiday_dates
        # A date is a half day when every holiday on it is one: a half-day
        # entry and no public one.
        expected = d in half and d not in public
        if e["half_day"] != expected:
            diffs.append((d.isoformat(), e["name_en"], e["half_day"], expected))
    assert diffs == [], "(date, name, bimer half_day, python-holidays half_day)"


@pytest.mark.parametrize("year", YEARS)
def test_same_english_names(year: int) -> None:
    theirs = python_all()
    diffs = []
    for d, e in sorted(bimer_year(year).items()):
        if d not in theirs:
            continue  # reported by test_same_holiday_dates
        ours_names = set(e["name_en"].split(SEP))
        their_names = set(theirs.get_list(d))
        if ours_names != their_names:
            diffs.append((d.isoformat(), sorted(ours_names), sorted(their_names)))
    assert diffs == [], "(date, bimer names, python-holidays names)"


def test_same_business_days_every_date() -> None:
    """Monday–Friday and not a full holiday, on every date 2004–2032: the
    business-day definition (a half day is a business day by default)."""
    public = python_public()
    full = {d for y in YEARS for d, e in bimer_year(y).items() if not e["half_day"]}
    diffs = []
    d, last = dt.date(YEARS[0], 1, 1), dt.date(YEARS[-1], 12, 31)
    days = 0
    while d <= last:
        ours = d.weekday() < 5 and d not in full
        theirs = d.weekday() < 5 and d not in public
        if ours != theirs:
            diffs.append((d.isoformat(), ours, theirs))
        d += dt.timedelta(days=1)
        days += 1
    assert days == (last - dt.date(YEARS[0], 1, 1)).days + 1
    assert diffs == [], "(date, bimer business day, python-holidays business day)"


@pytest.mark.parametrize("year", [2003, 2041])
def test_year_outside_data_is_an_error(year: int) -> None:
    proc = _bimer("holidays", "--year", str(year))
    assert proc.returncode != 0, f"--year {year} succeeded: {proc.stdout[:200]}"
    message = proc.stderr.strip()
    assert message, "no error message on stderr"
    assert "\n" not in message, f"error is not one line: {message!r}"
    assert "range" in message and "2004-01-01" in message, (
        f"error does not mention the data range: {message!r}"
    )
