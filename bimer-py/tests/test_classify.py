"""bimer.classify: category, kind, topic with confidences and evidence (DESIGN §2.6)."""

from __future__ import annotations

import pickle

import bimer


def test_information_request_is_recognised() -> None:
    c = bimer.classify(
        "Bilgi edinme", "4982 sayılı Kanun uyarınca ihale kararlarının bir örneğini talep ediyorum."
    )
    assert c.category is bimer.Category.INFORMATION_REQUEST
    assert 0.0 <= c.confidence <= 1.0 and not c.needs_review
    assert c.petition_kind is None
    assert c.evidence and all(isinstance(e, bimer.Evidence) for e in c.evidence)
    e = c.evidence[0]
    assert e.label.startswith("category:") and e.matched and e.weight > 0
    assert e.field in (bimer.TextField.SUBJECT, bimer.TextField.TEXT)


def test_turkish_folding_and_suggested_facts() -> None:
    c = bimer.classify("Hastanede ayrimcilik", "Hastanede yabanci oldugum icin ayrimciliga ugradim, dava actim")
    assert c.topic is bimer.Topic.HEALTH
    facts = {f.fact for f in c.suggested_facts}
    assert bimer.Fact.DISCRIMINATION in facts
    for f in c.suggested_facts:
        assert f.evidence


def test_classification_is_a_value() -> None:
    c = bimer.classify("Şikâyet", "Belediye çöpleri toplamıyor, şikâyet ediyorum.")
    assert bimer.Classification.from_json(c.to_json()) == c
    assert pickle.loads(pickle.dumps(c)) == c
    assert hash(bimer.Classification.from_dict(c.to_dict())) == hash(c)
    assert bimer.classify("Şikâyet", "Belediye çöpleri toplamıyor, şikâyet ediyorum.") == c


def test_empty_and_hostile_text() -> None:
    assert isinstance(bimer.classify("", ""), bimer.Classification)
    assert isinstance(bimer.classify("İıIi" * 1000, "\x00\ud7ff" * 1000 + "ş" * 10_000), bimer.Classification)
