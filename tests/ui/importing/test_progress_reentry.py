"""A window-modal QProgressDialog runs the event loop inside setValue(): another progress
report, and the end of the task, can arrive in there. The controller must not call
setValue() again from inside it, nor touch the dialog after it is gone (a nested report
once deleted the dialog under the outer setValue(): an error, and once a crash)."""

from __future__ import annotations

from hamstring_app.ui.importing.controller import ImportController


class NestingDialog:
    """Stands in for the dialog: the first setValue() delivers a second report and then
    the task's end, as the nested event loop would."""

    def __init__(self, controller: ImportController) -> None:
        self.controller = controller
        self.values: list[int] = []
        self.depth = 0
        self.max_depth = 0
        self.deleted = False
        self.closed = False
        self.canceled = self  # stands in for the signal: disconnect() is all it needs

    def disconnect(self, *args: object) -> None:
        pass

    def setLabelText(self, text: str) -> None:
        assert not self.deleted

    def setValue(self, value: int) -> None:
        assert not self.deleted
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        self.values.append(value)
        if len(self.values) == 1:
            self.controller._progressed(0.6, "b.fit")  # a report queued behind this one
            self.controller._close_progress()  # then the task ends, still in here
        self.depth -= 1

    def close(self) -> None:
        self.closed = True

    def deleteLater(self) -> None:
        assert not self.deleted, "deleteLater() on a dialog already deleted"
        self.deleted = True


def test_a_report_inside_setvalue_does_not_nest_and_the_dialog_is_deleted_once(session_factory):
    session = session_factory()
    controller = session.window.importing.controller
    dialog = NestingDialog(controller)
    controller.progress = dialog  # type: ignore[assignment]
    controller._progressed(0.5, "a.fit")
    assert dialog.max_depth == 1
    assert dialog.closed and dialog.deleted
    assert controller.progress is None
