"""The profile: who the runner is and when this episode started. Also the first-run welcome."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import (
    KM_PER_MILE,
    PainSite,
    Profile,
    Side,
    Units,
    ValidationError,
)
from hamstring_app.ui.help_window import help_url
from hamstring_app.ui.texts import disclaimer_html
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.date_field import DateField


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


class ProfileDialog(QDialog):
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
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
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

        self.start_edit = DateField()
        self.start_edit.setMaximumDate(to_qdate(today))
        self.start_edit.setAccessibleName(self.tr("Date the pain started"))
        form.addRow(self.tr("When did the pain start?"), self.start_edit)

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

        self.weekly_spin = QDoubleSpinBox()
        self.weekly_spin.setRange(0, 600)
        self.weekly_spin.setDecimals(0)
        self.weekly_spin.setSpecialValueText(self.tr("not sure"))
        self.weekly_spin.setAccessibleName(self.tr("Usual weekly distance"))
        form.addRow(self.tr("Usual weekly distance"), self.weekly_spin)

        self.cadence_spin = QSpinBox()
        self.cadence_spin.setRange(99, 260)
        self.cadence_spin.setSpecialValueText(self.tr("not known"))
        self.cadence_spin.setSuffix(self.tr(" steps/min"))
        self.cadence_spin.setAccessibleName(self.tr("Usual cadence"))
        form.addRow(self.tr("Usual cadence"), self.cadence_spin)

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
        layout.addWidget(buttons)

        self.units_combo.currentIndexChanged.connect(self._units_changed)
        self.weekly_spin.valueChanged.connect(self._weekly_edited)
        self._load(profile)
        # wrapped text makes Qt's first guess at the height too small, which squeezes the
        # choices below it: start at the full height the contents ask for
        self.setMinimumHeight(self.sizeHint().height())

    def _ask_new_episode(self) -> None:
        self.new_episode_requested = True
        self.reject()

    # -- values -------------------------------------------------------------------------

    def _units(self) -> Units:
        return Units(self.units_combo.currentData())

    def _update_units_suffix(self) -> None:
        self.weekly_spin.setSuffix(" km" if self._units() is Units.KM else " mi")

    def _km_factor(self) -> float:
        """Kilometres in one unit of the distance shown."""
        return 1.0 if self._units() is Units.KM else KM_PER_MILE

    def _show_weekly(self) -> None:
        """Show the weekly distance (kept in km) in the chosen units."""
        self.weekly_spin.blockSignals(True)
        if self._weekly_km is None:
            self.weekly_spin.setValue(0)
        else:
            self.weekly_spin.setValue(max(1, round(self._weekly_km / self._km_factor())))
        self.weekly_spin.blockSignals(False)

    def _units_changed(self) -> None:
        """Another unit converts the distance (30 km reads 19 mi), it never relabels it."""
        self._update_units_suffix()
        self._show_weekly()

    def _weekly_edited(self, value: float) -> None:
        self._weekly_km = None if value == 0 else value * self._km_factor()

    def _load(self, profile: Profile | None) -> None:
        p = profile or Profile(injury_start=self._today)
        self.start_edit.setDate(to_qdate(p.injury_start))
        self.side_combo.setCurrentIndex(self.side_combo.findData(p.side))
        high = p.pain_site is PainSite.HIGH_NEAR_SIT_BONE
        (self.site_high if high else self.site_mid).setChecked(True)
        self.long_check.setChecked(p.long_standing)
        self._weekly_km = p.usual_weekly_km
        self.units_combo.blockSignals(True)
        self.units_combo.setCurrentIndex(self.units_combo.findData(p.units))
        self.units_combo.blockSignals(False)
        self._update_units_suffix()
        self._show_weekly()
        self.cadence_spin.setValue(p.usual_cadence_spm or self.cadence_spin.minimum())

    def build_profile(self) -> Profile:
        """The profile the form describes; raises ValidationError when it is not valid."""
        units = self._units()
        weekly_km = self._weekly_km  # exact, whatever units were shown on the way
        cadence = self.cadence_spin.value()
        start = self.start_edit.typed_date()
        if start is None:
            example = to_qdate(self._today).toString(self.start_edit.displayFormat())
            raise ValidationError(
                "injury_start",
                self.tr("“%s” is not a date. Type the day the pain started like %s.")
                % (self.start_edit.text(), example),
            )
        if start > self._today:
            raise ValidationError("injury_start", self.tr("the start date cannot be in the future"))
        return Profile(
            injury_start=start,
            side=Side(self.side_combo.currentData()),
            pain_site=PainSite.HIGH_NEAR_SIT_BONE
            if self.site_high.isChecked()
            else PainSite.MID_THIGH,
            long_standing=self.long_check.isChecked(),
            usual_weekly_km=None if weekly_km is None else round(weekly_km, 1),
            usual_cadence_spm=None if cadence == self.cadence_spin.minimum() else cadence,
            units=units,
        )

    def profile(self) -> Profile | None:
        """The accepted profile (after the dialog closes with Save/Start)."""
        return self._profile

    def accept(self) -> None:
        try:
            self._profile = self.build_profile()
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        super().accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
