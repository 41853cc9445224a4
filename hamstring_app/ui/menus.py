"""The Edit, View and Help menus of the main window.

Edit: Undo and Redo named after what they undo (the current tab's undo stack, or the text
field being typed in), Cut, Copy, Paste and Select all in text fields. View: the tabs, the
Recovery ranges, full screen. Help: the user guide (F1 opens the current tab's page), the
Learn guide, the keyboard shortcuts (listed from the actions themselves), the disclaimer
and About.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.ui.help_window import TAB_SECTIONS, open_help
from hamstring_app.ui.palette import CHOICES, apply_colours
from hamstring_app.ui.widgets.stale_tab import StaleTab


class Menus(QObject):
    """The translation context of the menus' texts."""


if TYPE_CHECKING:
    from hamstring_app.ui.main_window import MainWindow

TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit)
COLOURS_KEY = "view/colours"  # in the window settings: "system", "light" or "dark"


def _text_widget() -> QWidget | None:
    focus = QApplication.focusWidget()
    return focus if isinstance(focus, TEXT_WIDGETS) else None


class EditActions(QObject):
    """Undo/Redo/Cut/Copy/Paste/Select all, kept up to date with the focus and tab.

    A child of the window, so its connection to the app's focus signal ends with it."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.undo = QAction(Menus.tr("&Undo"), window)
        self.undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo = QAction(Menus.tr("&Redo"), window)
        self.redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.cut = QAction(Menus.tr("Cu&t"), window)
        self.cut.setShortcut(QKeySequence(QKeySequence.StandardKey.Cut))
        self.copy = QAction(Menus.tr("&Copy"), window)
        self.copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.paste = QAction(Menus.tr("&Paste"), window)
        self.paste.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.select_all = QAction(Menus.tr("Select &all"), window)
        self.select_all.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        for action in (self.undo, self.redo):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.cut, self.copy, self.paste, self.select_all):
            menu.addAction(action)
        self.undo.triggered.connect(self._undo)
        self.redo.triggered.connect(self._redo)
        for action, name in ((self.cut, "cut"), (self.copy, "copy"), (self.paste, "paste"),
                             (self.select_all, "selectAll")):
            action.triggered.connect(lambda _=False, n=name: self._text(n))
        menu.aboutToShow.connect(self.update)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        window.tabs.currentChanged.connect(lambda _i: self.update())
        for index in range(window.tabs.count()):
            stack = self._stack_of(window.tabs.widget(index))
            if stack is not None:
                stack.indexChanged.connect(lambda _i: self.update())
                # one Ctrl+Z for the window: the tab's own keys would make it ambiguous
                for name in ("undo_action", "redo_action"):
                    own = getattr(window.tabs.widget(index), name, None)
                    if isinstance(own, QAction):
                        own.setShortcut(QKeySequence())
        self.update()

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        with contextlib.suppress(RuntimeError):  # the window is on its way out
            self.update()

    @staticmethod
    def _stack_of(tab: QWidget | None) -> QUndoStack | None:
        stack = getattr(tab, "undo_stack", None)
        return stack if isinstance(stack, QUndoStack) else None

    def stack(self) -> QUndoStack | None:
        """The current tab's undo stack; on a tab without one, the Today tab's (where
        deletes and imports are undone), so Ctrl+Z undoes a change to the data anywhere."""
        own = self._stack_of(self.window.tabs.currentWidget())
        if own is not None:
            return own
        from hamstring_app.ui.importing.undo import data_undo_stack

        return data_undo_stack(self.window)

    def update(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window may be closing
            self._update()

    def _update(self) -> None:
        text = _text_widget()
        stack = self.stack()
        if isinstance(text, QLineEdit):
            self._name(self.undo, Menus.tr("&Undo typing"), text.isUndoAvailable())
            self._name(self.redo, Menus.tr("&Redo typing"), text.isRedoAvailable())
        elif text is not None:
            document = text.document()  # type: ignore[attr-defined]
            self._name(self.undo, Menus.tr("&Undo typing"), document.isUndoAvailable())
            self._name(self.redo, Menus.tr("&Redo typing"), document.isRedoAvailable())
        elif stack is not None:
            undo, redo = stack.undoText(), stack.redoText()
            self._name(self.undo, Menus.tr("&Undo %s") % undo if undo else Menus.tr("&Undo"),
                       stack.canUndo())
            self._name(self.redo, Menus.tr("&Redo %s") % redo if redo else Menus.tr("&Redo"),
                       stack.canRedo())
        else:
            self._name(self.undo, Menus.tr("&Undo"), False)
            self._name(self.redo, Menus.tr("&Redo"), False)
        editable = text is not None and not getattr(text, "isReadOnly", lambda: False)()
        self.cut.setEnabled(editable)
        self.paste.setEnabled(editable)
        self.copy.setEnabled(text is not None)
        self.select_all.setEnabled(text is not None)

    @staticmethod
    def _name(action: QAction, text: str, enabled: bool) -> None:
        action.setText(text)
        action.setEnabled(enabled)

    def _undo(self) -> None:
        text = _text_widget()
        if text is not None:
            text.undo()  # type: ignore[union-attr]
        elif (stack := self.stack()) is not None:
            stack.undo()
        self.update()

    def _redo(self) -> None:
        text = _text_widget()
        if text is not None:
            text.redo()  # type: ignore[union-attr]
        elif (stack := self.stack()) is not None:
            stack.redo()
        self.update()

    def _text(self, name: str) -> None:
        text = _text_widget()
        if text is not None:
            getattr(text, name)()


def build_edit_menu(window: MainWindow) -> EditActions:
    menu = window.menuBar().addMenu(Menus.tr("&Edit"))
    window.edit_menu = menu
    return EditActions(window, menu)


def build_view_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().addMenu(Menus.tr("&View"))
    window.view_menu = menu
    group = QActionGroup(window)
    window.tab_actions = []
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        action = QAction(window.tabs.tabText(index), window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
        action.triggered.connect(lambda _=False, i=index: window.tabs.setCurrentIndex(i))
        group.addAction(action)
        menu.addAction(action)
        window.tab_actions.append(action)
        del tab
    window.tabs.currentChanged.connect(
        lambda i: window.tab_actions[i].setChecked(True) if 0 <= i < len(window.tab_actions)
        else None
    )
    if window.tab_actions:
        window.tab_actions[max(0, window.tabs.currentIndex())].setChecked(True)

    recovery = _tab(window, "recovery")
    if recovery is not None and hasattr(recovery, "preset_buttons"):
        menu.addSeparator()
        ranges = menu.addMenu(Menus.tr("Recovery &range"))
        for number, (preset, button) in enumerate(recovery.preset_buttons.items(), start=1):
            action = QAction(button.text().replace("&", "") + f"\tCtrl+{number}", window)
            action.triggered.connect(lambda _=False, p=preset: _show_range(window, p))
            ranges.addAction(action)
        window.range_menu = ranges

    menu.addSeparator()
    colours = menu.addMenu(Menus.tr("&Colours"))
    chosen = str(window._settings.value(COLOURS_KEY, "system"))
    chosen = chosen if chosen in CHOICES else "system"
    colour_group = QActionGroup(window)
    window.colour_actions = {}
    for choice, text in (
        ("system", Menus.tr("Follow the &system")),
        ("light", Menus.tr("&Light")),
        ("dark", Menus.tr("&Dark")),
    ):
        action = QAction(text, window)
        action.setCheckable(True)
        action.setChecked(choice == chosen)
        action.triggered.connect(lambda _=False, c=choice: set_colours(window, c))
        colour_group.addAction(action)
        colours.addAction(action)
        window.colour_actions[choice] = action

    menu.addSeparator()
    full = QAction(Menus.tr("&Full screen"), window)
    full.setCheckable(True)
    full.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
    if full.shortcut().isEmpty():
        full.setShortcut(QKeySequence("F11"))
    full.triggered.connect(lambda on: window.showFullScreen() if on else window.showNormal())
    menu.addAction(full)
    window.full_screen_action = full
    return menu


def set_colours(window: MainWindow, choice: str) -> None:
    """Use the light or dark palette (or follow the system), remember it, and redraw the
    tabs' own colours."""
    apply_colours(QApplication.instance(), choice)
    window._settings.setValue(COLOURS_KEY, choice)
    window.colour_actions[choice].setChecked(True)
    # style sheets resolve palette(...) when set: set them again to pick up the new one
    for widget in window.findChildren(QWidget):
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    for index in range(window.tabs.count()):
        tab = window.tabs.widget(index)
        if isinstance(tab, StaleTab):
            tab.restyle()


