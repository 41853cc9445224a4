"""A Strava export, as a zip or an unpacked folder: ``activities.csv`` names each activity's
file and adds what only Strava knows; a row whose file is missing is read from the CSV alone.

:class:`~hamstring_app.importer.reader.ImportReader` takes these methods and supplies the
reading of each file (``read_path``, ``_member``, ``_read_file``, ``_tick``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from hamstring_app.importer.activity import Activity, Found, Skipped
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.finish import finish
from hamstring_app.importer.naming import SEP, content_hash, kind_of
from hamstring_app.importer.parallel import Pending
from hamstring_app.importer.safe_io import read_member
from hamstring_app.importer.strava import CSV_NAME, StravaRow, read_activities_csv


class StravaExport:
    """The Strava part of the import reader."""

    def _strava_zip(
        self,
        archive: zipfile.ZipFile,
        infos: list[zipfile.ZipInfo],
        csv_info: zipfile.ZipInfo,
        source: str,
        scale: float,
    ) -> Iterator[Found | Pending]:
        try:
            rows = read_activities_csv(read_member(archive, csv_info, self.budget))
        except BadFile as exc:
            yield Skipped(source + SEP + csv_info.filename, str(exc))
            rows = {}
        base = str(PurePosixPath(csv_info.filename).parent)
        by_name = {i.filename: i for i in infos}
        used: set[str] = set()
        for key, row in rows.items():
            member = by_name.get(_join(base, row.filename)) if row.filename else None
            if member is None:
                yield from self._strava_row_alone(row, source, key)
                continue
            used.add(member.filename)
            for found in self._member(archive, member, source, 1, scale):
                yield _with_strava(found, row)
        for info in infos:
            if info.filename not in used and info is not csv_info:
                yield from self._member(archive, info, source, 1, scale)

    def _strava_folder(
        self, folder: Path, csv_path: Path, source: str
    ) -> Iterator[Found | Pending]:
        try:
            rows = read_activities_csv(self._read_file(csv_path))
        except (BadFile, OSError) as exc:
            yield Skipped(str(csv_path), str(exc))
            rows = {}
        used: set[Path] = set()
        for key, row in rows.items():
            path = (folder / row.filename) if row.filename else None
            if path is None or ".." in PurePosixPath(row.filename).parts or not path.is_file():
                yield from self._strava_row_alone(row, source, key)
                continue
            used.add(path.resolve())
            for found in self.read_path(path):
                yield _with_strava(found, row)
        activities = folder / "activities"
        if activities.is_dir():
            for entry in sorted(activities.iterdir()):
                readable = entry.is_file() and not entry.is_symlink()
                if readable and kind_of(entry.name)[0] and entry.resolve() not in used:
                    yield from self.read_path(entry)

    def _strava_row_alone(self, row: StravaRow, source: str, key: str) -> Iterator[Found]:
        """A row whose file is missing (or an activity typed in on Strava): the CSV's own
        figures, hashed by Strava's activity id so a second import finds it again."""
        self._tick(source + SEP + CSV_NAME)
        where = f"{source}{SEP}{CSV_NAME} (activity {row.activity_id or key})"
        digest = content_hash(f"strava-activity:{row.activity_id or key}".encode())
        yield finish(
            row.summary(), source=where, file_name=CSV_NAME, content_hash=digest, zone=self.zone
        )


def _join(base: str, name: str) -> str:
    clean = name.replace("\\", "/").lstrip("/")
    return clean if base in ("", ".") else f"{base}/{clean}"


def _with_strava(found: Found | Pending, row: StravaRow) -> Found | Pending:
    """The file's measurements with what only Strava knows: the type the runner chose,
    Perceived Exertion, the private note, the workout type. (A file still being parsed
    takes the row along, for when it is back.)"""
    from hamstring_app.importer.sport import classify

    if isinstance(found, Pending):
        found.row = row
        return found

    sport = classify(row.sport) if row.sport else None
    if sport is not None and not sport.is_run:
        day = found.day if isinstance(found, Activity | Skipped) else None
        return Skipped(found.source, f"not a run ({sport.label})", day, sport.label,
                       found.content_hash)
    if not isinstance(found, Activity):
        return found
    return replace(
        found,
        rpe=row.rpe if row.rpe is not None else found.rpe,
        note=row.note or found.note,
        run_type=row.run_type or found.run_type,
        treadmill=found.treadmill or bool(sport and sport.treadmill),
        sport=sport.label if sport is not None and sport.known else found.sport,
        cadence_spm=found.cadence_spm,
        descent_m=found.descent_m if found.descent_m is not None else row.descent_m,
    )
