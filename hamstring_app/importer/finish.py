"""From what a file says to a run in the app's units: the checks every format shares.

- cadence: running files give strides per minute (one leg) in practice, whatever they
  call it; values under ``PER_LEG_BELOW`` are doubled to steps per minute, and the run's
  details say so;
- the date is the local date the run started (the file's own offset, else the time zone
  given to the import), never the UTC date;
- distance and duration must be plausible for a run, or the file is skipped with why.
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone, tzinfo

from hamstring_app.core.models import (
    CADENCE_RANGE,
    MAX_DESCENT_M,
    MAX_RUN_KM,
    MAX_RUN_MINUTES,
    RunType,
)
from hamstring_app.importer.activity import Activity, Found, Skipped, Summary
from hamstring_app.importer.sport import classify

# Under this a running cadence is per leg: a person runs at 140-200 steps a minute and
# cannot run at under 120, while one leg's strides are 70-100 a minute.
PER_LEG_BELOW = 120
# Faster than this on average is not a run on foot (the marathon record is about 21 km/h).
MAX_RUN_KMH = 25.0


def local_start(summary: Summary, zone: tzinfo | None) -> datetime | None:
    """The start in the runner's local time: the file's offset, else ``zone``
    (None: this computer's time zone)."""
    start = summary.start
    if start is None:
        return None
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if summary.utc_offset is not None:
        return start.astimezone(timezone(summary.utc_offset))
    if start.utcoffset():  # the file wrote its own offset, e.g. 06:00:00+11:00
        return start
    return start.astimezone(zone) if zone is not None else start.astimezone()


def steps_per_minute(cadence: float | None, unit: str, details: list[str]) -> int | None:
    if cadence is None or cadence <= 0:
        return None
    value = cadence
    if value < PER_LEG_BELOW:
        value = cadence * 2
        said = "strides/min" if unit == "strides/min" else "per leg"
        details.append(
            f"Cadence doubled: the file gave {cadence:.3g} {said} (one leg); "
            f"saved as {round(value)} steps/min."
        )
    spm = round(value)
    low, high = CADENCE_RANGE
    if not low <= spm <= high:
        details.append(f"Cadence {spm} steps/min left out: outside {low}-{high}.")
        return None
    return spm


def finish(
    summary: Summary,
    *,
    source: str,
    file_name: str,
    content_hash: str,
    zone: tzinfo | None,
) -> Found:
    """An Activity, or Skipped with the reason, from one file's summary."""
    sport = classify(summary.sport, summary.sub_sport)
    start = local_start(summary, zone)
    day = start.date() if start is not None else None
    if not sport.is_run:
        return Skipped(source, f"not a run ({sport.label})", day, sport.label, content_hash)
    if day is None:
        return Skipped(source, "the file has no start time", None, sport.label, content_hash)
    details = list(summary.extra_details)
    if not sport.known:
        details.append("The file does not say which sport this was; it was read as a run.")
    distance_m = summary.distance_m
    if distance_m is None or distance_m <= 0:
        return Skipped(source, "the file records no distance", day, sport.label, content_hash)
    distance_km = round(distance_m / 1000.0, 3)
    if distance_km > MAX_RUN_KM:
        return Skipped(
            source, f"distance {distance_km:g} km is more than a run", day, sport.label,
            content_hash,
        )
    seconds = next(
        (s for s in (summary.moving_s, summary.timer_s, summary.elapsed_s) if s and s > 0), None
    )
    duration_min = round(seconds / 60.0, 2) if seconds else None
    if duration_min is not None and duration_min > MAX_RUN_MINUTES:
        return Skipped(source, "the duration is longer than three days", day, sport.label,
                       content_hash)
    if duration_min is not None and distance_km / (duration_min / 60.0) > MAX_RUN_KMH:
        speed = distance_km / (duration_min / 60.0)
        return Skipped(
            source, f"too fast for a run ({speed:.0f} km/h): probably a ride", day, sport.label,
            content_hash,
        )
    cadence = steps_per_minute(summary.cadence, summary.cadence_unit, details)
    descent = summary.descent_m
    if descent is not None:
        descent = round(min(max(descent, 0.0), MAX_DESCENT_M), 1)
        if summary.descent_smoothed:
            details.append("Descent worked out from the elevations, smoothed.")
    hr = round(summary.avg_hr) if summary.avg_hr and 20 <= summary.avg_hr <= 250 else None
    rpe = summary.rpe if summary.rpe is not None and 0 <= summary.rpe <= 10 else None
    treadmill = sport.treadmill or summary.has_positions is False
    return Activity(
        source=source,
        file_name=file_name,
        content_hash=content_hash,
        day=day,
        distance_km=distance_km,
        start=start,
        duration_min=duration_min,
        run_type=summary.run_type or RunType.EASY,
        rpe=rpe,
        cadence_spm=cadence,
        descent_m=descent,
        avg_hr_bpm=hr,
        sport=sport.label,
        treadmill=treadmill,
        details=tuple(details),
        note=summary.note,
    )
