"""The log never puts a traceback in front of the person: a log file that can no longer be
written (a full disk) is given up quietly, while logging and when it is closed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from hamstring_app.logs import setup_logging, teardown_logging

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@needs_dev_full
def test_a_full_disk_while_logging_and_closing_prints_nothing(tmp_path, capfd):
    handler = setup_logging(tmp_path / "hamstring-coach.log")
    log = logging.getLogger("hamstring_app.test_logs")
    try:
        log.info("written while there is room")
        handler.flush()
        # from here every write reports ENOSPC, as the real disk would when full
        handler.stream = open("/dev/full", "w", encoding="utf-8")  # type: ignore[attr-defined]  # noqa: SIM115 - the handler closes it
        for n in range(3):
            log.error("not written %d", n)
    finally:
        teardown_logging(handler)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    assert "written while there is room" in (tmp_path / "hamstring-coach.log").read_text()
    assert handler not in logging.getLogger("hamstring_app").handlers


def test_a_log_that_fails_once_keeps_the_records_that_fit(tmp_path, capfd):
    path = tmp_path / "hamstring-coach.log"
    handler = setup_logging(path)
    log = logging.getLogger("hamstring_app.test_logs")
    real = handler.stream  # type: ignore[attr-defined]

    class Flaky:
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

        def close(self) -> None:
            raise OSError(28, "No space left on device")

        def seek(self, *args: object) -> int:
            raise OSError(28, "No space left on device")

        tell = seek

    try:
        handler.stream = Flaky()  # type: ignore[attr-defined]
        log.warning("lost")
        handler.stream = real  # type: ignore[attr-defined]  # space again
        log.warning("kept")
    finally:
        teardown_logging(handler)
    assert capfd.readouterr().err == ""
    text = Path(path).read_text()
    assert "kept" in text and "lost" not in text
