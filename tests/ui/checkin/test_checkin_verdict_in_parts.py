"""The verdict's first display after a big change comes in more, smaller parts: the
verdict's headline at once and its advice on a turn of its own, today's run and then the
ladder. Nothing older stays on show meanwhile, and a newer verdict drops what waits."""

from __future__ import annotations

from collections.abc import Callable

from hamstring_app.core.models import Units
from hamstring_app.core.runplan.story import ladder_story
from hamstring_app.store import operations as op


def _ladder_assessment(env):
    assert env.session.ctx.ops.run(op.import_history, ladder_story(env.today))
    assessment = env.session.ctx.ops.assessment()
    assert assessment.advice and assessment.prescription.ladder is not None
    return assessment


def test_the_advice_comes_a_turn_after_the_headline(env):
    assessment = _ladder_assessment(env)
    panel = env.tab.verdict
    panel.show_empty()  # as before a first import: no advice on show
    waiting: list[Callable[[], None]] = []
    panel.show_assessment(assessment, Units.KM, later=waiting.append)
    assert panel.verdict_label.text() and not panel.header.isHidden()
    assert panel.advice_items == [] and panel.advice_heading.isHidden()
    assert len(waiting) == 1
    waiting.pop()()
    assert tuple(item.advice for item in panel.advice_items) == assessment.advice
    assert not panel.advice_heading.isHidden()


def test_older_advice_goes_at_once_and_a_newer_verdict_drops_the_part_waiting(env):
    assessment = _ladder_assessment(env)
    panel = env.tab.verdict
    shown = [item.advice for item in panel.advice_items]
    assert shown  # drawn at once by the ordinary refresh
    older = [item for item in panel.advice_items]
    waiting: list[Callable[[], None]] = []
    panel.show_assessment(assessment, Units.MILES, later=waiting.append)  # units: rebuilt
    assert panel.advice_items == [] and all(item.parent() is not None for item in older)
    panel.show_assessment(assessment, Units.MILES)  # newer, drawn whole
    again = list(panel.advice_items)
    waiting.pop()()  # the part that waited belongs to the older display
    assert panel.advice_items == again


def test_the_ladder_comes_a_turn_after_todays_run_and_before_the_week(env):
    assessment = _ladder_assessment(env)
    plan = env.tab.plan
    waiting: list[Callable[[], None]] = []
    weeks: list[int] = []
    real = plan.strip.show_week
    plan.strip.show_week = lambda *a: (weeks.append(1), real(*a))
    plan.show_assessment(assessment, Units.KM, later=waiting.append)
    assert plan.summary.text() and plan.ladder_box.isHidden()  # no older step on show
    assert len(waiting) == 2 and weeks == []
    waiting.pop(0)()
    assert not plan.ladder_box.isHidden() and "step 3 of 7" in plan.ladder_title.text()
    assert weeks == []
    waiting.pop(0)()
    assert weeks == [1]
