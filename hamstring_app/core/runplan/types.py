"""What the run plan returns: frozen dataclasses, plus their JSON shape (docs/assess.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import WhyValue
from hamstring_app.core.rules import thresholds as T

RunKind = Literal["run", "easy", "short_easy", "ladder", "rest", "no_run"]
"""run: the plan as usual; easy: easy only; short_easy: a shorter easy run, or walk or
cross-train; ladder: today's return-to-run step; rest: no run today (a rest day); no_run: no
running today (stop)."""
Terrain = Literal["any", "flat", "none"]
LadderStatus = Literal["waiting", "active"]
LadderReason = Literal["stop", "warning_sign", "long_hold", "break", "cleared", "professional"]

RUNNING_KINDS = frozenset({"run", "easy", "short_easy", "ladder"})


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True, slots=True)
class Clearance:
    """What the ladder reads from a professional's assessment: the day, whether it cleared
    running, and whether it said not to run yet (rehab only, or no running)."""

    day: date
    cleared_to_run: bool
    no_running: bool = False

    @classmethod
    def from_assessment(cls, a: ProfessionalAssessment) -> Clearance:
        return cls(
            a.day,
            a.outcome is AssessmentOutcome.CLEARED_TO_RUN,
            a.outcome in (AssessmentOutcome.REHAB_ONLY, AssessmentOutcome.NO_RUNNING),
        )


@dataclass(frozen=True, slots=True)
class TodayRun:
    """Today's run in numbers. Distances in km; the notes use the profile's units."""

    kind: RunKind
    summary: str
    max_distance_km: float | None  # None: no distance cap (or none that can be measured)
    max_minutes: int | None  # None: no time cap
    intensity_allowed: bool
    terrain: Terrain
    cadence_target_spm: int | None
    notes: tuple[str, ...] = ()
    why: Mapping[str, WhyValue] = field(default_factory=dict)

    @property
    def running(self) -> bool:
        return self.kind in RUNNING_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "max_distance_km": _r(self.max_distance_km),
            "max_minutes": self.max_minutes,
            "intensity_allowed": self.intensity_allowed,
            "terrain": self.terrain,
            "cadence_target_spm": self.cadence_target_spm,
            "notes": list(self.notes),
            "why": dict(self.why),
        }


@dataclass(frozen=True, slots=True)
class LadderStep:
    number: int  # 1-based
    run_min: int
    walk_min: int
    repeats: int

    @property
    def continuous(self) -> bool:
        return self.walk_min == 0

    @property
    def total_minutes(self) -> int:
        return (self.run_min + self.walk_min) * self.repeats


LADDER_LENGTH = len(T.LADDER_STEPS)


def ladder_step(number: int) -> LadderStep:
    """Step ``number`` (1-based) of the ladder."""
    run_min, walk_min, repeats = T.LADDER_STEPS[number - 1]
    return LadderStep(number, run_min, walk_min, repeats)


@dataclass(frozen=True, slots=True)
class LadderEvent:
    """One thing that happened on the ladder, for the runner's record and the tests."""

    day: date
    event: str  # started, waiting, good_run, repeat, no_answer, no_rest_day, went_back,
    # moved_up, completed
    step: int  # the step after the event
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Ladder:
    """Where the runner is on the return-to-run ladder today."""

    status: LadderStatus
    reason: LadderReason
    step: int  # 1..of (while waiting: the step it will start at)
    of: int
    runs_done: int  # good runs done at this step (0 .. LADDER_RUNS_PER_STEP - 1)
    started_on: date | None
    last_run_on: date | None
    pending: bool  # the last ladder run still waits for its next-morning answer
    rest_today: bool  # yesterday was a ladder run: today is the rest day between
    next_when: str
    events: tuple[LadderEvent, ...] = ()

    @property
    def current(self) -> LadderStep:
        return ladder_step(self.step)

    def to_dict(self) -> dict[str, Any]:
        s = self.current
        return {
            "status": self.status,
            "reason": self.reason,
            "step": self.step,
            "of": self.of,
            "run_min": s.run_min,
            "walk_min": s.walk_min,
            "repeats": s.repeats,
            "total_minutes": s.total_minutes,
            "runs_done": self.runs_done,
            "started_on": self.started_on.isoformat() if self.started_on else None,
            "last_run_on": self.last_run_on.isoformat() if self.last_run_on else None,
            "next_when": self.next_when,
        }


@dataclass(frozen=True, slots=True)
class PlanDay:
    """One day of the week ahead."""

    day: date
    run_kind: RunKind
    max_distance_km: float | None = None
    max_minutes: int | None = None
    key: bool = False  # a key (hard) run: intensity allowed
    ladder_step: int | None = None
    strength: bool = False
    moved: tuple[str, ...] = ()  # "run" / "strength": moved here by the runner
    note: str = ""

    @property
    def running(self) -> bool:
        return self.run_kind in RUNNING_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "run": self.run_kind,
            "max_distance_km": _r(self.max_distance_km),
            "max_minutes": self.max_minutes,
            "key": self.key,
            "ladder_step": self.ladder_step,
            "strength": self.strength,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Prescription:
    today: TodayRun
    ladder: Ladder | None
    week: tuple[PlanDay, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.to_dict(),
            "ladder": self.ladder.to_dict() if self.ladder is not None else None,
            "week": [d.to_dict() for d in self.week],
        }
