"""The urgent warning: title and text agree on how soon, the emergency sentence once, and
the verdict cards behind it get the height their text needs (none drawn over another)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def _save_urgent(qtbot, env, on_dialog) -> None:
    form = env.tab.form
    qtbot.mouseClick(
        form.red_flags["sudden_onset_with_weakness"].buttons[0], Qt.MouseButton.LeftButton
    )
    seen = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        try:
            on_dialog(box)
        except AssertionError as exc:
            seen.append(exc)
        finally:
            seen.append(True)
            box.buttons()[0].click()

    QTimer.singleShot(50, look)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    for item in seen:
        if isinstance(item, AssertionError):
            raise item
    assert seen == [True]


def test_title_and_text_agree_and_the_emergency_sentence_is_said_once(qtbot, env):
    texts = {}

    def read(box: QMessageBox) -> None:
        texts["title"] = box.windowTitle()
        texts["body"] = box.text() + " " + box.informativeText()

    _save_urgent(qtbot, env, read)
    assert "soon" not in texts["title"].lower()
    assert "24-48 hours" in texts["title"]
    assert "24-48 hours" in texts["body"]
    body = texts["body"].lower()
    assert body.count("bladder") == 1, texts["body"]
    assert "professional" in body


def test_the_cards_behind_the_dialog_are_not_drawn_over_each_other(qtbot, env):
    def check(_box: QMessageBox) -> None:
        panel = env.tab.verdict
        layout = panel.layout()
        shown = [
            layout.itemAt(i).widget()
            for i in range(layout.count())
            if layout.itemAt(i).widget() is not None
            and layout.itemAt(i).widget().isVisibleTo(panel)
        ]
        shown += panel.advice_items
        for widget in shown:
            needed = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else 0
            assert widget.height() >= needed, (widget.objectName(), widget.height(), needed)
        boxes = sorted((w.mapTo(panel, w.rect().topLeft()).y(), w.height()) for w in shown)
        for (top, height), (next_top, _h) in itertools.pairwise(boxes):
            assert top + height <= next_top

    _save_urgent(qtbot, env, check)
