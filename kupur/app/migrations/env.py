"""Alembic's environment for Kupür's database; run by ``kupur.app.migrations``, never by hand.

Kupür opens, locks and later commits the connection itself and hands it over in
``config.attributes["connection"]``, so this file only configures Alembic on it. There is no
offline (``--sql``) mode: Kupür's upgrades look at the database before they change it.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, MetaData

config = context.config
connection = config.attributes.get("connection")
if not isinstance(connection, Connection) or context.is_offline_mode():
    raise RuntimeError(
        "Kupür's migrations run on a connection given by kupur.app.migrations "
        "(kupur db upgrade, or opening the archive), not from the alembic command"
    )

target_metadata: MetaData | list[MetaData] | None = config.attributes.get("target_metadata")
if target_metadata is not None and not isinstance(target_metadata, MetaData):
    target_metadata = list(target_metadata)


def _ours(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Autogenerate looks only at Kupür's tables: APScheduler's job store is APScheduler's."""
    if type_ != "table" or target_metadata is None:
        return True
    metadatas = [target_metadata] if isinstance(target_metadata, MetaData) else target_metadata
    return any(name in metadata.tables for metadata in metadatas)


context.configure(
    connection=connection,
    target_metadata=target_metadata,
    include_name=_ours,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
