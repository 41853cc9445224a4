"""Strength rules: the rehab phase (1-4, advanced on symptoms) and a per-exercise dose call.

Phase criteria (after Goom et al., JOSPT 2016: stages advance on symptoms, not time):

* Everyone starts in phase 1, and starts again there on each episode's onset.
* A red flag puts the runner back to phase 1; while an urgent one is open (not yet assessed
  by a professional) the phase does not move up.
* The 7-day mean pain rising two weeks in a row steps back one phase (at most once a week).
* 1 -> 2: on at least 5 of the last 7 days a check-in with rest pain answered, all of them
  3/10 or less, and no red flag.
* 2 -> 3: the rest-pain rule above still holds, and the last 2 sessions of phase 2 were
  clean: every set 3/10 or less and the next morning settled (not above baseline).
* 3 -> 4: the last 2 sessions of phase 3 were clean, and on at least 5 of the last 7 days
  every pain answer was 0 or 1 (pain of 2 or more means modify, Vermeulen et al., 2022).
* A phase lasts at least 7 days before the next step up.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from hamstring_app.core.models import Advice, Level, SetLog, StrengthSession
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import NONE, DayIndex, _cum
from hamstring_app.core.rules.pain import pain_rising
from hamstring_app.core.rules.types import StrengthDecision


def _session_day(session: StrengthSession) -> int:
    return session.day.toordinal()


EVIDENCE_GATE = (
    "Pain-gated loading from the pain-monitoring model (Silbernagel et al., AJSM 2007) and "
    "tendon rehab practice (Goom et al., JOSPT 2016): 0-3/10 and settled next morning is "
    "fine to build on; 4-5 hold; above 5 or a worse next morning, ease back. Expert consensus."
)


def next_morning_up(index: DayIndex, s: StrengthSession) -> bool | None:
    """Whether the morning after the session was above the runner's baseline (None: unknown)."""
    if s.pain_next_morning is None:
        return None
    baseline = index.next_morning_baseline(index.index(s.day) + 1)
    if baseline is None:
        return s.pain_next_morning > T.STRENGTH_NO_BASELINE_UP
    return s.pain_next_morning >= baseline + T.NEXT_MORNING_RISE


def _clean(index: DayIndex, s: StrengthSession, exercise: str | None = None) -> bool:
    sets = [x for x in s.sets if exercise is None or x.exercise_id == exercise]
    if not sets:
        return False
    for x in sets:
        if x.pain is None or x.pain > T.PHASE_SESSION_PAIN_MAX or not x.completed:
            return False
    return next_morning_up(index, s) is False


def last_phase_reset(index: DayIndex, i: int) -> int:
    """The latest day <= i that starts phase 1 again: an episode's onset (the profile's
    injury start when no episodes are recorded) or a red flag answered yes. 0 when none."""
    n = min(i + 1, index.n)
    if n <= 0:
        return 0
    onsets = {e.onset.toordinal() - index.origin_ord for e in index.episodes}
    if index.episode is not None:
        onsets.add(index.episode.onset.toordinal() - index.origin_ord)
    resets = [k for k in onsets if 0 <= k < n]
    resets.append(index.last_red_flag[n - 1])
    return max(0, *resets)


def current_phase(index: DayIndex, i: int) -> int:
    """Rehab phase on day i, replaying the days since the last reset (no look-ahead).

    Before a reset nothing carries over (phase 1 again, no clean sessions counted), so the
    replay starts there and costs the days since the injury or red flag, not the years of
    history. (A step back just before a reset cannot matter either: a step up needs
    PHASE_MIN_DAYS in the phase, no shorter than the PHASE_WINDOW_DAYS a step back waits.)
    """
    return replay_phase(index, i, last_phase_reset(index, i))


