"""What a backup is called, where it goes, and what it holds (see backups.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hamstring_app.core.words import count_of
from hamstring_app.paths import BACKUP_DIR, DB_NAME
from hamstring_app.store.errors import StoreError

DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_UPDATE = "before-update"  # the pre-migration copies made by db_backup.py
KINDS = (DAILY, MANUAL, BEFORE_RESTORE)
SUFFIX = ".sqlite3"

_OURS = re.compile(r"^backup-(\d{8}-\d{6})-(daily|manual|before-restore)(?:-\d+)?\.sqlite3$")
_PRE_MIGRATION = re.compile(
    r"^" + re.escape(Path(DB_NAME).stem) + r"-(\d{8}-\d{6})-rev[\w]+(?:-\d+)?\.sqlite3$"
)


class BackupFailed(StoreError):
    """No backup was kept; ``str()`` says why."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds (counts are None when it could not be read)."""

    path: Path
    taken: datetime
    kind: str
    size: int
    checkins: int | None = None
    runs: int | None = None
    sessions: int | None = None
    first_day: date | None = None
    last_day: date | None = None
    problem: str | None = None  # why it cannot be read, when it cannot

    def contents(self) -> str:
        """A plain summary: "212 check-ins, 130 runs, 40 sessions (2025-01-03 to ...)"."""
        if self.problem is not None:
            return f"cannot be read: {self.problem}"
        text = (
            f"{count_of(self.checkins, 'check-in')}, {count_of(self.runs, 'run')}, "
            f"{count_of(self.sessions, 'strength session')}"
        )
        if self.first_day and self.last_day:
            text += f" ({self.first_day.isoformat()} to {self.last_day.isoformat()})"
        return text


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def chosen_folder(where: Path | str | None) -> Path | None:
    """The folder the person chose for backups, or None for ``backups/``; BackupFailed
    when it is not there (a drive not plugged in): it is never made on a guess."""
    if where is None or not str(where).strip():
        return None
    folder = Path(str(where).strip()).expanduser()
    if not folder.is_dir():
        raise BackupFailed(
            f"The backup folder {folder} is not there (is its drive connected?), so no "
            "backup was made. Choose another one in File > Settings."
        )
    return folder


def backup_name(kind: str, now: datetime) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of backup {kind!r}")
    return f"backup-{now.strftime('%Y%m%d-%H%M%S')}-{kind}{SUFFIX}"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    """When a backup was taken and its kind, from its name; None for other files."""
    for pattern, kind in ((_OURS, None), (_PRE_MIGRATION, BEFORE_UPDATE)):
        found = pattern.match(path.name)
        if found:
            try:
                taken = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
            except ValueError:
                return None
            return taken, kind or found.group(2)
    return None
