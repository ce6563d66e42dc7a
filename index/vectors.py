"""Article embeddings next to the embedded index, searched by brute-force cosine similarity.

Files in the index generation's directory: ``vectors.f32`` (rows of float32, unit length),
``vectors.ids.json`` (the article id of each row, "" for a freed row) and ``vectors.meta.json``
(the dimension). Rows are overwritten in place on update; new ones are appended. At 100k × 512 a
full scan is one matrix-vector product (tens of milliseconds).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from kupur.core.errors import BackendMismatch, SearchError

__all__ = ["VectorStore"]

Matrix = npt.NDArray[np.float32]


class VectorStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._data = directory / "vectors.f32"
        self._ids_file = directory / "vectors.ids.json"
        self._meta = directory / "vectors.meta.json"
        self._loaded_stamp: tuple[int, int] | None = None
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._dim = 0
        self._matrix: Matrix = np.zeros((0, 0), dtype=np.float32)
        self._freed: npt.NDArray[np.intp] = np.zeros(0, dtype=np.intp)

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self._ids_file.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _refresh(self) -> None:
        """Reload when another process (or this one) has written since the last load."""
        stamp = self._stamp()
        if stamp == self._loaded_stamp:
            return
        self._loaded_stamp = stamp
        if stamp is None:
            self._ids, self._rows, self._dim = [], {}, 0
            self._matrix = np.zeros((0, 0), dtype=np.float32)
            return
        try:
            ids = json.loads(self._ids_file.read_text(encoding="utf-8"))
            dim = int(json.loads(self._meta.read_text(encoding="utf-8"))["dim"])
            raw = np.fromfile(self._data, dtype=np.float32)
            matrix = raw[: len(ids) * dim].reshape(len(ids), dim)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self._loaded_stamp = None
            raise BackendMismatch(
                f"the embeddings beside the search index in {self.directory} are damaged "
                f"({exc}); rebuild the index with `kupur index --rebuild`"
            ) from exc
        self._ids, self._dim, self._matrix = ids, dim, matrix
        self._rows = {article_id: row for row, article_id in enumerate(self._ids) if article_id}
        freed = [row for row, article_id in enumerate(self._ids) if not article_id]
        self._freed = np.array(freed, dtype=np.intp)

    def __len__(self) -> int:
        self._refresh()
        return len(self._rows)

    def get(self, article_id: str) -> Matrix | None:
        self._refresh()
        row = self._rows.get(article_id)
        return None if row is None else self._matrix[row]

    def write(self, vectors: Sequence[tuple[str, Sequence[float] | None]]) -> None:
        """Set (or, for ``None``, drop) the vector of each article id."""
        self._refresh()
        dims = {len(v) for _, v in vectors if v is not None}
        if self._dim:
            dims.add(self._dim)
        if len(dims) > 1:
            raise SearchError(
                f"embeddings of different sizes ({sorted(dims)}) cannot share one index; "
                "re-embed the archive with one model and reindex"
            )
        dim = dims.pop() if dims else self._dim
        if not dim:
            return
        ids = list(self._ids)
        rows = dict(self._rows)
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._data.open("r+b" if self._data.exists() else "w+b") as handle:
            for article_id, vector in vectors:
                row = rows.get(article_id)
                if vector is None:
                    if row is not None:
                        ids[row] = ""
                        del rows[article_id]
                    continue
                if row is None:
                    row = len(ids)
                    ids.append(article_id)
                    rows[article_id] = row
                handle.seek(row * dim * 4)
                handle.write(_unit(np.asarray(vector, dtype=np.float32)).tobytes())
        _write_atomic(self._meta, json.dumps({"dim": dim}))
        _write_atomic(self._ids_file, json.dumps(ids))

    def delete(self, article_ids: Iterable[str]) -> None:
        self.write([(article_id, None) for article_id in article_ids])

    def nearest(self, query: Sequence[float] | Matrix, limit: int) -> list[tuple[str, float]]:
        """The ``limit`` most similar article ids, best first, with their cosine similarity."""
        self._refresh()
        if not self._rows or limit <= 0:
            return []
        vector = np.asarray(query, dtype=np.float32)
        if vector.shape != (self._dim,):
            raise SearchError(
                f"the query embedding has {vector.shape[-1]} dimensions but the index holds "
                f"{self._dim}; embed the query with the model the archive was embedded with"
            )
        scores = self._matrix @ _unit(vector)
        scores[self._freed] = -np.inf
        limit = min(limit, len(self._rows))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top])]
        return [(self._ids[row], float(scores[row])) for row in top]


def _unit(vector: Matrix) -> Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
