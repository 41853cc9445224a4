"""Qt's own options reach QApplication; the headless commands refuse them; with no display
the window says so and how to run it instead of failing inside Qt."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hamstring_app import cli
from hamstring_app.qt_args import no_screen_message, split_qt_args


@pytest.mark.parametrize(
    ("argv", "ours", "qt"),
    [
        (["-style", "fusion"], [], ["-style", "fusion"]),
        (["--demo", "-style=fusion", "-reverse"], ["--demo"], ["-style=fusion", "-reverse"]),
        (["--style", "fusion", "--data-dir", "x"], ["--data-dir", "x"], ["-style", "fusion"]),
        (["assess", "in.json", "--today", "2026-03-01"],
         ["assess", "in.json", "--today", "2026-03-01"], []),
    ],
)
def test_qt_options_are_split_from_the_apps_own(argv, ours, qt):
    assert split_qt_args(argv) == (ours, qt)


def test_qt_options_are_passed_on_to_the_window(monkeypatch):
    seen = {}
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    import hamstring_app.ui.app as app_module

    monkeypatch.setattr(app_module, "run_gui", lambda **kw: seen.update(kw) or 0)
    assert cli.main(["-style", "fusion", "--demo"]) == 0
    assert seen["qt_args"] == ["-style", "fusion"] and seen["demo"] is True


def test_a_command_refuses_qt_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["assess", "x.json", "-style", "fusion"])
    assert exit_.value.code == 2
    assert "Qt option for the window" in capsys.readouterr().err


def test_style_fusion_is_taken_by_qapplication(tmp_path):
    """A real start: QApplication reads -style (no 'unrecognized arguments')."""
    code = (
        "import sys; from hamstring_app.ui import app as a; a._qt_args[:] = ['-style', 'fusion'];"
        "q = a.application(); print(q.style().name())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().lower() == "fusion"


def test_no_display_says_so_and_how_to_run_it():
    message = no_screen_message((), env={}, platform="linux")
    assert message is not None and "no display" in message and "xvfb-run" in message
    assert no_screen_message((), env={"DISPLAY": ":0"}, platform="linux") is None
    assert no_screen_message((), env={"WAYLAND_DISPLAY": "w"}, platform="linux") is None
    assert no_screen_message(["-platform", "offscreen"], env={}, platform="linux") is None
    assert no_screen_message((), env={}, platform="win32") is None


def test_the_app_with_no_display_exits_with_the_message(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "hamstring_app", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert "no display" in proc.stderr and "Traceback" not in proc.stderr
