"""Today's strength session: the phase programme after progression, swaps and safety rules.

Order of changes for each programme exercise:

1. the rules engine's decision (keyed by the programme's exercise id): ``progress`` moves
   to the harder variant, or adds a little dose when there is none (or it is already in
   the session); ``regress`` moves to the easier variant or trims the dose; ``hold`` keeps it;
2. the runner's swap (``"easier"``, ``"harder"`` or a variant's id) from there;
3. with pain near the sit bone in phases 1-2, anything that bends the hip further than the
   phase allows is replaced by the nearest easier variant that does not (Goom et al. 2016),
   or left out when there is none. Safety comes last so a swap cannot undo it.

Nordic curls (ids starting ``nordic_curl``) take their sets and reps from the weekly table
(Mjolsnes et al. 2004) when ``nordic_week`` is given: the table itself is the progression.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hamstring_app.core.library_model import (
    PHASES,
    Decision,
    Exercise,
    Group,
    HipFlexion,
    Library,
    PlannedExercise,
    Programme,
    SessionPlan,
)
from hamstring_app.core.models import (
    MAX_HOLD_S,
    MAX_REPS,
    History,
    PainSite,
    Referral,
    SetLog,
    StrengthSession,
    Verdict,
)
from hamstring_app.core.rules.types import Assessment

# With pain near the sit bone, the deepest hip bend allowed in each early phase
# (Goom et al., JOSPT 2016: isometrics in little hip flexion first, more flexion later).
SIT_BONE_HIP_FLEXION_LIMIT = {1: HipFlexion.LOW, 2: HipFlexion.MODERATE}
HOLD_STEP_S = 10
REPS_STEP = 2


def is_nordic(exercise_id: str) -> bool:
    """Whether the weekly Nordic table sets this exercise's dose."""
    return exercise_id.startswith("nordic_curl")


def _hip_limit(pain_site: PainSite, phase: int) -> HipFlexion | None:
    if pain_site is PainSite.HIGH_NEAR_SIT_BONE:
        return SIT_BONE_HIP_FLEXION_LIMIT.get(phase)
    return None


def _planned(
    library: Library, ex: Exercise, phase: int, nordic_week: int | None, step: int,
    base_id: str, notes: list[str],
) -> PlannedExercise:
    dose = ex.dose_for(phase) or ex.nearest_dose(phase)
    sets, reps, reps_max, hold_s = dose.sets, dose.reps, dose.reps_max, dose.hold_s
    reps_by_set = dose.reps_by_set
    if nordic_week is not None and is_nordic(ex.id) and library.nordic_table:
        row = library.nordic_week(nordic_week)
        sets, reps, reps_max, reps_by_set = row.sets, row.reps, row.reps_max, row.reps_by_set
        times = "once" if row.sessions_per_week == 1 else f"{row.sessions_per_week} times"
        notes.append(f"Nordic week {nordic_week}: {times} this week.")
        if row.note:
            notes.append(row.note)
        step = min(step, 0)  # the table is the progression; only easing off applies
    if step > 0:
        if hold_s is not None:
            hold_s = min(int(MAX_HOLD_S), hold_s + HOLD_STEP_S)
        elif reps_max is not None and reps is not None and reps_max > reps:
            reps, reps_max = reps_max, None
        elif reps is not None and not reps_by_set:
            reps = min(MAX_REPS, reps + REPS_STEP)
            reps_max = None
        notes.append("A little more than last time: your recent sessions went well.")
    elif step < 0:
        if sets > 1:
            sets -= 1
            reps_by_set = reps_by_set[:sets]
        if hold_s is not None:
            hold_s = max(HOLD_STEP_S, hold_s - HOLD_STEP_S)
        reps_max = None
        notes.append("A little less than last time, to let things settle.")
    return PlannedExercise(
        exercise=ex,
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        tempo_down_s=dose.tempo_down_s,
        tempo_up_s=dose.tempo_up_s,
        rest_s=dose.rest_s,
        load_note=dose.load,
        reps_max=reps_max,
        reps_by_set=reps_by_set,
        per_side=dose.per_side,
        base_id=base_id,
        change_note=" ".join(notes),
    )


def _swap_target(library: Library, current: Exercise, swap: str) -> Exercise:
    if swap in ("easier", "harder"):
        target = getattr(current, swap)
        if target is None:
            raise ValueError(f"{current.name} has no {swap} variant to swap to")
        return library.exercise(target)
    reachable = library.chain(current.id, "easier") + library.chain(current.id, "harder")
    if swap not in reachable:
        raise ValueError(f"{swap!r} is not an easier or harder variant of {current.name}")
    return library.exercise(swap)