def _tab(window: MainWindow, name: str) -> QWidget | None:
    for index in range(window.tabs.count()):
        if window.tabs.widget(index).objectName() == name:
            return window.tabs.widget(index)
    return None


def _show_range(window: MainWindow, preset: str) -> None:
    window.show_tab("recovery")
    recovery = _tab(window, "recovery")
    if recovery is not None:
        recovery.ensure_built()  # type: ignore[attr-defined]
        recovery.show_preset(preset)  # type: ignore[attr-defined]


def build_help_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().addMenu(Menus.tr("&Help"))
    window.help_menu = menu
    guide = QAction(Menus.tr("Hamstring Coach &help"), window)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: open_help_for_tab(window))
    learn = QAction(Menus.tr("About your &hamstring"), window)
    learn.triggered.connect(lambda: open_help("learn"))
    keys = QAction(Menus.tr("&Keyboard shortcuts"), window)
    keys.triggered.connect(lambda: ShortcutsDialog(window).exec())
    disclaimer = QAction(Menus.tr("&Disclaimer"), window)
    disclaimer.triggered.connect(window.show_disclaimer)
    about = QAction(Menus.tr("&About %s") % "Hamstring Coach", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(window.show_about)
    for action in (guide, learn, keys):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(disclaimer)
    menu.addAction(about)
    window.help_action, window.learn_action, window.shortcuts_action = guide, learn, keys
    return menu


def open_help_for_tab(window: MainWindow):
    tab = window.tabs.currentWidget()
    section = TAB_SECTIONS.get(tab.objectName() if tab is not None else "", "")
    return open_help("guide", section)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and described shortcut in ``window``."""
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = action.text().split("\t")[0].replace("&&", "\0").replace("&", "")
        what = what.replace("\0", "&").rstrip(".")
        if keys and what:
            rows[(keys, what)] = None
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        what = shortcut.whatsThis()
        if keys and what:
            rows[(keys, what)] = None
    return sorted(rows, key=lambda row: row[1].lower())


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(Menus.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([Menus.tr("Keys"), Menus.tr("What they do")])
        self.table.setAccessibleName(Menus.tr("Keyboard shortcuts"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
