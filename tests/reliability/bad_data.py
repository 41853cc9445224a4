"""Data files with one bad row or a missing part, made by hand as another program (or a
damaged disk) could leave them: each passes the schema's CHECKs but cannot be read."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

from hamstring_app.core.models import CheckIn, History, Profile, Run, SetLog, StrengthSession
from hamstring_app.paths import DB_NAME
from hamstring_app.store.repository import open_repository

TODAY = date(2026, 3, 16)


def make_data(folder: Path, app_version: str = "test") -> Path:
    """A healthy data folder: a profile, three check-ins, two runs and a session."""
    repo = open_repository(folder, today=lambda: TODAY, app_version=app_version)
    try:
        repo.import_history(
            History(
                profile=Profile(date(2026, 3, 1)),
                checkins=tuple(CheckIn(date(2026, 3, d), pain_rest=2) for d in (10, 11, 12)),
                runs=(Run(date(2026, 3, 10), 5.0), Run(date(2026, 3, 12), 6.0)),
                strength_sessions=(
                    StrengthSession(date(2026, 3, 11), sets=(SetLog("bridge_hold", 1, pain=1),)),
                ),
            )
        )
    finally:
        repo.close()
    return folder / DB_NAME


def spoil(path: Path, *statements: str) -> str:
    """Run raw SQL on the file (checkpointed, so it is all in the main file); its sha256."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return digest(path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (name, SQL that spoils one row, what the sentence must name, check-ins still read)
BAD_ROWS = [
    (
        "impossible date",
        "UPDATE checkin SET day = '2026-02-30' WHERE day = '2026-03-10'",
        "the check-in dated 2026-02-30",
        2,
    ),
    (
        "invalid UTF-8 in a note",
        "UPDATE checkin SET note = CAST(X'6f6b20ff20' AS TEXT) WHERE day = '2026-03-11'",
        "the check-in dated 2026-03-11",
        2,
    ),
    (
        "garbage start time",
        "UPDATE strength_session SET started_at = '2026-03-11Tlate' WHERE day = '2026-03-11'",
        "the strength session of 2026-03-11",
        3,
    ),
    (
        "run with an impossible date",
        "UPDATE run SET day = '2026-02-31' WHERE day = '2026-03-12'",
        "the run dated 2026-02-31",
        3,
    ),
]

# (name, SQL that removes a part, what the refusal must name)
DRIFT = [
    ("a missing table", "DROP TABLE set_log", "set_log"),
    ("a missing column", "ALTER TABLE strength_session DROP COLUMN programme_id", "programme_id"),
]
