"""The Recovery tab with known data: what the graphs hold, where the window is, presets,
hover, click-through, refresh, export and the empty state."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMessageBox
from recovery_samples import ONSET, TODAY

from hamstring_app.core.models import CheckIn, Profile, Verdict
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.progress.days import DAY_S, day_start_x, day_x, x_day
from hamstring_app.ui.progress.navigation import Preset
from hamstring_app.ui.widgets.stale_tab import StaleTab


def _view_point(env, day: date, plot=None) -> QPoint:
    plots = env.tab.plots
    scene = plots.scene_pos_of(day, plot)
    return plots.mapFromScene(scene)


def _bar_count(item) -> int:
    x = item.opts.get("x")
    return 0 if x is None else len(x)


# ------------------------------------------------------------------------ contents


def test_plots_hold_one_point_per_answer(env):
    plots = env.tab.plots
    assert env.tab.stack.currentWidget() is env.tab.view_scroll
    assert len(plots.pain_rest.data) == 21
    assert len(plots.pain_waking.data) == 14
    assert len(plots.pain_run.data) == 6
    assert len(plots.runs.data) == 6
    x, y = plots.pain_mean.getData()
    # the rules' 7-day mean, from the third day of answers on (it needs three)
    assert len(x) == 19 and not np.isnan(y).any()


def test_running_and_strength_plots_hold_weeks_runs_and_load_events(env):
    plots = env.tab.plots
    # Feb 26 (Thu) to Mar 18 (Wed): the weeks of Feb 23, Mar 2, Mar 9 and Mar 16
    assert _bar_count(plots.week_bars) == 4
    assert list(plots.week_bars.opts["height"]) == pytest.approx([5.0, 11.0, 17.0, 6.0])
    # the 6 km run (20% over 5 km) and the 12 km run (double the 6 km) are spikes
    spike_x, spike_y = plots.spikes.getData()
    assert [x_day(x) for x in spike_x] == [date(2026, 3, 6), date(2026, 3, 13)]
    assert list(spike_y) == [6.0, 12.0]
    # the weekly jumps are not load warnings yet: a weekly change needs 3 earlier weeks on
    # record, and this history starts 20 days back
    assert len(plots.load_marks.data) == 0
    assert _bar_count(plots.session_bars) == 4
    assert list(plots.session_bars.opts["height"]) == [1, 1, 1, 0]
    _, reps = plots.volume.getData()
    assert list(reps) == [12, 12, 12, 0]
    assert plots.plan_line.value() == env.repo.get_settings().sessions_per_week


def test_verdict_strip_has_one_bar_per_checkin_and_marks_the_red_flag(env):
    plots = env.tab.plots
    total = sum(_bar_count(bars) for bars in plots.verdict_bars.values())
    assert total == 21
    flag_x, _ = plots.flags.getData()
    assert [x_day(x) for x in flag_x] == [TODAY - timedelta(days=18)]
    stop_x = plots.verdict_bars[Verdict.STOP].opts["x"]
    assert x_day(stop_x[0]) == TODAY - timedelta(days=18)
    # taller for more serious verdicts, so colour is not the only signal
    heights = [plots.verdict_bars[v].opts["height"][0] for v in (Verdict.HOLD, Verdict.STOP)]
    assert heights[0] < heights[1]


def test_recovery_window_and_onset_are_drawn_on_every_plot(env):
    plots = env.tab.plots
    start, end = day_start_x(ONSET + timedelta(weeks=2)), day_start_x(ONSET + timedelta(weeks=6))
    assert len(plots.windows) == 4
    for region, line in zip(plots.windows, plots.onset_lines, strict=True):
        assert region.isVisible() and line.isVisible()
        assert region.getRegion() == pytest.approx((start, end))
        assert line.value() == day_start_x(ONSET)
    assert "2-6 weeks" in plots.pain.legend_item.entry_text(plots.window_sample)
    assert "18 Feb 2026" in plots.onset_label.toPlainText()


def test_long_standing_profile_moves_the_window(env, qtbot):
    from dataclasses import replace

    env.repo.save_profile(replace(env.repo.get_profile(), long_standing=True))
    env.session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    lo, hi = env.tab.assessment.recovery.expected_window_weeks
    assert (lo, hi) != (2, 6)
    region = env.tab.plots.windows[0].getRegion()
    assert region == pytest.approx(
        (day_start_x(ONSET + timedelta(weeks=lo)), day_start_x(ONSET + timedelta(weeks=hi)))
    )


def test_summary_answers_first(env):
    text = env.tab.header.plain_text()
    assert "4 weeks since the pain started: inside the usual 2-6 weeks" in text
    assert "easing" in text and "2.6/10" in text and "3.7 two weeks ago" in text
    assert "18.0 km in the last 7 days" in text
    assert "2 of 6 planned sessions" in text


# ------------------------------------------------------------------------ ranges


def test_presets_change_the_view_range(env, qtbot):
    tab, plots = env.tab, env.tab.plots
    qtbot.mouseClick(tab.preset_buttons[Preset.FOUR_WEEKS], Qt.MouseButton.LeftButton)
    low, high = plots.x_range()
    assert x_day(low + DAY_S) == TODAY - timedelta(days=27)
    assert x_day(high - DAY_S) == TODAY + timedelta(days=6)  # the week ahead's plan line
    assert (high - low) / DAY_S == pytest.approx(35, abs=0.6)

    qtbot.mouseClick(tab.preset_buttons[Preset.SINCE_ONSET], Qt.MouseButton.LeftButton)
    low, high = plots.x_range()
    assert low < day_start_x(ONSET) < low + 5 * DAY_S
    assert high >= day_start_x(ONSET + timedelta(weeks=6))  # the whole window shows
    assert tab.preset_buttons[Preset.SINCE_ONSET].isChecked()

    qtbot.mouseClick(tab.preset_buttons[Preset.ALL], Qt.MouseButton.LeftButton)
    low, _ = plots.x_range()
    assert x_day(low + 4 * DAY_S) == ONSET  # the onset, before the first record, shows


def test_preset_shortcuts_work_from_the_keyboard(env, qtbot):
    window = env.session.window
    window.activateWindow()
    qtbot.waitActive(window)
    env.tab.plots.setFocus()
    # a button's shortcut "animates" the click: it lands a moment later
    qtbot.keyClick(env.tab.plots, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: env.tab.preset == Preset.FOUR_WEEKS, timeout=2000)
    qtbot.keyClick(env.tab.plots, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: env.tab.preset == Preset.ALL, timeout=2000)
    assert env.tab.preset_buttons[Preset.ALL].isChecked()


def test_zoom_keys_change_the_range(env, qtbot):
    plots = env.tab.plots
    plots.setFocus()
    low, high = plots.x_range()
    qtbot.keyClick(plots, Qt.Key.Key_Plus)
    new_low, new_high = plots.x_range()
    assert new_high - new_low < high - low


# ------------------------------------------------------------------------ hover and click


def test_hover_shows_that_days_values(env, qtbot):
    day = TODAY - timedelta(days=5)  # Mar 13: the 12 km spike
    qtbot.mouseMove(env.tab.plots.viewport(), _view_point(env, day))
    qtbot.waitUntil(lambda: env.tab.plots.cursor_day == day, timeout=2000)
    text = env.tab.readout.text()
    assert "Fri, 13 Mar 2026" in text
    assert "run 12.0 km easy" in text
    assert "single-run spike" in text
    assert "at rest 1" in text
    assert all(line.isVisible() for line in env.tab.plots.hover_lines)
    assert env.tab.plots.hover_lines[0].value() == day_x(day)


def test_hover_on_the_running_plot_too(env, qtbot):
    day = TODAY - timedelta(days=9)
    point = _view_point(env, day, env.tab.plots.running)
    qtbot.mouseMove(env.tab.plots.viewport(), point)
    qtbot.waitUntil(lambda: env.tab.plots.cursor_day == day, timeout=2000)
    assert "Mon, 9 Mar 2026" in env.tab.readout.text()


def test_click_opens_that_day(env, qtbot):
    day = TODAY - timedelta(days=3)
    with qtbot.waitSignal(env.session.ctx.events.open_day, timeout=2000) as blocker:
        qtbot.mouseClick(
            env.tab.plots.viewport(), Qt.MouseButton.LeftButton, pos=_view_point(env, day)
        )
    assert blocker.args == [day]


def test_keyboard_moves_the_day_and_enter_opens_it(env, qtbot):
    plots = env.tab.plots
    plots.setFocus()
    qtbot.keyClick(plots, Qt.Key.Key_End)
    qtbot.keyClick(plots, Qt.Key.Key_Left)
    qtbot.keyClick(plots, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert plots.cursor_day == TODAY - timedelta(days=8)
    with qtbot.waitSignal(env.session.ctx.events.open_day, timeout=2000) as blocker:
        qtbot.keyClick(plots, Qt.Key.Key_Return)
    assert blocker.args == [TODAY - timedelta(days=8)]


def test_the_main_window_switches_to_the_checkin_tab_on_open_day(qtbot, session_factory, home):
    """Enter on a day of the graphs opens that day's check-in on the Today tab."""
    from hamstring_app.ui.checkin.tab import CheckInTab
    from hamstring_app.ui.progress.tab import RecoveryTab

    session = session_factory(tab_factories=[CheckInTab, RecoveryTab])
    session.ctx.repo.save_profile(Profile(injury_start=ONSET))
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    assert window.show_tab("recovery")
    today_tab = window.tabs.widget(0)
    day = TODAY - timedelta(days=3)
    session.ctx.events.open_day.emit(day)
    assert window.tabs.currentWidget() is today_tab
    assert today_tab.form.day() == day


