"""With no backups yet, the Restore dialog is a plain empty state: a heading, what to do,
and the buttons right under it; no list, no "choose a backup" line, no empty gaps."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hamstring_app.store.backups import BackupInfo
from hamstring_app.ui.data_out.backup_ui import RestoreDialog


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
def test_no_backups_is_a_plain_empty_state(qtbot, tmp_path, font_scale):
    dialog = RestoreDialog([], tmp_path / "backups")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty_title.isVisible() and dialog.empty_title.text() == "No backups yet"
    assert "Back up now" in dialog.empty.text() and "Other file" in dialog.empty.text()
    assert not dialog.table.isVisible() and not dialog.intro.isVisible()
    assert not dialog.restore_button.isVisible()  # nothing to restore: no dead button
    assert dialog.other_button.isVisible() and dialog.other_button.isEnabled()
    # heading, text and buttons sit one under the other, a line apart at most
    line = dialog.fontMetrics().lineSpacing()
    margins = dialog.layout().contentsMargins()
    title_top = dialog.empty_title.geometry().top()
    text_gap = dialog.empty.geometry().top() - dialog.empty_title.geometry().bottom()
    buttons_gap = dialog.buttons.geometry().top() - dialog.empty.geometry().bottom()
    assert title_top <= margins.top() + 2
    assert 0 <= text_gap <= line and 0 <= buttons_gap <= 2 * line, (text_gap, buttons_gap)
    assert dialog.height() <= dialog.sizeHint().height() + 2


def test_with_backups_the_list_shows_and_no_empty_state(qtbot, tmp_path):
    found = [BackupInfo(tmp_path / "backups" / "daily.sqlite3", datetime(2026, 3, 17, 8, 0),
                        "daily", 40_000, checkins=12, runs=5, sessions=2,
                        first_day=date(2026, 3, 1), last_day=date(2026, 3, 17))]
    dialog = RestoreDialog(found, tmp_path / "backups")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.table.isVisible() and dialog.intro.isVisible()
    assert not dialog.empty_title.isVisible() and not dialog.empty.isVisible()
    assert dialog.restore_button.isVisible() and dialog.restore_button.isEnabled()
