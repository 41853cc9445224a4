"""Pure helpers the Strength tab uses to build today's plan from the store's history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from hamstring_app.core.library_model import Library, SessionPlan
from hamstring_app.core.models import SetLog, StrengthSession
from hamstring_app.core.planning import is_nordic

#: a gap this long without Nordic curls starts the weekly table again at week 1
NORDIC_RESTART_WEEKS = 3


def nordic_week(sessions: Sequence[StrengthSession], today: date) -> int:
    """The week of the Nordic table the runner is in today (1 when starting out).

    Counted in 7-day blocks from the first session of the current run of Nordic work; a
    break of three weeks or more starts the table again (gains fade within weeks).
    """
    days = sorted(
        {
            s.day
            for s in sessions
            if s.day <= today and any(is_nordic(x.exercise_id) for x in s.sets)
        }
    )
    if not days or (today - days[-1]).days >= NORDIC_RESTART_WEEKS * 7:
        return 1
    start = days[-1]
    for earlier in reversed(days[:-1]):
        if (start - earlier).days >= NORDIC_RESTART_WEEKS * 7:
            break
        start = earlier
    return (today - start).days // 7 + 1


def swaps_from_done_sets(
    library: Library, plan: SessionPlan, done: Sequence[SetLog]
) -> dict[str, str]:
    """The swaps that explain exercises in ``done`` that the plan names differently.

    A session is resumed by planning it again; if the runner had swapped an exercise for
    a variant, the sets logged name the variant, and this maps the programme's exercise
    to it so the new plan matches what was done.
    """
    done_ids = {s.exercise_id for s in done}
    planned_ids = {p.exercise_id for p in plan}
    swaps: dict[str, str] = {}
    for item in plan:
        if item.exercise_id in done_ids:
            continue
        variants = library.chain(item.exercise_id, "easier") + library.chain(
            item.exercise_id, "harder"
        )
        for variant in variants:
            if variant in done_ids and variant not in planned_ids:
                swaps[item.base_id or item.exercise_id] = variant
                break
    return swaps


def finish_time(session: StrengthSession, fallback: datetime) -> datetime:
    """When an unfinished session ended: its last set, else its start, else ``fallback``."""
    times = [s.finished_at or s.started_at for s in session.sets]
    known = [t for t in times if t is not None]
    if known:
        return max(known)
    return session.started_at or fallback


def name_lookup(library: Library) -> Mapping[str, str]:
    return {ex_id: ex.name for ex_id, ex in library.exercises.items()}
