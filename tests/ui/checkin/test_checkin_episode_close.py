"""Assessments as rows of the Today history, and "I have recovered" closing the episode."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from hamstring_app.core.episodes import AssessmentOutcome, EpisodeEnd, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.episode_dialogs import RecoveredDialog

NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def clean(day, **kw) -> CheckIn:
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True, **NO_FLAGS}
    return CheckIn(day=day, **{**values, **kw})


def _answer(dialog_type, fill, accept=True):
    """Fill (and accept) the next dialog of ``dialog_type`` when it opens."""

    def act() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, dialog_type) and w.isVisible():
                fill(w)
                if accept:
                    w.accept()
                return
        QTimer.singleShot(20, act)

    QTimer.singleShot(20, act)


@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch):
    from hamstring_app.ui import episode_dialogs

    seen: list[str] = []
    monkeypatch.setattr(
        episode_dialogs.QMessageBox, "warning", lambda _p, _t, text: seen.append(text)
    )
    return seen


def _rows(env):
    model = env.tab.history.model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_assessments_are_rows_of_the_history(env):
    day = env.today - timedelta(days=3)
    env.repo.save_checkin(clean(day))
    env.repo.add_assessment(ProfessionalAssessment(day, AssessmentOutcome.REHAB_ONLY,
                                                   "Dr Lee, physio"))
    env.repo.add_assessment(ProfessionalAssessment(env.today - timedelta(days=1)))
    env.reload()
    env.tab.refresh_now()
    rows = _rows(env)
    entries = [(r[0], r[1]) for r in rows]
    # newest first; on one day the assessment comes above the check-in
    assert entries == [
        (day_text(env.today - timedelta(days=1)), "Assessment"),
        (day_text(day), "Assessment"),
        (day_text(day), "Check-in"),
    ]
    assert rows[1][4] == "rehab only, no running yet; “Dr Lee, physio”"
    assert rows[0][4] == "what they said not recorded"
    assert rows[1][2] == "" and rows[1][3] == ""


def test_an_assessment_row_is_deleted_and_undone_not_edited(env, qtbot):
    a = env.repo.add_assessment(ProfessionalAssessment(env.today, AssessmentOutcome.NO_RUNNING))
    env.repo.save_checkin(clean(env.today))
    env.reload()
    env.tab.refresh_now()
    panel = env.tab.history
    panel.table.selectRow(0)
    assert panel.selected_row().assessment == a
    assert not panel.edit_button.isEnabled() and panel.delete_button.isEnabled()
    assert env.tab.verdict.assessment.verdict.value == "stop"
    panel.delete_selected()
    assert env.repo.list_assessments() == ()
    qtbot.waitUntil(lambda: env.tab.verdict.assessment.verdict.value != "stop", timeout=3000)
    assert "Assessment" not in [r[1] for r in _rows(env)]
    env.tab.undo_stack.undo()
    assert env.repo.list_assessments() == (a,)  # back with its id
    qtbot.waitUntil(lambda: "Assessment" in [r[1] for r in _rows(env)], timeout=3000)


def test_i_have_recovered_closes_the_episode_and_ctrl_z_opens_it_again(env, qtbot):
    env.repo.save_checkin(clean(env.today))
    env.reload()
    env.tab.refresh_now()
    bar = env.tab.safety
    qtbot.waitUntil(lambda: bar.recovered_button.isVisible(), timeout=3000)
    (episode,) = env.repo.list_episodes()
    ended_on = env.today - timedelta(days=2)
    _answer(RecoveredDialog, lambda d: d.date_edit.line.setText(ended_on.isoformat()))
    qtbot.mouseClick(bar.recovered_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: env.repo.current_episode() is None, timeout=3000)
    (closed,) = env.repo.list_episodes()
    assert (closed.ended, closed.end_reason) == (ended_on, EpisodeEnd.RECOVERED)
    qtbot.waitUntil(lambda: not bar.recovered_button.isVisible(), timeout=3000)
    assert env.tab.verdict.assessment.recovery.status == "recovered"
    env.tab.undo_stack.undo()
    assert env.repo.current_episode() == episode
    qtbot.waitUntil(lambda: bar.recovered_button.isVisible(), timeout=3000)


def test_the_recovered_dialog_refuses_a_day_before_the_onset_or_not_a_date(env, qtbot):
    env.repo.save_checkin(clean(env.today))
    env.reload()
    env.tab.refresh_now()
    (episode,) = env.repo.list_episodes()
    dialog = RecoveredDialog(env.today, episode)
    qtbot.addWidget(dialog)
    dialog.show()
    for text, said in (
        ((episode.onset - timedelta(days=1)).isoformat(), "before the pain started"),
        ("31/31/31", "is not a date"),
        ((env.today + timedelta(days=1)).isoformat(), "in the future"),
    ):
        dialog.date_edit.line.setText(text)
        dialog.accept()
        assert dialog.isVisible() and said in dialog.error.text(), dialog.error.text()
    dialog.date_edit.line.setText(episode.onset.isoformat())
    dialog.reason.setCurrentIndex(dialog.reason.findData(EpisodeEnd.CLOSED))
    dialog.accept()
    assert not dialog.isVisible()
    assert (dialog.ended(), dialog.end_reason()) == (episode.onset, EpisodeEnd.CLOSED)
    assert env.repo.current_episode() == episode  # the dialog itself saves nothing


def test_closing_says_what_it_does_not_change(env, qtbot):
    env.repo.save_checkin(clean(env.today))
    env.repo.add_assessment(ProfessionalAssessment(env.today, AssessmentOutcome.REHAB_ONLY))
    env.reload()
    env.tab.refresh_now()
    seen: list[str] = []

    def look(d):
        seen.append(d.caution.text() if d.caution.isVisible() else "")
        d.reject()

    _answer(RecoveredDialog, look, accept=False)
    env.tab.end_episode()
    assert seen and "said not to run yet" in seen[0]
    assert env.repo.current_episode() is not None  # cancelled: nothing changed


def test_the_no_running_advice_explains_itself_in_plain_words(env):
    from hamstring_app.core.models import Units
    from hamstring_app.ui.checkin.why_text import why_lines

    env.repo.save_checkin(clean(env.today))
    said_on = env.today - timedelta(days=2)
    env.repo.add_assessment(ProfessionalAssessment(said_on, AssessmentOutcome.REHAB_ONLY))
    env.reload()
    env.tab.refresh_now()
    a = env.tab.verdict.assessment
    (item,) = [x for x in a.advice if x.rule == "pain.professional_no_running"]
    lines = why_lines(item.why, Units.KM)
    assert f"Assessed by a professional on: {day_text(said_on)}" in lines
    assert "What they said: Rehab only" in lines
    assert "as the professional who assessed you advised" in env.tab.verdict.summary_label.text()


def test_the_assessed_and_new_episode_dialogs_use_the_typed_date_field(env, qtbot):
    from hamstring_app.ui.episode_dialogs import AssessedDialog, NewEpisodeDialog
    from hamstring_app.ui.widgets.date_field import DateField

    (episode,) = env.repo.list_episodes()
    assessed = AssessedDialog(env.today)
    qtbot.addWidget(assessed)
    assessed.show()
    assert isinstance(assessed.date_edit, DateField)
    assessed.date_edit.line.setText("30/02/2026")
    assessed.accept()
    assert assessed.isVisible() and "is not a date" in assessed.error.text()
    day = env.today - timedelta(days=4)
    assessed.date_edit.line.setText(day.isoformat())
    assessed.accept()
    assert not assessed.isVisible() and assessed.assessment().day == day

    again = NewEpisodeDialog(env.today, episode)
    qtbot.addWidget(again)
    again.show()
    assert isinstance(again.onset, DateField)
    again.onset.line.setText(episode.onset.isoformat())  # not after the current start
    again.accept()
    assert again.isVisible() and "after the current one" in again.error.text()
    again.onset.line.setText((env.today + timedelta(days=1)).isoformat())
    again.accept()
    assert again.isVisible() and "in the future" in again.error.text()
    again.onset.line.setText((episode.onset + timedelta(days=1)).isoformat())
    again.accept()
    assert not again.isVisible() and again.episode().onset == episode.onset + timedelta(days=1)
