"""Test set-up shared by every test folder: headless Qt, no real user data, and no modal
error dialog that would wait for a click nobody gives."""

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
# The app's error reporter shows no dialog under tests: it keeps the traceback instead
# (hamstring_app/ui/error_reporter.py), and the fixture below fails the test with it.
# Set here, so app processes that tests start inherit it too.
os.environ["HAMSTRING_COACH_ERROR_DIALOGS"] = "0"


@pytest.fixture(autouse=True)
def _unexpected_errors_fail_the_test():
    yield
    reporter = sys.modules.get("hamstring_app.ui.error_reporter")
    if reporter is not None and reporter.UNSHOWN:
        errors = list(reporter.UNSHOWN)
        reporter.UNSHOWN.clear()
        pytest.fail(
            "An unexpected error reached the app's error reporter:\n\n" + "\n".join(errors),
            pytrace=False,
        )
