"""What the data-out dialogs share: messages, dates and sizes as the app writes them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hamstring_app.ui.dates import day_text
from hamstring_app.ui.texts import counted

if TYPE_CHECKING:
    from hamstring_app.ui.context import AppContext


class DataOut(QObject):
    """The translation context of the data-out menus and dialogs: ``DataOut.tr(text)``."""


def contents_words(checkins: int, runs: int, sessions: int) -> tuple[str, str, str]:
    """ "1 check-in", "3 runs", "2 strength sessions": Qt numerus forms (see texts.counted)."""
    return (
        counted(checkins, DataOut.tr("1 check-in"), DataOut.tr("%n check-ins", "", checkins)),
        counted(runs, DataOut.tr("1 run"), DataOut.tr("%n runs", "", runs)),
        counted(sessions, DataOut.tr("1 strength session"),
                DataOut.tr("%n strength sessions", "", sessions)),
    )


__all__ = [
    "DataOut",
    "Messages",
    "contents_words",
    "day_text",
    "moment_text",
    "save_file_name",
    "size_text",
]


def moment_text(moment: datetime) -> str:
    """A date and time in the app's one date format: "Tue, 1 Dec 2026 09:30"."""
    return f"{day_text(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def size_text(size: int) -> str:
    """A file size in plain words: "812 KB", "3.4 MB"."""
    if size < 1024 * 1024:
        return DataOut.tr("{n} KB").format(n=max(1, round(size / 1024)))
    return DataOut.tr("{n} MB").format(n=f"{size / (1024 * 1024):.1f}")


class Messages:
    """How a data-out action speaks to the person; tests replace ``tell`` and ``ask``."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.exec()

    def ask(self, title: str, text: str, yes: str) -> bool:
        """A yes/no question whose safe answer (Cancel) is the default."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go


def save_file_name(
    window: QWidget,
    title: str,
    suggested: Path,
    file_filter: str,
    suffix: str,
    replace_ok: Callable[[Path], bool],
) -> Path | None:
    """The file named in a save dialog, ending in ``suffix`` (added when it was not typed);
    None when the dialog is cancelled, or when the name with the suffix added is a file
    that ``replace_ok`` says not to replace."""
    name, _filter = QFileDialog.getSaveFileName(window, title, str(suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        # the save dialog asked about the name typed, not about this one
        path = path.with_name(path.name + suffix)
        if path.exists() and not replace_ok(path):
            return None
    return path


class Actions(QObject):
    """One kind of data-out action (report, export, import, backup) for one window."""

    def __init__(self, ctx: AppContext, window: QWidget, messages: Messages) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.messages = messages
