"""Example data for ``--demo``, screenshots and benchmarks. Pure and deterministic.

:func:`build_demo_history` tells a believable story that ends on ``today``: a runner's
mid-thigh hamstring pain starts after a quick jump in speed work, settles with easier running
and strength work, flares once after a long run well beyond anything in the month before,
and then fades to 0-1/10 while the strength work moves from bridge holds to Romanian
deadlifts and Nordic curls. With ``years=N`` it first lays down N years of ordinary training
(with a few mild episodes) so that benchmarks have a large history to chew on.

Only ``random.Random(SEED)`` supplies variety: the same inputs give the same history.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

from hamstring_app.core.demo_programmes import _maintenance_items, _story_items
from hamstring_app.core.demo_records import _clamp_pain, _Story
from hamstring_app.core.models import (
    EARLIEST_DATE,
    History,
    PainSite,
    Profile,
    Run,
    RunType,
    Side,
    Units,
)

SEED = 20_260_611
PRE_ONSET_DAYS = 21  # the speed-work build-up before the pain started
MIN_WEEKS = 8
MAX_WEEKS = 104
MAX_YEARS = 30


# --------------------------------------------------------------------------- background


def _background(story: _Story, first: date, last: date) -> None:
    """Ordinary training from ``first`` to ``last``: about 4 runs and 2 sessions a week."""
    rng = story.rng
    day = first
    n_days = (last - first).days + 1
    episodes = {round(n_days * k / 4.6) + rng.randint(-20, 20) for k in range(1, 5)}
    bump = 0.0
    rotation = (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS)
    for index in range(n_days):
        if index in episodes:
            bump = 2.6
        else:
            bump *= 0.9
        base = 0.3 + bump
        growth = min(1.25, 1.0 + index / 3000)
        volume = (34 + 8 * math.sin(2 * math.pi * index / 365)) * growth
        cadence = 167 + min(6, index // 200)
        weekday = day.weekday()
        run: Run | None = None
        pain = _clamp_pain(base + 0.2 + rng.uniform(-0.5, 0.5))
        if rng.random() < 0.96:
            if weekday == 1 and bump < 1.5:
                kind = rotation[(index // 7) % 3]
                run = story.add_run(day, volume * 0.22, kind, cadence, pain=pain)
            elif weekday in (3, 5):
                run = story.add_run(day, volume * 0.2, RunType.EASY, cadence, pain=pain)
            elif weekday == 6:
                if (index // 7) % 7 == 6 and bump < 1.0:
                    race_km = 10.0 if (index // 49) % 2 else 5.0
                    run = story.add_run(day, race_km, RunType.RACE, cadence, pain=pain)
                else:
                    run = story.add_run(day, volume * 0.32, RunType.LONG, cadence, pain=pain)
        story.add_checkin(day, base, run)
        if weekday in (0, 4) and rng.random() < 0.96:
            strength = min(1.6, 1.0 + index / 2500)
            story.sessions.append(
                (day, 4, "phase_4", _maintenance_items(weekday == 0, strength), base * 0.5)
            )
        day += timedelta(days=1)


# --------------------------------------------------------------------------- the story


CALM_DAYS = 18
"""The story's last days, free of pain: long enough for the rules to call it recovered."""


def _story_baseline(i: int, spike: int, n_days: int) -> float:
    """Typical pain on story day ``i`` (0 = onset)."""
    if i < 0:
        return 0.0
    if i < 7:
        return 3.2 - 0.1 * i
    if i <= spike:
        return 2.6 - 1.2 * (i - 7) / max(1, spike - 7)
    calm_from = n_days - CALM_DAYS  # the story ends with pain-free weeks: recovered
    if i >= calm_from:
        return -0.4
    settle = 1.4 - 1.1 * (i - spike) / max(1, calm_from - 1 - spike)
    return settle + 3.6 * math.exp(-(i - spike - 1) / 3.5)


