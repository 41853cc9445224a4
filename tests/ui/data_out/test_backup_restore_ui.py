"""File > Back up now and File > Restore from backup..., driven as the person would."""

from __future__ import annotations

from datetime import timedelta

from hamstring_app.core.models import CheckIn
from hamstring_app.store import backups
from hamstring_app.store import operations as op
from hamstring_app.ui.data_out.backup_ui import RestoreDialog


def _file_actions(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.file_menu.actions()]


def test_the_file_menu_has_the_data_out_actions_above_quit(filled):
    names = _file_actions(filled.window)
    at = names.index("Quit")
    assert names[at - 1] == ""  # a separator right above Quit
    for name in ("Report for my physio...", "Export...", "Back up now",
                 "Restore from backup..."):
        assert name in names and names.index(name) < at
    report = filled.window.data_out.report_action
    assert report.shortcut().toString() == "Ctrl+P"


def test_back_up_now_makes_a_checked_copy_and_says_where(qtbot, wait_for, filled):
    actions = filled.window.data_out.backups
    wait_for(actions.back_up_now())
    made = backups.list_backups(filled.ctx.paths.root)
    assert [b.kind for b in made] == [backups.MANUAL]
    assert made[0].checkins == len(filled.ctx.history.get().checkins) > 0
    title, text = filled.said.told[-1]
    assert title == "Backed up" and str(made[0].path) in text


def test_a_failed_backup_says_why_and_keeps_nothing(qtbot, wait_for, filled, monkeypatch):
    def refuse(*_a, **_k):
        raise backups.BackupFailed("The disk is full.")

    monkeypatch.setattr(backups, "make_backup", refuse)
    wait_for(filled.window.data_out.backups.back_up_now())
    title, text = filled.said.told[-1]
    assert title == "Not backed up" and "The disk is full." in text
    assert "not changed" in text


def test_the_restore_list_shows_each_backup_with_date_size_and_contents(qtbot, wait_for, filled):
    actions = filled.window.data_out.backups
    wait_for(actions.back_up_now())
    damaged = filled.ctx.paths.backups / "backup-20260101-101010-manual.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    dialog = actions.dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    good_row = [dialog.table.item(r, 3).text() for r in range(2)]
    assert any("check-ins" in t and "runs" in t for t in good_row)
    assert any(t.startswith("Cannot be read") for t in good_row)
    assert dialog.table.item(0, 2).text().endswith("KB")
    # the damaged one cannot be chosen
    for row in range(2):
        dialog.table.selectRow(row)
        readable = "check-ins" in dialog.table.item(row, 3).text()
        assert dialog.restore_button.isEnabled() is readable


def test_an_empty_list_says_how_to_make_a_backup(qtbot, wait_for, tmp_path):
    dialog = RestoreDialog([], tmp_path / "backups")
    qtbot.addWidget(dialog)
    assert "Back up now" in dialog.empty.text() and not dialog.restore_button.isEnabled()


def test_restore_backs_up_first_puts_the_data_back_and_tabs_hear(qtbot, wait_for, filled, clock):
    ctx = filled.ctx
    actions = filled.window.data_out.backups
    wait_for(actions.back_up_now())
    saved = backups.list_backups(ctx.paths.root)[0]
    before = ctx.history.get().checkins
    # a change after the backup, which the restore takes away
    late = max(c.day for c in before) - timedelta(days=200)
    assert ctx.ops.run(op.save_checkin, CheckIn(late, pain_rest=7)).ok
    assert len(ctx.history.get().checkins) == len(before) + 1
    heard = []
    ctx.events.data_changed.connect(heard.append)
    clock.advance(60)
    wait_for(actions.restore_file(saved.path))
    assert filled.said.asked and "check-ins" in filled.said.asked[-1]
    assert ctx.history.get().checkins == before  # reloaded, not the stale copy
    assert ctx.repo.get_checkin(late) is None
    assert heard and heard[-1].whole
    kinds = sorted(b.kind for b in backups.list_backups(ctx.paths.root))
    assert kinds == [backups.BEFORE_RESTORE, backups.MANUAL]
    title, text = filled.said.told[-1]
    assert title == "Restored" and "before-restore" in text


def test_saying_no_restores_nothing(qtbot, wait_for, filled):
    actions = filled.window.data_out.backups
    wait_for(actions.back_up_now())
    saved = backups.list_backups(filled.ctx.paths.root)[0]
    filled.said.answer = False
    assert actions.restore_file(saved.path) is None
    assert len(backups.list_backups(filled.ctx.paths.root)) == 1


def test_a_damaged_backup_is_refused_and_left_as_it_is(qtbot, wait_for, filled, tmp_path):
    bad = tmp_path / "backup-20260101-101010-manual.sqlite3"
    content = b"SQLite format 3\x00" + b"\x01" * 4000
    bad.write_bytes(content)
    checkins = len(filled.ctx.repo.load_history().checkins)
    assert filled.window.data_out.backups.restore_file(bad) is None
    title, text = filled.said.told[-1]
    assert title == "Cannot restore" and "cannot be restored" in text
    assert bad.read_bytes() == content
    assert filled.said.asked == []  # refused before asking
    assert backups.list_backups(filled.ctx.paths.root) == []
    assert len(filled.ctx.repo.load_history().checkins) == checkins


def test_demo_data_cannot_be_backed_up_or_restored(session_factory):
    menu = session_factory(demo=True).window.data_out
    assert not menu.backup_action.isEnabled() and not menu.restore_action.isEnabled()


def test_back_up_now_and_the_restore_list_follow_the_backup_folder_setting(
    qtbot, wait_for, filled, tmp_path
):
    from dataclasses import replace

    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    ctx = filled.ctx
    ctx.repo.save_settings(replace(ctx.repo.get_settings(), backup_folder=str(chosen)))
    actions = filled.window.data_out.backups
    wait_for(actions.back_up_now())
    made = list(chosen.iterdir())
    assert len(made) == 1 and made[0].name.endswith("-manual.sqlite3")
    dialog = actions.dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).toolTip() == str(made[0])
