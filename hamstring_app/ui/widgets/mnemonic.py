"""Labels and check boxes whose text has a shortcut letter ("&To") keep their last letter.

Qt measures such a text as one run, kerned ("To": the "o" tucks under the "T"), but draws
the underlined letter as a run of its own, so the pair is drawn unkerned and a pixel or two
wider than the room it was given: the last letter is cut at the edge. Drawing the whole text
without kerning makes the measure and the drawing agree. A push button has padding round its
text and needs nothing.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QLabel

W = TypeVar("W", QLabel, QAbstractButton)


def has_mnemonic(text: str) -> bool:
    """Whether ``text`` has a shortcut letter ("&&" is a plain "&")."""
    return "&" in text.replace("&&", "")


def keep_mnemonic_whole(widget: W) -> W:
    """Draw ``widget``'s text unkerned (call it after any setFont). Returns ``widget``."""
    font = widget.font()
    if font.kerning():
        font.setKerning(False)
        widget.setFont(font)
    return widget
