"""bimer.triage, bimer.triage_many and bimer.Engine, as Python users call them."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import Any

import pytest

import bimer


def test_triage_a_dict(info_request: dict[str, Any]) -> None:
    d = bimer.triage(info_request)
    assert isinstance(d, bimer.Decision)
    assert d.id == "A-1"
    assert d.admissible is True
    assert d.system is bimer.System.CIMER
    assert d.category is bimer.Category.INFORMATION_REQUEST
    assert d.category_source is bimer.CategorySource.DECLARED
    assert d.findings == ()
    assert d.route is not None
    assert d.route.authority is bimer.Authority.INSTITUTION
    assert d.route.institution == "saglik_bakanligi"
    assert d.route.unit == "Ankara İl Sağlık Müdürlüğü"
    assert d.deadline is not None
    assert d.deadline.due_on == dt.date(2027, 1, 22)
    assert d.deadline.extendable_to == dt.date(2027, 2, 12)
    assert d.deadline.period == bimer.Period(15, "business_days")
    assert d.deadline.citation == "4982 m.11"


def test_triage_an_application(info_request: dict[str, Any]) -> None:
    app = bimer.Application.from_dict(info_request)
    assert bimer.triage(app) == bimer.triage(info_request)


def test_application_keyword_constructor(info_request: dict[str, Any]) -> None:
    fields = dict(info_request)
    app = bimer.Application(
        fields.pop("id"), dt.date(2026, 12, 31), **{k: v for k, v in fields.items() if k != "received_on"}
    )
    assert app == bimer.Application.from_dict(info_request)
    assert app.received_on == dt.date(2026, 12, 31)
    assert app.channel is bimer.Channel.WEB
    assert app.category == "information_request"
    assert app.language == "tr"
    assert app.applicant is not None and app.applicant["tckn"] == "10000000146"
    assert app.target["province"] == "Ankara"
    assert app.facts["concerns_applicant"] is True


def test_enum_members_are_accepted_where_strings_are(info_request: dict[str, Any]) -> None:
    info_request["channel"] = bimer.Channel.WEB
    info_request["category"] = bimer.Category.INFORMATION_REQUEST
    assert bimer.triage(info_request).admissible


def test_any_mapping_is_accepted(info_request: dict[str, Any]) -> None:
    ordered = OrderedDict(info_request)
    assert bimer.triage(ordered) == bimer.triage(info_request)


def test_inadmissible_application_explains_itself() -> None:
    d = bimer.triage(
        {
            "id": "A-2",
            "received_on": "2026-12-31",
            "channel": "phone",
            "category": "information_request",
            "subject": "Bilgi",
            "applicant": {"type": "person", "name": "Ali Can", "address": "Bolu"},
        }
    )
    assert not d.admissible
    assert d.deadline is None
    first = d.findings[0]
    assert first.code is bimer.FindingCode.CHANNEL_NOT_WRITTEN
    assert first.severity is bimer.Severity.BLOCKING
    assert first.citation == "4982 m.6 (written or electronic application)"
    assert first.message_tr and first.message_en


def test_triage_many_keeps_order_and_accepts_any_iterable(
    all_vector_applications: list[dict[str, Any]],
) -> None:
    gen = (a for a in all_vector_applications)
    many = bimer.triage_many(gen)
    assert [d.id for d in many] == [a["id"] for a in all_vector_applications]
    assert many == [bimer.triage(a) for a in all_vector_applications]


@pytest.mark.parametrize("threads", [1, 2, 3, 8])
def test_triage_many_threads_do_not_change_results(
    all_vector_applications: list[dict[str, Any]], threads: int
) -> None:
    apps = all_vector_applications * 12
    assert bimer.triage_many(apps, threads=threads) == bimer.triage_many(apps, threads=1)


def test_triage_many_empty() -> None:
    assert bimer.triage_many([]) == []


def test_triage_many_raises_the_first_bad_item_with_its_index(
    info_request: dict[str, Any],
) -> None:
    bad = dict(info_request, chanel="web")
    with pytest.raises(bimer.InvalidApplicationError) as info:
        bimer.triage_many([info_request, info_request, bad, {"id": "x"}])
    assert info.value.index == 2
    assert info.value.field == "chanel"


def test_triage_many_can_return_errors_in_place(info_request: dict[str, Any]) -> None:
    bad = dict(info_request, received_on="2026-02-30")
    out = bimer.triage_many(
        [info_request, bad, 42, info_request], errors="return"
    )
    assert isinstance(out[0], bimer.Decision) and isinstance(out[3], bimer.Decision)
    assert isinstance(out[1], bimer.InvalidApplicationError)
    assert out[1].field == "received_on" and out[1].index == 1
    assert isinstance(out[2], bimer.InvalidApplicationError)
    assert "int" in str(out[2])


def test_triage_many_rejects_bad_arguments(info_request: dict[str, Any]) -> None:
    with pytest.raises(bimer.InvalidInputError) as info:
        bimer.triage_many([info_request], errors="ignore")  # type: ignore[call-overload]
    assert info.value.field == "errors"
    with pytest.raises(bimer.InvalidInputError):
        bimer.triage_many([info_request], threads=0)
    with pytest.raises(bimer.InvalidInputError):
        bimer.triage_many('{"id": "A"}')
    with pytest.raises(bimer.InvalidInputError):
        bimer.triage_many(42)  # type: ignore[call-overload]


def test_triage_releases_the_gil(all_vector_applications: list[dict[str, Any]]) -> None:
    """Threads calling triage_many concurrently get the same answers."""
    apps = all_vector_applications * 10
    expected = bimer.triage_many(apps, threads=1)
    results: list[list[bimer.Decision]] = []

    def work() -> None:
        results.append(bimer.triage_many(apps, threads=1))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_engine_reciprocity_and_calendar() -> None:
    foreigner = {
        "id": "F-1",
        "received_on": "2026-03-02",
        "channel": "web",
        "category": "information_request",
        "subject": "Oturma izni",
        "text": "Kendi oturma izni dosyam hakkında bilgi istiyorum.",
        "applicant": {
            "type": "person",
            "name": "Hans Müller",
            "ykn": "99000000042",
            "nationality": "DE",
            "resident_in_turkey": True,
            "address": "Antalya",
        },
        "target": {"institution": "saglik_bakanligi"},
    }
    codes = {f.code for f in bimer.triage(foreigner).findings}
    engine = bimer.Engine(reciprocity=["de", "AZ"])
    assert engine.reciprocity == ("DE", "AZ")
    with_reciprocity = {f.code for f in engine.triage(foreigner).findings}
    assert bimer.FindingCode.RECIPROCITY_UNVERIFIED in codes - with_reciprocity
    assert engine.triage_many([foreigner])[0] == engine.triage(foreigner)
    assert isinstance(engine.calendar, bimer.Calendar)
    with pytest.raises(bimer.InvalidInputError):
        bimer.Engine(reciprocity="DE")


def test_engine_calendar_policy_changes_the_deadline() -> None:
    app = {
        "id": "H-1",
        "received_on": "2027-02-15",
        "channel": "web",
        "category": "information_request",
        "subject": "Bilgi",
        "applicant": {"type": "person", "name": "Ali Can", "tckn": "10000000146", "address": "Bolu"},
        "target": {"institution": "saglik_bakanligi"},
    }
    default = bimer.triage(app).deadline
    lax = bimer.Engine(bimer.Calendar.turkey().with_policy(half_day="working_day")).triage(app).deadline
    assert default is not None and lax is not None
    assert default.due_on == dt.date(2027, 3, 12)  # 15th business day is the arife
    assert lax.due_on == dt.date(2027, 3, 8)
