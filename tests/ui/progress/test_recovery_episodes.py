"""The recovery graphs keep every injury episode and mark where each one began."""

from __future__ import annotations

import os
from datetime import timedelta

from recovery_samples import ONSET, TODAY

from hamstring_app.core.episodes import Episode, EpisodeEnd
from hamstring_app.core.models import PainSite
from hamstring_app.store import operations as op
from hamstring_app.ui.progress.days import day_start_x


def test_a_second_episode_is_marked_on_every_plot(env, qtbot, tmp_path):
    new_onset = TODAY - timedelta(days=6)
    outcome = env.session.ctx.ops.run(
        op.start_episode, Episode(new_onset, pain_site=PainSite.MID_THIGH)
    )
    assert outcome.ok, outcome.message
    plots = env.tab.plots
    lines = plots.episode_lines
    assert len(lines) == len(plots.plots)  # episode 1's start, once on each plot
    assert {line.value() for _plot, line in lines} == {day_start_x(ONSET)}
    labels = [line.label.toPlainText() for plot, line in lines if plot is plots.pain]
    assert labels == ["Episode 1 began"]
    # the current onset line moved to the new episode, and its timeline starts there
    assert all(line.value() == day_start_x(new_onset) for line in plots.onset_lines)
    assert env.tab.assessment.recovery.weeks_since_onset < 1
    # the older check-ins are still drawn
    assert len(plots.pain_rest.data) == 21
    shot = os.environ.get("EPISODE_SCREENSHOT")
    if shot:
        env.session.window.grab().save(shot)


def test_an_ended_episode_is_marked_where_it_ended(env, qtbot):
    plots = env.tab.plots
    assert plots.episode_lines == []  # one open episode: its onset line is the only mark
    episode = env.session.ctx.history.get().episodes[-1]
    ended = TODAY - timedelta(days=2)
    outcome = env.session.ctx.ops.run(op.end_episode, episode.id, ended, EpisodeEnd.RECOVERED)
    assert outcome.ok, outcome.message
    lines = plots.episode_lines
    assert len(lines) == len(plots.plots)  # once on each plot
    assert {line.value() for _plot, line in lines} == {day_start_x(ended + timedelta(days=1))}
    labels = [line.label.toPlainText() for plot, line in lines if plot is plots.pain]
    assert labels == ["Episode 1 ended: recovered"]
    shot = os.environ.get("EPISODE_END_SCREENSHOT")
    if shot:
        env.session.window.grab().save(shot)
