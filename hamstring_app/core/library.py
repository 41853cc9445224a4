"""The exercise library and phase programmes: loading and validation.

``resources/exercises.toml`` and ``resources/programmes.toml`` are read with tomllib and
checked thoroughly on load. Any problem raises :class:`LibraryError` naming the file and
the entry, e.g. ``exercises.toml, exercise 'nordic_curl': dose for phase 3 has reps and
hold_s; give one``. The types live in :mod:`core.library_model`; turning a programme into
today's session is :mod:`core.planning`'s work (``plan_session``, ``plan_today``). The
checked reading of a TOML table is :mod:`core.library_toml`'s, the checks across entries
:mod:`core.library_checks`'.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import lru_cache

from hamstring_app.assets import resource
from hamstring_app.core.library_checks import ILLUSTRATION_DIR, _check_exercises, _check_programmes
from hamstring_app.core.library_model import (
    Decision,
    Dose,
    Exercise,
    Group,
    HipFlexion,
    Library,
    NordicWeek,
    PlannedExercise,
    Programme,
    ProgrammeItem,
    SessionPlan,
)
from hamstring_app.core.library_toml import LibraryError, _build, _parse, _Table
from hamstring_app.core.models import ValidationError
from hamstring_app.core.planning import easier_version, is_nordic, plan_session, swap_choices

__all__ = [
    "Decision",
    "Dose",
    "Exercise",
    "Group",
    "HipFlexion",
    "Library",
    "LibraryError",
    "NordicWeek",
    "PlannedExercise",
    "Programme",
    "ProgrammeItem",
    "SessionPlan",
    "easier_version",
    "is_nordic",
    "load_library",
    "load_library_from",
    "plan_session",
    "swap_choices",
]

EXERCISES_FILE = "exercises.toml"
PROGRAMMES_FILE = "programmes.toml"


# --------------------------------------------------------------------------- reading


def _read_dose(raw: object, file: str, entry: str) -> Dose:
    t = _Table(raw, file, entry, prefix="dose ")
    phase = t.integer("phase")
    where = f"dose for phase {phase} "
    t.prefix = where
    fields = {
        "sets": t.integer("sets"),
        "reps": t.integer("reps", required=False),
        "reps_max": t.integer("reps_max", required=False),
        "hold_s": t.integer("hold_s", required=False),
        "per_side": t.flag("per_side"),
        "tempo_down_s": t.integer("tempo_down_s", required=False),
        "tempo_up_s": t.integer("tempo_up_s", required=False),
        "rest_s": t.integer("rest_s"),
        "load": t.text("load", required=False),
        "reps_by_set": t.integers("reps_by_set"),
    }
    t.done()
    try:
        return Dose(phase=phase, **fields)  # type: ignore[arg-type]
    except ValidationError as exc:
        message = exc.message if exc.message.startswith("has ") else f"{exc.field} {exc.message}"
        raise LibraryError(file, entry, where + message) from None


def _enum(t: _Table, key: str, enum: type[Group] | type[HipFlexion]) -> Group | HipFlexion:
    value = t.text(key)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise t.fail(f"'{key}' must be one of {allowed}, not {value!r}") from None


def _read_exercise(raw: object, file: str, index: int) -> Exercise:
    entry = f"exercise {index + 1}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        entry = f"exercise '{raw['id']}'"
    t = _Table(raw, file, entry)
    exercise_id = t.text("id")
    doses = tuple(_read_dose(d, file, entry) for d in t.tables("dose"))
    kwargs = {
        "id": exercise_id,
        "name": t.text("name"),
        "group": _enum(t, "group", Group),
        "summary": t.text("summary"),
        "steps": t.texts("steps"),
        "cues": t.texts("cues"),
        "equipment": t.texts("equipment", required=False),
        "avoid_while_irritable": t.texts("avoid_while_irritable", required=False),
        "hip_flexion": _enum(t, "hip_flexion", HipFlexion),
        "illustration": t.text("illustration"),
        "harder": t.optional_text("harder"),
        "easier": t.optional_text("easier"),
        "doses": doses,
    }
    t.done()
    return _build(t, "", lambda: Exercise(**kwargs))  # type: ignore[arg-type,return-value]


def _read_programme(raw: object, file: str, index: int) -> Programme:
    entry = f"programme {index + 1}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        entry = f"programme '{raw['id']}'"
    t = _Table(raw, file, entry)
    items = []
    for n, item_raw in enumerate(t.tables("item"), start=1):
        it = _Table(item_raw, file, f"{entry} item {n}")
        items.append(
            ProgrammeItem(
                exercise_id=it.text("exercise"),
                nordic_table=it.flag("nordic_table"),
                note=it.text("note", required=False),
            )
        )
        it.done()
    kwargs = {
        "id": t.text("id"),
        "phase": t.integer("phase"),
        "name": t.text("name"),
        "summary": t.text("summary"),
        "sessions_per_week": t.integers("sessions_per_week"),
        "minutes": t.integers("minutes"),
        "items": tuple(items),
    }
    t.done()
    return _build(t, "", lambda: Programme(**kwargs))  # type: ignore[arg-type,return-value]


def _read_nordic_week(raw: object, file: str, index: int) -> NordicWeek:
    t = _Table(raw, file, f"nordic_week {index + 1}")
    kwargs = {
        "first_week": t.integer("first_week"),
        "last_week": t.integer("last_week", required=False),
        "sessions_per_week": t.integer("sessions_per_week"),
        "sets": t.integer("sets"),
        "reps": t.integer("reps"),
        "reps_max": t.integer("reps_max", required=False),
        "reps_by_set": t.integers("reps_by_set"),
        "note": t.text("note", required=False),
    }
    t.done()
    return _build(t, "", lambda: NordicWeek(**kwargs))  # type: ignore[arg-type,return-value]



def _shipped_illustration(name: str) -> bool:
    return resource(ILLUSTRATION_DIR, name).is_file()


def load_library_from(
    exercises_text: str,
    programmes_text: str,
    *,
    source_names: tuple[str, str] = (EXERCISES_FILE, PROGRAMMES_FILE),
    illustration_exists: Callable[[str], bool] = _shipped_illustration,
) -> Library:
    """Build and check a library from TOML text; errors name ``source_names``."""
    ex_file, prog_file = source_names
    ex_data = _parse(exercises_text, ex_file)
    top = _Table(ex_data, ex_file, "")
    exercises: dict[str, Exercise] = {}
    for index, raw in enumerate(top.tables("exercise")):
        ex = _read_exercise(raw, ex_file, index)
        if ex.id in exercises:
            raise LibraryError(ex_file, f"exercise '{ex.id}'", "this id is used twice")
        exercises[ex.id] = ex
    top.done()
    _check_exercises(exercises, ex_file, illustration_exists)

    prog_data = _parse(programmes_text, prog_file)
    ptop = _Table(prog_data, prog_file, "")
    programmes = tuple(
        _read_programme(raw, prog_file, i) for i, raw in enumerate(ptop.tables("programme"))
    )
    nordic_raw = ptop.data.get("nordic_week", [])
    ptop.used.add("nordic_week")
    if not isinstance(nordic_raw, list):
        raise LibraryError(prog_file, "", "'nordic_week' must be a list of tables")
    nordic = tuple(_read_nordic_week(raw, prog_file, i) for i, raw in enumerate(nordic_raw))
    ptop.done()
    _check_programmes(programmes, nordic, exercises, prog_file, ex_file)
    return Library(exercises=exercises, programmes=programmes, nordic_table=nordic)


def load_library() -> Library:
    """The shipped library. Raises :class:`LibraryError` if a resource file is wrong."""
    texts = []
    for name in (EXERCISES_FILE, PROGRAMMES_FILE):
        try:
            texts.append(resource(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(name, "", f"cannot be read ({exc})") from None
    return load_library_from(*texts)


@lru_cache(maxsize=1)
def exercise_names() -> Mapping[str, str]:
    """Exercise id -> the name the runner knows it by, from the shipped library.

    Empty when the library cannot be read: callers then show tidied ids, and the
    session screen reports the library's own error where it matters."""
    try:
        library = load_library()
    except LibraryError as exc:
        logging.getLogger(__name__).warning("Exercise names unavailable: %s", exc)
        return {}
    return {exercise.id: exercise.name for exercise in library.exercises.values()}
