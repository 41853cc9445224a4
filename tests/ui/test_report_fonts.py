"""The report's shipped fonts: one family with a real bold face, covering the accented
Latin, Greek and Cyrillic a runner may type, so such text is embedded from the shipped
files (no system font needed) and reads back from the PDF as typed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import build_report
from hamstring_app.ui.report_pdf import report_font_family, write_pdf

TODAY = date(2026, 6, 30)
# what runners write, in the scripts the fonts keep (see packaging/subset_fonts.py)
TYPED = (
    "Łódź Müller naïve Ærøskøbing Straße façade "
    "Ελληνικά Русский Українська Tiếng Việt "
    "€ £ ± ° – — “quoted” ‘a’ … → ½ × µ"
)


def test_one_family_with_its_bold_face_and_the_typed_letters(qapp):
    family = report_font_family()
    assert family == "Hamstring Report Sans"
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles(family))
    for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
        font = QFont(family, 9)
        font.setWeight(weight)
        metrics = QFontMetricsF(font)
        missing = [c for c in TYPED if not c.isspace() and not metrics.inFontUcs4(ord(c))]
        assert missing == [], (weight, missing)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler")
def test_non_ascii_text_is_embedded_from_the_shipped_fonts_and_reads_back(qapp, tmp_path):
    history = build_demo_history(TODAY, weeks=12)
    last = next(s for s in reversed(history.strength_sessions) if s.sets)
    names = {s.exercise_id: f"{TYPED} {k}" for k, s in enumerate(last.sets)}
    report = build_report(history, start=TODAY - timedelta(days=60), end=TODAY, names=names)
    assert any(TYPED in dose for dose in report.doses)
    pdf = tmp_path / "typed.pdf"
    write_pdf(pdf, report)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert {line.split()[0] for line in fonts} == {
        "HamstringReportSans", "HamstringReportSans-Bold"
    }
    assert all(" yes " in line for line in fonts)  # embedded
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for word in TYPED.split():
        assert word in flat, word
