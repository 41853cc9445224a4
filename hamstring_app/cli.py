"""Command line: the GUI by default, plus headless commands.

Qt is imported only when the GUI (or the self-test) actually starts, so ``assess`` and
``--version`` stay fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import IO, TextIO

from hamstring_app import APP_NAME, __version__
from hamstring_app.paths import ENV_VAR
from hamstring_app.qt_args import no_screen_message, split_qt_args

# Loaded before Qt on the way to the GUI. Once PySide6 is imported it reads the source of
# every module imported after it (looking for its feature switches); modules already
# loaded skip that, which saves time and memory at start-up. None of these import Qt.
GUI_PRELOAD = (
    "hamstring_app.store.repository",
    "hamstring_app.core.rules",
    "hamstring_app.core.session",
    "hamstring_app.core.library",
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse passes over a failed write of --version or --help and exits 0; here the
    error reaches :func:`main`, which says so and exits 1, as every command does."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message and file is not None and file is sys.stdout:
            file.write(message)
            file.flush()
            return
        super()._print_message(message, file)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hamstring-app",
        description=(
            f"{APP_NAME}: self-management for runners with load-related hamstring pain. "
            "Starts the desktop app unless a command is given. "
            "General guidance, not medical advice."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=(
            "folder that holds your data (database, log, backups). "
            f"Default: the {ENV_VAR} environment variable if set, "
            "else your platform's user data folder."
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=(
            "open a throwaway database filled with a 12-week example story; "
            "your own data is never touched"
        ),
    )
    parser.add_argument(
        "--demo-years",
        type=int,
        metavar="N",
        help="with --demo: build N years of example history instead (for benchmarks)",
    )
    parser.add_argument(
        "--minimized",
        "--tray",
        dest="minimized",
        action="store_true",
        help=(
            "start minimised: in the system tray where there is one (the start-at-login "
            "entry uses this), else as a minimised window"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=(
            "create and migrate a database in a temporary folder, build the main window "
            "off screen, then exit 0 on success or non-zero with the reason"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    assess = sub.add_parser(
        "assess",
        help="print today's assessment as JSON (see docs/assess.md)",
        description=(
            "Assess a history and print the verdict, referral, advice and metrics as JSON. "
            "Exit 0 on success, 1 when the saved data (--db) cannot be read or the result "
            "cannot be written, 2 on invalid input."
        ),
    )
    source = assess.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file", nargs="?", metavar="FILE.json", help="history as JSON, or - for stdin"
    )
    source.add_argument(
        "--db",
        action="store_true",
        help="assess your own saved data (or that in the --data-dir given)",
    )
    assess.add_argument("--today", metavar="YYYY-MM-DD", help="assess as of this date")
    assess.add_argument(
        "--data-dir",
        dest="assess_data_dir",
        metavar="PATH",
        help="with --db: the data folder (a FILE.json needs none: it is not read then)",
    )
    importer = sub.add_parser(
        "import",
        help="import runs from watch files and Strava or Garmin exports",
        description=(
            "Import runs from .fit, .gpx and .tcx files (and .gz of each), Strava and Garmin "
            "Connect export zips, and folders of these. Duplicates are kept once; a run you "
            "typed in on the same day with a similar distance gets the measured fields. "
            "Exit 0, or 2 with a message."
        ),
    )
    importer.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or zip")
    importer.add_argument(
        "--dry-run", action="store_true", help="write nothing; print what would be imported"
    )
    importer.add_argument("--json", action="store_true", help="print the result as JSON")
    importer.add_argument(
        "--data-dir", dest="import_data_dir", metavar="PATH", help="data folder to import into"
    )
    _add_export(sub)
    return parser


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", dest="sub_data_dir", metavar="PATH", help="data folder")


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser(
        "export",
        help="write your data as one JSON file or as CSV files (see docs/data-formats.md)",
        description=(
            "Write everything as one JSON file in the format assess reads (it can be "
            "imported back), or as CSV files for spreadsheets. Reads your data only."
        ),
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--json", metavar="FILE", dest="json_file", help="one JSON file")
    target.add_argument(
        "--csv",
        metavar="DIR",
        dest="csv_dir",
        help="a folder for checkins.csv, runs.csv and strength_sets.csv",
    )
    _data_dir_option(export)

    report = sub.add_parser(
        "report",
        help="write the report for your physio or doctor as a PDF",
        description=(
            "A one- or two-page PDF for a health professional: onset, verdict and referral, "
            "warning signs with dates, graphs, the last 14 days, the strength programme."
        ),
    )
    report.add_argument("--out", metavar="FILE.pdf", dest="out_file", required=True)
    report.add_argument("--from", metavar="YYYY-MM-DD", dest="start", help="first day")
    report.add_argument("--to", metavar="YYYY-MM-DD", dest="end", help="last day (today)")
    _data_dir_option(report)

    backup = sub.add_parser(
        "backup",
        help="back up your data now (safe while the app is open)",
        description=(
            "Copy the database with SQLite's online backup, check the copy with "
            "integrity_check and keep it in the data folder's backups/ (or at --out)."
        ),
    )
    backup.add_argument("--out", metavar="FILE", dest="out_file", help="write the backup here")
    _data_dir_option(backup)

    restore = sub.add_parser(
        "restore",
        help="put a backup back (your current data is backed up first)",
        description=(
            "Check the backup, back up the current data, then restore the backup. A backup "
            "that fails its check is refused and nothing changes. Refused while the app "
            "has the data folder open."
        ),
    )
    restore.add_argument("file", metavar="FILE", help="a backup (.sqlite3)")
    _data_dir_option(restore)


def _check_data_dir(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A data folder given as a file (or inside one) is a usage error: exit 2, saying so."""
    import os
    from pathlib import Path

    from hamstring_app.paths import not_a_folder

    given = next(
        (
            value
            for name in ("assess_data_dir", "import_data_dir", "sub_data_dir", "data_dir")
            if (value := getattr(args, name, None))
        ),
        None,
    )
    if args.command is None and (args.demo or args.self_test):
        return  # the demo and the self-test use throwaway folders of their own
    if args.command == "assess" and not args.db:
        return  # a file is assessed on its own: no data folder is looked at (docs/assess.md)
    where = "--data-dir"
    if not given:
        given, where = os.environ.get(ENV_VAR, "").strip(), f"the {ENV_VAR} environment variable"
    if not given:
        return
    blocked = not_a_folder(Path(given).expanduser())
    if blocked is not None:
        parser.error(
            f"{where} names {given}, but {blocked} is a file, not a folder. Give the folder "
            "that holds your data (it is made if it does not exist yet). Nothing was changed."
        )


