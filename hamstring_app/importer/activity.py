"""What the importer finds: an activity ready to become a run, or a file it skipped and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hamstring_app.core.models import RunType


@dataclass(frozen=True, slots=True)
class Activity:
    """One run read from a file (or a Strava export row), in the app's units."""

    source: str  # where it came from, for people: "export.zip › activities/123.fit.gz"
    file_name: str  # the file's own name: "123.fit.gz"
    content_hash: str  # sha256 of the file's content (after decompression)
    day: date  # the local date the run started on
    distance_km: float
    start: datetime | None = None  # when it started, with its UTC offset
    duration_min: float | None = None  # moving time where the file gives it
    run_type: RunType = RunType.EASY
    rpe: int | None = None  # CR-10
    cadence_spm: int | None = None  # steps per minute (both legs)
    descent_m: float | None = None
    avg_hr_bpm: int | None = None
    sport: str = "running"  # as the file names it, for the review list
    treadmill: bool = False
    details: tuple[str, ...] = ()  # what the importer did to the values, in plain words
    note: str = ""  # the runner's own note from the export (Strava private note)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or row that is not imported, with a one-line reason."""

    source: str
    reason: str
    day: date | None = None
    sport: str = ""
    content_hash: str = ""


Found = Activity | Skipped


@dataclass(slots=True)
class Summary:
    """What a format reader pulls out of one file, before the common checks and units.

    Times: ``start`` is aware (UTC when the file gives no offset); ``utc_offset`` is the
    file's own local offset when it records one (FIT ``local_timestamp``, an ISO offset).
    """

    sport: str | None = None  # free text from the file: "running", "Running", "9", "Run"
    sub_sport: str | None = None
    start: datetime | None = None
    utc_offset: timedelta | None = None
    distance_m: float | None = None
    moving_s: float | None = None
    timer_s: float | None = None
    elapsed_s: float | None = None
    cadence: float | None = None  # as written: per leg or per step, unknown
    cadence_unit: str = ""  # "strides/min" when the file says so
    descent_m: float | None = None
    descent_smoothed: bool = False  # True when worked out from elevations here
    avg_hr: float | None = None
    rpe: int | None = None
    run_type: RunType | None = None
    has_positions: bool | None = None  # None: not known (a Strava row with no file)
    note: str = ""
    extra_details: list[str] = field(default_factory=list)
