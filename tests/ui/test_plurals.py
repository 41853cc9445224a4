"""Counts in words use Qt's numerus forms: "1 run", "3 runs", never "1 runs" or "run(s)"."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTableWidget, QWidget

from hamstring_app.core.models import Units
from hamstring_app.ui.texts import counted

UI = Path(__file__).resolve().parents[2] / "hamstring_app" / "ui"
NOUNS = ("runs", "days", "weeks", "sets", "reps", "exercises", "check-ins", "sessions",
         "strength sessions", "saved sets", "new runs")
WRONG = re.compile(r"\(s\)|(?<![\d.,])1 (?:" + "|".join(NOUNS) + r")\b")


def wrong(text: str) -> list[str]:
    return WRONG.findall(text)


def test_the_pattern_catches_what_it_should():
    assert wrong("Added 1 runs") and wrong("3 set(s) saved") and wrong("for 1 days")
    assert not wrong("11 runs") and not wrong("2.1 days") and not wrong("1 run, 21 days")


@pytest.mark.parametrize(("n", "words"), [(0, "0 runs"), (1, "1 run"), (2, "2 runs"),
                                          (21, "21 runs")])
def test_counted_picks_the_form(qapp, n, words):
    assert counted(n, "1 run", QCoreApplication.translate("Test", "%n runs", None, n)) == words
    assert counted(n, "1 run", "{n} runs") == words  # the older call style


def _strings_of_tr_calls() -> list[tuple[str, int, str, int]]:
    """(file, line, text, number of arguments) of every tr()/translate() call in ui/."""
    found = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("tr", "_tr", "translate"):
                continue
            args = node.args[1:] if name == "translate" else node.args
            if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.append((path.name, node.lineno, args[0].value,
                              len(args) + len(node.keywords)))
    return found


def test_no_hand_made_plurals_in_the_source():
    calls = _strings_of_tr_calls()
    assert len(calls) > 300  # the walk sees the app's strings
    assert [c for c in calls if "(s)" in c[2]] == []
    numerus = [c for c in calls if "%n" in c[2]]
    assert len(numerus) >= 15
    assert [c for c in numerus if c[3] < 3] == []  # every %n string is given its count
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    assert not re.search(r"tr\(\"1 \w+\"\) if \w+ == 1 else", source)


def test_a_translation_brings_its_own_plural_forms(qapp, tmp_path):
    """Polish has three forms (1 bieg, 2 biegi, 5 biegów): a .qm with numerus forms is used."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__import__("sys").executable).with_name("pyside6-lrelease")
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "pl.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="pl_PL"><context><name>DataOut</name>'
        '<message numerus="yes"><source>%n runs</source><translation>'
        "<numerusform>%n bieg</numerusform><numerusform>%n biegi</numerusform>"
        "<numerusform>%n biegów</numerusform></translation></message>"
        "<message><source>1 run</source><translation>1 bieg</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "pl.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from hamstring_app.ui.data_out.common import contents_words

        runs = [contents_words(0, n, 0)[1] for n in (1, 2, 5, 22, 25)]
        assert runs == ["1 bieg", "2 biegi", "5 biegów", "22 biegi", "25 biegów"]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_counts_of_one_read_right(qapp):
    from hamstring_app.store.backups import BackupInfo
    from hamstring_app.store.importing import Imported
    from hamstring_app.ui.checkin.why_text import format_value
    from hamstring_app.ui.data_out.backup_ui import contents_text
    from hamstring_app.ui.data_out.common import contents_words
    from hamstring_app.ui.importing.controller import summary_text
    from hamstring_app.ui.importing.undo import runs_words

    texts = [
        summary_text(Imported(added=1, merged=0, not_written=1, days=())),
        runs_words(1),
        contents_text(BackupInfo(Path("b"), datetime(2026, 3, 1), "daily", 10, 1, 1, 1)),
        ", ".join(contents_words(1, 1, 1)),
        format_value("days", 1, Units.KM, dict),
        format_value("weeks", 1, Units.KM, dict),
        format_value("weeks", 1.5, Units.KM, dict),
    ]
    assert [t for t in texts if wrong(t)] == []
    assert "Added 1 run " in texts[0] and "1 was not imported" in texts[0]
    assert texts[3] == "1 check-in, 1 run, 1 strength session"
    assert texts[4:] == ["1 day", "1 week", "1.5 weeks"]


def test_recovery_durations(qapp):
    from hamstring_app.ui.progress.summary import SummaryHeader

    summary = SummaryHeader()
    words = [summary.duration_text(d) for d in (1, 2, 7, 8, 14, 15)]
    assert words == ["1 day", "2 days", "1 week", "1 week and 1 day", "2 weeks",
                     "2 weeks and 1 day"]


def test_session_summary_with_one_of_each(qtbot):
    from hamstring_app.core.models import SetLog
    from hamstring_app.ui.session.summary_panel import SummaryPanel

    panel = SummaryPanel()
    qtbot.addWidget(panel)
    one = SetLog(exercise_id="bridge", set_number=1, reps=1, completed=True)
    panel.show_sets([one], {"bridge": "Bridge"}, planned=2, ended_early=True)
    shown = _texts(panel)
    assert [t for t in shown if wrong(t)] == [], shown
    assert any("1 set skipped." in t for t in shown)
    assert any(t == "1 rep" for t in shown)


def _texts(root: QWidget) -> list[str]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QTableWidget):
            out += [w.item(r, c).text() for r in range(w.rowCount())
                    for c in range(w.columnCount()) if w.item(r, c) is not None]
        out += [w.toolTip(), w.accessibleName()]
    return [t for t in out if t]


def test_no_wrong_plural_anywhere_on_the_demo_tabs(qtbot, qapp):
    from hamstring_app.ui.app import launch

    session = launch(demo=True)
    try:
        window = session.window
        window.show()
        qtbot.waitExposed(window)
        shown: list[str] = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            shown += _texts(window)
        assert len(shown) > 100
        assert sorted({t for t in shown if wrong(t)}) == []
    finally:
        session.close()


def test_the_why_text_day_count(qapp):
    from hamstring_app.ui.checkin.why_text import format_value

    assert format_value("days", 2, Units.KM, dict) == "2 days"
    assert format_value("days", 0, Units.KM, dict) == "0 days"
