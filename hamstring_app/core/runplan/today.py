"""Today's run in numbers, for each verdict (docs/rules.md, "Today's run").

- continue: the plan as usual, capped by the single-run guard (at most 10% over the longest
  run of the last 30 days) and the week's room (30% over the usual week);
- modify: easy only, the same caps, flat ground, the cadence target, stop if pain goes above 3;
- hold: no progression: a shorter easy run (half the guard, 30 minutes) or walk / cross-train;
- stop: no running today; with an open referral, see a professional first; then the ladder.
On the return-to-run ladder, the ladder step replaces the run (and the day after a ladder
run is a rest day).
"""

from __future__ import annotations

from dataclasses import replace

from hamstring_app.core.models import Referral, Verdict, WhyValue
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.types import Assessment
from hamstring_app.core.rules.units import units_of
from hamstring_app.core.runplan.caps import Caps, cap_text
from hamstring_app.core.runplan.ladder import step_words
from hamstring_app.core.runplan.types import Ladder, TodayRun

EASY_ONLY = "Easy running only: no intervals, tempo runs, hills or races."
FLAT = "Pick a flat route: no long descents while the hamstring is sore."
FORM = "Shorten your stride when you get tired, and run tall."
STOP_IF = (
    f"Stop the run if the pain goes above {T.RUN_STOP_PAIN_ABOVE} out of 10 or changes how "
    "you run."
)
CROSS = "Walking, cycling or swimming at an easy effort are fine instead, if they are painless."
STRENGTH_SAME = "Strength work at your current doses: no step up."


def cadence_target(assessment: Assessment) -> int | None:
    """The low end of the cadence target (technique.cadence), when there is one."""
    for a in assessment.advice:
        if a.rule == "technique.cadence":
            value = a.why.get("target_low_spm")
            return value if isinstance(value, int) else None
    return None


def _cadence_note(spm: int | None) -> list[str]:
    if spm is None:
        return []
    return [
        f"Aim for about {spm} steps a minute: quicker, shorter steps. The metronome can "
        "help you find it."
    ]


def _cap_words(km: float | None, minutes: int | None, units) -> str:
    bits = []
    if km is not None:
        bits.append(f"up to {cap_text(km, units)}")
    if minutes is not None:
        bits.append(f"{minutes} minutes")
    return " or ".join(bits)


def today_run(
    assessment: Assessment,
    caps: Caps,
    ladder: Ladder | None,
    units_source,
    logged_today_km: float = 0.0,
) -> TodayRun:
    """Today's prescription from the verdict, the caps and the ladder.

    ``units_source`` is the profile (or None): the notes speak its units, numbers stay km.
    ``logged_today_km``: distance already logged today; the notes say so, and whether it went
    past today's cap.
    """
    plan = _today_run(assessment, caps, ladder, units_source)
    if logged_today_km <= 0:
        return plan
    units = units_of(units_source)
    note = f"You have logged {cap_text(logged_today_km, units)} today"
    cap = plan.max_distance_km
    if cap is not None and logged_today_km > cap + 1e-9:
        note += f", more than today's cap of {cap_text(cap, units)}. Keep the next days easy"
    return replace(
        plan, notes=(*plan.notes, note + "."), why={**plan.why, "km_logged_today": round(
            logged_today_km, 1)}
    )


def _today_run(
    assessment: Assessment, caps: Caps, ladder: Ladder | None, units_source
) -> TodayRun:
    units = units_of(units_source)
    verdict = assessment.verdict
    why: dict[str, WhyValue] = {
        "verdict": verdict.value,
        "referral": assessment.referral.value,
        **caps.why(),
    }
    spm = cadence_target(assessment)

    if verdict is Verdict.STOP or (ladder is not None and ladder.status == "waiting"):
        return _no_run(assessment, ladder, why)
    if ladder is not None:
        return _ladder_run(assessment, caps, ladder, spm, why)

    if caps.week_full:
        return TodayRun(
            "rest",
            "A rest day: this week's distance is used up",
            0.0,
            0,
            False,
            "none",
            None,
            (
                f"You ran {cap_text(caps.week_used_km, units)} in the last 6 days. The week's "
                f"cap is {cap_text(caps.week_cap_km or 0.0, units)}, "
                f"{T.RUN_WEEKLY_CAP_PCT:.0f}% above your usual "
                f"{cap_text(caps.week_base_km or 0.0, units)}.",
                CROSS,
            ),
            why,
        )

    if verdict is Verdict.CONTINUE:
        km = caps.distance_cap()
        notes = ["Your plan as usual: easy runs, and speed work if it is planned."]
        notes += _guard_notes(caps, km, units)
        summary = "Your plan as usual" + (f", {_cap_words(km, None, units)}" if km else "")
        return TodayRun("run", summary, km, None, True, "any", spm, tuple(notes), why)

    if verdict is Verdict.MODIFY:
        km = caps.distance_cap()
        minutes = None if km is not None else T.MODIFY_MAX_MINUTES_NO_HISTORY
        notes = [EASY_ONLY, *_guard_notes(caps, km, units), FLAT, *_cadence_note(spm), FORM,
                 STOP_IF]
        if km is None:
            notes.insert(1, f"No run in the last 30 days to measure against: keep it to "
                            f"{minutes} minutes.")
        summary = f"An easy run on flat ground, {_cap_words(km, minutes, units)}"
        return TodayRun("easy", summary, km, minutes, False, "flat", spm, tuple(notes), why)

    # hold
    km = caps.distance_cap(T.HOLD_DISTANCE_FRACTION)
    minutes = T.HOLD_MAX_MINUTES
    why["hold_fraction"] = T.HOLD_DISTANCE_FRACTION
    notes = [
        "No step up today: keep the run short and easy, or rest.",
        f"At most {_cap_words(km, minutes, units)}, whichever comes first"
        + (
            f" (half your longest run of the last 30 days, {cap_text(caps.longest_30d_km, units)})."
            if caps.guard_km is not None
            else "."
        ),
        CROSS,
        EASY_ONLY,
        FLAT,
        *_cadence_note(spm),
        STOP_IF,
        STRENGTH_SAME,
    ]
    summary = f"A short easy run, {_cap_words(km, minutes, units)}, or walk or cross-train"
    return TodayRun("short_easy", summary, km, minutes, False, "flat", spm, tuple(notes), why)


