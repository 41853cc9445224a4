"""Command line: the GUI by default, plus headless commands.

Qt is imported only when the GUI (or the self-test) actually starts, so ``assess`` and
``--version`` stay fast and work on machines without a display. The options and their
help are :mod:`~hamstring_app.cli_parser`'s; what becomes of a standard output that cannot
take the words, :mod:`~hamstring_app.cli_streams`'.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from hamstring_app.cli_parser import build_parser
from hamstring_app.cli_streams import _headless
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

EXIT_USAGE = 2


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
