"""The words of a recent routine warning sign agree with the verdict and today's run: while
it is open the ladder waits and today is a rest day from running (docs/rules.md, section 7),
so the advice never says to keep running, and on a stop day it never sounds like a run."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, ago, clean, history, profile

from hamstring_app.core.models import Referral, Verdict
from hamstring_app.core.rules import evaluate


def _advice(a, rule):
    found = [x for x in a.advice if x.rule == rule]
    assert found, [x.rule for x in a.advice]
    return found[0]


@pytest.mark.parametrize(("today_pain", "verdict"), [(0, Verdict.HOLD), (7, Verdict.STOP)])
def test_a_recent_routine_sign_never_says_keep_running(today_pain, verdict):
    cs = [clean(ago(k)) for k in range(1, 10) if k != 3]
    cs += [clean(ago(3), sharp_pain=True), clean(TODAY, pain_rest=today_pain)]
    a = evaluate(history(cs, prof=profile(ago(20))), TODAY)
    assert (a.verdict, a.referral) == (verdict, Referral.ROUTINE)
    message = _advice(a, "pain.recent_red_flag").message.lower()
    assert "keep running" not in message and "run easy" not in message
    assert "rest from running" in message
    assert a.prescription is not None and not a.prescription.today.running
