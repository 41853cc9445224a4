"""Pain and red-flag rules: today's verdict and the referral.

Bands follow the source article and the pain-monitoring model (DOMAIN.md sections 2-3):
red flags or pain above 5 stop running; 4-5, pain that did not ease or settle, or
next-morning pain above the recent baseline hold; mild pain that behaves modifies; no pain
and nothing unanswered continues. A missing answer never counts as "no".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hamstring_app.core.models import (
    RED_FLAG_FIELDS,
    Advice,
    CheckIn,
    Level,
    Referral,
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

# Added to every urgent referral and urgent red-flag message (DOMAIN.md section 3: saddle
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
    earlier_red_flag_day: date | None  # an earlier check-in with red flags, within the window
    # (the latest one with an urgent flag if there is one, else the latest one)
    earlier_red_flags: tuple[str, ...] = ()
    pain: int | None = None  # highest of the check-in's pain answers and run_pain
    red_flags: tuple[str, ...] = ()  # red flags answered yes on the check-in
    flags_unanswered: bool = True  # some red-flag question has no answer
    run_logged: bool = False  # a run is logged on the check-in day or the day itself

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
        """An urgent red flag (possible tear, nerve signs) on the earlier check-in."""
        return any(f in T.URGENT_RED_FLAGS for f in self.earlier_red_flags)

    @property
    def urgent(self) -> bool:
        """An urgent red flag today or on an earlier check-in within the window."""
        return self.earlier_urgent or any(f in T.URGENT_RED_FLAGS for f in self.red_flags)

    @property
    def next_morning_rise(self) -> float | None:
        if self.checkin is None or self.checkin.pain_next_morning is None:
            return None
        if self.baseline is None:
            return None
        return self.checkin.pain_next_morning - self.baseline


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
    if ci >= 1:
        j = index.last_red_flag[ci - 1]
        u = index.last_urgent_red_flag[ci - 1]
        if u != NONE and ci - u < T.RECENT_RED_FLAG_DAYS:
            j = u  # an urgent flag in the window outweighs a later, milder one
        if j != NONE and ci - j < T.RECENT_RED_FLAG_DAYS:
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
        unanswered = None in values
        baseline = index.next_morning_baseline(ci)
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
    )


_BY_RANK = (Verdict.CONTINUE, Verdict.MODIFY, Verdict.HOLD, Verdict.STOP)


def classify(state: PainState) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict the pain rules give, with the reason codes behind it.

    stop: a red flag, pain above 5, or an urgent red flag (possible tear, nerve signs) on an
    earlier check-in within the window. hold: pain 4-5, pain that did not ease during the run
    or settle within 24 hours, next-morning pain above baseline, or another recent red flag.
    modify: mild pain (1-3), or anything needed for "all clear" left unanswered (the red-flag
    questions, pain at rest, and pain during the run when the runner ran).
    continue: none of these.
    """
    reasons: list[str] = []
    rank = 0  # 0 continue, 1 modify, 2 hold, 3 stop
    c = state.checkin
    pain = state.pain
    if state.red_flags:
        reasons.append("red_flag")
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
        if pain is None:
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


def referral_for(state: PainState, high_pain_days: int) -> tuple[Referral, str]:
    """Referral from red flags (now or recent) and persistent high pain, with its reason."""
    flags = state.red_flags
    if flags:
        if state.urgent:
            also = ""
            if not any(f in T.URGENT_RED_FLAGS for f in flags):
                also = (
                    f", and on {state.earlier_red_flag_day} you reported "
                    f"{words(state.earlier_red_flags)}"
                )
            return Referral.URGENT, (
                f"You reported {words(flags)}{also}. Please see a qualified health professional "
                "today, or within 24-48 hours at the latest. Do not run until you have been "
                f"checked. {EMERGENCY}"
            )
        return Referral.ROUTINE, (
            f"You reported {words(flags)}. Please book an assessment with a qualified health "
            "professional in the coming days, and do not run until then."
        )
    if state.earlier_red_flag_day is not None:
        when = state.earlier_red_flag_day.isoformat()
        flags = state.earlier_red_flags
        if state.earlier_urgent:
            return Referral.URGENT, (
                f"On {when} you reported {words(flags)}. If you have not been checked yet, "
                "please see a qualified health professional today, or within 24-48 hours. "
                f"Do not run until you have been checked. {EMERGENCY}"
            )
        return Referral.ROUTINE, (
            f"On {when} you reported {words(flags)}. If you have not been checked yet, please "
            "book an assessment with a qualified health professional in the coming days."
        )
    if high_pain_days >= T.PERSISTENT_HIGH_PAIN_CHECKINS:
        return Referral.ROUTINE, (
            f"Your pain was above 5 out of 10 on {high_pain_days} days this week. Please book "
            "an assessment with a qualified health professional in the coming days."
        )
    return Referral.NONE, ""


