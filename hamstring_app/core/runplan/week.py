"""The week ahead: today and the next 6 days of runs and strength sessions.

Rebuilt every day from today's prescription, the ladder and the caps. Runs follow the
runner's usual number of runs a week (from the last 4 weeks), spread out; on the ladder they
come every other day. Strength comes as often as the runner's setting asks (1-4 times;
default 3), never the day before a key (hard) run, and the plan spreads it out (not two days
in a row). The runner can move a session to another day (:func:`apply_moves`); a move
that puts strength the day before a hard run, two ladder runs or two hard runs on
consecutive days, or two sessions of a kind on one day, is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations, pairwise
from typing import Literal

from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.types import Assessment
from hamstring_app.core.runplan.caps import Caps
from hamstring_app.core.runplan.types import (
    LADDER_LENGTH,
    Ladder,
    PlanDay,
    TodayRun,
    ladder_step,
)

SessionKind = Literal["run", "strength"]

_PATTERNS = {2: (0, 3), 3: (0, 2, 4), 4: (0, 2, 4, 6), 5: (0, 1, 3, 4, 6)}
PAUSED = "Strength paused until a professional has checked you."


def runs_per_week(index: DayIndex, i: int) -> int:
    """The runner's usual runs a week over the last 4 weeks, within WEEK_RUNS_RANGE."""
    days = sum(1 for k in range(i - T.WEEK_RUNS_LOOKBACK_DAYS, i) if k in index.runs_by_day)
    if days == 0:
        return T.WEEK_RUNS_DEFAULT
    low, high = T.WEEK_RUNS_RANGE
    per_week = round(days * T.WEEK_DAYS / T.WEEK_RUNS_LOOKBACK_DAYS)
    return max(low, min(high, per_week))


def _ladder_days(today: TodayRun, ladder: Ladder) -> list[PlanDay | None]:
    """Ladder runs every other day, each assumed to go well (the plan says "if all goes well")."""
    out: list[PlanDay | None] = [None] * T.WEEK_PLAN_DAYS
    step, done = ladder.step, ladder.runs_done
    first = 1 if ladder.rest_today or today.kind in ("no_run", "rest") else 0
    for d in range(first, T.WEEK_PLAN_DAYS, T.LADDER_REST_DAYS + 1):
        if step > LADDER_LENGTH:
            out[d] = PlanDay(date.min, "easy", today.max_distance_km, None,
                             note="Ladder done: an easy run")
            continue
        s = ladder_step(step)
        minutes = today.max_minutes if d == 0 and today.kind == "ladder" else s.total_minutes
        note = f"Ladder step {step}" + (" (if the runs before go well)" if d > first else "")
        out[d] = PlanDay(date.min, "ladder", today.max_distance_km, minutes,
                         ladder_step=step, note=note)
        done += 1
        if done >= T.LADDER_RUNS_PER_STEP:
            step, done = step + 1, 0
    return out


def _verdict_days(
    today: TodayRun, assessment: Assessment, caps: Caps, index: DayIndex, i: int
) -> tuple[list[PlanDay | None], tuple[int, ...]]:
    """The runs of a week off the ladder, and the days the key run may go on, best first
    (on ``continue`` only): the second run of the week, else the others in turn."""
    out: list[PlanDay | None] = [None] * T.WEEK_PLAN_DAYS
    verdict = assessment.verdict
    n = runs_per_week(index, i)
    if verdict is Verdict.HOLD:
        n = min(n, 3)
        kind, km = "short_easy", caps.distance_cap(T.HOLD_DISTANCE_FRACTION)
        minutes: int | None = T.HOLD_MAX_MINUTES
    elif verdict is Verdict.MODIFY:
        kind, km = "easy", caps.guard_km
        minutes = None if km is not None else T.MODIFY_MAX_MINUTES_NO_HISTORY
    else:
        kind, km, minutes = "run", caps.guard_km, None
    shift = 0 if today.running else 1
    offsets = [d + shift for d in _PATTERNS[n] if d + shift < T.WEEK_PLAN_DAYS]
    key_options: tuple[int, ...] = ()
    if verdict is Verdict.CONTINUE and T.WEEK_KEY_RUNS > 0:
        hard_yesterday = i >= 1 and index.hard[i - 1]
        options = [
            d for d in offsets
            if not (d == 0 and (hard_yesterday or not today.intensity_allowed))
        ]
        if options:
            best = options[1] if len(options) > 1 else options[0]
            key_options = (best, *(d for d in options if d != best))
    for d in offsets:
        if d == 0:
            out[0] = PlanDay(date.min, today.kind, today.max_distance_km, today.max_minutes,
                             note="Today")
        else:
            out[d] = PlanDay(date.min, kind, km, minutes)
    return out, key_options


