"""The less common warning signs of the check-in, folded under one button in the warning-sign
group: one click opens them, and their answers are kept while folded (the button says how
they stand). A Yes opens the part by itself, so a sign answered yes is never out of sight;
another day shown starts folded unless one of its five is a yes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.ui.checkin.fields import FieldErrors
from hamstring_app.ui.widgets.pain import YesNo


class LessCommonSigns(QWidget):
    """The fold-out button and one Yes/No row per sign (CheckIn field, question, sign), added
    to the end of ``form``."""

    def __init__(
        self,
        questions: list[tuple[str, str, str]],
        errors: FieldErrors,
        form: QFormLayout,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText(self.tr("Less common signs"))
        self.toggle.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.toggle.toggled.connect(self._show_body)
        column.addWidget(self.toggle)
        # how the folded answers stand, in a wrapping line so a large font never widens the form
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setEnabled(False)
        column.addWidget(self.summary)
        form.addRow(self)

        # the rows go in the warning-sign group's own form, so their answers line up with
        # the six above; folding hides the rows, never the answers in them
        self._form = form
        self.rows: list[QLabel] = []
        self.widgets: dict[str, YesNo] = {}
        self._spoken: dict[str, str] = {}
        for name, text, spoken in questions:
            widget = YesNo(spoken)
            self.widgets[name] = widget
            self._spoken[name] = spoken
            self.rows.append(errors.add_row(form, text, widget, name))
            widget.valueChanged.connect(self._changed)
        self._changed()

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, open_: bool) -> None:
        self.toggle.setChecked(open_)

    def fold_unless_yes(self) -> None:
        """For a day just shown: open when one of its five is answered yes, else folded."""
        self.set_open(any(w.value() is True for w in self.widgets.values()))

    def _show_body(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        for label in self.rows:
            self._form.setRowVisible(label, open_)
        self.summary.setVisible(not open_)
        self.toggle.setAccessibleName(
            self.tr("Less common signs, shown") if open_ else self.tr("Less common signs, hidden")
        )

    def _changed(self, _value: object = None) -> None:
        values = {name: w.value() for name, w in self.widgets.items()}
        yes = [self._spoken[name] for name, v in values.items() if v is True]
        if yes:
            self.summary.setText(self.tr("Yes: %s.") % ", ".join(yes))
            self.set_open(True)
        elif all(v is False for v in values.values()):
            self.summary.setText(self.tr("All answered No."))
        elif all(v is None for v in values.values()):
            self.summary.setText(self.tr("Not answered. Open them if any might apply."))
        else:
            answered = sum(v is not None for v in values.values())
            self.summary.setText(
                self.tr("%1 of %2 answered No.").replace("%1", str(answered))
                .replace("%2", str(len(values)))
            )
        self._show_body(self.is_open())
