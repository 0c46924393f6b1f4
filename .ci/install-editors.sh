#!/usr/bin/env bash
# Makes sure Node 20+ and npm are there for tests/editors.rs, which packages the VS Code
# extension (editors/vscode/package.sh). Idempotent: does nothing when they are.
set -euo pipefail

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
    echo "install-editors: Node $major found; @vscode/vsce needs Node 20 or later" >&2
    exit 1
fi
