"""File > Open data folder: opens it in the file manager, or says where it is when no file
manager can open it."""

from __future__ import annotations

from hamstring_app.ui import main_window as mw


def test_without_a_file_manager_it_says_where_the_folder_is(session_factory, home, monkeypatch):
    session = session_factory()
    shown: list[str] = []
    monkeypatch.setattr(mw.QDesktopServices, "openUrl", lambda _url: False)
    monkeypatch.setattr(mw, "show_folder_path", lambda _parent, text: shown.append(text))
    session.window.open_data_folder()
    root = str(session.ctx.paths.root)
    assert len(shown) == 1 and root in shown[0]
    assert "could not be opened" in shown[0]


def test_with_a_file_manager_nothing_more_is_said(session_factory, home, monkeypatch):
    session = session_factory()
    opened, shown = [], []
    monkeypatch.setattr(mw.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(mw, "show_folder_path", lambda _parent, text: shown.append(text))
    session.window.open_data_folder()
    assert opened[0].toLocalFile() == str(session.ctx.paths.root) and shown == []
