#!/usr/bin/env bash
# Makes sure Debian's Chromium (and its driver) are installed for the report's browser test.
# Installs them with apt-get when /usr/bin/chromium is missing and we are root (as on CI);
# otherwise says what to do and fails: the browser test must not be skipped.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium is not installed and this user cannot install it: run 'sudo apt-get install -y chromium chromium-driver'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; then
  apt-get update -q >/dev/null
  apt-get install -y -q chromium chromium-driver >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "apt-get ran but /usr/bin/chromium is still missing" >&2; exit 1; }
