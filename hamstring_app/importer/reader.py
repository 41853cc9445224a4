"""Walk what the runner hands over (files, folders, zips, zips in zips) and read each
activity in it. One bad file becomes one Skipped line; it never stops the rest.

Recognised by name (``.gz`` of each too): ``.fit``, ``.gpx``, ``.tcx``, ``.zip``; a zip
or folder holding ``activities.csv`` is a Strava export; an older Garmin export's
``*_summarizedActivities.json`` gives one run per summary (read after the activity files
beside it, so a FIT file of the same run is the one kept). Other files inside zips and
folders (Strava's other CSVs, photos, Garmin's other JSON) are passed over in silence; a
file named directly that is none of these is Skipped with the reason.

A Strava export's own reading is :mod:`~hamstring_app.importer.strava_export`'s; what a name
says a file is, :mod:`~hamstring_app.importer.naming`'s.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import tzinfo
from pathlib import Path, PurePosixPath
from typing import IO

from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.activity import Found, Skipped
from hamstring_app.importer.errors import BadFile, UnsafeFile
from hamstring_app.importer.garmin_summary import is_summary_file, summaries_found
from hamstring_app.importer.limits import DEFAULT_LIMITS, Limits
from hamstring_app.importer.naming import SEP, content_hash, kind_of
from hamstring_app.importer.parallel import ParsePool, Pending, auto_workers, parse_activity
from hamstring_app.importer.safe_io import (
    Budget,
    gunzip,
    open_zip,
    read_capped,
    read_member,
    spool_member,
)
from hamstring_app.importer.strava import CSV_NAME
from hamstring_app.importer.strava_export import StravaExport, _with_strava

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]  # (fraction done, the file being read)


class ImportReader(StravaExport):
    """Reads activities; ``zone`` is the time zone for files that give UTC only (None:
    this computer's). ``cancelled`` is polled between files; ``progress`` told of each.
    ``processes``: worker processes that parse the files (importer.parallel; 0: parse in
    place; None: decided by the size of the import)."""

    def __init__(
        self,
        *,
        zone: tzinfo | None = None,
        limits: Limits = DEFAULT_LIMITS,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        processes: int | None = None,
    ) -> None:
        self.zone = zone
        self.limits = limits
        self._progress = progress
        self._cancelled = cancelled
        self.budget = Budget(limits)
        self.files_read = 0
        self._total = 0.0  # bytes on disk to read, for progress
        self._done = 0.0
        self._summaries_later: list[Path] = []  # Garmin summary files met in folders
        self._processes = processes
        self._pool: ParsePool | None = None
        self.workers = 0  # worker processes the last read used

    # ------------------------------------------------------------------ entry points

    def read(self, paths: Sequence[str | os.PathLike[str]]) -> list[Found]:
        """Everything found in ``paths``, in order. Raises Cancelled when asked to stop."""
        found: list[Found | Pending] = []
        chosen = [Path(p) for p in paths]
        self._total = float(sum(_weight(p, self.limits.max_folder_depth) for p in chosen))
        self._summaries_later: list[Path] = []
        self.workers = auto_workers(self._total, self._processes)
        self._pool = ParsePool(self.workers, self._cancelled) if self.workers else None
        done = False
        try:
            for path in chosen:
                found.extend(self.read_path(path))
            for path in self._summaries_later:  # after the activity files: those are kept
                found.extend(self._summary_path(path))
            out = self._collect(found)
            done = True
            return out
        finally:
            pool, self._pool = self._pool, None
            if pool is not None:
                pool.close(cancel=not done)

    def _collect(self, found: list[Found | Pending]) -> list[Found]:
        """``found`` with every file a worker parsed in its place, in order."""
        out: list[Found] = []
        for item in found:
            if not isinstance(item, Pending):
                out.append(item)
                continue
            assert self._pool is not None
            items = self._pool.resolve(item)
            out.extend(items if item.row is None else (_with_strava(f, item.row) for f in items))
        return out

    def read_path(self, path: Path) -> Iterator[Found | Pending]:
        name = path.name
        try:
            if path.is_dir():
                yield from self._folder(path, str(path), 0)
                return
            if not path.is_file():
                yield Skipped(str(path), "no such file or folder")
                return
            kind, _ = kind_of(name)
            if not kind and is_summary_file(name):
                yield from self._summary_path(path)
                return
            if not kind:
                yield Skipped(str(path), "not a FIT, GPX, TCX or zip file")
                return
            if kind == ".zip" and not name.lower().endswith(".gz"):
                with open_zip(str(path), self.limits, name) as archive:
                    yield from self._zip(archive, str(path), 1, 1.0)
                return
            self._tick(str(path))
            data = self._read_file(path)
            self._done += len(data)
            yield from self._bytes(data, name, str(path), 1)
        except Cancelled:
            raise
        except BadFile as exc:
            yield Skipped(str(path), str(exc))
        except OSError as exc:
            yield Skipped(str(path), f"could not be read ({exc.strerror or exc})")

    # ------------------------------------------------------------------ containers

    def _read_file(self, path: Path) -> bytes:
        self.budget.count_entry()
        cap = self.limits.max_archive_bytes
        if path.stat().st_size > cap:
            raise UnsafeFile(f"refused: larger than {cap // (1024 * 1024):,} MiB")
        with path.open("rb") as stream:
            return read_capped(stream, cap, self.budget, path.name)

    def _folder(self, folder: Path, source: str, depth: int) -> Iterator[Found]:
        if depth > self.limits.max_folder_depth:
            yield Skipped(source, "refused: folders nested too deep")
            return
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(source, f"could not be read ({exc.strerror or exc})")
            return
        csv_entry = next((e for e in children if e.name.lower() == CSV_NAME), None)
        if csv_entry is not None and csv_entry.is_file():
            yield from self._strava_folder(folder, Path(csv_entry.path), source)
            return
        for entry in children:
            if entry.is_symlink():
                continue  # never follow links out of the folder (or round in a loop)
            child = Path(entry.path)
            if entry.is_dir():
                yield from self._folder(child, source + os.sep + entry.name, depth + 1)
            elif entry.is_file() and kind_of(entry.name)[0]:
                yield from self.read_path(child)
            elif entry.is_file() and is_summary_file(entry.name):
                self._summaries_later.append(child)

    def _zip(
        self, archive: zipfile.ZipFile, source: str, depth: int, scale: float
    ) -> Iterator[Found | Pending]:
        """``scale``: bytes on disk per compressed byte of this archive (for progress)."""
        if depth > self.limits.max_depth:
            yield Skipped(source, "refused: zips nested too deep")
            return
        infos = [i for i in archive.infolist() if not i.is_dir()]
        csv_info = next(
            (i for i in infos if PurePosixPath(i.filename).name.lower() == CSV_NAME
             and len(PurePosixPath(i.filename).parts) <= 2),
            None,
        )
        if csv_info is not None:
            yield from self._strava_zip(archive, infos, csv_info, source, scale)
            return
        later = [i for i in infos if is_summary_file(i.filename)]
        for info in infos:
            if not is_summary_file(info.filename):
                yield from self._member(archive, info, source, depth, scale)
        for info in later:  # after the activity files: those are kept over a summary
            where = source + SEP + info.filename
            try:
                self.budget.count_entry()
                self._tick(where)
                data = read_member(archive, info, self.budget)
                self._done += info.compress_size * scale
                yield from self._summaries(data, info.filename, where)
            except BadFile as exc:
                yield Skipped(where, str(exc))

    def _summary_path(self, path: Path) -> Iterator[Found]:
        try:
            self._tick(str(path))
            data = self._read_file(path)
            self._done += len(data)
            yield from self._summaries(data, path.name, str(path))
        except BadFile as exc:
            yield Skipped(str(path), str(exc))
        except OSError as exc:
            yield Skipped(str(path), f"could not be read ({exc.strerror or exc})")

    def _summaries(self, data: bytes, name: str, source: str) -> Iterator[Found]:
        if len(data) > self.limits.max_file_bytes:
            raise UnsafeFile("refused: larger than the size limit for one activity file")
        yield from summaries_found(data, name, source, self.zone)

    def _member(
        self,
        archive: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        source: str,
        depth: int,
        scale: float,
    ) -> Iterator[Found | Pending]:
        name = info.filename
        kind, gz = kind_of(name)
        if not kind:
            self._done += info.compress_size * scale
            return
        where = source + SEP + name
        try:
            self.budget.count_entry()
            if kind == ".zip" and not gz:
                if depth >= self.limits.max_depth:
                    raise UnsafeFile("refused: zips nested too deep")
                with (
                    spool_member(archive, info, self.budget) as spool,
                    open_zip(spool, self.limits, name) as inner,
                ):
                    inner_scale = scale * info.compress_size / max(1, info.file_size)
                    yield from self._zip(inner, where, depth + 1, inner_scale)
                return
            self._tick(where)
            data = read_member(archive, info, self.budget)
            self._done += info.compress_size * scale
            yield from self._bytes(data, name, where, depth)
        except Cancelled:
            raise
        except BadFile as exc:
            yield Skipped(where, str(exc))

    # ------------------------------------------------------------------ one file

    def _bytes(
        self, data: bytes, name: str, source: str, depth: int
    ) -> Iterator[Found | Pending]:
        kind, gz = kind_of(name)
        if gz:
            data = gunzip(data, self.budget)
        elif len(data) > self.limits.max_file_bytes and kind != ".zip":
            raise UnsafeFile("refused: larger than the size limit for one activity file")
        if kind == ".zip":  # a .zip.gz
            with open_zip(_bytes_io(data), self.limits, name) as inner:
                yield from self._zip(inner, source, depth + 1, 0.0)
            return
        args = (kind, data, PurePosixPath(name.replace("\\", "/")).name, source,
                content_hash(data), self.zone)
        if self._pool is not None:
            yield self._pool.submit(*args)
        else:
            yield from parse_activity(*args)

    def _tick(self, source: str) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled
        self.files_read += 1
        if self._progress is not None:
            fraction = min(1.0, self._done / self._total) if self._total else 0.0
            self._progress(fraction, source)


def _weight(path: Path, max_depth: int, depth: int = 0) -> int:
    """Bytes on disk under ``path`` that the import will read (for progress)."""
    try:
        if path.is_symlink() and depth > 0:
            return 0
        if path.is_file():
            return path.stat().st_size
        if path.is_dir() and depth <= max_depth:
            return sum(_weight(child, max_depth, depth + 1) for child in path.iterdir())
    except OSError:
        return 0
    return 0


def _bytes_io(data: bytes) -> IO[bytes]:
    import io

    return io.BytesIO(data)
