"""bimer.Case: events, status(as_of), illegal transitions as typed errors,
recomputation when the calendar changes (DESIGN §2.7)."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import bimer

d = dt.date


def information_request() -> bimer.Case:
    return bimer.Case("BE-1", "information_request", "institution", d(2025, 4, 14))


def test_status_of_a_new_case() -> None:
    case = information_request()
    assert case.events == ()
    assert case.procedure() is bimer.Procedure.INFORMATION_REQUEST
    st = case.status(d(2025, 4, 30))
    assert st.state is bimer.State.RECEIVED
    assert st.due_on == d(2025, 5, 7)  # 15 business days, skipping 23 April and 1 May
    assert (st.days_left, st.days_left_unit) == (4, bimer.Unit.BUSINESS_DAYS)
    assert not st.overdue and st.citation == "4982 m.11"
    assert st.as_of == d(2025, 4, 30) and st.id == "BE-1"
    late = case.status(d(2025, 5, 9))
    assert late.overdue and late.days_left is not None and late.days_left < 0


def test_events_and_an_illegal_second_extension() -> None:
    case = information_request().with_event(
        bimer.Event("extension_notified", d(2025, 5, 7), reason=bimer.ExtensionReason.OTHER_UNIT)
    )
    assert case.status(d(2025, 5, 7)).due_on == d(2025, 5, 29)
    assert case.status(d(2025, 5, 7)).state is bimer.State.EXTENDED
    with pytest.raises(bimer.LifecycleError) as info:
        case.with_event({"event": "extension_notified", "on": "2025-05-08", "reason": "other_unit"})
    assert info.value.code == "extension_twice"
    assert str(info.value).startswith("4982 m.11")
    assert len(case.events) == 1  # unchanged


def test_refusal_opens_the_bedk_objection() -> None:
    case = (
        information_request()
        .with_event(bimer.Event("answered", d(2025, 5, 20), outcome="refused"))
        .with_event(bimer.Event("refusal_notified", d(2025, 5, 22), ground=bimer.RefusalGround.OTHER))
    )
    st = case.status(d(2025, 5, 22))
    assert st.state is bimer.State.ANSWERED and st.outcome is bimer.Outcome.REFUSED
    nxt = st.next_deadline_for_applicant
    assert nxt is not None
    assert nxt.action is bimer.ApplicantAction.OBJECT_TO_BEDK
    assert nxt.due_on == d(2025, 6, 10)  # 6 June falls in Kurban Bayramı
    assert nxt.citation == "4982 m.13"
    with pytest.raises(bimer.LifecycleError) as info:
        case.with_event(bimer.Event("objected", d(2025, 6, 20)))
    assert info.value.code == "objection_late"


def test_answer_before_receipt_and_bad_histories() -> None:
    with pytest.raises(bimer.LifecycleError) as info:
        information_request().with_event(bimer.Event("answered", d(2025, 4, 1), outcome="granted"))
    assert info.value.code == "before_receipt"
    with pytest.raises(bimer.LifecycleError) as info:
        information_request().status(d(2025, 4, 1))
    assert info.value.code == "as_of_before_receipt"
    with pytest.raises(bimer.InvalidCaseError) as info2:
        bimer.Case("E-2", "ethics_complaint", "institution", d(2025, 4, 14))
    assert info2.value.field == "authority"
    with pytest.raises(bimer.InvalidCaseError) as info2:
        bimer.Case.from_json(
            '{"id": "A", "category": "petition", "authority": "institution", '
            '"received_on": "2025-04-14", "events": [{"event": "fee_paid", "on": "2025-04-31"}]}'
        )
    assert info2.value.field == "events[0].on"
    with pytest.raises(bimer.InvalidInputError):
        bimer.Event("fee_paid", d(2025, 1, 1), amount="5.00")
    with pytest.raises(bimer.InvalidInputError):
        bimer.Event("teleported", d(2025, 1, 1))


def test_case_from_a_triaged_application() -> None:
    app = {"id": "H-1", "received_on": "2025-04-14", "category": "human_rights",
           "facts": {"deprived_of_liberty": True}}
    route = bimer.triage(app).route
    assert route is not None
    case = bimer.Case.from_application(app, route.authority)
    assert case.procedure() is bimer.Procedure.TIHEK
    assert case.received_on == d(2025, 4, 14)


def test_calendar_and_policy() -> None:
    case = bimer.Case(
        "BE-2", "information_request", "institution", "2025-03-20",
        policy=bimer.ClockPolicy(fee="pause_and_resume"),
        events=[bimer.Event("fee_notified", d(2025, 3, 25), amount="37.50")],
    )
    assert case.policy.fee is bimer.FeePolicy.PAUSE_AND_RESUME
    assert case.events[0].details == {"on": "2025-03-25", "amount": "37.50"}
    st = case.status(d(2025, 3, 26))
    assert st.state is bimer.State.AWAITING_FEE
    assert st.next_deadline_for_applicant is not None
    assert st.next_deadline_for_applicant.action is bimer.ApplicantAction.PAY_FEE
    plain = information_request()
    leave = bimer.Calendar.turkey().with_policy(administrative_leave="holiday")
    assert plain.status(d(2025, 4, 30), calendar=leave).due_on is not None


def test_recompute_reports_moved_due_dates() -> None:
    before = bimer.Calendar.turkey()
    after = before.patched(
        {"holidays": [{"date": "2025-05-06", "name_tr": "Örnek", "name_en": "Example"}]}
    )
    moved = information_request().recompute(before, after, d(2025, 5, 2))
    assert len(moved) == 1
    m = moved[0]
    assert m.deadline is bimer.Procedure.INFORMATION_REQUEST
    assert (m.from_, m.to) == (d(2025, 5, 7), d(2025, 5, 8))
    assert m.to_dict()["from"] == "2025-05-07"


def test_lifecycle_values_round_trip() -> None:
    case = information_request().with_event(
        bimer.Event("extension_notified", d(2025, 5, 7), reason="other_unit")
    )
    values = [case, case.events[0], case.status(d(2025, 5, 7)), case.policy]
    for v in values:
        assert type(v).from_json(v.to_json()) == v
        assert type(v).from_dict(v.to_dict()) == v
        assert pickle.loads(pickle.dumps(v)) == v
        assert hash(pickle.loads(pickle.dumps(v))) == hash(v)
    assert repr(case) == (
        "Case(id='BE-1', category='information_request', authority='institution', "
        "received_on=datetime.date(2025, 4, 14), events=1)"
    )
