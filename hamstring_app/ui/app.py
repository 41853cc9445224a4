"""Composition root: the QApplication, the data folder (locked in ui/launch_lock.py), the
repository, error reporting and the main window; what a running app holds is a
Session (ui/session_state.py), and ``--self-test`` lives in ui/self_test.py."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hamstring_app import APP_ID, APP_NAME, ORG_NAME, __version__
from hamstring_app.core.clock import Clock, SystemClock
from hamstring_app.core.models import Profile
from hamstring_app.logs import setup_logging, teardown_logging
from hamstring_app.paths import (
    DB_NAME,
    DataPaths,
    LinkRefused,
    ensure_private_dir,
    resolve_data_dir,
)
from hamstring_app.store import operations as op
from hamstring_app.store.errors import StoreError
from hamstring_app.store.repository import Repository, open_repository, prepare_writes
from hamstring_app.ui.checkin.reminder import CheckInReminder
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.error_reporter import ErrorReporter
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.file_watch import DataFileWatch
from hamstring_app.ui.launch_lock import (
    WINDOW_SETTINGS_NAME,
    FolderInUse,
    LaunchRefused,
    cannot_write,
    listen_for_second_starts,
    lock_folder,
    lock_new_folder,
    show_front_window,
)
from hamstring_app.ui.main_window import MainWindow, TabFactory
from hamstring_app.ui.menus import COLOURS_KEY
from hamstring_app.ui.palette import apply_colours
from hamstring_app.ui.profile_dialog import ProfileDialog
from hamstring_app.ui.session_state import Session
from hamstring_app.ui.single_instance import show_running_copy
from hamstring_app.ui.theme import icon
from hamstring_app.ui.tray import AppTray

log = logging.getLogger(__name__)

PREPARE_WRITES_DELAY_MS = 300  # after the first tab is filled: it is painted by then


# --------------------------------------------------------------------------- Qt app


_qt_args: list[str] = []  # Qt's own options from the command line (-style fusion ...)


def application() -> QApplication:
    """The one QApplication, created on first use (with Qt's options from the command
    line, which QApplication reads itself)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1] + _qt_args)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("hamstring-coach"))
    from hamstring_app.ui.help_window import register_help_links

    register_help_links()  # hamstring-help: links open the help window
    from hamstring_app.ui.focus_ring import install_focus_ring

    install_focus_ring(app)  # the keyboard focus is always visible
    from hamstring_app.ui.indicators import install_indicator_outline

    install_indicator_outline(app)  # check boxes show their edge on the dark palette
    return app


def window_settings(paths: DataPaths) -> QSettings:
    """QSettings for window geometry only, kept inside the data folder like everything else."""
    settings = QSettings(str(paths.root / WINDOW_SETTINGS_NAME), QSettings.Format.IniFormat)
    return settings


# --------------------------------------------------------------------------- launch


def build_demo(repo: Repository, clock: Clock, years: int | None) -> None:
    from hamstring_app.core.demo import build_demo_history

    history = build_demo_history(clock.today(), years=years)
    repo.import_history(history)


