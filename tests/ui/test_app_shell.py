"""The application shell: launch, lock, first run, menus, geometry, error reporting."""

from __future__ import annotations

import logging
import stat
from datetime import date

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from hamstring_app.core.models import PainSite, Profile, Run, Side, Units
from hamstring_app.ui.app import LaunchRefused, first_run, window_settings
from hamstring_app.ui.dates import to_qdate
from hamstring_app.ui.main_window import MainWindow
from hamstring_app.ui.profile_dialog import ProfileDialog


def test_data_folder_and_database_are_private(session_factory, tmp_path):
    session = session_factory()
    root = session.ctx.paths.root
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(session.ctx.paths.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(session.ctx.paths.log_file.stat().st_mode) == 0o600


def test_second_instance_on_same_folder_is_refused(session_factory, tmp_path):
    session_factory(tmp_path / "shared")
    with pytest.raises(LaunchRefused, match="already open"):
        session_factory(tmp_path / "shared")


def test_lock_is_released_on_close(session_factory, tmp_path):
    first = session_factory(tmp_path / "again")
    first.close()
    second = session_factory(tmp_path / "again")
    assert second.lock is not None and second.lock.isLocked()


def test_garbage_database_is_refused_with_a_message_and_kept(session_factory, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    db = folder / "hamstring-coach.sqlite3"
    db.write_bytes(b"this is a shopping list, not a database\n" * 20)
    before = db.read_bytes()
    with pytest.raises(LaunchRefused) as refused:
        session_factory(folder)
    assert str(db) in str(refused.value) or "hamstring-coach.sqlite3" in str(refused.value)
    assert db.read_bytes() == before


def _fill_profile(dialog: ProfileDialog) -> None:
    dialog.start_edit.setDate(to_qdate(date(2026, 2, 20)))
    dialog.side_combo.setCurrentIndex(dialog.side_combo.findData(Side.RIGHT))
    dialog.site_high.setChecked(True)
    dialog.long_check.setChecked(True)
    dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.MILES))
    dialog.weekly_edit.setText("20")
    dialog.cadence_edit.setText("166")


def when_dialog_open(act, attempts: int = 50) -> None:
    """Run ``act(dialog)`` once a ProfileDialog is on screen; close it if ``act`` fails."""

    def poll(left: int) -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ProfileDialog) and w.isVisible()
        ]
        if not dialogs:
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            return
        try:
            act(dialogs[0])
        finally:
            if dialogs[0].isVisible():
                dialogs[0].done(0)  # reject() would ask "Leave without starting?" first

    QTimer.singleShot(0, lambda: poll(attempts))


def test_first_run_welcome_stores_the_profile(session_factory, qtbot):
    session = session_factory()
    assert session.ctx.repo.get_profile() is None

    def answer(dialog):
        disclaimer = dialog.findChild(QLabel, "disclaimer")
        assert "not medical advice" in disclaimer.text()
        _fill_profile(dialog)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_open(answer)
    assert first_run(session) is True
    profile = session.ctx.repo.get_profile()
    assert profile == Profile(
        injury_start=date(2026, 2, 20),
        side=Side.RIGHT,
        pain_site=PainSite.HIGH_NEAR_SIT_BONE,
        long_standing=True,
        usual_weekly_km=32.2,
        usual_cadence_spm=166,
        units=Units.MILES,
    )
    # a second start does not ask again
    assert first_run(session) is True


def test_first_run_cancelled_saves_nothing(session_factory):
    session = session_factory()
    def leave(dialog):
        dialog.reject()
        leave_button = [b for b in dialog.leave_box.buttons() if "Leave" in b.text()]
        leave_button[0].click()

    when_dialog_open(leave)
    assert first_run(session) is False
    assert session.ctx.repo.get_profile() is None


def test_profile_dialog_refuses_a_future_start_and_says_why(qtbot, clock):
    dialog = ProfileDialog(clock.today(), None)
    qtbot.addWidget(dialog)
    dialog.start_edit.setMaximumDate(to_qdate(date(2030, 1, 1)))
    dialog.start_edit.setDate(to_qdate(date(2027, 1, 1)))
    dialog.accept()
    assert dialog.profile() is None
    assert dialog.errors.labels["injury_start"].isVisibleTo(dialog)
    assert "future" in dialog.errors.message("injury_start")


def test_profile_dialog_round_trips_a_profile(qtbot, clock):
    original = Profile(
        injury_start=date(2026, 1, 5),
        side=Side.BOTH,
        pain_site=PainSite.MID_THIGH,
        long_standing=False,
        usual_weekly_km=45.0,
        usual_cadence_spm=None,
        units=Units.KM,
    )
    dialog = ProfileDialog(clock.today(), original)
    qtbot.addWidget(dialog)
    assert dialog.build_profile() == original


