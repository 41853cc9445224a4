"""Every change to stored data, as one function that says what it changed.

An operation takes the repository first, does its writes in one transaction
(``Repository.atomic``), and returns ``Done(value, changes)``: what the caller asked
for, and a :class:`~hamstring_app.core.changes.Changes` it built itself, side effects
included (starting a session that closes an older one names both days). It raises the
store's errors (``StoreError``, ``ValidationError``) unchanged; in the app the runner
(``hamstring_app.ui.ops.OpRunner``) turns them into a result the widget shows.

Operations never read the clock: a time they need is a parameter.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.episodes import Episode, EpisodeEnd, ProfessionalAssessment
from hamstring_app.core.models import CheckIn, History, Profile, Run, SetLog, StrengthSession
from hamstring_app.core.settings import Settings
from hamstring_app.store.errors import NotFound
from hamstring_app.store.repository import Repository

if TYPE_CHECKING:
    from hamstring_app.store.restore import Restored

T = TypeVar("T")


class Done(NamedTuple, Generic[T]):
    """What an operation returns: its result and everything it changed."""

    value: T
    changes: Changes


def _checkins(*days: date) -> Changes:
    return Changes.of(Kind.CHECKIN, days=days)


def _runs(*days: date) -> Changes:
    return Changes.of(Kind.RUN, days=days)


def _sessions(*days: date) -> Changes:
    return Changes.of(Kind.STRENGTH, days=days)


# ---------------------------------------------------------------------- profile, settings


def save_profile(repo: Repository, profile: Profile) -> Done[Profile]:
    """Save the profile; the current injury episode follows it (same transaction)."""
    repo.save_profile(profile)
    return Done(profile, Changes.of(Kind.PROFILE, Kind.EPISODE))


# ---------------------------------------------------------------------- episodes, assessments


def start_episode(
    repo: Repository, episode: Episode, *, previous_end: EpisodeEnd = EpisodeEnd.RECOVERED
) -> Done[Episode]:
    """"My hamstring hurts again": end the open episode and start ``episode``; the profile
    takes its onset, side and pain site (one transaction)."""
    started = repo.start_episode(episode, previous_end=previous_end)
    return Done(started, Changes.of(Kind.EPISODE, Kind.PROFILE))


def end_episode(
    repo: Repository, episode_id: int, ended: date, reason: EpisodeEnd
) -> Done[Episode]:
    return Done(repo.end_episode(episode_id, ended, reason), Changes.of(Kind.EPISODE))


def reopen_episode(repo: Repository, episode_id: int) -> Done[Episode]:
    """Undo "I have recovered": the latest episode is current again."""
    return Done(repo.reopen_episode(episode_id), Changes.of(Kind.EPISODE))


def record_assessment(
    repo: Repository, assessment: ProfessionalAssessment
) -> Done[ProfessionalAssessment]:
    """"I have been assessed by a professional" (a given id is kept: undo)."""
    return Done(repo.add_assessment(assessment), Changes.of(Kind.ASSESSMENT))


def delete_assessment(repo: Repository, assessment_id: int) -> Done[ProfessionalAssessment]:
    """Delete an assessment record; returns it whole, for undo (record_assessment)."""
    return Done(repo.delete_assessment(assessment_id), Changes.of(Kind.ASSESSMENT))


def save_settings(repo: Repository, settings: Settings) -> Done[Settings]:
    repo.save_settings(settings)
    return Done(settings, Changes.of(Kind.SETTINGS))


# ---------------------------------------------------------------------- check-ins


def save_checkin(
    repo: Repository,
    checkin: CheckIn,
    *,
    session: StrengthSession | None = None,
    session_pain: int | None = None,
) -> Done[CheckIn]:
    """Save (or replace) the check-in for its day. With ``session``, that strength
    session's next-morning pain becomes ``session_pain`` in the same transaction."""
    changes = _checkins(checkin.day)
    with repo.atomic():
        repo.save_checkin(checkin)
        if session is not None:
            if session.id is None:
                raise NotFound("That strength session was never saved.")
            repo.set_session_next_morning_pain(session.id, session_pain)
            changes |= _sessions(session.day)
    return Done(checkin, changes)


def delete_checkin(repo: Repository, day: date) -> Done[CheckIn]:
    """Delete the check-in for ``day``; returns it whole, for undo."""
    return Done(repo.delete_checkin(day), _checkins(day))


def restore_checkin(repo: Repository, checkin: CheckIn) -> Done[CheckIn]:
    """Put back a deleted check-in. Raises Conflict (changing nothing) when one was saved
    for that day since."""
    repo.restore_checkin(checkin)
    return Done(checkin, _checkins(checkin.day))


# ---------------------------------------------------------------------- runs


