"""Standard output for the headless commands: a reader that went away, or a full disk
behind it, is one sentence on standard error (exit 1), never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

EXIT_OK = 0
EXIT_FAILURE = 1


def _headless(command: str, run: Callable[[], int]) -> int:
    """Run a command; a standard output that cannot take its words (a full disk, a device
    error) is exit 1 with one sentence on standard error, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a terminal that is not UTF-8: escape, do not crash
            reconfigure(errors="backslashreplace")
    try:
        code = run()
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader stopped early: what it read was all it wanted
        silence_stream(sys.stdout)
        return EXIT_OK
    except OSError as exc:
        silence_stream(sys.stdout)
        print(
            f"hamstring-app {command}: could not write to standard output: "
            f"{exc.strerror or exc}",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def silence_stream(stream: TextIO) -> None:
    """After the reader of ``stream`` went away or it failed: point it at /dev/null, so the
    flush at exit raises nothing more (the advice of the Python docs on SIGPIPE)."""
    import os

    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
