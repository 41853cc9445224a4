"""The data file removed or replaced while the app is open: coming back to the app warns
once, plainly, and again only after it came back and went again."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from hamstring_app.paths import DB_NAME
from hamstring_app.ui.file_watch import DataFileWatch


def test_coming_back_to_the_app_warns_once(qtbot, session_factory, tmp_path):
    session = session_factory(tmp_path / "data")
    session.window.show()
    watch = session.window.file_watch
    assert isinstance(watch, DataFileWatch)
    shown: list[str] = []
    watch.warn = shown.append
    assert watch.check() and shown == []
    db = session.ctx.paths.database
    moved = tmp_path / "moved.sqlite3"
    db.rename(moved)
    watch._state_changed(Qt.ApplicationState.ApplicationActive)
    watch._state_changed(Qt.ApplicationState.ApplicationActive)
    assert len(shown) == 1
    assert "no longer there" in shown[0] and str(db) in shown[0]
    assert not db.exists()
    moved.rename(db)
    assert watch.check()
    shutil.copy(db, moved)
    db.unlink()
    shutil.copy(moved, db)  # same contents, another file
    assert not watch.check()
    assert len(shown) == 2 and "replaced by another file" in shown[1]
    assert DB_NAME in shown[1]


def test_closing_after_the_folder_went_does_not_make_it_again(qtbot, session_factory, tmp_path):
    session = session_factory(tmp_path / "data")
    session.window.show()
    session.window.file_watch.warn = lambda text: None
    shutil.rmtree(tmp_path / "data")
    session.close()  # saves the window layout as usual: not into a folder made again
    assert not (tmp_path / "data").exists()


def test_a_closed_window_is_not_warned_over(qtbot, session_factory, tmp_path):
    session = session_factory(tmp_path / "data")
    session.window.show()
    watch = session.window.file_watch
    shown: list[str] = []
    watch.warn = shown.append
    session.close()
    shutil.rmtree(tmp_path / "data")
    watch._state_changed(Qt.ApplicationState.ApplicationActive)
    assert shown == []


def test_what_the_app_holds_can_be_saved_and_imported_into_a_new_folder(
    qtbot, session_factory, tmp_path, capsys
):
    from datetime import date

    from hamstring_app.cli import main
    from hamstring_app.core.models import CheckIn, Profile
    from hamstring_app.store import operations as op
    from hamstring_app.store.repository import open_repository

    session = session_factory(tmp_path / "data")
    session.window.show()
    today = session.ctx.clock.today()
    session.ctx.ops.run(op.save_profile, Profile(date(2026, 3, 1)))
    session.ctx.ops.run(op.save_checkin, CheckIn(today, pain_rest=2, note="before it went"))
    session.ctx.history.get()
    shutil.rmtree(tmp_path / "data")
    copy = tmp_path / "rescued.json"
    said = session.window.file_watch.save_copy(copy)
    assert "Wrote 1 check-in," in said and str(copy) in said
    new = tmp_path / "new-data"
    assert main(["import", str(copy), "--data-dir", str(new)]) == 0, capsys.readouterr().err
    repo = open_repository(new, today=lambda: today, app_version="test")
    try:
        assert [c.note for c in repo.list_checkins()] == ["before it went"]
        assert repo.get_profile() == Profile(date(2026, 3, 1))
    finally:
        repo.close()

