"""Hostile inputs for `assess`: a valid history with one or more parts replaced.

Shared by tests/cli/test_assess_fuzz.py (a modest number of examples in `make test`) and
tests/reliability/soak.py (`make soak`, thousands). Each generated case says which kinds of
damage it holds, so a test can measure that the generator reaches every kind.
"""

from __future__ import annotations

import copy
import io
import json
import re
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from hamstring_app.assess import run_assess

BASE: dict[str, Any] = {
    "today": "2026-03-16",
    "profile": {"injury_start": "2026-03-02", "usual_cadence_spm": 166},
    "checkins": [
        {"date": "2026-03-14", "pain_rest": 1, "pain_next_morning": 2},
        {"date": "2026-03-16", "pain_rest": 1, "pain_run": 3, "fatigue": 4, "note": "ok"},
    ],
    "runs": [
        {"date": "2026-03-08", "distance_km": 6.0, "duration_min": 36, "rpe": 4},
        {"date": "2026-03-15", "distance_km": 7.0, "type": "intervals", "cadence_spm": 170},
    ],
    "strength_sessions": [
        {"date": "2026-03-12", "sets": [{"exercise": "bridge_hold", "hold_s": 30, "pain": 2}]},
    ],
}

EDGE_DATES = [
    "0001-01-01", "1989-12-31", "1990-01-01", "2024-02-29", "2025-02-29", "2026-02-30",
    "2026-12-31", "9999-12-31", "10000-01-01", "2026-3-1", "", "2026-03-16T00:00",
]

numbers = st.one_of(
    st.integers(),
    st.integers(min_value=300, max_value=4299).map(lambda k: 10**k),
    st.integers(min_value=300, max_value=4299).map(lambda k: -(10**k)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 10, 11, 0.5, 1e308, 1.8e308, -0.0, 2**63, 2**64 + 1]),
)
texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\ud800", "a\udc80b", "\x00", "bridge_hold", " ", "x" * 2001]),
)
leaves = st.one_of(
    numbers.map(lambda v: ("number", v)),
    st.sampled_from(EDGE_DATES).map(lambda v: ("date", v)),
    texts.map(lambda v: ("text", v)),
    st.sampled_from([None, True, False, [], {}]).map(lambda v: ("other", v)),
)


@dataclass
class Case:
    text: str
    kinds: set[str] = field(default_factory=set)
    today: str | None = None


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for k, inner in enumerate(value):
            out += _paths(inner, (*prefix, k))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> bool:
    """Put ``value`` at ``path``; False when an earlier change already removed the path."""
    try:
        target = doc
        for key in path[:-1]:
            target = target[key]
        if not isinstance(target, dict | list):
            return False
        target[path[-1]] = value
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _duplicate_a_key(text: str, draw: Any) -> str:
    keys = [m.start() for m in re.finditer(r'"[a-z_]+": ', text)]
    if not keys:
        return text
    at = draw(st.sampled_from(keys))
    found = re.match(r'("[a-z_]+": )', text[at:])
    assert found
    return text[:at] + found.group(1) + "1, " + text[at:]


@st.composite
def cases(draw: Any) -> Case:
    doc = json.loads(json.dumps(BASE))
    kinds: set[str] = set()
    for path in draw(st.lists(st.sampled_from(_paths(BASE)), max_size=3)):
        kind, value = draw(leaves)
        # a copy: one value put at a path and again inside itself would make a cycle
        if _replace(doc, path, copy.deepcopy(value)):
            kinds.add(kind)
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["many_exercises", "far_today", "edge_today", "records"]))
        kinds.add(kind)
        if kind == "many_exercises":
            sets = [{"exercise": f"e{k}", "pain": 2} for k in range(draw(st.integers(1, 3000)))]
            doc["strength_sessions"] = [{"date": "2026-03-10", "sets": sets}]
        elif kind == "far_today":
            doc["today"] = draw(st.sampled_from(["9999-12-31", "2126-03-01", "2126-03-02"]))
        elif kind == "edge_today":
            doc["today"] = draw(st.sampled_from(EDGE_DATES))
        else:
            day = draw(st.sampled_from(EDGE_DATES))
            doc["runs"] = [{"date": day, "distance_km": 5}]
            doc["today"] = draw(st.sampled_from(EDGE_DATES))
    text = json.dumps(doc)  # may hold NaN and Infinity, as a careless writer would
    if draw(st.integers(0, 9)) == 0:
        depth = draw(st.integers(1, 100_000))
        text = '{"runs": ' + "[" * depth + "]" * depth + "}"
        kinds.add("deep")
    if draw(st.integers(0, 7)) == 0:
        text = _duplicate_a_key(text, draw)
        kinds.add("duplicate_key")
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("6.0", "1" + "0" * draw(st.integers(4290, 6000)), 1)
        kinds.add("long_digits")
    if draw(st.integers(0, 11)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
        kinds.add("truncated")
    today = draw(st.one_of(st.none(), st.sampled_from(EDGE_DATES)))
    if today is not None:
        kinds.add("cli_today")
    return Case(text, kinds, today)


@dataclass
class Outcome:
    code: int
    seconds: float
    out: str
    err: str
    crash: str = ""


def run_case(case: Case) -> Outcome:
    """Run `assess` in process on the case, with real UTF-8 text streams (like a terminal).

    An exception escaping `run_assess` is the crash the contract forbids; it is returned
    (with its traceback) instead of raised, so callers can count or report it.
    """
    stdin = io.StringIO(case.text)
    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(raw_out, encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(raw_err, encoding="utf-8", errors="strict")
    start = time.perf_counter()
    try:
        code = run_assess(
            file="-", use_db=False, data_dir=None, today=case.today, stdin=stdin, stdout=out,
            stderr=err,
        )
        crash = ""
    except BaseException:
        code, crash = -1, traceback.format_exc()
    seconds = time.perf_counter() - start
    for stream in (out, err):
        try:
            stream.flush()
        except Exception:
            crash = crash or traceback.format_exc()
    return Outcome(
        code,
        seconds,
        raw_out.getvalue().decode("utf-8", "replace"),
        raw_err.getvalue().decode("utf-8", "replace"),
        crash,
    )


def contract_broken(case: Case, outcome: Outcome) -> str | None:
    """Why the outcome breaks the documented contract, or None when it keeps it."""
    if outcome.crash:
        return "an exception escaped:\n" + outcome.crash
    if outcome.code not in (0, 2):
        return f"exit code {outcome.code}"
    if "Traceback" in outcome.err:
        return "a traceback on standard error"
    if outcome.code == 0:
        json.loads(outcome.out)  # the output is one JSON document
        if outcome.err:
            return f"a message with exit 0: {outcome.err!r}"
    elif not outcome.err.startswith("hamstring-app assess: ") or outcome.out:
        return f"exit 2 without its one sentence: {outcome.err[:200]!r}"
    return None
