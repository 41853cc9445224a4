"""Which records of an incoming history are new to the saved one (pure).

Used for importing an exported file into an empty or an existing database:

- a check-in is one per date: the same answers already saved is a duplicate (skipped); a
  different one for a saved date is a *conflict*: the saved check-in is kept, and the date
  is listed so the person can look;
- a run is a duplicate of a saved run with the same date and values (id and where it came
  from aside); a strength session of a saved one with the same date, phase, next-morning
  pain and sets. Two identical runs in the file against one saved adds one;
- the profile is taken only when none is saved; a different one in the file is reported
  and the saved one kept. The injury episodes likewise: the file's are taken only when
  none are saved, and different ones are reported and the saved ones kept;
- a professional assessment is a duplicate of a saved one with the same date, outcome
  and note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from hamstring_app.core.episodes import Episode, ProfessionalAssessment
from hamstring_app.core.models import CheckIn, History, Profile, Run, StrengthSession
from hamstring_app.core.words import count_of

T = TypeVar("T")


def run_key(run: Run) -> tuple[object, ...]:
    return (
        run.day,
        run.distance_km,
        run.duration_min,
        run.type,
        run.rpe,
        run.cadence_spm,
        run.descent_m,
        run.pain,
        run.note,
    )


def episode_key(episode: Episode) -> tuple[object, ...]:
    return (episode.onset, episode.side, episode.pain_site, episode.long_standing,
            episode.ended, episode.end_reason)


def assessment_key(assessment: ProfessionalAssessment) -> tuple[object, ...]:
    return (assessment.day, assessment.outcome, assessment.note)


def session_key(session: StrengthSession) -> tuple[object, ...]:
    sets = sorted(
        (s.exercise_id, s.set_number, s.reps, s.hold_s, s.load_kg, s.pain, s.completed)
        for s in session.sets
    )
    return (session.day, session.phase, session.pain_next_morning, tuple(sets))


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds, skips and keeps; :meth:`additions` is what gets written."""

    profile: Profile | None  # to save (None: nothing to save)
    profile_kept: bool  # the file's profile differs from the saved one, which is kept
    checkins: tuple[CheckIn, ...]
    runs: tuple[Run, ...]
    sessions: tuple[StrengthSession, ...]
    duplicate_checkins: int
    duplicate_runs: int
    duplicate_sessions: int
    conflicts: tuple[date, ...]  # check-in dates where the file differs; saved kept
    episodes: tuple[Episode, ...] = ()  # the file's episodes, taken when none are saved
    episodes_kept: bool = False  # the file's episodes differ from the saved ones, kept
    assessments: tuple[ProfessionalAssessment, ...] = ()
    duplicate_assessments: int = 0

    @property
    def adds_anything(self) -> bool:
        return bool(
            self.profile or self.checkins or self.runs or self.sessions or self.episodes
            or self.assessments
        )

    @property
    def duplicates(self) -> int:
        return (
            self.duplicate_checkins + self.duplicate_runs + self.duplicate_sessions
            + self.duplicate_assessments
        )

    def additions(self) -> History:
        return History(
            profile=self.profile,
            checkins=self.checkins,
            runs=self.runs,
            strength_sessions=self.sessions,
            episodes=self.episodes,
            assessments=self.assessments,
        )

    def first_and_last_day(self) -> tuple[date, date] | None:
        days = [r.day for r in (*self.checkins, *self.runs, *self.sessions)]
        return (min(days), max(days)) if days else None

    def summary(self) -> list[str]:
        """Plain sentences for a review before importing, or a report after it."""
        lines = [
            f"New: {count_of(len(self.checkins), 'check-in')}, {count_of(len(self.runs), 'run')}, "
            f"{count_of(len(self.sessions), 'strength session')}."
        ]
        span = self.first_and_last_day()
        if span is not None:
            lines.append(f"They are dated {span[0].isoformat()} to {span[1].isoformat()}.")
        if self.profile is not None:
            lines.append("The profile in the file is added (none was saved).")
        if self.profile_kept:
            lines.append("The profile in the file differs from yours; yours is kept.")
        if self.episodes:
            verb = "is" if len(self.episodes) == 1 else "are"
            lines.append(f"The file's {count_of(len(self.episodes), 'injury episode')} {verb} "
                         "added (none was saved).")
        if self.episodes_kept:
            lines.append("The injury episodes in the file differ from yours; yours are kept.")
        if self.assessments:
            lines.append(f"New: {count_of(len(self.assessments), 'professional assessment')}.")
        if self.duplicate_assessments:
            lines.append(f"Already saved, so skipped: "
                         f"{count_of(self.duplicate_assessments, 'professional assessment')}.")
        if self.duplicates:
            lines.append(
                f"Already saved, so skipped: {count_of(self.duplicate_checkins, 'check-in')}, "
                f"{count_of(self.duplicate_runs, 'run')}, "
                f"{count_of(self.duplicate_sessions, 'strength session')}."
            )
        if self.conflicts:
            shown = ", ".join(d.isoformat() for d in self.conflicts[:5])
            more = f" and {len(self.conflicts) - 5} more" if len(self.conflicts) > 5 else ""
            lines.append(
                f"On {count_of(len(self.conflicts), 'day')} the file's check-in differs from "
                f"the one saved; the saved one is kept: {shown}{more}."
            )
        return lines


