"""Where the user's data lives, and how to override it.

Paths come from platformdirs (the maintained successor of the deprecated appdirs).
Order of precedence: ``--data-dir``, then ``HAMSTRING_COACH_DATA``, then the platform's
user data folder. Nothing is ever written outside the chosen folder.
"""

from __future__ import annotations

import contextlib
import errno
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


def not_a_folder(path: Path) -> Path | None:
    """The part of ``path`` that exists but is not a folder (``path`` itself or a parent),
    so the data folder can never be made there; None when it can be used or made."""
    for candidate in (path, *path.parents):
        try:
            if candidate.is_dir():
                return None
            if candidate.exists() or candidate.is_symlink():
                return candidate
        except OSError:
            return None  # cannot tell: opening the folder gives the reason
    return None


def ensure_private_dir(path: Path, *, ours: bool = False) -> Path:
    """Create ``path`` (and parents) if needed, and make it private without widening it.

    Group and other permissions are removed (never added) only from a folder that is
    clearly the app's own: one created here, one that already holds the database, or one
    the caller vouches for with ``ours``. A folder of the person's own (say ~/Documents
    given as --data-dir) keeps its permissions. One vouched for with ``ours`` must not be a
    symbolic link (LinkRefused): the app writes nothing outside the data folder.
    """
    if ours:  # the app's own folders (backups/) are real folders inside the data folder
        refuse_link(path, folder=True)
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


class LinkRefused(OSError):
    """A file the app writes is a symbolic link: writing or chmod-ing it would reach a file
    outside the data folder, so the app refuses. ``str()`` is a sentence for a person."""

    def __init__(self, path: Path, *, folder: bool = False) -> None:
        try:
            target = os.readlink(path)
        except OSError:
            target = "somewhere else"
        kind = "folder" if folder else "file"
        super().__init__(
            errno.ELOOP,
            f"{path} is a link to {target}, not a real {kind}; Hamstring Coach writes only "
            f"real files inside its data folder. Nothing was changed. Put the {kind} itself "
            "there (or remove the link), or pick another folder with --data-dir",
        )
        self.path = Path(path)

    def __str__(self) -> str:
        return f"{self.strerror}."


def refuse_link(path: Path, *, folder: bool = False) -> None:
    """Raise LinkRefused when ``path`` is a symbolic link (even a dangling one)."""
    if path.is_symlink():
        raise LinkRefused(path, folder=folder)


def make_private_file(path: Path) -> None:
    """Remove group and other permissions from an existing file; never add any.
    A link is left alone: its target is not the app's to change."""
    _drop_group_and_other(path)


def _drop_group_and_other(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        path.chmod(mode & ~0o077)



PROBE_BYTES = 4096  # one block: an empty file needs no space on a full disk, this does


def mounted_read_only(folder: Path) -> bool:
    """True when ``folder`` is on a file system mounted read-only (False where that cannot
    be asked, as on Windows, which has no statvfs)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def write_problem(folder: Path) -> OSError | None:
    """Why nothing can be written in ``folder`` (read-only, no permission, full disk),
    found by writing a small probe file and removing it; None when that works.

    For telling the true cause of a failure that did not say it (Qt's lock file reports
    only that it could not be written)."""
    if mounted_read_only(folder):  # elsewhere (say, Windows) the probe tells
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))
    probe = folder / f".probe-{os.getpid()}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except OSError as exc:
        return exc
    try:
        os.write(fd, b"\0" * PROBE_BYTES)
        os.fsync(fd)
    except OSError as exc:
        return exc
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            probe.unlink()
    return None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
