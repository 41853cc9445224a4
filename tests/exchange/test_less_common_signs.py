"""The five less common warning signs in exports: written only when answered, read back the
same (a round trip is byte-identical), an older export without them imports as unanswered,
and the CSV has a column for each."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from exchange_samples import TODAY

from hamstring_app.core.models import LESS_COMMON_RED_FLAG_FIELDS, CheckIn, History
from hamstring_app.exchange import csvfiles, service

NEW = LESS_COMMON_RED_FLAG_FIELDS


def _history() -> History:
    day = TODAY - timedelta(days=3)
    return History(
        checkins=(
            CheckIn(day, pain_rest=1, foot_weakness=True, feeling_unwell=False),
            CheckIn(day + timedelta(days=1), pain_rest=0, difficulty_walking=False),
            CheckIn(day + timedelta(days=2), pain_rest=0, sharp_pain=False),
        )
    )


def test_json_round_trip_keeps_them_and_is_byte_identical(tmp_path, open_repo):
    first = open_repo("first")
    first.import_history(_history())
    service.export_json(first, tmp_path / "one.json", TODAY)
    text = (tmp_path / "one.json").read_text(encoding="utf-8")
    rows = json.loads(text)["checkins"]
    assert rows[0]["foot_weakness"] is True and rows[0]["feeling_unwell"] is False
    assert "bruising_after_sudden_pain" not in rows[0]  # not answered: left out
    assert not any(name in rows[2] for name in NEW)
    second = open_repo("second")
    service.import_history(second, service.read_export(tmp_path / "one.json", TODAY))
    assert second.load_history().checkins == first.load_history().checkins
    service.export_json(second, tmp_path / "two.json", TODAY)
    assert (tmp_path / "two.json").read_text(encoding="utf-8") == text


def test_an_older_export_without_them_imports_as_unanswered(tmp_path, open_repo):
    older = {
        "today": TODAY.isoformat(),
        "checkins": [
            {"date": (TODAY - timedelta(days=1)).isoformat(), "pain_rest": 2,
             "sharp_pain": False, "nerve_signs": True, "note": "before 0004"},
        ],
    }
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    repo = open_repo("data")
    plan = service.import_history(repo, service.read_export(path, TODAY))
    assert len(plan.checkins) == 1
    (saved,) = repo.load_history().checkins
    assert saved.nerve_signs is True and saved.note == "before 0004"
    assert all(getattr(saved, name) is None for name in NEW)


def test_csv_has_a_column_for_each_after_the_everyday_signs():
    columns = csvfiles.CHECKIN_COLUMNS
    assert columns.index("nerve_signs") + 1 == columns.index(NEW[0])
    assert columns[columns.index(NEW[0]):columns.index(NEW[0]) + 5] == NEW
    files = csvfiles.csv_files(_history(), {})
    table = list(csv.reader(io.StringIO(files["checkins.csv"])))
    row = dict(zip(table[0], table[1], strict=True))
    assert row["foot_weakness"] == "yes" and row["feeling_unwell"] == "no"
    assert row["bruising_after_sudden_pain"] == ""
    assert date.fromisoformat(row["date"]) == TODAY - timedelta(days=3)
