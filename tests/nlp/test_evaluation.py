from __future__ import annotations

from kupur.core.models import Entities, Person, ProvinceRef
from kupur.nlp.evaluation import ENTITY_TYPES, EvalText, evaluate, load_eval_set
from kupur.nlp.gazetteer import load_gazetteer


def test_the_set_is_large_and_covers_every_type():
    texts = load_eval_set()
    assert len(texts) >= 60
    assert len({t.id for t in texts}) == len(texts)
    for key in (
        "provinces",
        "districts",
        "people",
        "organizations",
        "projects",
        "dates",
        "figures",
    ):
        assert sum(len(t.gold[key]) for t in texts) >= 10, key


def test_scores_count_hits_misses_and_extras():
    text = EvalText(
        id="t",
        text="",
        gold={
            "provinces": ("Samsun", "Ordu"),
            "districts": (),
            "people": ("Ali Veli | Vali",),
            "organizations": (),
            "projects": (),
            "dates": (),
            "figures": ("17076 çocuk",),
        },
    )
    predicted = Entities(
        provinces=[ProvinceRef("Samsun", 55), ProvinceRef("Aydın", 9)],
        people=[Person("Ali Veli", title="Kaymakam")],
    )
    scores = evaluate([text], [predicted], load_gazetteer())
    assert set(scores) == set(ENTITY_TYPES)
    assert (scores["provinces"].tp, scores["provinces"].fp, scores["provinces"].fn) == (1, 1, 1)
    assert scores["people"].f1 == 1.0
    assert scores["officials"].f1 == 0.0
    assert scores["figures"].recall == 0.0


def test_the_extractor_reaches_the_target_on_the_set(extractor):
    texts = load_eval_set()
    scores = evaluate(texts, extractor.extract_many([t.text for t in texts]), extractor.gazetteer)
    assert {kind: round(s.f1, 2) for kind, s in scores.items() if s.f1 < 0.9} == {}
