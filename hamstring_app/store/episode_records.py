"""The repository's methods for injury episodes and "assessed by a professional" records.

Kept apart from repository.py so each file stays readable; :class:`Repository` inherits
them and supplies ``_write``, ``_read`` and ``_day``.

The profile and the episodes stay in step: the profile's injury start, side, pain site and
long-standing answer are the current (latest) episode's. Saving the profile updates the
open episode (or starts episode 1 when there is none); starting a new episode ends the open
one and copies the new one into the profile, in one transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
    latest_assessment,
)
from hamstring_app.core.models import PainSite, Profile, Side, ValidationError
from hamstring_app.store import records as r
from hamstring_app.store.errors import NotFound

# Plain sqlite3 (no SQLAlchemy), like store/reader.py: these run on the read connection,
# or inside a write on the driver connection of that transaction (see ``_raw``).
EPISODE_SELECT = (
    "SELECT id, onset, side, pain_site, long_standing, ended, end_reason FROM episode "
    "ORDER BY onset"
)
ASSESSMENT_SELECT = "SELECT id, day, outcome, note FROM professional_assessment"


def _raw(conn: Any) -> sqlite3.Connection:
    """A sqlite3 connection: itself, or the one under a SQLAlchemy connection."""
    if isinstance(conn, sqlite3.Connection):
        return conn
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def episode_from_row(row: Any) -> Episode:
    id_, onset, side, site, long_standing, ended, reason = row
    return Episode(
        date.fromisoformat(onset),
        Side(side),
        PainSite(site),
        bool(long_standing),
        None if ended is None else date.fromisoformat(ended),
        None if reason is None else EpisodeEnd(reason),
        id_,
    )


def assessment_from_row(row: Any) -> ProfessionalAssessment:
    id_, day, outcome, note = row
    return ProfessionalAssessment(
        date.fromisoformat(day), None if outcome is None else AssessmentOutcome(outcome), note, id_
    )


def _episode_params(e: Episode) -> tuple[Any, ...]:
    return (
        e.onset.isoformat(),
        e.side.value,
        e.pain_site.value,
        int(e.long_standing),
        _iso(e.ended),
        None if e.end_reason is None else e.end_reason.value,
    )


_INSERT_EPISODE = (
    "INSERT INTO episode (onset, side, pain_site, long_standing, ended, end_reason) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_UPDATE_EPISODE = (
    "UPDATE episode SET onset = ?, side = ?, pain_site = ?, long_standing = ?, ended = ?, "
    "end_reason = ? WHERE id = ?"
)


def read_episodes(conn: Any) -> tuple[Episode, ...]:
    return tuple(episode_from_row(row) for row in _raw(conn).execute(EPISODE_SELECT))


def read_assessments(conn: Any) -> tuple[ProfessionalAssessment, ...]:
    rows = _raw(conn).execute(ASSESSMENT_SELECT + " ORDER BY day, id")
    return tuple(assessment_from_row(row) for row in rows)


def insert_episodes(conn: Any, episodes: tuple[Episode, ...]) -> None:
    """Replace every episode with ``episodes`` (a whole history being imported)."""
    raw = _raw(conn)
    raw.execute("DELETE FROM episode")
    raw.executemany(_INSERT_EPISODE, [_episode_params(e) for e in episodes])


def insert_assessments(conn: Any, assessments: tuple[ProfessionalAssessment, ...]) -> None:
    _raw(conn).executemany(
        "INSERT INTO professional_assessment (day, outcome, note) VALUES (?, ?, ?)",
        [
            (a.day.isoformat(), None if a.outcome is None else a.outcome.value, a.note)
            for a in assessments
        ],
    )


def sync_profile_episode(conn: Any, profile: Profile) -> None:
    """Keep the latest episode in step with a saved profile (inside its transaction).

    No episode yet: the profile's injury becomes episode 1. The latest one open: it takes
    the profile's onset, side, pain site and long-standing answer. The latest one ended: the
    same onset only updates its details; a later onset (on or after its end) starts a new
    open episode; an earlier one is refused, since it would fall inside that episode."""
    raw = _raw(conn)
    episodes = read_episodes(raw)
    new = Episode(profile.injury_start, profile.side, profile.pain_site, profile.long_standing)
    if not episodes:
        raw.execute(_INSERT_EPISODE, _episode_params(new))
        return
    last = episodes[-1]
    before = episodes[-2] if len(episodes) > 1 else None
    if last.is_open or new.onset == last.onset:
        if before is not None and before.ended is not None and new.onset < before.ended:
            raise ValidationError(
                "injury_start",
                f"must not be before the end of the previous episode "
                f"({before.ended.isoformat()})",
            )
        kept = replace(new, ended=last.ended, end_reason=last.end_reason)
        raw.execute(_UPDATE_EPISODE, (*_episode_params(kept), last.id))
        return
    if last.ended is not None and new.onset < last.ended:
        raise ValidationError(
            "injury_start",
            f"falls inside the last episode ({last.onset.isoformat()} to "
            f"{last.ended.isoformat()}); start a new episode after it ended",
        )
    raw.execute(_INSERT_EPISODE, _episode_params(new))


class EpisodeRecords:
    _write: Any
    _read: Any
    _day: Any

    # ------------------------------------------------------------------ episodes

    def list_episodes(self) -> tuple[Episode, ...]:
        """Every episode, oldest first (ids set)."""
        with self._read() as conn:
            return read_episodes(conn)

    def current_episode(self) -> Episode | None:
        """The latest episode if it is still open, else None (recovered or closed)."""
        episodes = self.list_episodes()
        return episodes[-1] if episodes and episodes[-1].is_open else None

    def start_episode(
        self, episode: Episode, *, previous_end: EpisodeEnd = EpisodeEnd.RECOVERED
    ) -> Episode:
        """Start a new episode ("my hamstring hurts again"). An open one is ended first, the
        day before the new onset, as ``previous_end``; the profile takes the new onset, side,
        pain site and long-standing answer. One transaction. Returns it with its id."""
        episode.__post_init__()
        if not episode.is_open:
            raise ValidationError("ended", "a new episode starts open")
        self._day("onset", episode.onset)
        with self._write() as conn:
            raw = _raw(conn)
            episodes = read_episodes(raw)
            if episodes:
                last = episodes[-1]
                if episode.onset <= last.onset:
                    raise ValidationError(
                        "onset",
                        f"must be after the current episode's start ({last.onset.isoformat()})",
                    )
                if last.is_open:
                    end = max(episode.onset - timedelta(days=1), last.onset)
                    raw.execute(
                        "UPDATE episode SET ended = ?, end_reason = ? WHERE id = ?",
                        (end.isoformat(), EpisodeEnd(previous_end).value, last.id),
                    )
                elif last.ended is not None and episode.onset < last.ended:
                    raise ValidationError(
                        "onset", f"must not be before the last episode ended ({last.ended})"
                    )
            new_id = raw.execute(_INSERT_EPISODE, _episode_params(episode)).lastrowid
            raw.execute(
                "UPDATE profile SET injury_start = ?, side = ?, pain_site = ?, "
                "long_standing = ? WHERE id = 1",
                _episode_params(episode)[:4],
            )
        return replace(episode, id=new_id)

    def end_episode(self, episode_id: int, ended: date, reason: EpisodeEnd) -> Episode:
        """End an open episode on ``ended`` (recovered, or closed by the runner)."""
        self._day("ended", ended)
        with self._write() as conn:
            raw = _raw(conn)
            found = [e for e in read_episodes(raw) if e.id == episode_id]
            if not found:
                raise NotFound(f"There is no injury episode with id {episode_id}.")
            done = replace(found[0], ended=ended, end_reason=EpisodeEnd(reason))
            raw.execute(_UPDATE_EPISODE, (*_episode_params(done), episode_id))
        return done

    def reopen_episode(self, episode_id: int) -> Episode:
        """Undo an end: the latest episode is current again (an earlier one cannot be, as
        only the latest may be open)."""
        with self._write() as conn:
            raw = _raw(conn)
            episodes = read_episodes(raw)
            found = [e for e in episodes if e.id == episode_id]
            if not found:
                raise NotFound(f"There is no injury episode with id {episode_id}.")
            if found[0] is not episodes[-1]:
                raise ValidationError(
                    "episode", "only the latest injury episode can be made current again"
                )
            done = replace(found[0], ended=None, end_reason=None)
            raw.execute(_UPDATE_EPISODE, (*_episode_params(done), episode_id))
        return done

    # ------------------------------------------------------------------ assessments

    def add_assessment(self, assessment: ProfessionalAssessment) -> ProfessionalAssessment:
        """Record "I have been assessed by a professional". Returns it with its id."""
        r.revalidate(assessment, ProfessionalAssessment)
        self._day("date", assessment.day)
        params = (
            assessment.id,  # None: a new id; given: undo puts a deleted one back with its id
            assessment.day.isoformat(),
            None if assessment.outcome is None else assessment.outcome.value,
            assessment.note,
        )
        with self._write() as conn:
            new_id = _raw(conn).execute(
                "INSERT INTO professional_assessment (id, day, outcome, note) "
                "VALUES (?, ?, ?, ?)",
                params,
            ).lastrowid
        return replace(assessment, id=new_id)

    def list_assessments(self) -> tuple[ProfessionalAssessment, ...]:
        """Every assessment, oldest first (ids set)."""
        with self._read() as conn:
            return read_assessments(conn)

    def latest_assessment(self, day: date | None = None) -> ProfessionalAssessment | None:
        """The latest assessment on or before ``day`` (today when not given)."""
        return latest_assessment(self.list_assessments(), day or self._today())

    def delete_assessment(self, assessment_id: int) -> ProfessionalAssessment:
        """Delete one; returns it whole (with its id), for undo."""
        with self._write() as conn:
            raw = _raw(conn)
            row = raw.execute(ASSESSMENT_SELECT + " WHERE id = ?", (assessment_id,)).fetchone()
            if row is None:
                raise NotFound(f"There is no assessment with id {assessment_id}.")
            raw.execute("DELETE FROM professional_assessment WHERE id = ?", (assessment_id,))
        return assessment_from_row(row)

    _today: Any
