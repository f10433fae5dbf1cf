"""Value types: frozen, hashable, picklable, readable repr, to_dict/from_dict
and to_json/from_json equal to the wire format; enums are str enums."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from typing import Any

import pytest

import bimer


@pytest.fixture
def decision(info_request: dict[str, Any]) -> bimer.Decision:
    return bimer.triage(info_request)


@pytest.fixture
def values(info_request: dict[str, Any]) -> list[Any]:
    d = bimer.triage(info_request)
    bad = bimer.triage(dict(info_request, channel="phone"))
    assert d.route is not None and d.deadline is not None
    deadline = bimer.deadline(dt.date(2026, 12, 2), procedure="petition")
    why = deadline.explain()
    return [
        bimer.Application.from_dict(info_request),
        d,
        bad.findings[0],
        d.route,
        d.deadline,
        bimer.Period.parse("3m"),
        bimer.Policy(administrative_leave="holiday", province="Malatya"),
        bimer.Calendar.turkey().holidays(2027)[0],
        deadline,
        why,
        why.skipped[0],
    ]


def test_round_trips_through_the_wire_format(values: list[Any]) -> None:
    for v in values:
        cls = type(v)
        text = v.to_json()
        assert json.loads(text) == v.to_dict()
        assert cls.from_json(text) == v
        assert cls.from_json(text.encode()) == v
        assert cls.from_dict(v.to_dict()) == v
        assert cls.from_json(text).to_json() == text


def test_pickling_round_trips(values: list[Any]) -> None:
    for v in values:
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(v, protocol=protocol))
            assert type(again) is type(v)
            assert again == v and hash(again) == hash(v)
            assert again.to_json() == v.to_json()


def test_pickling_keeps_calendars_and_engines() -> None:
    cal = bimer.Calendar.turkey().with_policy(half_day="working_day").patched(
        {"remove_holidays": ["2027-07-15"]}
    )
    again = pickle.loads(pickle.dumps(cal))
    assert again == cal and hash(again) == hash(cal)
    assert again.is_business_day(dt.date(2027, 7, 15))
    assert again.policy.half_day is bimer.HalfDayPolicy.WORKING_DAY
    due = bimer.deadline(dt.date(2027, 2, 15), procedure="information_request", calendar=cal)
    due2 = pickle.loads(pickle.dumps(due))
    assert due2.calendar == cal
    assert due2.explain() == due.explain()
    engine = bimer.Engine(cal, ["DE"])
    e2 = pickle.loads(pickle.dumps(engine))
    assert e2.calendar == cal and e2.reciprocity == ("DE",)


def test_hashing(values: list[Any]) -> None:
    for v in values:
        assert hash(v) == hash(type(v).from_json(v.to_json()))
    assert len(set(values)) == len(values)
    assert {bimer.Period.parse("15bd"), bimer.Period(15, "business_days")} == {bimer.Period.parse("15bd")}
    assert hash(bimer.Calendar.turkey()) == hash(bimer.Calendar.turkey())


def test_equality_is_by_value_and_type(decision: bimer.Decision) -> None:
    assert decision == bimer.Decision.from_dict(decision.to_dict())
    assert decision != decision.to_dict()
    assert not (decision == "A-1")
    assert bimer.Period.parse("15bd") != bimer.Period.parse("15d")
    with pytest.raises(TypeError):
        _ = bimer.Period.parse("1d") < bimer.Period.parse("2d")  # type: ignore[operator]


def test_frozen(values: list[Any]) -> None:
    for v in values:
        name = next(n for n in dir(type(v)) if not n.startswith("_"))
        with pytest.raises(AttributeError):
            setattr(v, name, None)
        with pytest.raises(AttributeError):
            v.new_attribute = 1
    d = values[1]
    findings = d.findings
    assert isinstance(findings, tuple)
    app = values[0]
    app.target["province"] = "İzmir"  # a copy: the application is unchanged
    assert app.target["province"] == "Ankara"
    assert copy.copy(d) is d and copy.deepcopy(d) is d


def test_reprs_are_readable(values: list[Any], decision: bimer.Decision) -> None:
    r = repr(decision)
    assert r.startswith("Decision(id='A-1', system='cimer', category='information_request'")
    assert "admissible=True" in r and "due_on=datetime.date(2027, 1, 22)" in r
    assert repr(bimer.Period.parse("15bd")) == "Period(length=15, unit='business_days')"
    assert eval(repr(bimer.Period.parse("15bd")), {"Period": bimer.Period}) == bimer.Period.parse("15bd")
    assert repr(bimer.Policy()) == "Policy(half_day='working_day_but_not_last_day', administrative_leave='ignore')"
    h = bimer.Calendar.turkey().holidays(2027)[0]
    assert repr(h).startswith("Holiday(date=datetime.date(2027, 1, 1), name_tr='Yılbaşı'")
    assert repr(bimer.Calendar.turkey()).startswith("Calendar(range=(2004-01-01, 2040-12-31)")
    for v in values:
        assert repr(v).startswith(type(v).__name__ + "(")


def test_application_repr_hides_personal_data(info_request: dict[str, Any]) -> None:
    r = repr(bimer.Application.from_dict(info_request))
    assert r == (
        "Application(id='A-1', received_on=datetime.date(2026, 12, 31), channel='web', "
        "category='information_request', applicant='person tckn=*********46', "
        "institution='saglik_bakanligi')"
    )
    for secret in ["10000000146", "Ayşe", "Yılmaz", "Kızılay", "ihale"]:
        assert secret not in r


def test_enums_are_str_enums() -> None:
    assert bimer.Category.PETITION == "petition"
    assert bimer.Category("petition") is bimer.Category.PETITION
    assert isinstance(bimer.FindingCode.APPLICANT_UNDER_12, str)
    assert bimer.FindingCode("APPLICANT_UNDER_12").value == "APPLICANT_UNDER_12"
    assert [c.value for c in bimer.Category] == [
        "information_request", "petition", "ethics_complaint", "human_rights",
    ]
    assert len(bimer.Topic) == 24
    assert pickle.loads(pickle.dumps(bimer.Severity.BLOCKING)) is bimer.Severity.BLOCKING
    assert json.dumps({"c": bimer.Channel.E_DEVLET}) == '{"c": "e_devlet"}'
    for enum_cls in [bimer.Category, bimer.Channel, bimer.Unit, bimer.DayKind, bimer.LeavePolicy]:
        assert enum_cls.__module__ == "bimer._bimer"
        assert enum_cls.__doc__


def test_output_types_read_strictly() -> None:
    with pytest.raises(bimer.InvalidInputError) as info:
        bimer.Finding.from_dict({"code": "NOPE", "severity": "info", "citation": "", "message_tr": "", "message_en": ""})
    assert info.value.field == "code"
    with pytest.raises(bimer.InvalidInputError) as info:
        bimer.Period.from_json('{"length": 3, "unit": "days", "extra": 1}')
    assert "extra" in str(info.value)
    with pytest.raises(bimer.InvalidInputError):
        bimer.Period.from_json('{"length": 3, "unit": "days"} trailing')
    with pytest.raises(bimer.InvalidInputError):
        bimer.Period.from_json(3)  # type: ignore[arg-type]
