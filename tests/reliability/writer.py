"""A writer process for the kill tests: saves records one commit at a time and prints a
line after each commit returns, so the killer knows exactly what was said to be saved.

Usage: python writer.py DATA_DIR FIRST_INDEX COUNT, or python writer.py --server DATA_DIR
COUNT: then each line read from stdin (a first index) forks a fresh writer child, whose
pid is printed first ("PID n") and whose end is printed last ("EXIT"). Forking from one
warmed-up process keeps twenty kills cheap: no new interpreter, no imports each time.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import date, timedelta

from hamstring_app.core.models import CheckIn, Run
from hamstring_app.store.repository import open_repository

FIRST_DAY = date(2000, 1, 1)
# Each child writes from its own first index, one day per index: 100 kills of 400 writes
# reach 2109, so "today" for the writer is later still (dates after it would be refused).
TODAY = date(2150, 1, 1)


def say(line: str) -> None:
    """One line in one write: print() with PYTHONUNBUFFERED writes the newline apart, so a
    kill between the two, or the server's line split around its child's, ran lines
    together. A pipe write this short is never split or mixed with another."""
    os.write(1, f"{line}\n".encode())


def checkin_for(k: int) -> CheckIn:
    return CheckIn(day=FIRST_DAY + timedelta(days=k), pain_rest=k % 11, note=f"entry {k}")


def run_for(k: int) -> Run:
    return Run(FIRST_DAY + timedelta(days=k), distance_km=1 + k % 30, note=f"run {k}")


def write(folder: str, first: int, count: int) -> None:
    repo = open_repository(folder, today=lambda: TODAY, app_version="kill-test")
    for k in range(first, first + count):
        if k == first + 1:  # the first write loaded what writing needs: kill from here on
            say("READY")
        repo.save_checkin(checkin_for(k))
        say(f"C {k}")
        saved = repo.add_run(run_for(k))
        say(f"R {k} {saved.id}")
    repo.close()
    say("DONE")


def serve(folder: str, count: int) -> None:
    import sqlalchemy.dialects.sqlite  # noqa: F401 - what the first write would import

    from hamstring_app.store import sql  # noqa: F401

    say("SERVING")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write(folder, int(line), count)
            except BaseException:  # say why, or a child dying early looks like a kill
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(0)
        say(f"PID {pid}")
        os.waitpid(pid, 0)
        say("EXIT")


def main() -> int:
    if sys.argv[1] == "--server":
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
