#!/usr/bin/env bash
# Installs what `tests/python.rs` needs: a JRE for PySpark (Debian), a virtualenv
# `.venv-ci` with python/requirements-test.txt, and the scrapelint wheel built from
# this checkout with maturin. Idempotent: a second run only rebuilds the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${SCRAPELINT_VENV:-.venv-ci}"
PYTHON="${PYTHON:-python3}"
start=$SECONDS

if ! command -v java >/dev/null 2>&1; then
    echo "install-python: installing a headless JRE for PySpark"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r python/requirements-test.txt
echo "install-python: packages ready after $((SECONDS - start)) s"

# The wheel: release build, into a folder of its own. Not --locked: python/Cargo.lock
# follows the main crate's dependencies, which other branches change.
rm -rf python/dist
"$VENV/bin/maturin" build --release --quiet -m python/Cargo.toml \
    --interpreter "$VENV/bin/python" --out python/dist
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps python/dist/scrapelint-*.whl
echo "install-python: wheel installed after $((SECONDS - start)) s"
