"""The exception hierarchy: typed errors naming the field, stable codes, no
identity number in any message, no Rust panic reaching Python."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

import bimer
from conftest import TCKN

ERRORS = [
    bimer.InvalidInputError,
    bimer.InvalidApplicationError,
    bimer.InvalidPeriodError,
    bimer.UnknownProcedureError,
    bimer.InvalidCalendarDataError,
    bimer.CalendarRangeError,
    bimer.LawNotInForceError,
    bimer.InternalError,
]


def test_hierarchy() -> None:
    for cls in ERRORS:
        assert issubclass(cls, bimer.BimerError)
        assert cls.__module__ == "bimer._bimer"
        assert cls.__doc__
    assert issubclass(bimer.BimerError, Exception)
    for cls in [bimer.InvalidApplicationError, bimer.InvalidPeriodError, bimer.UnknownProcedureError]:
        assert issubclass(cls, bimer.InvalidInputError)
        assert issubclass(cls, ValueError)
    assert issubclass(bimer.CalendarRangeError, ValueError)
    assert bimer.InvalidApplicationError.code == "invalid_application"
    assert bimer.CalendarRangeError.code == "calendar_out_of_range"


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"received_on": None}, "received_on"),
        ({"received_on": "2026-13-05"}, "received_on"),
        ({"chanel": "web"}, "chanel"),
        ({"channel": "fax"}, "channel"),
        ({"applicant": {"type": "person", "nationality": "Turkey"}}, "applicant.nationality"),
        ({"target": {"province": "Atlantis"}}, "target.province"),
        ({"facts": {"in_court": True}}, "facts.in_court"),
        ({"language": "Turkish"}, "language"),
        ({"id": " "}, "id"),
        ({"applicant": {"type": "person", "vkn": "0010101010"}}, "applicant.vkn"),
        ({"received_on": dt.datetime(2026, 1, 5, 10, 0)}, "received_on"),
        ({"subject": {1, 2}}, "subject"),
        ({"target": {"district": 3.5j}}, "target.district"),
        ({"facts": {"incident_date": float("nan")}}, "facts.incident_date"),
    ],
)
def test_invalid_application_names_the_field(patch: dict[str, Any], field: str) -> None:
    app: dict[str, Any] = {"id": "A", "received_on": "2026-01-05", **patch}
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage(app)
    e = info.value
    assert e.field == field, str(e)
    assert e.code == "invalid_application"
    assert e.problem
    assert field in str(e) or field == ""
    assert e.index is None


def test_missing_fields_and_bad_documents() -> None:
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage({"received_on": "2026-01-05"})
    assert info.value.field == "id"
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage("{not json")
    assert info.value.field == ""
    with pytest.raises(bimer.InvalidApplicationError):
        bimer.triage(42)  # type: ignore[arg-type]
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage({1: "x"})  # type: ignore[dict-item]
    assert "keys must be str" in str(info.value)


def test_identity_numbers_never_appear_in_errors_or_reprs() -> None:
    as_number = {"id": "A", "received_on": "2026-01-05", "applicant": {"type": "person", "tckn": int(TCKN)}}
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage(as_number)
    assert info.value.field == "applicant.tckn"
    assert TCKN not in str(info.value) and TCKN not in repr(info.value)
    assert TCKN not in info.value.problem
    bad_check = {"id": "A", "received_on": "2026-01-05", "channel": "web", "category": "petition",
                 "subject": "s", "applicant": {"type": "person", "name": "Ali Veli", "tckn": "10000000147",
                                               "address": "Bolu"}}
    d = bimer.triage(bad_check)
    assert bimer.FindingCode.INVALID_IDENTITY_NUMBER in {f.code for f in d.findings}
    assert "10000000147" not in d.to_json()
    assert "10000000147" not in repr(d)
    app = bimer.Application.from_dict(bad_check)
    assert "10000000147" not in repr(app) and "*********47" in repr(app)
    assert "Ali Veli" not in repr(app) and "Bolu" not in repr(app)
    ykn = bimer.Application.from_dict({"id": "B", "received_on": "2026-01-05",
                                       "applicant": {"type": "legal_entity", "vkn": "0010101010"}})
    assert "0010101010" not in repr(ykn) and "********10" in repr(ykn)


def test_dates_outside_pythons_range_raise_the_domain_error() -> None:
    for text in ["+10000-01-01", "0000-06-15"]:
        try:
            app = bimer.Application.from_json(f'{{"id": "A", "received_on": "{text}"}}')
        except bimer.InvalidApplicationError:
            continue  # the core refused it: also a domain error
        with pytest.raises(bimer.CalendarRangeError) as info:
            _ = app.received_on
        assert "datetime.date" in str(info.value)
        # Triage still works: the deadline is unavailable, not a crash.
        d = bimer.triage(app)
        assert d.deadline is None


def test_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage_many([{"id": "A", "received_on": "2026-01-05"}, {"id": "A"}])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is bimer.InvalidApplicationError
    assert (again.field, again.index, again.code) == ("received_on", 1, "invalid_application")
    assert str(again) == str(info.value)


def test_no_panic_exception_for_hostile_input() -> None:
    """Extreme values are typed errors or answers, never a PanicException."""
    cal = bimer.Calendar.turkey()
    nested: dict[str, Any] = {"id": "A", "received_on": "2026-01-05"}
    inner = nested
    for _ in range(100_000):
        inner["x"] = {}
        inner = inner["x"]
    hostile: list[Any] = [
        lambda: cal.add_business_days(dt.date(2004, 1, 1), 2**32 - 1),
        lambda: cal.business_due(dt.date(2040, 12, 31), 2**32 - 1),
        lambda: cal.holidays(2**31 - 1),
        lambda: cal.holidays(2**40),
        lambda: bimer.deadline(dt.date(9999, 12, 31), period="3660m"),
        lambda: bimer.deadline(dt.date(1, 1, 1), period="3660bd"),
        lambda: bimer.Period(2**32, "days"),
        lambda: bimer.triage({"id": "A", "received_on": "2026-01-05", "facts": {"incident_date": "0001-01-01"}}),
        lambda: bimer.triage({"id": "A" * 100_000, "received_on": "2026-01-05", "subject": "ş" * 100_000}),
        lambda: bimer.triage('{"id": "A", "received_on": "2026-01-05"' + "}" * 1000),
        lambda: bimer.triage("[" * 100_000),
        lambda: bimer.triage(nested),
        lambda: bimer.Calendar.turkey().patched({"covers_until": "9999-12-31"}),
    ]
    for f in hostile:
        try:
            f()
        except bimer.BimerError:
            pass
        except BaseException as e:  # noqa: BLE001 - the point of the test
            pytest.fail(f"{type(e).__name__}: {e}")
