"""Shared fixtures of the bimer Python tests: the repository's golden vectors
and a few applications."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
TRIAGE_VECTORS = sorted((VECTORS / "triage").glob("*.json"))
LIFECYCLE_VECTORS = sorted((VECTORS / "lifecycle").glob("*.json"))
DEADLINE_VECTORS = [
    json.loads(line)
    for line in (VECTORS / "deadlines.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]

# A valid TCKN (check digits correct) that must never appear in a repr or error.
TCKN = "10000000146"


def load_vector(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def info_request() -> dict[str, Any]:
    """An admissible information request to the Ministry of Health, Ankara."""
    return {
        "id": "A-1",
        "received_on": "2026-12-31",
        "channel": "web",
        "category": "information_request",
        "subject": "İhale kararları",
        "text": "2026 yılı ihale kararlarının bir örneğini talep ediyorum.",
        "applicant": {
            "type": "person",
            "name": "Ayşe Yılmaz",
            "tckn": TCKN,
            "address": "Kızılay, Ankara",
        },
        "target": {"institution": "saglik_bakanligi", "province": "Ankara"},
    }


@pytest.fixture
def all_vector_applications() -> list[dict[str, Any]]:
    return [load_vector(p)["application"] for p in TRIAGE_VECTORS]