def _with_key(slots: Sequence[PlanDay | None], key_at: int | None) -> list[PlanDay | None]:
    out = list(slots)
    slot = out[key_at] if key_at is not None else None
    if key_at is not None and slot is not None:
        note = slot.note if key_at == 0 else "Key run: speed work allowed"
        out[key_at] = replace(slot, key=True, note=note)
    return out


def _strength_days(
    days: Sequence[PlanDay], want: int, done_today: bool, done_yesterday: bool
) -> set[int]:
    """Which days get strength: ``want`` days (or fewer if they cannot fit)."""
    n = len(days)
    banned = {d for d in range(n - 1) if days[d + 1].key}
    if done_yesterday and not done_today:
        banned.add(0)
    must = {0} if done_today else set()
    free = [d for d in range(n) if d not in banned]
    # rest days first, then easy run days, key run days last; the first best combination
    value = [(0 if d.running else 2) - (1 if d.key else 0) for d in days]
    for size in range(want, 0, -1):
        best: tuple[int, ...] | None = None
        best_score = None
        for combo in combinations(free, size):
            if done_today and combo[0] != 0:
                continue
            if any(b - a < 2 for a, b in pairwise(combo)):
                continue
            score = sum(value[d] for d in combo)
            if best_score is None or score > best_score:
                best, best_score = combo, score
                if score == 2 * size:  # all on rest days: nothing can beat it
                    break
        if best is not None:
            return set(best)
    return set(must)


def week_plan(
    today: TodayRun,
    ladder: Ladder | None,
    assessment: Assessment,
    caps: Caps,
    index: DayIndex,
    i: int,
    strength_per_week: int = T.WEEK_STRENGTH_DEFAULT,
) -> tuple[PlanDay, ...]:
    """Today and the next 6 days (see the module docstring).

    ``strength_per_week`` is the runner's setting, brought into WEEK_STRENGTH_MIN..MAX. When
    that many sessions cannot all fit the rules, the key run goes on another of the week's
    runs if that makes room, else the week plans as many as fit. A session already done
    today is never followed by a key run tomorrow."""
    start = index.day(i)
    referral_open = assessment.referral is not Referral.NONE
    no_run_note = ""
    key_options: tuple[int, ...] = ()
    if today.kind in ("no_run", "rest") and (ladder is None or ladder.status == "waiting"):
        if ladder is not None and ladder.reason == "professional":
            slots: list[PlanDay | None] = [None] * T.WEEK_PLAN_DAYS
            no_run_note = "No running until your professional clears you to run"
        elif referral_open or (ladder is not None and ladder.reason == "warning_sign"):
            slots = [None] * T.WEEK_PLAN_DAYS
            no_run_note = "No running until a professional has checked you"
        elif ladder is not None:
            slots = _ladder_days(today, replace(ladder, status="active"))
        else:
            slots = [None] * T.WEEK_PLAN_DAYS
    elif ladder is not None:
        slots = _ladder_days(today, ladder)
    else:
        slots, key_options = _verdict_days(today, assessment, caps, index, i)

    urgent = assessment.referral is Referral.URGENT
    want = max(T.WEEK_STRENGTH_MIN, min(T.WEEK_STRENGTH_MAX, strength_per_week))
    sessions = index.sessions
    done_today = bool(sessions) and sessions[-1].day == start
    done_yesterday = any(s.day == start - timedelta(days=1) for s in sessions[-3:])

    # the key run on the best day that leaves room for the strength sessions; a week
    # without one only when each day would put it the day after a session already done
    best: tuple[tuple[bool, bool, int], list[PlanDay], set[int]] | None = None
    for key_at in (*key_options, None) if key_options else (None,):
        days = _calendar(_with_key(slots, key_at), start, today, ladder, no_run_note)
        chosen = set() if urgent else _strength_days(days, want, done_today, done_yesterday)
        clash = any(d + 1 < len(days) and days[d + 1].key for d in chosen)
        score = (not clash, key_at is not None, len(chosen))
        if best is None or score > best[0]:
            best = (score, days, chosen)
        if score == (True, True, want):
            break
    assert best is not None
    _score, days, chosen = best
    out = []
    for d, pd in enumerate(days):
        note = pd.note
        if urgent and d == 0:
            note = (note + ". " if note else "") + PAUSED
        out.append(replace(pd, strength=d in chosen, note=note))
    return tuple(out)


