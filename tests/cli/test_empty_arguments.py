"""A file or folder given as an empty string ("") is a usage mistake (exit 2, one line that
names the option), never read as the current folder or as the option left out: `import ""`
would otherwise import every file under the current folder."""

from __future__ import annotations

import pytest

from hamstring_app.cli import main

CASES = [
    (["assess", ""], "FILE.json"),
    (["import", ""], "PATH"),
    (["import", "a.gpx", "", "--dry-run"], "PATH"),
    (["report", "--out", ""], "--out"),
    (["export", "--json", ""], "--json"),
    (["export", "--csv", ""], "--csv"),
    (["backup", "--out", ""], "--out"),
    (["restore", ""], "FILE"),
    (["--data-dir", "", "assess", "--db"], "--data-dir"),
    (["assess", "--db", "--data-dir", ""], "--data-dir"),
    (["export", "--json", "x.json", "--data-dir", ""], "--data-dir"),
]


@pytest.mark.parametrize(("argv", "named"), CASES)
def test_an_empty_path_is_a_usage_mistake(argv, named, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HAMSTRING_COACH_DATA", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert named in err and "empty" in err
    assert list(tmp_path.iterdir()) == []  # nothing read, made or written
