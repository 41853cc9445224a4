"""Alembic environment, driven from code by hamstring_app.store.db.

There is no alembic.ini: db_schema.py builds the Config, opens the connection (foreign keys
off, one transaction around everything) and passes it in ``config.attributes``.
"""

from __future__ import annotations

from alembic import context

from hamstring_app.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running alembic by hand
    raise RuntimeError("Migrations run from hamstring_app.store.db.open_database only.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite changes most tables by copy-and-rename
    transactional_ddl=True,  # the connection emits BEGIN itself; see db_connect.py
)
with context.begin_transaction():
    context.run_migrations()
