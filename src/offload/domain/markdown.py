"""User text inside the brief and the plan: shown literally by a Markdown reader, and still
plain to read in a text editor, so only what would become markup gets a backslash
("P&L" stays "P&L"; "[x](y)" becomes "[x\\](y)"; "<b>" becomes "\\<b>")."""

from __future__ import annotations

import re

from offload.domain.text import visible

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_START = re.compile(r"<[A-Za-z/!?]")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _clean(text: str) -> str:
    """A control character is shown as `\\x1b`, never obeyed by a terminal printing the
    document (a tab reads as a space)."""
    return visible(str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "), keep="\n")


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _inline(line: str) -> str:
    """Escape, within one line, only the characters that would start markup where they stand."""
    out = []
    n = len(line)
    for i, ch in enumerate(line):
        prev = line[i - 1] if i else ""
        nxt = line[i + 1] if i + 1 < n else ""
        escape = False
        if ch == "\\":
            escape = nxt == "" or nxt in _PUNCT  # a backslash before anything else is literal
        elif ch in "`|":
            escape = True
        elif ch == "*":
            escape = not (_is_space(prev) and _is_space(nxt))  # "5 * 3" emphasises nothing
        elif ch == "_":
            escape = not (prev.isalnum() and nxt.isalnum())  # snake_case is safe
        elif ch == "~":
            escape = prev == "~" or nxt == "~"  # strikethrough takes two
        elif ch == "]":
            escape = nxt in ("(", "[", ":")  # a link, a reference, a definition
        elif ch == "<":
            escape = _HTML_START.match(line, i) is not None
        elif ch == "&":
            escape = _ENTITY.match(line, i) is not None
        elif ch == "#":
            # A heading's closing hashes would be dropped: "Task #" must keep its "#".
            escape = _is_space(prev) and line[i:].rstrip().strip("#") == ""
        out.append("\\" + ch if escape else ch)
    return "".join(out)


def _line(line: str) -> str:
    """One line: a list, quote, heading or rule marker at its start stays a character too."""
    m = _ORDERED.match(line)
    if m:
        return m.group(1) + "\\" + m.group(2) + _inline(line[m.end():])
    first, second = line[:1], line[1:2]
    if first and (first in "#>=" or (first in "-+*" and (_is_space(second) or second == first))):
        return "\\" + first + _inline(line[1:])
    return _inline(line)


def md_text(text: str) -> str:
    """User text (several lines kept as lines) as Markdown that shows exactly that text."""
    lines = [line.strip() for line in _clean(text).split("\n")]
    out: list[str] = []
    for i, line in enumerate(lines):
        shown = _line(line)
        # Two spaces keep a typed line break a line break; a blank line stays a paragraph break.
        if shown and i + 1 < len(lines) and lines[i + 1]:
            shown += "  "
        out.append(shown)
    return "\n".join(out).strip("\n")


def md_inline(text: str) -> str:
    """User text inside a line (a table cell, a heading, after a label): one line, `|` escaped,
    no line-start marker to guard."""
    return _inline(" ".join(_clean(text).split()))


def table(heads: list[str], rows: list[list[str]], right: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """A pipe table; columns in `right` are numbers, aligned right. Cells are already Markdown."""
    rule = ["---:" if i in right else "---" for i in range(len(heads))]
    return ["| " + " | ".join(row) + " |" for row in [heads]] + ["|" + "|".join(rule) + "|"] + \
        ["| " + " | ".join(row) + " |" for row in rows]
