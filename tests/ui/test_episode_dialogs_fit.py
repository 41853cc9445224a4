"""The episode dialogs show their whole intro with a 150% font. Qt sizes a new window's
height for its preferred width, then narrows it to two thirds of the screen: the wrapped
intro then needed more lines than it had, and lost its first and last ("I have recovered"
on a 1024x640 screen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

TODAY = date(2026, 12, 2)


def _dialogs():
    from hamstring_app.core.episodes import Episode
    from hamstring_app.ui.episode_dialogs import AssessedDialog, NewEpisodeDialog, RecoveredDialog

    episode = Episode(onset=date(2026, 9, 10))
    return [RecoveredDialog(TODAY, episode), AssessedDialog(TODAY),
            NewEpisodeDialog(TODAY, episode)]


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
def test_every_wrapped_line_has_room(qtbot, font_scale):
    for dialog in _dialogs():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        name = dialog.objectName() or type(dialog).__name__
        assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width()), name
        for label in dialog.findChildren(QLabel):
            if label.wordWrap() and label.isVisible() and label.text():
                assert label.height() >= label.heightForWidth(label.width()), (name, label.text())
        dialog.close()
