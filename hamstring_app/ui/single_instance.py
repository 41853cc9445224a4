"""One copy of the app per data folder: a second start brings the first copy's window to
the front (from the system tray too) instead of opening the folder twice.

The folder's lock file (ui/launch_lock.py) decides who runs. The copy holding it also
listens on a local socket named after the folder; a later start that finds the folder
locked asks that copy, through the socket, to show its window, and then ends. A socket
left behind by a copy that crashed is removed by the next copy to take the lock: only the
lock holder listens, so any socket there before it is stale.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
SHOWN = b"shown\n"
CONNECT_MS = 1000
ANSWER_MS = 3000  # the first copy may be busy for a moment (saving, importing)


def server_name(root: Path) -> str:
    """The local socket's name for the data folder ``root``, for this user only."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in this environment: the folder alone
        user = ""
    key = f"{user}\n{Path(root).resolve()}".encode()
    return "hamstring-coach-" + hashlib.sha256(key).hexdigest()[:24]


class InstanceServer(QObject):
    """Listens for later starts on the same folder and calls ``on_show`` for each."""

    def __init__(self, root: Path, on_show: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_show = on_show
        self.name = server_name(root)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening (the caller holds the folder's lock). False, logged, when the
        system refuses: the app then works as before, and a second start is refused."""
        QLocalServer.removeServer(self.name)  # left by a copy that crashed
        if self._server.listen(self.name):
            return True
        log.warning("Cannot listen for a second start (%s): %s", self.name,
                    self._server.errorString())
        return False

    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data())
        if request != SHOW:
            log.warning("Ignored a request on the instance socket: %r", request[:40])
            socket.disconnectFromServer()
            return
        log.info("Another start on this data folder: showing the window")
        try:
            self.on_show()
        finally:
            socket.write(SHOWN)
            socket.flush()
            socket.disconnectFromServer()


def show_running_copy(root: Path) -> bool:
    """Ask the copy that has ``root`` open to show its window. True once it said it did;
    False when no copy answers (none listening, or a socket left by a crash)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(root))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    try:
        socket.write(SHOW)
        if not socket.waitForBytesWritten(CONNECT_MS):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(ANSWER_MS):
                return False
        return bytes(socket.readLine().data()) == SHOWN
    finally:
        socket.abort()
