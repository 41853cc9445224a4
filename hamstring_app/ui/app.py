"""Composition root: the QApplication, the data folder, the single-instance lock, the
repository, error reporting and the main window."""

from __future__ import annotations

import errno
import logging
import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
    make_private_file,
    refuse_link,
    resolve_data_dir,
    write_problem,
)
from hamstring_app.store import operations as op
from hamstring_app.store.errors import StorageUnavailable, StoreError, storage_problem
from hamstring_app.store.repository import Repository, open_repository, prepare_writes
from hamstring_app.ui.checkin.reminder import CheckInReminder
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.error_reporter import ErrorReporter
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.file_watch import DataFileWatch
from hamstring_app.ui.main_window import MainWindow, TabFactory
from hamstring_app.ui.menus import COLOURS_KEY
from hamstring_app.ui.palette import apply_colours
from hamstring_app.ui.profile_dialog import ProfileDialog
from hamstring_app.ui.single_instance import InstanceServer, show_running_copy
from hamstring_app.ui.theme import icon
from hamstring_app.ui.tray import AppTray

log = logging.getLogger(__name__)

WINDOW_SETTINGS_NAME = "window.ini"
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
    return app


def window_settings(paths: DataPaths) -> QSettings:
    """QSettings for window geometry only, kept inside the data folder like everything else."""
    settings = QSettings(str(paths.root / WINDOW_SETTINGS_NAME), QSettings.Format.IniFormat)
    return settings


# --------------------------------------------------------------------------- lock


def acquire_instance_lock(paths: DataPaths) -> QLockFile | None:
    """Lock the data folder for this process; None when another copy holds it.

    A stale lock (left by a crash) is taken over: QLockFile checks whether the owning
    process is still alive. Raises OSError when the lock file cannot be written at all.
    """
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        make_private_file(paths.lock_file)
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        # not another copy: the lock file itself could not be written. Qt does not say
        # why; writing a probe file finds the true cause (read-only, permission, full).
        problem = write_problem(paths.root)
        if problem is not None:
            raise problem
        raise OSError(errno.EIO, f"the lock file {paths.lock_file} could not be written")
    return None


# --------------------------------------------------------------------------- launch


@dataclass
class Session:
    """Everything a running app holds, so it can be closed in one place."""

    app: QApplication
    ctx: AppContext
    window: MainWindow
    lock: QLockFile | None
    log_handler: logging.Handler
    reporter: ErrorReporter
    tempdir: tempfile.TemporaryDirectory[str] | None = None
    closed: bool = field(default=False)
    reminder: CheckInReminder | None = None
    instance: InstanceServer | None = None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.reminder is not None:
            self.reminder.stop()
        if self.window.tray is not None:
            self.window.tray.hide()
        self.reporter.uninstall()
        self.window.close()
        self.window.deleteLater()
        # long work still running must stop before the store closes under it
        from hamstring_app.ui.tasks import stop_all

        if not stop_all(5.0):
            log.warning("A background task did not stop in time")
        self.ctx.repo.close()
        if self.instance is not None:
            self.instance.close()
        if self.lock is not None:
            self.lock.unlock()
        teardown_logging(self.log_handler)
        if self.tempdir is not None:
            self.tempdir.cleanup()


class LaunchRefused(Exception):
    """The app cannot open; ``str()`` says why in plain words."""


class FolderInUse(LaunchRefused):
    """Another copy of the app has the data folder ``root`` open."""

    def __init__(self, message: str, root: Path) -> None:
        super().__init__(message)
        self.root = root


def build_demo(repo: Repository, clock: Clock, years: int | None) -> None:
    from hamstring_app.core.demo import build_demo_history

    history = build_demo_history(clock.today(), years=years)
    repo.import_history(history)


def _cannot_write(root: Path, exc: OSError) -> LaunchRefused:
    log.error("Cannot write to the data folder %s: %s", root, exc)
    return LaunchRefused(str(StorageUnavailable(root, storage_problem(exc) or str(exc))))


