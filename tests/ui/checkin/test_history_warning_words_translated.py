"""The Today history's Warnings column speaks the user's language: its short word for each
sign, and "none", go through the translator (context "HistoryModel"), and the column's
width is measured from the translated words."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QTranslator

from hamstring_app.core.models import CheckIn
from hamstring_app.ui.checkin.history_columns import RED_FLAG_SHORT, WARNINGS, red_flag_short


class _Shouting(QTranslator):
    """Translates every HistoryModel text to capitals: a stand-in for a real language."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return source.upper() if context == "HistoryModel" else None

    def isEmpty(self) -> bool:
        return False


def test_every_short_word_is_translated(qapp):
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        for flag, word in RED_FLAG_SHORT.items():
            assert red_flag_short(flag) == word.upper(), flag
    finally:
        QCoreApplication.removeTranslator(translator)
    assert red_flag_short("sharp_pain") == "sharp"


def test_the_column_shows_the_translated_words(env, qtbot):
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        flagged = env.today - timedelta(days=1)
        env.repo.save_checkin(CheckIn(day=flagged, pain_rest=4, sharp_pain=True,
                                      nerve_signs=True))
        env.repo.save_checkin(CheckIn(day=env.today - timedelta(days=2), pain_rest=2))
        env.reload()
        env.tab.refresh_now()
        qtbot.wait(50)
        model = env.tab.history.model
        assert model.index(model.find(flagged), WARNINGS).data() == "⚠ SHARP, BELOW THE KNEE"
        plain = model.find(env.today - timedelta(days=2))
        assert model.index(plain, WARNINGS).data() == "NONE"
    finally:
        QCoreApplication.removeTranslator(translator)