def preload_for_gui() -> None:
    """Import the GUI's non-Qt dependencies before Qt itself (see GUI_PRELOAD)."""
    for name in GUI_PRELOAD:
        importlib.import_module(name)


def _headless(command: str, run: Callable[[], int]) -> int:
    """Run a command; a standard output that cannot take its words (a full disk, a device
    error) is exit 1 with one sentence on standard error, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a terminal that is not UTF-8: escape, do not crash
            reconfigure(errors="backslashreplace")
    try:
        code = run()
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader stopped early: what it read was all it wanted
        silence_stream(sys.stdout)
        return EXIT_OK
    except OSError as exc:
        silence_stream(sys.stdout)
        print(
            f"hamstring-app {command}: could not write to standard output: "
            f"{exc.strerror or exc}",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def silence_stream(stream: TextIO) -> None:
    """After the reader of ``stream`` went away or it failed: point it at /dev/null, so the
    flush at exit raises nothing more (the advice of the Python docs on SIGPIPE)."""
    import os

    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


# where each command keeps a file or folder it was given, and how its usage names it
_PATH_OPTIONS = (
    ("data_dir", "--data-dir"),
    ("assess_data_dir", "--data-dir"),
    ("import_data_dir", "--data-dir"),
    ("sub_data_dir", "--data-dir"),
    ("json_file", "--json"),
    ("csv_dir", "--csv"),
    ("out_file", "--out"),
)


def _refuse_empty(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A file or folder given as "" is a usage mistake (exit 2), never the current folder
    or the option left out (``import ""`` would import everything under the current folder)."""
    for name, option in _PATH_OPTIONS:
        if getattr(args, name, None) == "":
            parser.error(f"{option}: the file or folder name is empty; give one")
    if args.command == "assess" and args.file == "":
        parser.error("FILE.json: the file name is empty; give one, or - for standard input")
    if args.command == "restore" and args.file == "":
        parser.error("FILE: the file name is empty; give one")
    if args.command == "import" and "" in args.paths:
        parser.error("PATH: a file or folder name is empty; give one")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    ours, qt_args = split_qt_args(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(ours)
    except OSError as exc:  # --version or --help could not be written (see _Parser)
        what = "--version" if "--version" in ours else "--help"
        failure = exc

        def again() -> int:
            raise failure

        raise SystemExit(_headless(what, again)) from None
    _refuse_empty(parser, args)
    if args.command in ("export", "report", "backup", "restore", "import"):
        return _headless(args.command, lambda: _main(parser, args, qt_args))
    return _main(parser, args, qt_args)


def _main(
    parser: argparse.ArgumentParser, args: argparse.Namespace, qt_args: list[str]
) -> int:
    if qt_args and (args.command is not None or args.self_test):
        what = args.command or "--self-test"
        parser.error(f"{qt_args[0]} is a Qt option for the window; {what} takes none")
    if args.demo_years is not None:
        if not args.demo:
            parser.error("--demo-years needs --demo")
        if not 1 <= args.demo_years <= 30:
            parser.error("--demo-years must be from 1 to 30")

    _check_data_dir(parser, args)

    if args.command == "assess":
        from hamstring_app.assess import run_assess

        data_dir = args.assess_data_dir or args.data_dir
        return run_assess(
            file=args.file, use_db=args.db, data_dir=data_dir, today=args.today
        )

    if args.command == "export":
        from hamstring_app import data_cli

        return data_cli.run_export(
            json_file=args.json_file,
            csv_dir=args.csv_dir,
            data_dir=args.sub_data_dir or args.data_dir,
        )

    if args.command == "report":
        from hamstring_app import data_cli

        return data_cli.run_report(
            out_file=args.out_file,
            start=args.start,
            end=args.end,
            data_dir=args.sub_data_dir or args.data_dir,
        )

    if args.command in ("backup", "restore"):
        from hamstring_app import data_cli

        data_dir = args.sub_data_dir or args.data_dir
        if args.command == "backup":
            return data_cli.run_backup(out_file=args.out_file, data_dir=data_dir)
        return data_cli.run_restore(file=args.file, data_dir=data_dir)

    if args.command == "import":
        from hamstring_app import data_cli
        from hamstring_app.import_cli import run_import

        data_cli.register_json_import()  # .json files are the app's own export

        return run_import(
            args.paths,
            data_dir=args.import_data_dir or args.data_dir,
            dry_run=args.dry_run,
            as_json=args.json,
        )

    preload_for_gui()
    if args.self_test:
        from hamstring_app.ui.app import self_test

        return self_test()

    no_screen = no_screen_message(qt_args)
    if no_screen is not None:
        print(no_screen, file=sys.stderr)
        return EXIT_USAGE

    from hamstring_app.ui.app import run_gui

    # Everything imported so far lives as long as the app: move it out of the cyclic
    # collector's sight, so its passes walk only what the app makes from here on.
    gc.freeze()
    return run_gui(
        data_dir=args.data_dir,
        demo=args.demo,
        demo_years=args.demo_years,
        qt_args=qt_args,
        minimized=args.minimized,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
