"""`hamstring-app assess`: the documented example, today's precedence, bad input, --db."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from hamstring_app import assess as assess_module
from hamstring_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "assess.md"


def doc_block(marker: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\s*```json\n(.*?)\n```", text, re.S)
    assert found, f"docs/assess.md has no {marker} block"
    return found.group(1)


def example() -> dict:
    return json.loads(doc_block("example-input"))


def write(tmp_path: Path, data: object, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_documented_example_round_trips(tmp_path, capsys):
    path = write(tmp_path, doc_block("example-input"))
    assert main(["assess", path]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == json.loads(doc_block("example-output"))


def test_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(doc_block("example-input")))
    assert main(["assess", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "modify"


def test_today_precedence(tmp_path, capsys, monkeypatch):
    data = example()
    path = write(tmp_path, data)
    assert main(["assess", path, "--today", "2026-03-20"]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-03-20"

    class FakeDate(date):
        @classmethod
        def today(cls):
            return cls(2026, 4, 1)

    monkeypatch.setattr(assess_module, "date", FakeDate)
    assert main(["assess", path]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-03-16"  # the file's today
    del data["today"]
    assert main(["assess", write(tmp_path, data)]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-04-01"  # the system date


def _set(data: dict, path: tuple, value: object) -> dict:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("checkins", 0, "pain_rest"), 11, "checkins[0].pain_rest: must be from 0 to 10, not 11"),
        (("runs", 2, "date"), "2026-02-30", "runs[2].date: '2026-02-30' is not a real calendar"),
        (("runs", 0, "distance_km"), "ten", "runs[0].distance_km: must be a number, not 'ten'"),
        (("checkins", 1, "pain_level"), 3, "checkins[1].pain_level: is not a known field"),
        (("profile", "pain_site"), "knee", "profile.pain_site: must be one of mid_thigh"),
        (("runs", 0, "type"), "jog", "runs[0].type: must be one of easy"),
        (("checkins", 2, "sharp_pain"), "yes", "checkins[2].sharp_pain: must be yes or no"),
        (("checkins", 0, "date"), "16/03/2026", "checkins[0].date: must be a date written"),
        (("runs", 1, "date"), "2026-03-17", "runs[1].date: 2026-03-17 is in the future"),
        (("checkins", 1, "date"), "2026-03-14", "checkins[1].date: 2026-03-14 already has"),
        (
            ("strength_sessions", 0, "sets", 1, "pain"),
            -1,
            "strength_sessions[0].sets[1].pain: must be from 0 to 10, not -1",
        ),
        (("surprise",), 1, "surprise: is not a known field"),
        (("today",), "2026-13-01", "today: '2026-13-01' is not a real calendar date"),
    ],
)
def test_bad_input_exits_2_naming_field_and_value(tmp_path, capsys, path, value, expected):
    data = _set(example(), path, value)
    assert main(["assess", write(tmp_path, data)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err
    assert "invalid input" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"checkins": [', "is not valid JSON (line 1"),
        ("[1, 2]", "document: must be an object"),
        ('{"checkins": {}}', "checkins: must be a list"),
        ('{"checkins": [3]}', "checkins[0]: must be an object"),
        ('{"runs": [{"date": "2026-03-01"}]}', "runs[0].distance_km: is required"),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "sets": ['
            '{"exercise": "nordic", "set_number": 1}, {"exercise": "bridge", "set_number": 1},'
            '{"exercise": "nordic", "set_number": 1}]}]}',
            "strength_sessions[0].sets[2].set_number: nordic already has a set 1 in this "
            "session (sets[0])",
        ),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "sets": ['
            '{"exercise": "nordic", "set_number": 2}, {"exercise": "nordic"}]}]}',
            "strength_sessions[0].sets[1].set_number: nordic already has a set 2 in this "
            "session (sets[0])",
        ),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "started_at": "2026-03-01"}]}',
            "strength_sessions[0].started_at: must be a date and time written",
        ),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "started_at": "2026-03-01T18:00",'
            ' "finished_at": "2026-03-01T17:00"}]}',
            "strength_sessions[0].finished_at: is before the session started",
        ),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "finished_at": "2026-03-01T25:00"}]}',
            "strength_sessions[0].finished_at: '2026-03-01T25:00' is not a real date and time",
        ),
        (
            '{"strength_sessions": [{"date": "2026-03-01", "programme": ""}]}',
            "strength_sessions[0].programme: must name a programme",
        ),
    ],
)
def test_malformed_documents_exit_2(tmp_path, capsys, text, expected):
    assert main(["assess", write(tmp_path, text), "--today", "2026-03-16"]) == 2
    assert expected in capsys.readouterr().err


def test_bad_today_option_and_missing_file(tmp_path, capsys):
    path = write(tmp_path, example())
    assert main(["assess", path, "--today", "2026-02-30"]) == 2
    assert "--today: '2026-02-30' is not a real calendar date" in capsys.readouterr().err
    assert main(["assess", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_empty_document_is_assessed_with_unknowns(tmp_path, capsys):
    assert main(["assess", write(tmp_path, "{}"), "--today", "2026-03-16"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "modify"  # nothing answered is never "all clear"
    assert out["unknowns"]


# --------------------------------------------------------------------------- --db


def test_db_without_saved_data_exits_1(tmp_path, capsys):
    assert main(["assess", "--db", "--data-dir", str(tmp_path)]) == 1
    assert "no saved data" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing was created


def test_db_assesses_saved_data(tmp_path, capsys):
    from hamstring_app.core.rules.jsonio import parse_document
    from hamstring_app.store.repository import open_repository

    history, today = parse_document(example(), cli_today=None, system_today=date(2026, 3, 16))
    repo = open_repository(tmp_path, today=lambda: today, app_version="test")
    try:
        repo.import_history(history)
    finally:
        repo.close()
    from hamstring_app.paths import DB_NAME

    before = (tmp_path / DB_NAME).read_bytes()
    assert main(["assess", "--db", "--data-dir", str(tmp_path), "--today", "2026-03-16"]) == 0
    assert (tmp_path / DB_NAME).read_bytes() == before  # assessing writes nothing
    assert not (tmp_path / "backups").exists()
    got = json.loads(capsys.readouterr().out)
    assert got == json.loads(doc_block("example-output"))
    # an earlier day: later records are simply left out
    assert main(["--data-dir", str(tmp_path), "assess", "--db", "--today", "2026-03-10"]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"]["weekly_km"] == 6.0


@pytest.mark.parametrize("per_week", [2, 4])
def test_db_week_plans_the_saved_strength_sessions_a_week(tmp_path, capsys, per_week):
    from dataclasses import replace

    from hamstring_app.core.rules.jsonio import parse_document
    from hamstring_app.store.repository import open_repository

    history, today = parse_document(example(), cli_today=None, system_today=date(2026, 3, 16))
    repo = open_repository(tmp_path, today=lambda: today, app_version="test")
    try:
        repo.import_history(history)
        repo.save_settings(replace(repo.get_settings(), sessions_per_week=per_week))
    finally:
        repo.close()
    assert main(["assess", "--db", "--data-dir", str(tmp_path), "--today", "2026-03-16"]) == 0
    week = json.loads(capsys.readouterr().out)["prescription"]["week"]
    assert sum(d["strength"] for d in week) == per_week
    # from a file there is no setting: the default, 3
    documented = json.loads(doc_block("example-output"))["prescription"]["week"]
    assert sum(d["strength"] for d in documented) == 3


def test_db_store_error_exits_1(tmp_path, capsys):
    from hamstring_app.paths import DB_NAME

    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    assert main(["assess", "--db", "--data-dir", str(tmp_path), "--today", "2026-03-16"]) == 1
    err = capsys.readouterr().err
    assert "could not open" in err and "Traceback" not in err


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_exits_2_as_invalid_input(tmp_path, capsys, opening):
    path = write(tmp_path, opening * 200_000)
    assert main(["assess", path]) == 2
    err = capsys.readouterr().err
    assert "invalid input" in err and "nested too deeply" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_invalid_json_on_standard_input_names_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"checkins": ['))
    assert main(["assess", "-"]) == 2
    err = capsys.readouterr().err
    assert "invalid input: standard input is not valid JSON (line 1" in err
    assert " - is not" not in err


def test_deeply_nested_json_on_standard_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("[" * 200_000))
    assert main(["assess", "-"]) == 2
    assert "invalid input: standard input is nested too deeply" in capsys.readouterr().err



@pytest.mark.parametrize("where", ["after", "before"])
def test_a_file_is_assessed_on_its_own_whatever_data_folder_is_named(
    tmp_path, capsys, where
):
    """docs/assess.md: a FILE.json needs no data folder, so a --data-dir beside it (a
    wrapper that always passes one, say) is not read: the same output, nothing made."""
    history = write(tmp_path, {"profile": {"injury_start": "2026-03-01"}})
    assert main(["assess", history, "--today", "2026-03-16"]) == 0
    alone = capsys.readouterr()
    folder = tmp_path / "data"
    argv = ["assess", history, "--today", "2026-03-16", "--data-dir", str(folder)]
    if where == "before":
        argv = ["--data-dir", str(folder), *argv[:-2]]
    assert main(argv) == 0
    beside = capsys.readouterr()
    assert beside.out == alone.out and beside.err == alone.err == ""
    assert not folder.exists()


def test_a_data_folder_that_is_a_file_does_not_stop_a_file_being_assessed(
    tmp_path, capsys, monkeypatch
):
    """With --db such a folder is a usage error (exit 2); a FILE.json never looks at it."""
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("HAMSTRING_COACH_DATA", str(blocked))
    history = write(tmp_path, "{}")
    assert main(["assess", history, "--today", "2026-03-16", "--data-dir", str(blocked)]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "modify"
    with pytest.raises(SystemExit) as done:
        main(["assess", "--db", "--data-dir", str(blocked)])
    assert done.value.code == 2
