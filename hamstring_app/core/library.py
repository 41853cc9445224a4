"""The exercise library and phase programmes: loading and validation.

``resources/exercises.toml`` and ``resources/programmes.toml`` are read with tomllib and
checked thoroughly on load. Any problem raises :class:`LibraryError` naming the file and
the entry, e.g. ``exercises.toml, exercise 'nordic_curl': dose for phase 3 has reps and
hold_s; give one``. The types live in :mod:`core.library_model`; turning a programme into
today's session is :mod:`core.planning`'s work (``plan_session``, ``plan_today``).
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Mapping
from functools import lru_cache

from hamstring_app.assets import resource
from hamstring_app.core.library_model import (
    PHASES,
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
ILLUSTRATION_DIR = "illustrations"


class LibraryError(ValueError):
    """A shipped resource file is wrong. The message names the file and the entry."""

    def __init__(self, file: str, entry: str, message: str) -> None:
        where = f"{file}, {entry}" if entry else file
        super().__init__(f"{where}: {message}")
        self.file = file
        self.entry = entry
        self.message = message


# --------------------------------------------------------------------------- reading


class _Table:
    """Reads one TOML table, checking types, and reports unknown keys at the end."""

    def __init__(self, data: object, file: str, entry: str, prefix: str = "") -> None:
        if not isinstance(data, dict):
            raise LibraryError(file, entry, f"{prefix}must be a table of keys and values")
        self.data = data
        self.file = file
        self.entry = entry
        self.prefix = prefix  # e.g. "dose for phase 3 "
        self.used: set[str] = set()

    def fail(self, message: str) -> LibraryError:
        return LibraryError(self.file, self.entry, self.prefix + message)

    def _get(self, key: str, required: bool) -> object:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.fail(f"'{key}' is missing")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"'{key}' must be non-empty text, not {value!r}")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be non-empty text, not {value!r}")
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"'{key}' must be a whole number, not {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(f"'{key}' must be true or false, not {value!r}")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{key}' must be a list of texts")
        return tuple(value)

    def integers(self, key: str) -> tuple[int, ...]:
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(f"'{key}' must be a list of whole numbers")
        return tuple(value)

    def tables(self, key: str) -> list[object]:
        value = self._get(key, True)
        if not isinstance(value, list) or not value:
            raise self.fail(f"'{key}' must be a non-empty list of tables")
        return value

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(f"unknown key {', '.join(repr(k) for k in unknown)}")


def _parse(text: str, file: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LibraryError(file, "", f"is not valid TOML ({exc})") from None


def _build(table: _Table, what: str, factory: Callable[[], object]) -> object:
    try:
        return factory()
    except ValidationError as exc:
        raise table.fail(f"{what}{exc.field} {exc.message}".strip()) from None


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


# --------------------------------------------------------------------------- checking


def _check_exercises(
    exercises: Mapping[str, Exercise], file: str, illustration_exists: Callable[[str], bool]
) -> None:
    for ex in exercises.values():
        entry = f"exercise '{ex.id}'"
        for direction in ("harder", "easier"):
            target = getattr(ex, direction)
            if target is not None and target not in exercises:
                raise LibraryError(file, entry, f"{direction} variant '{target}' is not in {file}")
        if not illustration_exists(ex.illustration):
            raise LibraryError(
                file, entry, f"illustration '{ex.illustration}' is not in {ILLUSTRATION_DIR}/"
            )
    for ex in exercises.values():
        for direction in ("harder", "easier"):
            seen = [ex.id]
            current = getattr(ex, direction)
            while current is not None:
                if current in seen:
                    loop = " -> ".join([*seen[seen.index(current):], current])
                    raise LibraryError(
                        file, f"exercise '{ex.id}'",
                        f"{direction} variants go round in a circle ({loop}); a chain must end",
                    )
                seen.append(current)
                current = getattr(exercises[current], direction)


def _check_programmes(
    programmes: tuple[Programme, ...], nordic: tuple[NordicWeek, ...],
    exercises: Mapping[str, Exercise], file: str, exercises_file: str,
) -> None:
    seen_ids: set[str] = set()
    for programme in programmes:
        entry = f"programme '{programme.id}'"
        if programme.id in seen_ids:
            raise LibraryError(file, entry, "this id is used twice")
        seen_ids.add(programme.id)
        for item in programme.items:
            ex = exercises.get(item.exercise_id)
            if ex is None:
                raise LibraryError(
                    file, entry, f"exercise '{item.exercise_id}' is not in {exercises_file}"
                )
            if ex.dose_for(programme.phase) is None:
                raise LibraryError(
                    file, entry,
                    f"exercise '{ex.id}' has no dose for phase {programme.phase} "
                    f"in {exercises_file}",
                )
            if item.nordic_table and not nordic:
                raise LibraryError(file, entry, "uses the Nordic table but there is none")
    phases = sorted(p.phase for p in programmes)
    if phases != list(PHASES):
        raise LibraryError(
            file, "", f"needs exactly one programme for each phase 1-4, not {phases}"
        )
    expected = 1
    for n, row in enumerate(nordic, start=1):
        entry = f"nordic_week {n}"
        if row.first_week != expected:
            raise LibraryError(file, entry, f"should start at week {expected}")
        if row.last_week is None:
            if n != len(nordic):
                raise LibraryError(file, entry, "only the last row may be open-ended")
            break
        expected = row.last_week + 1
    if nordic and nordic[-1].last_week is not None:
        raise LibraryError(file, f"nordic_week {len(nordic)}", "the last row needs no last_week")


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
