"""evaluate(): the whole assessment for one day, built from the rule modules."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date

from hamstring_app.core.episodes import latest_assessment
from hamstring_app.core.models import Advice, History, Level, Referral, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import day_index
from hamstring_app.core.rules.load import load_advice, metrics
from hamstring_app.core.rules.pain import EVIDENCE_BANDS, classify, pain_rising, pain_state
from hamstring_app.core.rules.pain_text import pain_advice, referral_for, unknowns_for
from hamstring_app.core.rules.strength import current_phase, strength_advice, strength_decisions
from hamstring_app.core.rules.strength_gate import gate_decisions, pause_advice, strength_pause
from hamstring_app.core.rules.technique import technique_advice
from hamstring_app.core.rules.timeline import recovery
from hamstring_app.core.rules.triggers import personal_triggers, trigger_advice
from hamstring_app.core.rules.types import Assessment

CHANGE_LEVEL = Level.CAUTION  # advice from any rule family at this level or above
_GROUP = {"pain": 0, "timeline": 1, "load": 2, "technique": 3, "strength": 4, "triggers": 5}


def _rank(a: Advice) -> tuple[int, int]:
    return (-a.level.rank, _GROUP.get(a.rule.split(".", 1)[0], 9))


def evaluate(
    history: History,
    today: date,
    *,
    names: Mapping[str, str] | None = None,
    strength_per_week: int = T.WEEK_STRENGTH_DEFAULT,
) -> Assessment:
    """Assess ``history`` as of ``today``. Records dated after ``today`` are ignored.

    ``names`` maps exercise ids to the names the runner knows them by (the library's);
    messages fall back to a tidied id. The "why" data always keeps the ids.
    The result carries today's run prescription (core.runplan); its week plans
    ``strength_per_week`` strength sessions (the runner's setting)."""
    index = day_index(history, today)
    i = index.index(today)

    state = pain_state(index, i, carry=True)
    verdict, reasons = classify(state)

    m = metrics(index, i, index.ewma_acwr())
    load_items, load_unknowns = load_advice(index, i, m, state.checkin)
    tech_items, tech_unknowns = technique_advice(index, i, state.checkin)
    decisions = strength_decisions(index, i, names or {})
    rising = pain_rising(index, i)

    week_start = i - T.PERSISTENT_HIGH_PAIN_WINDOW_DAYS + 1
    high_days = int(index.window(index.high_pain_cum, week_start, i))
    referral, referral_reason = referral_for(state, high_days)
    others: list[Advice] = []
    if referral is Referral.ROUTINE and not state.red_flags and state.earlier_red_flag_day is None:
        others.append(
            Advice(
                "pain.persistent_high",
                Level.WARNING,
                "High pain on several days",
                f"Your pain was above {T.PAIN_HOLD_MAX} out of 10 on {high_days} days in the "
                "last week. Please "
                "book an assessment with a qualified health professional in the coming days.",
                {"days_above_5": high_days, "days_needed": T.PERSISTENT_HIGH_PAIN_CHECKINS},
                EVIDENCE_BANDS,
            )
        )
    if rising is not None:
        a, b, c = rising
        others.append(
            Advice(
                "pain.rising",
                Level.CAUTION,
                "Pain is creeping up",
                f"Your average pain rose two weeks in a row ({a:.1f}, then {b:.1f}, now "
                f"{c:.1f}). Step back: lighter strength work and less running for a week.",
                {
                    "mean_two_weeks_ago": round(a, 1),
                    "mean_last_week": round(b, 1),
                    "mean_this_week": round(c, 1),
                    "rise_needed_each_week": T.RISING_STEP,
                },
                "Pain-monitoring model (Silbernagel et al., AJSM 2007): pain should not rise "
                "from week to week.",
            )
        )

    phase = current_phase(index, i)
    rec, rec_items, rec_unknowns = recovery(index, i)
    if rec.status == "slower_than_expected" and referral is Referral.NONE:
        referral = Referral.ROUTINE
        lo, hi = rec.expected_window_weeks
        referral_reason = (
            f"Your pain has lasted {rec.weeks_since_onset:.0f} weeks, longer than the usual "
            f"{lo}-{hi}. Please book an assessment with a qualified health professional in "
            "the coming weeks."
        )
    triggers = personal_triggers(index, i)
    others += rec_items + load_items + tech_items + strength_advice(decisions, names or {})
    others += trigger_advice(triggers)

    # "continue" means no pain AND nothing else to act on: advice at caution or above from
    # any rule family (pain, timeline, load, technique, strength, triggers) raises it to
    # "modify" (it never lowers a verdict), so "all clear" never sits beside a warning.
    changes = tuple(dict.fromkeys(a.rule for a in others if a.level.rank >= CHANGE_LEVEL.rank))
    if verdict is Verdict.CONTINUE and changes:
        verdict = Verdict.MODIFY
        reasons = (*reasons, "changes_advised")

    # strength respects the final verdict: no step up on hold/stop or with a referral open;
    # a pause on stop with an urgent referral
    pause = strength_pause(index, i, state, verdict, referral)
    gated = gate_decisions(decisions, verdict, referral, pause is not None)
    if gated != decisions:
        decisions = gated
        others = [a for a in others if not a.rule.startswith("strength.")]
        others += strength_advice(decisions, names or {})
    if pause is not None:
        others.append(pause_advice(pause))

    advice = pain_advice(state, verdict, reasons, changes) + others
    unknowns = unknowns_for(state)
    advice.sort(key=_rank)
    result = Assessment(
        today=today,
        verdict=verdict,
        referral=referral,
        referral_reason=referral_reason,
        advice=tuple(advice),
        unknowns=tuple(unknowns + load_unknowns + tech_unknowns + rec_unknowns),
        metrics=m,
        phase=phase,
        strength=decisions,
        recovery=rec,
        triggers=triggers,
        strength_pause=pause,
        last_assessment=latest_assessment(history.assessments, today),
    )
    # imported here: core.runplan builds on this package (a top-level import would be a cycle)
    from hamstring_app.core.runplan.plan import clearances_of, prescribe_at

    plan = prescribe_at(
        index, result, clearances=clearances_of(history), strength_per_week=strength_per_week
    )
    return dataclasses.replace(result, prescription=plan)
