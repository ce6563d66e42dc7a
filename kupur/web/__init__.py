"""Kupür's web application: the JSON API under ``/api``, the Turkish search pages, ``/docs``."""

from kupur.web.app import create_app

__all__ = ["create_app"]
