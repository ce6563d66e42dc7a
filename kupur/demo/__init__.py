"""The bundled demo: a hand-written Turkish news corpus and three static sites built from it.

``kupur demo`` serves the sites on 127.0.0.1 (``kupur.demo.server.serve_demo_sites``), points the
real spiders at them through ``kupur/demo/sources.yaml`` (``render_sources``) and runs the pipeline.
The same pages are the crawler's labelled extraction set: ``kupur.demo.truth.load_truth`` gives the
expected title, dates and body of every article page. ``python -m kupur.demo.build`` regenerates the
committed sites from ``kupur/demo/corpus/*.yaml``.
"""