def launch(
    *,
    data_dir: str | os.PathLike[str] | None = None,
    demo: bool = False,
    demo_years: int | None = None,
    clock: Clock | None = None,
    tab_factories: list[TabFactory] | None = None,
    held_lock: QLockFile | None = None,
) -> Session:
    """Open the data folder and build the main window (not yet shown).

    ``held_lock`` is the folder's lock when the caller took it already
    (:func:`lock_new_folder`); launch then owns it and releases it on failure.

    Raises LaunchRefused with a human message when it cannot: another copy is running,
    the folder cannot be written to, or the database cannot be opened safely. On every
    failure the lock, the log file and any demo folder are released.
    """
    app = application()
    clock = clock or SystemClock()
    # Before anything is created: every file the app makes (database, log, window.ini,
    # lock, backups) is readable by the owner only, whatever creates it.
    os.umask(0o077)
    tempdir = None
    if demo:
        tempdir = tempfile.TemporaryDirectory(prefix="hamstring-coach-demo-")
        root = Path(tempdir.name) / "data"
    else:
        root = resolve_data_dir(data_dir)
    cleanup: list[Callable[[], object]] = []
    if tempdir is not None:
        cleanup.append(tempdir.cleanup)
    try:
        try:
            paths = DataPaths(ensure_private_dir(root))
            handler = setup_logging(paths.log_file)
        except LinkRefused as exc:
            raise LaunchRefused(str(exc)) from exc
        except OSError as exc:
            raise cannot_write(root, exc) from exc
        cleanup.append(lambda: teardown_logging(handler))
        log.info("Starting %s %s with data folder %s", APP_NAME, __version__, paths.root)

        lock = held_lock or lock_folder(paths)
        cleanup.append(lock.unlock)
        instance = None if demo else listen_for_second_starts(paths.root)
        if instance is not None:
            cleanup.append(instance.close)
        try:
            repo = open_repository(
                paths.root, today=clock.today, app_version=__version__, now=clock.now
            )
        except StoreError as exc:
            log.error("Could not open the database: %s", exc)
            raise LaunchRefused(str(exc)) from exc
        cleanup.append(repo.close)
        try:  # a profile that cannot be read is not a first run: never welcome over it
            repo.refuse_unreadable_profile()
        except StoreError as exc:
            log.error("Refused to start: %s", exc)
            raise LaunchRefused(str(exc)) from exc
        if demo:
            build_demo(repo, clock, demo_years)

        ctx = AppContext(repo=repo, clock=clock, events=AppEvents(), paths=paths, demo=demo)
        settings = window_settings(paths)
        # the palette before any widget exists: style sheets read it when they are set
        apply_colours(app, str(settings.value(COLOURS_KEY, "system")))
        window = MainWindow(ctx, settings, tab_factories)
        cleanup.append(window.deleteLater)
        reporter = ErrorReporter(paths, window)
        reporter.install()
        cleanup.append(reporter.uninstall)
        # the tray icon (where the desktop has a tray) and the daily check-in reminder,
        # started by run_gui once the window is on screen
        tray = AppTray(ctx, window, settings)
        tray.quit = window.quit_app
        window.tray = tray
        reminder = CheckInReminder(ctx, window.banner.show_message, window, desktop=tray.notify)
        reminder.dismiss = window.banner.hide
        # says so when the data file goes away while the app is open (lives with the window)
        window.file_watch = DataFileWatch(ctx, window)
        if instance is not None:  # a second start shows this window, from the tray too
            instance.on_show = lambda: (window.bring_back(), show_front_window())
    except BaseException:
        for step in reversed(cleanup):
            try:
                step()
            except Exception:  # keep releasing the rest
                log.exception("Cleaning up after a failed start")
        raise
    return Session(
        app, ctx, window, lock, handler, reporter, tempdir, reminder=reminder, instance=instance
    )


def ask_profile(today: date) -> Profile | None:
    """The Welcome dialog: the disclaimer and the profile. None if the runner cancels."""
    dialog = ProfileDialog(today, None, first_run=True)
    if not dialog.exec():
        return None
    return dialog.profile()


def first_run(session: Session, profile: Profile | None = None) -> bool:
    """On first run, welcome the runner and ask for the profile (unless ``profile`` was
    already given on the Welcome dialog). False if they cancel."""
    repo = session.ctx.repo
    if repo.get_profile() is not None:
        return True
    if profile is None:
        profile = ask_profile(session.ctx.clock.today())
        if profile is None:
            return False
    outcome = session.ctx.ops.run(op.save_profile, profile)
    if not outcome.ok:
        QMessageBox.critical(None, APP_NAME, outcome.message)
        return False
    return True


def is_first_start(data_dir: str | os.PathLike[str] | None) -> bool:
    """No data file in the data folder yet: the very first start there."""
    try:
        return not (resolve_data_dir(data_dir) / DB_NAME).exists()
    except OSError:
        return False  # launch() reports the folder's problem in its own words


