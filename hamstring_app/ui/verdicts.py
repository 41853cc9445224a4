"""The one vocabulary for verdicts: each of the four has one word, one sentence, one colour
and one icon, and every tab, dialog, graph and report takes them from here.

Colour is never the only signal: the word and the icon always travel with it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.theme import icon, verdict_colour


class Verdicts(QObject):
    """The verdict words' translation context."""


_WORDS = {
    Verdict.CONTINUE: QT_TRANSLATE_NOOP("Verdicts", "Continue"),
    Verdict.MODIFY: QT_TRANSLATE_NOOP("Verdicts", "Modify"),
    Verdict.HOLD: QT_TRANSLATE_NOOP("Verdicts", "Hold"),
    Verdict.STOP: QT_TRANSLATE_NOOP("Verdicts", "Stop and get assessed"),
}

_SENTENCES = {
    Verdict.CONTINUE: QT_TRANSLATE_NOOP("Verdicts", "Keep running as planned. Keep checking in."),
    Verdict.MODIFY: QT_TRANSLATE_NOOP(
        "Verdicts", "You can run, with changes: keep it easy and keep the pain at 3 or less."
    ),
    Verdict.HOLD: QT_TRANSLATE_NOOP(
        "Verdicts", "Do not build up today: less speed, fewer hills, shorter runs."
    ),
    Verdict.STOP: QT_TRANSLATE_NOOP(
        "Verdicts", "No running for now. Have your hamstring checked by a professional."
    ),
}


def verdict_word(verdict: Verdict) -> str:
    """The verdict's one word (or short phrase), e.g. "Modify"."""
    return Verdicts.tr(_WORDS[verdict])


def verdict_word_plain(verdict: Verdict) -> str:
    """The same word untranslated, for the report a professional reads."""
    return _WORDS[verdict]


def verdict_sentence(verdict: Verdict) -> str:
    """What the verdict means today, in one sentence."""
    return Verdicts.tr(_SENTENCES[verdict])


# a stop because a professional who assessed the runner said "rehab only" or "no running"
# (core/rules, pain.professional_no_running), with no referral open: the runner has been
# checked, so the headline and the sentence say whose advice it is instead of asking them
# to get checked. A warning sign the same day opens a referral: then the usual words.
_PROFESSIONAL_WORD = QT_TRANSLATE_NOOP("Verdicts", "Stop running for now")
_PROFESSIONAL_STOP = QT_TRANSLATE_NOOP(
    "Verdicts",
    "No running for now, as the professional who assessed you advised. Record it when they "
    "clear you to run.",
)


def _professional_stop(assessment: Assessment) -> bool:
    return (
        assessment.verdict is Verdict.STOP
        and assessment.referral is Referral.NONE
        and any(a.rule == "pain.professional_no_running" for a in assessment.advice)
    )


def word_for_plain(assessment: Assessment) -> str:
    """:func:`word_for`, untranslated, for the report a professional reads."""
    if _professional_stop(assessment):
        return _PROFESSIONAL_WORD
    return verdict_word_plain(assessment.verdict)


def word_for(assessment: Assessment) -> str:
    """The verdict's headline for this assessment: :func:`verdict_word`, except on a stop
    that rests on a professional's "not yet" to running, with no referral open."""
    if _professional_stop(assessment):
        return Verdicts.tr(_PROFESSIONAL_WORD)
    return verdict_word(assessment.verdict)


def sentence_for(assessment: Assessment) -> str:
    """The verdict's sentence for this assessment: :func:`verdict_sentence`, except on a stop
    that rests on a professional's "not yet" to running, with no referral open."""
    if _professional_stop(assessment):
        return Verdicts.tr(_PROFESSIONAL_STOP)
    return verdict_sentence(assessment.verdict)


def day_verdict_word(verdict: Verdict, professional: bool) -> str:
    """The word for a past day's verdict (the graphs' series): a stop that rested only on
    a professional's "not yet" to running reads as their advice."""
    if professional and verdict is Verdict.STOP:
        return Verdicts.tr(_PROFESSIONAL_WORD)
    return verdict_word(verdict)


def stop_legend_word(*, regular: bool, professional: bool) -> str:
    """The legend's name for the stop bars, after the stops on show: both words when
    both kinds are there."""
    if professional and not regular:
        return Verdicts.tr(_PROFESSIONAL_WORD)
    if professional:
        return f"{verdict_word(Verdict.STOP)} / {Verdicts.tr(_PROFESSIONAL_WORD)}"
    return verdict_word(Verdict.STOP)


def verdict_icon(verdict: Verdict) -> QIcon:
    """The verdict's icon (resources/icons/<verdict>.svg), drawn in the verdict's colour."""
    return icon(verdict.value)


def verdict_pixmap(verdict: Verdict, size: int) -> QPixmap:
    """The verdict's icon, or a disc in its colour with its first letter if the icon file
    is missing."""
    themed = verdict_icon(verdict)
    if not themed.isNull():
        return themed.pixmap(QSize(size, size))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(verdict_colour(verdict))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * 0.55))
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, verdict_word(verdict)[0])
    painter.end()
    return pixmap


__all__ = [
    "sentence_for",
    "verdict_colour",
    "verdict_icon",
    "verdict_pixmap",
    "verdict_sentence",
    "verdict_word",
    "verdict_word_plain",
    "word_for",
    "word_for_plain",
]
