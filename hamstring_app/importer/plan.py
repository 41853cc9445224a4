"""What an import would do, row by row, before anything is written.

Each activity found is NEW, a DUPLICATE (of a saved run or of another file in the same
import), a MERGE (a run typed in by hand on the same day with a similar distance: the
runner's RPE, pain and notes stay, the measured fields come from the file), or SKIPPED
with the reason. The runner can untick rows and change type and RPE; then
:func:`runs_to_write` turns the ticked rows into runs for the store's one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from hamstring_app.core.models import Run, RunSource, RunType
from hamstring_app.importer.activity import Activity, Found, Skipped

# The same activity read twice (a FIT from the watch and the GPX Strava made of it):
# starts within a minute, distances within 2 %.
SAME_START = timedelta(seconds=60)
SAME_DISTANCE = 0.02
# A run typed in by hand is "the same run" as a file on the same day when the distances
# are within 10 % or 0.5 km, whichever is more (hand-typed distances are rounded).
MERGE_DISTANCE = 0.10
MERGE_MIN_KM = 0.5


class Status(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    MERGE = "merge"
    SKIPPED = "skipped"


@dataclass(slots=True)
class PlanRow:
    """One line of the review list. ``include``, ``run_type`` and ``rpe`` are the
    runner's to change; the rest is what the importer found."""

    status: Status
    reason: str
    activity: Activity | None = None
    skipped: Skipped | None = None
    match: Run | None = None  # the saved run this duplicates or merges into
    include: bool = False
    run_type: RunType = RunType.EASY
    rpe: int | None = None

    @property
    def source(self) -> str:
        return self.activity.source if self.activity else self.skipped.source  # type: ignore[union-attr]

    @property
    def day(self) -> date | None:
        return self.activity.day if self.activity else self.skipped.day  # type: ignore[union-attr]

    @property
    def can_include(self) -> bool:
        return self.status in (Status.NEW, Status.MERGE)


def same_distance(a_km: float, b_km: float, tolerance: float) -> bool:
    return abs(a_km - b_km) <= tolerance * max(a_km, b_km)


def _same_activity(a: Activity, start: datetime | None, km: float) -> bool:
    if a.start is None or start is None:
        return False
    try:
        close = abs(a.start - start) <= SAME_START
    except TypeError:  # naive against aware: cannot be compared, so not the same
        return False
    return close and same_distance(a.distance_km, km, SAME_DISTANCE)


def _mergeable(a: Activity, run: Run) -> bool:
    if run.source is not RunSource.MANUAL or run.content_hash or run.day != a.day:
        return False
    gap = abs(a.distance_km - run.distance_km)
    return gap <= max(MERGE_DISTANCE * max(a.distance_km, run.distance_km), MERGE_MIN_KM)


