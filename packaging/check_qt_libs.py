"""Check that the Debian system libraries Qt needs are present; say how to fix it if not.

Run by `make test` before the suite. Exits 1 (with the apt-get line) when the Qt GUI
modules cannot load; only warns when the optional multimedia module cannot (audio cues
then fall back to the system beep).
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from dataclasses import dataclass

# shared object -> Debian package that provides it
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpulse.so.0": "libpulse0",
    "libpulse-mainloop-glib.so.0": "libpulse-mainloop-glib0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libasound.so.2": "libasound2",
}

REQUIRED = "from PySide6 import QtCore, QtGui, QtWidgets, QtSvg"
OPTIONAL = "from PySide6 import QtMultimedia"


@dataclass(frozen=True)
class Problem:
    """Why an import failed: a missing system library, or something else (``detail``)."""

    library: str | None
    detail: str


def import_problem(statement: str) -> Problem | None:
    """Import in a child process; None when it works, else what went wrong."""
    proc = subprocess.run(
        [sys.executable, "-c", statement], capture_output=True, text=True, check=False
    )
    if proc.returncode == 0:
        return None
    match = re.search(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object", proc.stderr)
    if match:
        return Problem(match.group(1), match.group(0))
    lines = proc.stderr.strip().splitlines()
    if lines:
        return Problem(None, lines[-1])
    if proc.returncode < 0:
        try:
            name = signal.Signals(-proc.returncode).name
        except ValueError:
            name = f"signal {-proc.returncode}"
        return Problem(None, f"the import crashed ({name}) without a message")
    return Problem(None, f"the import stopped with exit code {proc.returncode} without a message")


def advice(lib: str) -> str:
    package = DEBIAN_PACKAGES.get(lib)
    if package:
        return f"sudo apt-get install -y {package}"
    return f"install the Debian package that provides {lib} (apt-file search {lib})"


def main() -> int:
    problem = import_problem(REQUIRED)
    if problem is not None:
        if problem.library is not None:
            print(
                f"Qt cannot start: the system library {problem.library} is missing.",
                file=sys.stderr,
            )
            print(f"Fix: {advice(problem.library)}", file=sys.stderr)
            all_pkgs = " ".join(sorted(set(DEBIAN_PACKAGES.values())))
            print(f"(everything Qt may need: sudo apt-get install -y {all_pkgs})", file=sys.stderr)
        else:
            print(f"Qt cannot start: importing PySide6 failed: {problem.detail}", file=sys.stderr)
        return 1
    problem = import_problem(OPTIONAL)
    if problem is not None:
        if problem.library is not None:
            print(
                f"Note: Qt Multimedia cannot load ({problem.library} is missing); audio cues "
                f"will use the system beep. For sound: {advice(problem.library)}",
                file=sys.stderr,
            )
        else:
            print(
                f"Note: Qt Multimedia cannot load ({problem.detail}); audio cues will use "
                "the system beep.",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
