"""Scaling past one core the way users do it: a multiprocessing pool of triage
workers gives exactly the answers of one process."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from typing import Any

import pytest

import bimer

METHODS = [m for m in ("fork", "spawn", "forkserver") if m in mp.get_all_start_methods()]


def _triage_json(app: dict[str, Any]) -> str:
    return bimer.triage(app).to_json()


def _engine_triage(args: tuple[bimer.Engine, dict[str, Any]]) -> bimer.Decision:
    engine, app = args
    return engine.triage(app)


def _due(args: tuple[bimer.Calendar, dt.date]) -> bimer.Deadline:
    cal, received = args
    return bimer.deadline(received, procedure="information_request", calendar=cal)


@pytest.mark.parametrize("method", METHODS)
def test_pool_of_workers_equals_one_process(
    method: str, all_vector_applications: list[dict[str, Any]]
) -> None:
    apps = all_vector_applications * 3
    expected = [d.to_json() for d in bimer.triage_many(apps)]
    with mp.get_context(method).Pool(2) as pool:
        assert pool.map(_triage_json, apps, chunksize=16) == expected
        # Decisions themselves travel back (pickled).
        decisions = pool.map(bimer.triage, apps[:50])
    assert decisions == bimer.triage_many(apps[:50])


def test_engines_and_calendars_travel_to_workers(
    all_vector_applications: list[dict[str, Any]],
) -> None:
    method = "spawn" if "spawn" in METHODS else METHODS[0]
    engine = bimer.Engine(bimer.Calendar.turkey().with_policy(half_day="working_day"), ["DE"])
    apps = all_vector_applications[:30]
    cal = engine.calendar
    dates = [dt.date(2027, 2, 15) + dt.timedelta(days=i) for i in range(20)]
    with mp.get_context(method).Pool(2) as pool:
        remote = pool.map(_engine_triage, [(engine, a) for a in apps])
        dues = pool.map(_due, [(cal, d) for d in dates])
    assert remote == [engine.triage(a) for a in apps]
    assert dues == [_due((cal, d)) for d in dates]
    assert all(d.calendar == cal for d in dues)