def plan_session(
    library: Library,
    phase: int,
    decisions: Mapping[str, str],
    swaps: Mapping[str, str],
    pain_site: str,
    nordic_week: int | None,
) -> SessionPlan:
    """Exercises and doses for one session of ``phase`` (see the module docstring).

    ``decisions`` and ``swaps`` are keyed by the programme's exercise ids; ids not in the
    programme are ignored. Raises ValueError for an unknown phase, pain site, decision or a
    swap that is not possible (no such variant, or already in today's session).
    """
    if isinstance(phase, bool) or phase not in PHASES:
        raise ValueError(f"phase must be 1, 2, 3 or 4, not {phase!r}")
    try:
        site = PainSite(pain_site)
    except ValueError:
        allowed = ", ".join(p.value for p in PainSite)
        raise ValueError(f"pain_site must be one of {allowed}, not {pain_site!r}") from None
    if nordic_week is not None and (
        isinstance(nordic_week, bool) or not isinstance(nordic_week, int) or nordic_week < 1
    ):
        raise ValueError(f"nordic_week must be a whole number from 1, not {nordic_week!r}")
    programme = library.programme_for_phase(phase)
    programme_ids = {item.exercise_id for item in programme.items}
    limit = _hip_limit(site, phase)
    used: set[str] = set()
    plan: list[PlannedExercise] = []
    for item in programme.items:
        base = library.exercise(item.exercise_id)
        current = base
        step = 0
        notes: list[str] = [item.note] if item.note else []
        raw = decisions.get(base.id, Decision.HOLD)
        try:
            decision = Decision(raw)
        except ValueError:
            allowed = ", ".join(d.value for d in Decision)
            raise ValueError(
                f"decision for {base.id!r} must be one of {allowed}, not {raw!r}"
            ) from None
        taken = programme_ids | used
        if decision is Decision.PROGRESS:
            if base.harder is not None and base.harder not in taken:
                current = library.exercise(base.harder)
                notes.append(f"Moved up to {current.name}: your recent sessions went well.")
            else:
                step = 1
        elif decision is Decision.REGRESS:
            if base.easier is not None and base.easier not in taken:
                current = library.exercise(base.easier)
                notes.append(f"Eased back to {current.name} to let things settle.")
            else:
                step = -1
        swap = swaps.get(base.id)
        if swap is not None:
            target = _swap_target(library, current, swap)
            if target.id in taken and target.id != base.id:
                raise ValueError(f"{target.name} is already in today's session")
            current = target
            step = 0
            notes = [item.note] if item.note else []
            if current.id != base.id:
                notes.append(f"Swapped for {current.name}, as you chose.")
        if limit is not None and current.hip_flexion.rank > limit.rank:
            replacement = next(
                (
                    library.exercise(i) for i in library.chain(current.id, "easier")
                    if library.exercise(i).hip_flexion.rank <= limit.rank
                    and i not in programme_ids | used
                ),
                None,
            )
            if replacement is None:
                continue  # nothing gentle enough: leave it out while the sit bone is sore
            current = replacement
            step = 0
            notes = [
                f"{replacement.name} instead of {base.name}: it bends the hip less, "
                "which spares the sore spot near the sit bone."
            ]
        used.add(current.id)
        plan.append(_planned(library, current, phase, nordic_week, step, base.id, notes))
    return tuple(plan)


def swap_choices(library: Library, plan: SessionPlan, index: int) -> dict[str, Exercise]:
    """The runner's swap options for ``plan[index]``: ``{"easier": ..., "harder": ...}``.

    Only variants that exist and are not already in the session are offered. Pass the key
    (or the exercise id) to :func:`plan_session` in ``swaps`` under ``plan[index].base_id``.
    """
    item = plan[index]
    in_plan = {p.exercise_id for p in plan}
    choices: dict[str, Exercise] = {}
    for direction in ("easier", "harder"):
        target = getattr(item.exercise, direction)
        if target is not None and target not in in_plan:
            choices[direction] = library.exercise(target)
    return choices


def easier_version(
    library: Library, planned: PlannedExercise, phase: int
) -> PlannedExercise | None:
    """The easier variant of ``planned`` with its dose for ``phase``, or None if there is none.

    For :meth:`hamstring_app.core.session.GuidedSession.switch_to_easier`.
    """
    easier = planned.exercise.easier
    if easier is None:
        return None
    note = f"Switched to {library.exercise(easier).name} to ease off."
    return _planned(library, library.exercise(easier), phase, None, 0,
                    planned.base_id or planned.exercise_id, [note])


def estimated_minutes(plan: SessionPlan) -> float:
    """Rough length of a planned session in minutes."""
    return sum(p.estimated_seconds() for p in plan) / 60


# ---------------------------------------------------------------------- today's plan

#: a gap this long without Nordic curls starts the weekly table again at week 1: strength
#: gained from eccentric work fades within weeks of stopping (docs/evidence.md)
NORDIC_RESTART_WEEKS = 3


