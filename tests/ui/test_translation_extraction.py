"""Every text the app shows can be found by Qt's own extraction tool, pyside6-lupdate, in
the translation context the app asks for at run time: a translator works from the .ts file
it writes, so a text it cannot see (one passed through a helper, or filed under the wrong
context) would stay in English whatever the translation says."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

UI = Path(__file__).resolve().parents[2] / "hamstring_app" / "ui"

# Counts in words, each in the context its code asks for (Qt's numerus forms).
PLURALS = [
    ("DataOut", "%n check-ins"),
    ("DataOut", "%n runs"),
    ("DataOut", "%n strength sessions"),
    ("WhyText", "%n days"),
    ("WhyText", "%n weeks"),
    ("ImportSummary", "%n runs"),
    ("ImportSummary", "%n were not imported"),
    ("ImportUndo", "%n runs"),
    ("DayReadout", "%n sets"),
    ("SessionTab", "%n sets saved"),
    ("SummaryPanel", "%n sets"),
    ("SummaryHeader", "%n days"),
    ("NewRunsPrompt", "%n new runs from your watch: how did the hamstring feel?"),
]
# A sample of the others, from helpers outside any widget and from widgets.
OTHERS = [
    ("DataOut", "Export your data"),
    ("DataOut", "Restore from backup"),
    ("Questions", "Sharp pain?"),
    ("PainBand", "too much"),
    ("RunTypes", "Intervals"),
    ("UrgentBox", "I understand"),
    ("Verdicts", "Hold"),
    ("Menus", "&Help"),
    ("HistoryModel", "below the knee"),
]


def _lupdate() -> str:
    found = Path(sys.executable).with_name("pyside6-lupdate")
    path = str(found) if found.exists() else shutil.which("pyside6-lupdate")
    assert path, "pyside6-lupdate (shipped with PySide6) is missing"
    return path


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], bool]:
    """(context, source text) -> whether lupdate marked it as a count (numerus)."""
    folder = tmp_path_factory.mktemp("lupdate")
    listing = folder / "files.lst"
    listing.write_text("\n".join(str(p) for p in sorted(UI.rglob("*.py"))), encoding="utf-8")
    ts = folder / "app.ts"
    subprocess.run(
        [_lupdate(), "-silent", "-locations", "none", f"@{listing}", "-ts", str(ts)],
        check=True, capture_output=True, timeout=60,
    )
    found: dict[tuple[str, str], bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.get("numerus") == "yes"
    return found


def _ui_contexts() -> set[str]:
    """The contexts the app translates in: its classes' names (``self.tr``, ``Class.tr``)
    and the contexts written out in translate() and QT_TRANSLATE_NOOP calls."""
    names = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Call) and node.args and _literal(node.args[0]) and (
                _is_translate(node) or getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
            ):
                names.add(node.args[0].value)
    return names


def test_lupdate_finds_the_app_s_texts(extracted):
    assert len(extracted) > 900


@pytest.mark.parametrize(("context", "text"), PLURALS)
def test_counts_are_found_as_counts(extracted, context, text):
    assert extracted.get((context, text)) is True, (context, text)


@pytest.mark.parametrize(("context", "text"), OTHERS)
def test_a_sample_of_texts_is_found_in_its_context(extracted, context, text):
    assert (context, text) in extracted


def test_every_context_is_one_the_app_asks_in(extracted):
    """lupdate files a text under the class it sees it in. A bare tr() gets no context, and
    ``parent.tr()`` gets "parent": the app would ask under another name."""
    contexts = _ui_contexts()
    strays = sorted({(c, t) for c, t in extracted if c not in contexts})
    assert strays == [], "\n".join(map(str, strays))


def test_every_text_given_to_tr_is_written_out():
    """A text in a variable is invisible to lupdate. The one exception is a table of words,
    each entry marked ``QT_TRANSLATE_NOOP(context, text)`` and looked up under the same
    context (the run-time check below sees that its words are found)."""
    loose = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marked = {
            node.args[0].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
            and node.args and _literal(node.args[0])
        }
        for context, node in _translations(tree):
            where = f"{path.relative_to(UI)}:{node.lineno}"
            if context is None:
                loose.append(f"{where}: no context lupdate can see")
                continue
            text = node.args[1] if _is_translate(node) else node.args[0] if node.args else None
            if text is None or (not _literal(text) and context not in marked):
                loose.append(f"{where}: the text is not written out")
        for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
            for _context, node in _translations(fstring):  # lupdate does not look inside
                if any(_literal(arg) for arg in node.args):
                    loose.append(f"{path.relative_to(UI)}:{node.lineno}: inside an f-string")
    assert loose == [], "\n".join(loose)


def _is_translate(node: ast.Call) -> bool:
    """QCoreApplication.translate (or QApplication's, the same function)."""
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "translate" and (
        getattr(func.value, "id", "") in ("QCoreApplication", "QGuiApplication", "QApplication")
    )


def _translations(tree: ast.AST):
    """(context as lupdate reads it, call) for every tr()/translate() call; the context is
    None where lupdate cannot tell it (a bare tr(), ``parent.tr()``, a helper)."""
    def visit(node: ast.AST, cls: str | None):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("tr", "_tr"):
                    receiver = getattr(func, "value", None)
                    if isinstance(receiver, ast.Name) and receiver.id == "self":
                        yield cls, child
                    elif isinstance(receiver, ast.Name) and receiver.id[:1].isupper():
                        yield receiver.id, child
                    else:
                        yield None, child
                elif _is_translate(child):
                    yield (child.args[0].value if child.args and _literal(child.args[0])
                           else None), child
            yield from visit(child, inner)

    yield from visit(tree, None)


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


class _Recorder(QTranslator):
    """Notes every (context, text, count) the app asks a translator for; translates none."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str, int]] = []

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.append((context, source, n))
        return None

    def isEmpty(self) -> bool:
        return False


def test_what_the_app_asks_for_is_what_lupdate_found(qtbot, qapp, extracted):
    """The demo's tabs, the data dialogs and the texts made outside widgets, with a
    translator that records each request: every text of the app's own contexts is in the
    .ts under the context asked for (a count's context exactly: Qt looks no further)."""
    recorder = _Recorder()
    QCoreApplication.installTranslator(recorder)
    try:
        _show_the_app(qtbot)
    finally:
        QCoreApplication.removeTranslator(recorder)
    contexts = _ui_contexts()
    by_text: dict[tuple[str, int], set[str]] = {}
    for context, source, n in recorder.asked:
        by_text.setdefault((source, n), set()).add(context)
    missing = []
    for (source, n), asked in sorted(by_text.items()):
        ours = asked & contexts
        if not ours:
            continue  # Qt's own texts (QFileDialog, QDialogButtonBox ...)
        if n >= 0:
            if not any(extracted.get((c, source)) for c in ours):
                missing.append((sorted(ours), source, "count"))
        elif not any((c, source) in extracted for c in ours):
            missing.append((sorted(ours), source, ""))
    assert len(by_text) > 300
    assert missing == [], "\n".join(map(str, missing))


def _show_the_app(qtbot) -> None:
    from hamstring_app.core.models import Units
    from hamstring_app.ui.app import launch
    from hamstring_app.ui.checkin.questions import red_flag_questions
    from hamstring_app.ui.checkin.runs import run_type_words
    from hamstring_app.ui.checkin.why_text import format_value
    from hamstring_app.ui.data_out.backup_ui import kind_text
    from hamstring_app.ui.data_out.common import contents_words
    from hamstring_app.ui.data_out.export_ui import ExportDialog
    from hamstring_app.ui.data_out.report_ui import section_names
    from hamstring_app.ui.texts import about_html, disclaimer_html
    from hamstring_app.ui.widgets.pain import band_word

    disclaimer_html(), about_html(), run_type_words(), red_flag_questions(), section_names()
    [band_word(i) for i in range(3)]
    contents_words(2, 3, 4)
    format_value("days", 3, Units.KM, dict), format_value("weeks", 3, Units.KM, dict)
    for kind in ("daily", "manual", "pre-restore", "pre-migration"):
        kind_text(kind)
    qtbot.addWidget(ExportDialog())
    session = launch(demo=True)
    try:
        window = session.window
        window.show()
        qtbot.waitExposed(window)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(50)
    finally:
        session.close()
