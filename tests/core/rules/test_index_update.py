"""The day index carried from one history version to the next equals a full rebuild.

The app keeps one DayIndex per history version and brings it up to the next version from
the change set (the days an operation touched), instead of indexing 20 years again on
every save. These tests replay random edit sequences (check-ins, runs and strength
sessions inserted, edited and deleted, at out-of-order dates, the day moving on,
assessments and episodes added) and compare every array of the carried index with
``DayIndex(history, end)`` after each step.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, timedelta
from functools import cached_property

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_helpers import TODAY, checkin, clean, profile, run, session

from hamstring_app.core.episodes import Episode, ProfessionalAssessment
from hamstring_app.core.models import History, RunType
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.days import PER_DAY_DEFAULTS, DayIndex
from hamstring_app.core.rules.index_update import (
    CUM_SOURCES,
    LAST_SOURCES,
    REBUILT_ON_USE,
    updated_index,
)

DERIVED = [
    name for name, value in vars(DayIndex).items() if isinstance(value, cached_property)
]
START = TODAY - timedelta(days=120)


def test_every_derived_array_is_carried_over_or_rebuilt_on_use():
    handled = set(CUM_SOURCES) | set(LAST_SOURCES) | set(REBUILT_ON_USE) | {"ewma"}
    assert set(DERIVED) == handled


class Records:
    """A history being edited: records by day, in the order they were added."""

    def __init__(self) -> None:
        self.checkins: dict[date, object] = {}
        self.runs: list[object] = []
        self.sessions: list[object] = []
        self.assessments: list[ProfessionalAssessment] = []
        self.episodes: list[Episode] = []
        self.prof = profile(START)

    def history(self) -> History:
        return History(
            profile=self.prof,
            checkins=tuple(self.checkins[d] for d in sorted(self.checkins)),
            runs=tuple(sorted(self.runs, key=lambda r: r.day)),  # stable: order kept
            strength_sessions=tuple(sorted(self.sessions, key=lambda s: s.day)),
            episodes=tuple(sorted(self.episodes, key=lambda e: e.onset)),
            assessments=tuple(sorted(self.assessments, key=lambda a: a.day)),
        )

    def days(self) -> list[date]:
        return sorted({*self.checkins, *(r.day for r in self.runs),
                       *(s.day for s in self.sessions)})


pain = st.one_of(st.none(), st.integers(0, 10))
a_checkin = st.builds(
    lambda rest, nm, flag: (rest, nm, flag),
    pain, pain, st.sampled_from([None, None, None, "sharp_pain", "nerve_signs"]),
)
a_run = st.builds(
    lambda km, kind, p, rpe, dur, cad: (km, kind, p, rpe, dur, cad),
    st.floats(1.0, 30.0),
    st.sampled_from([RunType.EASY, RunType.INTERVALS, RunType.LONG, RunType.HILLS]),
    pain,
    st.one_of(st.none(), st.integers(1, 10)),
    st.one_of(st.none(), st.floats(10.0, 120.0)),
    st.one_of(st.none(), st.integers(150, 190)),
)
# (hypothesis leans towards the first entries: the rarer edits come first)
KINDS = (
    "advance", "episode", "assess", "edit", "delete", "late", "old run", "session",
    "checkin", "run", "checkin", "run", "edit", "checkin", "run",
)


@st.composite
def edits(draw):
    """One edit: its kind, a day offset (or a pick among the days on record), its values."""
    kind = draw(st.sampled_from(KINDS))
    if kind == "old run":  # well before everything else: the index starts earlier
        return ("run", draw(st.integers(-200, -100)), draw(a_run))
    if kind == "late":  # after the index's end: it counts once the day moves on
        kind = draw(st.sampled_from(["checkin", "run"]))
        n = draw(st.integers(1, 5))
    else:
        low, high = {"edit": (0, 50), "delete": (0, 50), "advance": (1, 9)}.get(
            kind, (-60, 0) if kind in ("assess", "episode") else (-40, 0)
        )
        n = draw(st.integers(low, high))
    values = {"checkin": a_checkin, "run": a_run, "session": pain, "edit": a_run}
    return (kind, n, draw(values.get(kind, st.none())))


def apply(records: Records, end: date, step: tuple, seen: Counter[str]) -> tuple[set, date]:
    """Apply one edit; the changed days (as an operation's Changes names them) and end."""
    kind, n, value = step
    latest = max(records.days(), default=None)
    if kind == "advance":
        seen["day moves on"] += 1
        return set(), end + timedelta(days=n)
    if kind in ("assess", "episode"):
        day = end + timedelta(days=n)
        if kind == "assess":
            records.assessments.append(ProfessionalAssessment(day))
        else:
            records.episodes.append(Episode(onset=day))
        seen[kind] += 1
        return set(), end
    if kind in ("edit", "delete"):
        days = records.days() if kind == "delete" else sorted({r.day for r in records.runs})
        if not days:
            return set(), end
        day = days[n % len(days)]
        if kind == "delete":
            records.checkins.pop(day, None)
            records.runs = [r for r in records.runs if r.day != day]
            records.sessions = [s for s in records.sessions if s.day != day]
            seen["delete"] += 1
        else:
            at = [k for k, r in enumerate(records.runs) if r.day == day]
            if not at:
                return set(), end
            km, *_ = value
            records.runs[at[0]] = dataclasses.replace(records.runs[at[0]], distance_km=km)
            seen["edit"] += 1
        return {day}, end
    day = end + timedelta(days=n)
    seen["insert"] += 1
    if latest is not None and day < latest:
        seen["insert out of order"] += 1
    if day > end:
        seen["insert after the end"] += 1
    if kind == "checkin":
        rest, nm, flag = value
        extra = {flag: True} if flag else {}
        records.checkins[day] = (clean if rest == 0 else checkin)(
            day, pain_rest=rest, pain_next_morning=nm, **extra
        )
    elif kind == "run":
        km, run_type, p, rpe, dur, cad = value
        records.runs.append(run(day, km, type=run_type, pain=p, rpe=rpe, duration_min=dur,
                                cadence_spm=cad))
    else:
        records.sessions.append(session(day, {"bridge": [value, value]}, value))
    return {day}, end


def compare(carried: DayIndex, full: DayIndex) -> None:
    simple = ["n", "origin_ord", "origin", "end", "first_run", "profile", "episodes",
              "episode", "assessment_days", "_said_days", "_said", "runs", "sessions",
              "checkins", "runs_by_day", *PER_DAY_DEFAULTS]
    for name in simple:
        assert getattr(carried, name) == getattr(full, name), name
    assert list(carried.checkins) == list(full.checkins)
    for name in DERIVED:
        assert getattr(carried, name) == getattr(full, name), name
    assert carried.ewma_acwr() == full.ewma_acwr()
    assert carried.weekly_pain_means() == full.weekly_pain_means()


def test_a_carried_index_equals_a_full_rebuild_over_random_edits():
    seen: Counter[str] = Counter()

    @settings(max_examples=60, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.lists(edits(), min_size=1, max_size=3), st.booleans()),
                    min_size=5, max_size=25))
    def check(steps):
        records = Records()
        end = TODAY
        index = DayIndex(records.history(), end)
        for step, read_all in steps:
            if read_all:  # the derived arrays built, so the update carries them on
                for name in DERIVED:
                    getattr(index, name)
                index.weekly_pain_means()
            days: set[date] = set()
            for one in step:  # several changes before the index is asked for again
                more, end = apply(records, end, one, seen)
                days |= more
            if len(days) > 1:
                seen["several days at once"] += 1
            history = records.history()
            carried = updated_index(index, history, days, end)
            if carried.origin_ord != index.origin_ord:
                seen["origin moved: rebuilt"] += 1
            elif read_all and any(name in vars(carried) for name in DERIVED):
                seen["derived arrays carried on"] += 1
            compare(carried, DayIndex(history, end))
            index = carried

    check()
    print(dict(seen))
    inserts = seen["insert"]
    assert inserts >= 200, seen
    for branch in ("several days at once", "insert out of order", "insert after the end",
                   "edit", "delete", "day moves on", "assess", "episode"):
        assert seen[branch] >= 30, (branch, seen)
    assert seen["derived arrays carried on"] >= 100, seen
    assert seen["origin moved: rebuilt"] >= 10, seen


def test_an_assessment_on_a_carried_index_equals_one_on_a_rebuilt_index():
    records = Records()
    for k in range(60):
        day = TODAY - timedelta(days=60 - k)
        records.checkins[day] = clean(day, pain_rest=k % 4)
        if k % 2:
            records.runs.append(run(day, 5.0 + k % 7, rpe=4, duration_min=30.0,
                                    cadence_spm=165))
    index = DayIndex(records.history(), TODAY)
    evaluate(records.history(), TODAY)  # reads what evaluate reads
    records.checkins[TODAY] = checkin(TODAY, pain_rest=6, sharp_pain=True)
    history = records.history()
    carried = updated_index(index, history, {TODAY})
    from hamstring_app.core.rules import days as days_module

    days_module.clear_index_cache()
    expected = evaluate(history, TODAY)
    days_module.share_index(history, carried)
    assert evaluate(history, TODAY) == expected
