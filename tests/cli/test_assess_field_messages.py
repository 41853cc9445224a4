"""Messages for input the documented table refuses: each names the field, the rule and the
value as it was written (docs/assess.md, "Input")."""

from __future__ import annotations

import json

import pytest

from hamstring_app.cli import main


def _err(tmp_path, capsys, doc: dict) -> str:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    return capsys.readouterr().err.strip()


def test_a_whole_number_field_given_as_2_point_0_shows_the_value_as_written(tmp_path, capsys):
    err = _err(tmp_path, capsys, {
        "today": "2026-03-03", "checkins": [{"date": "2026-03-02", "pain_rest": 2.0}]})
    assert err.endswith("checkins[0].pain_rest: must be a whole number from 0 to 10, not 2.0")


@pytest.mark.parametrize("where", ["checkins", "runs", "assessments"])
def test_a_record_before_1990_names_the_earliest_date(tmp_path, capsys, where):
    record = {"date": "1989-12-31"}
    if where == "runs":
        record["distance_km"] = 5
    err = _err(tmp_path, capsys, {"today": "2026-03-03", where: [record]})
    assert f"{where}[0].date: 1989-12-31 is too far in the past" in err
    assert "1990-01-01" in err


def test_pain_during_the_run_on_a_day_with_no_run_is_refused(tmp_path, capsys):
    err = _err(tmp_path, capsys, {
        "today": "2026-03-03",
        "checkins": [{"date": "2026-03-02", "ran": False, "pain_run": 3}]})
    assert err.endswith("checkins[0].pain_run: cannot be given on a day with no run")


def test_assess_help_names_every_exit_code(capsys):
    with pytest.raises(SystemExit) as done:
        main(["assess", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit 0" in text and "1 when" in text and "2 on invalid input" in text


@pytest.mark.parametrize("written", ["２０２６-03-02", "2026-٠٣-02"])
def test_a_date_in_other_digits_asks_for_the_written_form(tmp_path, capsys, written):
    err = _err(tmp_path, capsys, {"today": written})
    assert "must be a date written YYYY-MM-DD" in err
    assert "not a real calendar date" not in err
