"""Logging to a rotating file inside the user's data folder (never elsewhere)."""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path

from hamstring_app.paths import make_private_file, refuse_link

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the first and each new one after a rollover) is
    readable by the owner only, whatever the umask."""

    def _open(self) -> TextIOWrapper:
        refuse_link(Path(self.baseFilename))  # never append to a file outside the folder
        stream = super()._open()
        make_private_file(Path(self.baseFilename))
        return stream


def setup_logging(log_file: Path, *, level: int = logging.INFO) -> logging.Handler:
    """Send the app's log records to ``log_file`` (1 MB x 3 files). Returns the handler.
    Raises LinkRefused when the log file is a symbolic link."""
    refuse_link(log_file)
    handler = PrivateRotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    make_private_file(log_file)
    root = logging.getLogger("hamstring_app")
    root.setLevel(level)
    root.addHandler(handler)
    return handler


def teardown_logging(handler: logging.Handler) -> None:
    logging.getLogger("hamstring_app").removeHandler(handler)
    handler.close()
