"""The data folder removed while the app is open: saving a check-in says so and keeps
what was typed, nothing is made in its place, and once the folder is back it saves."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt


def test_saving_a_check_in_after_the_folder_went_keeps_the_answers(qtbot, env):
    form = env.tab.form
    folder = env.session.ctx.paths.root
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_3)
    shutil.rmtree(folder)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.general_error.isVisible()
    text = form.general_error.text()
    assert "no longer there" in text and "Nothing was saved" in text
    assert form.dirty  # the answers are still there
    assert form.pain_rest.value() == 3
    assert not folder.exists()  # nothing made again, not even the folder


def test_the_answers_save_once_the_folder_is_back(qtbot, env, tmp_path):
    form = env.tab.form
    folder = env.session.ctx.paths.root
    moved = tmp_path / "elsewhere"
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_3)
    folder.rename(moved)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.general_error.isVisible() and form.dirty
    moved.rename(folder)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.general_error.isVisible()
    saved = env.repo.get_checkin(env.today)
    assert saved is not None and saved.pain_rest == 3
