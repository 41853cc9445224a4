"""The profile form's values: loading a profile into the fields, the weekly distance kept in
km whatever units are shown, each field read (or refused, saying why) and the profile the
fields describe.

:class:`~hamstring_app.ui.profile_dialog.ProfileDialog` builds the fields used here and
supplies ``_fit_height``.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog

from hamstring_app.core.models import (
    PainSite,
    Profile,
    Side,
    Units,
    ValidationError,
)
from hamstring_app.ui.checkin.fields import sentence
from hamstring_app.ui.checkin.run_reading import FieldProblems
from hamstring_app.ui.dates import to_qdate
from hamstring_app.ui.profile_fields import (
    km_per_unit,
    read_cadence,
    read_start,
    read_weekly,
    unit_word,
)

FIELDS = ("injury_start", "usual_weekly_km", "usual_cadence_spm")  # in the form's order


class ProfileReading(QDialog):
    """Between the profile dialog's fields and a Profile; no widgets of its own."""

    def _units(self) -> Units:
        return Units(self.units_combo.currentData())

    def _update_units_suffix(self) -> None:
        self.weekly_unit.setText(unit_word(self._units()))

    def _shown_weekly(self) -> str:
        """The weekly distance (kept in km) as shown in the chosen units."""
        if self._weekly_km is None:
            return ""
        shown = self._weekly_km / km_per_unit(self._units())
        return "0" if shown == 0 else f"{max(1, round(shown))}"

    def _units_changed(self) -> None:
        """Another unit converts the distance (30 km reads 19 mi), it never relabels it.
        A distance that cannot be read stays as typed, for the runner to fix."""
        self._update_units_suffix()
        if self._weekly_km is not None:
            self.weekly_edit.setText(self._shown_weekly())
        if self.errors.message("usual_weekly_km"):
            self._check("usual_weekly_km")  # the limit is said in the new units

    def _weekly_edited(self, text: str) -> None:
        """Keep the typed distance in km, so that changing units converts it exactly."""
        try:
            value = read_weekly(text, self._units())
        except ValidationError:
            self._weekly_km = None
            return
        self._weekly_km = None if value is None else value * km_per_unit(self._units())

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
        self.weekly_edit.setText(self._shown_weekly())
        cadence = p.usual_cadence_spm
        self.cadence_edit.setText("" if cadence is None else str(cadence))

    def _read(self, name: str) -> object:
        """One field's value; raises ValidationError saying why it is refused."""
        if name == "injury_start":
            return read_start(self.start_edit.text(), self._today,
                              self.start_edit.displayFormat())
        if name == "usual_weekly_km":
            typed = self.weekly_edit.text().strip()
            if typed and self._weekly_km is not None and typed == self._shown_weekly():
                return self._weekly_km  # exact, whatever units were shown on the way
            value = read_weekly(typed, self._units())
            return None if value is None else value * km_per_unit(self._units())
        return read_cadence(self.cadence_edit.text())

    # slots of the dialog itself (not lambdas), so that a field losing the focus while the
    # dialog is being destroyed calls nothing
    def _check_start(self) -> None:
        self._check("injury_start")

    def _check_weekly(self) -> None:
        self._check("usual_weekly_km")

    def _check_cadence(self) -> None:
        self._check("usual_cadence_spm")

    def _check(self, name: str) -> None:
        """Say why the field's value is refused, or clear what was said."""
        if not shiboken6.isValid(self) or not self.isVisible():
            return  # closing: a field lost the focus on the way
        label = self.errors.labels[name]
        try:
            self._read(name)
        except ValidationError as exc:
            label.setText(sentence(exc.message))
            label.show()
        else:
            label.clear()
            label.hide()
        self._fit_height()

    def _forget(self, name: str) -> None:
        label = self.errors.labels[name]
        if not label.isHidden():
            label.hide()
            self._fit_height()


    def build_profile(self) -> Profile:
        """The profile the form describes. Raises ValidationError when it is not valid;
        with several fields wrong, its ``problems`` hold one error per field."""
        values: dict[str, object] = {}
        problems: list[ValidationError] = []
        for name in FIELDS:
            try:
                values[name] = self._read(name)
            except ValidationError as exc:
                problems.append(exc)
        if problems:
            raise FieldProblems(problems)
        weekly_km = values["usual_weekly_km"]
        return Profile(
            injury_start=values["injury_start"],  # type: ignore[arg-type]
            side=Side(self.side_combo.currentData()),
            pain_site=PainSite.HIGH_NEAR_SIT_BONE
            if self.site_high.isChecked()
            else PainSite.MID_THIGH,
            long_standing=self.long_check.isChecked(),
            usual_weekly_km=None if weekly_km is None else round(weekly_km, 1),  # type: ignore[call-overload]
            usual_cadence_spm=values["usual_cadence_spm"],  # type: ignore[arg-type]
            units=self._units(),
        )
