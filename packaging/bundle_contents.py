"""What goes into the bundle: the Qt pieces the app uses, and nothing else.

PyInstaller's Qt hooks collect every plugin of each kind a Qt module might load (the
virtual keyboard, EGL device integrations, the FFmpeg media backend, ...), and with them
the Qt libraries those plugins link (Qt Quick, QML, FFmpeg): over 100 MB the app never
touches. The spec passes its collected binaries and data through ``keep()`` to drop them.

Plain Python (no PyInstaller import) so tests can check the rules directly.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

#: Python modules never needed at run time (PySide6 modules the app does not import,
#: optional extras of numpy/pyqtgraph, test tools).
EXCLUDED_MODULES = [
    "tkinter",
    "readline",
    "unittest.mock",
    "pydoc_data",
    "pytest",
    "_pytest",
    "hypothesis",
    "IPython",
    "matplotlib",
    "scipy",
    "PIL",
    "h5py",
    "cupy",
    "numba",
    "OpenGL",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "pyqtgraph.canvas",
    "pyqtgraph.console",
    "pyqtgraph.flowchart",
    # random numbers: only pyqtgraph's scatter-jitter helper (unused here) asks for them
    "numpy.random",
    "numpy.f2py",
    "numpy.distutils",
    "numpy.testing._private.extbuild",
    # only asyncio, http.client and urllib import these, each inside try/except
    "ssl",
    "_ssl",
    # OpenSSL's hashes; hashlib falls back to its built-in md5/sha1/sha2/sha3/blake2
    "_hashlib",
    # mako highlights template errors with it when present; migrations never need it
    "pygments",
    "PyQt5",
    "PyQt6",
    "PySide2",
    *(
        f"PySide6.{name}"
        for name in (
            "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic",
            "Qt3DRender", "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent",
            "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
            "QtHttpServer", "QtLocation", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc",
            "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
            "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
            "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio",
            "QtSql", "QtStateMachine", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
            "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
            "QtXml",
        )
    ),
]

#: Qt plugins kept, by kind, as file names without "lib" and the suffix ("qxcb" for
#: libqxcb.so, "qwindows" for qwindows.dll). Every plugin not listed here is dropped.
KEPT_PLUGINS = {
    # how windows reach the screen
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    # native file dialogs through the desktop portal (no GTK copied in)
    "platformthemes": {"qxdgdesktopportal"},
    # typing accents and input methods
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    # SVG icons and images; PNG support is built into QtGui
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg"},
    # native look on Windows and macOS
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    # printing the report: on Linux through CUPS (the plugin links the host's libcups);
    # Windows and macOS printing is built into Qt Print Support itself
    "printsupport": {"cupsprintersupport"},
    # spoken cues: the real engines, not the test double
    "texttospeech": {"qtexttospeech_speechd", "qtexttospeech_sapi", "qtexttospeech_winrt",
                     "qtexttospeech_darwin"},
}

#: Qt libraries dropped outright (only the dropped plugins or modules link them).
DROPPED_QT_LIBS = re.compile(
    r"Qt6?(Quick|Qml|VirtualKeyboard|WebEngine|WebChannel|WebSockets|WebView|Pdf|3D|Charts|"
    r"DataVisualization|Graphs|Designer|ShaderTools|Location|Positioning|Sensors|"
    r"SerialPort|SerialBus|Sql|Bluetooth|Nfc|RemoteObjects|Scxml|StateMachine|Help|"
    r"HttpServer|NetworkAuth|SpatialAudio|UiTools|WaylandCompositor|"
    r"WaylandEglCompositor|WlShellIntegration|LabsStyleKit|FFmpegStub|EglFS|EglFsKms)",
    re.IGNORECASE,
)
#: FFmpeg libraries, needed only by the FFmpeg media plugin (QSoundEffect plays WAV
#: without it: Qt then reports "only QSoundEffect, QAudioSink... are available").
DROPPED_OTHER_LIBS = re.compile(r"^(lib)?(avcodec|avformat|avutil|swresample|swscale)[-.]")
#: OpenSSL, collected for Qt's TLS plugin, which the app (never online) does not ship.
OPENSSL_LIBS = re.compile(r"^(lib)?(ssl|crypto)(-[\w]+)?[-.](so|dll|\d)", re.IGNORECASE)
#: Linux system libraries taken from the running system, never copied in: every desktop
#: that can show a Qt window has them, and a copy from the build machine can clash with
#: the host's own (font configuration, GLib modules, the sound server, the printing
#: system). Without libpulse the app still runs; sound cues fall back to the system beep.
#: Without libcups (no printing system) the report can still be saved as a PDF.
HOST_LIBS = re.compile(
    r"^lib(fontconfig|freetype|harfbuzz|glib-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|"
    r"gthread-2\.0|dbus-1|X11|X11-xcb|xkbcommon|xkbcommon-x11|pulse|pulse-simple|"
    r"pulsecommon-[\d.]+|sndfile|FLAC|vorbis|vorbisenc|ogg|opus|mpg123|mp3lame|asyncns|"
    r"systemd|gcrypt|gpg-error|gtk-3|gdk-3|atk-1\.0|pango-1\.0|pangocairo-1\.0|cairo|"
    r"cairo-gobject|gdk_pixbuf-2\.0|speechd|cups)\.so"
)
#: Data that belongs to dropped parts: QML modules, and Qt's own translations (the app is
#: written in English and installs no Qt translator, so they would never be loaded).
#: pyqtgraph's logo (its own demo windows use it) goes too.
DROPPED_DATA = re.compile(
    r"(^|/)((Qt6?|PySide6)/(qml|translations|resources/qtwebengine)|pyqtgraph/icons/peegee)(/|$)"
)


def plugin_stem(filename: str) -> str:
    """'libqxcb.so' -> 'qxcb', 'qwindows.dll' -> 'qwindows', 'libqcocoa.dylib' -> 'qcocoa'."""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) belongs in the bundle."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts = path.parts
    name = path.name
    qt_dirs = [i for i, part in enumerate(parts[1:], 1)
               if part == "plugins" and parts[i - 1] in {"Qt", "Qt6", "PySide6"}]
    if qt_dirs:
        index = qt_dirs[0]
        kind = "/".join(parts[index + 1 : -1])
        allowed = KEPT_PLUGINS.get(kind)
        return allowed is not None and plugin_stem(name) in allowed
    if DROPPED_DATA.search(path.as_posix()):
        return False
    if DROPPED_QT_LIBS.search(name) and ("Qt" in name):
        return False
    return not (
        DROPPED_OTHER_LIBS.search(name) or HOST_LIBS.search(name) or OPENSSL_LIBS.search(name)
    )
