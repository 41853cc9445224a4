"""`make soak` (not run by `make test` or CI): 100 SIGKILLs of a writer and 5,000 fuzz
inputs to `assess`, printing the counts. Exit 0 when nothing was lost and the contract
held for every input, 1 otherwise.

Run: ``make soak`` (or ``.venv/bin/python tests/reliability/soak.py [KILLS] [INPUTS]``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "cli")]

from assess_fuzz import cases, contract_broken, run_case  # noqa: E402
from kills import kill_and_check  # noqa: E402


def soak_kills(kills: int) -> bool:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        report = kill_and_check(Path(tmp) / "data", kills=kills, seed=int(time.time()))
    print(
        f"kills: {report.kills} SIGKILLs, {report.committed} writes told committed, "
        f"{len(report.missing)} missing, {len(report.wrong)} changed, "
        f"integrity_check {'ok' if not report.integrity else report.integrity} "
        f"({time.perf_counter() - start:.0f} s)"
    )
    return not (report.missing or report.wrong or report.integrity)


def soak_fuzz(inputs: int) -> bool:
    from hypothesis import HealthCheck, given, settings

    codes: Counter[int] = Counter()
    kinds: Counter[str] = Counter()
    broken: list[str] = []
    slowest = 0.0

    @settings(
        max_examples=inputs, deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases())
    def one(case):  # type: ignore[no-untyped-def]
        nonlocal slowest
        outcome = run_case(case)
        codes[outcome.code] += 1
        kinds.update(case.kinds)
        slowest = max(slowest, outcome.seconds)
        why = contract_broken(case, outcome)
        if why:
            broken.append(f"{why}\n  input: {case.text[:200]!r} today={case.today!r}")

    start = time.perf_counter()
    one()
    total = sum(codes.values())
    print(
        f"fuzz: {total} inputs, exit 0: {codes[0]}, exit 2: {codes[2]}, "
        f"contract broken: {len(broken)}, slowest {slowest:.2f} s "
        f"({time.perf_counter() - start:.0f} s)"
    )
    print("fuzz kinds reached: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for why in broken[:5]:
        print("  " + why)
    return not broken


def main(argv: list[str]) -> int:
    kills = int(argv[0]) if argv else 100
    inputs = int(argv[1]) if len(argv) > 1 else 5000
    ok = soak_kills(kills)
    ok = soak_fuzz(inputs) and ok
    print("soak: " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
