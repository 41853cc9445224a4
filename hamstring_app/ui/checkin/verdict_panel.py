"""Today's verdict: the answer first (word, colour and icon), then the referral if any,
what is not known, and each piece of advice with an expandable "why"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import Advice, Level, Referral, Units, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.accessibility import announce
from hamstring_app.ui.checkin.why_text import why_lines
from hamstring_app.ui.dates import localise_dates
from hamstring_app.ui.help_window import help_url, learn_section_for
from hamstring_app.ui.theme import error_colour, icon, verdict_colour
from hamstring_app.ui.verdicts import (
    sentence_for,
    verdict_pixmap,
    verdict_sentence,
    verdict_word,
    word_for,
)
from hamstring_app.ui.widgets.metronome import Metronome
from hamstring_app.ui.widgets.metronome_control import MetronomeControl
from hamstring_app.ui.widgets.restyle import set_sheet

CADENCE_RULE = "technique.cadence"  # its item gets the metronome's Start/Stop

LEVEL_VERDICT = {
    Level.INFO: Verdict.MODIFY,
    Level.CAUTION: Verdict.HOLD,
    Level.WARNING: Verdict.HOLD,
    Level.DANGER: Verdict.STOP,
}
LEVEL_ICON = {
    Level.INFO: "level-info",
    Level.CAUTION: "level-caution",
    Level.WARNING: "level-warning",
    Level.DANGER: "level-danger",
}
"""SVG icons in resources/icons: drawn, so they never depend on a font having a glyph."""


def _scaled_font(base: QFont, factor: float, bold: bool = True) -> QFont:
    """A font relative to the system size, so it scales with the person's settings."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


