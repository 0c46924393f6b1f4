#!/usr/bin/env bash
# Installs Debian's chromium for tests/report_browser.rs (the HTML report in a real
# browser). Idempotent: does nothing when chromium is already there.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
chromium --version
