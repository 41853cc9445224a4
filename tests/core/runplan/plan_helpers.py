"""Builders for run-plan tests: fully answered check-ins, runs, and ladder histories."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn, History, Profile, Run
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.runplan.ladder import walk_ladder

TODAY = date(2026, 3, 16)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def ago(n: int, today: date = TODAY) -> date:
    return today - timedelta(days=n)


def answered(day: date, **kw: object) -> CheckIn:
    """A fully answered check-in, pain-free unless told otherwise."""
    values: dict[str, object] = {
        **NO_FLAGS,
        "pain_rest": 0,
        "pain_next_morning": 0,
        "settled_within_24h": True,
        "fatigue": 3,
        "sleep_hours": 8.0,
        **kw,
    }
    return CheckIn(day=day, **values)  # type: ignore[arg-type]


def run(day: date, km: float, **kw: object) -> Run:
    values: dict[str, object] = {"duration_min": km * 6, "rpe": 3, **kw}
    return Run(day=day, distance_km=km, **values)  # type: ignore[arg-type]


def history(checkins=(), runs=(), profile: Profile | None = None) -> History:
    by_day = {c.day: c for c in checkins}  # a later one for the same day wins
    return History(
        profile=profile,
        checkins=tuple(sorted(by_day.values(), key=lambda c: c.day)),
        runs=tuple(sorted(runs, key=lambda r: r.day)),
    )


def prescription(h: History, today: date = TODAY, **kw):
    a = evaluate(h, today, **kw)
    assert a.prescription is not None
    return a, a.prescription


class LadderStory:
    """A runner's days from a stop onwards: day 0 is the stop (pain 7), then calm days.

    ``ladder_run(day, pain, morning)`` logs a ladder run on ``day`` with its pain and the
    next morning's answer. Every other day gets a calm check-in (rest pain 0, morning 1).
    """

    def __init__(self, start: date = date(2026, 2, 1)) -> None:
        self.start = start
        self.checkins: dict[date, CheckIn] = {}
        self.runs: list[Run] = []
        self.profile = Profile(injury_start=start - timedelta(days=10))
        self.checkins[start] = answered(start, pain_rest=7, pain_next_morning=2)

    def day(self, n: int) -> date:
        return self.start + timedelta(days=n)

    def calm(self, n: int, **kw: object) -> None:
        d = self.day(n)
        if d not in self.checkins:
            self.checkins[d] = answered(d, pain_next_morning=1, **kw)

    def ladder_run(self, n: int, pain: int | None, morning: int | None, **kw: object) -> None:
        d = self.day(n)
        self.runs.append(Run(day=d, distance_km=2.0, duration_min=20, rpe=3, pain=None))
        self.checkins[d] = answered(
            d, pain_next_morning=1, ran=True, pain_run=pain,
            eased_during_run=True if pain else None, **kw,
        )
        nxt = self.day(n + 1)
        self.checkins[nxt] = answered(nxt, pain_next_morning=morning)

    def fill(self, last: int) -> None:
        for n in range(1, last + 1):
            self.calm(n)

    def history(self) -> History:
        return history(self.checkins.values(), self.runs, self.profile)

    def walk(self, n: int, **kw):
        h = self.history()
        index = DayIndex(h, self.day(n))
        return walk_ladder(index, index.index(self.day(n)), since=self.profile.injury_start, **kw)
