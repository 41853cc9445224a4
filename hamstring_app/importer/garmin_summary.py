"""Older Garmin Connect account exports: ``DI_CONNECT/DI-Connect-Fitness/
<user>_<n>_summarizedActivities.json``, one summary per activity (no track).

The file is a JSON list holding ``{"summarizedActivitiesExport": [activity, ...]}``.
Each activity is a flat object; the fields read, in the export's own units:

- ``activityId``; ``activityType`` (``running``, ``trail_running``, ``treadmill_running``,
  ``walking`` ...; some exports nest it as ``{"typeKey": ...}``), else ``sportType``;
- ``startTimeGmt`` and ``startTimeLocal``: epoch milliseconds, the local one being the
  wall-clock time written as if it were UTC (their difference is the UTC offset);
- ``distance`` in centimetres; ``duration``, ``movingDuration``, ``elapsedDuration`` in
  milliseconds; ``elevationLoss`` in centimetres;
- ``avgHr`` (beats/min); ``avgDoubleCadence`` (steps/min), else ``avgRunCadence`` (per leg
  on running watches: doubled by the common rule, and the run's details say so);
- ``startLatitude`` (a track was recorded: not a treadmill).

Every activity becomes one Summary, checked and converted by ``finish`` like any file.
JSON is parsed by the standard library (no entities, no external references); the size
cap is the reader's. A malformed file raises BadFile with one line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import PurePosixPath
from typing import Any

from hamstring_app.importer.activity import Found, Summary
from hamstring_app.importer.errors import BadFile
from hamstring_app.importer.finish import finish

NAME_END = "summarizedactivities.json"
EXPORT_KEY = "summarizedActivitiesExport"
MAX_ACTIVITIES = 200_000  # in one file: far beyond a lifetime of daily runs


def is_summary_file(name: str) -> bool:
    """Whether ``name`` is Garmin's summarized-activities file (any folder, any case)."""
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower().endswith(NAME_END)


@dataclass(frozen=True, slots=True)
class GarminSummary:
    activity_id: str  # "" when the export has none
    summary: Summary


def read_summaries(data: bytes) -> Iterator[GarminSummary]:
    """Every activity in one summarized-activities file, as a Summary."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadFile(f"not a readable Garmin activities file ({_first_line(exc)})") from None
    activities = _activities(document)
    if len(activities) > MAX_ACTIVITIES:
        raise BadFile(f"refused: more than {MAX_ACTIVITIES:,} activities in one file")
    for item in activities:
        if isinstance(item, dict):
            yield GarminSummary(_text(item.get("activityId")), _summary(item))


def summaries_found(data: bytes, name: str, source: str, zone: tzinfo | None) -> Iterator[Found]:
    """One run (or Skipped line) per summary in the file ``name`` read as ``data``; each is
    hashed by Garmin's activity id, so a second import of the same export finds it again."""
    file_name = PurePosixPath(name.replace("\\", "/")).name
    digest = hashlib.sha256(data).hexdigest()
    for index, item in enumerate(read_summaries(data)):
        key = item.activity_id or f"{digest}:{index}"
        yield finish(
            item.summary,
            source=f"{source} (activity {item.activity_id or index + 1})",
            file_name=file_name,
            content_hash=hashlib.sha256(f"garmin-activity:{key}".encode()).hexdigest(),
            zone=zone,
        )


def _activities(document: Any) -> list[Any]:
    parts = document if isinstance(document, list) else [document]
    if not parts:
        return []  # an export with no activities
    found: list[Any] = []
    for part in parts:
        if isinstance(part, dict) and isinstance(part.get(EXPORT_KEY), list):
            found.extend(part[EXPORT_KEY])
    if not found and not any(isinstance(p, dict) and EXPORT_KEY in p for p in parts):
        raise BadFile("not a Garmin activities file (no summarizedActivitiesExport)")
    return found


def _summary(item: dict[str, Any]) -> Summary:
    sport = item.get("activityType")
    if isinstance(sport, dict):
        sport = sport.get("typeKey")
    if not sport:
        sport = item.get("sportType")
    start, offset = _start(_number(item.get("startTimeGmt")), _number(item.get("startTimeLocal")))
    distance_cm = _number(item.get("distance"))
    loss_cm = _number(item.get("elevationLoss"))
    cadence = _number(item.get("avgDoubleCadence"))
    if cadence is None:
        cadence = _number(item.get("avgRunCadence"))
    summary = Summary(
        sport=str(sport).replace("_", " ") if sport else None,
        start=start,
        utc_offset=offset,
        distance_m=distance_cm / 100.0 if distance_cm is not None else None,
        moving_s=_seconds(item.get("movingDuration")),
        timer_s=_seconds(item.get("duration")),
        elapsed_s=_seconds(item.get("elapsedDuration")),
        cadence=cadence,
        descent_m=loss_cm / 100.0 if loss_cm is not None else None,
        avg_hr=_number(item.get("avgHr")),
        has_positions=True if _number(item.get("startLatitude")) is not None else None,
    )
    summary.extra_details.append("From Garmin's activity summary: no track was exported.")
    return summary


def _start(
    gmt_ms: float | None, local_ms: float | None
) -> tuple[datetime | None, timedelta | None]:
    try:
        if gmt_ms is not None:
            start = datetime.fromtimestamp(gmt_ms / 1000.0, UTC)
            if local_ms is None:
                return start, None
            minutes = round((local_ms - gmt_ms) / 60_000)
            if abs(minutes) > 18 * 60:  # no real offset: trust GMT and the computer's zone
                return start, None
            return start, timedelta(minutes=minutes)
        if local_ms is not None:  # local time only: its date is the runner's day
            return datetime.fromtimestamp(local_ms / 1000.0, UTC), timedelta(0)
    except (OverflowError, OSError, ValueError):
        pass
    return None, None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _seconds(value: Any) -> float | None:
    ms = _number(value)
    return ms / 1000.0 if ms is not None and ms > 0 else None


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip()[:40]


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
