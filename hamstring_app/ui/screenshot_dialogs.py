"""The app's dialogs as pictures, for `make screenshots` (see ui/screenshots.py).

Each dialog is opened as the app opens it (over the main window, with example values where
it asks for them), drawn off screen at the size it asks for, and closed again: nothing is
saved. A dialog taller or wider than the smallest screen shot (1024x640) is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

SMALLEST_SCREEN = (1024, 640)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _welcome(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.profile_dialog import ProfileDialog

    return ProfileDialog(today, None, first_run=True, parent=parent)


def _welcome_refused(parent: QWidget, today) -> QWidget:
    """The Welcome after Start with a future start date, -5 km and a cadence of 50."""
    dialog = _welcome(parent, today)
    dialog.show()
    _settle()
    dialog.start_edit.line.setText(f"{today.year + 5}-{today.month:02d}-{today.day:02d}")
    dialog.weekly_edit.setText("-5")
    dialog.cadence_edit.setText("50")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    return dialog


def _welcome_leave(parent: QWidget, today) -> QWidget:
    """The question Cancel on the Welcome asks."""
    dialog = _welcome(parent, today)
    dialog.show()
    _settle()
    dialog.reject()
    assert dialog.leave_box is not None
    dialog.leave_box.adjustSize()
    return dialog.leave_box


def _profile(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.profile_dialog import ProfileDialog

    profile = parent.ctx.repo.get_profile()  # type: ignore[attr-defined]
    return ProfileDialog(today, profile, parent=parent)


def _settings(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.settings_dialog import SettingsDialog

    return SettingsDialog(parent.ctx.repo.get_settings(), parent)  # type: ignore[attr-defined]


def _assessed(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.episode_dialogs import AssessedDialog

    return AssessedDialog(today, parent)


def _new_episode(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.episode_dialogs import NewEpisodeDialog

    episodes = parent.ctx.history.get().episodes  # type: ignore[attr-defined]
    return NewEpisodeDialog(today, episodes[-1] if episodes else None, parent)


def _recovered(parent: QWidget, today) -> QWidget:
    from hamstring_app.core.episodes import Episode
    from hamstring_app.ui.episode_dialogs import RecoveredDialog

    episodes = parent.ctx.history.get().episodes  # type: ignore[attr-defined]
    episode = episodes[-1] if episodes else Episode(onset=today - timedelta(days=30))
    return RecoveredDialog(today, episode, parent=parent)


def _report(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.data_out.report_ui import ReportDialog

    profile = parent.ctx.repo.get_profile()  # type: ignore[attr-defined]
    return ReportDialog(today, profile.injury_start if profile else None, parent)


def _export(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.data_out.export_ui import ExportDialog

    return ExportDialog(parent)


def _restore(parent: QWidget, today) -> QWidget:
    from hamstring_app.store import backups
    from hamstring_app.ui.data_out.backup_ui import RestoreDialog

    ctx = parent.ctx  # type: ignore[attr-defined]
    found = backups.list_backups(ctx.paths.root, ctx.repo.get_settings().backup_folder or None)
    return RestoreDialog(found, ctx.paths.backups, parent)


def _shortcuts(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.menus import ShortcutsDialog

    return ShortcutsDialog(parent)


def _help(parent: QWidget, today) -> QWidget:
    from hamstring_app.ui.help_window import TAB_SECTIONS, HelpWindow

    window = HelpWindow(parent)
    window.show_page("guide", TAB_SECTIONS["checkin"])
    return window


DIALOGS: dict[str, Callable[[QWidget, object], QWidget]] = {
    "welcome": _welcome,
    "welcome-refused": _welcome_refused,
    "welcome-leave": _welcome_leave,
    "profile": _profile,
    "settings": _settings,
    "assessed": _assessed,
    "new-episode": _new_episode,
    "recovered": _recovered,
    "report": _report,
    "export": _export,
    "restore": _restore,
    "shortcuts": _shortcuts,
    "help": _help,
}


def render_dialogs(window: QWidget, out_dir: Path, label: str) -> list[Path]:
    """Every dialog over ``window`` (the main window of a session), into
    ``dialog-<name><label>.png``; returns the files written."""
    today = window.ctx.clock.today()  # type: ignore[attr-defined]
    written = []
    for name, make in DIALOGS.items():
        try:
            shown = make(window, today)
        except Exception as exc:  # one dialog that cannot open leaves the others
            print(f"dialog {name}: not drawn ({exc})")
            continue
        shown.show()
        _settle()
        size = shown.size()
        if size.width() > SMALLEST_SCREEN[0] or size.height() > SMALLEST_SCREEN[1]:
            print(f"dialog {name}{label}: {size.width()}x{size.height()} is larger than a "
                  f"{SMALLEST_SCREEN[0]}x{SMALLEST_SCREEN[1]} screen")
        path = out_dir / f"dialog-{name}{label}.png"
        shown.grab().save(str(path))
        written.append(path)
        top = shown
        while top.parentWidget() is not None and top.parentWidget() is not window:
            top = top.parentWidget()
        if hasattr(top, "done"):
            top.done(0)  # type: ignore[attr-defined]
        top.close()
        top.deleteLater()
        _settle()
    return written
