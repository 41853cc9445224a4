"""The profile dialog: units convert the usual weekly distance, never just relabel it."""

from __future__ import annotations

from datetime import date

import pytest

from hamstring_app.core.models import Profile, Units
from hamstring_app.ui.profile_dialog import ProfileDialog


def _dialog(qtbot, clock, weekly_km: float | None, units: Units = Units.KM) -> ProfileDialog:
    profile = Profile(injury_start=date(2026, 2, 20), usual_weekly_km=weekly_km, units=units)
    dialog = ProfileDialog(clock.today(), profile)
    qtbot.addWidget(dialog)
    return dialog


def test_switching_to_miles_converts_the_weekly_distance(qtbot, clock):
    dialog = _dialog(qtbot, clock, 30.0)
    assert dialog.weekly_edit.text() == "30"
    dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.MILES))
    assert dialog.weekly_unit.text() == "mi"
    assert int(dialog.weekly_edit.text()) == pytest.approx(30 / 1.609344, abs=0.5)
    assert dialog.build_profile().usual_weekly_km == pytest.approx(30.0, abs=0.5)


def test_switching_back_and_forth_keeps_the_distance(qtbot, clock):
    dialog = _dialog(qtbot, clock, 30.0)
    for _ in range(3):
        dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.MILES))
        dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.KM))
    assert dialog.weekly_edit.text() == "30"
    assert dialog.build_profile().usual_weekly_km == 30.0


def test_a_profile_in_miles_switched_to_km_keeps_the_distance(qtbot, clock):
    dialog = _dialog(qtbot, clock, 32.2, Units.MILES)
    assert dialog.weekly_edit.text() == "20"
    dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.KM))
    assert dialog.weekly_edit.text() == "32"
    assert dialog.build_profile().usual_weekly_km == pytest.approx(32.2, abs=0.5)


def test_not_sure_stays_not_sure_when_units_change(qtbot, clock):
    dialog = _dialog(qtbot, clock, None)
    dialog.units_combo.setCurrentIndex(dialog.units_combo.findData(Units.MILES))
    assert dialog.weekly_edit.text() == ""
    assert dialog.build_profile().usual_weekly_km is None


def test_a_typed_start_date_in_the_future_is_refused_and_says_why(qtbot, clock):
    dialog = _dialog(qtbot, clock, None)
    dialog.start_edit.line.setText("2027-01-01")
    dialog.accept()
    assert dialog.profile() is None
    assert "future" in dialog.errors.message("injury_start")


def test_a_typed_start_date_that_is_not_a_date_says_so(qtbot, clock):
    dialog = _dialog(qtbot, clock, None)
    dialog.start_edit.line.setText("last spring")
    dialog.accept()
    assert dialog.profile() is None
    assert "not a date" in dialog.errors.message("injury_start")


def test_a_typed_start_date_is_kept(qtbot, clock):
    dialog = _dialog(qtbot, clock, None)
    dialog.start_edit.line.setText("2026-01-31")
    dialog.accept()
    assert dialog.profile().injury_start == date(2026, 1, 31)
