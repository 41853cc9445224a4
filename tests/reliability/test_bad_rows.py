"""One bad row never stops the app: it is skipped in memory, named in one sentence and
left byte-for-byte as it was in the file; a missing table or column is refused plainly."""

from __future__ import annotations

import pytest
from bad_data import BAD_ROWS, DRIFT, TODAY, digest, make_data, spoil

from hamstring_app.cli import main
from hamstring_app.store.errors import DatabaseUnreadable
from hamstring_app.store.repository import open_repository


@pytest.mark.parametrize(("name", "sql", "named", "left"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_a_bad_row_is_skipped_and_named(tmp_path, name, sql, named, left):
    path = make_data(tmp_path)
    before = spoil(path, sql)
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    try:
        history = repo.load_history()
        assert len(history.checkins) == left
        sentence = repo.unreadable_sentence()
        assert named in sentence
        assert "left unchanged in the data file" in sentence
    finally:
        repo.close()
    assert digest(path) == before


@pytest.mark.parametrize(("name", "sql", "named", "left"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_assess_db_skips_a_bad_row_with_a_note(tmp_path, capsys, name, sql, named, left):
    path = make_data(tmp_path)
    before = spoil(path, sql)
    code = main(["assess", "--db", "--data-dir", str(tmp_path), "--today", "2026-03-16"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert named in captured.err and "Traceback" not in captured.err
    assert captured.out.startswith("{")
    assert digest(path) == before


@pytest.mark.parametrize(("name", "sql", "named"), DRIFT, ids=[d[0] for d in DRIFT])
@pytest.mark.parametrize("read_only", [False, True])
def test_schema_drift_is_refused_naming_what_is_missing(tmp_path, name, sql, named, read_only):
    path = make_data(tmp_path)
    before = spoil(path, sql)
    with pytest.raises(DatabaseUnreadable) as caught:
        open_repository(tmp_path, today=lambda: TODAY, app_version="test", read_only=read_only)
    message = str(caught.value)
    assert named in message and "missing" in message
    assert "CREATE" not in message and "SELECT" not in message
    assert digest(path) == before
