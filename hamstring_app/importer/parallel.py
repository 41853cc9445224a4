"""Parsing activity files in worker processes.

fitdecode, gpxpy and tcxreader are pure Python: parsed on a thread of the app, they hold
the interpreter lock most of the time, and the window stutters however little it has to
do. A big import therefore hands each file's bytes to a pool of worker processes, which
parse them and send back plain data (``Activity`` / ``Skipped``). The reader
(``importer.reader``) still walks the folders, zips and ``.gz`` streams itself, within the
import's limits, and keeps the results in the order the files were met.

- The workers are started with the ``spawn`` method: a fresh interpreter that imports the
  parsers only, never a copy of the running app and its Qt state. (A frozen bundle calls
  ``multiprocessing.freeze_support()`` at start, see ``cli.main``.)
- Small imports (under ``PARALLEL_FROM_BYTES`` on disk) are parsed in place: starting a
  process costs more than parsing a few files.
- At most ``IN_FLIGHT_PER_WORKER`` files per worker wait to be parsed, so memory stays
  bounded and progress follows the parsing.
- The workers run at a lower priority (``nice``), so the window keeps moving even when
  they keep every core busy.
- A cancel stops the pool at once (queued files are dropped; nothing here writes). If a
  worker dies, the rest of the files are parsed in place.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import tzinfo
from typing import Any

from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.activity import Found, Skipped, Summary
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.finish import finish
from hamstring_app.importer.fit import is_fit, parse_fit
from hamstring_app.importer.gpx import parse_gpx
from hamstring_app.importer.limits import MIB
from hamstring_app.importer.tcx import parse_tcx

log = logging.getLogger(__name__)

#: below this many bytes on disk, an import is parsed in place
PARALLEL_FROM_BYTES = 1 * MIB
#: never more worker processes than this (nor than the computer's cores)
MAX_WORKERS = 4
#: files handed to the pool and not yet parsed, per worker
IN_FLIGHT_PER_WORKER = 8
#: the workers' scheduling priority, below the app's (POSIX ``nice``)
WORKER_NICENESS = 10
#: how often a wait for a worker looks whether the import was cancelled
POLL_S = 0.05


def auto_workers(total_bytes: float, processes: int | None = None) -> int:
    """How many worker processes an import of ``total_bytes`` uses: ``processes`` when
    given (0: parse in place), else every core up to MAX_WORKERS for a big import."""
    if processes is not None:
        return max(0, processes)
    if total_bytes < PARALLEL_FROM_BYTES:
        return 0
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def parse_activity(
    kind: str, data: bytes, file_name: str, source: str, digest: str, zone: tzinfo | None
) -> list[Found]:
    """One activity file's bytes -> what the import found in it (one item per session;
    a file that cannot be read is one Skipped with the reason). Runs in a worker process
    or in place; only plain, picklable data goes in and out."""
    try:
        summaries = parse_summaries(kind, data)
    except BadFile as exc:
        return [Skipped(source, str(exc))]
    return [
        finish(
            summary,
            source=source,
            file_name=file_name,
            content_hash=digest if index == 0 else f"{digest}:{index}",
            zone=zone,
        )
        for index, summary in enumerate(summaries)
    ]


def _in_the_background() -> None:
    """A worker's first act: give way to the app (whose window must keep moving) and to
    the rest of the computer whenever they want the processor."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not allowed here: the usual priority
            os.nice(WORKER_NICENESS)


def parse_summaries(kind: str, data: bytes) -> list[Summary]:
    """What the format's reader finds in one file. BadFile when it cannot be read."""
    if kind == ".fit" or is_fit(data):
        return parse_fit(data)
    if kind == ".gpx":
        return [parse_gpx(data)]
    if kind == ".tcx":
        return [parse_tcx(data)]
    raise BadFile("not a FIT, GPX or TCX file")  # pragma: no cover - kind_of filters


class Pending:
    """Items of one file still being parsed by a worker; ``row`` is the Strava row whose
    figures are laid over them once they are back."""

    __slots__ = ("args", "found", "future", "row")

    def __init__(self, future: Future[list[Found]] | None, args: tuple[Any, ...]) -> None:
        self.future = future
        self.args: tuple[Any, ...] | None = args
        self.found: list[Found] | None = None
        self.row: Any = None


class ParsePool:
    """The worker processes of one import. ``cancelled`` is polled while waiting."""

    def __init__(self, workers: int, cancelled: Callable[[], bool] | None = None) -> None:
        self.workers = workers
        self._cancelled = cancelled
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_in_the_background,
        )
        self._waiting: deque[Pending] = deque()
        self.in_place = 0  # files parsed here after the pool broke

    def submit(self, *args: Any) -> Pending:
        """Hand one file to the pool (``parse_activity``'s arguments)."""
        while len(self._waiting) >= self.workers * IN_FLIGHT_PER_WORKER:
            self.resolve(self._waiting.popleft())
        future = None
        if self._executor is not None:
            try:
                future = self._executor.submit(parse_activity, *args)
            except BrokenProcessPool:
                self._broken()
        pending = Pending(future, args)
        if future is None:
            self._in_place(pending)
        else:
            self._waiting.append(pending)
        return pending

    def resolve(self, pending: Pending) -> list[Found]:
        """The items of ``pending``, waiting for its worker. Raises Cancelled."""
        while pending.found is None:
            if self._cancelled is not None and self._cancelled():
                raise Cancelled
            assert pending.future is not None
            try:
                pending.found = pending.future.result(timeout=POLL_S)
                pending.args = None
            except FutureTimeout:
                continue
            except BrokenProcessPool:
                self._broken()
                self._in_place(pending)
        return pending.found

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers: at once, dropping queued files, with ``cancel``."""
        executor, self._executor = self._executor, None
        self._waiting.clear()
        if executor is not None:
            executor.shutdown(wait=not cancel, cancel_futures=True)

    def _broken(self) -> None:
        if self._executor is not None:
            log.warning("An import worker process stopped; parsing the rest in place")
            executor, self._executor = self._executor, None
            executor.shutdown(wait=False, cancel_futures=True)

    def _in_place(self, pending: Pending) -> None:
        assert pending.args is not None
        pending.found = parse_activity(*pending.args)
        pending.args = None
        self.in_place += 1


_CHECK_GPX = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="check" xmlns="http://www.topografix.com/GPX/1/1">
<trk><type>running</type><trkseg>
<trkpt lat="51.5000" lon="-0.1200"><ele>10</ele><time>2026-01-01T07:00:00Z</time></trkpt>
<trkpt lat="51.5090" lon="-0.1200"><ele>12</ele><time>2026-01-01T07:05:00Z</time></trkpt>
</trkseg></trk></gpx>"""


def check_workers() -> str:
    """Start one worker process and have it parse a small GPX track (the self-test's
    proof that a bundle can run the import's workers). Raises when it cannot."""
    from datetime import UTC

    pool = ParsePool(1)
    try:
        pending = pool.submit(".gpx", _CHECK_GPX, "check.gpx", "check.gpx", "check", UTC)
        found = pool.resolve(pending)
    finally:
        pool.close()
    if pool.in_place or len(found) != 1 or not hasattr(found[0], "distance_km"):
        raise RuntimeError(f"the worker process did not parse the check file: {found!r}")
    return f"{found[0].distance_km:g} km"  # type: ignore[union-attr]