# ------------------------------------------------------------------------ refresh


def test_new_checkin_refreshes_the_visible_tab(env):
    before = len(env.tab.plots.pain_rest.data)
    env.repo.delete_checkin(TODAY)
    env.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(TODAY,)))
    assert len(env.tab.plots.pain_rest.data) == before - 1
    env.repo.save_checkin(CheckIn(day=TODAY, pain_rest=1, pain_next_morning=1))
    env.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(TODAY,)))
    assert len(env.tab.plots.pain_rest.data) == before


class _OtherTab(StaleTab):
    title = "Other"

    def refresh(self) -> None:
        pass


def test_hidden_tab_refreshes_only_when_shown(qtbot, session_factory, home):
    from recovery_samples import known_history

    from hamstring_app.ui.progress.tab import RecoveryTab

    session = session_factory(tab_factories=[_OtherTab, RecoveryTab])
    session.ctx.repo.import_history(known_history())
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    tab = window.tabs.widget(1)
    assert isinstance(tab, RecoveryTab)
    assert tab.data is None  # never shown yet: nothing loaded
    window.tabs.setCurrentIndex(1)
    assert len(tab.plots.pain_rest.data) == 21
    window.tabs.setCurrentIndex(0)
    session.ctx.repo.delete_checkin(TODAY)
    session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(TODAY,)))
    assert tab.stale and len(tab.plots.pain_rest.data) == 21
    window.tabs.setCurrentIndex(1)
    assert not tab.stale and len(tab.plots.pain_rest.data) == 20


