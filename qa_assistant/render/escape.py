"""The one place where untrusted text becomes output that shows it literally.

A draft's words and its file name are untrusted: a draft may contain Markdown images, links,
HTML, ``javascript:`` URLs or Streamlit colour directives (``:red[ALL MET]``). Everything that
puts such text into HTML (the app, the HTML report) or Markdown (the Markdown report) goes
through these helpers, so it is shown as the characters it is, never interpreted, and never
makes a browser load anything.

- ``html_text``: HTML-escaped text, safe in element content and in quoted attributes.
- ``md_text``: Markdown-escaped text on one line: every ASCII punctuation character that can
  make Markdown syntax is backslash-escaped (no images, links, emphasis, HTML, maths,
  directives, short codes or table breaks) and
  the three triggers of GFM's bare-URL autolinks (``://``, ``www.`` and ``@``) are split by an
  invisible WORD JOINER, so no renderer turns a URL in a draft into a link.
- ``safe_file_stem``: a file name stem reduced to letters, digits and ``-_ .`` for downloads.

The app prefers components that do not interpret text at all (``st.html`` with ``html_text``,
``st.dataframe``); ``md_text`` is for Markdown files and for the few app strings that must be
Markdown.
"""

from __future__ import annotations

import html
import re

WORD_JOINER = "\u2060"
# ASCII punctuation that can start or end Markdown syntax (CommonMark, GFM, Streamlit's
# directives, emoji and icon short codes, maths): all of it but . , ; ? % ' " / which are inert
# in the middle of a line (a leading "1." is handled apart).
_MD_PUNCT = re.compile(r"([!#$&()*+\-:<=>@\[\\\]^_`{|}~])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)\.")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u0085\u2028\u2029]+")
_AUTOLINK = re.compile(r"(?i)(:)(?=//)|(?<=www)(?=\.)|(@)")


def html_text(value: object) -> str:
    """Text for HTML element content or a quoted attribute: ``& < > " '`` escaped."""
    return html.escape(str(value), quote=True)


def _break_autolinks(text: str) -> str:
    return _AUTOLINK.sub(lambda m: (m.group(0) or "") + WORD_JOINER, text)


def md_text(value: object) -> str:
    """Text shown literally in Markdown (CommonMark/GFM, Streamlit), on one line.

    Line breaks become spaces (a table cell, list item or quote stays one line), punctuation
    that can make syntax is backslash-escaped, and bare URLs are kept from auto-linking.
    """
    text = _LINE_BREAKS.sub(" ", str(value))
    text = _MD_PUNCT.sub(r"\\\1", _break_autolinks(text))
    return _LIST_NUMBER.sub(r"\1\\.", text)


def unescape_md(text: str) -> str:
    """What a Markdown renderer shows for ``md_text`` output (for tests and comparisons)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace(WORD_JOINER, "")


def safe_file_stem(name: str, default: str = "draft") -> str:
    """A file name stem for a download: letters, digits, ``-``, ``_``, space and ``.`` only."""
    stem = "".join(ch if ch.isalnum() or ch in "-_ ." else "_" for ch in str(name))
    return stem.strip(" .") or default
