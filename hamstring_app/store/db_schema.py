"""The schema's revisions: Alembic's scripts, a migration in one transaction, a new file.

A new file gets every table at once, stamped with :data:`HEAD_REVISION`; an older one is
migrated by Alembic with foreign keys off, checked with ``PRAGMA foreign_key_check``
before the transaction commits.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hamstring_app.store.db_failures import plain_reason
from hamstring_app.store.errors import (
    MigrationFailed,
    StorageUnavailable,
    StoreError,
    storage_problem,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest revision in MIGRATIONS_DIR. Knowing it without Alembic lets a file that is
# already current open without importing Alembic at all (most starts). A test compares it
# with the head Alembic computes from the scripts, so a new migration must update it.
HEAD_REVISION = "0004"


def _alembic_config(script_location: Path) -> Config:
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolates "%": escape it so any folder name works.
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


@cache
def _revisions(script_location: Path) -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(script_location))
    heads = script.get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def all_revisions() -> list[str]:
    """Every schema revision this version of the app knows, oldest first."""
    return list(_revisions(MIGRATIONS_DIR))


def _write_meta(conn: Any, revision: str, app_version: str) -> None:
    """Record the revision and app version; ``conn`` is a DB-API or SQLAlchemy connection."""
    statement = (
        "INSERT INTO app_meta (id, schema_revision, app_version) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET schema_revision = excluded.schema_revision, "
        "app_version = excluded.app_version"
    )
    if isinstance(conn, sqlite3.Connection):
        conn.execute(statement, (revision, app_version))
    else:
        conn.exec_driver_sql(statement, (revision, app_version))


def _migrate(
    engine: Engine,
    config: Config,
    target: str,
    *,
    path: Path,
    backup: Path | None,
    app_version: str,
) -> None:
    from alembic import command

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # Outside any transaction, or SQLite ignores it.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationFailed(
                        path, backup, f"{len(broken)} rows point at records that do not exist"
                    )
                _write_meta(conn, target, app_version)
        except StoreError:
            raise
        except Exception as exc:
            log.exception("migration of %s to %s failed", path, target)
            reason = storage_problem(exc)
            if reason is not None:
                raise StorageUnavailable(path.parent, reason) from exc
            raise MigrationFailed(path, backup, plain_reason(exc)) from exc
        finally:
            config.attributes.pop("connection", None)
            raw.execute("PRAGMA foreign_keys=ON")


def _create(engine: Engine, *, path: Path, app_version: str) -> None:
    """A new file: every table in one transaction, stamped with the head revision.

    The same schema as running every migration (tests/store/test_schema.py compares the
    two), without Alembic's imports and its revision-by-revision work.
    """
    from hamstring_app.store import tables

    try:
        with engine.begin() as conn:
            tables.metadata.create_all(conn)
            tables.alembic_version.create(conn)
            conn.execute(tables.alembic_version.insert().values(version_num=HEAD_REVISION))
            _write_meta(conn, HEAD_REVISION, app_version)
    except Exception as exc:
        reason = storage_problem(exc)
        if reason is not None:
            raise StorageUnavailable(path.parent, reason) from exc
        raise
