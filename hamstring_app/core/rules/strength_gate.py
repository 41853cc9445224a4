"""Strength advice that respects today's verdict.

A "step up" never shows beside a hold or stop, or while a professional has been asked to
look (a referral is open): each ``progress`` decision is held instead, saying why. On
``stop`` with an urgent referral strength work pauses: only the calm isometric holds of the
phase-1 programme, or nothing at all when a possible tear (sudden pain with weakness,
bruising after a sudden pain, difficulty walking or sitting) has not been checked yet.
"""

from __future__ import annotations

import dataclasses

from hamstring_app.core.models import Advice, Level, Referral, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.pain import RED_FLAG_WORDS, PainState
from hamstring_app.core.rules.types import StrengthDecision, StrengthPause

TEAR_FLAG = "sudden_onset_with_weakness"  # the one the check-in asks every day

EVIDENCE_PAUSE = (
    "Possible tear: a professional should check it before any loading, and early repair gives "
    "a faster return (Subbu et al., AJSM 2015). Nerve signs need checking first too (IFOMPT, "
    "Finucane et al., JOSPT 2020). Gentle isometric holds with little hip bend are the first "
    "stage of tendon rehab (Goom et al., JOSPT 2016)."
)


def _held_reason(verdict: Verdict, referral: Referral) -> str:
    if verdict in (Verdict.HOLD, Verdict.STOP):
        return f"today's verdict is {verdict.value}"
    return "a professional has been asked to look at it first"


def gate_decisions(
    decisions: tuple[StrengthDecision, ...],
    verdict: Verdict,
    referral: Referral,
    paused: bool,
) -> tuple[StrengthDecision, ...]:
    """Turn every ``progress`` into ``hold`` on a hold or stop day or with a referral open."""
    if verdict not in (Verdict.HOLD, Verdict.STOP) and referral is Referral.NONE:
        return decisions
    reason = _held_reason(verdict, referral)
    out = []
    for d in decisions:
        if d.decision != "progress":
            out.append(d)
            continue
        why = {**d.why, "held_by_verdict": verdict.value, "held_by_referral": referral.value}
        text = (
            "Strength work is paused today: see the note about being checked first."
            if paused
            else f"Keep it at the same dose today: {reason}. It went well twice, so step up "
            "on a calmer day."
        )
        out.append(dataclasses.replace(d, decision="hold", why=why, message=text))
    order = {"regress": 0, "hold": 1, "progress": 2}
    return tuple(sorted(out, key=lambda d: (order[d.decision], d.exercise_id)))


def open_tear_flag(index: DayIndex, i: int, state: PainState) -> str | None:
    """The sign of a possible tear (T.TEAR_RED_FLAGS) answered yes today, or on any check-in
    after the last assessment, or None; sudden pain with weakness first, then in that order."""
    found = {f for f in T.TEAR_RED_FLAGS if f in state.red_flags}
    assessed = index.last_assessed[i]
    for day, c in index.checkins.items():
        if index.index(day) > assessed:
            found.update(f for f in T.TEAR_RED_FLAGS if getattr(c, f) is True)
    return next((f for f in T.TEAR_RED_FLAGS if f in found), None)


def possible_tear_open(index: DayIndex, i: int, state: PainState) -> bool:
    """A possible tear (sudden pain with weakness, bruising after a sudden pain, difficulty
    walking or sitting) today, or on any check-in after the last assessment."""
    return open_tear_flag(index, i, state) is not None


def strength_pause(
    index: DayIndex, i: int, state: PainState, verdict: Verdict, referral: Referral
) -> StrengthPause | None:
    if verdict is not Verdict.STOP or referral is not Referral.URGENT:
        return None
    tear = open_tear_flag(index, i, state)
    if tear is not None:
        words = RED_FLAG_WORDS[tear]
        sign = (
            "Sudden pain with weakness can be a tear"
            if tear == TEAR_FLAG
            else f"{words[0].upper()}{words[1:]} can mean a tear"
        )
        return StrengthPause(
            "none",
            "possible_tear",
            f"Strength work is paused. {sign}, so please do no strength exercises until a "
            "qualified health professional has checked it.",
        )
    return StrengthPause(
        "isometrics",
        "urgent_sign",
        "Strength work is paused until a qualified health professional has checked you. Only "
        "the gentle holds of phase 1 (such as a bridge hold) are offered; stop them if they "
        "bring on your symptoms.",
    )


def pause_advice(pause: StrengthPause) -> Advice:
    return Advice(
        "strength.pause",
        Level.DANGER,
        "Strength work paused",
        pause.message,
        {"allowed": pause.allowed, "reason": pause.reason},
        EVIDENCE_PAUSE,
    )
