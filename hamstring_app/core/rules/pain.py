"""Pain and red-flag rules: today's verdict and the referral.

Bands follow the source article and the pain-monitoring model (docs/evidence.md, sections 2-3):
red flags or pain above 5 stop running; 4-5, pain that did not ease or settle, or
next-morning pain above the recent baseline hold; mild pain that behaves modifies; no pain
and nothing unanswered continues. A missing answer never counts as "no".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import (
    DAILY_RED_FLAG_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    Verdict,
)
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import NONE, DayIndex, checkin_pain, red_flag_values

RED_FLAG_WORDS = {
    "sharp_pain": "sharp pain",
    "pain_increases_with_speed": "pain that gets worse as you speed up",
    "gait_changed": "pain that changes the way you run",
    "pain_in_daily_activities": "pain that carries on into daily life",
    "sudden_onset_with_weakness": "pain that came on suddenly with weakness",
    "nerve_signs": "tingling, numbness or pain below the knee",
    "bruising_after_sudden_pain": "bruising at the back of the thigh after a sudden pain",
    "difficulty_walking": "difficulty walking or sitting",
    "foot_weakness": "weakness in the foot",
    "night_or_rest_pain": "pain at night or at rest that does not ease",
    "feeling_unwell": "feeling unwell with the pain",
}

EVIDENCE_STOP = (
    "Stop-and-get-assessed signs from the source article; urgent care for a possible tear "
    "(Subbu et al., AJSM 2015) and for nerve or spinal signs (IFOMPT, Finucane et al., "
    "JOSPT 2020)."
)
EVIDENCE_BANDS = (
    "Pain-monitoring model (Silbernagel et al., AJSM 2007): 0-3 safe, 4-5 acceptable, above 5 "
    "too much; the next-morning response matters most. Tested in one trial for Achilles "
    "tendon pain (38 people); used for the hamstring by clinical convention."
)

# Added to every urgent referral and urgent red-flag message (docs/evidence.md, section 3: saddle
# numbness or a bladder or bowel change is an emergency).
EMERGENCY = (
    "Numbness around the groin or buttocks, or a change in bladder or bowel control, needs "
    "emergency care now."
)


def words(flags: tuple[str, ...]) -> str:
    parts = [RED_FLAG_WORDS.get(f, f.replace("_", " ")) for f in flags]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True, slots=True)
class PainState:
    """What the pain rules look at for one day (built by :func:`pain_state`)."""

    day: date
    checkin: CheckIn | None  # the day's check-in (or yesterday's, carried)
    carried: bool  # True when the check-in is from the day before
    run_pain: int | None  # highest pain during runs on the check-in day or the day itself
    baseline: float | None  # mean next-morning pain over the 14 days before the check-in
    earlier_red_flag_day: date | None  # an earlier check-in with a red flag still open: an
    # urgent one not yet assessed (any age), else a routine one within the window not assessed
    earlier_red_flags: tuple[str, ...] = ()
    pain: int | None = None  # highest of the check-in's pain answers and run_pain
    red_flags: tuple[str, ...] = ()  # red flags answered yes on the check-in
    flags_unanswered: bool = True  # one of the six everyday red-flag questions has no answer
    run_logged: bool = False  # a run is logged on the check-in day or the day itself
    # when the day's pain was not answered, the earlier day within the carry window whose
    # answered pain stands in as ``pain`` (the answer is still listed as unknown)
    pain_carried_from: date | None = None
    # the latest professional assessment when it said rehab only or no running (and none
    # since said otherwise): no running until a later assessment clears it
    no_running_said: ProfessionalAssessment | None = None

    @property
    def ran(self) -> bool:
        """The runner ran: the check-in says so, gives run pain, or a run is logged."""
        c = self.checkin
        return self.run_logged or (
            c is not None and (c.ran is True or c.pain_run is not None)
        )

    @property
    def run_pain_answered(self) -> bool:
        c = self.checkin
        return self.run_pain is not None or (c is not None and c.pain_run is not None)

    @property
    def earlier_urgent(self) -> bool:
        """An urgent red flag (T.URGENT_RED_FLAGS: possible tear, nerve or general signs) on
        the earlier check-in."""
        return any(f in T.URGENT_RED_FLAGS for f in self.earlier_red_flags)

    @property
    def urgent(self) -> bool:
        """An urgent red flag today or on an earlier check-in within the window."""
        return self.earlier_urgent or any(f in T.URGENT_RED_FLAGS for f in self.red_flags)


def _flag_names(values: tuple[bool | None, ...]) -> tuple[str, ...]:
    if True not in values:
        return ()
    return tuple(f for f, v in zip(RED_FLAG_FIELDS, values, strict=True) if v is True)


def pain_state(index: DayIndex, i: int, *, carry: bool) -> PainState:
    """Build the pain state for day ``i``; with ``carry``, yesterday's check-in may stand in."""
    checkin = index.checkin_at[i]
    ci = i
    carried = False
    if checkin is None and carry:
        for back in range(1, T.CHECKIN_CARRY_DAYS + 1):
            if i - back < 0:
                break
            found = index.checkin_at[i - back]
            if found is not None:
                checkin, ci, carried = found, i - back, True
                break
    a, b = index.run_pain[i], index.run_pain[ci]
    run_pain = a if b is None else b if a is None else max(a, b)
    earlier_day: date | None = None
    earlier_flags: tuple[str, ...] = ()
    j = index.earlier_open_flag(ci, i)
    if j != NONE:
        earlier_day = index.day(j)
        earlier_flags = _flag_names(red_flag_values(index.checkins[earlier_day]))
    pain = run_pain
    flags: tuple[str, ...] = ()
    unanswered = True
    baseline = None
    if checkin is not None:
        p = checkin_pain(checkin)
        if p is not None and (pain is None or p > pain):
            pain = p
        values = red_flag_values(checkin)
        flags = _flag_names(values)
        if carried and index.last_assessed[i] >= ci:
            flags = ()  # yesterday's signs, carried, were assessed since
        # only the six everyday questions hold back "all clear" when unanswered; the less
        # common ones (one click away) count when answered yes
        unanswered = None in values[: len(DAILY_RED_FLAG_FIELDS)]
        baseline = index.next_morning_baseline(ci)
    carried_from: date | None = None
    if pain is None and carry:
        # a missing answer is never a "no": the last answered pain in the carry window counts
        for k in range(i - 1, i - T.CHECKIN_CARRY_DAYS - 1, -1):
            if k >= 0 and index.day_pain[k] is not None:
                pain, carried_from = index.day_pain[k], index.day(k)
                break
    return PainState(
        day=index.day(i),
        checkin=checkin,
        carried=carried,
        run_pain=run_pain,
        baseline=baseline,
        earlier_red_flag_day=earlier_day,
        earlier_red_flags=earlier_flags,
        pain=pain,
        red_flags=flags,
        flags_unanswered=unanswered,
        run_logged=i in index.runs_by_day or ci in index.runs_by_day,
        pain_carried_from=carried_from,
        no_running_said=index.no_running_said(i),
    )


