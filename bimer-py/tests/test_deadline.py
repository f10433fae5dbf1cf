"""bimer.deadline: procedures, bare periods, policies, explanations."""

from __future__ import annotations

import datetime as dt

import pytest

import bimer


def test_information_request_over_new_year() -> None:
    due = bimer.deadline(dt.date(2026, 12, 31), procedure="information_request")
    assert due.start_event_on == dt.date(2026, 12, 31)
    assert due.due_on == dt.date(2027, 1, 22)
    assert due.extendable_to == dt.date(2027, 2, 12)
    assert due.period == bimer.Period.parse("15bd")
    assert due.citation == "4982 m.11"
    assert not due.estimated
    assert bimer.deadline("2026-12-31", procedure=bimer.Procedure.INFORMATION_REQUEST) == due
    assert bimer.deadline(dt.date(2026, 12, 31), category=bimer.Category.INFORMATION_REQUEST) == due


def test_every_procedure() -> None:
    for p in bimer.Procedure:
        due = bimer.deadline(dt.date(2026, 12, 2), procedure=p)
        assert due.due_on > dt.date(2026, 12, 2)
    assert bimer.deadline(dt.date(2026, 12, 2), procedure="petition").due_on == dt.date(2027, 1, 4)
    tihek = bimer.deadline(dt.date(2026, 8, 31), procedure="tihek")
    assert (tihek.due_on, tihek.extendable_to) == (dt.date(2026, 11, 30), dt.date(2027, 3, 1))


def test_category_that_depends_on_the_route_asks_for_a_procedure() -> None:
    with pytest.raises(bimer.InvalidInputError) as info:
        bimer.deadline(dt.date(2026, 12, 2), category="ethics_complaint")
    assert info.value.field == "category"
    assert "etik_kurulu" in str(info.value)


def test_bare_period() -> None:
    due = bimer.deadline(dt.date(2026, 12, 2), period="30d")
    assert due.due_on == dt.date(2027, 1, 4)
    assert due.extendable_to is None
    assert due.citation.startswith("İYUK m.8")
    ext = bimer.deadline(
        dt.date(2026, 12, 31),
        period=bimer.Period(15, bimer.Unit.BUSINESS_DAYS),
        extendable_to="30bd",
        citation="4982 m.11",
    )
    assert ext == bimer.deadline(dt.date(2026, 12, 31), procedure="information_request")
    assert bimer.deadline(dt.date(2027, 1, 31), period="3m").due_on == dt.date(2027, 4, 30)


def test_policy_and_calendar_arguments() -> None:
    received = dt.date(2027, 2, 15)
    assert bimer.deadline(received, procedure="information_request").due_on == dt.date(2027, 3, 12)
    lax = bimer.Policy(half_day="working_day")
    assert bimer.deadline(received, procedure="information_request", policy=lax).due_on == dt.date(2027, 3, 8)
    cal = bimer.Calendar.turkey().with_policy(lax)
    due = bimer.deadline(received, procedure="information_request", calendar=cal)
    assert due.due_on == dt.date(2027, 3, 8)
    assert due.calendar == cal


def test_explanation() -> None:
    due = bimer.deadline(dt.date(2026, 12, 2), procedure="petition")
    why = due.explain()
    assert why.due_on == due.due_on
    assert why.counting_starts_on == dt.date(2026, 12, 3)
    assert why.last_counted_day == dt.date(2027, 1, 1)
    assert [s.date for s in why.skipped] == [dt.date(2027, 1, 1), dt.date(2027, 1, 2), dt.date(2027, 1, 3)]
    assert why.skipped[0].name_tr == "Yılbaşı"
    assert why.skipped[0].kind is bimer.DayKind.HOLIDAY
    assert why.skipped[0].reason is bimer.SkipReason.PERIOD_CANNOT_END_HERE
    assert why.policy == bimer.Policy()
    assert any("3071 m.7" in r for r in why.rules)
    text = str(why)
    assert "Yılbaşı" in text and "3071 m.7" in text
    assert why.to_dict()["skipped"][0]["name_tr"] == "Yılbaşı"


def test_explanation_uses_the_deadlines_calendar() -> None:
    received = dt.date(2027, 2, 15)
    lax = bimer.Calendar.turkey().with_policy(half_day="working_day")
    due = bimer.deadline(received, procedure="information_request", calendar=lax)
    assert due.explain().due_on == dt.date(2027, 3, 8)
    assert due.explain(bimer.Calendar.turkey()).due_on == dt.date(2027, 3, 12)
    arife = [s for s in bimer.deadline(received, procedure="information_request").explain().skipped
             if s.reason is bimer.SkipReason.PERIOD_CANNOT_END_HERE]
    assert arife[0].date == dt.date(2027, 3, 8)


def test_estimated_range_is_reported() -> None:
    due = bimer.deadline(dt.date(2032, 12, 20), procedure="information_request")
    assert due.estimated
    assert any(r.startswith("estimated") for r in due.explain().rules)


def test_errors() -> None:
    with pytest.raises(bimer.LawNotInForceError) as info:
        bimer.deadline(dt.date(2004, 4, 23), procedure="information_request")
    e = info.value
    assert e.code == "law_not_in_force"
    assert e.procedure == "information_request"
    assert e.date == dt.date(2004, 4, 23) and e.valid_from == dt.date(2004, 4, 24)
    assert e.citation == "4982 m.11"
    with pytest.raises(bimer.CalendarRangeError):
        bimer.deadline(dt.date(2040, 12, 20), procedure="information_request")
    with pytest.raises(bimer.UnknownProcedureError) as info2:
        bimer.deadline(dt.date(2026, 1, 5), procedure="appeal")
    assert info2.value.field == "procedure"
    with pytest.raises(bimer.InvalidPeriodError) as info3:
        bimer.deadline(dt.date(2026, 1, 5), period="15 bd")
    assert info3.value.field == "period"
    with pytest.raises(bimer.InvalidPeriodError):
        bimer.Period(0, "days")
    with pytest.raises(bimer.InvalidPeriodError):
        bimer.Period(4000, "days")
    with pytest.raises(bimer.InvalidInputError) as info4:
        bimer.Period(3, "weeks")
    assert info4.value.field == "unit"
    with pytest.raises(bimer.InvalidInputError) as info5:
        bimer.deadline(dt.date(2026, 1, 5))
    assert "exactly one" in str(info5.value)
    with pytest.raises(bimer.InvalidInputError):
        bimer.deadline(dt.date(2026, 1, 5), procedure="petition", period="30d")
    with pytest.raises(bimer.InvalidInputError):
        bimer.deadline(dt.date(2026, 1, 5), procedure="petition", extendable_to="60d")
    with pytest.raises(bimer.InvalidInputError) as info6:
        bimer.deadline(dt.datetime(2026, 1, 5, 23, 30), procedure="petition")
    assert info6.value.field == "received"


def test_period_values() -> None:
    p = bimer.Period.parse("15bd")
    assert (p.length, p.unit) == (15, bimer.Unit.BUSINESS_DAYS)
    assert str(p) == "15bd"
    assert p.to_dict() == {"length": 15, "unit": "business_days"}
    assert bimer.Period.from_dict({"length": 3, "unit": "months"}) == bimer.Period.parse("3m")
