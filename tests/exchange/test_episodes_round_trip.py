"""Episodes and professional assessments go out in the JSON export and come back in."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from exchange_samples import TODAY

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
)
from hamstring_app.exchange import service


def with_episodes(history):
    p = history.profile
    first = Episode(onset=p.injury_start - timedelta(days=300), side=p.side,
                    pain_site=p.pain_site, ended=p.injury_start - timedelta(days=200),
                    end_reason=EpisodeEnd.RECOVERED)
    current = Episode(onset=p.injury_start, side=p.side, pain_site=p.pain_site,
                      long_standing=p.long_standing)
    seen = (
        ProfessionalAssessment(p.injury_start - timedelta(days=250),
                               AssessmentOutcome.CLEARED_TO_RUN, "physio: fine"),
        ProfessionalAssessment(TODAY - timedelta(days=3), None, ""),
    )
    return replace(history, episodes=(first, current), assessments=seen)


def _plain(records):
    return [replace(r, id=None) for r in records]


def test_episodes_and_assessments_survive_export_import_export(tmp_path, open_repo,
                                                               demo_history):
    first = open_repo("first")
    first.import_history(with_episodes(demo_history))
    service.export_json(first, tmp_path / "one.json", TODAY)
    doc = json.loads((tmp_path / "one.json").read_text())
    assert [e["onset"] for e in doc["episodes"]] == [
        e.onset.isoformat() for e in first.list_episodes()
    ]
    assert doc["episodes"][0]["end_reason"] == "recovered"
    assert "ended" not in doc["episodes"][1]
    assert doc["assessments"][0] == {
        "date": (demo_history.profile.injury_start - timedelta(days=250)).isoformat(),
        "outcome": "cleared_to_run",
        "note": "physio: fine",
    }

    second = open_repo("second")
    plan = service.import_history(second, service.read_export(tmp_path / "one.json", TODAY))
    assert len(plan.episodes) == 2 and len(plan.assessments) == 2
    assert _plain(second.list_episodes()) == _plain(first.list_episodes())
    assert _plain(second.list_assessments()) == _plain(first.list_assessments())
    service.export_json(second, tmp_path / "two.json", TODAY)
    assert (tmp_path / "two.json").read_text() == (tmp_path / "one.json").read_text()


def test_importing_again_adds_no_assessment_twice_and_keeps_saved_episodes(
    tmp_path, open_repo, demo_history
):
    repo = open_repo("data")
    repo.import_history(with_episodes(demo_history))
    service.export_json(repo, tmp_path / "x.json", TODAY)
    before = repo.load_history()
    plan = service.import_history(repo, service.read_export(tmp_path / "x.json", TODAY))
    assert not plan.adds_anything and plan.duplicate_assessments == 2
    assert not plan.episodes_kept  # the same episodes: nothing to say
    assert repo.load_history() == before


def test_different_episodes_in_the_file_leave_the_saved_ones_and_say_so(
    tmp_path, open_repo, demo_history
):
    repo = open_repo("data")
    repo.import_history(demo_history)
    saved = repo.list_episodes()
    other = open_repo("other")
    other.import_history(with_episodes(demo_history))
    service.export_json(other, tmp_path / "other.json", TODAY)
    plan = service.import_history(repo, service.read_export(tmp_path / "other.json", TODAY))
    assert plan.episodes == () and plan.episodes_kept
    assert repo.list_episodes() == saved
    assert len(plan.assessments) == 2  # the assessments are still new here
    assert any("episodes" in line for line in plan.summary())
