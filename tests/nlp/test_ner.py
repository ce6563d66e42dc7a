"""The transformers NER backend, exercised with a tiny random BERT saved in the test.

No real Turkish NER weights exist on this machine, so the model is random; its classifier is
set so that every word is B-ORG, which makes the expected entities (one per word, sub-word pieces
merged) known without any mock.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from kupur.core.errors import ModelNotFoundError  # noqa: E402
from kupur.nlp.extract import EntityExtractor  # noqa: E402
from kupur.nlp.ner import TransformersNER  # noqa: E402

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
VOCAB = [
    "[PAD]",
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "[MASK]",
    "yeşil",
    "##ay",
    "derneği",
    "ile",
    "ali",
    "kaya",
    "görüştü",
    ".",
    "samsun",
    "##'",
    "##da",
]


def _tiny_model(folder, favour: str):
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True)
    config = transformers.BertConfig(
        vocab_size=len(VOCAB),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-5.0)
        model.classifier.bias[LABELS.index(favour)] = 5.0
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_entities_are_whole_words(tmp_path):
    ner = TransformersNER(_tiny_model(tmp_path, "B-ORG"))
    text = "Yeşilay derneği ile görüştü."
    spans = [(text[e.start : e.end], e.label) for e in ner.predict(text)]
    assert spans == [
        ("Yeşilay", "ORG"),
        ("derneği", "ORG"),
        ("ile", "ORG"),
        ("görüştü", "ORG"),
        (".", "ORG"),
    ]


def test_inside_labels_merge_into_one_person(tmp_path):
    ner = TransformersNER(_tiny_model(tmp_path, "I-PER"))
    text = "Ali Kaya"
    assert [(text[e.start : e.end], e.label) for e in ner.predict(text)] == [("Ali Kaya", "PER")]


def test_extractor_adds_model_people(tmp_path):
    extractor = EntityExtractor(ner_model=str(_tiny_model(tmp_path, "I-PER")))
    people = extractor.extract("ali kaya görüştü").people
    assert [p.name for p in people] == ["ali kaya görüştü"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match=r"nlp\.ner_model"):
        TransformersNER(tmp_path / "absent")
    with pytest.raises(ModelNotFoundError):
        EntityExtractor(ner_model=str(tmp_path / "absent"))
