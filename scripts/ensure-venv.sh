#!/usr/bin/env bash
# Creates the tests' Python virtual environment (.venv/, git-ignored) and installs
# scripts/requirements-test.txt into it; quiet and quick when it is already up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${EVENTMAP_VENV:-.venv}"
REQ=scripts/requirements-test.txt
STAMP="$VENV/.requirements-installed"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$STAMP" ] || ! cmp -s "$REQ" "$STAMP"; then
  echo "Installing Python packages for the tests into $VENV" >&2
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ" >&2
  cp "$REQ" "$STAMP"
fi