def replay_phase(index: DayIndex, i: int, start: int) -> int:
    """The phase on day i, replaying from day ``start`` (0: the whole history)."""
    n = min(i + 1, index.n)
    w = T.PHASE_WINDOW_DAYS
    # per-day arrays from ``base`` on: the replay looks back a phase window before
    # ``start`` (pain_rising reads the index's own sums, in O(1))
    base = max(0, min(start, n) - w)
    rest_ok = [0] * (n - base)
    rest_bad = [0] * (n - base)
    calm = [0] * (n - base)
    not_calm = [0] * (n - base)
    for k in range(base, n):
        j = k - base
        c = index.checkin_at[k]
        if c is not None and c.pain_rest is not None:
            if c.pain_rest <= T.PHASE2_REST_PAIN_MAX:
                rest_ok[j] = 1
            else:
                rest_bad[j] = 1
        p = index.day_pain[k]
        if p is not None:
            if p <= T.PHASE4_PAIN_MAX:
                calm[j] = 1 if c is not None else 0
            else:
                not_calm[j] = 1
    ok_cum, bad_cum, calm_cum = _cum(rest_ok), _cum(rest_bad), _cum(calm)
    not_calm_cum = _cum(not_calm)

    def between(cum: list[float], first: int, last: int) -> float:
        """Sum over days [first, last] (clamped to the days built)."""
        first, last = max(first, base), min(last, n - 1)
        return 0.0 if last < first else cum[last + 1 - base] - cum[first - base]

    sessions_by_day: dict[int, list[StrengthSession]] = {}
    sessions = index.sessions  # oldest first: only the replayed days' are read
    lo = bisect_left(sessions, index.origin_ord + start, key=_session_day)
    hi = bisect_left(sessions, index.origin_ord + n, key=_session_day)
    for s in sessions[lo:hi]:
        sessions_by_day.setdefault(index.index(s.day), []).append(s)
    onsets = {e.onset.toordinal() - index.origin_ord for e in index.episodes}
    if index.episode is not None:
        onsets.add(index.episode.onset.toordinal() - index.origin_ord)

    # phase 1 began at the onset, even one before the first record (a negative day here):
    # the days in phase 1 count from it, not from the day the records begin
    before = [k for k in onsets if k < 0]
    phase, since, last_back = 1, start if start > 0 or not before else max(before), -(10**9)
    clean_runs: list[bool] = []
    last_red_flag = index.last_red_flag
    for k in range(start, n):
        if k in onsets or last_red_flag[k] == k:
            phase, since, clean_runs = 1, k, []
        if k in sessions_by_day:
            for s in sessions_by_day[k]:
                if (s.phase or phase) == phase:
                    clean_runs.append(_clean(index, s))
        if phase > 1 and k - last_back >= w and pain_rising(index, k) is not None:
            phase, since, last_back, clean_runs = phase - 1, k, k, []
            continue
        if k - since < T.PHASE_MIN_DAYS or index.open_urgent(k) != NONE:
            continue  # too soon, or an urgent sign not yet assessed: no step up
        first = k - w + 1
        no_flag_since = max(first, 0)  # NONE (-1) is below any day of the index
        rest_fine = (
            between(ok_cum, first, k) >= T.PHASE_MIN_CHECKINS
            and between(bad_cum, first, k) == 0
            and last_red_flag[k] < no_flag_since
        )
        two_clean = len(clean_runs) >= T.STRENGTH_SESSIONS_NEEDED and all(
            clean_runs[-T.STRENGTH_SESSIONS_NEEDED :]
        )
        if phase == 1 and rest_fine:
            phase, since, clean_runs = 2, k, []
        elif phase == 2 and rest_fine and two_clean:
            phase, since, clean_runs = 3, k, []
        elif (
            phase == 3
            and two_clean
            and between(calm_cum, first, k) >= T.PHASE_MIN_CHECKINS
            and between(not_calm_cum, first, k) == 0
            and last_red_flag[k] < no_flag_since
        ):
            phase, since, clean_runs = 4, k, []
    return phase


@dataclass(frozen=True, slots=True)
class _SessionView:
    day: str
    max_pain: int | None  # highest answered set pain; None when no set's pain was answered
    unanswered: bool  # some set's pain was not answered
    all_completed: bool
    next_morning: int | None
    up: bool | None


SetsByExercise = dict[int, dict[str, list[SetLog]]]  # id(session) -> exercise -> its sets


def _sets_of(s: StrengthSession, exercise: str, groups: SetsByExercise | None) -> list[SetLog]:
    """The session's sets of one exercise; from ``groups`` (built once per session, so
    many exercises cost one pass over the sets, not one pass each) when given."""
    if groups is None:
        return [x for x in s.sets if x.exercise_id == exercise]
    found = groups.get(id(s))
    if found is None:
        found = groups[id(s)] = {}
        for x in s.sets:
            found.setdefault(x.exercise_id, []).append(x)
    return found.get(exercise, [])


def _view(
    index: DayIndex, s: StrengthSession, exercise: str, groups: SetsByExercise | None = None
) -> _SessionView:
    sets = _sets_of(s, exercise, groups)
    answered = [x.pain for x in sets if x.pain is not None]
    return _SessionView(
        s.day.isoformat(),
        max(answered, default=None),
        len(answered) < len(sets),
        all(x.completed for x in sets),
        s.pain_next_morning,
        next_morning_up(index, s),
    )


def exercise_name(exercise: str, names: Mapping[str, str]) -> str:
    """The name the runner knows an exercise by, or its id made readable."""
    return names.get(exercise) or exercise.replace("_", " ")