class _Starts:
    """Items (saved runs, activities kept so far) by start minute: the ones that started
    within SAME_START of an activity are in its minute or the next to it, so finding a
    twin costs a look at three buckets, not at every item (an export holds thousands)."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[bool, int], list[tuple[int, datetime, float, object]]] = {}
        self._count = 0

    @staticmethod
    def _key(start: datetime) -> tuple[bool, int]:
        # naive and aware starts never match (see _same_activity): kept apart
        aware = start.tzinfo is not None and start.utcoffset() is not None
        stamp = start.timestamp() if aware else start.replace(tzinfo=UTC).timestamp()
        return aware, int(stamp // 60)

    def add(self, start: datetime | None, km: float, item: object) -> None:
        if start is None:
            return
        self._count += 1
        self._buckets.setdefault(self._key(start), []).append((self._count, start, km, item))

    def first_same(self, a: Activity) -> object | None:
        """The first item added that is the same activity as ``a``, or None."""
        if a.start is None:
            return None
        aware, minute = self._key(a.start)
        best: tuple[int, object] | None = None
        for key in ((aware, minute - 1), (aware, minute), (aware, minute + 1)):
            for order, start, km, item in self._buckets.get(key, ()):
                if (best is None or order < best[0]) and _same_activity(a, start, km):
                    best = (order, item)
        return best[1] if best is not None else None


def _clock(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def plan_import(found: Iterable[Found], existing: Sequence[Run], today: date) -> list[PlanRow]:
    """The review list for ``found`` against the saved runs ``existing``."""
    by_hash = {run.content_hash: run for run in existing if run.content_hash}
    timed = _Starts()
    manual: dict[date, list[Run]] = {}
    for run in existing:
        timed.add(run.started_at, run.distance_km, run)
        if run.source is RunSource.MANUAL and not run.content_hash:
            manual.setdefault(run.day, []).append(run)
    merged_into: set[int] = set()
    kept = _Starts()
    kept_hashes: set[str] = set()
    rows: list[PlanRow] = []
    for item in found:
        if isinstance(item, Skipped):
            rows.append(PlanRow(Status.SKIPPED, item.reason, skipped=item))
            continue
        a = item
        base = {"activity": a, "run_type": a.run_type, "rpe": a.rpe}
        if a.day > today:
            rows.append(PlanRow(Status.SKIPPED, "dated in the future (is the watch's clock "
                                "right?)", **base))  # type: ignore[arg-type]
            continue
        saved = by_hash.get(a.content_hash)
        if saved is None:
            saved = timed.first_same(a)  # type: ignore[assignment]
        if saved is not None:
            how = "the same file" if saved.content_hash == a.content_hash else (
                f"the run that started at {_clock(saved.started_at)} on the same day"
            )
            rows.append(PlanRow(Status.DUPLICATE, f"already saved: {how}", match=saved,
                                **base))  # type: ignore[arg-type]
            continue
        twin = a.content_hash in kept_hashes or kept.first_same(a) is not None
        if twin:
            rows.append(PlanRow(Status.DUPLICATE, "twice in this import: kept once",
                                **base))  # type: ignore[arg-type]
            continue
        kept.add(a.start, a.distance_km, a)
        kept_hashes.add(a.content_hash)
        target = next(
            (r for r in manual.get(a.day, ()) if r.id not in merged_into and _mergeable(a, r)),
            None,
        )
        if target is not None:
            merged_into.add(target.id or 0)
            rows.append(PlanRow(
                Status.MERGE,
                f"matches the {target.distance_km:g} km run you typed in: your RPE, pain and "
                "notes stay, the measured fields are added",
                match=target, include=True, **base,  # type: ignore[arg-type]
            ))
            continue
        rows.append(PlanRow(Status.NEW, "", include=True, **base))  # type: ignore[arg-type]
    return rows


def run_from(a: Activity, run_type: RunType, rpe: int | None, *, needs_review: bool) -> Run:
    """A new run from an activity."""
    return Run(
        day=a.day,
        distance_km=a.distance_km,
        duration_min=a.duration_min,
        type=run_type,
        rpe=rpe,
        cadence_spm=a.cadence_spm,
        descent_m=a.descent_m,
        note=a.note,
        **_from_the_file(a),
        needs_review=needs_review,
    )


def merged(saved: Run, a: Activity, rpe: int | None) -> Run:
    """The runner's run with the file's measurements: RPE (unless they gave none), pain,
    type and notes stay theirs."""
    return replace(
        saved,
        distance_km=a.distance_km,
        duration_min=a.duration_min if a.duration_min is not None else saved.duration_min,
        rpe=saved.rpe if saved.rpe is not None else rpe,
        cadence_spm=a.cadence_spm if a.cadence_spm is not None else saved.cadence_spm,
        descent_m=a.descent_m if a.descent_m is not None else saved.descent_m,
        note=saved.note or a.note,
        **_from_the_file(a),
    )


def _from_the_file(a: Activity) -> dict[str, Any]:
    """What an imported run keeps of its file, a new run or one merged into a saved run."""
    return {
        "source": RunSource.FILE,
        "started_at": a.start,
        "avg_hr_bpm": a.avg_hr_bpm,
        "source_file": a.file_name[:255],
        "content_hash": a.content_hash,
        "details": " ".join(_details(a))[:2000],
    }


def _details(a: Activity) -> list[str]:
    out = [f"Imported from {a.file_name}."]
    if a.treadmill:
        out.append("Treadmill or indoor run (no GPS): distance as the watch measured it.")
    out.extend(a.details)
    return out


@dataclass(frozen=True, slots=True)
class ToWrite:
    new: tuple[Run, ...]
    merged: tuple[Run, ...]
    skipped: int  # rows not written: skipped, duplicates and unticked


def runs_to_write(rows: Sequence[PlanRow], *, needs_review: bool = False) -> ToWrite:
    new: list[Run] = []
    merges: list[Run] = []
    for row in rows:
        if not (row.include and row.can_include and row.activity is not None):
            continue
        if row.status is Status.MERGE and row.match is not None:
            merges.append(merged(row.match, row.activity, row.rpe))
        else:
            new.append(run_from(row.activity, row.run_type, row.rpe, needs_review=needs_review))
    return ToWrite(tuple(new), tuple(merges), len(rows) - len(new) - len(merges))