def _new_by_key(
    saved: Iterable[T], incoming: Iterable[T], key: Callable[[T], Hashable]
) -> tuple[tuple[T, ...], int]:
    """Incoming records not matched one for one by a saved record with the same key."""
    available = Counter(key(item) for item in saved)
    new: list[T] = []
    duplicates = 0
    for item in incoming:
        k = key(item)
        if available[k] > 0:
            available[k] -= 1
            duplicates += 1
        else:
            new.append(item)
    return tuple(new), duplicates


def plan_import(saved: History, incoming: History) -> ImportPlan:
    """Compare ``incoming`` with what is ``saved``; nothing is changed here."""
    by_day = {c.day: c for c in saved.checkins}
    checkins: list[CheckIn] = []
    conflicts: list[date] = []
    duplicate_checkins = 0
    for checkin in incoming.checkins:
        existing = by_day.get(checkin.day)
        if existing is None:
            checkins.append(checkin)
        elif existing == checkin:
            duplicate_checkins += 1
        else:
            conflicts.append(checkin.day)
    runs, duplicate_runs = _new_by_key(saved.runs, incoming.runs, run_key)
    sessions, duplicate_sessions = _new_by_key(
        saved.strength_sessions, incoming.strength_sessions, session_key
    )
    assessments, duplicate_assessments = _new_by_key(
        saved.assessments, incoming.assessments, assessment_key
    )
    episodes: tuple[Episode, ...] = ()
    episodes_kept = False
    if incoming.episodes:
        if not saved.episodes:
            episodes = incoming.episodes
        elif [episode_key(e) for e in saved.episodes] != [
            episode_key(e) for e in incoming.episodes
        ]:
            episodes_kept = True
    profile = None
    profile_kept = False
    if incoming.profile is not None:
        if saved.profile is None:
            profile = incoming.profile
        elif saved.profile != incoming.profile:
            profile_kept = True
    return ImportPlan(
        profile=profile,
        profile_kept=profile_kept,
        checkins=tuple(checkins),
        runs=runs,
        sessions=sessions,
        duplicate_checkins=duplicate_checkins,
        duplicate_runs=duplicate_runs,
        duplicate_sessions=duplicate_sessions,
        conflicts=tuple(sorted(conflicts)),
        episodes=episodes,
        episodes_kept=episodes_kept,
        assessments=assessments,
        duplicate_assessments=duplicate_assessments,
    )
