#!/usr/bin/env bash
# Installs the browsers the end-to-end tests drive, from Debian's packages (never a test tool's
# download): Chromium (playwright-core) and Firefox ESR (puppeteer-core, WebDriver BiDi).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if [ ${#need[@]} -eq 0 ]; then
  echo "browsers present: $(chromium --version 2>/dev/null | head -1); $(firefox-esr --version 2>/dev/null | head -1)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need[@]}"
