"""Counts in plain English words for the command line and stored summaries.

The app's own windows count through Qt's plural forms (ui/texts.py), which can be
translated; these are the untranslated sentences that leave the app as text.
"""

from __future__ import annotations


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """``1 run``, ``2 runs``, ``0 runs``; ``plural`` for nouns that do not just add an s."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {plural if plural is not None else noun + 's'}"