_BY_RANK = (Verdict.CONTINUE, Verdict.MODIFY, Verdict.HOLD, Verdict.STOP)


def classify(state: PainState) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict the pain rules give, with the reason codes behind it.

    stop: a red flag, pain above 5, an urgent red flag (T.URGENT_RED_FLAGS) on an
    earlier check-in not yet assessed, or a professional's standing "rehab only" or "no
    running" outcome. hold: pain 4-5, pain that did not ease during the run
    or settle within 24 hours, next-morning pain above baseline, or another recent red flag.
    modify: mild pain (1-3), or anything needed for "all clear" left unanswered (the six
    everyday red-flag questions, pain at rest, and pain during the run when the runner ran).
    continue: none of these.
    """
    reasons: list[str] = []
    rank = 0  # 0 continue, 1 modify, 2 hold, 3 stop
    c = state.checkin
    pain = state.pain
    if state.red_flags:
        reasons.append("red_flag")
        rank = 3
    if state.no_running_said is not None:
        # a professional said rehab only or no running: that outranks the runner's own
        # pain answers, and "no running today" is the stop verdict (docs/rules.md)
        reasons.append("professional_no_running")
        rank = 3
    if pain is not None:
        if pain > T.PAIN_HOLD_MAX:
            reasons.append("pain_high")
            rank = 3
        elif pain > T.PAIN_MILD_MAX:
            reasons.append("pain_moderate")
            rank = max(rank, 2)
    if c is not None:
        if c.eased_during_run is False:
            a, b = c.pain_run, state.run_pain
            running_pain = a if b is None else b if a is None else max(a, b)
            if running_pain is None or running_pain > 0:
                reasons.append("not_eased")
                rank = max(rank, 2)
        if c.settled_within_24h is False:
            reasons.append("not_settled")
            rank = max(rank, 2)
        if (
            c.pain_next_morning is not None
            and state.baseline is not None
            and c.pain_next_morning - state.baseline >= T.NEXT_MORNING_RISE
        ):
            reasons.append("next_morning_up")
            rank = max(rank, 2)
    if state.earlier_red_flag_day is not None:
        reasons.append("recent_red_flag")
        rank = max(rank, 2)
        if state.earlier_urgent:
            reasons.append("recent_urgent_red_flag")
            rank = 3
    if pain is not None and 0 < pain <= T.PAIN_MILD_MAX:
        reasons.append("mild")
        rank = max(rank, 1)
    if c is None:
        reasons.append("no_checkin")
        rank = max(rank, 1)
    else:
        if pain is None or state.pain_carried_from is not None:
            reasons.append("pain_unknown")
            rank = max(rank, 1)
        if c.pain_rest is None:  # "all clear" never rests on one answer
            reasons.append("rest_pain_unknown")
            rank = max(rank, 1)
        if state.ran and not state.run_pain_answered:
            reasons.append("run_pain_unknown")
            rank = max(rank, 1)
        if state.flags_unanswered:
            reasons.append("red_flags_unanswered")
            rank = max(rank, 1)
    return _BY_RANK[rank], tuple(reasons)


def pain_rising(index: DayIndex, i: int) -> tuple[float, float, float] | None:
    """The three 7-day mean pains (oldest first) when they rose two weeks in a row."""
    w = T.TREND_WINDOW_DAYS
    if i - 2 * w < 0:
        return None
    if i >= index.n:
        return None
    mean = index.weekly_pain_mean
    a, b, c = mean(i - 2 * w), mean(i - w), mean(i)
    if a is None or b is None or c is None:
        return None
    if b - a >= T.RISING_STEP and c - b >= T.RISING_STEP:
        return a, b, c
    return None
