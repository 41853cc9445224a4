"""Where the user's data lives, and how to override it.

Paths come from platformdirs (the maintained successor of the deprecated appdirs).
Order of precedence: ``--data-dir``, then ``HAMSTRING_COACH_DATA``, then the platform's
user data folder. Nothing is ever written outside the chosen folder.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from hamstring_app import APP_ID

ENV_VAR = "HAMSTRING_COACH_DATA"
DB_NAME = "hamstring-coach.sqlite3"
LOG_NAME = "hamstring-coach.log"
LOCK_NAME = "hamstring-coach.lock"
BACKUP_DIR = "backups"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def log_file(self) -> Path:
        return self.root / LOG_NAME

    @property
    def lock_file(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUP_DIR


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_ID, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def ensure_private_dir(path: Path, *, ours: bool = False) -> Path:
    """Create ``path`` (and parents) if needed, and make it private without widening it.

    Group and other permissions are removed (never added) only from a folder that is
    clearly the app's own: one created here, one that already holds the database, or one
    the caller vouches for with ``ours``. A folder of the person's own (say ~/Documents
    given as --data-dir) keeps its permissions.
    """
    created = False
    if not path.is_dir():
        parent = path.parent
        parent.mkdir(parents=True, exist_ok=True)
        try:
            path.mkdir(mode=0o700)
            created = True
        except FileExistsError:
            if not path.is_dir():
                raise
    if created or ours or (path / DB_NAME).exists():
        _drop_group_and_other(path)
    return path


def make_private_file(path: Path) -> None:
    """Remove group and other permissions from an existing file; never add any."""
    _drop_group_and_other(path)


def _drop_group_and_other(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        path.chmod(mode & ~0o077)

