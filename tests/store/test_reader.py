"""The lean read path: every column of tables.py is read, every value comes back as the
type its dataclass field declares, and reading needs no SQLAlchemy."""

from __future__ import annotations

import gc
import subprocess
import sys
import typing
from dataclasses import fields, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType

import pytest
from store_samples import TODAY

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, Profile, Run, SetLog, StrengthSession
from hamstring_app.store import reader, tables
from hamstring_app.store.repository import Repository, open_repository


@pytest.mark.parametrize(
    ("table", "read", "not_read"),
    [
        (tables.checkin, reader.CHECKIN_COLUMNS, set()),
        (tables.run, reader.RUN_COLUMNS, set()),
        (tables.strength_session, reader.SESSION_COLUMNS, set()),
        (tables.set_log, ("session_id", *reader.SET_COLUMNS), {"id"}),  # order is by id
        (tables.profile, reader.PROFILE_COLUMNS, {"id"}),  # always 1
    ],
)
def test_the_reader_reads_every_column_of_its_table(
    table: typing.Any, read: tuple[str, ...], not_read: set[str]
) -> None:
    """A column added to tables.py needs its dataclass field (of the same name)."""
    columns = {c.name for c in table.columns}
    assert set(read) <= columns, f"read but not in {table.name}: {set(read) - columns}"
    assert columns - set(read) == not_read, f"{table.name} columns never read"


def _allowed(hint: typing.Any) -> tuple[type, ...]:
    if typing.get_origin(hint) in (typing.Union, UnionType):
        return tuple(a for a in typing.get_args(hint))
    if typing.get_origin(hint) is tuple:
        return (tuple,)
    return (hint,)


def _assert_typed(record: object) -> None:
    hints = typing.get_type_hints(type(record))
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        allowed = _allowed(hints[f.name])
        if value is None:
            assert NoneType in allowed, f"{type(record).__name__}.{f.name} is None"
            continue
        if isinstance(value, bool):  # bool is an int: only a bool field may hold one
            assert bool in allowed, f"{type(record).__name__}.{f.name} = {value!r}"
        elif datetime in allowed:
            assert isinstance(value, datetime)
        elif date in allowed:
            assert type(value) is date
        elif float in allowed:
            assert isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            assert isinstance(value, allowed), f"{type(record).__name__}.{f.name} = {value!r}"
        if isinstance(value, Enum):
            assert type(value) in allowed


def test_a_loaded_history_equals_the_imported_one_with_every_type_exact(
    repo: Repository,
) -> None:
    history = build_demo_history(TODAY, years=1)
    repo.import_history(history)
    loaded = repo.load_history()
    assert loaded.profile == history.profile
    assert loaded.checkins == history.checkins
    assert [replace(r, id=None) for r in loaded.runs] == list(history.runs)
    assert [(s.day, s.sets, s.phase, s.started_at) for s in loaded.strength_sessions] == [
        (s.day, s.sets, s.phase, s.started_at) for s in history.strength_sessions
    ]
    samples: list[object] = [loaded.profile, *loaded.checkins[:50], *loaded.runs[:50]]
    for session in loaded.strength_sessions[:20]:
        samples += [session, *session.sets]
    kinds = {type(s) for s in samples}
    assert kinds == {Profile, CheckIn, Run, StrengthSession, SetLog}
    for record in samples:
        _assert_typed(record)


def test_loading_pauses_the_cyclic_collector_and_restores_it(repo: Repository) -> None:
    repo.import_history(build_demo_history(TODAY, years=1))
    seen: list[bool] = []
    original = reader.checkins

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    assert gc.isenabled()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "checkins", spy)
        repo.load_history()
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:  # a caller who turned it off keeps it off
        repo.load_history()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_current_file_never_imports_sqlalchemy(tmp_path: Path) -> None:
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="1.0")
    repo.import_history(build_demo_history(TODAY, years=1))
    repo.close()
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from hamstring_app.store.repository import open_repository\n"
        f"repo = open_repository({str(tmp_path)!r}, today=date.today, app_version='2.0')\n"
        "h = repo.load_history()\n"
        "repo.get_settings(); repo.meta(); repo.unfinished_strength_session()\n"
        "repo.list_strength_sessions(h.checkins[-7].day)\n"
        "repo.close()\n"
        "ro = open_repository("
        f"{str(tmp_path)!r}, today=date.today, app_version='2.0', read_only=True)\n"
        "assert ro.load_history() == h\n"
        "ro.close()\n"
        "print(len(h.checkins), sorted({m.split('.')[0] for m in sys.modules}"
        " & {'sqlalchemy', 'alembic'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    count, loaded = result.stdout.strip().split(" ", 1)
    assert int(count) > 300
    assert loaded == "[]"
