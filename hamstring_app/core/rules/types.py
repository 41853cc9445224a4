"""What the rules engine returns: frozen dataclasses, plus their JSON shape."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import Advice, Level, Referral, Verdict, WhyValue

if TYPE_CHECKING:
    from hamstring_app.core.runplan.types import Prescription

Decision = Literal["progress", "hold", "regress"]
RecoveryStatus = Literal["on_track", "slower_than_expected", "recovered"]
PainTrend = Literal["better", "same", "worse", "unknown"]


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True, slots=True)
class LoadMetrics:
    """Training-load figures as of the assessed day (windows are calendar days)."""

    weekly_km: float = 0.0
    # None unless the record covers the 3 weeks before (first record >= 27 days back) and
    # those weeks had running
    weekly_change_pct: float | None = None
    longest_run_30d_km: float = 0.0
    session_load_7d: float = 0.0  # RPE x minutes, runs with both known
    monotony: float | None = None
    strain: float | None = None
    acwr_ewma: float | None = None  # None when there is too little history
    runs_7d: int = 0
    intensity_sessions_7d: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "weekly_km": _r(self.weekly_km),
            "weekly_change_pct": _r(self.weekly_change_pct),
            "longest_run_30d_km": _r(self.longest_run_30d_km),
            "session_load_7d": _r(self.session_load_7d),
            "monotony": _r(self.monotony, 2),
            "strain": _r(self.strain),
            "acwr_ewma": _r(self.acwr_ewma, 2),
            "runs_7d": self.runs_7d,
            "intensity_sessions_7d": self.intensity_sessions_7d,
        }


@dataclass(frozen=True, slots=True)
class Recovery:
    weeks_since_onset: float
    expected_window_weeks: tuple[int, int]
    status: RecoveryStatus
    pain_mean_7d: float | None = None
    pain_mean_7d_two_weeks_ago: float | None = None
    pain_trend: PainTrend = "unknown"
    #: slower than expected, and a professional assessed it since (no referral): the day
    assessed_on: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "weeks_since_onset": round(self.weeks_since_onset, 1),
            "expected_window_weeks": list(self.expected_window_weeks),
            "status": self.status,
            "pain_mean_7d": _r(self.pain_mean_7d),
            "pain_mean_7d_two_weeks_ago": _r(self.pain_mean_7d_two_weeks_ago),
            "pain_trend": self.pain_trend,
        }


@dataclass(frozen=True, slots=True)
class StrengthDecision:
    exercise_id: str
    decision: Decision
    why: Mapping[str, WhyValue] = field(default_factory=dict)
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise_id,
            "decision": self.decision,
            "why": dict(self.why),
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class StrengthPause:
    """Strength work paused: the verdict is stop with an urgent referral.

    ``allowed`` is ``"isometrics"`` (only the calm holds of the phase-1 programme) or
    ``"none"`` (a possible tear: nothing until a professional has checked it)."""

    allowed: Literal["isometrics", "none"]
    reason: Literal["possible_tear", "urgent_sign"]
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"allowed": self.allowed, "reason": self.reason, "message": self.message}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A run feature after which the runner's next-morning pain stands out."""

    feature: str  # intervals | hills | long | downhill | back_to_back
    runs: int  # days with the feature and a next-morning answer
    mean_after: float  # mean next-morning pain after those days
    other_days: int
    mean_other: float  # mean next-morning pain on the runner's other days
    message: str = ""

    @property
    def difference(self) -> float:
        return self.mean_after - self.mean_other

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "runs": self.runs,
            "mean_next_morning_pain_after": round(self.mean_after, 1),
            "other_days": self.other_days,
            "mean_next_morning_pain_other": round(self.mean_other, 1),
            "difference": round(self.difference, 1),
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class DayVerdict:
    day: date
    verdict: Verdict
    red_flags: tuple[str, ...] = ()
    # a stop only because a professional said rehab only or no running (no warning sign
    # open, so no referral): the app words it as their advice (ui/verdicts.py)
    professional: bool = False


@dataclass(frozen=True, slots=True)
class LoadEvent:
    day: date
    rule: str
    level: Level
    detail: str


def advice_to_dict(item: Advice) -> dict[str, Any]:
    return {
        "rule": item.rule,
        "level": item.level.value,
        "title": item.title,
        "message": item.message,
        "why": dict(item.why),
        "evidence": item.evidence,
    }


@dataclass(frozen=True, slots=True)
class Assessment:
    """The answer for one day: what to do, why, and what is not known."""

    today: date
    verdict: Verdict
    referral: Referral
    referral_reason: str
    advice: tuple[Advice, ...]
    unknowns: tuple[str, ...]
    metrics: LoadMetrics
    phase: int
    strength: tuple[StrengthDecision, ...]
    recovery: Recovery
    triggers: tuple[Trigger, ...]
    strength_pause: StrengthPause | None = None  # set on stop with an urgent referral
    # the latest "assessed by a professional" record on or before the day, if any
    last_assessment: ProfessionalAssessment | None = None
    prescription: Prescription | None = None  # today's run, the ladder, the week (runplan)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by ``hamstring-app assess`` (docs/assess.md)."""
        return {
            "today": self.today.isoformat(),
            "verdict": self.verdict.value,
            "referral": self.referral.value,
            "referral_reason": self.referral_reason,
            "advice": [advice_to_dict(a) for a in self.advice],
            "unknowns": list(self.unknowns),
            "metrics": self.metrics.to_dict(),
            "phase": self.phase,
            "strength": [s.to_dict() for s in self.strength],
            "strength_pause": (
                None if self.strength_pause is None else self.strength_pause.to_dict()
            ),
            "recovery": self.recovery.to_dict(),
            "triggers": [t.to_dict() for t in self.triggers],
            "last_assessment": assessment_to_dict(self.last_assessment),
            "prescription": self.prescription.to_dict() if self.prescription else None,
        }


def assessment_to_dict(a: ProfessionalAssessment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "date": a.day.isoformat(),
        "outcome": None if a.outcome is None else a.outcome.value,
        "note": a.note,
    }
