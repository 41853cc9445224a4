"""The command line's words: every option and command, with the help each gives.

:func:`~hamstring_app.cli.main` parses with :func:`build_parser` and runs the command.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO

from hamstring_app import APP_NAME, __version__
from hamstring_app.paths import ENV_VAR


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
