"""The Today tab's plan: today's run, the ladder, the week strip, moving a session, and the
cadence metronome with a fake audio sink; the click track decoded."""

from __future__ import annotations

import wave
from datetime import timedelta

from hamstring_app.core.runplan import Move
from hamstring_app.core.runplan.story import ladder_story
from hamstring_app.store import operations as op
from hamstring_app.ui.widgets.metronome import Metronome, tempo_at


class FakeSink:
    def __init__(self) -> None:
        self.volumes: list[float] = []

    def click(self, volume: float) -> None:
        self.volumes.append(volume)


def _ladder(env):
    history = ladder_story(env.today)
    outcome = env.session.ctx.ops.run(op.import_history, history)
    assert outcome
    return env.tab.plan


def test_today_tab_shows_todays_run_the_ladder_and_the_week(env):
    plan = _ladder(env)
    assert plan.isVisible()
    text = plan.text()
    assert "Ladder step 3 of 7: run 3 min, walk 1 min, 6 times (24 min)" in text
    assert "Return-to-run ladder: step 3 of 7" in text
    assert "1 good run at this step" in plan.ladder_next.text()
    buttons = [b for b in plan.strip.buttons if not b.isHidden()]
    assert len(buttons) == 7
    assert buttons[0].text().startswith("Today\nStep 3")
    assert "Rest" in buttons[1].text() and "Strength" in buttons[1].text()
    assert plan.metronome.isVisible() and plan.metronome.spm.value() == 175
    assert "no speed work" in plan.facts.text() and "flat route" in plan.facts.text()


def test_moving_a_strength_session_is_saved_and_shown(env):
    plan = _ladder(env)
    week = plan.week
    src = next(d for d in week if d.strength)
    dst = next(d for d in week if not d.strength and d.day > src.day)
    plan.strip.move_requested.emit(Move("strength", src.day, dst.day))
    after = {d.day: d for d in plan.week}
    assert after[dst.day].strength and not after[src.day].strength
    assert "Moved to" in plan.week_message.text()
    saved = env.repo.get_settings().plan_moves
    assert Move("strength", src.day, dst.day).to_text() in saved
    # rebuilt from the store (as after a restart), the move is still there
    env.reload()
    env.tab.refresh_now()
    assert {d.day: d for d in env.tab.plan.week}[dst.day].strength


def test_a_refused_move_says_why_and_saves_nothing(env):
    plan = _ladder(env)
    week = plan.week
    ladder_days = [d for d in week if d.run_kind == "ladder"]
    m = Move("run", ladder_days[1].day, ladder_days[1].day - timedelta(days=1))
    assert not plan.move_session(m)
    assert "rest day between" in plan.week_message.text()
    assert env.repo.get_settings().plan_moves == ""


def test_the_strip_menu_offers_moves_for_each_session(env):
    plan = _ladder(env)
    menu = plan.strip.buttons[1].menu()  # a rest day with strength
    menu.aboutToShow.emit()  # filled as it opens
    titles = [a.text() for a in menu.actions()]
    assert titles == ["Move strength to"]
    sub = menu.actions()[0].menu()
    assert len(sub.actions()) == 6
    sub.actions()[-1].trigger()  # to the last day of the week
    assert plan.week[-1].strength or "not made" in plan.week_message.text()


def test_the_strip_keeps_one_menu_per_day_however_often_it_is_drawn(env):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QMenu

    plan = _ladder(env)
    strip = plan.strip
    for _ in range(3):
        env.tab.refresh_now()
        for button in strip.buttons:
            if button.menu() is not None:
                button.menu().aboutToShow.emit()
                button.menu().aboutToShow.emit()  # opened twice: filled afresh, not added to
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    menus = strip.findChildren(QMenu)
    days = [b for b in strip.buttons if b.menu() is not None]
    assert days and len(menus) <= 7 + 2 * 7  # a menu per day, and its two submenus at most
    sub = days[0].menu().actions()[0].menu()
    assert len(sub.actions()) == 6


def test_metronome_start_stop_with_a_fake_sink(qtbot):
    sink = FakeSink()
    m = Metronome(sink)
    qtbot.addWidget(m)
    m.set_target(180)  # a click every 333 ms
    m.volume.setValue(40)
    m.start()
    assert m.running and m.start_button.text() == "Stop"
    qtbot.waitUntil(lambda: len(sink.volumes) >= 3, timeout=5000)
    m.stop()
    count = len(sink.volumes)
    assert not m.running and m.start_button.text() == "Start"
    qtbot.wait(500)
    assert len(sink.volumes) == count  # nothing after Stop
    assert set(sink.volumes) == {0.4}


def test_the_ramp_rises_5_percent_to_the_target():
    assert tempo_at(175, 0, ramp=True) == 167
    assert 167 < tempo_at(175, 150, ramp=True) < 175
    assert tempo_at(175, 300, ramp=True) == 175
    assert tempo_at(175, 0, ramp=False) == 175


def test_save_a_click_track_writes_a_loopable_minute(qtbot, tmp_path, monkeypatch):
    m = Metronome(FakeSink())
    qtbot.addWidget(m)
    m.set_target(172)
    target = tmp_path / "track"
    monkeypatch.setattr(m, "ask_path", lambda: str(target))
    path = m.save_click_track()
    assert path == tmp_path / "track.wav"
    with wave.open(str(path), "rb") as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    onsets, quiet = 0, rate
    for v in frames:
        loud = abs(v - 128) > 20
        if loud and quiet > rate * 0.05:
            onsets += 1
        quiet = 0 if loud else quiet + 1
    assert len(frames) / rate == 60.0
    assert onsets == 172
    assert "loops without a gap" in m.status.text()


def test_a_click_track_that_cannot_be_written_says_so(qtbot, tmp_path, monkeypatch):
    m = Metronome(FakeSink())
    qtbot.addWidget(m)
    monkeypatch.setattr(m, "ask_path", lambda: str(tmp_path / "missing" / "x.wav"))
    assert m.save_click_track() is None
    assert "could not be saved" in m.status.text()
