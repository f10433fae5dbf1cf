"""Mistakes the stubs must let mypy --strict catch (tests/test_typing.py
expects an error on every line marked ``# E``)."""

from __future__ import annotations

import datetime as dt

import bimer

d = bimer.triage({"id": "A", "received_on": "2026-01-05"})
d.deadline.due_on  # E: the deadline may be None
bimer.triage(42)  # E: not an application
bimer.Calendar.turkey().add_business_days(dt.date(2026, 1, 5), "15")  # E: n is an int
bimer.deadline("2026-01-05", procedure=3)  # E: a Procedure or str
x: str = bimer.Calendar.turkey().holidays(2027)  # E: a list of Holiday
bimer.triage_many([], errors="ignore")  # E: "raise" or "return"
