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


def _same_hypothesis_examples_in_any_order() -> None:
    """Hypothesis draws some values from the constants of the project's modules imported so
    far, and which those are depends on the tests that ran before: a derandomized test then
    generated other examples in another order (an index-update branch count fell from 42 to
    23 after tests/cli). Every test gets the same pool instead: Hypothesis's own constants,
    none of ours. tests/test_hypothesis_setup.py fails if a Hypothesis release changes this."""
    from hypothesis.internal.conjecture import providers

    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    providers.CONSTANTS_CACHE.cache.clear()


_same_hypothesis_examples_in_any_order()


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
