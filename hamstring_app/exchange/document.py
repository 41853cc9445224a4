"""A whole history as one JSON document, in the format ``hamstring-app assess`` reads.

:func:`to_document` writes what :func:`hamstring_app.core.rules.jsonio.parse_document`
reads back (docs/assess.md), so an export can be assessed, shared and imported again.
Keys whose value is not known are left out (a missing answer means "not answered"), and
the order is fixed, so the same history always gives the same text.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hamstring_app.core.episodes import Episode
from hamstring_app.core.models import (
    OVERSTRIDE_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    Profile,
    Run,
    SetLog,
    StrengthSession,
    ValidationError,
)
from hamstring_app.core.rules.jsonio import parse_document


class DocumentError(ValueError):
    """A file that cannot be read as a history; ``str()`` says why in plain words."""


_CHECKIN_VALUES = (
    "pain_rest",
    "pain_run",
    "pain_next_morning",
    "ran",
    "eased_during_run",
    "settled_within_24h",
    *RED_FLAG_FIELDS,
    *OVERSTRIDE_FIELDS,
    "fatigue",
    "sleep_hours",
)
_RUN_VALUES = ("duration_min", "rpe", "cadence_spm", "descent_m", "pain")
_SET_VALUES = ("reps", "hold_s", "load_kg", "pain")


def _known(record: object, names: tuple[str, ...], out: dict[str, Any]) -> dict[str, Any]:
    for name in names:
        value = getattr(record, name)
        if value is not None:
            out[name] = value
    return out


def profile_object(profile: Profile) -> dict[str, Any]:
    out: dict[str, Any] = {
        "injury_start": profile.injury_start.isoformat(),
        "side": profile.side.value,
        "pain_site": profile.pain_site.value,
        "long_standing": profile.long_standing,
    }
    _known(profile, ("usual_cadence_spm", "usual_weekly_km"), out)
    out["units"] = profile.units.value
    return out


def checkin_object(checkin: CheckIn) -> dict[str, Any]:
    out = _known(checkin, _CHECKIN_VALUES, {"date": checkin.day.isoformat()})
    if checkin.note:
        out["note"] = checkin.note
    return out


def run_object(run: Run) -> dict[str, Any]:
    out: dict[str, Any] = {"date": run.day.isoformat(), "distance_km": run.distance_km}
    _known(run, _RUN_VALUES, out)
    out["type"] = run.type.value
    if run.note:
        out["note"] = run.note
    return out


def set_object(set_log: SetLog) -> dict[str, Any]:
    out: dict[str, Any] = {"exercise": set_log.exercise_id, "set_number": set_log.set_number}
    _known(set_log, _SET_VALUES, out)
    out["completed"] = set_log.completed
    return out


def session_object(session: StrengthSession) -> dict[str, Any]:
    out: dict[str, Any] = {
        "date": session.day.isoformat(),
        "sets": [set_object(s) for s in session.sets],
    }
    _known(session, ("pain_next_morning", "phase"), out)
    if session.programme_id is not None:
        out["programme"] = session.programme_id
    for name in ("started_at", "finished_at"):
        moment = getattr(session, name)
        if moment is not None:
            out[name] = moment.isoformat()
    return out


def export_day(history: History, today: date) -> date:
    """The document's ``today``: the export day, or the last record's day if later (after
    the clock was set back), so every record stays in the file and it still reads."""
    days = [today]
    for records in (history.checkins, history.runs, history.strength_sessions):
        if records:
            days.append(max(r.day for r in records))
    if history.profile is not None:
        days.append(history.profile.injury_start)
    return max(days)


def to_document(history: History, today: date) -> dict[str, Any]:
    """The history as a JSON-ready dict, in the format ``assess`` reads."""
    doc: dict[str, Any] = {"today": export_day(history, today).isoformat()}
    if history.profile is not None:
        doc["profile"] = profile_object(history.profile)
    if history.episodes:
        doc["episodes"] = [episode_object(e) for e in history.episodes]
    doc["checkins"] = [checkin_object(c) for c in history.checkins]
    doc["runs"] = [run_object(r) for r in history.runs]
    doc["strength_sessions"] = [session_object(s) for s in history.strength_sessions]
    if history.assessments:
        doc["assessments"] = [assessment_object(a) for a in history.assessments]
    return doc


def episode_object(episode: Episode) -> dict[str, Any]:
    """One injury episode: onset, side, site, long-standing, and its end once ended."""
    out: dict[str, Any] = {
        "onset": episode.onset.isoformat(),
        "side": episode.side.value,
        "pain_site": episode.pain_site.value,
        "long_standing": episode.long_standing,
    }
    if episode.ended is not None:
        out["ended"] = episode.ended.isoformat()
    if episode.end_reason is not None:
        out["end_reason"] = episode.end_reason.value
    return out


def assessment_object(assessment: Any) -> dict[str, Any]:
    """A "seen by a professional" record: date, what they said (if given), note."""
    out: dict[str, Any] = {"date": assessment.day.isoformat()}
    if assessment.outcome is not None:
        out["outcome"] = assessment.outcome.value
    if assessment.note:
        out["note"] = assessment.note
    return out


def dumps(document: dict[str, Any]) -> str:
    """The document as text: two-space indents, UTF-8 characters kept, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, *, source: str, system_today: date) -> tuple[History, date]:
    """Read a document (the text of ``source``); DocumentError with a plain reason if not."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise DocumentError(
            f"{source} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except RecursionError:
        raise DocumentError(f"{source} is nested too deeply to read") from None
    try:
        return parse_document(value, cli_today=None, system_today=system_today)
    except ValidationError as e:
        raise DocumentError(f"{source}: {e.field}: {e.message}") from None
    except RecursionError:
        raise DocumentError(f"{source} is nested too deeply to read") from None
