"""Injury episodes and the "I have been assessed by a professional" record.

About a third of hamstring problems come back within a year (docs/evidence.md, section 1), so one
onset date in the profile is not enough: each time the pain starts again is an
:class:`Episode`. The recovery timeline, window, phase, cadence baseline and triggers all
count from the current episode's onset.

A :class:`ProfessionalAssessment` records that a qualified health professional has checked
the runner, on a date, and optionally what they were told (:class:`AssessmentOutcome`).
It is the only thing that resolves an open warning sign: an urgent sign (possible tear,
nerve signs) stays open, whatever the time since, until an assessment dated on or after
it; a routine sign is open for 14 days or until such an assessment.

Other parts of the app read these, for example::

    latest = latest_assessment(history.assessments, today)
    if latest is not None and latest.outcome is AssessmentOutcome.CLEARED_TO_RUN:
        ...  # a professional cleared the runner to run on latest.day

The store keeps them through ``Repository.add_assessment``, ``list_assessments``,
``delete_assessment``, ``latest_assessment`` and, for episodes, ``list_episodes``,
``current_episode``, ``start_episode``, ``end_episode`` and ``update_episode``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise

from hamstring_app.core.models import (
    PainSite,
    Profile,
    Side,
    ValidationError,
    _check_enum,
    check_bool,
    check_date,
    check_text,
)


class AssessmentOutcome(StrEnum):
    """What the professional said, in the runner's words (optional)."""

    CLEARED_TO_RUN = "cleared_to_run"
    REHAB_ONLY = "rehab_only"  # strength and rehab work, no running yet
    NO_RUNNING = "no_running"


# outcomes that say "not yet" to running: the verdict stays stop and the return-to-run
# ladder waits until a later assessment says otherwise (docs/rules.md, "Being assessed")
NO_RUNNING_OUTCOMES = frozenset({AssessmentOutcome.REHAB_ONLY, AssessmentOutcome.NO_RUNNING})


class EpisodeEnd(StrEnum):
    RECOVERED = "recovered"
    CLOSED = "closed"  # closed by the runner without saying it is recovered


@dataclass(frozen=True, slots=True)
class ProfessionalAssessment:
    """A qualified health professional checked the hamstring on ``day``."""

    day: date
    outcome: AssessmentOutcome | None = None
    note: str = ""
    id: int | None = None  # set by the store

    def __post_init__(self) -> None:
        check_date("date", self.day)
        if self.outcome is not None:
            _check_enum("outcome", self.outcome, AssessmentOutcome)
        check_text("note", self.note)


@dataclass(frozen=True, slots=True)
class Episode:
    """One spell of hamstring pain, from its onset to its end (None while current)."""

    onset: date
    side: Side = Side.LEFT
    pain_site: PainSite = PainSite.MID_THIGH
    long_standing: bool = False  # symptoms for more than 6 weeks when it was recorded
    ended: date | None = None
    end_reason: EpisodeEnd | None = None
    id: int | None = None  # set by the store

    def __post_init__(self) -> None:
        check_date("onset", self.onset)
        _check_enum("side", self.side, Side)
        _check_enum("pain_site", self.pain_site, PainSite)
        check_bool("long_standing", self.long_standing, optional=False)
        if self.ended is not None:
            check_date("ended", self.ended)
            if self.ended < self.onset:
                raise ValidationError("ended", "is before the episode started")
            if self.end_reason is None:
                raise ValidationError("end_reason", "is required when the episode has ended")
            _check_enum("end_reason", self.end_reason, EpisodeEnd)
        elif self.end_reason is not None:
            raise ValidationError("end_reason", "can only be given with an end date")

    @property
    def is_open(self) -> bool:
        return self.ended is None

    @classmethod
    def from_profile(cls, profile: Profile) -> Episode:
        """The episode the profile describes (its injury start, side and pain site)."""
        return cls(profile.injury_start, profile.side, profile.pain_site, profile.long_standing)


def check_episodes(episodes: Sequence[Episode]) -> None:
    """Episodes sorted by onset, each one ended before the next starts; only the last open."""
    for k, (a, b) in enumerate(pairwise(episodes)):
        if b.onset <= a.onset:
            raise ValidationError(
                f"episodes[{k + 1}].onset", "must be after the onset of the episode before"
            )
        if a.ended is None:
            raise ValidationError(
                f"episodes[{k}].ended", "is required: only the latest episode can be current"
            )
        if a.ended > b.onset:
            raise ValidationError(
                f"episodes[{k}].ended", "is after the next episode started"
            )


def episode_on(
    episodes: Sequence[Episode], profile: Profile | None, day: date
) -> Episode | None:
    """The episode that counts on ``day``: the latest one with its onset on or before it.

    With no episodes recorded, the profile's injury start stands for the one episode."""
    found = None
    for e in episodes:
        if e.onset <= day:
            found = e
        else:
            break
    if found is not None:
        return found
    return None if profile is None else Episode.from_profile(profile)


def said_order(a: ProfessionalAssessment) -> tuple[date, bool]:
    """Sort key of assessments: by day, and on one day a "rehab only" or "no running" after
    the others, so the more cautious outcome is the latest (never the order given)."""
    return a.day, a.outcome in NO_RUNNING_OUTCOMES


def latest_assessment(
    assessments: Iterable[ProfessionalAssessment], day: date
) -> ProfessionalAssessment | None:
    """The most recent assessment dated on or before ``day``; of several on that day, the
    more cautious (a "rehab only" or "no running" outcome), else the last given."""
    best = None
    for a in assessments:
        if a.day <= day and (best is None or said_order(a) >= said_order(best)):
            best = a
    return best
