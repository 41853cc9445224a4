"""SQLAlchemy Core for the repository's writes, with the tables, in one namespace.

The repository imports this on its first write only (``repository_base._sql``): reads and
opening a current file need none of it.
"""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.exc import DBAPIError

from hamstring_app.store.tables import (
    app_meta,
    checkin,
    profile,
    run,
    set_log,
    setting,
    strength_session,
)

__all__ = [
    "DBAPIError",
    "app_meta",
    "checkin",
    "delete",
    "func",
    "insert",
    "profile",
    "run",
    "select",
    "set_log",
    "setting",
    "strength_session",
    "update",
    "upsert",
]