def _why(state: PainState) -> dict[str, int | float | str | bool | None]:
    c = state.checkin
    why: dict[str, int | float | str | bool | None] = {
        "checkin_date": c.day.isoformat() if c else None,
        "pain_highest": state.pain,
    }
    if c is not None:
        why.update(
            pain_rest=c.pain_rest,
            pain_run=c.pain_run,
            pain_next_morning=c.pain_next_morning,
        )
    if state.run_pain is not None:
        why["pain_during_logged_run"] = state.run_pain
    return why


def pain_advice(
    state: PainState,
    verdict: Verdict,
    reasons: tuple[str, ...],
    changes: tuple[str, ...] = (),
) -> list[Advice]:
    """Advice for the pain side of today's verdict, most important first.

    ``changes`` names the other rules (load, technique, strength) whose advice raised a
    pain-free "continue" to "modify" (reason ``changes_advised``).
    """
    out: list[Advice] = []
    why = _why(state)
    if "red_flag" in reasons:
        urgent = state.urgent
        out.append(
            Advice(
                "pain.red_flag",
                Level.DANGER,
                "Stop running and get checked",
                f"You reported {words(state.red_flags)}. That needs a professional to look at "
                + ("it soon: today, or within 24-48 hours." if urgent else "it. Book a visit.")
                + " Rest from running until then."
                + (f" {EMERGENCY}" if urgent else ""),
                {**why, "red_flags": ", ".join(state.red_flags)},
                EVIDENCE_STOP,
            )
        )
    if "pain_high" in reasons:
        out.append(
            Advice(
                "pain.too_much",
                Level.WARNING,
                "No running today",
                f"Your pain reached {state.pain} out of 10. Above 5 is too much to run on. "
                "Rest, walk if it is comfortable, and check in again tomorrow.",
                {**why, "limit": T.PAIN_HOLD_MAX},
                EVIDENCE_BANDS,
            )
        )
    if "recent_red_flag" in reasons and "red_flag" not in reasons:
        urgent = "recent_urgent_red_flag" in reasons
        out.append(
            Advice(
                "pain.recent_red_flag",
                Level.DANGER if urgent else Level.WARNING,
                "Do not run until you have been checked"
                if urgent
                else "A warning sign came up recently",
                f"On {state.earlier_red_flag_day} you reported {words(state.earlier_red_flags)}. "
                + (
                    "That needs a professional to look at it soon: today, or within 24-48 "
                    f"hours. Do not run until you have been checked. {EMERGENCY}"
                    if urgent
                    else "Until a professional has checked it, keep running easy or rest."
                ),
                {
                    **why,
                    "red_flag_date": str(state.earlier_red_flag_day),
                    "red_flags": ", ".join(state.earlier_red_flags),
                    "window_days": T.RECENT_RED_FLAG_DAYS,
                },
                EVIDENCE_STOP,
            )
        )
    hold_bits = []
    if "pain_moderate" in reasons:
        hold_bits.append(f"your pain is {state.pain} out of 10")
    if "not_eased" in reasons:
        hold_bits.append("the pain did not ease as you ran")
    if "not_settled" in reasons:
        hold_bits.append("the pain did not settle within a day")
    if hold_bits and verdict is Verdict.HOLD:
        out.append(
            Advice(
                "pain.hold",
                Level.WARNING,
                "Hold: no step up for now",
                "Because " + " and ".join(hold_bits) + ", keep things where they are. "
                "Run easy and short, or not at all. Skip speed work and hills.",
                {**why, "hold_from": T.PAIN_MILD_MAX + 1, "hold_to": T.PAIN_HOLD_MAX},
                EVIDENCE_BANDS,
            )
        )
    if "next_morning_up" in reasons:
        out.append(
            Advice(
                "pain.next_morning_up",
                Level.WARNING,
                "Mornings are worse than usual",
                "Your pain on waking is higher than your recent mornings. Make the next run or "
                "session smaller than the last one.",
                {
                    **why,
                    "baseline_next_morning": round(state.baseline or 0.0, 1),
                    "rise_needed": T.NEXT_MORNING_RISE,
                    "baseline_days": T.BASELINE_WINDOW_DAYS,
                },
                EVIDENCE_BANDS,
            )
        )
    if verdict is Verdict.MODIFY and "mild" in reasons:
        out.append(
            Advice(
                "pain.mild",
                Level.INFO,
                "Keep running, with changes",
                f"Your pain is mild ({state.pain} out of 10). You can run if it eases as you go "
                "and settles within a day. Keep it easy, and follow the other tips here.",
                {**why, "mild_up_to": T.PAIN_MILD_MAX},
                EVIDENCE_BANDS,
            )
        )
    if verdict is Verdict.MODIFY and "changes_advised" in reasons:
        out.append(
            Advice(
                "pain.clear_with_changes",
                Level.INFO,
                "No pain: run, with the changes below",
                "No pain and no warning signs today. You can run, but other advice here says "
                "what to change first. Follow it before you carry on with your plan.",
                {**why, "advice_to_follow": ", ".join(changes)},
                "Continue only when there is no pain and nothing else to change. Pain bands: "
                + EVIDENCE_BANDS,
            )
        )
    if verdict is Verdict.MODIFY and "mild" not in reasons and "changes_advised" not in reasons:
        out.append(
            Advice(
                "pain.incomplete",
                Level.CAUTION,
                "Go easy: some answers are missing",
                "Without a full check-in we cannot say all is clear. Run easy today, and fill "
                "in the check-in for a clearer answer.",
                why,
                "A missing answer is never read as a no.",
            )
        )
    if verdict is Verdict.CONTINUE:
        out.append(
            Advice(
                "pain.clear",
                Level.INFO,
                "All clear for running",
                "No pain and no warning signs today. Carry on with your plan.",
                why,
                EVIDENCE_BANDS,
            )
        )
    return out


