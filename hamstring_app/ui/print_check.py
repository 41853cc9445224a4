"""Can this installation print? The self-test's check (``hamstring-app --self-test``).

Printing goes through Qt Print Support. On Windows and macOS the system's printing is
built into it; on Linux it is a plugin (printsupport/libcupsprintersupport.so) that links
the computer's own CUPS library (libcups). A bundle without that plugin can only save
PDF files, with no printer listed anywhere, so its absence is a fault of the bundle;
libcups missing is the computer's (no printing system installed) and only noted.

:func:`check_printing` lays a page out on a QPrinter (the device the print preview and
the Print button draw on), and on Linux loads the CUPS plugin the way Qt does.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PLUGIN_IID = "org.qt-project.QPlatformPrinterSupportFactoryInterface"


class PrintingBroken(Exception):
    """Printing cannot work in this installation; ``str()`` says why."""


@dataclass(frozen=True)
class PrintingState:
    summary: str  # one line for the self-test


def _cups_plugins() -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    folders = [*QCoreApplication.libraryPaths(),
               QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)]
    found: list[Path] = []
    for folder in dict.fromkeys(folders):
        found += sorted((Path(folder) / "printsupport").glob("*cupsprintersupport*"))
    return found


def _cups_state() -> str:
    """"CUPS print support loaded" (or why not); PrintingBroken when the plugin is missing."""
    from PySide6.QtCore import QPluginLoader

    plugins = _cups_plugins()
    if not plugins:
        raise PrintingBroken(
            "the CUPS print-support plugin (printsupport/libcupsprintersupport.so) is "
            "missing, so no printer could be used"
        )
    loader = QPluginLoader(str(plugins[0]))
    iid = str(loader.metaData().get("IID", ""))
    if not iid.startswith(PLUGIN_IID):
        raise PrintingBroken(f"{plugins[0].name} is not a print-support plugin ({iid!r})")
    if not loader.load():
        return f"note: CUPS is not installed on this computer ({loader.errorString()})"
    return "CUPS print support loaded"


def check_printing() -> PrintingState:
    """Lay a page out on a QPrinter (to a PDF file, so no paper is used), and on Linux
    load the CUPS plugin. Raises PrintingBroken when printing cannot work here."""
    from PySide6.QtGui import QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    with tempfile.TemporaryDirectory(prefix="hamstring-print-") as tmp:
        out = Path(tmp) / "page.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintingBroken("a page could not be laid out on a printer device")
        painter.drawText(100, 100, "Hamstring Coach")
        painter.end()
        if not out.is_file() or out.stat().st_size == 0:
            raise PrintingBroken("the printer device wrote nothing")
    parts = ["a page laid out on a printer device"]
    if sys.platform.startswith("linux"):
        parts.append(_cups_state())
    names = QPrinterInfo.availablePrinterNames()
    parts.append(f"{len(names)} printer{'s' if len(names) != 1 else ''} found")
    return PrintingState("; ".join(parts))
