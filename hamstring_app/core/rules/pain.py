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
from hamstring_app.core.rules.days import NONE, DayIndex, checkin_pain

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

# Reason codes, each tied to the verdict it implies.
STOP_REASONS = ("red_flag", "pain_high")
HOLD_REASONS = ("pain_moderate", "not_eased", "not_settled", "next_morning_up", "recent_red_flag")


def words(flags: tuple[str, ...]) -> str:
    parts = [RED_FLAG_WORDS.get(f, f.replace("_", " ")) for f in flags]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True, slots=True)
class PainState:
    """What the pain rules look at for one day."""

    day: date
    checkin: CheckIn | None  # the day's check-in (or yesterday's, carried)
    carried: bool  # True when the check-in is from the day before
    run_pain: int | None  # highest pain during runs on the check-in day or the day itself
    baseline: float | None  # mean next-morning pain over the 14 days before the check-in
    earlier_red_flag_day: date | None  # an earlier check-in with red flags, within the window
    earlier_red_flags: tuple[str, ...] = ()

    @property
    def pain(self) -> int | None:
        values = [v for v in (self.checkin_pain, self.run_pain) if v is not None]
        return max(values) if values else None

    @property
    def checkin_pain(self) -> int | None:
        return checkin_pain(self.checkin) if self.checkin is not None else None

    @property
    def red_flags(self) -> tuple[str, ...]:
        return self.checkin.red_flags if self.checkin is not None else ()

    @property
    def next_morning_rise(self) -> float | None:
        if self.checkin is None or self.checkin.pain_next_morning is None:
            return None
        if self.baseline is None:
            return None
        return self.checkin.pain_next_morning - self.baseline


def pain_state(index: DayIndex, i: int, *, carry: bool) -> PainState:
    """Build the pain state for day ``i``; with ``carry``, yesterday's check-in may stand in."""
    day = index.day(i)
    checkin = index.checkins.get(day)
    ci = i
    carried = False
    if checkin is None and carry:
        for back in range(1, T.CHECKIN_CARRY_DAYS + 1):
            if i - back < 0:
                break
            found = index.checkins.get(index.day(i - back))
            if found is not None:
                checkin, ci, carried = found, i - back, True
                break
    run_pains = [p for p in (index.run_pain[i], index.run_pain[ci]) if p is not None]
    earlier_day: date | None = None
    earlier_flags: tuple[str, ...] = ()
    if ci >= 1:
        j = index.last_red_flag[ci - 1]
        if j != NONE and ci - j < T.RECENT_RED_FLAG_DAYS:
            earlier_day = index.day(j)
            earlier_flags = index.checkins[earlier_day].red_flags
    return PainState(
        day=day,
        checkin=checkin,
        carried=carried,
        run_pain=max(run_pains) if run_pains else None,
        baseline=index.next_morning_baseline(ci) if checkin is not None else None,
        earlier_red_flag_day=earlier_day,
        earlier_red_flags=earlier_flags,
    )


def classify(state: PainState) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict the pain rules give, with the reason codes behind it."""
    reasons: list[str] = []
    c = state.checkin
    pain = state.pain
    if state.red_flags:
        reasons.append("red_flag")
    if pain is not None and pain > T.PAIN_HOLD_MAX:
        reasons.append("pain_high")
    if pain is not None and T.PAIN_MILD_MAX < pain <= T.PAIN_HOLD_MAX:
        reasons.append("pain_moderate")
    if c is not None:
        running = [v for v in (c.pain_run, state.run_pain) if v is not None]
        running_pain = max(running) if running else None
        if c.eased_during_run is False and (running_pain is None or running_pain > 0):
            reasons.append("not_eased")
        if c.settled_within_24h is False:
            reasons.append("not_settled")
        rise = state.next_morning_rise
        if rise is not None and rise >= T.NEXT_MORNING_RISE:
            reasons.append("next_morning_up")
    if state.earlier_red_flag_day is not None:
        reasons.append("recent_red_flag")
    if pain is not None and 0 < pain <= T.PAIN_MILD_MAX:
        reasons.append("mild")
    if c is None:
        reasons.append("no_checkin")
    else:
        if pain is None:
            reasons.append("pain_unknown")
        if any(getattr(c, f) is None for f in RED_FLAG_FIELDS):
            reasons.append("red_flags_unanswered")

    if any(r in STOP_REASONS for r in reasons):
        verdict = Verdict.STOP
    elif any(r in HOLD_REASONS for r in reasons):
        verdict = Verdict.HOLD
    elif any(r in ("mild", "no_checkin", "pain_unknown", "red_flags_unanswered") for r in reasons):
        verdict = Verdict.MODIFY
    else:
        verdict = Verdict.CONTINUE
    return verdict, tuple(reasons)


def referral_for(state: PainState, high_pain_days: int) -> tuple[Referral, str]:
    """Referral from red flags (now or recent) and persistent high pain, with its reason."""
    flags = state.red_flags
    if flags:
        if any(f in T.URGENT_RED_FLAGS for f in flags):
            return Referral.URGENT, (
                f"You reported {words(flags)}. Please see a qualified health professional "
                "today, or within 24-48 hours at the latest. Do not run until you have been "
                "checked."
            )
        return Referral.ROUTINE, (
            f"You reported {words(flags)}. Please book an assessment with a qualified health "
            "professional in the coming days, and do not run until then."
        )
    if state.earlier_red_flag_day is not None:
        when = state.earlier_red_flag_day.isoformat()
        flags = state.earlier_red_flags
        if any(f in T.URGENT_RED_FLAGS for f in flags):
            return Referral.URGENT, (
                f"On {when} you reported {words(flags)}. If you have not been checked yet, "
                "please see a qualified health professional today, or within 24-48 hours."
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


def pain_advice(state: PainState, verdict: Verdict, reasons: tuple[str, ...]) -> list[Advice]:
    """Advice for the pain side of today's verdict, most important first."""
    out: list[Advice] = []
    why = _why(state)
    if "red_flag" in reasons:
        urgent = any(f in T.URGENT_RED_FLAGS for f in state.red_flags)
        out.append(
            Advice(
                "pain.red_flag",
                Level.DANGER,
                "Stop running and get checked",
                f"You reported {words(state.red_flags)}. That needs a professional to look at "
                + ("it soon: today, or within 24-48 hours." if urgent else "it. Book a visit.")
                + " Rest from running until then.",
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
        out.append(
            Advice(
                "pain.recent_red_flag",
                Level.WARNING,
                "A warning sign came up recently",
                f"On {state.earlier_red_flag_day} you reported {words(state.earlier_red_flags)}. "
                "Until a professional has checked it, keep running easy or rest.",
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
    if verdict is Verdict.MODIFY and "mild" not in reasons:
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
    ran = c.ran is True or c.pain_run is not None or state.run_pain is not None
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