def unknowns_for(state: PainState) -> list[str]:
    """Plain sentences for every pain or safety answer that is missing."""
    out: list[str] = []
    c = state.checkin
    if c is None:
        out.append(
            "There is no check-in for today or yesterday, so we cannot say all is clear."
        )
        return out
    if state.carried:
        out.append("There is no check-in for today yet, so this uses yesterday's answers.")
    if c.pain_rest is None:
        out.append("Pain at rest was not answered.")
    if c.pain_next_morning is None:
        out.append("Pain on waking was not answered.")
    missing = tuple(f for f in RED_FLAG_FIELDS if getattr(c, f) is None)
    if missing:
        out.append(f"These warning signs were not answered: {words(missing)}.")
    ran = state.ran
    if ran and not state.run_pain_answered:
        out.append("Pain during the run was not answered.")
    if ran and c.eased_during_run is None:
        out.append("Whether the pain eased as you ran was not answered.")
    if c.settled_within_24h is None and ((state.pain or 0) > 0 or ran):
        out.append("Whether the pain settled within 24 hours was not answered.")
    return out


def pain_rising(index: DayIndex, i: int) -> tuple[float, float, float] | None:
    """The three 7-day mean pains (oldest first) when they rose two weeks in a row."""
    w = T.TREND_WINDOW_DAYS
    if i - 2 * w < 0:
        return None
    means = index.weekly_pain_means()
    a, b, c = means[i - 2 * w], means[i - w], means[i]
    if a is None or b is None or c is None:
        return None
    if b - a >= T.RISING_STEP and c - b >= T.RISING_STEP:
        return a, b, c
    return None
