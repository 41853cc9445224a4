"""The return-to-run ladder: walk-run steps up to 30 minutes of continuous easy running.

The ladder is rebuilt from the record every day, so it needs no state of its own. It starts
after a stop day (pain above 5, or a warning sign), a hold of two weeks, a break of two weeks
without running, or a professional's "cleared to run". While a warning sign is still open
(the recent-warning-sign window of the pain rules) and no professional has cleared running,
it waits: see a professional first.

Each step is done twice, with a rest day between. A ladder run counts when the pain during
it stayed at 3/10 or less, the next morning was no worse than the runner's baseline and no
warning sign came up. Pain 4-5 (or a worse morning) repeats the step; a day with pain above
5 goes back one step; a warning sign stops the ladder until it is safe to start again.
A run without its answers (pain during it, the next morning) does not count: a missing
answer is never a "yes".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from hamstring_app.core.models import Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import NONE, DayIndex
from hamstring_app.core.rules.pain import classify, pain_state
from hamstring_app.core.rules.technique import symptomatic
from hamstring_app.core.runplan.types import (
    LADDER_LENGTH,
    Clearance,
    Ladder,
    LadderEvent,
    LadderReason,
    LadderStatus,
    ladder_step,
)

GOOD_RUN_WORDS = (
    "pain 3 or less during the run, the next morning no worse than usual, and no warning sign"
)


def step_words(number: int) -> str:
    """'run 2 min, walk 1 min, 7 times (21 min)' or '20 min of continuous easy running'."""
    s = ladder_step(number)
    if s.continuous:
        return f"{s.run_min} min of continuous easy running"
    return (
        f"run {s.run_min} min, walk {s.walk_min} min, {s.repeats} times "
        f"({s.total_minutes} min)"
    )


@dataclass
class Walk:
    """The ladder walked day by day up to today (what :func:`walk_ladder` returns)."""

    status: LadderStatus | None = None
    reason: LadderReason = "stop"
    step: int = 1
    runs_done: int = 0
    started: int = NONE
    last_run: int = NONE  # last ladder run (index day)
    pending: int = NONE  # a ladder run waiting for its next-morning answer
    pending_no_rest: bool = False
    in_stop: bool = False
    hold_since: int = NONE
    completed_on: date | None = None
    said_on: date | None = None  # the assessment that said "not yet"
    events: list[LadderEvent] = field(default_factory=list)

    def note(self, day: date, event: str, detail: str = "") -> None:
        self.events.append(LadderEvent(day, event, self.step, detail))

    def start(self, day: date, k: int, reason: LadderReason, step: int, detail: str) -> None:
        self.status, self.reason, self.step = "active", reason, step
        self.runs_done, self.started, self.last_run, self.pending = 0, k, NONE, NONE
        self.note(day, "started", detail)

    def wait(self, day: date, reason: LadderReason, detail: str) -> None:
        self.status, self.reason, self.step = "waiting", reason, 1
        self.runs_done, self.started, self.last_run, self.pending = 0, NONE, NONE, NONE
        self.note(day, "waiting", detail)


def _run_pain(index: DayIndex, k: int) -> int | None:
    c = index.checkin_at[k]
    values = [p for p in (index.run_pain[k], c.pain_run if c else None) if p is not None]
    return max(values) if values else None


def _morning_worse(index: DayIndex, k: int, morning: int) -> bool:
    baseline = index.next_morning_baseline(k)
    if baseline is None:
        return morning > T.LADDER_NO_BASELINE_MORNING_MAX
    return morning - baseline >= T.NEXT_MORNING_RISE


def _judge(w: Walk, index: DayIndex, k: int) -> None:
    """Judge the ladder run of day ``w.pending`` (= k - 1) with the morning of day k."""
    d = w.pending
    w.pending = NONE
    day = index.day(k)
    pain = _run_pain(index, d)
    morning = index.next_morning[k]
    if pain is None:
        w.note(day, "no_answer", "the pain during the run was not logged, so it does not count")
        return
    if pain > T.LADDER_MOVE_UP_PAIN_MAX:
        w.note(day, "repeat", f"pain during the run was {pain} out of 10: repeat this step")
        return
    if morning is None:
        w.note(day, "no_answer", "the next morning was not answered, so the run does not count")
        return
    if _morning_worse(index, k, morning):
        w.note(day, "repeat", f"the next morning ({morning} out of 10) was worse than usual")
        return
    if w.pending_no_rest:
        w.note(day, "no_rest_day", "it came the day after another ladder run: keep a rest day")
        return
    w.runs_done += 1
    if w.runs_done < T.LADDER_RUNS_PER_STEP:
        w.note(day, "good_run", f"pain {pain} during the run, morning {morning}")
        return
    w.runs_done = 0
    if w.step >= LADDER_LENGTH:
        w.status = None
        w.completed_on = day
        w.note(day, "completed", "30 minutes of continuous easy running, twice")
        return
    w.step += 1
    w.note(day, "moved_up", f"two good runs: on to step {w.step}")


def _open_warning(state_flag_day: date | None, cleared: Sequence[date]) -> bool:
    """A recent warning sign that no professional has cleared since."""
    if state_flag_day is None:
        return False
    return not any(c >= state_flag_day for c in cleared)


def walk_ladder(
    index: DayIndex,
    i: int,
    clearances: Sequence[Clearance] = (),
    since: date | None = None,
) -> Walk:
    """Walk the record day by day up to day ``i`` (today) and say where the ladder stands.

    ``since``: the start of the current injury episode; nothing before it starts the ladder.
    ``clearances``: professional assessments; a "cleared to run" on or after a warning sign
    lets the ladder start without waiting for the warning-sign window to pass.
    """
    today = index.day(i)
    start = max(0, i - T.LADDER_LOOKBACK_DAYS + 1)
    if since is not None:
        start = max(start, index.index(since))
    cleared = sorted(c.day for c in clearances if c.cleared_to_run and c.day <= today)
    cleared_idx = {index.index(d) for d in cleared}
    # the latest assessment on or before each day decides whether a professional said
    # "not yet" (rehab only, or no running)
    # on one day a "not yet" comes after the others: the more cautious outcome stands
    said = sorted((c for c in clearances if c.day <= today), key=lambda c: (c.day, c.no_running))
    said_at = 0
    latest: Clearance | None = None
    # the last run before the walk starts: a search of the sorted runs, not a sort of them
    origin = index.origin_ord
    pos = bisect_left(index.runs, start, key=lambda r: r.day.toordinal() - origin)
    last_run = index.runs[pos - 1].day.toordinal() - origin if pos else NONE
    w = Walk()
    for k in range(start, i + 1):
        day = index.day(k)
        state = pain_state(index, k, carry=(k == i))
        verdict, reasons = classify(state)
        while said_at < len(said) and index.index(said[said_at].day) <= k:
            latest = said[said_at]
            said_at += 1
        if w.pending != NONE and w.pending == k - 1 and not state.red_flags:
            _judge(w, index, k)
        if latest is not None and latest.no_running:
            if not (w.status == "waiting" and w.reason == "professional"):
                w.wait(day, "professional", "a professional said not to run yet")
            w.said_on = latest.day
            if k in index.runs_by_day:
                last_run = k
            continue
        if state.checkin is not None:
            if verdict is Verdict.HOLD:
                w.hold_since = k if w.hold_since == NONE else w.hold_since
            else:
                w.hold_since = NONE
        if state.red_flags:
            w.wait(day, "warning_sign", "a warning sign: running stops until it is checked")
            w.in_stop = True
        elif verdict is Verdict.STOP:
            if "recent_urgent_red_flag" in reasons and w.status != "waiting":
                w.wait(day, "warning_sign", "an urgent warning sign is still open")
            elif w.status == "active" and not w.in_stop:
                w.step = max(1, w.step - 1)
                w.runs_done, w.pending = 0, NONE
                w.note(day, "went_back", "pain above 5: back one step")
            elif w.status is None:
                w.wait(day, "stop", "pain above 5: no running until it settles")
            w.in_stop = True
        else:
            w.in_stop = False
            if w.status == "waiting":
                flag_day = state.earlier_red_flag_day
                if not _open_warning(flag_day, cleared):
                    by_pro = flag_day is not None or k in cleared_idx or w.reason == "professional"
                    if by_pro:
                        w.start(day, k, "cleared", 1, "a professional cleared you to run")
                    elif w.reason == "warning_sign":
                        w.start(day, k, w.reason, 1, "the warning sign has been gone long enough")
                    else:
                        w.start(day, k, w.reason, 1, "the pain is back at 5 or less")
            elif w.status is None:
                if k in cleared_idx:
                    w.start(day, k, "cleared", 1, "a professional cleared you to run")
                elif last_run != NONE and k - last_run > T.BREAK_DAYS:
                    entry = 1 if symptomatic(index, k) else T.LADDER_PAIN_FREE_BREAK_STEP
                    w.start(day, k, "break", entry, f"{k - last_run - 1} days without running")
                elif w.hold_since != NONE and k - w.hold_since + 1 >= T.LADDER_LONG_HOLD_DAYS:
                    w.start(day, k, "long_hold", 1, f"on hold for {k - w.hold_since + 1} days")
            elif w.status == "active":
                since_active = max(w.started, w.last_run)
                if k - since_active > T.BREAK_DAYS:
                    entry = 1 if symptomatic(index, k) else T.LADDER_PAIN_FREE_BREAK_STEP
                    w.start(day, k, "break", min(entry, w.step), "two weeks without a ladder run")
            if w.status == "active" and k in index.runs_by_day:
                w.pending_no_rest = w.last_run != NONE and k - w.last_run <= T.LADDER_REST_DAYS
                w.pending = k
                w.last_run = k
        if k in index.runs_by_day:
            last_run = k
    return w


def _next_when(w: Walk, index: DayIndex, i: int) -> str:
    if w.status == "waiting":
        if w.reason == "professional":
            when = w.said_on.isoformat() if w.said_on else "your last assessment"
            return (
                f"The professional who assessed you ({when}) said not to run yet: follow their "
                "advice. The ladder starts at step 1 when you record an assessment that clears "
                "you to run."
            )
        if w.reason == "warning_sign":
            if pain_state(index, i, carry=True).urgent:
                # an urgent sign stays open until a professional has checked it, at any
                # distance in time (docs/rules.md, pain.recent_red_flag)
                return (
                    "See a qualified health professional first: today, or within 24-48 "
                    "hours. The ladder starts at step 1 once you record their assessment, "
                    "unless they said rehab only or no running."
                )
            return (
                "See a qualified health professional first. The ladder starts at step 1 once "
                "they have cleared you to run, or when the warning sign has been gone for "
                f"{T.RECENT_RED_FLAG_DAYS} days."
            )
        return (
            "No running while the pain is above 5. The ladder starts at step 1 ("
            f"{step_words(1)}) on the first day your pain is no longer above 5."
        )
    s = w.step
    done = (
        "No good run at this step yet"
        if w.runs_done == 0
        else f"{w.runs_done} good run at this step"
    )
    need = T.LADDER_RUNS_PER_STEP - w.runs_done
    move = "finishes the ladder" if s >= LADDER_LENGTH else f"moves you to step {s + 1}"
    text = (
        f"Step {s} of {LADDER_LENGTH}: {step_words(s)}. {done}; {need} more "
        f"{'good run' if need == 1 else 'good runs'}, with a rest day between, {move}. "
        f"A good run: {GOOD_RUN_WORDS}. Pain 4-5 repeats the step; pain above 5 goes back "
        "a step; a warning sign stops the ladder."
    )
    if w.pending == i:
        text += " Tomorrow morning's check-in decides how today's run counts."
    return text


def ladder_today(
    index: DayIndex,
    i: int,
    clearances: Sequence[Clearance] = (),
    since: date | None = None,
) -> tuple[Ladder | None, Walk]:
    """Today's ladder (None when the runner is not on it) and the walk behind it."""
    w = walk_ladder(index, i, clearances, since)
    if w.status is None:
        return None, w
    ladder = Ladder(
        status=w.status,
        reason=w.reason,
        step=w.step,
        of=LADDER_LENGTH,
        runs_done=w.runs_done,
        started_on=index.day(w.started) if w.started != NONE else None,
        last_run_on=index.day(w.last_run) if w.last_run != NONE else None,
        pending=w.pending == i,
        rest_today=w.status == "active" and w.last_run != NONE and w.last_run == i - 1,
        next_when=_next_when(w, index, i),
        events=tuple(w.events),
    )
    return ladder, w
