"""The words of the pain rules: the referral, the pain advice and the unknowns list.

:mod:`pain` decides (the state and the verdict); this module says it, in plain sentences.
"""

from __future__ import annotations

from hamstring_app.core.episodes import AssessmentOutcome
from hamstring_app.core.models import DAILY_RED_FLAG_FIELDS, Advice, Level, Referral, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.pain import (
    EMERGENCY,
    EVIDENCE_BANDS,
    EVIDENCE_STOP,
    PainState,
    words,
)

EVIDENCE_PROFESSIONAL = (
    "A professional who has examined you knows your injury; their advice comes before the "
    "app's general guidance. Return-to-run criteria after a hamstring injury (Vermeulen et "
    "al., BJSM 2022) start from pain-free daily tasks, then running."
)


def referral_for(state: PainState, high_pain_days: int) -> tuple[Referral, str]:
    """Referral from red flags (now or recent) and persistent high pain, with its reason."""
    flags = state.red_flags
    if flags:
        if state.urgent:
            also = ""
            if state.earlier_urgent:  # an earlier urgent sign stays open too: name it
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
                f"On {when} you reported {words(flags)}, and no assessment by a professional "
                "has been recorded since. Please see a qualified health professional today, or "
                "within 24-48 hours. Do not run until you have been checked, then record that "
                f"you have been assessed. {EMERGENCY}"
            )
        return Referral.ROUTINE, (
            f"On {when} you reported {words(flags)}. If you have not been checked yet, please "
            "book an assessment with a qualified health professional in the coming days, "
            "and record it when you have been assessed."
        )
    if high_pain_days >= T.PERSISTENT_HIGH_PAIN_CHECKINS:
        return Referral.ROUTINE, (
            f"Your pain was above {T.PAIN_HOLD_MAX} out of 10 on {high_pain_days} days this "
            "week. Please book "
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
    if state.pain_carried_from is not None:
        why["pain_carried_from"] = state.pain_carried_from.isoformat()
    return why


def _pain_words(state: PainState) -> str:
    """\"Your pain reached 7\" or, when carried, which day the number comes from."""
    if state.pain_carried_from is None:
        return f"Your pain reached {state.pain} out of 10"
    return (
        f"Today's pain is not answered, and on {state.pain_carried_from.isoformat()} it "
        f"reached {state.pain} out of 10"
    )


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
        # An earlier urgent sign still open (whatever today's signs): name that one too, with
        # its day, since it stays until assessed (and makes a milder sign today urgent).
        earlier = state.earlier_urgent
        flag_why: dict[str, int | float | str | bool | None] = {
            **why, "red_flags": ", ".join(state.red_flags)
        }
        if earlier:
            flag_why.update(
                red_flag_date=str(state.earlier_red_flag_day),
                earlier_red_flags=", ".join(state.earlier_red_flags),
                open_until_assessed=True,
            )
        out.append(
            Advice(
                "pain.red_flag",
                Level.DANGER,
                "Stop running and get checked",
                f"You reported {words(state.red_flags)}"
                + (
                    f", and on {state.earlier_red_flag_day} you reported "
                    f"{words(state.earlier_red_flags)}, which is not assessed yet"
                    if earlier
                    else ""
                )
                + ". That needs a professional to look at "
                + ("it soon: today, or within 24-48 hours." if urgent else "it. Book a visit.")
                + " Rest from running until then."
                + (" This stays until you record that you have been assessed." if earlier else "")
                + (f" {EMERGENCY}" if urgent else ""),
                flag_why,
                EVIDENCE_STOP,
            )
        )
    said = state.no_running_said
    if "professional_no_running" in reasons and said is not None:
        rehab = said.outcome is AssessmentOutcome.REHAB_ONLY
        out.append(
            Advice(
                "pain.professional_no_running",
                Level.WARNING,
                "No running yet: your professional's advice",
                f"On {said.day.isoformat()} a professional who assessed you said "
                + (
                    "rehab only, no running yet. Keep to the rehab they gave you; where it "
                    "differs from this app's, theirs comes first."
                    if rehab
                    else "not to run yet. Rest from running; easy walking is fine if it is "
                    "painless."
                )
                + " When they clear you to run, record that assessment and the return to "
                "running starts gently.",
                {
                    **why,
                    "assessment_date": said.day.isoformat(),
                    "outcome": None if said.outcome is None else said.outcome.value,
                },
                EVIDENCE_PROFESSIONAL,
            )
        )
    if "pain_high" in reasons:
        out.append(
            Advice(
                "pain.too_much",
                Level.WARNING,
                "No running today",
                f"{_pain_words(state)}. Above 5 is too much to run on. "
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
                    "hours. Do not run until you have been checked. This stays until you "
                    f"record that you have been assessed. {EMERGENCY}"
                    if urgent
                    else "If you have not been checked yet, book an assessment, and rest from "
                    "running until then: walking is fine if it is comfortable. Record it when "
                    "you have been assessed."
                ),
                {
                    **why,
                    "red_flag_date": str(state.earlier_red_flag_day),
                    "red_flags": ", ".join(state.earlier_red_flags),
                    "window_days": T.RECENT_RED_FLAG_DAYS,
                    "open_until_assessed": urgent,
                },
                EVIDENCE_STOP,
            )
        )
    hold_bits = []
    if "pain_moderate" in reasons:
        hold_bits.append(
            f"your pain is {state.pain} out of 10"
            if state.pain_carried_from is None
            else f"your last answered pain ({state.pain_carried_from.isoformat()}) was "
            f"{state.pain} out of 10"
        )
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
                (
                    f"Your pain is mild ({state.pain} out of 10)."
                    if state.pain_carried_from is None
                    else f"Your last answered pain was mild ({state.pain} out of 10 on "
                    f"{state.pain_carried_from.isoformat()}); today's is not answered."
                )
                + " You can run if it eases as you go "
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
    if state.pain_carried_from is not None:
        when = (
            "yesterday's answer"
            if (state.day - state.pain_carried_from).days == 1
            else "the answer of " + state.pain_carried_from.isoformat()
        )
        out.append(
            f"Pain today was not answered, so this uses {when} "
            f"({state.pain} out of 10 on {state.pain_carried_from.isoformat()})."
        )
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
    missing = tuple(f for f in DAILY_RED_FLAG_FIELDS if getattr(c, f) is None)
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
