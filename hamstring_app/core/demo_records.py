"""The demo's records: runs, check-ins and strength sessions made from a few numbers, with
``random.Random`` the only source of variety (see :mod:`hamstring_app.core.demo`)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from hamstring_app.core.models import (
    CheckIn,
    Run,
    RunType,
    SetLog,
    StrengthSession,
)

# minutes per km, RPE range and metres of descent per km, by run type
_PACE = {
    RunType.EASY: 5.7,
    RunType.LONG: 5.9,
    RunType.TEMPO: 5.0,
    RunType.INTERVALS: 5.3,
    RunType.HILLS: 6.1,
    RunType.RACE: 4.6,
}
_RPE = {
    RunType.EASY: (2, 4),
    RunType.LONG: (4, 6),
    RunType.TEMPO: (6, 7),
    RunType.INTERVALS: (7, 8),
    RunType.HILLS: (6, 8),
    RunType.RACE: (8, 9),
}
_DESCENT_PER_KM = {
    RunType.EASY: (4, 10),
    RunType.LONG: (6, 12),
    RunType.TEMPO: (3, 8),
    RunType.INTERVALS: (2, 5),
    RunType.HILLS: (22, 35),
    RunType.RACE: (3, 10),
}

# One planned exercise in a demo session: id, sets, reps, hold seconds, load kg.
_Item = tuple[str, int, int | None, float | None, float | None]


def _clamp_pain(value: float) -> int:
    return max(0, min(10, round(value)))


@dataclass
class _Story:
    """Collects the records while the days are walked through, oldest first."""

    rng: random.Random
    checkins: list[CheckIn] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    # day, phase, programme id, items, pain level: built once next-morning pain is known
    sessions: list[tuple[date, int, str, list[_Item], float]] = field(default_factory=list)

    def longest_in_30_days(self, day: date) -> float:
        start = day - timedelta(days=30)
        longest = 0.0
        for run in reversed(self.runs):
            if run.day < start:
                break
            longest = max(longest, run.distance_km)
        return longest

    def add_run(
        self, day: date, km: float, kind: RunType, cadence: int, *, pain: int | None,
        note: str = "", cap: bool = True,
    ) -> Run:
        rng = self.rng
        if cap:  # ordinary runs stay within 8% of the month's longest: no accidental spikes
            longest = self.longest_in_30_days(day)
            if longest > 0:
                km = min(km, longest * 1.08)
        km = round(max(km, 2.0), 1)
        pace = _PACE[kind] * rng.uniform(0.96, 1.04)
        fast = kind in (RunType.TEMPO, RunType.INTERVALS, RunType.RACE)
        run = Run(
            day=day,
            distance_km=km,
            duration_min=round(km * pace, 1),
            type=kind,
            rpe=rng.randint(*_RPE[kind]),
            cadence_spm=cadence + rng.randint(-2, 2) + (4 if fast else 0),
            descent_m=float(round(km * rng.uniform(*_DESCENT_PER_KM[kind]))),
            pain=pain,
            note=note,
        )
        self.runs.append(run)
        return run

    def add_checkin(
        self, day: date, base: float, run: Run | None, *, settled: bool = True,
        eased: bool = True, sharp: bool = False, note: str = "", morning: int | None = None,
    ) -> None:
        rng = self.rng
        self.checkins.append(
            CheckIn(
                day=day,
                pain_rest=_clamp_pain(base - 0.4 + rng.uniform(-0.5, 0.5)),
                pain_run=run.pain if run is not None else None,
                pain_next_morning=(
                    morning if morning is not None else _clamp_pain(base + rng.uniform(-0.5, 0.5))
                ),
                ran=run is not None,
                eased_during_run=eased if run is not None else None,
                settled_within_24h=settled if run is not None else None,
                sharp_pain=sharp,
                pain_increases_with_speed=False,
                gait_changed=False,
                pain_in_daily_activities=False,
                sudden_onset_with_weakness=False,
                nerve_signs=False,
                bruising_after_sudden_pain=False,
                difficulty_walking=False,
                foot_weakness=False,
                night_or_rest_pain=False,
                feeling_unwell=False,
                fatigue=max(0, min(10, round(3 + base * 0.5 + rng.uniform(-1.5, 1.5)))),
                sleep_hours=round(rng.uniform(6.3, 8.4) * 4) / 4,
                note=note,
            )
        )

    def build_sessions(self) -> list[StrengthSession]:
        morning = {c.day: c.pain_next_morning for c in self.checkins}
        return [
            _strength_session(self.rng, day, phase, programme, items, level,
                              morning.get(day + timedelta(days=1)))
            for day, phase, programme, items, level in self.sessions
        ]


def _strength_session(
    rng: random.Random, day: date, phase: int, programme: str, items: list[_Item],
    pain_level: float, next_morning: int | None,
) -> StrengthSession:
    start = datetime.combine(day, time(18, rng.randint(0, 50)), tzinfo=UTC)
    clock = start
    sets: list[SetLog] = []
    for exercise_id, n_sets, reps, hold_s, load in items:
        for number in range(1, n_sets + 1):
            work_s = hold_s if hold_s is not None else (reps or 0) * 4.5
            begun = clock
            clock += timedelta(seconds=round(work_s + rng.uniform(3, 12)))
            sets.append(
                SetLog(
                    exercise_id=exercise_id,
                    set_number=number,
                    reps=reps,
                    hold_s=hold_s,
                    load_kg=load,
                    pain=_clamp_pain(pain_level + rng.uniform(-0.7, 0.7)),
                    started_at=begun,
                    finished_at=clock,
                )
            )
            clock += timedelta(seconds=rng.randint(60, 120))
    return StrengthSession(
        day=day, sets=tuple(sets), pain_next_morning=next_morning, phase=phase,
        programme_id=programme, started_at=start, finished_at=clock,
    )


def _kg(value: float) -> float:
    return round(value * 2) / 2  # plates come in 0.5 kg steps at the finest

