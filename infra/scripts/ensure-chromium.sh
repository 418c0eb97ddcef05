#!/usr/bin/env bash
# Makes sure a Chromium and CJK fonts are installed for the web app's browser tests (Playwright drives
# Debian's Chromium: Playwright's own browser download is disabled, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
#
#   1. CHROMIUM_BIN (default /usr/bin/chromium) is executable and fonts-noto-cjk is installed -> done
#   2. running as root -> apt-get install -y chromium fonts-noto-cjk
#   3. otherwise       -> say what is missing, exit 1
# Prints the browser's path on stdout.
set -euo pipefail
GOVDISC_LOG_TAG=chromium
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
fonts_ok() { dpkg -s fonts-noto-cjk >/dev/null 2>&1 || fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }

missing=()
[[ -x "$CHROMIUM_BIN" ]] || missing+=(chromium)
fonts_ok || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  log "installing ${missing[*]} for the browser tests"
  apt_install "${missing[@]}"
fi
[[ -x "$CHROMIUM_BIN" ]] || die "no Chromium at $CHROMIUM_BIN (set CHROMIUM_BIN to another Chromium/Chrome)"
echo "$CHROMIUM_BIN"