def _calendar(
    slots: Sequence[PlanDay | None],
    start: date,
    today: TodayRun,
    ladder: Ladder | None,
    no_run_note: str,
) -> list[PlanDay]:
    """The planned runs on their dates, every other day a rest (or no running)."""
    # the calendar ends on 9999-12-31: a week starting in its last days is shorter
    slots = slots[: min(len(slots), (date.max - start).days + 1)]
    days: list[PlanDay] = []
    for d, slot in enumerate(slots):
        day = start + timedelta(days=d)
        if slot is None:
            kind = today.kind if d == 0 and not today.running else (
                "no_run" if no_run_note else "rest"
            )
            days.append(PlanDay(day, kind, note=no_run_note))
        else:
            note = slot.note
            if ladder is not None and ladder.status == "waiting" and d > 0:
                note = (note + ", " if note else "") + "if your check-in allows"
            days.append(replace(slot, day=day, note=note))
    return days


# ------------------------------------------------------------------------------ moves


@dataclass(frozen=True, slots=True)
class Move:
    """The runner moved a planned session from one day to another."""

    kind: SessionKind
    from_day: date
    to_day: date

    def to_text(self) -> str:
        return f"{self.kind} {self.from_day.isoformat()} {self.to_day.isoformat()}"

    @classmethod
    def from_text(cls, text: str) -> Move:
        kind, a, b = text.split()
        if kind not in ("run", "strength"):
            raise ValueError(f"not a session kind: {kind!r}")
        return cls(kind, date.fromisoformat(a), date.fromisoformat(b))  # type: ignore[arg-type]


def moves_to_text(moves: Iterable[Move]) -> str:
    return ";".join(m.to_text() for m in moves)


def moves_from_text(text: str) -> tuple[Move, ...]:
    """Moves saved with :func:`moves_to_text`; entries that cannot be read are left out."""
    out = []
    for part in text.split(";"):
        if not part.strip():
            continue
        try:
            out.append(Move.from_text(part))
        except ValueError:
            continue
    return tuple(out)


def move_problem(week: Sequence[PlanDay], move: Move) -> str | None:
    """Why ``move`` cannot be made in ``week``, or None when it can."""
    index = {d.day: n for n, d in enumerate(week)}
    if move.from_day not in index or move.to_day not in index:
        return "That day is not in this week's plan."
    a, b = index[move.from_day], index[move.to_day]
    if a == b:
        return "The session is already on that day."
    src, dst = week[a], week[b]
    if move.kind == "strength":
        if not src.strength:
            return "There is no strength session on that day."
        if dst.strength:
            return "That day already has a strength session."
    else:
        if not src.running:
            return "There is no run on that day."
        if dst.running:
            return "That day already has a run."
        if dst.run_kind == "no_run":
            return "No running on that day."
    after = _moved(week, move)
    for n, d in enumerate(after):
        if d.strength and n + 1 < len(after) and after[n + 1].key:
            return "Strength the day before a hard run leaves the hamstring tired for it."
        nxt = after[n + 1] if n + 1 < len(after) else None
        if d.run_kind == "ladder" and nxt is not None and nxt.run_kind == "ladder":
            return "Ladder runs need a rest day between them."
        if d.key and nxt is not None and nxt.key:
            return "Keep an easy day between hard runs."
    return None


def apply_moves(
    week: Sequence[PlanDay], moves: Iterable[Move]
) -> tuple[tuple[PlanDay, ...], list[tuple[Move, str]]]:
    """The week with the runner's moves made, and the moves refused with their reasons.

    Moves whose days have left the week, or whose session is no longer planned on the day it
    was moved from (the plan is rebuilt each day), are dropped quietly.
    """
    out = list(week)
    refused: list[tuple[Move, str]] = []
    days = {d.day for d in week}
    for m in moves:
        if m.from_day not in days or m.to_day not in days:
            continue
        n = [d.day for d in out].index(m.from_day)
        src = out[n]
        if (m.kind == "strength" and not src.strength) or (m.kind == "run" and not src.running):
            continue
        problem = move_problem(out, m)
        if problem is not None:
            refused.append((m, problem))
            continue
        out = list(_moved(out, m))
    return tuple(out), refused


def _moved(week: Sequence[PlanDay], m: Move) -> tuple[PlanDay, ...]:
    index = {d.day: n for n, d in enumerate(week)}
    a, b = index[m.from_day], index[m.to_day]
    out = list(week)
    src, dst = out[a], out[b]
    if m.kind == "strength":
        out[a] = replace(src, strength=False)
        out[b] = replace(dst, strength=True, moved=(*dst.moved, "strength"))
    else:
        out[a] = replace(src, run_kind=dst.run_kind, max_distance_km=None, max_minutes=None,
                         key=False, ladder_step=None, note="")
        out[b] = replace(dst, run_kind=src.run_kind, max_distance_km=src.max_distance_km,
                         max_minutes=src.max_minutes, key=src.key, ladder_step=src.ladder_step,
                         note=src.note, moved=(*dst.moved, "run"))
    return tuple(out)
