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

from collections.abc import Mapping

from hamstring_app.core.library_model import (
    PHASES,
    Decision,
    Exercise,
    HipFlexion,
    Library,
    PlannedExercise,
    SessionPlan,
)
from hamstring_app.core.models import MAX_HOLD_S, MAX_REPS, PainSite

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