def prepare_writes_in_background(repo: Repository | None = None) -> None:
    """Import what writing needs (SQLAlchemy) on a worker thread, so the first save does
    not wait for it. It touches no widget; reads never need it."""
    target = repo.prepare_writes if repo is not None else prepare_writes
    threading.Thread(target=target, name="prepare-writes", daemon=True).start()


def _refuse(message: str) -> int:
    application()
    print(message, file=sys.stderr)
    QMessageBox.critical(None, APP_NAME, message)
    return 1


def _refuse_or_show(exc: LaunchRefused) -> int:
    """Another copy has the folder open: bring its window to the front and end here.
    Any other reason, or a copy that does not answer: say why the app cannot open."""
    if isinstance(exc, FolderInUse) and show_running_copy(exc.root):
        log.info("Already open on %s: showed that copy's window", exc.root)
        print(
            QApplication.translate(
                "launch", "Hamstring Coach is already open on this data folder: its window "
                "is now in front."
            ),
            file=sys.stderr,
        )
        return 0
    return _refuse(str(exc))


def unreadable_warning(session: Session) -> str:
    """The dialog text naming saved rows that could not be read ("" when all were read).

    The history is the app's cached one (read for the first tab anyway), so asking costs
    nothing; the rows stay untouched in the file."""
    session.ctx.history.get()
    sentence = session.ctx.repo.unreadable_sentence()
    if not sentence:
        return ""
    return QApplication.translate(
        "launch", "Some of your saved data could not be read.\n\n{sentence}"
    ).format(sentence=sentence)


def _warn_unreadable(session: Session) -> None:
    text = unreadable_warning(session)
    if text:
        log.warning("%s", text)
        QMessageBox.warning(session.window, APP_NAME, text)


def run_gui(
    *,
    data_dir: str | None = None,
    demo: bool = False,
    demo_years: int | None = None,
    qt_args: Sequence[str] = (),
    minimized: bool = False,
) -> int:
    """The desktop app. ``minimized`` (from start at login): only the tray icon where there
    is one, else a minimised window."""
    _qt_args[:] = list(qt_args)
    profile = None
    held_lock = None
    if not demo and is_first_start(data_dir):
        # The very first start: welcome the runner at once. Making the data file and the
        # main window takes longer than drawing the dialog, so they wait for the answer;
        # what they import is loaded meanwhile, while the runner reads and types.
        application()
        try:
            held_lock = lock_new_folder(data_dir)
        except LaunchRefused as exc:
            return _refuse_or_show(exc)
        welcome_server = listen_for_second_starts(resolve_data_dir(data_dir))
        prepare_writes_in_background()
        try:
            profile = ask_profile(SystemClock().today())
        finally:
            welcome_server.close()
            if profile is None:  # cancelled (or failed): let go of the folder
                held_lock.unlock()
        if profile is None:
            return 0
    try:
        session = launch(
            data_dir=data_dir, demo=demo, demo_years=demo_years, held_lock=held_lock
        )
    except LaunchRefused as exc:
        return _refuse_or_show(exc)
    try:
        if not first_run(session, profile):
            return 0
        tray = session.window.tray
        shown = not (minimized and tray is not None and tray.active())
        if shown:
            session.window.show_then_fill(minimized=minimized)
        QTimer.singleShot(0, lambda: _warn_unreadable(session))

        # the writes' imports, off the UI thread, once the first tab is filled (they
        # hold the interpreter most of the time: begun earlier, they slowed the fill)
        def prepare() -> None:
            prepare_writes_in_background(session.ctx.repo)

        if shown and not minimized:
            session.window.after_first_fill(prepare, PREPARE_WRITES_DELAY_MS)
        else:
            QTimer.singleShot(PREPARE_WRITES_DELAY_MS, prepare)
        if session.reminder is not None:
            session.reminder.start()
        from hamstring_app.ui.auto_backup import start_daily_backup

        start_daily_backup(session.ctx, lambda text: session.window.statusBar().showMessage(text))
        return session.app.exec()
    finally:
        session.close()


def self_test() -> int:
    """The packaged app's self-test (ui/self_test.py)."""
    from hamstring_app.ui.self_test import self_test as run

    return run()
