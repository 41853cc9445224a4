"""`assess` keeps its contract on hostile input: exit 0 or 2 with a sentence, never a
traceback, and a cost that grows with the records, not with the numbers or dates in them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_app.assess import run_assess
from hamstring_app.cli import main
from hamstring_app.core.models import SetLog
from hamstring_app.core.rules import strength

ROOT = Path(__file__).resolve().parents[2]
HUGE = 10**400  # far above the largest float (about 1.8e308)


def write(tmp_path: Path, data: object, name: str = "in.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def assess_err(tmp_path: Path, capsys, data: object, *extra: str) -> tuple[int, str]:
    code = main(["assess", write(tmp_path, data), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


RUN = {"date": "2026-03-01", "distance_km": 5.0}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"runs": [{**RUN, "distance_km": HUGE}]}, "runs[0].distance_km: must be more than 0"),
        ({"runs": [{**RUN, "duration_min": -HUGE}]}, "runs[0].duration_min: must be more than 0"),
        ({"runs": [{**RUN, "rpe": HUGE}]}, "runs[0].rpe: must be from 0 to 10"),
        ({"runs": [{**RUN, "cadence_spm": HUGE}]}, "runs[0].cadence_spm: must be from 100"),
        ({"checkins": [{"date": "2026-03-01", "sleep_hours": HUGE}]}, "sleep_hours: must be"),
        ({"profile": {"injury_start": "2026-03-01", "usual_weekly_km": HUGE}}, "usual_weekly_km"),
        (
            {"strength_sessions": [{"date": "2026-03-01", "sets": [
                {"exercise": "bridge_hold", "load_kg": HUGE}]}]},
            "strength_sessions[0].sets[0].load_kg: must be from 0 to 500",
        ),
        (
            {"strength_sessions": [{"date": "2026-03-01", "sets": [
                {"exercise": "bridge_hold", "reps": HUGE}]}]},
            "strength_sessions[0].sets[0].reps: must be from 0 to 200",
        ),
    ],
)
def test_integers_beyond_float_range_are_invalid_input(tmp_path, capsys, document, expected):
    code, err = assess_err(tmp_path, capsys, document, "--today", "2026-03-16")
    assert code == 2
    assert expected in err
    assert "401 digits" in err  # the bad value is named without printing 401 digits


def test_integer_over_4300_digits_is_invalid_input(tmp_path, capsys):
    text = '{"runs": [{"date": "2026-03-01", "distance_km": 1' + "0" * 5000 + "}]}"
    code, err = assess_err(tmp_path, capsys, text, "--today", "2026-03-16")
    assert code == 2
    assert "in.json holds a number 5,001 digits long (line 1, column 49)" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"today": "2026-03-16", "today": "2026-03-17"}', "invalid input: today: is given twice"),
        (
            '{"checkins": [{"date": "2026-03-01", "pain_rest": 1, "pain_rest": 9}]}',
            "invalid input: checkins[0].pain_rest: is given twice",
        ),
        (
            '{"profile": {"injury_start": "2026-03-01", "side": "left", "side": "right"}}',
            "invalid input: profile.side: is given twice",
        ),
    ],
)
def test_duplicate_keys_are_refused(tmp_path, capsys, text, expected):
    code, err = assess_err(tmp_path, capsys, text, "--today", "2026-03-16")
    assert code == 2
    assert expected in err


def test_far_today_is_refused_with_the_documented_limit(tmp_path, capsys):
    document = {"today": "9999-12-31", "runs": [RUN]}
    code, err = assess_err(tmp_path, capsys, document)
    assert code == 2
    assert (
        "invalid input: today: 9999-12-31 is more than 100 years after the first record "
        "(2026-03-01)" in err
    )
    code, err = assess_err(tmp_path, capsys, {"runs": [RUN]}, "--today", "2200-01-01")
    assert code == 2
    assert "invalid input: --today: 2200-01-01 is more than 100 years after" in err
    doc = (ROOT / "docs" / "assess.md").read_text(encoding="utf-8")
    assert "more than 100 years after the first record" in doc


def test_far_today_inside_the_limit_and_without_records_is_assessed(tmp_path, capsys):
    code, _ = assess_err(tmp_path, capsys, {"runs": [RUN]}, "--today", "2126-02-28")
    assert code == 0
    code, _ = assess_err(tmp_path, capsys, {}, "--today", "9999-12-31")
    assert code == 0
    code, _ = assess_err(
        tmp_path, capsys, {"runs": [{**RUN, "date": "9999-12-31"}]}, "--today", "9999-12-31"
    )
    assert code == 0


def test_lone_surrogates_are_refused_not_crashing_the_output(tmp_path, capsys):
    text = (
        '{"strength_sessions": [{"date": "2026-03-10", "sets": '
        '[{"exercise": "bridge\\udc80", "pain": 1}]}]}'
    )
    code, err = assess_err(tmp_path, capsys, text, "--today", "2026-03-16")
    assert code == 2
    assert "strength_sessions[0].sets[0].exercise" in err
    note = '{"runs": [{"date": "2026-03-01", "distance_km": 5, "note": "a\\ud800b"}]}'
    code, err = assess_err(tmp_path, capsys, note, "--today", "2026-03-16")
    assert code == 2
    assert "runs[0].note" in err


class CountingSet(SetLog):
    """A SetLog that counts how often its exercise is looked at."""

    reads = 0

    def __getattribute__(self, name: str):
        if name == "exercise_id":
            CountingSet.reads += 1
        return super().__getattribute__(name)


def test_strength_rules_read_each_set_a_bounded_number_of_times():
    from datetime import date

    from hamstring_app.core.models import History, StrengthSession
    from hamstring_app.core.rules.days import DayIndex

    exercises = 400
    sessions = tuple(
        StrengthSession(
            day=date(2026, 3, d),
            sets=tuple(CountingSet(f"ex{k}", 1, pain=2) for k in range(exercises)),
            pain_next_morning=1,
        )
        for d in (10, 12)
    )
    today = date(2026, 3, 16)
    index = DayIndex(History(strength_sessions=sessions), today)
    CountingSet.reads = 0
    decisions = strength.strength_decisions(index, index.index(today))
    assert len(decisions) == exercises
    # linear: a few looks per set, not one per set for every exercise (400 x 800)
    assert CountingSet.reads <= 10 * 2 * exercises


# --------------------------------------------------------------------------- broken pipe


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_reader_gone_is_a_quiet_success(tmp_path):
    err = io.StringIO()
    path = write(tmp_path, {"runs": [RUN]})
    code = run_assess(
        file=path, use_db=False, data_dir=None, today="2026-03-16", stdout=ClosedPipe(),
        stderr=err,
    )
    assert code == 0
    assert err.getvalue() == ""


def _example_db(tmp_path: Path) -> Path:
    from datetime import date

    from hamstring_app.core.models import History, Profile, Run
    from hamstring_app.store.repository import open_repository

    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: date(2026, 3, 16), app_version="test")
    try:
        repo.import_history(
            History(
                profile=Profile(date(2026, 3, 1)),
                runs=tuple(Run(date(2026, 3, d), 5.0) for d in range(1, 16)),
            )
        )
    finally:
        repo.close()
    return folder


@pytest.mark.parametrize("use_db", [False, True])
def test_closed_pipe_in_a_real_process_has_no_traceback(tmp_path, use_db):
    args = ["--db", "--data-dir", str(_example_db(tmp_path))] if use_db else [
        write(tmp_path, {"runs": [RUN]})
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "hamstring_app", "assess", *args, "--today", "2026-03-16"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first byte (like `| head -0`)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=50) == 0
    assert err == ""
