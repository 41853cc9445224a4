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


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` all at once (0600 for a new file). Raises OSError."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "a folder has that name", str(path))
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_files_atomic(folder: Path, files: dict[str, str], *, encoding: str) -> list[Path]:
    """Write several files into ``folder`` (created if missing); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        target = folder / name
        write_text_atomic(target, text, encoding=encoding)
        written.append(target)
    return written
