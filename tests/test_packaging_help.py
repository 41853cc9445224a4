"""The help window's pages are package data: a plain wheel install shows the help."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hamstring_app.assets import doc_path
from hamstring_app.ui.help_window import PAGES

ROOT = Path(__file__).resolve().parent.parent
HELP_PAGES = sorted(PAGES.values())


def test_the_help_pages_are_found_from_the_source_tree_too():
    """An editable install (as here) maps hamstring_app.docs to docs/ but cannot import a
    folder without __init__.py from it: doc_path falls back to docs/ itself. The wheel
    is checked through importlib.resources below."""
    for name in HELP_PAGES:
        assert doc_path(name).read_text(encoding="utf-8") == (ROOT / "docs" / name).read_text(
            encoding="utf-8"
        )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=120, cwd=build,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (built,) = out.glob("hamstring_coach-*.whl")
    return built


def _pictures(name: str) -> set[str]:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    return set(re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text))


def test_the_wheel_ships_the_help_pages_and_their_pictures(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    pictures = set().union(*(_pictures(name) for name in HELP_PAGES))
    assert pictures  # the guide shows at least one screenshot
    wanted = {f"hamstring_app/docs/{name}" for name in [*HELP_PAGES, *pictures]}
    # only these: the developer docs and the other screenshots stay out of the wheel
    assert {n for n in names if n.startswith("hamstring_app/docs/")} == wanted


def test_the_installed_wheel_shows_the_help_away_from_the_source_tree(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys, hamstring_app; from hamstring_app.ui.help_window import page_text, "
        "headings\n"
        "from importlib.resources import files\n"
        f"assert hamstring_app.__file__.startswith({str(site)!r}), hamstring_app.__file__\n"
        "for name in ('user-guide.md', 'learn.md'):\n"
        "    assert (files('hamstring_app.docs') / name).is_file(), name\n"
        "for page in ('guide', 'learn'):\n"
        "    text = page_text(page)\n"
        "    assert 'missing from this installation' not in text, text[:200]\n"
        "    print(page, len(headings(text)))\n"
    "from hamstring_app.assets import doc_path\n"
    "assert doc_path('screenshots/checkin-ladder-1280x800.png').is_file()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        cwd=elsewhere, env={"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen",
                            "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    counts = dict(line.split() for line in proc.stdout.split("\n") if line)
    assert int(counts["guide"]) > 10 and int(counts["learn"]) > 3
