#!/usr/bin/env bash
# Chromium for the browser tests (test/browser, driven by playwright-core): Debian's package,
# installed with apt when missing (never Playwright's own browser download). Prints the
# browser's path on stdout, the last thing it writes there; CHROMIUM_PATH, when set, names the
# browser to use instead.
# Usage: bash scripts/ensure-chromium.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

find_chromium() {
  local candidate
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  path="$CHROMIUM_PATH"
elif ! path="$(find_chromium)"; then
  command -v apt-get >/dev/null 2>&1 || die "Chromium is missing and there is no apt-get here: install Chromium and set CHROMIUM_PATH"
  # fonts-dejavu-core: text in screenshots renders the same on every machine.
  apt_install chromium fonts-dejavu-core
  path="$(find_chromium)" || die "apt installed chromium, but no browser is at /usr/bin/chromium"
fi
# Debian's launcher script may complain on stderr about the machine; the version line is what matters.
log "chromium: $path ($("$path" --version 2>/dev/null || echo 'version unknown'))"
printf '%s\n' "$path"
