"""The main window: tabs, menus, status bar, and an in-window banner for notices."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hamstring_app import APP_NAME
from hamstring_app.store import operations as op
from hamstring_app.ui import heap
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.ops import Outcome
from hamstring_app.ui.profile_dialog import ProfileDialog
from hamstring_app.ui.settings_dialog import SettingsDialog
from hamstring_app.ui.texts import about_html, disclaimer_html
from hamstring_app.ui.theme import icon
from hamstring_app.ui.tray import AppTray
from hamstring_app.ui.widgets.stale_tab import StaleTab
from hamstring_app.ui.window_size import ScreenFit, restore_or_default

log = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 1500  # after the first tab is filled: idle time, before a likely click
WARM_UP_GAP_MS = 300  # between two tabs, so input is handled in between

TabFactory = Callable[[AppContext], StaleTab]


def default_tabs() -> list[TabFactory]:
    """The app's tabs, in order. Imported here so each tab module stays independent."""
    from hamstring_app.ui import tabs

    return tabs.TAB_FACTORIES


class Banner(QWidget):
    """A dismissable notice across the top of the window (reminders, demo mode)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.action_button = QPushButton()
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss notice"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.action_button.clicked.connect(self._run_action)
        self._action: Callable[[], None] | None = None
        self.setStyleSheet(
            "#banner { background: palette(alternate-base);"
            " border-bottom: 1px solid palette(mid); }"
        )
        self.hide()

    def show_message(
        self, text: str, action_text: str = "", action: Callable[[], None] | None = None
    ) -> None:
        self.label.setText(text)
        self._action = action
        self.action_button.setVisible(bool(action_text and action))
        self.action_button.setText(action_text)
        self.show()

    def _run_action(self) -> None:
        self.hide()
        if self._action is not None:
            self._action()


def show_folder_path(parent: QWidget, text: str) -> None:
    """A message whose path can be selected and copied."""
    box = QMessageBox(parent)
    box.setWindowTitle(MainWindow.tr("Your data folder"))
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        settings: QSettings,
        tab_factories: list[TabFactory] | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._settings = settings
        self._fill_after_paint: StaleTab | None = None
        self._after_fill: list[tuple[Callable[[], None], int]] = []
        #: the system tray icon (set by the app); with it, closing the window hides it there
        self.tray: AppTray | None = None
        self._quitting = False
        title = APP_NAME + (self.tr(" — demo data") if ctx.demo else "")
        self.setWindowTitle(title)
        self.setWindowIcon(icon("hamstring-coach"))
        self.screen_fit = ScreenFit(self)  # the window and its frame stay on the screen

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = Banner()
        outer.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Tabs"))
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        for factory in tab_factories if tab_factories is not None else default_tabs():
            tab = factory(ctx)
            self.tabs.addTab(tab, icon(tab.objectName()), tab.title)

        self._build_menus()
        from hamstring_app.ui.importing.window import ImportGlue

        self.importing = ImportGlue(ctx, self, self.file_menu)
        from hamstring_app.ui.data_out.menu import DataOutMenu

        self.data_out = DataOutMenu(ctx, self, self.file_menu)
        if ctx.demo:
            self.statusBar().showMessage(
                self.tr(
                    "Demo data: nothing you change here is kept, and your own data is untouched."
                )
            )
        else:
            self.statusBar().showMessage(self.tr("Data folder: %s") % ctx.paths.root, 8000)
        ctx.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        ctx.events.open_day.connect(lambda _day: self.show_tab("checkin"))
        self._restore_geometry()

    def show_then_fill(self, minimized: bool = False) -> None:
        """Show the window at once; the current tab fills in right after the first paint.
        ``minimized``: show it minimised (it fills when it is restored)."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, StaleTab) and tab.stale:
            tab.hold_refresh()
            self._fill_after_paint = tab
        if minimized:
            self.showMinimized()
        else:
            self.show()

    def bring_back(self) -> None:
        """Show the window again (from the tray, or minimised) and bring it to the front."""
        if not self.isVisible():
            self.show_then_fill()
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        """File > Quit (and the tray's Quit): close for real, even with the tray icon."""
        self._quitting = True
        if not self.close():
            self._quitting = False  # something asked to stay open (a session running)
            return
        if self.tray is not None and self.tray.active():
            from PySide6.QtWidgets import QApplication

            QApplication.quit()  # with the icon, closing the window alone does not

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self._fill_after_paint is not None:
            tab, self._fill_after_paint = self._fill_after_paint, None
            QTimer.singleShot(0, lambda: self._fill_first(tab))
            QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up_next_tab)
        return handled

    def after_first_fill(self, callback: Callable[[], None], delay_ms: int = 0) -> None:
        """Run ``callback`` ``delay_ms`` after the tab shown at start-up is filled (from
        now when no fill is waiting): work meant for after start-up waits for it, however
        slow the machine, instead of racing it after a fixed time."""
        if self._fill_after_paint is None:
            QTimer.singleShot(delay_ms, callback)
        else:
            self._after_fill.append((callback, delay_ms))

    def _fill_first(self, tab: StaleTab) -> None:
        tab.release_refresh()
        heap.settle()  # what start-up made stays: out of the collector's passes (ui/heap.py)
        waiting, self._after_fill = self._after_fill, []
        for callback, delay_ms in waiting:
            QTimer.singleShot(delay_ms, callback)

    def _warm_up_next_tab(self) -> None:
        """Build one hidden tab's content while the runner reads the first one, then the
        next: each tab builds lazily (start-up stays quick), and a first visit is quick too."""
        if self.importing.busy:
            # a graph tab's build (its plotting library's import first) holds the UI thread
            # for half a second: not while an import is under way, but once it is over
            self.importing.when_idle(
                lambda: QTimer.singleShot(WARM_UP_DELAY_MS, self, self._warm_up_next_tab))
            return
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, StaleTab) and not tab.built:
                tab.ensure_built()
                QTimer.singleShot(WARM_UP_GAP_MS, self._warm_up_next_tab)
                return
        heap.settle()  # every tab is built: their widgets live as long as the window

    def show_tab(self, name: str) -> bool:
        """Bring the tab whose objectName is ``name`` to the front."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).objectName() == name:
                self.tabs.setCurrentIndex(index)
                return True
        return False

    # -- menus --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.profile_action = QAction(self.tr("&Profile..."), self)
        self.profile_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.profile_action.triggered.connect(self.edit_profile)
        file_menu.addAction(self.profile_action)
        self.settings_action = QAction(self.tr("&Settings..."), self)
        self.settings_action.triggered.connect(self.edit_settings)
        file_menu.addAction(self.settings_action)
        open_folder = QAction(self.tr("Open &data folder"), self)
        open_folder.triggered.connect(self.open_data_folder)
        file_menu.addAction(open_folder)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        # Edit, View and Help live in ui/menus.py
        from hamstring_app.ui import menus

        self.edit_actions = menus.build_edit_menu(self)
        menus.build_view_menu(self)
        menus.build_help_menu(self)

    def edit_profile(self) -> None:
        dialog = ProfileDialog(self.ctx.clock.today(), self.ctx.repo.get_profile(), parent=self)
        if dialog.exec() and dialog.profile() is not None:
            self._saved(self.ctx.ops.run(op.save_profile, dialog.profile()),
                        self.tr("Profile saved."))
        elif dialog.new_episode_requested:
            from hamstring_app.ui.episode_dialogs import start_new_episode

            if start_new_episode(self.ctx, self):
                self.statusBar().showMessage(self.tr("New injury episode started."), 4000)

    def open_data_folder(self) -> None:
        """Show the data folder in the file manager; with none, say where it is."""
        root = str(self.ctx.paths.root)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(root)):
            show_folder_path(
                self,
                self.tr("The folder could not be opened: no file manager answered. "
                        "Your data is in:\n\n{path}\n\nYou can select and copy it from "
                        "here.").format(path=root),
            )

    def edit_settings(self) -> None:
        from hamstring_app.autostart import for_this_system

        entry = None if self.ctx.demo else for_this_system()
        dialog = SettingsDialog(self.ctx.repo.get_settings(), parent=self,
                                backups_folder=self.ctx.paths.backups, autostart=entry)
        if dialog.exec() and dialog.settings() is not None:
            self._saved(self.ctx.ops.run(op.save_settings, dialog.settings()),
                        self.tr("Settings saved."))
            login = dialog.start_at_login_change()
            if entry is not None and login is not None:
                from hamstring_app.ui.tray import apply_start_at_login

                apply_start_at_login(self, entry, login, str(self.ctx.paths.root))

    def _saved(self, outcome: Outcome[object], words: str) -> None:
        """Say that a dialog's answers were saved, or why they were not."""
        if outcome.ok:
            self.statusBar().showMessage(words, 4000)
        else:
            QMessageBox.warning(self, self.tr("Not saved"), outcome.message)

    def show_disclaimer(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Disclaimer"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(disclaimer_html())
        box.exec()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About %s") % APP_NAME)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setIconPixmap(icon("hamstring-coach").pixmap(64, 64))
        box.setText(about_html() + self.tr("<p>Data folder: %s</p>") % self.ctx.paths.root)
        box.exec()

    # -- geometry -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry", QByteArray(), type=QByteArray)
        restore_or_default(self, geometry)
        state = self._settings.value("window/state", QByteArray(), type=QByteArray)
        if not state.isEmpty():
            self.restoreState(state)
        tab = self._settings.value("window/tab", 0, type=int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_geometry(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("window/tab", self.tabs.currentIndex())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self.tray.active():
            event.ignore()  # the app keeps running in the tray, for the reminder
            self.hide()
            self.tray.tell_still_running_once()
            return
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            can_close = getattr(tab, "can_close", None)
            if can_close is not None and not can_close():
                event.ignore()
                return
        if self.ctx.repo.still_there():  # never make a removed data folder again for this
            self.save_geometry()
        super().closeEvent(event)
