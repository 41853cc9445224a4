"""The week strip plans the runner's "Strength sessions a week" setting, and follows it when
it changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from hamstring_app.core.models import StrengthSession
from hamstring_app.core.runplan.story import ladder_story
from hamstring_app.store import operations as op


def _strength_cells(plan) -> int:
    return sum("Strength" in b.text() for b in plan.strip.buttons if not b.isHidden())


@pytest.mark.parametrize("per_week", [2, 4])
def test_the_week_follows_the_strength_sessions_setting(env, per_week):
    ops = env.session.ctx.ops
    assert ops.run(op.import_history, ladder_story(env.today))
    plan = env.tab.plan
    assert sum(d.strength for d in plan.week) == 3  # the default setting
    settings = env.repo.get_settings()
    assert ops.run(op.save_settings, replace(settings, sessions_per_week=per_week))
    env.tab.refresh_now()
    assert sum(d.strength for d in plan.week) == per_week
    assert _strength_cells(plan) == per_week
    assert ops.assessment().prescription.week == plan.week


def test_the_strip_says_when_fewer_sessions_fit_than_the_setting_asks(env):
    ops = env.session.ctx.ops
    story = ladder_story(env.today)
    yesterday = env.today - timedelta(days=1)
    assert ops.run(op.import_history, replace(
        story, strength_sessions=(StrengthSession(day=yesterday),)
    ))
    assert ops.run(op.save_settings, replace(env.repo.get_settings(), sessions_per_week=4))
    env.tab.refresh_now()
    plan = env.tab.plan
    assert sum(d.strength for d in plan.week) == 3
    assert plan.week_message.isVisible()
    assert "room for 3 of your 4 strength sessions" in plan.week_message.text()
