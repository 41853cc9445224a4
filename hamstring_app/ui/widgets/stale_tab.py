"""Base for tabs that refresh lazily after the app's data changes (Anki's pattern)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Changes, Kind


class StaleTab(QWidget):
    """A tab that refreshes when shown, and only if something it cares about changed."""

    #: the kinds of change that make this tab stale; empty means every change
    watches: frozenset[Kind] = frozenset()
    #: the tab's title in the tab bar (translated by the main window)
    title: str = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._held = False
        self._built = False
        # True while a big change (an import read back on a worker) is being announced: a
        # visible tab may then draw itself in parts, a turn of the event loop each
        self._big_change = False
        ctx.events.data_changed.connect(self._on_data_changed)

    def hold_refresh(self) -> None:
        """Do not refresh on the next show; ``release_refresh`` does it later.

        Lets the window paint first and fill this tab right after (a faster start).
        """
        self._held = True

    def release_refresh(self) -> None:
        self._held = False
        if self._stale and self.isVisible():
            self.refresh_now()

    @property
    def stale(self) -> bool:
        return self._stale

    def _on_data_changed(self, changes: Changes) -> None:
        if self.watches and not (changes.kinds & self.watches):
            return
        self._stale = True
        if self.isVisible():
            self._big_change = self.ctx.ops.big_change
            try:
                self.refresh_now()
            finally:
                self._big_change = False

    def restyle(self) -> None:
        """The colours changed: draw again now if on show, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)
        if self._held:
            self._held = False  # skipped once; release_refresh fills the tab
        elif self._stale:
            self.refresh_now()
        QTimer.singleShot(0, self, self._take_focus)

    def first_focus(self) -> QWidget | None:
        """Where the keyboard goes when the tab comes up with the focus elsewhere (a tab
        switched to with Alt+2 would otherwise leave it on the page just hidden)."""
        return None

    def _take_focus(self) -> None:
        if not self.isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and focus.isVisible():
            return
        target = self.first_focus()
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.TabFocusReason)  # with its focus ring

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    @property
    def built(self) -> bool:
        """Whether the tab's costly content exists yet."""
        return self._built

    def ensure_built(self) -> None:
        """Build the tab's costly content once: on first show, on a first refresh, or
        while the app is idle after start-up (the main window warms hidden tabs up), so
        start-up stays quick and a first visit is quick too."""
        if not self._built:
            self._built = True
            self._build()

    def _build(self) -> None:
        """Create costly content (heavy imports, graphs). Tabs that build lazily override
        this; the others build everything in ``__init__``."""

    def refresh(self) -> None:
        """Reload from the repository and redraw. Subclasses implement it."""
        raise NotImplementedError