def test_menus_have_the_expected_actions(session_factory):
    window = session_factory().window
    file_actions = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    help_actions = [a.text().replace("&", "") for a in window.help_menu.actions() if a.text()]
    assert "Profile..." in file_actions and "Quit" in file_actions
    assert "Disclaimer" in help_actions and any(t.startswith("About") for t in help_actions)


def test_window_geometry_is_remembered_inside_the_data_folder(session_factory, qtbot, home):
    session = session_factory()
    window = session.window
    # the offscreen screen is 800 px wide: a size that fits it, above the window's minimum
    window.resize(window.minimumWidth() + 4, 666)
    window.save_geometry()
    ini = session.ctx.paths.root / "window.ini"
    assert ini.exists()
    again = MainWindow(session.ctx, window_settings(session.ctx.paths), [])
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (window.minimumWidth() + 4, 666)
    assert not (home / ".config").exists()


def test_unexpected_error_is_logged_and_explained(session_factory, monkeypatch, caplog):
    monkeypatch.setenv("HAMSTRING_COACH_ERROR_DIALOGS", "1")  # the dialog, patched below
    session = session_factory()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="hamstring_app"):
            session.reporter.handle(type(exc), exc, exc.__traceback__)
    assert "boom in a slot" in caplog.text and "Traceback" in caplog.text
    assert len(shown) == 1
    assert "already saved is safe" in shown[0]
    assert "Traceback" not in shown[0]
    assert str(session.ctx.paths.log_file) in shown[0]


def test_demo_uses_a_throwaway_folder(session_factory, tmp_path, home):
    session = session_factory(demo=True)
    root = session.ctx.paths.root
    assert tmp_path / "data" != root
    assert len(session.ctx.repo.list_checkins()) > 50
    session.close()
    assert not root.exists()
    assert not (tmp_path / "data").exists()


def test_qsettings_reads_pass_a_type(session_factory):
    # geometry, state and tab index are the only keys; reading them back must not fail
    session = session_factory()
    settings: QSettings = window_settings(session.ctx.paths)
    session.window.save_geometry()
    assert settings.value("window/tab", -1, type=int) >= 0


def _lock_is_free(folder) -> bool:
    from PySide6.QtCore import QLockFile

    probe = QLockFile(str(folder / "hamstring-coach.lock"))
    free = probe.tryLock(0)
    if free:
        probe.unlock()
    return free


def test_a_data_folder_that_cannot_be_made_is_refused_in_plain_words(
    session_factory, tmp_path, monkeypatch
):
    import errno

    from hamstring_app import paths as paths_module

    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(paths_module.Path, "mkdir", read_only)
    with pytest.raises(LaunchRefused) as refused:
        session_factory(tmp_path / "new-folder")
    text = str(refused.value)
    assert "cannot be written to (it is read-only)" in text and "--data-dir" in text
    assert "Traceback" not in text and "Errno" not in text


def test_a_log_file_that_cannot_be_written_is_refused_in_plain_words(
    session_factory, tmp_path, monkeypatch
):
    import errno

    import hamstring_app.ui.app as app_module

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app_module, "setup_logging", full)
    with pytest.raises(LaunchRefused, match=r"\(the disk is full\)"):
        session_factory(tmp_path / "full")


def test_a_full_disk_at_open_refuses_and_releases_the_lock(
    session_factory, tmp_path, monkeypatch
):
    import sqlite3

    import hamstring_app.ui.app as app_module
    from hamstring_app.store.errors import StorageUnavailable

    folder = tmp_path / "full-disk"
    session_factory(folder).close()

    def full(*args, **kwargs):
        raise StorageUnavailable(folder, "the disk is full") from sqlite3.OperationalError(
            "database or disk is full"
        )

    monkeypatch.setattr(app_module, "open_repository", full)
    with pytest.raises(LaunchRefused, match="Nothing was changed"):
        session_factory(folder)
    assert _lock_is_free(folder)


def test_a_failure_after_the_database_opened_releases_everything(
    session_factory, tmp_path, monkeypatch
):
    import hamstring_app.ui.app as app_module

    folder = tmp_path / "late-failure"
    opened = []
    real_open = app_module.open_repository

    def remember(*args, **kwargs):
        repo = real_open(*args, **kwargs)
        opened.append(repo)
        return repo

    def broken_window(*args, **kwargs):
        raise RuntimeError("window could not be built")

    monkeypatch.setattr(app_module, "open_repository", remember)
    monkeypatch.setattr(app_module, "MainWindow", broken_window)
    with pytest.raises(RuntimeError):
        session_factory(folder)
    assert _lock_is_free(folder)
    assert opened and opened[0].database._closed
    monkeypatch.undo()
    session_factory(folder)  # and the next start works