# ------------------------------------------------------------------------ export


def test_export_png_writes_a_real_picture(env, tmp_path):
    path = env.tab.export_to(tmp_path / "recovery.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    view = env.tab.view
    assert (width, height) == (view.width() * 2, view.height() * 2)
    assert len(data) > 20_000  # graphs and words, not a blank image


def test_export_svg_is_valid_xml_with_drawing(env, tmp_path):
    path = env.tab.export_to(tmp_path / "recovery.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == f"0 0 {env.tab.view.width()} {env.tab.view.height()}"
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "Pain" in texts and "since the pain started" in texts
    assert sum(1 for el in root.iter() if el.tag.endswith(("path", "polyline", "rect"))) > 50


def test_export_without_an_extension_saves_png(env, tmp_path):
    path = env.tab.export_to(tmp_path / "picture")
    assert path == tmp_path / "picture.png" and path.read_bytes()[:4] == b"\x89PNG"


def test_export_to_a_missing_folder_says_so_kindly(env, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    assert env.tab.export_to(tmp_path / "no" / "such" / "folder.svg") is None
    assert env.tab.export_to(tmp_path / "no" / "such" / "folder.png") is None
    assert len(shown) == 2 and "could not be saved" in shown[0]
    assert "Traceback" not in shown[0]


def test_export_dialog_uses_the_chosen_file(env, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "chosen.svg"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG drawing (*.svg)")
    )
    env.tab.export_dialog()
    assert ET.parse(target).getroot().tag.endswith("svg")


# ------------------------------------------------------------------------ empty and palette


def test_empty_database_shows_what_to_log_first(empty_env, qtbot):
    tab = empty_env.tab
    assert tab.stack.currentWidget() is tab.empty_page
    assert tab.empty.isVisible()
    assert "Add when your pain started" in tab.empty.text()  # no profile yet
    empty_env.repo.save_profile(Profile(injury_start=ONSET))
    empty_env.session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    assert tab.stack.currentWidget() is tab.empty_page
    assert "Log your first check-in to see your trend" in tab.empty.text()
    assert not tab.plots.isVisible()
    assert not tab.controls.isVisible()
    with qtbot.waitSignal(empty_env.session.ctx.events.open_day, timeout=2000) as blocker:
        qtbot.mouseClick(tab.empty_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [TODAY]


def test_first_checkin_replaces_the_empty_state(empty_env):
    env = empty_env
    env.repo.save_checkin(CheckIn(day=TODAY, pain_rest=2))
    env.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(TODAY,)))
    assert env.tab.stack.currentWidget() is env.tab.view_scroll
    assert len(env.tab.plots.pain_rest.data) == 1
    assert "Add when the pain started" in env.tab.header.plain_text()
    assert not env.tab.plots.windows[0].isVisible()


def test_follows_a_dark_palette(env):
    palette = QPalette(env.tab.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    env.tab.setPalette(palette)
    assert env.tab.plots.backgroundBrush().color() == QColor("#202124")
    axis = env.tab.plots.pain.getAxis("left")
    assert axis.textPen().color() == QColor("#e8eaed")


def test_every_control_has_an_accessible_name(env):
    from PySide6.QtWidgets import QPushButton

    for button in env.tab.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
    assert env.tab.plots.accessibleName()


def test_scene_point_round_trip():
    assert x_day(day_x(date(2026, 3, 29))) == date(2026, 3, 29)  # a DST change in Europe
    assert x_day(day_start_x(date(2024, 2, 29))) == date(2024, 2, 29)
    assert x_day(day_start_x(date(2024, 3, 1)) - 1) == date(2024, 2, 29)


def test_distance_axis_fits_the_weeks_in_view(env, qtbot):
    plots = env.tab.plots
    env.tab.show_preset(Preset.FOUR_WEEKS)
    _, (y_low, y_high) = plots.running.vb.viewRange()
    assert (y_low, y_high) == pytest.approx((0, 17.0 * 1.12))  # the 17 km week tops it


def test_miles_profile_shows_miles(env):
    from dataclasses import replace

    from hamstring_app.core.models import KM_PER_MILE, Units

    env.repo.save_profile(replace(env.repo.get_profile(), units=Units.MILES))
    env.session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    plots = env.tab.plots
    heights = plots.week_bars.opts["height"]
    assert list(heights) == pytest.approx([v / KM_PER_MILE for v in (5.0, 11.0, 17.0, 6.0)])
    assert plots.running.legend_item.left_title.text == "Distance (miles)"
    plots.set_cursor(TODAY - timedelta(days=5))
    assert "run 7.5 miles easy" in env.tab.readout.text()
    assert "miles in the last 7 days" in env.tab.header.plain_text()


def test_load_warnings_other_than_spikes_are_marked_on_their_days(open_env):
    from hamstring_app.core.models import History, Run, RunType
    from hamstring_app.core.rules import load_events

    start = TODAY - timedelta(days=41)
    runs = [
        Run(day=start + timedelta(days=k), distance_km=5.0, duration_min=30, rpe=4)
        for k in range(0, 35, 2)
    ]
    # the last week: every day, with two hard days back to back
    runs += [
        Run(day=TODAY - timedelta(days=k), distance_km=6.0, duration_min=36, rpe=4)
        for k in range(2, 7)
    ]
    runs += [
        Run(day=TODAY - timedelta(days=1), distance_km=6.0, duration_min=30,
            type=RunType.INTERVALS, rpe=8),
        Run(day=TODAY, distance_km=6.0, duration_min=30, type=RunType.TEMPO, rpe=8),
    ]
    history = History(profile=Profile(injury_start=start), runs=tuple(runs))
    expected = sorted(
        {e.day for e in load_events(history) if e.rule != "load.single_run_spike"}
    )
    assert expected, "the history should raise load warnings besides spikes"
    env = open_env(history)
    env.tab.show_preset("all")
    x, _ = env.tab.plots.load_marks.getData()
    assert sorted({x_day(v) for v in x}) == expected


def test_all_includes_the_onset_before_the_first_record(open_env):
    onset = TODAY - timedelta(days=40)  # the pain began weeks before the app was used
    from hamstring_app.core.models import History

    history = History(
        profile=Profile(injury_start=onset),
        checkins=(CheckIn(day=TODAY - timedelta(days=5), pain_rest=2),
                  CheckIn(day=TODAY, pain_rest=1)),
    )
    env = open_env(history)
    env.tab.refresh_now()
    low, high = env.tab.plots.preset_range(Preset.ALL)
    assert low < day_start_x(onset) and high > day_start_x(TODAY)
    since_low, _ = env.tab.plots.preset_range(Preset.SINCE_ONSET)
    assert low <= since_low  # "All" never shows less than "Since onset"
