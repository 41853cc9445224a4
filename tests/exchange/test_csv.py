"""CSV files: header rows in the documented order, one row per record or set, safe text."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from exchange_samples import TODAY

from hamstring_app.core.models import CheckIn, History, Run, SetLog, StrengthSession
from hamstring_app.exchange import csvfiles, service

DOCS = Path(__file__).resolve().parents[2] / "docs" / "data-formats.md"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_each_file_has_its_header_and_a_row_per_record():
    history = History(
        checkins=(CheckIn(date(2026, 3, 1), pain_rest=2, ran=False, note="=SUM(A1)"),),
        runs=(Run(date(2026, 3, 2), 5.5, duration_min=33.0, note="-5 degrees"),),
        strength_sessions=(
            StrengthSession(
                date(2026, 3, 3),
                sets=(SetLog("bridge_hold", 1, hold_s=30.0, pain=2), SetLog("bridge_hold", 2)),
                phase=1,
            ),
            StrengthSession(date(2026, 3, 4)),
        ),
    )
    files = csvfiles.csv_files(history, {"bridge_hold": "Bridge hold"})
    checkins = rows(files["checkins.csv"])
    assert checkins[0] == list(csvfiles.CHECKIN_COLUMNS)
    assert len(checkins) == 2
    row = dict(zip(checkins[0], checkins[1], strict=True))
    assert row["date"] == "2026-03-01" and row["pain_rest"] == "2"
    assert row["ran"] == "no" and row["pain_run"] == "" and row["sharp_pain"] == ""
    assert row["note"] == "'=SUM(A1)"  # shown as text, never run as a formula

    runs = rows(files["runs.csv"])
    run = dict(zip(runs[0], runs[1], strict=True))
    assert run["distance_km"] == "5.5" and run["type"] == "easy" and run["source"] == "manual"
    assert run["note"] == "'-5 degrees"

    sets = rows(files["strength_sets.csv"])
    assert sets[0] == list(csvfiles.SET_COLUMNS)
    assert len(sets) == 4  # two sets, plus one row for the session without sets
    first = dict(zip(sets[0], sets[1], strict=True))
    assert first["exercise_name"] == "Bridge hold" and first["hold_s"] == "30.0"
    assert first["session"] == "1" and first["completed"] == "yes"
    empty = dict(zip(sets[0], sets[3], strict=True))
    assert empty["session"] == "2" and empty["exercise"] == "" and empty["set_number"] == ""


def test_export_csv_writes_three_files_with_a_bom(tmp_path, open_repo, demo_history):
    repo = open_repo("data")
    repo.import_history(demo_history)
    done = service.export_csv(repo, tmp_path / "out")
    names = sorted(p.name for p in done.paths)
    assert names == ["checkins.csv", "runs.csv", "strength_sets.csv"]
    raw = (tmp_path / "out" / "runs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = rows(raw.decode("utf-8-sig"))
    assert len(body) == len(demo_history.runs) + 1
    sets = rows((tmp_path / "out" / "strength_sets.csv").read_text(encoding="utf-8-sig"))
    assert len(sets) - 1 == sum(max(1, len(s.sets)) for s in demo_history.strength_sessions)
    assert TODAY.isoformat() >= max(r[0] for r in body[1:])


def test_every_column_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for name, columns in (
        ("checkins.csv", csvfiles.CHECKIN_COLUMNS),
        ("runs.csv", csvfiles.RUN_COLUMNS),
        ("strength_sets.csv", csvfiles.SET_COLUMNS),
    ):
        section = text.split(f"### `{name}`", 1)[1].split("###", 1)[0]
        documented = re.findall(r"^\| `([a-z0-9_]+)` \|", section, re.M)
        assert documented == list(columns), name
