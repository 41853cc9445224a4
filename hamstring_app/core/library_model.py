"""The exercise library's vocabulary: exercises, doses, programmes and planned exercises.

Every dataclass checks itself and raises :class:`~hamstring_app.core.models.ValidationError`
naming the field. :mod:`hamstring_app.core.library` loads them from the shipped TOML files
and adds the file and entry to any message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hamstring_app.core.models import MAX_HOLD_S, MAX_REPS, MAX_SETS, ValidationError

PHASES = (1, 2, 3, 4)
MAX_REST_S = 600
MAX_TEMPO_S = 10


class Group(StrEnum):
    HIP_DOMINANT = "hip_dominant"
    KNEE_DOMINANT = "knee_dominant"
    GLUTES = "glutes"
    CALVES = "calves"
    MOBILITY = "mobility"
    ISOMETRIC = "isometric"


class HipFlexion(StrEnum):
    """How far the hip bends in the exercise: it squeezes the tendon near the sit bone."""

    LOW = "low"
    MODERATE = "moderate"
    DEEP = "deep"

    @property
    def rank(self) -> int:
        return ("low", "moderate", "deep").index(self.value)


class Decision(StrEnum):
    """A per-exercise progression decision from the rules engine."""

    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"


def _whole(name: str, value: object, low: int, high: int, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {value}")


def _texts(name: str, value: object, *, required: bool) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(name, "must be a list of non-empty texts")
    if required and not value:
        raise ValidationError(name, "needs at least one entry")


def _ident(name: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if (
        not isinstance(value, str)
        or not value
        or not value.replace("_", "a").isalnum()
        or not value.islower()
        or not value[0].isalpha()
    ):
        raise ValidationError(name, f"must be a snake_case id, not {value!r}")


@dataclass(frozen=True, slots=True)
class Dose:
    """How much of an exercise to do in one phase: reps (or a rep range) OR a hold."""

    phase: int
    sets: int
    reps: int | None = None
    reps_max: int | None = None  # top of a rep range, e.g. 8-10
    hold_s: int | None = None
    per_side: bool = False
    tempo_down_s: int | None = None  # slow lowering, seconds
    tempo_up_s: int | None = None
    rest_s: int = 60
    load: str = ""
    reps_by_set: tuple[int, ...] = ()  # e.g. 12/10/8; overrides reps per set

    def __post_init__(self) -> None:
        if self.phase not in PHASES or isinstance(self.phase, bool):
            raise ValidationError("phase", f"must be 1, 2, 3 or 4, not {self.phase!r}")
        _whole("sets", self.sets, 1, MAX_SETS)
        if self.reps is not None and self.hold_s is not None:
            raise ValidationError("reps", "has reps and hold_s; give one")
        if self.reps is None and self.hold_s is None:
            raise ValidationError("reps", "needs reps or hold_s; give one")
        _whole("reps", self.reps, 1, MAX_REPS, optional=True)
        _whole("reps_max", self.reps_max, 1, MAX_REPS, optional=True)
        if self.reps_max is not None and (self.reps is None or self.reps_max < self.reps):
            raise ValidationError("reps_max", "must come with reps and be at least reps")
        _whole("hold_s", self.hold_s, 1, int(MAX_HOLD_S), optional=True)
        if not isinstance(self.per_side, bool):
            raise ValidationError("per_side", "must be true or false")
        _whole("tempo_down_s", self.tempo_down_s, 1, MAX_TEMPO_S, optional=True)
        _whole("tempo_up_s", self.tempo_up_s, 1, MAX_TEMPO_S, optional=True)
        if self.hold_s is not None and (self.tempo_down_s or self.tempo_up_s):
            raise ValidationError("tempo_down_s", "a hold has no tempo; give reps instead")
        _whole("rest_s", self.rest_s, 0, MAX_REST_S)
        if not isinstance(self.load, str):
            raise ValidationError("load", "must be text")
        if not isinstance(self.reps_by_set, tuple):
            raise ValidationError("reps_by_set", "must be a list of whole numbers")
        for reps in self.reps_by_set:
            _whole("reps_by_set", reps, 1, MAX_REPS)
        if self.reps_by_set and (self.reps is None or len(self.reps_by_set) != self.sets):
            raise ValidationError("reps_by_set", "needs reps and one number for each set")


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    group: Group
    summary: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    equipment: tuple[str, ...]
    avoid_while_irritable: tuple[str, ...]
    hip_flexion: HipFlexion
    doses: tuple[Dose, ...]
    illustration: str
    harder: str | None = None
    easier: str | None = None

    def __post_init__(self) -> None:
        _ident("id", self.id)
        for name in ("name", "summary", "illustration"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(name, "must be non-empty text")
        if not isinstance(self.group, Group):
            raise ValidationError("group", f"must be one of {', '.join(Group)}")
        if not isinstance(self.hip_flexion, HipFlexion):
            raise ValidationError("hip_flexion", f"must be one of {', '.join(HipFlexion)}")
        _texts("steps", self.steps, required=True)
        _texts("cues", self.cues, required=True)
        _texts("equipment", self.equipment, required=False)
        _texts("avoid_while_irritable", self.avoid_while_irritable, required=False)
        if not self.doses:
            raise ValidationError("dose", "needs a dose for at least one phase")
        phases = [d.phase for d in self.doses]
        if len(set(phases)) != len(phases):
            raise ValidationError("dose", "gives the same phase twice")
        _ident("harder", self.harder, optional=True)
        _ident("easier", self.easier, optional=True)
        if self.id in (self.harder, self.easier):
            raise ValidationError("harder", "cannot name the exercise itself")

    @property
    def phases(self) -> tuple[int, ...]:
        return tuple(sorted(d.phase for d in self.doses))

    def dose_for(self, phase: int) -> Dose | None:
        return next((d for d in self.doses if d.phase == phase), None)

    def nearest_dose(self, phase: int) -> Dose:
        """The dose for ``phase``, else the closest earlier phase, else the closest later."""
        return min(self.doses, key=lambda d: (abs(d.phase - phase), d.phase > phase))


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    exercise_id: str
    nordic_table: bool = False  # dose from the weekly Nordic table when a week is known
    note: str = ""


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    phase: int
    name: str
    summary: str
    sessions_per_week: tuple[int, int]  # (fewest, most)
    minutes: tuple[int, int]  # rough session length
    items: tuple[ProgrammeItem, ...]

    def __post_init__(self) -> None:
        _ident("id", self.id)
        if self.phase not in PHASES or isinstance(self.phase, bool):
            raise ValidationError("phase", f"must be 1, 2, 3 or 4, not {self.phase!r}")
        for name, high in (("sessions_per_week", 7), ("minutes", 180)):
            pair = getattr(self, name)
            if len(pair) != 2:
                raise ValidationError(name, "must be two numbers: fewest and most")
            for value in pair:
                _whole(name, value, 1, high)
            if pair[0] > pair[1]:
                raise ValidationError(name, "must give the smaller number first")
        if not self.items:
            raise ValidationError("items", "needs at least one exercise")
        ids = [i.exercise_id for i in self.items]
        if len(set(ids)) != len(ids):
            raise ValidationError("items", "lists the same exercise twice")


@dataclass(frozen=True, slots=True)
class NordicWeek:
    """One row of the Nordic curl table (Mjolsnes et al. 2004)."""

    first_week: int
    last_week: int | None  # None: every later week (maintenance)
    sessions_per_week: int
    sets: int
    reps: int
    reps_max: int | None = None
    reps_by_set: tuple[int, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _whole("first_week", self.first_week, 1, 520)
        _whole("last_week", self.last_week, self.first_week, 520, optional=True)
        _whole("sessions_per_week", self.sessions_per_week, 1, 7)
        _whole("sets", self.sets, 1, MAX_SETS)
        _whole("reps", self.reps, 1, MAX_REPS)
        _whole("reps_max", self.reps_max, self.reps, MAX_REPS, optional=True)
        if self.reps_by_set and len(self.reps_by_set) != self.sets:
            raise ValidationError("reps_by_set", "needs one number for each set")

    def covers(self, week: int) -> bool:
        return self.first_week <= week and (self.last_week is None or week <= self.last_week)


@dataclass(frozen=True)
class Library:
    exercises: Mapping[str, Exercise]
    programmes: tuple[Programme, ...]
    nordic_table: tuple[NordicWeek, ...] = field(default=())

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise KeyError(f"no exercise called {exercise_id!r} in the library") from None

    def programme_for_phase(self, phase: int) -> Programme:
        for programme in self.programmes:
            if programme.phase == phase:
                return programme
        raise KeyError(f"no programme for phase {phase}")

    def nordic_week(self, week: int) -> NordicWeek:
        if week < 1:
            raise ValueError(f"the Nordic plan starts at week 1, not {week}")
        for row in self.nordic_table:
            if row.covers(week):
                return row
        raise KeyError(f"the Nordic table has no row for week {week}")

    def chain(self, exercise_id: str, direction: str) -> tuple[str, ...]:
        """Ids reached by following ``harder`` or ``easier`` links, nearest first."""
        if direction not in ("harder", "easier"):
            raise ValueError("direction must be 'harder' or 'easier'")
        out: list[str] = []
        current = getattr(self.exercise(exercise_id), direction)
        while current is not None and current not in out and current != exercise_id:
            out.append(current)
            current = getattr(self.exercise(current), direction)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    """One exercise in today's session with its dose, after progression and swaps."""

    exercise: Exercise
    sets: int
    reps: int | None
    hold_s: int | None
    tempo_down_s: int | None
    rest_s: int
    load_note: str = ""
    tempo_up_s: int | None = None
    reps_max: int | None = None
    reps_by_set: tuple[int, ...] = ()
    per_side: bool = False
    base_id: str = ""  # the programme's exercise this one stands in for
    change_note: str = ""  # why it differs from the programme, in plain words

    def __post_init__(self) -> None:
        _whole("sets", self.sets, 1, MAX_SETS)
        if (self.reps is None) == (self.hold_s is None):
            raise ValidationError("reps", "give reps or hold_s, not both or neither")
        _whole("reps", self.reps, 1, MAX_REPS, optional=True)
        _whole("hold_s", self.hold_s, 1, int(MAX_HOLD_S), optional=True)
        _whole("rest_s", self.rest_s, 0, MAX_REST_S)
        _whole("tempo_down_s", self.tempo_down_s, 1, MAX_TEMPO_S, optional=True)
        _whole("tempo_up_s", self.tempo_up_s, 1, MAX_TEMPO_S, optional=True)
        if self.reps_by_set and len(self.reps_by_set) != self.sets:
            raise ValidationError("reps_by_set", "needs one number for each set")

    @property
    def exercise_id(self) -> str:
        return self.exercise.id

    @property
    def is_hold(self) -> bool:
        return self.hold_s is not None

    def target_reps(self, set_number: int) -> int | None:
        """Reps to aim for in set ``set_number`` (1-based); None for a hold."""
        if self.reps is None:
            return None
        if self.reps_by_set and 1 <= set_number <= len(self.reps_by_set):
            return self.reps_by_set[set_number - 1]
        return self.reps

    def describe(self) -> str:
        """A short dose line, e.g. '3 x 8-10, lower over 4 s, rest 90 s'."""
        side = " each side" if self.per_side else ""
        if self.hold_s is not None:
            what = f"{self.sets} x {self.hold_s} s hold{side}"
        elif self.reps_by_set:
            what = f"{'/'.join(str(r) for r in self.reps_by_set)} reps{side}"
        elif self.reps_max and self.reps_max != self.reps:
            what = f"{self.sets} x {self.reps}-{self.reps_max}{side}"
        else:
            what = f"{self.sets} x {self.reps}{side}"
        parts = [what]
        if self.tempo_down_s:
            parts.append(f"lower over {self.tempo_down_s} s")
        parts.append(f"rest {self.rest_s} s")
        return ", ".join(parts)

    def estimated_seconds(self) -> float:
        """Rough time for all sets and rests (for the session length and progress bar)."""
        sides = 2 if self.per_side else 1
        if self.hold_s is not None:
            work = self.hold_s * sides
            total_work = work * self.sets
        else:
            per_rep = (self.tempo_down_s or 2) + (self.tempo_up_s or 1) + 0.5
            reps = sum(self.target_reps(n) or 0 for n in range(1, self.sets + 1))
            total_work = reps * per_rep * sides
        return total_work + self.rest_s * max(0, self.sets - 1) + 20  # 20 s to set up


SessionPlan = tuple[PlannedExercise, ...]
