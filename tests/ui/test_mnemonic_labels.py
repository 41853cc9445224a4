"""A label with a shortcut letter is drawn whole: its ink ends inside the room it asks for,
at the usual font and at 150%. Qt measures the text kerned but draws the underlined letter
apart, unkerned, so "&To" or "&Vary" lost a pixel or two of their last letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QLineEdit

from hamstring_app.ui.widgets.mnemonic import has_mnemonic, keep_mnemonic_whole

# pairs that kern tightly in DejaVu Sans (the fonts Linux desktops fall back to)
TEXTS = ["&To", "&Today", "&Vary", "&Yesterday", "&Ty"]


def ink_right(label: QLabel) -> int:
    """The rightmost column with ink when ``label`` is drawn with room to spare."""
    hint = label.sizeHint()
    label.resize(hint.width() + 20, hint.height())
    image = QImage(label.width(), label.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    label.render(image, QPoint(0, 0))
    columns = [x for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < 200]
    return max(columns, default=-1)


def _label(text: str, scale: float, buddy: QLineEdit) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("color: black; background: white;")
    label.setBuddy(buddy)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_unkerned_labels_fit_their_room(qapp, scale):
    buddy = QLineEdit()
    cut = []
    for text in TEXTS:
        label = keep_mnemonic_whole(_label(text, scale, buddy))
        if ink_right(label) >= label.sizeHint().width():
            cut.append(text)
    assert cut == []


def test_kerned_labels_are_cut(qapp):
    """The case the fix is for: without it, some of these draw past their room."""
    buddy = QLineEdit()
    cut = [text for text in TEXTS for scale in (1.0, 1.5)
           if ink_right(label := _label(text, scale, buddy)) >= label.sizeHint().width()]
    assert cut


def test_has_mnemonic():
    assert has_mnemonic("&To") and has_mnemonic("Fish && &chips")
    assert not has_mnemonic("Fish && chips") and not has_mnemonic("To")


def _with_letters(root):
    """Labels (with a buddy) and check boxes under ``root`` whose text has a shortcut letter."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    found = [w for w in root.findChildren(QLabel) if w.buddy() is not None]
    found += root.findChildren(QCheckBox) + root.findChildren(QRadioButton)
    return [w for w in found if has_mnemonic(w.text())]


def test_the_app_s_labels_with_a_letter_are_drawn_unkerned(qtbot):
    """The check-in questions, the strength set's log, the report and export dialogs."""
    from datetime import date

    from PySide6.QtWidgets import QVBoxLayout

    from hamstring_app.ui.checkin.fields import FieldErrors
    from hamstring_app.ui.checkin.questions import CheckInQuestions
    from hamstring_app.ui.data_out.export_ui import ExportDialog
    from hamstring_app.ui.data_out.report_ui import ReportDialog
    from hamstring_app.ui.session.log_panel import LogPanel

    questions = CheckInQuestions()
    questions.errors = FieldErrors()
    questions.build_questions(QVBoxLayout(questions))
    roots = [questions, LogPanel(), ReportDialog(date(2026, 3, 1), None), ExportDialog()]
    seen = []
    for root in roots:
        qtbot.addWidget(root)
        for widget in _with_letters(root):
            seen.append(widget.text())
            assert not widget.font().kerning(), widget.text()
    assert {"&At rest today", "&Reps done", "&To", "One &JSON file"} <= set(seen)
