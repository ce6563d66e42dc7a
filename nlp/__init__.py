"""Kupür's NLP stage: Turkish entity extraction, embeddings and story clustering.

Public entry points: ``nlp.extract.EntityExtractor`` (``kupur extract``), ``nlp.enrich.Enricher``
(``kupur enrich``), ``nlp.embeddings.get_embedder``, ``nlp.stories.assign_stories`` and
``nlp.evaluation`` (``kupur eval nlp``). Turkish text primitives live in ``nlp.turkish``.
"""
