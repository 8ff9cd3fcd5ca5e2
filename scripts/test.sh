#!/usr/bin/env bash
# Run the whole test suite (installs the project, test tools and headless Chromium first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh test
bash scripts/install_browser.sh || echo "warning: could not install Chromium; browser test will say why" >&2
.venv/bin/ruff check qa_assistant devtools tests app.py scripts
exec .venv/bin/python -m pytest -q "$@"
