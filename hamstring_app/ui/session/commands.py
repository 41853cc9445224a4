"""Strength-session changes that can be undone (Ctrl+Z on the Strength tab)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from hamstring_app.core.models import StrengthSession
from hamstring_app.store import operations as op
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.undo import OpCommand


class SessionCommands(QObject):
    """The translation context of these commands' texts."""


class DiscardSessionCommand(OpCommand):
    """Delete an unfinished session with its sets; undo puts it back, same id and all."""

    def __init__(self, ctx: AppContext, session: StrengthSession) -> None:
        super().__init__(ctx, SessionCommands.tr("discard the unfinished session"))
        if session.id is None:
            raise ValueError("only a stored session (with an id) can be discarded")
        self.session_id = session.id
        self.deleted: StrengthSession | None = None

    def redo(self) -> None:
        outcome = self.run(op.discard_session, self.session_id)
        if outcome.ok:
            self.deleted = outcome.value
            self.say(SessionCommands.tr("Unfinished session discarded. Ctrl+Z brings it back."))

    def undo(self) -> None:
        if self.deleted is not None and self.run(op.restore_session, self.deleted).ok:
            self.say(SessionCommands.tr("The unfinished session is back."))
