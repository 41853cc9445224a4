"""docs/examples/*.json are real inputs: each runs, the documented one gives the documented
output, and the prose under the example only names rules the example fires. Also: a
--today before the pain started is refused with --db as it is for a file."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))
DOC = (ROOT / "docs" / "assess.md").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\s*```json\n(.*?)\n```", DOC, re.S)
    assert found
    return found.group(1)


def test_there_are_examples_and_the_doc_names_them():
    assert len(EXAMPLES) >= 2
    for path in EXAMPLES:
        assert f"docs/examples/{path.name}" in DOC, path.name


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_example_is_assessed(path, capsys):
    assert main(["assess", str(path)]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["verdict"] in {"continue", "modify", "hold", "stop"}


def test_the_documented_example_is_the_shipped_file(capsys):
    shipped = ROOT / "docs" / "examples" / "two-weeks-in.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(_block("example-input"))
    assert main(["assess", str(shipped)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(_block("example-output"))


def test_the_prose_after_the_example_matches_the_rules_it_fires():
    output = json.loads(_block("example-output"))
    fired = {a["rule"] for a in output["advice"]}
    prose = DOC.split("<!-- example-output -->", 1)[1].split("```", 2)[2]
    claims = {
        "week grew": "load.weekly_increase",
        "longer than anything": "load.single_run_spike",
        "back to back": "load.back_to_back_hard",
    }
    for words, rule in claims.items():
        if words in prose:
            assert rule in fired, f"the prose says '{words}' but {rule} does not fire"


def test_db_with_today_before_the_pain_started_is_refused(tmp_path, capsys):
    from hamstring_app.core.models import CheckIn, History, Profile
    from hamstring_app.store.repository import open_repository

    repo = open_repository(tmp_path, today=lambda: date(2026, 3, 10), app_version="test")
    try:
        repo.import_history(
            History(
                profile=Profile(injury_start=date(2026, 3, 1)),
                checkins=(CheckIn(day=date(2026, 3, 5), pain_rest=2),),
            )
        )
    finally:
        repo.close()
    code = main(["assess", "--db", "--data-dir", str(tmp_path), "--today", "2026-02-01"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "2026-02-01 is before the pain started (2026-03-01)" in captured.err
