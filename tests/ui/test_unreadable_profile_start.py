"""A data file whose profile cannot be read is not a first run: the app never shows the
Welcome dialog there (a profile typed in it would replace the one it could not read). It
says what is wrong, that nothing was changed, where the data and backups are, and stops."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from bad_data import digest, make_data, spoil

from hamstring_app import __version__
from hamstring_app.core.models import Profile
from hamstring_app.ui import app as app_module


@pytest.fixture
def spoiled(tmp_path):
    path = make_data(tmp_path, app_version=__version__)  # opening it records no new version
    return path, spoil(path, "UPDATE profile SET injury_start = '2026-02-30'")


def test_the_app_refuses_instead_of_welcoming_again(qapp, tmp_path, spoiled, monkeypatch):
    path, before = spoiled
    asked, shown = [], []

    def welcome(today):
        asked.append(today)
        return Profile(date(2026, 3, 5))

    monkeypatch.setattr(app_module, "ask_profile", welcome)
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)  # never wait on a window
    assert not app_module.is_first_start(tmp_path)

    assert app_module.run_gui(data_dir=str(tmp_path)) == 1
    assert asked == []
    assert len(shown) == 1
    text = shown[0]
    assert "profile" in text and "not a real calendar date" in text
    assert "Nothing was changed" in text
    assert str(tmp_path) in text and "backups" in text
    assert digest(path) == before


def test_launch_says_why_and_releases_the_folder(qapp, tmp_path, spoiled):
    path, before = spoiled
    with pytest.raises(app_module.LaunchRefused) as caught:
        app_module.launch(data_dir=tmp_path)
    assert "Welcome" not in str(caught.value)
    assert "could not be read" in str(caught.value)
    # the lock was given back: a second attempt says the same, not "already open"
    with pytest.raises(app_module.LaunchRefused) as again:
        app_module.launch(data_dir=tmp_path)
    assert "already open" not in str(again.value)
    assert digest(path) == before
