"""A second start on a data folder already open brings the first copy's window to the
front (from the tray too) and ends; a socket left behind by a crash blocks nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from hamstring_app.ui.single_instance import SHOW, server_name, show_running_copy

SECOND_START = (
    "import sys\n"
    "from hamstring_app.ui.app import run_gui\n"
    "sys.exit(run_gui(data_dir=sys.argv[1]))\n"
)


def _send(name: str, request: bytes) -> QLocalSocket:
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    client.write(request)
    client.flush()
    return client


def test_a_second_start_shows_the_window_waiting_in_the_tray(session_factory, qtbot, tmp_path,
                                                              home):
    folder = tmp_path / "data"
    session = session_factory(folder)
    window = session.window
    assert not window.isVisible()  # closed to the tray: the app runs on without a window
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_START, str(folder)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        qtbot.waitUntil(window.isVisible, timeout=30000)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    finally:
        if second.poll() is None:
            second.kill()
        _out, err = second.communicate()
    assert second.returncode == 0, err
    assert "is now in front" in err
    assert "already open on this data folder:\n" not in err  # not refused


def test_the_window_comes_back_for_a_show_request(session_factory, qtbot, tmp_path):
    session = session_factory(tmp_path / "data")
    assert session.instance is not None
    client = _send(session.instance.name, SHOW)
    qtbot.waitUntil(session.window.isVisible, timeout=5000)
    qtbot.waitUntil(client.canReadLine, timeout=5000)
    assert bytes(client.readLine().data()) == b"shown\n"


def test_anything_else_on_the_socket_is_ignored(session_factory, qtbot, tmp_path):
    session = session_factory(tmp_path / "data")
    client = _send(session.instance.name, b"delete everything\n")
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                    timeout=5000)
    assert not session.window.isVisible()


def test_each_data_folder_has_its_own_name(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_left_by_a_crash_blocks_no_start(session_factory, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = Path(QDir.tempPath()) / server_name(folder)
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(path))  # what a killed copy leaves: the file, and no one listening
    left.close()
    try:
        assert path.exists()
        assert not show_running_copy(folder)  # no answer, and at once
        session = session_factory(folder)
        assert session.instance is not None and session.instance.listening()
        session.close()
        assert not path.exists()  # the stale file was taken over, then removed at the close
    finally:
        path.unlink(missing_ok=True)


def test_closing_the_app_stops_listening_and_removes_its_socket(session_factory, tmp_path):
    folder = tmp_path / "data"
    session = session_factory(folder)
    path = Path(QDir.tempPath()) / server_name(folder)
    assert sys.platform == "win32" or path.exists()
    session.close()
    assert not show_running_copy(folder)
    assert not path.exists()  # nothing left behind in the temporary folder