def decide(
    index: DayIndex,
    exercise: str,
    sessions: list[StrengthSession],
    names: Mapping[str, str] | None = None,
    groups: SetsByExercise | None = None,
) -> StrengthDecision:
    """Progress, hold or regress one exercise from its last two sessions."""
    recent = sessions[-T.STRENGTH_SESSIONS_NEEDED :]
    views = [_view(index, s, exercise, groups) for s in recent]
    last = views[-1]
    why: dict[str, int | float | str | bool | None] = {"exercise": exercise}
    for n, v in enumerate(reversed(views), start=1):
        why[f"session_{n}_date"] = v.day
        why[f"session_{n}_highest_set_pain"] = v.max_pain
        why[f"session_{n}_set_pain_missing"] = v.unanswered
        why[f"session_{n}_next_morning_pain"] = v.next_morning
    name = exercise_name(exercise, names or {})
    if (last.max_pain is not None and last.max_pain > T.STRENGTH_HOLD_MAX) or last.up is True:
        reason = (
            f"a set reached {last.max_pain} out of 10"
            if last.max_pain is not None and last.max_pain > T.STRENGTH_HOLD_MAX
            else "the next morning was worse than usual"
        )
        return StrengthDecision(
            exercise,
            "regress",
            why,
            f"Ease back on {name}: last time {reason}. Next time use fewer reps, less weight "
            "or a smaller range.",
        )
    gaps = []
    if len(views) < T.STRENGTH_SESSIONS_NEEDED:
        gaps.append("one more session like the last is needed first")
    for v in views:
        if v.unanswered:
            gaps.append("a set's pain was not recorded")
        if v.max_pain is not None and v.max_pain > T.STRENGTH_PROGRESS_MAX:
            gaps.append(f"a set reached {v.max_pain} out of 10")
        if v.next_morning is None:
            gaps.append("the next-morning answer is missing")
        elif v.up:
            gaps.append("a next morning was worse than usual")
        if not v.all_completed:
            gaps.append("not every set was finished")
    if gaps:
        unique = list(dict.fromkeys(gaps))
        return StrengthDecision(
            exercise,
            "hold",
            why,
            f"Keep {name} at the same dose: " + "; ".join(unique) + ".",
        )
    return StrengthDecision(
        exercise,
        "progress",
        why,
        f"{name[0].upper()}{name[1:]} went well twice (pain 3 or less, settled by morning). "
        "Step up a little: a few more reps or seconds, a slower lowering or a bit more weight.",
    )


def strength_decisions(
    index: DayIndex, i: int, names: Mapping[str, str] | None = None
) -> tuple[StrengthDecision, ...]:
    """A decision for each exercise done in the last STRENGTH_RECENT_DAYS days."""
    recent_from = i - T.STRENGTH_RECENT_DAYS + 1
    need = T.STRENGTH_SESSIONS_NEEDED
    by_exercise: dict[str, list[StrengthSession]] = {}
    for s in reversed(index.sessions):  # newest first; stop once nothing more is needed
        k = index.index(s.day)
        if k > i:
            continue
        if k < recent_from and all(len(v) >= need for v in by_exercise.values()):
            break
        seen: set[str] = set()
        for x in s.sets:
            e = x.exercise_id
            if e in seen:
                continue
            seen.add(e)
            if e in by_exercise:
                if len(by_exercise[e]) < need:
                    by_exercise[e].append(s)
            elif k >= recent_from:
                by_exercise[e] = [s]
    groups: SetsByExercise = {}
    out = [
        decide(index, exercise, list(reversed(sessions)), names, groups)
        for exercise, sessions in sorted(by_exercise.items())
    ]
    order = {"regress": 0, "hold": 1, "progress": 2}
    return tuple(sorted(out, key=lambda d: (order[d.decision], d.exercise_id)))


_ADVICE = {
    "regress": (
        "strength.regress",
        Level.WARNING,
        "Ease back on some exercises",
        f"Last time these hurt above {T.STRENGTH_HOLD_MAX} out of 10 or left the next morning "
        "worse: {names}. "
        "Next time use fewer reps, less weight or a smaller range.",
    ),
    "hold": (
        "strength.hold",
        Level.INFO,
        "Keep some exercises where they are",
        "Keep the same dose for {names}. Each one's reason is in its details.",
    ),
    "progress": (
        "strength.progress",
        Level.INFO,
        "Ready to step up",
        f"These went well twice in a row, with pain {T.STRENGTH_PROGRESS_MAX} or less and "
        "settled by morning: {names}. "
        "Step up a little: a few more reps or seconds, a slower lowering or a bit more weight.",
    ),
}


def strength_advice(
    decisions: tuple[StrengthDecision, ...], names: Mapping[str, str] | None = None
) -> list[Advice]:
    """One piece of advice per decision kind, naming the exercises it covers."""
    out = []
    for decision in ("regress", "hold", "progress"):
        group = [d for d in decisions if d.decision == decision]
        if not group:
            continue
        rule, level, title, text = _ADVICE[decision]
        shown = [exercise_name(d.exercise_id, names or {}) for d in group]
        listed = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
        out.append(
            Advice(
                rule,
                level,
                title,
                text.format(names=listed),
                {
                    "exercises": ", ".join(d.exercise_id for d in group),
                    "safe_set_pain_up_to": T.STRENGTH_PROGRESS_MAX,
                    "hold_set_pain_up_to": T.STRENGTH_HOLD_MAX,
                },
                EVIDENCE_GATE,
            )
        )
    return out