class AdviceItem(QFrame):
    """One piece of advice: title, message, and a "why" that opens on demand."""

    def __init__(
        self, advice: Advice, units: Units = Units.KM, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.advice = advice
        self.units = units
        self.setObjectName("adviceItem")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = verdict_colour(LEVEL_VERDICT[advice.level])
        self.setStyleSheet(
            f"#adviceItem {{ border: 1px solid palette(mid); border-left: 5px solid "
            f"{colour.name()}; border-radius: 4px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(3)
        top = QHBoxLayout()
        level_words = {
            Level.INFO: self.tr("Tip"),
            Level.CAUTION: self.tr("Take care"),
            Level.WARNING: self.tr("Warning"),
            Level.DANGER: self.tr("Danger"),
        }
        self.level_icon = QLabel()
        size = self.fontMetrics().height()
        self.level_icon.setPixmap(icon(LEVEL_ICON[advice.level]).pixmap(QSize(size, size)))
        self.level_icon.setAccessibleName(level_words[advice.level])
        self.level_label = QLabel(level_words[advice.level])
        self.level_label.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
        self.title_label = QLabel(localise_dates(advice.title))
        self.title_label.setFont(_scaled_font(self.font(), 1.05))
        self.title_label.setWordWrap(True)
        top.addWidget(self.level_icon)
        top.addWidget(self.level_label)
        top.addWidget(self.title_label, 1)
        layout.addLayout(top)
        self.message_label = QLabel(localise_dates(advice.message))
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout.addWidget(self.message_label)

        self.why_button = QToolButton()
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setCheckable(True)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.setAutoRaise(True)
        self.why_button.setAccessibleName(self.tr("Why: %s") % advice.title)
        self.details = QLabel(self._details_html())
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.details.setOpenExternalLinks(True)  # hamstring-help: opens the Learn guide
        self.details.hide()
        self.why_button.toggled.connect(self._toggle)
        has_details = bool(advice.why) or bool(advice.evidence) or bool(self.learn_section)
        self.why_button.setVisible(has_details)
        layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        self.metronome_control: MetronomeControl | None = None

    def show_metronome(self, metronome: Metronome | None, spm: int | None) -> None:
        """The cadence advice gets a Start/Stop for ``metronome`` while there is a target."""
        if metronome is None or self.advice.rule != CADENCE_RULE:
            return
        if self.metronome_control is None:
            self.metronome_control = MetronomeControl(metronome)
            box = self.layout()
            box.insertWidget(box.indexOf(self.message_label) + 1, self.metronome_control)
        self.metronome_control.set_target(spm)

    @property
    def learn_section(self) -> str:
        return learn_section_for(self.advice.rule)

    def _details_html(self) -> str:
        parts = []
        lines = why_lines(self.advice.why, self.units)
        if lines:
            items = "".join(f"<li>{_escape(line)}</li>" for line in lines)
            heading = self.tr("The numbers")
            parts.append(f"<b>{heading}</b><ul style='margin:0'>{items}</ul>")
        if self.advice.evidence:
            heading = self.tr("Evidence")
            parts.append(f"<p><b>{heading}</b>: {_escape(self.advice.evidence)}</p>")
        section = self.learn_section
        if section:
            link = self.tr("Read more in About your hamstring: %s") % _escape(section)
            parts.append(f"<p><a href=\"{help_url('learn', section)}\">{link}</a></p>")
        return "".join(parts)

    def _toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.why_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class VerdictPanel(QWidget):
    """Shows an Assessment. ``assessment`` holds what is on show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.assessment: Assessment | None = None
        self.units = Units.KM  # distances in "why" follow the profile's units
        self.metronome: Metronome | None = None  # the plan's, for the cadence advice
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)

        self.caption = QLabel(self.tr("Today's verdict"))
        self.caption.setFont(_scaled_font(self.font(), 1.0))
        layout.addWidget(self.caption)

        self.pending_label = QLabel()  # the check-in being filled in is not saved yet
        self.pending_label.setObjectName("verdictPending")
        self.pending_label.setWordWrap(True)
        self.pending_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.pending_label.setMargin(6)
        self.pending_label.hide()
        layout.addWidget(self.pending_label)

        self.header = QFrame()
        self.header.setObjectName("verdictHeader")
        # a Tab stop, so the verdict can be reached and read out from the keyboard
        self.header.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._announced: tuple[Verdict, str] | None = None
        header_layout = QHBoxLayout(self.header)
        header_layout.setContentsMargins(12, 10, 12, 10)
        self.icon_label = QLabel()
        self.icon_label.setAccessibleName(self.tr("Verdict icon"))
        header_layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictWord")
        self.verdict_label.setFont(_scaled_font(self.font(), 1.7))
        self.verdict_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        words.addWidget(self.verdict_label)
        words.addWidget(self.summary_label)
        header_layout.addLayout(words, 1)
        layout.addWidget(self.header)

        self.referral = QFrame()
        self.referral.setObjectName("referralBox")
        referral_layout = QVBoxLayout(self.referral)
        referral_layout.setContentsMargins(12, 8, 12, 8)
        self.referral_title = QLabel()
        self.referral_title.setFont(_scaled_font(self.font(), 1.2))
        self.referral_title.setWordWrap(True)
        self.referral_text = QLabel()
        self.referral_text.setWordWrap(True)
        self.referral_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        referral_layout.addWidget(self.referral_title)
        referral_layout.addWidget(self.referral_text)
        layout.addWidget(self.referral)

        self.unknowns = QLabel()
        self.unknowns.setObjectName("unknowns")
        self.unknowns.setWordWrap(True)
        self.unknowns.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.unknowns)

        self.advice_heading = QLabel(self.tr("What to do, and why"))
        self.advice_heading.setFont(_scaled_font(self.font(), 1.1))
        layout.addWidget(self.advice_heading)
        self.advice_box = QVBoxLayout()
        self.advice_box.setSpacing(6)
        layout.addLayout(self.advice_box)
        self.advice_items: list[AdviceItem] = []

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.empty_label)

        self.footer = QLabel(
            self.tr("General guidance, not a diagnosis. If in doubt, see a physiotherapist "
                    "or doctor.")
        )
        self.footer.setWordWrap(True)
        self.footer.setEnabled(False)
        layout.addWidget(self.footer)
        layout.addStretch(1)
        self.show_empty()

    # ------------------------------------------------------------------ texts

    def verdict_words(self, verdict: Verdict) -> tuple[str, str]:
        """The verdict in words: its one word and one sentence (ui/verdicts.py)."""
        return verdict_word(verdict), verdict_sentence(verdict)

    def referral_title_for(self, referral: Referral) -> str:
        if referral == Referral.URGENT:
            return self.tr("⚠ See a health professional urgently: today, or within 24-48 hours")
        return self.tr("Book an assessment with a health professional in the coming days")

    # ------------------------------------------------------------------ states

    def _clear_advice(self) -> None:
        for item in self.advice_items:
            self.advice_box.removeWidget(item)
            item.deleteLater()
        self.advice_items = []

    def show_empty(self, text: str | None = None) -> None:
        """The first-time state: what to do first, kindly."""
        self.assessment = None
        self._clear_advice()
        for widget in (self.header, self.referral, self.unknowns, self.advice_heading):
            widget.hide()
        self.empty_label.setText(
            text
            or self.tr(
                "<h3>Welcome</h3><p>Start with today's check-in on the left. It takes about "
                "30 seconds: how your hamstring feels, whether you ran, and a few yes/no "
                "questions.</p><p>Press <b>Enter</b> to save it, and your verdict for today "
                "will appear here, with the reasons behind it.</p>"
            )
        )
        self.empty_label.show()

    def set_pending(self, waiting: bool) -> None:
        """Say that today's check-in is filled in but not saved, so what is shown does not
        include it yet (the verdict is worked out again when it is saved)."""
        self.pending_label.setText(
            self.tr("Today's check-in is not saved yet, so this verdict does not include "
                    "your answers. Press Enter to save it and see the verdict.")
        )
        self.pending_label.setVisible(waiting)

    def show_assessment(
        self,
        assessment: Assessment,
        units: Units | None = None,
        later: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Show ``assessment``; with ``later`` (a tab drawing in parts), new advice items
        are built on a turn of their own (the old ones go at once: they would not match
        the verdict above them)."""
        units_changed = units is not None and units != self.units
        if units is not None:
            self.units = units
        self.assessment = assessment
        self.empty_label.hide()
        verdict = assessment.verdict
        colour = verdict_colour(verdict)
        headline = word_for(assessment)  # both say so when a professional said "not yet"
        summary = sentence_for(assessment)
        self.verdict_label.setText(headline)
        set_sheet(self.verdict_label, f"color: {colour.name()};")
        self.summary_label.setText(summary)
        size = self.verdict_label.fontMetrics().height() * 2
        self.icon_label.setPixmap(verdict_pixmap(verdict, size))
        set_sheet(
            self.header,
            f"#verdictHeader {{ border: 2px solid {colour.name()}; border-radius: 6px; }}"
        )
        spoken = self.tr("Today's verdict: %s") % headline
        self.header.setAccessibleName(spoken)
        self.header.setAccessibleDescription(summary)
        self.icon_label.setAccessibleName(headline)
        self.header.show()
        if self._announced != (verdict, summary):  # a change is said once, not every refresh
            if self._announced is not None or self.isVisible():
                announce(self.header, f"{spoken}. {summary}", urgent=verdict is Verdict.STOP)
            self._announced = (verdict, summary)

        if assessment.referral != Referral.NONE:
            border = error_colour() if assessment.referral == Referral.URGENT else colour
            set_sheet(
                self.referral,
                f"#referralBox {{ border: 2px solid {border.name()}; border-radius: 6px;"
                " background: palette(alternate-base); }"
            )
            self.referral_title.setText(self.referral_title_for(assessment.referral))
            self.referral_text.setText(localise_dates(assessment.referral_reason))
            self.referral.show()
        else:
            self.referral.hide()

        if assessment.unknowns:
            items = "".join(f"<li>{_escape(localise_dates(u))}</li>" for u in assessment.unknowns)
            heading = self.tr("Not known yet")
            hint = self.tr("(answer these for a surer verdict):")
            self.unknowns.setText(f"<b>{heading}</b> {hint}<ul style='margin:0'>{items}</ul>")
            self.unknowns.show()
        else:
            self.unknowns.hide()

        # the same advice keeps its items (and which "why" is open); else rebuild
        if units_changed or tuple(item.advice for item in self.advice_items) != assessment.advice:
            self._clear_advice()
            if later is not None and assessment.advice:
                self.advice_heading.hide()
                # unless something newer is shown by then
                later(lambda: self._show_advice(assessment)
                      if self.assessment is assessment else None)
                return
            self._build_advice(assessment)
        self._show_advice(assessment)

    def _build_advice(self, assessment: Assessment) -> None:
        for advice in assessment.advice:
            item = AdviceItem(advice, self.units)
            self.advice_box.addWidget(item)
            self.advice_items.append(item)

    def _show_advice(self, assessment: Assessment) -> None:
        if not self.advice_items:
            self._build_advice(assessment)
        plan = assessment.prescription
        spm = plan.today.cadence_target_spm if plan is not None else None
        for item in self.advice_items:
            item.show_metronome(self.metronome, spm)
        self.advice_heading.setVisible(bool(self.advice_items))

    def text(self) -> str:
        """Everything on show as plain text (for tests and screen readers)."""
        parts = [self.caption.text()]
        if self.assessment is None:
            parts.append(self.empty_label.text())
        else:
            parts += [self.verdict_label.text(), self.summary_label.text()]
            if not self.referral.isHidden():
                parts += [self.referral_title.text(), self.referral_text.text()]
            if not self.unknowns.isHidden():
                parts.append(self.unknowns.text())
            for item in self.advice_items:
                parts += [item.title_label.text(), item.message_label.text()]
        return "\n".join(parts)
