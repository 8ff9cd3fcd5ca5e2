"""Text bound for a terminal: control characters from a draft or a file name made visible.

A draft (or its file name) can carry ESC/OSC/CSI sequences that would clear the screen, move the
cursor, retitle the window or print a fake "all concerns met" over the real report. Everything a
terminal shows goes through ``visible()``: C0 controls other than newline and tab, DEL, C1
controls and the bidirectional overrides (which reorder what is displayed) are written as escapes
such as ``\\x1b`` or ``\\u202e``, so they are seen, not obeyed.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# The same set less C0 (which JSON already escapes): for output that must stay valid JSON.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object) -> str:
    """``text`` with every control character a terminal would act on shown as an escape."""
    return _UNSAFE.sub(_escape, str(text))


def visible_line(text: object) -> str:
    """One line for stderr: like ``visible`` and newlines and tabs escaped as well."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def json_for_terminal(text: str) -> str:
    """JSON text (C0 already escaped by ``json.dumps``) with DEL, C1 and bidirectional controls
    written as ``\\u`` escapes too: the same JSON value, safe to show."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
