"""A typed tour of the API: checked with ``mypy --strict`` (tests/test_typing.py,
scripts/test-python.sh), and run by the tests too."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import numpy.typing as npt

import bimer


def due_dates(cal: bimer.Calendar, received: npt.NDArray[np.datetime64]) -> npt.NDArray[np.datetime64]:
    return cal.add_business_days(received, 15)


def summarise(decision: bimer.Decision) -> dict[str, Any]:
    due: dt.date | None = decision.deadline.due_on if decision.deadline else None
    codes: list[bimer.FindingCode] = [f.code for f in decision.findings]
    blocking = [f for f in decision.findings if f.severity is bimer.Severity.BLOCKING]
    unit: str | None = decision.route.unit if decision.route else None
    return {
        "id": decision.id,
        "admissible": decision.admissible,
        "codes": [c.value for c in codes],
        "blocking": len(blocking),
        "unit": unit,
        "due_on": due.isoformat() if due else None,
    }


def main() -> list[dict[str, Any]]:
    app = bimer.Application(
        "A-1",
        dt.date(2026, 12, 31),
        channel=bimer.Channel.WEB,
        category="information_request",
        subject="İhale kararları",
        applicant={"type": "person", "name": "Ayşe Yılmaz", "tckn": "10000000146", "address": "Ankara"},
        target={"institution": "saglik_bakanligi", "province": "Ankara"},
    )
    one: bimer.Decision = bimer.triage(app)
    many: list[bimer.Decision] = bimer.triage_many([app, app.to_dict(), app.to_json()])
    mixed: list[bimer.Decision | bimer.BimerError] = bimer.triage_many(
        [app, {"id": "x"}], errors="return"
    )
    for item in mixed:
        if isinstance(item, bimer.InvalidApplicationError):
            field: str = item.field
            assert field == "received_on"

    cal = bimer.Calendar.turkey().with_policy(half_day=bimer.HalfDayPolicy.WORKING_DAY)
    first: dt.date = cal.add_business_days(dt.date(2026, 12, 31), 15)
    arr = due_dates(cal, np.array(["2026-12-31"], dtype="datetime64[D]"))
    assert arr[0] == np.datetime64(first)
    holidays: list[bimer.Holiday] = cal.holidays(2027)
    between: int = cal.business_days_between(dt.date(2026, 12, 31), first)
    assert between == 15 and holidays

    due: bimer.Deadline = bimer.deadline(dt.date(2027, 2, 15), procedure=bimer.Procedure.INFORMATION_REQUEST)
    why: bimer.Explanation = due.explain()
    names: list[str | None] = [s.name_tr for s in why.skipped]
    assert names
    period: bimer.Period = bimer.Period.parse("15bd")
    assert period.unit is bimer.Unit.BUSINESS_DAYS
    try:
        bimer.deadline(dt.date(2003, 1, 1), procedure="information_request")
    except bimer.LawNotInForceError as e:
        valid_from: dt.date | None = e.valid_from
        assert valid_from is not None
    c: bimer.Classification = bimer.classify("Bilgi edinme", "4982 sayılı Kanun uyarınca bilgi istiyorum.")
    confidence: float = c.confidence
    facts: list[bimer.Fact] = [f.fact for f in c.suggested_facts]
    assert 0.0 <= confidence <= 1.0 and isinstance(facts, list)

    case = bimer.Case("BE-1", bimer.Category.INFORMATION_REQUEST, "institution", dt.date(2025, 4, 14))
    case = case.with_event(bimer.Event("extension_notified", dt.date(2025, 5, 7), reason="other_unit"))
    status: bimer.Status = case.status(dt.date(2025, 5, 7))
    state: bimer.State = status.state
    left: int | None = status.days_left
    assert state is bimer.State.EXTENDED and left is not None
    try:
        case.with_event({"event": "extension_notified", "on": "2025-05-08", "reason": "other_unit"})
    except bimer.LifecycleError as e:
        assert e.code == "extension_twice"
    return [summarise(d) for d in [one, *many]]


if __name__ == "__main__":
    for row in main():
        print(row)
