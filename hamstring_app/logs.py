"""Logging to a rotating file inside the user's data folder (never elsewhere)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from io import TextIOWrapper
from pathlib import Path

from hamstring_app.paths import make_private_file, refuse_link

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Until the log file is open (and when it cannot be), records go nowhere rather than to
# the terminal as raw "[Errno ...]" lines: the app says what went wrong in its own words.
logging.getLogger("hamstring_app").addHandler(logging.NullHandler())


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the first and each new one after a rollover) is
    readable by the owner only, whatever the umask.

    The log is for later reading, never worth a traceback on the person's screen: when the
    file cannot be written (a full disk, a removed folder) the record is dropped quietly,
    and the log carries on once there is room again. The app says what went wrong in its
    own words."""

    def _open(self) -> TextIOWrapper:
        refuse_link(Path(self.baseFilename))  # never append to a file outside the folder
        stream = super()._open()
        make_private_file(Path(self.baseFilename))
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], (OSError, ValueError)):  # the file, not the record
            self.dropped += 1
            return
        super().handleError(record)

    def close(self) -> None:
        """Close the file, even when its last flush fails (nothing more can be kept)."""
        try:
            super().close()
        except (OSError, ValueError):
            self.dropped += 1
            with contextlib.suppress(OSError, ValueError):
                if self.stream is not None:
                    self.stream.close()
            self.stream = None  # type: ignore[assignment]
            logging.Handler.close(self)

    dropped = 0  # records that could not be written


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
