"""The library's checks across entries: every variant and illustration named exists, no
chain of variants goes round in a circle, one programme for each phase, and a Nordic table
whose rows follow on from each other."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hamstring_app.core.library_model import PHASES, Exercise, NordicWeek, Programme
from hamstring_app.core.library_toml import LibraryError

ILLUSTRATION_DIR = "illustrations"


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
