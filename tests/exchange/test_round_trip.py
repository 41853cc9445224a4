"""Export -> import into an empty database -> export gives the same JSON; an export
assesses like the database it came from; imports skip duplicates, all in one transaction."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import pytest
from exchange_samples import TODAY

from hamstring_app.assess import run_assess
from hamstring_app.core.models import CheckIn, History, Run
from hamstring_app.exchange import service
from hamstring_app.exchange.document import dumps, loads, to_document


def assess(**kw) -> dict:
    out = io.StringIO()
    assert run_assess(stdout=out, stderr=io.StringIO(), **kw) == 0
    return json.loads(out.getvalue())


def test_export_import_export_is_the_same_json(tmp_path, open_repo, demo_history):
    first = open_repo("first")
    first.import_history(demo_history)
    service.export_json(first, tmp_path / "one.json", TODAY)

    second = open_repo("second")
    incoming = service.read_export(tmp_path / "one.json", TODAY)
    plan = service.import_history(second, incoming)
    assert len(plan.checkins) == len(demo_history.checkins) > 50
    assert len(plan.sessions) == len(demo_history.strength_sessions) > 10
    service.export_json(second, tmp_path / "two.json", TODAY)

    one = (tmp_path / "one.json").read_text(encoding="utf-8")
    assert (tmp_path / "two.json").read_text(encoding="utf-8") == one
    # the sessions kept their programme and times, so none looks unfinished after import
    assert second.unfinished_strength_session() is None
    doc = json.loads(one)
    assert doc["today"] == TODAY.isoformat()
    assert set(doc) == {"today", "profile", "episodes", "checkins", "runs", "strength_sessions"}
    assert all("finished_at" in s for s in doc["strength_sessions"])


def test_importing_the_same_export_again_adds_nothing(tmp_path, open_repo, demo_history):
    repo = open_repo("data")
    repo.import_history(demo_history)
    service.export_json(repo, tmp_path / "x.json", TODAY)
    before = repo.load_history()
    plan = service.import_history(repo, service.read_export(tmp_path / "x.json", TODAY))
    assert not plan.adds_anything
    assert plan.duplicates == (
        len(before.checkins) + len(before.runs) + len(before.strength_sessions)
    )
    assert repo.load_history() == before


def test_assess_of_an_export_gives_what_assess_db_gives(tmp_path, open_repo, demo_history):
    repo = open_repo("data")
    repo.import_history(demo_history)
    service.export_json(repo, tmp_path / "x.json", TODAY)
    repo.close()
    from_file = assess(file=str(tmp_path / "x.json"), use_db=False, data_dir=None, today=None)
    from_db = assess(
        file=None, use_db=True, data_dir=str(tmp_path / "data"), today=TODAY.isoformat()
    )
    assert from_file == from_db
    assert from_file["verdict"] in ("continue", "modify", "hold", "stop")


def test_a_bad_record_imports_nothing(tmp_path, open_repo):
    repo = open_repo("data")
    repo.save_checkin(CheckIn(date(2026, 3, 1), pain_rest=1))
    before = repo.load_history()
    future = History(
        checkins=(CheckIn(date(2026, 3, 2), pain_rest=2),),
        runs=(Run(date(2026, 3, 2), 5.0), Run(date(2026, 4, 1), 5.0)),  # after today
    )
    with pytest.raises(service.ExchangeError, match="Nothing was imported"):
        service.import_history(repo, future)
    assert repo.load_history() == before


def test_preview_writes_nothing_and_matches_the_import(open_repo, demo_history):
    repo = open_repo("data")
    half = replace(demo_history, checkins=demo_history.checkins[::2], runs=(), profile=None)
    repo.import_history(half)
    before = repo.load_history()
    preview = service.preview_import(repo, demo_history)
    assert repo.load_history() == before
    done = service.import_history(repo, demo_history)
    assert done == preview
    assert len(done.checkins) == len(demo_history.checkins) - len(half.checkins)
    assert done.profile == demo_history.profile


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "x.json is not valid JSON (line 1, column 2"),
        ('{"runs": [{"date": "2026-03-01"}]}', "runs[0].distance_km: is required"),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "started_at": "soon"}]}',
            "strength_sessions[0].started_at: must be a date and time",
        ),
        ('{"checkins": [], "pain": 3}', "pain: is not a known field"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(tmp_path, text, message):
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(service.ExchangeError) as caught:
        service.read_export(path, TODAY)
    assert message in str(caught.value)
    assert str(caught.value).endswith("Nothing was imported.")


def test_document_keeps_unanswered_answers_out(demo_history):
    history = History(checkins=(CheckIn(date(2026, 3, 1), pain_rest=0, ran=False),))
    doc = to_document(history, TODAY)
    assert doc["checkins"] == [{"date": "2026-03-01", "pain_rest": 0, "ran": False}]
    back, day = loads(dumps(doc), source="x", system_today=TODAY)
    assert back == history and day == TODAY


def test_a_record_after_today_moves_the_documents_day(demo_history):
    later = date(2026, 3, 20)
    doc = to_document(History(runs=(Run(later, 5.0),)), TODAY)
    assert doc["today"] == later.isoformat()


def test_professional_assessments_are_exported_and_read_back():
    from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment

    history = History(
        assessments=(
            ProfessionalAssessment(date(2026, 3, 2), AssessmentOutcome.REHAB_ONLY, "physio"),
        )
    )
    doc = to_document(history, TODAY)
    assert doc["assessments"] == [
        {"date": "2026-03-02", "outcome": "rehab_only", "note": "physio"}
    ]
    back, _ = loads(dumps(doc), source="x", system_today=TODAY)
    assert back.assessments == history.assessments
