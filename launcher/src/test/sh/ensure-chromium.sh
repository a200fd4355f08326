#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Debian's chromedriver; nothing is downloaded by
# the test tools themselves. Installs both when missing, so a fresh machine needs only a JDK.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "The browser tests need chromium and chromium-driver: run 'sudo apt-get install chromium chromium-driver'." >&2
    exit 1
fi
echo "Installing chromium and chromium-driver for the browser tests"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
