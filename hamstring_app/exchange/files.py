"""Writing export files safely: a whole new file or none, readable by the owner only.

Each file is written to a temporary name beside its target, flushed to disk, then moved
over the target in one step, so a full disk or a crash never leaves half a file where an
older good one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _write_temp(path: Path, text: str, encoding: str) -> str:
    """``text`` in a new temporary file beside ``path``, flushed to disk; its name."""
    if path.is_dir():
        raise IsADirectoryError(21, "a folder has that name", str(path))
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` all at once (0600 for a new file). Raises OSError."""
    path = Path(path)
    temp = _write_temp(path, text, encoding)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_files_atomic(folder: Path, files: dict[str, str], *, encoding: str) -> list[Path]:
    """Write several files into ``folder`` (created if missing); returns their paths.

    Every file is written whole under a temporary name first, and only then are they all
    moved into place, so a file that cannot be written (a full disk, a folder with its
    name) leaves all the files there as they were. Raises OSError naming the file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            target = folder / name
            try:
                temps.append((_write_temp(target, text, encoding), target))
            except OSError as exc:
                if not exc.filename:
                    exc.filename = str(target)
                raise
        for temp, target in temps:
            os.replace(temp, target)
    finally:
        for temp, _target in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)  # gone already once moved into place
    return [target for _temp, target in temps]
