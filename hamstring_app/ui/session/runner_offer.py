"""The question after a painful set: switch to an easier version, stop the exercise, or
carry on. Nothing else moves until it has an answer.

:class:`~hamstring_app.ui.session.runner_view.RunnerView` supplies ``session``,
``easier_for`` and ``tick``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from hamstring_app.core.models import SetLog
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session.runner_display import RunnerDisplay

log = logging.getLogger("hamstring_app.ui.session.runner_view")


class RunnerOffer(RunnerDisplay):
    """The pain offer's buttons and what each answer does to the session."""

    def _answer_offer(self) -> None:
        """Enter or Space while the offer is open: press its focused button."""
        focus = self.focusWidget()
        buttons = (self.easier_button, self.stop_exercise_button, self.carry_on_button)
        if focus in buttons and focus.isVisible():
            focus.click()  # type: ignore[union-attr]
        else:  # focus wandered off: bring it back, never skip the question
            self._focus_offer()

    def _show_offer(self, session: GuidedSession, set_log: SetLog) -> None:
        item = session.current
        name = item.exercise.name if item else self.tr("this exercise")
        easier = self.easier_for(item) if item else None
        self._offer_easier = easier
        if easier is not None:
            question = self.tr(
                "That set hurt ({pain}/10). Pain above {limit} is a sign to ease off. Switch "
                "to an easier version of {name}, or stop it for today?"
            )
        else:
            question = self.tr(
                "That set hurt ({pain}/10). Pain above {limit} is a sign to ease off. "
                "{name} has no gentler version in this plan: stop it for today, or carry "
                "on as planned?"
            )
        self.offer_label.setText(
            question.format(pain=set_log.pain, limit=session.pain_threshold, name=name)
        )
        self.easier_button.setVisible(easier is not None)
        self.offer.setVisible(True)
        # the rest waits for the answer, so the next set cannot start under the question
        self._offer_paused = not session.paused
        if self._offer_paused:
            session.pause()
        for button in (self.pause_button, self.done_button):
            button.setEnabled(False)  # the answer comes first
        self.render()
        self._set_state_text(session)
        self._focus_offer()

    def _focus_offer(self) -> None:
        button = self.easier_button if self._offer_easier is not None else self.stop_exercise_button
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_offer(self) -> None:
        self.offer.setVisible(False)
        self._offer_easier = None
        for button in (self.pause_button, self.done_button):
            button.setEnabled(True)
        session = self.session
        if self._offer_paused and session is not None and session.paused:
            session.resume_timer()
        self._offer_paused = False
        if session is not None and session.state is not State.SUMMARY:
            self._set_state_text(session)
        self.setFocus()

    def dismiss_offer(self) -> None:
        if self.session is not None:
            self.session.dismiss_offer()
        self._hide_offer()
        self.tick()

    def switch_to_easier(self) -> None:
        session, easier = self.session, self._offer_easier
        if session is not None and easier is not None and session.offer_stop_or_easier:
            try:
                session.switch_to_easier(easier)
            except RuntimeError as exc:
                log.info("Could not switch to the easier variant: %s", exc)
        self._hide_offer()
        self.tick()

    def stop_exercise(self) -> None:
        if self.session is not None:
            self.session.stop_exercise()
        self._hide_offer()
        self.tick()
