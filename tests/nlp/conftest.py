from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def extractor():
    from kupur.nlp.extract import EntityExtractor

    return EntityExtractor()
