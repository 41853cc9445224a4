"""The profile: who the runner is and when this episode started. Also the first-run welcome.

Reading the fields into a Profile is :mod:`~hamstring_app.ui.profile_reading`'s.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import (
    Profile,
    Side,
    Units,
    ValidationError,
)
from hamstring_app.ui.checkin.fields import FieldErrors, sentence
from hamstring_app.ui.dates import to_qdate
from hamstring_app.ui.help_window import help_url
from hamstring_app.ui.profile_reading import ProfileReading
from hamstring_app.ui.texts import disclaimer_html
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.date_field import DateField

MIN_WIDTH = 520
WINDOW_FRAME = 60  # px a window manager's title bar and borders may take


def _with_unit(field: QWidget, unit: QLabel) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(unit)
    unit.setMinimumWidth(unit.fontMetrics().horizontalAdvance("steps/min "))
    unit.setBuddy(field)
    return box


class ProfileDialog(ProfileReading):
    """Edit the profile. With ``first_run`` it is the welcome: disclaimer first."""

    def __init__(
        self,
        today: date,
        profile: Profile | None = None,
        *,
        first_run: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._profile: Profile | None = None
        self._weekly_km: float | None = None  # the usual weekly distance, in km
        self.setWindowTitle(
            self.tr("Welcome to Hamstring Coach") if first_run else self.tr("Profile")
        )
        self.setMinimumWidth(MIN_WIDTH)

        outer = QVBoxLayout(self)
        # all but the buttons scrolls, for a screen too short for the whole Welcome
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focused field
        outer.addWidget(self.scroll, 1)
        if first_run:
            intro = QLabel(
                self.tr(
                    "<h2>Welcome</h2><p>Hamstring Coach helps you manage load-related "
                    "hamstring pain: a quick daily check-in, guided strength sessions and "
                    "graphs of your recovery. Everything stays on this computer.</p>"
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
            disclaimer = QLabel(disclaimer_html())
            disclaimer.setWordWrap(True)
            disclaimer.setObjectName("disclaimer")
            disclaimer.setFrameShape(QLabel.Shape.StyledPanel)
            disclaimer.setMargin(8)
            layout.addWidget(disclaimer)
            self.learn_link = QLabel(
                self.tr("<p>New to this? <a href=\"%s\">Read “About your hamstring”</a>: why "
                        "it hurts and what helps, in five minutes (also under Help).</p>")
                % help_url("learn")
            )
            self.learn_link.setWordWrap(True)
            self.learn_link.setOpenExternalLinks(True)
            self.learn_link.setAccessibleName(self.tr("Read About your hamstring"))
            layout.addWidget(self.learn_link)
            ask = QLabel(self.tr("<p>A few questions about your hamstring to get started:</p>"))
            layout.addWidget(ask)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(form)

        self.errors = FieldErrors()  # a message under each field that is refused
        self.start_edit = DateField()
        self.start_edit.setMaximumDate(to_qdate(today))
        self.start_edit.setAccessibleName(self.tr("Date the pain started"))
        self.errors.add_row(form, self.tr("When did the pain start?"), self.start_edit,
                            "injury_start")

        self.side_combo = QComboBox()
        for side, label in (
            (Side.LEFT, self.tr("Left leg")),
            (Side.RIGHT, self.tr("Right leg")),
            (Side.BOTH, self.tr("Both legs")),
        ):
            self.side_combo.addItem(label, side)
        self.side_combo.setAccessibleName(self.tr("Which leg"))
        form.addRow(self.tr("Which leg?"), self.side_combo)

        site_box = QWidget()
        site_layout = QVBoxLayout(site_box)
        site_layout.setContentsMargins(0, 0, 0, 0)
        self.site_mid = QRadioButton(self.tr("Middle of the back of the thigh"))
        self.site_high = QRadioButton(
            self.tr("High up, near the sit bone (often worse when sitting)")
        )
        self.site_group = QButtonGroup(self)
        self.site_group.addButton(self.site_mid)
        self.site_group.addButton(self.site_high)
        site_layout.addWidget(self.site_mid)
        site_layout.addWidget(self.site_high)
        form.addRow(self.tr("Where is the pain?"), site_box)

        self.long_check = QCheckBox(self.tr("I have had it for more than 6 weeks"))
        form.addRow(self.tr("How long?"), self.long_check)

        self.units_combo = QComboBox()
        self.units_combo.addItem(self.tr("Kilometres"), Units.KM)
        self.units_combo.addItem(self.tr("Miles"), Units.MILES)
        self.units_combo.setAccessibleName(self.tr("Distance units"))
        form.addRow(self.tr("Units"), self.units_combo)

        self.weekly_edit = QLineEdit()
        self.weekly_edit.setPlaceholderText(self.tr("not sure"))
        self.weekly_edit.setAccessibleName(self.tr("Usual weekly distance"))
        self.weekly_edit.setToolTip(self.tr("What you usually ran a week before the pain; "
                                            "leave it empty if you are not sure"))
        self.weekly_unit = QLabel()
        self.errors.add_row(form, self.tr("Usual weekly distance"),
                            _with_unit(self.weekly_edit, self.weekly_unit), "usual_weekly_km")
        self.errors.inputs["usual_weekly_km"] = self.weekly_edit

        self.cadence_edit = QLineEdit()
        self.cadence_edit.setPlaceholderText(self.tr("not known"))
        self.cadence_edit.setAccessibleName(self.tr("Usual cadence"))
        self.cadence_edit.setToolTip(self.tr("Steps a minute when you run, both feet counted "
                                             "(a watch shows it); leave it empty if you do "
                                             "not know it"))
        self.errors.add_row(form, self.tr("Usual cadence"),
                            _with_unit(self.cadence_edit, QLabel(self.tr("steps/min"))),
                            "usual_cadence_spm")
        self.errors.inputs["usual_cadence_spm"] = self.cadence_edit

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(f"color: {error_colour().name()}; font-weight: 600;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if first_run:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        #: the runner asked to start a new injury episode instead (the caller opens it)
        self.new_episode_requested = False
        if not first_run and profile is not None:
            again = buttons.addButton(
                self.tr("My hamstring hurts again..."), QDialogButtonBox.ButtonRole.ActionRole
            )
            again.setObjectName("newEpisodeButton")
            again.setToolTip(self.tr("Start a new injury episode; everything so far is kept"))
            again.clicked.connect(self._ask_new_episode)
        outer.addWidget(buttons)
        self.buttons = buttons

        self._first_run = first_run
        self._leaving = False
        #: the "Leave without starting?" question, while the Welcome asks it
        self.leave_box: QMessageBox | None = None
        self.units_combo.currentIndexChanged.connect(self._units_changed)
        self.weekly_edit.textEdited.connect(self._weekly_edited)
        for name, edit in (("usual_weekly_km", self.weekly_edit),
                           ("usual_cadence_spm", self.cadence_edit),
                           ("injury_start", self.start_edit.line)):
            # a message goes while the value is being fixed; leaving the field reads it
            edit.textEdited.connect(lambda _text, name=name: self._forget(name))
        # leaving a field says at once why its value is refused, and clears that when fixed
        self.start_edit.line.editingFinished.connect(self._check_start)
        self.weekly_edit.editingFinished.connect(self._check_weekly)
        self.cadence_edit.editingFinished.connect(self._check_cadence)
        self._load(profile)
        # wrapped text makes Qt's first guess at the height too small, which squeezes the
        # choices below it: start at the full height the contents ask for
        self._fit_height()

    def _ask_new_episode(self) -> None:
        self.new_episode_requested = True
        self.reject()

    # -- size and closing ---------------------------------------------------------------

    def _fit_height(self) -> None:
        """As tall as the questions and messages, up to the screen's height (then they
        scroll): wrapped text does not resize a shown dialog by itself, and would be cut
        to one line."""
        outer = self.layout()
        margins = outer.contentsMargins()
        body = self.body.layout()
        body.activate()
        # wide enough for the widest row and a scroll bar: nothing is cut at the side
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(MIN_WIDTH, body.totalMinimumSize().width() + bar
                                 + margins.left() + margins.right()))
        width = max(self.width(), self.minimumWidth()) - margins.left() - margins.right() - bar
        needed = max(body.totalHeightForWidth(width), body.totalMinimumSize().height())
        chrome = (self.buttons.sizeHint().height() + outer.spacing() + margins.top()
                  + margins.bottom())
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry().height() - WINDOW_FRAME if screen else needed + chrome
        body_height = max(120, min(needed, room - chrome))
        self.scroll.setMinimumHeight(body_height)
        self.setMinimumHeight(body_height + chrome)
        self.resize(max(self.width(), self.minimumWidth()), body_height + chrome)

    def profile(self) -> Profile | None:
        """The accepted profile (after the dialog closes with Save/Start)."""
        return self._profile

    def accept(self) -> None:
        self.errors.clear()
        self.error_label.hide()
        try:
            self._profile = self.build_profile()
        except ValidationError as exc:
            if self.errors.show(exc) is None:  # not one of the fields: under the form
                self.error_label.setText(sentence(exc.message))
                self.error_label.show()
            self._fit_height()
            focus = QApplication.focusWidget()
            if focus is not None and self.body.isAncestorOf(focus):
                self.scroll.ensureWidgetVisible(focus)
            return
        super().accept()

    def reject(self) -> None:
        """On the Welcome, first say that nothing was saved and how to come back, and let
        the runner go back to the questions (the question does not block: see leave_box)."""
        if self._first_run and not self.new_episode_requested and not self._leaving:
            self._ask_leave()
            return
        super().reject()

    def _ask_leave(self) -> None:
        if self.leave_box is not None and self.leave_box.isVisible():
            return
        box = QMessageBox(self)
        box.setObjectName("leaveWelcome")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Hamstring Coach"))
        box.setText(self.tr("Nothing has been saved."))
        box.setInformativeText(
            self.tr("If you leave now, the next time you open Hamstring Coach it asks these "
                    "questions again, and you can start then.")
        )
        leave = box.addButton(self.tr("&Leave"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)

        def answered() -> None:
            if box.clickedButton() is leave:
                self._leaving = True
                self.reject()

        box.finished.connect(answered)
        self.leave_box = box
        box.open()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
