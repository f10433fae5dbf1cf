"""The shared golden vectors (tests/vectors/) give identical answers through
Python: the same vectors the Rust, Kotlin and Swift suites run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import bimer
from conftest import DEADLINE_VECTORS, LIFECYCLE_VECTORS, TRIAGE_VECTORS, load_vector


def test_there_are_vectors() -> None:
    assert len(TRIAGE_VECTORS) >= 100
    assert len(DEADLINE_VECTORS) >= 20
    assert len(LIFECYCLE_VECTORS) >= 20


@pytest.mark.parametrize("path", TRIAGE_VECTORS, ids=lambda p: p.stem)
def test_triage_vector(path: Path) -> None:
    vector = load_vector(path)
    decision = bimer.triage(vector["application"])
    # Compared as parsed JSON: the wire format, field for field.
    assert json.loads(decision.to_json()) == vector["decision"]
    assert decision.to_dict() == vector["decision"]


@pytest.mark.parametrize("path", TRIAGE_VECTORS, ids=lambda p: p.stem)
def test_triage_vector_from_json_text_and_application(path: Path) -> None:
    vector = load_vector(path)
    text = json.dumps(vector["application"], ensure_ascii=False)
    from_text = bimer.triage(text)
    from_app = bimer.triage(bimer.Application.from_json(text))
    from_bytes = bimer.triage(text.encode("utf-8"))
    assert from_text == from_app == from_bytes
    assert from_text.to_dict() == vector["decision"]


def test_triage_many_gives_every_vector_in_order() -> None:
    vectors = [load_vector(p) for p in TRIAGE_VECTORS]
    # Enough items to use several threads.
    apps = [v["application"] for v in vectors] * 20
    decisions = bimer.triage_many(apps, threads=4)
    assert [d.to_dict() for d in decisions] == [v["decision"] for v in vectors] * 20


def test_python_dates_in_the_dict_give_the_same_decision() -> None:
    for path in TRIAGE_VECTORS[:20]:
        vector = load_vector(path)
        app: dict[str, Any] = dict(vector["application"])
        app["received_on"] = dt.date.fromisoformat(app["received_on"])
        assert bimer.triage(app).to_dict() == vector["decision"], path.stem


@pytest.mark.parametrize(
    "vector", DEADLINE_VECTORS, ids=[v["name"] for v in DEADLINE_VECTORS]
)
def test_deadline_vector(vector: dict[str, Any]) -> None:
    calendar = bimer.Calendar.turkey()
    if "policy" in vector:
        calendar = calendar.with_policy(bimer.Policy.from_dict(vector["policy"]))
    received = dt.date.fromisoformat(vector["received_on"])
    if "error" in vector:
        with pytest.raises(bimer.BimerError) as info:
            bimer.deadline(received, procedure=vector["procedure"], calendar=calendar)
        assert info.value.code == vector["error"]
        return
    due = bimer.deadline(received, procedure=vector["procedure"], calendar=calendar)
    assert due.due_on.isoformat() == vector["due_on"]
    assert (
        due.extendable_to.isoformat() if due.extendable_to else None
    ) == vector["extendable_to"]
    assert due.citation == vector["citation"]
    assert due.estimated == vector.get("estimated", False)


@pytest.mark.parametrize("path", LIFECYCLE_VECTORS, ids=lambda p: p.stem)
def test_lifecycle_vector(path: Path) -> None:
    vector = load_vector(path)
    case = bimer.Case.from_dict(vector["case"])
    assert bimer.Case.from_json(case.to_json()) == case
    if "error" in vector:
        with pytest.raises(bimer.BimerError) as info:
            case.status(case.received_on)
        assert info.value.code == vector["error"]["code"]
        assert str(info.value).startswith(vector["error"]["message_starts_with"])
        return
    assert vector["statuses"]
    for step in vector["statuses"]:
        status = case.status(dt.date.fromisoformat(step["as_of"]))
        assert status.to_dict() == step["status"], step["as_of"]
