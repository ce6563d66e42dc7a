"""Kupür's NLP stage: Turkish entity extraction, embeddings and story clustering.

Public entry points: ``kupur.nlp.extract.EntityExtractor`` (``kupur extract``), ``kupur.nlp.enrich.Enricher``
(``kupur enrich``), ``kupur.nlp.embeddings.get_embedder``, ``kupur.nlp.stories.assign_stories`` and
``kupur.nlp.evaluation`` (``kupur eval nlp``). Turkish text primitives live in ``kupur.core.turkish``.
"""
