"""The folder lock fails for one of several reasons, and the message gives the true one:
another copy holds it, the folder is read-only, it is not yours to write, or the disk is
full. Faults are injected where the operating system would report them."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtCore import QLockFile

from hamstring_app import paths as paths_module
from hamstring_app.ui import app as app_module
from hamstring_app.ui import launch_lock
from hamstring_app.ui.app import LaunchRefused


class _FailingLock:
    """A QLockFile whose lock cannot be written (as on a full or read-only disk)."""

    LockError = QLockFile.LockError

    def __init__(self, path: str) -> None:
        self.path = path

    def setStaleLockTime(self, ms: int) -> None:
        pass

    def tryLock(self, ms: int) -> bool:
        return False

    def error(self) -> QLockFile.LockError:
        return QLockFile.LockError.UnknownError


def _fail_writes_with(monkeypatch, code: int) -> None:
    """Creating or writing a file in the data folder fails with ``code`` from now on."""
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and "probe" in os.fspath(path):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(paths_module.os, "open", failing_open)


REASONS = [
    (errno.ENOSPC, "the disk is full", "Free some space"),
    (errno.EROFS, "it is read-only", "read-only"),
    (errno.EACCES, "you do not have permission to write there", "permission"),
    (errno.EPERM, "you do not have permission to write there", "permission"),
]


@pytest.mark.parametrize(
    ("code", "reason", "advice"), REASONS, ids=[errno.errorcode[r[0]] for r in REASONS]
)
def test_a_lock_that_cannot_be_written_names_the_true_cause(
    qapp, tmp_path, monkeypatch, code, reason, advice
):
    monkeypatch.setattr(launch_lock, "QLockFile", _FailingLock)
    _fail_writes_with(monkeypatch, code)
    with pytest.raises(LaunchRefused) as refused:
        app_module.launch(data_dir=tmp_path / "data")
    text = str(refused.value)
    assert f"({reason})" in text
    assert advice in text
    assert "Nothing was changed" in text and "--data-dir" in text
    others = {r for _, r, _ in REASONS} - {reason}
    assert not any(other in text for other in others)
    assert not (tmp_path / "data" / "hamstring-coach.sqlite3").exists()


def test_a_full_disk_found_only_by_writing_is_still_called_full(qapp, tmp_path, monkeypatch):
    """Making an empty file needs no space; writing into it does."""
    monkeypatch.setattr(launch_lock, "QLockFile", _FailingLock)
    real_write = os.write

    def no_space(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1].startswith(".probe"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(paths_module.os, "write", no_space)
    with pytest.raises(LaunchRefused, match=r"\(the disk is full\)"):
        app_module.launch(data_dir=tmp_path / "data")
    assert [p.name for p in (tmp_path / "data").iterdir() if "probe" in p.name] == []


def test_a_lock_that_fails_for_no_reason_found_says_so(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(launch_lock, "QLockFile", _FailingLock)
    with pytest.raises(LaunchRefused) as refused:
        app_module.launch(data_dir=tmp_path / "data")
    text = str(refused.value)
    assert "hamstring-coach.lock" in text and "could not be written" in text
    assert "permission" not in text and "full" not in text


def test_a_lock_held_by_another_copy_says_it_is_open(session_factory, tmp_path):
    first = session_factory(tmp_path / "data")
    assert first.lock is not None
    with pytest.raises(LaunchRefused) as refused:
        app_module.launch(data_dir=tmp_path / "data")
    text = str(refused.value)
    assert "already open" in text
    assert "cannot be written" not in text
