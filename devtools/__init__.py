"""Developer tools for the source checkout: not part of the installed ``qa_assistant`` package.

- ``python -m devtools.bench [--quick]``: the speed and memory benchmark (writes
  ``bench/results.md``);
- ``python -m devtools.corpus build [FOLDER]``: render corpus sources (``<id>.src.md``) into the
  .docx/.pdf/.txt their labels name;
- ``python -m devtools.consistency [FOLDER]``: the same draft as .docx, .pdf and .txt, same
  verdicts?

They run from a clone with the test extras installed (``pip install -e ".[test]"``: PDFs are
rendered with reportlab) and are never shipped in the wheel (``pyproject.toml`` packages only
``qa_assistant*``). Nothing in ``qa_assistant`` imports them.
"""

from __future__ import annotations

from pathlib import Path

# The source checkout: the corpus, the demo drafts and bench/ are found from here.
ROOT = Path(__file__).resolve().parent.parent