def _story(story: _Story, onset: date, n_days: int, *, checkins_before_onset: bool) -> None:
    rng = story.rng
    spike = 6 + 7 * max(4, round((n_days * 0.42 - 6) / 7))  # a long-run day, weeks 5-6
    weeks = n_days // 7  # phases change on the first day of a story week
    p1_end = 7 * round(weeks * 0.25)
    p2_end = max(7 * round(weeks * 0.5), spike + 8)
    p3_end = max(7 * round(weeks * 0.75), p2_end + 7)
    sessions_this_week = 0
    for i in range(-PRE_ONSET_DAYS, n_days):
        day = onset + timedelta(days=i)
        slot = i % 7
        base = _story_baseline(i, spike, n_days)
        cadence = 166 if i < 14 else min(174, 166 + (i - 14) // 7)
        run_pain = _clamp_pain(base + 0.3 + rng.uniform(-0.5, 0.5)) if i >= 0 else 0
        run: Run | None = None
        kw: dict[str, object] = {}
        if i < 0:  # the build-up: speed work added quickly on top of the usual week
            week = (i + PRE_ONSET_DAYS) // 7
            if slot == 0 and week >= 1:
                run = story.add_run(day, 8.0, RunType.INTERVALS, cadence, pain=0)
            elif slot == 2:
                kind = RunType.TEMPO if week >= 1 else RunType.EASY
                run = story.add_run(day, 8.5, kind, cadence, pain=0)
            elif slot == 4:
                kind = RunType.HILLS if week == 2 else RunType.EASY
                run = story.add_run(day, 8.0, kind, cadence, pain=0)
            elif slot == 6:
                run = story.add_run(day, 15.0, RunType.LONG, cadence, pain=0, cap=False)
        elif i == 0:
            run = story.add_run(
                day, 5.2, RunType.INTERVALS, cadence, pain=5,
                note="A sharp twinge mid-thigh on the fourth rep. Stopped and jogged home.",
            )
            kw = {"sharp": True, "eased": False, "note": "Back of the left thigh is sore."}
        elif i < 5 or spike < i <= spike + 3:
            pass  # rest days while the pain is up
        elif i == spike:
            km = story.longest_in_30_days(day) * 1.6
            run = story.add_run(
                day, km, RunType.LONG, cadence, pain=4, cap=False,
                note="Felt good so I kept going. The thigh tightened over the last few km.",
            )
            kw = {"settled": False, "eased": False}
        elif slot == 6:
            since = i - (spike + 4) if i > spike else i - 5
            run = story.add_run(day, 7.0 + since * 0.12, RunType.LONG, cadence, pain=run_pain)
        elif slot in (2, 4) or (slot == 0 and i > spike):
            kind = RunType.EASY
            if slot == 0 and i >= spike + 14:
                kind = (RunType.TEMPO, RunType.HILLS, RunType.INTERVALS)[((i - spike) // 7) % 3]
            km = 4.5 + min(3.0, i / 20) if kind is RunType.EASY else 6.0
            run = story.add_run(day, km, kind, cadence, pain=run_pain)
        if i >= 0 or checkins_before_onset:
            morning = _clamp_pain(base + 0.4) if i == spike + 1 else None
            story.add_checkin(day, base, run, morning=morning, **kw)  # type: ignore[arg-type]
        if slot == 0:
            sessions_this_week = 0
        wants = slot in (1, 3) or (slot == 5 and rng.random() < 0.6)
        if i >= 2 and wants and i != spike + 1:
            phase = 1 if i < p1_end else 2 if i < p2_end else 3 if i < p3_end else 4
            start, end = {1: (0, p1_end), 2: (p1_end, p2_end), 3: (p2_end, p3_end),
                          4: (p3_end, n_days)}[phase]
            f = (i - start) / max(1, end - start)
            nordic_week = (i - p2_end) // 7 + 1
            easing = 0.8 if spike < i <= spike + 7 else 1.0
            items = _story_items(phase, f, nordic_week, sessions_this_week, easing)
            story.sessions.append((day, phase, f"phase_{phase}", items, base * 0.6))
            sessions_this_week += 1


def build_demo_history(today: date, *, weeks: int = 12, years: int | None = None) -> History:
    """A believable history ending on ``today`` (see the module docstring).

    ``weeks`` is the length of the injury story (8-104); ``years`` adds that many years
    of ordinary training before it (about 365 check-ins, 200 runs and 100 strength
    sessions of ~12 sets a year), so the whole history spans ``years`` years.
    """
    if isinstance(today, datetime) or not isinstance(today, date):
        raise ValueError(f"today must be a calendar date, not {today!r}")
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be a whole number from {MIN_WEEKS} to {MAX_WEEKS}")
    if years is not None and (
        isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_YEARS
    ):
        raise ValueError(f"years must be a whole number from 1 to {MAX_YEARS}")
    n_days = weeks * 7
    onset = today - timedelta(days=n_days - 1)
    story_start = onset - timedelta(days=PRE_ONSET_DAYS)
    first = today - timedelta(days=365 * years - 1) if years else story_start
    if years and first >= story_start - timedelta(days=7):
        raise ValueError("years must cover more than the injury story; use fewer weeks")
    if first < EARLIEST_DATE:
        raise ValueError(f"the history would start before {EARLIEST_DATE.isoformat()}")

    story = _Story(random.Random(SEED))
    if years:
        _background(story, first, story_start - timedelta(days=1))
    _story(story, onset, n_days, checkins_before_onset=bool(years))
    profile = Profile(
        injury_start=onset,
        side=Side.LEFT,
        pain_site=PainSite.MID_THIGH,
        long_standing=False,
        usual_weekly_km=35.0,
        usual_cadence_spm=166,
        units=Units.KM,
    )
    return History(
        profile=profile,
        checkins=tuple(story.checkins),
        runs=tuple(story.runs),
        strength_sessions=tuple(story.build_sessions()),
    )
