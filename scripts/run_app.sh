#!/usr/bin/env bash
# Start the QA assistant app on http://localhost:8501 (installs what it needs on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
export STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
exec .venv/bin/streamlit run app.py "$@"
