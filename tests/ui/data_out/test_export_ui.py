"""File > Export...: JSON or CSV, never replacing a file unasked, failures said plainly."""

from __future__ import annotations

import csv
import json

from PySide6.QtWidgets import QDialog, QFileDialog

from hamstring_app.exchange import service
from hamstring_app.ui.data_out import export_ui


def test_json_export_writes_what_import_reads_back(qtbot, wait_for, filled, tmp_path):
    target = tmp_path / "out.json"
    wait_for(filled.window.data_out.exports.export_json(target))
    history = service.read_export(target, filled.ctx.clock.today())
    saved = filled.ctx.repo.load_history()
    assert history.checkins == saved.checkins and len(history.runs) == len(saved.runs)
    title, text = filled.said.told[-1]
    assert title == "Exported" and str(target) in text
    assert f"{len(saved.checkins)} check-ins" in text


def test_the_whole_flow_csv_into_a_chosen_folder(qtbot, wait_for, filled, tmp_path,
                                                  monkeypatch):
    folder = tmp_path / "sheets"
    folder.mkdir()
    monkeypatch.setattr(export_ui.ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(export_ui.ExportDialog, "kind", lambda self: export_ui.CSV)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    wait_for(filled.window.data_out.exports.export())
    with (folder / "checkins.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "date" and len(rows) - 1 == len(filled.ctx.history.get().checkins)
    assert (folder / "runs.csv").exists() and (folder / "strength_sets.csv").exists()
    assert filled.said.asked == []  # nothing was there to replace


def test_csv_files_already_there_are_replaced_only_when_the_person_says_so(
    qtbot, filled, tmp_path, monkeypatch
):
    (tmp_path / "runs.csv").write_text("mine")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    filled.said.answer = False
    assert filled.window.data_out.exports.choose_folder() is None
    assert "runs.csv" in filled.said.asked[-1]
    assert (tmp_path / "runs.csv").read_text() == "mine"
    filled.said.answer = True
    assert filled.window.data_out.exports.choose_folder() == tmp_path


def test_a_name_typed_without_json_is_checked_before_it_replaces_a_file(
    qtbot, filled, tmp_path, monkeypatch
):
    (tmp_path / "mine.json").write_text("{}")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "mine"), ""))
    filled.said.answer = False
    assert filled.window.data_out.exports.choose_json_file() is None
    assert "mine.json" in filled.said.asked[-1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "new"), ""))
    assert filled.window.data_out.exports.choose_json_file() == tmp_path / "new.json"


def test_a_failed_export_says_why_and_writes_nothing(qtbot, wait_for, filled, tmp_path):
    target = tmp_path / "no such folder" / "out.json"
    wait_for(filled.window.data_out.exports.export_json(target))
    title, text = filled.said.told[-1]
    assert title == "Not exported" and "Could not write" in text and str(target) in text
    assert not target.parent.exists()


def test_json_export_is_the_assess_format(qtbot, wait_for, filled, tmp_path):
    target = tmp_path / "out.json"
    wait_for(filled.window.data_out.exports.export_json(target))
    document = json.loads(target.read_text())
    assert {"today", "profile", "checkins", "runs", "strength_sessions"} <= set(document)
