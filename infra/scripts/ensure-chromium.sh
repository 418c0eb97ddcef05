#!/usr/bin/env bash
# Makes sure a Chromium and CJK fonts are installed for the browser tests (Playwright drives Debian's Chromium:
# Playwright's own browser download is disabled, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
#
# The tests use Debian's chromium-headless-shell: the same Blink, V8 and Skia as the chromium package without the
# browser's own UI layer, the build Playwright itself runs for headless tests. It costs about a third less CPU per
# test file than chromium in headless mode (ADR 0042). CHROMIUM_BIN=/usr/bin/chromium picks the full browser (the
# LCP bench, bench/web-ssr.mjs, measures with it).
#
#   1. CHROMIUM_BIN (default /usr/bin/chromium-headless-shell) is executable and fonts-noto-cjk is installed -> done
#   2. running as root -> apt-get install -y <its Debian package> fonts-noto-cjk
#   3. otherwise       -> say what is missing, exit 1
# Prints the browser's path on stdout.
set -euo pipefail
GOVDISC_LOG_TAG=chromium
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium-headless-shell}"
fonts_ok() { dpkg -s fonts-noto-cjk >/dev/null 2>&1 || fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }
# The Debian package that installs a given path (only Debian's own two browsers are installed here).
package_of() {
  case "$1" in
    /usr/bin/chromium) echo chromium ;;
    /usr/bin/chromium-headless-shell) echo chromium-headless-shell ;;
    *) die "no Chromium at $1 (set CHROMIUM_BIN to an installed Chromium/Chrome, or leave it unset)" ;;
  esac
}

missing=()
[[ -x "$CHROMIUM_BIN" ]] || missing+=("$(package_of "$CHROMIUM_BIN")")
fonts_ok || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  log "installing ${missing[*]} for the browser tests"
  apt_install "${missing[@]}"
fi
[[ -x "$CHROMIUM_BIN" ]] || die "no Chromium at $CHROMIUM_BIN after installing ${missing[*]}"
echo "$CHROMIUM_BIN"
