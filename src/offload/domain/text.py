"""Text is data: one rule for what may come in (no control characters), one way to show it
(literally), and one meaning of "the same name, whatever the case", for all of Unicode."""

from __future__ import annotations

import unicodedata

from offload.domain.errors import InvalidInput

# Joiners shape emoji and some scripts (Persian, Indic): format characters, but writing.
_JOINERS = "\u200c\u200d"


def is_control(ch: str) -> bool:
    """Characters that steer a terminal or reorder text rather than being text: C0/C1
    controls (escape, bell, NUL), format characters such as the right-to-left override,
    and lone surrogates."""
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs") or (category == "Cf" and ch not in _JOINERS)


def has_control(text: str, keep: str = "") -> bool:
    return any(is_control(ch) and ch not in keep for ch in text)


def refuse_control(text: str, what: str, keep: str = "") -> str:
    """`text` unchanged, or InvalidInput naming `what` ("A note", "The currency") when it
    holds a control character; `keep` lists those allowed (newline and tab in a brief field)."""
    if has_control(text, keep):
        raise InvalidInput(f"{what} cannot contain control characters (escape sequences, NUL, bell ...).")
    return text


def visible(text: str, keep: str = "\n\t") -> str:
    """Text to print on a terminal: any control character (from data written before these
    rules, or by another program) shown as an escape like `\\x1b`, never obeyed."""
    if not has_control(text, keep):
        return text
    out = []
    for ch in text:
        if is_control(ch) and ch not in keep:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def name_key(name: str) -> str:
    """What makes two names the same name: Unicode case folding of the canonical form, so
    "École", "école" and "E\\u0301cole" are one task (SQLite's NOCASE folds A-Z only)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", " ".join(str(name).split())).casefold())
