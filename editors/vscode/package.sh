#!/usr/bin/env bash
# Packages the extension to editors/vscode/scrapelint.vsix: exact dependencies from
# package-lock.json (npm ci), then @vscode/vsce. Needs Node 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")"

# --ignore-scripts: vsce's optional keytar would try to download a prebuilt binary.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npx --no-install vsce package --allow-missing-repository --out scrapelint.vsix
