"""Errors a user may see: each carries one clear sentence, never draft text or a traceback."""

from __future__ import annotations


class DraftError(Exception):
    """A draft could not be read; ``str(err)`` is the message shown to the user."""


class UnsupportedFormat(DraftError):
    """The file is not a type the tool reads (or is a legacy/renamed type)."""


class UnsafeDocument(DraftError):
    """The file looks like a decompression bomb or carries dangerous XML."""


class TooLarge(DraftError):
    """The file is bigger than the configured limit."""


class NoText(DraftError):
    """The file was read but holds no usable text (empty, or a scan with no text layer)."""


class Encrypted(DraftError):
    """The file is password-protected."""
