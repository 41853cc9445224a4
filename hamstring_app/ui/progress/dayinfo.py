"""What was recorded on one day, gathered for the hover read-out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hamstring_app.core.models import CheckIn, History, Run, StrengthSession, Verdict
from hamstring_app.core.rules import DayVerdict


@dataclass(frozen=True)
class DayInfo:
    """Everything recorded on one day, for the hover read-out."""

    day: date
    checkin: CheckIn | None = None
    runs: tuple[Run, ...] = ()
    sessions: tuple[StrengthSession, ...] = ()
    verdict: Verdict | None = None
    professional_stop: bool = False  # the stop is a professional's "not yet" to running
    red_flags: tuple[str, ...] = ()
    events: tuple[tuple[str, str], ...] = ()  # (rule id, detail) of load events


def day_index(
    history: History,
    today: date,
    verdicts: Sequence[DayVerdict],
    events: dict[int, tuple[tuple[str, str], ...]],
) -> dict[int, DayInfo]:
    runs: dict[int, list[Run]] = {}
    for r in history.runs:
        runs.setdefault(r.day.toordinal(), []).append(r)
    sessions: dict[int, list[StrengthSession]] = {}
    for s in history.strength_sessions:
        sessions.setdefault(s.day.toordinal(), []).append(s)
    checkins = {c.day.toordinal(): c for c in history.checkins}
    verdict_of = {dv.day.toordinal(): dv for dv in verdicts}
    out: dict[int, DayInfo] = {}
    last = today.toordinal()
    for o in set(runs) | set(sessions) | set(checkins) | set(verdict_of) | set(events):
        if o > last:
            continue
        dv = verdict_of.get(o)
        out[o] = DayInfo(
            day=date.fromordinal(o),
            checkin=checkins.get(o),
            runs=tuple(runs.get(o, ())),
            sessions=tuple(sessions.get(o, ())),
            verdict=dv.verdict if dv is not None else None,
            professional_stop=dv.professional if dv is not None else False,
            red_flags=tuple(dv.red_flags) if dv is not None else (),
            events=events.get(o, ()),
        )
    return out