def _guard_notes(caps: Caps, km: float | None, units) -> list[str]:
    if caps.guard_km is None:
        return ["Log your runs so the next one can be capped against your longest."]
    notes = [
        f"No run longer than {cap_text(caps.guard_km, units)}: at most "
        f"{T.RUN_GUARD_PCT:.0f}% over your longest run of the last 30 days "
        f"({cap_text(caps.longest_30d_km, units)})."
    ]
    if km is not None and km < caps.guard_km:
        notes.append(
            f"This week has room for {cap_text(km, units)} more "
            f"({cap_text(caps.week_used_km, units)} in the last 6 days, at most "
            f"{cap_text(caps.week_cap_km or 0.0, units)} a week)."
        )
    return notes


def _no_run(assessment: Assessment, ladder: Ladder | None, why: dict) -> TodayRun:
    referral = assessment.referral
    notes: list[str] = []
    if referral is Referral.URGENT:
        notes.append(
            "See a qualified health professional first: today, or within 24-48 hours."
        )
    elif referral is Referral.ROUTINE:
        notes.append(
            "See a qualified health professional first: book an assessment in the coming days."
        )
    if assessment.verdict is Verdict.STOP:
        summary = "No running today"
        pause = assessment.strength_pause
        if pause is not None and pause.reason == "possible_tear":  # walking may be hard too
            notes.append("Walk only as much as you need to in daily life until you are checked.")
        else:
            notes.append("Walking is fine if it is comfortable.")  # the summary says no running
    elif ladder is not None and ladder.reason == "professional":
        summary = "No running yet: your professional's advice"
        notes.append(CROSS)
    else:  # waiting on the ladder for an open warning sign (the verdict allows rest)
        summary = "Rest from running until a professional has checked the warning sign"
        notes.append(CROSS)
    if referral is not Referral.URGENT:
        notes.append(STRENGTH_SAME)
    if ladder is not None:
        why["ladder_step"] = ladder.step  # what starts the ladder: ladder.next_when
    else:
        notes.append(f"Then the return-to-run ladder starts at step 1: {step_words(1)}.")
    kind = "no_run" if assessment.verdict is Verdict.STOP else "rest"
    return TodayRun(kind, summary, 0.0, 0, False, "none", None, tuple(notes), why)


def _ladder_run(
    assessment: Assessment, caps: Caps, ladder: Ladder, spm: int | None, why: dict
) -> TodayRun:
    s = ladder.current
    why.update(ladder_step=s.number, ladder_of=ladder.of, ladder_runs_done=ladder.runs_done)
    if ladder.rest_today:
        return TodayRun(
            "rest",
            "A rest day between ladder runs",
            0.0,
            0,
            False,
            "none",
            None,
            ("Yesterday was a ladder run: today is the rest day between.", CROSS),
            why,
        )
    minutes = s.total_minutes
    if assessment.verdict is Verdict.HOLD:
        minutes = min(minutes, T.HOLD_MAX_MINUTES)
    notes = [
        "Keep the running part easy: you should be able to talk.",
        FLAT,
        *_cadence_note(spm),
        STOP_IF,
    ]
    if assessment.verdict is Verdict.HOLD:
        notes.insert(0, "Hold today: repeat this step, do not move up.")
    return TodayRun(
        "ladder",
        f"Ladder step {s.number} of {ladder.of}: {step_words(s.number)}",
        caps.guard_km,
        minutes,
        False,
        "flat",
        spm,
        tuple(notes),
        why,
    )