def add_run(repo: Repository, run: Run) -> Done[Run]:
    """Save a new run (a given id is kept: that is how undo puts one back)."""
    stored = repo.add_run(run)
    return Done(stored, _runs(stored.day))


def update_run(repo: Repository, run: Run) -> Done[Run]:
    """Change a saved run. Moving it to another day changes both days."""
    with repo.atomic():
        before = repo.get_run(run.id) if run.id is not None else None
        stored = repo.update_run(run)
    days = {stored.day} | ({before.day} if before is not None else set())
    return Done(stored, _runs(*days))


def save_run(repo: Repository, run: Run) -> Done[Run]:
    """Add a run without an id, change one with."""
    return update_run(repo, run) if run.id is not None else add_run(repo, run)


def delete_run(repo: Repository, run_id: int) -> Done[Run]:
    """Delete a run; returns it whole (with its id), for undo."""
    deleted = repo.delete_run(run_id)
    return Done(deleted, _runs(deleted.day))


restore_run = add_run  # a deleted run goes back with the id it had


# ---------------------------------------------------------------------- strength sessions


def start_session(
    repo: Repository, session: StrengthSession, *, now: datetime
) -> Done[StrengthSession]:
    """Save a new session. Any older unfinished one is finished first (at its last set,
    else its start, else ``now``), in the same transaction: both days change."""
    with repo.atomic():
        changes = Changes.none()
        older = repo.unfinished_strength_session()
        if older is not None:
            changes |= close_session(repo, older, now=now).changes
        started = repo.start_strength_session(session)
    return Done(started, changes | _sessions(started.day))


def log_set(repo: Repository, session: StrengthSession, set_log: SetLog) -> Done[SetLog]:
    """Save one set of ``session`` the moment it is done (the same set again replaces it)."""
    if session.id is None:
        raise NotFound("That strength session was never saved.")
    repo.log_set(session.id, set_log)
    return Done(set_log, _sessions(session.day))


def finish_session(
    repo: Repository, session_id: int, finished_at: datetime
) -> Done[StrengthSession]:
    finished = repo.finish_strength_session(session_id, finished_at)
    return Done(finished, _sessions(finished.day))


def close_session(
    repo: Repository, session: StrengthSession, *, now: datetime
) -> Done[StrengthSession]:
    """Finish a session left unfinished, as it is: at its last set, else its start."""
    if session.id is None:
        raise NotFound("That strength session was never saved.")
    return finish_session(repo, session.id, last_activity(session, now))


def last_activity(session: StrengthSession, fallback: datetime) -> datetime:
    """When a session was last worked on: its last set, else its start, else ``fallback``."""
    times = [s.finished_at or s.started_at for s in session.sets]
    known = [t for t in times if t is not None]
    if known:
        return max(known)
    return session.started_at or fallback


def set_session_pain(
    repo: Repository, session: StrengthSession, pain: int | None
) -> Done[StrengthSession]:
    """Record how the hamstring felt the morning after ``session``."""
    if session.id is None:
        raise NotFound("That strength session was never saved.")
    repo.set_session_next_morning_pain(session.id, pain)
    return Done(session, _sessions(session.day))


def discard_session(repo: Repository, session_id: int) -> Done[StrengthSession]:
    """Delete a session and its sets; returns it whole, for undo (restore_session)."""
    deleted = repo.delete_strength_session(session_id)
    return Done(deleted, _sessions(deleted.day))


def restore_session(repo: Repository, session: StrengthSession) -> Done[StrengthSession]:
    """Put back a discarded session with its sets and id."""
    restored = repo.restore_strength_session(session)
    return Done(restored, _sessions(restored.day))


# ---------------------------------------------------------------------- bulk


def import_history(repo: Repository, history: History) -> Done[None]:
    """Add a whole history in one transaction (see Repository.import_history)."""
    repo.import_history(history)
    return Done(None, Changes.everything())


def import_export(repo: Repository, incoming: History, *, task: object = None) -> Done[object]:
    """Add what is new in the app's own JSON export (``incoming``, already read and
    checked), in one transaction; the value is the ImportPlan of what was added and skipped
    (exchange/merge.py). A StoreError says why when nothing could be added."""
    plan = repo.import_new(incoming)
    return Done(plan, Changes.everything() if plan.adds_anything else Changes.none())


def restore_from_backup(
    repo: Repository, backup: Path, *, now: datetime, app_version: str, task: object = None
) -> Done[Restored]:
    """Put a backup's data back, after backing up the current data (store/restore.py).

    Anything may have changed, so every tab reads the history again."""
    from hamstring_app.store.restore import restore_backup

    done = restore_backup(
        repo.database.path.parent, Path(backup), now=now, app_version=app_version
    )
    return Done(done, Changes.everything())