def _lock_folder(paths: DataPaths) -> QLockFile:
    """Lock the data folder for this process, or LaunchRefused saying why not."""
    try:  # what the app writes besides the database and the log: real files only
        refuse_link(paths.lock_file)
        refuse_link(paths.root / WINDOW_SETTINGS_NAME)
        refuse_link(paths.backups, folder=True)
    except LinkRefused as exc:
        raise LaunchRefused(str(exc)) from exc
    try:
        lock = acquire_instance_lock(paths)
    except OSError as exc:
        raise _cannot_write(paths.root, exc) from exc
    if lock is None:
        raise FolderInUse(
            QApplication.translate(
                "launch",
                "Hamstring Coach is already open on this data folder:\n{root}\n\n"
                "Switch to the open window, or close it first. If it is running in the "
                "system tray, click its icon there to open it.",
            ).format(root=paths.root),
            paths.root,
        )
    return lock


def listen_for_second_starts(root: Path) -> InstanceServer:
    """While this copy holds the folder's lock: a later start on the folder shows the
    front window (the main window, or the Welcome dialog still open) instead."""
    server = InstanceServer(root, _show_front_window)
    server.listen()
    return server


def _show_front_window() -> None:
    widget = QApplication.activeModalWidget()
    if widget is not None:
        widget.raise_()
        widget.activateWindow()


def lock_new_folder(data_dir: str | os.PathLike[str] | None) -> QLockFile:
    """On a first start, make the (private) data folder and lock it before the Welcome
    dialog, so a second copy started meanwhile is refused before the runner types a
    profile it would then lose. Raises LaunchRefused like :func:`launch`."""
    os.umask(0o077)
    root = resolve_data_dir(data_dir)
    try:
        paths = DataPaths(ensure_private_dir(root))
    except LinkRefused as exc:
        raise LaunchRefused(str(exc)) from exc
    except OSError as exc:
        raise _cannot_write(root, exc) from exc
    return _lock_folder(paths)


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
            raise _cannot_write(root, exc) from exc
        cleanup.append(lambda: teardown_logging(handler))
        log.info("Starting %s %s with data folder %s", APP_NAME, __version__, paths.root)

        lock = held_lock or _lock_folder(paths)
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
            instance.on_show = lambda: (window.bring_back(), _show_front_window())
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


# --------------------------------------------------------------------------- self-test


def _offscreen_if_headless() -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def self_test() -> int:
    """Create and migrate a database in a temporary folder, build the main window, have
    an import worker process parse a file, and check printing (ui/print_check.py).

    Prints one line per step; exit 0 when everything worked, 1 with the reason otherwise.
    """
    _offscreen_if_headless()
    with tempfile.TemporaryDirectory(prefix="hamstring-selftest-") as tmp:
        step = "starting Qt"
        try:
            app = application()
            step = "opening a new database"
            session = launch(data_dir=tmp)
            print(f"ok  database created at revision {session.ctx.repo.meta().schema_revision}")
            step = "filling it with example data"
            build_demo(session.ctx.repo, session.ctx.clock, None)
            print(f"ok  example history: {len(session.ctx.repo.list_checkins())} check-ins")
            step = "building the main window"
            session.window.show()
            QTimer.singleShot(0, app.quit)
            app.exec()
            print(f"ok  main window with {session.window.tabs.count()} tabs")
            session.close()
            step = "parsing a file in an import worker process"
            from hamstring_app.importer.parallel import check_workers

            print(f"ok  an import worker process read a {check_workers()} track")
            step = "checking that printing works"
            from hamstring_app.ui.print_check import check_printing

            print(f"ok  printing: {check_printing().summary}")
        except Exception as exc:  # the reason is the whole point of a self-test
            print(f"FAILED while {step}: {exc!r}", file=sys.stderr)
            traceback.print_exc()
            return 1
    print("self-test passed")
    return 0