def nordic_week(sessions: Sequence[StrengthSession], today: date) -> int:
    """The week of the Nordic table the runner is in today (1 when starting out).

    Counted in 7-day blocks from the first session of the current run of Nordic work; a
    break of ``NORDIC_RESTART_WEEKS`` or more starts the table again.
    """
    restart = timedelta(weeks=NORDIC_RESTART_WEEKS)
    days = sorted(
        {
            s.day
            for s in sessions
            if s.day <= today and any(is_nordic(x.exercise_id) for x in s.sets)
        }
    )
    if not days or today - days[-1] >= restart:
        return 1
    start = days[-1]
    for earlier in reversed(days[:-1]):
        if start - earlier >= restart:
            break
        start = earlier
    return (today - start).days // 7 + 1


def swaps_from_done_sets(
    library: Library, plan: SessionPlan, done: Sequence[SetLog]
) -> dict[str, str]:
    """The swaps that explain exercises in ``done`` that the plan names differently.

    A session is resumed by planning it again; if the runner had swapped an exercise for
    a variant, the sets logged name the variant, and this maps the programme's exercise
    to it so the new plan matches what was done.
    """
    done_ids = {s.exercise_id for s in done}
    planned_ids = {p.exercise_id for p in plan}
    swaps: dict[str, str] = {}
    for item in plan:
        if item.exercise_id in done_ids:
            continue
        variants = library.chain(item.exercise_id, "easier") + library.chain(
            item.exercise_id, "harder"
        )
        for variant in variants:
            if variant in done_ids and variant not in planned_ids:
                swaps[item.base_id or item.exercise_id] = variant
                break
    return swaps


@dataclass(frozen=True)
class TodayPlan:
    """Today's strength session and everything the Strength tab says about it."""

    plan: SessionPlan
    phase: int
    programme: Programme
    #: strength work waits: the verdict is stop with an urgent referral
    blocked: bool
    #: the swaps the plan was built with (empty when the ones asked for no longer fit)
    swaps: Mapping[str, str]
    #: programme exercise -> today's pick without any swap (to tell "back to the plan")
    unswapped: Mapping[str, str]
    nordic_week: int
    #: sessions with at least one set logged this calendar week (Monday on)
    done_this_week: int
    #: a check-in today or yesterday: the plan was built from recent answers
    checked_in: bool
    #: strength paused by an urgent warning sign (rules: ``strength.pause``): only the
    #: phase-1 isometric holds are in ``plan``; with a possible tear ``blocked`` is set
    paused: bool = False

    @property
    def minutes(self) -> int:
        return max(1, round(estimated_minutes(self.plan)))


def is_blocked(assessment: Assessment) -> bool:
    """Strength work waits for an assessment when today says stop and see someone soon:
    entirely with a possible tear; otherwise only the phase-1 isometric holds are offered
    (``assessment.strength_pause``)."""
    pause = assessment.strength_pause
    if pause is not None:
        return pause.allowed == "none"
    return assessment.verdict is Verdict.STOP and assessment.referral is Referral.URGENT


def plan_today(
    library: Library,
    history: History,
    assessment: Assessment,
    swaps: Mapping[str, str] | None = None,
    *,
    resuming: StrengthSession | None = None,
) -> TodayPlan:
    """Today's plan (``assessment.today``) from the library, the history and the rules.

    The phase and the per-exercise decisions come from ``assessment``; the Nordic week
    from the history; ``swaps`` are the runner's choices (dropped, all of them, when one
    no longer fits). ``resuming`` plans an unfinished session again: its own phase, its
    sets left out of the Nordic count, and the swaps its logged sets show.
    """
    today = assessment.today
    profile = history.profile
    site = (profile.pain_site if profile is not None else PainSite.MID_THIGH).value
    decisions = {d.exercise_id: d.decision for d in assessment.strength}
    sessions = history.strength_sessions
    phase = assessment.phase
    if resuming is not None:
        phase = resuming.phase or phase
        sessions = tuple(s for s in sessions if s.id != resuming.id)
    week = nordic_week(sessions, today)
    paused = assessment.strength_pause is not None
    if paused:  # only the calm holds of phase 1 (or nothing, see is_blocked); no step up
        phase, swaps = 1, {}
    unswapped = plan_session(library, phase, decisions, {}, site, week)
    if paused:
        unswapped = tuple(p for p in unswapped if p.exercise.group is Group.ISOMETRIC)
    if resuming is not None:
        swaps = swaps_from_done_sets(library, unswapped, resuming.sets)
    chosen = dict(swaps or {})
    plan = unswapped
    if chosen and not paused:
        try:
            plan = plan_session(library, phase, decisions, chosen, site, week)
        except ValueError:  # a swap that no longer fits today's plan: plan without any
            chosen = {}
    monday = today - timedelta(days=today.weekday())
    return TodayPlan(
        plan=plan,
        phase=phase,
        programme=library.programme_for_phase(phase),
        blocked=is_blocked(assessment),
        swaps=chosen,
        unswapped={p.base_id or p.exercise_id: p.exercise_id for p in unswapped},
        nordic_week=week,
        done_this_week=sum(1 for s in history.strength_sessions
                           if s.sets and monday <= s.day <= today),
        checked_in=any(c.day in (today, today - timedelta(days=1)) for c in history.checkins),
        paused=paused,
    )