@pytest.fixture
def loose_umask():
    """Start from the common 022 umask and put back whatever the process had."""
    import os

    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_every_file_in_the_data_folder_is_private(session_factory, tmp_path, loose_umask):
    import os

    session = session_factory(tmp_path / "private")
    root = session.ctx.paths.root
    session.ctx.repo.add_run(Run(day=date(2026, 3, 18), distance_km=5.0))
    session.window.save_geometry()
    session.close()
    files = [p for p in root.rglob("*") if p.is_file()]
    assert root / "window.ini" in files and root / "hamstring-coach.log" in files
    assert {p: stat.S_IMODE(p.stat().st_mode) for p in files} == {p: 0o600 for p in files}
    assert os.umask(0o022) == 0o077  # launch set it for the whole process


def test_rotated_log_files_are_private(tmp_path, loose_umask):
    from hamstring_app.logs import setup_logging, teardown_logging

    log_file = tmp_path / "hamstring-coach.log"
    handler = setup_logging(log_file)
    try:
        logging.getLogger("hamstring_app.test").info("before rotating")
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("hamstring_app.test").info("after rotating")
    finally:
        teardown_logging(handler)
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == ["hamstring-coach.log", "hamstring-coach.log.1"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


def test_a_first_start_welcomes_before_the_data_file_is_made(qapp, tmp_path, monkeypatch):
    """The Welcome dialog comes first on a first start; cancelling it leaves no data file."""
    from hamstring_app.paths import DB_NAME
    from hamstring_app.ui import app as app_module

    data_dir = tmp_path / "new-data"
    seen = []

    def cancel(today):
        seen.append((data_dir / DB_NAME).exists())
        return None

    monkeypatch.setattr(app_module, "ask_profile", cancel)
    assert app_module.is_first_start(data_dir)
    assert app_module.run_gui(data_dir=str(data_dir)) == 0
    assert seen == [False]  # asked before anything was created
    assert not (data_dir / DB_NAME).exists()


def test_a_first_start_locks_the_folder_before_the_welcome(qapp, tmp_path, monkeypatch):
    """Two copies started at once on a new folder: the second is told at once that the
    first is open, instead of welcoming the runner and losing the profile they type."""
    from PySide6.QtNetwork import QLocalSocket

    from hamstring_app.paths import DB_NAME
    from hamstring_app.ui import app as app_module
    from hamstring_app.ui.single_instance import server_name

    data_dir = tmp_path / "new-data"
    refused: list[str] = []
    second: list[object] = []
    asked: list[bool] = []
    monkeypatch.setattr(app_module, "_refuse", lambda message: refused.append(message) or 1)

    def ask_first_copy(root):
        # The second copy asks the first to show its Welcome dialog. Here both are one
        # process, and the first cannot answer while this call holds its event loop: the
        # real request would wait out its answer time (test_single_instance.py has a
        # first copy that answers). What is asked here is that the first copy listens.
        socket = QLocalSocket()
        socket.connectToServer(server_name(root))
        asked.append(socket.waitForConnected(1000))  # at once when it listens
        socket.abort()
        return False  # no answer: the second copy says the folder is open

    monkeypatch.setattr(app_module, "show_running_copy", ask_first_copy)

    def second_copy_asked(today):
        second.append("asked")  # the profile typed here would be lost
        return None

    def first_copy_welcome(today):
        # the first copy is still on its Welcome dialog when the second one starts
        monkeypatch.setattr(app_module, "ask_profile", second_copy_asked)
        assert app_module.is_first_start(data_dir)
        second.append(app_module.run_gui(data_dir=str(data_dir)))
        return None  # then the first copy's runner cancels

    monkeypatch.setattr(app_module, "ask_profile", first_copy_welcome)
    assert app_module.run_gui(data_dir=str(data_dir)) == 0
    assert second == [1]  # refused, never asked for a profile it would lose
    assert asked == [True]  # the first copy, on its Welcome dialog, was listening
    assert len(refused) == 1 and "already open" in refused[0]
    assert not (data_dir / DB_NAME).exists()
    # the first copy let go of the folder when it stopped: a later start is welcomed
    monkeypatch.setattr(app_module, "ask_profile", lambda today: second.append("later"))
    assert app_module.run_gui(data_dir=str(data_dir)) == 0
    assert second == [1, "later"]


def test_a_profile_given_on_the_welcome_is_saved_without_asking_again(
    session_factory, monkeypatch
):
    from hamstring_app.ui import app as app_module

    session = session_factory()
    assert not app_module.is_first_start(session.ctx.paths.root)  # the file exists now
    monkeypatch.setattr(app_module, "ask_profile", lambda today: pytest.fail("asked again"))
    given = Profile(injury_start=date(2026, 2, 20), side=Side.RIGHT)
    assert first_run(session, given) is True
    assert session.ctx.repo.get_profile() == given


def test_preparing_writes_loads_sqlalchemy_and_survives_a_closed_repository(session_factory):
    import sys

    session = session_factory()
    repo = session.ctx.repo
    repo.prepare_writes()
    assert "sqlalchemy" in sys.modules
    session.close()
    repo.prepare_writes()  # closed meanwhile: nothing to prepare, no error
