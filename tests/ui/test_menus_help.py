"""Edit / View / Help menus, the help window (user guide and Learn guide), F1, the list of
keyboard shortcuts, and the links from advice and the welcome to the Learn guide."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hamstring_app.core.models import Advice, CheckIn, Level, Profile
from hamstring_app.ui import help_window as hw
from hamstring_app.ui.checkin.verdict_panel import AdviceItem
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.menus import shortcut_rows
from hamstring_app.ui.profile_dialog import ProfileDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(session_factory, qtbot, home):
    session = session_factory()
    repo = session.ctx.repo
    repo.save_profile(Profile(injury_start=date(2026, 3, 1)))
    repo.save_checkin(CheckIn(day=date(2026, 3, 16), pain_rest=1))
    session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.CHECKIN))
    win = session.window
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    if hw._links.window is not None:
        hw._links.window.close()


def _texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if a.text()]


def test_the_menus_are_file_edit_view_help(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:4] == ["File", "Edit", "View", "Help"]
    assert {"Undo", "Redo", "Cut", "Copy", "Paste", "Select all"} <= set(_texts(window.edit_menu))
    view = _texts(window.view_menu)
    assert "Today" in view and "Full screen" in view
    helps = _texts(window.help_menu)
    for text in ("Hamstring Coach help", "About your hamstring", "Keyboard shortcuts",
                 "Disclaimer"):
        assert text in helps


def test_undo_is_named_after_the_action_and_works_after_a_menu(window, qtbot):
    tab = window.tabs.currentWidget()
    history = tab.history
    history.select(date(2026, 3, 16))
    history.delete_selected()
    assert window.ctx.repo.get_checkin(date(2026, 3, 16)) is None
    window.menuBar().setFocus()  # as after a menu was closed with Esc
    window.edit_actions.update()
    assert window.edit_actions.undo.text().replace("&", "").startswith("Undo ")
    assert "check-in" in window.edit_actions.undo.text().lower()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.repo.get_checkin(date(2026, 3, 16)) is not None


def test_view_switches_tabs(window):
    window.tab_actions[1].trigger()
    assert window.tabs.currentIndex() == 1
    assert window.full_screen_action.shortcut().toString()


def test_f1_opens_the_guide_at_the_current_tabs_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_win = hw._links.window
    assert help_win is not None and help_win.isVisible()
    assert help_win.page == "guide"
    block = help_win.browser.textCursor().block()
    assert block.text() == hw.TAB_SECTIONS["checkin"]
    assert block.blockFormat().headingLevel() > 0


def test_the_help_is_searchable(window):
    help_win = hw.open_help("guide")
    help_win.search.setText("Nordic")
    assert help_win.find_next()
    assert "nordic" in help_win.browser.textCursor().selectedText().lower()
    help_win.search.setText("zebra crossing")
    assert not help_win.find_next()
    assert help_win.not_found.isVisibleTo(help_win)


def test_every_guide_section_f1_and_why_link_to_exists():
    guide = hw.headings((ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8"))
    learn = hw.headings((ROOT / "docs" / "learn.md").read_text(encoding="utf-8"))
    for section in hw.TAB_SECTIONS.values():
        assert section in guide
    for section in hw.LEARN_SECTIONS.values():
        assert section in learn
    core = "".join(p.read_text(encoding="utf-8")
                   for p in (ROOT / "hamstring_app" / "core").rglob("*.py"))
    rules = set(re.findall(r'"((?:pain|load|technique|strength|timeline)\.[a-z_]+)"', core))
    assert len(rules) > 15
    for rule in rules:
        assert hw.learn_section_for(rule), rule


def test_why_links_to_its_learn_section(qtbot):
    item = AdviceItem(Advice("load.single_run_spike", Level.WARNING, "Long run", "Too long."))
    qtbot.addWidget(item)
    assert item.why_button.isVisibleTo(item)
    assert "hamstring-help:learn#Why it hurts" in item.details.text()


def test_the_learn_link_opens_the_learn_guide(window):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl(hw.help_url("learn", "What helps: strength")))
    help_win = hw._links.window
    assert help_win.page == "learn"
    assert help_win.browser.textCursor().block().text() == "What helps: strength"


def test_the_welcome_offers_the_learn_guide(qtbot):
    dialog = ProfileDialog(date(2026, 3, 18), None, first_run=True)
    qtbot.addWidget(dialog)
    assert "hamstring-help:learn" in dialog.learn_link.text()


def test_keyboard_shortcuts_are_listed_from_the_actions(window):
    rows = dict((what, keys) for keys, what in shortcut_rows(window))
    assert rows.get("Previous day") == "Alt+Left"
    assert "F1" in rows.values()
    assert any(k == "Ctrl+Z" for k in rows.values())
    assert any(what.startswith("Undo") for what in rows)


@pytest.mark.parametrize("tab", ["checkin", "session", "recovery"])
def test_f1_shows_the_tabs_section_at_the_top_of_the_help(window, qtbot, tab):
    """The heading is the first thing in view, not at the bottom under another tab's text."""
    index = next(i for i in range(window.tabs.count())
                 if window.tabs.widget(i).objectName() == tab)
    window.tabs.setCurrentIndex(index)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_win = hw._links.window
    qtbot.waitExposed(help_win)
    qtbot.wait(50)
    browser = help_win.browser
    top = browser.cursorRect(browser.textCursor()).top()
    assert browser.textCursor().block().text() == hw.TAB_SECTIONS[tab]
    assert 0 <= top < browser.viewport().height() // 5, (top, browser.viewport().height())


def test_the_help_window_fits_a_small_screen(qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1024, 600))
    help_win = hw.HelpWindow()
    qtbot.addWidget(help_win)
    assert help_win.width() <= 1024 and help_win.height() <= 600


def test_help_opened_from_a_dialog_outlives_the_dialog(qtbot):
    """Help opened over a modal dialog belongs to it; once the dialog is gone, F1 still works."""
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    over_dialog = hw.open_help("learn")
    assert over_dialog.parent() is dialog
    dialog.close()
    # the dialog is closed but not yet deleted: the next help must not be its child
    later = hw.open_help("guide")
    assert later.parent() is None
    dialog.deleteLater()
    qtbot.wait(20)
    later = hw.open_help("guide")
    qtbot.waitExposed(later)
    assert later.browser.toPlainText()
    later.close()
