"""``hamstring-app assess``: print an assessment as JSON (see docs/assess.md).

This is an edge of the app: it is the one place in the command that reads the system date,
and only when neither ``--today`` nor the input's ``today`` gives one.

Exit codes: 0 success; 1 the saved data could not be read (``--db``), or the result could
not be written; 2 invalid input.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from hamstring_app.cli_streams import silence_stream
from hamstring_app.core.library import exercise_names
from hamstring_app.core.models import History, ValidationError
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.jsonio import (
    NumberTooLong,
    check_span,
    json_int,
    json_object,
    long_number_at,
    parse_date,
    parse_document,
)
from hamstring_app.core.settings import Settings

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


def _fail(code: int, message: str, err: TextIO) -> int:
    try:
        print(f"hamstring-app assess: {message}", file=err)
        err.flush()
    except BrokenPipeError:  # nobody is reading the messages either
        silence_stream(err)
    return code


def _too_long(source: str, text: str, exc: NumberTooLong) -> str:
    where = long_number_at(text)
    place = f" (line {where[1]}, column {where[2]})" if where else ""
    return (
        f"invalid input: {source} holds a number {exc.digits:,} digits long{place}; "
        "no field takes a number anywhere near that large"
    )


def _too_deep(source: str) -> str:
    return (
        f"invalid input: {source} is nested too deeply to read (lists or objects inside "
        "each other thousands of levels deep)"
    )


class NotText(Exception):
    """The input could not be read as UTF-8 text; the message says why, in words."""


def _read_text(file: str, stdin: TextIO | None) -> str:
    """The input as text. JSON is UTF-8 whatever the terminal's encoding; a byte-order mark
    at the start (as some Windows editors write) is allowed."""
    if file == "-":
        if stdin is None:  # started with standard input closed ("<&-")
            raise NotText("standard input is closed")
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:  # a text stream with no bytes under it (tests)
            return stdin.read().removeprefix("\ufeff")
        data = buffer.read()
    else:
        data = Path(file).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise NotText(
            f"it is not UTF-8 text (byte 0x{data[e.start]:02x} at position {e.start:,}); "
            "save it as UTF-8 and try again"
        ) from None


def _from_db(data_dir: str | None, today: date) -> tuple[History, str, int]:
    """The saved history, a sentence naming any rows that had to be left out, and the
    "Strength sessions a week" setting."""
    from hamstring_app import __version__, paths
    from hamstring_app.store.repository import open_repository

    folder = Path(data_dir).expanduser() if data_dir else paths.resolve_data_dir()
    # read only: assessing never migrates, backs up, chmods or writes the runner's data
    repo = open_repository(
        folder, today=lambda: today, app_version=__version__, read_only=True
    )
    try:
        history = repo.load_history()
        return history, repo.unreadable_sentence(), repo.get_settings().sessions_per_week
    finally:
        repo.close()


def _unreadable_storage(data_dir: str | None, exc: OSError | sqlite3.Error) -> str:
    from hamstring_app import paths
    from hamstring_app.store.db import plain_reason
    from hamstring_app.store.errors import storage_problem

    folder = Path(data_dir).expanduser() if data_dir else paths.resolve_data_dir()
    reason = storage_problem(exc) or plain_reason(exc)
    return (
        f"could not read your saved data in {folder} ({reason}). Nothing was changed. "
        "Check the disk and try again."
    )


def run_assess(
    *,
    file: str | None,
    use_db: bool,
    data_dir: str | None,
    today: str | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Assess a JSON file (``-`` for stdin) or the saved data, and print the JSON result."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    err = stderr or sys.stderr or open(os.devnull, "w")  # noqa: SIM115 (stderr closed)
    try:
        cli_today = parse_date("--today", today) if today is not None else None
    except ValidationError as e:
        return _fail(EXIT_INVALID, f"invalid input: {e.field}: {e.message}", err)

    # the week ahead plans this many strength sessions: the saved setting with --db
    strength_per_week = Settings().sessions_per_week
    if use_db:
        from hamstring_app.store.errors import StoreError

        day = cli_today or date.today()
        try:
            history, skipped, strength_per_week = _from_db(data_dir, day)
        except StoreError as e:
            return _fail(EXIT_FAILURE, str(e), err)
        except (OSError, sqlite3.Error) as e:  # what the store did not put in words
            return _fail(EXIT_FAILURE, _unreadable_storage(data_dir, e), err)
        if skipped:  # assessed without them; say so, but it is still a success
            _fail(EXIT_OK, f"note: {skipped}", err)
        try:
            check_span("--today", history, day)
        except ValidationError as e:
            return _fail(EXIT_INVALID, f"invalid input: {e.field}: {e.message}", err)
        onset = history.profile.injury_start if history.profile is not None else None
        if onset is not None and day < onset:
            return _fail(
                EXIT_INVALID,
                f"invalid input: --today: {day.isoformat()} is before the pain started "
                f"({onset.isoformat()}); assess a day on or after it",
                err,
            )
    else:
        if file is None:
            return _fail(EXIT_INVALID, "give a JSON file, - for standard input, or --db", err)
        source = "standard input" if file == "-" else file
        try:
            text = _read_text(file, stdin)
        except NotText as e:
            return _fail(EXIT_INVALID, f"cannot read {source}: {e}", err)
        except OSError as e:
            reason = e.strerror or str(e)
            return _fail(EXIT_INVALID, f"cannot read {source}: {reason}", err)
        try:
            document = json.loads(text, object_pairs_hook=json_object, parse_int=json_int)
        except NumberTooLong as e:
            return _fail(EXIT_INVALID, _too_long(source, text, e), err)
        except json.JSONDecodeError as e:
            return _fail(
                EXIT_INVALID,
                f"invalid input: {source} is not valid JSON (line {e.lineno}, column "
                f"{e.colno}: {e.msg})",
                err,
            )
        except RecursionError:
            return _fail(EXIT_INVALID, _too_deep(source), err)
        try:
            history, day = parse_document(
                document, cli_today=cli_today, system_today=date.today()
            )
        except ValidationError as e:
            return _fail(EXIT_INVALID, f"invalid input: {e.field}: {e.message}", err)
        except RecursionError:  # showing a deeply nested bad value can recurse too
            return _fail(EXIT_INVALID, _too_deep(source), err)

    result = evaluate(
        history, day, names=exercise_names(), strength_per_week=strength_per_week
    ).to_dict()
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if stdout is None:  # started with standard output closed (">&-")
        return _fail(EXIT_FAILURE, "could not write the assessment: standard output is closed",
                     err)
    try:
        buffer = getattr(stdout, "buffer", None)
        if buffer is not None:
            stdout.flush()
            buffer.write(text.encode("utf-8"))  # UTF-8 whatever the terminal's encoding
            buffer.flush()
        else:
            stdout.write(text)
            stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (``| head``): what it read was all it wanted
        silence_stream(stdout)
    except OSError as e:  # a full disk, a device error
        silence_stream(stdout)
        return _fail(
            EXIT_FAILURE,
            f"could not write the assessment to standard output: {e.strerror or e}",
            err,
        )
    return EXIT_OK
