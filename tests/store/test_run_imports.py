"""Imported runs: the new fields round-trip, one transaction, no file saved twice."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from store_samples import TODAY, TZ

from hamstring_app.core.models import Run, RunSource, ValidationError
from hamstring_app.paths import DB_NAME
from hamstring_app.store.errors import Conflict, NotFound
from hamstring_app.store.repository import Repository

START = datetime(2026, 3, 14, 7, 5, tzinfo=TZ)


def imported(digest: str = "a" * 64, **kw) -> Run:
    base = dict(
        day=START.date(), distance_km=10.2, duration_min=51.0, cadence_spm=168, descent_m=42.0,
        source=RunSource.FILE, started_at=START, avg_hr_bpm=141, source_file="123.fit.gz",
        content_hash=digest, details="Cadence doubled.",
    )
    base.update(kw)
    return Run(**base)


def test_new_fields_round_trip(repo: Repository) -> None:
    (run,) = repo.import_runs([imported(needs_review=True)], [])
    (back,) = repo.runs_on(START.date())
    assert back == run
    assert back.started_at == START and back.started_at.utcoffset() == timedelta(hours=1)
    assert repo.runs_needing_review() == (back,)
    repo.update_run(replace(back, needs_review=False, pain=2, rpe=5))
    assert repo.runs_needing_review() == ()


def test_merge_and_add_in_one_transaction(repo: Repository) -> None:
    typed = repo.add_run(Run(day=START.date(), distance_km=10.0, rpe=6, pain=3, note="mine"))
    merge = replace(typed, distance_km=10.2, content_hash="m" * 64, source=RunSource.FILE)
    written = repo.import_runs([imported()], [merge])
    assert {r.content_hash for r in written} == {"a" * 64, "m" * 64}
    assert len(repo.runs_on(START.date())) == 2


def test_a_failure_writes_nothing(repo: Repository) -> None:
    typed = repo.add_run(Run(day=START.date(), distance_km=10.0))
    gone = replace(typed, id=999, content_hash="m" * 64)
    with pytest.raises(NotFound):
        repo.import_runs([imported()], [replace(typed, distance_km=11.0), gone])
    assert repo.runs_on(START.date()) == (typed,)


def test_the_same_file_is_never_saved_twice(repo: Repository) -> None:
    repo.import_runs([imported()], [])
    with pytest.raises(Conflict):
        repo.import_runs([imported(), imported("b" * 64)], [])
    assert len(repo.list_runs()) == 1
    with pytest.raises(ValidationError):
        repo.import_runs([imported("c" * 64), imported("c" * 64)], [])


def test_future_runs_refused(repo: Repository) -> None:
    with pytest.raises(ValidationError):
        repo.import_runs([imported(day=TODAY + timedelta(days=1))], [])
    assert repo.list_runs() == ()


def test_runs_to_match_includes_hashed_runs_outside_the_window(repo: Repository) -> None:
    old = imported("o" * 64, day=START.date() - timedelta(days=300), started_at=None)
    repo.import_runs([old, imported()], [])
    repo.add_run(Run(day=START.date() - timedelta(days=200), distance_km=5.0))
    found = repo.runs_to_match(START.date() - timedelta(days=2), START.date())
    assert {r.content_hash for r in found} == {"o" * 64, "a" * 64}


def test_schema_refuses_bad_new_values(repo: Repository, data_dir) -> None:
    repo.import_runs([imported()], [])
    conn = sqlite3.connect(data_dir / DB_NAME)
    for column, value in [("avg_hr_bpm", 300), ("needs_review", 2), ("started_at", "soon"),
                          ("details", "x" * 2001)]:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(f"UPDATE run SET {column} = ?", (value,))
    conn.close()


def test_watched_folder_files_are_remembered_per_folder(repo: Repository, data_dir) -> None:
    from hamstring_app.core.settings import Settings
    from hamstring_app.store.run_imports import WATCHED_KEY

    assert repo.watched_files("/home/r/watch") == {}
    repo.remember_watched_files("/home/r/watch", {"a.fit": (120, 7), "2026/b.fit": (9, 8)})
    assert repo.watched_files("/home/r/watch") == {"a.fit": (120, 7), "2026/b.fit": (9, 8)}
    assert repo.watched_files("/home/r/other") == {}  # another folder starts afresh
    repo.remember_watched_files("/home/r/watch", {"c.gpx": (1, 2)})  # replaces the list
    assert repo.watched_files("/home/r/watch") == {"c.gpx": (1, 2)}
    assert repo.get_settings() == Settings()  # not a setting the runner sees
    repo.save_settings(replace(Settings(), watch_folder="/home/r/watch"))
    assert repo.watched_files("/home/r/watch") == {"c.gpx": (1, 2)}  # saving settings keeps it
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute("UPDATE setting SET value = '{not json' WHERE key = ?", (WATCHED_KEY,))
    assert repo.watched_files("/home/r/watch") == {}  # unreadable: every file looked at again


def test_an_import_is_undone_and_done_again_exactly(repo: Repository) -> None:
    from hamstring_app.importer.plan import ToWrite
    from hamstring_app.store.importing import import_runs, redo_import, undo_import

    typed = repo.add_run(Run(day=START.date(), distance_km=10.0, rpe=6, pain=2, note="hill"))
    other = repo.add_run(Run(day=START.date() - timedelta(days=3), distance_km=4.0))
    merge = replace(typed, distance_km=10.2, cadence_spm=170, source=RunSource.FILE,
                    content_hash="m" * 64)
    new = (imported("a" * 64, day=START.date() - timedelta(days=1)),
           imported("b" * 64, day=START.date() - timedelta(days=2)))
    done = import_runs(repo, ToWrite(new=new, merged=(merge,), skipped=0)).value
    assert done.merged_before == (typed,) and done.merged_after == (merge,)
    assert [r.content_hash for r in done.added_runs] == ["a" * 64, "b" * 64]
    after_import = repo.list_runs()
    undone = undo_import(repo, done)
    assert {r.id for r in undone.value} == {r.id for r in done.added_runs}
    assert repo.list_runs() == tuple(sorted((typed, other), key=lambda r: (r.day, r.id)))
    assert set(undone.changes.days) == {r.day for r in (*new, typed)}
    redo_import(repo, done)
    assert repo.list_runs() == after_import  # the same ids and values again
    undo_import(repo, done)
    assert repo.get_run(typed.id) == typed and repo.get_run(other.id) == other


def test_a_run_deleted_meanwhile_stops_undo_redo_and_update_and_writes_nothing(
    repo: Repository,
) -> None:
    """Each way of writing over a saved run by its id refuses a missing one by name, and
    the transaction it was part of keeps nothing."""
    typed = repo.add_run(Run(day=START.date(), distance_km=10.0))
    gone = replace(typed, id=999)
    added = imported("a" * 64, day=START.date() - timedelta(days=1), id=500)
    before = repo.list_runs()
    attempts = {
        "to change": lambda: repo.update_run(gone),
        "to merge into": lambda: repo.redo_import([added], [gone]),
        "to put back": lambda: repo.undo_import([typed.id], [gone]),
    }
    for words, attempt in attempts.items():
        with pytest.raises(NotFound, match=f"no saved run with id 999 {words}"):
            attempt()
        assert repo.list_runs() == before, words


def test_undo_of_a_big_import_deletes_in_a_few_statements(repo: Repository) -> None:
    """Thousands of runs taken back with a DELETE for each few hundred, not one each: the
    runs come back in the order asked, one deleted since is passed over, and a merged run
    put back in the same transaction."""
    from sqlalchemy import event

    typed = repo.add_run(Run(day=START.date(), distance_km=10.0, rpe=6))
    merged = replace(typed, distance_km=10.2, content_hash="m" * 64, source=RunSource.FILE)
    new = [imported(f"{n:064x}", day=START.date() - timedelta(days=n + 1)) for n in range(1200)]
    written = repo.import_runs(new, [merged])
    added = [run for run in written if run.id != typed.id]
    assert len(added) == 1200
    repo.delete_run(added[7].id)  # deleted by hand after the import
    asked = [run.id for run in reversed(added)]
    deletes: list[str] = []

    def on_execute(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("DELETE"):
            deletes.append(statement)

    event.listen(repo.database.engine, "before_cursor_execute", on_execute)
    try:
        undone = repo.undo_import(asked, [typed])
    finally:
        event.remove(repo.database.engine, "before_cursor_execute", on_execute)
    assert 1 <= len(deletes) <= 3
    expected = [run for run in reversed(added) if run.id != added[7].id]
    assert list(undone) == expected
    assert repo.list_runs() == (typed,)


def test_a_failed_undo_of_a_big_import_deletes_nothing(repo: Repository) -> None:
    new = [imported(f"{n:064x}", day=START.date() - timedelta(days=n + 1)) for n in range(700)]
    written = repo.import_runs(new, [])
    before = repo.list_runs()
    gone = Run(day=START.date(), distance_km=3.0, id=99_999)
    with pytest.raises(NotFound):
        repo.undo_import([run.id for run in written], [gone])
    assert repo.list_runs() == before
