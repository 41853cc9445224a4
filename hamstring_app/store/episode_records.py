"""The repository's methods for injury episodes and "assessed by a professional" records.

Kept apart from repository.py so each file stays readable; :class:`Repository` inherits
them and supplies ``_write``, ``_read`` and ``_day``.

The profile and the episodes stay in step: the profile's injury start, side, pain site and
long-standing answer are the current (latest) episode's. Saving the profile updates the
open episode (or starts episode 1 when there is none); starting a new episode ends the open
one and copies the new one into the profile, in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
    latest_assessment,
)
from hamstring_app.core.models import PainSite, Profile, Side, ValidationError
from hamstring_app.store import records as r
from hamstring_app.store import tables as t
from hamstring_app.store.errors import NotFound

_E = t.episode.c
_A = t.professional_assessment.c
EPISODE_SELECT = select(
    _E.id, _E.onset, _E.side, _E.pain_site, _E.long_standing, _E.ended, _E.end_reason
).order_by(_E.onset)
ASSESSMENT_SELECT = select(_A.id, _A.day, _A.outcome, _A.note).order_by(_A.day, _A.id)


def episode_from_row(row: Any) -> Episode:
    id_, onset, side, site, long_standing, ended, reason = row
    return Episode(
        onset,
        Side(side),
        PainSite(site),
        bool(long_standing),
        ended,
        None if reason is None else EpisodeEnd(reason),
        id_,
    )


def assessment_from_row(row: Any) -> ProfessionalAssessment:
    id_, day, outcome, note = row
    return ProfessionalAssessment(
        day, None if outcome is None else AssessmentOutcome(outcome), note, id_
    )


def _episode_values(e: Episode) -> dict[str, Any]:
    return {
        "onset": e.onset,
        "side": e.side.value,
        "pain_site": e.pain_site.value,
        "long_standing": e.long_standing,
        "ended": e.ended,
        "end_reason": None if e.end_reason is None else e.end_reason.value,
    }


def read_episodes(conn: Connection) -> tuple[Episode, ...]:
    return tuple(episode_from_row(row) for row in conn.execute(EPISODE_SELECT))


def read_assessments(conn: Connection) -> tuple[ProfessionalAssessment, ...]:
    return tuple(assessment_from_row(row) for row in conn.execute(ASSESSMENT_SELECT))


def sync_profile_episode(conn: Connection, profile: Profile) -> None:
    """Keep the latest episode in step with a saved profile (inside its transaction).

    No episode yet: the profile's injury becomes episode 1. The latest one open: it takes
    the profile's onset, side, pain site and long-standing answer. The latest one ended: the
    same onset only updates its details; a later onset (on or after its end) starts a new
    open episode; an earlier one is refused, since it would fall inside that episode."""
    episodes = read_episodes(conn)
    new = Episode(profile.injury_start, profile.side, profile.pain_site, profile.long_standing)
    if not episodes:
        conn.execute(insert(t.episode).values(_episode_values(new)))
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
        if last.ended is not None and new.onset > last.ended:
            raise ValidationError("injury_start", "is after that episode ended")
        values = _episode_values(replace(new, ended=last.ended, end_reason=last.end_reason))
        conn.execute(update(t.episode).where(_E.id == last.id).values(values))
        return
    if last.ended is not None and new.onset < last.ended:
        raise ValidationError(
            "injury_start",
            f"falls inside the last episode ({last.onset.isoformat()} to "
            f"{last.ended.isoformat()}); start a new episode after it ended",
        )
    conn.execute(insert(t.episode).values(_episode_values(new)))


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
            episodes = read_episodes(conn)
            if episodes:
                last = episodes[-1]
                if episode.onset <= last.onset:
                    raise ValidationError(
                        "onset",
                        f"must be after the current episode's start ({last.onset.isoformat()})",
                    )
                if last.is_open:
                    end = max(episode.onset - timedelta(days=1), last.onset)
                    conn.execute(
                        update(t.episode)
                        .where(_E.id == last.id)
                        .values(ended=end, end_reason=EpisodeEnd(previous_end).value)
                    )
                elif last.ended is not None and episode.onset < last.ended:
                    raise ValidationError(
                        "onset", f"must not be before the last episode ended ({last.ended})"
                    )
            new_id = conn.execute(
                insert(t.episode).values(_episode_values(episode)).returning(_E.id)
            ).scalar_one()
            row = conn.execute(r.PROFILE_SELECT).first()
            if row is not None:
                profile = replace(
                    r.profile_from_row(row),
                    injury_start=episode.onset,
                    side=episode.side,
                    pain_site=episode.pain_site,
                    long_standing=episode.long_standing,
                )
                conn.execute(
                    update(t.profile).where(t.profile.c.id == 1).values(r.profile_values(profile))
                )
        return replace(episode, id=new_id)

    def end_episode(self, episode_id: int, ended: date, reason: EpisodeEnd) -> Episode:
        """End an open episode on ``ended`` (recovered, or closed by the runner)."""
        self._day("ended", ended)
        with self._write() as conn:
            found = [e for e in read_episodes(conn) if e.id == episode_id]
            if not found:
                raise NotFound(f"There is no injury episode with id {episode_id}.")
            done = replace(found[0], ended=ended, end_reason=EpisodeEnd(reason))
            conn.execute(update(t.episode).where(_E.id == episode_id).values(_episode_values(done)))
        return done

    # ------------------------------------------------------------------ assessments

    def add_assessment(self, assessment: ProfessionalAssessment) -> ProfessionalAssessment:
        """Record "I have been assessed by a professional". Returns it with its id."""
        r.revalidate(assessment, ProfessionalAssessment)
        self._day("date", assessment.day)
        values = {
            "day": assessment.day,
            "outcome": None if assessment.outcome is None else assessment.outcome.value,
            "note": assessment.note,
        }
        if assessment.id is not None:  # undo puts a deleted one back with its id
            values["id"] = assessment.id
        with self._write() as conn:
            new_id = conn.execute(
                insert(t.professional_assessment).values(values).returning(_A.id)
            ).scalar_one()
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
            row = conn.execute(ASSESSMENT_SELECT.where(_A.id == assessment_id)).first()
            if row is None:
                raise NotFound(f"There is no assessment with id {assessment_id}.")
            conn.execute(delete(t.professional_assessment).where(_A.id == assessment_id))
        return assessment_from_row(row)

    _today: Any
