"""The application layer: the Kupur object, archive, pipeline, migrations and exporters."""
