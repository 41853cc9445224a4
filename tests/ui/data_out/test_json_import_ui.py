"""File > Import my data (JSON)...: a review of what would be added before anything is
written; Import adds only new records and every tab hears of it; Cancel, a second import
and a damaged file change nothing."""

from __future__ import annotations

from datetime import timedelta

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn
from hamstring_app.exchange.service import export_history_json
from hamstring_app.ui.data_out.import_ui import review_text


def _counts(session):
    h = session.ctx.repo.load_history()
    return len(h.checkins), len(h.runs), len(h.strength_sessions)


def _export(tmp_path, clock, name="other.json"):
    """An export of a longer story to the same day: its first 8 weeks are new to the
    filled session (12 weeks), and its later check-ins differ from the saved ones."""
    history = build_demo_history(clock.today(), weeks=20)
    path = tmp_path / name
    export_history_json(history, path, clock.today())
    return path, history


def test_the_review_comes_first_and_import_adds_only_new_records(qtbot, wait_for, filled,
                                                                  tmp_path, clock):
    path, _history = _export(tmp_path, clock)
    before = _counts(filled)
    heard = []
    filled.ctx.events.data_changed.connect(heard.append)
    filled.said.answer = False
    actions = filled.window.data_out.imports
    wait_for(actions.review(path))
    assert len(filled.said.asked) == 1 and "New: " in filled.said.asked[0]
    assert "Nothing you have saved is changed." in filled.said.asked[0]
    assert _counts(filled) == before and heard == []  # Cancel: nothing written

    filled.said.answer = True
    wait_for(actions.review(path))
    wait_for(actions.task)
    after = _counts(filled)
    assert after[0] > before[0] and all(a >= b for a, b in zip(after, before, strict=True))
    first_new = min(c.day for c in filled.ctx.repo.load_history().checkins)
    assert first_new < clock.today() - timedelta(weeks=12)
    assert heard  # the tabs were told
    assert filled.said.told[-1][0] == "Imported"
    assert filled.said.told[-1][1].startswith(f"Imported {after[0] - before[0]} check-ins")
    assert filled.ctx.history.get().checkins[-1].day == filled.ctx.repo.load_history(
    ).checkins[-1].day

    filled.said.told.clear()
    wait_for(actions.review(path))  # again: everything is saved already
    assert filled.said.told and "Nothing to import" in filled.said.told[-1][1]
    assert _counts(filled) == after


def test_a_damaged_file_is_refused_with_the_reason(qtbot, wait_for, filled, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"checkins": [', encoding="utf-8")
    before = _counts(filled)
    wait_for(filled.window.data_out.imports.review(bad))
    title, text = filled.said.told[-1]
    assert title == "Not imported" and "not valid JSON" in text
    assert "Nothing was imported." in text
    assert filled.said.asked == [] and _counts(filled) == before


def test_the_menu_has_the_import(filled):
    assert filled.window.data_out.import_action.text() == "Import my data (&JSON)..."


def test_the_review_names_the_saved_check_ins_kept(qapp, clock):
    from hamstring_app.exchange.merge import plan_import

    saved = build_demo_history(clock.today(), weeks=8)
    day = saved.checkins[-1].day
    incoming = type(saved)(checkins=(CheckIn(day, pain_rest=9),))
    text = review_text(plan_import(saved, incoming))
    assert "New: 0 check-ins, 0 runs and 0 strength sessions." in text
    assert "On 1 day the file's check-in differs from the saved one" in text
